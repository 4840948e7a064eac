"""Can a window open here? Answered before any Qt application exists, because Qt's own
answer is an English abort (rc 134) that blames ``libxcb-cursor0`` whatever the cause.

Two checks, both cheap, on Linux only:

* no display at all: neither ``DISPLAY`` nor ``WAYLAND_DISPLAY`` (a remote shell, a
  service, a container) — read from the environment;
* X11 without the libraries of Qt's xcb platform plugin (a minimal system): the plugin
  is loaded with the system's own dynamic loader (``ctypes``, same search rules as Qt),
  which costs nothing worth measuring since Qt loads the same libraries right after.
  Only when that fails is ``ldd`` run, to name every missing library at once.

``QT_QPA_PLATFORM`` naming another platform (``offscreen``, ``minimal``, ``vnc``…) skips
both: whoever set it knows what they want (the tests use ``offscreen``). What these
checks cannot see (a ``DISPLAY`` whose server is gone, a broken Wayland compositor)
still reaches Qt; :func:`explain_platform_failure` turns Qt's messages about it into
the same kind of French sentence for the window's fatal-message handler.

Shared by the command line (``cli/gui.py``, before Qt) and the window
(``ui/shell/launch.py``, Qt's fatal message): no Qt here.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from connecteur import paths

CLI_HINT = "utilisez les commandes en ligne (connecteur --help)"
DESKTOP_HINT = f"lancez Connecteur depuis une session de bureau, ou {CLI_HINT}"
_MISSING_LIBRARY = re.compile(r"(\S+\.so[.\d]*): cannot open shared object file")
_QT_OWN = ("libQt", "libpyside", "libshiboken", "libicu")


def _requested_platform(environ: Mapping[str, str]) -> str:
    """The first platform of QT_QPA_PLATFORM (``xcb;wayland``, ``xcb:option``), or ''."""
    value = environ.get("QT_QPA_PLATFORM", "").split(";")[0]
    return value.split(":")[0].strip().lower()


def _wayland_socket_exists(environ: Mapping[str, str]) -> bool:
    """libwayland's default socket, used when WAYLAND_DISPLAY is unset."""
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    return bool(runtime) and os.path.exists(os.path.join(runtime, "wayland-0"))


def display_problem(environ: Mapping[str, str] | None = None,
                    platform: str | None = None) -> str | None:
    """Why no window can open here (one French sentence), or None when it can."""
    environ = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return None
    requested = _requested_platform(environ)
    if requested not in ("", "xcb", "wayland", "wayland-egl"):
        return None
    x11, wayland = environ.get("DISPLAY", ""), environ.get("WAYLAND_DISPLAY", "")
    wayland_session = environ.get("XDG_SESSION_TYPE", "") == "wayland"
    if requested == "xcb" and not x11:
        return ("aucun affichage graphique (QT_QPA_PLATFORM=xcb demande X11, mais DISPLAY "
                f"n'est pas défini) : {DESKTOP_HINT}.")
    if not requested and not x11 and not wayland and not (
            wayland_session and _wayland_socket_exists(environ)):
        return ("aucun affichage graphique (ni DISPLAY ni WAYLAND_DISPLAY n'est défini) : "
                f"{DESKTOP_HINT}.")
    uses_x11 = requested == "xcb" or (not requested and x11 and not wayland
                                      and not wayland_session)
    if uses_x11 and not environ.get("QT_PLUGIN_PATH") \
            and not environ.get("QT_QPA_PLATFORM_PLUGIN_PATH"):
        return xcb_plugin_problem()
    return None


def xcb_plugin_problem(plugin: Path | None = None) -> str | None:
    """Why Qt's X11 plugin cannot load (a French sentence), or None when it loads or is
    not where PySide6 keeps it (then Qt has the last word)."""
    plugin = plugin or paths.qt_platform_plugin("xcb")
    if plugin is None or not plugin.is_file():
        return None
    import ctypes

    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError as exc:
        return missing_libraries_sentence(_missing_libraries(plugin, str(exc)))
    return None


def _missing_libraries(plugin: Path, loader_error: str) -> list[str]:
    """Every library ``ldd`` cannot find for the plugin; the loader's first one when
    ``ldd`` is not there (it names only the first)."""
    import subprocess

    try:
        listing = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True,
                                 timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        listing = ""
    found = re.findall(r"^\s*(\S+) => not found", listing, flags=re.MULTILINE)
    if not found:
        found = _MISSING_LIBRARY.findall(loader_error) or ["?"]
    return list(dict.fromkeys(found))


def debian_package(library: str) -> str:
    """Debian's name for the package of a shared library (``libxcb-icccm.so.4`` →
    ``libxcb-icccm4``, ``libxkbcommon-x11.so.0`` → ``libxkbcommon-x11-0``)."""
    base, _, version = library.partition(".so")
    version = version.lstrip(".").split(".")[0]
    return f"{base}-{version}" if base[-1:].isdigit() else f"{base}{version}"


def _french_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " et " + words[-1]


def missing_libraries_sentence(libraries: list[str]) -> str:
    names, several = _french_list(libraries), len(libraries) > 1
    if any(name.startswith(_QT_OWN) for name in libraries):
        return (f"la fenêtre ne peut pas s'ouvrir : {names} "
                f"{'manquent' if several else 'manque'} à l'installation de Connecteur ; "
                f"réinstallez-la, ou {CLI_HINT}.")
    what = "les bibliothèques système" if several else "la bibliothèque système"
    packages = " ".join(debian_package(name) for name in libraries)
    return (f"la fenêtre ne peut pas s'ouvrir sous X11 : il manque {what} {names} ; "
            f"installez-{'les' if several else 'la'} (Debian, Ubuntu : sudo apt install "
            f"{packages}), ou {CLI_HINT}.")


def explain_platform_failure(qt_messages: Iterable[str],
                             environ: Mapping[str, str] | None = None) -> str:
    """The French sentence for Qt's fatal "no Qt platform plugin could be initialized",
    from the messages Qt logged before it (for the window's Qt message handler, which
    prints it and exits instead of letting Qt abort)."""
    environ = os.environ if environ is None else environ
    text = "\n".join(qt_messages)
    if "could not connect to display" in text:
        return (f"l'affichage X11 « {environ.get('DISPLAY', '')} » ne répond pas (session "
                f"fermée, ou DISPLAY d'une autre machine) : lancez Connecteur depuis une "
                f"session de bureau ouverte, ou {CLI_HINT}.")
    problem = display_problem(environ)
    platforms = environ.get("QT_QPA_PLATFORM", "") or "xcb"
    if problem is None and "xcb" in platforms:
        problem = xcb_plugin_problem()
    if problem:
        return problem
    platform = _requested_platform(environ) or "xcb"
    return (f"aucune extension d'affichage de Qt n'a pu démarrer (plateforme « {platform} ») : "
            f"relancez avec QT_DEBUG_PLUGINS=1 pour en voir la cause, ou {CLI_HINT}.")
