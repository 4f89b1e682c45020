"""MkDocs hooks: run the generator before every build, so pages are never stale.

This adapter only translates MkDocs events; the generator itself never
imports MkDocs. Errors in the inputs stop the build; warnings (loose ends)
are shown in the log. `mkdocs serve` watches `seeds/` and `templates/` (listed
under `watch:` in mkdocs.yml); a change there triggers a build, this hook
regenerates, and only changed pages are rewritten, so the server settles.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from generator.errors import GeneratorError, InputError
from generator.pipeline import Project, generate
from generator.report import text_line
from generator.robots import robots_txt
from generator.siteconfig import SiteSettings, normalise_url

log = logging.getLogger("mkdocs.plugins.generator")
SKIP = "EXPLAINER_SKIP_GENERATE"
"""Set to 1 to build the pages already in docs/ without regenerating them (the benchmark times MkDocs alone so)."""


def on_pre_build(config: MkDocsConfig) -> None:
    if os.environ.get(SKIP) == "1":
        log.info(f"generator: skipped ({SKIP}=1)")
        return
    settings = SiteSettings(normalise_url(config.site_url), config.site_name or "")
    project = Project.at(Path(config.config_file_path).parent, settings)
    try:
        report = generate(project)
    except InputError as error:
        for problem in error.problems:
            log.error(str(problem))
        raise PluginError(f"{len(error.problems)} problem(s) in seeds/; the previous pages are kept") from None
    except GeneratorError as error:
        raise PluginError(str(error)) from None
    for warning in report.warnings:
        # At info level: a loose end must not stop `mkdocs build --strict` or stall `mkdocs serve`;
        # `python -m generator check --strict`, which CI runs, is where loose ends fail.
        log.info(f"generator: {text_line(warning)}")
    written = report.written
    if written and (written.written or written.removed):
        log.info(f"generator: {len(written.written)} pages written, {len(written.removed)} removed")


def on_post_build(config: MkDocsConfig) -> None:
    if config.site_url:
        Path(config.site_dir, "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")
