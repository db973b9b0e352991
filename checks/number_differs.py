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
    is reported only when it has changed: another stands in its place, or it stands where the
    aligned block of the other locales has a number this one has fewer times ("Windows 10" where
    they have "Windows 7" twice and this locale once).
    Bad:  vérifiez que le port TCP 1668 n'est pas bloqué   (the other locales: 1688)
    Good: vérifiez que le port TCP 1688 n'est pas bloqué
    """
    for drift in drifts(group, "numbers"):
        for change in drift.changes:
            missing, extra = change.missing, change.extra
            holders = who(change.verdict.holders)
            if extra and not missing and _small(extra, spelled_up_to):
                change = replace(change, missing=_replaced(drift, change, extra))
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


def _replaced(drift: Drift, change: Change, extra: Mention) -> Mention | None:
    """The reference's number that `extra` stands in place of: one its aligned block has more often than this locale's block."""
    holder = change.verdict.holders[0]
    reference = drift.aligned.get(holder)
    at = next((index for index, mine in block_map(reference, drift.section).items() if mine == extra.block), None) if reference else None
    if at is None:
        return None
    theirs = [m for m in drift.mentions.get(id(holder), []) if m.block == at]
    mine = Counter(m.value for m in drift.mentions[id(drift.article)] if m.block == extra.block)
    return next((m for m in theirs if Counter(t.value for t in theirs)[m.value] > mine[m.value]), None)
