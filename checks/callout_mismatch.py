from collections.abc import Iterator

from lint.align import who
from lint.finding import Finding
from lint.group import ArticleGroup
from lint.registry import rule
from lint.structure import callouts, describe, deviating_blocks


@rule("WL503", severity="warning")
def callout_mismatch(group: ArticleGroup) -> Iterator[Finding]:
    """A quote is a different kind of callout than the aligned quote in the other locales.

    Why: `> [!NOTE]` renders as a note box, `> **Home users**` as a quote with a bold title,
    `> [!WARNING]` as a warning; the kind tells readers how much the text matters. A quote
    missing altogether is WL502's.
    Bad:  > **Utilisateurs à domicile**    (the other locales: > [!NOTE])
    Good: > [!NOTE]
    """
    for pair in deviating_blocks(group, lambda _, section: callouts(section)):
        expected, actual, verdict = pair.expected, pair.actual, pair.found.verdict
        if expected.kind != "quote" or expected.callout == actual.callout:
            continue
        message = f"{describe(actual)} where {who(verdict.holders)} have a {describe(expected)}"
        yield pair.finding(group, message, f"callout:{expected.callout or 'quote'}")
