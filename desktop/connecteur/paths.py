"""Where things live: the one module that builds file paths.

Two families of locations:

* bundled, read-only data (corpus text, database, fonts, icons, translations), found
  next to the installed package (wheel, PyInstaller bundle) or in the source checkout;
* what the app writes (user database, search index, backups, logs, settings), under
  ``CONNECTEUR_HOME`` when it is set, otherwise in the per-user locations that Qt's
  ``QStandardPaths`` would give for organisation "CNFPT" and application "Connecteur".
  They are computed here without Qt so that the CLI and the services never import it.
"""

from __future__ import annotations

import contextlib
import errno
import importlib.util
import os
import stat
import sys
from pathlib import Path

import connecteur

HOME_ENV = "CONNECTEUR_HOME"
CORPUS_FILENAME = "connecteur-recherche-2020.txt"
BUNDLED_DB_FILENAME = "connecteur.db"
SCHEMA_FILENAME = "schema.sql"
_ORG, _APP = connecteur.ORGANIZATION, connecteur.APP_NAME

_PACKAGE_DIR = Path(connecteur.__file__).resolve().parent
_CHECKOUT_DIR = _PACKAGE_DIR.parents[1]


def _bundled(installed: str, checkout: str) -> Path:
    """The installed copy when the package carries one, else the checkout's folder."""
    inside = _PACKAGE_DIR / installed
    return inside if inside.is_dir() else _CHECKOUT_DIR / checkout


# --- bundled, read-only -------------------------------------------------------------

def resources_dir() -> Path:
    return _bundled("_resources", "resources")


def db_dir() -> Path:
    return _bundled("_db", "db")


def corpus_text_path() -> Path:
    return resources_dir() / CORPUS_FILENAME


def bundled_db_path() -> Path:
    return db_dir() / BUNDLED_DB_FILENAME


def schema_sql_path() -> Path:
    return db_dir() / SCHEMA_FILENAME


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def qt_platform_plugin(name: str) -> Path | None:
    """Qt's platform plugin ``name`` (``xcb``, ``wayland``) inside the installed PySide6,
    found without importing Qt (see app/display.py); None when PySide6 is not found."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        package = Path(frozen) / "PySide6"
    else:
        spec = importlib.util.find_spec("PySide6")
        if spec is None or not spec.submodule_search_locations:
            return None
        package = Path(next(iter(spec.submodule_search_locations)))
    return package / "Qt" / "plugins" / "platforms" / f"libq{name}.so"


def checkout_dir() -> Path | None:
    """The source checkout, when running from one (tests, ``make run``)."""
    return _CHECKOUT_DIR if (_CHECKOUT_DIR / "pyproject.toml").is_file() else None


# --- written by the app --------------------------------------------------------------

def home_override() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def _platform_data_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / _ORG / _APP


def _platform_cache_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / _ORG / _APP / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / _ORG / _APP
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / _ORG / _APP


def data_dir() -> Path:
    """User data that must survive: user database, backups, imported documents."""
    home = home_override()
    return home if home else _platform_data_dir()


def cache_dir() -> Path:
    """Data the app can rebuild at any time (the search index)."""
    home = home_override()
    return home / "cache" if home else _platform_cache_dir()


def index_dir() -> Path:
    return cache_dir() / "index"


def user_db_path() -> Path:
    return data_dir() / "user.db"


def imported_library_path() -> Path:
    """The trainer's own library database: the documents they imported (the bundled
    one stays read-only beside the package)."""
    return data_dir() / "library.db"


def backups_dir() -> Path:
    return data_dir() / "backups"


def wal_path(db_path: Path) -> Path:
    """SQLite's write-ahead log of a database."""
    return db_path.with_name(f"{db_path.name}-wal")


def import_marker_path(db_path: Path) -> Path:
    """Beside the user database: locked while an annotation import runs (see
    ``store/user/import_marker.py``)."""
    return db_path.with_name(f"{db_path.name}.import")


def open_marker_path(db_path: Path) -> Path:
    """Beside the user database: share-locked by every process that has it open, so
    that the next one to open it can tell a crash from another open window."""
    return db_path.with_name(f"{db_path.name}.open")


def wal_copies_dir() -> Path:
    """Copies of the user database's write-ahead log found after a crash (evidence
    when it turns out damaged; the last few are kept)."""
    return backups_dir() / "wal"


def logs_dir() -> Path:
    return data_dir() / "logs"


def settings_path() -> Path:
    return data_dir() / "settings.ini"


def ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def prebuilt_index_dir() -> Path:
    """The search index built at packaging time (PyInstaller bundle only; see
    packaging/prebuild_index.py). May not exist: then the index is built on first use."""
    return _PACKAGE_DIR / "_index"


def qr_codes_cache_path() -> Path:
    """The QR codes of the handouts' web addresses, kept between runs (rebuilt when
    missing or unreadable)."""
    return cache_dir() / "qr-codes.json"


def documents_dir() -> Path:
    """Where export and import dialogs start: the user's documents folder (under
    CONNECTEUR_HOME when it is set, so that tests never look at the real one)."""
    home = home_override()
    if home:
        return home
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def export_path(directory: Path, file_name: str) -> Path:
    """A suggested file name in a folder (the save dialogs' default)."""
    return Path(directory) / file_name


INSTANCE_REPORT_ENV = "CONNECTEUR_TEST_REPORT"


def instance_report_path() -> Path | None:
    """Test hook of the single-instance hand-off (see ``ui/single_instance.py``): when
    CONNECTEUR_TEST_REPORT names a file, a running window appends to it one line per
    event (listening, links it was handed, welcome shown or not). Unset: None."""
    value = os.environ.get(INSTANCE_REPORT_ENV, "").strip()
    return Path(value).expanduser() if value else None


# --- the single-instance socket (POSIX) ---------------------------------------------

INSTANCE_DIR_NAME = "fr.cnfpt.Connecteur"


def is_private_dir(path: Path) -> bool:
    """Whether ``path`` is a real folder (not a link) of this user that nobody else may
    enter (no permission for the group or others)."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return (stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
            and not info.st_mode & 0o077)


def instance_dir() -> Path:
    """The folder of the single-instance socket (see ``ui/shell/single_instance.py``):
    one that only this user can enter, so that nobody else can put a socket where the
    window looks for it. Under CONNECTEUR_HOME when it is set (tests); otherwise in
    ``XDG_RUNTIME_DIR`` when that is this user's private folder (as the session
    manager makes it); otherwise in the user's cache folder. Created by
    :func:`ensure_private_dir`, never here."""
    home = home_override()
    if home:
        return home / "run"
    runtime = os.environ.get("XDG_RUNTIME_DIR", "").strip()
    if runtime and os.path.isabs(runtime) and is_private_dir(Path(runtime)):
        return Path(runtime) / INSTANCE_DIR_NAME
    return cache_dir() / "run"


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` for this user alone (mode 0700), or tighten it when it exists
    and is ours; ``PermissionError`` when it belongs to someone else or is not a
    folder (a link, a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        path.mkdir(mode=0o700)
    info = os.lstat(path)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise PermissionError(errno.EPERM, "not a private folder of this user", str(path))
    if info.st_mode & 0o077:
        os.chmod(path, 0o700)
    return path
