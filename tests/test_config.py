"""Configuration: `[tool.winact-lint]` or winact-lint.toml, found upward; every mistake is one line and exit 2."""

from __future__ import annotations

import inspect
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from lint.cli import main
from lint.config import ConfigError, find_config_file, parse_config
from lint.finding import Finding, Severity
from lint.group import ArticleGroup
from lint.registry import Rule, load_rules


def _check(*argv: str) -> int:
    return main(["check", "corpus", *argv])


def _found(out: str) -> list[str]:
    """`file:line rule severity` of each finding in text output."""
    return [f"{Path(m[0]).name}:{m[1]} {m[2]} {m[3]}" for m in re.findall(r"^(\S+?):(\d+):\d+: (WL\d+) (\w+)", out, re.M)]


@pytest.fixture
def project(corpus_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A docs project holding the corpus, as the working folder."""
    monkeypatch.chdir(corpus_copy.parent)
    return corpus_copy.parent


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("selct = ['WL2']", "unknown key 'selct' in [tool.winact-lint] (known: exclude, fail-on, glossary, ignore, max-file-size, "),
        ("select = ['WL9']", "select: unknown rule 'WL9' (see `winact-lint rules`)"),
        ("ignore = ['no-such-rule']", "ignore: unknown rule 'no-such-rule' (see `winact-lint rules`)"),
        ("severity = { WL299 = 'info' }", "severity: unknown rule 'WL299' (see `winact-lint rules`)"),
        ("severity = { WL201 = 'fatal' }", "severity of WL201 must be error, warning or info, not 'fatal'"),
        ("per-file-ignores = { 'x/*.md' = ['WL777'] }", "per-file-ignores: unknown rule 'WL777' (see `winact-lint rules`)"),
        ("per-file-ignores = { 'x/*.md' = 'WL201' }", "per-file-ignores['x/*.md'] must be a list of strings"),
        ("options = { WL2 = { x = 1 } }", "options: unknown rule 'WL2' (options are set per rule code, see `winact-lint rules`)"),
        ("options = { WL201 = { x = 1 } }", "options for WL201: unknown option (known: none)"),
        ("fail-on = 'sometimes'", "fail-on must be one of error, warning, info, never, not 'sometimes'"),
        ("max-file-size = true", "max-file-size must be a positive number of bytes"),
        ("reference-locale = 'english'", "reference-locale must be a locale such as en-US, not 'english'"),
        ("glossary = 'Windows'", "glossary must be a list of strings"),
        ("select = [", "cannot read configuration: "),
    ],
)
def test_mistakes_are_one_line_and_exit_2(toml: str, message: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text(f"[project]\nname = 'docs'\n\n[tool.winact-lint]\n{toml}\n", encoding="utf-8")
    assert _check() == 2
    err = capsys.readouterr().err
    assert err.startswith(f"winact-lint: error: {project / 'pyproject.toml'}: {message}") and err.count("\n") == 1


def test_select_and_ignore_take_prefixes_and_names(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "winact-lint.toml").write_text(
        "select = ['WL2', 'supported-codes-differ']\nignore = ['duplicate-table-code']\n", encoding="utf-8"
    )
    assert _check() == 1
    assert _found(capsys.readouterr().out) == [
        "activation-error-codes.es-ES.md:36 WL301 error", "activation-error-codes.es-ES.md:48 WL201 error",
        "activation-error-codes.fr-FR.md:36 WL301 error", "activation-error-codes.ja-JP.md:36 WL301 error",
    ]  # fmt: skip
    assert _check("--select", "WL203") == 0  # the command line replaces select; the file's ignore still wins
    assert _check("--select", "WL203", "--ignore", "WL301") == 1
    assert _found(capsys.readouterr().out) == ["activation-error-codes.es-ES.md:48 WL203 error"]


def test_severity_by_prefix_and_fail_on_from_the_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "winact-lint.toml").write_text(
        "select = ['WL201', 'WL203']\nseverity = { WL2 = 'warning' }\nfail-on = 'warning'\n", encoding="utf-8"
    )
    assert _check() == 1
    assert _found(capsys.readouterr().out) == [
        "activation-error-codes.es-ES.md:48 WL201 warning",
        "activation-error-codes.es-ES.md:48 WL203 warning",
    ]
    assert _check("--fail-on", "error") == 0


def test_per_file_ignores_are_relative_to_the_configuration(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "winact-lint.toml").write_text(
        "select = ['WL2', 'WL3']\nexclude = ['corpus/*.ja-JP.md']\n"
        "per-file-ignores = { 'corpus/*.es-ES.md' = ['WL2'], '*.fr-FR.md' = ['supported-codes-differ'] }\n",
        encoding="utf-8",
    )
    assert _check() == 1
    assert _found(capsys.readouterr().out) == ["activation-error-codes.es-ES.md:36 WL301 error"]
    monkeypatch.chdir(project / "corpus")  # the configuration is found upward and its patterns still apply
    assert main(["check", "."]) == 1
    assert _found(capsys.readouterr().out) == ["activation-error-codes.es-ES.md:36 WL301 error"]


def test_found_upward_winact_lint_toml_first_and_pyproject_only_with_its_table(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text("[tool.winact-lint]\n", encoding="utf-8")
    (tmp_path / "a" / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n", encoding="utf-8")
    assert find_config_file(nested) == tmp_path / "pyproject.toml"
    (tmp_path / "a" / "winact-lint.toml").write_text("", encoding="utf-8")
    assert find_config_file(nested) == tmp_path / "a" / "winact-lint.toml"


def _spaced(group: ArticleGroup, *, max_ratio: float = 2.0, glossary: tuple[str, ...] = ()) -> Iterator[Finding]:
    """A rule with options."""
    yield from ()


def test_options_take_hyphenated_names_and_glossary_reaches_rules() -> None:
    rules = {"WL900": Rule("WL900", "spaced", Severity.WARNING, False, _spaced), **load_rules()}
    config = parse_config({"options": {"spaced": {"max-ratio": 3.5}}, "glossary": ["Windows", "KMS"]}, rules)
    assert config.options_for(rules["WL900"]) == {"glossary": ("Windows", "KMS"), "max_ratio": 3.5}
    with pytest.raises(ConfigError, match=r"^options for WL900: unknown option \(known: max-ratio, glossary\)$"):
        parse_config({"options": {"WL900": {"min-ratio": 1}}}, rules)


def test_readme_example_is_a_valid_configuration() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```toml\n(.*?)```", readme, re.S)
    config = parse_config(tomllib.loads(example)["tool"]["winact-lint"], load_rules())
    assert (config.fail_on, config.glossary, config.options) == ("warning", ("Windows", "KMS"), {"WL702": {"share": 0.9}})


def test_a_rules_options_are_its_keyword_only_parameters_each_with_its_default() -> None:
    for rule in load_rules().values():
        parameters = inspect.signature(rule.check).parameters.values()
        assert rule.options == {p.name: p.default for p in parameters if p.kind is p.KEYWORD_ONLY}, rule.code
