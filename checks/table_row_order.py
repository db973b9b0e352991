from bisect import bisect_left
from collections.abc import Iterator
from functools import partial

from lint.finding import Finding
from lint.group import ArticleGroup
from lint.model import Article, Location
from lint.registry import rule


@rule("WL207", severity="warning")
def table_row_order(group: ArticleGroup) -> Iterator[Finding]:
    """The summary table lists codes in another order than the other locales' tables.

    Why: the table is sorted so that a code can be found at a glance; a moved row hides it and
    usually means a row was pasted back in the wrong place. Only the codes that every locale lists
    are compared, and only the rows that moved are reported.
    Bad:  0x8007232B, 0x8007232A, 0x8007251D   (others: 0x8007232A, 0x8007232B, 0x8007251D)
    Good: the same order as the other locales.
    """
    tables = [{row.aligned_code for row in a.table if row.aligned_code} for a in group]
    shared = set.intersection(*tables) if len(tables) > 1 else set()
    verdict = group.verdict(partial(_order, shared=shared))
    if verdict is None or not shared:
        return
    who = ", ".join(a.locale or a.path for a in verdict.holders)
    for article in verdict.deviating:
        mine = _order(article, shared)
        for code in _moved(mine, verdict.reference):
            row = article.aligned_row(code)
            assert row is not None
            here, there = mine.index(code), verdict.reference.index(code)
            ours = f"after {mine[here - 1]}" if here else "first"
            theirs = f"after {verdict.reference[there - 1]}" if there else "first"
            yield Finding(
                row.loc,
                f"{code} comes {ours} here; {who} list it {theirs}",
                locale=article.locale or "",
                related=group.related(verdict.holders, partial(_row_view, code=code)),
                key=f"{code}/table-order",
                excerpt=row.link.raw if row.link else row.code or "",
            )


def _order(article: Article, shared: set[str]) -> tuple[str, ...]:
    """The codes every locale lists, in this article's order."""
    return tuple(dict.fromkeys(code for row in article.table if (code := row.aligned_code) in shared))


def _moved(mine: tuple[str, ...], reference: tuple[str, ...]) -> list[str]:
    """The codes outside a longest run of `mine` that keeps the reference's order."""
    ranks = [reference.index(code) for code in mine]
    tails: list[int] = []  # tails[k]: index in `ranks` of the smallest tail of an increasing run of length k + 1
    parent = [-1] * len(ranks)
    for index, rank in enumerate(ranks):
        length = bisect_left([ranks[t] for t in tails], rank)
        parent[index] = tails[length - 1] if length else -1
        tails[length : length + 1] = [index]
    kept, index = set(), tails[-1] if tails else -1
    while index >= 0:
        kept.add(index)
        index = parent[index]
    return [code for index, code in enumerate(mine) if index not in kept]


def _row_view(other: Article, code: str) -> tuple[Location, str] | None:
    row = other.aligned_row(code)
    return (row.loc, row.link.raw if row.link else row.code or "") if row else None
