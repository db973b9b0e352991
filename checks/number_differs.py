from collections.abc import Iterator

from lint.align import who
from lint.drift import drifts
from lint.finding import Finding
from lint.group import ArticleGroup
from lint.mentions import Mention
from lint.registry import rule


@rule("WL605", severity="error")
def number_differs(group: ArticleGroup, *, spelled_up_to: int = 12) -> Iterator[Finding]:
    """A number in a section differs from the aligned one in the other locales, or is missing.

    Why: ports, counts, limits and event IDs are facts; a changed digit tells readers to open
    the wrong port or wait for the wrong count. Numbers up to `spelled_up_to` are often written
    as words in one language and digits in another ("six ordinateurs", "6 台"), so only a
    changed one is reported, never a missing or added one.
    Bad:  vérifiez que le port TCP 1668 n'est pas bloqué   (the other locales: 1688)
    Good: vérifiez que le port TCP 1688 n'est pas bloqué
    """
    for drift in drifts(group, "numbers"):
        for change in drift.changes:
            missing, extra = change.missing, change.extra
            holders = who(change.verdict.holders)
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
