"""WL605's `_words_before` walks back from each place `str.find` gives instead of compiling a pattern per number."""

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.number_differs import _is_letter, _words_before

_LETTER = re.compile(r"[^\W\d_]")
_NUMBERS = st.sampled_from(["7", "10", "1 000", "1.5", "2,5", "١٢", "3\u00a0600", "11"])
_TEXTS = st.text(alphabet=st.sampled_from("aZéж软²½Ⅻ_ 0157١٢.,-\u00a0\u3000\t\n"), max_size=30)


def _words_before_by_pattern(text: str, number: str) -> set[str]:
    return set(re.findall(rf"([^\W\d_]+)\s*(?<!\d){re.escape(number)}(?!\d)", text))


@settings(max_examples=5000, deadline=None)
@given(text=_TEXTS, number=_NUMBERS, copies=st.lists(st.integers(0, 30), max_size=3))
def test_words_before_finds_what_the_pattern_finds(text: str, number: str, copies: list[int]) -> None:
    for at in copies:
        text = text[:at] + number + text[at:]
    assert _words_before(text, number) == _words_before_by_pattern(text, number)


def test_is_letter_takes_what_the_pattern_class_takes() -> None:
    chars = map(chr, range(sys.maxunicode + 1))
    assert [char for char in chars if _is_letter(char)] == _LETTER.findall("".join(map(chr, range(sys.maxunicode + 1))))
