"""`make serve`: an edit under seeds/ regenerates the page and the browser is told to reload; a broken save never
makes the preview hang."""

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
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import ROOT

pytestmark = pytest.mark.slow

KADHIMI = 'description: "Prime minister of Iraq from 7 May 2020 to 27 October 2022."'
EDITED = "Prime minister of Iraq, edited while the server runs."
PAGE = "entities/mustafa-al-kadhimi/"
WAIT = 120.0
"""Seconds to wait for the server to start, and then for it to show an edit (generous: the machine may be busy)."""
PREVIEW = ["serve", "--dirty", "--no-strict", "--livereload"]
"""`make serve`'s options: only the pages a save changed are built again, and a warning never stops the preview."""
BROKEN = ('seeds/entities/people.yml:6:11: entities[0].kind: "persn" is not one of: person, organisation, group, '
          'place, agreement, operation, other (did you mean "person"?)')
"""What the preview reports for `kind: persn` in the first entity of people.yml, written out by hand."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            text: str = response.read().decode("utf-8")
            return text
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(condition: Callable[[], str | None], what: str, server: subprocess.Popen[bytes], log: Path) -> str:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the server stopped while waiting for {what}:\n{log.read_text()}")
        if found := condition():
            return found
        time.sleep(0.2)
    pytest.fail(f"gave up waiting for {what} after {WAIT:.0f} s:\n{log.read_text()}")


@pytest.fixture
def server(project: Path) -> Iterator[tuple[str, subprocess.Popen[bytes], Path]]:
    """`mkdocs serve --livereload` on a free port in a project copy; yields (base URL, process, log file)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = project / "serve.log"
    command = [sys.executable, "-m", "mkdocs", *PREVIEW, "-a", f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": base}
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        yield base, process, log
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_an_edit_is_served_and_triggers_a_reload(project: Path, server: tuple[str, subprocess.Popen[bytes], Path]
                                                 ) -> None:
    base, process, log = server
    first = wait_for(lambda: fetch(base + PAGE), "the first page", process, log)
    reload_call = re.search(r"livereload\((\d+), \d+\);", first)
    assert reload_call, "the served page has no live-reload script"
    epoch = int(reload_call[1])
    assert EDITED not in first

    people = project / "seeds" / "entities" / "people.yml"
    text = people.read_text(encoding="utf-8")
    assert text.count(KADHIMI) == 1
    people.write_text(text.replace(KADHIMI, f'description: "{EDITED}"'), encoding="utf-8")

    def page_with_edit() -> str | None:
        page = fetch(base + PAGE)
        return page if page and EDITED in page else None

    wait_for(page_with_edit, "the edit to be served", process, log)
    # What the page's script polls: a newer epoch than the page was served with makes the browser reload.
    newer = fetch(f"{base}livereload/{epoch}/1")
    assert newer is not None and int(newer) > epoch
    # The server settles: reading the inputs, or writing the pages, starts no further rebuild.
    time.sleep(3)
    builds = log.read_text(encoding="utf-8").count("Documentation built")
    time.sleep(3)
    assert log.read_text(encoding="utf-8").count("Documentation built") == builds


def test_make_serve_runs_the_preview_tested_here() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert f"$(BIN)/mkdocs {' '.join(PREVIEW)} --dev-addr 127.0.0.1:8000" in makefile


def status(base: str) -> list[str] | None:
    text = fetch(base + "preview-status.json")
    return None if text is None else list(json.loads(text)["problems"])


def test_a_broken_save_is_reported_without_hanging_and_a_fix_recovers(
        project: Path, server: tuple[str, subprocess.Popen[bytes], Path]) -> None:
    base, process, log = server
    wait_for(lambda: fetch(base + PAGE), "the first page", process, log)
    assert status(base) == []
    people = project / "seeds" / "entities" / "people.yml"
    good = people.read_text(encoding="utf-8")
    people.write_text(good.replace("    kind: person\n", "    kind: persn\n", 1), encoding="utf-8")

    wait_for(lambda: "reported" if status(base) == [BROKEN] else None, "the problem to be reported", process, log)
    assert BROKEN in log.read_text(encoding="utf-8"), "the terminal does not show the problem"
    started = time.monotonic()
    page = fetch(base + PAGE)  # the last good page, at once: the server does not hang
    assert page is not None and "Prime minister of Iraq" in page
    assert time.monotonic() - started < 10

    people.write_text(good.replace(KADHIMI, f'description: "{EDITED}"'), encoding="utf-8")
    wait_for(lambda: page if (page := fetch(base + PAGE)) and EDITED in page else None, "the fix", process, log)
    assert status(base) == []
