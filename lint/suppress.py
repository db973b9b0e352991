"""Inline suppression comments, invisible when the Markdown is rendered.

    <!-- winact-lint-disable-next-line WL201 -->      the next line
    <!-- winact-lint-disable-line WL201 -->           its own line (a table row, where a comment line would end the table)
    <!-- winact-lint-disable WL4 -->  …  <!-- winact-lint-enable WL4 -->   a range
    <!-- winact-lint-disable-file WL301 -->           the whole file

Codes are rule codes, code prefixes or rule names; none means every rule.
"""

from __future__ import annotations

import re
import sys

from lint.model import Location, Suppression

_DIRECTIVE = re.compile(r"<!--\s*winact-lint-(disable-next-line|disable-file|disable-line|disable|enable)\b([^>]{0,500}?)-->")


def read_suppressions(comments: list[tuple[Location, str]]) -> tuple[Suppression, ...]:
    found: list[Suppression] = []
    open_ranges: dict[tuple[str, ...], Location] = {}
    for loc, raw in sorted(comments):
        for match in _DIRECTIVE.finditer(raw):
            line = loc.line + raw.count("\n", 0, match.start())
            where = Location(loc.path, line, loc.col if line == loc.line else 1)
            kind, codes = match.group(1), tuple(match.group(2).replace(",", " ").split())
            if kind == "disable-next-line":
                found.append(Suppression(where, codes, line + 1, line + 1))
            elif kind == "disable-line":
                found.append(Suppression(where, codes, line, line))
            elif kind == "disable-file":
                found.append(Suppression(where, codes, 1, sys.maxsize))
            elif kind == "disable":
                open_ranges.setdefault(codes, where)
            else:  # a bare enable ends every open range
                for closed in [c for c in open_ranges if c == codes or not codes]:
                    start = open_ranges.pop(closed)
                    found.append(Suppression(start, closed, start.line, line))
    found.extend(Suppression(start, codes, start.line, sys.maxsize) for codes, start in open_ranges.items())
    return tuple(sorted(found, key=lambda s: s.loc))


def covers(suppression: Suppression, line: int, rule: str, name: str) -> bool:
    return suppression.first_line <= line <= suppression.last_line and names(suppression, rule, name)


def names(suppression: Suppression, rule: str, name: str) -> bool:
    """Whether the suppression applies to this rule, wherever it is."""
    return not suppression.codes or any(rule.startswith(code) or code == name for code in suppression.codes)
