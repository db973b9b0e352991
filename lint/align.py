"""Sections and blocks of the locale versions of one article, aligned with each other.

Sections are matched by error code, else by anchor, else by position among the unnamed
siblings, always inside the aligned parent. Blocks of aligned sections are matched by position,
as a sequence of (kind, depth) so that an added note or list item shifts nothing after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import partial
from typing import Any

from lint.group import ArticleGroup, Verdict
from lint.mentions import without_code
from lint.model import Article, Block, Location, Section
from lint.text import line_starts, texts_holding, texts_matched

Token = tuple[str, int]
_PROSE = ("heading", "paragraph", "table-cell")


@dataclass(frozen=True)
class AlignedSection:
    """One section as each locale has it; a locale without it has no entry."""

    key: str  # path of section keys from the top: "causes-and-resolutions/0xC004F035/resolution"
    versions: tuple[tuple[Article, Section], ...]
    children: tuple[AlignedSection, ...] = ()

    def get(self, article: Article) -> Section | None:
        for owner, section in self.versions:
            if owner is article:
                return section
        return None

    def finding_key(self, what: str) -> str:
        """`0xC004F035/what` inside an error code's section, else `what/section-path`."""
        code = next((part for part in reversed(self.key.split("/")) if part.startswith("0x")), None)
        return f"{code}/{what}" if code else f"{what}/{self.key}"

    def walk(self) -> Iterator[AlignedSection]:
        yield self
        for child in self.children:
            yield from child.walk()


def align_sections(group: ArticleGroup) -> tuple[AlignedSection, ...]:
    """The aligned section tree: the first article's order, then what only the others have."""
    return _align(list(group), {id(article): article.sections for article in group}, "")


def walk_aligned(group: ArticleGroup) -> Iterator[AlignedSection]:
    return iter(group.shared(_aligned_in_order))


def _aligned_in_order(group: ArticleGroup) -> tuple[AlignedSection, ...]:
    return tuple(aligned for root in group.aligned_sections for aligned in root.walk())


def _align(articles: list[Article], siblings: dict[int, tuple[Section, ...]], parent: str) -> tuple[AlignedSection, ...]:
    slots: dict[str, list[tuple[Article, Section]]] = {}
    anchors = {s.anchor.lower() for sections in siblings.values() for s in sections if s.anchor}
    for article in articles:
        for key, section in _keyed(siblings.get(id(article), ()), anchors):
            slots.setdefault(key, []).append((article, section))
    aligned = []
    for key, versions in slots.items():
        path = f"{parent}/{key}" if parent else key
        has_children = any(s.children for _, s in versions)
        children = _align([a for a, _ in versions], {id(a): s.children for a, s in versions}, path) if has_children else ()
        aligned.append(AlignedSection(path, tuple(versions), children))
    return tuple(aligned)


def _keyed(sections: tuple[Section, ...], anchors: set[str]) -> Iterator[tuple[str, Section]]:
    """Each section's key among its siblings: its code, else its anchor, else its heading's id when another
    locale's sibling has that anchor (a source without `<a name>`s), else its place among the unnamed."""
    seen: dict[str, int] = {}
    unnamed = 0
    for section in sections:
        key = section.anchor_code or section.code or section.anchor.lower()
        if not key and section.auto_id in anchors:
            key = section.auto_id
        if not key and section.level:
            unnamed += 1
            key = f"#{unnamed}"
        key = key or "#0"
        seen[key] = seen.get(key, 0) + 1
        yield (key if seen[key] == 1 else f"{key}~{seen[key]}"), section


def prose_blocks(group: ArticleGroup) -> tuple[tuple[AlignedSection, Article, Block, str], ...]:
    """Every heading, paragraph and table cell of every locale, with the aligned section it belongs
    to and its text with code spans blanked out (`without_code`); gathered once for every rule."""
    return group.shared(_prose_blocks)


def _prose_blocks(group: ArticleGroup) -> tuple[tuple[AlignedSection, Article, Block, str], ...]:
    return tuple(
        (aligned, article, block, without_code(block) if block.inlines else block.text)
        for aligned in walk_aligned(group)
        for article, section in aligned.versions
        for block in (section.heading, *section.blocks)
        if block.kind in _PROSE
    )


def prose_blocks_with(group: ArticleGroup, pattern: re.Pattern[str]) -> Iterator[tuple[AlignedSection, Article, Block, str]]:
    """The prose blocks (`prose_blocks`) whose text `pattern` finds something in, found by searching their texts
    joined by line breaks, once per block found and once more: most blocks have none of what rules look for.
    `pattern` must not match a line break, and reads one before or after a text as its start or end."""
    blocks = prose_blocks(group)
    return (blocks[index] for index in texts_matched(pattern, *group.shared(_prose_text)))


