"""Fichier › Importer un document… and Documents importés… in the real window.

The documents are cut from the real shipped text and laid out as PDF with ReportLab
(tests/documents' helpers): two of its sessions as the meeting of 9 October 2020.
Each test has its own home and search index, so what it imports stays with it.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QPushButton
from ui_helpers import save_artifact
from user_ui_helpers import LEAD_03_TEXT, open_window, user, written

from connecteur import paths
from connecteur.app.documents import import_document
from connecteur.app.place import HOME, SPEAKERS, Place
from connecteur.corpus import parse_text
from connecteur.store import CorpusStore
from connecteur.ui.shell.operations import WRITE, Operation
from documents.corpus_parts import document, session_texts, without_section
from documents.document_pdfs import Layout, render, scanned_pdf

OCTOBER = "CONNECTEUR RECHERCHE – 9 OCTOBRE 2020"
DAY = "2020-10-09"
LEAD = f"{DAY}/s1/lead/03"  # the copy of 20 May, session 1, lead 3
PHRASE = '"mémoire des expertises"'  # in that lead only (and in its original)
# A corrected edition: lead 3 reworded, lead 6 removed (as in tests/documents).
REWORDED = ("des travaux de \nrecherche.", "des travaux de la \nrecherche.")
REMOVED = ("→ Cellules de crise : Difficultés à saisir de la donnée et des modes de "
           "fonctionnement en situation \nréelle à partir de simulations. Comment passer des "
           "simulations aux situations réelles\u00a0?\n\n")


@pytest.fixture(scope="module")
def october_text() -> str:
    chunks = session_texts()
    return document(OCTOBER, [chunks[0], chunks[4]])


@pytest.fixture(scope="module")
def received(tmp_path_factory: pytest.TempPathFactory, october_text: str) -> dict[str, Path]:
    """The files a trainer would receive (outside any home)."""
    folder = tmp_path_factory.mktemp("reçus")
    corrected = october_text.replace(*REWORDED).replace(REMOVED, "")
    found = {"pdf": folder / "synthese-octobre.pdf",
             "corrected": folder / "synthese-octobre-corrigee.pdf",
             "bundled": folder / "synthese-mai.txt", "novel": folder / "roman.txt",
             "scan": folder / "scan.pdf"}
    found["pdf"].write_bytes(render(parse_text(october_text), Layout(columns=2,
                                                                     footer="{page}")))
    found["corrected"].write_bytes(render(parse_text(corrected), Layout(footer="Page {page}")))
    found["bundled"].write_text(document("CONNECTEUR RECHERCHE – 20 MAI 2020",
                                         [session_texts()[1]]), encoding="utf-8")
    found["novel"].write_text("Longtemps, je me suis couché de bonne heure.\n" * 40,
                              encoding="utf-8")
    found["scan"].write_bytes(scanned_pdf())
    return found


@pytest.fixture
def window(qtbot, make_window, tmp_path: Path):
    """A window on a library opened in this test's home, with an index of its own."""
    return open_window(qtbot, make_window, store=CorpusStore.open(),
                       index_dir=tmp_path / "index")


def preview_of(qtbot, window, path: Path):
    """Fichier › Importer un document…, ``path`` chosen: the preview once read."""
    documents = window.library_documents()
    documents.ask_open_path = lambda *_args: path
    documents.preview_dialog = None
    window.actions.import_document.trigger()
    qtbot.waitUntil(lambda: documents.preview_dialog is not None
                    and documents.preview_dialog.isVisible(), timeout=15_000)
    return documents.preview_dialog


def confirm(qtbot, window, dialog):
    """« Importer » in the preview: the import runs, then the report."""
    documents = window.library_documents()
    documents.report_box = None
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    written(qtbot, window)
    qtbot.waitUntil(lambda: documents.report_box is not None)
    return documents.report_box


def found_ids(qtbot, window, query: str) -> list[str]:
    panel = window.search_panel
    window.search_box.setText("")
    with qtbot.waitSignal(panel.answered, timeout=10_000):
        window.search_box.setText(query)
        panel.run_now()
    return [panel.model.hit(row).id for row in range(panel.model.rowCount())]


