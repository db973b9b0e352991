"""Counterparts: which block of another locale stands where this one stands.

Sections align by error code or anchor (else by their position among their siblings), blocks by
their position among the section's blocks of the same kind and depth, summary-table cells by the
row of the same code. Links align by target and by how many links to that target came before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from lint.english import latin_share, latin_words, mask_not_prose
from lint.model import Article, Block, Inline, Section, TableRow

_DOCS_HOST = re.compile(r"^https?://(?:docs|learn)\.microsoft\.com", re.I)
_LOCALE_SEGMENT = re.compile(r"/[a-z]{2}-[a-z]{2}(?=/)", re.I)
SectionPath = tuple[Section, tuple[str, ...], tuple[int, ...]]  # a section, the keys and positions of it and its parents


@dataclass(frozen=True)
class Place:
    keys: tuple[str, ...]  # code or anchor of each enclosing section, from the root
    positions: tuple[int, ...]  # index of each enclosing section among its siblings
    kind: str
    depth: int
    index: int  # among the section's blocks of the same kind and depth


class Alignment:
    """Where one article's blocks and links stand; each index is built when first asked for, once."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self._slots: dict[int, dict[tuple[str, int, int], Block]] = {}  # by id of the section
        self._slot_of: dict[int, tuple[str, int, int]] = {}  # by id of the block, for the sections slotted so far

    @cached_property
    def sections(self) -> dict[int, Section]:  # by id of the heading
        return {id(section.heading): section for section in self.article.walk()}

    @cached_property
    def links(self) -> dict[str, list[Inline]]:
        found: dict[str, list[Inline]] = {}
        for link in [inline for block in self.article.blocks() for inline in block.inlines if inline.kind == "link"]:
            found.setdefault(link_target(link.target), []).append(link)
        return found

    @cached_property
    def _paths(self) -> dict[int, SectionPath]:
        """Every section with its keys and positions, by its id, in document order."""
        return _section_paths(self.article.sections, (), (), {})

    @cached_property
    def _by_keys(self) -> dict[tuple[str, ...], list[Section]]:
        found: dict[tuple[str, ...], list[Section]] = {}
        for section, keys, _ in self._paths.values():
            found.setdefault(keys, []).append(section)
        return found

    @cached_property
    def _by_positions(self) -> dict[tuple[int, ...], Section]:
        return {positions: section for section, _, positions in self._paths.values()}

    @cached_property
    def _section_of(self) -> dict[int, Section]:  # by id of the block
        return {id(block): section for section in self.article.walk() for block in (section.heading, *section.blocks)}

    def _slots_of(self, section: Section) -> dict[tuple[str, int, int], Block]:
        """The section's blocks by kind, depth and index among the blocks of that kind and depth."""
        if id(section) not in self._slots:
            slots: dict[tuple[str, int, int], Block] = {}
            counts: dict[tuple[str, int], int] = {}
            for block in (section.heading, *section.blocks):
                index = counts.get((block.kind, block.depth), 0)
                counts[(block.kind, block.depth)] = index + 1
                slots[(block.kind, block.depth, index)] = block
                self._slot_of[id(block)] = (block.kind, block.depth, index)
            self._slots[id(section)] = slots
        return self._slots[id(section)]

    def place_of(self, block: Block) -> Place | None:
        section = self._section_of.get(id(block))
        if section is None:
            return None
        self._slots_of(section)  # slots the section's blocks, and so knows this one's
        _, keys, positions = self._paths[id(section)]
        return Place(keys, positions, *self._slot_of[id(block)])

    def block_at(self, place: Place) -> Block | None:
        slot = (place.kind, place.depth, place.index)
        found = next((block for section in self._by_keys.get(place.keys, ()) if (block := self._slots_of(section).get(slot))), None)
        if found:
            return found
        section = self._by_positions.get(place.positions)
        return self._slots_of(section).get(slot) if section else None

    def aligned(self, block: Block, other: Alignment) -> Block | None:
        """The block of `other` that stands where `block` stands in this article."""
        in_row = self._row_of(block)
        if in_row:
            rows = other.article.rows_for(in_row[0].code) if in_row[0].code else ()
            return rows[0].cells[in_row[1]] if rows and in_row[1] < len(rows[0].cells) else None
        place = self.place_of(block)
        return other.block_at(place) if place else None

    def code_of(self, block: Block) -> str | None:
        """The error code of the summary-table row or the section a block stands in."""
        in_row = self._row_of(block)
        if in_row:
            return in_row[0].code
        place = self.place_of(block)
        return next((key for key in reversed(place.keys) if key.startswith("0x")), None) if place else None

    def _row_of(self, block: Block) -> tuple[TableRow, int] | None:
        return self._cells.get(id(block)) if block.kind == "table-cell" else None

    @cached_property
    def _cells(self) -> dict[int, tuple[TableRow, int]]:
        """Each summary-table cell's row and index, by id of the cell (the first row holding it)."""
        found: dict[int, tuple[TableRow, int]] = {}
        for row in self.article.table:
            for index, cell in enumerate(row.cells):
                found.setdefault(id(cell), (row, index))
        return found

    def aligned_link(self, link: Inline, other: Alignment) -> Inline | None:
        """The link of `other` to the same target, the n-th one when this is the n-th."""
        target = link_target(link.target)
        mine, theirs = self.links.get(target, []), other.links.get(target, [])
        if not theirs:
            return None
        index = next((i for i, candidate in enumerate(mine) if candidate is link), 0)
        return theirs[min(index, len(theirs) - 1)]


