from collections.abc import Iterator
from functools import partial
from statistics import median

from lint.finding import Finding, Severity
from lint.group import ArticleGroup
from lint.model import Article, Block, Location, Section
from lint.registry import rule
from lint.text import resemblance, shorten


@rule("WL705", severity="warning")
def quoted_error_differs(group: ArticleGroup, *, threshold: float = 60, agreement: float = 85) -> Iterator[Finding]:
    """The full error text quoted in a code's section disagrees with the code's summary-table message.

    Why: both quote the same message box; when they differ, one of them was pasted from another
    code or mistranslated, and readers cannot match what their screen says. Texts are compared
    character by character (every script); resemblance under `threshold` is a difference. When the
    two match poorly in the other locales too (median under `agreement`), the source has two
    versions of the text: reported once, as info.
    Bad:  |0x80070005 |Accès refusé. L’action demandée exige des privilèges plus élevés. |
          > Le nom DNS n’existe pas.
    Good: > Accès refusé. L’action demandée exige des privilèges plus élevés.
    """
    scores = {a.path: _scores(a) for a in group}
    for code in dict.fromkeys(code for a in group for code in scores[a.path]):
        odd = [a for a in group if code in scores[a.path] and scores[a.path][code][1] < threshold]
        from_source = [a for a in odd if _others_median(group, scores, a, code) < agreement]
        yield from (_finding(group, a, code, source=False) for a in odd if a not in from_source)
        if from_source:
            yield _finding(group, group.primary if code in scores[group.primary.path] else from_source[0], code, source=True)


def _scores(article: Article) -> dict[str, tuple[Block, float]]:
    """Per code: the quoted text's first paragraph and its resemblance to the table message."""
    found = {}
    for code, section in article.code_sections.items():
        row = article.aligned_row(code)
        quoted = _quoted(section)
        if row and row.message.text.strip() and quoted:
            found[code] = (quoted[0], resemblance(row.message.text, " ".join(block.text for block in quoted)))
    return found


def _quoted(section: Section) -> list[Block]:
    """The paragraphs of the first plain quote (not a note or a bold-titled box) before the first sub-heading."""
    blocks = section.blocks
    for index, block in enumerate(blocks):
        if block.kind == "quote" and not block.callout:
            inside = []
            for inner in blocks[index + 1 :]:
                if inner.depth <= block.depth:
                    break
                inside += [inner] if inner.kind == "paragraph" and inner.text.strip() else []
            return inside
    return []


def _others_median(group: ArticleGroup, scores: dict[str, dict[str, tuple[Block, float]]], article: Article, code: str) -> float:
    theirs = [scores[a.path][code][1] for a in group.others(article) if code in scores[a.path]]
    return median(theirs) if theirs else 100.0


def _finding(group: ArticleGroup, article: Article, code: str, *, source: bool) -> Finding:
    row = article.aligned_row(code)
    quoted = _quoted(article.code_sections[code])
    assert row is not None and quoted
    why = "; most locales differ the same way, so it comes from the source" if source else ""
    return Finding(
        quoted[0].loc_at(0),
        f"the quoted error text of {code} “{shorten(quoted[0].text)}” differs from its table message “{shorten(row.message.text)}” "
        f"(line {row.loc.line}){why}",
        locale=article.locale or "",
        related=() if source else group.related(group.others(article), partial(_quote_view, code=code)),
        key=f"{code}/quote-vs-message",
        severity=Severity.INFO if source else None,
    )


def _quote_view(other: Article, code: str) -> tuple[Location, str] | None:
    section = other.code_sections.get(code)
    quoted = _quoted(section) if section else []
    return (quoted[0].loc_at(0), quoted[0].text) if quoted else None
