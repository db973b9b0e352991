"""The document model: one `Article` per file, the locale versions of one article in an `ArticleGroup`.

Everything here is built once by `lint.parse` and only read afterwards. Every node knows where it
stands (`Location`); inline nodes also keep their exact source text (`raw`) so that `--fix` can
rewrite them byte for byte.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from operator import attrgetter
from typing import Any

_NOT_IN_ID = re.compile(r"[^\w\- ]")

# A file makes ~1,600 of the classes below. The two most numerous and smallest, Location and Piece, have
# slots (no dict: less memory) and set their fields through the slots' own descriptors; Inline, Block,
# Section and TableRow set theirs straight into the instance dict: the frozen dataclass `__init__` sets each field
# through `object.__setattr__`, a third slower for Location's three, 2.5x slower for Block's eight.


@dataclass(frozen=True, order=True, slots=True)
class Location:
    path: str
    line: int
    col: int = 1

    def __init__(self, path: str, line: int, col: int = 1) -> None:
        _SET_PATH(self, path)
        _SET_LINE(self, line)
        _SET_COL(self, col)

    def __reduce__(self) -> tuple[type[Location], tuple[str, int, int]]:
        """Findings come back from worker processes pickled: rebuilt by `__init__`, not by the slower slot state of dataclasses."""
        return Location, (self.path, self.line, self.col)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Inline:
    """A piece of inline markup: a link, bold or emphasised span, code span, image or HTML tag."""

    kind: str  # link | image | strong | emphasis | code | html
    text: str  # visible text (entities decoded)
    raw: str  # exact source text, markup included
    loc: Location
    target: str = ""  # link and image targets

    def __init__(self, kind: str, text: str, raw: str, loc: Location, target: str = "") -> None:
        fields = self.__dict__
        fields["kind"], fields["text"], fields["raw"], fields["loc"], fields["target"] = kind, text, raw, loc, target


@dataclass(frozen=True, slots=True)
class Piece:
    """Where a run of a block's visible text starts in the source."""

    offset: int  # index into Block.text
    line: int
    col: int

    def __init__(self, offset: int, line: int, col: int) -> None:
        _SET_OFFSET(self, offset)
        _SET_PIECE_LINE(self, line)
        _SET_PIECE_COL(self, col)


def _slot_setters(cls: type, *names: str) -> tuple[Callable[[Any, Any], None], ...]:
    """Setters straight into the named slots, past the frozen class's `__setattr__`."""
    return tuple(vars(cls)[name].__set__ for name in names)


_SET_PATH, _SET_LINE, _SET_COL = _slot_setters(Location, "path", "line", "col")
_SET_OFFSET, _SET_PIECE_LINE, _SET_PIECE_COL = _slot_setters(Piece, "offset", "line", "col")
_PIECE_OFFSET = attrgetter("offset")


@dataclass(frozen=True)
class Block:
    """A unit of content: a heading, paragraph, quote, list, list item, table cell or code block."""

    kind: str  # heading | paragraph | quote | list | list-item | table-cell | code | html | rule
    loc: Location
    text: str = ""  # visible text, inline markup and HTML removed, entities decoded
    pieces: tuple[Piece, ...] = ()
    inlines: tuple[Inline, ...] = ()
    depth: int = 0  # nesting inside quotes and lists
    callout: str = ""  # quotes: "NOTE", "TIP"… for `> [!NOTE]`, "bold" for a bold-title quote
    items: int = 0  # lists: number of items
    number: str = ""  # items of numbered lists: the number as written ("1" of "1."); `loc` is where it starts

    def __init__(
        self, kind: str, loc: Location, text: str = "", pieces: tuple[Piece, ...] = (), inlines: tuple[Inline, ...] = (),
        depth: int = 0, callout: str = "", items: int = 0, number: str = "",
    ) -> None:  # fmt: skip
        fields = self.__dict__
        fields["kind"], fields["loc"], fields["text"], fields["pieces"] = kind, loc, text, pieces
        fields["inlines"], fields["depth"], fields["callout"], fields["items"] = inlines, depth, callout, items
        fields["number"] = number

    def loc_at(self, offset: int) -> Location:
        """The source position of `text[offset]`."""
        if not self.pieces:
            return self.loc
        index = bisect_right(self.pieces, offset, key=_PIECE_OFFSET) - 1  # `max` costs more than these tests
        piece = self.pieces[index if index > 0 else 0]
        return new_location(self.loc.path, piece.line, piece.col + (offset - piece.offset if offset > piece.offset else 0))


