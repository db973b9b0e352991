"""From the paths a user names to article groups: which files are the locale versions of one article.

Layouts, told apart by the paths themselves:
  (a) one folder, one file per locale (`corpus/x.fr-FR.md`, or free names with `ms.contentlocale`);
  (b) docs-repo trees `ROOT/<locale>/<path>`: the same <path> under each locale folder;
  (c) sibling checkouts `NAME.<locale>/<path>`.
Files named by the user are the targets; their other locale versions are read from disk as evidence.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from functools import lru_cache
from itertools import islice
from pathlib import Path

from lint.locales import path_locale
from lint.text import canonical_locale

MARKDOWN_SUFFIXES = (".md", ".markdown")
_LOCALE_IN_NAME = re.compile(r"(?<=[._-])([a-z]{2,3}(?:[-_][A-Za-z]{4})?[-_](?:[A-Za-z]{2}|[0-9]{3}))(?=\.[A-Za-z]+$)", re.I)
_CONTENT_LOCALE = re.compile(r"^(?:ms\.contentlocale|locale):[ \t]*['\"]?([^'\"\s]{1,40})", re.M)


@dataclass(frozen=True)
class Plan:
    """One article group to check: its files (with the locale their path gives) and the targets among them."""

    name: str
    files: tuple[tuple[str, str | None], ...]
    targets: frozenset[str]


@dataclass(frozen=True)
class Located:
    path: str
    key: str  # the path with its locale part replaced by {locale}
    locale: str | None


def discover(paths: Iterable[str], exclude: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """The Markdown files named or found below folders (sorted), and the paths that do not exist."""
    found: set[str] = set()
    missing = []
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            found.add(_posix(path))
        elif path.is_dir():
            found.update(_posix(p) for p in _walk(path))
        else:
            missing.append(raw)
    return sorted(p for p in found if not _excluded(p, exclude)), missing


def _walk(folder: Path) -> Iterable[Path]:
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            path = Path(root, name)
            # broken links are kept, to be reported unreadable; FIFOs and devices are not: opening one can block forever
            if name.lower().endswith(MARKDOWN_SUFFIXES) and (path.is_file() or not path.exists()):
                yield path


def _excluded(path: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch(path, pattern) or fnmatch(path, pattern.rstrip("/") + "/*") for pattern in patterns)


def _posix(path: Path) -> str:
    text = path.as_posix()
    return text[2:] if text.startswith("./") else text


def locate(path: str) -> Located:
    """The article key and locale a path gives (layouts b, c, then a locale in the file name)."""
    parts = path.split("/")
    for index, part in enumerate(parts[:-1]):
        if locale := path_locale(part):
            return Located(path, "/".join([*parts[:index], "{locale}", *parts[index + 1 :]]), locale)
        stem, dot, suffix = part.rpartition(".")
        if dot and stem and (locale := path_locale(suffix)):
            return Located(path, "/".join([*parts[:index], stem + ".{locale}", *parts[index + 1 :]]), locale)
    name = parts[-1]
    if (match := _LOCALE_IN_NAME.search(name)) and (locale := path_locale(match.group(1))):
        key = name[: match.start()] + "{locale}" + name[match.end() :]
        return Located(path, "/".join([*parts[:-1], key]), locale)
    return Located(path, path, None)


@lru_cache(maxsize=4096)
def peek_locale(path: str) -> str | None:
    """The locale a file's front matter declares, read from its first few kilobytes."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8192).decode("utf-8", "replace")  # its byte-order mark is stripped below: "utf-8-sig" costs an import
    except OSError:
        return None
    if not head.lstrip("\ufeff").startswith("---"):
        return None
    match = _CONTENT_LOCALE.search(head)
    return canonical_locale(match.group(1)) if match else None


def plan_groups(targets: list[str], exclude: tuple[str, ...] = ()) -> list[Plan]:
    """Group the targets with their other locale versions on disk; one Plan per article."""
    located = {path: locate(path) for path in targets}
    folders = _Folders()
    for path in list(located):
        for sibling in _siblings(located[path], folders):
            if sibling not in located and not _excluded(sibling, exclude) and os.path.isfile(sibling):
                located[sibling] = locate(sibling)
    groups: dict[str, list[Located]] = {}
    for item in located.values():
        key = item.key if item.locale else _folder_key(item)
        groups.setdefault(key, []).append(item)
    target_set = frozenset(targets)
    plans = []
    for key, members in sorted(groups.items()):
        if not target_set.intersection(m.path for m in members):
            continue
        members.sort(key=lambda m: m.path)
        files = tuple((m.path, m.locale) for m in members)
        plans.append(Plan(key, files, target_set.intersection(m.path for m in members)))
    return plans


def _folder_key(item: Located) -> str:
    """Layout (a) with free names: files of one folder whose front matter names a locale."""
    return item.path.rpartition("/")[0] + "/*" if peek_locale(item.path) else item.path


class _Folders:
    """Folder contents for one planning, each folder listed once: a sibling lookup per file stays cheap in a folder of thousands."""

    def __init__(self) -> None:
        self._names: dict[str, list[str]] = {}
        self._expanded: set[str] = set()

    def names(self, folder: str) -> list[str]:
        if folder not in self._names:
            try:
                self._names[folder] = sorted(os.listdir(folder))
            except OSError:
                self._names[folder] = []
        return self._names[folder]

    def starting_with(self, folder: str, prefix: str) -> Iterator[str]:
        names = self.names(folder)
        for name in islice(names, bisect_left(names, prefix), None):
            if not name.startswith(prefix):
                return
            yield name

    def markdown_once(self, folder: str) -> list[str]:
        """The folder's Markdown files the first time it is asked for; later, nothing new."""
        if folder in self._expanded:
            return []
        self._expanded.add(folder)
        paths = (Path(folder, name) for name in self.names(folder) if not name.startswith("."))
        return [_posix(path) for path in paths if path.name.lower().endswith(MARKDOWN_SUFFIXES) and path.is_file()]


def _siblings(item: Located, folders: _Folders) -> list[str]:
    """Paths that would be other locale versions of the same article; whether they are files is not looked up
    (most of them are the targets themselves, and a look-up per path is most of the cost of planning)."""
    if item.locale is None:
        folder = item.path.rpartition("/")[0] or "."
        return folders.markdown_once(folder) if peek_locale(item.path) else []
    before, _, after = item.key.partition("{locale}")
    folder, _, prefix = before.rpartition("/")
    after_head, _, rest = after.partition("/")
    found = []
    for name in folders.starting_with(folder or ".", prefix):
        middle = name[len(prefix) : len(name) - len(after_head)]
        if name.endswith(after_head) and path_locale(middle):
            found.append("/".join(part for part in (folder, name, rest) if part))
    return found
