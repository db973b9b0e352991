"""English fragments of an article group, found once and shared by the WL4xx rules.

A fragment is a span of a block's visible text that `lint.english` calls English, once code spans,
commands, URLs and error codes are blanked, and once the names of the group are discounted: a run
of Latin words that every other translation has verbatim (Windows Server, Key Management Service)
is a name, and so is every glossary term. Each fragment says what it is: English left as it is
(WL401), English followed by its translation in parentheses (WL402), or a link text left in English
with a translated gloss while other locales translate the link (WL403).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import compress, count
from operator import attrgetter

from lint.counterparts import Alignment, inline_range, title_as_anchor, without_code
from lint.english import (
    BARE,
    LOOSE,
    STRICT,
    Thresholds,
    english_spans,
    language_of,
    latin_share,
    mask_not_prose,
    might_be_english_at,
    parenthesis_after,
    word_sets,
    words_of,
    writes_latin,
)
from lint.finding import Related
from lint.group import ArticleGroup
from lint.model import Article, Block, Inline, Location
from lint.terms import Terms

PROSE = frozenset(("heading", "paragraph", "table-cell"))
UNTRANSLATED, GLOSSED, LINK = "untranslated", "glossed", "link"
Span = tuple[int, int]


@dataclass(frozen=True)
class Fragment:
    article: Article
    block: Block
    start: int
    end: int
    verdict: str  # UNTRANSLATED, GLOSSED or LINK
    place: str  # heading, table cell, list item, quote, note, paragraph, link text, image alt text
    inline: Inline | None = None  # the link or image whose text it is
    gloss: Span | None = None  # the parenthesised translation after it, "(" to ")"

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]

    @property
    def loc(self) -> Location:
        return self.block.loc_at(self.start)


@dataclass(frozen=True)
class Elsewhere:
    related: tuple[Related, ...]  # what each other locale has at the aligned place
    translated: tuple[str, ...]  # the translations whose aligned text is not English
    english: tuple[str, ...]  # those where it is English too

    @property
    def note(self) -> str:
        """`; es-ES, fr-FR translate it; English in zh-CN too`: the cross-locale evidence, for a message."""
        parts = [f"{', '.join(self.translated)} translate{'s' if len(self.translated) == 1 else ''} it"] if self.translated else []
        parts += [f"English in {', '.join(self.english)} too"] if self.english else []
        return "".join(f"; {part}" for part in parts)


def quoted(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return f'"{text if len(text) <= limit else text[: limit - 1] + "…"}"'


def english_of(group: ArticleGroup, glossary: Sequence[str] = ()) -> GroupEnglish:
    """The group's English fragments, one analysis shared by the WL4xx rules."""
    return group.shared(GroupEnglish, tuple(glossary))


