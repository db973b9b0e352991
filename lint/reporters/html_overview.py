"""The HTML report's overview of one article group: error code × locale, and the supported-codes lists."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from lxml.html import HtmlElement
from lxml.html import builder as E

from lint.finding import Finding, Severity
from lint.model import Article
from lint.report import GroupReport, label


class Concern(NamedTuple):
    symbol: str
    name: str


LINK = Concern("↪", "wrong link")
ROW = Concern("≠", "table row missing, extra or different")
STRUCTURE = Concern("§", "section or block missing or different")
UNTRANSLATED = Concern("EN", "untranslated English")
CHANGED = Concern("#", "changed command, number or code")
FORMATTING = Concern("Aa", "formatting lost")
HEADING = Concern("H", "heading differs")
TYPOGRAPHY = Concern("¶", "typography or markup")
OTHER = Concern("!", "other finding")
CONCERNS = (LINK, ROW, STRUCTURE, UNTRANSLATED, CHANGED, FORMATTING, HEADING, TYPOGRAPHY, OTHER)
_THEMES = {"WL2": ROW, "WL3": ROW, "WL4": UNTRANSLATED, "WL5": STRUCTURE, "WL6": CHANGED, "WL7": HEADING, "WL8": TYPOGRAPHY}
FINE, ABSENT, LISTED, UNLISTED = "✓", "–", "●", "○"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    """Document text as lxml accepts it: characters XML cannot hold become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def concern(finding: Finding) -> Concern:
    """What a finding is about: its rule's theme (the code's hundreds), refined by its key ("0x8007232B/table-link")."""
    theme = _THEMES.get(finding.rule[:3], OTHER)
    what = finding.key.partition("/")[2].partition(":")[0].lower()
    if theme in (ROW, CHANGED) and ("link" in what or "anchor" in what):
        return LINK
    return FORMATTING if theme is CHANGED and "formatting" in what else theme


def worst(findings: Sequence[Finding]) -> Severity:
    return max((f.severity or Severity.ERROR for f in findings), key=lambda severity: severity.rank)


class GroupPage:
    """One group's part of the page: the ids that let matrix cells and findings link to each other."""

    def __init__(self, number: int, report: GroupReport) -> None:
        self.report = report
        self.prefix = f"g{number}"
        self.codes = report.codes
        self.finding_ids = {id(f): f"{self.prefix}-f{index}" for index, f in enumerate(report.findings, 1)}
        self._columns = {article.path: index for index, article in enumerate(report.group)}
        self.by_cell: dict[tuple[str, str], list[Finding]] = {}
        for finding in report.findings:
            if finding.error_code:
                self.by_cell.setdefault((finding.error_code, finding.loc.path), []).append(finding)

    def locale_id(self, article: Article) -> str:
        return f"{self.prefix}-l{self._columns[article.path]}"

    def cell_id(self, code: str, path: str) -> str:
        return f"{self.prefix}-{code}-l{self._columns.get(path, 0)}"

    def list_id(self, path: str) -> str:
        return f"{self.prefix}-list-l{self._columns.get(path, 0)}"

    def back_link(self, finding: Finding) -> str | None:
        """Where a finding shows in the overview: its matrix cell or its code-list column; None when it shows in neither."""
        if finding.error_code in self.codes:
            return self.cell_id(finding.error_code or "", finding.loc.path)
        if finding.key.startswith("supported-codes") and self.report.supported_codes:
            return self.list_id(finding.loc.path)
        return None

    def link(self, finding: Finding, text: str) -> HtmlElement:
        tip = f"{finding.rule} {finding.severity}: {finding.message}"
        return E.A(text, href=f"#{self.finding_ids[id(finding)]}", title=clean(tip))


def legend() -> HtmlElement:
    entries = [(FINE, "fine", "fine"), (ABSENT, "absent", "no row in this locale's table")]
    entries += [(symbol, "", name) for symbol, name in CONCERNS]
    items = [E.LI(E.SPAN(symbol, E.CLASS(f"mark {kind}".strip())), name) for symbol, kind, name in entries]
    items.append(E.LI("colour: ", *[E.SPAN(str(s), E.CLASS(f"badge {s}")) for s in reversed(Severity)], " (the worst in the cell)"))
    return E.UL(E.CLASS("legend"), *items)


