"""Telling a headline from an outlet's name, a section label and a byline, as any format prints them.

Short lines at the top of an article are a headline, the outlet that printed
it or the section it ran in. A line ending in " | Section" is the headline;
a name made of capitalised words with a newspaper word in it ("Daily",
"News", "Times", an agency, a web address) is an outlet; a usual section
name ("World", "Middle East", "Politics") is a section label; the first
line left is the headline. A line before the headline is the outlet, and
short lines after it (a standfirst) stay in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .article_body import Piece, is_prose
from .article_dates import DateLine, is_stamp, read_date_line

AGENCIES = {
    "reuters": "Reuters", "thomson reuters": "Reuters",
    "ap": "The Associated Press", "associated press": "The Associated Press",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "dpa": "dpa", "deutsche presse-agentur": "dpa", "xinhua": "Xinhua", "efe": "EFE", "ansa": "ANSA",
    "kyodo": "Kyodo News", "kyodo news": "Kyodo News", "tass": "TASS", "interfax": "Interfax",
    "ria novosti": "RIA Novosti", "upi": "UPI", "bloomberg": "Bloomberg", "anadolu": "Anadolu Agency",
    "anadolu agency": "Anadolu Agency", "yonhap": "Yonhap", "pti": "PTI", "ians": "IANS", "ani": "ANI",
    "aap": "AAP", "bernama": "Bernama", "irna": "IRNA", "kuna": "KUNA", "wam": "WAM", "sana": "SANA",
    "mena": "MENA", "apa": "APA", "pa": "PA Media", "pa media": "PA Media", "canadian press": "The Canadian Press",
    "europa press": "Europa Press", "ntb": "NTB", "tt": "TT", "anp": "ANP", "belga": "Belga", "ctk": "ČTK",
    "pap": "PAP", "mti": "MTI", "lusa": "Lusa", "jiji": "Jiji Press", "jiji press": "Jiji Press",
}
"""News agencies as copy names them (in a dateline's brackets, after "By"), and the name each goes by.

A byline that is only an agency names no reporter, and gives the outlet when nothing else does."""
NAME_LIKE_AGENCIES = frozenset({"pa", "tt", "ani", "sana", "mena", "lusa", "apa", "pap", "wam"})
"""Agencies whose name is also a word or a person's name: alone in a line, they do not make it an outlet's."""
OUTLET_WORDS = frozenset({
    "news", "times", "post", "press", "daily", "herald", "journal", "tribune", "gazette", "wire", "telegraph",
    "guardian", "observer", "chronicle", "review", "standard", "independent", "express", "mail", "mirror", "monitor",
    "today", "network", "media", "agency", "radio", "tv", "television", "broadcasting", "magazine", "weekly", "courier",
    "star", "sun", "globe", "register", "examiner", "dispatch", "bulletin", "reporter", "insider", "online", "world",
    "bbc", "cnn", "npr", *(name for name in AGENCIES if " " not in name and name not in NAME_LIKE_AGENCIES),
})
"""Words that make a short capitalised line an outlet's name ("Complete News World", "The Harbour Herald")."""
SECTION_NAMES = frozenset({
    "world", "world news", "news", "local", "national", "nation", "politics", "business", "economy", "markets",
    "middle east", "europe", "asia", "africa", "americas", "us", "uk", "u.s.", "opinion", "analysis", "comment",
    "sport", "sports", "tech", "technology", "science", "health", "culture", "arts", "environment", "climate",
    "education", "lifestyle", "travel", "entertainment", "breaking news", "international", "region", "metro",
    "features", "investigations", "security", "defence", "defense", "energy", "diplomacy", "the world", "latest",
    "top stories",
})
"""Usual section labels, so that a lone "World" above a headline is read as one."""
SECTION_SUFFIX = re.compile(r"^(?P<title>.+?)\s+\|\s+(?P<label>[^|]{1,40})$")
BYLINE = re.compile(r"^(?:written\s+)?by\s+(?P<names>\S.*)$", re.IGNORECASE)
ROLE_BYLINE = re.compile(r"^(?P<names>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}, (?:[A-Z][\w-]+ ){0,3}(?:Reporter|"
                         r"Correspondent|Editor|Writer|Columnist|Critic))$")
"""A byline without "By" that names the writer's post: "Tom Ashby, Education Reporter"."""
MAX_BYLINE_WORDS = 14
HEADLINE_MIN_WORDS = 2
"""A line of one word above a longer one is a label (a kicker, a section), not the headline."""
NAME_CONNECTORS = frozenset({"and", "&", "of", "de", "da", "del", "der", "van", "von", "bin", "al", "el", "la", "le",
                             "y"})
LEADING_HEADER_PIECES = 4
"""How many pieces at the top of an extracted text may be its headline, byline or date lines."""
CREDIT_REPORTERS = re.compile(r"^\(\s*reporting\s+by\s+(?P<names>[^;()]+)(?:;[^()]*)?\)$|"
                              r"^reporting\s+by\s+(?P<bare>[^;()]+)(?:;\s*\w+(?:\s+\w+)?\s+by\s+[^;()]+)+$",
                              re.IGNORECASE)
"""The reporters a wire's credit line names: "(Reporting by Jane Doe in Lusaka; Editing by …)"."""
CREDIT_PLACE = re.compile(r"\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*")
CREDIT_LINES = 3
"""How many pieces at the end of the text may be its credit lines."""
DOMAIN = re.compile(r"\b[\w-]+\.(?:com|org|net|co\.uk|co|news|info|iq|uk|eu|fr|de)\b", re.IGNORECASE)


@dataclass
class Header:
    """What an article says about itself near its top, before the sidecar corrects it."""

    title: str = ""
    outlet: str = ""
    section_label: str = ""
    bylines: list[str] = field(default_factory=list)
    date_lines: list[DateLine] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    """Boilerplate found among the header lines."""
    source: str = "text"
    """Where the metadata was read: `text`, `page metadata` (HTML) or `front matter` (Markdown)."""
    left_out: list[str] = field(default_factory=list)
    """Text of a web page outside the article (navigation, adverts, footers), listed by `show` only."""


def read_byline(line: str) -> str:
    """The names of a byline ("By Jane Doe and Sam Roe, Example Wire", "Jane Doe, Education Reporter"), or ""."""
    match = BYLINE.match(line.split(" | ")[0].split(" · ")[0].strip())
    if not match and (role := ROLE_BYLINE.match(line.strip())):
        return role["names"]
    if not match or len(line.split()) > MAX_BYLINE_WORDS:
        return ""
    names = match["names"].strip()
    first = [w for w in names.replace(",", " ").split() if w.lower() not in NAME_CONNECTORS][:2]
    if not first or not all(w[:1].isupper() for w in first) or names.endswith(("!", "?", ":", ";")):
        return ""
    if len(first) == 1 and not (first[0].isupper() or names.count(" ") == 0):
        return ""
    return names.rstrip(".") if not re.search(r"\b[A-Z]\.$", names) else names


def credit_byline(pieces: list[Piece]) -> str:
    """The reporters named by a credit line at the end of the text, where a wire story gives no "By" line.

    The line ("(Reporting by Jane Doe in Lusaka; Editing by …)") is the agency's, and stays in the text.
    """
    for piece in pieces[-CREDIT_LINES:]:
        match = CREDIT_REPORTERS.match(piece.text)
        if match:
            return " ".join(CREDIT_PLACE.sub("", match["names"] or match["bare"]).split()).rstrip(" .")
    return ""


def agency_name(text: str) -> str:
    """The agency `text` names on its own ("REUTERS", "The Associated Press", "AFP staff"), or an empty string."""
    words = " ".join(text.replace("’", "'").split()).strip(" .,").casefold().removeprefix("the ")
    return AGENCIES.get(words.removesuffix(" staff"), "")


def settle_agency_byline(header: Header, pieces: list[Piece]) -> None:
    """A byline that is only an agency ("By REUTERS") gives the outlet, and the credit line's reporter the byline."""
    agency = agency_name(header.bylines[0]) if header.bylines else ""
    if agency:
        header.outlet = header.outlet or agency
        header.bylines = [reporter] if (reporter := credit_byline(pieces)) else header.bylines


def is_outlet_like(line: str) -> bool:
    words = line.replace("-", " ").split()
    if not words or len(words) > 6 or line.endswith((".", "!", "?")):
        return False
    if DOMAIN.search(line):
        return True
    capitalised = all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in NAME_CONNECTORS | {"the"} for w in words)
    return capitalised and any(w.strip("().,").lower() in OUTLET_WORDS for w in words)


