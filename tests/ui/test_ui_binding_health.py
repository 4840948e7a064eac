"""The Qt binding keeps CPython's reference counts right.

On CPython 3.11, ``None``, ``True`` and ``False`` are ordinary objects with a reference
count: a binding that returns them without owning a reference makes the count drift
down until the interpreter aborts ("Fatal Python error: none_dealloc"), which is how
PySide6 6.12.0 killed the window after a few minutes of use. Each test makes the kinds
of calls the app makes, 1,000 times, and requires the three counts to stay flat.
(With PySide6 6.12.0 installed, the void-setter and emit tests fail.)
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QLineEdit, QStatusBar, QTreeView

ROUNDS = 1_000
TOLERANCE = 20  # caches warming up; a defect drifts by about ROUNDS


def singleton_counts() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def drift(calls: Callable[[], object]) -> tuple[int, int, int]:
    """How far each count moved over ROUNDS calls (after one warm-up call)."""
    calls()
    gc.collect()
    before = singleton_counts()
    for _ in range(ROUNDS):
        calls()
    gc.collect()
    after = singleton_counts()
    return tuple(a - b for a, b in zip(after, before, strict=True))  # type: ignore[return-value]


def assert_flat(calls: Callable[[], object]) -> None:
    moved = drift(calls)
    for name, delta in zip(("None", "True", "False"), moved, strict=True):
        assert abs(delta) <= TOLERANCE, (
            f"the reference count of {name} moved by {delta} over {ROUNDS} calls: the Qt "
            "binding loses references and the app would abort after a while")


class Emitter(QObject):
    plain = Signal()
    text = Signal(str)
    flag = Signal(bool)
    thing = Signal(object)


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen = 0

    @Slot()
    def on_plain(self) -> None:
        self.seen += 1

    @Slot(str)
    def on_text(self, _text: str) -> None:
        self.seen += 1

    @Slot(bool)
    def on_flag(self, _value: bool) -> None:
        self.seen += 1

    def on_thing(self, _value: object) -> None:  # not decorated: a plain method
        self.seen += 1


class Words(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.words = [f"mot {n}" for n in range(20)]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.words)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self.words[index.row()]
        return None


@pytest.fixture
def widgets(qtbot) -> Iterator[dict[str, object]]:
    label, line, bar = QLabel(), QLineEdit(), QStatusBar()
    for widget in (label, line, bar):
        qtbot.addWidget(widget)
    yield {"label": label, "line": line, "bar": bar}


def test_void_setters_keep_none(widgets) -> None:
    label, line, bar = widgets["label"], widgets["line"], widgets["bar"]

    def calls() -> None:
        label.setText("Ajouté aux favoris : 20 mai, session 1, piste 03")
        label.setToolTip("télétravail")
        bar.showMessage("Enregistré", 1000)
        line.setPlaceholderText("Chercher…")
        label.setEnabled(True)
        label.setVisible(False)

    assert_flat(calls)


def test_emit_to_lambdas_and_methods(qapp) -> None:
    emitter, receiver = Emitter(), Receiver()
    counted = []
    emitter.plain.connect(lambda: counted.append(1))
    emitter.plain.connect(receiver.on_plain)
    emitter.text.connect(lambda text: counted.append(text))
    emitter.text.connect(receiver.on_text)
    emitter.flag.connect(receiver.on_flag)
    emitter.thing.connect(receiver.on_thing)

    def calls() -> None:
        emitter.plain.emit()
        emitter.text.emit("crise")
        emitter.flag.emit(True)
        emitter.flag.emit(False)
        emitter.thing.emit(None)
        counted.clear()

    assert_flat(calls)
    assert receiver.seen == 5 * (ROUNDS + 1)


def test_slots_called_by_qt(qtbot) -> None:
    """Qt calling Python: a widget's own signal reaching a Python slot."""
    line, receiver = QLineEdit(), Receiver()
    qtbot.addWidget(line)
    line.textChanged.connect(receiver.on_text)
    line.textChanged.connect(lambda _text: None)
    texts = ("gestion", "crise")

    def calls() -> None:
        for text in texts:
            line.setText(text)

    assert_flat(calls)
    assert receiver.seen >= 2 * ROUNDS


def test_models_data_changed_and_views(qtbot) -> None:
    model, view = Words(), QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(300, 300)
    view.show()
    changes = []
    model.dataChanged.connect(lambda first, last, roles: changes.append(first.row()))
    first, last = model.index(0), model.index(19)

    def calls() -> None:
        model.dataChanged.emit(first, last, [Qt.ItemDataRole.DisplayRole])
        model.data(first)
        model.data(first, Qt.ItemDataRole.ToolTipRole)
        view.setCurrentIndex(model.index(3))
        changes.clear()

    assert_flat(calls)


def test_standard_items(qapp) -> None:
    model = QStandardItemModel()
    item = QStandardItem("piste")
    model.appendRow(item)

    def calls() -> None:
        item.setText("piste 03")
        item.setData("2020-05-20/s1/lead/03", Qt.ItemDataRole.UserRole)
        item.setEditable(False)

    assert_flat(calls)
