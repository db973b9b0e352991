"""winact-lint check | report | rules — the only place that writes output and picks the exit code.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from lint import __version__
from lint.config import FAIL_ON, Config, ConfigError, load_config
from lint.finding import Finding, Severity, most_severe
from lint.registry import Rule, load_rules

if TYPE_CHECKING:
    from lint.baseline import Baseline

FORMATS = ("text", "json", "sarif", "github")
REPORT_FORMATS = ("html", "markdown")


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(formatter_class=help_formatter, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def help_formatter(prog: str) -> argparse.HelpFormatter:
    """argparse's, as wide as the terminal: found as `shutil.get_terminal_size` finds it, which argparse would
    import for every argument it adds, and with it bz2 and lzma (4 ms of every check)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return argparse.HelpFormatter(prog, width=(columns or 80) - 2)


def build_parser() -> Parser:
    parser = Parser(prog="winact-lint", description="Translation consistency linter for localized documentation articles.")
    parser.add_argument("--version", action="version", version=f"winact-lint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    for name, (summary, add_options) in COMMANDS.items():
        add_options(commands.add_parser(name, help=summary))
    return parser


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line, read by the named command's parser alone when the command comes first: as `build_parser`'s
    would read it, without building every command's parser (3 ms of a check)."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    command = arguments[0] if arguments else ""
    if command not in COMMANDS:
        return build_parser().parse_args(arguments)
    parser = Parser(prog=f"winact-lint {command}")
    COMMANDS[command][1](parser)
    return parser.parse_args(arguments[1:], argparse.Namespace(command=command))


def add_check_options(check: Parser) -> None:
    check.add_argument("paths", nargs="*", default=["corpus"], help="files and folders (default: corpus/)")
    check.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    check.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that makes the exit code 1 (default: error)")
    check.add_argument("--select", help="comma-separated rule codes, prefixes or names to run")
    check.add_argument("--ignore", help="comma-separated rule codes, prefixes or names to skip")
    check.add_argument("--config", type=Path, help="configuration file (default: the nearest pyproject.toml or winact-lint.toml)")
    check.add_argument("--jobs", type=int, default=0, help="worker processes across article groups (default: one per CPU)")
    check.add_argument("--output", "-o", type=Path, help="write the report to this file instead of standard output")
    check.add_argument("--fix", action="store_true", help="rewrite the defects that have exactly one right answer, then report the rest")
    check.add_argument("--diff", action="store_true", help="print the unified diff of what --fix would change; write no file")
    check.add_argument("--changed-since", metavar="REF", help="check only the articles changed in git since REF (or its merge base)")
    check.add_argument("--baseline", type=Path, metavar="FILE", help="report and fail only on findings this baseline does not accept")
    check.add_argument("--write-baseline", type=Path, metavar="FILE", help="accept today's findings: write them to FILE and exit 0")


def add_report_options(report: Parser) -> None:
    report.add_argument("paths", nargs="*", default=["corpus"], help="files and folders (default: corpus/)")
    report.add_argument("--format", choices=REPORT_FORMATS, default="html", help="html (default) or markdown (a pull-request comment)")
    report.add_argument("--output", "-o", help="file to write (default: report.html or report.md); - for standard output")
    report.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that makes the exit code 1 (default: error)")
    report.add_argument("--select", help="comma-separated rule codes, prefixes or names to run")
    report.add_argument("--ignore", help="comma-separated rule codes, prefixes or names to skip")
    report.add_argument("--config", type=Path, help="configuration file (default: the nearest pyproject.toml or winact-lint.toml)")
    report.add_argument("--jobs", type=int, default=0, help="worker processes across article groups (default: one per CPU)")


def add_rules_options(rules: Parser) -> None:
    rules.add_argument("rule", nargs="?", help="a rule code or name")


COMMANDS: dict[str, tuple[str, Callable[[Parser], None]]] = {
    "check": ("check the locale versions of articles against each other", add_check_options),
    "report": ("write the translators' report: one self-contained HTML page, or Markdown for a pull request", add_report_options),
    "rules": ("list the rules, or show one rule's documentation", add_rules_options),
}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parse_arguments(argv)
        rules = load_rules()
        if argv is None:  # a process of its own, not a caller's, whose garbage this would keep
            gc.freeze()  # what is loaded stays to the end: the cyclic collector need not scan it again, nor at exit
        if args.command == "rules":
            return show_rules(rules, args.rule)
        if args.command == "report":
            return run_report(args, rules)
        return run_check(args, rules)
    except (UsageError, ConfigError) as error:
        print(f"winact-lint: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader stopped reading (`| head`): say nothing more, as the Python docs advise
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:  # a path named that cannot even be looked at, such as a folder without permission
        print(f"winact-lint: error: {error.filename or 'input'}: {error.strerror or error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def configure(args: argparse.Namespace, rules: dict[str, Rule]) -> Config:
    config = load_config(rules, args.config)
    overrides: dict[str, object] = {}
    for name in ("select", "ignore"):
        value = getattr(args, name)
        if value is not None:
            items = tuple(item.strip() for item in value.split(",") if item.strip())
            unknown = [i for i in items if not any(r.code.startswith(i) or r.name == i for r in rules.values())]
            if unknown:
                raise UsageError(f"--{name}: unknown rule {unknown[0]!r} (see `winact-lint rules`)")
            overrides[name] = items
    if args.fail_on:
        overrides["fail_on"] = args.fail_on
    return replace(config, **overrides)  # type: ignore[arg-type]


def run_check(args: argparse.Namespace, rules: dict[str, Rule]) -> int:
    from lint.runner import default_jobs, lint

    config = configure(args, rules)
    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (one per CPU) or more")
    if args.write_baseline and args.changed_since:
        raise UsageError("--write-baseline records every finding; it cannot be combined with --changed-since")
    paths = changed_paths(args) if args.changed_since else args.paths
    jobs = args.jobs or default_jobs()
    findings: Iterable[Finding] = lint(paths, config, jobs)
    if args.fix or args.diff:  # these need every finding before they write: the one case where findings are kept
        digests = fix_snapshot(paths, config)
        found = list(findings)
        to_fix = list(baseline(args).new(found)) if args.baseline else found  # an accepted finding is left as it is
        if args.diff:
            return show_diff(args, to_fix, digests, config.fail_on)
        findings = lint(paths, config, jobs) if fix_files(to_fix, digests) else found
    if args.write_baseline:
        return accept(args, list(findings), rules)
    accepted = baseline(args) if args.baseline else None
    if accepted:
        findings = accepted.new(findings)
    tally = Tally()
    write(render(args.format, tally.passing(findings), rules, args.output is None), args.output)
    if accepted and accepted.gone:
        print(f"winact-lint: {accepted.gone} accepted findings are gone (--write-baseline {args.baseline} updates it)", file=sys.stderr)
    if args.format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        write_job_summary(Path(os.environ["GITHUB_STEP_SUMMARY"]), tally, rules)
    return exit_code(tally.severities, config.fail_on)


@dataclass
class Tally:
    """The findings as they pass on to the reporter: how many each file, locale and severity has, and the
    most severe few, for the exit code and a job summary."""

    keep: int = 10
    counts: Counter[tuple[str, str, Severity]] = field(default_factory=Counter)
    top: list[Finding] = field(default_factory=list)

    def passing(self, findings: Iterable[Finding]) -> Iterator[Finding]:
        for finding in findings:
            self.counts[finding.loc.path, finding.locale, finding.severity or Severity.ERROR] += 1
            self.top.append(finding)
            if len(self.top) > 4 * self.keep:
                self.top = most_severe(self.top, self.keep)
            yield finding

    @property
    def severities(self) -> set[Severity]:
        return {severity for _, _, severity in self.counts}


def write_job_summary(path: Path, tally: Tally, rules: dict[str, Rule]) -> None:
    """Append the run's summary to the GitHub Actions job summary: annotations beyond GitHub's cap are not lost."""
    from lint.reporters.markdown import job_summary

    try:
        with path.open("a", encoding="utf-8") as file:
            file.write(job_summary(tally.counts, most_severe(tally.top, tally.keep), rules))
    except OSError as error:
        print(f"winact-lint: cannot write the job summary {path}: {error.strerror}", file=sys.stderr)


def baseline(args: argparse.Namespace) -> Baseline:
    from lint.baseline import Baseline

    return Baseline(args.baseline)


def changed_paths(args: argparse.Namespace) -> list[str]:
    from lint.changed import changed_markdown  # imported by the options that need it: `check` starts faster

    return changed_markdown(args.paths, args.changed_since)


def fix_snapshot(paths: Sequence[str], config: Config) -> dict[str, str]:
    from lint.fix import snapshot

    return snapshot(paths, config.exclude)


def accept(args: argparse.Namespace, findings: Sequence[Finding], rules: dict[str, Rule]) -> int:
    """--write-baseline: accept every finding of today, report them, exit 0."""
    from lint.baseline import write_baseline

    entries = write_baseline(args.write_baseline, findings)
    print(f"winact-lint: {len(findings)} findings accepted in {args.write_baseline} ({entries} entries)", file=sys.stderr)
    write(render(args.format, findings, rules, args.output is None), args.output)
    return 0


def run_report(args: argparse.Namespace, rules: dict[str, Rule]) -> int:
    """The report file, then one line on the terminal; the exit code as `check` would give it."""
    from lint import report
    from lint.runner import default_jobs

    config = configure(args, rules)
    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (one per CPU) or more")
    reports = report.collect(args.paths, config, jobs=args.jobs or default_jobs())
    destination = args.output or f"report.{'md' if args.format == 'markdown' else 'html'}"
    to_stdout = destination == "-"
    write([report.render(args.format, reports, rules)], None if to_stdout else Path(destination))
    where = "the report to standard output" if to_stdout else destination
    print(report.summary(where, reports), file=sys.stderr if to_stdout else sys.stdout)
    return exit_code({f.severity for group in reports for f in group.findings}, config.fail_on)


def fix_files(findings: Sequence[Finding], digests: dict[str, str]) -> bool:
    """--fix: rewrite the files, say on stderr what was fixed and what was not; whether a file changed."""
    from lint.fix import outcome_lines, plan_fixes, write_fix

    done = [write_fix(fix) if fix.changed else fix for fix in plan_fixes(findings, digests)]
    print("\n".join(outcome_lines(done, written=True)), file=sys.stderr)
    return any(fix.changed for fix in done)


def show_diff(args: argparse.Namespace, findings: Sequence[Finding], digests: dict[str, str], fail_on: str) -> int:
    """--diff: what --fix would change, as a unified diff; nothing is written, so every finding remains."""
    from lint.fix import outcome_lines, plan_fixes, unified_diff

    fixes = plan_fixes(findings, digests)
    write([unified_diff(fixes)], args.output)
    print("\n".join(outcome_lines(fixes, written=False)), file=sys.stderr)
    return exit_code({f.severity for f in findings}, fail_on)


def render(format_name: str, findings: Iterable[Finding], rules: dict[str, Rule], to_terminal: bool) -> Iterator[str]:
    if format_name != "text":
        return importlib.import_module(f"lint.reporters.{format_name}").render(findings, rules)  # type: ignore[no-any-return]
    from lint.reporters import text

    colour = to_terminal and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    return text.render(findings, rules, colour=colour)


def write(chunks: Iterable[str], path: Path | None) -> None:
    """Write the chunks as they come, to standard output or to `path`."""
    if path is None:
        sys.stdout.writelines(chunks)
        return
    try:
        with path.open("w", encoding="utf-8") as file:
            file.writelines(chunks)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}") from None


def exit_code(severities: Iterable[Severity | None], fail_on: str) -> int:
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    return int(any(severity is not None and severity.rank >= threshold for severity in severities))


def show_rules(rules: dict[str, Rule], wanted: str | None) -> int:
    if wanted is None:
        width = max(len(r.name) for r in rules.values())
        for rule in rules.values():
            fix = "fix" if rule.fixable else "   "
            print(f"{rule.code}  {rule.name:<{width}}  {rule.severity:<7}  {fix}  {rule.summary}")
        return 0
    chosen = next((r for r in rules.values() if wanted in (r.code, r.name)), None)
    if chosen is None:
        raise UsageError(f"unknown rule {wanted!r} (see `winact-lint rules`)")
    fixable = "yes" if chosen.fixable else "no"
    print(f"{chosen.code} {chosen.name} ({chosen.severity}; fixable: {fixable})\n\n{chosen.explanation}")
    return 0
