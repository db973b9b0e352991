"""The rules' speed shortcuts give what the plain way gives, on generated articles."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.mentions import sections_mentions
from lint.parse import parse_text

WORDS = st.sampled_from(
    ["16", "2 000", "3,5", "０x1", "３台", "0x8007232b", "0xC004F07", "x12", "[lien](/fr-fr/a/b)", "`cmd /x`", "**a.exe**"]
    + ["<br>", "(", "mot", "é"]
)
LINES = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
BLOCKS = st.sampled_from(["{}", "- {}", "1. {}", "> {}", "| {0} | a |\n|---|---|\n| b | {0} |", "```\n{}\n```", '<a name="x{}"></a>'])
SECTIONS = st.lists(st.tuples(st.sampled_from(["## ", "### "]), LINES, st.lists(st.tuples(BLOCKS, LINES), max_size=4)), max_size=5)


def markdown(sections: list[tuple[str, str, list[tuple[str, str]]]]) -> str:
    parts = ["# T"]
    for marks, title, blocks in sections:
        parts.append(marks + title)
        parts.extend(block.format(line) for block, line in blocks)
    return "\n\n".join(parts) + "\n"


@settings(max_examples=300, deadline=None)
@given(SECTIONS)
def test_an_articles_mentions_are_each_sections_own(sections: list[tuple[str, str, list[tuple[str, str]]]]) -> None:
    """Searched joined, the sections' texts give each section what it gives searched alone."""
    article = parse_text("x.fr-fr.md", markdown(sections))
    together = sections_mentions(article, article.walk())
    for section in article.walk():
        assert together.get(id(section)) == sections_mentions(article, (section,)).get(id(section))
