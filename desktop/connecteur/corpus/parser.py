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

Text extracted from a PDF by a library (pypdf) rather than by ``pdftotext`` differs
again, and is read too: blank lines dropped (the text is then "dense", and blocks are
told apart by line length, sentence ends and what follows — see ``_Layout``),
ligatures, other bullet glyphs (:mod:`connecteur.corpus.glyphs`), running headers,
footers and page numbers between the lines, and a session title running into the first
line of its introduction.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from connecteur.corpus import ids
from connecteur.corpus.glyphs import BULLET_ONLY_RE, normalise_line
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
# "Page 3", "3/12", "3 sur 12", "- 3 -": page numbers as footers print them.
PAGE_LINE_RE = re.compile(r"^(?:page\s*\d{1,3}(?:\s*(?:/|sur)\s*\d{1,3})?"
                          r"|\d{1,3}\s*(?:/|sur)\s*\d{1,3}|[-–]\s*\d{1,3}\s*[-–])$",
                          re.IGNORECASE)
SECTIONS = {"PISTES DE REFLEXION": "leads", "TERRAINS": "field_sites",
            "RESSOURCES": "resources"}
ARROW, DOT = "→", "•"
# A capital consonant standing alone before a lower-case word: no French word is a lone
# consonant (``à``, ``a``, ``y``, ``ô`` are vowels), so the PDF split a word there.
SPLIT_WORD_RE = re.compile(r"(?<![\w.’'-])[B-DF-HJ-NP-TV-XZÇ] [a-zà-ÿœ]{2,}")
_SENTENCE_END = (".", "?", "!")
_BLOCK_END = (".", "?", "!", "…")
# Words a title line cannot end with: the title goes on on the next line.
_DANGLING = frozenset((
    "de", "du", "des", "la", "le", "les", "l’", "l'", "d’", "d'", "à", "au", "aux", "et", "ou",
    "en", "pour", "par", "sur", "dans", "un", "une", "avec", "entre", "vers", "face", "sans"))
