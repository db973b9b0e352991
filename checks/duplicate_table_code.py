from collections.abc import Iterator
from functools import partial

from lint.finding import Finding
from lint.group import ArticleGroup
from lint.model import Article, Location
from lint.registry import rule


@rule("WL203", severity="error")
def duplicate_table_code(group: ArticleGroup) -> Iterator[Finding]:
    """The summary table lists the same error code in two rows.

    Why: one of the two rows is almost always another code's row with the wrong code typed in, so
    that code has no row of its own.
    Bad:  |[0x8007232A](#0x8007232a-dns-server-failure) |…
          |[0x8007232A](#0x8007232b-dns-name-does-not-exist) |…
    Good: the second row shows 0x8007232B.
    """
    for article in group:
        first_rows: dict[str, int] = {}
        for index, row in enumerate(article.table):
            if not row.code:
                continue
            if row.code not in first_rows:
                first_rows[row.code] = index
                continue
            first = article.table[first_rows[row.code]]
            linked = f"; this row links to the section of {row.anchor_code}" if row.anchor_code and row.anchor_code != row.code else ""
            yield Finding(
                row.loc,
                f"{row.code} is listed twice in the table (first at line {first.loc.line}){linked}",
                locale=article.locale or "",
                related=group.related(group.others(article), partial(_row_at, index=index)),
                key=f"{row.code}/table-duplicate",
                excerpt=row.link.raw if row.link else row.code,
            )


def _row_at(other: Article, index: int) -> tuple[Location, str] | None:
    if index < len(other.table):
        row = other.table[index]
        return (row.loc, row.link.raw if row.link else row.code or "")
    return None
