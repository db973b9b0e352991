"""Front matter composed without the nesting pass reads as with it: the same entries, the same problems."""

from __future__ import annotations

import random

import pytest
import yaml

from lint import front_matter
from lint.front_matter import read_front_matter
from lint.inline import Source

LINES = ["k{}: v", "k{}:", "  - v", "- v", "  k{}: [a, b]", "k{}: {{a: b}}", "k{}: &x v", "k{}: *x", "k{}: 'q'"]
PIECES = ["a", "b: c", "key: ", "- ", "-", "? ", ": ", "[", "]", "{", "}", ",", "*x", "&x ", "!!str ", "'", '"', "#", "---", "\t", "  "]


def _composed_after_the_pass(text: str) -> yaml.Node | None:
    front_matter._check_nesting(text)
    return yaml.compose(text, Loader=front_matter._LOADER)


def _documents(generator: random.Random) -> list[str]:
    documents = ["a: *x\nb: [", "a: [*x, {b: c}\n", "- - - a\n- b: [c]", "? a\n: b", "a: b\n--- x\nc: [", "x: 1\nlist:\n  - a\n  - b"]
    for depth in (99, 100, 101, 150):
        documents += ["k: " + "[" * depth + "]" * depth, "k: " + "[" * depth, "- " * depth + "a"]
        documents.append("k:\n" + "".join(f"{'  ' * i}k:\n" for i in range(depth)))
    for _ in range(1500):
        lines = []
        for index in range(generator.randint(1, 6)):
            line = generator.choice(LINES).format(index) if generator.random() < 0.8 else ""
            noise = "".join(generator.choice(PIECES) for _ in range(generator.randint(0, 2))) if generator.random() < 0.3 else ""
            lines.append("  " * generator.randint(0, 1) + line + noise)
        documents.append("\n".join(lines))
    return documents


def test_front_matter_reads_as_after_the_nesting_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = [Source("a.md", f"---\n{document}\n---\nbody\n") for document in _documents(random.Random(20261201))]
    read = [read_front_matter(source) for source in sources]
    monkeypatch.setattr(front_matter, "_compose", _composed_after_the_pass)
    expected = [read_front_matter(source) for source in sources]
    for source, got, want in zip(sources, read, expected, strict=True):
        assert got == want, repr(source.text)
    assert sum(bool(got.problems) for got in read) > 200 and sum(bool(got.entries) for got in read) > 200
