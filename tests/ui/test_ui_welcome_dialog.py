"""The first-run welcome: shown once on an empty home, reachable from Aide › Bienvenue,
true to the library and to the window's shortcuts. (The real first start, in a
process of its own, is checked in test_ui_instance_handoff.py.)"""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import save_artifact

from connecteur import paths
from connecteur.store import CorpusStore
from connecteur.ui.shell import settings, welcome_dialog
from connecteur.ui.shell.welcome_dialog import WelcomeDialog, key_in_window


def _plain(dialog: WelcomeDialog) -> str:
    return dialog.text.toPlainText().replace("\u2028", " ")


def test_shown_once_on_a_fresh_home_then_not_again(qtbot, make_window) -> None:
    window = make_window()
    # A fresh home: the window has written its settings, the welcome is still due.
    assert settings.Settings(paths.settings_path()).get(settings.WELCOME_AT_START) is True
    dialog = welcome_dialog.show_if_due(window)
    assert dialog is not None and window.welcome_dialog is dialog
    qtbot.waitExposed(dialog)
    assert dialog.isVisible() and dialog.windowTitle() == "Bienvenue dans Connecteur"
    assert dialog.dont_show.isChecked() and dialog.dont_show.text() == (
        "Ne plus afficher au démarrage")
    # Already on disk, so a crash before the dialog is closed does not show it again.
    assert settings.Settings(paths.settings_path()).get(settings.WELCOME_AT_START) is False
    save_artifact(dialog, "30-welcome")
    assert dialog.start.text() == "&Commencer" and dialog.start.isDefault()
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.welcome_dialog = None
    assert welcome_dialog.show_if_due(window) is None
    assert window.welcome_dialog is None


def test_unticking_shows_it_at_every_start(qtbot, make_window) -> None:
    window = make_window()
    dialog = welcome_dialog.show_if_due(window)
    dialog.dont_show.setChecked(False)
    assert settings.Settings(paths.settings_path()).get(settings.WELCOME_AT_START) is True
    dialog.close()
    again = welcome_dialog.show_if_due(window)
    assert again is not None and again is not dialog and again.dont_show.isChecked()
    again.close()


def test_it_tells_what_the_library_is_from_the_library(make_window,
                                                       corpus_store: CorpusStore) -> None:
    window = make_window()
    window.show_welcome()
    text = _plain(window.welcome_dialog)
    sessions = corpus_store.sessions
    assert (len(corpus_store.events), len(sessions)) == (2, 7)
    assert sum(len(s.leads) for s in sessions) == 125
    assert ("2 journées d'échanges (20 mai 2020 et 3 juillet 2020), 7 sessions, "
            "125 pistes de réflexion, 39 terrains, 85 ressources et 43 intervenant·e·s"
            ) in text
    for name in ("CNFPT", "Fing", "Riposte créative territoriale"):
        assert name in text
    for gesture in ("teletravail", '"gestion de crise"', "type:piste", "Annoter",
                    "Surligner", "dossiers de cours", "PDF", "n'utilise jamais le réseau",
                    "Aide › Bienvenue"):
        assert gesture in text, gesture
    window.welcome_dialog.close()


def test_every_key_it_names_is_a_key_of_the_window(make_window) -> None:
    window = make_window()
    window.show_welcome()
    text = _plain(window.welcome_dialog)
    assert key_in_window(window, "Ctrl+K") == "Ctrl+K" and "Ctrl+K" in text
    assert key_in_window(window, "Ctrl+P") == "Ctrl+P" and "Ctrl+P" in text
    assert key_in_window(window, "F9") == "F9" and "F9" in text  # the side panel
    # The star key is named only while an action of the window answers to it.
    assert ("Ctrl+D" in text) == (key_in_window(window, "Ctrl+D") is not None)
    assert key_in_window(window, "Ctrl+Alt+Shift+F12") is None
    window.welcome_dialog.close()


def test_help_menu_reopens_it_and_it_follows_the_language(qtbot, make_window) -> None:
    window = make_window()
    window.context.settings.set(settings.WELCOME_AT_START, True)  # asked for at start
    help_menu = window.actions.menus["help"]
    assert window.actions.welcome in help_menu.actions()
    assert window.actions.welcome.text() == "&Bienvenue…"
    window.actions.welcome.trigger()
    dialog = window.welcome_dialog
    qtbot.waitExposed(dialog)
    assert not dialog.dont_show.isChecked()
    window.actions.language_en.trigger()
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Welcome to Connecteur")
    assert "type:piste" in _plain(dialog) and "offline" in _plain(dialog)
    assert dialog.dont_show.text() == "Do not show at start-up again"
    assert dialog.start.text() == "&Start"
    save_artifact(dialog, "31-welcome-english")
    window.actions.language_fr.trigger()
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Bienvenue dans Connecteur")
    dialog.close()