class _LocationFields:
    __slots__ = ("path", "line", "col")

    def __init__(self, path: str, line: int, col: int = 1) -> None:
        self.path, self.line, self.col = path, line, col
        self.__class__ = Location  # type: ignore[assignment]


class _PieceFields:
    __slots__ = ("offset", "line", "col")

    def __init__(self, offset: int, line: int, col: int) -> None:
        self.offset, self.line, self.col = offset, line, col
        self.__class__ = Piece  # type: ignore[assignment]


class _InlineFields:
    def __init__(self, kind: str, text: str, raw: str, loc: Location, target: str = "") -> None:
        self.kind, self.text, self.raw, self.loc, self.target = kind, text, raw, loc, target
        self.__class__ = Inline  # type: ignore[assignment]


class _BlockFields:
    def __init__(
        self, kind: str, loc: Location, text: str = "", pieces: tuple[Piece, ...] = (), inlines: tuple[Inline, ...] = (),
        depth: int = 0, callout: str = "", items: int = 0, number: str = "",
    ) -> None:  # fmt: skip
        self.kind, self.loc, self.text, self.pieces, self.inlines = kind, loc, text, pieces, inlines
        self.depth, self.callout, self.items, self.number = depth, callout, items, number
        self.__class__ = Block  # type: ignore[assignment]


class _SectionFields:
    def __init__(
        self, heading: Block, level: int, anchor: str, title: str, code: str | None, anchor_code: str | None,
        blocks: tuple[Block, ...], children: tuple[Section, ...] = (),
    ) -> None:  # fmt: skip
        self.heading, self.level, self.anchor, self.title = heading, level, anchor, title
        self.code, self.anchor_code, self.blocks, self.children = code, anchor_code, blocks, children
        self.__class__ = Section  # type: ignore[assignment]


class _TableRowFields:
    def __init__(
        self, loc: Location, code: str | None, link: Inline | None, anchor: str, anchor_code: str | None, message: Block,
        activation_types: tuple[Inline, ...], cells: tuple[Block, ...],
    ) -> None:  # fmt: skip
        self.loc, self.code, self.link, self.anchor, self.anchor_code = loc, code, link, anchor, anchor_code
        self.message, self.activation_types, self.cells = message, activation_types, cells
        self.__class__ = TableRow  # type: ignore[assignment]


# The parser's constructors, for its thousands of nodes: each sets the fields as on any object, then turns it into
# the frozen class, which refuses assignment from then on. Half the cost of the classes' own `__init__`, which must
# get past their `__setattr__` (Location: 3.8k -> 2.5k instructions, Block: 5.7k -> 3.9k).
new_location: Callable[..., Location] = _LocationFields  # type: ignore[assignment]
new_piece: Callable[[int, int, int], Piece] = _PieceFields  # type: ignore[assignment]
new_inline: Callable[..., Inline] = _InlineFields  # type: ignore[assignment]
new_block: Callable[..., Block] = _BlockFields  # type: ignore[assignment]
new_section: Callable[..., Section] = _SectionFields  # type: ignore[assignment]
new_table_row: Callable[..., TableRow] = _TableRowFields  # type: ignore[assignment]


