from collections.abc import Iterator

from lint.align import because, drifts, subject, who
from lint.finding import Finding
from lint.group import ArticleGroup
from lint.mentions import error_codes
from lint.registry import rule


@rule("WL606", severity="error")
def error_code_differs(group: ArticleGroup) -> Iterator[Finding]:
    """An error code mentioned in a section's text differs from the other locales', or is missing.

    Why: readers search for the code they see on screen; a mistyped or dropped code in a note
    hides the advice from them. The table's first column and the supported-codes list are
    compared by their own rules (WL2xx, WL301).
    Bad:  Si vous recevez une erreur 0x80072ee3 quand vous tentez de l'activer…
    Good: Si vous recevez une erreur 0x80072ee2 quand vous tentez de l'activer…
    """
    for drift in drifts(group, error_codes):
        suffix, cause = because(group, drift.article, drift.verdict)
        holders = who(drift.verdict.holders)
        for missing, extra in drift.pairs():
            if missing and extra:
                loc, message = extra.loc, f"{extra.text} where {holders} have {missing.text}"
            elif missing:
                loc, message = drift.place(missing), f"{missing.text} is not mentioned here; {holders} mention it"
            elif extra:
                loc, message = extra.loc, f"{extra.text} is mentioned only in this locale; {holders} do not mention it here"
            else:
                continue
            yield Finding(
                loc,
                message + suffix,
                locale=drift.article.locale or "",
                related=drift.related(group, missing.value if missing else None),
                key=drift.aligned.finding_key(f"code:{subject(missing, extra)}"),
                excerpt=extra.text if extra else "",
                cause=cause,
            )
