"""French first, English available: which language to show, and switching it.

The source strings are French; ``connecteur_en.qm`` (compiled from
``resources/translations/connecteur_en.ts``) translates them to English. Qt's own
catalogue (``qtbase_xx.qm``, found where Qt keeps its translations — in the
stand-alone bundle too) translates the standard buttons and Qt's dialogs (file
chooser, print dialog); ``qt_supplement_xx.qm`` adds the few texts of those dialogs
Qt's catalogue lacks. Switching installs the new translators at once: Qt then sends
every widget a LanguageChange event and each pane re-reads its strings, so no restart
is needed.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from connecteur import paths

SOURCE_LANGUAGE = "fr"
LANGUAGES = ("fr", "en")
CATALOGUE = "connecteur"
QT_CATALOGUE = "qtbase"
QT_SUPPLEMENT = "qt_supplement"  # what qtbase_xx lacks (resources/translations)

log = logging.getLogger(__name__)


def system_language() -> str:
    """English when the system asks for English; French (the corpus' language) otherwise."""
    for name in QLocale.system().uiLanguages():
        code = name.split("-")[0].split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def effective_language(choice: str) -> str:
    """The language to show for a setting value ("" means: follow the system)."""
    return choice if choice in LANGUAGES else system_language()


class LanguageManager(QObject):
    """Installs the translators of the chosen language and tells who cares."""

    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translators: list[QTranslator] = []
        self.language = SOURCE_LANGUAGE

    def apply(self, choice: str) -> str:
        """Switch to ``choice`` ("", "fr" or "en"); return the language now shown."""
        language = effective_language(choice)
        app = QCoreApplication.instance()
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = [t for t in self._load(language) if app.installTranslator(t)]
        changed = language != self.language
        self.language = language
        QLocale.setDefault(QLocale(QLocale.Language.French if language == "fr"
                                   else QLocale.Language.English))
        if changed:
            self.language_changed.emit(language)
        return language

    def release(self) -> None:
        """Take this manager's translators out of the application (the window closes;
        another context must not inherit a language it did not choose)."""
        app = QCoreApplication.instance()
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []

    def _load(self, language: str) -> list[QTranslator]:
        """Qt's catalogue, then its supplement, then ours (the last installed is asked
        first, so the supplement wins over Qt's catalogue where both know a text)."""
        found = []
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(self)
        if qt.load(f"{QT_CATALOGUE}_{language}", qt_dir):
            found.append(qt)
        elif language != "en":  # Qt's own texts are English: nothing is missing then
            log.warning("Traductions de Qt introuvables (%s_%s dans %s) : les dialogues "
                        "standard resteront en anglais.", QT_CATALOGUE, language, qt_dir)
        own_dir = str(paths.translations_dir())
        supplement = QTranslator(self)
        if supplement.load(f"{QT_SUPPLEMENT}_{language}", own_dir):
            found.append(supplement)
        if language != SOURCE_LANGUAGE:
            own = QTranslator(self)
            if own.load(f"{CATALOGUE}_{language}", own_dir):
                found.append(own)
        return found

    @property
    def translators(self) -> list[QTranslator]:
        """The translators installed for the language shown (tests, diagnostics)."""
        return list(self._translators)
