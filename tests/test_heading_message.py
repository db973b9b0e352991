"""WL704's shortcut: telling a title's score from the median of unrelated pairs gives the full median's answer."""

from __future__ import annotations

from functools import cache

import pytest

from checks.heading_message_differs import _Scores
from lint.model import Article
from lint.parse import read_article
from tests.conftest import LOCALES, corpus_file


@cache
def _article(locale: str) -> Article:
    return read_article(corpus_file(locale), locale)


def _scores(locale: str, dropped: int) -> _Scores:
    """Fresh scores of a corpus file without its first `dropped` titles (an odd number of codes makes an odd number of pairs)."""
    scores = _Scores(_article(locale))
    for code in list(scores.titles)[:dropped]:
        del scores.titles[code]
    return scores


@pytest.mark.parametrize("dropped", [0, 1])
@pytest.mark.parametrize("locale", LOCALES)
def test_under_chance_is_the_full_median_comparison(locale: str, dropped: int) -> None:
    scores = _scores(locale, dropped)
    chance = scores.unrelated
    owns = {0.0, chance, 100.0, *(chance + step for step in (-10, -1, -1e-9, 1e-9, 1, 10)), *(scores.score(c, c) for c in scores.titles)}
    for own in sorted(owns):
        assert _scores(locale, dropped).under_chance(own) == (own < chance), own
