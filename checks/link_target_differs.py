from collections.abc import Iterator

from lint.align import because, drifts, subject, who
from lint.finding import Finding
from lint.group import ArticleGroup
from lint.mentions import links
from lint.registry import rule


@rule("WL601", severity="error")
def link_target_differs(group: ArticleGroup) -> Iterator[Finding]:
    """A link in a section goes elsewhere than in the other locales, or is missing or added.

    Why: link targets are data; a translated or mistyped URL sends this locale's readers to
    another page, or to none. Sections are compared as aligned across locales. A locale segment
    (`/en-us/` against `/fr-fr/`), a docs link written site-relative or absolute, and the link
    text (paraphrased freely: "here", "ici", "こちら") do not count.
    Bad:  consultez [Planifier](https://docs.microsoft.com/windows/deployment/plan-volume-activation)
    Good: consultez [Planifier](https://docs.microsoft.com/fr-fr/windows/deployment/plan-for-volume-activation-client)
    """
    for drift in drifts(group, links):
        suffix, cause = because(group, drift.article, drift.verdict)
        holders = who(drift.verdict.holders)
        for missing, extra in drift.pairs():
            if missing and extra:
                loc, message = extra.loc, f"links to {extra.text} where {holders} link to {missing.text}"
            elif missing:
                loc, message = drift.place(missing), f"no link to {missing.text} here; {holders} have one"
            elif extra:
                loc, message = extra.loc, f"links to {extra.text}, which {holders} do not link to in this section"
            yield Finding(
                loc,
                message + suffix,
                locale=drift.article.locale or "",
                related=drift.related(group, missing.value if missing else None),
                key=drift.aligned.finding_key(f"link:{subject(missing, extra)}"),
                excerpt=extra.text if extra else "",
                cause=cause,
            )
