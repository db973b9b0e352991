from collections.abc import Iterator

from lint.finding import Finding
from lint.group import ArticleGroup
from lint.registry import rule


@rule("WL002", severity="error")
def duplicate_locale(group: ArticleGroup) -> Iterator[Finding]:
    """Two files of one article claim the same locale.

    Why: only one of them can be compared with the other locales; the other is checked on its own
    and its differences from the translations go unseen.
    Bad:  docs/fr-fr/x.md and docs/fr-fr-old/x.md both with `ms.contentlocale: fr-FR`.
    Good: one file per locale; drafts kept out of the tree or excluded in the configuration.
    """
    for duplicate in group.duplicates:
        first = next(a for a in group if a.locale == duplicate.locale)
        yield Finding(
            duplicate.loc,
            f"claims locale {duplicate.locale}, as {first.path} does; compared on its own",
            locale=duplicate.locale or "",
            key=f"locale/{duplicate.locale}",
        )
