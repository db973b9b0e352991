from collections.abc import Iterator

from lint.finding import Finding
from lint.group import ArticleGroup
from lint.registry import rule


@rule("WL003", severity="info")
def unused_suppression(group: ArticleGroup) -> Iterator[Finding]:
    """An inline `winact-lint-disable` comment suppresses nothing.

    Why: a suppression left behind after the defect was fixed will hide the next one.
    Runs after every other rule, so it knows which suppressions were used.
    Bad:  <!-- winact-lint-disable-next-line WL201 --> above a row whose link is right.
    Good: remove the comment once the finding it silenced is fixed.
    """
    for article in group:
        for suppression in article.suppressions:
            if suppression not in group.used_suppressions:
                codes = " ".join(suppression.codes) or "every rule"
                message = f"suppression of {codes} is not used"
                yield Finding(suppression.loc, message, locale=article.locale or "", key=f"suppression/{codes}")
