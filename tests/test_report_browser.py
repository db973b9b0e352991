"""The HTML report in a real headless browser: its script runs, document text stays text, a screenshot renders."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

from lint.cli import main
from tests.conftest import CORPUS, corpus_file, replace_line

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it: apt-get install chromium)")
INJECTED = "<script>document.title = 'injected'</script><img src=x onerror=\"document.title = 'injected'\">"


def browse(page: Path, profile: Path, *action: str, query: str = "") -> subprocess.CompletedProcess[str]:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}", "--window-size=1280,1600"]  # fmt: skip
    return subprocess.run([str(CHROMIUM), *flags, *action, page.as_uri() + query], capture_output=True, text=True, timeout=120, check=True)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of a corpus copy whose es-ES table holds a script and an onerror attribute."""
    folder = Path(shutil.copytree(CORPUS, tmp_path_factory.mktemp("browser") / "corpus", ignore=shutil.ignore_patterns("README.md")))
    replace_line(corpus_file("es-ES", folder), 48, "|El nombre DNS no existe. |", f"|El nombre DNS no existe. {INJECTED} |")
    output = folder.parent / "report.html"
    assert main(["report", str(folder), "-o", str(output), "--select", "WL2,WL3"]) == 1
    return output


def test_rendered_dom_runs_the_filters_and_not_the_document_text(report: Path, tmp_path: Path) -> None:
    dom = lxml.html.document_fromstring(browse(report, tmp_path / "profile", "--dump-dom").stdout)
    assert dom.findtext(".//title") == "winact-lint report"  # the injected script and onerror never ran
    assert not dom.xpath("//img | //@onerror") and len(dom.xpath("//script")) == 1
    form = dom.get_element_by_id("filters")
    assert form.get("hidden") is None  # the page's own script ran (the Content-Security-Policy allows it)
    shown = len(dom.xpath("//li[contains(@class, 'finding')]"))
    assert form.findtext(".//output") == f"{shown} of {shown} findings shown"
    assert INJECTED in dom.xpath("string(//li[@data-rule='WL201']//figure[@class='here'])")
    assert dom.xpath("//table[contains(@class, 'overview')]//td[@data-code='0x8007232B'][@data-locale='es-ES']/@class") == ["error"]


def test_filters_from_the_query_hide_the_other_findings(report: Path, tmp_path: Path) -> None:
    dom = lxml.html.document_fromstring(browse(report, tmp_path / "profile", "--dump-dom", query="?locale=es-ES&severity=error").stdout)
    shown = dom.xpath("//li[contains(@class, 'finding')][not(@hidden)]")
    assert {(item.get("data-locale"), item.get("data-severity")) for item in shown} == {("es-ES", "error")}
    assert len(dom.xpath("//li[@data-locale='es-ES'][@data-severity='error']")) == len(shown) >= 2
    assert dom.xpath("//section[@class='locale'][not(@hidden)]/@data-locale") == ["es-ES"]


def test_screenshot_is_produced(report: Path, tmp_path: Path) -> None:
    screenshot = tmp_path / "report.png"
    browse(report, tmp_path / "profile", f"--screenshot={screenshot}")
    data = screenshot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 50_000  # a blank page compresses to a few kilobytes
