"""The library as JSON (the contract of ``connecteur export --format json``) and as a
readable Markdown document whose links work where Markdown is rendered."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from connecteur.corpus import markdown as md
from connecteur.corpus.model import (
    About,
    Event,
    FieldSite,
    Lead,
    Library,
    Resource,
    Session,
    Speaker,
    Theme,
)

FORMAT = "connecteur-library"
VERSION = 1  # the shape of docs/formats.md, with "format", "about" and "themes"


@dataclass(frozen=True)
class SourceDocument:
    """A document the library was read from: its front matter and its meeting days."""

    id: str
    about: About
    dates: tuple[str, ...]


def _speaker(s: Speaker) -> dict:
    return {"id": s.id, "name": s.name, "affiliation": s.affiliation}


def _lead(lead: Lead) -> dict:
    return {"id": lead.id, "part": lead.part, "theme": lead.theme, "text": lead.text,
            "theme_id": lead.theme_id}


def _theme(theme: Theme) -> dict:
    return {"id": theme.id, "part": theme.part, "title": theme.title}


def _with_urls(item: FieldSite | Resource) -> dict:
    return {"id": item.id, "text": item.text, "urls": list(item.urls)}


def session_dict(session: Session) -> dict:
    return {
        "id": session.id, "number": session.number, "title": session.title,
        "introduction": session.introduction,
        "speakers": [_speaker(s) for s in session.speakers],
        "leads": [_lead(lead) for lead in session.leads],
        "field_sites": [_with_urls(f) for f in session.field_sites],
        "resources": [_with_urls(r) for r in session.resources],
        "themes": [_theme(t) for t in session.themes],
    }


def event_dict(event: Event) -> dict:
    return {"id": event.id, "date": event.date, "title": event.title,
            "sessions": [session_dict(s) for s in event.sessions]}


def about_dict(about: About) -> dict:
    """The "À propos": its text (paragraphs apart, list items as "- " lines), its
    blocks (``paragraph``, ``item`` or ``heading``) and its links."""
    blocks = [{"kind": "heading" if b.heading else b.kind, "text": b.text}
              for b in about.blocks]
    text = "\n\n".join(f"- {b.text}" if b.kind == "item" else b.text for b in about.blocks)
    return {"title": about.title, "text": text, "blocks": blocks, "links": list(about.links)}


def document_dict(document: SourceDocument) -> dict:
    return {"id": document.id, "dates": list(document.dates),
            "about": about_dict(document.about)}


def library_dict(library: Library, documents: Sequence[SourceDocument] | None = None) -> dict:
    """The documented shape (docs/formats.md). ``documents`` are the source documents
    with their front matter (by default the library is one document)."""
    if documents is None:
        dates = tuple(e.date for e in library.events)
        documents = [SourceDocument(dates[0] if dates else "", library.about, dates)]
    return {"format": FORMAT, "version": VERSION,
            "documents": [document_dict(d) for d in documents],
            "events": [event_dict(e) for e in library.events]}


# --- Markdown ------------------------------------------------------------------------

def _md_entry(text: str) -> list[str]:
    """A list item: the entry's text with its addresses linked once (no second list
    of them), sub-bullets as a nested list, the source's line breaks kept."""
    body, *items = text.split("\n- ")
    return [f"- {md.block(body, indent='  ')}", *(f"  - {md.block(i, indent='    ')}"
                                                  for i in items)]


def _md_session(session: Session) -> list[str]:
    out = [f"## Session {session.number} – {md.escape(session.title)}", "",
           f"*{session.id}*", ""]
    out += [md.block(p) + "\n" for p in session.introduction.split("\n\n") if p.strip()]
    if session.themes:
        out += ["### Pistes de réflexion", ""]
    part = None
    for theme in session.themes:
        if theme.part and theme.part != part:
            part = theme.part
            out += [f"#### {md.escape(part)}", ""]
        out += [f"**{md.escape(theme.title)}**", ""]
        for lead in theme.leads:
            out += _md_entry(lead.text)
        out.append("")
    for title, entries in (("Terrains", session.field_sites), ("Ressources", session.resources)):
        if entries:
            out += [f"### {title}", ""]
            for entry in entries:
                out += _md_entry(entry.text)
            out.append("")
    if session.speakers:
        out += ["### Intervenant·e·s", ""]
        out += [f"- **{md.escape(s.name)}**" + (f" ({md.inline(s.affiliation)})"
                                                 if s.affiliation else "")
                for s in session.speakers]
        out.append("")
    return out


def _md_about(about: About) -> list[str]:
    out = [f"# {md.escape(about.title)}", ""]
    for block in about.blocks:
        if block.heading:
            out += [f"### {md.escape(block.heading)}", ""]
        elif block.kind == "item":
            out += [f"- {md.block(block.text, emails=True, indent='  ')}", ""]
        else:
            out += [md.block(block.text, emails=True), ""]
    return out


def library_markdown(library: Library) -> str:
    out = _md_about(library.about)
    for event in library.events:
        out += [f"# {md.escape(event.title)}", ""]
        for session in event.sessions:
            out += _md_session(session)
    return "\n".join(out).rstrip() + "\n"
