"""What translation must carry over unchanged, as found in one section: link targets, commands,
numbers and error codes. Read from the model (visible text and inline spans), never from raw text."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Literal, NamedTuple
from urllib.parse import urlsplit

from lint.model import Article, Block, Inline, Location, Section
from lint.text import canonical_locale, line_starts, normalise_code, squash

# The look-behinds follow the first character: a pattern that starts with a character class is searched for far faster.
_NUMBER = re.compile(r"\d(?<![A-Za-z_\d]\d)(?:\d{0,2}(?:[ \u00a0\u202f]\d{3})+|\d*(?:[.,\u00a0\u202f]\d+)*)(?![A-Za-z_\d])")
_DIGIT = re.compile(r"\d")  # what a number and an error code start with
_THOUSANDS = re.compile(r"[ .,\u00a0\u202f](?=\d{3}(?!\d))")
_CODE = re.compile(r"0(?<![0-9A-Za-z]0)[xX][0-9A-Fa-f]{8}(?![0-9A-Fa-f])")
_PLACEHOLDER = re.compile(r"<[^<>\n]{1,80}>")
_COMMAND_LIKE = re.compile(r"[A-Za-z0-9]\.[A-Za-z]|(?:^|\s)[/-][A-Za-z]|\\|<…>|[A-Za-z0-9]_[A-Za-z0-9]")
_ESCAPABLE = "<>&\"'\xa0"  # characters a file may write as an HTML entity
_DOCS_HOSTS = ("docs.microsoft.com", "learn.microsoft.com")


class Mention(NamedTuple):  # not a dataclass: a group makes hundreds, and a frozen dataclass is built 5x slower
    """One thing a section says that must read the same in every locale."""

    value: str  # what is compared across locales
    loc: Location
    text: str  # as written
    block: int  # index of its block in `Section.blocks`


def span_ranges(block: Block, kinds: tuple[str, ...]) -> list[tuple[int, int]]:
    """Offsets in `block.text` of the visible text of each inline of `kinds`, in source order (one pass)."""
    ranges = []
    pieces, index = block.pieces, 0
    for inline in sorted((i for i in block.inlines if i.kind in kinds), key=lambda i: i.loc):
        at = (inline.loc.line, inline.loc.col)
        while index + 1 < len(pieces) and (pieces[index + 1].line, pieces[index + 1].col) <= at:
            index += 1
        if not pieces:
            break
        piece = pieces[index]
        piece_end = pieces[index + 1].offset if index + 1 < len(pieces) else len(block.text)
        inside = piece.offset + inline.loc.col - piece.col
        start = inside if piece.line == inline.loc.line and piece.offset <= inside < piece_end else piece_end
        start = 0 if (piece.line, piece.col) > at else start
        ranges.append((start, start + len(inline.text)))
    return ranges


def without_code(block: Block) -> str:
    """The block's text with its code spans blanked out (offsets unchanged)."""
    for inline in block.inlines:  # a loop, not any() over a generator: most blocks have no code, and every prose block is asked
        if inline.kind == "code":
            break
    else:
        return block.text
    text = list(block.text)
    for start, end in span_ranges(block, ("code",)):
        text[start:end] = " " * (end - start)
    return "".join(text)


@lru_cache(maxsize=4096)  # a group links to the same few pages from many sections and every locale
def link_target(url: str) -> tuple[str, str]:
    """(target, form): locale path segment dropped, docs links made site-relative; form says which it was."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower()
    segments = parts.path.split("/")
    if len(segments) > 1 and canonical_locale(segments[1]):
        del segments[1]
    path = "/".join(segments) + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    if host in _DOCS_HOSTS or (not host and path.startswith("/")):
        return path.lower(), "absolute" if host else "relative"
    return (f"{host}{path}" if host else path).lower(), "absolute" if host else "relative"


def command_text(text: str) -> str:
    """A command as compared across locales: placeholders such as `<ID de confirmation>` masked."""
    return _PLACEHOLDER.sub("<…>", squash(text))


def is_command(inline: Inline) -> bool:
    """A code span, or bold text that reads like a command, file name, switch, path or placeholder."""
    return inline.kind == "code" or (inline.kind == "strong" and bool(_COMMAND_LIKE.search(_PLACEHOLDER.sub("<…>", inline.text))))


@lru_cache(maxsize=4096)  # every locale writes the same numbers
def number_value(text: str) -> str:
    digits = text if text.isascii() else "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in text)
    return _THOUSANDS.sub("", digits).replace(",", ".")


class Mentions(NamedTuple):
    """Everything one section's own blocks mention, less what other rules compare (table row codes, the codes list), by kind."""

    links: list[Mention]  # value: the target (`link_target`)
    link_forms: list[Mention]  # value: the target and its form
    commands: list[Mention]  # value: `command_text`
    numbers: list[Mention]  # value: `number_value`
    error_codes: list[Mention]  # value: the normalised code

    @classmethod
    def none(cls) -> Mentions:
        return cls([], [], [], [], [])


