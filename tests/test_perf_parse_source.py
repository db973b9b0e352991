"""Cheaper forms of two position lookups give what their `min`/`max` forms gave."""

from __future__ import annotations

import random
from bisect import bisect_right

from lint.inline import Source
from lint.model import Block, Location, Piece


def test_offset_of_any_line_clamps_to_the_file() -> None:
    generator = random.Random(20261122)
    for _ in range(300):
        text = "".join(generator.choice("ab\n") for _ in range(generator.randint(0, 30)))
        source = Source("a.md", text)
        for line in range(-3, len(source.line_starts) + 4):
            assert source.offset(line) == source.line_starts[min(max(line, 1), len(source.line_starts)) - 1], (text, line)


def test_loc_at_any_offset_is_in_the_piece_before_it() -> None:
    generator = random.Random(20261123)
    for _ in range(300):
        offsets = sorted(generator.sample(range(20), generator.randint(0, 5)))
        pieces = tuple(Piece(offset, generator.randint(1, 9), generator.randint(1, 9)) for offset in offsets)
        block = Block("paragraph", Location("a.md", 3, 1), "x" * 20, pieces)
        for offset in range(-2, 24):
            if not pieces:
                assert block.loc_at(offset) == block.loc
                continue
            piece = pieces[max(bisect_right([p.offset for p in pieces], offset) - 1, 0)]
            assert block.loc_at(offset) == Location("a.md", piece.line, piece.col + max(offset - piece.offset, 0)), (pieces, offset)
