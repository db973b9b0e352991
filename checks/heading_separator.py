import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from lint.finding import Edit, Finding
from lint.group import ArticleGroup
from lint.model import Article, Section
from lint.registry import rule
from lint.text import split_code_title

_SPACES = re.compile(r"\s+")


@rule("WL702", severity="warning", fixable=True)
def heading_separator(group: ArticleGroup, *, share: float = 0.75) -> Iterator[Finding]:
    """A code heading separates the code from its title differently from every other code heading of the file.

    Why: the glued or odd heading looks broken and its title is hard to read; anchors generated
    from it change. The file's own style is the norm (`CODE Title`, `CODE: título`, `CODE – 標題`
    are all fine when used throughout); non-breaking and ordinary spaces are the same.
    `share` is how many of the file's code headings must use one separator for it to be the norm.
    Fix: the file's separator is put between the code and the title.
    Bad:  ### 0xC004F065Le service de protection logicielle…   (the file writes `0xC004F064 Le …`)
    Good: ### 0xC004F065 Le service de protection logicielle…
    """
    for article in group:
        headings = _code_headings(article)
        usual, count = Counter(_norm(sep) for _, sep, _ in headings).most_common(1)[0] if headings else ("", 0)
        if count < 3 or count < share * len(headings):
            continue
        for section, separator, code in headings:
            if _norm(separator) == usual:
                continue
            loc = section.heading.loc_at(section.heading.text.index(code))
            yield Finding(
                loc,
                f"heading has {_shown(separator)} between {code} and its title; {count} of the {len(headings)} code headings "
                f"of this file have {_shown(usual)}",
                locale=article.locale or "",
                key=f"{code}/heading-separator",
                excerpt=section.heading.text[: len(code) + len(separator) + 12],
                fixes=(Edit(loc.line, loc.col, code + separator, code + usual),),
            )


def _code_headings(article: Article) -> list[tuple[Section, str, str]]:
    """(section, separator, code as written) for each heading that starts with a code and has a title."""
    found = []
    for section in article.walk():
        split = split_code_title(section.heading.text) if section.code else None  # no code starts a heading without one
        if split and split[2].strip():
            found.append((section, split[1], split[0]))
    return found


@lru_cache(maxsize=256)  # a file writes the same few separators, and each is asked twice
def _norm(separator: str) -> str:
    """Runs of white space (NBSP included) count as one space."""
    return _SPACES.sub(" ", separator)


def _shown(separator: str) -> str:
    if separator == " ":
        return "a space"
    return f"“{separator}”" if separator else "nothing"
