"""Printing from the window: Ctrl+P opens the dialog on what is shown, the handout is
built in the background (progress, a Cancel that really cancels), the real PDF is
previewed with QtPdf and saved — then read back with pypdf."""

from __future__ import annotations

import io
import re
import threading
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtPdf import QPdfDocument
from ui_helpers import ARTIFACTS, save_artifact, type_text

import connecteur.handouts
from connecteur.store import CorpusStore, UserStore
from connecteur.ui.shell import settings

LEAD = "2020-05-20/s1/lead/03"
NOTE = "Question palimpseste pour ouvrir la matinée"  # words nowhere in the corpus
TRAINER = "Camille Lefèvre"


def squash(text: str) -> str:
    return re.sub(r"[\s\u00a0\u00ad-]+", "", text)


def pdf_text(path: Path) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def has_ink(image: QImage) -> bool:
    """Whether QtPdf has drawn text yet (its pages are rendered in the background)."""
    small = image.scaled(120, 120)
    return any(small.pixelColor(x, y).lightness() < 100
               for x in range(small.width()) for y in range(small.height()))


@pytest.fixture
def noted(corpus_store: CorpusStore) -> None:
    with UserStore.open(corpus_store) as user:
        user.notes.add(LEAD, NOTE)


def open_dialog(qtbot, window, **choice):
    if choice:
        window.print_handout(**choice)
    else:
        window.actions.print_handout.trigger()
    dialog = window.print_dialog
    qtbot.waitExposed(dialog)
    return dialog


def build(qtbot, dialog):
    """Click "Aperçu…" and wait for the preview of the built PDF."""
    with qtbot.waitSignal(dialog.preview_opened, timeout=30_000) as opened:
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    preview = opened.args[0]
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready)
    qtbot.waitExposed(preview)
    return preview


@pytest.mark.usefixtures("noted")
def test_trainer_edition_on_letter_paper_previewed_and_saved(qtbot, make_window, tmp_path,
                                                             monkeypatch) -> None:
    window = make_window(url="2020-05-20/s1/lead/02")  # an item of session 1 is shown
    action = window.actions.print_handout
    assert QKeySequence("Ctrl+P") in action.shortcuts()
    assert action in window.actions.menus["file"].actions()
    assert action.text() == "&Imprimer / Exporter en PDF…"
    dialog = open_dialog(qtbot, window)
    assert dialog.content == "session"
    assert dialog.content_buttons["session"].text() == \
        "La session affichée : 20 mai 2020, session 1 — La gestion de crise"
    assert not dialog.content_buttons["favorites"].isEnabled()  # no star yet
    assert dialog.title_edit.placeholderText() == "La gestion de crise"
    dialog.trainer.click()
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.trainer_edit.setFocus()
    type_text(dialog.trainer_edit, TRAINER)
    save_artifact(dialog, "print-01-dialog")

    preview = build(qtbot, dialog)
    document = preview.document
    assert document.pageCount() > 1
    size = document.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (612, 792)  # US Letter
    assert document.metaData(QPdfDocument.MetaDataField.Title) == "La gestion de crise"
    assert preview.info.text().startswith(
        f"{document.pageCount()} pages · édition formateur·rice · US Letter")
    assert not dialog.isVisible()
    preview.next_page.trigger()
    qtbot.waitUntil(lambda: preview.current_page == 1)
    assert preview.page_spin.value() == 2 and preview.previous_page.isEnabled()
    preview.set_zoom(1.5)
    assert preview.view.zoomFactor() == pytest.approx(1.5)
    preview.set_zoom("width")
    preview.go_to_page(2)
    qtbot.waitUntil(lambda: preview.current_page == 2 and preview.page_spin.value() == 3)
    qtbot.waitUntil(lambda: has_ink(preview.view.viewport().grab().toImage()))  # rendered
    save_artifact(preview, "print-02-preview")
    for page in (0, 2):  # what QtPdf shows, to look at
        image = document.render(page, QSize(850, 1100))
        assert image.save(str(ARTIFACTS / f"print-0{3 + page // 2}-page-{page + 1}.png"))

    target = tmp_path / "support formateur.pdf"
    monkeypatch.setattr(preview, "ask_save_path", lambda: target)
    preview.save_action.trigger()
    assert preview.info.text() == f"Enregistré : {target}"
    reader, text = pdf_text(target)
    assert target.read_bytes() == preview.built.data
    assert len(reader.pages) == document.pageCount()
    assert "La gestion de crise" in text and "→" in text
    assert squash(NOTE) in squash(text) and squash(TRAINER) in squash(reader.pages[0]
                                                                        .extract_text())
    assert [round(v) for v in reader.pages[0].mediabox[2:]] == [612, 792]

    s = window.context.settings  # remembered for the next handout: not the edition
    assert (s.get(settings.PRINT_PAPER), s.get(settings.PRINT_TRAINER)) == ("letter", TRAINER)
    assert s.get(settings.PRINT_SAVE_FOLDER) == str(tmp_path)
    again = open_dialog(qtbot, window)
    assert again.participant.isChecked() and not again.trainer.isChecked()
    assert again.paper.currentData() == "letter"
    assert again.trainer_edit.text() == TRAINER
    assert again.plan().date == again.date_edit.date().toString("yyyy-MM-dd")
    again.reject()


