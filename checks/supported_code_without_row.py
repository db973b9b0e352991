from collections.abc import Iterator

from lint.finding import Finding
from lint.group import ArticleGroup
from lint.model import Article
from lint.registry import rule


@rule("WL302", severity="warning")
def supported_code_without_row(group: ArticleGroup) -> Iterator[Finding]:
    """A code in the diagnostic tool's list of supported codes has no row in the summary table.

    Why: the list says the article covers the code, but readers cannot look it up; usually the
    code is mistyped in the list or its row was lost. A row linking to the code's section counts,
    whatever code it shows (WL201 reports that); a code only this locale lists (WL301) or only
    this locale has no row for (WL206) is left to those rules.
    Bad:  Supported codes: 0xC004F038, 0xC004F039, 0xC004F04l   (no such row)
    Good: every listed code has a table row.
    """
    yield from group.from_source(_findings(group))


def _findings(group: ArticleGroup) -> Iterator[Finding]:
    for article in group:
        if article.code_list is None or not article.table:
            continue
        for item in article.code_list.codes:
            if article.rows_for(item.text) or article.aligned_row(item.text) or _reported_elsewhere(group, article, item.text):
                continue
            yield Finding(
                item.loc,
                f"{item.raw} is in the list of supported codes but has no row in the summary table",
                locale=article.locale or "",
                key=f"{item.text}/supported-without-row",
                excerpt=item.raw,
            )


def _reported_elsewhere(group: ArticleGroup, article: Article, code: str) -> bool:
    """Listed by this locale only (WL301 says so), or given a row by other locales (WL206 says so)."""
    lists = [other.code_list for other in group.others(article) if other.code_list]
    only_here = bool(lists) and not any(code in listed.code_set for listed in lists)
    return only_here or any(other.aligned_row(code) for other in group.others(article))
