from collections.abc import Iterator

from lint.finding import Finding
from lint.group import ArticleGroup
from lint.registry import rule


@rule("WL205", severity="warning")
def section_without_row(group: ArticleGroup) -> Iterator[Finding]:
    """A code's section has no row in the summary table.

    Why: readers find codes through the table; a section without a row is found only by scrolling.
    A section that a row links to has a row, whatever code the row shows (WL201 reports that).
    When other locales list the code, the missing row is reported by WL206 instead; a heading
    whose code differs from its anchor's, by WL701.
    Bad:  ### 0xC004F074 … with no `|[0xC004F074](#0xc004f074-…)|` row
    Good: one table row per code section.
    """
    yield from group.from_source(_findings(group))


def _findings(group: ArticleGroup) -> Iterator[Finding]:
    for article in group:
        if not article.table:
            continue
        row_codes = {row.code for row in article.table} | {row.aligned_code for row in article.table}
        row_anchors = {row.anchor.lower() for row in article.table}
        for code, section in article.code_sections.items():
            if section.anchor_code not in (None, code):  # the heading shows another code than its anchor: WL701
                continue
            anchor = section.anchor.lower()
            if code in row_codes or (anchor and anchor in row_anchors) or any(other.aligned_row(code) for other in group.others(article)):
                continue
            yield Finding(
                section.loc,
                f"{code} has a section but no row in the summary table",
                locale=article.locale or "",
                key=f"{code}/no-row",
                excerpt=section.title,
            )
