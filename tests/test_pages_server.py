"""The test server answers as GitHub Pages does: compressed text, ten-minute caching, folder redirects, its 404 page."""

from __future__ import annotations

import gzip
import http.client
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bench.pages_server import serve_like_pages

PAGE = "<!doctype html><title>Home</title>" + "<p>Some text that compresses well. </p>" * 200
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp_path = tmp_path_factory.mktemp("pages") / "site"
    (tmp_path / "topics").mkdir(parents=True)
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "topics" / "index.html").write_text("<p>Topics</p>", encoding="utf-8")
    (tmp_path / "style.css").write_text("p { color: red; }\n" * 50, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(PNG)
    (tmp_path / "404.html").write_text("<h1>Page not found</h1>", encoding="utf-8")
    (tmp_path.parent / "secret.txt").write_text("outside the site", encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    with serve_like_pages(site, "/explainer/") as url:
        yield url


def get(url: str, method: str = "GET", **headers: str) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=10)
    connection.request(method, parts.path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {name.lower(): value for name, value in response.getheaders()}, body


def test_text_is_gzipped_for_a_browser_that_accepts_it(base: str) -> None:
    status, headers, body = get(base, **{"Accept-Encoding": "gzip, deflate, br"})
    assert status == 200
    assert headers["content-encoding"] == "gzip"
    assert headers["vary"] == "Accept-Encoding"
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert int(headers["content-length"]) == len(body) < len(PAGE.encode()) / 10
    assert gzip.decompress(body).decode() == PAGE


def test_text_is_sent_plain_to_a_client_that_does_not_accept_gzip(base: str) -> None:
    status, headers, body = get(base + "style.css")
    assert status == 200 and "content-encoding" not in headers
    assert headers["content-type"] == "text/css; charset=utf-8"
    assert body == ("p { color: red; }\n" * 50).encode()


def test_images_are_never_recompressed(base: str) -> None:
    status, headers, body = get(base + "logo.png", **{"Accept-Encoding": "gzip"})
    assert (status, headers["content-type"], body) == (200, "image/png", PNG)
    assert "content-encoding" not in headers


def test_every_file_is_cached_for_ten_minutes_and_revalidated_by_its_etag(base: str) -> None:
    _, headers, _ = get(base + "style.css")
    assert headers["cache-control"] == "max-age=600"
    assert headers["access-control-allow-origin"] == "*"
    assert {"expires", "last-modified", "etag"} <= set(headers)
    status, again, body = get(base + "style.css", **{"If-None-Match": headers["etag"]})
    assert (status, body) == (304, b"")
    assert again["etag"] == headers["etag"]
    status, _, _ = get(base + "style.css", **{"If-None-Match": '"some-other-version"'})
    assert status == 200


def test_a_folder_without_its_slash_is_redirected(base: str) -> None:
    status, headers, _ = get(base + "topics")
    assert (status, headers["location"]) == (301, "/explainer/topics/")
    status, headers, _ = get(base.rstrip("/"))
    assert (status, headers["location"]) == (301, "/explainer/")
    status, _, body = get(base + "topics/")
    assert (status, body) == (200, b"<p>Topics</p>")


@pytest.mark.parametrize("path", ["no-such-page/", "topics/nothing.html", "../secret.txt", "%2e%2e/secret.txt"])
def test_a_missing_page_gets_the_sites_404_page(base: str, path: str) -> None:
    status, _, body = get(base + path)
    assert (status, body) == (404, b"<h1>Page not found</h1>")


def test_nothing_is_served_outside_the_sites_path(base: str) -> None:
    status, _, body = get(base.replace("/explainer/", "/index.html"))
    assert (status, body) == (404, b"<h1>Page not found</h1>")


def test_head_sends_the_headers_alone(base: str) -> None:
    status, headers, body = get(base, "HEAD", **{"Accept-Encoding": "gzip"})
    assert (status, body) == (200, b"")
    assert headers["content-encoding"] == "gzip" and int(headers["content-length"]) > 0
