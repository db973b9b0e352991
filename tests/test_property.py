"""Property: whatever random edits do to the corpus, the linter neither crashes nor hangs, every
finding points at a line of its file, and the same files give the same findings."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.finding import Finding
from tests.conftest import LOCALES, corpus_file, run

CORPUS_LINES = {locale: corpus_file(locale).read_text(encoding="utf-8").split("\n") for locale in LOCALES}
ANYWHERE = st.integers(min_value=0, max_value=10_000)  # taken modulo the file's length
UNICODE = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12)
MARKUP = st.sampled_from(["|", "**", "[", "](#", '<a name="', "0x", "0xC004F074", "> ", "- ", "## ", "---", "\r", "\t", "`", "<!--"])
EDITS = st.one_of(
    st.tuples(st.just("delete"), ANYWHERE),
    st.tuples(st.just("duplicate"), ANYWHERE),
    st.tuples(st.just("swap"), ANYWHERE, ANYWHERE),
    st.tuples(st.just("insert"), ANYWHERE, ANYWHERE, st.one_of(UNICODE, MARKUP)),
)
GROUPS = st.dictionaries(st.sampled_from(LOCALES), st.lists(EDITS, max_size=6), min_size=1, max_size=3)


def edited(lines: list[str], edits: list[tuple]) -> str:  # type: ignore[type-arg]
    lines = list(lines)
    for kind, at, *rest in edits:
        at %= len(lines)
        if kind == "delete" and len(lines) > 1:
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "swap":
            other = rest[0] % len(lines)
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "insert":
            column = rest[0] % (len(lines[at]) + 1)
            lines[at] = lines[at][:column] + rest[1] + lines[at][column:]
    return "\n".join(lines)


def misplaced(findings: list[Finding], files: dict[str, str]) -> list[Finding]:
    """Findings whose line is not in their file, or whose column is past the end of that line."""
    lines = {path: text.replace("\r\n", "\n").replace("\r", "\n").split("\n") for path, text in files.items()}
    wrong = []
    for finding in findings:
        own = lines[finding.loc.path]
        inside = 1 <= finding.loc.line <= len(own) and 1 <= finding.loc.col <= len(own[finding.loc.line - 1]) + 1
        related = all(1 <= other.loc.line <= len(lines[other.loc.path]) for other in finding.related)
        if not (inside and related):
            wrong.append(finding)
    return wrong


@settings(max_examples=40, deadline=timedelta(seconds=30), suppress_health_check=[HealthCheck.too_slow])
@given(GROUPS)
def test_random_edits_never_crash_misplace_or_vary(group: dict[str, list[tuple]]) -> None:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for locale, edits in group.items():
            path = corpus_file(locale, Path(folder))
            files[str(path)] = edited(CORPUS_LINES[locale], edits)
            path.write_text(files[str(path)], encoding="utf-8")
        findings = run([folder])
        assert not [f.message for f in findings if f.message.startswith("internal error")]
        assert misplaced(findings, files) == []
        assert run([folder]) == findings
