from collections.abc import Iterator, Sequence

from lint.finding import Finding
from lint.group import ArticleGroup
from lint.registry import rule
from lint.untranslated import UNTRANSLATED, english_of, quoted


@rule("WL401", severity="error")
def untranslated_english(group: ArticleGroup, *, glossary: Sequence[str] = ()) -> Iterator[Finding]:
    """English left untranslated in a translated file: a sentence, heading, table cell, list item or link text.

    Why: readers of the translation get a sentence they may not understand, usually because a
    source update was pasted in and never sent for translation.
    English is told by its function words ("the", "that", "is"…), cut at the locale's own ("le",
    "de", "und"…) and at other scripts, so it is found in French as in Japanese. In Cyrillic and
    CJK text, where Latin letters stand out, two lower-case English words need no function word
    ("DNS server failure"). Code spans, commands, URLs and error codes are not prose; names every
    translation writes the same way (Windows Server, Key Management Service) and the configured
    glossary terms are not English.
    A heading whose title is its anchor word for word ("Possible cause" under `#possible-cause`)
    is the source's title when the other locales translate theirs (two words at least in Latin script).
    Bad:  Redémarrez le service de licences. Then run the activation wizard again.
    Good: Redémarrez le service de licences. Relancez ensuite l’assistant d’activation.
    """
    english = english_of(group, glossary)
    for fragment in english.fragments:
        if fragment.verdict != UNTRANSLATED:
            continue
        elsewhere = english.elsewhere(fragment)
        yield Finding(
            fragment.loc,
            f"untranslated English in a {fragment.place}: {quoted(fragment.text)}{elsewhere.note}",
            locale=fragment.article.locale or "",
            related=elsewhere.related,
            key=english.key(fragment, "english"),
            excerpt=fragment.text,
        )
