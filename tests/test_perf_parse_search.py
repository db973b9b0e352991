"""The block-start scanner's `search`, tried at line starts only, finds what the whole alternation's search finds."""

from __future__ import annotations

import random
import re
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]

import pytest

from lint.mdinline import INLINE_FAST_PATHS
from lint.mdpos import _LINE_START, BlockStartScanner, create_markdown

pytestmark = pytest.mark.skipif(not INLINE_FAST_PATHS, reason="the block-start scanner is off for this mistune version")


def test_every_rule_taken_for_line_anchored_starts_with_a_line_start_outside_any_alternation() -> None:
    block = create_markdown().block
    for name, spec in block.specification.items():
        if spec.startswith("^") and name not in _LINE_START:
            assert sre_parser.parse(spec, re.M)[0] == (sre_constants.AT, sre_constants.AT_BEGINNING), name
    assert block.specification["blank_line"] == _LINE_START["blank_line"]


def test_search_at_line_starts_finds_what_the_alternation_finds() -> None:
    block, generator = create_markdown().block, random.Random(20261122)
    pieces = ["", " ", "    ", "\t", "#", "## x", "> q", "|", "| a | b |", "a|b", "-", "---", "* ", "1. ", "```", "<div>",
              "[a]: b", "=", "text", "é", "\n", "\n\n", " \n"]  # fmt: skip
    for rules in [None, block.block_quote_rules, block.list_rules, ["atx_heading", "nptable", "block_quote"]]:
        scanner = block.compile_sc(rules)
        assert isinstance(scanner, BlockStartScanner) and scanner.at_line_starts
        whole = re.compile("|".join(f"(?P<{name}>{block.specification[name]})" for name in rules or block.rules), re.M)
        for _ in range(1500):
            text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 8)))
            for pos in range(len(text) + 1):
                found, expected = scanner.search(text, pos), whole.search(text, pos)
                assert (found and (found.lastgroup, found.span())) == (expected and (expected.lastgroup, expected.span())), (text, pos)
