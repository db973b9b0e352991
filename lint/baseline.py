"""A baseline: the findings a team accepted on one day, so that a gate fails only on new ones.

Findings are matched by meaning, never by line: rule, article (the path with its locale replaced by
`{locale}`, relative to the baseline file), locale, key (an error code, an anchor…) and the offending
text with its runs of white space folded. An edit above an accepted finding keeps it accepted; a second
finding with the same meaning is new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from lint.config import ConfigError
from lint.discover import locate
from lint.finding import Finding

FORMAT_VERSION = 1
FIELDS = ("rule", "article", "locale", "key", "excerpt")
Fingerprint = tuple[str, str, str, str, str]


def fingerprint(finding: Finding, root: Path | None = None) -> Fingerprint:
    """What a finding is about, with paths relative to `root` (default: the working folder)."""
    article = os.path.relpath(os.path.abspath(locate(finding.loc.path).key), root or Path.cwd())
    return (finding.rule, Path(article).as_posix(), finding.locale, finding.key, " ".join(finding.excerpt.split()))


def fingerprint_hash(finding: Finding) -> str:
    return hashlib.sha256("\0".join(fingerprint(finding)).encode()).hexdigest()[:32]


def write_baseline(path: Path, findings: Sequence[Finding]) -> int:
    """Accept `findings`: write them to `path`, sorted, one entry per meaning; returns the entry count."""
    counts = Counter(fingerprint(finding, _folder(path)) for finding in findings)
    entries = [{**dict(zip(FIELDS, key, strict=True)), "count": count} for key, count in sorted(counts.items())]
    text = json.dumps({"winact-lint-baseline": FORMAT_VERSION, "findings": entries}, ensure_ascii=False, indent=2)
    try:
        path.write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"cannot write baseline {path}: {error.strerror}") from None
    return len(entries)


def read_baseline(path: Path) -> Counter[Fingerprint]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"cannot read baseline {path}: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ConfigError(f"{path}: not a winact-lint baseline ({error})") from None
    if not isinstance(data, dict) or data.get("winact-lint-baseline") != FORMAT_VERSION or not isinstance(data.get("findings"), list):
        raise ConfigError(f"{path}: not a winact-lint baseline (write one with --write-baseline)")
    accepted: Counter[Fingerprint] = Counter()
    for entry in data["findings"]:
        if not isinstance(entry, dict) or not all(isinstance(entry.get(name), str) for name in FIELDS):
            raise ConfigError(f"{path}: not a winact-lint baseline (an entry lacks one of {', '.join(FIELDS)})")
        key: Fingerprint = (entry["rule"], entry["article"], entry["locale"], entry["key"], entry["excerpt"])
        count = entry.get("count", 1)
        accepted[key] += count if isinstance(count, int) and count > 0 else 1
    return accepted


class Baseline:
    """The findings a baseline file accepts, used up as the findings of a check stream past."""

    def __init__(self, path: Path) -> None:
        self.left = read_baseline(path)
        self.folder = _folder(path)

    def new(self, findings: Iterable[Finding]) -> Iterator[Finding]:
        """The findings the baseline does not accept."""
        for finding in findings:
            key = fingerprint(finding, self.folder)
            if self.left[key] > 0:
                self.left[key] -= 1
            else:
                yield finding

    @property
    def gone(self) -> int:
        """How many accepted findings the findings seen so far no longer have (fixed)."""
        return sum(self.left.values())


def _folder(path: Path) -> Path:
    return path.resolve().parent
