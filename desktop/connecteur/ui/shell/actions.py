"""Every command of the window (QActions) and its menus: Fichier, Édition,
Affichage, Aller, Aide — in one place. Wiring each action to what it does is the
window's job; this module only names the actions, gives them their shortcuts and
texts, and places them in the menus. Within the menu bar, and within each menu, no
two entries share a mnemonic letter (É counts as E): Alt+letter always opens what it
says (tests/ui/test_ui_polish.py checks it)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QIcon
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle

from connecteur.ui.shell import hotkeys


def _action(parent: QObject, name: str, shortcuts: tuple = (), checkable: bool = False,
            icon: QIcon | None = None) -> QAction:
    action = QAction(parent)
    action.setObjectName(name)
    action.setShortcuts(hotkeys.sequences(shortcuts))
    action.setCheckable(checkable)
    if icon is not None:
        action.setIcon(icon)
    return action


def set_text(action: QAction, text: str) -> None:
    """Text and tooltip (with the shortcut) of an action."""
    action.setText(text)
    shortcut = action.shortcut().toString(action.shortcut().SequenceFormat.NativeText)
    plain = text.replace("&", "")
    action.setToolTip(f"{plain} ({shortcut})" if shortcut else plain)


class Actions(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        icon = window.style().standardIcon
        pix = QStyle.StandardPixmap
        self.quit = _action(self, "quit", hotkeys.QUIT)
        self.print_handout = _action(self, "print-handout", hotkeys.PRINT,
                                     icon=QIcon.fromTheme("document-print"))
        self.import_document = _action(self, "import-document")
        self.imported_documents = _action(self, "imported-documents")
        self.copy = _action(self, "copy", hotkeys.COPY)
        self.copy_reference = _action(self, "copy-reference", hotkeys.COPY_WITH_REFERENCE)
        self.copy_link = _action(self, "copy-link", hotkeys.COPY_LINK)
        self.find = _action(self, "find", hotkeys.FIND)
        self.find_next = _action(self, "find-next", hotkeys.FIND_NEXT)
        self.find_previous = _action(self, "find-previous", hotkeys.FIND_PREVIOUS)
        self.zoom_in = _action(self, "zoom-in", hotkeys.ZOOM_IN)
        self.zoom_out = _action(self, "zoom-out", hotkeys.ZOOM_OUT)
        self.zoom_reset = _action(self, "zoom-reset", hotkeys.ZOOM_RESET)
        self.side_panel = _action(self, "side-panel", hotkeys.SIDE_PANEL, checkable=True)
        self.back = _action(self, "back", hotkeys.BACK, icon=icon(pix.SP_ArrowBack))
        self.forward = _action(self, "forward", hotkeys.FORWARD, icon=icon(pix.SP_ArrowForward))
        self.home = _action(self, "home", hotkeys.HOME)
        self.previous_session = _action(self, "previous-session", hotkeys.PREVIOUS_SESSION)
        self.next_session = _action(self, "next-session", hotkeys.NEXT_SESSION)
        self.speakers = _action(self, "speakers", hotkeys.SPEAKERS)
        self.bibliography = _action(self, "bibliography", hotkeys.BIBLIOGRAPHY)
        self.focus_tree = _action(self, "focus-tree", hotkeys.TREE)
        self.focus_reading = _action(self, "focus-reading", hotkeys.READING)
        self.welcome = _action(self, "welcome")
        self.about = _action(self, "about", hotkeys.HELP)
        # The trainer's layer: undo, stars, notes, folders, orphans.
        self.undo = _action(self, "undo", hotkeys.UNDO)
        self.redo = _action(self, "redo", hotkeys.REDO)
        self.star = _action(self, "toggle-star", hotkeys.TOGGLE_STAR, checkable=True)
        self.add_note = _action(self, "add-note", hotkeys.ADD_NOTE)
        self.new_folder = _action(self, "new-folder", hotkeys.NEW_FOLDER)
        self.show_orphans = _action(self, "orphans")
        self.reset_annotations = _action(self, "reset-annotations")
        self.go_notes = _action(self, "go-notes", hotkeys.NOTES_PANEL)
        self.go_favorites = _action(self, "go-favorites", hotkeys.FAVORITES_PANEL)
        self.go_folders = _action(self, "go-folders", hotkeys.FOLDERS_PANEL)
        self.go_tags = _action(self, "go-tags", hotkeys.TAGS_PANEL)
        self.go_related = _action(self, "go-related", hotkeys.RELATED_PANEL)
        self.languages = QActionGroup(self)
        self.language_system = _action(self, "language-system", checkable=True)
        self.language_fr = _action(self, "language-fr", checkable=True)
        self.language_en = _action(self, "language-en", checkable=True)
        for action, value in ((self.language_system, ""), (self.language_fr, "fr"),
                              (self.language_en, "en")):
            action.setData(value)
            self.languages.addAction(action)
        self.menus = self._menus(window)
        for action in (self.undo, self.redo, self.star, self.add_note, self.new_folder,
                       self.go_notes, self.go_favorites, self.go_folders, self.go_tags,
                       self.go_related, self.find_next, self.find_previous):
            window.addAction(action)  # shortcuts work even with the menu bar hidden
        self.retranslate()

    def _menus(self, window: QMainWindow) -> dict[str, QMenu]:
        bar = window.menuBar()
        menus = {name: bar.addMenu("") for name in ("file", "edit", "view", "go", "help")}
        for name, menu in menus.items():
            menu.setObjectName(f"menu-{name}")
        file_menu = menus["file"]
        file_menu.addAction(self.print_handout)
        file_menu.addSeparator()
        file_menu.addActions([self.import_document, self.imported_documents])
        file_menu.addSeparator()
        for name in ("annotations", "resources"):  # filled when they open
            menus[name] = file_menu.addMenu("")
            menus[name].setObjectName(f"menu-{name}")
        file_menu.addAction(self.reset_annotations)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit = menus["edit"]
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.copy, self.copy_reference, self.copy_link])
        edit.addSeparator()
        edit.addActions([self.find, self.find_next, self.find_previous])
        edit.addSeparator()
        edit.addActions([self.star, self.add_note])
        menus["add-to-folder"] = edit.addMenu("")  # filled by the item commands
        menus["add-to-folder"].setObjectName("menu-add-to-folder")
        edit.addAction(self.new_folder)
        view = menus["view"]
        view.addActions([self.zoom_in, self.zoom_out, self.zoom_reset])
        view.addSeparator()
        view.addAction(self.side_panel)
        menus["language"] = view.addMenu("")
        menus["language"].setObjectName("menu-language")
        menus["language"].addActions(self.languages.actions())
        view.addSeparator()
        view.addAction(self.show_orphans)
        go = menus["go"]
        go.addActions([self.back, self.forward])
        go.addSeparator()
        go.addActions([self.home, self.previous_session, self.next_session])
        go.addSeparator()
        go.addActions([self.speakers, self.bibliography])
        go.addSeparator()
        go.addActions([self.focus_tree, self.focus_reading])
        go.addActions([self.go_notes, self.go_favorites, self.go_folders, self.go_tags,
                       self.go_related])
        menus["help"].addActions([self.welcome, self.about])
        return menus

    def retranslate(self) -> None:
        titles = {"file": self.tr("&Fichier"), "edit": self.tr("É&dition"),
                  "view": self.tr("&Affichage"), "go": self.tr("A&ller"),
                  "help": self.tr("A&ide"), "language": self.tr("&Langue"),
                  "annotations": self.tr("&Annotations"),
                  "add-to-folder": self.tr("Ajouter au do&ssier"),
                  "resources": self.tr("&Ressources (Zotero)")}
        for name, title in titles.items():
            self.menus[name].setTitle(title)
        texts = {
            self.quit: self.tr("&Quitter"),
            self.print_handout: self.tr("&Imprimer / Exporter en PDF…"),
            self.import_document: self.tr("Importer un &document…"),
            self.imported_documents: self.tr("Documents i&mportés…"),
            self.copy: self.tr("&Copier"),
            self.copy_reference: self.tr("Copier a&vec la référence"),
            self.copy_link: self.tr("Copier le &lien connecteur://"),
            self.find: self.tr("C&hercher…"),
            self.find_next: self.tr("&Occurrence suivante dans la page"),
            self.find_previous: self.tr("Occurrence &précédente dans la page"),
            self.zoom_in: self.tr("Zoom &avant"),
            self.zoom_out: self.tr("Zoom a&rrière"),
            self.zoom_reset: self.tr("&Taille normale"),
            self.side_panel: self.tr("&Panneau latéral"),
            self.back: self.tr("&Précédent"),
            self.forward: self.tr("&Suivant"),
            self.home: self.tr("P&résentation du Connecteur Recherche"),
            self.previous_session: self.tr("Session pré&cédente"),
            self.next_session: self.tr("Session sui&vante"),
            self.speakers: self.tr("&Index des intervenant·e·s"),
            self.bibliography: self.tr("&Bibliographie"),
            self.focus_tree: self.tr("Aller au s&ommaire"),
            self.focus_reading: self.tr("Aller au &texte"),
            self.welcome: self.tr("&Bienvenue…"),
            self.about: self.tr("À &propos de Connecteur"),
            self.language_system: self.tr("Celle du &système"),
            self.language_fr: "&Français",  # each language is named in itself
            self.language_en: "&English",
            self.add_note: self.tr("Ajouter une &note…"),
            self.new_folder: self.tr("Nouveau &dossier de formation…"),
            self.show_orphans: self.tr("Annotations &orphelines…"),
            self.reset_annotations: self.tr("Réinitiali&ser les annotations…"),
            self.go_notes: self.tr("Aller aux &notes"),
            self.go_favorites: self.tr("Aller aux &favoris"),
            self.go_folders: self.tr("Aller aux &dossiers"),
            self.go_tags: self.tr("Aller aux étiq&uettes"),
            self.go_related: self.tr("Aller à « Voir &aussi »"),
        }
        for action, text in texts.items():
            set_text(action, text)
        self.copy_reference.setStatusTip(self.tr(
            "Copie l'élément marqué (ou le texte sélectionné) suivi de sa référence."))
        self.print_handout.setStatusTip(self.tr(
            "Prépare un support PDF (session, sessions, dossier, résultats ou favoris) "
            "à prévisualiser, imprimer ou enregistrer."))
        self.import_document.setStatusTip(self.tr(
            "Ajoute à la bibliothèque une synthèse du Connecteur Recherche (PDF ou texte), "
            "après un aperçu de ce qu'elle contient."))
        self.imported_documents.setStatusTip(self.tr(
            "Liste les documents ajoutés à la bibliothèque ; permet d'en retirer un."))
        self.reset_annotations.setStatusTip(self.tr(
            "Supprime toutes vos notes, surlignages, favoris, étiquettes et dossiers, "
            "après en avoir fait une sauvegarde."))
        self.side_panel.setStatusTip(self.tr(
            "Affiche le panneau des notes, favoris et dossiers (quand il y en a)."))
