from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from lint.align import block_map, who
from lint.drift import Change, Drift, drifts
from lint.finding import Finding
from lint.group import ArticleGroup
from lint.mentions import Mention
from lint.registry import rule


@rule("WL605", severity="error")
def number_differs(group: ArticleGroup, *, spelled_up_to: int = 12) -> Iterator[Finding]:
    """A number in a section differs from the aligned one in the other locales, or is missing.

    Why: ports, counts, limits and event IDs are facts; a changed digit tells readers to open
    the wrong port or wait for the wrong count. Numbers up to `spelled_up_to` are often written
    as words in one language and digits in another ("six ordinateurs", "6 台"), so such a number
    is reported only when it has changed: another stands in its place, or it follows the word a
    number of the other locales' aligned block follows, which this block has fewer times ("Windows 10"
    where they have "Windows 7" twice and this locale once).
    Bad:  vérifiez que le port TCP 1668 n'est pas bloqué   (the other locales: 1688)
    Good: vérifiez que le port TCP 1688 n'est pas bloqué
    """
    for drift in drifts(group, "numbers"):
        taken: Counter[str] = Counter()  # the reference's numbers already paired with one that replaced them
        for change in drift.changes:
            missing, extra = change.missing, change.extra
            holders = who(change.verdict.holders)
            if extra and not missing and _small(extra, spelled_up_to):
                change = replace(change, missing=_replaced(drift, change, extra, taken))
                missing = change.missing
            if missing and extra:
                message = f"{extra.text} where {holders} have {missing.text}"
            elif missing and not _small(missing, spelled_up_to):
                message = f"{missing.text} is missing here; {holders} have it"
            elif extra and not missing and not _small(extra, spelled_up_to):
                message = f"{extra.text} is only in this locale; {holders} do not have it here"
            else:
                continue
            yield drift.finding(group, change, message, "number")


def _small(mention: Mention, limit: int) -> bool:
    return mention.value.isdigit() and int(mention.value) <= limit


def _replaced(drift: Drift, change: Change, extra: Mention, taken: Counter[str]) -> Mention | None:
    """The reference's number that `extra` stands in place of: one its aligned block has more often than this
    locale's block (less those already `taken`), after the same word as `extra`."""
    holder = change.verdict.holders[0]
    reference = drift.aligned.get(holder)
    at = next((index for index, ours in block_map(reference, drift.section).items() if ours == extra.block), None) if reference else None
    if reference is None or at is None:
        return None
    theirs = [m for m in drift.mentions.get(id(holder), []) if m.block == at]
    shortfall = Counter(m.value for m in theirs) - Counter(m.value for m in drift.mentions[id(drift.article)] if m.block == extra.block)
    before = _words_before(drift.section.blocks[extra.block].text, extra.text)
    for mention in theirs:
        if shortfall[mention.value] > taken[mention.value] and before & _words_before(reference.blocks[at].text, mention.text):
            taken[mention.value] += 1
            return mention
    return None


def _words_before(text: str, number: str) -> set[str]:
    r"""The words right before each place `text` writes `number` ("Windows" for "Windows 7"), as the pattern
    `([^\W\d_]+)\s*(?<!\d)NUMBER(?!\d)` finds them for a number that starts and ends with a digit and holds no letter;
    walked back from each place `str.find` gives, without compiling a pattern per number."""
    words = set()
    at = text.find(number)
    while at >= 0:
        end = at + len(number)
        if end == len(text) or not text[end].isdecimal():
            word_end = at
            while word_end and text[word_end - 1].isspace():
                word_end -= 1
            word_start = word_end
            while word_start and _is_letter(text[word_start - 1]):
                word_start -= 1
            if word_start < word_end:
                words.add(text[word_start:word_end])
        at = text.find(number, at + 1)
    return words


def _is_letter(char: str) -> bool:
    r"""Whether the pattern class `[^\W\d_]` takes `char`."""
    return char.isalnum() and not char.isdecimal() and char != "_"