# A run-in title glued to its first sentence: "…de criseLa crise sanitaire…".
_GLUED_RE = re.compile(r"(?<=[a-zà-ÿ?!.»)])(?=[A-ZÀ-Ý][a-zà-ÿ])")
# How a speaker's entry opens: a name of one to six words (capitalised, or particles
# such as "de", "van"), then the affiliation in brackets, after a comma, or nothing.
_NAME_WORD = r"(?:[A-ZÀ-Ý][\w’'.\-]*|de|du|des|la|le|van|von|der|d’|d'|y)"
_NAME_RE = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,5}}\s*(?:\(|,|$)")
_CAPITAL_WORD_RE = re.compile(r"(?<= )(?=[A-ZÀ-Ý][a-zà-ÿ’'])")


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


def _ends_block(text: str) -> bool:
    """Whether a line ends a sentence (closing quotes and brackets aside)."""
    return text.rstrip("»\"’)] ").endswith(_BLOCK_END)


def _dangling(text: str) -> bool:
    """Whether a title line stops where it cannot end (``… de``, ``…,``, ``Est-``)."""
    if text.endswith(("-", ",", ":", "–", "’", "'", "(")):
        return True
    return text.rsplit(" ", 1)[-1].casefold() in _DANGLING


@dataclass(frozen=True)
class _Layout:
    """What the text says about the page it came from.

    ``dense``: the extraction dropped the blank lines (pypdf does), so a block's end is
    read from the lines themselves. ``width``: how many characters a full line holds
    (the 90th percentile of line lengths): a shorter line ends its paragraph.
    """

    dense: bool = False
    width: int = 90
    strict: bool = False  # a theme heading must lead on to a lead (text from a PDF)

    @classmethod
    def of(cls, lines: list[_Line], strict: bool = False) -> _Layout:
        filled = [len(line.text) for line in lines if line.text]
        texts = [line.text for line in lines]
        while texts and not texts[-1]:
            texts.pop()
        while texts and not texts[0]:
            texts.pop(0)
        blank = texts.count("")  # blank lines between text lines
        long = sorted(n for n in filled if n >= 20)
        width = long[int(0.9 * (len(long) - 1))] if long else 90
        return cls(dense=bool(filled) and blank < max(1, 0.08 * len(filled)), width=width,
                   strict=strict)

    def short(self, text: str) -> bool:
        return len(text) < 0.8 * self.width


def _same_start(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _split_run_in(title: str, layout: _Layout, line_length: int, nxt: str) -> tuple[str, str]:
    """(title, first words of the introduction) when the PDF printed both on one line:
    glued (``…de criseLa crise…``), or — in dense text — a long line whose next line
    carries on a sentence, cut before the first capitalised word that can start one."""
    glued = _GLUED_RE.search(title)
    if glued and len(title) - glued.start() >= 40:
        return title[:glued.start()].strip(), title[glued.start():].strip()
    if not layout.dense or line_length < 0.75 * layout.width:
        return title, ""
    first_word_end = title.find(" ")
    for found in _CAPITAL_WORD_RE.finditer(title, max(first_word_end, 0)):
        head, rest = title[:found.start()].strip(), title[found.start():]
        if len(rest) >= 20 and not _dangling(head) and not head.endswith((":", ",")) \
                and (nxt[:1].islower() or nxt[:1].isdigit() or _ends_block(rest)):
            return head, rest
    return title, ""


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

    def __init__(self, lines: list[_Line], layout: _Layout | None = None) -> None:
        self.lines = lines
        self.layout = layout or _Layout()
        self.found: dict[str, int] = {}  # the headings met, for "what was recognised"
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
        self.after_structure = False
        self.index = 0
        self.skipped = False

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
            self.index, self.skipped = index, False
            self._check_words(line)
            self._line(line, self._next_text(index))
            if not self.skipped:  # a running header is not part of the text around it
                self.prev, self.prev_blank = line, False

    def _check_words(self, line: _Line) -> None:
        """Report a word the PDF seems to have cut with a space (``C ela``): kept as
        the source has it, for a human to correct."""
        for match in SPLIT_WORD_RE.finditer(line.text):
            self.warn(line.number, f"mot peut-être coupé par une espace : « {match.group()} » "
                                   "(gardé tel quel)")

    def _next_text(self, index: int, skip: int = 0) -> str:
        for line in self.lines[index + 1:]:
            if line.text:
                if not skip:
                    return line.text
                skip -= 1
        return ""

    def _count(self, what: str) -> None:
        self.found[what] = self.found.get(what, 0) + 1

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
            self.after_structure = self.after_structure or not self.skipped
            return
        fresh_after_structure, self.after_structure = self.after_structure, False
        if fresh_after_structure and self.layout.dense:
            self.prev_blank = True  # a heading ends the block before it, blank or not
        handler = {
            "about": self._about, "between": self._between, "title": self._title,
            "intro": self._intro, "leads": self._leads, "field_sites": self._field_site,
            "resources": self._resource, "speakers": self._speaker,
        }[self.state]
        handler(line, text, nxt)

    def _structure(self, line: _Line) -> bool:
        """Headings that change the state, wherever they appear."""
        text = line.text  # (page numbers are gone already: see source_lines)
        if match := EVENT_RE.match(text):
            return self._event(line, match)
        if (match := SESSION_RE.match(text)) and self.state != "about":
            self._new_session(line, match)
            return True
        section = SECTIONS.get(_fold(text).rstrip(" :"))
        if section and self.session:
            self._count(section)
            self.state, self.entry, self.part = section, None, None
            self.after_box = self.after_heading = False
            return True
        if SPEAKERS_RE.match(text) and self.session:
            self._count("speakers")
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
        try:
            datetime.date.fromisoformat(date)
        except ValueError:
            self.warn(line.number, f"date impossible dans le titre de journée : {line.text}")
            return False
        if self.events and self.events[-1].date == date and self.state not in (
                "about", "between"):
            self.skipped = True  # the day's title as a running header, inside a session
            return True
        self._count("event")
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
        current = self.session
        if current is not None and current.number == number and self.state != "title" \
                and current in event.sessions \
                and _same_start(fold(match[2]), fold(current.title_lines[0])):
            self.skipped = True  # the session's title repeated as a running header
            return
        self._count("session")
        if any(s.number == number for s in event.sessions):
            self.warn(line.number, f"session {number} du {event.date} en double ; renumérotée")
            number = max(s.number for s in event.sessions) + 1
        title, intro = _split_run_in(match[2], self.layout, len(line.text),
                                     self._next_text(self.index))
        event.sessions.append(_Session(line.number, number, [title]))
        self.state, self.entry, self.part = "title", None, None
        if intro:
            self.state = "intro"
            self.session.intro[-1].append(intro)  # type: ignore[union-attr]

    # --- one handler per state ------------------------------------------------------

    def _about(self, line: _Line, text: str, nxt: str) -> None:
        self.about.append(line)

    def _between(self, line: _Line, text: str, nxt: str) -> None:
        self.warn(line.number, f"texte hors session ignoré : {text[:60]}")

    def _title(self, line: _Line, text: str, nxt: str) -> None:
        assert self.session is not None
        if text[:1].islower() or _dangling(self.session.title_lines[-1]):
            title, intro = _split_run_in(text, self.layout, len(text), nxt)
            self.session.title_lines.append(title)
            if intro:  # the title's second line ran into the introduction
                self.state = "intro"
                self._intro(line, intro, nxt)
        else:  # no blank line under the title: the introduction starts here
            self.state = "intro"
            self._intro(line, text, nxt)

    def _intro(self, line: _Line, text: str, nxt: str) -> None:
        assert self.session is not None
        paragraph = self.session.intro[-1]
        if (self.layout.dense or self.layout.strict) and paragraph \
                and self._paragraph_ended(paragraph[-1]):
            self.session.intro.append([text])
        else:
            paragraph.append(text)

    def _paragraph_ended(self, text: str) -> bool:
        return _ends_block(text) and self.layout.short(text)

    def _leads(self, line: _Line, text: str, nxt: str) -> None:
        session = self.session
        assert session is not None
        bullet = _bullet(text)
        fresh = self.prev_blank or self.after_box or self._block_ended()
        self.after_box = False
        if bullet and bullet[0] in (ARROW, DOT):
            self._theme_for_lead(session, line).leads.append(_Entry(line.number, [bullet[1]]))
            self.entry, self.after_heading = session.themes[-1].leads[-1], False
        elif bullet and bullet[0] == "-" and self.entry:
            self.entry.items.append([bullet[1]])
        elif self._heading_goes_on(bullet):
            session.themes[-1].title += " " + text
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

    def _heading_goes_on(self, bullet: tuple[str, str] | None) -> bool:
        """Dense text, or text from a PDF: the line right under a theme heading (no gap
        between them) is its second line — a theme always has a lead before the next."""
        return (self.after_heading and not bullet and bool(self.session and self.session.themes)
                and (self.layout.dense or (self.layout.strict and not self.prev_blank)))

    def _block_ended(self) -> bool:
        """Dense text only: whether the previous line closed its block."""
        if not self.layout.dense or self.prev is None:
            return False
        return _ends_block(self.prev.text) or self.layout.short(self.prev.text)

    def _is_theme_heading(self, text: str, nxt: str, fresh: bool) -> bool:
        if _bullet(text):
            return False
        if self.layout.dense or self.layout.strict:
            return fresh and self._heads_leads(text, nxt)
        if fresh:
            return True
        # A heading printed right before the speakers box, under a finished sentence.
        return (bool(SPEAKERS_RE.match(nxt)) and self.prev is not None
                and self.prev.text.endswith(_SENTENCE_END)
                and not text.endswith((*_SENTENCE_END, ":", ";", ",")) and text[:1].isupper())

    def _heads_leads(self, text: str, nxt: str) -> bool:
        """Dense text, or text from a PDF: a heading ends without a full stop and leads
        on to a lead or to the speakers box — directly, or through its second line."""
        def opens_lead(following: str) -> bool:
            bullet = _bullet(following)
            return bool(bullet and bullet[0] in (ARROW, DOT)) or bool(
                SPEAKERS_RE.match(following))

        def unfinished(line: str) -> bool:
            return not line.endswith((".", ",", ";", ":")) or line.endswith(("...", "…"))

        if text.endswith("?") and self.layout.dense and self.prev is not None and not (
                _ends_block(self.prev.text) and self.layout.short(self.prev.text)):
            return False  # a question not after a finished paragraph: the lead goes on
        if opens_lead(nxt):
            return unfinished(text)
        if _bullet(nxt) or text.endswith(".") or not unfinished(nxt):
            return False
        if self.layout.dense:
            second_line = not nxt.endswith(("?", "!"))
        else:  # the heading's block is these two lines, then a gap
            rest = self.lines[self.index + 1:self.index + 3]
            second_line = len(rest) == 2 and bool(rest[0].text) and not rest[1].text
        return second_line and opens_lead(self._next_text(self.index, skip=1))

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
        if bullet and bullet[0] in (DOT, "-") and self._still_speakers(bullet[1]):
            self.entry = _Entry(line.number, [bullet[1]])
            session.speakers.append(self.entry)
        elif self.entry and not self.prev_blank and not bullet and self._speaker_goes_on():
            self.entry.add(text)
        else:
            # The box is over: the line belongs to the section the box interrupted.
            self.state, self.entry, self.after_box = self.state_before_box, None, True
            self._line(line, nxt)
            # Leads after the box continue the last theme, not the last lead.

    def _still_speakers(self, text: str) -> bool:
        """Dense text, or text from a PDF, where the leads may wear the speakers' bullet:
        after a first speaker, an item that does not open with a name ends the box."""
        if not (self.layout.dense or self.layout.strict) or self.entry is None:
            return True
        return bool(_NAME_RE.match(text))

    def _speaker_goes_on(self) -> bool:
        """Dense text: a speaker's next line carries on an open parenthesis or a full
        line; anything else is what follows the box."""
        if not self.layout.dense or self.entry is None or self.prev is None:
            return True
        said = " ".join(self.entry.lines)
        if "(" in said:
            return said.count("(") > said.count(")")
        return not self.layout.short(self.prev.text)


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


def _about(lines: list[_Line], layout: _Layout | None = None) -> About:
    """The document's own introduction, its title, paragraphs, list items and links."""
    links: list[str] = []
    body: list[str] = []
    for line in _with_paragraph_breaks(lines, layout or _Layout()):
        if line.text and (URL_RE.fullmatch(line.text) or MAILTO_RE.fullmatch(line.text)):
            links.append(line.text)
        else:
            body.append(line.text)
    while body and not body[0]:
        body.pop(0)
    title = body.pop(0) if body else ""
    return About(title, _about_blocks(body), unique(links))


def _with_paragraph_breaks(lines: list[_Line], layout: _Layout) -> list[_Line]:
    """Dense text: a blank line after each short line that ends a sentence, and after
    the first line (the title)."""
    if not layout.dense:
        return lines
    out: list[_Line] = []
    for line in lines:
        out.append(line)
        if line.text and (len([x for x in out if x.text]) == 1 or (
                _ends_block(line.text) and layout.short(line.text))):
            out.append(_Line(0, ""))
    return out


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


@dataclass(frozen=True)
class ParseOutcome:
    """What a text held: its library (None when it is not a Connecteur text) and how
    many of each heading were met (``event``, ``session``, ``leads``, ``field_sites``,
    ``resources``, ``speakers``), to say what was and was not recognised."""

    library: Library | None
    found: dict[str, int]
    dense: bool = False


_STRUCTURAL = (EVENT_RE, SESSION_RE, SPEAKERS_RE)


def is_heading(text: str) -> bool:
    """Whether a (cleaned) line is one of the headings the parser steers by."""
    return any(r.match(text) for r in _STRUCTURAL) or _fold(text).rstrip(" :") in SECTIONS


def _furniture(lines: list[_Line]) -> set[int]:
    """Running headers and footers left between the lines: the same short line (page
    numbers aside) three times or more, that is neither a heading nor a list item."""
    def key(text: str) -> str:
        return re.sub(r"\d+", "#", fold(text))

    counts: dict[str, int] = {}
    for line in lines:
        if line.text and len(line.text) <= 120:
            counts[key(line.text)] = counts.get(key(line.text), 0) + 1
    return {line.number for line in lines
            if line.text and counts.get(key(line.text), 0) >= 3 and not _bullet(line.text)
            and not is_heading(line.text)}


def source_lines(text: str, *, from_pdf: bool = False) -> list[_Line]:
    """The text's lines, cleaned: glyphs brought back, page numbers and running headers
    dropped, a bullet printed alone on its line joined to its text. (Text from
    :mod:`connecteur.corpus.pdf` has lost its page numbers already: a number alone on
    its line is then the end of a wrapped sentence or address, and is kept.)"""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    # A line that ended with a space was wrapped by the PDF's layout, not broken by its
    # author (what tells two references of one bullet apart). Text read from a PDF here,
    # or saved without any trailing space, has lost that clue: every line counts as
    # wrapped, and only a line ending on a web address still breaks a bullet.
    raws = text.split("\n")
    clue = not from_pdf and any(raw != raw.rstrip(" \t\u00a0") for raw in raws)
    lines = [_Line(n, clean_line(normalise_line(raw)),
                   not clue or raw != raw.rstrip(" \t\u00a0"))
             for n, raw in enumerate(raws, start=1)]
    if not from_pdf:
        pages = _page_numbers(lines)
        lines = [line for line in lines
                 if line.number not in pages and not PAGE_LINE_RE.match(line.text)]
    merged: list[_Line] = []
    for line in lines:
        if merged and BULLET_ONLY_RE.match(merged[-1].text) and line.text:
            merged[-1] = _Line(merged[-1].number, f"{merged[-1].text} {line.text}")
        else:
            merged.append(line)
    furniture = _furniture(merged)
    return _join_split_headings([line for line in merged if line.number not in furniture])


_HEADING_START_RE = re.compile(rf"^(?:CONNECTEUR\s+RECHERCHE|SESSION\s+\d{{1,2}})\s*[{_DASHES}]?$",
                               re.IGNORECASE)


def _join_split_headings(lines: list[_Line]) -> list[_Line]:
    """A day or session heading that a narrow column cut in two
    (``CONNECTEUR RECHERCHE`` / ``– 20 MAI 2020``) is put back on one line."""
    out: list[_Line] = []
    for line in lines:
        head = next((x for x in reversed(out) if x.text), None) if out else None
        if head is not None and line.text and _HEADING_START_RE.match(head.text):
            joined = f"{head.text} {line.text}"
            if EVENT_RE.match(joined) or SESSION_RE.match(joined):
                while out and out[-1] is not head:
                    out.pop()  # blank lines between the two halves
                out[-1] = _Line(head.number, joined)
                continue
        out.append(line)
    return out


def _page_numbers(lines: list[_Line]) -> set[int]:
    """The lines that are page numbers. In text with its blank lines, any number alone
    on its line; in dense text, only those that follow on from the previous page number
    (a number alone there may also end a sentence or an address cut by the layout)."""
    alone = [line for line in lines if PAGE_NUMBER_RE.match(line.text)]
    if not _Layout.of(lines).dense:
        return {line.number for line in alone}
    found, last = set(), None
    for line in alone:
        value = int(line.text)
        if last is None or last < value <= last + 3:
            found.add(line.number)
            last = value
    return found if len(found) >= 2 else set()  # one number alone is no page sequence


def parse_outcome(text: str, *, from_pdf: bool = False) -> ParseOutcome:
    """The library in a text, or None with what was found; never raises.

    ``from_pdf``: the text came from :func:`connecteur.corpus.pdf.pdf_text`, whose blank
    lines are the PDF's vertical gaps rather than ``pdftotext``'s: a line after a gap
    is a theme heading only when a lead follows it.
    """
    lines = source_lines(text, from_pdf=from_pdf)
    layout = _Layout.of(lines, strict=from_pdf)
    reader = _Reader(lines, layout)
    reader.run()
    if not reader.events or not any(e.sessions for e in reader.events):
        return ParseOutcome(None, reader.found, layout.dense)
    freezer = _Freezer(reader.warnings)
    events = tuple(
        Event(ids.event_id(e.date), e.date, event_title(e.date),
              tuple(freezer.session(e, s) for s in e.sessions))
        for e in reader.events if e.sessions)
    warnings = tuple(sorted(freezer.warnings, key=lambda w: w.line))
    return ParseOutcome(Library(_about(reader.about, layout), events, warnings), reader.found,
                        layout.dense)


def parse_text(text: str) -> Library:
    """The library held in a Connecteur Recherche text.

    Raises :class:`CorpusError` when the text holds no dated Connecteur day with at
    least one session; anything else odd is kept and reported in ``warnings``.
    """
    library = parse_outcome(text).library
    if library is None:
        raise CorpusError(
            "Ce texte n'est pas un compte rendu du Connecteur Recherche : il n'y figure "
            "aucune journée « CONNECTEUR RECHERCHE – date » suivie de sessions.")
    return library


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
