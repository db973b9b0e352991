"""The shortcuts the mention rules take for speed give what the plain way gives."""

from __future__ import annotations

import random

import pytest

from lint.align import block_map
from lint.drift import _block_map
from lint.mentions import section_mentions
from lint.model import Block, Location, Section
from lint.parse import parse_text


def _section(kinds: str) -> Section:
    """A section whose blocks are paragraphs (p), table cells (c) and list items (i)."""
    names = {"p": "paragraph", "c": "table-cell", "i": "list-item"}
    blocks = tuple(Block(names[kind], Location("x.md", line)) for line, kind in enumerate(kinds, 2))
    return Section(Block("heading", Location("x.md", 1)), 2, "", "", None, None, blocks)


@pytest.mark.parametrize("kinds", ["", "p", "ppp", "pcccccpc", "c" * 200])
def test_same_blocks_are_matched_at_their_index(kinds: str) -> None:
    assert _block_map(_section(kinds), _section(kinds)) == block_map(_section(kinds), _section(kinds)) == {i: i for i in range(len(kinds))}


def test_other_blocks_are_matched_as_block_map_matches_them() -> None:
    shuffled = random.Random(7)
    for _ in range(200):
        first, second = ("".join(shuffled.choices("pci", k=shuffled.randrange(8))) for _ in range(2))
        assert _block_map(_section(first), _section(second)) == block_map(_section(first), _section(second))


def test_numbers_and_codes_are_read_block_by_block() -> None:
    """The blocks are searched joined: no number reads across two of them, each keeps its block and place."""
    text = "# T\n\n## S\n\nPort 16\n\n880 ordinateurs, 2 000 fois, erreur 0x8007232b\n\n```\n42\n```\n\n- ３台\n"
    article = parse_text("x.fr-fr.md", text)
    section = article.sections[0].children[0]
    found = section_mentions(article, section)
    assert [block.kind for block in section.blocks] == ["paragraph", "paragraph", "code", "list", "list-item", "paragraph"]
    assert [(m.value, m.text, m.block, m.loc.line, m.loc.col) for m in found.numbers] == [
        ("16", "16", 0, 5, 6),
        ("880", "880", 1, 7, 1),
        ("2000", "2 000", 1, 7, 18),
        ("3", "３", 5, 13, 3),
    ]
    assert [(m.value, m.text, m.block, m.loc.line, m.loc.col) for m in found.error_codes] == [("0x8007232B", "0x8007232b", 1, 7, 37)]
