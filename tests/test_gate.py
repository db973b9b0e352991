"""The CI gate: output formats, --fail-on, --changed-since and the baseline, as a pull-request job meets them."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
import yaml

from lint.changed import changed_markdown
from lint.cli import main
from lint.finding import Severity
from lint.model import Location
from lint.registry import load_rules
from lint.reporters import github, sarif, text
from tests.conftest import CORPUS, ROOT, corpus_file, git, replace_line, run
from tests.sarif_schema import SARIF_SUBSET

ES = "activation-error-codes.es-ES.md"
FR = "activation-error-codes.fr-FR.md"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("no_color", "coloured"), [(None, True), ("1", False), ("", True)])
def test_text_is_coloured_on_a_terminal_unless_no_color(no_color: str | None, coloured: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", Terminal())
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)  # the convention: set and not empty turns colour off
    assert main(["check", str(corpus_file("es-ES")), "--select", "WL201"]) == 1
    assert ("\033[31merror\033[0m" in sys.stdout.getvalue()) is coloured


def test_text_is_plain_in_a_pipe_and_in_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["check", str(corpus_file("es-ES")), "--select", "WL201"]) == 1
    assert "\033" not in capsys.readouterr().out
    monkeypatch.setattr(sys, "stdout", Terminal())
    assert main(["check", str(corpus_file("es-ES")), "--select", "WL201", "--output", str(tmp_path / "out.txt")]) == 1
    assert "\033" not in (tmp_path / "out.txt").read_text(encoding="utf-8") and sys.stdout.getvalue() == ""


def test_sarif_is_what_github_code_scanning_accepts(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["check", "corpus", "--format", "sarif", "--select", "WL201,WL301"]) == 1
    document = json.loads(capsys.readouterr().out)
    jsonschema.Draft7Validator(SARIF_SUBSET).validate(document)
    (run_,) = document["runs"]
    rules = run_["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(load_rules())
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        for location in [*result["locations"], *result.get("relatedLocations", [])]:
            assert (ROOT / location["physicalLocation"]["artifactLocation"]["uri"]).is_file()
    link = next(r for r in run_["results"] if r["ruleId"] == "WL201")
    assert (link["level"], _where(link["locations"][0])) == ("error", (f"corpus/{ES}", 48, 2))
    assert [(_where(r)[0][-8:-3], _where(r)[1], r["message"]["text"][:5]) for r in link["relatedLocations"]] == [
        ("fr-FR", 48, "fr-FR"), ("ja-JP", 48, "ja-JP"), ("ru-RU", 55, "ru-RU"), ("zh-CN", 55, "zh-CN")
    ]  # fmt: skip
    table_link = next(rule for rule in rules if rule["id"] == "WL201")
    assert table_link["name"] == "TableLinkMismatch" and "Bad:" in table_link["help"]["text"]


def _where(location: dict) -> tuple[str, int, int]:
    physical = location["physicalLocation"]
    return physical["artifactLocation"]["uri"], physical["region"]["startLine"], physical["region"]["startColumn"]


def test_sarif_levels_uris_and_fingerprints() -> None:
    (finding,) = run([corpus_file("es-ES")], select=["WL201"])
    odd = replace(finding, loc=Location("docs/ä b.md", 3, 1), severity=Severity.INFO)
    (result,) = json.loads("".join(sarif.render([odd], load_rules())))["runs"][0]["results"]
    assert (result["level"], _where(result["locations"][0])[0]) == ("note", "docs/%C3%A4%20b.md")
    fingerprint = result["partialFingerprints"][sarif.FINGERPRINT]
    moved = replace(odd, loc=Location("docs/ä b.md", 30, 9), message="another wording")
    (result,) = json.loads("".join(sarif.render([moved], load_rules())))["runs"][0]["results"]
    assert result["partialFingerprints"][sarif.FINGERPRINT] == fingerprint


def test_github_escaping_follows_actions_core() -> None:
    assert github.escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert github.escape_property("docs/a:b,c%\n.md") == "docs/a%3Ab%2Cc%25%0A.md"
    (finding,) = run([corpus_file("es-ES")], select=["WL201"])
    odd = replace(finding, loc=Location("docs/x,y:z.md", 7, 3), severity=Severity.INFO)
    assert github.annotation(odd).startswith("::notice file=docs/x%2Cy%3Az.md,line=7,col=3,title=WL201 table-link-mismatch::row shows")


def test_github_annotations_name_the_es_row_and_list_the_other_locales(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["check", f"corpus/{ES}", "--format", "github", "--select", "WL201"]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    command, message = re.fullmatch(r"::error (file=[^:]*)::(.*)", line).groups()  # type: ignore[union-attr]
    assert command == f"file=corpus/{ES},line=48,col=2,title=WL201 table-link-mismatch"
    assert message.split("%0A")[1:] == [
        f"{locale} corpus/activation-error-codes.{locale}.md:{line}: [0x8007232B](#0x8007232b-dns-name-does-not-exist)"
        for locale, line in (("fr-FR", 48), ("ja-JP", 48), ("ru-RU", 55), ("zh-CN", 55))
    ]


def test_github_format_appends_a_job_summary_that_counts_every_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    page = tmp_path / "step_summary.md"
    page.write_text("an earlier step's summary\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(page))
    assert main(["check", "corpus", "--format", "text"]) == 1
    assert page.read_text(encoding="utf-8") == "an earlier step's summary\n"  # only the github format writes one
    capsys.readouterr()
    assert main(["check", "corpus", "--format", "github"]) == 1
    annotations = capsys.readouterr().out.splitlines()
    earlier, summary = page.read_text(encoding="utf-8").split("## winact-lint\n")
    assert earlier == "an earlier step's summary\n"
    findings = run([CORPUS])
    assert len(annotations) == len(findings) > 10
    assert text.summary(findings) in summary.splitlines()
    es = [f for f in findings if f.locale == "es-ES"]
    counts = [sum(f.severity == severity for f in es) for severity in ("error", "warning", "info")]
    assert f"| es-ES | {counts[0]} | {counts[1]} | {counts[2]} |" in summary.splitlines()
    listed = [line for line in summary.splitlines() if line.startswith("- **")]
    assert len(listed) == 10 and all(line.startswith("- **error**") for line in listed)  # the corpus has more than 10 errors
    assert summary.endswith(f"… and {len(findings) - 10} more: see the annotations, or `winact-lint report` for the translators' page\n")


@pytest.mark.parametrize(
    ("severity", "fail_on", "code"),
    [
        ("error", "error", 1),
        ("warning", "error", 0),
        ("warning", "warning", 1),
        ("info", "warning", 0),
        ("info", "info", 1),
        ("error", "never", 0),
    ],
)
def test_fail_on_threshold(severity: str, fail_on: str, code: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "winact-lint.toml"
    config.write_text(f'select = ["WL201"]\nseverity = {{ WL201 = "{severity}" }}\n', encoding="utf-8")
    assert main(["check", str(CORPUS), "--config", str(config), "--fail-on", fail_on]) == code
    assert f"WL201 {severity} row shows 0x8007232A" in capsys.readouterr().out


@pytest.fixture
def branch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A docs repository and a pull-request branch: fr-FR changed in a commit (a new wrong row link), ja-JP
    changed but not staged, an untracked note; meanwhile main moved on with a ru-RU change."""
    repo = tmp_path / "repo"
    docs = Path(shutil.copytree(CORPUS, repo / "docs", ignore=shutil.ignore_patterns("README.md")))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "corpus")
    git(repo, "branch", "pr")
    _append(docs / "activation-error-codes.ru-RU.md", "\nПримечание.\n")
    git(repo, "commit", "-qam", "main moves on")
    git(repo, "checkout", "-q", "pr")
    replace_line(docs / FR, 48, "(#0x8007232b-", "(#0x8007251d-")
    git(repo, "commit", "-qam", "fr-FR row")
    _append(docs / "activation-error-codes.ja-JP.md", "\n")
    (docs / "notes.md").write_text("# Notes\n", encoding="utf-8")
    (repo / "README.md").write_text("# Docs\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    return repo


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_changed_since_lists_the_branch_changes_below_the_paths(branch: Path) -> None:
    assert changed_markdown(["docs"], "main") == [f"docs/{FR}", "docs/activation-error-codes.ja-JP.md", "docs/notes.md"]
    assert changed_markdown(["docs/notes.md", "README.md"], "main") == ["README.md", "docs/notes.md"]
    assert changed_markdown(["docs"], "HEAD") == ["docs/activation-error-codes.ja-JP.md", "docs/notes.md"]


def test_changed_since_checks_changed_files_against_all_locales(branch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "docs", "--changed-since", "main", "--select", "WL201"]) == 1
    out = capsys.readouterr().out
    assert re.findall(r"^\S+: WL201", out, re.M) == [f"docs/{FR}:48:2: WL201"]  # es-ES's row is older news
    assert "row shows 0x8007232B but links to #0x8007251d-" in out and "es-ES docs/activation-error-codes.es-ES.md:49: [0x8007251D]" in out
    assert main(["check", "docs", "--changed-since", "HEAD", "--select", "WL201"]) == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--changed-since", "no-such-branch"], "--changed-since: unknown git revision 'no-such-branch'"),
        (["--changed-since=--cached"], "--changed-since: '--cached' is not a git revision"),
        (
            ["--changed-since", "main", "--write-baseline", "b.json"],
            "--write-baseline records every finding; it cannot be combined with --changed-since",
        ),
        (["--baseline", "missing.json"], "cannot read baseline missing.json: No such file or directory"),
        (["--baseline", "docs/notes.md"], "docs/notes.md: not a winact-lint baseline (Expecting value: line 1 column 1 (char 0))"),
    ],
)
def test_gate_errors_are_one_line_and_exit_2(branch: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "docs", *argv]) == 2
    assert capsys.readouterr().err == f"winact-lint: error: {message}\n"


