"""Verdicts on the structure of sections, asked only of the sections that have structural blocks, are those of all."""

from __future__ import annotations

import random
from collections.abc import Callable, Hashable

import pytest

from lint.align import section_verdicts
from lint.group import ArticleGroup
from lint.model import Article, Section
from lint.parse import parse_text, read_article
from lint.runner import build_groups
from lint.structure import callouts, numbering, skeleton, structure_verdicts
from tests.conftest import LOCALES, corpus_file

VALUES: dict[str, Callable[[Article, Section], Hashable]] = {
    "skeleton": lambda _, section: skeleton(section),
    "callouts": lambda _, section: callouts(section),
    "numbering": lambda _, section: numbering(section),
}
_BLOCKS = (
    "Du texte.",
    "> [!NOTE]\n> Une note.",
    "> **Titre**\n> Une citation.",
    "> Une citation.",
    "1. un\n2. deux",
    "01. un\n3. trois",
    "- un\n- deux",
    "```\ncode\n```",
    "| a | b |\n|---|---|\n| 1 | 2 |",
)


def _random_group(seed: int) -> ArticleGroup:
    chooser = random.Random(seed)
    codes = [f"0x8007{number:04X}" for number in range(6)]
    articles = []
    for locale in chooser.sample(LOCALES, chooser.randint(2, 5)):
        parts = ["# Titre"]
        for code in chooser.sample(codes, chooser.randint(3, 6)):
            parts.append(f"## {code} Titre")
            parts += chooser.choices(_BLOCKS, k=chooser.randint(0, 3))
            if chooser.random() < 0.3:
                parts += ["### Cause", *chooser.choices(_BLOCKS, k=chooser.randint(0, 2))]
        articles.append(parse_text(f"article.{locale.lower()}.md", "\n\n".join(parts) + "\n", locale))
    return build_groups("article", articles, "en-US")[0]


def _corpus_group() -> ArticleGroup:
    return build_groups("corpus", [read_article(str(corpus_file(locale)), locale) for locale in LOCALES], "en-US")[0]


def _verdicts(found: object) -> list[tuple[str, object, tuple[str | None, ...]]]:
    return [(v.aligned.key, v.verdict.reference, tuple(a.locale for a, _ in v.deviating)) for v in found]  # type: ignore[attr-defined]


@pytest.mark.parametrize("value", VALUES)
def test_structure_verdicts_are_the_verdicts_of_every_section(value: str) -> None:
    disagreeing = 0
    for group in [_corpus_group(), *map(_random_group, range(120))]:
        expected = _verdicts(section_verdicts(group, VALUES[value]))
        assert _verdicts(structure_verdicts(group, VALUES[value])) == expected
        disagreeing += len(expected)
    assert disagreeing > 100  # the random groups disagree often enough to tell
