"""`mkdocs serve`: an edit under seeds/ regenerates the page, and the browser is told to reload."""

from __future__ import annotations

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

pytestmark = pytest.mark.slow

KADHIMI = 'description: "Prime minister of Iraq from 7 May 2020 to 27 October 2022."'
EDITED = "Prime minister of Iraq, edited while the server runs."
PAGE = "entities/mustafa-al-kadhimi/"
WAIT = 60.0
"""Seconds to wait for the server to start, and then for it to show an edit."""


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
    # Not strict: this test is about reloading; `make site` and the built-site tests hold the line on warnings.
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--no-strict", "-a", f"127.0.0.1:{port}"]
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
