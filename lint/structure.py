"""The structure of a section that translation must keep: notes, quotes, lists, list items, code blocks, tables."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from difflib import SequenceMatcher
from typing import NamedTuple

from lint.align import AlignedSection, SectionVerdict, because, block_map, section_verdicts, walk_aligned
from lint.finding import Edit, Finding
from lint.group import ArticleGroup
from lint.model import Article, Block, Location, Section

STRUCTURAL = frozenset(("quote", "list", "list-item", "code", "table"))
_CALLOUTS = {"": "quote", "bold": "bold-title quote"}


def skeleton(section: Section) -> tuple[tuple[str, int], ...]:
    """(kind, depth) of each structural block, in order."""
    return tuple([(block.kind, block.depth) for block in section.blocks if block.kind in STRUCTURAL])


def callouts(section: Section) -> tuple[str, ...]:
    return tuple([block.callout for block in section.blocks if block.kind == "quote"])


def describe(block: Block) -> str:
    """`[!NOTE] callout`, `bold-title quote`, `list of 3 items`, `code block`…"""
    if block.kind == "quote":
        return _CALLOUTS.get(block.callout, f"[!{block.callout}] callout")
    if block.kind == "list":
        return f"list of {block.items} items"
    return {"list-item": "list item", "code": "code block"}.get(block.kind, block.kind)


def excerpt(section: Section, index: int) -> str:
    """What a block says: its text, or for a quote or list item, the text of the first block inside."""
    block = section.blocks[index]
    for inner in section.blocks[index + 1 :]:
        if inner.depth <= block.depth:
            break
        if inner.text:
            return inner.text
    return block.text


def structure_diff(reference: Section, other: Section) -> Iterator[tuple[str, int]]:
    """("missing", reference block index) and ("extra", other block index) for the outermost
    structural blocks one side has and the other lacks."""
    first = [i for i, b in enumerate(reference.blocks) if b.kind in STRUCTURAL]
    second = [i for i, b in enumerate(other.blocks) if b.kind in STRUCTURAL]
    matcher = SequenceMatcher(None, skeleton(reference), skeleton(other), autojunk=False)
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            yield from (("missing", i) for i in _outermost(reference, first[a_start:a_end]))
        if tag in ("insert", "replace"):
            yield from (("extra", i) for i in _outermost(other, second[b_start:b_end]))


def _outermost(section: Section, indices: list[int]) -> list[int]:
    """The blocks of a run that no other block of the run contains."""
    if not indices:
        return []
    depth = min(section.blocks[i].depth for i in indices)
    return [i for i in indices if section.blocks[i].depth == depth]


def block_view(aligned: AlignedSection, reference: Section, index: int) -> Callable[[Article], tuple[Location, str] | None]:
    """For `ArticleGroup.related`: what each locale has at the place of reference block `index`."""

    def view(other: Article) -> tuple[Location, str] | None:
        section = aligned.get(other)
        at = block_map(reference, section).get(index) if section else None
        if section is None or at is None:
            return None
        block = section.blocks[at]
        return block.loc, f"{describe(block)}: {excerpt(section, at)}" if block.kind in STRUCTURAL else excerpt(section, at)

    return view


def numbering(section: Section) -> tuple[str, ...]:
    """The number of each item of the section's numbered lists ("" for a bulleted item); "01." is 1."""
    return tuple([str(int(block.number)) if block.number else "" for block in section.blocks if block.kind == "list-item"])


class BlockPair(NamedTuple):
    """A block of the reference's version of a section, and the block a deviating locale has in its place."""

    found: SectionVerdict
    article: Article  # the deviating locale
    section: Section  # its version of the section
    reference_index: int  # of `expected` in `found.reference.blocks`
    expected: Block
    actual: Block

    def finding(self, group: ArticleGroup, message: str, what: str, fixes: tuple[Edit, ...] = ()) -> Finding:
        """The finding on the deviating block: what the reference locales have in its place, and the stale revision when it explains it."""
        suffix, cause = because(group, self.article, self.found.verdict)
        return Finding(
            self.actual.loc,
            message + suffix,
            locale=self.article.locale or "",
            related=group.related(self.found.verdict.holders, block_view(self.found.aligned, self.found.reference, self.reference_index)),
            key=self.found.aligned.finding_key(what),
            cause=cause,
            fixes=fixes,
        )


def structure_verdicts(group: ArticleGroup, value: Callable[[Article, Section], Hashable]) -> Iterator[SectionVerdict]:
    """`section_verdicts` for a value read from the structural blocks alone: the sections none of whose versions has
    one (most) agree on it, so they are not asked."""
    return section_verdicts(group, value, group.shared(_structured))


def _structured(group: ArticleGroup) -> tuple[AlignedSection, ...]:
    return tuple(
        aligned
        for aligned in walk_aligned(group)
        if len(aligned.versions) > 1 and any(block.kind in STRUCTURAL for _, section in aligned.versions for block in section.blocks)
    )


def deviating_blocks(group: ArticleGroup, value: Callable[[Article, Section], Hashable]) -> Iterator[BlockPair]:
    """Every pair of aligned blocks (`block_map`) in the sections whose versions disagree on `value`, read from the
    structural blocks alone (`structure_verdicts`)."""
    for found in structure_verdicts(group, value):
        for article, section in found.deviating:
            for index, at in sorted(block_map(found.reference, section).items()):
                yield BlockPair(found, article, section, index, found.reference.blocks[index], section.blocks[at])
