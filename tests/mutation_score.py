"""The mutation score per module, from the last `mutmut run`, written into TESTING.md (`make mutation` runs it).

Usage: `python tests/mutation_score.py [--fail-under PERCENT] [TESTING.md]`. Reads `mutmut results --all true`,
prints one Markdown table (mutants, killed, timed out, survived, untested and the killed share per module, then
overall) and the surviving mutants' names, puts both between the markers of TESTING.md when a path is given, and
exits 1 when the overall killed share is below PERCENT.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

START, END = "<!-- mutation-score: start -->", "<!-- mutation-score: end -->"
KILLED = {"killed", "timeout", "caught by type check"}
"""A timeout counts as killed: the mutant made the tests hang, and mutmut stopped them."""
COLUMNS = ("killed", "timeout", "survived", "no tests", "not checked")


def results(mutmut: str = "mutmut") -> list[tuple[str, str, str]]:
    """(module, mutant, status) of every mutant of the last run."""
    output = subprocess.run([mutmut, "results", "--all", "true"], capture_output=True, text=True, check=True).stdout
    found = []
    for line in output.splitlines():
        name, _, status = line.strip().rpartition(": ")
        match = re.match(r"(.+?)\.x[_ǁ]", name)
        if match:
            found.append((match[1], name, status))
    return found


def killed_share(found: list[tuple[str, str, str]]) -> float:
    return 100 * sum(status in KILLED for _, _, status in found) / len(found)


def table(found: list[tuple[str, str, str]]) -> str:
    rows = ["| module | mutants | " + " | ".join(COLUMNS) + " | killed share | of those checked |",
            "|---|" + "---:|" * (len(COLUMNS) + 3)]
    modules = sorted({module for module, _, _ in found})
    for module in [*modules, "overall"]:
        counts = Counter(status for name, _, status in found if module in ("overall", name))
        total = sum(counts.values())
        killed = sum(counts[status] for status in KILLED)
        label = f"**{module}**" if module == "overall" else f"`{module}`"
        checked = total - counts["not checked"]
        rows.append(f"| {label} | {total} | " + " | ".join(str(counts[column]) for column in COLUMNS)
                    + f" | {100 * killed / total:.1f}% | {100 * killed / checked if checked else 0:.1f}% |")
    return "\n".join(rows) + "\n"


def survivors(found: list[tuple[str, str, str]]) -> str:
    """The mutants checked and not killed (those not checked are only counted, in the table)."""
    names = [f"{name} ({status})" for _, name, status in found if status not in KILLED | {"not checked"}]
    return "Not killed (`mutmut show NAME` prints the change):\n\n" + "".join(f"- `{name}`\n" for name in names)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("testing", nargs="?", type=Path, help="the file to write the score into (TESTING.md)")
    parser.add_argument("--fail-under", type=float, default=0.0, help="the least overall killed share, in %%")
    args = parser.parse_args(argv)
    found = results(str(Path(sys.executable).parent / "mutmut"))
    if not found:
        print("no mutants: run `mutmut run` first", file=sys.stderr)
        return 1
    report = table(found) + "\n" + survivors(found)
    print(report)
    if args.testing:
        text = args.testing.read_text(encoding="utf-8")
        before, _, rest = text.partition(START)
        _, _, after = rest.partition(END)
        args.testing.write_text(f"{before}{START}\n{report}{END}{after}", encoding="utf-8")
    if killed_share(found) < args.fail_under:
        print(f"the killed share, {killed_share(found):.1f}%, is under {args.fail_under:.0f}%", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
