"""What a rule reports: a `Finding`, with what the other locales have at the aligned place."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from lint.model import Location


class Severity(StrEnum):
    """Declared from least to most severe."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


@dataclass(frozen=True)
class Related:
    """What another locale has at the place aligned with a finding."""

    locale: str
    loc: Location
    text: str


@dataclass(frozen=True)
class Edit:
    """Replace `old`, which starts at `line`:`col` of the file, with `new` (for --fix)."""

    line: int
    col: int
    old: str
    new: str


@dataclass(frozen=True)
class Finding:
    """One problem at one place. Rules give the facts; the runner stamps rule, name and severity."""

    loc: Location
    message: str
    locale: str = ""
    related: tuple[Related, ...] = ()
    key: str = ""  # what the finding is about, stable across edits: an error code, an anchor, a key
    excerpt: str = ""  # the offending text as written
    fixes: tuple[Edit, ...] = ()
    cause: str = ""  # "stale-revision" when an older source revision explains it
    severity: Severity | None = None  # None: the rule's severity
    rule: str = ""
    name: str = ""

    @property
    def error_code(self) -> str | None:
        """The error code this finding is about, when its key names one."""
        head = self.key.split("/", 1)[0]
        return head if head.startswith("0x") and len(head) == 10 else None


def most_severe(findings: Iterable[Finding], count: int) -> list[Finding]:
    """The `count` most severe findings, in their order within a severity."""
    return sorted(findings, key=lambda f: -(f.severity or Severity.ERROR).rank)[:count]
