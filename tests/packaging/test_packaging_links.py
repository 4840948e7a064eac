"""``connecteur://`` links opened by the real ``xdg-open`` and ``gio open`` after
packaging/linux/install.sh, under a temporary HOME.

The installed command is a stub that records its arguments: a link "works" when the
stub received exactly that link. Without XDG_CURRENT_DESKTOP (or with a desktop that
xdg-utils does not know), xdg-open takes its generic path, which reads the launcher's
Exec= line itself; with GNOME it hands over to ``gio open``.

Debian packages: xdg-utils (xdg-open), libglib2.0-bin (gio), desktop-file-utils
(update-desktop-database, which install.sh runs to register the link handler).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
INSTALL = REPO / "packaging" / "linux" / "install.sh"
LINK = "connecteur://2020-05-20/s1/lead/03"
TOOLS = {"xdg-open": "xdg-utils", "gio": "libglib2.0-bin",
         "update-desktop-database": "desktop-file-utils"}
MISSING = [f"{tool} (paquet {package})" for tool, package in TOOLS.items()
           if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(bool(MISSING), reason="absents : " + ", ".join(MISSING))

# Whatever could make xdg-open recognise a desktop, or reach a session bus.
SESSION_HINTS = ("XDG_CURRENT_DESKTOP", "XDG_SESSION_DESKTOP", "DESKTOP_SESSION",
                 "KDE_FULL_SESSION", "GNOME_DESKTOP_SESSION_ID", "MATE_DESKTOP_SESSION_ID",
                 "LXQT_SESSION_CONFIG", "DBUS_SESSION_BUS_ADDRESS", "DISPLAY",
                 "WAYLAND_DISPLAY", "BROWSER")


def _stub(path: Path, record: Path) -> Path:
    """An executable that writes its arguments, one per line, to ``record``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{record}'\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def _session(home: Path, desktop: str | None, path: str = "/usr/bin:/bin") -> dict[str, str]:
    """A minimal graphical session: a display (xdg-open tries link handlers only when
    DISPLAY or WAYLAND_DISPLAY is set; nothing here connects to it), no session bus."""
    env = {k: v for k, v in os.environ.items()
           if k not in SESSION_HINTS and not k.startswith("XDG_")}
    env |= {"HOME": str(home), "PATH": path, "LANG": "C.UTF-8", "DISPLAY": ":0"}
    if desktop:
        env["XDG_CURRENT_DESKTOP"] = desktop
    return env


def _received(record: Path, timeout: float = 10.0) -> list[str]:
    """The stub's arguments (gio launches it without waiting for it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if record.is_file() and record.read_text(encoding="utf-8").endswith("\n"):
            return record.read_text(encoding="utf-8").splitlines()
        time.sleep(0.05)
    return []


class Installed:
    def __init__(self, home: Path, record: Path, path: str) -> None:
        self.home, self.record, self.path = home, record, path

    def open(self, opener: list[str], desktop: str | None) -> list[str]:
        self.record.unlink(missing_ok=True)
        result = subprocess.run([*opener, LINK], capture_output=True, text=True, timeout=30,
                                env=_session(self.home, desktop, self.path), check=False)
        assert result.returncode == 0, (result.returncode, result.stdout, result.stderr)
        return _received(self.record)

    def launcher(self) -> str:
        return (self.home / ".local/share/applications/fr.cnfpt.Connecteur.desktop") \
            .read_text(encoding="utf-8")


def _install(home: Path, *options: str, path: str = "/usr/bin:/bin") -> None:
    result = subprocess.run(["sh", str(INSTALL), *options, str(home / ".local")],
                            capture_output=True, text=True, timeout=60, check=False,
                            env=_session(home, None, path))
    assert result.returncode == 0, result.stderr


@pytest.fixture(params=["bundle", "bundle in a folder with a space", "command on PATH"])
def installed(request: pytest.FixtureRequest, tmp_path: Path) -> Installed:
    """install.sh as a trainer runs it: into ~/.local of a fresh home."""
    home = tmp_path / ("maison de test" if "space" in request.param else "home")
    home.mkdir()
    record = tmp_path / "argv.txt"
    if request.param == "command on PATH":
        bin_dir = tmp_path / "venv" / "bin"
        _stub(bin_dir / "connecteur", record)
        path = f"{bin_dir}:/usr/bin:/bin"
        _install(home, path=path)
        return Installed(home, record, path)
    bundle = tmp_path / "Connecteur"
    _stub(bundle / "Connecteur", record)
    _install(home, "--bundle", str(bundle))
    return Installed(home, record, "/usr/bin:/bin")


def test_the_launcher_quotes_only_what_needs_it(installed: Installed) -> None:
    exec_line = next(line for line in installed.launcher().splitlines()
                     if line.startswith("Exec="))
    command = exec_line.removeprefix("Exec=").removesuffix(" %u")
    if " " in str(installed.home):
        assert command == f'"{installed.home}/.local/bin/connecteur"'
    elif installed.path != "/usr/bin:/bin":
        assert command == "connecteur"
    else:
        assert command == f"{installed.home}/.local/bin/connecteur"


def test_gio_open_reaches_the_command(installed: Installed) -> None:
    assert installed.open(["gio", "open"], desktop=None) == [LINK]


def test_xdg_open_on_gnome_reaches_the_command(installed: Installed) -> None:
    assert installed.open(["xdg-open"], desktop="GNOME") == [LINK]


@pytest.mark.parametrize("desktop", [None, "Sway"])
def test_xdg_open_without_a_known_desktop_reaches_the_command(installed: Installed,
                                                              desktop: str | None) -> None:
    if " " in str(installed.home):
        pytest.skip("xdg-open 1.1.3 (générique) ne lance pas une commande entre guillemets "
                    "et ne lit pas un dossier personnel qui contient une espace "
                    "(install.sh le signale)")
    assert installed.open(["xdg-open"], desktop=desktop) == [LINK]


@pytest.mark.parametrize("folder", ['prix "net"', "l'été $HOME", "a\\b `c` (d);e"])
def test_gio_parses_an_escaped_command_path(tmp_path: Path, folder: str) -> None:
    """--exec with characters the Desktop Entry spec reserves: escaped as it says."""
    home = tmp_path / "home"
    home.mkdir()
    record = tmp_path / "argv.txt"
    command = _stub(tmp_path / folder / "connecteur", record)
    _install(home, "--exec", str(command))
    installed = Installed(home, record, "/usr/bin:/bin")
    assert installed.open(["gio", "open"], desktop=None) == [LINK]
