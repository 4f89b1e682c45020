"""The sections of BENCHMARKS.md on the editor's loop, the preview and the largest corpus, with their targets."""

from __future__ import annotations

import statistics
from typing import Any

LOOP_EDIT = 0.3
"""Seconds of generator CPU a one-file edit may cost at a thousand articles."""
PREVIEW = 2.0
"""Seconds from a save to the served page showing it, at a thousand articles."""
SCALE_MEMORY = 4000
"""MB the generator may use at ten thousand articles: a standard CI runner has 7 GB or more."""
TARGET_SIZE = 1000

MISSED = {
    "loop": "A one-file edit costs more generator time than the target: see the stage seconds of the edit in "
            "the loop's JSON (`python -m bench.run --json`) for the stage that grew.",
    "loop-right": "The loop's pages differ from a full run's: an input a page reads is not recorded "
                  "(`generator/depends.py`); `tests/test_session*.py` should be made to show it.",
    "preview": "The preview shows a save later than the target. The time is the file watcher's poll (up to "
               "0.5 s), MkDocs' rebuild of the changed pages (its own per-build work: reading the config and "
               "the theme, listing every page) and the generator's run; the `builds` list gives MkDocs' "
               "figure for each rebuild.",
    "preview-broken": "The preview did not report a broken save, or did not recover after the fix.",
    "zensical": "Zensical stopped on the largest corpus: see its error below.",
    "scale": "The generator's peak memory at ten thousand articles is over the target.",
}


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f} s"


def loop_rows(loop: dict[Any, Any]) -> list[str]:
    rows = ["| N articles | edit | generator CPU (wall) | pages rendered | pages written | pages showing the edit |",
            "|---:|---|---:|---:|---:|---|"]
    for size, data in loop.items():
        first = data["first"]
        rows.append(f"| {int(size):,} | first run of the session (all {first['pages']:,} pages) | "
                    f"{first['cpu']:.2f} s ({first['seconds']:.2f} s) | {first['rendered']:,} | "
                    f"{len(first['written']):,} | |")
        by_kind: dict[str, list[dict[str, Any]]] = {}
        for edit in data["edits"]:
            by_kind.setdefault(edit["kind"], []).append(edit)
        for kind, runs in by_kind.items():
            label = f"{kind} (median of {len(runs)})" if len(runs) > 1 else kind
            rows.append(f"| {int(size):,} | {label} | {median([r['cpu'] for r in runs]):.3f} s "
                        f"({median([r['seconds'] for r in runs]):.3f} s) | {runs[0]['rendered']:,} | "
                        f"{runs[0]['written_count']:,} | "
                        f"{'exactly those written' if all(r['shows_edit'] for r in runs) else 'MISMATCH'} |")
    return rows


def preview_rows(preview: dict[Any, Any]) -> list[str]:
    rows = ["| N articles | first build | save → page shown (median) | slowest | each save | index of entities "
            "(median) | broken save reported | fix shown | MkDocs' rebuilds |",
            "|---:|---:|---:|---:|---|---:|---:|---:|---|"]
    for size, data in preview.items():
        if "error" in data:
            rows.append(f"| {int(size):,} | {data['error']} | | | | | | | |")
            continue
        edits = [e for e in data["edits"] if e is not None]
        lost = len(data["edits"]) - len(edits)
        each = ", ".join(_seconds(e) for e in data["edits"])
        rebuilds = ", ".join(f"{s:.2f}" for s in data["builds"][1:])
        index = [i for i in data.get("index", []) if i is not None]
        rows.append(f"| {int(size):,} | {_seconds(data['first_build'])} | {_seconds(median(edits))} | "
                    f"{_seconds(max(edits) if edits else None)}{f' ({lost} lost)' if lost else ''} | {each} | "
                    f"{_seconds(median(index) if index else None)} | "
                    f"{_seconds(data['broken_reported'])} | {_seconds(data['fix_shown'])} | {rebuilds} s |")
    return rows


