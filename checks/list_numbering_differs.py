from collections.abc import Iterator

from lint.align import who
from lint.finding import Edit, Finding
from lint.group import ArticleGroup
from lint.model import Block, Section
from lint.registry import rule
from lint.structure import deviating_blocks, numbering, skeleton


@rule("WL504", severity="warning", fixable=True)
def list_numbering_differs(group: ArticleGroup) -> Iterator[Finding]:
    """A numbered list starts at another number than the aligned list in the other locales.

    Why: the first item's number is where the list starts: `3.` there makes the steps read 3, 4, 5,
    and a reader looks for steps 1 and 2. Markdown ignores the numbers of the other items, so they
    are not compared. Lists are compared only in sections whose lists and items the locales all
    have (a missing item is WL502's). The fix writes the others' start when it is 1 and no wider
    than this one (a list starting elsewhere cannot follow a paragraph line, and a wider number
    would push the item's next lines out of it).
    Bad:  3. Exécutez **slmgr /dti**     (the other locales: 1. …)
    Good: 1. Exécutez **slmgr /dti**
    """
    for pair in deviating_blocks(group, lambda _, section: numbering(section)):
        expected, actual, verdict = pair.expected, pair.actual, pair.found.verdict
        if not expected.number or not actual.number or int(expected.number) == int(actual.number):
            continue
        if not _opens_list(pair.section, actual) or skeleton(pair.section) != skeleton(pair.found.reference):
            continue
        safe = int(expected.number) == 1 and len(expected.number) <= len(actual.number)
        yield pair.finding(
            group,
            f"the list starts at {actual.number} where {who(verdict.holders)} start it at {expected.number}",
            f"list-start:{_ordinal(pair.found.reference, pair.reference_index)}",
            (Edit(actual.loc.line, actual.loc.col, actual.number, expected.number),) if safe else (),
        )


def _opens_list(section: Section, item: Block) -> bool:
    """Whether the item is its list's first: the block before it is the list."""
    index = next(index for index, block in enumerate(section.blocks) if block is item)
    return index > 0 and section.blocks[index - 1].kind == "list" and section.blocks[index - 1].depth + 1 == item.depth


def _ordinal(section: Section, index: int) -> int:
    """Which list item of the section the block is, counted from 1: a key that survives edits to the text."""
    return sum(block.kind == "list-item" for block in section.blocks[: index + 1])
