"""BENCHMARKS.md from the figures `bench.run` measured: the machine, the tables and each target's verdict."""

from __future__ import annotations

import itertools
import os
import platform
import statistics
from importlib import metadata
from typing import Any, NamedTuple

import yaml

STAGES = ("fingerprint", "load", "validate", "link", "render", "write")
PACKAGES = ("Jinja2", "PyYAML", "Markdown", "mkdocs", "mkdocs-material", "pymdown-extensions", "zensical")

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
            "share cards: CPU (per card) | generator memory | MkDocs CPU (wall) | MkDocs memory | "
            "zensical CPU (wall) | generator ÷ MkDocs | generator share |", "|" + "---:|" * (len(STAGES) + 11)]
    for size, data in sizes.items():
        full = data["full"]
        stages = [f"{median([run['timings'].get(stage, 0.0) for run in full]):.3f}" for stage in STAGES]
        gen = generator_seconds(full)
        pages = full[0]["pages"]
        mkdocs = generator_seconds(data["mkdocs"])
        zensical = (f"{generator_seconds(data['zensical']):.2f} s ({wall(data['zensical']):.2f} s)"
                    if "zensical" in data else "n/a")
        rows.append(f"| {int(size):,} | {pages:,} | " + " | ".join(stages) + f" | {gen:.2f} s ({wall(full):.2f} s) | "
                    f"{1000 * gen / pages:.2f} ms | {_cards(full)} | {max(run['memory'] for run in full):.0f} MB | "
                    f"{mkdocs:.2f} s ({wall(data['mkdocs']):.2f} s) | "
                    f"{max(run['memory'] for run in data['mkdocs']):.0f} MB | {zensical} | {gen / mkdocs:.3f} | "
                    f"{100 * gen / (gen + mkdocs):.1f}% |")
    return rows


def incremental_rows(sizes: dict[Any, Any]) -> list[str]:
    rows = ["| N articles | full run | no-change run | files written | share of full | one-file edit | "
            "files written | pages showing the edit |", "|---:|---:|---:|---:|---:|---:|---:|---|"]
    for size, data in sizes.items():
        full, unchanged, edits = generator_seconds(data["full"]), data["unchanged"], data["edits"]
        shown = "exactly those written" if edit_problem(edits) is None else "MISMATCH"
        rows.append(f"| {int(size):,} | {full:.2f} s | {generator_seconds(unchanged):.3f} s | "
                    f"{max(run['written_count'] for run in unchanged)} | "
                    f"{100 * generator_seconds(unchanged) / full:.1f}% | {generator_seconds(edits):.2f} s | "
                    f"{edits[0]['written_count']} | {shown} |")
    return rows


class Check(NamedTuple):
    """One target: what it asks, what was measured, whether it was met, and what the figures say if not."""

    key: str
    target: str
    measured: str
    passed: bool
    note: str
    """Why it was missed, from the measured figures; written for every check, shown for a miss."""


def edit_problem(runs: list[dict[str, Any]]) -> str | None:
    """What is wrong with one-file edits: None if each edit shows in the output and rewrote exactly those pages."""
    for number, run in enumerate(runs, 1):
        written, containing = sorted(run["written"]), run.get("containing", [])
        if not containing:
            return (f"edit {number} of {len(runs)} shows in no page: the edited word is in none of the generated "
                    f"pages ({len(written)} written), so the edit was ignored")
        if written != containing:
            extra, missing = sorted(set(written) - set(containing)), sorted(set(containing) - set(written))
            return (f"edit {number} of {len(runs)}: {len(extra)} pages rewritten without showing it "
                    f"{_some(extra)}, {len(missing)} showing it but not rewritten {_some(missing)}")
    return None


def _some(paths: list[str]) -> str:
    return "(" + ", ".join(paths[:3]) + (", …" if len(paths) > 3 else "") + ")" if paths else ""


def _card_seconds(runs: list[dict[str, Any]]) -> tuple[float, int]:
    """The median CPU seconds the share cards took, and how many there were."""
    return median([run.get("cards_cpu", 0.0) for run in runs]), runs[0].get("cards", 0)