def test_a_pdf_previewed_imported_used_everywhere_then_removed(qtbot, window, received) -> None:
    before = window.context.library
    assert window.actions.import_document in window.actions.menus["file"].actions()
    assert window.actions.import_document.text() == "Importer un &document…"
    dialog = preview_of(qtbot, window, received["pdf"])

    # The preview: the tree of what was read, with its counts; nothing written yet.
    assert not paths.imported_library_path().exists()
    assert dialog.source.text() == "Document : « synthese-octobre.pdf » (PDF, 6 pages)"
    assert dialog.summary.text() == ("1 journée, 2 sessions : 36 pistes, 8 terrains, "
                                     "19 ressources, 10 intervenant·e·s.")
    day = dialog.tree.topLevelItem(0)
    assert dialog.tree.topLevelItemCount() == 1
    assert day.text(0) == "Connecteur Recherche du 9 octobre 2020"
    sessions = [day.child(i) for i in range(day.childCount())]
    assert [s.text(0) for s in sessions] == ["Session 1 — La gestion de crise",
                                             "Session 2 — Organisation territoriale et "
                                             "démocratie"]
    counts = dialog.preview.counts
    for row in sessions:
        sid = row.data(0, Qt.ItemDataRole.UserRole)
        assert [int(row.text(c)) for c in range(1, 6)] == [
            counts[sid][k] for k in ("leads", "field_sites", "resources", "urls", "speakers")]
        assert row.childCount() == counts[sid]["themes"]
    assert int(day.text(1)) == 36 and sessions[0].child(0).text(1).isdigit()
    assert not dialog.replace_box.isVisibleTo(dialog) and dialog.import_button.isEnabled()
    assert dialog.state.text().startswith("Rien n'est encore enregistré")
    save_artifact(dialog, "documents-01-preview")

    report = confirm(qtbot, window, dialog)
    # The report, and the new library everywhere.
    assert report.text() == ("« synthese-octobre.pdf » ajouté à la bibliothèque : 1 journée, "
                             "2 sessions ; 36 pistes, 8 terrains, 19 ressources, "
                             "10 intervenant·e·s.")
    assert "Recherche : " in report.informativeText()
    last_stage = "Rattachement des annotations et mise à jour de la recherche"
    assert window.library_documents().stage == last_stage
    report.close()
    store = window.context.library
    assert store is not before and window.store is store and store.find(LEAD) is not None
    assert window.current_location == DAY  # the day just imported is shown
    tree = window.navigation.nav_model
    assert tree.index_for_place(Place.parse(DAY)).data() == "9 octobre 2020"
    assert window.navigate(LEAD)
    assert window.reading.page_key == f"{DAY}/s1"
    assert LEAD_03_TEXT in window.reading.toPlainText().replace("\u2029", " ")
    save_artifact(window, "documents-05-window-after-import")
    assert LEAD in found_ids(qtbot, window, PHRASE)
    window.navigate(SPEAKERS)
    speakers = window.index_view(SPEAKERS).source
    places = [speakers.index(r, 2).data() for r in range(speakers.rowCount())]
    assert any("9 octobre 2020" in p for p in places)
    window.navigate(LEAD)
    # The trainer's layer follows: a star and a note on the new lead are taken.
    window.commands.toggle_star(LEAD)
    written(qtbot, window)
    assert LEAD in user(window).stars.item_ids()
    user(window).notes.add(LEAD, "à relier au cas de Mulhouse")
    assert LEAD in window.favorites.model.item_ids
    # Printable: the session shown, in a real handout.
    window.print_handout("session")
    printing = window.print_dialog
    qtbot.waitExposed(printing)
    assert "9 octobre 2020, session 1" in printing.content_buttons["session"].text()
    assert f"{DAY}/s2" in [printing.session_list.item(i).data(Qt.ItemDataRole.UserRole)
                           for i in range(printing.session_list.count())]
    with qtbot.waitSignal(printing.preview_opened, timeout=30_000) as opened:
        qtbot.mouseClick(printing.preview_button, Qt.MouseButton.LeftButton)
    preview = opened.args[0]
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready)
    reader = pypdf.PdfReader(io.BytesIO(preview.built.data))
    assert "9 octobre 2020" in "\n".join(p.extract_text() for p in reader.pages)
    preview.close()

    # Fichier › Documents importés… : listed, removed after a question.
    documents = window.library_documents()
    window.actions.imported_documents.trigger()
    listing = documents.documents_dialog
    qtbot.waitExposed(listing)
    row = listing.list.topLevelItem(0)
    assert listing.list.topLevelItemCount() == 1
    assert [row.text(c) for c in range(3)] == ["synthese-octobre.pdf", "9 octobre 2020", "2"]
    save_artifact(listing, "documents-02-list")
    box = listing.ask_removal()
    assert box.text() == "Retirer « synthese-octobre.pdf » de la bibliothèque ?"
    documents.report_box = None
    box.findChild(QPushButton, "documents-confirm-remove").click()
    written(qtbot, window)
    qtbot.waitUntil(lambda: documents.report_box is not None)
    assert documents.report_box.text() == ("« synthese-octobre.pdf » retiré de la "
                                           "bibliothèque (9 octobre 2020).")
    assert documents.report_box.informativeText().startswith(
        "2 annotations sont devenues orphelines")  # the star and the note
    assert listing.list.topLevelItemCount() == 0 and listing.empty.isVisibleTo(listing)
    store = window.context.library
    assert store.find(LEAD) is None and not store.documents
    assert window.reading.page_key == HOME  # its page is gone: the presentation
    assert not tree.index_for_place(Place.parse(DAY)).isValid()
    assert [o.item_id for o in user(window).orphans() if o.kind == "note"] == [LEAD]
    assert LEAD not in found_ids(qtbot, window, PHRASE)
    documents.report_box.findChild(QPushButton, "documents-report-orphans").click()
    assert window.orphans_view is not None and window.orphans_view.isVisible()

    # Imported again: the annotations find their item.
    report = confirm(qtbot, window, preview_of(qtbot, window, received["pdf"]))
    assert "2 annotations rattachées au texte mis à jour." in report.informativeText()
    assert not user(window).orphans()
    assert [n.body for n in user(window).notes.for_item(LEAD)] == ["à relier au cas de Mulhouse"]


