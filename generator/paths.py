"""Where each page lives under `docs/`, and the anchors other pages link to.

Every stage that names a page or an anchor asks here, so a page can move
without links to it breaking.
"""

from __future__ import annotations

HOME = "index.md"
ARTICLES_INDEX = "articles/index.md"
TOPICS_INDEX = "topics/index.md"
ENTITIES_INDEX = "entities/index.md"
TIMELINE_PAGE = "timeline.md"
GLOSSARY_PAGE = "glossary.md"
SOURCES_PAGE = "sources.md"
HOW_TO_EDIT_PAGE = "how-to-edit.md"


def article_path(article_id: str) -> str:
    return f"articles/{article_id}.md"


def topic_path(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def entity_path(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def story_path(story_id: str) -> str:
    return f"stories/{story_id}.md"


def paragraph_anchor(number: int) -> str:
    """An article's paragraph or subheading, by its number."""
    return f"p-{number}"


def claim_anchor(claim_id: str) -> str:
    """A claim's words in the article's text."""
    return f"claim-{claim_id}"


def check_anchor(claim_id: str) -> str:
    """A claim's row in the article's table of checked claims."""
    return f"check-{claim_id}"


def source_anchor(source_id: str) -> str:
    """A source on the sources page."""
    return f"source-{source_id}"


def year_anchor(year: int) -> str:
    """A year's heading on the timeline."""
    return f"year-{year}"


def reading_order(path: str) -> tuple[int, str]:
    """A sort key that lists pages as the menu does: articles, topics, entities, then the site-wide pages."""
    folders = ("stories/", "articles/", "topics/", "entities/")
    return next((rank for rank, folder in enumerate(folders) if path.startswith(folder)), len(folders)), path


# The text-only edition: plain HTML files under lite/, copied into the built site as they are. The built site uses
# MkDocs' directory URLs (`articles/ID.md` is served as `articles/ID/`), which a lite page needs to link back.
LITE_INDEX = "lite/index.html"


def lite_article_path(article_id: str) -> str:
    return f"lite/articles/{article_id}.html"


def lite_topic_path(topic_id: str) -> str:
    return f"lite/topics/{topic_id}.html"


def built_url(page: str) -> str:
    """The address of a generated page in the built site, relative to the site's root: `articles/x/`."""
    if page == HOME:
        return ""
    return page.removesuffix("index.md").removesuffix(".md") + ("/" if not page.endswith("index.md") else "")
