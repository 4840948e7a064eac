""""Annotations orphelines" after a corpus change: a lead annotated with the shipped
text disappears from a corrected text (built in a temporary database); the window
says so at start-up, and the orphans view lists the quote, the note and the last
known reference, attaches a note to another item, deletes, and refreshes itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ui_helpers import save_artifact
from user_ui_helpers import LEAD_03, LEAD_04, user, written

from connecteur import paths
from connecteur.corpus import parse_text, read_corpus_text
from connecteur.store import CorpusStore, UserStore, build_database
from connecteur.ui.shell.context import ApplicationContext
from connecteur.ui.shell.main_window import MainWindow

REFERENCE_03 = ("Connecteur Recherche, 20 mai 2020, session 1 — La gestion de crise › "
                "Piste de réflexion 3")


def _without_lead_03(text: str) -> str:
    """The shipped text without the third lead of 20 May, session 1 (the fourth then
    becomes the third)."""
    start = text.index("→ Problème de la mémoire")
    end = text.index("exploitée\u00a0?", start) + len("exploitée\u00a0?\n")
    return text[:start] + text[end:]


@pytest.fixture
def corrected_corpus(tmp_path: Path) -> CorpusStore:
    text = _without_lead_03(read_corpus_text(paths.corpus_text_path()))
    target = tmp_path / "corrected.db"
    build_database(parse_text(text), text, target)
    return CorpusStore.open(target)


@pytest.fixture
def window_on(qtbot, tmp_path: Path) -> Iterator:
    made: list[tuple[MainWindow, ApplicationContext]] = []

    def make(store: CorpusStore) -> MainWindow:
        context = ApplicationContext(store, index_dir=tmp_path / "index")  # never opened
        context.languages.apply("fr")
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.open_first()
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.layers_installed and window.context.user.ready,
                        timeout=10_000)
        made.append((window, context))
        return window

    yield make
    for window, context in made:
        window.close()
        context.shutdown()


def test_orphans_are_listed_kept_and_settled(qtbot, corpus_store, corrected_corpus,
                                             window_on) -> None:
    with UserStore.open(corpus_store) as before:  # annotated with the shipped text
        note = before.notes.add(LEAD_03, "question d'ouverture <script>")
        before.highlights.add_quote(LEAD_03, "mémoire des expertises", note="à citer")
        before.stars.star(LEAD_03)
        folder = before.folders.create("Crise")
        before.folders.add_items(folder.id, [LEAD_03, LEAD_04])
        moved_note = before.notes.add(LEAD_04, "celle-ci suit sa piste")
    window = window_on(corrected_corpus)
    assert window.notice.button.isVisible()
    assert any("orphelin" in line for line in window.notice.lines), window.notice.lines
    # The fourth lead is now the third: its note followed it.
    assert [n.id for n in user(window).notes.for_item(LEAD_03)] == [moved_note.id]

    view = window.open_orphans()
    rows = {view.table.topLevelItem(i).text(0): view.table.topLevelItem(i)
            for i in range(view.table.topLevelItemCount())}
    assert set(rows) == {"Élément de dossier", "Favori", "Note", "Surlignage"}
    assert rows["Surlignage"].text(1) == "« mémoire des expertises »"
    assert rows["Surlignage"].text(2) == "à citer"
    assert rows["Note"].text(2) == "question d'ouverture <script>"
    assert rows["Note"].text(3) == REFERENCE_03
    assert rows["Élément de dossier"].text(2) == "Dossier « Crise »"
    assert view.summary.text().startswith(
        "4 annotations n'ont pas pu être rattachées au texte actuel du corpus")
    view.table.setCurrentItem(rows["Note"])
    assert "question d'ouverture <script>" in view.details.toPlainText()
    assert "Problème de la mémoire des expertises passées" in view.details.toPlainText()
    save_artifact(view, "25-orphans")

    # Attach the orphan note to the item shown; the view refreshes itself.
    window.navigate(LEAD_04)
    view.table.setCurrentItem(rows["Note"])
    assert view.attach_button.isEnabled()
    assert view.attach_current()
    written(qtbot, window)
    assert view.table.topLevelItemCount() == 3
    assert [n.id for n in user(window).notes.for_item(LEAD_04)] == [note.id]
    assert "question d'ouverture <script>" in window.notes.view.toPlainText()
    # Delete an orphan; undo brings it back into the list.
    view.table.setCurrentItem(next(view.table.topLevelItem(i) for i in range(3)
                                   if view.table.topLevelItem(i).text(0) == "Surlignage"))
    assert view.delete_current()
    written(qtbot, window)
    assert view.table.topLevelItemCount() == 2
    user(window).undo()
    assert view.table.topLevelItemCount() == 3
    # The folder keeps its orphan entry, shown as such, and the moved lead.
    model = window.folders.model
    texts = [model.index(r, 0, model.folder_index(folder.id)).data() for r in range(2)]
    assert texts[0].startswith("⚠ Introuvable dans le texte actuel : " + REFERENCE_03)
    view.close()
