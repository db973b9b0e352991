from collections.abc import Iterator
from functools import partial

from lint.finding import Finding
from lint.group import ArticleGroup
from lint.model import Article, Location
from lint.registry import rule


@rule("WL202", severity="error")
def table_anchor_missing(group: ArticleGroup) -> Iterator[Finding]:
    """A summary-table row links to an anchor that no heading of the file has.

    Why: the link goes nowhere; usually the anchor was translated, mistyped or its section removed.
    Bad:  |[0xC004F074](#0xc004f074-kms-konnte-nicht-kontaktiert-werden) |…  (no such <a name>)
    Good: |[0xC004F074](#0xc004f074-no-key-management-service-kms-could-be-contacted) |…
    """
    for article in group:
        for row in article.table:
            if not row.link or not row.anchor or row.anchor.lower() in article.sections_by_anchor:
                continue
            code = row.code or row.anchor_code or ""
            yield Finding(
                row.link.loc,
                f"row {code} links to #{row.anchor}, which no heading in this file has",
                locale=article.locale or "",
                related=group.related(group.others(article), partial(_anchor_view, code=code)),
                key=f"{code}/table-anchor",
                excerpt=row.link.raw,
            )


def _anchor_view(other: Article, code: str) -> tuple[Location, str] | None:
    section = other.code_sections.get(code)
    return (section.loc, f"#{section.anchor}") if section and section.anchor else None
