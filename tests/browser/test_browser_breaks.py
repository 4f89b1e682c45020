"""The checks can fail: a copy of the built site, broken on purpose, is caught by axe and by the rendering check.

(The link checker's own proof is in tests/test_build.py.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitecheck import OpenPage, axe_violations, rendering_problems, serve

CONTENT = '<article class="md-content__inner md-typeset">'


def broken_copy(site: Path, target: Path, page: str, html: str) -> Path:
    """A copy of the site with `html` added at the start of the content of `page`."""
    shutil.copytree(site, target)
    index = target / page / "index.html"
    text = index.read_text(encoding="utf-8")
    assert text.count(CONTENT) == 1, f"no single content element in {index}"
    index.write_text(text.replace(CONTENT, CONTENT + html), encoding="utf-8")
    return target


@pytest.mark.browser
@pytest.mark.parametrize("link", ['<a href="#"></a>', '<a href="x"><img src="data:," alt=""></a>'])
def test_axe_reports_an_unlabelled_link(open_page: OpenPage, site: Path, tmp_path: Path, link: str) -> None:
    broken = broken_copy(site, tmp_path / "site", "timeline/", link)
    with serve(broken) as url:
        page, _ = open_page(origin=url)
        page.goto(url + "timeline/")
        violations = axe_violations(page)
    assert [v for v in violations if v.startswith("link-name ")], violations


BLANKING = {
    "the content hidden": (".md-content { visibility: hidden }", "the headline is not visible"),
    "the text transparent": (".md-typeset, .md-typeset * { color: transparent !important }",
                             "the headline shows no ink"),
    "all but the headline hidden": (".md-typeset > :not(h1) { visibility: hidden }", "the content looks blank"),
    "the headline pushed down": ("article h1 { margin-top: 1200px !important }",
                                 "the headline is not in the first screenful"),
}


@pytest.mark.browser
@pytest.mark.parametrize("breakage", BLANKING)
def test_the_rendering_check_reports_a_blank_page(open_page: OpenPage, site: Path, tmp_path: Path,
                                                  breakage: str) -> None:
    style, problem = BLANKING[breakage]
    broken = broken_copy(site, tmp_path / "site", "timeline/", f"<style>{style}</style>")
    with serve(broken) as url:
        page, _ = open_page(origin=url)
        page.goto(url + "timeline/", wait_until="networkidle")
        problems = rendering_problems(page, "Timeline")
    assert [p for p in problems if p.startswith(problem)], problems
