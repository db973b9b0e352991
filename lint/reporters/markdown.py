"""A pull-request comment: per article group a table of its locales, then the most severe findings."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from lint.finding import Finding, Severity, most_severe
from lint.registry import Rule
from lint.report import SEVERITIES, GroupReport, days_behind, label, revision_label, score
from lint.reporters.text import count_summary, summary

TOP = 10  # findings listed in full; the HTML report has the rest
_MARKUP = re.compile(r"([\\`*_\[\]<>|#~&@])")  # escaped, so document text never becomes markup, HTML, a mention or an issue link
_BACKTICKS = re.compile(r"`+")


def render(reports: Sequence[GroupReport], rules: Mapping[str, Rule]) -> str:
    findings = [f for report in reports for f in report.findings]
    lines = ["## winact-lint report", "", f"{summary(findings)}; {len(reports)} article group{'s' if len(reports) != 1 else ''}", ""]
    for report in reports:
        lines += _group_table(report)
    if findings:
        lines += ["### Top findings", "", *[_finding_line(f, rules) for f in most_severe(findings, TOP)]]
        if len(findings) > TOP:
            lines.append(f"- … and {len(findings) - TOP} more: see the HTML report (`winact-lint report`)")
    return "\n".join(lines) + "\n"


def job_summary(counts: Mapping[tuple[str, str, Severity], int], top: Sequence[Finding], rules: Mapping[str, Rule]) -> str:
    """A CI job's summary page: findings by locale and severity, then the most severe few.

    `counts` holds how many findings each (path, locale, severity) has; `top`, the most severe few.
    """
    by_locale: Counter[tuple[str, Severity]] = Counter()
    severities: Counter[str] = Counter()
    for (_, locale, severity), count in counts.items():
        by_locale[locale, severity] += count
        severities[severity] += count
    total = severities.total()
    lines = ["## winact-lint", "", count_summary(severities, len({path for path, _, _ in counts})), ""]
    if not total:
        return "\n".join(lines)
    lines += ["| Locale | Errors | Warnings | Info |", "|---|--:|--:|--:|"]
    for locale in sorted({locale for locale, _ in by_locale}):
        lines.append("| " + " | ".join([_escape(locale) or "–", *[str(by_locale[locale, s]) for s in SEVERITIES]]) + " |")
    lines += ["", "### Most severe findings", "", *[_finding_line(f, rules) for f in top]]
    if total > len(top):
        lines.append(f"- … and {total - len(top)} more: see the annotations, or `winact-lint report` for the translators' page")
    return "\n".join(lines) + "\n"


def _group_table(report: GroupReport) -> list[str]:
    lines = [f"### {_escape(report.group.name)}", "", "| Locale | Errors | Warnings | Info | Source revision | Behind the newest |"]
    lines.append("|---|--:|--:|--:|---|---|")
    for article in report.group:
        counts = score(report.findings_of(article))
        source = revision_label(article.revision)
        behind = days_behind(report.group, article)
        lag = "–" if behind is None else "newest" if behind == 0 else f"{behind} days"
        cells = [_escape(label(article)), *[str(counts[s]) for s in SEVERITIES], _escape(source) or "–", lag]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _finding_line(finding: Finding, rules: Mapping[str, Rule]) -> str:
    where = _code(f"{finding.loc.path}:{finding.loc.line}")
    locale = f"{_escape(finding.locale)} " if finding.locale else ""
    return f"- **{finding.severity}** {locale}{where} {finding.rule} {_escape(finding.name)}: {_escape(finding.message)}"


def _escape(text: str) -> str:
    return _MARKUP.sub(r"\\\1", " ".join(text.split()))


def _code(text: str) -> str:
    """A code span that holds any text: its fence is longer than any run of backticks inside."""
    text = " ".join(text.split())
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"
