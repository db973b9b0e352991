"""The shortcuts the rules take for speed give the answers the long way would."""

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from lint.text import _surely_under, resemblance, squash, surely_under

_LONG_TEXTS = st.text(alphabet="abcd éж软", min_size=1, max_size=150)  # past 64 characters rapidfuzz aligns another way


@settings(max_examples=3000, deadline=None)
@given(part=_LONG_TEXTS, whole=_LONG_TEXTS, at_least=st.floats(min_value=0, max_value=100))
def test_partial_ratio_scores_no_longer_stretch_nor_a_short_one_inside(part: str, whole: str, at_least: float) -> None:
    """What the bound of `resemblance` relies on: were rapidfuzz to score other stretches, a score would be cut to 0 here."""
    exact = fuzz.partial_ratio(squash(part), squash(whole))
    found = resemblance(part, whole, at_least)
    assert found == exact or (found == 0.0 and exact < at_least)


def test_the_ends_of_the_longer_text_bound_its_short_stretches() -> None:
    part, whole = "abcdefgh", "zzzzabcdzzzzzzzzzzzzefzzzz"  # 6 characters in order in the whole text, 3 in either end
    assert fuzz.partial_ratio(part, whole) == 50.0
    assert _surely_under(part, whole, 80.0)  # the whole text alone allows 85.7
    assert not _surely_under(part, whole, 50.0)
    assert resemblance(part, whole, 80.0) == 0.0
    assert resemblance(part, whole, 50.0) == 50.0


@settings(max_examples=2000, deadline=None)
@given(part=_LONG_TEXTS, whole=_LONG_TEXTS, at_least=st.floats(min_value=0, max_value=100))
def test_a_pair_surely_under_the_bar_scores_under_it(part: str, whole: str, at_least: float) -> None:
    assert not surely_under(part, whole, at_least) or resemblance(part, whole) < at_least
