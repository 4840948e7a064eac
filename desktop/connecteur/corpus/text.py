"""Undoing the PDF's line layout: joining wrapped lines, rejoining URLs, finding URLs.

The text was extracted from a PDF, so every item is cut into lines at arbitrary
places: in the middle of a URL (``…/flash-covid-`` / ``selection-2020.pdf``), after
the hyphen of a compound word (``Est-`` / ``ce que``), or between two words. These
helpers rebuild the item's one-line text; they never drop characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Characters a URL may hold (RFC 3986 plus the percent sign). Anything else — a space,
# a French quote, a subscript digit left by the PDF — ends the URL.
_URL_CHARS = r"A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%"
URL_RE = re.compile(rf"(?:https?|ftp)://[{_URL_CHARS}]+")
MAILTO_RE = re.compile(r"mailto:[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+")
# "http" glued to a host name, as in ``httplabobine.co/``: a URL that lost its "://".
MALFORMED_URL_RE = re.compile(r"\bhttps?(?!s?://)(?=[a-z0-9])[a-z0-9\-]+\.[a-z]{2,}[^\s]*",
                              re.IGNORECASE)
_TRAILING_PUNCT = ".,;:!?»\"'"
_URL_TOKEN_RE = re.compile(rf"^[{_URL_CHARS}]+")
# A word that can only be the end of a web address: a dot, a slash, an equals sign…
# between letters or digits (``page-57.htm``, ``a/b``, ``x=1``).
_PATH_TAIL_RE = re.compile(r"[A-Za-z0-9][/._=&%#?][A-Za-z0-9]")
# The rest of a hyphenated path segment (``…-shs-c`` / ``ode-virus``).
_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+/?$")
_SCHEME_RE = re.compile(r"(?<![A-Za-z])(?:https?|ftp)://")
# A line ending inside a URL: the PDF cut it after one of these characters.
_URL_CUT_ENDINGS = ("-", "/", "?", "=", "&", "_", "#", "%")
_WORD_HYPHEN_RE = re.compile(r"[^\W\d_]-$")
_SPACES_RE = re.compile(r"[ \t\u00a0\u202f\u2009\u2007]+")


def fold(text: str) -> str:
    """Lower case without accents (``Élus`` → ``elus``, ``œuvre`` → ``oeuvre``): how
    people type when they search or filter."""
    text = text.casefold().replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def clean_line(line: str) -> str:
    """A line without the PDF's indentation, trailing blanks and doubled spaces."""
    return _SPACES_RE.sub(" ", line).strip()


def _last_token(text: str) -> str:
    return text.rsplit(" ", 1)[-1]


def _url_continues(text: str, nxt: str, line: str = "") -> bool:
    """Whether ``nxt`` carries on a URL that ``text`` (whose last line is ``line``) ends
    with."""
    last = _last_token(text)
    first = nxt.split(" ", 1)[0]
    scheme = _SCHEME_RE.search(last + first)
    if scheme and scheme.start() < len(last) <= scheme.end() and _URL_TOKEN_RE.match(nxt):
        return True  # cut inside "https://" ("htt" / "ps://…") or right after it
    in_url = URL_RE.search(last)
    if not in_url or in_url.end() != len(last) or URL_RE.match(nxt) or nxt.startswith("//"):
        return False
    head = _URL_TOKEN_RE.match(nxt)
    if not head:
        return False
    if last.endswith(("-", "?", "=", "&", "_", "#", "%")):
        return True
    token = head.group(0)
    # (a stray character glued after the URL, like the source's "₁", is tolerated)
    whole_word = len(first) - len(token) <= 1
    if last.endswith("/"):
        # A complete URL may end with "/" too: only join a path-like first word, or a
        # line that is nothing but the rest of an address.
        return whole_word and (any(ch in token for ch in "/-_.=&%#?") or token.isdigit()
                               or nxt == token)
    # A narrow column cuts a long URL anywhere: what follows is the rest of an address
    # (``industr`` / ``ielles-2020-2-page-57.htm``), not a word of the sentence — surely
    # so when the address filled its line alone and the next starts in lower case.
    bare = token.rstrip(_TRAILING_PUNCT)
    slug = "-" in last.rsplit("/", 1)[-1] and _SLUG_RE.match(bare) is not None
    filled = " " not in line and last.endswith(line) and len(line) >= 30 \
        and token[:1].islower()
    return whole_word and (_PATH_TAIL_RE.search(bare) is not None or "/" in bare or slug
                           or bare.isdigit() or filled
                           or (nxt == token and len(token) <= 3 and token.islower()))


def _word_continues(text: str, nxt: str) -> bool:
    """Whether ``text`` ends with the hyphen of a compound word cut by the line."""
    return bool(_WORD_HYPHEN_RE.search(text)) and nxt[:1].isalpha()


def join_lines(lines: list[str]) -> str:
    """One string from the lines of one item, with the PDF's line breaks undone.

    Hyphens are kept: in this document a hyphen at the end of a line always belongs
    to the text (``Est-ce``, ``Loire-Atlantique``, ``flash-covid-selection``).
    """
    text = previous = ""
    for raw in lines:
        line = clean_line(raw)
        if not line:
            continue
        if not text:
            text = line
        elif _url_continues(text, line, previous) or _word_continues(text, line):
            text += line
        else:
            text += " " + line
        previous = line
    return text


@dataclass(frozen=True)
class FoundUrl:
    url: str
    start: int
    end: int


def _trim(url: str) -> str:
    """Drop sentence punctuation after a URL, and a closing parenthesis it did not open."""
    while url and url[-1] in _TRAILING_PUNCT:
        url = url[:-1]
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1]
        while url and url[-1] in _TRAILING_PUNCT:
            url = url[:-1]
    return url


def find_urls(text: str) -> list[FoundUrl]:
    """The web addresses in a text, complete and without trailing punctuation."""
    found = []
    for match in URL_RE.finditer(text):
        url = _trim(match.group(0))
        if "://" in url and len(url.split("://", 1)[1]) > 0:
            found.append(FoundUrl(url, match.start(), match.start() + len(url)))
    return found


def unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def url_problems(text: str) -> list[str]:
    """French descriptions of what looks like a broken web address in ``text``."""
    problems = []
    for match in MALFORMED_URL_RE.finditer(text):
        problems.append(
            f"adresse web mal formée (« :// » manquant) gardée comme texte : {match.group(0)}")
    for url in find_urls(text):
        after = text[url.end:url.end + 1]
        if after and not after.isspace() and after not in _TRAILING_PUNCT + ")":
            problems.append(f"caractère inattendu « {after} » collé à l'adresse {url.url} "
                            "(gardé dans le texte)")
    return problems
