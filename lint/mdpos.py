"""mistune 3 with exact 1-based line numbers on every block token (mistune records none).

Three mistune internals make this possible: every block rule is dispatched through
`BlockParser.parse_method` with the match at the block's start; new paragraphs are made
only by `BlockState.add_paragraph`; and block-quote and list-item children are parsed from
a child state whose source maps line for line onto the parent's (except a list item whose
marker line is otherwise empty, which is dropped). Verified against markdown-it-py's
`token.map` on the corpus and on random documents (tests/test_mdpos.py).

Inline text is read without mistune's inline parser where its markup allows: `plain_segments` for
text whose tokens can be placed without searching (see `InlineWalker.place`), `scan_plain` for
most of the rest; both follow mistune's own scanning loop and are checked against its tokens
(tests/test_inline_fast.py).
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections.abc import MutableMapping
from functools import cached_property
from typing import Any

import mistune
from mistune.block_parser import BlockParser
from mistune.core import BlockState
from mistune.helpers import HTML_ATTRIBUTES, HTML_TAGNAME, PUNCTUATION
from mistune.inline_parser import AUTO_EMAIL
from mistune.plugins import table as pipe_table

LINE = "line"
INLINE_FAST_PATHS = mistune.__version__ == "3.4.0"  # they replay this version's inline scanning; others parse every block
MAX_EMPHASIS_MARKERS = 500  # per block; the corpus has 16 at most
_EMPTY_ITEM = re.compile(r"[ \t]*(?:[*+-]|\d{1,9}[.)])[ \t]*(?:\n|$)")
_TRIGGER = re.compile(r"[\\`*_!\[\]<\n]")  # where a mistune inline rule may start
_LINEBREAK, _SOFTBREAK = re.compile(r" {2,}\n\s*"), re.compile(r" *\n\s*")
_BACKTICKS, _EMPHASIS_RUN, _BRACKET_RUN = re.compile("`+"), re.compile("[*_]+"), re.compile(r"\]+")
_ESCAPABLE = re.compile(PUNCTUATION)
_PLAIN_DESTINATION = re.compile(r"\(([A-Za-z0-9_.~:/?#@!$*+,;=%-]*)\)")  # what `quote` keeps, minus & ( ) '
_ANGLE = re.compile(  # mistune's rules at a `<`, in its order; the first that matches names the group
    "(?P<autolink>{}|{})|(?P<comment><!--(?!-?>))|(?P<declaration><[!?])|(?P<tag>{})|(?P<tag_start></?[A-Za-z])".format(
        mistune.InlineParser.SPECIFICATION["auto_link"], AUTO_EMAIL, f"<{HTML_TAGNAME}{HTML_ATTRIBUTES}\\s*/?>|</{HTML_TAGNAME}\\s*>"
    )
)
_PLAIN_LINK = re.compile(r"\[([^\\`*_\[\]<\n]*)\]" + _PLAIN_DESTINATION.pattern)
_LITERAL_BRACKETS = re.compile(r"\[[^\\`*_\[\]<\n]*\](?!\()")
_PLAIN_CODE = re.compile(r"(`+)([^`\n]+)(`+)")


class PositionState(BlockState):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.first_line = 1
        self.child_start = 0
        self.dispatch_depth = 0
        self.newlines: list[int] = []

    def process(self, src: str) -> None:
        super().process(src)
        self.newlines = [m.start() for m in re.finditer("\n", src)]

    def line_at(self, pos: int) -> int:
        return self.first_line + bisect_right(self.newlines, pos - 1)

    def append_token(self, token: dict[str, Any]) -> None:
        if not self.dispatch_depth and LINE not in token:
            token[LINE] = self.line_at(self.cursor)
        super().append_token(token)

    def add_paragraph(self, text: str) -> None:
        count = len(self.tokens)
        super().add_paragraph(text)
        if len(self.tokens) > count:
            self.tokens[-1][LINE] = self.line_at(self.cursor)

    def child_state(self, src: str, *args: Any, **kwargs: Any) -> BlockState:
        child = super().child_state(src, *args, **kwargs)
        assert isinstance(child, PositionState)
        first = self.line_at(self.child_start)
        self.env.setdefault("_first_lines", {})[id(child.tokens)] = first
        child.first_line = first + bool(_EMPTY_ITEM.match(self.src, self.child_start))
        self.child_start = self.src.rfind("\n", 0, max(self.cursor - 1, 0)) + 1
        return child


class PositionBlockParser(BlockParser):
    state_cls = PositionState

    def parse_method(self, m: re.Match[str], state: PositionState) -> int | None:  # type: ignore[override]
        saved, state.child_start = state.child_start, m.start()
        count = len(state.tokens)
        state.dispatch_depth += 1
        try:
            return super().parse_method(m, state)
        finally:
            state.dispatch_depth -= 1
            state.child_start = saved
            tokens = state.tokens
            for index in range(max(count - 1, 0), len(tokens)):
                if LINE not in tokens[index]:
                    tokens[index][LINE] = state.line_at(m.start())

    def parse_atx_heading(self, m: re.Match[str], state: BlockState) -> int:
        """mistune's, but the closing `#`s are trimmed without its regex, which backtracks quadratically on long blank runs."""
        text = m.group("atx_2").strip(string.whitespace)
        bare = text.rstrip("#")
        if bare != text and (not bare or bare[-1].isspace()):
            text = bare.rstrip()
        state.append_token({"type": "heading", "text": text, "attrs": {"level": len(m.group("atx_1"))}, "style": "atx"})
        return m.end() + 1


