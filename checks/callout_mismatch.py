from collections.abc import Iterator

from lint.align import because, block_map, section_verdicts, who
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
    for found in section_verdicts(group, lambda _, section: callouts(section)):
        aligned, verdict, reference = found.aligned, found.verdict, found.reference
        for article, section in found.deviating:
            suffix, cause = because(group, article, verdict)
            for index, at in sorted(block_map(reference, section).items()):
                expected, actual = reference.blocks[index], section.blocks[at]
                if expected.kind != "quote" or expected.callout == actual.callout:
                    continue
                yield Finding(
                    actual.loc,
                    f"{describe(actual)} where {who(verdict.holders)} have a {describe(expected)}{suffix}",
                    locale=article.locale or "",
                    related=group.related(verdict.holders, block_view(aligned, reference, index)),
                    key=aligned.finding_key(f"callout:{expected.callout or 'quote'}"),
                    cause=cause,
                )
