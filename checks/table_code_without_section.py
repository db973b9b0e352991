from collections.abc import Iterator
from functools import partial

from lint.finding import Finding
from lint.group import ArticleGroup
from lint.model import Article, Location, TableRow
from lint.registry import rule


@rule("WL204", severity="error")
def table_code_without_section(group: ArticleGroup) -> Iterator[Finding]:
    """A code listed in the summary table has no section in the file.

    Why: the table promises an explanation and a fix for every code it lists. A row whose link
    goes nowhere (WL202) or to another code's section (WL201) is reported by those rules only.
    Bad:  |0xC004F074 |Aucun KMS n’a pu être contacté. |   and no heading for 0xC004F074
    Good: a `### <a name="0xc004f074-…"></a>0xC004F074 …` section for every row.
    """
    yield from group.from_source(_findings(group))


def _findings(group: ArticleGroup) -> Iterator[Finding]:
    for article in group:
        for row in article.table:
            if not row.code or _has_section(article, row.code) or _explained_elsewhere(article, row):
                continue
            target = article.sections_by_anchor.get(row.anchor.lower()) if row.anchor else None
            linked = f"; its row links to #{target.anchor}, the section of {target.code}" if target and target.code else ""
            yield Finding(
                row.loc,
                f"{row.code} is listed in the table but has no section in this file{linked}",
                locale=article.locale or "",
                related=group.related(group.others(article), partial(_section_view, code=row.code)),
                key=f"{row.code}/no-section",
                excerpt=row.link.raw if row.link else row.code,
            )


def _has_section(article: Article, code: str) -> bool:
    """A heading shows the code or its anchor names it (a heading showing another code is WL701's)."""
    return code in article.code_sections or any(section.anchor_code == code for section in article.walk())


def _explained_elsewhere(article: Article, row: TableRow) -> bool:
    """A link to another code's anchor (WL201) or to no heading (WL202) is reported by its own rule."""
    wrong_code = bool(row.anchor_code) and row.anchor_code != row.code
    dangling = bool(row.anchor) and row.anchor.lower() not in article.sections_by_anchor
    return wrong_code or dangling


def _section_view(other: Article, code: str) -> tuple[Location, str] | None:
    section = other.code_sections.get(code)
    return (section.loc, section.title) if section else None
