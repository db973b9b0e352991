"""The speed shortcuts of the alignment and text helpers give the answers of the plain computation."""

from __future__ import annotations

import random

from lint.counterparts import _anchor_words
from lint.text import _LEADING_CODE, leading_code, normalise_code


def test_cached_leading_code_answers_as_the_pattern_every_time() -> None:
    pieces = ["0x", "0X", "8007232b", "C004F074", "0xC004F07", " ", "\t", "Error ", "#", "-", "é"]
    rng = random.Random(7)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 5))) for _ in range(2000)]
    for text in texts + texts:
        match = _LEADING_CODE.match(text)
        assert leading_code(text) == (normalise_code(match.group(1)) if match else None)
    assert leading_code("  0x8007232b failed") == "0x8007232B"
    assert leading_code("Error 0x8007232B") is None


def test_cached_anchor_words_answer_as_the_plain_computation_every_time() -> None:
    pieces = ["0x8007232b", "0X8007232B", "-", "--", "Possible", "cause", "don't", "É", ""]
    rng = random.Random(11)
    for _ in range(2000):
        anchor = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))
        code = leading_code(anchor)
        plain = anchor.lower()
        plain = plain[len(code) :].lstrip("-") if code else plain
        assert _anchor_words(anchor, code) == (plain, tuple(plain.split("-")))
    assert _anchor_words("0x8007232B-possible-cause", "0x8007232B") == ("possible-cause", ("possible", "cause"))
