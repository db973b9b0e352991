from collections.abc import Iterator
from functools import partial

from lint.align import walk_aligned
from lint.finding import Edit, Finding, Related
from lint.group import ArticleGroup
from lint.model import Article, Location, Section
from lint.registry import rule


@rule("WL706", severity="error", fixable=True)
def heading_anchor_differs(group: ArticleGroup) -> Iterator[Finding]:
    """A code section's anchor differs from the anchor the other locales give the same section.

    Why: translations keep the source's anchors, so that links from the table, from other articles and
    from search land on the section in every language; a changed letter breaks all of them here.
    Sections are matched by their error code; a translation's section without `<a name>` is not
    compared, a source file's stands for the id its heading gets. Which locale is wrong is told as
    for every rule (the source, else the newest translations, else the majority).
    Fix: the reference anchor is written here, unless the locales split evenly.
    Bad:  ### <a name="0xc004f050-the-software-protection-servce-reported-that-the-product-key-is-invalid"></a>0xC004F050 …
    Good: ### <a name="0xc004f050-the-software-protection-service-reported-that-the-product-key-is-invalid"></a>0xC004F050 …
    """
    for aligned in walk_aligned(group):
        anchors = {id(article): _anchor(group, article, section) for article, section in aligned.versions if section.code}
        if not anchors or len(anchors) == len(group) and len(set(anchors.values())) == 1:
            continue  # no code section here, or the same anchor in every locale
        verdict = group.verdict(partial(_looked_up, anchors=anchors))
        if verdict is None or verdict.reference is None:
            continue
        holders = [aligned.get(holder) for holder in verdict.holders]
        for article in verdict.deviating:
            section = aligned.get(article)
            if section is None or not section.anchor or not section.code:
                continue
            where = _anchor_loc(section)
            reference = next((s.anchor for s in holders if s and s.anchor.lower() == verdict.reference), verdict.reference)
            note = f"; {group.stale_note(article, verdict)}" if verdict.stale else ""
            yield Finding(
                where,
                f"anchor #{section.anchor} of {section.code}'s section differs from #{reference}{note}",
                locale=article.locale or "",
                related=tuple(_related(holder, theirs) for holder, theirs in zip(verdict.holders, holders, strict=True) if theirs),
                key=f"{section.code}/anchor",
                excerpt=section.anchor,
                fixes=(Edit(where.line, where.col, section.anchor, reference),) if where != section.loc and verdict.basis != "tie" else (),
                cause="stale-revision" if verdict.stale else "",
            )


def _related(holder: Article, section: Section) -> Related:
    return Related(holder.locale or "", section.loc, f"#{section.anchor or section.auto_id}")


def _looked_up(article: Article, anchors: dict[int, str | None]) -> str | None:
    return anchors.get(id(article))


def _anchor(group: ArticleGroup, article: Article, section: Section) -> str | None:
    """The section's anchor; for a source file's heading without one, the id a renderer gives it."""
    if section.anchor:
        return section.anchor.lower()
    return section.auto_id if article is group.source else None


def _anchor_loc(section: Section) -> Location:
    """Where the anchor's name is written in the heading; the heading when it cannot be told."""
    for inline in section.heading.inlines:
        at = inline.raw.find(f'"{section.anchor}"') + 1 if inline.kind == "html" else 0
        if at:
            return Location(inline.loc.path, inline.loc.line, inline.loc.col + at)
    return section.loc