@dataclass(frozen=True)
class Section:
    """A heading and everything up to the next heading; sub-headings are its children."""

    heading: Block
    level: int
    anchor: str  # the <a name> of the heading, "" when it has none
    title: str  # visible heading text
    code: str | None  # error code shown in the title, normalised ("0x8007232B")
    anchor_code: str | None  # error code the anchor starts with
    blocks: tuple[Block, ...]  # content before the first sub-heading, nested blocks included
    children: tuple[Section, ...] = ()

    def __init__(
        self, heading: Block, level: int, anchor: str, title: str, code: str | None, anchor_code: str | None,
        blocks: tuple[Block, ...], children: tuple[Section, ...] = (),
    ) -> None:  # fmt: skip
        fields = self.__dict__
        fields["heading"], fields["level"], fields["anchor"], fields["title"] = heading, level, anchor, title
        fields["code"], fields["anchor_code"], fields["blocks"], fields["children"] = code, anchor_code, blocks, children

    @property
    def loc(self) -> Location:
        return self.heading.loc

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    @cached_property
    def auto_id(self) -> str:
        """The id a renderer gives the heading when it has no `<a name>`."""
        return heading_id(self.title)

    def all_blocks(self) -> Iterator[Block]:
        """The heading, the blocks and every sub-section's, in document order."""
        yield self.heading
        yield from self.blocks
        for child in self.children:
            yield from child.all_blocks()


@dataclass(frozen=True)
class TableRow:
    """One row of the code-indexed summary table; duplicated rows are kept."""

    loc: Location
    code: str | None  # the code shown in the first cell (link text)
    link: Inline | None  # the first cell's link
    anchor: str  # the link's in-page target without "#"
    anchor_code: str | None  # the code the anchor starts with
    message: Block
    activation_types: tuple[Inline, ...]  # the third cell split on <br />; kind "text"
    cells: tuple[Block, ...]

    def __init__(
        self, loc: Location, code: str | None, link: Inline | None, anchor: str, anchor_code: str | None, message: Block,
        activation_types: tuple[Inline, ...], cells: tuple[Block, ...],
    ) -> None:  # fmt: skip
        fields = self.__dict__
        fields["loc"], fields["code"], fields["link"], fields["anchor"] = loc, code, link, anchor
        fields["anchor_code"], fields["message"], fields["cells"] = anchor_code, message, cells
        fields["activation_types"] = activation_types

    @property
    def aligned_code(self) -> str | None:
        """The code the row is about, to align it across locales: its link's section, else the code shown."""
        return self.anchor_code or self.code


@dataclass(frozen=True)
class CodeList:
    """The diagnostic tool's list of supported error codes."""

    block: Block
    codes: tuple[Inline, ...]  # kind "code-item"; text normalised, raw as written
    separator: str  # as written between the codes: ", " or "、"
    run: Inline | None = None  # the codes and what separates them, as one span (lists written inline)

    @property
    def loc(self) -> Location:
        return self.block.loc

    @property
    def code_set(self) -> frozenset[str]:
        return frozenset(code.text for code in self.codes)


@dataclass(frozen=True)
class FrontMatterEntry:
    key: str
    value: str | tuple[str, ...]  # scalars as written (never int, date or bool), lists of them
    loc: Location


@dataclass(frozen=True)
class Suppression:
    """An inline `<!-- winact-lint-disable… -->` comment."""

    loc: Location
    codes: tuple[str, ...]  # empty: every rule
    first_line: int
    last_line: int  # inclusive; a disable without enable runs to the end of the file


