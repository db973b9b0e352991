"""The anchored-block fast path (`BlockBuilder.anchored_block`) makes exactly the blocks the general path makes."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lint.parse
from lint.mdinline import INLINE_FAST_PATHS
from lint.model import Block
from lint.parse import parse_text

fast_paths_on = pytest.mark.skipif(not INLINE_FAST_PATHS, reason="the inline fast paths are off for this mistune version")
NEVER = re.compile(r"(?!)")

TITLE_PARTS = [
    "Error", "0x8007232B", ":", " ", "  ", "\t", "\xa0", "\u3000", "DNS-имя", "名が存在しません", "n’existe", "#", " ##", "é",
    "*", "_", "`", "`x`", "[", "]", "!", "&amp;", "&", "<", "</a>", "<br>", "\\", ".", "(x)",
]  # fmt: skip
NAMES = ["0x8007232b-dns-name-does-not-exist", "", "a_b.c:d", "x y", "<b>", "a&amp;b", "é"]


@st.composite
def anchored_lines(draw: st.DrawFn) -> str:
    """A heading (or paragraph) line `<a name="…"></a>title`, mostly of the shape the fast path takes."""
    opening = f'<a {draw(st.sampled_from(["name", "id", "href", "NAME"]))}="{draw(st.sampled_from(NAMES))}">'
    closing = draw(st.sampled_from(["</a>", "</a>", "", "</A>", "</a >"]))
    title = "".join(draw(st.lists(st.sampled_from(TITLE_PARTS), max_size=6)))
    prefix = draw(st.sampled_from(["## ", "# ", "###### ", "   ### ", "##\t", "> ## ", "- ## ", "-\t## ", "", "#### "]))
    return prefix + opening + closing + title + draw(st.sampled_from(["", " ", "  ", " #", " ##", "\t"]))


def blocks(document: str) -> list[Block]:
    article = parse_text("a.md", document)
    assert not article.problems
    return list(article.blocks())


def general_blocks(document: str) -> list[Block]:
    with mock.patch.object(lint.parse, "ANCHORED_TEXT", NEVER):
        return blocks(document)


@fast_paths_on
@settings(max_examples=600, deadline=None)
@given(st.lists(anchored_lines(), min_size=1, max_size=4), st.sampled_from(["\n", "\n\n", "\n\ntext\n\n", "\n===\n\n"]))
def test_anchored_blocks_are_the_general_paths(lines: list[str], separator: str) -> None:
    document = separator.join(lines) + "\n"
    assert blocks(document) == general_blocks(document)


@fast_paths_on
@pytest.mark.parametrize(
    "line",
    [
        '## <a name="0x8007232B"></a>Error 0x8007232B: DNS name does not exist',
        '### <a name="0x8007232b-dns-name-does-not-exist"></a>0x8007232B DNS 名称不存在  ',
        '#### <a id="resolution"></a> \u3000Solution',
        '# <a name="x">',
    ],
)
def test_common_headings_take_the_fast_path(line: str) -> None:
    document = f"Intro\n\n{line}\n\n{line}\n"
    with mock.patch.object(lint.parse.BlockBuilder, "placed", side_effect=AssertionError("general path")):
        fast = blocks(document)
    assert fast == general_blocks(document)
    assert [block.loc.line for block in fast if block.kind == "heading" and block.inlines] == [3, 5]
