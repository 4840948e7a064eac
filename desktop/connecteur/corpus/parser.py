"""From the Connecteur Recherche text to the domain model.

The parser reads the text line by line with a small state machine (which section of
which session it is in) and collects each item's raw lines; a second step joins
those lines (see :mod:`connecteur.corpus.text`), finds the URLs and gives every item
its stable ID. Quirks of the PDF extraction it absorbs:

* page artefacts: lines indented by one space, lone page numbers, the link list
  that the PDF printed after the introduction page;
* a speakers box printed in the middle of a theme (the theme goes on after it), and
  a theme heading printed right before that box without a blank line;
* session titles over two lines; upper-case parts above themes; sub-bullets;
* ``→`` and ``-`` bullets mixed in one resources list; several URLs in one item;
* URLs and compound words cut by line breaks; a URL without ``://`` (reported).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from connecteur.corpus import ids
from connecteur.corpus.model import (
    About,
    AboutBlock,
    Event,
    FieldSite,
    Lead,
    Library,
    ParseWarning,
    Resource,
    Session,
    Speaker,
    Theme,
)
from connecteur.corpus.reference import french_date
from connecteur.corpus.text import (
    MAILTO_RE,
    URL_RE,
    clean_line,
    find_urls,
    fold,
    join_lines,
    unique,
    url_problems,
)
from connecteur.errors import CorpusError, os_reason

MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}

_DASHES = "–—-"
EVENT_RE = re.compile(
    rf"^CONNECTEUR\s+RECHERCHE\s*[{_DASHES}]\s*(\d{{1,2}})(?:ER)?\s+(\w+)\s+(\d{{4}})$",
    re.IGNORECASE)
SESSION_RE = re.compile(rf"^SESSION\s+(\d{{1,2}})\s*[{_DASHES}]\s*(.+)$")
SPEAKERS_RE = re.compile(r"^Intervenant[.·]?e[.·]?s\s*:?$", re.IGNORECASE)
PAGE_NUMBER_RE = re.compile(r"^\d{1,3}$")
SECTIONS = {"PISTES DE REFLEXION": "leads", "TERRAINS": "field_sites",
            "RESSOURCES": "resources"}
ARROW, DOT = "→", "•"
# A capital consonant standing alone before a lower-case word: no French word is a lone
# consonant (``à``, ``a``, ``y``, ``ô`` are vowels), so the PDF split a word there.
SPLIT_WORD_RE = re.compile(r"(?<![\w.’'-])[B-DF-HJ-NP-TV-XZÇ] [a-zà-ÿœ]{2,}")
_SENTENCE_END = (".", "?", "!")


def _fold(text: str) -> str:
    return fold(text).upper()


def event_title(date: str) -> str:
    return f"Connecteur Recherche – {french_date(date)}"


def _bullet(text: str) -> tuple[str, str] | None:
    """(bullet, rest) when the line opens a bulleted item."""
    if text.startswith(ARROW):
        return ARROW, text[1:].strip()
    if text.startswith(DOT):
        return DOT, text[1:].strip()
    if len(text) > 1 and text[0] in "-–" and text[1] == " ":
        return "-", text[2:].strip()
    return None


def _new_reference(prev: _Line, text: str) -> bool:
    """Whether a line of a resource starts another reference held in the same bullet
    (the source's line break then stays): it opens with a capital letter, after a
    line that ended on a complete web address, or that the PDF did not wrap and that
    does not end mid-sentence."""
    if not text[:1].isupper() or not prev.text:
        return False
    last = prev.text.rsplit(" ", 1)[-1]
    found = URL_RE.search(last)
    if found and found.end() == len(last):
        return join_lines([prev.text, text]) == f"{prev.text} {text}"
    return not prev.wrapped and not prev.text.endswith((",", ";", ":", "(", "-", "–", "«"))


def _is_part(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


# --- builders: mutable while reading, frozen into the model at the end ---------------

@dataclass
class _Entry:
    line: int
    lines: list[str]
    items: list[list[str]] = field(default_factory=list)

    def add(self, text: str) -> None:
        (self.items[-1] if self.items else self.lines).append(text)


@dataclass
class _Theme:
    line: int
    title: str
    part: str | None
    leads: list[_Entry] = field(default_factory=list)


@dataclass
class _Session:
    line: int
    number: int
    title_lines: list[str]
    intro: list[list[str]] = field(default_factory=lambda: [[]])
    themes: list[_Theme] = field(default_factory=list)
    field_sites: list[_Entry] = field(default_factory=list)
    resources: list[_Entry] = field(default_factory=list)
    speakers: list[_Entry] = field(default_factory=list)


@dataclass
class _Event:
    line: int
    date: str
    sessions: list[_Session] = field(default_factory=list)


@dataclass
class _Line:
    number: int
    text: str
    wrapped: bool = False  # the source line ended with a space: the PDF wrapped it there


class _Reader:
    """The state machine: which part of the document each line belongs to."""

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.about: list[_Line] = []
        self.events: list[_Event] = []
        self.warnings: list[ParseWarning] = []
        self.state = "about"
        self.state_before_box = "leads"
        self.entry: _Entry | None = None
        self.part: str | None = None
        self.prev: _Line | None = None  # previous non-blank line
        self.prev_blank = True
        self.after_box = False
        self.after_heading = False

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ParseWarning(line, message))

    @property
    def session(self) -> _Session | None:
        if self.events and self.events[-1].sessions:
            return self.events[-1].sessions[-1]
        return None

    def run(self) -> None:
        for index, line in enumerate(self.lines):
            if not line.text:
                self._blank()
                continue
            self._check_words(line)
            self._line(line, self._next_text(index))
            self.prev, self.prev_blank = line, False

    def _check_words(self, line: _Line) -> None:
        """Report a word the PDF seems to have cut with a space (``C ela``): kept as
        the source has it, for a human to correct."""
        for match in SPLIT_WORD_RE.finditer(line.text):
            self.warn(line.number, f"mot peut-être coupé par une espace : « {match.group()} » "
                                   "(gardé tel quel)")

    def _next_text(self, index: int) -> str:
        for line in self.lines[index + 1:]:
            if line.text:
                return line.text
        return ""

    def _blank(self) -> None:
        self.prev_blank = True
        if self.state == "title":
            self.state = "intro"
        if self.state == "intro" and self.session and self.session.intro[-1]:
            self.session.intro.append([])
        if self.state == "about":
            self.about.append(_Line(0, ""))

    def _line(self, line: _Line, nxt: str) -> None:
        text = line.text
        if self._structure(line):
            return
        handler = {
            "about": self._about, "between": self._between, "title": self._title,
            "intro": self._intro, "leads": self._leads, "field_sites": self._field_site,
            "resources": self._resource, "speakers": self._speaker,
        }[self.state]
        handler(line, text, nxt)

    def _structure(self, line: _Line) -> bool:
        """Headings that change the state, wherever they appear."""
        text = line.text
        if PAGE_NUMBER_RE.match(text):
            return True
        if match := EVENT_RE.match(text):
            return self._event(line, match)
        if (match := SESSION_RE.match(text)) and self.state != "about":
            self._new_session(line, match)
            return True
        section = SECTIONS.get(_fold(text).rstrip(" :"))
        if section and self.session:
            self.state, self.entry, self.part = section, None, None
            self.after_box = self.after_heading = False
            return True
        if SPEAKERS_RE.match(text) and self.session:
            if self.state != "speakers":
                self.state_before_box = self.state
            self.state, self.entry = "speakers", None
            return True
        return False

    def _event(self, line: _Line, match: re.Match[str]) -> bool:
        month = MONTHS.get(_fold(match[2]).lower())
        if not month:
            self.warn(line.number, f"mois inconnu dans le titre de journée : {line.text}")
            return False
        date = f"{int(match[3]):04d}-{month:02d}-{int(match[1]):02d}"
        if any(event.date == date for event in self.events):
            self.warn(line.number, f"journée du {date} annoncée deux fois ; sessions réunies")
        else:
            self.events.append(_Event(line.number, date))
        self.state, self.entry = "between", None
        return True

    def _new_session(self, line: _Line, match: re.Match[str]) -> None:
        if not self.events:
            self.warn(line.number, "session trouvée avant toute journée ; ignorée")
            self.state = "between"
            return
        event = self.events[-1]
        number = int(match[1])
        if any(s.number == number for s in event.sessions):
            self.warn(line.number, f"session {number} du {event.date} en double ; renumérotée")
            number = max(s.number for s in event.sessions) + 1
        event.sessions.append(_Session(line.number, number, [match[2]]))
        self.state, self.entry, self.part = "title", None, None

    # --- one handler per state ------------------------------------------------------

    def _about(self, line: _Line, text: str, nxt: str) -> None:
        self.about.append(line)

    def _between(self, line: _Line, text: str, nxt: str) -> None:
        self.warn(line.number, f"texte hors session ignoré : {text[:60]}")

    def _title(self, line: _Line, text: str, nxt: str) -> None:
        assert self.session is not None
        self.session.title_lines.append(text)

    def _intro(self, line: _Line, text: str, nxt: str) -> None:
        assert self.session is not None
        self.session.intro[-1].append(text)

    def _leads(self, line: _Line, text: str, nxt: str) -> None:
        session = self.session
        assert session is not None
        bullet = _bullet(text)
        fresh = self.prev_blank or self.after_box
        self.after_box = False
        if bullet and bullet[0] == ARROW:
            self._theme_for_lead(session, line).leads.append(_Entry(line.number, [bullet[1]]))
            self.entry, self.after_heading = session.themes[-1].leads[-1], False
        elif bullet and bullet[0] == "-" and self.entry:
            self.entry.items.append([bullet[1]])
        elif _is_part(text) and fresh:
            self.part, self.entry = text, None
        elif self._is_theme_heading(text, nxt, fresh):
            session.themes.append(_Theme(line.number, text, self.part))
            self.entry, self.after_heading = None, True
        elif self.after_heading and session.themes:
            session.themes[-1].title += " " + text
        elif self.entry:
            self.entry.add(bullet[1] if bullet else text)
        else:
            self.warn(line.number, f"ligne sans intertitre rattachée à une piste : {text[:60]}")
            self._theme_for_lead(session, line).leads.append(_Entry(line.number, [text]))
            self.entry = session.themes[-1].leads[-1]

    def _is_theme_heading(self, text: str, nxt: str, fresh: bool) -> bool:
        if _bullet(text):
            return False
        if fresh:
            return True
        # A heading printed right before the speakers box, under a finished sentence.
        return (bool(SPEAKERS_RE.match(nxt)) and self.prev is not None
                and self.prev.text.endswith(_SENTENCE_END)
                and not text.endswith((*_SENTENCE_END, ":", ";", ",")) and text[:1].isupper())

    def _theme_for_lead(self, session: _Session, line: _Line) -> _Theme:
        if not session.themes or session.themes[-1].part != self.part:
            if not session.themes:
                self.warn(line.number, "piste de réflexion sans intertitre")
            else:
                self.warn(line.number, "piste sous une nouvelle partie sans intertitre")
            session.themes.append(_Theme(line.number, "", self.part))
        return session.themes[-1]

    def _field_site(self, line: _Line, text: str, nxt: str) -> None:
        session = self.session
        assert session is not None
        bullet = _bullet(text)
        if bullet and bullet[0] == "-" and self.entry:
            self.entry.items.append([bullet[1]])
        elif bullet or not self.entry:
            self.entry = _Entry(line.number, [bullet[1] if bullet else text])
            session.field_sites.append(self.entry)
        else:
            self.entry.add(text)

    def _resource(self, line: _Line, text: str, nxt: str) -> None:
        session = self.session
        assert session is not None
        bullet = _bullet(text)
        if bullet or not self.entry:
            self.entry = _Entry(line.number, [bullet[1] if bullet else text])
            session.resources.append(self.entry)
        elif self.prev is not None and _new_reference(self.prev, text):
            self.entry.items.append([text])  # a second reference in the same bullet
        else:
            self.entry.add(text)

    def _speaker(self, line: _Line, text: str, nxt: str) -> None:
        session = self.session
        assert session is not None
        bullet = _bullet(text)
        if bullet and bullet[0] in (DOT, "-"):
            self.entry = _Entry(line.number, [bullet[1]])
            session.speakers.append(self.entry)
        elif self.entry and not self.prev_blank and not bullet:
            self.entry.add(text)
        else:
            # The box is over: the line belongs to the section the box interrupted.
            self.state, self.entry, self.after_box = self.state_before_box, None, True
            self._line(line, nxt)
            # Leads after the box continue the last theme, not the last lead.


# --- freezing: IDs, joined text, URLs --------------------------------------------------

_SPEAKER_RE = re.compile(r"^(?P<name>[^(]+?)\s*,?\s*\((?P<aff>.*)\)\s*\.?$", re.DOTALL)


def _speaker(entry: _Entry, session_id: str, rank: int) -> Speaker:
    text = join_lines(entry.lines)
    match = _SPEAKER_RE.match(text)
    name, affiliation = (match["name"], match["aff"]) if match else (text, "")
    return Speaker(ids.item_id(session_id, "speaker", rank), session_id, rank,
                   name.strip(" ,"), affiliation.strip())


class _Freezer:
    def __init__(self, warnings: list[ParseWarning]) -> None:
        self.warnings = warnings

    def check_urls(self, line: int, text: str) -> None:
        for problem in url_problems(text):
            self.warnings.append(ParseWarning(line, problem))

    def session(self, event: _Event, raw: _Session) -> Session:
        sid = ids.session_id(event.date, raw.number)
        themes, rank = [], 0
        for theme_rank, theme in enumerate(raw.themes, start=1):
            theme_id = ids.item_id(sid, "theme", theme_rank)
            leads = []
            for entry in theme.leads:
                rank += 1
                body, items = join_lines(entry.lines), tuple(join_lines(i) for i in entry.items)
                self.check_urls(entry.line, " ".join((body, *items)))
                leads.append(Lead(ids.item_id(sid, "lead", rank), sid, rank, theme_id,
                                  theme.title, theme.part, body, items))
            themes.append(Theme(theme_id, sid, theme_rank, theme.title, theme.part, tuple(leads)))
        return Session(
            id=sid, event_id=event.date, date=event.date, number=raw.number,
            title=join_lines(raw.title_lines),
            introduction="\n\n".join(join_lines(p) for p in raw.intro if p),
            themes=tuple(themes),
            field_sites=tuple(self.field_site(sid, r, e)
                              for r, e in enumerate(raw.field_sites, start=1)),
            resources=tuple(self.resource(sid, r, e)
                            for r, e in enumerate(raw.resources, start=1)),
            speakers=tuple(_speaker(e, sid, r) for r, e in enumerate(raw.speakers, start=1)),
        )

    def field_site(self, sid: str, rank: int, entry: _Entry) -> FieldSite:
        body, items = join_lines(entry.lines), tuple(join_lines(i) for i in entry.items)
        whole = " ".join((body, *items))
        self.check_urls(entry.line, whole)
        urls = unique([u.url for u in find_urls(whole)])
        return FieldSite(ids.item_id(sid, "field_site", rank), sid, rank, body, items, urls)

    def resource(self, sid: str, rank: int, entry: _Entry) -> Resource:
        # ``items`` hold the further references of one bullet, each on its own line
        text = "\n".join(join_lines(lines) for lines in (entry.lines, *entry.items))
        self.check_urls(entry.line, text)
        urls = unique([u.url for u in find_urls(text)])
        return Resource(ids.item_id(sid, "resource", rank), sid, rank, text, urls)


def _about(lines: list[_Line]) -> About:
    """The document's own introduction, its title, paragraphs, list items and links."""
    links: list[str] = []
    body: list[str] = []
    for line in lines:
        if line.text and (URL_RE.fullmatch(line.text) or MAILTO_RE.fullmatch(line.text)):
            links.append(line.text)
        else:
            body.append(line.text)
    while body and not body[0]:
        body.pop(0)
    title = body.pop(0) if body else ""
    return About(title, _about_blocks(body), unique(links))


def _about_blocks(lines: list[str]) -> tuple[AboutBlock, ...]:
    blocks: list[tuple[str, list[str]]] = []
    new_block, listing = True, False
    for text in lines:
        if not text:
            new_block, listing = True, False
            continue
        bullet = _bullet(text)
        last = join_lines(blocks[-1][1]) if blocks else ""
        if bullet:
            blocks.append(("item", [bullet[1]]))
        elif new_block and blocks and text[:1].islower() and not last.endswith(
                (*_SENTENCE_END, ":", ";")):
            blocks[-1][1].append(text)  # a sentence cut by the page layout
        elif listing or new_block or not blocks:
            blocks.append(("item" if listing else "paragraph", [text]))
        else:
            blocks[-1][1].append(text)
        new_block = False
        listing = listing or (not bullet and text.endswith(":"))
    return tuple(AboutBlock(kind, join_lines(block)) for kind, block in blocks)


def parse_text(text: str) -> Library:
    """The library held in a Connecteur Recherche text.

    Raises :class:`CorpusError` when the text holds no dated Connecteur day with at
    least one session; anything else odd is kept and reported in ``warnings``.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = [_Line(n, clean_line(raw), raw != raw.rstrip(" \t\u00a0"))
             for n, raw in enumerate(text.split("\n"), start=1)]
    reader = _Reader(lines)
    reader.run()
    if not reader.events or not any(e.sessions for e in reader.events):
        raise CorpusError(
            "Ce texte n'est pas un compte rendu du Connecteur Recherche : il n'y figure "
            "aucune journée « CONNECTEUR RECHERCHE – date » suivie de sessions.")
    freezer = _Freezer(reader.warnings)
    events = tuple(
        Event(ids.event_id(e.date), e.date, event_title(e.date),
              tuple(freezer.session(e, s) for s in e.sessions))
        for e in reader.events if e.sessions)
    warnings = tuple(sorted(freezer.warnings, key=lambda w: w.line))
    return Library(_about(reader.about), events, warnings)


def read_corpus_text(path: Path) -> str:
    """The text of a corpus file, or a French explanation of why it cannot be read."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(f"Le texte du corpus est introuvable : {path}.") from None
    except IsADirectoryError:
        raise CorpusError(f"{path} est un dossier, pas le texte du corpus.") from None
    except OSError as exc:
        raise CorpusError(
            f"Le texte du corpus ne peut pas être lu : {path} ({os_reason(exc)}).") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise CorpusError(
            f"Le texte du corpus n'est pas en UTF-8 : {path}. "
            "Enregistrez-le en UTF-8 puis recommencez.") from None


def load_corpus(path: Path) -> Library:
    return parse_text(read_corpus_text(path))
