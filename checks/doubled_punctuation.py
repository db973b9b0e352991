import re
from collections.abc import Iterator

from lint.align import prose_blocks_with
from lint.finding import Edit, Finding
from lint.group import ArticleGroup
from lint.model import Block
from lint.registry import rule

_GAP = r"[ \t\xa0]*"
_DOUBLED = re.compile(
    rf"[,，]{_GAP}[,，]|[;；]{_GAP}[;；]|[:：]{_GAP}[:：](?!\w)|、{_GAP}、"
    rf"|(?<![./\\．。])[.．。]{_GAP}[.．。](?![./\\．。])"  # not an ellipsis, not ../ in a path
)
_MARKS = re.compile(rf"[,，;；:：、.．。]{_GAP}[,，;；:：、.．。]")  # what every doubling starts with; found far faster


@rule("WL802", severity="warning", fixable=True)
def doubled_punctuation(group: ArticleGroup) -> Iterator[Finding]:
    """The same punctuation mark twice in a row: `, ,`, `..`, `。.`, `;;`.

    Why: a word or a link was dropped between the two marks, or the sentence was pasted twice.
    An ellipsis (`...`) is not doubled punctuation; code is not checked. A doubling every locale
    has alike comes from the source: reported once, as info.
    Fix: the second mark and what separates it from the first are removed.
    Bad:  consultez l'article 929712 de la base de connaissances, , [Informations…](…)
    Good: consultez l'article 929712 de la base de connaissances, [Informations…](…)
    """
    findings = []
    for aligned, article, block, text in prose_blocks_with(group, _MARKS):
        for match in _DOUBLED.finditer(text):
            written = block.text[match.start() : match.end()]
            findings.append(
                Finding(
                    block.loc_at(match.start()),
                    f"doubled punctuation “{written}”: {block.text[max(0, match.start() - 30) : match.end() + 10]}",
                    locale=article.locale or "",
                    key=aligned.finding_key(f"punctuation:{written}"),
                    excerpt=written,
                    fixes=_fix(block, match.start(), written),
                )
            )
    yield from group.from_source(findings)


def _fix(block: Block, start: int, written: str) -> tuple[Edit, ...]:
    """Keep the first mark; only when the marks and the space between are written as they read."""
    first, last = block.loc_at(start), block.loc_at(start + len(written) - 1)
    if last.line != first.line or last.col - first.col != len(written) - 1 or "\xa0" in written:
        return ()
    return (Edit(first.line, first.col, written, written[0]),)
