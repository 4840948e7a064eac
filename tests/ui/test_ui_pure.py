"""The window's logic that needs no window: locations, history, the reading-pane
renderer, citations, result excerpts, settings, the PySide6 work-around."""

from __future__ import annotations

import re
from html import escape, unescape

import pytest

from connecteur.app import place as location
from connecteur.app.citation import citation, item_text
from connecteur.app.history import History
from connecteur.app.reading_document import (
    ItemDecoration,
    linked,
    render_event,
    render_home,
    render_session,
)
from connecteur.corpus import Lead, Library
from connecteur.corpus.reference import session_reference
from connecteur.ui.search.result_delegate import marked_excerpt
from connecteur.ui.shell import settings

# --- locations and history ------------------------------------------------------------

def test_locations_are_parsed_and_normalised() -> None:
    assert location.parse("") == location.Place(location.HOME, None, "home")
    assert location.parse(location.SPEAKERS).kind == "index"
    assert location.normalised("connecteur://2020-05-20/s1/lead/3") == "2020-05-20/s1/lead/03"
    lead = location.parse("2020-05-20/s1/lead/03")
    assert (lead.page, lead.anchor, lead.kind) == ("2020-05-20/s1", "2020-05-20/s1/lead/03",
                                                   "lead")
    section = location.parse("2020-05-20/s2#resources")
    assert (section.page, section.kind) == ("2020-05-20/s2", "section")
    assert location.parse("2020-05-20").kind == "event"
    for bad in ("2020-05-20/s1#nope", "n'importe quoi", "2020-05-20/s1/lead/03#leads"):
        assert location.parse(bad) is None


def test_history_walks_back_and_forward_and_merges_result_walks() -> None:
    history = History()
    for where in ("a", "b", "c"):
        history.visit(where)
    assert history.back() == "b" and history.back() == "a" and history.back() is None
    assert history.forward() == "b"
    history.visit("d")  # a new visit drops what was forward of the cursor
    assert not history.can_go_forward() and len(history) == 3
    history.visit("r1")
    history.visit("r2", replace=True)
    history.visit("r3", replace=True)
    assert history.current == "r3" and history.back() == "d"
    history.visit("d")
    assert len(history) == 4  # revisiting the current entry adds nothing


# --- renderer ----------------------------------------------------------------------------

def _anchors(html: str) -> list[str]:
    return [unescape(name) for name in re.findall(r'<a name="([^"]+)">', html)]


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_every_item_of_every_session_is_rendered_and_addressable(library: Library) -> None:
    for session in library.sessions:
        page = render_session(session)
        items = [session.id, *(t.id for t in session.themes), *(ld.id for ld in session.leads),
                 *(f.id for f in session.field_sites), *(r.id for r in session.resources),
                 *(s.id for s in session.speakers)]
        assert set(items) <= set(page.anchors)
        assert set(items) <= set(_anchors(page.html))
        text = _text(page.html)
        for lead in session.leads:
            assert lead.body in text and all(sub in text for sub in lead.items)
        for speaker in session.speakers:
            assert speaker.name in text and speaker.affiliation in text
        for resource in session.resources:
            assert resource.text in text


def test_corpus_text_is_escaped_and_only_web_addresses_become_links() -> None:
    html = linked('<b>gras</b> & <a href="javascript:alert(1)">x</a> '
                  "voir https://exemple.fr/a?b=1&c=<2> puis ftp://old.example file:///etc/passwd")
    assert "<b>" not in html and "&lt;b&gt;gras&lt;/b&gt; &amp;" in html
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert [unescape(h) for h in hrefs] == ["https://exemple.fr/a?b=1&c="]
    assert "javascript:" not in "".join(hrefs)


def test_decorations_mark_stars_notes_and_highlight_spans(library: Library) -> None:
    session = next(s for s in library.sessions if any(ld.items for ld in s.leads))
    lead: Lead = next(ld for ld in session.leads if ld.items)
    sub = lead.items[0]
    start = lead.text.index(sub)
    deco = ItemDecoration(starred=True, note_count=2, highlights=((start, start + len(sub)),))
    html = render_session(session, decorations={lead.id: deco}).html
    assert f'<span class="mark">{escape(sub)}</span>' in html
    assert "★" in html and "✎ 2 notes" in html
    one = render_session(session, decorations={lead.id: ItemDecoration(note_count=1)}).html
    assert "✎ 1 note<" in one and "(s)" not in one
    plain = render_session(session).html
    assert "★" not in plain and 'class="mark"' not in plain