class BoundedInlineParser(mistune.InlineParser):
    """mistune's inline parser, with emphasis left as text in a block holding too many `*` and `_`.

    mistune matches emphasis delimiters in time quadratic in their number within one block;
    a block of a few kilobytes of nested `*a *a …` would otherwise take minutes.
    """

    def finalize_tokens(self, tokens: list[dict[str, Any]], depth: int) -> list[dict[str, Any]]:
        markers = sum(t["raw"].count("*") + t["raw"].count("_") for t in tokens if t["type"] == "text")
        if markers > MAX_EMPHASIS_MARKERS:
            depth = self.max_nested_level  # no nesting budget left: mistune keeps the markers as text
        return super().finalize_tokens(tokens, depth)

    def scan_plain(self, text: str, env: MutableMapping[str, Any]) -> list[dict[str, Any]] | None:
        """mistune's tokens for `text`, without its parser; None when `text` holds markup this scan leaves to it.

        The scan is mistune's own loop for the rules it can follow exactly: text, `!`, `*` and `_` runs,
        code spans, line breaks, inline HTML, `[…]` without nested brackets, and links `[…](destination)`
        whose destination mistune's percent-encoding leaves as written. Emphasis is resolved by mistune's
        `finalize_tokens`, as after its parse. Escapes, images, autolinks, nested brackets, reference
        links and other destinations are left to mistune.
        """
        if not INLINE_FAST_PATHS:
            return None
        tokens: list[dict[str, Any]] = []
        opener = -1  # index of the open `[` token
        in_link = False  # inside <a>…</a>, where mistune makes no link
        pos, end = 0, len(text)
        while pos < end:
            trigger = _TRIGGER.search(text, pos)
            stop = trigger.start() if trigger else end
            if trigger and text[stop] == "\n":
                while stop > pos and text[stop - 1] == " ":
                    stop -= 1
            if stop > pos:
                tokens.append({"type": "text", "raw": text[pos:stop]})
                pos = stop
            if pos == end:
                break
            char = text[pos]
            if char in " \n":
                line_break = _LINEBREAK.match(text, pos)
                tokens.append({"type": "linebreak" if line_break else "softbreak"})
                pos = (line_break or _SOFTBREAK.match(text, pos)).end()  # type: ignore[union-attr]
            elif char == "`" and (code := _scan_code(text, pos)):
                tokens.append(code[0])
                pos = code[1]
            elif char in "*_":
                run = _EMPHASIS_RUN.match(text, pos).end()  # type: ignore[union-attr]
                tokens.append({"type": "text", "raw": text[pos:run]})
                pos = run
            elif char == "[" and opener < 0:
                opener = len(tokens)
                tokens.append({"type": "text", "raw": "["})
                pos += 1
            elif char == "]" and not env.get("ref_links"):
                run = _BRACKET_RUN.match(text, pos).end()  # type: ignore[union-attr]
                literal_end = run - text.startswith("(", run)
                if literal_end > pos:
                    opener = -1
                    tokens.append({"type": "text", "raw": text[pos:literal_end]})
                    pos = literal_end
                if pos < run and opener < 0:
                    tokens.append({"type": "text", "raw": "]"})
                    pos = run
                elif pos < run:
                    link = _PLAIN_DESTINATION.match(text, run)
                    if link is None or in_link:
                        return None
                    children = self.finalize_tokens(tokens[opener + 1 :], 1)
                    del tokens[opener:]
                    tokens.append({"type": "link", "children": children, "attrs": {"url": link.group(1)}})
                    opener, pos = -1, link.end()
            elif char == "<":
                html = _scan_html(text, pos)
                if html is None:
                    return None
                tokens.append({"type": "inline_html", "raw": html} if html else {"type": "text", "raw": "<"})
                pos += len(html) or 1
                if html.startswith(("<a ", "<a>", "<A ", "<A>")):
                    in_link = True
                elif html.startswith(("</a ", "</a>", "</A ", "</A>")):
                    in_link = False
            elif char == "!" and not text.startswith("[", pos + 1):
                tokens.append({"type": "text", "raw": "!"})
                pos += 1
            elif char == "\\" and not text.startswith("\n", pos + 1) and not _ESCAPABLE.match(text, pos + 1):
                tokens.append({"type": "text", "raw": "\\"})
                pos += 1
            else:
                return None
        return self.finalize_tokens(tokens or [{"type": "text", "raw": text}], 0)


