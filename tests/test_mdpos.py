"""mistune's line shim against markdown-it-py, which records block positions natively."""

from __future__ import annotations

import random
from typing import Any

import pytest
from markdown_it import MarkdownIt
from mistune.plugins import table as pipe_table

from lint.mdpos import LINE, _split_cells, create_markdown
from tests.conftest import LOCALES, corpus_file

_OPENERS = {
    "heading_open": "heading",
    "paragraph_open": "paragraph",
    "blockquote_open": "block_quote",
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "list_item_open": "item",
    "table_open": "table",
    "tr_open": "row",
    "fence": "block_code",
    "code_block": "block_code",
    "hr": "thematic_break",
    "html_block": "block_html",
}
SNIPPETS = [
    "# Title", "Some text\ncontinued", "> quote\n> more", "> [!NOTE]\n> note text", "- a\n- b\n  - nested",
    "1. one\n1. two", "-\n  empty marker item", "```\ncode\n```", "    indented code", "|a|b|\n|-|-|\n|1|2|\n|3|4|",
    "Setext\n===", "<div>\nhtml\n</div>", "---", "- item\n\n  > quote in item", "> - list in quote\n> - two",
    "text with **bold** and [link](#x)", "> lazy\ncontinuation", "1. a\n\n   para\n2. b", "",
]  # fmt: skip


def mistune_blocks(text: str) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []

    def walk(tokens: list[dict[str, Any]]) -> None:
        for token in tokens:
            kind = token["type"]
            if kind in ("heading", "paragraph", "block_text", "block_quote", "list", "table", "block_code", "thematic_break", "block_html"):
                found.append(("paragraph" if kind == "block_text" else kind, token[LINE]))
            if kind == "list":
                for item in token["children"]:
                    found.append(("item", item[LINE]))
                    walk(item["children"])
            elif kind == "block_quote":
                walk(token["children"])
            elif kind == "table":
                for part in token["children"]:
                    rows = [part] if part["type"] == "table_head" else part["children"]
                    found.extend(("row", row[LINE]) for row in rows)

    walk(create_markdown()(text))
    return found


def markdown_it_blocks(text: str) -> list[tuple[str, int]]:
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    return [(_OPENERS[t.type], t.map[0] + 1) for t in tokens if t.type in _OPENERS and t.map]


@pytest.mark.parametrize("locale", LOCALES)
def test_corpus_lines_match_markdown_it(locale: str) -> None:
    text = corpus_file(locale).read_text(encoding="utf-8")
    closing = text.index("\n---\n", 4) + 5
    body = "\n" * text.count("\n", 0, closing) + text[closing:]
    ours, theirs = mistune_blocks(body), markdown_it_blocks(body)
    assert len(ours) > 200
    assert ours == theirs


def test_random_documents_lines_match_where_structures_agree() -> None:
    generator = random.Random(20261121)
    compared = 0
    for _ in range(600):
        text = "\n\n".join(generator.choice(SNIPPETS) for _ in range(generator.randint(1, 8)))
        ours, theirs = mistune_blocks(text), markdown_it_blocks(text)
        if [kind for kind, _ in ours] != [kind for kind, _ in theirs]:
            continue  # the two parsers read the document differently; positions are not comparable
        assert ours == theirs, text
        compared += 1
    assert compared > 250


def test_inline_tokens_are_mistunes_own() -> None:
    markdown, generator = create_markdown(), random.Random(20261122)
    pieces = ["plain", "テキスト", " ", "\t", "**", "_", "`", "[a](#b)", "<br />", "&amp;", "\\", "\n", "!", "]", "<"]
    for _ in range(3000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 8)))
        assert markdown.inline_tokens(text, {}) == markdown.inline(text.strip(" \r\n\t\f"), {}), repr(text)


def test_table_cells_split_as_mistune_splits_them() -> None:
    generator = random.Random(20261123)
    for _ in range(3000):
        row = "".join(generator.choice("ab |\\\t") for _ in range(generator.randint(0, 12)))
        assert _split_cells(row) == pipe_table._split_table_cells(row), repr(row)
