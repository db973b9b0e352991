"""The inline fast path against mistune: the same tokens for every text it takes, the same model for every document."""

from __future__ import annotations

import random
from typing import Any

import pytest

import lint.parse
from lint.mdinline import INLINE_FAST_PATHS, BoundedInlineParser, PlainItem, plain_segments
from lint.mdpos import create_markdown
from lint.parse import parse_text, read_anchors, read_anchors_with_lxml
from tests.conftest import LOCALES, corpus_file

PIECES = [
    "plain", "テキスト", "слово", "é", "1", "0x8007232B", " ", "  ", "\t", "\xa0", "\u3000", "\n", "  \n", " \n ", "\\\n",
    "*", "**", "***", "_", "__", "`", "``", "!", "[", "]", "](", "(", ")", "（", "）", "。", "、", "«", "»", "—", ".", ",", ":",
    "'", '"', "%", "~", "|", "&", "&amp;", "&nbsp;", "&#x41;", "x;", "\\", "\\*", "[a](#b)", "[x](https://a.b/c_d)", "[y](u v)",
    "[z](<u>)", "(#x)", "![i](p)", "[*a*](#b)", "[**b**](#c)", "[a_b](#d)", "[_e_]", "[x *y*]", "`*`", '<a name="a_b">', "(u_v)",
    "[q](a&amp;b)", "[é](é)", "[t](u 'x')", "[&amp;](#a)", "<br />", "<BR/>", "</a>", '<a name="n">', "<a\nname='x'>", "<!-- c -->",
    "<!--", "-->", "<!-->", "<span>", "<5x5 key>", "<kms_host_name>", "<https://x.y>", "<a@b.c>", "<?x?>", "<!DOCTYPE x>",
    "**b**", "**slmgr /dti**", "**a <5x5 key>**", "**[x]**", "**x.**", "**.x**", "**&amp;**", "**a!**", "**é ü**", "**テ**",
]  # fmt: skip
REFERENCES = {"ref_links": {"A": {"url": "u"}}}
fast_paths_on = pytest.mark.skipif(not INLINE_FAST_PATHS, reason="the inline fast paths are off for this mistune version")


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


def as_tokens(lines: list[tuple[int, int, list[PlainItem]]]) -> list[dict[str, Any]]:
    """The tokens mistune makes, as `plain_segments` reads them (a line break of either kind: "softbreak")."""
    tokens: list[dict[str, Any]] = []
    for index, (_, _, items) in enumerate(lines):
        tokens += [{"type": "softbreak"}] if index else []
        for kind, _, _, text, _, target in items:
            if kind == "link":
                tokens.append({"type": "link", "children": [{"type": "text", "raw": text}] if text else [], "attrs": {"url": target}})
            elif kind == "strong":
                tokens.append({"type": "strong", "children": [{"type": "text", "raw": text}]})
            else:
                tokens.append({"type": {"text": "text", "html": "inline_html", "code": "codespan"}[kind], "raw": text})
    return tokens


@fast_paths_on
def test_scanned_tokens_are_mistunes() -> None:
    markdown, generator = create_markdown(), random.Random(20261124)
    assert isinstance(markdown.inline, BoundedInlineParser)
    paragraphs = corpus_paragraphs()
    scanned = read = 0
    for index in range(6000):
        if index % 3:
            text = "".join(generator.choice(PIECES) for _ in range(generator.randint(0, generator.choice((4, 12, 40)))))
        else:
            text = edited(generator, generator.choice(paragraphs))
        text = text.strip(" \r\n\t\f")
        for env in ({}, REFERENCES):
            mistunes = markdown.inline(text, env)
            tokens = markdown.inline.scan_plain(text, env)
            if tokens is not None:
                assert tokens == mistunes, repr(text)
                scanned += 1
            lines = plain_segments(text, env)
            if lines is not None and text:  # "": mistune's one empty text token, which adds no content
                assert as_tokens(lines) == [{"type": "softbreak"} if t["type"] == "linebreak" else t for t in mistunes], repr(text)
                read += 1
    assert scanned > 4000 and read > 2000


@fast_paths_on
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


PREFIXES = ["", "", "> ", "- ", "1. ", "   ", "> > ", "- > ", "2) ", "# ", "## ", "> - ", "1. 1", "- -", "|", "\t", "\u3000"]


def test_model_is_the_same_without_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    generator = random.Random(20261125)
    texts = [corpus_file(locale).read_text(encoding="utf-8") for locale in LOCALES]
    documents = list(texts)
    for _ in range(300):
        lines = generator.choice(texts).split("\n")
        start = generator.randrange(len(lines))
        documents.append(edited(generator, "\n".join(lines[start : start + generator.randint(5, 60)])))
    for _ in range(300):  # lines behind every kind of block prefix, where a line's first token is searched for
        documents.append(
            "\n".join(
                generator.choice(PREFIXES) + "".join(generator.choice(PIECES) for _ in range(generator.randint(0, 6)))
                for _ in range(generator.randint(1, 12))
            )
        )
    fast = [parse_text("doc.md", text) for text in documents]
    monkeypatch.setattr(BoundedInlineParser, "scan_plain", lambda self, text, env: None)
    monkeypatch.setattr(lint.parse, "plain_segments", lambda text, env: None)
    assert [parse_text("doc.md", text) for text in documents] == fast


def test_plain_anchors_read_as_lxml_reads_them() -> None:
    generator = random.Random(20261126)
    values = ["", "a", "0x8007232b-dns-name-does-not-exist", "x_y.z:1", "A-Z"]
    tags = ["", '<a name="{}">', '<a id="{}">', '<a  name="{}">', '<A NAME="{}">', "<a name='{}'>", '<a name="{}" id="i">']
    for _ in range(300):
        chosen = [generator.choice(tags).format(generator.choice(values)) for _ in range(generator.randint(0, 5))]
        assert read_anchors(chosen) == read_anchors_with_lxml(chosen), chosen


@fast_paths_on
def test_strong_spans_read_as_mistune_reads_them() -> None:
    markdown, generator = create_markdown(), random.Random(20261127)
    around = ["a", "é", "テ", "1", " ", ".", "。", "(", ")", "!", "<", ">", "&amp;", "`c`", "<br />", "[l](#t)", "\n", "  \n", "*", "_"]
    inside = ["b", "slmgr /dti", "テキスト", "x y", "a", "2"] * 4 + [" ", ".", "。", "!", "<5x5 key>", "&lt;", "*", "_", "`", "[", "\n"]
    read = 0
    for _ in range(4000):
        parts = []
        for _ in range(generator.randint(1, 3)):
            parts += [generator.choice(around), "**", "".join(generator.choice(inside) for _ in range(generator.randint(1, 3))), "**"]
        text = "".join(parts + [generator.choice(around)]).strip(" \r\n\t\f")
        lines = plain_segments(text, {})
        if lines is not None and text:
            mistunes = markdown.inline(text, {})
            assert as_tokens(lines) == [{"type": "softbreak"} if t["type"] == "linebreak" else t for t in mistunes], repr(text)
            read += any(item[0] == "strong" for _, _, items in lines for item in items)
    assert read > 1000
