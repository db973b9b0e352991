from collections.abc import Iterator

from lint.finding import Finding
from lint.group import ArticleGroup
from lint.model import Inline
from lint.registry import rule
from lint.text import squash
from lint.vocabulary import Vocabulary


@rule("WL209", severity="warning")
def activation_type_variants(group: ArticleGroup) -> Iterator[Finding]:
    """One locale writes the same activation type two ways in the summary table.

    Why: readers take two words for two things ("Cliente KMS" and "Cliente de KMS" look like two
    kinds of client). Items are told apart by what they align with in the other locales' rows,
    so a locale's own consistent wording is never reported; case and white space are ignored.
    Bad:  |…|MAK<br />Cliente KMS |  and elsewhere  |…|MAK<br />Cliente de KMS |
    Good: the same words for the same type in every row.
    """
    vocabulary = group.shared(Vocabulary.of)
    for article in group:
        spellings: dict[str, dict[str, list[Inline]]] = {}
        for row in article.table:
            for item in row.activation_types:
                spellings.setdefault(vocabulary.concept(article, item), {}).setdefault(squash(item.text), []).append(item)
        for variants in spellings.values():
            if len(variants) < 2:
                continue
            usual, *rare = sorted(variants.values(), key=len, reverse=True)
            for items in rare:
                counts = f"“{items[0].text}” here ({_rows(len(items))}), “{usual[0].text}” in {_rows(len(usual))}"
                yield Finding(
                    items[0].loc,
                    f"{counts}: one activation type written two ways",
                    locale=article.locale or "",
                    key=f"activation-type/{squash(items[0].text)}",
                    excerpt=items[0].text,
                )


def _rows(count: int) -> str:
    return f"{count} row{'s' if count != 1 else ''}"
