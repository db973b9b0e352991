"""Mentions (links, commands, numbers, codes) that differ between aligned sections, value by value.

Each value gets its own verdict: which locales have it is decided apart from every other value,
so that one locale's slip elsewhere in the section cannot turn the majority into a tie.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from lint.align import AlignedSection, because, block_map, heading_view, place_in, walk_aligned
from lint.finding import Finding, Related, Severity
from lint.group import ArticleGroup, Verdict
from lint.mentions import Kind, Mention, Mentions, sections_mentions
from lint.model import Article, Location, Section

Lacking = tuple[Mention, Verdict[Any], Section]  # a value this locale lacks, as a reference section has it
Added = tuple[Mention, Verdict[Any]]  # a value only this locale (or a minority) has


@dataclass(frozen=True)
class Change:
    """A value this locale lacks or adds; a lacking and an added one in aligned blocks form one change."""

    missing: Mention | None  # as the reference has it
    extra: Mention | None  # as this locale has it
    verdict: Verdict[Any]  # who holds the missing value, else who lacks the added one
    where: Location  # the added mention, else where this locale lacks the missing one

    @property
    def value(self) -> str:
        mention = self.missing or self.extra
        return mention.value if mention else ""


@dataclass(frozen=True)
class Drift:
    """How one locale's version of an aligned section differs from the reference's."""

    aligned: AlignedSection
    article: Article
    section: Section
    changes: tuple[Change, ...]
    mentions: dict[int, list[Mention]]  # every locale's mentions in the section, by id(article)

    def finding(self, group: ArticleGroup, change: Change, message: str, kind: str, severity: Severity | None = None) -> Finding:
        """The finding for one change: on this locale, with the reference locales' text and the stale revision when it explains it."""
        suffix, cause = because(group, self.article, change.verdict)
        return Finding(
            change.where,
            message + suffix,
            locale=self.article.locale or "",
            related=self.related(group, change),
            key=self.aligned.finding_key(f"{kind}:{change.value}"),
            excerpt=change.extra.text if change.extra else "",
            cause=cause,
            severity=severity,
        )

    def related(self, group: ArticleGroup, change: Change) -> tuple[Related, ...]:
        """What the reference locales have: the missing value, else their heading of the section."""
        if change.missing is None:
            return group.related(change.verdict.holders, heading_view(self.aligned))
        value = change.missing.value
        return group.related(change.verdict.holders, lambda other: _located(self.mentions.get(id(other), []), value))


def drifts(group: ArticleGroup, kind: Kind) -> tuple[Drift, ...]:
    """Every locale whose mentions of `kind` in an aligned section differ from the reference's. Values
    are compared, not how often each is repeated; a tie on a value is left alone. Computed once per
    kind: several rules read the same one."""
    return group.shared(_drifts, kind)


Mentioned = dict[int, list[Mention]]  # what each locale's version of an aligned section mentions, by id(article)


def _drifts(group: ArticleGroup, kind: Kind) -> tuple[Drift, ...]:
    return tuple(drift for aligned, mentions in group.shared(_disagreeing)[kind] for drift in _section_drifts(group, aligned, mentions))


def _disagreeing(group: ArticleGroup) -> dict[str, list[tuple[AlignedSection, Mentioned]]]:
    """For each kind of mention, the aligned sections whose versions do not all mention the same values:
    the only ones where a value can have a verdict. All kinds are read in one walk over each article."""
    found: dict[str, list[tuple[AlignedSection, Mentioned]]] = {kind: [] for kind in Mentions._fields}
    if len(group) < 2:
        return found  # no section has another version to disagree with: its mentions are not worth reading
    mentioned = {key: mentions for article in group for key, mentions in sections_mentions(article, article.walk()).items()}
    for aligned in walk_aligned(group):
        if len(aligned.versions) < 2:
            continue
        for _, section in aligned.versions:  # a loop, not all() over a generator: every aligned section is asked
            if id(section) in mentioned:
                break
        else:
            continue  # most sections mention nothing in any locale
        by_article = {id(article): mentioned.get(id(section)) or Mentions.none() for article, section in aligned.versions}
        for kind, lists in zip(Mentions._fields, zip(*by_article.values(), strict=True), strict=True):
            if any(lists) and not _same_values(lists):
                found[kind].append((aligned, dict(zip(by_article, lists, strict=True))))
    return found


def _same_values(lists: tuple[list[Mention], ...]) -> bool:
    first = {m.value for m in lists[0]}
    return all({m.value for m in found} == first for found in lists[1:])


def _section_drifts(group: ArticleGroup, aligned: AlignedSection, mentions: Mentioned) -> Iterator[Drift]:
    values = {key: {m.value for m in found} for key, found in mentions.items()}
    everywhere = set.intersection(*values.values()) if len(values) == len(group) else set()  # need no verdict
    missing: dict[int, list[Lacking]] = {}
    extra: dict[int, list[Added]] = {}
    for value in dict.fromkeys(m.value for found in mentions.values() for m in found if m.value not in everywhere):
        verdict = group.verdict(partial(_holds, values, value))
        if verdict is None or verdict.reference is None or verdict.basis == "tie":
            continue
        holder, source = verdict.holders[0], aligned.get(verdict.holders[0])
        for article in verdict.deviating:
            if aligned.get(article) is None:
                continue
            if verdict.reference and source is not None:
                missing.setdefault(id(article), []).append((_first(mentions[id(holder)], value), verdict, source))
            else:
                extra.setdefault(id(article), []).append((_first(mentions[id(article)], value), verdict))
    for article, section in aligned.versions:
        if id(article) in missing or id(article) in extra:
            changes = tuple(_pair(section, missing.get(id(article), []), extra.get(id(article), [])))
            yield Drift(aligned, article, section, changes, mentions)


def _holds(values: dict[int, set[str]], value: str, article: Article) -> bool | None:
    """Whether the article's section mentions `value`; None when it has no such section."""
    found = values.get(id(article))
    return None if found is None else value in found


def _pair(section: Section, missing: list[Lacking], extra: list[Added]) -> Iterator[Change]:
    remaining = list(extra)
    maps: dict[int, dict[int, int]] = {}
    for mention, verdict, source in missing:
        if id(source) not in maps:
            maps[id(source)] = block_map(source, section)
        aligned_block = maps[id(source)].get(mention.block)
        partner = next((e for e in remaining if e[0].block == aligned_block), None) if aligned_block is not None else None
        if partner:
            remaining.remove(partner)
            yield Change(mention, partner[0], verdict, partner[0].loc)
        else:
            yield Change(mention, None, verdict, place_in(source, mention.block, section, maps[id(source)]))
    for mention, verdict in remaining:
        yield Change(None, mention, verdict, mention.loc)


def _first(mentions: list[Mention], value: str) -> Mention:
    return next(m for m in mentions if m.value == value)


def _located(mentions: list[Mention], value: str) -> tuple[Location, str] | None:
    return next(((m.loc, m.text) for m in mentions if m.value == value), None)
