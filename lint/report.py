"""winact-lint report: every article group with its findings, rendered for translators (HTML) or a pull request (Markdown)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from lint.config import Config
from lint.discover import discover, plan_groups
from lint.finding import Finding, Severity
from lint.group import ArticleGroup
from lint.model import Article, Revision
from lint.parse import decode, read_article
from lint.registry import Rule
from lint.runner import build_groups, lint

SEVERITIES = tuple(reversed(Severity))  # most severe first


@dataclass(frozen=True)
class GroupReport:
    """One article group and the findings on its files, in path and line order."""

    group: ArticleGroup
    findings: tuple[Finding, ...]

    def findings_of(self, article: Article) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.loc.path == article.path)

    @property
    def codes(self) -> tuple[str, ...]:
        """The overview's rows: every code in a summary table (the primary's order first), then codes only findings name."""
        tables = [self.group.primary, *self.group.others(self.group.primary)]
        listed = [row.code for article in tables for row in article.table if row.code]
        named = [code for code in (f.error_code for f in self.findings) if code]
        return tuple(dict.fromkeys(listed + named))

    @property
    def supported_codes(self) -> tuple[str, ...]:
        """Every code of the supported-codes lists; the longest list's order first."""
        lists = sorted((a.code_list for a in self.group if a.code_list), key=lambda listed: -len(listed.codes))
        return tuple(dict.fromkeys(code.text for listed in lists for code in listed.codes))


def label(article: Article) -> str:
    """How the report names a locale version: its locale, else its file name."""
    return article.locale or Path(article.path).name


def score(findings: Sequence[Finding]) -> Counter[Severity]:
    return Counter(f.severity or Severity.ERROR for f in findings)


def revision_label(revision: Revision) -> str:
    """`3a3d62f 2020-04-23`: the commit and the hand-off date, as far as the front matter tells them."""
    return " ".join(part for part in (revision.commit[:7], revision.handoff.isoformat() if revision.handoff else "") if part)


def days_behind(group: ArticleGroup, article: Article) -> int | None:
    """Days between the source revision `article` was translated from and the group's newest; None when undated."""
    handoff, newest = article.revision.handoff, group.newest
    if handoff is None or newest is None or newest.handoff is None:
        return None
    return (newest.handoff - handoff).days


def collect(paths: Sequence[str], config: Config, jobs: int = 1) -> list[GroupReport]:
    """The article groups the paths belong to, each with the findings `winact-lint check` reports on it."""
    findings = list(lint(paths, config, jobs))  # raises ConfigError for a path that does not exist
    files, _ = discover(paths, config.exclude)
    reports: list[GroupReport] = []
    claimed: set[str] = set()
    for plan in plan_groups(files, config.exclude):
        articles = [read_article(path, locale, config.max_file_size) for path, locale in plan.files]
        for group in build_groups(plan.name, articles, config.reference_locale):
            own = {a.path for a in group} - claimed
            claimed |= own
            found = tuple(f for f in findings if f.loc.path in own)
            if found or any(a.locale for a in group):  # Markdown that is no localized article and has no findings: nothing to say
                reports.append(GroupReport(group, found))
    return reports


def source_lines(reports: Sequence[GroupReport]) -> dict[str, list[str]]:
    """The lines of every file a finding is on, to show each finding in its line."""
    lines: dict[str, list[str]] = {}
    for path in sorted({f.loc.path for report in reports for f in report.findings}):
        try:
            text, _ = decode(Path(path).read_bytes())
        except OSError:
            text = None
        lines[path] = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines


def render(format_name: str, reports: Sequence[GroupReport], rules: Mapping[str, Rule]) -> str:
    if format_name == "markdown":
        from lint.reporters import markdown

        return markdown.render(reports, rules)
    from lint.reporters import html

    return html.render(reports, rules, source_lines(reports))


def summary(destination: str, reports: Sequence[GroupReport]) -> str:
    """What the terminal says once the report is written."""
    from lint.reporters.text import summary as count

    findings = [f for report in reports for f in report.findings]
    locales = {label(article) for report in reports for article in report.group}
    groups = f"{len(reports)} article group{'s' if len(reports) != 1 else ''}, {len(locales)} locale{'s' if len(locales) != 1 else ''}"
    return f"wrote {destination}: {count(findings)}; {groups}"