Kind = Literal["links", "link_forms", "commands", "numbers", "error_codes"]


def sections_mentions(article: Article, sections: Iterable[Section]) -> dict[int, Mentions]:
    """What each of the article's sections mentions, by id(section), found in one walk over their blocks and one search
    of their joined text; a section that mentions nothing (most do not) is left out."""
    found: dict[int, Mentions] = {}
    skipped = article.structure_block_ids
    prose = []
    for section in sections:
        for index, block in enumerate(section.blocks):
            if id(block) in skipped:
                continue
            for inline in block.inlines:
                if inline.kind == "link":
                    target, form = link_target(inline.target)
                    mentions = _of(found, section)
                    mentions.links.append(Mention(target, inline.loc, inline.target, index))
                    mentions.link_forms.append(Mention(f"{target} {form}", inline.loc, inline.target, index))
                elif is_command(inline) and inline.text.strip():
                    _of(found, section).commands.append(Mention(command_text(inline.text), inline.loc, inline.raw, index))
            if block.kind not in ("code", "html"):
                prose.append((section, index, block))
    text = "\n".join([block.text for _, _, block in prose])  # no number or code reads across a line break
    first_digit = _DIGIT.search(text)
    if first_digit is None:
        return found
    starts = line_starts([block.text for _, _, block in prose])
    for pattern, kind, value in ((_NUMBER, "numbers", number_value), (_CODE, "error_codes", normalise_code)):
        for match in pattern.finditer(text, first_digit.start()):  # both start with a digit
            which = bisect_right(starts, match.start()) - 1
            section, index, block = prose[which]
            mention = Mention(value(match.group()), block.loc_at(match.start() - starts[which]), match.group(), index)
            getattr(_of(found, section), kind).append(mention)
    return found


def _of(found: dict[int, Mentions], section: Section) -> Mentions:
    mentions = found.get(id(section))
    if mentions is None:
        mentions = found[id(section)] = Mentions.none()
    return mentions


def plain_occurrences(section: Section, command: str) -> Iterator[tuple[Block, int, int]]:
    """Where a command (as `command_text` gives it) is written in the section outside bold and code."""
    pattern = re.compile(_plain_command_pattern(command), re.IGNORECASE)
    for block in section.blocks:
        covered = span_ranges(block, ("code", "strong", "link"))
        for match in pattern.finditer(block.text):
            if not any(start < match.end() and match.start() < end for start, end in covered):
                yield block, match.start(), match.end()


def _plain_command_pattern(command: str) -> str:
    """The pattern of a command written as plain text: its placeholders stand for any, its spaces for any white space."""
    written = _PLACEHOLDER.pattern.join(re.escape(part).replace(r"\ ", r"\s+") for part in command.split("<…>"))
    return rf"(?<![\w.\\/-]){written}(?![\w\\/-])"


def source_end(block: Block, end: int) -> Location | None:
    """Where the source text of `block.text[:end]` ends, when the model can tell exactly."""
    last = block.loc_at(end - 1)
    if block.text[end - 1] not in _ESCAPABLE:
        return Location(last.path, last.line, last.col + 1)
    after = block.loc_at(end) if end < len(block.text) else None
    if after is None or after.line != last.line:
        return None
    markup = [i.loc for i in block.inlines if i.loc.line == last.line and last.col < i.loc.col < after.col]
    return min(markup, default=after)


def unformatted(section: Section, missing: Iterable[Mention]) -> Iterator[tuple[Mention, tuple[Block, int, int] | None]]:
    """Each missing command with where the section writes it as plain text (None: nowhere)."""
    occurrences: dict[str, Iterator[tuple[Block, int, int]]] = {}
    for mention in missing:
        yield mention, next(occurrences.setdefault(mention.value, plain_occurrences(section, mention.value)), None)
