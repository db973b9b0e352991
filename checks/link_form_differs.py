from collections.abc import Iterator

from lint.align import because, who
from lint.drift import drifts
from lint.finding import Finding
from lint.group import ArticleGroup
from lint.registry import rule

_FORMS = {"absolute": "absolute", "relative": "site-relative"}


@rule("WL602", severity="info")
def link_form_differs(group: ArticleGroup) -> Iterator[Finding]:
    """A link is written absolute where the other locales write it site-relative, or the reverse.

    Why: both reach the same page, but a site-relative docs link keeps readers in their language
    and on the current site, and the difference usually shows the translation follows an older
    source. Links that go elsewhere are WL601's.
    Bad:  [Planifier](https://docs.microsoft.com/windows/deployment/plan-for-volume-activation-client)
    Good: [Planifier](/windows/deployment/plan-for-volume-activation-client)
    """
    for drift in drifts(group, "link_forms"):
        for change in drift.changes:
            missing, extra = change.missing, change.extra
            if not (missing and extra) or missing.value.rpartition(" ")[0] != extra.value.rpartition(" ")[0]:
                continue
            suffix, cause = because(group, drift.article, change.verdict)
            form, other = (_FORMS[m.value.rpartition(" ")[2]] for m in (extra, missing))
            yield Finding(
                change.where,
                f"{form} link {extra.text}; {who(change.verdict.holders)} link to it {other}: {missing.text}{suffix}",
                locale=drift.article.locale or "",
                related=drift.related(group, change),
                key=drift.aligned.finding_key(f"link-form:{missing.value.rpartition(' ')[0]}"),
                excerpt=extra.text,
                cause=cause,
            )
