"""Highlighting from the reading pane: select words of one item, right-click,
"Surligner ▸ Jaune / Vert / …" or "Surligner avec une note…"; right-click on a
highlight to change its colour, write its note or remove it.

The selection is mapped to offsets in the item's ``.text`` by the pane's text map,
so what is stored is exactly the words the reader saw selected.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtWidgets import QMenu, QWidget

from connecteur.app.text_map import ItemSpan
from connecteur.store import Highlight
from connecteur.ui.annotations.note_editor import Answer, NoteDialog
from connecteur.ui.annotations.user_layer import UserLayer
from connecteur.ui.reading import highlight_colours
from connecteur.ui.reading.reading_pane import ReadingPane


class HighlightActions(QObject):
    highlighted = Signal(object)  # the new Highlight
    show_requested = Signal(str, str)  # item ID, highlight ID: show it in the notes panel

    def __init__(self, layer: UserLayer, reading: ReadingPane,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._layer = layer
        self._reading = reading
        reading.menu_extensions.append(self.extend_menu)

    # --- operations ------------------------------------------------------------------

    def highlight(self, colour: str, note: str = "", span: ItemSpan | None = None) -> bool:
        """Highlight the selection (or ``span``) in ``colour``, in the background;
        ``highlighted`` says when it is saved. False when there is nothing to do."""
        span = span or self._reading.selected_span()
        if span is None:
            self._layer.message.emit(self.tr(
                "Sélectionnez d'abord des mots d'un seul élément (une piste, un terrain…)."))
            return False
        said = self.tr("Surligné en {0} : enregistré.").format(
            highlight_colours.name(colour).lower())

        def saved(found: Highlight) -> None:
            self._layer.message.emit(said)
            self.highlighted.emit(found)

        self._layer.write(lambda u: u.highlights.add(
            span.item_id, span.start, span.end, colour, note, origin=self), done=saved)
        return True

    def highlight_with_note(self, colour: str = "yellow",
                            parent: QWidget | None = None) -> NoteDialog | None:
        """Ask for the note, then highlight (nothing is saved if the dialog is cancelled)."""
        span = self._reading.selected_span()
        if span is None:
            self.highlight(colour)  # says why nothing happens
            return None
        text = self._reading.textCursor().selectedText().replace("\u2029", " ")

        def save(note: str, answer: Answer) -> None:
            self._layer.write(lambda u: u.highlights.add(
                span.item_id, span.start, span.end, colour, note, origin=self),
                done=lambda _r: answer(None), failed=answer)

        dialog = NoteDialog(self.tr("Surligner avec une note"), f"« {text.strip()} »", "",
                            save, parent or self._reading)
        dialog.open()
        return dialog

    def highlights_at(self, point: QPoint) -> list[Highlight]:
        """The highlights under a viewport point (several may overlap)."""
        found = self._reading.text_map.at(self._reading.cursorForPosition(point).position())
        if found is None or not self._layer.ready:
            return []
        item_id, offset = found
        return [h for h in self._layer.read(lambda u: u.highlights.for_item(item_id), [])
                if h.start <= offset < h.end]

    # --- the context menu --------------------------------------------------------------

    def extend_menu(self, menu: QMenu, point: QPoint) -> None:
        if not self._layer.ready:
            return
        span = self._reading.selected_span()
        if self._reading.textCursor().hasSelection():
            menu.addSeparator()
            sub = menu.addMenu(self.tr("&Surligner"))
            sub.setObjectName("highlight-menu")
            sub.setEnabled(span is not None and self._layer.writable)
            if span is None:
                sub.setTitle(self.tr("Surligner (sélectionnez dans un seul élément)"))
            for key in highlight_colours.KEYS:
                action = sub.addAction(highlight_colours.swatch(key, self._reading.palette()),
                                       highlight_colours.name(key))
                action.setObjectName(f"highlight-{key}")
                action.triggered.connect(lambda _c=False, k=key, s=span: self.highlight(k, "", s))
            sub.addSeparator()
            with_note = sub.addAction(self.tr("Surligner avec une &note…"))
            with_note.setObjectName("highlight-with-note")
            with_note.triggered.connect(lambda: self.highlight_with_note())
        for found in self.highlights_at(point)[:3]:
            self._existing_entries(menu, found)

    def _existing_entries(self, menu: QMenu, found: Highlight) -> None:
        menu.addSeparator()
        quote = found.quote if len(found.quote) <= 40 else found.quote[:39] + "…"
        sub = menu.addMenu(self.tr("Surlignage « {0} »").format(quote))
        sub.setObjectName("existing-highlight-menu")
        show = sub.addAction(self.tr("Afficher dans le panneau des notes"))
        show.triggered.connect(lambda: self.show_requested.emit(found.item_id, found.id))
        colours = sub.addMenu(self.tr("Couleur"))
        colours.setEnabled(self._layer.writable)
        for key in highlight_colours.KEYS:
            action = colours.addAction(highlight_colours.swatch(key, self._reading.palette()),
                                       highlight_colours.name(key))
            action.setCheckable(True)
            action.setChecked(key == found.colour)
            action.triggered.connect(lambda _c=False, k=key: self._layer.write(
                lambda u: u.highlights.set_colour(found.id, k, origin=self)))
        remove = sub.addAction(self.tr("Retirer le surlignage"))
        remove.setObjectName("remove-highlight")
        remove.setEnabled(self._layer.writable)
        remove.triggered.connect(lambda: self._layer.write(
            lambda u: u.highlights.delete(found.id, origin=self)))
