from collections.abc import Iterator
from functools import partial

from lint.finding import Edit, Finding
from lint.group import ArticleGroup
from lint.model import Article, Location, Section
from lint.registry import rule
from lint.text import leading_code, split_code_title


@rule("WL701", severity="error", fixable=True)
def heading_code_mismatch(group: ArticleGroup) -> Iterator[Finding]:
    """A section heading shows one error code and its anchor names another.

    Why: the table links to the anchor, so readers who click one code land under a heading that
    shows another and cannot tell which fix applies.
    Fix: when every other locale's heading with this anchor shows the anchor's code, the visible
    code is rewritten to it, spelled as they spell it.
    Bad:  ### <a name="0xc004f038-…"></a>0xC004F039 Le compte… est insuffisant
    Good: ### <a name="0xc004f038-…"></a>0xC004F038 Le compte… est insuffisant
    """
    for article in group:
        for section in article.walk():
            if not (section.code and section.anchor_code) or section.code == section.anchor_code:
                continue
            split = split_code_title(section.heading.text)
            if not split:
                continue
            shown = split[0]
            loc = section.heading.loc_at(section.heading.text.index(shown))
            related = group.related(group.others(article), partial(_same_anchor, section=section))
            agreed = bool(related) and all(leading_code(r.text) == section.anchor_code for r in related)
            yield Finding(
                loc,
                f"heading shows {section.code} but its anchor #{section.anchor} is {section.anchor_code}'s",
                locale=article.locale or "",
                related=related,
                key=f"{section.anchor_code}/heading-code",
                excerpt=shown,
                fixes=(Edit(loc.line, loc.col, shown, _their_spelling(related[0].text)),) if agreed else (),
            )


def _same_anchor(other: Article, section: Section) -> tuple[Location, str] | None:
    theirs = other.sections_by_anchor.get(section.anchor.lower())
    return (theirs.loc, theirs.title) if theirs else None


def _their_spelling(title: str) -> str:
    split = split_code_title(title)
    return split[0] if split else title