def _scan_code(text: str, start: int) -> tuple[dict[str, Any], int] | None:
    """mistune's code span at `start` and where it ends; None when no run of as many backticks closes it."""
    marker = _BACKTICKS.match(text, start).group()  # type: ignore[union-attr]
    after = start + len(marker)
    close = next((run for run in _BACKTICKS.finditer(text, after) if len(run.group()) == len(marker)), None)
    if close is None:
        return None
    return {"type": "codespan", "raw": _code(text[after : close.start()])}, close.end()


def _code(between: str) -> str:
    """A code span's code, from what stands between its backticks."""
    code = between.replace("\n", " ")
    return code[1:-1] if code.strip(" ") and code.startswith(" ") and code.endswith(" ") else code


PlainItem = tuple[str, int, int, str, int, str]
"""A token of a block's inline text as mistune makes it: (kind, start, end, text, inner, target).

kind is text, html, code or link; start and end are offsets in the inline text; text is the text
or HTML as written, a code span's code, a link's text as written; inner is where a code span's or
link's visible text starts; target is a link's destination."""


def plain_segments(text: str, env: MutableMapping[str, Any]) -> list[tuple[int, int, list[PlainItem]]] | None:
    """mistune's tokens of `text`, line by line (start, end, tokens of each line; a line break
    ends each line but the last, which has no tokens when a break ends the text), when its only markup is
    code spans and inline HTML within a line, links `[text](destination)` and brackets without markup
    inside, and line breaks; None for any other markup (emphasis, escapes, images, autolinks, references).

    The same reading as `BoundedInlineParser.scan_plain`, narrowed to tokens that stand for a
    contiguous piece of one line, so that their place in the file can be known without searching.
    """
    if not INLINE_FAST_PATHS or (env.get("ref_links") and ("[" in text or "]" in text)):
        return None
    segments: list[tuple[int, int, list[PlainItem]]] = []
    items: list[PlainItem] = []
    line_start, run = 0, -1  # run: where the current text token starts, -1 outside one
    in_link = False  # inside <a>…</a>, where mistune makes no link
    pos, end = 0, len(text)
    while pos < end:
        trigger = _TRIGGER.search(text, pos)
        stop = trigger.start() if trigger else end
        if trigger and text[stop] == "\n":
            while stop > pos and text[stop - 1] == " ":
                stop -= 1
        if run < 0 and stop > pos:
            run = pos
        pos = stop
        if pos == end:
            break
        char, item, literal = text[pos], None, 1
        if char == "<":
            html = _scan_html(text, pos)
            if html is None or "\n" in html:
                return None
            if html:
                item = ("html", pos, pos + len(html), html, pos, "")
                if html.startswith(("<a ", "<a>", "<A ", "<A>")):
                    in_link = True
                elif html.startswith(("</a ", "</a>", "</A ", "</A>")):
                    in_link = False
        elif char == "[":
            if link := _PLAIN_LINK.match(text, pos):
                if in_link:
                    return None
                item = ("link", pos, link.end(), link.group(1), pos + 1, link.group(2))
            elif brackets := _LITERAL_BRACKETS.match(text, pos):
                literal = brackets.end() - pos
            else:
                return None
        elif char == "`":
            code = _PLAIN_CODE.match(text, pos)
            if not code or len(code.group(1)) != len(code.group(3)):
                return None
            item = ("code", pos, code.end(), _code(code.group(2)), code.start(2), "")
        elif char in " \n":
            if run >= 0:
                items.append(("text", run, pos, text[run:pos], run, ""))
            segments.append((line_start, pos, items))
            items, run = [], -1
            pos = line_start = _SOFTBREAK.match(text, pos).end()  # type: ignore[union-attr]
            continue
        elif not (
            char == "]"
            or (char == "!" and not text.startswith("[", pos + 1))
            or (char == "\\" and not text.startswith("\n", pos + 1) and not _ESCAPABLE.match(text, pos + 1))
        ):
            return None
        if item is None:
            run = pos if run < 0 else run
            pos += literal
            continue
        if run >= 0:
            items.append(("text", run, pos, text[run:pos], run, ""))
            run = -1
        items.append(item)
        pos = item[2]
    if run >= 0:
        items.append(("text", run, end, text[run:end], run, ""))
    return segments + [(line_start, end, items)] if text else segments