@dataclass(frozen=True)
class Article:
    """One locale version of an article, parsed once."""

    path: str
    locale: str | None  # "fr-FR"; None for a file that is not a localized article
    front_matter: tuple[FrontMatterEntry, ...]
    sections: tuple[Section, ...]  # roots; content before the first heading sits in a level-0 root
    table: tuple[TableRow, ...]
    code_list: CodeList | None
    suppressions: tuple[Suppression, ...] = ()
    line_count: int = 0
    problems: tuple[tuple[Location, str], ...] = field(default=())  # what the parser could not read

    def meta(self, key: str) -> str:
        """A front-matter scalar, "" when absent."""
        for entry in self.front_matter:
            if entry.key == key and isinstance(entry.value, str):
                return entry.value
        return ""

    def meta_entry(self, key: str) -> FrontMatterEntry | None:
        return next((entry for entry in self.front_matter if entry.key == key), None)

    @property
    def loc(self) -> Location:
        return Location(self.path, 1, 1)

    def walk(self) -> Iterator[Section]:
        return iter(self._sections_in_order)

    def blocks(self) -> Iterator[Block]:
        return iter(self._blocks_in_order)

    @cached_property
    def _sections_in_order(self) -> tuple[Section, ...]:
        """Every section, depth first; rules walk them many times, and nested generators cost per level."""
        return tuple(section for root in self.sections for section in root.walk())

    @cached_property
    def _blocks_in_order(self) -> tuple[Block, ...]:
        return tuple(block for root in self.sections for block in root.all_blocks())

    @cached_property
    def sections_by_anchor(self) -> dict[str, Section]:
        """Each section by its `<a name>`, and by its heading's id where it has none: what an in-page link reaches."""
        found: dict[str, Section] = {}
        for section in self.walk():
            if section.anchor:
                found.setdefault(section.anchor.lower(), section)
        for section in self.walk():
            if not section.anchor:
                found.setdefault(section.auto_id, section)
        return found

    @cached_property
    def code_sections(self) -> dict[str, Section]:
        """The first section for each error code named in a heading (title, else anchor)."""
        found: dict[str, Section] = {}
        for section in self.walk():
            code = section.code or section.anchor_code
            if code:
                found.setdefault(code, section)
        return found

    def rows_for(self, code: str) -> tuple[TableRow, ...]:
        return tuple(row for row in self.table if row.code == code)

    def row_linking_to(self, code: str) -> TableRow | None:
        """The table row whose link goes to the section of `code`."""
        return next((row for row in self.table if row.anchor_code == code), None)

    def aligned_row(self, code: str) -> TableRow | None:
        """The first row about `code` (see `TableRow.aligned_code`)."""
        return self._rows_by_aligned_code.get(code)

    @cached_property
    def _rows_by_aligned_code(self) -> dict[str, TableRow]:
        found: dict[str, TableRow] = {}
        for row in self.table:
            if row.aligned_code:
                found.setdefault(row.aligned_code, row)
        return found

    @cached_property
    def structure_block_ids(self) -> frozenset[int]:
        """ids of the blocks the table's codes and the codes list are read from; rules on prose skip them."""
        found = {id(row.cells[0]) for row in self.table if row.cells}
        if self.code_list:
            found.add(id(self.code_list.block))
        return frozenset(found)

    @cached_property
    def revision(self) -> Revision:
        return Revision.of(self)


@dataclass(frozen=True, order=True)
class Revision:
    """The source revision a translation was made from, as its front matter says."""

    handoff: date | None
    commit: str

    @classmethod
    def of(cls, article: Article) -> Revision:
        commit = article.meta("ms.sourcegitcommit") or article.meta("ms.openlocfilehash")
        return cls(_us_date(article.meta("ms.lasthandoff")), commit)

    def __str__(self) -> str:
        when = self.handoff.isoformat() if self.handoff else "undated"
        return f"{self.commit[:7] or 'unknown'}…, {when}"


def _us_date(text: str) -> date | None:
    """`08/07/2020` (the docs platform's month/day/year) or ISO `2020-08-07`."""
    parts = text.replace("-", "/").split("/")
    if len(parts) != 3 or not all(part.strip().isdigit() for part in parts):
        return None
    numbers = [int(part) for part in parts]
    year, month, day = (numbers[0], numbers[1], numbers[2]) if numbers[0] > 31 else (numbers[2], numbers[0], numbers[1])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def heading_id(title: str) -> str:
    """The id a renderer gives a heading without an `<a name>` (GitHub's and Learn's rule): lower case,
    punctuation dropped, spaces made hyphens. `0x80070490 The product key you entered didn't work` ->
    `0x80070490-the-product-key-you-entered-didnt-work`."""
    return _NOT_IN_ID.sub("", title.strip().lower()).replace(" ", "-")
