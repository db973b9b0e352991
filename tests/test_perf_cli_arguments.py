"""A command's own parser reads a command line as the parser of every command does: the same values, the same errors,
the same help."""

from __future__ import annotations

import argparse
import contextlib
import io
import random

import pytest

from lint.cli import COMMANDS, UsageError, build_parser, parse_arguments

WORDS = [
    "check", "report", "rules", "corpus", "a.md", "-", "--", "-h", "--help", "--version", "--format", "text", "json",
    "html", "markdown", "--fail-on", "warning", "never", "--select", "WL201,WL3", "--ignore", "WL0", "--config", "x.toml",
    "--jobs", "2", "-1", "x", "--output", "-o", "out.txt", "--fix", "--diff", "--changed-since", "HEAD", "--baseline",
    "--write-baseline", "b.json", "--form", "--fail", "--bogus", "-x", "WL201", "--jobs=3", "--format=sarif", "-oout",
]  # fmt: skip


def _read(parse: object, arguments: list[str]) -> tuple[str, object]:
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            namespace = parse(arguments)  # type: ignore[operator]
    except UsageError as error:
        return "error", str(error)
    except SystemExit as exit_:
        return "exit", (exit_.code, out.getvalue())
    assert isinstance(namespace, argparse.Namespace)
    return "ok", sorted(vars(namespace).items())


def _command_lines(generator: random.Random) -> list[list[str]]:
    lines = [[], ["--help"], ["--version"], *([name] for name in COMMANDS), *([name, "--help"] for name in COMMANDS)]
    for _ in range(3000):
        lines.append([generator.choice(list(COMMANDS))] + [generator.choice(WORDS) for _ in range(generator.randint(0, 5))])
    return lines


def test_a_commands_parser_reads_as_every_commands_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "90")
    for arguments in _command_lines(random.Random(20261122)):
        assert _read(parse_arguments, arguments) == _read(build_parser().parse_args, arguments), arguments
