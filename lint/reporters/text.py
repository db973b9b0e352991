"""`path:line:col: CODE severity message`, with what the other locales have indented below."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence

from lint.finding import Finding
from lint.registry import Rule

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_DIM, _BOLD, _RESET = "\033[2m", "\033[1m", "\033[0m"
_EXCERPT = 120


def render(findings: Iterable[Finding], rules: Mapping[str, Rule], colour: bool = False) -> Iterator[str]:
    """The report line by line, as the findings come; the summary last."""
    counts: Counter[str] = Counter()
    files: set[str] = set()
    for finding in findings:
        severity = str(finding.severity)
        counts[severity] += 1
        files.add(finding.loc.path)
        if colour:
            severity = f"{_COLOURS.get(severity, '')}{severity}{_RESET}"
        head = f"{finding.loc}: {finding.rule} {severity} {finding.message}"
        yield (f"{_BOLD}{finding.loc}{_RESET}{head[len(str(finding.loc)) :]}" if colour else head) + "\n"
        for related in finding.related:
            text = _shorten(related.text)
            entry = f"    {related.locale} {related.loc.path}:{related.loc.line}: {text}"
            yield (f"{_DIM}{entry}{_RESET}" if colour else entry) + "\n"
    yield count_summary(counts, len(files)) + "\n"


def summary(findings: Sequence[Finding]) -> str:
    """`12 findings (3 errors, 9 warnings) in 2 files`."""
    return count_summary(Counter(str(f.severity) for f in findings), len({f.loc.path for f in findings}))


def count_summary(counts: Counter[str], files: int) -> str:
    if not counts:
        return "no findings"
    parts = [_count(counts[level], level, plural=level != "info") for level in ("error", "warning", "info") if counts[level]]
    return f"{_count(counts.total(), 'finding')} ({', '.join(parts)}) in {_count(files, 'file')}"


def _count(number: int, noun: str, plural: bool = True) -> str:
    return f"{number} {noun}{'s' if plural and number != 1 else ''}"


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"
