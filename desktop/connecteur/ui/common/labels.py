"""Names of things shown in several panes, translated at the moment they are shown.

The strings are marked with ``QT_TRANSLATE_NOOP`` so that lupdate collects them
under the "Labels" context, and looked up with ``translate`` each time, so a
language switch takes effect at the next repaint.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from connecteur.app.place import Place
from connecteur.corpus import Event, Item, Session
from connecteur.store import CorpusStore

CONTEXT = "Labels"

_KINDS = {
    "session": QT_TRANSLATE_NOOP("Labels", "Session"),
    "theme": QT_TRANSLATE_NOOP("Labels", "Intertitre"),
    "lead": QT_TRANSLATE_NOOP("Labels", "Piste de réflexion"),
    "field_site": QT_TRANSLATE_NOOP("Labels", "Terrain"),
    "resource": QT_TRANSLATE_NOOP("Labels", "Ressource"),
    "speaker": QT_TRANSLATE_NOOP("Labels", "Intervenant·e"),
    "note": QT_TRANSLATE_NOOP("Labels", "Note"),
}
_PLURALS = {
    "session": QT_TRANSLATE_NOOP("Labels", "Sessions"),
    "lead": QT_TRANSLATE_NOOP("Labels", "Pistes de réflexion"),
    "field_site": QT_TRANSLATE_NOOP("Labels", "Terrains"),
    "resource": QT_TRANSLATE_NOOP("Labels", "Ressources"),
    "speaker": QT_TRANSLATE_NOOP("Labels", "Intervenant·e·s"),
    "note": QT_TRANSLATE_NOOP("Labels", "Notes"),
}
_IN_SESSION = {  # "20 mai 2020, session 1, piste 03"
    "theme": QT_TRANSLATE_NOOP("Labels", "intertitre {0}"),
    "lead": QT_TRANSLATE_NOOP("Labels", "piste {0}"),
    "field_site": QT_TRANSLATE_NOOP("Labels", "terrain {0}"),
    "resource": QT_TRANSLATE_NOOP("Labels", "ressource {0}"),
    "speaker": QT_TRANSLATE_NOOP("Labels", "intervenant·e {0}"),
}
SECTION_KINDS = {"leads": "lead", "field_sites": "field_site", "resources": "resource",
                 "speakers": "speaker"}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def kind_name(kind: str) -> str:
    """``lead`` → "Piste de réflexion" (in the current language)."""
    return tr(_KINDS.get(kind, kind))


def kind_plural(kind: str) -> str:
    return tr(_PLURALS.get(kind, kind))


def section_title(section: str) -> str:
    """``field_sites`` → "Terrains"."""
    return kind_plural(SECTION_KINDS[section])


def plural(number: int, one: str, many: str) -> str:
    """The template that suits ``number``: ``one`` or ``many`` (both already
    translated), never "élément(s)". French takes the singular for 0 and 1, English
    for 1 only (the UI language is QLocale's default, see shell/i18n.py)."""
    french = QLocale().language() == QLocale.Language.French
    return one if (number < 2 if french else number == 1) else many


def count(number: int, one: str, many: str) -> str:
    """``number`` in the template that suits it (``{0}`` stands for the number):
    ``count(n, self.tr("{0} note"), self.tr("{0} notes"))``."""
    return plural(number, one, many).format(number)


def format_date(iso_date: str) -> str:
    """``2020-05-20`` → "20 mai 2020" (or "20 May 2020" in English)."""
    date = QDate.fromString(iso_date, "yyyy-MM-dd")
    return QLocale().toString(date, "d MMMM yyyy") if date.isValid() else iso_date


def event_label(event: Event) -> str:
    return QCoreApplication.translate("Labels", "Connecteur Recherche du {0}").format(
        format_date(event.date))


def session_label(session: Session) -> str:
    """"Session 1 — La gestion de crise"."""
    return QCoreApplication.translate("Labels", "Session {0} — {1}").format(
        session.number, session.title)


def place(iso_date: str, number: int) -> str:
    """"20 mai 2020, session 1": where an item comes from, in one breath."""
    return QCoreApplication.translate("Labels", "{0}, session {1}").format(
        format_date(iso_date), number)


def session_place(session: Session) -> str:
    return place(session.date, session.number)


def item_reference(store: CorpusStore, item: Event | Item) -> str:
    """Where an item is, short enough for a status message: "20 mai 2020, session 1,
    piste 03" (a session: "20 mai 2020, session 1"; a day: "20 mai 2020")."""
    if isinstance(item, Event):
        return format_date(item.date)
    session = item if isinstance(item, Session) else store.session_of(item)
    where = session_place(session)
    template = _IN_SESSION.get(item.kind)
    if template is None:
        return where
    return f"{where}, {tr(template).format(item.id.rsplit('/', 1)[-1])}"


def describe_place(store: CorpusStore, place: Place | None) -> str:
    """What the status bar and the title say is shown: "Terrains — Session 1 — …"."""
    if place is None or place.kind == "home":
        return QCoreApplication.translate("Labels", "Présentation du Connecteur Recherche")
    page = store.find(place.page)
    if isinstance(page, Event):
        return event_label(page)
    if not isinstance(page, Session):
        return ""
    session = f"{session_label(page)} · {format_date(page.date)}"
    if place.kind == "session":
        return session
    if place.kind == "section":
        name = place.anchor.split("#", 1)[1] if place.anchor else ""
        return f"{section_title(name)} — {session}"
    return f"{kind_name(place.kind)} — {session}"
