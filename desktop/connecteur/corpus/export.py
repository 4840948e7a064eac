"""The library as JSON (the contract of ``connecteur export --format json``) and as a
readable Markdown dump."""

from __future__ import annotations

from connecteur.corpus.model import Event, FieldSite, Lead, Library, Resource, Session, Speaker


def _speaker(s: Speaker) -> dict:
    return {"id": s.id, "name": s.name, "affiliation": s.affiliation}


def _lead(lead: Lead) -> dict:
    return {"id": lead.id, "part": lead.part, "theme": lead.theme, "text": lead.text}


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
    }


def event_dict(event: Event) -> dict:
    return {"id": event.id, "date": event.date, "title": event.title,
            "sessions": [session_dict(s) for s in event.sessions]}


def library_dict(library: Library) -> dict:
    """Exactly the documented shape (docs/formats.md, "La bibliothèque")."""
    return {"events": [event_dict(e) for e in library.events]}


def _md_escape(text: str) -> str:
    """Keep corpus text literal in Markdown (it is text, not markup)."""
    for char in "\\`*_[]<>#":
        text = text.replace(char, "\\" + char)
    return text


def _md_entry(text: str) -> list[str]:
    body, *items = text.split("\n- ")
    return [f"- {_md_escape(body)}", *(f"  - {_md_escape(i)}" for i in items)]


def _md_session(session: Session) -> list[str]:
    out = [f"## Session {session.number} – {_md_escape(session.title)}", "",
           f"*{session.id}*", ""]
    out += [_md_escape(p) + "\n" for p in session.introduction.split("\n\n")]
    if session.themes:
        out += ["### Pistes de réflexion", ""]
    part = None
    for theme in session.themes:
        if theme.part and theme.part != part:
            part = theme.part
            out += [f"#### {_md_escape(part)}", ""]
        out += [f"**{_md_escape(theme.title)}**", ""]
        for lead in theme.leads:
            out += _md_entry(lead.text)
        out.append("")
    for title, entries in (("Terrains", session.field_sites), ("Ressources", session.resources)):
        if entries:
            out += [f"### {title}", ""]
            for entry in entries:
                out += _md_entry(entry.text)
                out += [f"  - <{url}>" for url in entry.urls]
            out.append("")
    if session.speakers:
        out += ["### Intervenant·e·s", ""]
        out += [f"- **{_md_escape(s.name)}**" + (f" ({_md_escape(s.affiliation)})"
                                                 if s.affiliation else "")
                for s in session.speakers]
        out.append("")
    return out


def library_markdown(library: Library) -> str:
    out = [f"# {_md_escape(library.about.title)}", ""]
    for block in library.about.blocks:
        prefix = "- " if block.kind == "item" else ""
        out += [prefix + _md_escape(block.text), ""]
    for event in library.events:
        out += [f"# {_md_escape(event.title)}", ""]
        for session in event.sessions:
            out += _md_session(session)
    return "\n".join(out).rstrip() + "\n"
