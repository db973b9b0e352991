from collections.abc import Iterator
from functools import partial

from lint.finding import Finding
from lint.group import ArticleGroup
from lint.model import Article, Location
from lint.registry import rule
from lint.vocabulary import Vocabulary


@rule("WL208", severity="warning")
def activation_types_differ(group: ArticleGroup) -> Iterator[Finding]:
    """A summary-table row lists other activation types than the same code's row in the other locales.

    Why: the activation type tells readers whether the error concerns them (MAK, KMS client, KMS
    host); a missing or swapped item sends them elsewhere. Each locale's words for the items are
    learnt from its own table, aligned row by row with the other locales', so a consistent
    rendering ("Сервер управления ключами" for "KMS") is never a difference; the order of the
    items is not compared. The others' items are named in this file's words where it has them.
    Bad:  |[0x80070005](#0x80070005-access-denied) |… |Clé MAK<br />Client KMS |  (others: MAK, KMS client, KMS host)
    Good: |[0x80070005](#0x80070005-access-denied) |… |Clé MAK<br />Client KMS<br />Hôte KMS |
    """
    vocabulary = group.shared(Vocabulary.of)
    codes = dict.fromkeys(row.aligned_code for a in group for row in a.table if row.aligned_code)
    for code in codes:
        verdict = group.verdict(partial(vocabulary.concepts, code=code))
        if verdict is None or verdict.reference is None:
            continue
        for article in verdict.deviating:
            row = article.aligned_row(code)
            if row is None:
                continue
            model = verdict.holders[0].aligned_row(code)
            ordered = [vocabulary.concept(verdict.holders[0], item) for item in model.activation_types] if model else []
            wanted = ", ".join(vocabulary.words(article, concept) for concept in ordered)
            who = ", ".join(a.locale or a.path for a in verdict.holders)
            note = f"; {group.stale_note(article, verdict)}" if verdict.stale else ""
            yield Finding(
                row.activation_types[0].loc if row.activation_types else row.cells[-1].loc,
                f"activation types of {code} are {_listed(article, code)} where {who} have "
                f"{len(verdict.reference)}: {wanted or 'none'}{note}",
                locale=article.locale or "",
                related=group.related(verdict.holders, partial(_view, code=code)),
                key=f"{code}/activation-types",
                cause="stale-revision" if verdict.stale else "",
            )


def _listed(article: Article, code: str) -> str:
    row = article.aligned_row(code)
    items = row.activation_types if row else ()
    return ", ".join(f"“{item.text}”" for item in items) or "empty"


def _view(other: Article, code: str) -> tuple[Location, str] | None:
    row = other.aligned_row(code)
    if row is None or not row.activation_types:
        return None
    return (row.activation_types[0].loc, ", ".join(item.text for item in row.activation_types))
