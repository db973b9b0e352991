from collections.abc import Iterator

from lint.align import who
from lint.drift import drifts
from lint.finding import Finding
from lint.group import ArticleGroup
from lint.registry import rule


@rule("WL606", severity="error")
def error_code_differs(group: ArticleGroup) -> Iterator[Finding]:
    """An error code mentioned in a section's text differs from the other locales', or is missing.

    Why: readers search for the code they see on screen; a mistyped or dropped code in a note
    hides the advice from them. The table's first column and the supported-codes list are
    compared by their own rules (WL2xx, WL301); the case of the hex digits does not count.
    Bad:  Si vous recevez une erreur 0x80072ee3 quand vous tentez de l'activer…
    Good: Si vous recevez une erreur 0x80072ee2 quand vous tentez de l'activer…
    """
    for drift in drifts(group, "error_codes"):
        for change in drift.changes:
            missing, extra = change.missing, change.extra
            holders = who(change.verdict.holders)
            if missing and extra:
                message = f"{extra.text} where {holders} have {missing.text}"
            elif missing:
                message = f"{missing.text} is not mentioned here; {holders} mention it"
            else:
                message = f"{extra.text if extra else ''} is mentioned only in this locale; {holders} do not mention it here"
            yield drift.finding(group, change, message, "code")
