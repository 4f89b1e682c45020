"""The benchmark behind `make bench`: build cost from ten articles to a thousand, written to BENCHMARKS.md.

For each corpus size it times the generator's stages, a no-change run and a
one-file edit, `mkdocs build` and `zensical build` on the generated pages, each
in a process of its own (peak memory is that process's), and checks the
figures against the targets of BENCHMARKS.md. Nothing is written into the
project but BENCHMARKS.md (keeping the sections other tools write there, see
bench/sections.py): every build happens in a temporary copy. It exits with
status 1 when any target is missed (BENCHMARKS.md is written all the same).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import loop_report, report, scale, sections, serve
from bench.corpus import write_corpus
from bench.linking import linking_costs

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("mkdocs.yml", "templates", "docs/assets", "generator", "overrides")
SIZES = (10, 100, 1000)
RUNS = {10: 5, 100: 5, 1000: 3}
SITE_RUNS = {10: 3, 100: 3, 1000: 1}
"""MkDocs at N = 1,000 takes minutes: one build there keeps `make bench` within 15 minutes on two cores."""
EDITED_FILE = "entities/entities-001.yml"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1627257600",
       "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}


def child(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, float, str, str]:
    """Run `command`; its wall seconds, CPU seconds, peak memory in MB, stdout and stderr."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, cwd=cwd, env=env or ENV, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{stderr[-3000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout, stderr


def generator_run(project: Path, marker: str = "") -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.measure", str(project), *([marker] if marker else [])]
    _, _, memory, stdout, _ = child(command, project)
    return {**json.loads(stdout), "memory": memory}


def copy_project(target: Path, seeds: Path) -> Path:
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    shutil.copytree(seeds, target / "seeds")
    return target


def clear_outputs(project: Path) -> None:
    from generator.cache import forget
    from generator.write import write_pages

    write_pages({}, project / "docs")
    forget(project / "docs")


def edit_description(path: Path, marker: str) -> None:
    """Add `marker` to the first entity description of the file, quoted or folded."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if re.match(r"\s+description:", line))
    line = lines[index]
    if re.search(r":\s*[>|][-+]?\s*$", line):
        index += 1
        line = lines[index]
    if line.rstrip().endswith(('"', "'")):
        stripped = line.rstrip()
        lines[index] = f"{stripped[:-1]} {marker}{stripped[-1]}"
    else:
        lines[index] = f"{line.rstrip()} {marker}"
    path.write_text("\n".join(lines), encoding="utf-8")


def measure_generator(project: Path, runs: int, edited: Path) -> dict[str, Any]:
    full = []
    for _ in range(runs):
        clear_outputs(project)
        full.append(generator_run(project))
    unchanged = [generator_run(project) for _ in range(runs)]
    edits = []
    for number in range(runs):
        marker = f"Benchmarkedit{number}"
        edit_description(edited, marker)
        edits.append(generator_run(project, marker))
    return {"full": full, "unchanged": unchanged, "edits": edits}


def measure_site(project: Path, runs: int) -> dict[str, Any]:
    env = {**ENV, "EXPLAINER_SKIP_GENERATE": "1"}
    mkdocs = []
    warnings = 0
    for _ in range(runs):
        seconds, cpu, memory, _, stderr = child([sys.executable, "-m", "mkdocs", "build"], project, env)
        mkdocs.append({"seconds": seconds, "cpu": cpu, "memory": memory})
        warnings = stderr.count("WARNING")
    result: dict[str, Any] = {"mkdocs": mkdocs, "mkdocs_warnings": warnings}
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent)) or shutil.which("zensical")
    if zensical is None:
        result["zensical_error"] = "zensical is not installed (make bench installs requirements-dev.txt)"
        return result
    try:
        runs_done = []
        for _ in range(runs):
            shutil.rmtree(project / "site", ignore_errors=True)
            seconds, cpu, memory, _, _ = child([zensical, "build", "--clean"], project, env)
            runs_done.append({"seconds": seconds, "cpu": cpu, "memory": memory})
        result["zensical"] = runs_done
    except RuntimeError as error:
        result["zensical_error"] = str(error).splitlines()[-1][:300]
    return result


def seed_site_edit(work: Path, runs: int) -> dict[str, Any]:
    """The editor's loop on the real seed site: one YAML file saved, the generator's time until pages are written."""
    project = copy_project(work / "seed-site", ROOT / "seeds")
    generator_run(project)
    entity_files = sorted((project / "seeds" / "entities").glob("*.yml"))
    edits = []
    for number in range(runs):
        marker = f"Benchmarkedit{number}"
        edit_description(entity_files[0], marker)
        edits.append(generator_run(project, marker))
    return {"file": f"seeds/entities/{entity_files[0].name}", "edits": edits}


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def loop_run(project: Path) -> dict[str, Any]:
    """The editor's loop in a process of its own (bench/incremental.py), with its peak memory."""
    _, _, memory, stdout, _ = child([sys.executable, "-m", "bench.incremental", str(project)], project)
    return {**json.loads(stdout), "memory": memory}


