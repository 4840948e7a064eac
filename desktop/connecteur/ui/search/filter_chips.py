"""The active search filters as removable chips, right under the search box.

A type or session filter stays chosen from one search to the next (the trainer
narrows to "Ressources", then types another query); a filter hidden in a combo box
then looks like a search that finds nothing. Each active filter is therefore shown
as a chip — "Ressources ✕" — that stays visible whatever the query (even an empty
box), and one click (or Entrée / Espace on it) removes it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QWidget

from connecteur.ui.common.flow_layout import FlowLayout

CHIP_STYLE = """
QToolButton#filter-chip {
    border: 1px solid palette(highlight);
    border-radius: 10px;
    padding: 1px 8px;
    background: palette(base);
    color: palette(text);
}
QToolButton#filter-chip:hover, QToolButton#filter-chip:focus {
    background: palette(highlight);
    color: palette(highlighted-text);
}
"""


class FilterChips(QWidget):
    removed = Signal(str)  # the filter's field: "kind" or "session"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filter-chips")
        self.setStyleSheet(CHIP_STYLE)
        self._label = QLabel(self, objectName="filter-chips-label")
        self._label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self._layout = FlowLayout(self)  # chips wrap: the pane never widens for them
        self._layout.setContentsMargins(4, 2, 4, 2)
        self._layout.addWidget(self._label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._chips: dict[str, QToolButton] = {}
        self._names: dict[str, str] = {}
        self.setVisible(False)
        self._retranslate()

    @property
    def chips(self) -> dict[str, QToolButton]:
        """The chips shown, by field (tests, keyboard walk)."""
        return dict(self._chips)

    def show_filters(self, filters: list[tuple[str, str]]) -> None:
        """Show one chip per active filter: (field, name as shown)."""
        wanted = dict(filters)
        if wanted == self._names:
            return
        for field in list(self._chips):
            chip = self._chips.pop(field)
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._names = wanted
        for field, name in filters:
            chip = QToolButton(self, objectName="filter-chip")
            chip.setText(f"{name}  ✕")
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            chip.clicked.connect(lambda _checked=False, f=field: self.removed.emit(f))
            self._layout.addWidget(chip)
            self._chips[field] = chip
            self._label.setFixedHeight(chip.sizeHint().height())  # on the chips' line
        self._retranslate()
        self.setVisible(bool(filters))

    def _retranslate(self) -> None:
        self._label.setText(self.tr("Filtres actifs :") if len(self._names) > 1
                            else self.tr("Filtre actif :"))
        for field, chip in self._chips.items():
            name = self._names.get(field, "")
            chip.setToolTip(self.tr("Retirer le filtre « {0} »").format(name))
            chip.setAccessibleName(self.tr("Retirer le filtre « {0} »").format(name))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
