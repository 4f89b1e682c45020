"""The editor's loop, timed: one session generates a corpus, then each kind of edit is saved and regenerated.

Usage: `python -m bench.incremental PROJECT`, in a process of its own (its peak memory is the session's).
Prints one JSON object: the first (whole) run, then for each edit the generator's CPU and wall seconds
for the run after the save, the pages rendered and written, and whether the pages written are exactly
those that show the edit. At the end every page in docs/ is compared with a full run of the same inputs
in a fresh copy: the loop is only fast if it is also right.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator import cache
from generator.pipeline import Project, cycle_collector_paused, generate
from generator.session import Session

DESCRIPTION_EDITS = 5
"""The entity description edit, the benchmark's target, is repeated: its time is the median."""


class Dumper(yaml.SafeDumper):
    """Writes shared values out in full: the inputs allow no YAML aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def rewrite(path: Path, change: Callable[[Any], None]) -> None:
    """Load a YAML input, change it, save it."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=110),
                    encoding="utf-8")


def first(folder: Path, pattern: str) -> Path:
    return sorted(folder.glob(pattern))[0]


def edits(root: Path) -> list[tuple[str, Callable[[str], None]]]:
    """(kind, save) for each kind of edit; `save(marker)` saves a change that shows `marker` on the site."""
    seeds = root / "seeds"

    def entity_description(marker: str) -> None:
        rewrite(first(seeds / "entities", "*.yml"),
                lambda d: d["entities"][0].update(description=f"{d['entities'][0]['description']} {marker}"))

    def alias(marker: str) -> None:
        rewrite(first(seeds / "entities", "*.yml"),
                lambda d: d["entities"][1].setdefault("aliases", []).append(marker))

    def source_title(marker: str) -> None:
        rewrite(first(seeds / "sources", "*.yml"),
                lambda d: d["sources"][0].update(title=f"{d['sources'][0]['title']} {marker}"))

    def topic_fact(marker: str) -> None:
        rewrite(first(seeds / "topics", "*.yml"), lambda d: d["sections"][0]["facts"][0].update(
            text=f"{d['sections'][0]['facts'][0]['text']} {marker}."))

    def article_text(marker: str) -> None:
        path = first(seeds / "articles", "*.txt")
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\nA closing line, {marker}.\n",
                        encoding="utf-8")

    def sidecar_claim(marker: str) -> None:
        rewrite(first(seeds / "articles", "*.yml"),
                lambda d: d["claims"][0].update(explanation=f"{d['claims'][0]['explanation']} {marker}"))

    def glossary_definition(marker: str) -> None:
        rewrite(first(seeds / "glossary", "*.yml"),
                lambda d: d["terms"][0].update(definition=f"{d['terms'][0]['definition']} {marker}"))

    def template(marker: str) -> None:
        path = root / "templates" / "entity.md.j2"
        path.write_text(path.read_text(encoding="utf-8").replace("## Where it is mentioned",
                                                                  f"## Where it is mentioned ({marker})", 1),
                        encoding="utf-8")

    description = [("entity description", entity_description)] * DESCRIPTION_EDITS
    return [*description, ("entity alias", alias), ("source title", source_title), ("topic fact", topic_fact),
            ("article text", article_text), ("sidecar claim", sidecar_claim),
            ("glossary definition", glossary_definition), ("template", template)]


TEXT_FILES = (".md", ".html", ".xml")
"""The generated files an edit can be looked for in: the pages, the text-only pages and the feeds."""


def showing(docs: Path, marker: str) -> list[str]:
    return sorted(page.relative_to(docs).as_posix() for page in docs.rglob("*")
                  if page.suffix in TEXT_FILES and marker in page.read_text(encoding="utf-8"))


def timed_run(session: Session) -> dict[str, Any]:
    start, cpu = time.perf_counter(), time.process_time()
    with cycle_collector_paused():
        report = session.run()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    written = report.written.written if report.written else []
    return {"seconds": seconds, "cpu": cpu, "timings": report.timings, "pages": len(report.pages),
            "rendered": len(report.rendered), "written": written}


def same_as_full_run(root: Path) -> list[str]:
    """The pages of docs/ that differ from a full run of the same inputs in a fresh copy."""
    with tempfile.TemporaryDirectory(prefix="explainer-full-") as work:
        fresh = Path(work) / "project"
        shutil.copytree(root, fresh, ignore=shutil.ignore_patterns("docs", "site"))
        shutil.copytree(root / "docs" / "assets", fresh / "docs" / "assets")
        generate(Project.at(fresh))
        mine, theirs = root / "docs", fresh / "docs"
        names = {p.relative_to(mine).as_posix() for p in mine.rglob("*") if p.is_file() and p.name != cache.CACHE}
        names |= {p.relative_to(theirs).as_posix() for p in theirs.rglob("*") if p.is_file() and p.name != cache.CACHE}
        return sorted(name for name in names if not (mine / name).is_file() or not (theirs / name).is_file()
                      or (mine / name).read_bytes() != (theirs / name).read_bytes())


def main(argv: list[str]) -> None:
    root = Path(argv[0]).resolve()
    session = Session(Project.at(root))
    result: dict[str, Any] = {"first": timed_run(session), "edits": []}
    for number, (kind, save) in enumerate(edits(root)):
        marker = f"Loopedit{number}x"
        save(marker)
        run = timed_run(session)
        shown = showing(root / "docs", marker)
        result["edits"].append({"kind": kind, **run, "written_count": len(run["written"]),
                                "shows_edit": sorted(path for path in run["written"] if not path.endswith(".png"))
                                == shown and bool(shown),
                                "written": run["written"] if len(run["written"]) <= 50 else []})
    result["differing"] = same_as_full_run(root)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
