from collections.abc import Iterator, Sequence

from lint.finding import Finding
from lint.group import ArticleGroup
from lint.registry import rule
from lint.untranslated import LINK, english_of, quoted


@rule("WL403", severity="warning")
def english_link_text(group: ArticleGroup, *, glossary: Sequence[str] = ()) -> Iterator[Finding]:
    """A link text left in English with a translation in parentheses, where other locales translate the link.

    Why: the gloss tells readers the linked page is in English only, but the other locales link
    the same page with a translated title: it exists in their language, and likely in this one.
    A gloss is fine when no other locale translates the link (an English-only page).
    Bad:  см. статью [Common troubleshooting procedures](troubleshoot-kms.md) (Типичные процедуры)
    Good: см. статью [Типичные процедуры устранения неполадок](troubleshoot-kms.md)
    """
    english = english_of(group, glossary)
    for fragment in english.fragments:
        if fragment.verdict != LINK:
            continue
        elsewhere = english.elsewhere(fragment)
        yield Finding(
            fragment.loc,
            f"link text left in English with a translation in parentheses: {quoted(fragment.text)}{elsewhere.note}",
            locale=fragment.article.locale or "",
            related=elsewhere.related,
            key=english.key(fragment, "english-link"),
            excerpt=fragment.text,
        )
