import re
from collections.abc import Iterator
from functools import lru_cache

from lint.align import walk_aligned
from lint.finding import Finding
from lint.group import ArticleGroup
from lint.model import Article, Block, Location
from lint.registry import rule

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@rule("WL803", severity="warning")
def stray_end_tag(group: ArticleGroup) -> Iterator[Finding]:
    """An HTML end tag closes an element that was never opened.

    Why: renderers drop it or close an enclosing element early; it is usually left over from a
    conversion (`</li>` after a Markdown list item). Elements opened in one block and closed in
    a later one are fine. A stray tag every locale has alike comes from the source: reported
    once, as info.
    Bad:  1. Run **slmgr /dti** and note the installation ID. </li>
    Good: 1. Run **slmgr /dti** and note the installation ID.
    """
    strays = {id(article): stray_tags(article) for article in group}
    findings = []
    for aligned in walk_aligned(group):
        for article, section in aligned.versions:
            for loc, tag in strays[id(article)].get(id(section), []):
                message = f"stray end tag {tag}: no {tag.replace('/', '')} is open here"
                key = aligned.finding_key(f"stray-tag:{tag}")
                findings.append(Finding(loc, message, locale=article.locale or "", key=key, excerpt=tag))
    yield from group.from_source(findings)


def stray_tags(article: Article) -> dict[int, list[tuple[Location, str]]]:
    """End tags with no open element of their name, by id(section), in document order."""
    open_tags: list[str] = []
    found: dict[int, list[tuple[Location, str]]] = {}
    for section in article.walk():
        for block in (section.heading, *section.blocks):
            if not (block.inlines or block.kind == "html"):
                continue
            for loc, closing, name in _element_tags(block):
                if not closing:
                    open_tags.append(name)
                elif name in open_tags:
                    while open_tags.pop() != name:  # elements left open inside it close with it
                        pass
                else:
                    found.setdefault(id(section), []).append((loc, f"</{name}>"))
    return found


def _element_tags(block: Block) -> list[tuple[Location, bool, str]]:
    """The block's tags that open or close an element, in order: (where, closing, name); void tags such as `<br>` do neither."""
    found = [tag for tag in _block_tags(block) if tag[2] not in _VOID] if block.kind == "html" else []
    for inline in block.inlines:
        if inline.kind == "html" and (tag := _inline_element_tag(inline.raw)):
            found.append((inline.loc, tag[0], tag[1]))  # not (loc, *tag): a starred tuple is built through a list
    return found


def _block_tags(block: Block) -> Iterator[tuple[Location, bool, str]]:
    text, line, last_newline, scanned = block.text, block.loc.line, -1, 0
    for match in _TAG.finditer(text):
        start = match.start()
        if newlines := text.count("\n", scanned, start):
            line, last_newline = line + newlines, text.rfind("\n", scanned, start)
        scanned = start
        col = start - last_newline if last_newline >= 0 else block.loc.col + start
        yield Location(block.loc.path, line, col), bool(match.group(1)), match.group(2).lower()


@lru_cache(maxsize=1024)  # the same few tags, `</a>` above all, come back in every heading
def _inline_element_tag(raw: str) -> tuple[bool, str] | None:
    """(closing, name) of an inline tag that opens or closes an element; None for a void tag or what is no tag."""
    tag = _TAG.fullmatch(raw.strip())
    return (bool(tag.group(1)), tag.group(2).lower()) if tag and tag.group(2).lower() not in _VOID else None
