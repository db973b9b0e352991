"""SARIF 2.1.0 as GitHub code scanning reads it: one run, every rule, and for each finding the aligned
lines of the other locales as `relatedLocations`."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from urllib.parse import quote

from lint import __version__
from lint.baseline import fingerprint_hash
from lint.finding import Finding
from lint.model import Location
from lint.registry import Rule
from lint.reporters.streaming import HOLE, json_with_array

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "winactLintKey/v1"


def render(findings: Iterable[Finding], rules: Mapping[str, Rule]) -> Iterator[str]:
    ordered = list(rules.values())
    index = {rule.code: position for position, rule in enumerate(ordered)}
    run = {
        "tool": {
            "driver": {
                "name": "winact-lint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(rule) for rule in ordered],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": HOLE,
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json_with_array(document, (_result(finding, index) for finding in findings))


def _rule(rule: Rule) -> dict[str, object]:
    return {
        "id": rule.code,
        "name": "".join(word.capitalize() for word in rule.name.split("-")),  # PascalCase, as SARIF2012 asks
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation},
        "help": {"text": rule.explanation},
        "defaultConfiguration": {"level": _LEVELS[str(rule.severity)]},
        "properties": {"tags": ["localization", rule.name]},
    }


def _result(finding: Finding, index: Mapping[str, int]) -> dict[str, object]:
    result: dict[str, object] = {
        "ruleId": finding.rule,
        "level": _LEVELS[str(finding.severity)],
        "message": {"text": finding.message},
        "locations": [_location(finding.loc)],
        "partialFingerprints": {FINGERPRINT: fingerprint_hash(finding)},
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if finding.related:
        result["relatedLocations"] = [
            {**_location(related.loc), "id": number, "message": {"text": f"{related.locale}: {related.text}"}}
            for number, related in enumerate(finding.related, start=1)
        ]
    return result


def _location(loc: Location) -> dict[str, object]:
    region = {"startLine": max(loc.line, 1), "startColumn": max(loc.col, 1)}
    return {"physicalLocation": {"artifactLocation": artifact(loc.path), "region": region}}


def artifact(path: str) -> dict[str, str]:
    """A URI relative to the repository root (the working folder), as GitHub matches it against the checkout."""
    if os.path.isabs(path):
        relative = os.path.relpath(path)
        if relative.startswith(".."):
            return {"uri": Path(path).as_uri()}
        path = relative
    return {"uri": quote(Path(path).as_posix(), safe="/"), "uriBaseId": "%SRCROOT%"}
