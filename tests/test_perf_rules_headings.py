"""The cheap bound that lets WL704 skip scoring a title against its own message gives what the score gives."""

from __future__ import annotations

import random

import pytest

from checks.heading_message_differs import _Scores
from lint.parse import read_article
from lint.text import resemblance, surely_over
from tests.conftest import LOCALES, corpus_file

_WORDS = ("clé", "de", "produit", "KMS", "activation", "0x8007232B", "サーバー", "ключ", "  ", "-", "(", ")", "DNS", "nom")


def _texts(chooser: random.Random) -> tuple[str, str]:
    part = " ".join(chooser.choices(_WORDS, k=chooser.randint(0, 12)))
    words = part.split(" ")
    for _ in range(chooser.randint(0, 4)):
        words[chooser.randrange(len(words))] = chooser.choice(_WORDS)
    whole = " ".join(chooser.choices(_WORDS, k=chooser.randint(0, 6)) + words + chooser.choices(_WORDS, k=chooser.randint(0, 6)))
    return (part, whole) if chooser.random() < 0.5 else (whole, part)


def test_a_text_surely_over_a_bar_resembles_more() -> None:
    chooser = random.Random(11)
    over = 0
    for _ in range(5000):
        part, whole = _texts(chooser)
        bar = chooser.choice((0.0, 30.0, 50.0, 70.0, 85.0, 99.0, resemblance(part, whole)))
        if surely_over(part, whole, bar):
            over += 1
            assert resemblance(part, whole) > bar, (part, whole, bar)
    assert over > 1000


@pytest.mark.parametrize("gap", [30.0, 10.0, 0.0, 60.0])
@pytest.mark.parametrize("locale", LOCALES)
def test_a_title_differs_as_its_exact_score_says(locale: str, gap: float) -> None:
    article = read_article(str(corpus_file(locale)), locale)
    exact = _Scores(article)
    for code in [*exact.titles, "0x00000000"]:
        own = exact.score(code, code) if code in exact.titles else None
        expected = own is not None and own <= 100 - gap and (exact.has_rival(code, own, gap) or exact.under_chance(own))
        assert _Scores(article).differs(code, gap) == expected, code
