"""The shortcuts of the structure and heading rules give what the long way gives."""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import cache

import pytest

from checks.heading_message_differs import _Scores
from lint.align import block_map, tokens, walk_aligned
from lint.group import ArticleGroup
from lint.model import Section
from lint.parse import read_article
from lint.runner import build_groups
from tests.conftest import LOCALES, corpus_file


@cache
def _corpus_group() -> ArticleGroup:
    articles = [read_article(str(corpus_file(locale)), locale) for locale in LOCALES]
    return build_groups("activation-error-codes", articles, "en-US")[0]


def _matched(reference: Section, other: Section) -> dict[int, int]:
    matcher = SequenceMatcher(None, tokens(reference.blocks), tokens(other.blocks), autojunk=False)
    return {first + step: second + step for first, second, size in matcher.get_matching_blocks() for step in range(size)}


def test_block_map_is_what_the_matcher_finds() -> None:
    aligned_sections = walk_aligned(_corpus_group())
    pairs = [(reference, other) for aligned in aligned_sections for _, reference in aligned.versions for _, other in aligned.versions]
    assert sum(tokens(a.blocks) != tokens(b.blocks) for a, b in pairs) > 10  # both ways are taken
    for reference, other in pairs:
        assert block_map(reference, other) == _matched(reference, other)


@pytest.mark.parametrize("locale", LOCALES)
def test_a_score_under_a_bar_is_remembered_only_for_higher_bars(locale: str) -> None:
    scores = _Scores(_corpus_group().articles[LOCALES.index(locale)])
    codes = list(scores.titles)
    pairs = [(code, codes[(index + 7) % len(codes)]) for index, code in enumerate(codes)]
    for bar in (60.0, 30.0, 45.0, 90.0, 0.0, 45.0):
        for title, message in pairs:
            exact = _Scores(scores.article).score(title, message)
            assert scores.score(title, message, bar) == (exact if exact >= bar else 0.0), (title, message, bar)


@pytest.mark.parametrize("gap", [30.0, 10.0, 0.0, -5.0])
@pytest.mark.parametrize("locale", LOCALES)
def test_a_rival_is_the_best_other_pair_gap_ahead(locale: str, gap: float) -> None:
    exact = _Scores(_corpus_group().articles[LOCALES.index(locale)])
    for code in exact.titles:
        own = exact.score(code, code)
        best = max((max(exact.score(code, other), exact.score(other, code)) for other in exact.titles if other != code), default=0.0)
        assert _Scores(exact.article).has_rival(code, own, gap) == (best - own >= gap), code
