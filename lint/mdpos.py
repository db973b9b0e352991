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
from collections.abc import Callable, MutableMapping
from functools import cached_property
from typing import Any

import mistune
from mistune import list_parser
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
_UNINDENTED = {"atx_heading": _ATX_HEADING, "block_quote": _BLOCK_QUOTE}
"""Two rules as mistune 3.4.0 writes them, for a line that starts with their mark, but for its `.*?$`:
that tests for the line's end after every character, `[^\n]*` runs to it."""
_MARKS = {"atx_heading": "#", "setex_heading": "=-", "fenced_code": "`~", "thematic_break": "-_*", "ref_link": "[",
          "block_quote": ">", "list": "*+-", "block_html": "<", "raw_html": "<", "table": "|"}  # fmt: skip
"""The characters each of mistune 3.4.0's rules can match first, after the up to three spaces it starts with;
`list` also any decimal digit."""
_KNOWN_RULES = frozenset({*_MARKS, "nptable", "blank_line", "indent_code"})


def _can_start(rule: str, head: str) -> bool:
    """Whether one of `_KNOWN_RULES` can match at a line that starts with `head`: its first character, or for a line
    that starts with a space, its spaces, up to four, and the character after them."""
    mark = head.lstrip(" ")
    if rule == "blank_line":
        return mark in "\t\v\f\n"  # "" too: four spaces
    if rule == "indent_code":
        return head == "    " or mark == "\t"
    if not mark:  # four spaces, or the text's end
        return False
    if rule == "nptable":
        return not mark.isspace()
    return mark in _MARKS[rule] or (rule == "list" and mark.isdecimal())


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
    """`compile_sc`'s alternation of block rules, trying at a line's start only the rules that can match there
    (`_can_start`), one by one: the first of them to match, as the alternation finds it. A rule is compiled when a
    line first needs it, not the whole alternation up front: a short article needs a third of them.

    At a newline only `blank_line` can match, and at a plain character (mistune's `_is_plain_paragraph_start`) only
    `nptable`, which needs a `|` on the line: these, nearly every line, are tried without looking the line's start up.
    """

    __slots__ = ("rules", "rule_pattern", "after_newline", "at_newline", "at_plain", "by_start")

    def __init__(self, rules: tuple[str, ...], rule_pattern: Callable[[str, bool], re.Pattern[str]], after_newline: bool = False) -> None:
        self.rules = rules
        self.rule_pattern = rule_pattern  # a rule's pattern, given whether the line starts with a space
        self.after_newline = after_newline  # every rule is `(?<=\n)` and its pattern: no match at the text's start
        self.at_newline = rule_pattern("blank_line", False) if "blank_line" in rules else None
        self.at_plain = rule_pattern("nptable", False) if "nptable" in rules else None
        self.by_start: dict[str, tuple[re.Pattern[str], ...]] = {}  # a line's start (see `_can_start`) -> its rules' patterns

    def match(self, string: str, pos: int = 0) -> re.Match[str] | None:
        if string.startswith("\n", pos):
            return self.at_newline.match(string, pos) if self.at_newline else None
        if _is_plain_paragraph_start(string, pos):
            line_end = string.find("\n", pos)
            if self.at_plain is None or string.find("|", pos, len(string) if line_end < 0 else line_end) < 0:
                return None
            return self.at_plain.match(string, pos)
        if self.after_newline and not (pos and string.startswith("\n", pos - 1)):
            return None
        head = string[pos : pos + 1]
        if head == " ":
            head = string[pos : pos + 4]
            head = head[: len(head) - len(head.lstrip(" ")) + 1]
        patterns = self.by_start.get(head)
        if patterns is None:
            indented = head.startswith(" ")
            patterns = tuple(self.rule_pattern(rule, indented) for rule in self.rules if _can_start(rule, head))
            self.by_start[head] = patterns
        for pattern in patterns:
            if found := pattern.match(string, pos):
                return found
        return None

    def search(self, string: str, pos: int = 0) -> re.Match[str] | None:
        """The alternation's search: every rule starts with `^`, so `match` at each line start."""
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
        self._list_break_scanners: dict[int, BlockStartScanner] = {}
        super().__init__()

    def compile_sc(self, rules: list[str] | None = None) -> BlockStartScanner | re.Pattern[str]:  # type: ignore[override]
        key = tuple(self.rules if rules is None else rules)
        if not INLINE_FAST_PATHS or not _KNOWN_RULES.issuperset(key):
            return super().compile_sc(rules)
        scanner = self._scanners.get(key)
        if scanner is None:
            scanner = self._scanners[key] = BlockStartScanner(key, self.rule_pattern)
        return scanner

    def rule_pattern(self, rule: str, indented: bool) -> re.Pattern[str]:
        """The rule's own alternative of `compile_sc`'s alternation."""
        if not indented and rule in _UNINDENTED:
            return _UNINDENTED[rule]
        return super().compile_sc([rule])

    def list_break_scanner(self, leading_width: int) -> BlockStartScanner | re.Pattern[str]:
        """mistune's `_compile_list_break_sc`: the rules that end a list item whose marker ends `leading_width` columns
        in, each starting with up to that many spaces rather than three."""
        width = min(leading_width, 3)
        scanner = self._list_break_scanners.get(width)
        if scanner is None:
            rules = tuple(list_parser._get_list_break_rules(self))
            if not INLINE_FAST_PATHS or not _KNOWN_RULES.issuperset(rules):
                return _mistune_list_break_sc(self, leading_width)

            def rule_pattern(rule: str, indented: bool) -> re.Pattern[str]:
                if not indented or width == 3:  # no spaces to count, or up to three as everywhere: the shared pattern
                    return self.rule_pattern(rule, indented)
                return re.compile(f"(?P<{rule}>{self.specification[rule].replace(' {0,3}', f' {{0,{width}}}', 1)})", self.sc_flag)

            scanner = self._list_break_scanners[width] = BlockStartScanner(rules, rule_pattern, after_newline=True)
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
        self._list_break_scanners.clear()

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


def _list_break_sc(block: BlockParser, leading_width: int) -> Any:
    """mistune's, reached by its list parser; for the parser of `create_markdown`, one of its block-start scanners."""
    if isinstance(block, PositionBlockParser):
        return block.list_break_scanner(leading_width)
    return _mistune_list_break_sc(block, leading_width)


_mistune_list_break_sc = list_parser._compile_list_break_sc
list_parser._compile_list_break_sc = _list_break_sc


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
    def _markup_starts(self) -> str | None:
        """The characters an inline rule can start at; None: any (a rule without mistune's list of them)."""
        starts = self.inline._get_fast_trigger_chars()
        return None if starts is None else "".join(starts)

    def inline_tokens(self, text: str, env: MutableMapping[str, Any]) -> list[dict[str, Any]]:
        text = text.strip(" \r\n\t\f")
        starts = self._markup_starts
        if starts is not None and not any(map(text.__contains__, starts)):  # a few calls a file: no pattern to compile
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
