"""Findings stream article group by group; with --jobs, groups checked in worker processes give exactly the
findings, in exactly the order, of one process."""

from __future__ import annotations

import gc
import shutil
import weakref
from pathlib import Path
from typing import Any

import pytest

from lint import runner
from lint.cli import main
from lint.config import Config
from lint.discover import discover, locate, plan_groups
from lint.group import ArticleGroup
from lint.parse import read_article
from lint.runner import POOL_THRESHOLD, lint
from tests.conftest import CORPUS

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
    serial = list(lint([tree], Config(), jobs=1))
    parallel = list(lint([tree], Config(), jobs=2))
    assert len(plan_groups(discover([tree])[0])) >= POOL_THRESHOLD  # the pool is used
    assert len({f.rule for f in serial}) >= 5
    assert parallel == serial


def test_findings_stream_one_article_group_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = str(docs_tree(tmp_path))
    plans = plan_groups(discover([tree])[0])
    read: list[str] = []
    monkeypatch.setattr(runner, "read_article", lambda path, *rest: read.append(path) or read_article(path, *rest))
    findings = lint([tree], Config(), jobs=1)
    assert read == []
    first = next(findings)
    group_of = {path: plan.name for plan in plans for path, _ in plan.files}
    names = [plan.name for plan in plans]
    up_to_first = names[: names.index(group_of[first.loc.path]) + 1]
    assert {group_of[path] for path in read} == set(up_to_first)  # the articles after it are not read yet
    assert len(up_to_first) < len(names)
    order = [group_of[first.loc.path]] + [group_of[f.loc.path] for f in findings]
    groups = list(dict.fromkeys(order))
    assert groups == [name for name in names if name in groups]  # article after article, in plan order
    assert len(groups) > 1
    assert sorted(order, key=groups.index) == order  # each article's findings together


def test_cli_output_is_the_same_whatever_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    docs_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    outputs = []
    for jobs in ("1", "2"):
        assert main(["check", "docs", "--jobs", jobs, "--format", "json"]) == 1
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert outputs[0].count('"rule"') > POOL_THRESHOLD


def test_a_checked_group_is_freed_without_the_cyclic_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    """The collector is paused while a group is checked: a reference cycle would keep its whole model alive."""
    watched: list[weakref.ref[object]] = []
    build = runner.build_groups

    def build_and_watch(*args: Any) -> list[ArticleGroup]:
        groups = build(*args)
        watched.extend(weakref.ref(thing) for group in groups for thing in (group, *group))
        return groups

    monkeypatch.setattr(runner, "build_groups", build_and_watch)
    plan = max(plan_groups(discover([str(CORPUS)])[0]), key=lambda plan: len(plan.files))
    gc.disable()
    try:
        findings = runner.check_plan(plan, Config())
        alive = [ref() for ref in watched if ref() is not None]
    finally:
        gc.enable()
    assert len(findings) > 50  # every rule ran, and the views they share were built
    assert len(watched) == 6 and alive == []
