"""`is_plain` against what it stands for: mistune's one text token, and no character of the trigger pattern or `&`."""

from __future__ import annotations

import random
import re

from lint.mdinline import is_plain
from lint.mdpos import create_markdown
from tests.test_inline_fast import PIECES, corpus_paragraphs, edited, fast_paths_on

_NOT_PLAIN = re.compile(r"[\\`*_!\[\]<\n&]")  # the characters as the regex `is_plain` was first written with had them


def test_plain_text_holds_none_of_the_characters() -> None:
    generator, paragraphs = random.Random(20261130), corpus_paragraphs()
    plain = 0
    for index in range(6000):
        if index % 2:
            text = "".join(generator.choice(PIECES) for _ in range(generator.randint(0, 6)))
        else:
            text = edited(generator, generator.choice(paragraphs)) if index % 4 else generator.choice(paragraphs)
        assert is_plain(text) == (not _NOT_PLAIN.search(text)), repr(text)
        plain += is_plain(text)
    assert 500 < plain < 5500


@fast_paths_on
def test_plain_text_is_one_text_token_for_mistune() -> None:
    markdown, generator = create_markdown(), random.Random(20261131)
    for _ in range(3000):
        text = "".join(generator.choice(PIECES) for _ in range(generator.randint(1, 5))).strip(" \r\n\t\f")
        if text and is_plain(text):
            assert markdown.inline(text, {}) == [{"type": "text", "raw": text}], repr(text)
