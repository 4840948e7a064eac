"""Real plurals in what the window shows: "1 note", "2 notes", never "note(s)".

First a reading of the window's modules (and the Qt-free texts it shows): no string
says "(s)" or "(e)s"; then counts in a real window, for one and for several."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from user_ui_helpers import LEAD_03, open_window, settle, user

import connecteur.app
import connecteur.store.user.import_report
import connecteur.ui
from connecteur.ui.common import labels
from connecteur.ui.folders.folder_menu import folder_description

UI = Path(connecteur.ui.__file__).parent
SHOWN_BY_THE_WINDOW = [*sorted(UI.rglob("*.py")),
                       Path(connecteur.app.__file__).parent / "reading_document.py",
                       Path(connecteur.store.user.import_report.__file__)]
BRACKETED_PLURAL = re.compile(r"\w\((?:s|e|es)\)")  # élément(s), exportée(s), inscrit(e)s


def _strings(path: Path) -> Iterator[tuple[int, str]]:
    """Every string constant of a module but its docstrings (which nobody sees)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            docstrings.add(id(body[0].value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and id(node) not in docstrings:
            yield node.lineno, node.value


def test_no_text_of_the_window_hedges_its_plural() -> None:
    found = [f"{path.name}:{line}: {text!r}" for path in SHOWN_BY_THE_WINDOW
             for line, text in _strings(path) if BRACKETED_PLURAL.search(text)]
    assert found == []
    assert BRACKETED_PLURAL.search("{0} élément(s)")  # the check itself sees them
    assert BRACKETED_PLURAL.search("exportée(s)") and BRACKETED_PLURAL.search("inscrit(e)s")
    assert not BRACKETED_PLURAL.search("Intervenant·e·s (ordre alphabétique)")


def test_counts_read_well_for_one_and_for_several(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window, url=LEAD_03)
    u = user(window)
    u.notes.add(LEAD_03, "première")
    settle(qtbot, window)
    assert re.search(r"✎ 1 note(?![(s])", window.reading.toPlainText())
    u.notes.add(LEAD_03, "seconde")
    settle(qtbot, window)
    assert "✎ 2 notes" in window.reading.toPlainText()

    folder = u.folders.create("Un seul élément")
    u.folders.add_items(folder.id, [LEAD_03])
    assert folder_description(u.folders.get(folder.id)).endswith("\n1 élément")
    u.folders.create("Vide")
    assert folder_description(u.folders.find("Vide")).endswith("\n0 élément")

    window.navigate("2020-05-20")  # the day's page: each session and its counts
    assert "16 pistes · 3 terrains · 9 ressources" in window.reading.toPlainText()

    assert labels.count(0, "{0} note", "{0} notes") == "0 note"  # French: 0 is singular
    window.context.languages.apply("en")
    try:
        assert labels.count(0, "{0} note", "{0} notes") == "0 notes"
        assert labels.count(1, "{0} note", "{0} notes") == "1 note"
    finally:
        window.context.languages.apply("fr")
