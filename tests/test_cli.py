"""The command line as a user meets it: output, exit codes, JSON schema, one-line errors."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lint.cli import main
from lint.registry import load_rules
from tests.conftest import ROOT, corpus_file


def test_check_corpus_names_the_es_row_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "corpus/"] if Path("corpus").is_dir() else ["check", str(ROOT / "corpus")]) == 1
    out = capsys.readouterr().out
    assert "activation-error-codes.es-ES.md:48:2: WL201 error row shows 0x8007232A but links to #0x8007232b-dns-name-does-not-exist" in out
    assert "\n    fr-FR corpus/activation-error-codes.fr-FR.md:48: [0x8007232B](#0x8007232b-dns-name-does-not-exist)\n" in out
    assert re.fullmatch(r"\d+ findings \(\d+ errors.*\) in \d+ files", out.rstrip().splitlines()[-1])


def test_default_path_is_corpus(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["check", "--select", "WL201"]) == 1
    assert "corpus/activation-error-codes.es-ES.md:48:2: WL201" in capsys.readouterr().out


def test_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ROOT / "corpus"), "--format", "json", "--select", "WL201,WL301"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert {(f["rule"], f["locale"], f["line"]) for f in findings} == {
        ("WL201", "es-ES", 48), ("WL301", "es-ES", 36), ("WL301", "fr-FR", 36), ("WL301", "ja-JP", 36)
    }  # fmt: skip
    keys = {"path", "line", "column", "rule", "name", "severity", "locale", "message", "key", "excerpt", "cause", "fixable", "related"}
    for finding in findings:
        assert set(finding) == keys
        assert isinstance(finding["line"], int) and isinstance(finding["column"], int)
        assert finding["severity"] in ("error", "warning", "info")
        for related in finding["related"]:
            assert set(related) == {"locale", "path", "line", "column", "text"}
    link = next(f for f in findings if f["rule"] == "WL201")
    assert (link["name"], link["column"], link["key"]) == ("table-link-mismatch", 2, "0x8007232B/table-link")
    assert [r["locale"] for r in link["related"]] == ["fr-FR", "ja-JP", "ru-RU", "zh-CN"]


@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("never", 0)])
def test_fail_on(fail_on: str, code: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ROOT / "corpus"), "--select", "WL201", "--fail-on", fail_on]) == code


def test_clean_group_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.md").write_text("# Notes\n\nPlain Markdown, no locale.\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "no findings\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "no/such/path"], "winact-lint: error: no such file or folder: no/such/path\n"),
        (["check", "--select", "WL999"], "winact-lint: error: --select: unknown rule 'WL999' (see `winact-lint rules`)\n"),
        (["check", "--bogus"], "winact-lint: error: unrecognized arguments: --bogus\n"),
        (["rules", "nope"], "winact-lint: error: unknown rule 'nope' (see `winact-lint rules`)\n"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert capsys.readouterr().err == message


def test_rules_lists_and_documents(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "WL201  table-link-mismatch" in listing and " fix " in listing
    assert main(["rules", "table-link-mismatch"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("WL201 table-link-mismatch (error; fixable: yes)") and "Bad:" in page and "Good:" in page


def test_console_script_runs_without_traceback() -> None:
    argv = [sys.executable, "-m", "lint", "check", str(corpus_file("es-ES")), "--select", "WL201"]
    result = subprocess.run(argv, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.count("WL201") == 1


def test_the_readme_lists_every_rule_as_the_rules_command_does() -> None:
    table = [line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if line.startswith("| WL")]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in table]
    rules = load_rules().values()
    assert rows == [[r.code, r.name, r.severity.value, "yes" if r.fixable else "", r.summary] for r in rules]


def test_a_check_imports_nothing_it_does_not_need_and_freezes_what_it_loaded_only_in_a_process_of_its_own() -> None:
    """Each of these cost a check milliseconds to import (shutil brings bz2 and lzma; multiprocessing; the
    reporters of other formats); the help is as wide as the terminal all the same."""
    script = (
        "import gc, sys; from lint.cli import main; main(['check', sys.argv[1], '--jobs', '1'])\n"
        "print(sorted({'shutil', 'multiprocessing', 'concurrent.futures', 'lint.reporters.sarif'} & set(sys.modules)))\n"
        "frozen = gc.get_freeze_count(); sys.argv[:] = ['winact-lint', 'check', sys.argv[1]]; main()\n"
        "print(frozen, gc.get_freeze_count() > 0)"
    )
    result = subprocess.run([sys.executable, "-c", script, str(corpus_file("es-ES"))], capture_output=True, text=True, cwd=ROOT)
    lines = result.stdout.splitlines()
    assert "[]" in lines and lines[-1] == "0 True", result.stderr
    help_argv = [sys.executable, "-m", "lint", "check", "--help"]
    wide = subprocess.run(help_argv, capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"})
    assert "[--fail-on {error,warning,info,never}] [--select SELECT]" in wide.stdout
