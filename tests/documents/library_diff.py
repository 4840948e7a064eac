"""Item-by-item comparison of two libraries, reported as readable differences (an
assertion on whole objects would only say "not equal").

A resource's text is compared with its line breaks read as spaces: the source sets two
references of one bullet on separate lines only where its layout tells (a line the PDF
did not wrap), a clue that text read back from a PDF no longer has."""

from __future__ import annotations

from connecteur.corpus import Library, Session


def _session_rows(session: Session) -> list[tuple[str, object]]:
    rows: list[tuple[str, object]] = [
        (session.id, ("session", session.number, session.title, session.introduction))]
    rows += [(t.id, ("theme", t.part, t.title)) for t in session.themes]
    rows += [(lead.id, ("lead", lead.theme_id, lead.body, lead.items))
             for lead in session.leads]
    rows += [(f.id, ("field_site", f.body, f.items, f.urls)) for f in session.field_sites]
    rows += [(r.id, ("resource", r.text.replace("\n", " "), r.urls))
             for r in session.resources]
    rows += [(s.id, ("speaker", s.name, s.affiliation)) for s in session.speakers]
    return rows


def rows(library: Library) -> dict[str, object]:
    """Every event and item, by ID, as the values a reader cares about."""
    found: dict[str, object] = {e.id: ("event", e.date, e.title) for e in library.events}
    for session in library.sessions:
        found.update(_session_rows(session))
    return found


def differences(expected: Library, actual: Library, limit: int = 12) -> list[str]:
    """What ``actual`` gets wrong, item by item (empty when they agree)."""
    want, got = rows(expected), rows(actual)
    out = [f"manque {key}: {want[key]!r}" for key in want if key not in got]
    out += [f"en trop {key}: {got[key]!r}" for key in got if key not in want]
    out += [f"{key}:\n   attendu {want[key]!r}\n   obtenu  {got[key]!r}"
            for key in want if key in got and want[key] != got[key]]
    return out[:limit] + ([f"… et {len(out) - limit} autres"] if len(out) > limit else [])
