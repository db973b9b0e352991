from collections.abc import Iterator

from lint.finding import Finding
from lint.group import ArticleGroup
from lint.registry import rule


@rule("WL001", severity="error")
def malformed_input(group: ArticleGroup) -> Iterator[Finding]:
    """The file could not be read, or part of it could not be parsed.

    Why: a file the linter cannot read is a file nobody checked; broken front matter also hides
    the locale and the source revision. What could be read is still checked.
    Bad:  front matter that is not valid YAML, a file that is not UTF-8, a binary file.
    Good: UTF-8 (with or without BOM, or UTF-16 with BOM), front matter between two `---` lines.
    """
    for article in group:  # a duplicate is checked in a group of its own
        for loc, problem in article.problems:
            yield Finding(loc, problem, locale=article.locale or "", key=f"input/{problem.split(':')[0]}")
