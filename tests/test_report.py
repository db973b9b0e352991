"""`winact-lint report`: the HTML page read back with XPath, hostile document text, the Markdown comment, the command."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import lxml.html
import pytest
from lxml.html import HtmlElement

from lint.cli import main
from lint.config import Config
from lint.finding import Finding
from lint.group import ArticleGroup
from lint.model import Location
from lint.parse import read_article
from lint.registry import load_rules
from lint.report import GroupReport, collect, render
from lint.reporters.html_assets import SCRIPT
from tests.conftest import CORPUS, LOCALES, corpus_file, replace_line

HOSTILE = '</td><script>alert("x")</script><img src=x onerror="alert(1)">'


def page_of(paths: Sequence[Path], select: tuple[str, ...]) -> HtmlElement:
    reports = collect([str(p) for p in paths], Config(select=select), jobs=1)
    return lxml.html.document_fromstring(render("html", reports, load_rules()))


@pytest.fixture(scope="module")
def reports() -> list[GroupReport]:
    """The corpus's report, computed once for the tests that only read it."""
    return collect([str(CORPUS)], Config(), jobs=1)


@pytest.fixture(scope="module")
def page(reports: list[GroupReport]) -> HtmlElement:
    return lxml.html.document_fromstring(render("html", reports, load_rules()))


def overview_cells(page: HtmlElement) -> dict[tuple[str, str], HtmlElement]:
    return {(td.get("data-code"), td.get("data-locale")): td for td in page.xpath("//table[contains(@class, 'overview')]//td")}


def test_matrix_has_every_code_of_the_table_in_every_locale(page: HtmlElement) -> None:
    codes = [row.code for row in read_article(str(corpus_file("ru-RU"))).table]
    assert len(set(codes)) == 30
    cells = overview_cells(page)
    assert set(cells) == {(code, locale) for code in codes for locale in LOCALES}
    assert page.xpath("//table[contains(@class, 'overview')]//tbody/tr/th/text()") == codes  # rows in the table's order


def test_es_row_of_0x8007232a_and_b_is_marked_and_the_other_locales_are_not(page: HtmlElement) -> None:
    cells = overview_cells(page)
    for code in ("0x8007232A", "0x8007232B"):
        assert cells[(code, "es-ES")].get("class") == "error"
        others = [cells[(code, locale)] for locale in LOCALES if locale != "es-ES"]
        assert not [cell for cell in others if "WL2" in (cell.get("title") or "") or cell.get("class") == "error"]  # their rows are right
    assert cells[("0x8007232B", "es-ES")].text_content() == "↪"  # wrong link
    assert cells[("0x8007232A", "es-ES")].text_content() == "≠"  # duplicated row
    assert "WL201 error: row shows 0x8007232A" in cells[("0x8007232B", "es-ES")].get("title")


def test_each_finding_is_linked_both_ways_and_shown_beside_the_other_locales(reports: list[GroupReport], page: HtmlElement) -> None:
    findings = [f for report in reports for f in report.findings]
    items = page.xpath("//li[contains(@class, 'finding')]")
    assert len(items) == len(findings) >= 5
    ids = set(page.xpath("//@id"))
    for item, finding in zip(items, findings, strict=True):
        assert item.get("data-locale") == finding.locale and item.get("data-rule") == finding.rule
        columns = item.xpath(".//div[@class='side-by-side']/figure")
        assert [c.xpath("string(figcaption/b)") for c in columns] == [finding.locale, *[r.locale for r in finding.related]]
        if finding.error_code:  # its matrix cell, which links to the first finding of each kind there
            back = page.get_element_by_id(item.xpath(".//a[@class='where']/@href")[0][1:])
            assert (back.get("data-code"), back.get("data-locale")) == (finding.error_code, finding.locale)
            assert back.xpath("a/@href")
    for cell in page.xpath("//table[contains(@class, 'matrix')]//td[a]"):  # and back: a cell's symbol leads to a finding that leads back
        for href in cell.xpath("a/@href"):
            target = page.get_element_by_id(href[1:])
            assert target.get("data-locale") == cell.get("data-locale")
            back = page.get_element_by_id(target.xpath(".//a[@class='where']/@href")[0][1:])
            assert back.get("id") == cell.get("id") if back.tag == "td" else back.text_content() == cell.get("data-locale")  # list column
    assert all(href[1:] in ids for href in page.xpath("//a[starts-with(@href, '#')]/@href"))


def test_the_offending_text_is_marked_in_its_line(page: HtmlElement) -> None:
    item = page.xpath("//li[@data-rule='WL201']")[0]
    here = item.xpath(".//figure[@class='here']/div")[0]
    assert here.xpath("string(mark)") == "[0x8007232A](#0x8007232b-dns-name-does-not-exist)"
    assert here.text_content().startswith("|[0x8007232A]")  # the line from its first character
    assert item.xpath("string(.//figure[@class='aligned'][1]/div)") == "[0x8007232B](#0x8007232b-dns-name-does-not-exist)"


def test_supported_codes_matrix_marks_the_codes_the_older_translations_lack(page: HtmlElement) -> None:
    unlisted = {(td.get("data-code"), td.get("data-locale")) for td in page.xpath("//table[contains(@class, 'codes')]//td[@class='error']")}
    assert unlisted == {(code, locale) for code in ("0x8007007B", "0xC004C003", "0x8007232B") for locale in ("es-ES", "fr-FR", "ja-JP")}


