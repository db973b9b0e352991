"""Where is English in this text? A deterministic function-word detector for every locale.

Latin letters prove nothing in French or German, so a run of words counts as English only when
English function words ("the", "is", "that"…) make it up, and a function word of the locale's own
language cuts the run: "activation en volume" never joins "for the" into one span. Words of a
non-Latin script cut runs too, so an English sentence in Japanese text is found with its exact
bounds. Capitalised words (product names) neither count nor dilute; names learnt from the other
locales and the glossary are passed in as neutral spans and count for nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count, repeat
from operator import not_

from lint.function_words import ALL_FOREIGN, ENGLISH, FUNCTION_WORDS
from lint.text import line_starts, texts_matched

_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_LATIN_WORD = rf"[{_LATIN}]++(?:['’][{_LATIN}]++)*+"  # possessive: a word never gives letters back, so sre keeps no state to backtrack to
_WORD = re.compile(rf"(?P<latin>{_LATIN_WORD})|[^\W\d_{_LATIN}]+")  # a script change ends a word
_LATIN_WORDS = re.compile(_LATIN_WORD)
_STARTS_WORD = re.compile(rf"(?<![{_LATIN}])(?<![{_LATIN}]['’])")  # where a `words_of` word may start
_LETTERS = re.compile(r"[^\W\d_]+")
_LATIN_LETTERS = re.compile(f"[{_LATIN}]+")
_OTHER_LETTERS = re.compile(rf"[^\W\d_{_LATIN}]+")
_PARENTHESIS_AHEAD = re.compile(r"[\s.!?:;,。．]{0,8}[(（]")
_LOWER_PAIR = re.compile(r"[a-z](?<![A-Za-z].)[a-z]{2,}[ \t]+[a-z]{3,}")  # the letter first: a search skips other letters fast
_CJK_PUNCTUATION = re.compile(r"[\u3000-\u303F\uFF00-\uFFEF]")
_SENTENCE_BREAK = re.compile(r"[\u3000-\u303F\uFF00-\uFFEF()\[\]]|[.!?;:]\s")  # runs are judged together again across these
_CUTS_RUN = re.compile(rf"[^\W\d_{_LATIN}]|{_SENTENCE_BREAK.pattern}")  # a sentence break, or a word of another script
_NOT_PROSE = re.compile(
    r"https?://\S+|www\.\S+"  # URLs
    r"|0[xX][0-9A-Fa-f]{8}"  # error codes
    r"|<[^<>\s][^<>]{0,80}>"  # placeholders such as <product key>
    r"|[/-](?<![\w/][/-])[/-]?[A-Za-z][\w:=-]*"  # command switches: /ato, -type=all (a slash or dash first: most places have none)
    r"|\b(?:\w++(?:[.\\:]\w++)++\b"  # file names, paths, hosts: slmgr.vbs, C:\Windows, _vlmcs._tcp
    r"|[^\W\d_]*+[\d_]\w*+)"  # identifiers: show_all, x64, R2, KB929712 (a word with a digit or _, found without backtracking)
)
# every `_NOT_PROSE` match holds one of these characters, or a dot between a word character and one that is no space
_NOT_PROSE_MARK = re.compile(r"[\d_/<\\:-]")
_DOT_IN_NAME = re.compile(r"\.(?<=\w\.)\S")  # the dot first: a search skips to each dot fast


@dataclass(frozen=True)
class Thresholds:
    """A run is English with at least `words` words, `hits` English function words among them,
    `ratio` of its lower-case words being function words and `content` lower-case other words of 3+ letters."""

    words: int = 3
    hits: int = 2
    ratio: float = 0.2
    content: int = 0


STRICT = Thresholds()
# Where Latin letters stand out (Cyrillic, CJK text) or the other locales translate the text: "Restart the computer"
LOOSE = Thresholds(words=2, hits=1, content=1)
# Where Latin letters stand out, two lower-case words need no function word: "DNS server failure"
BARE = Thresholds(words=2, hits=0, ratio=0.0, content=2)


def language_of(locale: str | None) -> str:
    return (locale or "").split("-")[0].lower()


def mask_not_prose(text: str) -> str:
    """`text` with URLs, error codes, placeholders, command switches and file names blanked out (offsets kept)."""
    if not _NOT_PROSE_MARK.search(text) and not _DOT_IN_NAME.search(text):  # half the texts: two scans many times faster
        return text
    return _NOT_PROSE.sub(lambda m: " " * len(m.group()), text)


@lru_cache(maxsize=64)
def word_sets(language: str, latin_script: bool) -> tuple[frozenset[str], frozenset[str]]:
    """(English function words, the locale's own function words) for a language.

    A Latin-script language without a word list of its own is cut at every listed language's words,
    and none of them counts as English; a non-Latin one needs no cutting: its words are not Latin.
    """
    foreign = FUNCTION_WORDS.get(language, ALL_FOREIGN if latin_script else frozenset())
    return ENGLISH - foreign, foreign


def english_spans(
    text: str,
    language: str = "",
    latin_script: bool = True,
    neutral: Sequence[tuple[int, int]] = (),
    thresholds: Sequence[Thresholds] = (STRICT,),
) -> list[tuple[int, int]]:
    """(start, end) offsets of the English runs in `text`; words inside `neutral` spans count for nothing.

    Runs joined only by sentence punctuation or by words that are English as well as the locale's
    own ("a", "on" in French) are judged together, without those words: "Restart the server on a
    computer that has the key" is one English span in French text. Runs at either end of such a
    chain with no English function word are left out of the span.
    """
    english, foreign = word_sets(language, latin_script)
    if not might_be_english(text, language, latin_script):
        return []
    bare = any(limits.hits == 0 for limits in thresholds)
    spans = []
    for chain in _chains(text, list(_runs(text, foreign))):
        counted = [
            [w[0].replace("’", "'") for w in run if not _is_acronym(w[0]) and not (neutral and _inside(w, neutral))] for run in chain
        ]
        with_english = [index for index, words in enumerate(counted) if not english.isdisjoint(w.lower() for w in words)]
        if not with_english and bare:
            with_english = [0, len(chain) - 1]
        if not with_english:
            continue
        first, last = with_english[0], with_english[-1]
        words = [word for run in counted[first : last + 1] for word in run]
        if _passes(words, english, thresholds):
            spans.append((chain[first][0].start(), chain[last][-1].end()))
    return spans


def _chains(text: str, runs: list[list[re.Match[str]]]) -> Iterable[list[list[re.Match[str]]]]:
    chain: list[list[re.Match[str]]] = []
    for run in runs:
        if chain and not _bridge(text[chain[-1][-1].end() : run[0].start()]):
            yield chain
            chain = []
        chain.append(run)
    if chain:
        yield chain


def _bridge(gap: str) -> bool:
    """Whether the text between two runs is only sentence punctuation, or words that are English as well as the locale's own."""
    return all(word.lower() in ENGLISH for word in _WORD.findall(gap)) and not _CJK_PUNCTUATION.search(gap)


def _is_acronym(word: str) -> bool:
    """KMS, DNS, IF NOT EXISTS: names and keywords, neither English prose nor the locale's."""
    return word.isupper() and len(word) > 1


def might_be_english(text: str, language: str = "", latin_script: bool = True) -> bool:
    """False when no English function word is in `text`, nor, in another script, two lower-case Latin words
    in a row: nothing to look at (a quick test)."""
    if not latin_script and _LOWER_PAIR.search(text):
        return True
    english = word_sets(language, latin_script)[0]
    return not _surely_without(english, text) and _holds_any(english, text)


def might_be_english_at(texts: Sequence[str], language: str = "", latin_script: bool = True) -> set[int]:
    """The indices of the `texts` that `might_be_english`, the quick test of their ASCII letters made for them all
    in C; two lower-case Latin words in a row are found by one search of them all, each after a line break."""
    english = word_sets(language, latin_script)[0]
    whole = "\n" + "\n".join(texts)
    if latin_script and _surely_without(english, whole):  # most Latin-script articles: one test for them all
        return set()
    found = {index for index in _not_surely_without(english, texts) if _holds_any(english, texts[index])}
    return found | set(texts_matched(_LOWER_PAIR, whole, line_starts(texts))) if not latin_script else found


def _holds_any(english: frozenset[str], text: str) -> bool:
    """Whether one of the `english` words is a `words_of` word of the lower-cased text."""
    return not english.isdisjoint(_LATIN_WORDS.findall(text.lower()))


# for bytes.translate: ASCII letters lower-cased, every other byte (those of UTF-8 sequences too) a space
_ASCII_LETTERS_ONLY = bytes(byte | 0x20 if chr(byte).isalpha() and byte < 128 else 32 for byte in range(256))


def _surely_without(english: frozenset[str], text: str) -> bool:
    """Whether `text` surely has none of the `english` words among its lower-case `words_of` words, told from its
    ASCII letters alone (a pass in C): each such word, or its part before an apostrophe, is a stretch of them."""
    stretches = text.encode("utf-8", "surrogatepass").translate(_ASCII_LETTERS_ONLY).split()
    return _leading_parts(english).isdisjoint(stretches)


def _not_surely_without(english: frozenset[str], texts: Sequence[str]) -> Iterator[int]:
    """The indices of the texts `_surely_without` does not rule out, told without a Python step per text."""
    encoded = map(str.encode, texts, repeat("utf-8"), repeat("surrogatepass"))
    stretches = map(bytes.split, map(bytes.translate, encoded, repeat(_ASCII_LETTERS_ONLY)))
    return compress(count(), map(not_, map(_leading_parts(english).isdisjoint, stretches)))


@lru_cache(maxsize=64)
def _leading_parts(english: frozenset[str]) -> frozenset[bytes]:
    return frozenset(word.split("'")[0].encode() for word in english)


def _passes(words: list[str], english: frozenset[str], thresholds: Sequence[Thresholds]) -> bool:
    """Whether the words meet any of the thresholds, counted once for all of them."""
    hits = sum(word.lower() in english for word in words)
    lower = [word for word in words if word[0].islower()]
    content = sum(word.lower() not in english and len(word) > 2 for word in lower)
    ratio = hits / (len(lower) or 1)
    return any(
        len(words) >= limits.words and hits >= limits.hits and ratio >= limits.ratio and content >= limits.content for limits in thresholds
    )


def _runs(text: str, foreign: frozenset[str]) -> Iterable[list[re.Match[str]]]:
    """Runs of Latin words, cut at non-Latin words and at the locale's own function words."""
    run: list[re.Match[str]] = []
    for word in _LATIN_WORDS.finditer(text):  # the Latin words alone: other words only cut runs, as a letter of theirs in a gap tells
        if run and _breaks(text, run[-1].end(), word.start()):
            yield run
            run = []
        lowered = word[0].lower().replace("’", "'")
        if lowered not in foreign and lowered.split("'")[0] not in foreign:
            run.append(word)
        elif run:
            yield run
            run = []
    if run:
        yield run


def _breaks(text: str, start: int, end: int) -> bool:
    """Whether a sentence break or a letter of another script stands between `start` and `end`; neither does where one
    space does, as between most words."""
    return (end - start != 1 or text[start] != " ") and bool(_CUTS_RUN.search(text, start, end))


def _inside(word: re.Match[str], spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= word.start() and word.end() <= end for start, end in spans)


def is_english(text: str, language: str = "", latin_script: bool = True, thresholds: Sequence[Thresholds] = (STRICT,)) -> bool:
    return bool(english_spans(mask_not_prose(text), language, latin_script, thresholds=thresholds))


def words_of(text: str) -> list[str]:
    """The Latin words of a text, in order. In Latin-1 with no apostrophe, they are what is left between spaces once
    every other character is one (passes in C)."""
    if "'" not in text:
        try:
            return text.encode("latin-1").translate(_LATIN1_LETTERS_ONLY).decode("latin-1").split()
        except UnicodeEncodeError:
            pass
    return _LATIN_WORDS.findall(text)


# for bytes.translate of Latin-1 text: its Latin letters kept, every other byte a space
_LATIN1_LETTERS_ONLY = bytes(byte if _LATIN_WORDS.fullmatch(chr(byte)) else 32 for byte in range(256))


def phrase_in(text: str, phrase: Sequence[str]) -> bool:
    """Whether the `words_of` words of `text` hold the words of `phrase` one after the other."""
    at = text.find(phrase[0])
    while at >= 0:
        if _STARTS_WORD.match(text, at) and _words_from(text, at, phrase):
            return True
        at = text.find(phrase[0], at + 1)
    return False


def _words_from(text: str, at: int, words: Sequence[str]) -> bool:
    for word in words:
        found = _LATIN_WORDS.search(text, at)
        if found is None or found.group() != word:
            return False
        at = found.end()
    return True


def latin_words(text: str) -> list[re.Match[str]]:
    return list(_LATIN_WORDS.finditer(text))


def writes_latin(locale: str | None, texts: Iterable[str]) -> bool:
    """Whether a locale's texts are in Latin script: its language says so, or nearly all their letters are Latin
    (names and commands are, so a Korean page full of them still has far more than 5% Hangul)."""
    if language_of(locale) in FUNCTION_WORDS:
        return True
    text = " ".join(texts)
    return not _other_script_at_sight(text) and latin_share(text) >= 0.95


def _other_script_at_sight(text: str) -> bool:
    """Whether letters of other scripts make up over a sixteenth of the text, letters or not: its Latin share
    is then under 0.94, told from the first runs of such letters (Cyrillic and CJK text need no full count)."""
    seen = 0
    for run in _OTHER_LETTERS.finditer(text):
        seen += run.end() - run.start()
        if seen * 16 > len(text):
            return True
    return False


def latin_share(text: str) -> float:
    """The share of Latin letters among the letters of a text."""
    letters = sum(map(len, _LETTERS.findall(text)))
    return sum(map(len, _LATIN_LETTERS.findall(text))) / letters if letters else 1.0


def parenthesis_after(text: str, end: int) -> tuple[int, int] | None:
    """(open, close) offsets of the parenthesised text right after `end`; sentence punctuation may come between."""
    opening = _PARENTHESIS_AHEAD.match(text, end)
    if not opening:
        return None
    depth = 0
    for at in range(opening.end() - 1, len(text)):
        if text[at] in "(（":
            depth += 1
        elif text[at] in ")）":
            depth -= 1
            if depth == 0:
                return (opening.end() - 1, at)
    return None
