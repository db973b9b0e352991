"""Do-not-translate terms: the configured glossary, and the names a group of translations shows.

A run of two or more Latin words that every other translation writes verbatim (Windows Server,
Key Management Service, an English UI string nobody translates) is a name, not an omission.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from lint.english import latin_words, words_of
from lint.model import Article

Span = tuple[int, int]


class Terms:
    def __init__(self, translations: Sequence[Article], glossary: Sequence[str] = ()) -> None:
        self.translations = tuple(translations)
        listed = [rf"(?<!\w){re.escape(term.strip())}(?!\w)" for term in glossary if term.strip()]
        self.glossary = re.compile("|".join(listed), re.I) if listed else None
        self._streams: dict[int, str] = {}

    def spans(self, article: Article, text: str) -> list[Span]:
        """Where `text`, a block of `article`, names a term: glossary terms, and runs every other translation has."""
        found = [m.span() for m in self.glossary.finditer(text)] if self.glossary else []
        others = [self._stream(other) for other in self.translations if other is not article]
        if others:
            found += _shared_phrases(text, lambda phrase: all(f" {phrase} " in stream for stream in others))
        return found

    def _stream(self, article: Article) -> str:
        """The article's Latin words, space-separated, where phrases are looked up."""
        if id(article) not in self._streams:
            self._streams[id(article)] = f" {' '.join(words_of(chr(10).join(b.text for b in article.blocks())))} "
        return self._streams[id(article)]


def _shared_phrases(text: str, shared: Callable[[str], bool]) -> list[Span]:
    """Spans of the longest runs of two or more consecutive Latin words that `shared` accepts, joined by single spaces."""
    words = latin_words(text)
    spans, start = [], 0
    while start < len(words) - 1:
        end = start + 1
        while end < len(words) and shared(" ".join(w.group() for w in words[start : end + 1])):
            end += 1
        if end - start >= 2:
            spans.append((words[start].start(), words[end - 1].end()))
        start = end if end - start >= 2 else start + 1
    return spans
