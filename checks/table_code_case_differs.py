from collections.abc import Iterator
from functools import partial

from lint.finding import Edit, Finding
from lint.group import ArticleGroup
from lint.model import Article, Location, TableRow
from lint.registry import rule


@rule("WL210", severity="warning", fixable=True)
def table_code_case_differs(group: ArticleGroup) -> Iterator[Finding]:
    """A summary-table row writes its error code in another case than the other locales' row.

    Why: the code is the same, but readers copy it as shown into searches and support requests,
    and the table reads as one list only when every row is written alike. Only the case of the
    hex digits is compared; a row whose code differs from its link's section is WL201's.
    Fix: the code is rewritten in the other locales' case.
    Bad:  |[0xc004f074](#0xc004f074-no-key-management-service-kms-could-be-contacted) |…  (others: 0xC004F074)
    Good: |[0xC004F074](#0xc004f074-no-key-management-service-kms-could-be-contacted) |…
    """
    codes = dict.fromkeys(row.aligned_code for article in group for row in article.table if row.aligned_code)
    for code in codes:
        verdict = group.verdict(partial(_case, code=code))
        if verdict is None or verdict.reference is None:
            continue
        example = _shown(_row(verdict.holders[0], code))
        for article in verdict.deviating:
            row = _row(article, code)
            shown = _shown(row)
            if row is None or row.link is None or shown is None or example is None:
                continue
            start = row.link.raw.find(shown)
            fix = Edit(row.link.loc.line, row.link.loc.col + start, shown, example) if start > 0 and verdict.basis != "tie" else None
            yield Finding(
                row.link.loc,
                f"row writes {shown}; {', '.join(a.locale or a.path for a in verdict.holders)} write {example}",
                locale=article.locale or "",
                related=group.related(verdict.holders, partial(_row_view, code=code)),
                key=f"{code}/table-code-case",
                excerpt=row.link.raw,
                fixes=(fix,) if fix else (),
            )


def _row(article: Article, code: str) -> TableRow | None:
    """The row about `code` whose shown code is that code (WL201 tells the others)."""
    row = article.aligned_row(code)
    return row if row and row.code == code else None


def _shown(row: TableRow | None) -> str | None:
    return row.link.text.strip() if row and row.link else None


def _case(article: Article, code: str) -> str | None:
    """How the row writes the hex digits of `code`: "upper", "lower" or "mixed"."""
    shown = _shown(_row(article, code))
    if shown is None or not any(ch.isalpha() for ch in shown[2:]):
        return None
    digits = shown[2:]
    return "upper" if digits.isupper() else "lower" if digits.islower() else "mixed"


def _row_view(other: Article, code: str) -> tuple[Location, str] | None:
    row = _row(other, code)
    return (row.link.loc, row.link.raw) if row and row.link else None
