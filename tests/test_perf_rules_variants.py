"""WL704 scores and bounds a title's variants in loops, as max() and all() over them did."""

from __future__ import annotations

import random

import pytest

from checks.heading_message_differs import _Scores
from lint.parse import read_article
from lint.text import resemblance, surely_under
from tests.conftest import LOCALES, corpus_file


def _with_more_variants(scores: _Scores, chooser: random.Random) -> _Scores:
    """Some titles given a second or third variant: another code's title, or a part of their own."""
    codes = list(scores.titles)
    for code in codes:
        for _ in range(chooser.choice((0, 0, 1, 2))):
            other = scores.titles[chooser.choice(codes)]
            scores.variants[code] = [*scores.variants[code], other[: chooser.randint(1, len(other))]]
    return scores


@pytest.mark.parametrize("locale", LOCALES)
def test_scores_and_bounds_of_variants_are_those_of_max_and_all(locale: str) -> None:
    article = read_article(str(corpus_file(locale)), locale)
    chooser = random.Random(locale)
    scores = _with_more_variants(_Scores(article), chooser)
    codes = list(scores.titles)
    for _ in range(400):
        title, message = chooser.choice(codes), chooser.choice(codes)
        bar = chooser.choice((0.0, 30.0, 50.0, 70.0, 85.0, 99.0))
        variants, text = scores.variants[title], scores.messages[message]
        fresh = _Scores(article)
        fresh.variants = scores.variants
        assert fresh.surely_under(title, message, bar) == all(surely_under(variant, text, bar) for variant in variants)
        expected = max(resemblance(variant, text, bar) for variant in variants)
        assert fresh.score(title, message, bar) == (expected if expected >= bar else 0.0)
