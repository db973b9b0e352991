"""mistune 3 with exact 1-based line numbers on every block token (mistune records none).

Three mistune internals make this possible: every block rule is dispatched through
`BlockParser.parse_method` with the match at the block's start; new paragraphs are made
only by `BlockState.add_paragraph`; and block-quote and list-item children are parsed from
a child state whose source maps line for line onto the parent's (except a list item whose
marker line is otherwise empty, which is dropped). Verified against markdown-it-py's
`token.map` on the corpus and on random documents (tests/test_mdpos.py).

A block's inline text is tokenised only when asked (`inline_tokens`), mostly without mistune's
inline parser (`lint.mdinline`).
"""

from __future__ import annotations

import re
import string
from collections.abc import MutableMapping
from functools import cached_property
from typing import Any

import mistune
from mistune.block_parser import BlockParser
from mistune.core import BlockState
from mistune.plugins import table as pipe_table

from lint.mdinline import INLINE_FAST_PATHS, BoundedInlineParser

if INLINE_FAST_PATHS:  # the version the block-start scanner was checked against; older ones lack this test
    from mistune.block_parser import _is_plain_paragraph_start

LINE = "line"
_EMPTY_ITEM = re.compile(r"[ \t]*(?:[*+-]|\d{1,9}[.)])[ \t]*(?:\n|$)")
_ATX_HEADING = re.compile(r"(?P<atx_heading>^(?P<atx_1>#{1,6})(?!#+)(?P<atx_2>[ \t]*(?=\n|\Z)|[ \t]+[^\n]*))", re.M)
_BLOCK_QUOTE = re.compile(r"(?P<block_quote>^>(?P<quote_1>[^\n]*))", re.M)
_FIRST_RULE_AT = {"#": ("atx_heading", _ATX_HEADING), ">": ("block_quote", _BLOCK_QUOTE)}
"""The one rule that can match first at a line's `#` or `>`, as mistune 3.4.0 writes it, but for its `.*?$`:
that tests for the line's end after every character, `[^\n]*` runs to it."""
_LINE_START = {"blank_line": "(^[ \\t\\v\\f]*\\n)+"}  # how each rule starts that can match only at a line's start; others: `^`


class PositionState(BlockState):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.first_line = 1
        self.child_start = 0
        self.dispatch_depth = 0
        self.counted_to = 0  # line_at counts the newlines from the offset it was last asked about: the cursor only moves a little
        self.counted = 0
        self.blank_line: re.Pattern[str] | None = None  # the blank-line rule of the rules it is parsed with

    def line_at(self, pos: int) -> int:
        if pos >= self.counted_to:
            self.counted += self.src.count("\n", self.counted_to, pos)
        else:
            self.counted -= self.src.count("\n", pos, self.counted_to)
        self.counted_to = pos
        return self.first_line + self.counted

    def append_token(self, token: dict[str, Any]) -> None:
        if not self.dispatch_depth and LINE not in token:
            token[LINE] = self.line_at(self.cursor)
        self.tokens.append(token)

    def add_paragraph(self, text: str) -> None:
        """mistune's, and a new paragraph gets its line."""
        tokens = self.tokens
        if tokens and tokens[-1]["type"] == "paragraph":
            tokens[-1]["text"] += text
        else:
            tokens.append({"type": "paragraph", "text": text, LINE: self.line_at(self.cursor)})

    def child_state(self, src: str, *args: Any, **kwargs: Any) -> BlockState:
        child = super().child_state(src, *args, **kwargs)
        assert isinstance(child, PositionState)
        first = self.line_at(self.child_start)
        self.env.setdefault("_first_lines", {})[id(child.tokens)] = first
        child.first_line = first + bool(_EMPTY_ITEM.match(self.src, self.child_start))
        self.child_start = self.src.rfind("\n", 0, max(self.cursor - 1, 0)) + 1
        return child


