"""Shortcuts of the English fragment search; each must answer as the plainer way it replaces."""

import random

from lint.english import _NOT_PROSE, _SENTENCE_BREAK, _WORD, _runs, mask_not_prose, word_sets
from lint.model import Block, Location
from lint.untranslated import PROSE, _places, _prose_of

_KINDS = ["heading", "paragraph", "paragraph", "quote", "list", "list-item", "table-cell", "code"]


def _random_blocks(rng: random.Random) -> list[Block]:
    return [
        Block(rng.choice(_KINDS), Location("a.md", line), f"text {line}", depth=rng.randrange(4), callout=rng.choice(["", "", "NOTE"]))
        for line in range(rng.randrange(1, 15))
    ]


def _place_from_a_walk(blocks: list[Block], position: int) -> str:
    """The plain form of `_places`: every block walked up to the one asked about, each depth's last container noted."""
    containers: dict[int, str] = {}
    for block in blocks[: position + 1]:
        containers[block.depth] = ("note" if block.callout else "quote") if block.kind == "quote" else block.kind
    block = blocks[position]
    if block.kind != "paragraph" or block.depth == 0:
        return block.kind.replace("-", " ")
    return {"list-item": "list item", "quote": "quote", "note": "note"}.get(containers.get(block.depth - 1, ""), "paragraph")


def test_places_agree_with_walking_every_block_on_random_articles() -> None:
    rng = random.Random(3)
    for _ in range(3000):
        blocks = _random_blocks(rng)
        positions = sorted(rng.sample(range(len(blocks)), rng.randint(1, len(blocks))))
        expected = [_place_from_a_walk(blocks, position) for position in positions]
        assert list(_places(blocks, positions)) == expected, (blocks, positions)


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


def _runs_from_every_word(text: str, foreign: frozenset[str]) -> list[list[tuple[int, int]]]:
    """The plain form of `_runs`: every word of any script walked, each gap searched for a sentence break."""
    runs: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    for word in _WORD.finditer(text):
        if run and _SENTENCE_BREAK.search(text, run[-1][1], word.start()):
            runs.append(run)
            run = []
        lowered = word.group("latin").lower().replace("’", "'") if word.group("latin") else ""
        if lowered and lowered not in foreign and lowered.split("'")[0] not in foreign:
            run.append(word.span())
        elif run:
            runs.append(run)
            run = []
    return runs + [run] if run else runs


_RUN_PIECES = ["the", "le", "l’", "l'", "Server", "é", "注", "Т", "ё", " ", " ", "  ", ".", ". ", "!", "?\n", ";", ":", "(", "]"]
_RUN_PIECES += ["、", "。", "（", "\xa0", ",", "1", "_", "々", "’", "'"]


def test_runs_agree_with_walking_every_word_on_random_texts() -> None:
    rng = random.Random(9)
    foreign = word_sets("fr", True)[1]
    for _ in range(20000):
        text = "".join(rng.choice(_RUN_PIECES) for _ in range(rng.randrange(1, 10)))
        assert [[w.span() for w in run] for run in _runs(text, foreign)] == _runs_from_every_word(text, foreign), text
