"""A long working session of the real window, as a trainer preparing a course.

A seeded random mix of what a trainer does — walk the table of contents, search as
they type (accents included) and open a result, star and unstar, write, edit and
delete notes, highlight, make a folder and fill and reorder it, undo and redo, switch
language, open and close the print preview, export the annotations — driven through
the window's own keys, actions and menus. Along the way it checks what a short test
cannot see: the process does not die, the reference counts of None, True and False
stay put (a binding that loses references aborts the interpreter after a few
thousand calls), the number of live Qt objects stays bounded and so does the Python
memory (``tracemalloc``).

About the reference counts: a binding that *loses* references (PySide6 6.12.0) makes
them fall until the interpreter aborts, so any fall beyond noise fails. PySide6 6.11.3
leaks the other way, about one reference to None per Qt object created and destroyed
(measured: a QLabel +2, a shown dialog +50), which can never crash: the rise is only
bounded per action, well above that and well below what a real leak of Python objects
would add (those are also caught by the memory and Qt-object gauges).

``make test`` runs 1,000 actions: 300 to warm up, then SOAK_ACTIONS (700) under the
gauges, about two minutes on two cores. The actions are real ones (a search types its
word and renders the page it opens): about 55 ms each, 140 ms with ``tracemalloc``
tracing, so 3,000 measured actions would take seven minutes, most of the suite's
ten-minute budget. ``make soak`` runs the same session for at least 20 minutes
(SOAK_MINUTES), about 8,000 measured actions.
"""

from __future__ import annotations

import gc
import os
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import type_text
from user_ui_helpers import open_window, user

from connecteur.store import UserStore
from connecteur.ui.shell.main_window import MainWindow

ACTIONS = int(os.environ.get("SOAK_ACTIONS", "700"))
MINUTES = float(os.environ.get("SOAK_MINUTES", "0"))  # > 0: run for that long instead
SEED = int(os.environ.get("SOAK_SEED", "20201103"))
WARM_UP = 300  # actions before the baseline is taken (caches fill, pages are built)
CHECK_EVERY = 250
# Bounds after the warm-up. A binding that loses references drifts down by tens of
# thousands over this many actions (about 70 per star, 300 per search and open).
SINGLETON_FALL = 1_000
SINGLETON_RISE_PER_ACTION = 40
QOBJECT_GROWTH = 400
MEMORY_GROWTH_MB = 24.0

WORDS = ("télétravail", "crise", "décentralisation", "inégalités", "élus", "numérique",
         "résilience", "confinement", "gouvernance", "apprentissage", "santé", "œuvre")
NOTES = ("question d'ouverture", "à relier au cas Mulhouse", "« citer » & <b>pas gras</b>",
         "relire avant la séance 🎓", "voir aussi la session 3")


def singletons() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def live_qobjects(window: MainWindow) -> int:
    return len(window.findChildren(QObject)) + len(QApplication.topLevelWidgets())


