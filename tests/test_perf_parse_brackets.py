"""Links whose text holds literal brackets (`[Volume activation [client]](url)`) are scanned as mistune reads them."""

from __future__ import annotations

import random

import pytest

import lint.parse
from lint.mdinline import INLINE_FAST_PATHS, BoundedInlineParser
from lint.mdpos import create_markdown
from lint.parse import parse_text

pytestmark = pytest.mark.skipif(not INLINE_FAST_PATHS, reason="the inline fast paths are off for this mistune version")
PIECES = ["[", "[", "]", "]", "]]", "](", "](u)", "](#a_b)", "(u)", "a", "テ", " ", "[a](u)", "[b]", "*", "**", "_", "`c`",
          '<a name="x">', "</a>", "\n", "!", "\\"]  # fmt: skip


def test_scanned_tokens_are_mistunes() -> None:
    markdown, generator = create_markdown(), random.Random(20261131)
    assert isinstance(markdown.inline, BoundedInlineParser)
    nested = 0
    for _ in range(20000):
        text = "".join(generator.choice(PIECES) for _ in range(generator.randint(1, 12))).strip(" \r\n\t\f")
        tokens = markdown.inline.scan_plain(text, {})
        if tokens is not None:
            assert tokens == markdown.inline(text, {}), repr(text)
            nested += any(t["type"] == "link" and "[" in str(t["children"]) for t in tokens)
    assert nested > 300


def test_model_is_the_same_without_the_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    generator = random.Random(20261132)
    prefixes = ["", "> ", "- ", "1. ", "# ", "| a | ", "Para [x "]
    documents = [
        "\n".join(
            generator.choice(prefixes) + "".join(generator.choice(PIECES) for _ in range(generator.randint(1, 8)))
            for _ in range(generator.randint(1, 6))
        )
        for _ in range(600)
    ]
    fast = [parse_text("doc.md", text) for text in documents]
    monkeypatch.setattr(BoundedInlineParser, "scan_plain", lambda self, text, env: None)
    monkeypatch.setattr(lint.parse, "plain_segments", lambda text, env: None)
    assert [parse_text("doc.md", text) for text in documents] == fast
