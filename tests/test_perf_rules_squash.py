"""`squash` folds runs of white space by str.split, which splits where the pattern `\\s+` matches."""

import re
import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.text import squash

_SPACES = re.compile(r"\s+")
_TEXTS = st.text(alphabet=st.sampled_from("aZé软ж.\u00a0\u2009\u3000\u200b\u1680\x1c\x85\t\n\r ﬁＡ"), max_size=40)


def _squashed_by_pattern(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


@settings(max_examples=3000, deadline=None)
@given(text=_TEXTS)
def test_squash_folds_as_the_white_space_pattern_does(text: str) -> None:
    assert squash(text) == _squashed_by_pattern(text)


def test_str_split_and_the_pattern_take_the_same_characters_for_white_space() -> None:
    spaces = [code for code in range(sys.maxunicode + 1) if _SPACES.fullmatch(chr(code))]
    assert spaces == [code for code in range(sys.maxunicode + 1) if chr(code).isspace()]
    assert all(len(f"a{chr(code)}b".split()) == 2 for code in spaces)
