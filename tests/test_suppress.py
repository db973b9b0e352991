"""Inline suppression comments on copies of the corpus, and WL003 for the ones that suppress nothing."""

from __future__ import annotations

import sys
from pathlib import Path

from lint.cli import main
from lint.model import Location
from lint.suppress import read_suppressions
from tests.conftest import run, where

ES = "activation-error-codes.es-ES.md"
FR = "activation-error-codes.fr-FR.md"
SELECT = ("WL003", "WL201", "WL203", "WL301")
ALL = [("WL301", ES, 36), ("WL201", ES, 48), ("WL203", ES, 48), ("WL301", FR, 36), ("WL301", "activation-error-codes.ja-JP.md", 36)]


def insert_before(path: Path, line: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join([*lines[: line - 1], text, *lines[line - 1 :]]), encoding="utf-8")


def test_corpus_findings_without_comments(corpus_copy: Path) -> None:
    assert where(run([corpus_copy], select=SELECT)) == ALL


def test_disable_next_line(corpus_copy: Path) -> None:
    insert_before(corpus_copy / ES, 36, "<!-- winact-lint-disable-next-line WL301 -->")
    assert where(run([corpus_copy], select=SELECT)) == [("WL201", ES, 49), ("WL203", ES, 49), *ALL[3:]]


def test_disable_enable_around_the_table(corpus_copy: Path) -> None:
    insert_before(corpus_copy / ES, 72, "<!-- winact-lint-enable table-link-mismatch WL203 -->\n")
    insert_before(corpus_copy / ES, 40, "<!-- winact-lint-disable table-link-mismatch WL203 -->\n")
    assert where(run([corpus_copy], select=SELECT)) == [ALL[0], *ALL[3:]]


def test_disable_line_inside_a_table_row(corpus_copy: Path) -> None:
    """A comment line would end the table, so a row carries its own comment in its last cell."""
    path = corpus_copy / ES
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[47] = lines[47].replace("|Cliente KMS |", "|Cliente KMS <!-- winact-lint-disable-line WL201 --> |")
    path.write_text("\n".join(lines), encoding="utf-8")
    assert where(run([corpus_copy], select=SELECT)) == [ALL[0], ALL[2], *ALL[3:]]


def test_suppressed_findings_do_not_fail_the_run(corpus_copy: Path) -> None:
    insert_before(corpus_copy / ES, 40, "<!-- winact-lint-disable WL2 -->\n")
    insert_before(corpus_copy / ES, 36, "<!-- winact-lint-disable-next-line supported-codes-differ -->")
    assert main(["check", str(corpus_copy / ES), "--select", ",".join(SELECT)]) == 0


def test_unused_suppression_is_reported_as_info(corpus_copy: Path) -> None:
    insert_before(corpus_copy / FR, 36, "<!-- winact-lint-disable-next-line WL201 -->")
    (unused,) = [f for f in run([corpus_copy], select=SELECT) if f.rule == "WL003"]
    assert (unused.loc.path, unused.loc.line, unused.loc.col) == (str(corpus_copy / FR), 36, 1)
    assert (str(unused.severity), unused.message) == ("info", "suppression of WL201 is not used")


def test_suppression_of_a_rule_that_did_not_run_is_not_called_unused(corpus_copy: Path) -> None:
    insert_before(corpus_copy / ES, 36, "<!-- winact-lint-disable-next-line WL301 -->")
    assert where(run([corpus_copy / ES], select=("WL003", "WL201"))) == [("WL201", ES, 49)]
    assert [f.message for f in run([corpus_copy / ES], select=("WL003", "WL301"))] == []


def test_ranges_a_bare_enable_closes_all_and_an_open_one_runs_to_the_end() -> None:
    comments = [
        (Location("a.md", 3), "<!-- winact-lint-disable WL201 -->"),
        (Location("a.md", 4), "<!-- winact-lint-disable WL4, WL5 -->"),
        (Location("a.md", 9), "<!-- winact-lint-enable -->"),
        (Location("a.md", 12), "<!-- winact-lint-disable-file -->"),
        (Location("a.md", 20, 7), "text <!-- winact-lint-disable-line WL201 --> more"),
        (Location("a.md", 30), "<!--\nwinact-lint-disable WL301\n-->"),
    ]
    found = [(s.codes, s.first_line, s.last_line, s.loc.line) for s in read_suppressions(comments)]
    assert found == [
        (("WL201",), 3, 9, 3), (("WL4", "WL5"), 4, 9, 4), ((), 1, sys.maxsize, 12),
        (("WL201",), 20, 20, 20), (("WL301",), 30, sys.maxsize, 30),
    ]  # fmt: skip