def test_replace_unchanged_and_bundled_dates(qtbot, window, received) -> None:
    confirm(qtbot, window, preview_of(qtbot, window, received["pdf"]))
    lead_6, lead_7 = f"{DAY}/s1/lead/06", f"{DAY}/s1/lead/07"  # 6 is removed, 7 becomes 6
    user(window).notes.add(lead_6, "sur la piste retirée")
    user(window).notes.add(lead_7, "question d'ouverture")

    dialog = preview_of(qtbot, window, received["corrected"])
    assert dialog.conflicts.text().startswith("La journée du 9 octobre 2020 est déjà dans la "
                                              "bibliothèque (document « synthese-octobre.pdf »")
    assert dialog.replace_box.isVisibleTo(dialog)
    assert dialog.replace_box.text() == "Remplacer le document existant"
    assert not dialog.import_button.isEnabled()
    dialog.replace_box.click()
    assert dialog.import_button.isEnabled() and dialog.replace
    save_artifact(dialog, "documents-03-preview-replace")
    report = confirm(qtbot, window, dialog)
    assert report.informativeText().startswith("Remplace le document « synthese-octobre.pdf »")
    assert "1 annotation rattachée au texte mis à jour." in report.informativeText()
    assert "1 annotation est devenue orpheline" in report.informativeText()
    assert report.findChild(QPushButton, "documents-report-orphans") is not None
    [document] = window.context.library.documents
    assert document.name == "synthese-octobre-corrigee.pdf"
    assert [n.body for n in user(window).notes.for_item(lead_6)] == ["question d'ouverture"]
    assert [o.item_id for o in user(window).orphans()] == [lead_6]

    again = preview_of(qtbot, window, received["corrected"])
    assert again.import_button is None and again.close_button.text() == "Fermer"
    assert again.state.text().startswith("Ce document est déjà dans la bibliothèque, à "
                                         "l'identique")
    assert not again.replace_box.isVisibleTo(again)
    again.reject()

    bundled = preview_of(qtbot, window, received["bundled"])
    assert bundled.import_button is None
    assert bundled.conflicts.text() == ("La journée du 20 mai 2020 fait partie du corpus livré "
                                        "avec Connecteur.")
    assert bundled.state.text().startswith("Ce document ne peut pas être importé")
    bundled.reject()


def test_what_to_check_is_marked_in_the_preview(qtbot, window, tmp_path) -> None:
    chunks = session_texts()
    text = tmp_path / "synthese-sans-terrains.txt"
    text.write_text(document(OCTOBER, [chunks[0], without_section(chunks[4], "TERRAINS")]),
                    encoding="utf-8")
    dialog = preview_of(qtbot, window, text)
    first, second = (dialog.tree.topLevelItem(0).child(i) for i in range(2))
    assert first.icon(0).isNull() and not second.icon(0).isNull()
    assert second.toolTip(0) == "À vérifier : sans terrains" and second.text(2) == "0"
    assert dialog.notes_title.text() == "⚠ 1 point à vérifier (gardé tel quel) :"
    assert [dialog.notes.item(i).text() for i in range(dialog.notes.count())] == [
        "9 octobre 2020, session 2 : sans terrains"]
    save_artifact(dialog, "documents-04-preview-to-check")
    dialog.reject()
    assert not paths.imported_library_path().exists()


