"""--fix and --diff: the `Edit`s of findings applied to the files' own bytes, and nothing else.

Edits are checked against the bytes on disk (the parser's text is normalised: no BOM, LF only), so
encoding, byte-order mark, line endings and every untouched byte stay as they were. A finding's
edits apply together or not at all; edits that overlap apply none. A file is replaced atomically,
and only when it still holds the bytes it had when it was checked.
"""

from __future__ import annotations

import codecs
import contextlib
import difflib
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from lint.discover import discover
from lint.finding import Edit, Finding

_CODECS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
           (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))  # fmt: skip
_LINE_END = re.compile(r"\r\n|\r|\n")  # what the parser counts as a line break


@dataclass(frozen=True)
class Span:
    """An edit located in the file's text: `text[start:end]` becomes `new`."""

    start: int
    end: int
    new: str


@dataclass(frozen=True)
class FileFix:
    """What fixing one file changes, which findings it fixes and which fixes it leaves out, and why."""

    path: str
    before: bytes
    after: bytes
    text_before: str = ""
    text_after: str = ""
    fixed: tuple[Finding, ...] = ()
    skipped: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.after != self.before


def snapshot(paths: Sequence[str], exclude: tuple[str, ...] = ()) -> dict[str, str]:
    """The digest of each file the paths name, taken before they are checked."""
    digests = {}
    for path in discover(paths, exclude)[0]:
        try:
            with open(path, "rb") as handle:
                digests[path] = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError:
            continue
    return digests


def plan_fixes(findings: Iterable[Finding], digests: Mapping[str, str]) -> list[FileFix]:
    """One FileFix per file with fixable findings, in path order; nothing is written."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.fixes:
            by_path.setdefault(finding.loc.path, []).append(finding)
    return [fix_file(path, by_path[path], digests.get(path)) for path in sorted(by_path)]


def fix_file(path: str, findings: Sequence[Finding], digest: str | None) -> FileFix:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return FileFix(path, b"", b"", skipped=(f"{path}: not fixed: cannot be read ({error.strerror})",))
    if digest != hashlib.sha256(data).hexdigest():
        return FileFix(path, data, data, skipped=(f"{path}: not fixed: it changed on disk while it was checked",))
    decoded = _decode(data)
    if decoded is None:
        return FileFix(path, data, data, skipped=(f"{path}: not fixed: its bytes cannot be written back unchanged",))
    bom, codec, text = decoded
    new_text, fixed, skipped = apply_fixes(text, findings)
    return FileFix(path, data, bom + new_text.encode(codec), text, new_text, fixed, skipped)


def _decode(data: bytes) -> tuple[bytes, str, str] | None:
    """BOM, codec and text of a file whose text encodes back to exactly its bytes."""
    bom, codec = next(((bom, codec) for bom, codec in _CODECS if data.startswith(bom)), (b"", "utf-8"))
    try:
        text = data[len(bom) :].decode(codec)
    except UnicodeDecodeError:
        return None
    return (bom, codec, text) if bom + text.encode(codec) == data else None


def apply_fixes(text: str, findings: Sequence[Finding]) -> tuple[str, tuple[Finding, ...], tuple[str, ...]]:
    """The text with every finding's edits made, the findings fixed, and why the others were not."""
    lines = LineIndex(text)
    located: list[tuple[Finding, list[Span]]] = []
    skipped: list[str] = []
    for finding in findings:
        results = [lines.span(edit) for edit in finding.fixes]
        problem = next((result for result in results if isinstance(result, str)), None)
        if problem is None:
            located.append((finding, [result for result in results if isinstance(result, Span)]))
        else:
            skipped.append(f"{finding.loc}: {finding.rule} fix skipped: {problem}")
    clashing = _clashing(sorted({span for _, spans in located for span in spans}, key=lambda s: (s.start, s.end)))
    fixed: list[Finding] = []
    chosen: set[Span] = set()
    for finding, spans in located:
        if clashing.isdisjoint(spans):
            fixed.append(finding)
            chosen.update(spans)
        else:
            skipped.append(f"{finding.loc}: {finding.rule} fix skipped: it overlaps another fix")
    pieces, kept_from = [], 0
    for span in sorted(chosen, key=lambda s: s.start):
        pieces += [text[kept_from : span.start], span.new]
        kept_from = span.end
    return "".join(pieces) + text[kept_from:], tuple(fixed), tuple(skipped)