class BlockStartScanner:
    """`compile_sc`'s alternation of block rules, trying at a newline or a plain character only the rules
    that can start there: the first of the rules to match, as the alternation finds it.

    Every block rule but `nptable` starts with spaces, a tab or a character of its own: `#`, `>`, `|`, `<`,
    `[`, a digit or other ASCII punctuation, `blank_line` with blanks then a newline. So at a newline only
    `blank_line` can match, and at a plain character (mistune's `_is_plain_paragraph_start`) only
    `nptable`, which needs a `|` on the line: the full alternation at every line costs a tenth of the parse.
    At a `#` or `>`, the one rule of `_FIRST_RULE_AT` is tried; when it does not match, the alternation goes on.
    """

    __slots__ = ("pattern", "at_newline", "at_plain", "at_mark", "at_line_starts")

    def __init__(
        self,
        pattern: re.Pattern[str],
        at_newline: re.Pattern[str] | None,
        at_plain: re.Pattern[str] | None,
        at_mark: dict[str, re.Pattern[str]],
        at_line_starts: bool = False,
    ) -> None:
        self.pattern, self.at_newline, self.at_plain, self.at_mark = pattern, at_newline, at_plain, at_mark
        self.at_line_starts = at_line_starts  # every rule starts with `^`: the alternation can only match at a line's start

    def match(self, string: str, pos: int = 0) -> re.Match[str] | None:
        if string.startswith("\n", pos):
            return self.at_newline.match(string, pos) if self.at_newline else None
        if _is_plain_paragraph_start(string, pos):
            line_end = string.find("\n", pos)
            if self.at_plain is None or string.find("|", pos, len(string) if line_end < 0 else line_end) < 0:
                return None
            return self.at_plain.match(string, pos)
        rule = self.at_mark.get(string[pos : pos + 1])
        if rule and (found := rule.match(string, pos)):
            return found
        return self.pattern.match(string, pos)

    def search(self, string: str, pos: int = 0) -> re.Match[str] | None:
        """The alternation's search; with rules that all start with `^`, `match` at each line start instead of
        trying the whole alternation at every character."""
        if not self.at_line_starts:
            return self.pattern.search(string, pos)
        if pos and not string.startswith("\n", pos - 1):
            pos = string.find("\n", pos) + 1
            if not pos:
                return None
        while not (found := self.match(string, pos)):
            pos = string.find("\n", pos) + 1
            if not pos:
                return None
        return found