def _cards(runs: list[dict[str, Any]]) -> str:
    seconds, count = _card_seconds(runs)
    return f"{seconds:.2f} s ({1000 * seconds / count:.1f} ms)" if count else "n/a"


def _stage_medians(runs: list[dict[str, Any]]) -> dict[str, float]:
    return {stage: median([run["timings"].get(stage, 0.0) for run in runs]) for stage in STAGES}


def _per_page(data: dict[str, Any]) -> float:
    return generator_seconds(data["full"]) / data["full"][0]["pages"]


def targets(results: dict[str, Any]) -> list[Check]:
    """Each target with its verdict, and a note written from the figures."""
    sizes = {int(size): data for size, data in results["sizes"].items()}
    largest = max(sizes)
    checks = _build_cost(largest, sizes[largest])
    for small, large in itertools.pairwise(sorted(sizes)):
        checks.append(_linear(small, sizes[small], large, sizes[large]))
    checks += _linking(results["linking"])
    for size, data in sizes.items():
        checks += _regenerating(size, data)
    memory = max(run["memory"] for run in sizes[largest]["full"])
    pages = sizes[largest]["full"][0]["pages"]
    checks.append(Check("memory", f"generator peak memory < 500 MB at N = {largest:,}", f"{memory:.0f} MB",
                        memory < 500, f"the generator peaked at {memory:.0f} MB for {pages:,} pages "
                        f"({1024 * memory / pages:.0f} KB per page), {memory - 500:.0f} MB over the target"))
    checks.append(_serve(results["seed_site"]))
    return checks


def _build_cost(size: int, data: dict[str, Any]) -> list[Check]:
    gen, mkdocs, pages = generator_seconds(data["full"]), generator_seconds(data["mkdocs"]), data["full"][0]["pages"]
    stages = sorted(_stage_medians(data["full"]).items(), key=lambda item: -item[1])
    largest = ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in stages[:3])
    allowed = 0.05 / 0.95 * mkdocs
    cards, count = _card_seconds(data["full"])
    each = 1000 * cards / count if count else 0.0
    return [
        Check("cards", f"share cards ≤ 10 ms each at N = {size:,} (drawn once, then reused)", f"{each:.1f} ms",
              each <= 10.0, f"{count:,} cards took {cards:.2f} s of CPU, {each:.1f} ms each"),
        Check("per-page", f"generator ≤ 1 ms per page at N = {size:,}", f"{1000 * gen / pages:.2f} ms",
              1000 * gen / pages <= 1.0, f"{gen:.2f} s of CPU for {pages:,} pages is {1000 * gen / pages:.2f} ms "
              f"a page; the target needs {gen - pages / 1000:.2f} s less. Largest stages (wall): {largest}"),
        Check("share", f"generator ≤ 5% of the whole build at N = {size:,}", f"{100 * gen / (gen + mkdocs):.1f}%",
              gen / (gen + mkdocs) <= 0.05, f"the generator took {gen:.2f} s and MkDocs {mkdocs:.2f} s of CPU, "
              f"so the generator is {100 * gen / (gen + mkdocs):.1f}% of the build; with MkDocs as it is, 5% needs "
              f"the generator at {allowed:.2f} s ({1000 * allowed / pages:.2f} ms a page)"),
    ]


def _linear(small: int, small_data: dict[str, Any], large: int, large_data: dict[str, Any]) -> Check:
    per_small, per_large = _per_page(small_data), _per_page(large_data)
    stages_small, stages_large = _stage_medians(small_data["full"]), _stage_medians(large_data["full"])
    pages_small, pages_large = small_data["full"][0]["pages"], large_data["full"][0]["pages"]
    growth = {stage: stages_large[stage] / pages_large - stages_small[stage] / pages_small for stage in STAGES}
    stage = max(growth, key=lambda name: growth[name])
    return Check("linear", f"linear growth {small:,} → {large:,} (time per page grows ≤ 10%)",
                 f"{per_large / per_small:.2f} × the time per page", per_large <= 1.1 * per_small,
                 f"time per page went from {1000 * per_small:.2f} ms at N = {small:,} to {1000 * per_large:.2f} ms "
                 f"at N = {large:,} (× {per_large / per_small:.2f}); per page, {stage} grew most, from "
                 f"{1000 * stages_small[stage] / pages_small:.3f} to {1000 * stages_large[stage] / pages_large:.3f} "
                 "ms (wall)")