def is_section_like(line: str) -> bool:
    return line.strip(" :").lower() in SECTION_NAMES


def classify_candidates(candidates: list[str], sections: list[str], outlets: list[str]) -> tuple[Header, list[int]]:
    """The headline, outlet and section label among the short lines at the top, and the lines that are none of them."""
    header = Header(section_label=sections[0] if sections else "", outlet=outlets[0] if outlets else "")
    headline = _headline_index(candidates)
    if headline is None:
        return header, []
    suffix = SECTION_SUFFIX.match(candidates[headline])
    if suffix and len(suffix["label"].split()) <= 4:
        header.title, header.section_label = suffix["title"], header.section_label or suffix["label"].strip()
    else:
        header.title = candidates[headline]
    leftover = []
    for index, line in enumerate(candidates):
        if index == headline:
            continue
        if _is_label(line, before_headline=index < headline) and not header.section_label:
            header.section_label = line
        elif not header.outlet and (index < headline or is_outlet_like(line)):
            header.outlet = line
        else:
            leftover.append(index)
    return header, leftover


def _is_label(line: str, *, before_headline: bool) -> bool:
    """A section label: a usual one anywhere, or a word or two above the headline that names no outlet ("Iraq").

    An outlet's name the rules do not know is taken for a label, not the other
    way round: the page shows the outlet, never the label.
    """
    if is_section_like(line):
        return True
    return before_headline and len(line.split()) <= 2 and not is_outlet_like(line) and not DOMAIN.search(line)


