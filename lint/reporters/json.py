"""`{"findings": [...]}`: one object per finding, with the other locales' text as `related`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from lint.finding import Finding
from lint.registry import Rule
from lint.reporters.streaming import HOLE, json_with_array


def as_dict(finding: Finding) -> dict[str, object]:
    return {
        "path": finding.loc.path,
        "line": finding.loc.line,
        "column": finding.loc.col,
        "rule": finding.rule,
        "name": finding.name,
        "severity": str(finding.severity),
        "locale": finding.locale,
        "message": finding.message,
        "key": finding.key,
        "excerpt": finding.excerpt,
        "cause": finding.cause,
        "fixable": bool(finding.fixes),
        "related": [
            {"locale": r.locale, "path": r.loc.path, "line": r.loc.line, "column": r.loc.col, "text": r.text} for r in finding.related
        ],
    }


def render(findings: Iterable[Finding], rules: Mapping[str, Rule]) -> Iterator[str]:
    return json_with_array({"findings": HOLE}, (as_dict(f) for f in findings))
