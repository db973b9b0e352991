"""The link-cell fast path (`BlockBuilder.link_cell`) makes exactly the blocks the general path makes."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lint.parse
from lint.model import Block
from tests.test_perf_headings import NEVER, blocks, fast_paths_on

LABEL_PARTS = ["0x8004FE21", "x", " ", "\xa0", "é", "名", "#x", "!", "&amp;", "&", "<", "`", "*", "_", "[", "]", "\\", "(", ")", ":"]
TARGETS = ["#0x8004fe21-this-computer", "#x", "", "x", "a b", "<x>", "https://a.b/c?d=e", "#a&b", "(x)", "0x8004FE21"]
OTHER_CELLS = ["text", "", "`code`", "**b**", "[a]", "<br>", "[x](#y) tail", "\\|", "[a][b]", "<a>[x](#y)</a>"]


@st.composite
def cells(draw: st.DrawFn) -> str:
    """A table cell, mostly a link `[label](target)` of the shape the fast path takes."""
    if draw(st.integers(0, 3)) == 0:
        return draw(st.sampled_from(OTHER_CELLS))
    label = "".join(draw(st.lists(st.sampled_from(LABEL_PARTS), max_size=4)))
    target = draw(st.sampled_from(TARGETS + [label]))
    opening = draw(st.sampled_from(["", "<", " <"]))
    return draw(st.sampled_from(["", " ", "  "])) + f"{opening}[{label}]({target})" + draw(st.sampled_from(["", " ", "\t"]))


def general_blocks(document: str) -> list[Block]:
    with mock.patch.object(lint.parse, "LINK_CELL", NEVER):
        return blocks(document)


@fast_paths_on
@settings(max_examples=600, deadline=None)
@given(st.lists(st.lists(cells(), min_size=1, max_size=4), min_size=1, max_size=3), st.sampled_from(["", "[x]: #y\n\n", "> "]))
def test_link_cells_are_the_general_paths(rows: list[list[str]], before: str) -> None:
    width = len(rows[0])
    lines = ["|" + "|".join(row) + "|" for row in rows]
    document = before + "|" + "h|" * width + "\n" + before + "|" + "-|" * width + "\n" + "".join(before + line + "\n" for line in lines)
    assert blocks(document) == general_blocks(document)


@fast_paths_on
def test_common_link_cells_take_the_fast_path() -> None:
    document = "|Code|Message|\n|-|-|\n|[0x8004FE21](#0x8004fe21-this-computer) |Text. |\n|[0x80070005](#0x80070005) |[x](#y)|\n"
    with mock.patch.object(lint.parse.BlockBuilder, "placed", side_effect=AssertionError("general path")):
        with pytest.raises(AssertionError):
            blocks(document.replace("[x](#y)", "`x`"))
        fast = blocks(document)
    assert fast == general_blocks(document)
    assert [(block.text, block.inlines[0].loc.col) for block in fast if block.inlines] == [("0x8004FE21", 2), ("0x80070005", 2), ("x", 29)]
