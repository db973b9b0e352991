from collections.abc import Iterator
from functools import partial

from lint.finding import Finding
from lint.group import ArticleGroup, Verdict
from lint.model import Article, Location
from lint.registry import rule


@rule("WL206", severity="error")
def table_row_missing(group: ArticleGroup) -> Iterator[Finding]:
    """A code has a summary-table row in the other locales but none in this one (or the reverse).

    Why: readers of this locale look the code up in the table and conclude the article does not
    cover it. Rows are aligned by the section they link to, so a row showing a mistyped code is
    still that code's row (WL201 reports it). Rows that a newer source revision added are reported
    on the older translations, with the revision.
    Bad:  fr-FR's table has no 0x8007232B row; ru-RU, zh-CN, es-ES and ja-JP have one.
    Good: the same codes in every locale's table.
    """
    codes = dict.fromkeys(row.aligned_code for a in group for row in a.table if row.aligned_code)
    for code in codes:
        verdict = group.verdict(partial(_has_row, code=code))
        if verdict is None or verdict.reference is None:
            continue
        for article in verdict.deviating:
            if article.table:
                yield _missing(group, article, code, verdict) if verdict.reference else _extra(group, article, code, verdict)


def _missing(group: ArticleGroup, article: Article, code: str, verdict: Verdict[bool | None]) -> Finding:
    order = [row.aligned_code for row in verdict.holders[0].table if row.aligned_code]
    before = next((article.aligned_row(c) for c in reversed(order[: order.index(code)]) if article.aligned_row(c)), None)
    after = next((article.aligned_row(c) for c in order[order.index(code) + 1 :] if article.aligned_row(c)), None)
    where = " and ".join(([f"after {before.aligned_code}"] if before else []) + ([f"before {after.aligned_code}"] if after else []))
    return Finding(
        (after or before or article.table[0]).loc,
        f"{code} has no row in this table; {_who(verdict)} list it {where}{_note(group, article, verdict)}",
        locale=article.locale or "",
        related=group.related(verdict.holders, partial(_row_view, code=code)),
        key=f"{code}/table-row-missing",
        cause="stale-revision" if verdict.stale else "",
    )


def _extra(group: ArticleGroup, article: Article, code: str, verdict: Verdict[bool | None]) -> Finding:
    row = article.aligned_row(code)
    assert row is not None
    return Finding(
        row.loc,
        f"{code} has a row in this table but none in {_who(verdict)}'s{_note(group, article, verdict)}",
        locale=article.locale or "",
        key=f"{code}/table-row-extra",
        excerpt=row.link.raw if row.link else row.code or "",
        cause="stale-revision" if verdict.stale else "",
    )


def _has_row(article: Article, code: str) -> bool | None:
    """None for an article without a table: it says nothing about rows."""
    return article.aligned_row(code) is not None if article.table else None


def _who(verdict: Verdict[bool | None]) -> str:
    return ", ".join(a.locale or a.path for a in verdict.holders)


def _note(group: ArticleGroup, article: Article, verdict: Verdict[bool | None]) -> str:
    return f"; {group.stale_note(article, verdict)}" if verdict.stale else ""


def _row_view(other: Article, code: str) -> tuple[Location, str] | None:
    row = other.aligned_row(code)
    return (row.loc, row.link.raw if row.link else row.code or "") if row else None
