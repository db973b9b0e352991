"""WL704 looks for a rival title or message in a loop that stops at the first, as any() over the pairs did."""

from __future__ import annotations

from itertools import chain

import pytest

from checks.heading_message_differs import _Scores
from lint.parse import read_article
from lint.text import ROUNDING
from tests.conftest import LOCALES, corpus_file


def _has_rival_by_any(scores: _Scores, code: str, own: float, gap: float) -> bool:
    at_least = own + gap - ROUNDING
    pairs = ((title, message) for other in scores.titles if other != code for title, message in ((code, other), (other, code)))
    rivals = (scores.score(title, message, at_least) for title, message in pairs)
    return any(score - own >= gap for score in chain((0.0,), rivals))


@pytest.mark.parametrize("gap", [30.0, 10.0, 0.0, -5.0, 60.0])
@pytest.mark.parametrize("locale", LOCALES)
def test_has_rival_answers_as_any_over_the_pairs(locale: str, gap: float) -> None:
    article = read_article(str(corpus_file(locale)), locale)
    scores = _Scores(article)
    for code in scores.titles:
        for own in (0.0, 20.0, scores.score(code, code), 70.0):
            assert _Scores(article).has_rival(code, own, gap) == _has_rival_by_any(_Scores(article), code, own, gap), (code, own)


@pytest.mark.parametrize("gap", [0.0, -5.0, 10.0])
def test_with_no_other_title_only_the_empty_rival_counts(gap: float) -> None:
    article = read_article(str(corpus_file(LOCALES[0])), LOCALES[0])
    for code in list(_Scores(article).titles)[:3]:
        for own in (0.0, 5.0, -gap):
            alone, by_any = _Scores(article), _Scores(article)
            alone.titles = by_any.titles = {code: alone.titles[code]}
            assert alone.has_rival(code, own, gap) == _has_rival_by_any(by_any, code, own, gap), (code, own)
