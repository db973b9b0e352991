from collections.abc import Iterator

from lint.align import because, deviating_blocks, who
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
    for pair in deviating_blocks(group, lambda _, section: numbering(section)):
        expected, actual, verdict = pair.expected, pair.actual, pair.found.verdict
        if not expected.number or not actual.number or int(expected.number) == int(actual.number):
            continue
        suffix, cause = because(group, pair.article, verdict)
        starts, holders = _first_item(pair.section, actual), who(verdict.holders)
        message = (
            f"the list starts at {actual.number} where {holders} start it at {expected.number}"
            if starts
            else f"list item numbered {actual.number} where {holders} number it {expected.number} (it renders the same)"
        )
        yield Finding(
            actual.loc,
            message + suffix,
            locale=pair.article.locale or "",
            related=group.related(verdict.holders, block_view(pair.found.aligned, pair.found.reference, pair.reference_index)),
            key=pair.found.aligned.finding_key(f"list-number:{_ordinal(pair.found.reference, pair.reference_index)}"),
            cause=cause,
            severity=None if starts else Severity.INFO,
            fixes=(Edit(actual.loc.line, actual.loc.col, actual.number, expected.number),),
        )


def _first_item(section: Section, item: Block) -> bool:
    """Whether the item opens its list: the block before it is the list."""
    index = next(index for index, block in enumerate(section.blocks) if block is item)
    return index > 0 and section.blocks[index - 1].kind == "list" and section.blocks[index - 1].depth + 1 == item.depth


def _ordinal(section: Section, index: int) -> int:
    """Which list item of the section the block is, counted from 1: a key that survives edits to the text."""
    return sum(block.kind == "list-item" for block in section.blocks[: index + 1])