def prose_blocks_holding(group: ArticleGroup, characters: str) -> Iterator[tuple[AlignedSection, Article, Block, str]]:
    """The prose blocks holding one of `characters`: what `prose_blocks_with` gives for a character class, found faster."""
    blocks = prose_blocks(group)
    return (blocks[index] for index in texts_holding(characters, *group.shared(_prose_text)))


def _prose_text(group: ArticleGroup) -> tuple[str, list[int]]:
    """The texts of `prose_blocks` joined by line breaks, and where each starts."""
    texts = [text for _, _, _, text in prose_blocks(group)]
    return "\n".join(texts), line_starts(texts)


def tokens(blocks: Sequence[Block]) -> list[Token]:
    return [(block.kind, block.depth) for block in blocks]


def block_map(reference: Section, other: Section) -> dict[int, int]:
    """Index of each reference block -> index of the aligned block of `other` (matched blocks only)."""
    ours, theirs = tokens(reference.blocks), tokens(other.blocks)
    if ours == theirs:  # what the matcher would find, without matching
        return {index: index for index in range(len(ours))}
    matcher = SequenceMatcher(None, ours, theirs, autojunk=False)
    mapping = {}
    for first, second, size in matcher.get_matching_blocks():
        for step in range(size):
            mapping[first + step] = second + step
    return mapping


def place_in(reference: Section, index: int, other: Section, mapping: dict[int, int] | None = None) -> Location:
    """Where `other` has the content aligned with reference block `index`: the aligned block, the
    next aligned block (where missing content belongs), or the heading. `mapping`: their `block_map`, when made."""
    mapping = block_map(reference, other) if mapping is None else mapping
    for candidate in range(index, len(reference.blocks)):
        if candidate in mapping:
            return other.blocks[mapping[candidate]].loc
    return other.blocks[-1].loc if other.blocks and index > 0 else other.heading.loc


@dataclass(frozen=True)
class SectionVerdict:
    aligned: AlignedSection
    verdict: Verdict[Any]
    reference: Section  # the first reference holder's version
    deviating: tuple[tuple[Article, Section], ...]


def section_verdicts(
    group: ArticleGroup, value: Callable[[Article, Section], Hashable], among: Iterable[AlignedSection] | None = None
) -> Iterator[SectionVerdict]:
    """Each aligned section (of `among`, by default all) whose versions disagree on `value`, with the reference and
    the locales that deviate. Ties are left alone: nobody can tell which side is right."""
    for aligned in walk_aligned(group) if among is None else among:
        if len(aligned.versions) < 2:
            continue
        found = [value(article, section) for article, section in aligned.versions]
        if found.count(found[0]) == len(found):
            continue  # most sections: its versions agree, so none of the locales that have it can deviate
        values = {id(article): seen for (article, _), seen in zip(aligned.versions, found, strict=True)}
        verdict = group.verdict(partial(_value_of, values))
        if verdict is None or verdict.reference is None or verdict.basis == "tie":
            continue
        reference = aligned.get(verdict.holders[0])
        deviating = tuple((a, s) for a in verdict.deviating if (s := aligned.get(a)) is not None)
        if reference is not None:
            yield SectionVerdict(aligned, verdict, reference, deviating)


def _value_of(values: dict[int, Hashable], article: Article) -> Hashable:
    return values.get(id(article))


def _heading(section: Section | None) -> tuple[Location, str] | None:
    return (section.loc, section.title) if section else None


def heading_view(aligned: AlignedSection) -> Callable[[Article], tuple[Location, str] | None]:
    """For `ArticleGroup.related`: each locale's heading of the aligned section."""
    return lambda other: _heading(aligned.get(other))


def section_label(section: Section) -> str:
    if not section.level:
        return "the text before the first heading"
    return f"“{section.title}”" if section.title else f"#{section.anchor}" if section.anchor else "(untitled)"


def who(articles: Sequence[Article]) -> str:
    return ", ".join(article.locale or article.path for article in articles)


def because(group: ArticleGroup, article: Article, verdict: Verdict[Any]) -> tuple[str, str]:
    """(message suffix, cause) for a difference: the stale revision it comes from, when it does."""
    if verdict.stale:
        return f"; {group.stale_note(article, verdict)}", "stale-revision"
    return "", ""
