"""robots.txt for the published site: crawl everything, and here is the sitemap.

The sitemap must be named by its absolute address, which only the site's
`site_url` knows, so the MkDocs adapter writes this file after a build.
"""

from __future__ import annotations


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"