def test_a_cancelled_import_writes_nothing(qtbot, window, received) -> None:
    dialog = preview_of(qtbot, window, received["pdf"])
    documents = window.library_documents()
    release = threading.Event()
    window.context.operations.run(Operation(lambda: release.wait(10), lane=WRITE))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # waits its turn
    assert documents.busy
    documents.progress_dialog.findChild(QPushButton).click()  # « Annuler »
    release.set()
    written(qtbot, window)
    assert not paths.imported_library_path().exists()
    assert window.status.currentMessage() == "Import annulé : rien n'a été écrit."
    assert window.context.library.find(LEAD) is None and documents.progress_dialog is None


def test_not_a_document_is_refused_in_french(qtbot, window, received) -> None:
    documents = window.library_documents()
    for name, reason in (("novel", "Ce texte n'est pas une synthèse du Connecteur Recherche "
                                   "(introuvable : aucune journée"),
                         ("scan", "Ce PDF ne contient pas de texte (document scanné ?)")):
        documents.report_box = None
        documents.ask_open_path = lambda *_args, n=name: received[n]
        window.actions.import_document.trigger()
        written(qtbot, window)
        box = documents.report_box
        assert box is not None and box.objectName() == "documents-refusal"
        assert box.windowTitle() == "Document refusé" and reason in box.text()
        assert reason in window.status.currentMessage()
        box.close()
    assert documents.preview_dialog is None
    assert not paths.imported_library_path().exists()


def test_hostile_names_and_titles_stay_text(qtbot, window, october_text, tmp_path) -> None:
    title = "<b>Gras</b> & <img src='x'> crise"
    hostile = tmp_path / "<i>synthèse<img src=x>.txt"  # (no "/" in a file name)
    hostile.write_text(october_text.replace("La gestion de crise", title, 1), encoding="utf-8")
    dialog = preview_of(qtbot, window, hostile)
    assert dialog.source.text() == "Document : « <i>synthèse<img src=x>.txt » (texte utf-8)"
    assert dialog.source.textFormat() == Qt.TextFormat.PlainText
    assert dialog.tree.topLevelItem(0).child(0).text(0) == f"Session 1 — {title}"
    report = confirm(qtbot, window, dialog)
    assert report.text().startswith("« <i>synthèse<img src=x>.txt » ajouté")
    assert report.textFormat() == Qt.TextFormat.PlainText
    window.navigate(f"{DAY}/s1")
    assert title in window.reading.toPlainText()
    assert window.reading.document().toHtml().count("<img") == 0


def test_startup_says_what_could_not_be_loaded(qtbot, make_window, tmp_path) -> None:
    broken = paths.imported_library_path()
    paths.ensure_dir(broken.parent)
    broken.write_bytes(b"pas une base SQLite " * 64)
    store = CorpusStore.open()
    assert store.notices
    window = make_window(store, index_dir=tmp_path / "index")
    notice = window.library_notice
    assert notice.button.isVisible() and notice.button.text() == "⚠ Documents importés"
    assert window.status.currentMessage() == store.notices[0]
    box = notice.show_details()
    assert store.notices[0] in box.informativeText()
    box.close()


def test_a_command_line_import_shows_when_the_window_comes_back(qtbot, window,
                                                                received) -> None:
    before = window.context.library
    import_document(received["pdf"], corpus=CorpusStore.open())  # as `connecteur import` does
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    qtbot.waitUntil(lambda: window.context.library.find(LEAD) is not None, timeout=10_000)
    assert window.context.library is not before
    assert "La bibliothèque a changé" in window.status.currentMessage()
    assert window.navigation.nav_model.index_for_place(Place.parse(DAY)).isValid()
    written(qtbot, window)
    qtbot.waitUntil(lambda: LEAD in found_ids(qtbot, window, PHRASE), timeout=10_000)
    window.commands.toggle_star(LEAD)  # the annotations know the new library too
    written(qtbot, window)
    assert LEAD in user(window).stars.item_ids()
    # Activated again with nothing new: the library is not reopened.
    assert not window.library_watch.check()
