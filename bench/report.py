"""BENCHMARKS.md from the figures `bench.run` measured: the machine, the tables and each target's verdict."""

from __future__ import annotations

import itertools
import os
import platform
import statistics
from importlib import metadata
from typing import Any

import yaml

STAGES = ("fingerprint", "load", "validate", "link", "render", "write")
PACKAGES = ("Jinja2", "PyYAML", "Markdown", "mkdocs", "mkdocs-material", "pymdown-extensions", "zensical")

MISSED = {
    "per-page": "The generator is Python: parsing the YAML (with libyaml), Jinja2 rendering and writing ~6,000 "
                "pages cost a few tenths of a millisecond each. Closing it: render only the pages whose inputs "
                "changed (a dependency map from the link stage's backlinks).",
    "share": "MkDocs got faster, not the generator slower: once each page listed only the glossary words it "
             "uses, MkDocs built a thousand articles in about 36 s instead of 220 s (when the generator was "
             "3.4% of the build). The generator's ~6 s is now the larger share of a smaller whole. Closing it "
             "needs the generator at about 0.3 ms per page, which rendering only the changed pages would give "
             "for every run but the first; a run with nothing changed is already skipped in a fraction of a "
             "second.",
    "linear": "The write stage is what grows: creating 5,000 files in one folder (`entities/`) costs the "
              "file system more per file than creating 500, and that time is the kernel's, counted in the "
              "process's CPU time. Load, validate, link and render together grow in step with the corpus "
              "(compare the stage columns). Closing it: spread entity pages over subfolders, or write only "
              "changed pages (the writer already leaves unchanged ones alone).",
    "linking": "The scan costs more per name or per character than linear: check that `generator/link.py` "
               "still builds one trie-shaped pattern.",
    "no-change": "The run did not recognise unchanged inputs: see `generator/cache.py`.",
    "edit": "An edit rewrote pages that do not show it: some page depends on more than it should.",
    "memory": "Peak memory grows with the pages held in memory before writing: write them as they are "
              "rendered (the writer already compares bytes) to keep one page at a time.",
    "serve": "The one-file edit regenerates the whole site: render only the pages that depend on the file.",
}


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def generator_seconds(runs: list[dict[str, Any]]) -> float:
    """Median CPU seconds: on a shared machine, wall time also counts other processes' turns."""
    return median([run["cpu"] for run in runs])


def wall(runs: list[dict[str, Any]]) -> float:
    return median([run["seconds"] for run in runs])


def machine() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    memory = next((int(line.split()[1]) // 1024 for line in _read("/proc/meminfo").splitlines()
                   if line.startswith("MemTotal")), 0)
    versions = ", ".join(f"{name} {_version(name)}" for name in PACKAGES)
    libyaml = "with" if getattr(yaml, "__with_libyaml__", False) else "without"
    return [f"- CPU: {cpu}, {os.cpu_count()} cores; memory: {memory:,} MB; {platform.system()} {platform.machine()}",
            f"- Python {platform.python_version()}; {versions}; PyYAML {libyaml} libyaml"]


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as stream:
            return stream.read()
    except OSError:
        return ""


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def size_rows(sizes: dict[Any, Any]) -> list[str]:
    rows = ["| N articles | pages | " + " | ".join(STAGES) + " | generator CPU (wall) | per page | "
            "generator memory | MkDocs CPU (wall) | MkDocs memory | zensical CPU (wall) | generator ÷ MkDocs | "
            "generator share |", "|" + "---:|" * (len(STAGES) + 10)]
    for size, data in sizes.items():
        full = data["full"]
        stages = [f"{median([run['timings'].get(stage, 0.0) for run in full]):.3f}" for stage in STAGES]
        gen = generator_seconds(full)
        pages = full[0]["pages"]
        mkdocs = generator_seconds(data["mkdocs"])
        zensical = (f"{generator_seconds(data['zensical']):.2f} s ({wall(data['zensical']):.2f} s)"
                    if "zensical" in data else "n/a")
        rows.append(f"| {int(size):,} | {pages:,} | " + " | ".join(stages) + f" | {gen:.2f} s ({wall(full):.2f} s) | "
                    f"{1000 * gen / pages:.2f} ms | {max(run['memory'] for run in full):.0f} MB | "
                    f"{mkdocs:.2f} s ({wall(data['mkdocs']):.2f} s) | "
                    f"{max(run['memory'] for run in data['mkdocs']):.0f} MB | {zensical} | {gen / mkdocs:.3f} | "
                    f"{100 * gen / (gen + mkdocs):.1f}% |")
    return rows