class PositionBlockParser(BlockParser):
    state_cls = PositionState

    def __init__(self) -> None:
        self._scanners: dict[tuple[str, ...], BlockStartScanner] = {}
        super().__init__()

    def compile_sc(self, rules: list[str] | None = None) -> BlockStartScanner | re.Pattern[str]:  # type: ignore[override]
        if not INLINE_FAST_PATHS:
            return super().compile_sc(rules)
        key = tuple(self.rules if rules is None else rules)
        scanner = self._scanners.get(key)
        if scanner is None:
            at_newline = super().compile_sc(["blank_line"]) if "blank_line" in key else None
            at_plain = super().compile_sc(["nptable"]) if "nptable" in key else None
            before = key.index("nptable") if "nptable" in key else len(key)  # nptable matches at any non-blank
            at_mark = {char: pattern for char, (rule, pattern) in _FIRST_RULE_AT.items() if rule in key[:before]}
            at_line_starts = all(self.specification[rule].startswith(_LINE_START.get(rule, "^")) for rule in key)
            scanner = self._scanners[key] = BlockStartScanner(super().compile_sc(rules), at_newline, at_plain, at_mark, at_line_starts)
        return scanner

    def parse(self, state: PositionState, rules: list[str] | None = None) -> None:  # type: ignore[override]
        """mistune's; the state keeps the blank-line rule of the scanner, for `parse_atx_heading`."""
        scanner = self.compile_sc(rules)
        state.blank_line = scanner.at_newline if isinstance(scanner, BlockStartScanner) else None
        super().parse(state, rules)

    def register(self, *args: Any, **kwargs: Any) -> None:
        """mistune's; the scanners of the old rules go, as mistune's compiled alternations go."""
        super().register(*args, **kwargs)
        self._scanners.clear()

    def parse_method(self, m: re.Match[str], state: PositionState) -> int | None:  # type: ignore[override]
        if m.lastgroup == "blank_line":  # a third of all dispatches, for tokens the builder skips: no line to stamp
            return self.parse_blank_line(m, state)
        if m.lastgroup == "atx_heading":  # a third of the others: one token, which has its line, and no child state
            return self.parse_atx_heading(m, state)
        start = m.start()
        saved, state.child_start = state.child_start, start
        tokens = state.tokens
        count = len(tokens)
        state.dispatch_depth += 1
        end = self._methods[m.lastgroup](m, state)  # type: ignore[index]
        state.dispatch_depth -= 1
        state.child_start = saved
        for token in tokens[count - 1 if count else 0 :]:
            if LINE not in token:
                token[LINE] = state.line_at(start)
        return end

    def _parse_indent_code_fast(self, state: BlockState) -> int | None:
        """mistune's, run only where an indented code line can start: its test reads the whole line each time."""
        if state.src.startswith((" ", "\t"), state.cursor):
            return super()._parse_indent_code_fast(state)
        return None

    def _parse_plain_paragraph(self, state: BlockState, sc: BlockStartScanner | re.Pattern[str]) -> bool:
        """mistune's, and the blank line that ends a paragraph is parsed here: the block pass matched it again."""
        if not isinstance(sc, BlockStartScanner):
            return super()._parse_plain_paragraph(state, sc)
        src, start = state.src, state.cursor
        if not _is_plain_paragraph_start(src, start):
            return False
        pos = src.find("\n", start) + 1 or len(src)
        while pos < state.cursor_max:
            if src.startswith("\n", pos):
                state.add_paragraph(src[start:pos])
                state.cursor = pos
                blank = sc.at_newline.match(src, pos) if sc.at_newline else None
                if blank:
                    state.cursor = self.parse_blank_line(blank, state)
                return True
            if sc.match(src, pos):
                break
            line_end = src.find("\n", pos) + 1 or len(src)
            if not src[pos:line_end].strip():
                break
            pos = line_end
        state.add_paragraph(src[start:pos])
        state.cursor = pos
        return True

    def parse_blank_line(self, m: re.Match[str], state: BlockState) -> int:
        """mistune's, but the token gets no line, nor (mistune 3.4) the count of a leading run's newlines: the builder skips blank lines."""
        state.tokens.append({"type": "blank_line"})
        return m.end()

    def parse_atx_heading(self, m: re.Match[str], state: PositionState) -> int:  # type: ignore[override]
        """mistune's, but the closing `#`s are trimmed without its regex, which backtracks quadratically on long blank runs;
        the token gets its line here, not in `parse_method`; the blank lines after it are parsed here, as
        `_parse_plain_paragraph` parses those after a paragraph, when `parse`'s loop is reading them next."""
        text = m.group("atx_2").strip(string.whitespace)
        bare = text.rstrip("#")
        if bare != text and (not bare or bare[-1].isspace()):
            text = bare.rstrip()
        level = len(m.group("atx_1"))
        state.append_token({"type": "heading", "text": text, "attrs": {"level": level}, "style": "atx", LINE: state.line_at(m.start())})
        end = m.end() + 1
        if state.dispatch_depth or not state.blank_line or not state.src.startswith("\n", end):
            return end  # a heading that ends a list or quote mistune is reading: it goes on from the heading's end
        blank = state.blank_line.match(state.src, end)
        return self.parse_blank_line(blank, state) if blank else end


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
    markdown.before_render_hooks.append(lambda md, state: _stamp_nested(state.tokens, state.env.get("_first_lines", {})))
    return markdown
