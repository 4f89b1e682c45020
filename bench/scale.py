"""The generator at ten thousand articles (about 60,000 pages), with its peak memory, and MkDocs if it fits.

Each run is a process of its own, as in `bench.run`. MkDocs at this size takes the better part of an
hour on two cores, so it is given a time limit: past it, the benchmark says so rather than waiting.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

SIZES = (10_000,)
MKDOCS_LIMIT = 3600.0
"""Seconds MkDocs may take to build the largest corpus before the benchmark stops it."""


def measure(work: Path, size: int, env: dict[str, str], mkdocs_limit: float) -> dict[str, Any]:
    """The generator's full run at `size` articles (seconds, CPU, peak memory), and MkDocs within the limit."""
    from bench.corpus import write_corpus
    from bench.run import copy_project, generator_run

    started = time.perf_counter()
    seeds = work / f"seeds-{size}"
    write_corpus(seeds, size)
    project = copy_project(work / f"n{size}", seeds)
    result: dict[str, Any] = {"corpus_seconds": time.perf_counter() - started, "full": [generator_run(project)]}
    result["unchanged"] = [generator_run(project)]
    if mkdocs_limit > 0:
        result["mkdocs"] = mkdocs_build(project, env, mkdocs_limit)
    shutil.rmtree(project)
    shutil.rmtree(seeds)
    return result


def mkdocs_build(project: Path, env: dict[str, str], limit: float) -> dict[str, Any]:
    """`mkdocs build` of the generated pages (seconds, CPU, peak memory), stopped after `limit` seconds."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build"], cwd=project, stdout=output,
                                   stderr=subprocess.STDOUT, env={**env, "EXPLAINER_SKIP_GENERATE": "1"},
                                   start_new_session=True)
        timer = threading.Timer(limit, os.killpg, (process.pid, signal.SIGKILL))
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        timer.cancel()
        output.seek(0)
        tail = output.read().decode(errors="replace")[-2000:]
    seconds = time.perf_counter() - start
    if seconds >= limit:
        return {"limit": limit}
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"mkdocs build failed at scale:\n{tail}")
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "memory": usage.ru_maxrss / 1024}
