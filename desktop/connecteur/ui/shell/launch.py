"""Opening the window: ``connecteur`` with no subcommand ends up in :func:`run`.

Start-up order is chosen for speed: the library and the first page are shown
first; the search index (Whoosh import, maybe a rebuild) opens in the background
once the window is on screen. ``--exit-when-ready`` waits for both, prints
``ready in N ms`` (from the process start) and exits: tests and benchmarks use it.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections import deque
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox

import connecteur
from connecteur import paths
from connecteur.errors import ConnecteurError
from connecteur.store import CorpusStore
from connecteur.ui.search.controller import FAILED, IndexStatus, SearchRequest
from connecteur.ui.shell import settings as settings_module
from connecteur.ui.shell.context import ApplicationContext
from connecteur.ui.shell.first_paint import FirstPaint
from connecteur.ui.shell.i18n import LanguageManager
from connecteur.ui.shell.main_window import MainWindow
from connecteur.ui.shell.startup import process_age_ms
from connecteur.ui.shell.stop_signals import StopSignals

log = logging.getLogger(__name__)

EXIT_OK, EXIT_ERROR = 0, 1
READY_TIMEOUT_MS = 180_000  # a first index build on a slow machine takes a while
PROBE_QUERY = "crise"


def trace(step: str) -> None:
    """With CONNECTEUR_STARTUP_TRACE=1, print when each start-up step ends (tuning)."""
    if os.environ.get("CONNECTEUR_STARTUP_TRACE"):
        print(f"  {process_age_ms():7.1f} ms  {step}", file=sys.stderr, flush=True)


# Platform-plugin chatter that says nothing about Connecteur (offscreen, Xvfb).
_QT_NOISE = ("does not support propagateSizeHints", "does not support raise()")
# Qt's last messages: when no platform plugin starts, they say why (in English).
_RECENT_QT_MESSAGES: deque[str] = deque(maxlen=20)


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log (the log file), minus known noise; a fatal
    "no platform plugin" becomes one French sentence (see :func:`_no_platform`)."""
    _RECENT_QT_MESSAGES.append(message)
    if kind == QtMsgType.QtFatalMsg and "platform plugin" in message:
        _no_platform()
    if any(noise in message for noise in _QT_NOISE):
        return
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(kind, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def _no_platform() -> None:
    """No platform plugin could start (a display that does not answer, a broken
    Wayland, a bogus QT_QPA_PLATFORM): what the checks before Qt could not see. Qt
    would print English and abort (rc 134); say it in French and exit 1 instead.
    Nothing is open yet (no socket, no database): leaving at once loses nothing."""
    from connecteur.app.display import explain_platform_failure

    sentence = explain_platform_failure(list(_RECENT_QT_MESSAGES))
    print(f"connecteur : {sentence}", file=sys.stderr, flush=True)
    os._exit(EXIT_ERROR)  # from inside Qt's constructor: no unwinding through C++


def application() -> QApplication:
    qInstallMessageHandler(_qt_message)
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName(connecteur.APP_NAME)
    app.setOrganizationName(connecteur.ORGANIZATION)
    app.setApplicationVersion(connecteur.__version__)
    app.setDesktopFileName("fr.cnfpt.Connecteur")  # packaging/linux/*.desktop (Wayland)
    return app  # type: ignore[return-value]


class ReadyProbe(QObject):
    """Ends the event loop once the first page is painted and search has answered."""

    def __init__(self, window: MainWindow, context: ApplicationContext) -> None:
        super().__init__(window)
        self._painted = False
        self._answered = False
        self._search = context.search
        FirstPaint(window.reading.viewport(), self._on_paint)
        self._search.answered.connect(self._on_answer)
        self._search.failed.connect(lambda _request, message: self._fail(message))
        self._search.status_changed.connect(self._on_status)
        self._request = self._search.submit(SearchRequest(PROBE_QUERY, channel="ready-probe"))
        QTimer.singleShot(READY_TIMEOUT_MS, lambda: self._fail(QCoreApplication.translate(
            "ReadyProbe", "La fenêtre n'a pas été prête à temps.")))

    def _on_paint(self) -> None:
        self._painted = True
        trace("first paint")
        self._check()

    def _on_answer(self, request: SearchRequest, _results: object) -> None:
        if request.serial == self._request.serial:
            trace("search answered")
            self._answered = True
            self._check()

    def _on_status(self, status: IndexStatus) -> None:
        if status.state == FAILED:
            self._fail(status.message)

    def _check(self) -> None:
        if self._painted and self._answered:
            print(f"ready in {process_age_ms():.0f} ms", flush=True)
            QCoreApplication.exit(EXIT_OK)

    def _fail(self, message: str) -> None:
        print(f"connecteur : {message}", file=sys.stderr, flush=True)
        QCoreApplication.exit(EXIT_ERROR)


def _report_startup_error(exc: ConnecteurError, quiet: bool) -> int:
    """No library: say why in French (a dialog, or stderr for --exit-when-ready)."""
    if quiet:
        print(f"connecteur : {exc.message}", file=sys.stderr)
        if exc.hint:
            print(exc.hint, file=sys.stderr)
        return EXIT_ERROR
    box = QMessageBox(QMessageBox.Icon.Critical,
                      QCoreApplication.translate("App", "Connecteur ne peut pas démarrer"),
                      exc.message)
    box.setInformativeText(exc.hint)
    box.exec()
    return EXIT_ERROR


def _install_excepthook(window: MainWindow) -> None:
    """An error in a slot is logged and reported in the status bar, not printed."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            window.close()
            return
        try:
            log_file = paths.ensure_dir(paths.logs_dir()) / "connecteur.log"
            with log_file.open("a", encoding="utf-8") as stream:
                stream.write("".join(traceback.format_exception(kind, exc, tb)))
        except OSError:
            pass
        message = str(exc) if isinstance(exc, ConnecteurError) else QCoreApplication.translate(
            "App", "Erreur inattendue ({0}) : l'action n'a pas abouti ; détails dans le "
            "journal.").format(kind.__name__)
        window.status.flash(message)

    sys.excepthook = hook


def _stop_properly(window: MainWindow) -> None:
    """Ctrl+C, SIGTERM or SIGHUP: close as Quitter does (settings saved, writes
    committed), then leave even if another top-level window (a preview) is open."""
    window.close()
    QCoreApplication.quit()


def run(args: argparse.Namespace) -> int:
    trace("imports done")
    quiet = bool(getattr(args, "exit_when_ready", False))
    app = application()
    trace("QApplication")
    instance = stops = None
    if not quiet:  # (--exit-when-ready neither hands over nor listens, nor greets)
        from connecteur.ui.shell import single_instance, welcome_dialog

        instance = single_instance.claim(getattr(args, "url", None))
        if instance is None:
            return EXIT_OK  # a window was already open: it took the link
        stops = StopSignals(app)  # from now on a stop request waits for the window
    user_settings = settings_module.Settings()
    languages = LanguageManager()
    languages.apply(user_settings.get(settings_module.LANGUAGE))
    trace("settings and language")
    try:
        store = CorpusStore.open(getattr(args, "db", None))
    except ConnecteurError as exc:
        if instance is not None:
            instance.close()  # no window will come: later launches must not wait for it
        return _report_startup_error(exc, quiet)
    trace("library loaded")
    context = ApplicationContext(store, settings=user_settings, languages=languages)
    window = MainWindow(context)
    trace("window built")
    window.open_first(getattr(args, "url", None))
    trace("first page rendered")
    window.show()
    trace("window shown")
    # The page first, then Whoosh (import, maybe a rebuild) in the background.
    FirstPaint(window.reading.viewport(), context.search.open_index)
    if quiet:
        ReadyProbe(window, context)
    else:
        _install_excepthook(window)
        stops.requested.connect(lambda _number: _stop_properly(window))
        instance.serve(lambda request: single_instance.present(window, request))
        FirstPaint(window.reading.viewport(), lambda: welcome_dialog.show_if_due(window))
    code = app.exec()
    if instance is not None:
        instance.close()
    if stops is not None:
        stops.uninstall()
    context.shutdown()
    return code
