"""winact-lint beside the parse floor and other Markdown linters, on synthetic docs trees built from the corpus.

    python benchmarks/run.py [--sizes 1,100,1000] [--repeat 3] [--budget 300]

Prints figures, not a verdict. Every tool runs as its own process on the same files in the same run;
times are the fastest of --repeat runs (a shared machine only ever adds time; at least 25 runs when every
tool takes under a second), peak memory is the largest single process. The runs go round the tools, and a
ratio is the median of the rounds' ratios: the two runs of one round meet the same state of the machine.
Peers that are not installed (markdownlint-cli2 from npm, pymarkdown from pip) are left out; a tool
expected to take more than --budget seconds is skipped at that size.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from measure import Run, fastest, measure
from trees import build_flat, build_tree, corpus_texts

from lint.discover import discover, plan_groups
from lint.runner import default_jobs

FLOOR = "parse floor (mistune)"
STARTUP = "start-up + imports"
ONE_RULE = "WL201"  # a rule that costs nothing: the run is the engine alone
SMALL_ROUNDS = 25


@dataclass(frozen=True)
class Tool:
    name: str
    role: str  # startup | floor | lint | peer
    command: tuple[str, ...]  # {tree} stands for the tree's folder


def tools(jobs: int) -> list[Tool]:
    lint = (sys.executable, "-m", "lint", "check", "{tree}")
    found = [
        Tool(STARTUP, "startup", tuple(startup_command())),
        Tool(FLOOR, "floor", (sys.executable, str(Path(__file__).with_name("floor.py")), "{tree}")),
        Tool(f"winact-lint, {ONE_RULE} only", "lint", (*lint, "--jobs", "1", "--select", ONE_RULE)),
        *(Tool(f"winact-lint --jobs {count}", "lint", (*lint, "--jobs", str(count))) for count in sorted({1, jobs})),
    ]
    if markdownlint := shutil.which("markdownlint-cli2"):
        found.append(Tool("markdownlint-cli2", "peer", (markdownlint, "{tree}/**/*.md")))
    if pymarkdown := shutil.which("pymarkdown"):
        found.append(Tool("pymarkdown scan", "peer", (pymarkdown, "scan", "-r", "{tree}")))
    return found


def startup_command() -> list[str]:
    """A process that imports everything `check` imports, then stops."""
    imports = "import lint.cli, lint.runner, lint.reporters.text; from lint.registry import load_rules; load_rules()"
    return [sys.executable, "-c", imports]


@dataclass
class Table:
    """Measurements so far, by (tool name, articles)."""

    runs: dict[tuple[str, int], Run] = field(default_factory=dict)  # the fastest
    rounds: dict[tuple[str, int], list[Run]] = field(default_factory=dict)  # every run, round by round
    files: dict[int, int] = field(default_factory=dict)  # articles -> files

    def wall(self, tool: str, articles: int) -> float | None:
        run = self.runs.get((tool, articles))
        return run.wall if run and not run.timed_out else None

    def ratio(self, tool: str, other: str, articles: int) -> float | None:
        """The median of `tool`'s wall time over `other`'s, round by round, over the rounds both ran in full."""
        pairs = zip(self.rounds.get((tool, articles), []), self.rounds.get((other, articles), []), strict=False)
        ratios = [run.wall / base.wall for run, base in pairs if not run.timed_out and not base.timed_out]
        return statistics.median(ratios) if ratios else None

    def expected(self, tool: str, files: int) -> float:
        """Seconds `tool` should take on `files` files, from its rate at the largest size measured so far."""
        measured = [(self.files[n], run.wall) for (name, n), run in self.runs.items() if name == tool]
        size, wall = max(measured, default=(1, 0.0))
        return wall * files / size


def measure_size(workdir: Path, articles: int, found: list[Tool], table: Table, repeat: int, budget: float) -> None:
    """Each tool's fastest run on the tree; the runs go round the tools, start-up included, so that a slow minute of
    a shared machine does not fall on one tool's every run and skew the ratios. When every tool took under a second
    in the first round, there are at least SMALL_ROUNDS rounds: the shortest runs wander the most."""
    tree = f"tree-{articles}"
    files = table.files[articles] = len(build_tree(workdir / tree, articles))
    print(f"\n{articles} article{'s' * (articles != 1)} x {files // articles} locales = {files} files")
    print(f"  {'tool':<28}{'wall s':>8}{'cpu s':>8}{'files/s':>9}{'peak MB':>9}{'÷ floor':>9}")
    expected = {tool.name: 0.0 if tool.role == "startup" else table.expected(tool.name, files) for tool in found}
    timed = [tool for tool in found if expected[tool.name] <= budget]
    runs: dict[str, list[Run]] = {tool.name: [] for tool in timed}
    rounds, round_ = repeat, 0
    while round_ < rounds:
        for tool in timed:
            done = runs[tool.name]
            if round_ and (done[-1].timed_out or done[0].wall * rounds >= budget):
                continue
            done.append(measure([part.replace("{tree}", tree) for part in tool.command], workdir, budget))
        if round_ == 0 and all(runs[tool.name][0].wall < 1 for tool in timed):
            rounds = max(repeat, SMALL_ROUNDS)
        round_ += 1
    for tool in found:
        if tool not in timed:
            print(f"  {tool.name:<28}  skipped: about {expected[tool.name]:.0f} s expected (--budget {budget:.0f})")
            continue
        table.rounds[tool.name, articles] = runs[tool.name]
        run = table.runs[tool.name, articles] = fastest(runs[tool.name])
        floor = table.ratio(tool.name, FLOOR, articles)
        ratio = f"{floor:9.2f}" if floor and tool.role != "startup" else ""
        rate = f"{files / run.wall:9.0f}" if tool.role != "startup" else f"{'':9}"
        late = "  (killed at --budget)" if run.timed_out else ""
        print(f"  {tool.name:<28}{run.wall:8.2f}{run.cpu:8.2f}{rate}{run.peak_rss / 2**20:9.1f}{ratio}{late}")
    outputs = [run.digest for (name, n), run in table.runs.items() if n == articles and name.startswith("winact-lint --jobs")]
    if len(outputs) > 1:
        print(f"  winact-lint output the same whatever --jobs: {'yes' if len(set(outputs)) == 1 else 'NO'}")


def measure_planning(workdir: Path, articles: int) -> tuple[float, float]:
    """Seconds that discovery and grouping take in-process: the docs-repo tree, and the same files in one folder."""
    flat = workdir / f"flat-{articles}"
    build_flat(workdir / f"tree-{articles}", flat, articles)
    times = []
    for root in (workdir / f"tree-{articles}", flat):
        start = time.perf_counter()
        plans = plan_groups(discover([str(root)])[0])
        times.append(time.perf_counter() - start)
        assert len(plans) == articles, f"{root}: {len(plans)} groups for {articles} articles"
    return times[0], times[1]


def print_ratios(table: Table, found: list[Tool], sizes: Sequence[int]) -> None:
    print("\nRatios (wall time, same run: the median of the rounds' ratios)")
    for articles in sizes:
        for lint in (tool for tool in found if tool.role == "lint"):
            if not table.wall(lint.name, articles):
                continue
            ratios = []
            for other, label in [(STARTUP, STARTUP), (FLOOR, "floor"), *((t.name, t.name) for t in found if t.role == "peer")]:
                if ratio := table.ratio(lint.name, other, articles):
                    ratios.append(f"÷ {label} {ratio:.2f}")
            print(f"  {table.files[articles]:>6} files, {lint.name}: {'; '.join(ratios)}")


def print_growth(table: Table, found: list[Tool], sizes: Sequence[int]) -> None:
    print("\nGrowth (wall time ratio; what each added article costs; peak memory)")
    for small, large in zip(sizes, sizes[1:], strict=False):
        print(f"  {small} -> {large} articles (x{large / small:g}):")
        for tool in (tool for tool in found if tool.role != "startup"):
            before, after = table.wall(tool.name, small), table.wall(tool.name, large)
            if before and after:
                per_article = (after - before) / (large - small) * 1000
                memory = " -> ".join(f"{table.runs[tool.name, n].peak_rss / 2**20:.1f}" for n in (small, large))
                print(f"    {tool.name:<28} x{after / before:6.1f} {per_article:8.1f} ms per article   {memory} MB")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--sizes", default="1,100,1000", help="numbers of articles, comma-separated (default: 1,100,1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the fastest counts (default: 3)")
    parser.add_argument("--budget", type=float, default=300.0, help="seconds one tool may take on one tree (default: 300)")
    args = parser.parse_args(argv)
    sizes = sorted({int(size) for size in args.sizes.split(",")})
    found = tools(default_jobs())
    peers = ", ".join(tool.name for tool in found if tool.role == "peer") or "none installed"
    print(f"winact-lint benchmark: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, locales {', '.join(corpus_texts())}")
    print(f"peers: {peers}")
    table = Table()
    with tempfile.TemporaryDirectory(prefix="winact-bench-") as folder:
        workdir = Path(folder)
        planning = {}
        for articles in sizes:
            measure_size(workdir, articles, found, table, args.repeat, args.budget)
            planning[articles] = measure_planning(workdir, articles)
        print_ratios(table, found, sizes)
        print_growth(table, found, sizes)
        print("\nDiscovery + grouping, in-process (docs-repo tree / the same files in one folder)")
        for articles, (tree, flat) in planning.items():
            print(f"  {table.files[articles]:>6} files: {tree * 1000:8.1f} ms / {flat * 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
