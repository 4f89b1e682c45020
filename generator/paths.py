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
UPDATES_PAGE = "updates.md"
"""The site-wide Corrections and updates page."""
UPDATES_ANCHOR = "updates"
"""Where a page's history starts: the place an entry about the whole page links to."""
FEED_PATH = "feed.xml"
"""The site's Atom feed, at the site's root."""


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


def fact_anchor(fact_id: str) -> str:
    return f"fact-{fact_id}"


def event_anchor(event_id: str) -> str:
    return f"event-{event_id}"


def key_number_anchor(key_id: str) -> str:
    return f"key-{key_id}"


def topic_feed_path(topic_id: str) -> str:
    """Beside feed.xml at the site's root: Material's instant navigation fetches `sitemap.xml` next to every
    `rel="alternate"` link of a page (it takes them for language versions), so a feed in a folder would cost
    each topic page a failed request."""
    return f"feed-{topic_id}.xml"


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
