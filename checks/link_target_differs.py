from collections.abc import Iterator

from lint.align import who
from lint.drift import drifts
from lint.finding import Finding
from lint.group import ArticleGroup
from lint.registry import rule


@rule("WL601", severity="error")
def link_target_differs(group: ArticleGroup) -> Iterator[Finding]:
    """A link in a section goes elsewhere than in the other locales, or is missing or added.

    Why: link targets are data; a translated or mistyped URL sends this locale's readers to
    another page, or to none. Sections are compared as aligned across locales. A locale segment
    (`/en-us/` against `/fr-fr/`), a docs link written site-relative or absolute (WL602), and the
    link text (paraphrased freely: "here", "ici", "こちら") do not count.
    Bad:  consultez [Planifier](https://docs.microsoft.com/windows/deployment/plan-volume-activation)
    Good: consultez [Planifier](https://docs.microsoft.com/fr-fr/windows/deployment/plan-for-volume-activation-client)
    """
    for drift in drifts(group, "links"):
        for change in drift.changes:
            holders = who(change.verdict.holders)
            if change.missing and change.extra:
                message = f"links to {change.extra.text} where {holders} link to {change.missing.text}"
            elif change.missing:
                message = f"no link to {change.missing.text} here; {holders} have one"
            else:
                message = f"links to {change.extra.text if change.extra else ''}, which {holders} do not link to in this section"
            yield drift.finding(group, change, message, "link")
