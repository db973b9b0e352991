"""Text helpers shared by the parser and the rules: error codes, locales, normalising, fuzzy matching."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import accumulate

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

ERROR_CODE = re.compile(r"0[xX][0-9A-Fa-f]{8}")
CODE_LIKE = re.compile(r"0[xX][0-9A-Fa-fOoIl]{8}")  # an error code, or one typed with letters for digits (WL607)
MISREAD_DIGITS = str.maketrans("OoIl", "0011")
_LEADING_CODE = re.compile(r"\s*(0[xX][0-9A-Fa-f]{8})")
_LOCALE = re.compile(r"([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|[0-9]{3}))?", re.I)
ROUNDING = 1e-9  # how far rapidfuzz's float arithmetic may stray from an exact score
_CODE_TITLE = re.compile(r"\s*(0[xX][0-9A-Fa-f]{8})([^\w(\[\"'«“„‘¿¡「『（]*)")


def normalise_code(code: str) -> str:
    """`0x8007232b` -> `0x8007232B`: one spelling per code, however a file writes it."""
    return "0x" + code[2:].upper()


@lru_cache(maxsize=4096)  # headings, anchors and table cells repeat across a group's locales
def leading_code(text: str) -> str | None:
    """The error code a text (an anchor, a heading, a link text) starts with."""
    match = _LEADING_CODE.match(text)
    return normalise_code(match.group(1)) if match else None


def canonical_locale(text: str) -> str | None:
    """`fr-fr`, `fr_FR`, `FR-FR` -> `fr-FR`; `zh-hans` -> `zh-Hans`; None for anything else.

    A region or script is required: a bare `fr` or `api` folder name is not taken for a locale.
    """
    match = _LOCALE.fullmatch(text.strip())
    if not match or not (match.group(2) or match.group(3)):
        return None
    language, script, region = match.groups()
    parts = [language.lower()]
    if script:
        parts.append(script.title())
    if region:
        parts.append(region.upper())
    return "-".join(parts)


@lru_cache(maxsize=4096)  # rules meet the same texts many times: activation types, fuzzy comparisons
def squash(text: str) -> str:
    """Fold case, Unicode compatibility forms and runs of white space (NBSP included)."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def shorten(text: str, limit: int = 60) -> str:
    """One line of at most `limit` characters, for quoting text in a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@lru_cache(maxsize=4096)  # several rules split each code heading of a group
def split_code_title(text: str) -> tuple[str, str, str] | None:
    """`0x8007232B: el nombre…` -> ("0x8007232B", ": ", "el nombre…"); None when no code leads the text."""
    match = _CODE_TITLE.match(text)
    return (match.group(1), match.group(2), text[match.end() :]) if match else None


def resemblance(part: str, whole: str, at_least: float = 0.0, *, bounded: bool = True) -> float:
    """0-100: how well the shorter text matches the best-aligned stretch of the longer one. A score
    under `at_least` may be given as 0: a bound costing a tenth of the match shows it (not tried unless
    `bounded`: for texts `surely_under` has failed on), or rapidfuzz skips the stretches that cannot reach it.

    Character-level, so it works for zh and ja (token scorers need spaces between words).
    """
    part, whole = squash(part), squash(whole)
    if part and whole:  # an empty text gets rapidfuzz's own answer
        if part in whole or whole in part:
            return 100.0
        if bounded and at_least and _surely_under(part, whole, at_least - ROUNDING):
            return 0.0
    return fuzz.partial_ratio(part, whole, score_cutoff=max(at_least - ROUNDING, 0.0))


def surely_under(part: str, whole: str, at_least: float) -> bool:
    """Whether the bounds `resemblance` tries first show it is under `at_least` (False: it may not be)."""
    part, whole = squash(part), squash(whole)
    return bool(part and whole) and part not in whole and whole not in part and _surely_under(part, whole, at_least - ROUNDING)


def surely_over(part: str, whole: str, bar: float) -> bool:
    """Whether `resemblance(part, whole)` is over `bar`, told by the full-length stretches at either end of the longer
    text, which partial_ratio scores among all the others (False: it may not be)."""
    part, whole = squash(part), squash(whole)
    if not (part and whole):
        return False
    if part in whole or whole in part:
        return bar < 100.0
    short, long = (part, whole) if len(part) <= len(whole) else (whole, part)
    bar += ROUNDING
    return fuzz.ratio(short, long[: len(short)], score_cutoff=bar) > bar or fuzz.ratio(short, long[-len(short) :], score_cutoff=bar) > bar


def _surely_under(part: str, whole: str, bar: float) -> bool:
    """Whether `resemblance` is under `bar`, told by bounds costing a tenth of the match each.

    partial_ratio scores the shorter text against stretches of the longer no longer than itself: full-length
    stretches, which share no more characters in order than the whole longer text does, and shorter ones only
    at either end of it (tests/test_perf_resemblance.py pins this); two texts of one length are also tried the other way round.
    """
    short, long = (part, whole) if len(part) <= len(whole) else (whole, part)
    common = LCSseq.similarity(short, long)
    if _ratio_bound(len(short), common) < bar:
        return True
    if len(short) == len(long) or 100 * common / len(short) >= bar:
        return False
    end = len(short) - 1
    return _ratio_bound(len(short), max(LCSseq.similarity(short, long[:end]), LCSseq.similarity(short, long[-end:]))) < bar


def _ratio_bound(length: int, common: int) -> float:
    """The best ratio a text of `length` can get against a stretch sharing at most `common` characters in order with it."""
    return 200 * common / (length + common) if common else 0.0


def similarity(text: str, other: str) -> float:
    """0-100: character-level similarity of two whole texts."""
    return fuzz.ratio(squash(text), squash(other))


def line_starts(texts: Iterable[str]) -> list[int]:
    """Where each of the texts starts once they are joined by line breaks, and where one more would."""
    return list(accumulate((len(text) + 1 for text in texts), initial=0))


def texts_matched(pattern: re.Pattern[str], joined: str, starts: list[int]) -> Iterator[int]:
    """The indices of the texts `pattern` finds something in, from searching them joined by line breaks (`starts`:
    their `line_starts`; `joined` may lead with one more line break): after a match, the search goes on at the next
    text, so a text costs one search when nothing is in it. `pattern` must match no line break but a leading one."""
    match = pattern.search(joined)
    while match:
        index = bisect_right(starts, match.start()) - 1
        yield index
        match = pattern.search(joined, starts[index + 1])


def texts_holding(characters: str, joined: str, starts: list[int]) -> list[int]:
    """The indices of the texts holding one of `characters`, in order (`joined` and `starts` as for `texts_matched`):
    str.find jumps from one character to the next many times faster than a regular expression's search scans for a
    character class."""
    found: set[int] = set()
    for character in characters:
        at = joined.find(character)
        while at >= 0:
            index = bisect_right(starts, at) - 1
            found.add(index)
            at = joined.find(character, starts[index + 1])
    return sorted(found)
