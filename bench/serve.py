"""The preview, timed as an editor sees it: from saving a file to the served page showing the change.

`make serve`'s command runs in a copy of a corpus project. After its first build, an entity's
description is saved with a new word, again and again, and the served page is asked for every 50 ms
until the word is in it; the time from the save to that answer is the edit's time. The index of entities,
which lists the description too, is then watched until it shows the word: the preview rebuilds long
pages after the page an editor changed. Then a broken save is timed until the preview reports it, and
its fix until the page shows the fixed text.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

SIZES = (100, 1000)
PREVIEW = ["serve", "--dirty", "--no-strict", "--livereload"]
"""`make serve`'s options (tests/test_serve.py checks that the Makefile says the same)."""
EDITS = 5
POLL = 0.05
FIRST_BUILD = 3600.0
"""Seconds to wait for the first build (a whole MkDocs build of the corpus)."""
SHOW = 120.0
"""Seconds to wait for one save to show before calling it lost."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=SHOW) as response:
            text: str = response.read().decode("utf-8")
            return text
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_until(condition: Any, limit: float, server: subprocess.Popen[bytes]) -> float | None:
    """Seconds until `condition()` is true, polling every `POLL`; None if it is not within `limit`."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if server.poll() is not None:
            raise RuntimeError("the preview server stopped")
        if condition():
            return time.perf_counter() - start
        time.sleep(POLL)
    return None


def describe(path: Path, marker: str) -> None:
    """Replace the last word added to the first entity's description with `marker`, or add it."""
    text = path.read_text(encoding="utf-8")
    line = re.search(r"^(\s+description: )(.*)$", text, flags=re.MULTILINE)
    assert line is not None, f"{path}: no description"
    value = re.sub(r" Preview\w+", "", line[2])
    quoted = value[-1:] in "\"'" and len(value) > 1
    new = f"{value[:-1]} {marker}{value[-1]}" if quoted else f"{value} {marker}"
    path.write_text(text[: line.start(2)] + new + text[line.end(2):], encoding="utf-8")


def first_entity_page(path: Path) -> str:
    found = re.search(r"^- id: (\S+)|^  - id: (\S+)", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert found is not None, f"{path}: no entity"
    return f"entities/{found[1] or found[2]}/"


def measure(project: Path, env: dict[str, str]) -> dict[str, Any]:
    """Start the preview in `project`, time its first build, then each save until its page shows it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    entities = sorted((project / "seeds" / "entities").glob("*.yml"))[0]
    page = base + first_entity_page(entities)
    log = project / "serve.log"
    index = base + "entities/"
    result: dict[str, Any] = {"edits": [], "index": []}
    with log.open("wb") as output:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", *PREVIEW, "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env={**env, "SITE_URL": base}, stdout=output,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    try:
        result["first_build"] = wait_until(lambda: bool(fetch(page)), FIRST_BUILD, server)
        if result["first_build"] is None:
            result["error"] = f"the first build took more than {FIRST_BUILD / 60:.0f} minutes"
            return result
        for number in range(EDITS):
            time.sleep(1.0)
            marker = f"Previewedit{number}n{time.time_ns()}x"
            saved = time.perf_counter()
            describe(entities, marker)
            result["edits"].append(wait_until(lambda m=marker: m in fetch(page), SHOW, server))
            shown = wait_until(lambda m=marker: m in fetch(index), SHOW, server)
            result["index"].append(None if shown is None else time.perf_counter() - saved)
        result.update(broken_save(project, base, page, server))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        result["builds"] = [float(s) for s in re.findall(r"Documentation built in ([\d.]+) seconds",
                                                         log.read_text(encoding="utf-8", errors="replace"))]
    return result


def status(base: str) -> list[str]:
    """The problems the preview lists on every page."""
    text = fetch(base + "preview-status.json")
    problems: list[str] = json.loads(text)["problems"] if text else []
    return problems


def broken_save(project: Path, base: str, page: str, server: subprocess.Popen[bytes]) -> dict[str, Any]:
    """A save that breaks a file: seconds until the preview reports it, and until the fix shows."""
    path = sorted((project / "seeds" / "entities").glob("*.yml"))[0]
    good = path.read_text(encoding="utf-8")
    kind = re.search(r"^(\s+kind: )(\w+)$", good, flags=re.MULTILINE)
    assert kind is not None
    time.sleep(1.0)
    path.write_text(good[: kind.start(2)] + "nokind" + good[kind.end(2):], encoding="utf-8")
    reported = wait_until(lambda: any('"nokind" is not one of' in problem for problem in status(base)), SHOW, server)
    time.sleep(1.0)
    path.write_text(good, encoding="utf-8")
    fixed_marker = f"Previewfixed{time.time_ns()}x"
    describe(path, fixed_marker)
    fixed = wait_until(lambda: fixed_marker in fetch(page), SHOW, server)
    return {"broken_reported": reported, "fix_shown": fixed}
