from collections.abc import Iterator
from functools import partial

from lint.align import AlignedSection, because, heading_view, section_label, who
from lint.finding import Finding
from lint.group import ArticleGroup
from lint.model import Article, Location
from lint.registry import rule


@rule("WL501", severity="error")
def section_mismatch(group: ArticleGroup) -> Iterator[Finding]:
    """A section or subsection the other locales have is missing here, or only this locale has one.

    Why: a missing section is a cause, a resolution or an error code this locale's readers never
    see. Sections are aligned by error code, else anchor, else position inside the aligned parent.
    Bad:  ### 0xC004F039 …  followed by #### Cause possible only (no #### Solution)
    Good: ### 0xC004F039 …  with both #### Cause possible and #### Solution
    """
    yield from _children(group, None, group.aligned_sections)


def _children(group: ArticleGroup, parent: AlignedSection | None, children: tuple[AlignedSection, ...]) -> Iterator[Finding]:
    for child in children:
        verdict = None if len(child.versions) == len(group) else group.verdict(partial(_present, parent, child))
        if verdict is not None and verdict.reference is not None and verdict.basis != "tie":
            sample = child.get(verdict.holders[0] if verdict.reference else verdict.deviating[0])
            for article in verdict.deviating:
                if _present(parent, child, article) is None or sample is None:
                    continue
                suffix, cause = because(group, article, verdict)
                own = child.get(article)
                label = section_label(own or sample) + (f" (#{sample.anchor})" if sample.anchor and sample.title else "")
                inside = f" in {section_label(mine)}" if parent and (mine := parent.get(article)) else ""
                yield Finding(
                    own.loc if own else _insertion_point(article, parent, _following(children, child, verdict.holders[0])),
                    (f"section {label} is only in this locale; {who(verdict.holders)} have no such section here"
                     if own else f"section {label} is missing{inside}; {who(verdict.holders)} have it") + suffix,
                    locale=article.locale or "",
                    related=group.related(verdict.holders, heading_view(parent or child) if own else heading_view(child)),
                    key=child.finding_key("section"),
                    cause=cause,
                )  # fmt: skip
        yield from _children(group, child, child.children)


def _present(parent: AlignedSection | None, child: AlignedSection, article: Article) -> bool | None:
    """Whether `article` has the section; None when it lacks the parent too (reported there)."""
    if parent is not None and parent.get(article) is None:
        return None
    return child.get(article) is not None


def _following(siblings: tuple[AlignedSection, ...], child: AlignedSection, holder: Article) -> list[AlignedSection]:
    """The siblings after `child` in the order `holder`, which has it, writes them."""
    mine = child.get(holder)
    if mine is None:
        return []
    placed = [(section.loc.line, sibling) for sibling in siblings if (section := sibling.get(holder)) is not None]
    return [sibling for line, sibling in sorted(placed, key=lambda pair: pair[0]) if line > mine.loc.line]


def _insertion_point(article: Article, parent: AlignedSection | None, following: list[AlignedSection]) -> Location:
    """The heading of the next sibling this locale has, else the parent's heading, else the file."""
    for sibling in following:
        if (section := sibling.get(article)) is not None:
            return section.loc
    section = parent.get(article) if parent else None
    return section.loc if section else article.loc