@dataclass
class Trainer:
    """Does one thing after another in the window, as a trainer would."""

    qtbot: object
    window: MainWindow
    export_dir: Path
    rng: random.Random
    done: dict[str, int] = field(default_factory=dict)

    # --- helpers -----------------------------------------------------------------------

    def idle(self) -> None:
        self.qtbot.waitUntil(lambda: self.window.context.operations.idle, timeout=20_000)

    def key(self, widget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(widget, key, modifiers)

    def items_on_page(self) -> list[str]:
        reading = self.window.reading
        return [name for name in reading.anchors if "#" not in name
                and name != reading.page_key and "/" in name]

    # --- what a trainer does -------------------------------------------------------------

    def walk_the_tree(self) -> None:
        tree = self.window.navigation
        self.window.actions.focus_tree.trigger()
        for _ in range(self.rng.randint(1, 6)):
            self.key(tree, self.rng.choice((Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up)))
        self.key(tree, Qt.Key.Key_Return)

    def search_and_open(self) -> None:
        window = self.window
        window.actions.find.trigger()
        window.search_box.clear()
        word = self.rng.choice(WORDS)
        type_text(window.search_box, word)
        window.search_panel.run_now()
        self.qtbot.waitUntil(lambda: window.search_panel.results is not None and
                             window.search_panel.results.query == word, timeout=20_000)
        if window.search_panel.model.rowCount():
            for _ in range(self.rng.randint(0, 3)):
                self.key(window.search_box, Qt.Key.Key_Down)
            self.key(window.search_box, Qt.Key.Key_Return)
        else:
            self.key(window.search_box, Qt.Key.Key_Escape)

    def choose_an_item(self) -> str | None:
        items = self.items_on_page()
        if not items:
            return None
        item = self.rng.choice(items)
        self.window.commands.choose(item)
        return item

    def star(self) -> None:
        if self.choose_an_item():
            self.window.reading.setFocus()
            self.key(self.window.reading, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
            self.idle()

    def write_a_note(self) -> None:
        if not self.choose_an_item():
            return
        self.window.actions.add_note.trigger()
        editor = self.window.notes.editor
        if editor.editing:
            type_text(editor.text, self.rng.choice(NOTES))
            self.key(editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            self.idle()

    def edit_or_delete_a_note(self) -> None:
        panel = self.window.notes
        notes = panel.annotations.notes if panel.annotations else ()
        if not notes:
            return
        note = self.rng.choice(notes)
        if self.rng.random() < 0.5:
            panel.start_edit(note.id)
            panel.editor.text.setPlainText(note.body + " (revu)")
            panel.editor.save_button.click()
        else:
            panel.delete_note(note.id)
        self.idle()

    def highlight(self) -> None:
        item = self.choose_an_item()
        if item is None:
            return
        text = self.window.store.find(item)
        length = len(getattr(text, "text", "") or "")
        if length < 12:
            return
        start = self.rng.randrange(0, length - 10)
        if self.window.reading.select_item_text(item, start, start + 8):
            self.window.highlights.highlight(self.rng.choice(("yellow", "green", "blue")))
            self.idle()

    def make_a_folder(self) -> None:
        dialog = self.window.folders.new_folder()
        dialog.name.setText(f"Dossier {self.done.get('make_a_folder', 0) + 1}")
        dialog.save()  # it closes (and is deleted) once the folder is saved
        self.idle()

    def fill_a_folder(self) -> None:
        folders = user(self.window).folders.list()
        item = self.choose_an_item()
        if not folders or item is None:
            return
        menu = self.window.commands.item_menu(self.window.reading, item)
        if menu is not None:
            target = self.rng.choice(folders)
            for action in menu.findChildren(type(self.window.actions.star)):
                if action.objectName() == f"add-to-{target.id}":
                    action.trigger()
            menu.deleteLater()
            self.idle()

    def reorder_a_folder(self) -> None:
        panel, model = self.window.folders, self.window.folders.model
        if model.rowCount() == 0:
            return
        folder_index = model.index(self.rng.randrange(model.rowCount()), 0)
        rows = model.rowCount(folder_index)
        if rows < 2:
            return
        panel.tree.setCurrentIndex(model.index(self.rng.randrange(rows), 0, folder_index))
        panel.tree.setFocus()
        self.key(panel.tree, self.rng.choice((Qt.Key.Key_Up, Qt.Key.Key_Down)),
                 Qt.KeyboardModifier.ControlModifier)
        self.idle()

    def undo_or_redo(self) -> None:
        self.window.reading.setFocus()
        action = self.window.actions.undo if self.rng.random() < 0.6 else \
            self.window.actions.redo
        if action.isEnabled():
            action.trigger()
            self.idle()

    def switch_language(self) -> None:
        language = "en" if self.window.context.languages.language != "en" else "fr"
        self.window.set_language(language)

    def preview_a_handout(self) -> None:
        window = self.window
        window.print_handout()
        dialog = window.print_dialog
        with self.qtbot.waitSignal(dialog.preview_opened, timeout=60_000) as opened:
            dialog.start()
        preview = opened.args[0]
        preview.close()
        preview.deleteLater()
        self.qtbot.waitUntil(dialog.isVisible)  # back to the choices after the preview
        dialog.cancel_button.click()  # "Fermer"
        assert not dialog.isVisible()

    def export_annotations(self) -> None:
        target = self.export_dir / f"export-{self.rng.randrange(3)}.json"
        self.window.exchange.write_annotations(target, "json")
        self.idle()

    def do_one(self) -> str:
        name = self.rng.choices(list(CHOICES), weights=list(CHOICES.values()))[0]
        getattr(self, name)()
        QApplication.processEvents()
        self.done[name] = self.done.get(name, 0) + 1
        return name


CHOICES: dict[str, int] = {  # name: weight
    "walk_the_tree": 14, "search_and_open": 14, "star": 12, "write_a_note": 8,
    "edit_or_delete_a_note": 6, "highlight": 7, "make_a_folder": 1, "fill_a_folder": 7,
    "reorder_a_folder": 4, "undo_or_redo": 10, "switch_language": 2,
    "preview_a_handout": 1, "export_annotations": 2,
}


@dataclass
class Gauges:
    """What must not drift: taken after the warm-up, compared at each check."""

    singletons: tuple[int, int, int]
    qobjects: int
    memory: int

    @classmethod
    def now(cls, window: MainWindow) -> Gauges:
        gc.collect()
        return cls(singletons(), live_qobjects(window), tracemalloc.get_traced_memory()[0])

    def check(self, window: MainWindow, step: int) -> str:
        current = Gauges.now(window)
        for name, before, after in zip(("None", "True", "False"), self.singletons,
                                       current.singletons, strict=True):
            assert after - before > -SINGLETON_FALL, (
                f"après {step} actions, le compte de références de {name} a baissé de "
                f"{before - after} : la liaison Qt perd des références")
            assert after - before < SINGLETON_RISE_PER_ACTION * max(step, 1), (
                f"après {step} actions, {after - before} références de plus à {name}")
        assert current.qobjects - self.qobjects < QOBJECT_GROWTH, (
            f"après {step} actions, {current.qobjects - self.qobjects} objets Qt de plus")
        grown = (current.memory - self.memory) / 2**20
        assert grown < MEMORY_GROWTH_MB, f"après {step} actions, +{grown:.1f} Mo de mémoire"
        return (f"{step:6d} actions : None {current.singletons[0] - self.singletons[0]:+d}, "
                f"True {current.singletons[1] - self.singletons[1]:+d}, "
                f"False {current.singletons[2] - self.singletons[2]:+d}, "
                f"objets Qt {current.qobjects - self.qobjects:+d}, mémoire {grown:+.1f} Mo")


def run_session(trainer: Trainer, actions: int, minutes: float,
                report: Callable[[str], None]) -> int:
    window = trainer.window
    for _ in range(WARM_UP):
        trainer.do_one()
    tracemalloc.start()
    gauges = Gauges.now(window)
    deadline = time.monotonic() + minutes * 60 if minutes > 0 else None
    step = 0
    while (step < actions) if deadline is None else (time.monotonic() < deadline):
        trainer.do_one()
        step += 1
        if step % CHECK_EVERY == 0:
            report(gauges.check(window, step))
    report(gauges.check(window, step))
    tracemalloc.stop()
    return step


def test_a_long_working_session_never_dies_nor_leaks(qtbot, make_window, tmp_path) -> None:
    window = open_window(qtbot, make_window)
    trainer = Trainer(qtbot, window, tmp_path, random.Random(SEED))
    lines: list[str] = []
    steps = run_session(trainer, ACTIONS, MINUTES, lines.append)
    print("\n".join(lines))
    print("actions :", ", ".join(f"{k} {v}" for k, v in sorted(trainer.done.items())))
    assert steps >= min(ACTIONS, 1) and set(trainer.done) == set(CHOICES)
    # The data is whole at the end: what the window shows is what the store holds.
    store: UserStore = user(window)
    assert store.db.integrity_problems() == []
    trainer.idle()
    assert sorted(window.favorites.model.item_ids) == sorted(store.stars.item_ids())
