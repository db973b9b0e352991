"""ArticleGroup: the locale versions of one article, and who is right when they disagree."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from lint.finding import Finding, Related, Severity
from lint.model import Article, Location, Revision, Suppression

if TYPE_CHECKING:
    from lint.align import AlignedSection

V = TypeVar("V", bound=Hashable)
T = TypeVar("T")
SOURCE_LANGUAGE = "en-US"


@dataclass(frozen=True)
class Verdict(Generic[V]):
    """How the locales split on one value, and which side is the reference."""

    reference: V
    basis: str  # "source" (en-US says so), "revision" (the newest translations agree), "majority", "tie"
    holders: tuple[Article, ...]
    deviating: tuple[Article, ...]

    @property
    def stale(self) -> bool:
        return self.basis == "revision"


@dataclass(frozen=True)
class ArticleGroup:
    name: str
    articles: tuple[Article, ...]  # sorted by locale
    source_locale: str = SOURCE_LANGUAGE
    duplicates: tuple[Article, ...] = ()  # files claiming a locale another file of the group has
    used_suppressions: set[Suppression] = field(default_factory=set, compare=False)
    _views: dict[tuple[Hashable, ...], Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    def others(self, article: Article) -> tuple[Article, ...]:
        return tuple(other for other in self.articles if other is not article)

    def shared(self, view: Callable[..., T], *args: Hashable) -> T:
        """`view(self, *args)`, computed once for all the rules that read it (a group lives for one check)."""
        key = (view, *args)
        if key not in self._views:
            self._views[key] = view(self, *args)
        return self._views[key]  # type: ignore[no-any-return]

    @cached_property
    def source(self) -> Article | None:
        """The source-language file, when the group has one."""
        return next((a for a in self.articles if a.locale == self.source_locale), None)

    @cached_property
    def aligned_sections(self) -> tuple[AlignedSection, ...]:
        """The locales' section trees aligned with each other (`lint.align`), computed once for every rule."""
        from lint.align import align_sections

        return align_sections(self)

    @cached_property
    def newest(self) -> Revision | None:
        dated = [a.revision for a in self.articles if a.revision.handoff]
        return max(dated) if dated else None

    @cached_property
    def primary(self) -> Article:
        """The article a group-wide finding is reported on: the source, else the newest translation."""
        if self.source:
            return self.source
        return max(self.articles, key=lambda a: (a.revision.handoff is not None, a.revision, _negated(a.locale or "")))

    def verdict(self, value: Callable[[Article], V]) -> Verdict[V] | None:
        """None when every locale agrees; else the reference value and the locales that deviate.

        The reference is the source file's value; else the value that every translation made from
        a newer source revision than all the others shares (two of them at least, so that one
        translator's slip is not taken for a change of the source); else the majority's.
        """
        if len(self.articles) < 2:
            return None
        found = [value(article) for article in self.articles]
        if found.count(found[0]) == len(found):
            return None
        sides: dict[V, list[Article]] = {}
        for article, seen in zip(self.articles, found, strict=True):
            sides.setdefault(seen, []).append(article)
        if self.source:
            reference, basis = found[self.articles.index(self.source)], "source"
        else:
            newer = [v for v, holders in sides.items() if len(holders) >= 2 and self._newer_than_rest(holders)]
            if newer:
                reference, basis = newer[0], "revision"
            else:
                ranked = sorted(sides.items(), key=lambda side: (-len(side[1]), -max(a.revision.handoff is not None for a in side[1])))
                reference = ranked[0][0]
                basis = "tie" if len(ranked[1][1]) == len(ranked[0][1]) else "majority"
        holders = tuple(sides[reference])
        return Verdict(reference, basis, holders, self._all_but(holders))

    def _all_but(self, articles: Iterable[Article]) -> tuple[Article, ...]:
        """The group's other articles, told apart by identity: comparing two articles field by field is slow."""
        left_out = set(map(id, articles))
        return tuple(article for article in self.articles if id(article) not in left_out)

    def _newer_than_rest(self, holders: list[Article]) -> bool:
        rest = self._all_but(holders)
        dates = [a.revision.handoff for a in holders]
        other_dates = [a.revision.handoff for a in rest]
        if None in dates or None in other_dates:
            return False
        return min(d for d in dates if d) > max(d for d in other_dates if d)

    def stale_note(self, article: Article, verdict: Verdict[V]) -> str:
        """Why an older translation differs: `this file was translated from …; ru-RU, zh-CN from a newer one`."""
        newer = ", ".join(a.locale or a.path for a in verdict.holders)
        return f"this file was translated from revision {article.revision}; {newer} from a newer one"

    def related(self, articles: tuple[Article, ...], view: Callable[[Article], tuple[Location, str] | None]) -> tuple[Related, ...]:
        """What each of `articles` has at the aligned place (those where `view` finds nothing are left out)."""
        found = []
        for other in articles:
            seen = view(other)
            if seen is not None:
                found.append(Related(other.locale or "", seen[0], seen[1]))
        return tuple(found)

    def from_source(self, findings: Iterable[Finding]) -> Iterator[Finding]:
        """The findings, except that a quirk every locale has (same key) comes from the source: it is
        given once, as info, on the primary article."""
        found = list(findings)
        paths: dict[str, set[str]] = {}
        for finding in found:
            paths.setdefault(finding.key, set()).add(finding.loc.path)
        everywhere = {key for key, where in paths.items() if len(self.articles) > 1 and len(where) == len(self.articles)}
        given: set[str] = set()
        for finding in found:
            if finding.key not in everywhere:
                yield finding
            elif finding.loc.path == self.primary.path and finding.key not in given:
                given.add(finding.key)
                message = f"{finding.message}; every locale has this, so it comes from the source"
                yield replace(finding, message=message, severity=Severity.INFO, related=())


def _negated(text: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in text)
