"""JSON documents written as their findings come: a check of any size streams with flat memory."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping

HOLE = "\0items\0"


def json_with_array(document: Mapping[str, object], items: Iterable[object]) -> Iterator[str]:
    """`document` as `json.dumps(indent=2)` writes it, with the value `HOLE` in it replaced by the array of
    `items`, each item dumped as it comes."""
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    before, hole, after = text.partition(json.dumps(HOLE))
    assert hole, "the document has no HOLE for the items"
    line = before.rpartition("\n")[2]
    indent = line[: len(line) - len(line.lstrip(" "))]
    pad = indent + "  "
    items = iter(items)
    first = next(items, HOLE)
    if first is HOLE:
        yield f"{before}[]{after}"
        return
    yield f"{before}[\n{pad}{_dumped(first, pad)}"
    for item in items:
        yield f",\n{pad}{_dumped(item, pad)}"
    yield f"\n{indent}]{after}"


def _dumped(item: object, pad: str) -> str:
    return json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