def scale_rows(scale: dict[Any, Any]) -> list[str]:
    rows = ["| N articles | pages | generator CPU (wall) | per page | generator memory | no-change run | "
            "MkDocs CPU (wall) | MkDocs memory |", "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size, data in scale.items():
        full = data["full"][0]
        mkdocs = data.get("mkdocs")
        if mkdocs is None:
            built, memory = "not run", ""
        elif "limit" in mkdocs:
            built, memory = f"stopped after {mkdocs['limit'] / 60:.0f} min", ""
        else:
            built, memory = f"{mkdocs['cpu']:.0f} s ({mkdocs['seconds']:.0f} s)", f"{mkdocs['memory']:,.0f} MB"
        rows.append(f"| {int(size):,} | {full['pages']:,} | {full['cpu']:.1f} s ({full['seconds']:.1f} s) | "
                    f"{1000 * full['cpu'] / full['pages']:.2f} ms | {full['memory']:,.0f} MB | "
                    f"{data['unchanged'][0]['cpu']:.2f} s | {built} | {memory} |")
    return rows


def targets(results: dict[str, Any]) -> list[tuple[str, str, str, bool]]:
    """(key, target, measured, passed) for the loop, the preview, Zensical and the largest corpus."""
    checks: list[tuple[str, str, str, bool]] = []
    loop = {int(size): data for size, data in results.get("loop", {}).items()}
    if TARGET_SIZE in loop:
        edits = [e["cpu"] for e in loop[TARGET_SIZE]["edits"] if e["kind"] == "entity description"]
        checks.append(("loop", f"one-file edit at N = {TARGET_SIZE:,} (an entity's description) ≤ {LOOP_EDIT} s of "
                       "generator CPU in the editor's loop", f"{median(edits):.3f} s", median(edits) <= LOOP_EDIT))
    for size, data in loop.items():
        wrong = data["differing"]
        shows = all(edit["shows_edit"] for edit in data["edits"])
        checks.append(("loop-right", f"editor's loop at N = {size:,}: after every kind of edit, docs/ is a full "
                       "run's, and each edit writes exactly the pages that show it",
                       f"{len(wrong)} pages differ; {'all' if shows else 'not all'} edits exact",
                       not wrong and shows))
    preview = {int(size): data for size, data in results.get("preview", {}).items()}
    for size, data in preview.items():
        edits = [e for e in data.get("edits", []) if e is not None]
        if size == TARGET_SIZE:
            shown = median(edits) if edits and len(edits) == len(data["edits"]) else float("inf")
            checks.append(("preview", f"make serve at N = {size:,}: a saved edit is on the served page ≤ "
                           f"{PREVIEW:.0f} s after the save (median)", _seconds(shown if edits else None),
                           shown <= PREVIEW))
        recovered = data.get("broken_reported") is not None and data.get("fix_shown") is not None
        checks.append(("preview-broken", f"make serve at N = {size:,}: a broken save is reported, and the fix "
                       "is shown", f"{_seconds(data.get('broken_reported'))}, {_seconds(data.get('fix_shown'))}",
                       recovered))
    sizes = {int(size): data for size, data in results.get("sizes", {}).items()}
    if TARGET_SIZE in sizes:
        error = sizes[TARGET_SIZE].get("zensical_error")
        checks.append(("zensical", f"zensical builds N = {TARGET_SIZE:,}", "built" if not error else "stopped",
                       not error))
    for size, data in results.get("scale", {}).items():
        memory = data["full"][0]["memory"]
        checks.append(("scale", f"generator peak memory < {SCALE_MEMORY:,} MB at N = {int(size):,}",
                       f"{memory:,.0f} MB", memory < SCALE_MEMORY))
    return checks


def markdown(results: dict[str, Any]) -> tuple[str, list[str]]:
    """The loop's, the preview's and the largest corpus's sections of BENCHMARKS.md, and a verdict line each."""
    checks = targets(results)
    verdicts = [f"{'PASS' if ok else 'MISS'}  {target}: {measured}" for _, target, measured, ok in checks]
    rows = ["| target | measured | verdict |", "|---|---:|---|"]
    rows += [f"| {target} | {measured} | {'PASS' if ok else '**MISS**'} |" for _, target, measured, ok in checks]
    missed = dict.fromkeys(key for key, _, _, ok in checks if not ok)
    parts = []
    if results.get("loop"):
        parts += ["## The editor's loop\n",
                  "`make serve` keeps the generator in one process between saves (`generator/session.py`): a run "
                  "reads, checks and links again only what a save touched, and renders only the pages whose "
                  "recorded inputs changed. One session per corpus: a first, whole run, then each kind of edit "
                  "saved in turn, timed around the run that follows it (`bench/incremental.py`). At the end, "
                  "docs/ is compared page by page with a full run of the same inputs.\n",
                  "\n".join(loop_rows(results["loop"])) + "\n"]
    if results.get("preview"):
        parts += ["## Preview: from a save to the served page\n",
                  "`make serve`'s command on a corpus project; an entity's description is saved with a new word "
                  "and the served page is requested every 50 ms until the word is in it (`bench/serve.py`). "
                  "Wall seconds, on the machine as it was (other processes included). Then a save that breaks a "
                  "file: seconds until the preview's status lists the problem, and until the fixed page is "
                  "served.\n", "\n".join(preview_rows(results["preview"])) + "\n"]
    if results.get("scale"):
        parts += ["## Ten thousand articles\n",
                  "The generator's whole run in a process of its own, with its peak memory; a run with nothing "
                  "changed after it; MkDocs on the generated pages within a time limit (`bench/scale.py`).\n",
                  "\n".join(scale_rows(results["scale"])) + "\n"]
    parts += ["## Targets of the editor's loop, the preview and scale\n", "\n".join(rows) + "\n"]
    if missed:
        parts += ["\n".join(f"- **{key}**: {MISSED[key]}" for key in missed) + "\n"]
    return "\n".join(parts), verdicts
