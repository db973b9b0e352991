"""One command's wall time, CPU time and peak memory, measured from outside the process."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# A child's peak RSS counts the memory of the process it was forked from (Linux keeps the larger of the
# two across exec), so commands start from this tiny launcher, not from the benchmark's own process.
_LAUNCHER = """\
import os, sys, time
start = time.perf_counter()
pid = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ)
_, _, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as report:
    print(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, file=report)
"""


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and the children it waited for
    peak_rss: int  # bytes; the largest single process of the run (a pool's workers included)
    digest: str  # sha256 of standard output, to compare outputs between runs
    timed_out: bool = False


def measure(command: Sequence[str], cwd: Path, timeout: float) -> Run:
    """Run `command` (its program as an absolute path) once; a run still going after `timeout` seconds is killed."""
    with tempfile.TemporaryFile() as output, tempfile.TemporaryDirectory() as folder:
        report = Path(folder, "usage")
        launcher = [sys.executable, "-S", "-c", _LAUNCHER, str(report), *command]
        process = subprocess.Popen(launcher, cwd=cwd, stdout=output, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return Run(timeout, timeout, 0, "", timed_out=True)
        wall, cpu, peak_kb = report.read_text().split()
        output.seek(0)
        digest = hashlib.sha256(output.read()).hexdigest()
    return Run(float(wall), float(cpu), int(peak_kb) * 1024, digest)


def fastest(runs: Sequence[Run]) -> Run:
    """The fastest run (a shared machine only ever adds time), with the largest peak memory seen."""
    best = min(runs, key=lambda run: run.wall)
    return Run(best.wall, best.cpu, max(run.peak_rss for run in runs), best.digest, best.timed_out)
