"""The AppStream screenshots (``make screenshots``), under the names the metainfo uses.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots.py [FOLDER]

FOLDER defaults to build/screenshots/. The window runs on the bundled library with
a throwaway CONNECTEUR_HOME holding a small course folder (never your own notes), in
French, at 1200 × 780. The names come from packaging/linux/fr.cnfpt.Connecteur.metainfo.xml
(``<image>…/NAME.png</image>``); a name this script cannot draw is an error.

Only the public parts of the window are used (MainWindow, ApplicationContext, the
window's show_folder and folders panel), so that a change of layout under
connecteur/ui touches the imports below and little else.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
METAINFO = REPO / "packaging" / "linux" / "fr.cnfpt.Connecteur.metainfo.xml"
SIZE = (1200, 780)
DRAWN = ("session", "search", "folder", "handout")  # what shoot() knows how to draw
SESSION, QUERY = "2020-05-20/s1", "télétravail"
FOLDER = "Manager en crise — session de mars"
ITEMS = ("2020-05-20/s1/lead/03", "2020-05-20/s1/lead/04", "2020-07-03/s2/lead/11",
         "2020-05-20/s1/resource/02")
NOTES = {"2020-05-20/s1/lead/03": "Question d'ouverture : qui se souvient de la crise "
                                  "précédente ?",
         "2020-05-20/s1/lead/04": "À relier au cas Mulhouse."}


def metainfo_names() -> list[str]:
    images = ET.parse(METAINFO).getroot().findall("screenshots/screenshot/image")
    return [Path(image.text.strip()).stem for image in images]


def prepare_user_data() -> None:
    """The course folder, stars and notes of the pictures, in CONNECTEUR_HOME."""
    from connecteur.store import CorpusStore, UserStore

    with UserStore.open(CorpusStore.open(), backup=False) as user:
        folder = user.folders.create(FOLDER, title="Manager en temps de crise",
                                     audience="Encadrant·e·s de proximité", date="12/03/2026")
        user.folders.add_items(folder.id, ITEMS)
        for item_id, text in NOTES.items():
            user.notes.add(item_id, text)
            user.stars.star(item_id)


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"screenshots.py : {what} n'est pas venu à temps")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def type_text(widget, text: str) -> None:
    """Typed like a user, one key event per character."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, char))


def handout_page(path: Path, store) -> None:
    """The first page of text (after the cover and the contents) of the folder's
    participant handout."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    from connecteur.handouts import build_handout
    from connecteur.handouts.user_requests import request_for_folder
    from connecteur.store import UserStore

    pdf = path.with_suffix(".pdf")
    with UserStore.open(store, backup=False) as user:
        build_handout(request_for_folder(user, FOLDER, edition="participant"), pdf)
    document = QPdfDocument()
    document.load(str(pdf))
    page = min(2, document.pageCount() - 1)
    points = document.pagePointSize(page)
    scale = SIZE[1] * 1.3 / points.height()
    image = document.render(page, QSize(round(points.width() * scale),
                                        round(points.height() * scale)))
    document.close()
    pdf.unlink()
    if image.isNull() or not image.save(str(path)):
        raise SystemExit(f"screenshots.py : impossible d'écrire {path}")


def shoot(folder: Path) -> list[Path]:
    from PySide6.QtCore import QLocale

    from connecteur.store import CorpusStore
    from connecteur.ui.shell.context import ApplicationContext
    from connecteur.ui.shell.launch import application
    from connecteur.ui.shell.main_window import MainWindow

    application()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    store = CorpusStore.open()
    context = ApplicationContext(store)
    context.languages.apply("fr")
    window = MainWindow(context)
    window.resize(*SIZE)
    window.open_first(SESSION)
    window.show()
    context.search.open_index()
    layer = context.user
    wait_until(lambda: window.layers_installed and context.search.ready and layer.ready,
               "la fenêtre prête")

    def session() -> None:
        window.navigate(SESSION)

    def search() -> None:
        window.search_box.setFocus()
        type_text(window.search_box, QUERY)
        panel = window.search_panel
        wait_until(lambda: panel.results is not None and panel.results.query == QUERY,
                   "la recherche")

    def folder_view() -> None:
        window.search_box.clear()
        window.navigate(ITEMS[0])
        folder_id = layer.user.folders.require(FOLDER).id
        window.show_folder(folder_id)
        window.folders.tree.expandAll()

    scenes = {"session": session, "search": search, "folder": folder_view}
    written = []
    for name in metainfo_names():
        path = folder / f"{name}.png"
        if name == "handout":
            handout_page(path, store)
        elif name in scenes and name in DRAWN:
            scenes[name]()
            wait_until(lambda: True, "")  # let the window repaint
            if not window.grab().save(str(path)):
                raise SystemExit(f"screenshots.py : impossible d'écrire {path}")
        else:
            raise SystemExit(f"screenshots.py : la fiche AppStream demande « {name}.png », "
                             "que ce script ne sait pas faire")
        written.append(path)
    window.close()
    context.shutdown()
    return written


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else REPO / "build" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="connecteur-screenshots-") as home:
        os.environ["CONNECTEUR_HOME"] = home
        prepare_user_data()
        for path in shoot(folder.resolve()):
            print(f"Capture écrite : {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
