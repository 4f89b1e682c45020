"""Serves a built site on 127.0.0.1 the way GitHub Pages serves it, so that speed is measured as readers get it.

What Pages does that a plain static server does not, and that changes what a browser downloads:

- text (HTML, CSS, JavaScript, JSON, XML, SVG, plain text) is sent gzip-compressed to a browser that accepts it,
  with `Content-Encoding: gzip` and `Vary: Accept-Encoding`;
- every file may be kept for ten minutes, `Cache-Control: max-age=600` with a matching `Expires`, and carries an
  `ETag` and a `Last-Modified` date, so a conditional request gets `304 Not Modified`;
- a folder is served by its `index.html`, and a folder asked for without its trailing slash is redirected there
  (301); a missing file gets the site's own `404.html` with status 404;
- a project site lives under the repository's name (`/explainer/`), so the site is served under a path prefix;
- `Access-Control-Allow-Origin: *` on every response.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import mimetypes
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

MAX_AGE = 600
TEXT_TYPES = {"application/javascript", "application/json", "application/manifest+json", "application/xml",
              "image/svg+xml", "text/javascript"}
CONTENT_TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
                 ".xml": "application/xml", ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json",
                 ".gz": "application/gzip", ".map": "application/json"}


def content_type(path: Path) -> str:
    kind = CONTENT_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if is_text(kind) else kind


def is_text(kind: str) -> bool:
    kind = kind.split(";")[0]
    return kind.startswith("text/") or kind in TEXT_TYPES


@functools.lru_cache(maxsize=512)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    """The file compressed once per version (`mtime_ns` keys the cache); `mtime=0` keeps the bytes stable."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class PagesHandler(BaseHTTPRequestHandler):
    """Answers GET and HEAD for the files under `root`, published at the URL path `prefix` ("/explainer/")."""

    root: Path
    prefix: str
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def _answer(self, send_body: bool) -> None:
        url_path = unquote(urlsplit(self.path).path)
        if url_path + "/" == self.prefix:
            return self._redirect(self.prefix)
        if not url_path.startswith(self.prefix):
            return self._not_found(send_body)
        relative = url_path.removeprefix(self.prefix)
        target = (self.root / relative).resolve()
        if not target.is_relative_to(self.root):
            return self._not_found(send_body)
        if target.is_dir():
            if not url_path.endswith("/"):
                return self._redirect(url_path + "/")
            target = target / "index.html"
        if not target.is_file():
            return self._not_found(send_body)
        self._send_file(target, HTTPStatus.OK, send_body)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _not_found(self, send_body: bool) -> None:
        page = self.root / "404.html"
        if page.is_file():
            return self._send_file(page, HTTPStatus.NOT_FOUND, send_body)
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send_file(self, path: Path, status: HTTPStatus, send_body: bool) -> None:
        stat = path.stat()
        etag = '"' + hashlib.sha1(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode()).hexdigest()[:16] + '"'
        if status == HTTPStatus.OK and self._unchanged(etag, stat.st_mtime):
            status = HTTPStatus.NOT_MODIFIED
        kind = content_type(path)
        compress = is_text(kind) and "gzip" in self.headers.get("Accept-Encoding", "")
        body = b"" if status == HTTPStatus.NOT_MODIFIED else (
            _gzipped(path, stat.st_mtime_ns) if compress else path.read_bytes())
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", f"max-age={MAX_AGE}")
        self.send_header("Expires", formatdate(time.time() + MAX_AGE, usegmt=True))
        self.send_header("Last-Modified", formatdate(stat.st_mtime, usegmt=True))
        self.send_header("ETag", etag)
        self.send_header("Access-Control-Allow-Origin", "*")
        if is_text(kind):
            self.send_header("Vary", "Accept-Encoding")
        if compress and body:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the browser went away mid-answer, as browsers do
                self.close_connection = True

    def _unchanged(self, etag: str, mtime: float) -> bool:
        if (match := self.headers.get("If-None-Match")) is not None:
            return etag in [tag.strip() for tag in match.split(",")]
        if since := self.headers.get("If-Modified-Since"):
            try:
                return int(mtime) <= parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
        return False


@contextmanager
def serve_like_pages(site: Path, prefix: str = "/") -> Iterator[str]:
    """Serve the built `site` under the URL path `prefix` on a free port; yields the site's URL (ending in /)."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    handler = type("Handler", (PagesHandler,), {"root": site.resolve(), "prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
