"""One test per fixture scenario: tests/fixtures/<RULE>/<scenario>/ holds a tiny article group
and expected.txt, the exact text output of `winact-lint check --select <RULE>` run inside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.config import Config
from lint.registry import load_rules
from lint.reporters import text
from lint.runner import lint

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(path for path in FIXTURES.glob("*/*") if path.is_dir())


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case.parent.name}/{case.name}")
def test_fixture(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(case)
    findings = lint(["."], Config(select=(case.parent.name,)), jobs=1)
    assert "".join(text.render(findings, load_rules())) == (case / "expected.txt").read_text(encoding="utf-8")


def test_every_rule_has_a_firing_and_a_quiet_fixture() -> None:
    for code in load_rules():
        scenarios = [case for case in CASES if case.parent.name == code]
        expected = [(case / "expected.txt").read_text(encoding="utf-8") for case in scenarios]
        assert any(e != "no findings\n" for e in expected), f"{code} has no fixture where it fires"
        assert "no findings\n" in expected, f"{code} has no fixture where it stays quiet"
