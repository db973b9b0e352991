"""Shared helpers: the corpus, temporary copies of it, and running the linter in-process."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from lint.config import Config
from lint.finding import Finding
from lint.runner import lint

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
LOCALES = ("es-ES", "fr-FR", "ja-JP", "ru-RU", "zh-CN")


def corpus_file(locale: str, folder: Path = CORPUS) -> Path:
    return folder / f"activation-error-codes.{locale}.md"


def run(paths: Sequence[Path | str], select: Sequence[str] = (), **config: object) -> list[Finding]:
    """Findings for `paths`, as `winact-lint check` computes them (one process)."""
    return list(lint([str(p) for p in paths], Config(select=tuple(select), **config), jobs=1))  # type: ignore[arg-type]


def where(findings: Sequence[Finding]) -> list[tuple[str, str, int]]:
    """(rule, file name, line) of each finding: what tests pin."""
    return [(f.rule, Path(f.loc.path).name, f.loc.line) for f in findings]


def replace_line(path: Path, line: int, old: str, new: str) -> None:
    """Change `old` to `new` on one line of a copied file (asserting it is there)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1], f"{old!r} not on line {line} of {path.name}: {lines[line - 1]!r}"
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the corpus folder."""
    return Path(shutil.copytree(CORPUS, tmp_path / "corpus", ignore=shutil.ignore_patterns("README.md")))


def git(repo: Path, *arguments: str) -> str:
    """Run git in `repo` under a throw-away identity; its standard output."""
    identity = ["-c", "user.name=winact-lint tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false"]
    return subprocess.run(["git", *identity, *arguments], cwd=repo, capture_output=True, text=True, check=True).stdout
