"""Fuzzy resemblance: the shortcuts give the score the full match would, or 0 only when it is under the bar."""

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from lint.text import resemblance, squash

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
