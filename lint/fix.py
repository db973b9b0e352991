"""--fix and --diff: the `Edit`s of findings applied to the files' own bytes, and nothing else.

Edits are made on the text decoded from the bytes on disk (the parser's text is normalised: no BOM,
LF only), which is encoded back the same way, so encoding, byte-order mark, line endings and every
untouched byte stay as they were. A file is replaced atomically, and only when it still holds the
bytes it had when it was checked.
"""

from __future__ import annotations

import codecs
import contextlib
import difflib
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

from lint.discover import discover
from lint.edits import LineIndex, apply_fixes
from lint.finding import Finding

_CODECS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
           (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))  # fmt: skip
CHANGED = "it changed on disk while it was checked"


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
        return _not_fixed(FileFix(path, b"", b""), f"cannot be read ({error.strerror})")
    if digest != hashlib.sha256(data).hexdigest():
        return _not_fixed(FileFix(path, data, data), CHANGED)
    decoded = _decode(data)
    if decoded is None:
        return _not_fixed(FileFix(path, data, data), "its bytes cannot be written back unchanged")
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


def write_fix(fix: FileFix) -> FileFix:
    """Replace the file by `fix.after` (a temporary file renamed over it, mode kept): what was done."""
    target = os.path.realpath(fix.path)
    try:
        if Path(target).read_bytes() != fix.before:
            return _not_fixed(fix, CHANGED)
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
        if fix.changed:
            for line in _file_diff(fix.path, _split_lines(fix.text_before), _split_lines(fix.text_after)):
                chunks.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(chunks)


def _file_diff(path: str, before: list[str], after: list[str]) -> Iterator[str]:
    """difflib.unified_diff without its junk heuristic, which shows common blank lines as changed."""
    yield f"--- {path}\n+++ {path}\n"
    for group in difflib.SequenceMatcher(None, before, after, autojunk=False).get_grouped_opcodes(3):
        yield f"@@ -{_hunk_range(group[0][1], group[-1][2])} +{_hunk_range(group[0][3], group[-1][4])} @@\n"
        for tag, old_start, old_end, new_start, new_end in group:
            if tag == "equal":
                yield from (" " + line for line in before[old_start:old_end])
                continue
            yield from ("-" + line for line in before[old_start:old_end])
            yield from ("+" + line for line in after[new_start:new_end])


def _hunk_range(start: int, stop: int) -> str:
    length = stop - start
    return str(start + 1) if length == 1 else f"{start + 1 if length else start},{length}"


def _split_lines(text: str) -> list[str]:
    """Lines with their own line breaks; unlike str.splitlines, only CR and LF break a line."""
    return [text[start:end] for start, end in pairwise([*LineIndex(text).starts, len(text)]) if start < end]


def outcome_lines(fixes: Sequence[FileFix], written: bool) -> list[str]:
    """What was (or, for --diff, would be) fixed, per finding, what was left out and why, and a total."""
    verb = "fixed" if written else "would fix"
    lines = [f"{finding.loc}: {verb} {finding.rule} {finding.name}" for fix in fixes for finding in fix.fixed]
    lines += [note for fix in fixes for note in fix.skipped]
    count, files = sum(len(fix.fixed) for fix in fixes), sum(1 for fix in fixes if fix.fixed)
    lines.append(f"{verb} {count} finding{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}")
    return lines
