"""The translators' report: one self-contained HTML page (lxml builds it, so all document text is escaped)."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence

from lxml.html import HtmlElement, tostring
from lxml.html import builder as E

from lint import __version__
from lint.finding import Finding, Severity
from lint.model import Article, Revision
from lint.registry import Rule
from lint.report import SEVERITIES, GroupReport, days_behind, label, revision_label, score
from lint.reporters.html_assets import SCRIPT, STYLE
from lint.reporters.html_finding import finding_item
from lint.reporters.html_overview import GroupPage, clean, legend, overview, supported_codes
from lint.reporters.text import summary


def render(reports: Sequence[GroupReport], rules: Mapping[str, Rule], lines: Mapping[str, list[str]]) -> str:
    findings = [f for report in reports for f in report.findings]
    pages = [GroupPage(number, report) for number, report in enumerate(reports, 1)]
    body = E.BODY(
        E.HEADER(
            E.H1("Translation consistency report"),
            E.P(E.CLASS("subtitle"), _overall(reports, findings)),
            _filters(reports, findings, rules),
        ),
        E.MAIN(*[_group(page, rules, lines) for page in pages] or [E.P("No localized article among the files named.")]),
        E.FOOTER(
            f"winact-lint {__version__} · the findings of ", E.CODE("winact-lint check"), " · this page loads nothing from the network"
        ),
        E.SCRIPT(SCRIPT),
    )
    head = E.HEAD(
        E.META(charset="utf-8"),
        E.META(name="viewport", content="width=device-width, initial-scale=1"),
        E.META({"http-equiv": "Content-Security-Policy", "content": _policy()}),
        E.TITLE("winact-lint report"),
        E.STYLE(STYLE),
    )
    return tostring(E.HTML(head, body, lang="en"), doctype="<!DOCTYPE html>", encoding="unicode", method="html") + "\n"


def _policy() -> str:
    """Nothing but the page's own style sheet and script may run: a second wall behind the escaping."""
    digest = {
        name: base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() for name, text in (("style", STYLE), ("script", SCRIPT))
    }
    return f"default-src 'none'; style-src 'sha256-{digest['style']}'; script-src 'sha256-{digest['script']}'; img-src 'none'"


def _overall(reports: Sequence[GroupReport], findings: Sequence[Finding]) -> str:
    groups = f"{len(reports)} article group{'s' if len(reports) != 1 else ''}"
    return f"{groups} · {summary(findings)}"


def _filters(reports: Sequence[GroupReport], findings: Sequence[Finding], rules: Mapping[str, Rule]) -> HtmlElement:
    locales = sorted({label(article) for report in reports for article in report.group})
    codes = sorted({f.rule for f in findings})
    choices = (
        ("locale", "Locale", [(locale, locale) for locale in locales]),
        ("severity", "Severity", [(str(s), str(s)) for s in SEVERITIES]),
        ("rule", "Rule", [(code, f"{code} {rules[code].name}" if code in rules else code) for code in codes]),
    )
    fields = [E.LABEL(f"{title} ", _select(name, options)) for name, title, options in choices]
    return E.FORM(E.STRONG("Show"), *fields, E.OUTPUT(E.CLASS("muted")), id="filters", hidden="hidden")


def _select(name: str, options: list[tuple[str, str]]) -> HtmlElement:
    return E.SELECT(E.OPTION("all", value=""), *[E.OPTION(clean(text), value=clean(value)) for value, text in options], name=name)


def _group(page: GroupPage, rules: Mapping[str, Rule], lines: Mapping[str, list[str]]) -> HtmlElement:
    group = page.report.group
    title = group.primary.meta("title")
    parts: list[HtmlElement | str] = [E.H2(clean(group.name))]
    if title:
        parts.append(E.P(E.CLASS("subtitle"), E.SPAN(clean(title), lang=clean(group.primary.locale or ""))))
    side = [_locales(page)] + ([supported_codes(page)] if page.report.supported_codes else [])
    if page.codes:
        parts += [legend(), E.DIV(E.CLASS("matrices"), overview(page), E.DIV(*side))]
    else:
        parts += side
    parts += [_locale(page, article, rules, lines) for article in group]
    return E.SECTION(E.CLASS("group"), *parts, id=page.prefix)


def _locales(page: GroupPage) -> HtmlElement:
    """Each locale at a glance: its findings and how old its source revision is."""
    rows = []
    for article in page.report.group:
        behind = days_behind(page.report.group, article)
        lag = "–" if behind is None else "newest" if behind == 0 else f"{behind} days"
        link = E.A(clean(label(article)), href=f"#{page.locale_id(article)}")
        cells = [E.TD(_score(page.report.findings_of(article))), E.TD(clean(revision_label(article.revision)) or "–"), E.TD(lag)]
        rows.append(E.TR(E.TH(link, scope="row"), *cells))
    head = E.TR(*[E.TH(text, scope="col") for text in ("Locale", "Findings", "Source revision", "Behind the newest")])
    return E.TABLE(E.CLASS("glance"), E.CAPTION(E.CLASS("muted"), "Locales at a glance"), E.THEAD(head), E.TBODY(*rows))


def _score(findings: Sequence[Finding]) -> HtmlElement:
    counts = score(findings)
    if not counts:
        return E.SPAN(E.CLASS("badge fine"), "✓ no findings")
    badges = [
        E.SPAN(E.CLASS(f"badge {s}"), f"{counts[s]} {s}{'s' if counts[s] > 1 and s != Severity.INFO else ''}")
        for s in SEVERITIES
        if counts[s]
    ]
    return E.SPAN(E.CLASS("score"), *badges)


def _locale(page: GroupPage, article: Article, rules: Mapping[str, Rule], lines: Mapping[str, list[str]]) -> HtmlElement:
    findings = page.report.findings_of(article)
    heading = E.H3(clean(label(article)), E.SMALL(clean(article.path)), _score(findings))
    items = [finding_item(page, f, rules, lines.get(f.loc.path, [])) for f in findings]
    listing = E.OL(E.CLASS("findings"), *items) if items else E.P(E.CLASS("clean"), "No findings in this locale.")
    attributes = {"id": page.locale_id(article), "data-locale": clean(label(article))}
    return E.SECTION(E.CLASS("locale"), heading, _revision(page, article), listing, **attributes)


def _revision(page: GroupPage, article: Article) -> HtmlElement:
    revision, newest = article.revision, page.report.group.newest
    source = (
        f"Translated from source revision {_described(revision)}"
        if revision.commit or revision.handoff
        else "No source revision in the front matter"
    )
    behind = days_behind(page.report.group, article)
    if behind is None or newest is None:
        lag = ""
    elif behind == 0:
        lag = " · the newest in this group"
    else:
        newer = ", ".join(label(a) for a in page.report.group if a.revision.handoff == newest.handoff)
        lag = f" · {behind} days behind the newest: {newer}, from {_described(newest)}"
    return E.P(E.CLASS("revision"), clean(source + lag))


def _described(revision: Revision) -> str:
    commit = revision.commit[:7] or "unknown commit"
    return f"{commit} (handed off {revision.handoff.isoformat()})" if revision.handoff else commit
