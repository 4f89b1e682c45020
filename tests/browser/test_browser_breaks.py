"""The checks can fail: a copy of the built site, broken on purpose, is caught by axe.

(The link checker's own proof is in tests/test_build.py.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitecheck import OpenPage, axe_violations, serve

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
