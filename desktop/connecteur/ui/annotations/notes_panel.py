"""The "Notes" side panel: everything the trainer attached to the selected item.

The item (the one clicked in the text, or gone to) is named at the top with its
star and its folders; below, its tags, its notes (rendered with the notes' light
formatting, every character of the trainer's text escaped) and its highlights,
each with its commands as links (so the keyboard reaches them with Tab); at the
bottom, the note editor. The panel refreshes itself from change notifications
that concern its item, whoever made them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QStringListModel, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCursor, QPalette, QTextOption
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from connecteur.store import Change, CorpusStore, Highlight, ItemAnnotations, Note
from connecteur.store.user.markup import note_html
from connecteur.ui.annotations.note_editor import Answer, NoteDialog, NoteEditor
from connecteur.ui.annotations.user_layer import UserLayer, concerns
from connecteur.ui.common.item_summary import excerpt, text_of, title_of, when
from connecteur.ui.common.palette import mix, muted_text, render_style
from connecteur.ui.common.rich_text import colour_html, command_link, h, parse_command
from connecteur.ui.folders import folder_menu
from connecteur.ui.reading import highlight_colours
from connecteur.ui.shell.context import ApplicationContext
from connecteur.ui.shell.links import internal_location, is_internal_link

SAVED_MS = 5000
KINDS = ("note", "highlight", "star", "tag", "folder", "folder_item")
COMMANDS = ("note-edit", "note-delete", "hl-delete", "hl-note", "hl-colour", "hl-show",
            "folder")


class NotesPanel(QWidget):
    location_requested = Signal(str)  # a connecteur:// link in a note
    folder_requested = Signal(str)  # "show this folder" (folder ID)
    highlight_requested = Signal(str, int, int)  # select this span in the text

    def __init__(self, context: ApplicationContext, layer: UserLayer,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._store = context.store
        self._layer = layer
        self.item_id: str | None = None
        self.focused: str | None = None  # the note or highlight ID to show first
        self.annotations: ItemAnnotations | None = None
        self._build()
        self._saved_timer = QTimer(self, singleShot=True, interval=SAVED_MS)
        self._saved_timer.timeout.connect(lambda: self.saved.setText(""))
        layer.changed.connect(self._on_change)
        layer.opened.connect(lambda _user: self.reload())
        layer.open_failed.connect(lambda _message: self.reload())
        self._retranslate()
        self.reload()

    # --- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        self.header = QLabel(self, objectName="notes-header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.star_button = QToolButton(self, objectName="notes-star")
        self.star_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.folder_button = QToolButton(self, objectName="notes-folder")
        self.folder_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.folder_menu = QMenu(self.folder_button)
        self.folder_menu.aboutToShow.connect(self._fill_folder_menu)
        self.folder_button.setMenu(self.folder_menu)
        self.tags = QLabel(self, objectName="notes-tags")
        self.tags.setWordWrap(True)
        self.tags.setTextFormat(Qt.TextFormat.RichText)
        self.tags.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                          | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.tags.linkActivated.connect(self._tag_link)
        self.tag_input = QLineEdit(self, objectName="notes-tag-input")
        self.tag_input.setClearButtonEnabled(True)
        self.tag_input.returnPressed.connect(self.add_tag_from_input)
        self._tag_words = QStringListModel(self)
        completer = QCompleter(self._tag_words, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tag_input.setCompleter(completer)
        self.view = QTextBrowser(self, objectName="notes-view")
        self.view.setOpenLinks(False)
        self.view.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # URLs
        self.view.anchorClicked.connect(self._link)
        self.add_button = QPushButton(self, objectName="notes-add")
        self.add_button.clicked.connect(self.start_new_note)
        self.saved = QLabel(self, objectName="notes-saved")
        self.editor = NoteEditor(self)
        self.editor.hide()
        self.editor.save_requested.connect(self._save_note)
        self.editor.cancelled.connect(self._editor_closed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.star_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addWidget(self.saved, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addLayout(buttons)
        layout.addWidget(self.tags)
        layout.addWidget(self.tag_input)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.editor, 1)

    def set_star_action(self, action: QAction) -> None:
        self.star_button.setDefaultAction(action)

    # --- what the window calls -------------------------------------------------------

    def show_item(self, item_id: str | None, focus: str | None = None) -> None:
        """Show an item's annotations (``focus``: a note or highlight to bring forward).
        A note being written for another item is saved first, never dropped."""
        if item_id != self.item_id and self.editor.modified and self.editor.body().strip():
            self._save_note(self.editor.body())
        if item_id != self.item_id and self.editor.editing:
            self.editor.finish()
            self._editor_closed()
        self.item_id, self.focused = item_id, focus
        self.reload()

    def start_new_note(self) -> None:
        if self.item_id is None or not self._layer.writable:
            return
        self.editor.start(self.item_id, None, "", self.tr("Nouvelle note"))
        self.add_button.setEnabled(False)
        self.view.setMaximumHeight(self.height() // 3)

    def start_edit(self, note_id: str) -> None:
        note = next((n for n in self._notes() if n.id == note_id), None)
        if note is None or self.item_id is None:
            return
        self.editor.start(self.item_id, note.id, note.body, self.tr("Modifier la note"))
        self.add_button.setEnabled(False)
        self.view.setMaximumHeight(self.height() // 3)

    def add_tag_from_input(self) -> None:
        tag, item_id = self.tag_input.text(), self.item_id
        if not tag.strip() or item_id is None:
            return
        def added(_result: object) -> None:
            if self.tag_input.text() == tag:
                self.tag_input.clear()
            self._say_saved()

        self._layer.write(lambda u: u.tags.add(item_id, tag, origin=self), done=added)

    def remove_tag(self, tag: str) -> None:
        item_id = self.item_id
        if item_id is None:
            return
        said = self.tr("Étiquette « {0} » retirée (Ctrl+Z pour annuler).").format(tag)
        self._layer.write(lambda u: u.tags.remove(item_id, tag, origin=self),
                          done=lambda _r: self._layer.message.emit(said))

    def delete_note(self, note_id: str) -> None:
        said = self.tr("Note supprimée (Ctrl+Z pour annuler).")
        self._layer.write(lambda u: u.notes.delete(note_id, origin=self),
                          done=lambda _r: self._layer.message.emit(said))

    def delete_highlight(self, highlight_id: str) -> None:
        said = self.tr("Surlignage retiré (Ctrl+Z pour annuler).")
        self._layer.write(lambda u: u.highlights.delete(highlight_id, origin=self),
                          done=lambda _r: self._layer.message.emit(said))

    def edit_highlight_note(self, highlight_id: str) -> NoteDialog | None:
        found = next((h for h in self._highlights() if h.id == highlight_id), None)
        if found is None:
            return None

        def save(text: str, answer: Answer) -> None:
            self._layer.write(lambda u: u.highlights.set_note(highlight_id, text, origin=self),
                              done=lambda _r: answer(None), failed=answer)

        dialog = NoteDialog(self.tr("Note du surlignage"), f"« {found.quote} »", found.note,
                            save, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- reading ---------------------------------------------------------------------

    def _notes(self) -> tuple[Note, ...]:
        return self.annotations.notes if self.annotations else ()

    def _highlights(self) -> tuple[Highlight, ...]:
        return self.annotations.highlights if self.annotations else ()

    def use_library(self, store: CorpusStore) -> None:
        """Another library (a document imported or removed): titles come from it."""
        self._store = store
        self.reload()

    def reload(self) -> None:
        item_id = self.item_id
        self.annotations = None
        if item_id is not None and self._layer.ready:
            found = self._layer.read(lambda u: u.annotations_for([item_id]), {})
            self.annotations = found.get(item_id)
        self._show()

    def _on_change(self, change: Change) -> None:
        if self.item_id is None or not concerns(change, KINDS):
            return
        if change.kind == "tag" or self.item_id in change.item_ids \
                or change.kind in ("anchoring", "external", "folder"):
            self.reload()

    # --- showing ---------------------------------------------------------------------

    def _show(self) -> None:
        ready = self._layer.ready and self.item_id is not None \
            and self._store.find(self.item_id) is not None
        for widget in (self.add_button, self.tag_input, self.folder_button):
            widget.setEnabled(ready and self._layer.writable and not self.editor.editing)
        self.star_button.setVisible(self.item_id is not None)
        self.header.setText(self._header_html())
        self.tags.setText(self._tags_html())
        self.tags.setVisible(bool(self.annotations and self.annotations.tags))
        self.tag_input.setVisible(ready)
        self._tag_words.setStringList(self._layer.read(
            lambda u: [t.tag for t in u.tags.all()], []))
        self.view.document().setDefaultStyleSheet(self._css())
        scroll = self.view.verticalScrollBar().value()
        self.view.setHtml(self._body_html())
        if self.focused:
            self.view.scrollToAnchor(self.focused)
        else:
            self.view.verticalScrollBar().setValue(scroll)

    def _header_html(self) -> str:
        if self.item_id is None:
            return self.tr("<b>Aucun élément choisi</b>")
        title = title_of(self._store, self.item_id)
        text = excerpt(text_of(self._store, self.item_id))
        return f"<b>{h(title)}</b><br>{h(text)}"

    def _tags_html(self) -> str:
        tags = self.annotations.tags if self.annotations else ()
        remove = self.tr("Retirer l'étiquette « {0} »")
        links_html = " · ".join(f"{h(t)} " + command_link("tag-remove", str(i), "✕",
                                                           remove.format(t))
                                for i, t in enumerate(tags))
        return h(self.tr("Étiquettes : {0}")).format(links_html) if links_html else ""

    def _css(self) -> str:
        palette = self.palette()
        marks = "".join(f".mark-{k} {{ background-color: {bg}; color: {fg}; }}"
                        for k, bg, fg in highlight_colours.marks(palette))
        return (f"a {{ color: {render_style(palette).link}; }}"
                f".meta {{ color: {muted_text(palette).name()}; }}"
                f"h4 {{ margin-top: 10px; margin-bottom: 4px; }} {marks}")

    def _card(self, anchor: str, content_html: str, meta_html: str) -> str:
        """One note or highlight on a card (the one asked for stands out)."""
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        colour = (mix(base, palette.color(QPalette.ColorRole.Highlight), 0.22)
                  if anchor == self.focused else mix(base, palette.color(QPalette.ColorRole.Text),
                                                     0.05))
        return (f'<a name="{h(anchor)}"></a>'
                f'<table bgcolor="{colour_html(colour)}" width="100%" cellpadding="8" '
                f'cellspacing="0"><tr><td>{content_html}<p class="meta">{meta_html}</p></td>'
                "</tr></table><p></p>")

    def _body_html(self) -> str:
        if self.item_id is None:
            return self.tr("<p>Cliquez sur un élément du texte (une piste, un terrain, une "
                           "ressource…) pour voir ses notes et en écrire.</p>")
        if not self._layer.ready:
            return f"<p>{h(self._layer.unavailable_message())}</p>"
        if self._store.find(self.item_id) is None:
            return self.tr("<p>Cet élément n'est pas annotable.</p>")
        heading = self.tr("Notes ({0})").format(len(self._notes()))
        parts = [f"<h4>{h(heading)}</h4>"]
        if not self._notes():
            parts.append(self.tr('<p class="meta">Aucune note sur cet élément : « Ajouter '
                                 "une note » ci-dessous.</p>"))
        for note in self._notes():
            parts.append(self._card(note.id, note_html(note.body), self._note_meta(note)))
        if self._highlights():
            heading = self.tr("Surlignages ({0})").format(len(self._highlights()))
            parts.append(f"<h4>{h(heading)}</h4>")
        for highlight in self._highlights():
            parts.append(self._card(highlight.id, self._highlight_html(highlight),
                                    self._highlight_meta(highlight)))
        parts.append(self._folders_html())
        return "".join(parts)

    def _note_meta(self, note: Note) -> str:
        edited = note.modified != note.created
        date = (self.tr("modifiée le {0}") if edited else self.tr("écrite le {0}")).format(
            when(note.modified if edited else note.created))
        if not self._layer.writable:  # read-only: nothing to offer but the date
            return h(date)
        edit, delete = self.tr("Modifier"), self.tr("Supprimer")
        return " · ".join((h(date), command_link("note-edit", note.id, h(edit)),
                           command_link("note-delete", note.id, h(delete))))

    def _highlight_html(self, highlight: Highlight) -> str:
        quote_html = command_link("hl-show", highlight.id,
                                  f'<span class="mark-{h(highlight.colour)}">'
                                  f"{h(highlight.quote)}</span>", css_class="quote")
        return f"<p>{quote_html}</p>" + (note_html(highlight.note) if highlight.note else "")

    def _highlight_meta(self, highlight: Highlight) -> str:
        note = self.tr("Modifier la note") if highlight.note else self.tr("Ajouter une note")
        change, remove = self.tr("Couleur"), self.tr("Retirer")
        if not self._layer.writable:
            return h(highlight_colours.name(highlight.colour))
        return " · ".join((h(highlight_colours.name(highlight.colour)),
                           command_link("hl-colour", highlight.id, h(change)),
                           command_link("hl-note", highlight.id, h(note)),
                           command_link("hl-delete", highlight.id, h(remove))))

    def _folders_html(self) -> str:
        item_id = self.item_id
        folders = self._layer.read(lambda u: u.folders.folders_of(item_id), []) \
            if item_id else []
        if not folders:
            return ""
        links_html = ", ".join(command_link("folder", f.id, h(f.name)) for f in folders)
        heading = self.tr("Dans les dossiers")
        return f"<h4>{h(heading)}</h4><p>{links_html}</p>"

    # --- commands --------------------------------------------------------------------

    def _link(self, url: QUrl) -> None:
        commands = {"note-edit": self.start_edit, "note-delete": self.delete_note,
                    "hl-delete": self.delete_highlight, "hl-note": self.edit_highlight_note,
                    "hl-colour": self._colour_menu, "hl-show": self._show_highlight,
                    "folder": self.folder_requested.emit}
        found = parse_command(url, COMMANDS)
        if found is not None:
            commands[found[0]](found[1])
        elif is_internal_link(url):
            self.location_requested.emit(internal_location(url))
        else:
            self._context.links.open(url)

    def _tag_link(self, link: str) -> None:
        tags = self.annotations.tags if self.annotations else ()
        found = parse_command(link, ("tag-remove",))
        index = int(found[1]) if found and found[1].isdigit() else -1
        if 0 <= index < len(tags):
            self.remove_tag(tags[index])

    def _show_highlight(self, highlight_id: str) -> None:
        found = next((h for h in self._highlights() if h.id == highlight_id), None)
        if found is not None:
            self.highlight_requested.emit(found.item_id, found.start, found.end)

    def _colour_menu(self, highlight_id: str) -> None:
        menu = QMenu(self)
        for key in highlight_colours.KEYS:
            action = menu.addAction(highlight_colours.swatch(key, self.palette()),
                                    highlight_colours.name(key))
            action.triggered.connect(lambda _c=False, k=key: self._layer.write(
                lambda u: u.highlights.set_colour(highlight_id, k, origin=self)))
        menu.popup(QCursor.pos())

    def _fill_folder_menu(self) -> None:
        item_id = self.item_id
        folder_menu.fill(self.folder_menu, self._layer, lambda: [item_id] if item_id else [],
                         self, self)

    def _save_note(self, body: str) -> None:
        """Save in the background; the editor closes once the note is committed, and
        keeps every character on screen when it is refused."""
        item_id, note_id = self.editor.item_id, self.editor.note_id
        if item_id is None:
            return
        editor_session = self.editor.session

        def saved(note: Note) -> None:
            if self.editor.session == editor_session:
                self.editor.finish()
                self._editor_closed()
            self.focused = note.id if self.item_id == item_id else self.focused
            self.reload()
            self._say_saved()

        def refused(problem: str) -> None:
            if self.editor.session == editor_session:
                self.editor.refused(problem)
            else:
                self._layer.failed.emit(problem)

        if note_id is None:
            self._layer.write(lambda u: u.notes.add(item_id, body, origin=self),
                              done=saved, failed=refused)
        else:
            self._layer.write(lambda u: u.notes.edit(note_id, body, origin=self),
                              done=saved, failed=refused)

    def _editor_closed(self) -> None:
        self.view.setMaximumHeight(16_777_215)
        self.reload()

    def _say_saved(self) -> None:
        self.saved.setText(self.tr("Enregistré"))
        self._saved_timer.start()

    # --- language --------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.folder_button.setText(self.tr("Ajouter au dossier"))
        self.folder_button.setAccessibleName(self.tr("Ajouter l'élément à un dossier"))
        self.tag_input.setPlaceholderText(self.tr("Ajouter une étiquette (Entrée)"))
        self.tag_input.setAccessibleName(self.tr("Nouvelle étiquette"))
        self.tags.setAccessibleName(self.tr("Étiquettes de l'élément"))
        self.view.setAccessibleName(self.tr("Notes et surlignages de l'élément"))
        self.add_button.setText(self.tr("Ajouter une &note"))
        self.header.setAccessibleName(self.tr("Élément choisi"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._show()
        elif event.type() == QEvent.Type.PaletteChange:
            self._show()
