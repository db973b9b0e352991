"""A text with findings' `Edit`s made: each located exactly where the rule saw its text, none that overlap.

Lines and columns are the parser's (1-based; columns in characters; CR LF, CR and LF each end a
line), so they hold on the file's own text, whatever its line breaks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lint.finding import Edit, Finding

_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Span:
    """An edit located in the file's text: `text[start:end]` becomes `new`."""

    start: int
    end: int
    new: str


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
        following = index + 1
        while following < len(spans) and (spans[following].start < first.end or spans[following].start == first.start):
            clashing.update((first, spans[following]))
            following += 1
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
        if edit.old == edit.new:
            return "the replacement is the text itself"
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