class GroupEnglish:
    """The English fragments of every translation in a group; the source language is not checked."""

    def __init__(self, group: ArticleGroup, glossary: Sequence[str] = ()) -> None:
        self.articles = group.articles  # not the group: the group keeps this analysis, and a cycle would outlive the check
        self.translations = tuple(a for a in group if a.locale and language_of(a.locale) != "en")
        self._alignments: dict[int, Alignment] = {}
        self._english: dict[tuple[int, str], bool] = {}
        self._translated: dict[int, bool] = {}
        self.terms = Terms(self.translations, glossary)
        self._prose = {id(a): _prose_of(a) for a in self.translations}
        self.latin = {id(a): writes_latin(a.locale, self._prose[id(a)][1]) for a in self.translations}

    @cached_property
    def fragments(self) -> tuple[Fragment, ...]:
        return tuple(fragment for article in self.translations for fragment in self._fragments(article))

    def elsewhere(self, fragment: Fragment) -> Elsewhere:
        """What the other locales have where the fragment stands: the same link's text, else the aligned block's."""
        mine, related, english = self.alignment(fragment.article), [], []
        for other in self.articles:
            if other is fragment.article:
                continue
            if fragment.inline and fragment.inline.kind == "link":
                link = mine.aligned_link(fragment.inline, self.alignment(other))
                seen = (link.loc, link.text) if link else None
            else:
                block = mine.aligned(fragment.block, self.alignment(other))
                seen = (block.loc_at(0), block.text) if block and block.text else None
            if seen:
                related.append(Related(other.locale or other.path, *seen))
                if any(other is translation for translation in self.translations) and self.is_english(other, seen[1]):
                    english.append(other.locale or other.path)
        translated = [r.locale for r in related if r.locale not in english and r.locale in self._translation_locales]
        return Elsewhere(tuple(related), tuple(translated), tuple(english))

    def key(self, fragment: Fragment, what: str) -> str:
        """`0xC004F06C/english/the-request-timestamp-is-invalid`: no line number, so it survives edits above."""
        code = self.alignment(fragment.article).code_of(fragment.block)
        slug = "-".join(w.lower() for w in words_of(fragment.text)[:6])
        return f"{code}/{what}/{slug}" if code else f"{what}/{slug}"

    @cached_property
    def _translation_locales(self) -> frozenset[str]:
        return frozenset(a.locale or a.path for a in self.translations)

    def alignment(self, article: Article) -> Alignment:
        if id(article) not in self._alignments:
            self._alignments[id(article)] = Alignment(article)
        return self._alignments[id(article)]

    def is_english(self, article: Article, text: str) -> bool:
        if (id(article), text) not in self._english:
            self._english[(id(article), text)] = bool(self._spans(article, mask_not_prose(text)))
        return self._english[(id(article), text)]

    def _spans(self, article: Article, text: str, neutral: Sequence[Span] = (), limits: Sequence[Thresholds] = ()) -> list[Span]:
        latin = self.latin[id(article)]
        limits = limits or ((STRICT,) if latin else (STRICT, LOOSE, BARE))  # Latin letters stand out in Cyrillic or CJK text
        return english_spans(text, language_of(article.locale), latin, neutral, limits)

    def _fragments(self, article: Article) -> list[Fragment]:
        found = []
        prose, texts = self._prose[id(article)]
        candidates = {id(prose[index]) for index in might_be_english_at(texts, language_of(article.locale), self.latin[id(article)])}
        titles = self._english_titles(article)
        blocks = tuple(article.blocks())
        position_of = dict(zip(map(id, blocks), count()))  # built in C: no Python loop over every block
        positions = sorted(position_of[wanted] for wanted in candidates | titles.keys())  # the few blocks looked at
        for position, place in zip(positions, _places(blocks, positions), strict=True):
            block = blocks[position]
            title = titles.get(id(block))
            if title:
                found.append(Fragment(article, block, *title, UNTRANSLATED, "heading"))
            else:
                links = [(i, *span) for i in block.inlines if i.kind in ("link", "image") and (span := inline_range(block, i))]
                for start, end in self._english_in(article, block, links):
                    found.extend(self._classify(article, block, (start, end), place, links))
        return found

    def _english_titles(self, article: Article) -> dict[int, Span]:
        """Titles that are their English anchor, word for word, where other translations translate theirs, by id of the heading.

        In Latin script it takes two words: "Description" is French too."""
        mine, found = self.alignment(article), {}
        for section in article.walk():
            title = title_as_anchor(section)
            if not title or (self.latin[id(article)] and len(section.heading.text[title[0] : title[1]].split()) < 2):
                continue
            for other in self.translations:
                theirs = mine.aligned(section.heading, self.alignment(other)) if other is not article else None
                aligned = self.alignment(other).sections.get(id(theirs)) if theirs else None
                if aligned and aligned.anchor.lower() == section.anchor.lower() and not title_as_anchor(aligned):
                    found[id(section.heading)] = title
                    break
        return found

    def _english_in(self, article: Article, block: Block, links: list[tuple[Inline, int, int]]) -> list[Span]:
        """English spans of a block; a link text that other locales translate needs less evidence."""
        text = mask_not_prose(without_code(block))
        translated = [(s, e) for link, s, e in links if self._translated_elsewhere(article, link)]
        spans = self._spans(article, text)
        if not spans and not any(self._spans(article, _only(text, s, e), limits=(LOOSE,)) for s, e in translated):
            return []
        neutral = self.terms.spans(article, text)
        spans = self._spans(article, text, neutral) if neutral else spans
        for s, e in translated:
            if not any(a < e and s < b for a, b in spans):
                spans += self._spans(article, _only(text, s, e), neutral, (LOOSE,))
        return sorted(spans)

    def _classify(self, article: Article, block: Block, span: Span, place: str, links: list[tuple[Inline, int, int]]) -> list[Fragment]:
        inline = next(((i, s, e) for i, s, e in links if s <= span[0] and span[1] <= e), None)
        gloss = self._gloss(article, block.text, inline[2] if inline else span[1])
        verdict = GLOSSED if gloss else UNTRANSLATED
        if inline is None:
            return [Fragment(article, block, *span, verdict, place, None, gloss)]
        link = inline[0]
        if gloss and link.kind == "link":  # a gloss says the target page is English; wrong only if it is translated elsewhere
            return [Fragment(article, block, *span, LINK, "link text", link, gloss)] if self._translated_elsewhere(article, link) else []
        return [Fragment(article, block, *span, verdict, "link text" if link.kind == "link" else "image alt text", link, gloss)]

    def _gloss(self, article: Article, text: str, end: int) -> Span | None:
        """The parenthesised translation right after `end`: not English, and in the locale's own words or script."""
        found = parenthesis_after(text, end)
        if not found:
            return None
        inside = text[found[0] + 1 : found[1]]
        own_words = word_sets(language_of(article.locale), self.latin[id(article)])[1]
        if self.latin[id(article)]:
            native = len(inside.split()) >= 2 and any(word.lower() in own_words for word in re.findall(r"\w+", inside))
        else:
            native = latin_share(inside) < 1
        return found if native and not self.is_english(article, inside) else None

    def _translated_elsewhere(self, article: Article, link: Inline) -> bool:
        """Another translation links to the same target with a text that is not English."""
        if id(link) not in self._translated:
            mine = self.alignment(article)
            self._translated[id(link)] = any(
                theirs and theirs.text.strip() != link.text.strip() and not self.is_english(other, theirs.text)
                for other in self.translations
                if other is not article and (theirs := mine.aligned_link(link, self.alignment(other)))
            )
        return self._translated[id(link)]


