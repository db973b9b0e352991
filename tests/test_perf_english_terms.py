"""Terms remembers, for each article, whether the other translations have a phrase; it must find what asking anew does."""

import random

from lint.model import Block, Location
from lint.terms import Terms

_WORDS = ["Windows", "Server", "KMS", "host", "the", "for", "and", "DNS", "issues", "注", "Сервер", "l’hôte", "1", ",", "\n"]


class _Article:
    def __init__(self, text: str) -> None:
        self._blocks = [Block("paragraph", Location("a.md", 1), text)]

    def blocks(self) -> object:
        return iter(self._blocks)


def _text(rng: random.Random, length: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(length))


def test_terms_asked_many_times_find_what_fresh_terms_find_on_random_articles() -> None:
    rng = random.Random(21)
    for _ in range(150):
        articles = [_Article(_text(rng, 30)) for _ in range(rng.randrange(2, 5))]
        terms = Terms(articles)  # type: ignore[arg-type]
        for _ in range(10):
            article, text = rng.choice(articles), _text(rng, rng.randrange(1, 12))
            assert terms.spans(article, text) == Terms(articles).spans(article, text), text  # type: ignore[arg-type]
