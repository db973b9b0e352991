"""WL704 scores the unrelated pairs its cheap bound left in doubt without trying that bound a second time."""

from __future__ import annotations

import random

import pytest

from checks.heading_message_differs import _Scores
from lint.parse import read_article
from lint.text import resemblance
from tests.conftest import LOCALES, corpus_file
from tests.test_perf_rules_headings import _texts


def test_a_resemblance_without_its_bound_is_told_from_the_bar_alike() -> None:
    chooser = random.Random(7)
    for _ in range(5000):
        part, whole = _texts(chooser)
        at_least = chooser.choice((0.0, 30.0, 50.0, 70.0, 85.0, 99.0, resemblance(part, whole)))
        bounded, unbounded = resemblance(part, whole, at_least), resemblance(part, whole, at_least, bounded=False)
        assert (bounded >= at_least) == (unbounded >= at_least), (part, whole, at_least)
        assert bounded < at_least or bounded == unbounded


@pytest.mark.parametrize("locale", LOCALES)
def test_under_chance_is_the_median_of_the_unrelated_pairs(locale: str) -> None:
    article = read_article(str(corpus_file(locale)), locale)
    unrelated = _Scores(article).unrelated
    scores = _Scores(article)
    for own in sorted({*range(0, 101, 5), unrelated, *(scores.score(code, code) for code in scores.titles)}):
        assert _Scores(article).under_chance(own) == (own < unrelated), own
        assert scores.under_chance(own) == (own < unrelated), own
