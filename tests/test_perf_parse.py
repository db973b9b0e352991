"""The parser's shortcuts read exactly what the mistune code they stand in for reads."""

from __future__ import annotations

import pickle
import random
import re
from dataclasses import FrozenInstanceError
from typing import Any

import mistune
import pytest
from mistune.block_parser import BlockParser
from mistune.helpers import HTML_ATTRIBUTES, HTML_TAGNAME
from mistune.inline_parser import AUTO_EMAIL
from mistune.plugins import table as pipe_table

from lint import mdpos
from lint.mdinline import _ANGLE, INLINE_FAST_PATHS, BoundedInlineParser
from lint.mdpos import LINE, DeferredInlineMarkdown, PositionState, create_markdown, parse_ragged_table
from lint.model import Location, Piece
from tests.test_mdpos import SNIPPETS


def _without_lines(tokens: Any) -> Any:
    """The tokens less what the builder never reads and mistune's own lack or give by version: lines, blank lines' newlines."""
    if isinstance(tokens, list):
        return [_without_lines(token) for token in tokens]
    if isinstance(tokens, dict):
        return {key: _without_lines(value) for key, value in tokens.items() if key not in (LINE, "newlines")}
    return tokens


def test_positioned_blocks_are_mistunes_own() -> None:
    table = mistune.import_plugin("table")
    unpositioned = DeferredInlineMarkdown(renderer=None, block=BlockParser(), inline=BoundedInlineParser(), plugins=[table])
    unpositioned.block.register("table", pipe_table.TABLE_PATTERN, parse_ragged_table, before="paragraph")
    positioned, generator = create_markdown(), random.Random(20261124)
    lines = SNIPPETS + ["    code", "\tcode", "  \tcode", " \t", "   x", "", "- a", "  - b", "> q", "text"]
    for _ in range(2000):
        text = generator.choice(["\n", "\n\n", "\n  "]).join(generator.choice(lines) for _ in range(generator.randint(1, 10)))
        assert _without_lines(positioned.parse(text)[0]) == _without_lines(unpositioned.parse(text)[0]), repr(text)


def test_line_at_counts_back_and_forth() -> None:
    state = PositionState()
    state.process("a\nb\n\nc\n")
    state.first_line = 3
    assert [state.line_at(pos) for pos in (0, 2, 7, 4, 5, 1, 7)] == [3, 4, 7, 5, 6, 3, 7]


def test_html_read_with_greedy_attribute_values_as_mistune_reads_it() -> None:
    lazy = re.compile(
        "(?P<autolink>{}|{})|(?P<comment><!--(?!-?>))|(?P<declaration><[!?])|(?P<tag>{})|(?P<tag_start></?[A-Za-z])".format(
            mistune.InlineParser.SPECIFICATION["auto_link"], AUTO_EMAIL, f"<{HTML_TAGNAME}{HTML_ATTRIBUTES}\\s*/?>|</{HTML_TAGNAME}\\s*>"
        )
    )
    generator = random.Random(20261125)
    parts = ["<a", "</a", " name=", "id", '"', "'", "x", "-", ">", "/", " ", "\n", "=", "<", ":", "@", "b.c"]
    for _ in range(5000):
        text = "<" + "".join(generator.choice(parts) for _ in range(generator.randint(0, 10)))
        greedy, expected = _ANGLE.match(text), lazy.match(text)
        assert (greedy and (greedy.lastgroup, greedy.span())) == (expected and (expected.lastgroup, expected.span())), text


def test_location_and_piece_set_through_their_slots_stay_frozen_values() -> None:
    loc, piece = Location("a.md", 2, 3), Piece(4, 2, 3)
    assert (loc.path, loc.line, loc.col, str(loc)) == ("a.md", 2, 3, "a.md:2:3")
    assert (piece.offset, piece.line, piece.col) == (4, 2, 3)
    assert Location("a.md", 2) == Location("a.md", 2, 1) < loc and hash(loc) == hash(Location("a.md", 2, 3))
    assert pickle.loads(pickle.dumps((loc, piece))) == (loc, piece)
    assert not hasattr(loc, "__dict__") and not hasattr(piece, "__dict__")
    with pytest.raises(FrozenInstanceError):
        loc.line = 5  # type: ignore[misc]


@pytest.mark.skipif(not INLINE_FAST_PATHS, reason="the block-start scanner is off for this mistune version")
def test_block_start_scanner_matches_as_the_whole_alternation() -> None:
    block, generator = create_markdown().block, random.Random(20261128)
    starts = [" ", "   ", "    ", "\t", "\v", "\f", "\u3000", "\xa0", "#", "## ", ">", "|", "-", "---", "*", "* * *", "_", "___",
              "+", "1.", "1)", "²", "٣", "`", "```", "~~~", "<", "<div>", "<!--", "[a]:", "=", "==", "a", "é",
              "テ", "\n", "x|y", "", "###", "#######", "#\t", "# #", "> ", ">>"]  # fmt: skip
    rests = ["", " ", "text", "|", " | b |", "a|", "#", "\n", "<div>", "-", "`", "\t", " \t", "\f"]
    rule_lists = [
        None, block.rules, block.block_quote_rules, block.list_rules, ["blank_line", "indent_code", "fenced_code"],
        ["blank_line", "thematic_break", "fenced_code", "list", "block_html"], ["thematic_break", "list"],
        ["nptable", "block_quote", "atx_heading"], ["atx_heading", "nptable", "block_quote"],
    ]  # fmt: skip
    for rules in rule_lists:
        scanner = block.compile_sc(rules)
        whole = re.compile("|".join(f"(?P<{name}>{block.specification[name]})" for name in rules or block.rules), re.M)
        for _ in range(3000):
            text = "\n".join(
                "".join(generator.choice(starts) for _ in range(generator.randint(1, 2))) + generator.choice(rests)
                for _ in range(generator.randint(1, 3))
            )
            for pos in range(len(text) + 1):
                found, expected = scanner.match(text, pos), whole.match(text, pos)
                assert (found and (found.lastgroup, found.span())) == (expected and (expected.lastgroup, expected.span())), (text, pos)
                if found and found.lastgroup in ("atx_heading", "block_quote"):
                    assert found.groupdict().items() <= expected.groupdict().items(), (text, pos)  # type: ignore[union-attr]


@pytest.mark.skipif(not INLINE_FAST_PATHS, reason="the block-start scanner is off for this mistune version")
def test_paragraph_and_the_blank_line_after_it_read_as_mistunes_loop_reads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    fast, general, generator = create_markdown(), create_markdown(), random.Random(20261129)
    lines = SNIPPETS + ["text", "more text", "a | b", " ", "\t", "  ", "\u3000", "\f", "    code", "# h", "- x", "> q", "1. n", "é"]
    for _ in range(3000):
        text = generator.choice(["\n", "\n\n", "\n \n", "\n\t\n\n", "\n\n\n"]).join(
            generator.choice(lines) for _ in range(generator.randint(1, 8))
        ) + generator.choice(["", "\n", "\n\n", "\n "])
        with monkeypatch.context() as patch:
            patch.setattr(mdpos, "INLINE_FAST_PATHS", False)
            expected = general.parse(text)[0]
        assert fast.parse(text)[0] == expected, repr(text)
