"""The Qt models over the library, checked with pytest-qt's model tester and
against what the store holds."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QModelIndex, Qt

from connecteur.app import place as location
from connecteur.app.place import Place
from connecteur.corpus.text import fold
from connecteur.store import CorpusStore
from connecteur.ui.common.fold_proxy import FoldFilterProxy
from connecteur.ui.indexes.bibliography_model import BibliographyModel, site_of
from connecteur.ui.indexes.speakers_model import NAME, SESSIONS, SpeakersModel
from connecteur.ui.reading.navigation_model import (
    CountRole,
    LocationRole,
    NavigationModel,
    NodeKindRole,
)
from connecteur.ui.search.results_model import HitRole, ResultsModel

pytestmark = pytest.mark.usefixtures("qapp")


def _rows(model, parent=None):
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from _rows(model, index)


def test_navigation_model_passes_the_model_tester(qtmodeltester, corpus_store) -> None:
    qtmodeltester.check(NavigationModel(corpus_store))


def test_navigation_tree_follows_the_library_with_counts(corpus_store: CorpusStore) -> None:
    model = NavigationModel(corpus_store)
    top = [model.index(r, 0) for r in range(model.rowCount())]
    assert [i.data(NodeKindRole) for i in top] == ["home", "event", "event", "index", "index"]
    assert top[-2].data(CountRole) == len(corpus_store.speaker_entries()) == 43
    assert top[-1].data(CountRole) == len(corpus_store.resources()) == 85
    for event_index, event in zip(top[1:3], corpus_store.events, strict=True):
        sessions = [model.index(r, 0, event_index) for r in range(len(event.sessions))]
        assert [i.data(LocationRole) for i in sessions] == [s.id for s in event.sessions]
        for session_index, session in zip(sessions, event.sessions, strict=True):
            sections = {model.index(r, 0, session_index).data(LocationRole):
                        model.index(r, 0, session_index).data(CountRole) for r in range(4)}
            assert sections == {f"{session.id}#leads": len(session.leads),
                                f"{session.id}#field_sites": len(session.field_sites),
                                f"{session.id}#resources": len(session.resources),
                                f"{session.id}#speakers": len(session.speakers)}
    themes = [i for i in _rows(model) if i.data(NodeKindRole) == "theme"]
    assert len(themes) == 36
    parts = [i for i in _rows(model) if i.data(NodeKindRole) == "part"]
    assert [p.data() for p in parts] == ["LE CONSTAT PENDANT LA CRISE", "LES POINTS DE VIGILANCE",
                                         "LES PISTES APRÈS LA CRISE"]
    assert sum(p.data(CountRole) for p in parts) == len(corpus_store.sessions[6].leads)


def test_every_item_has_its_row_under_its_theme_or_section(corpus_store: CorpusStore) -> None:
    model = NavigationModel(corpus_store)
    for session in corpus_store.sessions:
        groups = ((session.leads, None), (session.field_sites, "field_sites"),
                  (session.resources, "resources"), (session.speakers, "speakers"))
        for items, section in groups:
            for item in items:
                row = model.index_for_place(Place.parse(item.id))
                assert row.data(LocationRole) == item.id
                assert row.data(NodeKindRole) == item.kind and row.data(CountRole) is None
                parent = item.theme_id if section is None else f"{session.id}#{section}"
                assert row.parent().data(LocationRole) == parent
                assert model.rowCount(row) == 0 and not model.hasChildren(row)
    lead = corpus_store.get("2020-05-20/s1/lead/03")
    row = model.index_for_place(Place.parse(lead.id))
    assert row.data().startswith("Problème de la mémoire des expertises passées")
    assert row.data().endswith("…") and row.data(Qt.ItemDataRole.ToolTipRole) == lead.text
    assert row.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Piste de réflexion : ")
    speaker = corpus_store.sessions[0].speakers[0]
    assert model.index_for_place(Place.parse(speaker.id)).data() == speaker.name
    assert model.index_for_place(Place.parse(location.BIBLIOGRAPHY)).data(NodeKindRole) == "index"
    assert not model.index_for_place(Place.parse("2021-01-01/s9")).isValid()


def test_the_items_rows_are_made_when_first_asked_for(corpus_store: CorpusStore) -> None:
    """Start-up builds the tree down to the themes only; a theme knows it has items."""
    model = NavigationModel(corpus_store)
    session = corpus_store.sessions[0]
    theme = session.themes[0]
    node = model.index_for_place(Place.parse(theme.id)).internalPointer()
    assert node.children == [] and node.later is not None
    index = model.index_for_place(Place.parse(theme.id))
    assert model.hasChildren(index) and node.children == []  # asking does not make them
    assert model.rowCount(index) == len(theme.leads) == index.data(CountRole)
    assert [model.index(r, 0, index).data(LocationRole) for r in range(len(theme.leads))] \
        == [lead.id for lead in theme.leads]


# --- speakers -------------------------------------------------------------------------------

def _proxy(model) -> FoldFilterProxy:
    proxy = FoldFilterProxy()
    proxy.setSourceModel(model)
    return proxy


def test_speakers_models_pass_the_model_tester(qtmodeltester, corpus_store) -> None:
    model = SpeakersModel(corpus_store)
    qtmodeltester.check(model)
    proxy = _proxy(model)
    proxy.set_text("universite")
    qtmodeltester.check(proxy)


def test_speakers_filter_ignores_accents_case_and_word_order(corpus_store) -> None:
    model = SpeakersModel(corpus_store)
    proxy = _proxy(model)
    assert proxy.rowCount() == model.rowCount() == 43
    proxy.set_text("FRANCOISE")
    names = {proxy.index(r, NAME).data() for r in range(proxy.rowCount())}
    expected = {e.name for e in corpus_store.speaker_entries()
                if "francoise" in fold(e.name + " " + " ".join(e.affiliations))}
    assert names == expected and "Françoise Clech Del Tedescho" in names
    proxy.set_text("garonne haute")  # words in any order, across columns
    assert [proxy.index(r, NAME).data() for r in range(proxy.rowCount())] == \
        ["Françoise Clech Del Tedescho"]
    proxy.set_text("3 juillet 2020")  # the sessions column is searchable too
    july = {e.name for e in corpus_store.speaker_entries()
            if any(s.session_id.startswith("2020-07-03") for s in e.speakers)}
    assert {proxy.index(r, NAME).data() for r in range(proxy.rowCount())} == july


def test_speakers_sort_by_name_and_by_session(corpus_store) -> None:
    proxy = _proxy(SpeakersModel(corpus_store))
    proxy.sort(NAME, Qt.SortOrder.DescendingOrder)
    names = [proxy.index(r, NAME).data() for r in range(proxy.rowCount())]
    assert names == sorted(names, key=fold, reverse=True)
    proxy.sort(SESSIONS, Qt.SortOrder.AscendingOrder)
    first = proxy.index(0, SESSIONS).data()
    assert first.startswith("20 mai 2020, session 1")


# --- bibliography ---------------------------------------------------------------------------

def test_bibliography_models_pass_the_model_tester(qtmodeltester, corpus_store) -> None:
    model = BibliographyModel(corpus_store)
    qtmodeltester.check(model)
    proxy = _proxy(model)
    proxy.set_text("revue")
    qtmodeltester.check(proxy)


def test_bibliography_filters_by_words_and_by_site(corpus_store) -> None:
    model = BibliographyModel(corpus_store)
    proxy = _proxy(model)
    resources = corpus_store.resources()
    proxy.set_text("numerique")
    shown = {proxy.index(r, 0).data() for r in range(proxy.rowCount())}
    sessions = {s.id: s for s in corpus_store.sessions}
    expected = {r.text for r in resources
                if "numerique" in fold(f"{r.text} {sessions[r.session_id].title} "
                                       f"{' '.join(r.urls)}")}
    assert shown == expected and len(shown) > 3
    proxy.set_text("")
    hal = "hal.archives-ouvertes.fr"
    proxy.set_row_test(lambda row: hal in model.sites_of_row(row))
    shown = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    expected_hal = [r.text for r in resources
                    if any((urlsplit(u).hostname or "").removeprefix("www.") == hal
                           for u in r.urls)]
    assert sorted(shown) == sorted(expected_hal) and shown
    counts = dict(model.site_counts())
    assert counts[hal] == len(expected_hal)
    assert site_of("https://www.fing.org/x") == "fing.org"


# --- search results -------------------------------------------------------------------------

def test_results_model_passes_the_model_tester(qtmodeltester, corpus_store, shared_index) -> None:
    from connecteur.search import SearchService

    service = SearchService.open(corpus_store, shared_index)
    qtmodeltester.check(ResultsModel())
    model = ResultsModel()  # (the tester stays attached and calls fetchMore itself)
    model.set_results(service.search("crise", page_size=10))
    assert model.rowCount() == 10 and model.canFetchMore(QModelIndex())
    with_more = []
    model.more_requested.connect(lambda: with_more.append(True))
    model.fetchMore(QModelIndex())
    assert with_more == [True] and not model.canFetchMore(QModelIndex())  # one at a time
    model.append(service.search("crise", page=2, page_size=10))
    assert model.rowCount() == 20
    assert len({model.index(r, 0).data(HitRole).id for r in range(20)}) == 20
    qtmodeltester.check(model)