def _scan_html(text: str, start: int) -> str | None:
    """The inline HTML mistune reads at `start` (a `<`); "" when it reads the `<` as text; None when not sure."""
    rule = _ANGLE.match(text, start)
    if rule is None or rule.lastgroup == "tag_start":
        return ""
    if rule.lastgroup == "tag":
        return rule.group()
    if rule.lastgroup == "comment":
        close = text.find("-->", start + 4)
        return text[start : close + 3] if close >= 0 else ""
    return None


def parse_ragged_table(block: BlockParser, m: re.Match[str], state: BlockState) -> int | None:
    """mistune's pipe table, except that a row with more or fewer cells than the header stays a row.

    mistune turns the whole table into a paragraph for one ragged row, and every row is lost;
    the cells are kept as written, so that a missing or extra `|` is one row's problem.
    """
    header = pipe_table._strip_pipe_table_row(m.group(0))
    align_line = state.get_line(m.end())
    align = pipe_table._strip_pipe_table_row(align_line)
    thead = pipe_table._process_thead(header, align)[0] if header is not None and align is not None else None
    if thead is None:
        return pipe_table.parse_table(block, m, state)
    pos = m.end() + len(align_line)
    rows = []
    while pos < state.cursor_max:
        line = state.get_line(pos)
        text = pipe_table._strip_pipe_table_row(line)
        if text is None:
            break
        cells = [{"type": "table_cell", "text": cell, "attrs": {"head": False}} for cell in _split_cells(text)]
        rows.append({"type": "table_row", "children": cells})
        pos += len(line)
    state.append_token({"type": "table", "children": [thead, {"type": "table_body", "children": rows}]})
    return pos


def _split_cells(row: str) -> list[str]:
    """mistune's cells of a row; its character-by-character scan only where a `\\` may escape a `|`."""
    if "\\" in row:
        return pipe_table._split_table_cells(row)
    return [cell.strip() for cell in row.split("|")]


def _stamp_nested(tokens: list[dict[str, Any]], first_lines: dict[int, int]) -> None:
    for token in tokens:
        if token["type"] == "table":
            for part in token["children"]:
                if part["type"] == "table_head":
                    part[LINE] = token[LINE]
                else:
                    for index, row in enumerate(part["children"]):
                        row[LINE] = token[LINE] + 2 + index
        elif token["type"] == "list":
            for item in token["children"]:
                item[LINE] = first_lines.get(id(item["children"]), token[LINE])
                _stamp_nested(item["children"], first_lines)
        elif token["type"] == "block_quote":
            _stamp_nested(token["children"], first_lines)


class DeferredInlineMarkdown(mistune.Markdown):
    """mistune without its render pass: a block's inline tokens are parsed when `inline_tokens` asks.

    Blocks keep the `text` mistune would have parsed; text without any character that starts
    inline markup becomes the one text token mistune makes of it, without running its parser.
    """

    def render_state(self, state: BlockState) -> list[dict[str, Any]]:  # type: ignore[override]
        return state.tokens

    @cached_property
    def _markup_start(self) -> re.Pattern[str]:
        starts = self.inline._get_fast_trigger_chars()
        return re.compile("[" + re.escape("".join(sorted(starts))) + "]" if starts is not None else "")  # "": parse every text

    def inline_tokens(self, text: str, env: MutableMapping[str, Any]) -> list[dict[str, Any]]:
        text = text.strip(" \r\n\t\f")
        if not self._markup_start.search(text):
            return [{"type": "text", "raw": text}]
        assert isinstance(self.inline, BoundedInlineParser)
        tokens = self.inline.scan_plain(text, env)
        return self.inline(text, env) if tokens is None else tokens


def create_markdown() -> DeferredInlineMarkdown:
    """A mistune parser whose AST carries `line` on every block, table row and list item (inline text: `inline_tokens`)."""
    markdown = DeferredInlineMarkdown(
        renderer=None,
        block=PositionBlockParser(),
        inline=BoundedInlineParser(),
        plugins=[mistune.import_plugin("table")],
    )
    markdown.block.register("table", pipe_table.TABLE_PATTERN, parse_ragged_table, before="paragraph")
    markdown.before_render_hooks.append(
        lambda md, state: _stamp_nested(state.tokens, state.env.get("_first_lines", {}))
    )
    return markdown
