"""Inline content of one block, mapped back onto the source: visible text, pieces and inline spans.

mistune gives inline tokens without positions. They come in source order, so a cursor that
searches the source for each token's markup, a little ahead of where the previous one ended,
recovers exact columns and the exact raw text of every link, bold span and code span.
Text with plain markup only is placed line by line instead (`InlineWalker.place`), to the same result.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from lint.mdinline import PlainItem
from lint.model import Inline, Location, Piece, new_inline, new_location, new_piece

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BACKTICKS = re.compile("`+")
_BREAK = re.compile(r"<br\s*/?>", re.I)
_LOOKAHEAD = 2000  # how far past the cursor a token's markup may start
_OPENERS = {"link": "[", "code": "`", "strong": "**"}  # what `walk` searches for to place a token of these kinds


class Source:
    """The text of a file with offset <-> line/column conversion (1-based)."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def offset(self, line: int) -> int:
        """Where `line` starts; the first line for one before it, the last for one after it."""
        if 0 < line <= len(self.line_starts):  # nearly always: `min` and `max` cost more than the lookup
            return self.line_starts[line - 1]
        return self.line_starts[0 if line < 1 else -1]

    def loc(self, offset: int) -> Location:
        return new_location(self.path, *self.line_col(offset))

    def line_col(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def find(self, needle: str, start: int) -> int:
        """Where `needle` starts at or after `start`, nearby; -1 when it is not there."""
        if not needle:
            return -1
        return self.text.find(needle, start, start + _LOOKAHEAD + len(needle))


@dataclass(slots=True, init=False)
class InlineContent:
    text: list[str]
    pieces: list[Piece]
    inlines: list[Inline]
    comments: list[Inline]  # the `<!-- … -->` among the inlines
    length: int

    def __init__(self) -> None:  # one per block: the dataclass's calls a factory for each list
        self.text, self.pieces, self.inlines, self.comments, self.length = [], [], [], [], 0

    def add_text(self, visible: str, source: Source, offset: int) -> None:
        self.add(visible, *source.line_col(offset))

    def add(self, visible: str, line: int, col: int) -> None:
        self.pieces.append(new_piece(self.length, line, col))
        self.text.append(visible)
        self.length += len(visible)

    def joined(self) -> str:
        return "".join(self.text)


class InlineWalker:
    """Walks one block's inline tokens with a cursor into the source."""

    __slots__ = ("source", "cursor", "content")

    def __init__(self, source: Source, start: int) -> None:
        self.source = source
        self.cursor = start
        self.content = InlineContent()

    def locate(self, needle: str) -> int:
        found = self.source.find(needle, self.cursor)
        return self.cursor if found < 0 else found

    def walk(self, tokens: list[dict[str, Any]]) -> InlineContent:
        for token in tokens:
            handler = _HANDLERS.get(token["type"])
            if handler:
                handler(self, token)
            elif token.get("children"):
                self.walk(token["children"])
            elif token.get("raw"):
                self._text(token)
        return self.content

    def place(self, text: str, lines: list[tuple[int, int, list[PlainItem]]]) -> InlineContent | None:
        """What `walk` makes of the tokens of `text` that `plain_segments` read, without searching for each.

        A line's first token is found as `walk` finds it; the rest of the line must follow it as written
        in `text`, and then every other token stands where `walk` would find it. None when a line does not.
        """
        cursor, source, content = self.cursor, self.source, self.content
        for index, (start, end, items) in enumerate(lines):
            if index:
                content.add_text(" ", source, self.cursor)
            if not items:
                break
            kind, _, _, first, _, target = items[0]
            base = source.find(_OPENERS.get(kind, first), self.cursor)
            autolink = kind == "link" and first and first == target and source.text.startswith("<", self.cursor)
            underscores = kind == "strong" and 0 <= source.find("__", self.cursor) < base  # `walk` would open there
            if base < 0 or autolink or underscores or not source.text.startswith(text[start:end], base):
                self.cursor, self.content = cursor, InlineContent()
                return None
            line, col = source.line_col(base)
            self._place_line(text, items, line, col - start)
            self.cursor = base + end - start
        return content

    def _place_line(self, text: str, items: list[PlainItem], line: int, col: int) -> None:
        """The tokens of one line, an offset `o` into `text` standing at column `col + o` of `line`."""
        content, path = self.content, self.source.path
        for kind, start, end, written, inner, target in items:
            if kind == "text":
                for at, visible in _visible_runs(written):
                    content.add(visible, line, col + start + at)
            elif kind == "html":
                if _BREAK.fullmatch(written):
                    content.add("\n", line, col + start)
                content.inlines.append(new_inline("html", "", written, new_location(path, line, col + start)))
                if written.startswith("<!--"):
                    content.comments.append(content.inlines[-1])
            elif kind == "code":
                content.add(written, line, col + inner)
                content.inlines.append(new_inline("code", written, text[start:end], new_location(path, line, col + start)))
            else:  # a link or strong span
                text_start = len(content.text)
                for at, visible in _visible_runs(written):
                    content.add(visible, line, col + inner + at)
                shown = "".join(content.text[text_start:])
                content.inlines.append(new_inline(kind, shown, text[start:end], new_location(path, line, col + start), target))

    def _text(self, token: dict[str, Any]) -> None:
        raw = token.get("raw", "")
        if not raw:
            return
        found = self.source.find(raw, self.cursor)
        start = self.cursor if found < 0 else found
        if found >= 0:
            self.cursor = start + len(raw)
        self._run(raw, start)

    def _run(self, raw: str, start: int) -> None:
        for at, visible in _visible_runs(raw):
            self.content.add_text(visible, self.source, start + at)

    def _visible(self, text: str, offset: int) -> None:
        if text:
            self.content.add_text(text, self.source, offset)

    def _softbreak(self, token: dict[str, Any]) -> None:
        self.content.add_text(" ", self.source, self.cursor)

    def _codespan(self, token: dict[str, Any]) -> None:
        start = self.locate("`")
        run = _BACKTICKS.match(self.source.text, start)
        ticks = len(run.group()) if run else 0
        end = self.source.find("`" * max(ticks, 1), start + ticks)
        end = end + ticks if end >= 0 else start + len(token["raw"]) + 2
        self._visible(token["raw"], start + ticks)
        self._span("code", token["raw"], start, end)

    def _inline_html(self, token: dict[str, Any]) -> None:
        raw = token["raw"]
        self._html(raw, self.locate(raw))

    def _html(self, raw: str, start: int) -> None:
        if _BREAK.fullmatch(raw):
            self._visible("\n", start)
        self._span("html", "", start, start + len(raw))
        if self.content.inlines[-1].raw.startswith("<!--"):
            self.content.comments.append(self.content.inlines[-1])

    def _open(self, opener: str) -> tuple[int, int]:
        """Where the span starts, and how many text runs the block had before it."""
        start = self.locate(opener)
        self.cursor = start + len(opener)
        return start, len(self.content.text)

    def _close(self, token: dict[str, Any], kind: str, start: int, text_start: int, end: int) -> None:
        visible = "".join(self.content.text[text_start:])  # only the span's runs: joining the block each time is quadratic
        self._span(kind, visible, start, end, token.get("attrs", {}).get("url", ""))

    def _emphasised(self, token: dict[str, Any], kind: str, markers: tuple[str, str]) -> None:
        at = self.locate_either(*markers)
        marker = self.source.text[at : at + len(markers[0])]
        start, text_start = self._open(marker)
        self.walk(token.get("children", []))
        self._close(token, kind, start, text_start, self.locate(marker) + len(marker))

    def _strong(self, token: dict[str, Any]) -> None:
        self._emphasised(token, "strong", ("**", "__"))

    def _emphasis(self, token: dict[str, Any]) -> None:
        self._emphasised(token, "emphasis", ("*", "_"))

    def _link(self, token: dict[str, Any], kind: str = "link", opener: str = "[") -> None:
        url = token.get("attrs", {}).get("url", "")
        children = token.get("children", [])
        if kind == "link" and children and children[0].get("raw") == url and self._ahead().startswith("<"):
            start, text_start = self._open("<")
            self.walk(children)
            self._close(token, kind, start, text_start, self.locate(">") + 1)
            return
        start, text_start = self._open(opener)
        self.walk(children)
        end = self.locate("]") + 1
        text = self.source.text
        if text.startswith("(", end):
            at_url = self.source.find(url, end) if url else -1
            end = at_url + len(url) if at_url == end + 1 else end
            end = self.source.find(")", end) + 1 or end
        elif text.startswith("[", end):
            end = self.source.find("]", end) + 1 or end
        self._close(token, kind, start, text_start, end)

    def _image(self, token: dict[str, Any]) -> None:
        self._link(token, "image", "![")

    def _ahead(self) -> str:
        return self.source.text[self.cursor : self.cursor + 2]

    def locate_either(self, first: str, second: str) -> int:
        found = [at for at in (self.source.find(first, self.cursor), self.source.find(second, self.cursor)) if at >= 0]
        return min(found) if found else self.cursor

    def _span(self, kind: str, text: str, start: int, end: int, target: str = "") -> None:
        end = max(end, start)
        raw = self.source.text[start:end]
        self.content.inlines.append(new_inline(kind, text, raw, self.source.loc(start), target))
        self.cursor = max(self.cursor, end)


def _visible_runs(raw: str) -> list[tuple[int, str]]:
    """A text token's visible text in runs (offset in `raw`, text), each entity decoded as a run of its own."""
    if "&" not in raw:
        return [(0, raw)] if raw else []
    runs, at = [], 0
    for entity in _ENTITY.finditer(raw):
        runs += [(at, raw[at : entity.start()]), (entity.start(), html.unescape(entity.group()))]
        at = entity.end()
    runs.append((at, raw[at:]))
    return [(offset, visible) for offset, visible in runs if visible]


_HANDLERS = {
    "text": InlineWalker._text,
    "softbreak": InlineWalker._softbreak,
    "linebreak": InlineWalker._softbreak,
    "codespan": InlineWalker._codespan,
    "inline_html": InlineWalker._inline_html,
    "strong": InlineWalker._strong,
    "emphasis": InlineWalker._emphasis,
    "link": InlineWalker._link,
    "image": InlineWalker._image,
}
