"""The accessible edition of a handout: one HTML file built from the same request.

ReportLab's open-source edition writes untagged PDFs, which screen readers read
poorly. The same handout (same content, same edition: the trainer's notes only in the
trainer edition) is also written as a single HTML file: ``lang="fr"``, one ``h1``,
headings that never skip a level, real lists and links, French typography, no script,
system fonts, and a print style sheet (QR codes and ruled lines appear on paper only,
sessions start on a new page, the trainer edition says on every page that it is not
to be handed out).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from html import escape as _escape
from pathlib import Path

from reportlab.lib.units import mm

from connecteur import __version__
from connecteur.corpus import About, FieldSite, Lead, Resource, Session, Speaker, Theme
from connecteur.corpus.ids import session_of
from connecteur.fileio import write_atomically
from connecteur.handouts import markup, qr
from connecteur.handouts.annotate import (
    Segment,
    clip,
    note_calls,
    placed_highlights,
    quoted,
    segments,
)
from connecteur.handouts.build import HandoutResult, metadata
from connecteur.handouts.document import (
    SOURCE_LINE,
    TRAINER_WARNING,
    WRITING_LABEL,
    HandoutCancelled,
)
from connecteur.handouts.front import CONTENTS_TITLE, counts, printed_date
from connecteur.handouts.request import (
    EDITION_LABELS,
    HandoutRequest,
    ItemsSection,
    ListedEntry,
    ListedItem,
    SessionSection,
)
from connecteur.handouts.sections import (
    GROUP_TITLES,
    LEADS_TITLE,
    introduction_paragraphs,
    session_line,
)
from connecteur.handouts.styles import highlight_tint
from connecteur.handouts.typography import french_text

ShouldCancel = Callable[[], bool]


def text(value: str) -> str:
    """Plain text as HTML, set the French way."""
    return _escape(french_text(markup.clean(value)), quote=False)


def attribute(value: str) -> str:
    return _escape(markup.clean(value), quote=True)


@dataclass
class TocEntry:
    level: int  # 0 session (or front matter), 1 part or theme, 2 theme in a part
    label: str  # HTML
    target: str


class HtmlWriter:
    """Writes one handout; ``toc`` collects what the table of contents lists."""

    def __init__(self, request: HandoutRequest) -> None:
        self.request = request
        self.annotations = request.annotations if request.is_trainer else None
        self.toc: list[TocEntry] = []
        self._ids: dict[str, int] = {}
        self._listed: set[str] = set()
        self._known = request.known_ids()

    def anchor(self, base: str) -> str:
        """A unique ``id`` from ``base`` (an item ID or a word)."""
        slug = "".join(ch if ch.isalnum() else "-" for ch in base).strip("-") or "x"
        count = self._ids.get(slug, 0)
        self._ids[slug] = count + 1
        return slug if count == 0 else f"{slug}-{count + 1}"

    def heading(self, level: int, label: str, *, anchor: str, toc_level: int | None = None,
                key: str | None = None, css: str = "", toc_label: str | None = None) -> str:
        """An ``h1``–``h6`` with its anchor; listed in the TOC once per ``key``."""
        if toc_level is not None and (key is None or key not in self._listed):
            self.toc.append(TocEntry(toc_level, toc_label or label, anchor))
            if key is not None:
                self._listed.add(key)
        klass = f' class="{css}"' if css else ""
        return f'<h{level} id="{anchor}"{klass}>{label}</h{level}>'

    # --- the document ---------------------------------------------------------------

    def document(self, should_cancel: ShouldCancel | None = None) -> str:
        body: list[str] = []
        if self.request.about is not None and self.request.about.blocks:
            body.append(self.about(self.request.about))
        for section in self.request.sections:
            if should_cancel is not None and should_cancel():
                raise HandoutCancelled()
            body.append(self.session(section.session) if isinstance(section, SessionSection)
                        else self.items(section))
        request = self.request
        info = metadata(request)
        head = [
            "<!DOCTYPE html>",
            '<html lang="fr">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{text(request.title)}</title>",
            f'<meta name="author" content="{attribute(info["author"])}">',
            f'<meta name="description" content="{attribute(info["subject"])}">',
            f'<meta name="keywords" content="{attribute(", ".join(info["keywords"]))}">',
            f'<meta name="generator" content="Connecteur {__version__}">',
            f"<style>{stylesheet(request)}</style>",
            "</head>",
            f'<body class="{request.edition}">',
        ]
        if request.is_trainer:
            head.append(f'<p class="trainer-mark" role="note">{text(self.edition_mark())}</p>')
        tail = [f'<footer><p>{text("Source : " + SOURCE_LINE)}</p></footer>', "</body>",
                "</html>", ""]
        return "\n".join([*head, self.cover(), self.contents(), "<main>", *body, "</main>",
                          *tail])

    def edition_mark(self) -> str:
        return f"{EDITION_LABELS[self.request.edition].capitalize()} — {TRAINER_WARNING}"

    def cover(self) -> str:
        request = self.request
        out = ['<header class="cover">', '<p class="brand">Support de formation · '
               'Connecteur Recherche 2020</p>', f"<h1>{text(request.title)}</h1>"]
        if request.subtitle:
            out.append(f'<p class="subtitle">{text(request.subtitle)}</p>')
        details = [("Date", printed_date(request.date)), ("Public", request.audience),
                   ("Formateur·rice", request.trainer_name), ("Contenu", counts(request))]
        out.append('<dl class="details">')
        out += [f"<dt>{label}</dt><dd>{text(value)}</dd>" for label, value in details if value]
        out.append("</dl>")
        if request.is_trainer:
            edition = "<strong>Édition formateur·rice</strong> — avec les notes et surlignages " \
                      "personnels, à ne pas distribuer"
        else:
            edition = "<strong>Édition participant·e</strong> — avec de l’espace pour vos " \
                      "notes (à l’impression)"
        out += [f'<p class="edition">{edition}</p>', "</header>"]
        return "\n".join(out)

    def contents(self) -> str:
        """The table of contents as nested ordered lists."""
        out = ['<nav class="contents" aria-labelledby="sommaire">',
               f'<h2 id="sommaire">{CONTENTS_TITLE}</h2>']
        depth = -1
        for entry in self.toc:
            level = min(entry.level, depth + 1)
            if level > depth:
                out += ["<ol>"] * (level - depth)
            else:
                out.append("</li>")
                for _ in range(depth - level):
                    out += ["</ol>", "</li>"]
            depth = level
            out.append(f'<li><a href="#{entry.target}">{entry.label}</a>')
        for _ in range(depth + 1):
            out += ["</li>", "</ol>"]
        out.append("</nav>")
        return "\n".join(out)

    # --- front matter ---------------------------------------------------------------

    def about(self, about: About) -> str:
        anchor = self.anchor("a-propos")
        title = text(about.title or "À propos du Connecteur Recherche")
        out = [f'<section class="about" aria-labelledby="{anchor}">',
               self.heading(2, title, anchor=anchor, toc_level=0)]
        listing = False
        for block in about.blocks:
            if block.kind == "item" and not listing:
                out.append("<ul>")
            elif block.kind != "item" and listing:
                out.append("</ul>")
            listing = block.kind == "item"
            if block.heading:
                out.append(self.heading(3, text(block.heading), anchor=self.anchor("about")))
                continue
            links = markup.link_marks(block.text)
            links += [m for m in markup.email_marks(block.text)
                      if not any(m.start < u.end and u.start < m.end for u in links)]
            html = markup.render(block.text, links, dialect=markup.HTML)
            out.append(f"<li>{html}</li>" if listing else f"<p>{html}</p>")
        if listing:
            out.append("</ul>")
        out.append("</section>")
        return "\n".join(out)

    # --- sessions -------------------------------------------------------------------

    def _session_heading(self, session: Session, level: int) -> tuple[str, str]:
        anchor = self.anchor(session.id)
        kicker = f"Connecteur Recherche · {printed_date(session.date)} · session " \
                 f"{session.number}"
        return anchor, "\n".join([
            f'<p class="kicker">{text(kicker)}</p>',
            self.heading(level, text(session.title), anchor=anchor, toc_level=0,
                         key=session.id, toc_label=text(session_line(session)))])

    def session(self, session: Session) -> str:
        anchor, heading = self._session_heading(session, 2)
        out = [f'<article class="session" aria-labelledby="{anchor}">', heading]
        intro = introduction_paragraphs(session)
        if intro:
            out.append('<div class="intro">')
            out += [f"<p>{markup.render(p, markup.link_marks(p), dialect=markup.HTML)}</p>"
                    for p in intro]
            out.append("</div>")
        out += self.notes(session.id)
        if session.themes:
            leads_anchor = self.anchor("pistes")
            out += [f'<section aria-labelledby="{leads_anchor}">',
                    self.heading(3, LEADS_TITLE, anchor=leads_anchor)]
            out += self.themes(session.themes, 4)
            out.append("</section>")
        for kind, items in (("field_site", session.field_sites), ("resource", session.resources),
                            ("speaker", session.speakers)):
            if items:
                out += self.group(kind, items, 3)
        out += self.orphans(session)
        out += self.writing_space()
        out.append("</article>")
        return "\n".join(out)

    def themes(self, themes: Sequence[Theme], level: int) -> list[str]:
        """Themes (under their part where the session has two levels) at ``level``."""
        out: list[str] = []
        part = None
        for theme in themes:
            if theme.part != part:
                if part:
                    out.append("</section>")
                if theme.part:
                    out += self.part_opening(theme, level)
                part = theme.part
            out += self.theme(theme, level + 1 if theme.part else level, theme.leads)
        if part:
            out.append("</section>")
        return out

    def part_opening(self, theme: Theme, level: int) -> list[str]:
        anchor = self.anchor("partie")
        return [f'<section class="part" aria-labelledby="{anchor}">',
                self.heading(level, text(theme.part or ""), anchor=anchor, toc_level=1,
                             key=f"{theme.session_id}#{theme.part}", css="part")]

    def theme(self, theme: Theme, level: int, leads: Sequence[Lead]) -> list[str]:
        anchor = self.anchor(theme.id)
        out = [f'<section aria-labelledby="{anchor}">',
               self.heading(level, text(theme.title), anchor=anchor,
                            toc_level=2 if theme.part else 1, key=theme.id)]
        out += self.notes(theme.id)
        out.append('<ul class="leads">')
        out += [self.entry(lead) for lead in leads]
        out += ["</ul>", "</section>"]
        return out

    def group(self, kind: str, items: Sequence[ListedItem], level: int) -> list[str]:
        anchor = self.anchor(kind)
        css = "speakers" if kind == "speaker" else "entries"
        out = [f'<section aria-labelledby="{anchor}">',
               self.heading(level, text(GROUP_TITLES[kind]), anchor=anchor),
               f'<ul class="{css}">']
        out += [self.entry(item) for item in items]
        out += ["</ul>", "</section>"]
        return out

    def orphans(self, session: Session) -> list[str]:
        """Notes on passages that left the corpus (trainer edition), never dropped."""
        if self.annotations is None:
            return []
        lost = [item_id for item_id in self.annotations.notes
                if session_of(item_id) == session.id and item_id not in self._known
                and self.annotations.notes_on(item_id)]
        if not lost:
            return []
        anchor = self.anchor("disparus")
        out = [f'<section aria-labelledby="{anchor}">',
               self.heading(3, "Notes sur des passages disparus", anchor=anchor)]
        for item_id in lost:
            out += self.notes(item_id)
        out.append("</section>")
        return out

    def writing_space(self) -> list[str]:
        if not self.request.writing_space:
            return []
        return [f'<div class="writing" aria-hidden="true"><p>{WRITING_LABEL}</p></div>']

    # --- chosen items ----------------------------------------------------------------

    def items(self, section: ItemsSection) -> str:
        out = ['<section class="items">']
        for session, entries in _runs(section.entries):
            anchor, heading = self._session_heading(session, 2)
            out += [f'<section class="context" aria-labelledby="{anchor}">', heading]
            out += self.item_groups(entries)
            out += self.writing_space()
            out.append("</section>")
        out.append("</section>")
        return "\n".join(out)

    def item_groups(self, entries: Sequence[ListedEntry]) -> list[str]:
        """Consecutive entries of one session, under their theme (and part) or group."""
        out: list[str] = []
        index = 0
        part: str | None = None
        while index < len(entries):
            item = entries[index].item
            if isinstance(item, Theme | Lead):
                theme = item if isinstance(item, Theme) else next(
                    t for t in entries[index].session.themes if t.id == item.theme_id)
                leads: list[Lead] = []
                while index < len(entries) and _theme_of(entries[index]) == theme.id:
                    listed = entries[index].item
                    leads += list(listed.leads) if isinstance(listed, Theme) else [listed]
                    index += 1
                if theme.part != part and part:
                    out.append("</section>")
                if theme.part and theme.part != part:
                    out += self.part_opening(theme, 3)
                part = theme.part
                out += self.theme(theme, 4 if theme.part else 3, leads)
                continue
            if part:
                out.append("</section>")
                part = None
            kind = item.kind
            group: list[ListedItem] = []
            while index < len(entries) and entries[index].item.kind == kind:
                group.append(entries[index].item)
                index += 1
            out += self.group(kind, group, 3)
        if part:
            out.append("</section>")
        return out

    # --- entries and notes -----------------------------------------------------------

    def entry(self, item: ListedItem) -> str:
        placed, lost = placed_highlights(self.annotations, item, highlight_tint)
        if isinstance(item, Speaker):
            segment = Segment(0, item.text)
            marks, inserts = clip(segment, placed, note_calls([segment], placed)[0], _call)
            marks.insert(0, markup.Mark(0, len(markup.clean(item.name)), "bold"))
            body = markup.render(item.text, marks, inserts, dialect=markup.HTML)
            return f"<li>{body}{''.join(self.notes(item.id, placed, lost))}</li>"
        urls = list(getattr(item, "urls", ()))
        numbers = {url: i for i, url in enumerate(urls, 1)} if len(urls) > 1 else {}
        parts = segments(item)
        calls = note_calls(parts, placed)
        rendered = []
        for index, segment in enumerate(parts):
            marks, inserts = clip(segment, placed, calls[index], _call)
            rendered.append(self.rich(segment.text, marks, inserts, numbers))
        body = rendered[0]
        if len(rendered) > 1:
            body += "<ul>" + "".join(f"<li>{r}</li>" for r in rendered[1:]) + "</ul>"
        notes = "".join(self.notes(item.id, placed, lost))
        if urls and isinstance(item, FieldSite | Resource):
            body = f'<div class="with-codes"><div>{body}</div>{_codes(urls)}</div>'
            return f'<li class="entry">{body}{notes}</li>'
        return f"<li>{body}{notes}</li>"


    @staticmethod
    def rich(value: str, marks: Sequence[markup.Mark], inserts: Sequence[markup.Insert],
             numbers: dict[str, int]) -> str:
        """Corpus text with its links (numbered as their QR codes), highlights, note
        calls and the source's line breaks."""
        clean = markup.clean(value)
        links = markup.link_marks(clean)
        labels = [markup.Insert(link.start, f'<span class="num">[{numbers[link.value]}]</span>'
                                            "\u00a0")
                  for link in links if link.value in numbers]
        breaks = [i + 1 for i, ch in enumerate(clean) if ch == "\n"]
        return markup.render(clean.replace("\n", " "), [*links, *marks], [*inserts, *labels],
                             breaks, dialect=markup.HTML)

    def notes(self, item_id: str, placed=(), lost=()) -> list[str]:
        """The trainer's tags and notes on an item, then its folder note (trainer
        edition)."""
        if self.annotations is None:
            return []
        tags = self.annotations.tags_on(item_id)
        tags_html = [f'<p class="tags"><span class="label">Étiquettes\u00a0:</span> '
                     f'{" · ".join(text(t) for t in tags)}</p>'] if tags else []
        notes = [self.note_html(n) for n in self.annotations.notes_on(item_id)]
        notes += [self.note_html(h.source.note, f"{h.number}. {quoted(h.source)}")
                  for h in placed if h.number is not None]
        notes += [self.note_html(h.note or "", "Passage surligné introuvable dans le texte "
                                               f"actuel : {quoted(h)}") for h in lost]
        out = []
        if notes:
            label = "Ma note" if len(notes) == 1 else "Mes notes"
            out.append(f'<aside class="note" aria-label="{label}"><p class="label">{label}</p>'
                       f'{"".join(notes)}</aside>')
        folder_note = self.annotations.folder_note_on(item_id)
        if folder_note:
            out.append('<aside class="folder-note" aria-label="Note du dossier">'
                       f'<p class="label">Note du dossier</p>{self.note_html(folder_note)}</aside>')
        return tags_html + out

    @staticmethod
    def note_html(note: str, lead_in: str = "") -> str:
        """A note's paragraphs and list items, with its light formatting."""
        out = [f"<p><em>{text(lead_in)}</em></p>"] if lead_in else []
        items: list[str] = []
        for block in markup.note_blocks(note):
            breaks = [i + 1 for i, ch in enumerate(block.text) if ch == "\n"]
            html = markup.render(block.text.replace("\n", " "), block.marks, breaks=breaks,
                                 dialect=markup.HTML)
            if block.kind == "item":
                items.append(f"<li>{html}</li>")
                continue
            if items:
                out.append("<ul>" + "".join(items) + "</ul>")
                items = []
            out.append(f"<p>{html}</p>")
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
        return "".join(out)


