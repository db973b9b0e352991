"""One finding in the HTML report: what is wrong, its line with the offending text marked, the other locales beside it."""

from __future__ import annotations

from collections.abc import Mapping

from lxml.html import HtmlElement
from lxml.html import builder as E

from lint.finding import Finding, Severity
from lint.registry import Rule
from lint.report import label
from lint.reporters.html_overview import GroupPage, clean

_CONTEXT = 160  # characters of the line shown on each side of the offending text


def finding_item(page: GroupPage, finding: Finding, rules: Mapping[str, Rule], lines: list[str]) -> HtmlElement:
    severity = str(finding.severity or Severity.ERROR)
    rule = rules.get(finding.rule)
    locale = finding.locale or next((label(a) for a in page.report.group if a.path == finding.loc.path), "")
    head = E.DIV(
        E.CLASS("finding-head"),
        E.SPAN(E.CLASS(f"badge {severity}"), severity),
        E.CODE(finding.rule),
        E.SPAN(E.CLASS("rule-name"), finding.name, title=clean(rule.summary) if rule else ""),
        *([E.SPAN(E.CLASS("stale"), "older source revision")] if finding.cause == "stale-revision" else []),
        _where(page, finding),
    )
    here = _column(locale, finding.loc.line, _highlighted(finding, lines), here=True)
    others = [_column(r.locale, r.loc.line, [clean(r.text)]) for r in finding.related]
    return E.LI(
        E.CLASS(f"finding sev-{severity}"),
        head,
        E.P(E.CLASS("message"), clean(finding.message)),
        E.DIV(E.CLASS("side-by-side"), here, *others),
        id=page.finding_ids[id(finding)],
        **{"data-locale": clean(locale), "data-severity": severity, "data-rule": clean(finding.rule)},
    )


def _where(page: GroupPage, finding: Finding) -> HtmlElement:
    """The finding's line, linked to its place in the overview when it has one."""
    cell = page.back_link(finding)
    if cell is None:
        return E.SPAN(E.CLASS("where"), f"line {finding.loc.line}")
    return E.A(E.CLASS("where"), f"line {finding.loc.line} ↑ overview", href=f"#{cell}", title="this finding in the overview")


def _column(locale: str, line: int, text: list[HtmlElement | str], here: bool = False) -> HtmlElement:
    caption = E.FIGCAPTION(E.B(clean(locale)), f" · line {line}" + (" · this finding" if here else ""))
    return E.FIGURE(E.CLASS("here" if here else "aligned"), caption, E.DIV(E.CLASS("text"), *text, lang=clean(locale)))


def _highlighted(finding: Finding, lines: list[str]) -> list[HtmlElement | str]:
    """The finding's line, shortened around the offending text, which is marked."""
    line = lines[finding.loc.line - 1] if 0 < finding.loc.line <= len(lines) else ""
    excerpt = finding.excerpt.split("\n", 1)[0]
    start = _position(line, excerpt, finding.loc.col - 1)
    if start < 0:
        shown = line if len(line) <= 2 * _CONTEXT else line[: 2 * _CONTEXT] + "…"
        return [clean(shown or finding.excerpt)]
    end = start + len(excerpt)
    before = ("…" if start > _CONTEXT else "") + line[max(start - _CONTEXT, 0) : start]
    after = line[end : end + _CONTEXT] + ("…" if len(line) > end + _CONTEXT else "")
    return [clean(before), E.MARK(clean(excerpt)), clean(after)]


def _position(line: str, excerpt: str, col: int) -> int:
    """Where the excerpt starts in the line: at the finding's column when it is there, else its first occurrence."""
    if not excerpt:
        return -1
    return col if line.startswith(excerpt, col) else line.find(excerpt)