def overview(page: GroupPage) -> HtmlElement:
    articles = list(page.report.group)
    rows = []
    for code in page.codes:
        cells = [_code_cell(page, code, article) for article in articles]
        marked = any(cell.get("class") in {"error", "warning", "info"} for cell in cells)
        rows.append(E.TR(E.CLASS("marked" if marked else "clear"), E.TH(code, scope="row"), *cells))
    return E.TABLE(E.CLASS("matrix overview"), E.CAPTION(E.CLASS("muted"), "Error codes of the summary table, per locale"),
                   E.THEAD(E.TR(E.TH("Error code", scope="col"), *[_column(page, a) for a in articles])), E.TBODY(*rows))  # fmt: skip


def _column(page: GroupPage, article: Article, list_column: bool = False) -> HtmlElement:
    attributes = {"scope": "col", "id": page.list_id(article.path)} if list_column else {"scope": "col"}
    return E.TH(E.A(clean(label(article)), href=f"#{page.locale_id(article)}"), **attributes)


def _code_cell(page: GroupPage, code: str, article: Article) -> HtmlElement:
    attributes = {"id": page.cell_id(code, article.path), "data-code": code, "data-locale": clean(label(article))}
    found = page.by_cell.get((code, article.path), [])
    if found:
        tip = "\n".join(f"{f.rule} {f.severity}: {f.message}" for f in found)
        return E.TD(*_marks(page, found), E.CLASS(str(worst(found))), title=clean(tip), **attributes)
    if any(row.code == code for row in article.table):
        return E.TD(FINE, E.CLASS("fine"), title=f"{code}: no findings in {clean(label(article))}", **attributes)
    return E.TD(ABSENT, E.CLASS("absent"), title=f"no row for {code} in this locale's table", **attributes)


def _marks(page: GroupPage, found: list[Finding]) -> list[HtmlElement]:
    """One symbol per concern, linked to its first finding, with how many findings it stands for."""
    by_concern: dict[Concern, list[Finding]] = {}
    for finding in found:
        by_concern.setdefault(concern(finding), []).append(finding)
    marks = []
    for findings in by_concern.values():
        mark = page.link(findings[0], concern(findings[0]).symbol)
        if len(findings) > 1:
            mark.append(E.SUP(str(len(findings))))
        marks.append(mark)
    return marks


def supported_codes(page: GroupPage) -> HtmlElement:
    articles = list(page.report.group)
    rows = [
        E.TR(E.TH(code, scope="row"), *[_list_cell(page, code, article) for article in articles]) for code in page.report.supported_codes
    ]
    head = E.TR(E.TH("Supported code", scope="col"), *[_column(page, a, list_column=True) for a in articles])
    caption = E.CAPTION(E.CLASS("muted"), "The diagnostic tool's supported-codes list: ● listed, ○ not listed")
    return E.TABLE(E.CLASS("matrix codes"), caption, E.THEAD(head), E.TBODY(*rows))


def _list_cell(page: GroupPage, code: str, article: Article) -> HtmlElement:
    attributes = {"data-code": code, "data-locale": clean(label(article))}
    if article.code_list is None:
        return E.TD(ABSENT, E.CLASS("absent"), title="no supported-codes list in this locale", **attributes)
    if code in article.code_list.code_set:
        return E.TD(LISTED, E.CLASS("fine"), title=f"{code} is listed", **attributes)
    found = [f for f in page.report.findings_of(article) if f.key.startswith("supported-codes")]
    if not found:
        return E.TD(UNLISTED, E.CLASS("absent"), title=f"{code} is not listed", **attributes)
    return E.TD(
        page.link(found[0], UNLISTED), E.CLASS(str(worst(found))), title=clean(f"{code} is not listed: {found[0].message}"), **attributes
    )
