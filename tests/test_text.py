"""Fuzzy resemblance: the shortcuts give the score the full match would, or 0 only when it is under the bar."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from lint.text import line_starts, resemblance, squash, texts_holding, texts_matched

_TEXTS = st.text(alphabet="abcde éЖж软件 ()-", max_size=40)


@settings(max_examples=2000, deadline=None)
@given(part=_TEXTS, whole=_TEXTS, at_least=st.floats(min_value=0, max_value=100))
def test_resemblance_is_exact_or_under_the_bar(part: str, whole: str, at_least: float) -> None:
    exact = fuzz.partial_ratio(squash(part), squash(whole))
    assert resemblance(part, whole) == exact
    found = resemblance(part, whole, at_least)
    assert found == exact or (found == 0.0 and exact < at_least)


def test_a_contained_text_resembles_fully() -> None:
    assert resemblance("Le nom DNS n’existe pas", "0x8007232B Le nom DNS n’existe pas.") == 100.0


def test_texts_matched_names_each_text_a_pattern_finds_something_in_once() -> None:
    texts = ["no digit", "1 and 2", "", "three 3", "x"]
    assert list(texts_matched(re.compile(r"\d"), "\n".join(texts), line_starts(texts))) == [1, 3]
    word_start = re.compile(r"[^a-z]x")  # takes the character before the word in, as a search that starts at a text's line break
    assert list(texts_matched(word_start, "\n" + "\n".join(texts), line_starts(texts))) == [4]


@settings(max_examples=500, deadline=None)
@given(texts=st.lists(st.text(alphabet="ab(）「 ", max_size=8), max_size=8), characters=st.text(alphabet="b(）「", max_size=3))
def test_texts_holding_finds_what_a_character_class_does(texts: list[str], characters: str) -> None:
    pattern = re.compile(f"[{re.escape(characters)}]" if characters else "(?!)")
    joined, starts = "\n".join(texts), line_starts(texts)
    assert texts_holding(characters, joined, starts) == list(texts_matched(pattern, joined, starts))
