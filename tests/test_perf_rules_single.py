"""A group of one article has no section that another locale's version could disagree with: the mention rules skip it
and find what reading every mention finds."""

from __future__ import annotations

import random
from dataclasses import dataclass

from lint.drift import _disagreeing
from lint.group import ArticleGroup
from lint.parse import read_article
from lint.runner import build_groups
from tests.conftest import LOCALES, corpus_file


@dataclass(frozen=True)
class _Unskipped(ArticleGroup):
    """A group that calls itself large enough to be read in full."""

    def __len__(self) -> int:
        return max(2, len(self.articles))


def _disagreements(group: ArticleGroup) -> dict[str, list[tuple[str, list[tuple[str | None, list[str]]]]]]:
    locale_of = {id(article): article.locale for article in group}
    found: dict[str, list[tuple[str, list[tuple[str | None, list[str]]]]]] = {}
    for kind, sections in _disagreeing(group).items():
        for aligned, held in sections:
            values = [(locale_of[key], [mention.value for mention in mentions]) for key, mentions in held.items()]
            found.setdefault(kind, []).append((aligned.key, values))
    return found


def test_groups_of_any_size_disagree_as_when_read_in_full() -> None:
    articles = [read_article(str(corpus_file(locale)), locale) for locale in LOCALES]
    chooser = random.Random(23)
    disagreeing = 0
    for size in [1, 1, 1, 1, 1, 2, 2, 3, 5]:
        chosen = chooser.sample(articles, size)
        group = build_groups("corpus", chosen, "en-US")[0]
        expected = _disagreements(_Unskipped(group.name, group.articles, group.source_locale))
        assert _disagreements(group) == expected
        disagreeing += sum(map(len, expected.values()))
    assert disagreeing > 10  # the groups of several locales disagree, so the comparison tells
