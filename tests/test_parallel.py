"""--jobs: article groups checked in worker processes give exactly the findings, in exactly the order, of one process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lint.cli import main
from lint.config import Config
from lint.discover import locate
from lint.runner import POOL_THRESHOLD, lint

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def docs_tree(root: Path) -> Path:
    """Every fixture scenario as one article of a docs repo: `docs/<locale>/<rule>/<scenario>/<name>.md`."""
    for path in sorted(FIXTURES.glob("*/*/*.md")):
        located = locate(path.name)
        if located.locale:
            scenario = path.parent.relative_to(FIXTURES)
            target = root / "docs" / located.locale.lower() / scenario / located.key.replace(".{locale}", "")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    return root / "docs"


def test_parallel_findings_are_those_of_one_process_in_the_same_order(tmp_path: Path) -> None:
    tree = str(docs_tree(tmp_path))
    serial = lint([tree], Config(), jobs=1)
    parallel = lint([tree], Config(), jobs=2)
    assert serial.groups >= POOL_THRESHOLD  # the pool is used
    assert len({f.rule for f in serial.findings}) >= 5
    assert parallel == serial


def test_cli_output_is_the_same_whatever_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    docs_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    outputs = []
    for jobs in ("1", "2"):
        assert main(["check", "docs", "--jobs", jobs, "--format", "json"]) == 1
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert outputs[0].count('"rule"') > POOL_THRESHOLD
