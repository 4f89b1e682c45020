"""The two settings of `mkdocs.yml` the generator needs: the site's address and name.

The feeds need absolute links, and only `site_url` says where the site lives.
The MkDocs hook passes MkDocs' own values; `python -m generator build` (for
Zensical, or without MkDocs) reads them here, resolving `!ENV [NAME, default]`
the way MkDocs does, so both give the same address.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CONFIG_NAME = "mkdocs.yml"


@dataclass(frozen=True)
class SiteSettings:
    site_url: str = ""
    """Ends with a slash, or is empty when the site's address is not set."""
    site_name: str = ""


class _ConfigLoader(yaml.SafeLoader):
    """Reads MkDocs' configuration: `!ENV` is resolved, other tags (`!!python/name:`...) are read as nothing."""


def _env(loader: _ConfigLoader, node: yaml.Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first variable set, else the last item as the default."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    items = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
    names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    return next((os.environ[str(name)] for name in names if str(name) in os.environ), default)


def _ignore(loader: _ConfigLoader, suffix: str, node: yaml.Node) -> None:
    return None


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", _ignore)


def normalise_url(url: str | None) -> str:
    url = (url or "").strip()
    return url if not url or url.endswith("/") else url + "/"


def read_settings(root: Path) -> SiteSettings:
    """`site_url` and `site_name` from `root/mkdocs.yml`; empty when the file or the keys are missing."""
    try:
        config = yaml.load((root / CONFIG_NAME).read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError):
        return SiteSettings()
    if not isinstance(config, dict):
        return SiteSettings()
    url, name = config.get("site_url"), config.get("site_name")
    return SiteSettings(normalise_url(url if isinstance(url, str) else ""), name if isinstance(name, str) else "")
