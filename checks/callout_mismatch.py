from collections.abc import Iterator

from lint.align import because, deviating_blocks, who
from lint.finding import Finding
from lint.group import ArticleGroup
from lint.registry import rule
from lint.structure import block_view, callouts, describe


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
        suffix, cause = because(group, pair.article, verdict)
        yield Finding(
            actual.loc,
            f"{describe(actual)} where {who(verdict.holders)} have a {describe(expected)}{suffix}",
            locale=pair.article.locale or "",
            related=group.related(verdict.holders, block_view(pair.found.aligned, pair.found.reference, pair.reference_index)),
            key=pair.found.aligned.finding_key(f"callout:{expected.callout or 'quote'}"),
            cause=cause,
        )