def _regenerating(size: int, data: dict[str, Any]) -> list[Check]:
    unchanged, full = generator_seconds(data["unchanged"]), generator_seconds(data["full"])
    written = max(run["written_count"] for run in data["unchanged"])
    edits = data["edits"]
    problem = edit_problem(edits)
    showing = len(edits[-1].get("containing", []))
    return [
        Check("no-change", f"no-change run at N = {size:,}: no file written, ≤ 10% of a full run",
              f"{written} written, {100 * unchanged / full:.1f}%", written == 0 and unchanged <= 0.10 * full,
              f"with nothing changed the run wrote {written} files and took {unchanged:.3f} s, "
              f"{100 * unchanged / full:.1f}% of a full run's {full:.2f} s"),
        Check("edit", f"one-file edit at N = {size:,} shows in the output and rewrites only the pages that show it",
              f"{edits[-1]['written_count']} written, {showing} showing it", problem is None, problem or ""),
    ]


def _serve(seed: dict[str, Any]) -> Check:
    seconds = generator_seconds(seed["edits"])
    problem = edit_problem(seed["edits"])
    showing = len(seed["edits"][-1].get("containing", []))
    slow = f"saving one file cost {seconds:.3f} s of generator time, {seconds - 1:.3f} s over" if seconds >= 1 else ""
    return Check("serve", "seed site: one YAML file saved → the edit shows in pages written in < 1 s of generator "
                 "time", f"{seconds:.3f} s, {showing} pages showing it", seconds < 1.0 and problem is None,
                 "; ".join(part for part in (slow, problem) if part))


def _linking(linking: dict[str, Any]) -> list[Check]:
    names, length = linking["by_names"], linking["by_length"]
    name_ratio = names[-1]["seconds"] / names[0]["seconds"]
    names_grow = names[-1]["names"] / names[0]["names"]
    text_grow = length[-1]["characters"] / length[0]["characters"]
    length_ratio = (length[-1]["seconds"] / length[0]["seconds"]) / text_grow
    span = f"{names[0]['names']:,} → {names[-1]['names']:,}"
    return [Check("linking", f"linking cost grows ≤ a tenth as fast as the names ({span})",
                  f"{name_ratio:.2f} × the time", name_ratio <= names_grow / 10,
                  f"scanning the same text took {1000 * names[0]['seconds']:.2f} ms with {names[0]['names']:,} names "
                  f"and {1000 * names[-1]['seconds']:.2f} ms with {names[-1]['names']:,}: × {name_ratio:.2f} for "
                  f"× {names_grow:.0f} the names (allowed: × {names_grow / 10:.1f})"),
            Check("linking", "linking cost proportional to the text's length (per character within 25%)",
                  f"{length_ratio:.2f} × the time per character", length_ratio <= 1.25,
                  f"{length[-1]['characters'] / length[0]['characters']:.1f} × the text took "
                  f"{length[-1]['seconds'] / length[0]['seconds']:.2f} × the time: {length_ratio:.2f} × the time "
                  "per character")]


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
    verdicts = [f"{'PASS' if check.passed else 'MISS'}  {check.target}: {check.measured}" for check in checks]
    target_rows = ["| target | measured | verdict |", "|---|---:|---|"]
    target_rows += [f"| {check.target} | {check.measured} | {'PASS' if check.passed else '**MISS**'} |"
                    for check in checks]
    notes = [f"- **{check.target}**: {check.note}." for check in checks if not check.passed]
    notes = notes or ["- Every target is met."]
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
        "(`EXPLAINER_SKIP_GENERATE=1`). The generator's figures leave out drawing the share cards (a PNG per "
        "page, `generator/cards.py`), which have a column and a target of their own: a card is drawn when its "
        "page is new or its title changed, and reused from `docs/` otherwise. Targets are judged on CPU "
        "seconds, which other processes on a shared "
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


