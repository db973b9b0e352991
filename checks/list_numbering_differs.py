from collections.abc import Iterator

from lint.align import because, block_map, section_verdicts, who
from lint.finding import Edit, Finding, Severity
from lint.group import ArticleGroup
from lint.model import Block, Section
from lint.registry import rule
from lint.structure import block_view, numbering


@rule("WL504", severity="warning", fixable=True)
def list_numbering_differs(group: ArticleGroup) -> Iterator[Finding]:
    """An item of a numbered list carries another number than the aligned item in the other locales.

    Why: the first item's number is where the list starts: `3.` there makes the steps read 3, 4, 5,
    and a reader looks for steps 1 and 2. Markdown ignores the numbers of the other items, so a
    renumbered later item renders the same and is only info. The fix writes the others' number.
    Bad:  3. Exécutez **slmgr /dti**     (the other locales: 1. …)
    Good: 1. Exécutez **slmgr /dti**
    """
    for found in section_verdicts(group, lambda _, section: numbering(section)):
        aligned, verdict, reference = found.aligned, found.verdict, found.reference
        for article, section in found.deviating:
            suffix, cause = because(group, article, verdict)
            for index, at in sorted(block_map(reference, section).items()):
                expected, actual = reference.blocks[index], section.blocks[at]
                if not expected.number or not actual.number or int(expected.number) == int(actual.number):
                    continue
                starts, holders = _first_item(section, at), who(verdict.holders)
                message = (
                    f"the list starts at {actual.number} where {holders} start it at {expected.number}"
                    if starts
                    else f"list item numbered {actual.number} where {holders} number it {expected.number} (it renders the same)"
                )
                yield Finding(
                    actual.loc,
                    message + suffix,
                    locale=article.locale or "",
                    related=group.related(verdict.holders, block_view(aligned, reference, index)),
                    key=aligned.finding_key(f"list-number:{_ordinal(reference, index)}"),
                    cause=cause,
                    severity=None if starts else Severity.INFO,
                    fixes=(Edit(actual.loc.line, actual.loc.col, actual.number, expected.number),),
                )


def _first_item(section: Section, index: int) -> bool:
    previous: Block | None = section.blocks[index - 1] if index else None
    return previous is not None and previous.kind == "list" and previous.depth + 1 == section.blocks[index].depth


def _ordinal(section: Section, index: int) -> int:
    """Which list item of the section the block is, counted from 1: a key that survives edits to the text."""
    return sum(block.kind == "list-item" for block in section.blocks[: index + 1])
