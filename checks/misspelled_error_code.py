import re
from collections.abc import Iterator

from lint.align import AlignedSection, prose_blocks_with
from lint.finding import Edit, Finding, Related
from lint.group import ArticleGroup
from lint.model import Article, Block
from lint.registry import rule
from lint.text import ERROR_CODE, MISREAD_DIGITS, normalise_code

_MISSPELLED = re.compile(r"0[xX](?<![0-9A-Za-z]0[xX])(?=[0-9A-Fa-f]*[OoIl])[0-9A-Fa-fOoIl]{8}(?![0-9A-Za-z])")  # 0x first: found fast


@rule("WL607", severity="error", fixable=True)
def misspelled_error_code(group: ArticleGroup) -> Iterator[Finding]:
    """An error code written with a letter where a digit belongs: `0xC004F05O`, `0x8007OOO5`, `0xC004F04l`.

    Why: the code no longer matches its table row, its section, the diagnostic tool's list or a reader's
    search, and every rule that follows codes loses it. `O` and `o` stand for 0, `l` and `I` for 1.
    Code spans and code blocks are not checked.
    Fix: the letters become the digits they stand for, when the code that gives is one the article
    has elsewhere in one of its locales.
    Bad:  |[0xC004F05O](#0xc004f050-the-software-licensing-service-reported-that-the-product-key-is-invalid) |
    Good: |[0xC004F050](#0xc004f050-the-software-licensing-service-reported-that-the-product-key-is-invalid) |
    """
    known: set[str] | None = None  # the codes the article has: gathered at the first misspelling only
    findings = []
    for aligned, article, block, text in prose_blocks_with(group, _MISSPELLED):
        for match in _MISSPELLED.finditer(text):
            written = match.group()
            meant = normalise_code(written.translate(MISREAD_DIGITS))
            where = block.loc_at(match.start())
            others = _written_elsewhere(aligned, article, meant)
            known = known if known is not None else {normalise_code(code) for version in group for code in _codes(version)}
            as_written = f", as {', '.join(r.locale for r in others)} write{'s' if len(others) == 1 else ''} it" if others else ""
            findings.append(
                Finding(
                    where,
                    f"{written} is not an error code: a letter stands where a digit belongs; {meant}{as_written}",
                    locale=article.locale or "",
                    related=others,
                    key=aligned.finding_key(f"misspelled:{meant}"),
                    excerpt=written,
                    fixes=_fix(block, match.start(), written) if meant in known else (),
                )
            )
    yield from group.from_source(findings)


def _codes(article: Article) -> Iterator[str]:
    yield from (code for row in article.table for code in (row.code, row.anchor_code) if code)
    yield from (section.code for section in article.walk() if section.code)
    yield from (code.text for code in article.code_list.codes) if article.code_list else ()


def _written_elsewhere(aligned: AlignedSection, article: Article, code: str) -> tuple[Related, ...]:
    """Where the other locales' aligned sections write `code`: the first block of each that has it."""
    found = []
    for other, section in aligned.versions:
        if other is article:
            continue
        block = next((b for b in (section.heading, *section.blocks) if _has(b, code)), None)
        if block is not None:
            found.append(Related(other.locale or "", block.loc, block.text))
    return tuple(found)


def _has(block: Block, code: str) -> bool:
    return any(normalise_code(match.group()) == code for match in ERROR_CODE.finditer(block.text))


def _fix(block: Block, start: int, written: str) -> tuple[Edit, ...]:
    """The lookalike letters replaced, the code's own `0x` and letter case kept."""
    first, last = block.loc_at(start), block.loc_at(start + len(written) - 1)
    if last.line != first.line or last.col - first.col != len(written) - 1:
        return ()
    return (Edit(first.line, first.col, written, written.translate(MISREAD_DIGITS)),)
