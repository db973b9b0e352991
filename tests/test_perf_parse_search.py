"""The block-start scanner tries at a line's start only the rules that can match there, one by one, and finds what
mistune's whole alternation finds: in its `match`, its `search` and as mistune's list-item break scanner."""

from __future__ import annotations

import random
import re
from re import _compiler as sre_compiler  # type: ignore[attr-defined]
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from lint.mdinline import INLINE_FAST_PATHS
from lint.mdpos import _KNOWN_RULES, BlockStartScanner, PositionBlockParser, _can_start, _mistune_list_break_sc, create_markdown

pytestmark = pytest.mark.skipif(not INLINE_FAST_PATHS, reason="the block-start scanner is off for this mistune version")

_UNIVERSE = [chr(code) for code in range(0x3100)] + ["\U0001d7ce", "\U00020000", "\U0001f600", "\uff10", "\uff5c"]
_SINGLE = {sre_constants.LITERAL, sre_constants.NOT_LITERAL, sre_constants.IN, sre_constants.ANY, sre_constants.CATEGORY}
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT}
_ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}


def _ends(items: Any, head: str, starts: set[int], singles: dict[str, frozenset[str]]) -> set[int]:
    """Where in a line that starts with `head` (see `_can_start`) a match of `items` begun at one of `starts` can end,
    `len(head)` for past it. Anything may follow four spaces or a character other than a space; nothing follows
    fewer spaces alone: the text ends. Anchors and lookarounds are taken to hold, so that no match is missed."""
    more = len(head) == 4 or bool(head.strip(" "))
    for op, arg in items:
        if op in _SINGLE:
            matching = singles[repr((op, arg))]
            starts = {min(i + 1, len(head)) for i in starts if (more if i == len(head) else head[i] in matching)}
        elif op == sre_constants.SUBPATTERN:
            starts = _ends(arg[3], head, starts, singles)
        elif op == sre_constants.BRANCH:
            starts = set().union(*(_ends(branch, head, starts, singles) for branch in arg[1]))
        elif op in _REPEATS:
            low, high, body = arg
            reached, current, count = set(starts) if low == 0 else set(), set(starts), 0
            while current and count < min(high, len(head) + low + 1):
                current, count = _ends(body, head, current, singles), count + 1
                if count >= low:
                    current -= reached
                    reached |= current
            starts = reached
        elif op not in _ZERO_WIDTH:
            raise AssertionError(f"no rule of mistune 3.4.0 uses {op}")
    return starts


def _add_singles(items: Any, singles: dict[str, frozenset[str]]) -> None:
    """The characters each one-character item of a parsed pattern matches, by the item's repr."""
    for op, arg in items:
        if op in _SINGLE and repr((op, arg)) not in singles:
            one = sre_compiler.compile(sre_parser.SubPattern(items.state, [(op, arg)]), items.state.flags)
            singles[repr((op, arg))] = frozenset(char for char in _UNIVERSE if one.match(char))
        parts = (arg[3],) if op == sre_constants.SUBPATTERN else arg[1] if op == sre_constants.BRANCH else ()
        for part in (arg[2],) if op in _REPEATS else parts:
            _add_singles(part, singles)


def test_a_rule_is_left_out_only_where_it_cannot_match() -> None:
    """Checked on one character of each set of characters that every one-character item of every rule treats alike."""
    block, singles = create_markdown().block, dict[str, frozenset[str]]()
    assert set(block.specification) == _KNOWN_RULES
    parsed = {rule: sre_parser.parse(block.specification[rule], re.M) for rule in _KNOWN_RULES}
    for items in parsed.values():
        _add_singles(items, singles)
    alike: dict[tuple[bool, ...], list[str]] = {}
    for char in set(_UNIVERSE) - {" "}:
        alike.setdefault(tuple(char in matching for matching in singles.values()), []).append(char)
    for rule, items in parsed.items():
        assert items[0] == (sre_constants.AT, sre_constants.AT_BEGINNING) or rule == "blank_line", rule
        for spaces in ("", " ", "  ", "   "):
            assert not _ends(items, spaces, {0}, singles) or _can_start(rule, spaces), (rule, spaces)
            for chars in alike.values():
                if _ends(items, spaces + chars[0], {0}, singles):
                    assert all(_can_start(rule, spaces + char) for char in chars), (rule, spaces, chars[0])
        assert not _ends(items, "    ", {0}, singles) or _can_start(rule, "    "), rule
    assert not _can_start("list", "a") and not _can_start("atx_heading", "    ") and _can_start("list", "   ٣")


def _texts(generator: random.Random, count: int) -> list[str]:
    pieces = ["", " ", "  ", "    ", "\t", "#", "## x", "> q", "|", "| a | b |", "a|b", "-", "---", "* ", "1. ", "٣) ", "```",
              "~~~", "<div>", "<!--", "[a]: b", "=", "_ _ _", "text", "é", "\n", "\n\n", " \n", "\f\n"]  # fmt: skip
    return ["".join(generator.choice(pieces) for _ in range(generator.randint(0, 8))) for _ in range(count)]


def test_search_at_line_starts_finds_what_the_alternation_finds() -> None:
    block, generator = create_markdown().block, random.Random(20261122)
    for rules in [None, block.block_quote_rules, block.list_rules, ["atx_heading", "nptable", "block_quote"]]:
        scanner = block.compile_sc(rules)
        assert isinstance(scanner, BlockStartScanner)
        whole = re.compile("|".join(f"(?P<{name}>{block.specification[name]})" for name in rules or block.rules), re.M)
        for text in _texts(generator, 1500):
            for pos in range(len(text) + 1):
                found, expected = scanner.search(text, pos), whole.search(text, pos)
                assert (found and (found.lastgroup, found.span())) == (expected and (expected.lastgroup, expected.span())), (text, pos)


def test_list_break_scanner_matches_as_mistunes() -> None:
    block, generator = create_markdown().block, random.Random(20261130)
    assert isinstance(block, PositionBlockParser)
    texts = _texts(generator, 1500)
    for width in range(7):
        scanner, expected_scanner = block.list_break_scanner(width), _mistune_list_break_sc(block, width)
        assert isinstance(scanner, BlockStartScanner)
        for text in texts:
            for pos in range(len(text) + 1):
                found, expected = scanner.match(text, pos), expected_scanner.match(text, pos)
                assert (found and (found.lastgroup, found.span())) == (expected and (expected.lastgroup, expected.span())), (text, pos)
                assert found is None or found.groupdict().items() <= expected.groupdict().items(), (text, pos)  # type: ignore[union-attr]
