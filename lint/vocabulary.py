"""Activation-type items ("MAK", "KMS client", "KMS host") as each locale renders them.

No locale's words are known in advance: each locale's rendering of an item is learnt by aligning
its rows with the same code's rows in the other locales, item by item, where the rows have as
many items. An item is then named by the rendering the primary article aligns it with most often
(its "concept"), so rows of different languages can be compared.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from lint.group import ArticleGroup
from lint.model import Article, Inline
from lint.text import squash


@dataclass(frozen=True)
class Vocabulary:
    primary: Article
    articles: tuple[Article, ...]  # not the group: the group caches its vocabulary, and a cycle would outlive the check

    @classmethod
    def of(cls, group: ArticleGroup) -> Vocabulary:
        return cls(group.primary, group.articles)

    def concept(self, article: Article, item: Inline) -> str:
        """The name of what `item` stands for, the same in every locale."""
        rendering = squash(item.text)
        if article is self.primary:
            return self._own_concepts.get(rendering, rendering)
        return self._translations(article).get(rendering, f"{article.locale}:{rendering}")

    def concepts(self, article: Article, code: str) -> tuple[str, ...] | None:
        """The sorted concepts of the row about `code`, None when the article has no such row."""
        row = article.aligned_row(code)
        return None if row is None else tuple(sorted(self.concept(article, item) for item in row.activation_types))

    def words(self, article: Article, concept: str) -> str:
        """How `article` most often writes `concept` (as the primary does when it never does)."""
        for writer in (article, self.primary):
            seen = Counter(item.text for row in writer.table for item in row.activation_types if self.concept(writer, item) == concept)
            if seen:
                return seen.most_common(1)[0][0]
        return concept

    @property
    def _others(self) -> tuple[Article, ...]:
        return tuple(article for article in self.articles if article is not self.primary)

    def _translations(self, article: Article) -> dict[str, str]:
        return self._all_translations.get(article.path, {})

    @cached_property
    def _all_translations(self) -> dict[str, dict[str, str]]:
        return {other.path: _aligned(other, self.primary) for other in self._others}

    @cached_property
    def _own_concepts(self) -> dict[str, str]:
        """The primary's renderings, each sent to another locale and back: its variants meet there."""
        votes: dict[str, Counter[str]] = {}
        for other in self._others:
            there = _aligned(self.primary, other)
            back = self._translations(other)
            for rendering, theirs in there.items():
                if theirs in back:
                    votes.setdefault(rendering, Counter())[back[theirs]] += 1
        return {rendering: counts.most_common(1)[0][0] for rendering, counts in votes.items()}


def _aligned(article: Article, other: Article) -> dict[str, str]:
    """Each of `article`'s renderings -> the rendering of `other` it stands beside most often (the first met, on a tie)."""
    pairs: dict[str, dict[str, int]] = {}
    for row in article.table:
        code = row.aligned_code
        theirs = other.aligned_row(code) if code else None
        if theirs is None or len(theirs.activation_types) != len(row.activation_types):
            continue
        for mine, their in zip(row.activation_types, theirs.activation_types, strict=True):
            counts = pairs.setdefault(squash(mine.text), {})
            rendering = squash(their.text)
            counts[rendering] = counts.get(rendering, 0) + 1
    return {rendering: max(counts, key=counts.__getitem__) for rendering, counts in pairs.items()}