def _clashing(spans: list[Span]) -> set[Span]:
    """The spans (sorted by start) that overlap another one, or start where it starts."""
    clashing: set[Span] = set()
    for index, first in enumerate(spans):
        for second in spans[index + 1 :]:
            if second.start >= first.end and second.start != first.start:
                break
            clashing.update((first, second))
    return clashing


class LineIndex:
    """Line and column (1-based, columns in characters, line breaks as the parser counts them) to offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        self.ends = []  # where each line's content stops, before its line break
        for match in _LINE_END.finditer(text):
            self.ends.append(match.start())
            self.starts.append(match.end())
        self.ends.append(len(text))

    def span(self, edit: Edit) -> Span | str:
        """Where `edit.old` stands in the text, or why it is not exactly at `edit.line`:`edit.col`."""
        if not (1 <= edit.line <= len(self.starts) and 1 <= edit.col <= self.ends[edit.line - 1] - self.starts[edit.line - 1] + 1):
            return f"{edit.line}:{edit.col} is not in the file"
        start = position = self.starts[edit.line - 1] + edit.col - 1
        index = edit.line - 1
        parts = edit.old.split("\n")
        for number, part in enumerate(parts):
            if "\r" in part or self.text[position : position + len(part)] != part or position + len(part) > self.ends[index]:
                found = self.text[position : min(position + len(part), self.ends[index])]
                return f"expected {part!r} at {index + 1}:{position - self.starts[index] + 1}, found {found!r}"
            position += len(part)
            if number < len(parts) - 1:
                if position != self.ends[index] or index + 1 == len(self.starts):
                    return f"expected a line break at {index + 1}:{position - self.starts[index] + 1}"
                index += 1
                position = self.starts[index]
        line_break = self.text[self.ends[edit.line - 1] : self.starts[edit.line]] if edit.line < len(self.starts) else ""
        return Span(start, position, edit.new.replace("\n", line_break or "\n"))


def write_fix(fix: FileFix) -> FileFix:
    """Replace the file by `fix.after` (a temporary file renamed over it, mode kept): what was done."""
    target = os.path.realpath(fix.path)
    try:
        if Path(target).read_bytes() != fix.before:
            return _not_fixed(fix, "it changed on disk while it was checked")
        mode = stat.S_IMODE(os.stat(target).st_mode)
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(target), prefix=f".{os.path.basename(target)}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(fix.after)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except OSError as error:
        return _not_fixed(fix, str(error.strerror or error))
    return fix


def _not_fixed(fix: FileFix, reason: str) -> FileFix:
    return replace(fix, after=fix.before, text_after=fix.text_before, fixed=(), skipped=(*fix.skipped, f"{fix.path}: not fixed: {reason}"))


def unified_diff(fixes: Iterable[FileFix]) -> str:
    """The changes as one unified diff (`patch -p0` applies it to UTF-8 files)."""
    chunks = []
    for fix in fixes:
        if not fix.changed:
            continue
        before, after = _split_lines(fix.text_before), _split_lines(fix.text_after)
        for line in difflib.unified_diff(before, after, fix.path, fix.path):
            chunks.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(chunks)


def _split_lines(text: str) -> list[str]:
    """Lines with their own line breaks; unlike str.splitlines, only CR and LF break a line."""
    starts = [0] + [match.end() for match in _LINE_END.finditer(text)]
    return [text[start:end] for start, end in zip(starts, [*starts[1:], len(text)], strict=True) if start < end]


def outcome_lines(fixes: Sequence[FileFix], written: bool) -> list[str]:
    """What was (or, for --diff, would be) fixed, per finding, what was left out and why, and a total."""
    verb = "fixed" if written else "would fix"
    lines = [f"{finding.loc}: {verb} {finding.rule} {finding.name}" for fix in fixes for finding in fix.fixed]
    lines += [note for fix in fixes for note in fix.skipped]
    count, files = sum(len(fix.fixed) for fix in fixes), sum(1 for fix in fixes if fix.fixed)
    lines.append(f"{verb} {count} finding{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}")
    return lines