def _call(number: int) -> str:
    return f'<sup class="call">{number}</sup>'


def _codes(urls: Sequence[str]) -> str:
    """The QR codes of an entry (on paper only: on screen the links are there)."""
    if not urls:
        return ""
    numbered = len(urls) > 1
    out = ['<span class="codes" aria-hidden="true">']
    for number, url in enumerate(urls, 1):
        caption = (f"[{number}] " if numbered else "") + qr.caption(url)
        out.append(f'<span class="qr">{qr.svg(url, qr.module_size(url) / mm)}'
                   f"<span>{text(caption)}</span></span>")
    out.append("</span>")
    return "".join(out)


def _theme_of(entry: ListedEntry) -> str | None:
    item = entry.item
    return item.id if isinstance(item, Theme) else item.theme_id if isinstance(item, Lead) \
        else None


def _runs(entries: Sequence[ListedEntry]) -> Iterator[tuple[Session, list[ListedEntry]]]:
    """Consecutive entries of the same session."""
    run: list[ListedEntry] = []
    for entry in entries:
        if run and entry.session.id != run[0].session.id:
            yield run[0].session, run
            run = []
        run.append(entry)
    if run:
        yield run[0].session, run


def stylesheet(request: HandoutRequest) -> str:
    """Screen and print styles: a measure of about 70 characters, the PDF's colours."""
    page = "A4" if request.paper == "a4" else "letter"
    session_break = "right" if request.two_sided else "page"
    trainer_pages = ""
    if request.is_trainer:  # on every printed page, in its bottom margin
        mark = f"{EDITION_LABELS[request.edition]} — {TRAINER_WARNING}".upper()
        trainer_pages = f"""@media print {{
  @page {{ @bottom-left {{ content: "{mark}"; font: bold 8pt "DejaVu Sans", Arial, sans-serif;
    color: #d29a1e; }} }}
}}
"""
    return f"""
:root {{ color: #1b1f23; background: #fff; }}
body {{ font-family: "DejaVu Serif", Georgia, "Times New Roman", serif; font-size: 1.05rem;
  line-height: 1.5; margin: 0 auto; max-width: 44rem; padding: 1.5rem 1.25rem 3rem; }}
h1, h2, h3, h4, h5, h6, .kicker, .brand, nav, .trainer-mark, footer {{
  font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }}
h1, h2, h3, h4, h5, h6 {{ color: #15365f; line-height: 1.25; margin: 1.4em 0 .4em; }}
h1 {{ font-size: 2rem; margin-top: .3em; }}
h2 {{ font-size: 1.5rem; }}
h3 {{ font-size: 1.2rem; color: #1d4f91; }}
h4 {{ font-size: 1.05rem; }}
h4.part, h3.part {{ text-transform: uppercase; border-bottom: 1px solid #c5cfd9;
  padding-bottom: .15em; }}
h5 {{ font-size: 1rem; }}
p, li, dd {{ max-width: 38em; }}
a {{ color: #1d4f91; overflow-wrap: anywhere; }}
.brand, .kicker {{ color: #1d4f91; font-weight: bold; font-size: .8rem;
  text-transform: uppercase; letter-spacing: .03em; margin-bottom: 0; }}
.subtitle {{ font-size: 1.2rem; color: #2b3640; }}
.details {{ display: grid; grid-template-columns: auto 1fr; gap: .2em 1em; }}
.details dt {{ font-weight: bold; }}
.details dd {{ margin: 0; }}
.intro {{ font-style: italic; color: #2b3640; border-left: 3px solid #c5cfd9;
  padding-left: .8em; }}
ul.leads > li {{ list-style: "→  "; }}
ul.leads li ul > li, ul.entries li ul > li {{ list-style: "–  "; }}
ul.entries > li {{ list-style: "→  "; }}
li {{ margin: .25em 0; }}
.num {{ font-family: "DejaVu Sans", Arial, sans-serif; font-weight: bold; font-size: .8em;
  color: #1d4f91; }}
.call {{ color: #a66f00; }}
aside.note, aside.folder-note {{ background: #fbf6e6; border-left: 4px solid #d29a1e;
  padding: .3em .8em; margin: .4em 0 .8em; }}
aside.folder-note {{ background: #eaf1f8; border-left-color: #1d4f91; }}
aside .label {{ font-family: "DejaVu Sans", Arial, sans-serif; font-weight: bold;
  font-size: .75rem; text-transform: uppercase; color: #8a6412; margin: .2em 0; }}
aside.folder-note .label {{ color: #1d4f91; }}
p.tags {{ font-size: .85em; color: #5d6b78; margin: .2em 0 .5em; }}
p.tags .label {{ font-family: "DejaVu Sans", Arial, sans-serif; font-weight: bold;
  color: #8a6412; }}
.trainer-mark {{ background: #fbf6e6; border: 1px solid #d29a1e; color: #6b4d0c;
  font-weight: bold; padding: .4em .8em; }}
.codes, .writing {{ display: none; }}
footer {{ margin-top: 3rem; font-size: .85rem; color: #5d6b78; }}
@media print {{
  @page {{ size: {page}; margin: 2.2cm 2cm 2.2cm 2.2cm; }}
  body {{ font-size: 10pt; max-width: none; padding: 0; }}
  p, li, dd {{ max-width: 11.7cm; }}
  li.entry {{ max-width: none; }}
  a {{ text-decoration: none; }}
  .cover {{ break-after: page; }}
  nav.contents {{ break-after: page; }}
  article.session, section.items {{ break-before: {session_break}; }}
  h1, h2, h3, h4, h5, h6, .kicker {{ break-after: avoid; }}
  li, aside, .qr {{ break-inside: avoid; }}
  .with-codes {{ display: grid; grid-template-columns: minmax(0, 11.2cm) 3.6cm;
    column-gap: .7cm; }}
  .codes {{ display: block; }}
  .qr {{ display: block; margin-bottom: 2mm; font: 6.5pt "DejaVu Sans", Arial, sans-serif;
    color: #5d6b78; }}
  .qr svg {{ display: block; }}
  .writing {{ display: block; clear: both; min-height: 6cm; margin-top: 1em;
    background-image: repeating-linear-gradient(to bottom, transparent 0 6.2mm,
      #d5dbe1 6.2mm 6.4mm); }}
  .writing p {{ font: bold 8.5pt "DejaVu Sans", Arial, sans-serif; color: #5d6b78;
    background: #fff; margin: 0; }}
}}
{trainer_pages}"""


def render_html(request: HandoutRequest, *, should_cancel: ShouldCancel | None = None
                ) -> str:
    """The accessible HTML edition of ``request``."""
    return HtmlWriter(request).document(should_cancel)


def build_handout_html(request: HandoutRequest, target: Path | str, *,
                       should_cancel: ShouldCancel | None = None) -> HandoutResult:
    """Write the HTML edition to ``target`` atomically (all of it or nothing); the
    result's ``pages`` is 0 (a web page has none)."""
    started = time.perf_counter()
    data = render_html(request, should_cancel=should_cancel).encode("utf-8")
    path = write_atomically(Path(target), data)
    return HandoutResult(path, 0, len(data), time.perf_counter() - started)
