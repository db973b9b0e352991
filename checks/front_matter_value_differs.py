from collections.abc import Iterator
from functools import partial

from lint.finding import Finding
from lint.group import ArticleGroup
from lint.model import Article, Location
from lint.registry import rule

# Keys whose values are the translation's own: its locale, its file id, its hand-off and its source revision.
PER_TRANSLATION = frozenset(
    {"ms.contentlocale", "locale", "ms.locfileid", "ms.lasthandoff", "ms.sourcegitcommit", "ms.openlocfilehash", "ms.translationtype"}
)


@rule("WL104", severity="info")
def front_matter_value_differs(group: ArticleGroup) -> Iterator[Finding]:
    """A front-matter value that the other locales write identically differs in this locale.

    Why: values such as the article date, topic type, author and owner are not translated; when
    the other locales agree on one, a different value here is a slip or a stale copy. Values every
    locale writes differently (title, description) are translations and never compared; nor are
    the keys that belong to each translation (locale, file id, hand-off, source revision).
    Bad:  ms.date: 9/18/2018   (the other locales: 9/18/2019)
    Good: ms.date: 9/18/2019
    """
    keys = dict.fromkeys(e.key for a in group for e in a.front_matter if e.key not in PER_TRANSLATION)
    for key in keys:
        verdict = group.verdict(partial(_value, key=key))
        if verdict is None or verdict.reference is None or verdict.basis == "tie" or len(verdict.holders) < 2:
            continue
        for article in verdict.deviating:
            entry = article.meta_entry(key)
            if entry is None:
                continue  # a missing key is WL102's
            note = f"; {group.stale_note(article, verdict)}" if verdict.stale else ""
            holders = ", ".join(a.locale or a.path for a in verdict.holders)
            yield Finding(
                entry.loc,
                f"{key} is {_shown(entry.value)} where {holders} have {_shown(verdict.reference)}{note}",
                locale=article.locale or "",
                related=group.related(verdict.holders, partial(_entry_view, key=key)),
                key=f"front-matter/{key}",
                excerpt=_shown(entry.value),
                cause="stale-revision" if verdict.stale else "",
            )


def _value(article: Article, key: str) -> str | tuple[str, ...] | None:
    entry = article.meta_entry(key)
    return entry.value if entry else None


def _shown(value: object) -> str:
    return ", ".join(value) if isinstance(value, tuple) else str(value)


def _entry_view(other: Article, key: str) -> tuple[Location, str] | None:
    entry = other.meta_entry(key)
    return (entry.loc, f"{key}: {_shown(entry.value)}") if entry else None