def run(sizes: tuple[int, ...], work: Path, preview_sizes: tuple[int, ...] = (), scale_sizes: tuple[int, ...] = (),
        mkdocs_limit: float = scale.MKDOCS_LIMIT) -> dict[str, Any]:
    results: dict[str, Any] = {"sizes": {}, "linking": linking_costs(), "loop": {}, "preview": {}, "scale": {}}
    for size in sizes:
        started = time.perf_counter()
        seeds = work / f"seeds-{size}"
        write_corpus(seeds, size)
        project = copy_project(work / f"n{size}", seeds)
        measured = measure_generator(project, RUNS.get(size, 3), project / "seeds" / EDITED_FILE)
        measured.update(measure_site(project, SITE_RUNS.get(size, 1)))
        results["sizes"][size] = measured
        results["loop"][size] = loop_run(project)
        if size in preview_sizes:
            results["preview"][size] = serve.measure(project, ENV)
        print(f"N = {size}: measured in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        shutil.rmtree(project)
    results["seed_site"] = seed_site_edit(work, 5)
    for size in scale_sizes:
        started = time.perf_counter()
        results["scale"][size] = scale.measure(work, size, ENV, mkdocs_limit)
        print(f"N = {size}: measured in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="numbers of articles")
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--preview-sizes", type=int, nargs="*", default=list(serve.SIZES),
                        help="sizes (among --sizes) at which make serve is timed from save to served page")
    parser.add_argument("--scale-sizes", type=int, nargs="*", default=list(scale.SIZES),
                        help="larger sizes at which only the generator (and MkDocs, within --mkdocs-limit) runs")
    parser.add_argument("--mkdocs-limit", type=float, default=scale.MKDOCS_LIMIT,
                        help="seconds MkDocs may take at the scale sizes (0: do not run it there)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="explainer-bench-") as work:
        results = run(tuple(args.sizes), Path(work), tuple(args.preview_sizes), tuple(args.scale_sizes),
                      args.mkdocs_limit)
    results["seconds"] = time.perf_counter() - started
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    text, verdicts = report.markdown(results)
    loop_text, loop_verdicts = loop_report.markdown(results)
    text = text.rstrip("\n") + "\n\n" + loop_text
    verdicts += loop_verdicts
    old = args.output.read_text(encoding="utf-8") if args.output.is_file() else ""
    args.output.write_text(sections.carry_over(old, text), encoding="utf-8")  # e.g. the Lighthouse figures
    for line in verdicts:
        print(line)
    missed = [line for line in verdicts if not line.startswith("PASS")]
    print(f"wrote {args.output.name} in {results['seconds']:.0f} s; "
          + (f"{len(missed)} of {len(verdicts)} targets MISSED" if missed else "every target met"), file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