def test_changed_since_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    monkeypatch.chdir(tmp_path)
    assert main(["check", ".", "--changed-since", "main"]) == 2
    assert capsys.readouterr().err == f"winact-lint: error: --changed-since needs a git repository, and {Path.cwd()} is not in one\n"


def test_baseline_accepts_known_findings_by_meaning_and_fails_on_new_ones(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    baseline = corpus_copy.parent / "winact-lint-baseline.json"
    check = ["check", str(corpus_copy), "--select", "WL201,WL203,WL301"]
    assert main([*check, "--write-baseline", str(baseline)]) == 0
    written = baseline.read_text(encoding="utf-8")
    entries = json.loads(written)["findings"]
    assert [(e["rule"], e["locale"], e["key"]) for e in entries] == [
        ("WL201", "es-ES", "0x8007232B/table-link"), ("WL203", "es-ES", "0x8007232A/table-duplicate"),
        ("WL301", "es-ES", "supported-codes"), ("WL301", "fr-FR", "supported-codes"), ("WL301", "ja-JP", "supported-codes"),
    ]  # fmt: skip
    assert {e["article"] for e in entries} == {"corpus/activation-error-codes.{locale}.md"} and '"line"' not in written
    assert main([*check, "--write-baseline", str(baseline)]) == 0 and baseline.read_text(encoding="utf-8") == written
    capsys.readouterr()

    replace_line(corpus_copy / ES, 26, " consulte [", "\nconsulte [")  # every later es-ES line moves down one
    assert main([*check, "--baseline", str(baseline)]) == 0
    assert capsys.readouterr().out == "no findings\n"
    assert [f.loc.line for f in run([corpus_copy / ES], select=["WL201"])] == [49]

    replace_line(corpus_copy / FR, 48, "(#0x8007232b-", "(#0x8007251d-")
    assert main([*check, "--baseline", str(baseline)]) == 1
    out = capsys.readouterr().out
    assert re.findall(r"^\S+: WL\d+", out, re.M) == [f"{corpus_copy / FR}:48:2: WL201"]


WORKFLOW = ROOT / "docs" / "github-workflow.yml"


def test_readme_quotes_the_workflow_file() -> None:
    assert f"```yaml\n{WORKFLOW.read_text(encoding='utf-8')}```\n" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_workflow_commands_run_as_on_github(branch: Path) -> None:
    """The workflow's own winact-lint commands, on a pull-request branch whose base is origin/main."""
    job = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["winact-lint"]
    assert job["permissions"]["security-events"] == "write" and job["steps"][0]["with"]["fetch-depth"] == 0
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    sarif_step, gate_step = [step for step in job["steps"] if step.get("run", "").startswith("winact-lint ")]
    assert upload["if"] == "always()" and gate_step["if"] == "github.event_name == 'pull_request'"
    git(branch, "update-ref", "refs/remotes/origin/main", "main")
    github_context = {"${{ github.base_ref }}": "main"}
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    env = {**os.environ, "PATH": path, **job["env"], **{k: github_context.get(v, v) for k, v in gate_step.get("env", {}).items()}}

    scan = subprocess.run(["bash", "-c", sarif_step["run"]], env=env, capture_output=True, text=True)
    assert (scan.returncode, scan.stderr) == (0, "")
    document = json.loads((branch / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(SARIF_SUBSET).validate(document)
    assert {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in document["runs"][0]["results"]} >= {
        f"docs/{ES}", f"docs/{FR}", "docs/activation-error-codes.ja-JP.md"
    }  # fmt: skip

    gate = subprocess.run(["bash", "-c", gate_step["run"]], env=env, capture_output=True, text=True)
    assert (gate.returncode, gate.stderr) == (1, "")
    annotated = re.findall(r"^::(?:error|warning|notice) file=([^,]+),line=(\d+)", gate.stdout, re.M)
    assert (f"docs/{FR}", "48") in annotated and {file for file, _ in annotated} <= {f"docs/{FR}", "docs/activation-error-codes.ja-JP.md"}
