"""Web pages saved as a single file (`.mhtml`, `.mht`): Chrome's and Edge's "Webpage, Single File".

Such a file is a MIME message, as email is: a `multipart/related` envelope
whose first `text/html` part is the page, usually quoted-printable, followed
by its images and style sheets. The page is taken out with the standard
library's `email` package and handed to the saved-page reader, so it is read
exactly as the same page saved as HTML would be. The other parts are never
looked at, and nothing is fetched.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import Message

from .article import ArticleTextError, normalise
from .article_body import Piece
from .article_header import Header

CONTENT_TYPE = re.compile(r"^content-type:[ \t]*(?P<type>[\w.+-]+/[\w.+-]+)", re.IGNORECASE | re.MULTILINE)


def parse_mhtml(text: str) -> tuple[Header, list[Piece]]:
    """The metadata and the article's pieces of the page a single-file save holds."""
    message = email.message_from_string(text, policy=email.policy.compat32)
    if message.get_content_maintype() != "multipart" and message.get_content_type() != "text/html":
        raise ArticleTextError("not a page saved as a single file: expected a MIME message (MIME-Version: and "
                               "Content-Type: multipart/related) at the top; was the file renamed?",
                               *_place(text, message.get_content_type()))
    page = next((part for part in message.walk() if part.get_content_type() == "text/html"), None)
    if page is None:
        found = ", ".join(sorted({part.get_content_type() for part in message.walk() if not part.is_multipart()}))
        raise ArticleTextError(f"the file holds no web page (no text/html part; it holds {found or 'no parts'}): "
                               "save the page again as a single file", *_place(text, "multipart/"))
    from .article_html import parse_html  # imported when needed, as article.py does: the extractor is slow to load

    return parse_html(normalise(_decoded(page, text)))


def _decoded(part: Message, text: str) -> str:
    """The HTML part's text: its transfer encoding undone, then read in the charset it declares (UTF-8 if none)."""
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else str(part.get_payload()).encode("utf-8")
    charset = part.get_content_charset() or "utf-8"
    try:
        return data.decode(charset)
    except LookupError:
        raise ArticleTextError(f'the page\'s charset "{charset}" is not one Python knows: save the page again',
                               *_place(text, "text/html")) from None
    except UnicodeDecodeError as error:
        raise ArticleTextError(f"the page is not {charset} text as its header says (byte "
                               f"0x{data[error.start:error.start + 1].hex().upper()}): save the page again",
                               *_place(text, "text/html")) from None


def _place(text: str, content_type: str) -> tuple[int, int]:
    """The line and column of the first Content-Type header that names `content_type` (else of the file's start)."""
    for match in CONTENT_TYPE.finditer(text):
        if match["type"].lower().startswith(content_type.lower()):
            return text.count("\n", 0, match.start()) + 1, 1
    return 1, 1
