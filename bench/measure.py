"""One measured generator run, in a process of its own so its peak memory is its own.

Usage: `python -m bench.measure PROJECT [MARKER]`. Prints one JSON object: the
seconds and CPU seconds `generate` took (start-up and imports excluded) but for
drawing the share cards, the cards' own CPU seconds and number, each stage's
seconds, every page written and, given MARKER, which pages contain it.
Every written page is listed, however many, so that the pages an edit rewrote
can be compared exactly with the pages that show it.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from generator.pipeline import Project, generate


def main(argv: list[str]) -> None:
    project = Project.at(Path(argv[0]))
    start, cpu = time.perf_counter(), time.process_time()
    report = generate(project)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    written = report.written.written if report.written else []
    # The share cards are a stage of their own: drawn once per page and then reused, they are judged apart.
    cards = report.cpu_timings.get("cards", 0.0)
    result: dict[str, object] = {"seconds": seconds - report.timings.get("cards", 0.0), "cpu": cpu - cards,
                                 "cards_cpu": cards, "cards": len(report.files), "timings": report.timings,
                                 "cached": report.cached, "pages": len(report.pages), "written_count": len(written),
                                 "written": written}
    if len(argv) > 1:
        result["containing"] = sorted(str(page.relative_to(project.docs)) for page in project.docs.rglob("*.md")
                                      if argv[1] in page.read_text(encoding="utf-8"))
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