@pytest.mark.usefixtures("noted")
def test_participant_edition_has_no_personal_note(qtbot, make_window, tmp_path) -> None:
    window = make_window(url="2020-05-20/s1")
    dialog = open_dialog(qtbot, window)
    assert dialog.participant.isChecked() and dialog.paper.currentData() == "a4"
    preview = build(qtbot, dialog)
    size = preview.document.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (595, 842)  # A4
    assert preview.save_to(tmp_path / "support.pdf")
    _, text = pdf_text(tmp_path / "support.pdf")
    assert "La gestion de crise" in text and "→" in text
    assert "palimpseste" not in text


def test_cancel_stops_the_build_and_gives_the_dialog_back(qtbot, make_window, monkeypatch,
                                                          isolated_home, tmp_path) -> None:
    """The real builder, paused at its first progress report so that Cancel lands in
    the middle of the whole-library layout."""
    resume, outcome = threading.Event(), []
    real = connecteur.handouts.render_handout

    def paused(request, *, progress, should_cancel):
        def report(done: int, total: int) -> None:
            progress(done, total)
            if done:
                resume.wait(10)
        try:
            return real(request, progress=report, should_cancel=should_cancel)
        except connecteur.handouts.HandoutCancelled:
            outcome.append("cancelled")
            raise

    monkeypatch.setattr(connecteur.handouts, "render_handout", paused)
    window = make_window(url="2020-05-20/s1")
    dialog = open_dialog(qtbot, window, content="library")
    opened = []
    dialog.preview_opened.connect(opened.append)
    assert dialog.content == "library"
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.value() > 0)
    assert not dialog.form.isEnabled() and not dialog.preview_button.isEnabled()
    assert dialog.status.text().startswith("Mise en page du support…")
    save_artifact(dialog, "print-05-building")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # stops, stays open
    assert dialog.isVisible() and dialog.form.isEnabled() and dialog.preview_button.isEnabled()
    assert not dialog.progress.isVisible()
    assert dialog.status.text() == "Préparation interrompue : aucun fichier n'a été écrit."
    resume.set()
    qtbot.waitUntil(lambda: outcome == ["cancelled"] and window.context.operations.idle)
    assert opened == []
    written = [p for root in (isolated_home, tmp_path) for p in root.rglob("*.pdf")]
    assert written == []
    dialog.reject()  # idle now: Annuler closes
    assert not dialog.isVisible()


def test_errors_are_shown_in_french_in_the_dialog(qtbot, make_window) -> None:
    window = make_window(url="2020-05-20/s1")
    dialog = open_dialog(qtbot, window, content="sessions")
    assert dialog.ticked_sessions() == ["2020-05-20/s1"]
    dialog.session_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text() == "Cochez au moins une session à imprimer.")
    assert dialog.form.isEnabled() and dialog.isVisible()
    dialog.reject()


def test_a_folder_and_the_search_results(qtbot, make_window, corpus_store) -> None:
    with UserStore.open(corpus_store) as user:
        user.folders.create("Manager en crise", title="Manager en temps de crise",
                            audience="Cadres de santé", date="2026-03-12")
        user.folders.add_items("Manager en crise", ["2020-07-03/s2/lead/05", LEAD])
    window = make_window(url="library")
    qtbot.waitUntil(lambda: window.context.user.ready, timeout=10_000)
    dialog = open_dialog(qtbot, window, folder="manager en crise")
    assert dialog.content == "folder" and dialog.folder_combo.currentText() == "Manager en crise"
    assert dialog.title_edit.placeholderText() == "Manager en temps de crise"
    assert dialog.audience_edit.text() == "Cadres de santé"
    assert dialog.plan().date == "2026-03-12"
    assert not dialog.content_buttons["session"].isEnabled()  # the home page is shown
    preview = build(qtbot, dialog)
    assert preview.document.metaData(QPdfDocument.MetaDataField.Title) == \
        "Manager en temps de crise"
    preview.close()

    window.search_box.setFocus()
    type_text(window.search_box, "télétravail")
    qtbot.waitUntil(lambda: window.search_panel.results is not None, timeout=10_000)
    total = window.search_panel.results.total
    dialog = open_dialog(qtbot, window, content="results")
    assert dialog.content_buttons["results"].text() == \
        f"Les résultats de la recherche « télétravail » ({total})"
    preview = build(qtbot, dialog)
    assert preview.document.metaData(QPdfDocument.MetaDataField.Title) == "« télétravail »"
    assert preview.document.pageCount() > 2
