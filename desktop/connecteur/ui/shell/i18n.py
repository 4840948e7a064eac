"""French first, English available: which language to show, and switching it.

The source strings are French; ``connecteur_en.qm`` (compiled from
``resources/translations/connecteur_en.ts``) translates them to English. Qt's own
catalogue (``qtbase_xx.qm``) translates the standard buttons. Switching installs the
new translators at once: Qt then sends every widget a LanguageChange event and each
pane re-reads its strings, so no restart is needed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from connecteur import paths

SOURCE_LANGUAGE = "fr"
LANGUAGES = ("fr", "en")
CATALOGUE = "connecteur"


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
        found = []
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(self)
        if qt.load(f"qtbase_{language}", qt_dir):
            found.append(qt)
        if language != SOURCE_LANGUAGE:
            own = QTranslator(self)
            if own.load(f"{CATALOGUE}_{language}", str(paths.translations_dir())):
                found.append(own)
        return found
