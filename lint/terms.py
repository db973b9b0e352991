"""Do-not-translate terms: the configured glossary, and the names a group of translations shows.

A run of two or more Latin words that every other translation writes verbatim (Windows Server,
Key Management Service, an English UI string nobody translates) is a name, not an omission.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cached_property
from operator import attrgetter

from lint.english import latin_words, phrase_in, words_of
from lint.model import Article

Span = tuple[int, int]


class Terms:
    def __init__(self, translations: Sequence[Article], glossary: Sequence[str] = ()) -> None:
        self.translations = tuple(translations)
        listed = [rf"(?<!\w){re.escape(term.strip())}(?!\w)" for term in glossary if term.strip()]
        self.glossary = re.compile("|".join(listed), re.I) if listed else None
        self._words: dict[int, Words] = {}
        self._shared: dict[int, dict[tuple[str, ...], bool]] = {}  # by id of the article: whether the others have a phrase

    def spans(self, article: Article, text: str) -> list[Span]:
        """Where `text`, a block of `article`, names a term: glossary terms, and runs every other translation has."""
        found = [m.span() for m in self.glossary.finditer(text)] if self.glossary else []
        others = [self._words_of(other) for other in self.translations if other is not article]
        if others:  # the first other translation turns down most phrases; the rest are asked only those it has
            first, rest = others[0], others[1:]
            known = self._shared.setdefault(id(article), {})  # a link text or a name recurs in many blocks

            def shared(phrase: tuple[str, ...]) -> bool:
                if phrase not in known:
                    known[phrase] = first.has(phrase) and all(words.writes(phrase) for words in rest)
                return known[phrase]

            found += _shared_phrases(text, shared)
        return found

    def _words_of(self, article: Article) -> Words:
        if id(article) not in self._words:
            self._words[id(article)] = Words("\n".join(map(attrgetter("text"), article.blocks())))
        return self._words[id(article)]


class Words:
    """An article's Latin words, where phrases are looked up; most phrases tried have a word the article lacks."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def _listed(self) -> tuple[str, frozenset[str]]:
        words = words_of(self.text)
        return f" {' '.join(words)} ", frozenset(words)

    def has(self, phrase: tuple[str, ...]) -> bool:
        """From the list of the article's words, made once: fast for the many phrases of words the article lacks."""
        stream, vocabulary = self._listed
        return vocabulary.issuperset(phrase) and f" {' '.join(phrase)} " in stream

    def writes(self, phrase: tuple[str, ...]) -> bool:
        """From the article's text: no list to make, for the few phrases another article has."""
        return phrase_in(self.text, phrase)


def _shared_phrases(text: str, shared: Callable[[tuple[str, ...]], bool]) -> list[Span]:
    """Spans of the longest runs of two or more consecutive Latin words that `shared` accepts."""
    found = latin_words(text)
    words = [word.group() for word in found]
    spans, start = [], 0
    while start < len(words) - 1:
        end = start + 1
        while end < len(words) and shared(tuple(words[start : end + 1])):
            end += 1
        if end - start >= 2:
            spans.append((found[start].start(), found[end - 1].end()))
        start = end if end - start >= 2 else start + 1
    return spans