def test_revision_and_lag_per_locale(page: HtmlElement) -> None:
    text = {s.get("data-locale"): s.xpath("string(p[@class='revision'])") for s in page.xpath("//section[@class='locale']")}
    assert text["es-ES"] == (
        "Translated from source revision 3a3d62f (handed off 2020-04-23)"
        " · 144 days behind the newest: zh-CN, from 7cacfc3 (handed off 2020-09-14)"
    )
    assert text["zh-CN"].endswith("· the newest in this group")


def test_page_is_self_contained(page: HtmlElement) -> None:
    assert not page.xpath("//link | //iframe | //object | //embed | //img | //*[@src]")
    assert page.xpath("//script")[0].text == SCRIPT and not page.xpath("//script[@src]")
    policy = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert policy.startswith("default-src 'none';")
    assert page.xpath("//form[@id='filters']/@hidden")  # shown by the script only: without scripts the page has no dead controls


def test_hostile_document_text_shows_as_text(corpus_copy: Path) -> None:
    replace_line(corpus_file("es-ES", corpus_copy), 48, "|El nombre DNS no existe. |", f"|El nombre DNS no existe. {HOSTILE}\x0c |")
    replace_line(corpus_file("fr-FR", corpus_copy), 36, "sont pris", f"{HOSTILE} sont pris")
    replace_line(corpus_file("zh-CN", corpus_copy), 2, "title: ", f"title: {HOSTILE} ")
    page = page_of([corpus_copy], select=("WL2", "WL3"))
    assert len(page.xpath("//script")) == 1 and not page.xpath("//img")
    assert not [name for element in page.iter() for name in element.attrib if name.startswith("on")]
    assert len(overview_cells(page)) == 150  # the </td> did not end a cell
    es_row = page.xpath("//li[@data-locale='es-ES'][@data-rule='WL201']//figure[@class='here']/div")[0]
    assert f"{HOSTILE}\ufffd" in es_row.text_content()  # a character XML cannot hold is replaced, not fatal
    fr_list = page.xpath("//li[@data-locale='fr-FR'][@data-rule='WL301']//figure[@class='here']/div")[0]
    assert f"suivants {HOSTILE} sont pris" in fr_list.text_content()
    assert page.xpath("string(//h2/following-sibling::p[@class='subtitle'])").startswith(f"{HOSTILE} ")


@pytest.mark.parametrize("locales", [("es-ES",), ("es-ES", "ru-RU"), LOCALES])
def test_any_number_of_locales(tmp_path: Path, locales: tuple[str, ...]) -> None:
    for locale in locales:
        shutil.copy(corpus_file(locale), tmp_path)
    page = page_of([tmp_path], select=("WL2",))
    header = page.xpath("//table[contains(@class, 'overview')]/thead/tr/th/a/text()")
    assert header == list(locales)
    assert len(page.xpath("//section[@class='locale']")) == len(locales)
    assert overview_cells(page)[("0x8007232B", "es-ES")].get("class") == "error"


def test_markdown_summarises_each_locale_and_lists_the_top_findings(reports: list[GroupReport]) -> None:
    markdown = render("markdown", reports, load_rules())
    rows = {line.split(" | ")[0][2:]: line for line in markdown.splitlines() if line.startswith("| ") and line[2:4] != "Lo"}
    assert list(rows) == list(LOCALES)
    for locale, row in rows.items():
        counts = [
            sum(1 for f in reports[0].findings if (f.locale, f.severity) == (locale, level)) for level in ("error", "warning", "info")
        ]
        assert row.startswith(f"| {locale} | {counts[0]} | {counts[1]} | {counts[2]} | ")
    assert rows["es-ES"].endswith(" | 3a3d62f 2020-04-23 | 144 days |")
    assert rows["zh-CN"].endswith(" | 7cacfc3 2020-09-14 | newest |")
    top = [line for line in markdown.splitlines() if line.startswith("- **")]
    assert top[0].startswith("- **error** ") and 0 < len(top) <= 10


def test_markdown_escapes_document_text() -> None:
    article = read_article(str(corpus_file("es-ES")))
    loc = Location(article.path, 5)
    message = "cell <img src=x onerror=alert(1)> | @translators #12 `x`"
    finding = Finding(loc, message, "es-ES", rule="WL999", name="test")
    markdown = render("markdown", [GroupReport(ArticleGroup("a|b", (article,)), (finding,))], load_rules())
    assert "cell \\<img src=x onerror=alert(1)\\> \\| \\@translators \\#12 \\`x\\`" in markdown
    assert "### a\\|b" in markdown


def test_command_writes_the_file_says_so_and_exits_like_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "report.html"
    assert main(["report", str(CORPUS), "-o", str(output), "--select", "WL2"]) == main(["check", str(CORPUS), "--select", "WL2"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"wrote {output}: ") and out.splitlines()[0].endswith("; 1 article group, 5 locales")
    assert output.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["report", str(CORPUS), "-o", str(output), "--select", "WL2", "--fail-on", "never"]) == 0


def test_markdown_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(CORPUS), "--format", "markdown", "-o", "-", "--select", "WL201"]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("## winact-lint report\n\n1 finding (1 error) in 1 file; 1 article group\n")
    assert captured.err.startswith("wrote the report to standard output: 1 finding")


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "no/such/folder"],
        ["report", str(CORPUS), "-o", "/no/such/folder/r.html", "--select", "WL201"],
        ["report", "--select", "XX9"],
    ],
)
def test_command_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith("winact-lint: error: ")
