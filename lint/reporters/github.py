"""GitHub Actions workflow commands: one `::error file=…,line=…,col=…,title=…::message` per finding,
shown as annotations on the pull request's diff. Escaped as `@actions/core` escapes them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from lint.finding import Finding
from lint.registry import Rule

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render(findings: Iterable[Finding], rules: Mapping[str, Rule]) -> Iterator[str]:
    return (annotation(finding) + "\n" for finding in findings)


def annotation(finding: Finding) -> str:
    properties = {
        "file": finding.loc.path,
        "line": str(finding.loc.line),
        "col": str(finding.loc.col),
        "title": f"{finding.rule} {finding.name}",
    }
    listed = ",".join(f"{name}={escape_property(value)}" for name, value in properties.items())
    others = "".join(f"\n{related.locale} {related.loc.path}:{related.loc.line}: {related.text}" for related in finding.related)
    return f"::{_COMMANDS[str(finding.severity)]} {listed}::{escape_data(finding.message + others)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
