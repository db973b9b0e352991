"""The pre-commit hook: its manifest, the README's config snippet, file lists split into batches, and the
real `pre-commit try-repo` building the hook from this working tree (the two slow tests run side by side)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from lint.runner import sort_key
from tests.conftest import CORPUS, ROOT, git, run

MANIFEST = ROOT / ".pre-commit-hooks.yaml"
ES = "docs/activation-error-codes.es-ES.md"


def _pre_commit(*arguments: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", *arguments], cwd=cwd, capture_output=True, text=True)


def test_manifest_declares_a_serial_python_hook_on_markdown() -> None:
    (hook,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert (hook["id"], hook["language"], hook["types"], hook["require_serial"]) == ("winact-lint", "python", ["markdown"], True)
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert hook["entry"] == "winact-lint check" and "winact-lint" in scripts
    assert _pre_commit("validate-manifest", str(MANIFEST)).returncode == 0


def test_readme_snippet_is_a_valid_config_for_the_hook(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = next(block for block in re.findall(r"```yaml\n(.*?)```", readme, re.S) if block.startswith("# .pre-commit-config.yaml"))
    (repo,) = yaml.safe_load(snippet)["repos"]
    assert [hook["id"] for hook in repo["hooks"]] == [hook["id"] for hook in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))]
    (tmp_path / ".pre-commit-config.yaml").write_text(snippet, encoding="utf-8")
    assert _pre_commit("validate-config", ".pre-commit-config.yaml", cwd=tmp_path).returncode == 0


def test_batches_neither_repeat_nor_miss_cross_locale_findings(corpus_copy: Path) -> None:
    """pre-commit may split the staged files into several runs; each file's findings come out exactly once."""
    files = sorted(corpus_copy.glob("*.md"))
    whole = run(files)
    assert {f.locale for f in whole} >= {"es-ES", "fr-FR", "ja-JP"}
    for batches in ([files[:2], files[2:]], [[file] for file in files]):
        assert sorted((f for batch in batches for f in run(batch)), key=sort_key) == whole


def _snapshot(target: Path) -> Path:
    """This working tree as pre-commit would fetch it: a repository with one commit (tracked and new files)."""
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    git(target, "init", "-q")
    git(target, "add", ".")
    git(target, "commit", "-qm", "snapshot")
    return target


def _docs_repository(target: Path, committed: dict[str, str], staged: dict[str, str]) -> Path:
    git(target.parent, "init", "-q", target.name)
    for files in (committed, staged):
        for name, text in files.items():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_text(text, encoding="utf-8")
            git(target, "add", name)
        if files is committed:
            git(target, "commit", "-q", "--allow-empty", "-m", "docs")
    return target


@pytest.fixture(scope="module")
def try_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, subprocess.Popen[str]]]:
    """`pre-commit try-repo <this repo> winact-lint` on the staged files of two docs repositories, started together."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of winact-lint")
    base = tmp_path_factory.mktemp("pre-commit")
    hooks = _snapshot(base / "winact-lint")
    corpus = {f"docs/{path.name}": path.read_text(encoding="utf-8") for path in CORPUS.glob("*.md")}
    staged_es = {ES: corpus.pop(ES)}
    plain = {
        "README.md": "# Docs\n\nHow to build.\n",
        "docs/guide.md": "# Guide\n\n| Code | Meaning |\n|---|---|\n| 0xC004F074 | no KMS |\n",
    }
    repositories = {"corpus": _docs_repository(base / "corpus", corpus, staged_es), "plain": _docs_repository(base / "plain", {}, plain)}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "winact-lint", "--color", "never"]
    runs = {
        name: subprocess.Popen(command, cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for name, repo in repositories.items()
    }
    yield runs
    for process in runs.values():
        process.kill()
        process.wait()


def _finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    out, _ = process.communicate(timeout=900)
    return process.returncode, out


def test_real_hook_fails_on_the_staged_es_row_only(try_repo: dict[str, subprocess.Popen[str]]) -> None:
    code, out = _finish(try_repo["corpus"])
    assert code == 1 and "- hook id: winact-lint" in out, out
    heads = re.findall(r"^(\S+):(\d+):\d+: (WL\d+) ", out, re.M)
    assert (ES, "48", "WL201") in heads and {path for path, _, _ in heads} == {ES}, out
    assert "    fr-FR docs/activation-error-codes.fr-FR.md:48: [0x8007232B](#0x8007232b-dns-name-does-not-exist)" in out


def test_real_hook_passes_quietly_on_plain_markdown(try_repo: dict[str, subprocess.Popen[str]]) -> None:
    code, out = _finish(try_repo["plain"])
    assert code == 0 and re.search(r"^winact-lint \(translation consistency\)\.+Passed$", out, re.M), out
