"""read_article(path) -> Article: a locale file read once into the model. It never raises.

Whatever cannot be read becomes a problem on the article (a finding of rule WL001), and what
could be read is kept.
"""

from __future__ import annotations

import codecs
import gc
import os
import re
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html

from lint.config import DEFAULT_MAX_BYTES
from lint.front_matter import read_front_matter
from lint.inline import InlineContent, InlineWalker, Source
from lint.mdinline import ANCHORED_TEXT, INLINE_FAST_PATHS, LINK_CELL, is_plain, plain_segments
from lint.mdpos import LINE, create_markdown
from lint.model import Article, Block, Inline, Location, Piece, Section, new_block, new_inline, new_location, new_piece, new_section
from lint.structures import find_code_list, find_table
from lint.suppress import read_suppressions
from lint.text import canonical_locale, leading_code

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip
_LOCALE_KEYS = ("ms.contentlocale", "locale")
_PLAIN_ANCHOR = re.compile(r'<a (?:name|id)="([A-Za-z0-9_.:-]*)">')
_MARKDOWN = create_markdown()
_LIST_MARKER = re.compile(r"[ \t>]*+(([0-9]{1,9})[.)]|[-+*])")  # after the indentation and quote markers of the line


def read_article(path: str, path_locale: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            return unreadable(path, path_locale, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit; not checked")
        data = Path(path).read_bytes()
    except OSError as error:
        link = " (a broken symbolic link)" if os.path.islink(path) else ""
        return unreadable(path, path_locale, f"cannot be read: {error.strerror or error}{link}")
    text, problem = decode(data)
    if text is None:
        return unreadable(path, path_locale, problem)
    try:
        return parse_text(path, text, path_locale)
    except Exception as error:  # a parser bug costs the user this one file, not the whole run
        return unreadable(path, path_locale, f"internal error while parsing ({type(error).__name__}: {error}); please report it")


def unreadable(path: str, locale: str | None, reason: str) -> Article:
    return Article(path, locale, (), (), (), None, problems=((new_location(path, 1, 1), reason),))


def decode(data: bytes) -> tuple[str | None, str]:
    """Text of a file, or None and why not. UTF-8 (with or without BOM) and UTF-16/32 with BOM."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), ""
            except UnicodeDecodeError:
                return None, f"starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()}"
    if b"\x00" in data[:8192]:
        return None, "is binary (it holds NUL bytes), not Markdown"
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start]
        return None, f"is not UTF-8: byte 0x{byte:02X} at line {line}, column {column} (save the file as UTF-8)"


def parse_text(path: str, text: str, path_locale: str | None = None) -> Article:
    with cyclic_collector_paused():
        return _parse_text(path, text, path_locale)


@contextmanager
def cyclic_collector_paused() -> Iterator[None]:
    """Parsing makes only acyclic objects (mistune's tokens, the model), tens of thousands per file:
    the cyclic collector scanning them as they are made finds nothing and costs a quarter of the parse.
    Reference counting frees them all the same."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse_text(path: str, text: str, path_locale: str | None) -> Article:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    source = Source(path, text)
    front = read_front_matter(source)
    problems = list(front.problems)
    locale = path_locale
    for key in _LOCALE_KEYS:
        entry = next((e for e in front.entries if e.key == key and isinstance(e.value, str)), None)
        if entry is None or not isinstance(entry.value, str):
            continue
        locale = canonical_locale(entry.value) or locale
        if not canonical_locale(entry.value):
            problems.append((entry.loc, f"{key} {entry.value!r} is not a locale such as fr-FR; the path's is used"))
        break
    body = "\n" * text.count("\n", 0, front.body_start) + text[front.body_start :]
    try:
        tokens, state = _MARKDOWN.parse(body)
        assert isinstance(tokens, list)  # no renderer: the AST, never HTML
        builder = BlockBuilder(source, env=state.env)
        builder.add(tokens, depth=0)
    except RecursionError:
        problems.append((new_location(path, 1, 1), "nesting is too deep to parse; only the front matter was read"))
        builder = BlockBuilder(source)
    blocks = tuple(builder.blocks)
    return Article(
        path=path,
        locale=locale,
        front_matter=front.entries,
        sections=build_sections(source, blocks, builder.anchored_headings()),
        table=find_table(builder.tables),
        code_list=find_code_list(blocks),
        suppressions=read_suppressions(builder.comments),
        line_count=len(source.line_starts) - (1 if text.endswith("\n") else 0),
        problems=tuple(problems),
    )


@dataclass
class BlockBuilder:
    """Turns mistune's block tokens into the model's flat list of `Block`s, in document order."""

    source: Source
    blocks: list[Block] = field(default_factory=list)
    headings: dict[int, tuple[int, str]] = field(default_factory=dict)  # block index -> (level, first <a> tag)
    tables: list[list[tuple[Location, list[Block]]]] = field(default_factory=list)
    comments: list[tuple[Location, str]] = field(default_factory=list)
    env: MutableMapping[str, Any] = field(default_factory=dict)  # mistune's, with the file's link reference definitions
    last_marker: tuple[int, int] = (0, 0)  # line and end offset of the last list item's marker

    def anchored_headings(self) -> dict[int, tuple[int, str]]:
        """Block index -> (level, anchor name) of every heading."""
        names = iter(read_anchors([tag for _, tag in self.headings.values()]))
        return {index: (level, next(names)) for index, (level, _) in self.headings.items()}

    def add(self, tokens: list[dict[str, Any]], depth: int) -> None:
        for token in tokens:
            kind = token["type"]
            if kind == "blank_line":
                continue
            loc = new_location(self.source.path, token.get(LINE, 1), 1)
            if kind == "heading":
                block = self.inline_block("heading", token, loc, depth)
                self.headings[len(self.blocks)] = (token["attrs"]["level"], _anchor_tag(block))
                self.blocks.append(block)
            elif kind in ("paragraph", "block_text"):
                self.blocks.append(self.inline_block("paragraph", token, loc, depth))
            elif kind == "block_quote":
                self.add_quote(token, loc, depth)
            elif kind == "list":
                self.blocks.append(new_block("list", loc, depth=depth, items=len(token["children"])))
                for item in token["children"]:
                    self.blocks.append(self.list_item(item.get(LINE, loc.line), depth + 1, token["attrs"].get("ordered", False)))
                    self.add(item["children"], depth + 2)
            elif kind == "block_code":
                self.blocks.append(new_block("code", loc, text=token.get("raw", ""), depth=depth))
            elif kind == "table":
                self.add_table(token, loc, depth)
            elif kind == "block_html":
                self.blocks.append(new_block("html", loc, text=token.get("raw", ""), depth=depth))
                self.comments.append((loc, token.get("raw", "")))
            elif kind == "thematic_break":
                self.blocks.append(new_block("rule", loc, depth=depth))

    def list_item(self, line: int, depth: int, ordered: bool) -> Block:
        """A list item, placed on its marker; an item of a numbered list keeps its number. An item that starts
        on the line of its enclosing item's marker (`- 1. step`) has its marker after that one."""
        start = self.source.offset(line)
        after = self.last_marker[1] if self.last_marker[0] == line else start
        marker = _LIST_MARKER.match(self.source.text, after)
        if marker is None:  # mistune's line is the item's first, so it holds the marker; this is only a safeguard
            return new_block("list-item", new_location(self.source.path, line, 1), depth=depth)
        self.last_marker = (line, marker.end())
        number = marker.group(2) if ordered and marker.group(2) else ""
        return new_block("list-item", new_location(self.source.path, line, marker.start(1) - start + 1), depth=depth, number=number)

    def inline_block(self, kind: str, token: dict[str, Any], loc: Location, depth: int, walker: InlineWalker | None = None) -> Block:
        if INLINE_FAST_PATHS and "children" not in token:
            text = token.get("text", "").strip(" \r\n\t\f")
            if is_plain(text):
                return self.plain_block(kind, text, loc, depth, walker)
            if walker is None:
                anchored = ANCHORED_TEXT.fullmatch(text)
                if anchored and (block := self.anchored_block(kind, anchored, loc, depth)):
                    return block
            elif (
                (link := LINK_CELL.fullmatch(text))
                and not self.env.get("ref_links")
                and (block := self.link_cell(kind, link, loc, depth, walker))
            ):
                return block
        if walker is None:
            walker = InlineWalker(self.source, self.source.offset(loc.line))
        else:  # a table row's, shared by its cells
            walker.content = InlineContent()
        content = self.placed(token, walker) or walker.walk(self.inline_tokens(token))
        if content.comments:
            self.comments.extend((comment.loc, comment.raw) for comment in content.comments)
        text = content.joined()
        lead = len(text) - len(text.lstrip())
        pieces = tuple(_shift(piece, lead) for piece in content.pieces) if lead else tuple(content.pieces)
        return new_block(kind, loc, text.strip(), pieces, tuple(content.inlines), depth)

    def plain_block(self, kind: str, text: str, loc: Location, depth: int, walker: InlineWalker | None) -> Block:
        """A block whose text is one line without markup or entity: mistune's one text token, placed as `walk` places it."""
        source = self.source
        cursor = source.offset(loc.line) if walker is None else walker.cursor
        if not text:
            return new_block(kind, loc, "", (), (), depth)
        found = source.find(text, cursor)
        if found >= 0 and walker is not None:
            walker.cursor = found + len(text)
        return _one_run_block(kind, loc, text, new_piece(0, *source.line_col(cursor if found < 0 else found)), (), depth)

    def anchored_block(self, kind: str, anchored: re.Match[str], loc: Location, depth: int) -> Block | None:
        """A block `<a name="…"></a>text` (see `ANCHORED_TEXT`), placed as `InlineWalker.place` places it;
        None when its text does not stand as written on its line."""
        source = self.source
        start = source.find(anchored[1], source.offset(loc.line))
        if start < 0 or not source.text.startswith(anchored.string, start):
            return None
        line, col = source.line_col(start)
        opening, closing, text = anchored.groups()
        inlines: tuple[Inline, ...] = (new_inline("html", "", opening, new_location(source.path, line, col)),)
        if closing:
            inlines += (new_inline("html", "", closing, new_location(source.path, line, col + len(opening))),)
        return _one_run_block(kind, loc, text, new_piece(0, line, col + anchored.start(3)), inlines, depth)

    def link_cell(self, kind: str, link: re.Match[str], loc: Location, depth: int, walker: InlineWalker) -> Block | None:
        """A table cell `[text](destination)` (see `LINK_CELL`), placed as `InlineWalker.place` places it;
        None when it does not stand as written after the row's cursor, or `walk` would take it for an autolink."""
        source = self.source
        start = source.find("[", walker.cursor)
        label, target = link.groups()
        autolink = label and label == target and source.text.startswith("<", walker.cursor)
        if start < 0 or autolink or not source.text.startswith(link.string, start):
            return None
        walker.cursor = start + len(link.string)
        line, col = source.line_col(start)
        inlines = (new_inline("link", label, link.string, new_location(source.path, line, col), target),)
        return _one_run_block(kind, loc, label, new_piece(0, line, col + 1), inlines, depth)

    def placed(self, token: dict[str, Any], walker: InlineWalker) -> InlineContent | None:
        """The block's inline content read straight from its text, when its markup allows (see `plain_segments`)."""
        if "children" in token:
            return None
        text = token.get("text", "").strip(" \r\n\t\f")
        lines = plain_segments(text, self.env)
        return None if lines is None else walker.place(text, lines)

    def inline_tokens(self, token: dict[str, Any]) -> list[dict[str, Any]]:
        if "children" not in token:
            token["children"] = _MARKDOWN.inline_tokens(token.pop("text", ""), self.env)
        children: list[dict[str, Any]] = token["children"]
        return children

    def add_quote(self, token: dict[str, Any], loc: Location, depth: int) -> None:
        children = token.get("children", [])
        callout = ""
        first = children[0] if children and children[0]["type"] == "paragraph" else None
        if first and "children" not in first and is_plain(first.get("text", "").strip(" \r\n\t\f")):
            first = None  # plain text is neither a `[!NOTE]` marker nor bold: left to `inline_block` untokenised
        inlines = self.inline_tokens(first) if first else []
        marker = inlines[0].get("raw", "").strip() if inlines and inlines[0]["type"] == "text" else ""
        if marker.startswith("[!") and marker.endswith("]") and marker[2:-1].isalpha():
            callout = marker[2:-1].upper()
            first["children"] = inlines[2:] if len(inlines) > 1 and inlines[1]["type"] in ("softbreak", "linebreak") else inlines[1:]  # type: ignore[index]
        elif inlines and inlines[0]["type"] == "strong" and (len(inlines) == 1 or inlines[1]["type"] in ("softbreak", "linebreak")):
            callout = "bold"
        self.blocks.append(new_block("quote", loc, depth=depth, callout=callout))
        self.add(children, depth + 1)

    def add_table(self, token: dict[str, Any], loc: Location, depth: int) -> None:
        self.blocks.append(new_block("table", loc, depth=depth))
        rows: list[tuple[Location, list[Block]]] = []
        for part in token.get("children", []):
            part_rows = [part] if part["type"] == "table_head" else part.get("children", [])
            for row in part_rows:
                row_loc = new_location(loc.path, row.get(LINE, loc.line), 1)
                walker = InlineWalker(self.source, self.source.offset(row_loc.line))
                cells = [self.inline_block("table-cell", cell, row_loc, depth + 1, walker) for cell in row.get("children", [])]
                self.blocks.extend(cells)
                if part["type"] == "table_body":
                    rows.append((row_loc, cells))
        self.tables.append(rows)


def _one_run_block(kind: str, loc: Location, text: str, piece: Piece, inlines: tuple[Inline, ...], depth: int) -> Block:
    """A block whose visible text is one run, `text`, starting at `piece`: stripped as `inline_block` strips it;
    no text, no piece."""
    if not text:
        return new_block(kind, loc, "", (), inlines, depth)
    lead = len(text) - len(text.lstrip())
    return new_block(kind, loc, text.strip(), (_shift(piece, lead) if lead else piece,), inlines, depth)


def _shift(piece: Piece, lead: int) -> Piece:
    """The piece once `lead` leading blanks are stripped from the block's text."""
    if piece.offset >= lead:
        return new_piece(piece.offset - lead, piece.line, piece.col)
    return new_piece(0, piece.line, piece.col + lead - piece.offset)


def _anchor_tag(heading: Block) -> str:
    """The heading's first `<a …>` tag, "" when it has none."""
    for inline in heading.inlines:
        if inline.kind == "html" and inline.raw[:3].lower() in ("<a ", "<a>", "<a\t"):
            return inline.raw
    return ""


def read_anchors(tags: list[str]) -> list[str]:
    """The `name` (else `id`) of each `<a>` tag ("" for ""); read as lxml reads them, without it when all are plain."""
    names = []
    for tag in tags:
        plain = _PLAIN_ANCHOR.fullmatch(tag) if tag else None
        if tag and plain is None:
            return read_anchors_with_lxml(tags)
        names.append(plain[1] if plain else "")  # what lxml reads it as
    return names


def read_anchors_with_lxml(tags: list[str]) -> list[str]:
    """The tags read with lxml's HTML parser, all tags of a file in one parse.

    HTML, never XML: no DTD is loaded and no entity beyond HTML's own is resolved.
    """
    present = [tag for tag in tags if tag]
    elements = lxml.html.fragments_fromstring("".join(f"{tag}</a>" for tag in present)) if present else []
    anchors = [element for element in elements if not isinstance(element, str) and element.tag == "a"]
    if len(anchors) != len(present):  # a tag lxml read differently: read each on its own
        anchors = [_first_element(tag) for tag in present]
    names = iter(str(a.get("name") or a.get("id") or "") if a is not None else "" for a in anchors)
    return [next(names) if tag else "" for tag in tags]


def _first_element(tag: str) -> Any:
    try:
        return next((e for e in lxml.html.fragments_fromstring(tag + "</a>") if not isinstance(e, str)), None)
    except (lxml.etree.ParserError, ValueError):
        return None


def build_sections(source: Source, blocks: tuple[Block, ...], headings: dict[int, tuple[int, str]]) -> tuple[Section, ...]:
    """The section tree: each heading owns the blocks up to the next heading of any level, and the sections of the
    headings after it of a deeper level up to the next one of its level or above. Built from the last heading back,
    so that each section is made once, with its children made before it."""
    unowned: list[Section] = []  # the sections after the heading at hand that no heading between owns, the first last
    end = len(blocks)
    for index in reversed(headings):
        heading, (level, anchor) = blocks[index], headings[index]
        children = []
        while unowned and unowned[-1].level > level:
            children.append(unowned.pop())
        code, anchor_code = leading_code(heading.text), leading_code(anchor)
        unowned.append(new_section(heading, level, anchor, heading.text, code, anchor_code, blocks[index + 1 : end], tuple(children)))
        end = index
    top = new_block("heading", new_location(source.path, 1, 1))
    return tuple([new_section(top, 0, "", "", None, None, blocks[:end])] if end else []) + tuple(reversed(unowned))