def _section_paths(
    sections: tuple[Section, ...], keys: tuple[str, ...], positions: tuple[int, ...], paths: dict[int, SectionPath]
) -> dict[int, SectionPath]:
    for position, section in enumerate(sections):
        key = section.code or section.anchor_code or section.anchor.lower() or f"@{position}"
        path = paths[id(section)] = (section, (*keys, key), (*positions, position))
        if section.children:  # most sections have none: a call saved for each
            _section_paths(section.children, *path[1:], paths)
    return paths


@lru_cache(maxsize=4096)  # the locales of a group link to the same pages
def link_target(url: str) -> str:
    """A link target with what differs between locale versions removed: docs host, locale folder, case."""
    url = url.strip()
    if "/" in url:  # in-page anchors and bare file names, most links, have neither
        url = _LOCALE_SEGMENT.sub("", _DOCS_HOST.sub("", url)).rstrip("/")
    return url.lower()


def inline_range(block: Block, inline: Inline) -> tuple[int, int] | None:
    """Where an inline's visible text stands in `block.text`."""
    if not inline.text:
        return None
    start = block.text.find(inline.text)
    while start >= 0:
        loc = block.loc_at(start)
        if loc.line == inline.loc.line and inline.loc.col < loc.col <= inline.loc.col + len(inline.raw) - len(inline.text):
            return (start, start + len(inline.text))
        start = block.text.find(inline.text, start + 1)
    return None


def without_code(block: Block) -> str:
    """The block's visible text with its code spans blanked out (offsets kept)."""
    text = block.text
    for code in (i for i in block.inlines if i.kind == "code"):
        found = inline_range(block, code)
        if found:
            text = text[: found[0]] + " " * (found[1] - found[0]) + text[found[1] :]
    return text


def title_as_anchor(section: Section) -> tuple[int, int] | None:
    """Where a heading's title repeats its anchor word for word, as `#possible-cause` over "Possible cause"
    does: the anchor is made from the source title, so this title is the source's."""
    anchor, parts = _anchor_words(section.anchor, section.anchor_code)
    if not anchor or not _in_order(parts, _without_apostrophes(section.heading.text.lower())):
        return None  # a quick test first: the title does not even hold the anchor's words in order
    text = mask_not_prose(section.heading.text)
    words = latin_words(text)
    slug = "-".join(_without_apostrophes(word.group().lower()) for word in words)
    if not words or slug != anchor or latin_share(text) < 1:
        return None
    return (words[0].start(), words[-1].end())


@lru_cache(maxsize=4096)  # a group's locales share their anchors
def _anchor_words(anchor: str, code: str | None) -> tuple[str, tuple[str, ...]]:
    """The anchor in lower case without its leading error code, and its words."""
    anchor = anchor.lower()
    anchor = anchor[len(code) :].lstrip("-") if code else anchor
    return anchor, tuple(anchor.split("-"))


def _in_order(parts: tuple[str, ...], text: str) -> bool:
    at = 0
    for part in parts:
        at = text.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def _without_apostrophes(text: str) -> str:
    return text.replace("'", "").replace("’", "")