def incremental_rows(sizes: dict[Any, Any]) -> list[str]:
    rows = ["| N articles | full run | no-change run | files written | share of full | one-file edit | "
            "files written | pages showing the edit |", "|---:|---:|---:|---:|---:|---:|---:|---|"]
    for size, data in sizes.items():
        full, unchanged, edits = generator_seconds(data["full"]), data["unchanged"], data["edits"]
        same = all(sorted(run["written"]) == run["containing"] for run in edits)
        rows.append(f"| {int(size):,} | {full:.2f} s | {generator_seconds(unchanged):.3f} s | "
                    f"{max(run['written_count'] for run in unchanged)} | "
                    f"{100 * generator_seconds(unchanged) / full:.1f}% | {generator_seconds(edits):.2f} s | "
                    f"{edits[0]['written_count']} | {'exactly those written' if same else 'MISMATCH'} |")
    return rows


def targets(results: dict[str, Any]) -> list[tuple[str, str, str, bool]]:
    """(key, target, measured, passed) for each target."""
    sizes = {int(size): data for size, data in results["sizes"].items()}
    largest = max(sizes)
    big = sizes[largest]
    gen = generator_seconds(big["full"])
    pages = big["full"][0]["pages"]
    mkdocs = generator_seconds(big["mkdocs"])
    checks: list[tuple[str, str, str, bool]] = [
        ("per-page", f"generator ≤ 1 ms per page at N = {largest:,}", f"{1000 * gen / pages:.2f} ms",
         1000 * gen / pages <= 1.0),
        ("share", f"generator ≤ 5% of the whole build at N = {largest:,}", f"{100 * gen / (gen + mkdocs):.1f}%",
         gen / (gen + mkdocs) <= 0.05),
    ]
    ordered = sorted(sizes)
    for small, large in itertools.pairwise(ordered):
        per_small = generator_seconds(sizes[small]["full"]) / sizes[small]["full"][0]["pages"]
        per_large = generator_seconds(sizes[large]["full"]) / sizes[large]["full"][0]["pages"]
        checks.append(("linear", f"linear growth {small:,} → {large:,} (time per page grows ≤ 10%)",
                       f"{per_large / per_small:.2f} × the time per page", per_large <= 1.1 * per_small))
    checks += _linking(results["linking"])
    for size, data in sizes.items():
        share = generator_seconds(data["unchanged"]) / generator_seconds(data["full"])
        written = max(run["written_count"] for run in data["unchanged"])
        checks.append(("no-change", f"no-change run at N = {size:,}: no file written, ≤ 10% of a full run",
                       f"{written} written, {100 * share:.1f}%", written == 0 and share <= 0.10))
        same = all(sorted(run["written"]) == run["containing"] for run in data["edits"])
        checks.append(("edit", f"one-file edit at N = {size:,} rewrites only the pages that show it",
                       f"{data['edits'][0]['written_count']} written", same))
    memory = max(run["memory"] for run in big["full"])
    checks.append(("memory", f"generator peak memory < 500 MB at N = {largest:,}", f"{memory:.0f} MB", memory < 500))
    serve = generator_seconds(results["seed_site"]["edits"])
    checks.append(("serve", "seed site: one YAML file saved → pages written in < 1 s of generator time",
                   f"{serve:.3f} s", serve < 1.0))
    return checks


def _linking(linking: dict[str, Any]) -> list[tuple[str, str, str, bool]]:
    names, length = linking["by_names"], linking["by_length"]
    name_ratio = names[-1]["seconds"] / names[0]["seconds"]
    names_grow = names[-1]["names"] / names[0]["names"]
    length_ratio = (length[-1]["seconds"] / length[0]["seconds"]) / (length[-1]["characters"] /
                                                                      length[0]["characters"])
    span = f"{names[0]['names']:,} → {names[-1]['names']:,}"
    return [("linking", f"linking cost grows ≤ a tenth as fast as the names ({span})",
             f"{name_ratio:.2f} × the time", name_ratio <= names_grow / 10),
            ("linking", "linking cost proportional to the text's length (per character within 25%)",
             f"{length_ratio:.2f} × the time per character", length_ratio <= 1.25)]


