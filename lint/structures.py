"""The two structures the article is indexed by, found by content, never by localized words.

The summary table is the table whose first column holds error codes; the supported-codes list is
a run of three or more error codes in one paragraph (or a list whose items are codes).
"""

from __future__ import annotations

import re

from lint.model import Block, CodeList, Inline, Location, TableRow, new_block, new_inline, new_table_row
from lint.text import CODE_LIKE, MISREAD_DIGITS, leading_code, normalise_code

_CODE_RUN = re.compile(  # a code typed with O for 0 stays in the list: WL607 reports it, not a list without it
    rf"{CODE_LIKE.pattern}(?:[ \t\xa0]*[,，、;；][ \t\xa0]*"
    rf"(?:(?:and|or|et|ou|y|o|e|und|oder|и|или|和|及|或)[ \t\xa0]+)?{CODE_LIKE.pattern}){{2,}}"
)
_ITEM_CODE = re.compile(r"\s*(0[xX][0-9A-Fa-f]{8})(?:\s*[.;,])?\s*")  # not `\s*[.;,]?\s*`: quadratic backtracking


def find_table(tables: list[list[tuple[Location, list[Block]]]]) -> tuple[TableRow, ...]:
    """The rows of the table whose first column holds the most error codes (at least two, half its rows)."""
    best: list[tuple[Location, list[Block]]] = []
    best_count = 0
    for rows in tables:
        count = sum(1 for _, cells in rows if cells and leading_code(cells[0].text))
        if count >= 2 and count * 2 >= len(rows) and count > best_count:
            best, best_count = rows, count
    return tuple(_row(loc, cells) for loc, cells in best)


def _row(loc: Location, cells: list[Block]) -> TableRow:
    first = cells[0]
    link = next((inline for inline in first.inlines if inline.kind == "link"), None)
    anchor = link.target[1:] if link and link.target.startswith("#") else ""
    return new_table_row(
        link.loc if link else (first.loc_at(0) if first.text else loc),
        leading_code(link.text if link else first.text),
        link,
        anchor,
        leading_code(anchor),
        cells[1] if len(cells) > 1 else new_block("table-cell", loc),
        _items(cells[2]) if len(cells) > 2 else (),
        tuple(cells),
    )


def _items(cell: Block) -> tuple[Inline, ...]:
    """A cell's `<br />`-separated items (the parser turns <br /> into a line break)."""
    items = []
    offset = 0
    for part in cell.text.split("\n"):
        text = part.strip()
        if text:
            items.append(new_inline("item", text, text, cell.loc_at(offset + part.index(text[0]))))
        offset += len(part) + 1
    return tuple(items)


def find_code_list(blocks: tuple[Block, ...]) -> CodeList | None:
    """The first run of three or more codes in a paragraph, or the first list of three or more code items."""
    for index, block in enumerate(blocks):
        if block.kind == "paragraph" and (run := _CODE_RUN.search(block.text)):
            matches = list(CODE_LIKE.finditer(block.text, run.start(), run.end()))
            separator = block.text[matches[0].end() : matches[1].start()]
            codes = tuple(new_inline("code-item", _as_code(m.group()), m.group(), block.loc_at(m.start())) for m in matches)
            text = block.text[matches[0].start() : matches[-1].end()]
            run_span = new_inline("code-run", text, text, block.loc_at(matches[0].start()))
            return CodeList(block, codes, separator, run_span)
        if block.kind == "list" and block.items >= 3:
            items = _code_items(blocks[index + 1 :], block.depth)
            if len(items) >= 3 and len(items) == block.items:
                return CodeList(block, items, "\n")
    return None


def _as_code(written: str) -> str:
    return normalise_code(written.translate(MISREAD_DIGITS))


def _code_items(blocks: tuple[Block, ...], depth: int) -> tuple[Inline, ...]:
    items = []
    for block in blocks:
        if block.depth <= depth:
            break
        if block.kind == "paragraph" and block.depth == depth + 2:
            match = _ITEM_CODE.fullmatch(block.text)
            if not match:
                return ()
            items.append(new_inline("code-item", normalise_code(match.group(1)), match.group(1), block.loc_at(match.start(1))))
    return tuple(items)
