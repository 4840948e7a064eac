"""The window's settings, declared once with their type and default.

Stored in an INI file at ``paths.settings_path()`` (so under ``CONNECTEUR_HOME`` in
tests) through ``QSettings``. Every value read back is converted and checked: a
hand-edited or damaged file gives the default, never an exception at start-up.

The file carries a version; when a release changes what a setting means, it adds an
upgrade step to ``UPGRADES`` and the next start brings older files up to date once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from connecteur import paths

T = TypeVar("T")

ZOOM_MIN, ZOOM_MAX = -4, 12
LANGUAGES = ("", "fr", "en")  # "" follows the system


def _to_bytes(value: Any) -> QByteArray:
    return value if isinstance(value, QByteArray) else QByteArray()


def _to_str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _to_int(value: Any) -> int:
    return int(value)


def _to_bool(value: Any) -> bool:
    """INI files give back "true" / "false" as text."""
    if isinstance(value, bool):
        return value
    if str(value).strip().lower() in ("true", "1", "false", "0"):
        return str(value).strip().lower() in ("true", "1")
    raise ValueError(value)


def _to_int_list(value: Any) -> list[int]:
    items = value if isinstance(value, list) else [value]
    return [max(0, int(v)) for v in items]


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T
    convert: Callable[[Any], T]
    check: Callable[[T], bool] = lambda value: True


GEOMETRY = Setting("window/geometry", QByteArray(), _to_bytes)
WINDOW_STATE = Setting("window/state", QByteArray(), _to_bytes)
SPLITTER_SIZES = Setting("window/splitter", [330, 870, 0], _to_int_list,
                         lambda v: len(v) == 3 and sum(v) > 0)
LAST_LOCATION = Setting("reading/last_location", "", _to_str)
ZOOM = Setting("reading/zoom", 0, _to_int, lambda v: ZOOM_MIN <= v <= ZOOM_MAX)
LANGUAGE = Setting("ui/language", "", _to_str, lambda v: v in LANGUAGES)
# Printing: what the print dialog proposes next time. Neither the contents nor the
# edition are remembered: every print starts on the participant edition, so personal
# notes never leave the laptop by habit.
PRINT_PAPER = Setting("print/paper", "a4", _to_str, lambda v: v in ("a4", "letter"))
PRINT_TRAINER = Setting("print/trainer_name", "", _to_str)
PRINT_AUDIENCE = Setting("print/audience", "", _to_str)
PRINT_WRITING_SPACE = Setting("print/writing_space", True, _to_bool)
PRINT_TWO_SIDED = Setting("print/two_sided", True, _to_bool)  # sessions on a right page
PRINT_SAVE_FOLDER = Setting("print/save_folder", "", _to_str)  # where the last PDF went
# The welcome page at start: True until it has been shown with "Ne plus afficher"
# ticked (its default), so a fresh home shows it once (see welcome_dialog.py).
WELCOME_AT_START = Setting("welcome/show_at_start", True, _to_bool)

ALL = (GEOMETRY, WINDOW_STATE, SPLITTER_SIZES, LAST_LOCATION, ZOOM, LANGUAGE,
       PRINT_PAPER, PRINT_TRAINER, PRINT_AUDIENCE, PRINT_WRITING_SPACE,
       PRINT_TWO_SIDED, PRINT_SAVE_FOLDER, WELCOME_AT_START)
VERSION_KEY = "settings/version"  # ([General] is special to QSettings in INI files)


def _forget_print_edition(stored: QSettings) -> None:
    """Version 2: the print dialog no longer remembers the trainer edition."""
    stored.remove("print/edition")


def _forget_unknown_keys(stored: QSettings) -> None:
    """Version 3: keys that no setting reads any more (earlier versions, hand edits)
    are dropped, so the file says only what the app uses."""
    known = {setting.key for setting in ALL} | {VERSION_KEY}
    for key in stored.allKeys():
        if key not in known:
            stored.remove(key)


# UPGRADES[n] brings a file of version n + 1 to version n + 2.
UPGRADES: tuple[Callable[[QSettings], None], ...] = (_forget_print_edition,
                                                     _forget_unknown_keys)
SETTINGS_VERSION = 1 + len(UPGRADES)


class Settings:
    """Typed access to the settings file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.settings_path()
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        self.upgraded_from = self._upgrade()

    @property
    def version(self) -> int:
        """The file's version: a file without one is new (current) or from 0.1.0, whose
        version key QSettings could not read back (1)."""
        try:
            return int(self._qsettings.value(VERSION_KEY))
        except (TypeError, ValueError):
            return SETTINGS_VERSION if not self._qsettings.allKeys() else 1

    def _upgrade(self) -> int | None:
        """Run the upgrade steps the file has not had; the version it had, if any."""
        found = self.version
        for step in UPGRADES[max(0, found - 1):]:
            step(self._qsettings)
        if found != SETTINGS_VERSION and found < SETTINGS_VERSION:
            self._qsettings.setValue(VERSION_KEY, SETTINGS_VERSION)
            return found
        if self._qsettings.value(VERSION_KEY) is None:
            self._qsettings.setValue(VERSION_KEY, SETTINGS_VERSION)
        return None

    def get(self, setting: Setting[T]) -> T:
        raw = self._qsettings.value(setting.key)
        if raw is None:
            return setting.default
        try:
            value = setting.convert(raw)
        except (TypeError, ValueError):
            return setting.default
        return value if setting.check(value) else setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        self._qsettings.setValue(setting.key, value)

    def sync(self) -> bool:
        """Write to disk now; False when the file could not be written."""
        self._qsettings.sync()
        return self._qsettings.status() == QSettings.Status.NoError
