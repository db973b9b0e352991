from collections.abc import Iterator

from lint.discover import locate
from lint.finding import Finding
from lint.group import ArticleGroup
from lint.registry import rule
from lint.text import canonical_locale

_LOCALE_KEYS = ("ms.contentlocale", "locale")


@rule("WL103", severity="error")
def front_matter_locale_mismatch(group: ArticleGroup) -> Iterator[Finding]:
    """The front matter declares a different locale from the one the file's path says.

    Why: the platform publishes the file under the front matter's locale, so readers of one
    language get another's text; the linter also groups and compares the file by it.
    Bad:  docs/fr-fr/activation.md with `ms.contentlocale: de-DE`
    Good: docs/fr-fr/activation.md with `ms.contentlocale: fr-FR`
    """
    for article in group:  # a duplicate is checked in a group of its own
        path_locale = locate(article.path).locale
        entry = next((e for key in _LOCALE_KEYS if (e := article.meta_entry(key))), None)
        if entry is None or not isinstance(entry.value, str) or path_locale is None:
            continue
        declared = canonical_locale(entry.value)
        if declared and declared != path_locale:
            yield Finding(
                entry.loc,
                f"{entry.key} says {entry.value} but the path says {path_locale}",
                locale=article.locale or "",
                key=f"locale/{declared}",
                excerpt=f"{entry.key}: {entry.value}",
            )
