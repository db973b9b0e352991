"""The speed shortcuts of the alignment and text helpers give the answers of the plain computation."""

from __future__ import annotations

import random

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
