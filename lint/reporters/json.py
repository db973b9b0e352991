"""`{"findings": [...]}`: one object per finding, with the other locales' text as `related`."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from lint.finding import Finding
from lint.registry import Rule


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
            {"locale": r.locale, "path": r.loc.path, "line": r.loc.line, "column": r.loc.col, "text": r.text}
            for r in finding.related
        ],
    }


def render(findings: Sequence[Finding], rules: Mapping[str, Rule]) -> str:
    return json.dumps({"findings": [as_dict(f) for f in findings]}, ensure_ascii=False, indent=2) + "\n"
