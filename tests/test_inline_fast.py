"""The inline fast path against mistune: the same tokens for every text it takes, the same model for every document."""

from __future__ import annotations

import random

import pytest

from lint.mdpos import BoundedInlineParser, create_markdown
from lint.parse import parse_text
from tests.conftest import LOCALES, corpus_file

PIECES = [
    "plain", "テキスト", "слово", "é", "1", "0x8007232B", " ", "  ", "\t", "\xa0", "\u3000", "\n", "  \n", " \n ", "\\\n",
    "*", "**", "***", "_", "__", "`", "``", "!", "[", "]", "](", "(", ")", "（", "）", "。", "、", "«", "»", "—", ".", ",", ":",
    "'", '"', "%", "~", "|", "&", "&amp;", "&nbsp;", "&#x41;", "x;", "\\", "\\*", "[a](#b)", "[x](https://a.b/c_d)", "[y](u v)",
    "[z](<u>)", "(#x)", "![i](p)", "<br />", "<BR/>", "</a>", '<a name="n">', "<a\nname='x'>", "<!-- c -->", "<!--", "-->",
    "<!-->", "<span>", "<5x5 key>", "<kms_host_name>", "<https://x.y>", "<a@b.c>", "<?x?>", "<!DOCTYPE x>",
]  # fmt: skip
REFERENCES = {"ref_links": {"A": {"url": "u"}}}


def corpus_paragraphs() -> list[str]:
    return [p for locale in LOCALES for p in corpus_file(locale).read_text(encoding="utf-8").split("\n\n") if p.strip()]


def edited(generator: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(generator.randint(1, 4)):
        at = generator.randrange(len(chars) + 1)
        if generator.random() < 0.6:
            chars.insert(at, generator.choice(PIECES))
        elif at < len(chars):
            del chars[at]
    return "".join(chars)


def test_scanned_tokens_are_mistunes() -> None:
    markdown, generator = create_markdown(), random.Random(20261124)
    assert isinstance(markdown.inline, BoundedInlineParser)
    paragraphs = corpus_paragraphs()
    scanned = 0
    for index in range(6000):
        if index % 3:
            text = "".join(generator.choice(PIECES) for _ in range(generator.randint(0, generator.choice((4, 12, 40)))))
        else:
            text = edited(generator, generator.choice(paragraphs))
        text = text.strip(" \r\n\t\f")
        for env in ({}, REFERENCES):
            tokens = markdown.inline.scan_plain(text, env)
            if tokens is not None:
                assert tokens == markdown.inline(text, env), repr(text)
                scanned += 1
    assert scanned > 4000


@pytest.mark.parametrize(
    "text",
    ["a **b** c", "[a](#b) [c]", "`a`` b`", "x  \ny\n z", '<a name="n"></a>T', "<!-- a -->b", "a_b_c", "\\sources", "a ! b"],
)
def test_scan_takes_plain_markup(text: str) -> None:
    markdown = create_markdown()
    assert isinstance(markdown.inline, BoundedInlineParser)
    assert markdown.inline.scan_plain(text, {}) == markdown.inline(text, {})


@pytest.mark.parametrize("text", ["\\*", "![i](p)", "[a [b](c)]", "[a](b c)", "<https://x.y>", "<?p?>", "`open", '<a name="n">[a](b)'])
def test_scan_leaves_other_markup_to_mistune(text: str) -> None:
    markdown = create_markdown()
    assert isinstance(markdown.inline, BoundedInlineParser)
    assert markdown.inline.scan_plain(text, {}) is None


def test_model_is_the_same_without_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    generator = random.Random(20261125)
    texts = [corpus_file(locale).read_text(encoding="utf-8") for locale in LOCALES]
    documents = list(texts)
    for _ in range(300):
        lines = generator.choice(texts).split("\n")
        start = generator.randrange(len(lines))
        documents.append(edited(generator, "\n".join(lines[start : start + generator.randint(5, 60)])))
    fast = [parse_text("doc.md", text) for text in documents]
    monkeypatch.setattr(BoundedInlineParser, "scan_plain", lambda self, text, env: None)
    assert [parse_text("doc.md", text) for text in documents] == fast