def names_reference() -> str:
    """Where the name-matching figures of `suggest` are: a file of their own, written by `python -m bench.names`."""
    return ("## Name matching\n\nRecall and precision of `suggest`'s name matching on labelled garbles, and its "
            "speed on a 1,000-word article against 1,000 entities, are measured by `python -m bench.names` (run by "
            "`make bench` after this benchmark) and written to [BENCHMARKS-names.md](BENCHMARKS-names.md).\n")


def _table(rows: list[str]) -> str:
    return "\n".join(rows) + "\n"


def markdown(results: dict[str, Any]) -> tuple[str, list[str]]:
    """The text of BENCHMARKS.md, and one PASS/MISS line per target."""
    checks = targets(results)
    verdicts = [f"{'PASS' if ok else 'MISS'}  {target}: {measured}" for _, target, measured, ok in checks]
    target_rows = ["| target | measured | verdict |", "|---|---:|---|"]
    target_rows += [f"| {target} | {measured} | {'PASS' if ok else '**MISS**'} |" for _, target, measured, ok in checks]
    missed = dict.fromkeys(key for key, _, _, ok in checks if not ok)
    notes = [f"- **{key}**: {MISSED[key]}" for key in missed] or ["- Every target is met."]
    linking = results["linking"]
    link_rows = ["| names | seconds | | characters | seconds |", "|---:|---:|---|---:|---:|"]
    for index in range(max(len(linking["by_names"]), len(linking["by_length"]))):
        by_name = linking["by_names"][index] if index < len(linking["by_names"]) else None
        by_length = linking["by_length"][index] if index < len(linking["by_length"]) else None
        left = f"{by_name['names']:,} | {by_name['seconds'] * 1000:.2f} ms" if by_name else " | "
        right = f"{by_length['characters']:,} | {by_length['seconds'] * 1000:.2f} ms" if by_length else " | "
        link_rows.append(f"| {left} | | {right} |")
    seed = results["seed_site"]
    parts = [
        "# Benchmarks\n",
        "Build cost from ten articles to a thousand, measured by `make bench` (`python -m bench.run`) on a "
        "synthetic corpus (`bench/corpus.py`: N articles, 5 N entities, N/10 topics, seeded so every run reads "
        "the same files). Generator figures are medians of several runs, each in a process of its own, timed "
        "around `generator.pipeline.generate` (interpreter start-up excluded); MkDocs and zensical are timed "
        "as whole commands on the generated pages, with the hook's regeneration turned off "
        "(`EXPLAINER_SKIP_GENERATE=1`). Targets are judged on CPU seconds, which other processes on a shared "
        "machine do not inflate; wall seconds are shown in brackets, and the stage columns are wall seconds. "
        "Memory is each process's peak resident size. This file is rewritten by every run, except the "
        "readers' speed section at its end, which `make lighthouse` writes.\n",
        "## Machine\n", "\n".join(machine()) + "\n",
        "## Build time by corpus size\n",
        "Stage columns are seconds. *generator share* is the generator's part of a whole build "
        "(generator + MkDocs).\n",
        _table(size_rows(results["sizes"])),
        "## Regenerating\n",
        "A no-change run follows a full run; a one-file edit adds a word to one entity's description, and the "
        "pages rewritten are compared with the pages that contain the word afterwards.\n",
        _table(incremental_rows(results["sizes"])),
        f"On the seed site, saving `{seed['file']}` with one entity's description edited costs "
        f"{generator_seconds(seed['edits']):.3f} s of generator time (median of {len(seed['edits'])}), "
        f"{seed['edits'][0]['written_count']} pages rewritten.\n",
        "## Entity linking\n",
        "CPU time to scan the same paragraphs with ever more names (left), and ever more text with the same "
        "names (right); best of several scans. A loop over the names would grow with them; one trie-shaped "
        "pattern tries, at each character, at most one branch per letter at each depth of the trie.\n",
        _table(link_rows),
        names_reference(),
        "## Targets\n", _table(target_rows),
        "## Where a target is missed\n", "\n".join(notes) + "\n",
        f"The whole benchmark took {results['seconds'] / 60:.1f} minutes.\n",
    ]
    warnings = {int(size): data.get("mkdocs_warnings", 0) for size, data in results["sizes"].items()}
    errors = {int(size): data["zensical_error"] for size, data in results["sizes"].items() if "zensical_error" in data}
    if any(warnings.values()):
        parts.insert(-1, f"MkDocs warnings per build: {warnings}.\n")
    if errors:
        parts.insert(-1, f"zensical could not build: {errors}.\n")
    return "\n".join(parts), verdicts


