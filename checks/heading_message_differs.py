import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, partial
from statistics import median

from lint.finding import Finding, Severity
from lint.group import ArticleGroup
from lint.model import Article, Location, Section
from lint.registry import rule
from lint.text import ROUNDING, resemblance, shorten, split_code_title, surely_over, surely_under

_REPEAT = 90  # resemblance at which a title or message is taken for a copy of another code's
_PARENTHESISED = re.compile(r"[(（]([^()（）]{4,})[)）]")


@rule("WL704", severity="warning")
def heading_message_differs(group: ArticleGroup, *, gap: float = 30, agreement: float = 85) -> Iterator[Finding]:
    """A code's section title and its summary-table message say clearly different things.

    Why: one of the two was pasted from another code or mistranslated; readers who compare them
    doubt they are in the right place. Texts are compared character by character (every script),
    and a pair counts as different when the title or the message matches another code's
    counterpart in the same file by `gap` points more than its own, or no better than unrelated
    pairs do. When title and message match poorly in the other locales too (their median
    resemblance is under `agreement`), the source paraphrases: reported once, as info.
    Bad:  |0xC004F074 |…aucun KMS n’a pu être contacté… |   ### 0xC004F074 Le nom DNS n’existe pas
    Good: ### 0xC004F074 Aucun service de gestion de clés (KMS) n’a pu être contacté
    """
    scores = {article.path: _Scores(article) for article in group}
    codes = dict.fromkeys(code for article in group for code in scores[article.path].titles)
    for code in codes:
        odd = [a for a in group if scores[a.path].differs(code, gap)]
        from_source = [a for a in odd if _others_median(group, scores, a, code) < agreement]
        yield from (_finding(group, scores[a.path], code, source=False) for a in odd if a not in from_source)
        if from_source:
            primary = group.primary if code in scores[group.primary.path].titles else from_source[0]
            yield _finding(group, scores[primary.path], code, source=True)


def _others_median(group: ArticleGroup, scores: dict[str, "_Scores"], article: Article, code: str) -> float:
    """How well title and message match in the other locales; 100 when there are none to ask."""
    theirs = [scores[a.path].score(code, code) for a in group.others(article) if code in scores[a.path].titles]
    return median(theirs) if theirs else 100.0


