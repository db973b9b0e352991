from collections.abc import Iterator
from functools import partial

from lint.finding import Edit, Finding
from lint.group import ArticleGroup
from lint.model import Article, Location
from lint.registry import rule
from lint.text import leading_code


@rule("WL201", severity="error", fixable=True)
def table_link_mismatch(group: ArticleGroup) -> Iterator[Finding]:
    """A summary-table row shows one error code and links to the section of another.

    Why: readers click the code they see and land on another code's fix.
    Fix: when the other locales' row for that section shows the section's code, the link text is
    rewritten to it.
    Bad:  |[0x8007232A](#0x8007232b-dns-name-does-not-exist) |…
    Good: |[0x8007232B](#0x8007232b-dns-name-does-not-exist) |…
    """
    for article in group:
        for row in article.table:
            if not (row.link and row.code and row.anchor_code) or row.code == row.anchor_code:
                continue
            target = row.anchor_code
            related = group.related(group.others(article), partial(_row_view, code=target))
            agreed = bool(related) and all(leading_code(r.text.lstrip("[")) == target for r in related)
            shown = row.link.text.strip()
            fix = Edit(row.link.loc.line, row.link.loc.col + 1, shown, _spelled_like(target, related[0].text[1:11])) if agreed else None
            yield Finding(
                row.link.loc,
                f"row shows {shown} but links to #{row.anchor}, the section of {target}",
                locale=article.locale or "",
                related=related,
                key=f"{target}/table-link",
                excerpt=row.link.raw,
                fixes=(fix,) if fix else (),
            )


def _row_view(other: Article, code: str) -> tuple[Location, str] | None:
    row = other.row_linking_to(code)
    return (row.link.loc, row.link.raw) if row and row.link else None


def _spelled_like(code: str, example: str) -> str:
    """`code` with the hex digits in the case the other locales write them."""
    return "0x" + code[2:].lower() if example[2:].islower() else code
