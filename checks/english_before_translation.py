from collections.abc import Iterator, Sequence

from lint.finding import Edit, Finding
from lint.group import ArticleGroup
from lint.registry import rule
from lint.untranslated import GLOSSED, Fragment, english_of, quoted


@rule("WL402", severity="error", fixable=True)
def english_before_translation(group: ArticleGroup, *, glossary: Sequence[str] = ()) -> Iterator[Finding]:
    """English text kept in front of its own translation, which follows in parentheses.

    Why: the reader gets every sentence twice, the first time in a language they did not choose;
    the translator left the source in place and put the translation beside it.
    Fix: the English and the parentheses are removed and the translation kept, when they stand on
    one line with no markup between them.
    Bad:  ### 0xC004F06C The request timestamp is invalid (要求のタイムスタンプが無効です)
    Good: ### 0xC004F06C 要求のタイムスタンプが無効です
    """
    english = english_of(group, glossary)
    for fragment in english.fragments:
        if fragment.verdict != GLOSSED or fragment.gloss is None:
            continue
        elsewhere = english.elsewhere(fragment)
        translation = fragment.block.text[fragment.gloss[0] + 1 : fragment.gloss[1]].strip()
        yield Finding(
            fragment.loc,
            f"{fragment.place} keeps the English before its translation: {quoted(fragment.text)} ({quoted(translation, 40)})"
            + elsewhere.note,
            locale=fragment.article.locale or "",
            related=elsewhere.related,
            key=english.key(fragment, "english-glossed"),
            excerpt=fragment.text,
            fixes=_keep_translation(fragment, fragment.gloss, translation),
        )


def _keep_translation(fragment: Fragment, gloss: tuple[int, int], translation: str) -> tuple[Edit, ...]:
    """Replace `English. (translation)` by `translation` when it is one plain run of the source."""
    start, end = fragment.loc, fragment.block.loc_at(gloss[1])
    if start.line != end.line or end.col - start.col != gloss[1] - fragment.start or not translation:
        return ()
    return (Edit(start.line, start.col, fragment.block.text[fragment.start : gloss[1] + 1], translation),)
