"""An annotation import in the window: it runs off the UI thread with a progress bar and
Cancel; the window keeps answering meanwhile; Cancel rolls everything back (nothing
half-imported, no bloated write-ahead log); a finished import shows its report."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton
from user_ui_helpers import open_window, user, written

import connecteur.app.exchange
from connecteur import paths
from connecteur.store.user.exporter import FORMAT, VERSION
from connecteur.store.user.items import ItemCatalogue

NOTES = 12_000  # enough for a few seconds of work on these machines
STAMP = "2026-03-12T09:14:03.000000Z"


def export_file(window, target: Path, count: int = NOTES) -> Path:
    """A real export of ``count`` notes spread over the library's items."""
    catalogue = ItemCatalogue(window.store)
    snapshots = [catalogue.snapshot(item) for items in catalogue.by_kind.values()
                 for item in items]
    notes = [{"id": f"{i:032x}", "item_id": s.item_id, "item_kind": s.item_kind,
              "item_reference": s.item_reference, "item_text": s.item_text,
              "orphan": False, "body": f"Note {i} : à relier au cas n° {i % 97}.",
              "created": STAMP, "modified": STAMP}
             for i, s in ((i, snapshots[i % len(snapshots)]) for i in range(count))]
    document = {"format": FORMAT, "version": VERSION, "exported": STAMP,
                "application": "Connecteur (test)", "corpus": {"fingerprint": ""},
                "scope": {"kind": "all"}, "notes": notes, "highlights": [], "stars": [],
                "tags": [], "folders": []}
    target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return target


class Heartbeat:
    """How late a 20 ms timer of the UI thread fires: a frozen window shows here."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._last = time.monotonic()
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self._beat)
        self.timer.start()

    def _beat(self) -> None:
        now = time.monotonic()
        self.worst = max(self.worst, now - self._last)
        self._last = now


def test_cancel_leaves_nothing_and_the_window_answers(qtbot, make_window, tmp_path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The real import, held at its second progress report (a third of the way, say)
    until the test has pressed Cancel, so that Cancel lands in the middle."""
    resume = threading.Event()
    real = connecteur.app.exchange.import_annotations

    def held(user, source, *, origin=None, progress=None, cancelled=None):
        reports = []

        def report(done: int, total: int) -> None:
            progress(done, total)
            reports.append(done)
            if len(reports) == 2:
                resume.wait(30)

        return real(user, source, origin=origin, progress=report, cancelled=cancelled)

    monkeypatch.setattr(connecteur.app.exchange, "import_annotations", held)
    window = open_window(qtbot, make_window)
    source = export_file(window, tmp_path / "grand-export.json")
    exchange, layer = window.exchange, window.context.user
    heartbeat = Heartbeat()
    progress_seen: list[tuple[int, int]] = []
    window.context.operations.progressed.connect(
        lambda _ticket, done, total: progress_seen.append((done, total)))
    ticket = exchange.read_annotations(source)
    assert ticket is not None and exchange.progress_dialog is not None
    qtbot.waitUntil(lambda: any(done > 0 for done, _ in progress_seen), timeout=30_000)
    dialog = exchange.progress_dialog
    assert dialog.maximum() == NOTES and 0 < dialog.value() < NOTES
    # Meanwhile the window reads as usual (its own reader never waits for the import).
    window.navigate("2020-05-20/s1/lead/03")
    assert layer.read(lambda u: len(u.notes.all()), -1) == 0
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # "Annuler"
    resume.set()
    written(qtbot, window)
    heartbeat.timer.stop()
    assert heartbeat.worst < 0.5, f"the window froze for {heartbeat.worst:.2f} s"
    assert exchange.progress_dialog is None
    assert "annulé" in window.status.currentMessage().lower()
    assert user(window).notes.all() == [] and not window.undo.undo.isEnabled()
    wal = paths.user_db_path().with_name("user.db-wal")
    assert not wal.exists() or wal.stat().st_size < 1_000_000  # no bloated log left


def test_a_finished_import_reports_and_is_one_undo_step(qtbot, make_window, tmp_path) -> None:
    window = open_window(qtbot, make_window)
    source = export_file(window, tmp_path / "export.json", count=2_000)
    reports: list[tuple[str, str, str]] = []
    window.exchange.show_report = lambda *report: reports.append(report)
    window.exchange.read_annotations(source)
    written(qtbot, window)
    assert len(user(window).notes.all()) == 2_000
    assert reports and "Ajouté : 2000 note" in reports[0][2]
    assert window.undo.undo.text() == "&Annuler : importer des annotations"
    window.reading.setFocus()
    window.undo.undo.trigger()
    written(qtbot, window)
    assert user(window).notes.all() == []
