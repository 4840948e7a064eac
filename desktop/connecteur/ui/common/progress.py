"""The progress window of work that runs off the UI thread (an import, a read)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_AFTER_MS = 300  # quick work never shows it


def background_progress(text: str, title: str, name: str,
                        parent: QWidget) -> QProgressDialog:
    """A window-modal progress dialog with "Annuler", busy until told a total, that
    stays open until closed: the work ends by its own signal, not by reaching 100 %."""
    dialog = QProgressDialog(text, QCoreApplication.translate("Progress", "Annuler"),
                             0, 0, parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog
