"""The shortcuts the mention rules take for speed give what the plain way gives."""

from __future__ import annotations

from lint.mentions import sections_mentions
from lint.parse import parse_text


def test_numbers_and_codes_are_read_block_by_block() -> None:
    """The blocks are searched joined: no number reads across two of them, each keeps its block and place."""
    text = "# T\n\n## S\n\nPort 16\n\n880 ordinateurs, 2 000 fois, erreur 0x8007232b\n\n```\n42\n```\n\n- ３台\n"
    article = parse_text("x.fr-fr.md", text)
    section = article.sections[0].children[0]
    found = sections_mentions(article, [section])[id(section)]
    assert [block.kind for block in section.blocks] == ["paragraph", "paragraph", "code", "list", "list-item", "paragraph"]
    assert [(m.value, m.text, m.block, m.loc.line, m.loc.col) for m in found.numbers] == [
        ("16", "16", 0, 5, 6),
        ("880", "880", 1, 7, 1),
        ("2000", "2 000", 1, 7, 18),
        ("3", "３", 5, 13, 3),
    ]
    assert [(m.value, m.text, m.block, m.loc.line, m.loc.col) for m in found.error_codes] == [("0x8007232B", "0x8007232b", 1, 7, 37)]
