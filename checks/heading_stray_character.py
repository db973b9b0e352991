import unicodedata
from collections.abc import Iterator

from lint.finding import Edit, Finding
from lint.group import ArticleGroup
from lint.registry import rule
from lint.text import split_code_title

_OPENERS = "¿¡"  # besides Unicode opening brackets and quotes


@rule("WL703", severity="error", fixable=True)
def heading_stray_character(group: ArticleGroup) -> Iterator[Finding]:
    """A stray character is glued to the start of a code heading's title.

    Why: a typo in the most visible line of the section. It is recognised by the table row of the
    same code, whose message starts exactly as the title does without that character, and by the
    character itself: a lower-case letter glued to a capital (`zLe`), a Latin letter glued to
    another script (`z软件`), or punctuation or a digit that opens no phrase (`¿` and quotes do).
    Fix: the character is removed.
    Bad:  ### 0xC004F064 zLe service de protection logicielle a signalé…
    Good: ### 0xC004F064 Le service de protection logicielle a signalé…
    """
    for article in group:
        for section in article.walk():
            row = article.aligned_row(section.code) if section.code else None
            split = split_code_title(section.heading.text) if row else None
            if not (split and row) or not _stray(split[2], _lead(row.message.text)):
                continue
            code, separator, title = split
            loc = section.heading.loc_at(section.heading.text.index(code) + len(code) + len(separator))
            yield Finding(
                loc,
                f"stray “{title[0]}” glued to the title of {section.code}; the table message (line {row.loc.line}) "
                f"starts “{_lead(row.message.text)}”",
                locale=article.locale or "",
                key=f"{section.code}/heading-stray",
                excerpt=title[:12],
                fixes=(Edit(loc.line, loc.col, title[0], ""),),
            )


def _stray(title: str, lead: str) -> bool:
    """The title is `lead`… with one odd character in front."""
    if len(title) < 2 or len(lead) < 2 or not title[1:].startswith(lead):
        return False
    char, following = title[0], title[1]
    if char in _OPENERS or unicodedata.category(char) in ("Ps", "Pi", "Zs"):
        return False
    if not char.isalpha():
        return True
    return (char.islower() and following.isupper()) or (char.isascii() and not following.isascii())


def _lead(message: str) -> str:
    """The message's first word, or its first three characters when words are not spaced (zh, ja)."""
    words = message.split(maxsplit=1)
    return (words[0] if len(words[0]) <= 12 else words[0][:3]) if words else ""
