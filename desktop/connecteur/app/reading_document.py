"""A session (or an event, or the library's presentation) as an HTML document for
the reading pane.

Pure Python, no Qt, so that what the reader sees can be tested as text. Corpus
text is *text*: every piece goes through :func:`html.escape` and only URLs found
by ``corpus.text.find_urls`` (http and https) become links. Every item gets a named
anchor equal to its ID, so the pane can scroll to it and mark it.

Later layers decorate items without changing this module's callers: a
``decorations`` mapping gives, per item ID, a star, a note count and highlight
spans (character ranges of ``item.text``, optionally with a palette colour key).
``Page.segments`` says where each piece of an item's ``.text`` was written, in
document order, so that the pane can map a selection back to (item, start, end).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from html import escape

from connecteur.corpus import About, Event, FieldSite, Lead, Library, Resource, Session, Speaker
from connecteur.corpus.text import find_urls
from connecteur.store.user.markup import blocks_html

LINK_SCHEMES = ("http", "https")
NOTES_SCHEME = "connecteur-notes"  # the "✎ 2 notes" marker: show the item's notes


def _french_count(number: int, one: str, many: str) -> str:
    return (one if number < 2 else many).format(number)


def _notes(count: int) -> str:
    return _french_count(count, "{0} note", "{0} notes")


def _session_counts(leads: int, sites: int, resources: int) -> str:
    return " · ".join((_french_count(leads, "{0} piste", "{0} pistes"),
                       _french_count(sites, "{0} terrain", "{0} terrains"),
                       _french_count(resources, "{0} ressource", "{0} ressources")))


@dataclass(frozen=True)
class RenderStyle:
    """Colours (``#rrggbb``, taken from the palette by the pane) and rhythm."""

    text: str = "#1f1f1f"
    muted: str = "#6b6b6b"
    link: str = "#0b57d0"
    accent: str = "#0b57d0"
    highlight: str = "#fff1a8"
    rule: str = "#d0d0d0"
    line_height: int = 150
    # Highlight colours: (palette key, background, text colour), palette-aware.
    marks: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class RenderLabels:
    """Every word the renderer adds to the corpus text, in the UI language. Counts are
    functions of the numbers, so that each language says "1 note" and "2 notes"."""

    leads: str = "Pistes de réflexion"
    field_sites: str = "Terrains"
    resources: str = "Ressources"
    speakers: str = "Intervenant·e·s"
    empty: str = "Aucun élément."
    session_kicker: str = "{date} · session {number}"
    event_sessions: str = "Les sessions de la journée"
    library_sessions: str = "Les deux journées"
    counts: Callable[[int, int, int], str] = _session_counts  # leads, sites, resources
    starred: str = "Favori"
    notes: Callable[[int], str] = _notes
    date: Callable[[str], str] = str


@dataclass(frozen=True)
class ItemDecoration:
    """What the user added to one item (issue 5 fills these in)."""

    starred: bool = False
    note_count: int = 0
    # [start, end) in item.text, optionally with a colour key: (start, end, "yellow").
    highlights: tuple[tuple[int, int] | tuple[int, int, str], ...] = ()
    notes: tuple[str, ...] = ()  # the beginning of each note, shown under the item


NO_DECORATION = ItemDecoration()


@dataclass(frozen=True)
class Segment:
    """A piece of an item's ``.text`` as written in the page: ``text`` is
    ``item.text[offset:offset + len(text)]``."""

    item_id: str
    offset: int
    text: str


@dataclass(frozen=True)
class Page:
    html: str
    anchors: tuple[str, ...] = field(default=())  # item anchors in reading order
    segments: tuple[Segment, ...] = field(default=())  # item text pieces, in order


def stylesheet(style: RenderStyle) -> str:
    """The document's default CSS (Qt's rich-text subset of CSS 2)."""
    return f"""
body {{ color: {style.text}; }}
p, li {{ line-height: {style.line_height}%; }}
a {{ color: {style.link}; }}
h1 {{ font-size: x-large; font-weight: 600; margin-top: 4px; margin-bottom: 10px; }}
h2 {{ font-size: large; font-weight: 600; margin-top: 26px; margin-bottom: 6px; }}
h3 {{ font-size: medium; font-weight: 600; margin-top: 14px; margin-bottom: 4px; }}
.kicker {{ color: {style.muted}; margin-bottom: 0px; }}
.part {{ color: {style.muted}; font-weight: 600; margin-top: 16px; }}
.intro {{ margin-bottom: 6px; }}
.muted {{ color: {style.muted}; }}
.mark {{ background-color: {style.highlight}; }}
.star {{ color: {style.accent}; }}
.notes {{ color: {style.muted}; text-decoration: none; }}
.note-preview {{ color: {style.muted}; font-style: italic; margin-top: 2px; }}
li {{ margin-bottom: 6px; }}
""" + "".join(f".mark-{key} {{ background-color: {bg}; color: {fg}; }}\n"
              for key, bg, fg in style.marks)


# --- text ----------------------------------------------------------------------------

Span = tuple[int, int] | tuple[int, int, str]


def _mark_class(span: Span) -> str:
    """``mark``, or ``mark-yellow`` for a span that names its colour."""
    key = span[2] if len(span) > 2 else ""  # type: ignore[misc]
    return f"mark-{key}" if key and key.isalnum() else "mark"


def _highlighted(text: str, start: int, spans: Iterable[Span]) -> str:
    """``text`` escaped, with the parts covered by ``spans`` (offsets counted from
    ``start`` in the item's full text) wrapped in a highlight."""
    end = start + len(text)
    cuts = sorted((max(s[0], start) - start, min(s[1], end) - start, _mark_class(s))
                  for s in spans if s[0] < end and s[1] > start)
    out, pos = [], 0
    for a, b, css in cuts:
        if b <= pos:
            continue
        a = max(a, pos)
        out.append(escape(text[pos:a]))
        out.append(f'<span class="{css}">{escape(text[a:b])}</span>')
        pos = b
    out.append(escape(text[pos:]))
    return "".join(out)


def linked(text: str, start: int = 0, spans: Iterable[Span] = ()) -> str:
    """Escaped text whose http(s) addresses are links (with their text escaped too)."""
    spans = tuple(spans)
    out, pos = [], 0
    for url in find_urls(text):
        if url.url.split("://", 1)[0].lower() not in LINK_SCHEMES:
            continue
        out.append(_highlighted(text[pos:url.start], start + pos, spans))
        label = _highlighted(url.url, start + url.start, spans)
        out.append(f'<a href="{escape(url.url, quote=True)}">{label}</a>')
        pos = url.end
    out.append(_highlighted(text[pos:], start + pos, spans))
    return "".join(out)


def _anchor(item_id: str) -> str:
    return f'<a name="{escape(item_id, quote=True)}"></a>'


class _Writer:
    """Accumulates HTML and the item anchors, in reading order."""

    def __init__(self, labels: RenderLabels,
                 decorations: Mapping[str, ItemDecoration]) -> None:
        self.labels = labels
        self.decorations = decorations
        self.parts: list[str] = []
        self.anchors: list[str] = []
        self.segments: list[Segment] = []

    def add(self, html: str) -> None:
        self.parts.append(html)

    def anchor(self, item_id: str) -> str:
        self.anchors.append(item_id)
        return _anchor(item_id)

    def text(self, item_id: str, offset: int, text: str) -> str:
        """``text`` (a piece of the item's ``.text``) escaped, linked and highlighted,
        remembered as a segment."""
        self.segments.append(Segment(item_id, offset, text))
        return linked(text, offset, self.decoration(item_id).highlights)

    def decoration(self, item_id: str) -> ItemDecoration:
        return self.decorations.get(item_id, NO_DECORATION)

    def markers(self, item_id: str) -> tuple[str, str]:
        """HTML put before and after an item for its star and notes."""
        deco = self.decoration(item_id)
        before = (f'<span class="star" title="{escape(self.labels.starred, quote=True)}">'
                  "★ </span>") if deco.starred else ""
        href = escape(f"{NOTES_SCHEME}:{item_id}", quote=True)
        after = (f' <a class="notes" href="{href}">'
                 f"✎ {escape(self.labels.notes(deco.note_count))}</a>"
                 ) if deco.note_count else ""
        return before, after


    def notes(self, item_id: str) -> str:
        """The item's notes (their beginning, as plain text), one line each."""
        return "".join(f'<p class="note-preview">✎ {escape(text)}</p>'
                       for text in self.decoration(item_id).notes)

    def page(self) -> Page:
        return Page("".join(self.parts), tuple(self.anchors), tuple(self.segments))


# --- items ---------------------------------------------------------------------------

def _entry_with_items(w: _Writer, item: Lead | FieldSite, extra_urls: tuple[str, ...]) -> str:
    """A lead or field site: body, sub-bullets as a nested list, stray URLs."""
    before, after = w.markers(item.id)
    html = w.anchor(item.id) + before + w.text(item.id, 0, item.body) + after
    offset = len(item.body) + 1
    subs = []
    for sub in item.items:
        subs.append(f"<li>{w.text(item.id, offset + 2, sub)}</li>")
        offset += len(sub) + 3
    if extra_urls:
        subs.extend(f"<li>{linked(url)}</li>" for url in extra_urls)
    if subs:
        html += "<ul>" + "".join(subs) + "</ul>"
    return f"<li>{html}{w.notes(item.id)}</li>"


def _missing_urls(text: str, urls: tuple[str, ...]) -> tuple[str, ...]:
    """URLs the item carries but its text does not show (they would be lost)."""
    return tuple(u for u in urls if u not in text)


def _resource(w: _Writer, item: Resource) -> str:
    before, after = w.markers(item.id)
    html = w.anchor(item.id) + before + w.text(item.id, 0, item.text) + after
    extra = _missing_urls(item.text, item.urls)
    if extra:
        html += "<ul>" + "".join(f"<li>{linked(u)}</li>" for u in extra) + "</ul>"
    return f"<li>{html}{w.notes(item.id)}</li>"


def _speaker(w: _Writer, item: Speaker) -> str:
    before, after = w.markers(item.id)
    # Speaker.text is "name (affiliation)": the affiliation starts after "name (".
    html = w.anchor(item.id) + before + f"<b>{w.text(item.id, 0, item.name)}</b>"
    if item.affiliation:
        affiliation = w.text(item.id, len(item.name) + 2, item.affiliation)
        html += f' <span class="muted">— {affiliation}</span>'
    return f"<li>{html}{after}{w.notes(item.id)}</li>"


def _section(w: _Writer, session: Session, name: str, title: str, entries: list[str]) -> None:
    w.add(f"<h2>{_anchor(f'{session.id}#{name}')}{escape(title)}</h2>")
    if entries:
        w.add("<ul>" + "".join(entries) + "</ul>")
    else:
        w.add(f'<p class="muted">{escape(w.labels.empty)}</p>')


def _leads(w: _Writer, session: Session) -> None:
    w.add(f"<h2>{_anchor(f'{session.id}#leads')}{escape(w.labels.leads)}</h2>")
    part = None
    for theme in session.themes:
        if theme.part and theme.part != part:
            part = theme.part
            w.add(f'<p class="part">{escape(part)}</p>')
        before, after = w.markers(theme.id)
        w.add(f"<h3>{w.anchor(theme.id)}{before}{escape(theme.title)}{after}</h3>")
        entries = [_entry_with_items(w, lead, ()) for lead in theme.leads]
        if entries:
            w.add("<ul>" + "".join(entries) + "</ul>")
    if not session.themes:
        w.add(f'<p class="muted">{escape(w.labels.empty)}</p>')


# --- pages ---------------------------------------------------------------------------

def render_session(session: Session, labels: RenderLabels = RenderLabels(),
                   decorations: Mapping[str, ItemDecoration] | None = None) -> Page:
    """One session as a document: heading, introduction, then its four sections."""
    w = _Writer(labels, decorations or {})
    kicker = labels.session_kicker.format(date=labels.date(session.date), number=session.number)
    w.add(f'<p class="kicker">{w.anchor(session.id)}{escape(kicker)}</p>')
    before, after = w.markers(session.id)
    w.add(f"<h1>{before}{w.text(session.id, 0, session.title)}{after}</h1>")
    w.add(w.notes(session.id))
    for paragraph in session.introduction.split("\n"):
        if paragraph.strip():
            w.add(f'<p class="intro">{linked(paragraph)}</p>')
    _leads(w, session)
    _section(w, session, "field_sites", labels.field_sites,
             [_entry_with_items(w, s, _missing_urls(s.text, s.urls))
              for s in session.field_sites])
    _section(w, session, "resources", labels.resources,
             [_resource(w, r) for r in session.resources])
    _section(w, session, "speakers", labels.speakers,
             [_speaker(w, s) for s in session.speakers])
    return w.page()


def _session_links(sessions: Iterable[Session], labels: RenderLabels) -> str:
    rows = []
    for s in sessions:
        counts = labels.counts(len(s.leads), len(s.field_sites), len(s.resources))
        rows.append(f'<li><a href="connecteur://{escape(s.id, quote=True)}">'
                    f"{s.number}. {escape(s.title)}</a><br>"
                    f'<span class="muted">{escape(counts)}</span></li>')
    return "<ul>" + "".join(rows) + "</ul>"


def render_event(event: Event, labels: RenderLabels = RenderLabels()) -> Page:
    """A day: its title and its sessions, each a link."""
    w = _Writer(labels, {})
    w.add(f'<p class="kicker">{w.anchor(event.id)}{escape(labels.date(event.date))}</p>')
    w.add(f"<h1>{escape(event.title)}</h1>")
    w.add(f"<h2>{escape(labels.event_sessions)}</h2>")
    w.add(_session_links(event.sessions, labels))
    return w.page()


def about_html(about: About) -> str:
    """The corpus' own presentation (paragraphs and bullet lists), escaped."""
    return blocks_html((block.kind == "item", linked(block.text)) for block in about.blocks)


def render_home(library: Library, labels: RenderLabels = RenderLabels()) -> Page:
    """The library's own presentation, then its days and sessions."""
    w = _Writer(labels, {})
    w.add(f"<h1>{escape(library.about.title)}</h1>")
    w.add(about_html(library.about))
    w.add(f"<h2>{escape(labels.library_sessions)}</h2>")
    for event in library.events:
        w.add(f"<h3>{escape(event.title)}</h3>")
        w.add(_session_links(event.sessions, labels))
    return w.page()
