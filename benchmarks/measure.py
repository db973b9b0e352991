"""One command's wall time, CPU time and peak memory, measured from outside the process."""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and the children it waited for
    peak_rss: int  # bytes; the largest single process of the run (a pool's workers included)
    digest: str  # sha256 of standard output, to compare outputs between runs
    timed_out: bool = False


def measure(command: Sequence[str], cwd: Path, timeout: float) -> Run:
    """Run `command` once; a run still going after `timeout` seconds is killed and marked."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.DEVNULL)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        _, _, usage = os.wait4(process.pid, 0)  # wait4, not wait(): its rusage is this child's alone
        wall = time.perf_counter() - start
        timer.cancel()
        process.returncode = 0  # reaped by wait4; keeps Popen from waiting again
        output.seek(0)
        digest = hashlib.sha256(output.read()).hexdigest()
    timed_out = wall >= timeout
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, digest, timed_out)


def best_of(command: Sequence[str], cwd: Path, repeat: int, timeout: float) -> Run:
    """The fastest of `repeat` runs (a shared machine only ever adds time), with the largest peak memory seen."""
    runs = []
    for _ in range(repeat):
        runs.append(measure(command, cwd, timeout))
        if runs[-1].timed_out:
            break
    fastest = min(runs, key=lambda run: run.wall)
    return Run(fastest.wall, fastest.cpu, max(run.peak_rss for run in runs), fastest.digest, fastest.timed_out)
