"""`--changed-since REF`: the Markdown files a branch changed, what a pull-request job checks.

Changed means: different in the working tree from the point where the branch left REF (their merge
base; REF itself when there is none), plus untracked files git does not ignore. Their other locale
versions are still read, as evidence, by the runner.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from lint.config import ConfigError
from lint.discover import MARKDOWN_SUFFIXES


def changed_markdown(paths: Sequence[str], ref: str) -> list[str]:
    """Markdown files at or below `paths` changed since `ref`, relative to the working folder, sorted."""
    missing = [path for path in paths if not Path(path).exists()]
    if missing:
        raise ConfigError(f"no such file or folder: {missing[0]}")
    if not ref or ref.startswith("-"):
        raise ConfigError(f"--changed-since: {ref!r} is not a git revision")
    here = Path.cwd()
    root = Path(_git(["rev-parse", "--show-toplevel"], here, f"--changed-since needs a git repository, and {here} is not in one").strip())
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root, f"--changed-since: unknown git revision {ref!r}")
    base = _git(["merge-base", ref, "HEAD"], root, None).strip() or ref
    names = _git(["diff", "--name-only", "--no-renames", "-z", base, "--"], root, "--changed-since: git diff failed", explain=True)
    names += _git(["ls-files", "--others", "--exclude-standard", "-z"], root, "--changed-since: git ls-files failed", explain=True)
    scopes = [Path(path).resolve() for path in paths]
    found = set()
    for name in filter(None, names.split("\0")):
        absolute = root / name
        if name.lower().endswith(MARKDOWN_SUFFIXES) and absolute.is_file() and _within(absolute.resolve(), scopes):
            found.add(Path(os.path.relpath(absolute, here)).as_posix())
    return sorted(found)


def _within(path: Path, scopes: list[Path]) -> bool:
    return any(path == scope or scope in path.parents for scope in scopes)


def _git(arguments: list[str], cwd: Path, failure: str | None, explain: bool = False) -> str:
    """git's standard output; when git fails, "" if `failure` is None, else a one-line ConfigError saying
    `failure` (and what git said, if `explain`)."""
    try:
        result = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="surrogateescape")
    except FileNotFoundError:
        raise ConfigError("--changed-since needs git, which is not installed") from None
    if result.returncode == 0:
        return result.stdout
    if failure is None:
        return ""
    said = result.stderr.strip().splitlines()
    raise ConfigError(f"{failure} ({said[-1].removeprefix('fatal: ')})" if explain and said else failure)