def test_event_and_home_pages_link_to_every_session(library: Library) -> None:
    for event in library.events:
        links = re.findall(r'href="connecteur://([^"]+)"', render_event(event).html)
        assert links == [s.id for s in event.sessions]
    home = render_home(library).html
    assert re.findall(r'href="connecteur://([^"]+)"', home) == [s.id for s in library.sessions]
    assert "Fing" in _text(home) and "CNFPT" in _text(home)


# --- citations and search excerpts ------------------------------------------------------

def test_citation_is_the_item_then_its_reference(library: Library) -> None:
    session = library.sessions[0]
    lead = session.leads[0]
    assert citation(item_text(lead), session) == (
        f"{lead.text}\n\nConnecteur Recherche, 20 mai 2020, session 1 — La gestion de crise")
    assert session_reference(session) in citation(item_text(session), session)


def test_excerpt_keeps_only_the_marks_as_markup() -> None:
    html = marked_excerpt("a <mark>t&eacute;l&eacute;travail</mark> <script>x</script> "
                          "<mark>open", "font-weight:700")
    assert html.count("<span") == 2 and html.count("</span>") == 2
    assert "<script>" not in html and "&lt;script&gt;" in html


# --- settings -----------------------------------------------------------------------------

def test_settings_have_typed_defaults_and_survive_a_damaged_file(tmp_path) -> None:
    path = tmp_path / "settings.ini"
    first = settings.Settings(path)
    assert first.get(settings.ZOOM) == 0 and first.get(settings.LANGUAGE) == ""
    first.set(settings.ZOOM, 3)
    first.set(settings.SPLITTER_SIZES, [250, 700, 0])
    first.set(settings.LAST_LOCATION, "2020-05-20/s1/lead/03")
    assert first.sync()
    again = settings.Settings(path)
    assert again.get(settings.ZOOM) == 3
    assert again.get(settings.SPLITTER_SIZES) == [250, 700, 0]
    assert again.get(settings.LAST_LOCATION) == "2020-05-20/s1/lead/03"
    path.write_text("[reading]\nzoom=beaucoup\n[ui]\nlanguage=klingon\n"
                    "[window]\nsplitter=1, deux\n", encoding="utf-8")
    damaged = settings.Settings(path)
    assert damaged.get(settings.ZOOM) == 0
    assert damaged.get(settings.LANGUAGE) == ""
    assert damaged.get(settings.SPLITTER_SIZES) == settings.SPLITTER_SIZES.default


@pytest.mark.parametrize("where", ["index:speakers", "index:bibliography", "library"])
def test_named_pages_normalise_to_themselves(where: str) -> None:
    assert location.normalised(where) == where


def test_an_old_settings_file_is_upgraded_once(tmp_path) -> None:
    """A 0.1.0 file (version 1) remembered the trainer edition and may hold keys
    nothing reads any more: both go, the rest is kept, and the file says version 3."""
    path = tmp_path / "settings.ini"
    path.write_text("[settings]\nversion=1\n[print]\nedition=trainer\npaper=letter\n"
                    "[reading]\nzoom=3\n[old]\ngone=1\n", encoding="utf-8")
    upgraded = settings.Settings(path)
    assert upgraded.upgraded_from == 1 and upgraded.version == settings.SETTINGS_VERSION == 3
    assert upgraded.get(settings.PRINT_PAPER) == "letter" and upgraded.get(settings.ZOOM) == 3
    assert upgraded.sync()
    text = path.read_text(encoding="utf-8")
    assert "edition" not in text and "gone" not in text and "version=3" in text
    assert settings.Settings(path).upgraded_from is None  # once
    newer = tmp_path / "newer.ini"
    newer.write_text("[settings]\nversion=9\n[future]\nkey=1\n", encoding="utf-8")
    assert settings.Settings(newer).upgraded_from is None  # a newer file is left alone
    assert "future" in newer.read_text(encoding="utf-8")