def _headline_index(candidates: list[str]) -> int | None:
    """The headline: the line with a " | Section" suffix, else the first that is neither an outlet nor a section."""
    for index, line in enumerate(candidates):
        suffix = SECTION_SUFFIX.match(line)
        if suffix and len(suffix["label"].split()) <= 4:
            return index
    plain = [i for i, line in enumerate(candidates) if not is_outlet_like(line) and not is_section_like(line)]
    if plain:
        return next((i for i in plain if len(candidates[i].split()) >= HEADLINE_MIN_WORDS), plain[0])
    return max(range(len(candidates)), key=lambda i: len(candidates[i]), default=None)


def take_leading_pieces(pieces: list[Piece], header: Header) -> list[Piece]:
    """The headline (as a heading), byline and date lines at the top of a page's or export's text are the header's."""
    taken = 0
    if pieces and pieces[0].kind == "heading" and (not header.title or _within(pieces[0].text, header.title)):
        header.title, taken = pieces[0].text, 1  # "Print: Headline" or "Headline - Site": the page's heading is it
    while taken < min(LEADING_HEADER_PIECES, len(pieces)) and not is_prose(pieces[taken].text):
        text = pieces[taken].text
        if _same_words(text, header.title):
            pass
        elif byline := read_byline(text):
            header.bylines = header.bylines or [byline]
        elif date_line := read_date_line(text) or (DateLine(unread=(text,)) if is_stamp(text) else None):
            header.date_lines.append(date_line)
        else:
            break
        taken += 1
    header.bylines = header.bylines or ([byline] if (byline := credit_byline(pieces)) else [])
    return pieces[taken:]


def _within(heading: str, title: str) -> bool:
    """Whether a heading is the title with words around it that a page title adds (the site's name, "Print:")."""
    inner, outer = _words(heading), _words(title)
    return HEADLINE_MIN_WORDS < len(inner) < len(outer) and any(
        outer[start:start + len(inner)] == inner for start in range(len(outer) - len(inner) + 1))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", re.sub(r"<[^>]{0,40}>", " ", text).casefold())


def _same_words(heading: str, title: str) -> bool:
    """Whether a heading repeats the title, markup in the metadata's copy of it aside."""
    return bool(title) and _words(heading) == _words(title)
