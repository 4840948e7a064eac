"""Every keyboard shortcut of the window, in one place.

Kept as plain values (standard keys or portable strings) and turned into
``QKeySequence`` only when the actions are made: a QKeySequence built at import
time, before the QApplication exists, crashes Qt.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

Key = QKeySequence.StandardKey
Spec = tuple[Key | str, ...]

QUIT: Spec = (Key.Quit, "Ctrl+Q")
PRINT: Spec = (Key.Print, "Ctrl+P")
COPY: Spec = (Key.Copy,)
COPY_WITH_REFERENCE: Spec = ("Ctrl+Shift+C",)
COPY_LINK: Spec = ("Ctrl+Shift+L",)
FIND: Spec = (Key.Find, "Ctrl+K")
FIND_NEXT: Spec = ("F3", Key.FindNext)  # the search words in the page
FIND_PREVIOUS: Spec = ("Shift+F3", Key.FindPrevious)
ZOOM_IN: Spec = (Key.ZoomIn, "Ctrl+=", "Ctrl++")
ZOOM_OUT: Spec = (Key.ZoomOut, "Ctrl+-")
ZOOM_RESET: Spec = ("Ctrl+0",)
BACK: Spec = ("Alt+Left", Key.Back)
FORWARD: Spec = ("Alt+Right", Key.Forward)
HOME: Spec = ("Alt+Home",)
PREVIOUS_SESSION: Spec = ("Ctrl+PgUp",)
NEXT_SESSION: Spec = ("Ctrl+PgDown",)
SPEAKERS: Spec = ("Ctrl+Shift+I",)
BIBLIOGRAPHY: Spec = ("Ctrl+Shift+B",)
SIDE_PANEL: Spec = ("F9",)
TREE: Spec = ("Ctrl+1",)
READING: Spec = ("Ctrl+2",)
HELP: Spec = ("F1",)
# The trainer's layer (notes, stars, folders).
UNDO: Spec = (Key.Undo, "Ctrl+Z")
REDO: Spec = (Key.Redo, "Ctrl+Shift+Z", "Ctrl+Y")
TOGGLE_STAR: Spec = ("Ctrl+D",)
ADD_NOTE: Spec = ("Ctrl+Alt+N",)
NEW_FOLDER: Spec = ("Ctrl+Shift+N",)
NOTES_PANEL: Spec = ("Ctrl+3",)
FAVORITES_PANEL: Spec = ("Ctrl+4",)
FOLDERS_PANEL: Spec = ("Ctrl+5",)
TAGS_PANEL: Spec = ("Ctrl+6",)
RELATED_PANEL: Spec = ("Ctrl+7",)


def sequences(spec: Spec) -> list[QKeySequence]:
    """The key sequences of a spec, without empty or repeated ones (a platform's
    standard key may be missing, or equal to the extra one we add)."""
    found: list[QKeySequence] = []
    for entry in spec:
        candidates = (QKeySequence.keyBindings(entry) if isinstance(entry, Key)
                      else [QKeySequence(entry)])
        for sequence in candidates:
            if not sequence.isEmpty() and sequence not in found:
                found.append(sequence)
    return found
