from collections.abc import Iterator

from lint.align import because, heading_view, place_in, section_label, who
from lint.finding import Finding
from lint.group import ArticleGroup
from lint.registry import rule
from lint.structure import block_view, describe, excerpt, skeleton, structure_diff, structure_verdicts


@rule("WL502", severity="error")
def block_mismatch(group: ArticleGroup) -> Iterator[Finding]:
    """A note, quote, list, list item, code block or table is missing from a section, or added.

    Why: a dropped note or step is advice this locale's readers never get; an added one is
    content nobody reviewed against the source. Sections are compared as aligned across
    locales, their blocks by position.
    Bad:  ## Outil de diagnostic            (no note; the other locales open the section with one)
    Good: ## Outil de diagnostic
          > [!NOTE]
          > Cet outil est destiné à…
    """
    for found in structure_verdicts(group, lambda _, section: skeleton(section)):
        aligned, verdict, reference = found.aligned, found.verdict, found.reference
        for article, section in found.deviating:
            suffix, cause = because(group, article, verdict)
            for side, index in structure_diff(reference, section):
                if side == "missing":
                    block, loc = reference.blocks[index], place_in(reference, index, section)
                    message = f"{describe(block)} missing in section {section_label(section)}; {who(verdict.holders)} have one here"
                    related = group.related(verdict.holders, block_view(aligned, reference, index))
                else:
                    block, loc = section.blocks[index], section.blocks[index].loc
                    what = f"{describe(block)} only in this locale: {_short(excerpt(section, index))}"
                    message = f"{what}; {who(verdict.holders)} have none here"
                    related = group.related(verdict.holders, heading_view(aligned))
                yield Finding(
                    loc,
                    message + suffix,
                    locale=article.locale or "",
                    related=related,
                    key=aligned.finding_key(f"structure:{side}-{block.kind}"),
                    cause=cause,
                )


def _short(text: str) -> str:
    return f"“{text[:60]}…”" if len(text) > 60 else f"“{text}”"
