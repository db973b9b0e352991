from collections.abc import Iterator
from functools import partial

from lint.finding import Finding
from lint.group import ArticleGroup, Verdict
from lint.model import Article, Location
from lint.registry import rule


@rule("WL102", severity="warning")
def front_matter_keys_differ(group: ArticleGroup) -> Iterator[Finding]:
    """The front matter has keys the other locales lack, or lacks keys they have.

    Why: the publishing platform reads these keys (topic type, owner, technology, custom tags);
    a locale without them is filed, searched or reported differently. Keys a newer source
    revision added or dropped are reported on the older translations, together in one finding
    with the revision; other keys are reported where they stand, or for a missing one on the key
    it belongs before, so that a key dropped by mistake is not lost among them. Keys every
    translation has and the source-language file (en-US) lacks are the localization system's own.
    Bad:  ms.technology: server-general   (where ru-RU, zh-CN have manager and ms.custom instead)
    Good: the same keys in every locale; only their values are translated.
    """
    order = list(dict.fromkeys(e.key for a in group for e in a.front_matter))
    splits: dict[str, list[tuple[str, Verdict[bool | None]]]] = {}
    for key in order:
        if _translation_metadata(group, key):
            continue
        verdict = group.verdict(partial(_has_key, key=key))
        if verdict is None or verdict.reference is None:
            continue
        for article in verdict.deviating:
            splits.setdefault(article.path, []).append((key, verdict))
    for article in group:
        if article.path not in splits or not article.front_matter:
            continue
        stale: list[tuple[str, Verdict[bool | None]]] = []
        by_place: dict[Location, list[tuple[str, Verdict[bool | None]]]] = {}  # a key renamed, two keys dropped in a row
        for key, verdict in splits[article.path]:
            (stale if verdict.stale else by_place.setdefault(_place(article, key, verdict), [])).append((key, verdict))
        for split in ([stale] if stale else []) + list(by_place.values()):
            yield _finding(group, article, split)


def _finding(group: ArticleGroup, article: Article, split: list[tuple[str, Verdict[bool | None]]]) -> Finding:
    missing = [(key, verdict) for key, verdict in split if verdict.reference]
    extra = [(key, verdict) for key, verdict in split if not verdict.reference]
    parts = [f"lacks {_keys(missing)} ({_who(missing)} {'has' if _one(missing) else 'have'} {_them(missing)})"] if missing else []
    parts += [f"has {_keys(extra)} ({_who(extra)} {'does' if _one(extra) else 'do'} not)"] if extra else []
    stale = all(verdict.stale for _, verdict in split)
    note = f"; {group.stale_note(article, split[0][1])}" if stale else ""
    entry = article.meta_entry(extra[0][0]) if extra else None
    first_missing, verdict = missing[0] if missing else ("", split[0][1])
    return Finding(
        entry.loc if entry else _insertion_loc(article, verdict.holders[0], first_missing),
        f"front matter {' and '.join(parts)}{note}",
        locale=article.locale or "",
        related=group.related(verdict.holders, partial(_entry_view, key=first_missing)),
        key=f"front-matter/{','.join(key for key, _ in split)}",
        cause="stale-revision" if stale else "",
    )


def _translation_metadata(group: ArticleGroup, key: str) -> bool:
    """A key every translation has and the source file lacks: the localization system's own (ms.locfileid)."""
    source = group.source
    if source is None or _has_key(source, key) is not False:
        return False
    return all(_has_key(article, key) is not False for article in group.others(source))


def _has_key(article: Article, key: str) -> bool | None:
    """None for an article without front matter: it says nothing about keys."""
    return article.meta_entry(key) is not None if article.front_matter else None


def _keys(split: list[tuple[str, Verdict[bool | None]]]) -> str:
    return ", ".join(key for key, _ in split)


def _who(split: list[tuple[str, Verdict[bool | None]]]) -> str:
    return ", ".join(a.locale or a.path for a in split[0][1].holders)


def _them(split: list[tuple[str, Verdict[bool | None]]]) -> str:
    return "it" if len(split) == 1 else "them"


def _one(split: list[tuple[str, Verdict[bool | None]]]) -> bool:
    return len(split[0][1].holders) == 1


def _place(article: Article, key: str, verdict: Verdict[bool | None]) -> Location:
    """Where a finding on `key` stands: on the key, or for a missing one, where it belongs."""
    entry = None if verdict.reference else article.meta_entry(key)
    return entry.loc if entry else _insertion_loc(article, verdict.holders[0], key)


def _insertion_loc(article: Article, holder: Article, key: str) -> Location:
    """Where `key` would go: the key after the last key before it in `holder` that this article has (that one when it is the last)."""
    keys = [entry.key for entry in holder.front_matter]
    entries = article.front_matter
    for earlier in reversed(keys[: keys.index(key)]):
        if entry := article.meta_entry(earlier):
            return entries[min(entries.index(entry) + 1, len(entries) - 1)].loc
    return entries[0].loc


def _entry_view(other: Article, key: str) -> tuple[Location, str] | None:
    entry = other.meta_entry(key)
    if entry is None:
        return None
    value = entry.value if isinstance(entry.value, str) else ", ".join(entry.value)
    return (entry.loc, f"{entry.key}: {value}")
