"""The section tree cut from slices of the block list is the one built block by block."""

from __future__ import annotations

import random
from typing import Any

from lint.inline import Source
from lint.model import Block, Location, Section
from lint.parse import build_sections
from lint.text import leading_code


def _built_block_by_block(source: Source, blocks: tuple[Block, ...], headings: dict[int, tuple[int, str]]) -> tuple[Section, ...]:
    """`build_sections` as first written: every block goes to the heading on top of a stack of nodes."""
    top = Block("heading", Location(source.path, 1, 1))
    root: dict[str, Any] = {"heading": top, "level": 0, "anchor": "", "blocks": [], "children": []}
    stack = [root]
    for index, block in enumerate(blocks):
        if index not in headings:
            stack[-1]["blocks"].append(block)
            continue
        level, anchor = headings[index]
        node = {"heading": block, "level": level, "anchor": anchor, "blocks": [], "children": []}
        while stack[-1]["level"] >= level:
            stack.pop()
        stack[-1]["children"].append(node)
        stack.append(node)
    roots = [_freeze(child) for child in root["children"]]
    return tuple([_freeze({**root, "children": []})] if root["blocks"] else []) + tuple(roots)


def _freeze(node: dict[str, Any]) -> Section:
    heading: Block = node["heading"]
    children = tuple([_freeze(child) for child in node["children"]])
    code, anchor_code = leading_code(heading.text), leading_code(node["anchor"])
    return Section(heading, node["level"], node["anchor"], heading.text, code, anchor_code, tuple(node["blocks"]), children)


def test_sections_are_the_ones_built_block_by_block() -> None:
    generator, source = random.Random(20261202), Source("a.md", "")
    texts = ["", "Cause", "0x8007232B DNS name does not exist", " 0xC004F074", "0x8007232"]
    anchors = ["", "cause", "0x8007232b-dns-name-does-not-exist", "0xc004f074"]
    nested = 0
    for _ in range(3000):
        blocks, headings = [], {}
        for index in range(generator.randint(0, 14)):
            kind = generator.choice(["heading", "heading", "paragraph", "list-item", "table-cell"])
            blocks.append(Block(kind, Location("a.md", index + 1), generator.choice(texts), depth=generator.randint(0, 2)))
            if kind == "heading":
                headings[index] = (generator.randint(1, 6), generator.choice(anchors))
        sections = build_sections(source, tuple(blocks), headings)
        assert sections == _built_block_by_block(source, tuple(blocks), headings), (blocks, headings)
        nested += any(section.children for section in sections)
    assert nested > 1000