def _only(text: str, start: int, end: int) -> str:
    return " " * start + text[start:end]


def _prose_of(article: Article) -> tuple[list[Block], list[str]]:
    """The article's prose blocks and their texts, gathered in C."""
    blocks = tuple(article.blocks())
    prose = list(compress(blocks, map(PROSE.__contains__, map(attrgetter("kind"), blocks))))
    return prose, list(map(attrgetter("text"), prose))


def _places(blocks: Sequence[Block], positions: Sequence[int]) -> Iterator[str]:
    """Where the blocks at the ascending `positions` stand: a nested paragraph in the nearest block one level up, looked
    for back to the last paragraph of its depth asked about only, so that no block is looked at twice for a depth."""
    last: dict[int, tuple[int, Block | None]] = {}  # depth -> the last position asked about, and its container
    for position in positions:
        block = blocks[position]
        if block.kind != "paragraph" or block.depth == 0:
            yield block.kind.replace("-", " ")
            continue
        since, container = last.get(block.depth, (-1, None))
        up = block.depth - 1
        container = next((blocks[i] for i in range(position - 1, since, -1) if blocks[i].depth == up), container)
        last[block.depth] = (position, container)
        if container and container.kind == "quote":
            yield "note" if container.callout else "quote"
        else:
            yield "list item" if container and container.kind == "list-item" else "paragraph"
