from collections.abc import Hashable, Iterator

from lint.finding import Finding, Severity
from lint.group import ArticleGroup
from lint.model import Article, Location
from lint.registry import rule

_REVISION_KEYS = ("ms.sourcegitcommit", "ms.openlocfilehash")


@rule("WL101", severity="warning")
def stale_source_revision(group: ArticleGroup) -> Iterator[Finding]:
    """A translation was made from an older revision of the source than other locales were.

    Why: the source changed after this translation was made: codes, steps and links added since are
    missing here. Reported once per locale; the differences it explains say so (cause
    `stale-revision`). Revisions are ordered by `ms.lasthandoff`. A translation that is behind but
    whose supported codes, table rows and sections all match the newest translations' is reported
    as info: nothing that the linter compares shows the gap.
    Bad:  ms.sourcegitcommit: 3a3d62f…  ms.lasthandoff: 04/23/2020  (zh-CN: 7cacfc3…, 09/14/2020)
    Good: every locale translated from the newest revision of the source.
    """
    newest = [a for a in group if group.newest and a.revision == group.newest]
    outlines: dict[int, Hashable] = {}  # by id(article), each made once as it is needed
    for article in group:
        mine = article.revision
        if not (mine.handoff and mine.commit):
            continue
        newer = [a for a in group if a.revision.handoff and a.revision.handoff > mine.handoff and a.revision.commit != mine.commit]
        if not newer:
            continue
        newer.sort(key=lambda a: a.revision, reverse=True)
        same = all(_outline_of(article, outlines) == _outline_of(a, outlines) for a in newest)
        yield Finding(
            _revision_loc(article),
            f"translated from revision {mine}; {_by_revision(newer)}"
            + ("; its codes, table rows and sections match the newest translations'" if same else ""),
            locale=article.locale or "",
            related=group.related(tuple(newer), lambda other: (_revision_loc(other), f"{other.revision}")),
            key="revision/stale",
            cause="stale-revision",
            severity=Severity.INFO if same else None,
        )


def _by_revision(articles: list[Article]) -> str:
    """`zh-CN from 7cacfc3…, 2020-09-14; ru-RU, uk-UA from dfa48f7…, 2020-08-07`, newest first."""
    locales: dict[str, list[str]] = {}
    for article in articles:
        locales.setdefault(str(article.revision), []).append(article.locale or article.path)
    return "; ".join(f"{', '.join(names)} from {revision}" for revision, names in locales.items())


def _revision_loc(article: Article) -> Location:
    entry = next((e for key in _REVISION_KEYS if (e := article.meta_entry(key))), None)
    return entry.loc if entry else article.loc


def _outline_of(article: Article, outlines: dict[int, Hashable]) -> Hashable:
    if id(article) not in outlines:
        outlines[id(article)] = _outline(article)
    return outlines[id(article)]


def _outline(article: Article) -> Hashable:
    """What a newer source revision changes visibly: supported codes, table rows, section anchors."""
    codes = article.code_list.code_set if article.code_list else None
    return (codes, tuple(row.aligned_code for row in article.table), tuple(s.anchor for s in article.walk()))
