import re
from collections import Counter
from collections.abc import Iterator

from lint.align import prose_blocks_holding
from lint.finding import Finding
from lint.group import ArticleGroup
from lint.registry import rule

_CLOSERS = {")": "(", "]": "[", "}": "{", "」": "「", "』": "『", "】": "【", "〕": "〔", "》": "《", "〉": "〈"}
_OPENERS = set(_CLOSERS.values())
_FULL_WIDTH = str.maketrans("（）［］｛｝", "()[]{}")  # a pair may mix the two widths
_LABEL = re.compile(r"[0-9]{1,3}|[A-Za-z]|[ivx]{1,4}|[IVX]{1,4}")  # a list enumerator: 12, b, iv
_BRACKETS = "".join(_CLOSERS) + "".join(_OPENERS) + "（）［］｛｝"
_BRACKET = re.compile("[" + re.escape(_BRACKETS) + "]")
_SIDE_BY_SIDE = re.compile("(?:" + "|".join(re.escape(opener + closer) for closer, opener in _CLOSERS.items()) + ")*")


@rule("WL801", severity="warning")
def unbalanced_brackets(group: ArticleGroup) -> Iterator[Finding]:
    """A parenthesis or bracket is never closed, or closes nothing, within its paragraph.

    Why: usually a translator's slip — text cut or moved, half a pair left behind. Link brackets,
    HTML such as `<br />`, entities and blockquote markers are markup, not text, and are not
    counted; full-width （）and 「」 pairs are; code is skipped. List enumerators such as `a)` are
    not pairs. A bracket every locale has alike comes from the source: reported once, as info.
    Bad:  … pour ces modules linguistiques.)
    Good: … pour ces modules linguistiques.
    """
    findings = []
    for aligned, article, block, text in prose_blocks_holding(group, _BRACKETS):
        for offset, bracket, problem in unbalanced(text):
            findings.append(
                Finding(
                    block.loc_at(offset),
                    f"{problem} “{bracket}”: {_around(block.text, offset)}",
                    locale=article.locale or "",
                    key=aligned.finding_key(f"bracket:{bracket}"),
                    excerpt=bracket,
                )
            )
    yield from group.from_source(findings)


def unbalanced(text: str) -> list[tuple[int, str, str]]:
    """(offset, bracket, what is wrong) for each bracket without its partner."""
    if _SIDE_BY_SIDE.fullmatch("".join(_BRACKET.findall(text)).translate(_FULL_WIDTH)):
        return []  # the common case, "(KMS)": each pair closes before the next opens
    open_brackets: list[tuple[int, str]] = []  # (offset, bracket as written)
    open_count: Counter[str] = Counter()  # by half-width opener
    problems = []
    for match in _BRACKET.finditer(text):
        offset, written = match.start(), match.group()
        char = written.translate(_FULL_WIDTH)
        if char in _OPENERS:
            open_brackets.append((offset, written))
            open_count[char] += 1
        elif open_count[_CLOSERS[char]]:
            while (last := open_brackets.pop())[1].translate(_FULL_WIDTH) != _CLOSERS[char]:
                problems.append((*last, "unclosed"))
                open_count[last[1].translate(_FULL_WIDTH)] -= 1
            open_count[_CLOSERS[char]] -= 1
        elif not (char == ")" and _enumerator(text, offset)):
            problems.append((offset, written, "unmatched"))
    problems += [(offset, bracket, "unclosed") for offset, bracket in open_brackets]
    return sorted(problems)


def _enumerator(text: str, offset: int) -> bool:
    """`a)`, `2)`, `iv)` opening a list item, or a `:)` smiley; not `KMS)`, which lost its `(`."""
    start = offset
    while start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
        start -= 1
    label = _LABEL.fullmatch(text, start, offset) is not None and (start == 0 or text[start - 1].isspace())
    return label or (offset > 0 and text[offset - 1] in ":;")


def _around(text: str, offset: int, width: int = 30) -> str:
    before = text[max(0, offset - width) : offset + 1]
    return ("…" if offset > width else "") + before.replace("\n", " ")