@dataclass
class _Scores:
    """Resemblance of section titles to table messages in one article, computed as they are needed."""

    article: Article
    titles: dict[str, str] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)
    variants: dict[str, list[str]] = field(default_factory=dict)
    _cache: dict[tuple[str, str], float] = field(default_factory=dict)
    _under: dict[tuple[str, str], float] = field(default_factory=dict)  # the lowest bar each pair was found under

    def __post_init__(self) -> None:
        for code, section in self.article.code_sections.items():
            split = split_code_title(section.title)
            row = self.article.aligned_row(code)
            if split and split[2].strip() and row and row.message.text.strip():
                self.titles[code], self.messages[code] = split[2], row.message.text
                self.variants[code] = _variants(split[2])

    def score(self, title_code: str, message_code: str, at_least: float = 0.0, *, bounded: bool = True) -> float:
        """Resemblance of a title to a message; a parenthesised translation may stand for the title.
        0 when it is under `at_least` (exact scores are kept, and for the others the bar they fell under);
        `bounded` as for `resemblance`."""
        key = (title_code, message_code)
        found = self._cache.get(key)
        if found is None:
            if self._under.get(key, 101.0) <= at_least:
                return 0.0
            message, found = self.messages[message_code], 0.0
            for variant in self.variants[title_code]:  # loops, not max() and all() over generators: hundreds of pairs
                found = max(found, resemblance(variant, message, at_least, bounded=bounded))
            if found >= at_least:
                self._cache[key] = found
            else:
                self._under[key] = at_least
        return found if found >= at_least else 0.0

    def surely_under(self, title_code: str, message_code: str, bar: float) -> bool:
        """Whether the score of a title to a message is known, or cheaply bounded, to be under `bar`."""
        key = (title_code, message_code)
        found = self._cache.get(key)
        if found is not None:
            return found < bar
        if self._under.get(key, 101.0) <= bar:
            return True
        message = self.messages[message_code]
        for variant in self.variants[title_code]:
            if not surely_under(variant, message, bar):
                return False
        self._under[key] = bar
        return True

    @cached_property
    def unrelated_pairs(self) -> list[tuple[str, str]]:
        """Each title's code with the codes far from it in the table, whose messages it has no reason to resemble."""
        codes = list(self.titles)
        shifts = {len(codes) * quarter // 4 for quarter in (1, 2, 3)} - {0}
        return [(code, codes[(index + shift) % len(codes)]) for index, code in enumerate(codes) for shift in shifts]

    @cached_property
    def unrelated(self) -> float:
        """The median resemblance of a title to the messages of codes far from it in the table: what chance gives."""
        pairs = [self.score(code, other) for code, other in self.unrelated_pairs]
        return median(pairs) if pairs else 0.0

    def under_chance(self, own: float) -> bool:
        """Whether `own < self.unrelated`, scoring the pairs only until enough fall on one side of `own` to settle the median;
        the pairs a cheap bound puts under `own` are counted first, and often settle it alone."""
        pairs = self.unrelated_pairs
        lower_middle, upper_middle = (len(pairs) - 1) // 2, len(pairs) // 2  # the median's indexes among the sorted scores
        under = over = 0
        doubtful = []
        for code, other in pairs:
            if not self.surely_under(code, other, own):
                doubtful.append((code, other))
            elif (under := under + 1) > upper_middle:
                return False
        for code, other in doubtful:
            score = self.score(code, other, own, bounded=False)  # exact from `own` up, 0 under it; the bound failed above
            under, over = under + (score < own), over + (score > own)
            if under > upper_middle:
                return False
            if over >= len(pairs) - lower_middle:
                return True
        return own < self.unrelated

    def has_rival(self, code: str, own: float, gap: float) -> bool:
        """Whether `code`'s title fits another code's message, or its message another code's title, `gap`
        points better than its own; scored until the first such rival (no rival counts as one scoring 0)."""
        if 0.0 - own >= gap:
            return True
        at_least = own + gap - ROUNDING  # a rival `gap` ahead may fall short of own + gap by float rounding
        for other in self.titles:  # a loop, not any() over generators: every pair is scored until the first rival
            if other != code and (self.score(code, other, at_least) - own >= gap or self.score(other, code, at_least) - own >= gap):
                return True
        return False

    def copied_from(self, code: str) -> tuple[str, str] | None:
        """("title" or "message", other code) when that text of `code` repeats another code's."""
        repeats = [
            (resemblance(texts[code], text, _REPEAT), which, other)  # under _REPEAT no score counts
            for which, texts in (("title", self.titles), ("message", self.messages))
            for other, text in texts.items()
            if other != code
        ]
        score, which, other = max(repeats, default=(0.0, "", ""))
        return (which, other) if score >= _REPEAT else None

    def differs(self, code: str, gap: float) -> bool:
        if code not in self.titles or surely_over(self.titles[code], self.messages[code], 100 - gap):
            return False  # most titles: a cheap bound shows what the next test would
        own = self.score(code, code)
        if own > 100 - gap:  # no rival can beat it by `gap`, and unrelated pairs score lower
            return False
        return self.has_rival(code, own, gap) or self.under_chance(own)


def _variants(title: str) -> list[str]:
    """The title, and each parenthesised part of it (`English title (translation)`)."""
    return [title, *(match.group(1) for match in _PARENTHESISED.finditer(title))]


def _finding(group: ArticleGroup, scores: _Scores, code: str, *, source: bool) -> Finding:
    article = scores.article
    row = article.aligned_row(code)
    assert row is not None
    copied = None if source else scores.copied_from(code)
    if source:
        why = "; most locales differ the same way, so it comes from the source"
    else:
        why = f"; the {copied[0]} repeats {copied[1]}'s" if copied else ""
    loc = row.message.loc_at(0) if copied and copied[0] == "message" else _title_loc(article.code_sections[code])
    return Finding(
        loc,
        f"the title of {code} “{shorten(scores.titles[code])}” and its table message “{shorten(scores.messages[code])}” "
        f"(line {row.loc.line}) say different things{why}",
        locale=article.locale or "",
        related=() if source else group.related(group.others(article), partial(_title_view, code=code)),
        key=f"{code}/title-vs-message",
        severity=Severity.INFO if source else None,
    )


def _title_loc(section: Section) -> Location:
    split = split_code_title(section.heading.text)
    return section.heading.loc_at(len(section.heading.text) - len(split[2])) if split else section.loc


def _title_view(other: Article, code: str) -> tuple[Location, str] | None:
    section = other.code_sections.get(code)
    return (section.loc, section.title) if section else None
