"""Shortcuts of the English fragment search; each must answer as the plainer way it replaces."""

import random

from lint.english import _NOT_PROSE, _SENTENCE_BREAK, _breaks, mask_not_prose
from lint.model import Block, Location
from lint.untranslated import PROSE, _place, _prose_of

_KINDS = ["heading", "paragraph", "paragraph", "quote", "list", "list-item", "table-cell", "code"]


def _random_blocks(rng: random.Random) -> list[Block]:
    return [
        Block(rng.choice(_KINDS), Location("a.md", line), f"text {line}", depth=rng.randrange(4), callout=rng.choice(["", "", "NOTE"]))
        for line in range(rng.randrange(1, 15))
    ]


def _place_from_a_walk(blocks: list[Block], position: int) -> str:
    """The plain form of `_place`: every block walked up to the one asked about, each depth's last container noted."""
    containers: dict[int, str] = {}
    for block in blocks[: position + 1]:
        containers[block.depth] = ("note" if block.callout else "quote") if block.kind == "quote" else block.kind
    block = blocks[position]
    if block.kind != "paragraph" or block.depth == 0:
        return block.kind.replace("-", " ")
    return {"list-item": "list item", "quote": "quote", "note": "note"}.get(containers.get(block.depth - 1, ""), "paragraph")


def test_place_agrees_with_walking_every_block_on_random_articles() -> None:
    rng = random.Random(3)
    for _ in range(3000):
        blocks = _random_blocks(rng)
        for position in range(len(blocks)):
            assert _place(blocks, position) == _place_from_a_walk(blocks, position), (blocks, position)


class _Article:
    def __init__(self, blocks: list[Block]) -> None:
        self._blocks = blocks

    def blocks(self) -> object:
        return iter(self._blocks)


def test_prose_of_keeps_the_prose_blocks_in_order() -> None:
    rng = random.Random(4)
    for _ in range(500):
        blocks = _random_blocks(rng)
        prose = [block for block in blocks if block.kind in PROSE]
        assert _prose_of(_Article(blocks)) == (prose, [block.text for block in prose])  # type: ignore[arg-type]


_NOT_PROSE_PIECES = ["word", "www", ".", ". ", ".x", "é.", "_", "\\", ":", "/", "-", "<", ">", "1", "１", "٣", "x", " ", "\xa0"]
_NOT_PROSE_PIECES += ["注", "’", "é"]


def test_mask_not_prose_leaves_alone_only_the_texts_the_full_pattern_leaves_alone() -> None:
    rng = random.Random(8)
    for _ in range(20000):
        text = "".join(rng.choice(_NOT_PROSE_PIECES) for _ in range(rng.randrange(1, 8)))
        assert mask_not_prose(text) == _NOT_PROSE.sub(lambda m: " " * len(m.group()), text), text


_GAP_PIECES = [" ", "  ", ".", ". ", "!", "?\n", ";", ":", ":\t", "(", ")", "[", "]", "、", "。", "（", "a", "\xa0", ","]


def test_breaks_agrees_with_searching_every_gap() -> None:
    rng = random.Random(9)
    for _ in range(20000):
        text = "".join(rng.choice(_GAP_PIECES) for _ in range(rng.randrange(1, 6)))
        start = rng.randrange(len(text))
        end = rng.randrange(start, len(text) + 1)
        assert _breaks(text, start, end) == bool(_SENTENCE_BREAK.search(text, start, end)), (text, start, end)
