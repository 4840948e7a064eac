"""Linux desktop integration: the launcher (.desktop), the AppStream metainfo and the
install script.

The official validators run when installed (Debian: desktop-file-utils, appstream);
the pure-Python checks of what the issue requires run always, so that a machine
without the validators still fails on a broken file.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
APP_ID = "fr.cnfpt.Connecteur"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
INSTALL = LINUX / "install.sh"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def desktop_entry(path: Path = DESKTOP) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def validate_desktop(path: Path) -> None:
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True,
                            text=True, check=False)
    # Hints are advice (e.g. the two main categories the issue asks for), not errors.
    problems = [line for line in result.stdout.splitlines() if ": hint:" not in line]
    assert result.returncode == 0 and not problems, result.stdout + result.stderr


# --- the launcher ----------------------------------------------------------------

def test_desktop_entry_has_what_the_issue_asks() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "connecteur %u"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Categories"] == "Education;Office;"
    assert entry["MimeType"] == "x-scheme-handler/connecteur;"
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert entry[key].strip(), key
        assert entry[f"{key}[fr]"].strip(), f"{key}[fr]"
    assert entry["GenericName[fr]"] != entry["GenericName"]
    assert entry["Comment[fr]"] != entry["Comment"]
    assert "é" in entry["Comment[fr]"]  # really French, really UTF-8
    for key in ("Keywords", "Keywords[fr]"):
        assert entry[key].endswith(";"), key


def test_launcher_runs_the_command_pip_installs() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    command = desktop_entry()["Exec"].split()[0]
    assert command in project["gui-scripts"]
    assert desktop_entry()["TryExec"] == command


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate absent (paquet desktop-file-utils)")
def test_desktop_file_validate() -> None:
    validate_desktop(DESKTOP)


# --- the AppStream metainfo --------------------------------------------------------

def test_metainfo_has_what_software_centres_need() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    license_ = project["license"]  # a table today; an SPDX string with setuptools >= 77
    spdx = license_["text"] if isinstance(license_, dict) else license_
    assert root.findtext("project_license") == spdx
    assert root.findtext("name") == desktop_entry()["Name"]
    summaries = {s.get(LANG): s.text for s in root.findall("summary")}
    assert summaries[None] == desktop_entry()["Comment"]
    assert summaries["fr"] == desktop_entry()["Comment[fr]"]
    assert root.findtext("developer_name")
    paragraphs = root.findall("description/p")
    assert {p.get(LANG) for p in paragraphs} == {None, "fr"}
    launchable = root.find("launchable")
    assert launchable.get("type") == "desktop-id" and launchable.text == DESKTOP.name
    assert root.findtext("provides/binary") == desktop_entry()["Exec"].split()[0]
    assert [c.text for c in root.findall("categories/category")] == ["Education", "Office"]
    assert root.find("content_rating").get("type") == "oars-1.1"
    assert root.findall("releases/release"), "notes de version"


def test_metainfo_screenshots_have_captions_in_both_languages() -> None:
    screenshots = ET.parse(METAINFO).getroot().findall("screenshots/screenshot")
    assert len(screenshots) >= 3
    assert [s.get("type") for s in screenshots].count("default") == 1
    for shot in screenshots:
        captions = {c.get(LANG): c.text for c in shot.findall("caption")}
        assert set(captions) == {None, "fr"} and all(captions.values())
        image = shot.findtext("image")
        assert image.startswith("https://") and image.endswith(".png")


def test_make_screenshots_draws_the_names_the_metainfo_uses() -> None:
    """packaging/screenshots.py (``make screenshots``) names its files after the
    metainfo's <image> URLs, and knows how to draw each of them."""
    spec = importlib.util.spec_from_file_location("screenshots", REPO / "packaging" /
                                                  "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    names = module.metainfo_names()
    images = [s.findtext("image") for s in
              ET.parse(METAINFO).getroot().findall("screenshots/screenshot")]
    assert [f"{name}.png" for name in names] == [url.rsplit("/", 1)[1] for url in images]
    assert set(names) <= set(module.DRAWN)
    comment = METAINFO.read_text(encoding="utf-8").split("<component", 1)[0]
    assert "make screenshots" in comment and "tests/artifacts" not in comment


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli absent (paquet appstream)")
def test_appstreamcli_validate() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", "--explain", str(METAINFO)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    # Only the pedantic note about the upper-case letter of the reverse-DNS id is allowed.
    issues = [line for line in result.stdout.splitlines() if line[:3] in ("E: ", "W: ", "I: ")]
    assert not issues, result.stdout


# --- install.sh ------------------------------------------------------------------

def _install(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sh", str(INSTALL), *args], capture_output=True, text=True,
                          check=False, env={**os.environ, **env}, timeout=60)


def _installed_files(prefix: Path) -> dict[str, Path]:
    files = {"desktop": prefix / "share/applications" / DESKTOP.name,
             "metainfo": prefix / "share/metainfo" / METAINFO.name,
             "svg": prefix / f"share/icons/hicolor/scalable/apps/{APP_ID}.svg"}
    files |= {f"png{n}": prefix / f"share/icons/hicolor/{n}x{n}/apps/{APP_ID}.png"
              for n in ICON_SIZES}
    return files


def test_install_and_uninstall_under_a_prefix(tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    result = _install(str(prefix))
    assert result.returncode == 0, result.stderr
    files = _installed_files(prefix)
    for name, path in files.items():
        assert path.is_file(), name
    assert files["png48"].read_bytes() == \
        (REPO / "resources/icons/app/connecteur-48.png").read_bytes()
    assert desktop_entry(files["desktop"]) == desktop_entry()
    if shutil.which("desktop-file-validate"):
        validate_desktop(files["desktop"])
    result = _install("--uninstall", str(prefix))
    assert result.returncode == 0, result.stderr
    assert not any(path.exists() for path in files.values())


def _stub_bundle(folder: Path) -> Path:
    """A bundle's layout (the program, _internal/, linux/) around a stub program."""
    (folder / "_internal").mkdir(parents=True)
    program = folder / "Connecteur"
    program.write_text("#!/bin/sh\necho bundle \"$@\"\n", encoding="utf-8")
    program.chmod(0o755)
    shutil.copytree(LINUX, folder / "linux")
    return folder


def test_install_a_bundle_links_the_command_and_the_launcher(tmp_path: Path) -> None:
    bundle = _stub_bundle(tmp_path / "Connecteur")
    prefix = tmp_path / "with space" / "prefix"
    result = _install("--bundle", str(bundle), str(prefix))
    assert result.returncode == 0, result.stderr
    assert "guillemets" in result.stderr  # xdg-open 1.1 cannot run a quoted command
    command = prefix / "bin" / "connecteur"
    assert command.is_symlink()
    ran = subprocess.run([str(command), "--version"], capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == "bundle --version"
    entry = desktop_entry(_installed_files(prefix)["desktop"])
    assert entry["Exec"] == f'"{command}" %u'  # quoted: the prefix holds a space
    assert entry["TryExec"] == str(command)
    if shutil.which("desktop-file-validate"):
        validate_desktop(_installed_files(prefix)["desktop"])
    assert _install("--uninstall", str(prefix)).returncode == 0
    assert not command.exists() and not (prefix / "lib" / "connecteur").exists()


def test_uninstall_from_the_installed_copy_keeps_the_user_folders(tmp_path: Path) -> None:
    """packaging/README: PREFIX/lib/connecteur/linux/install.sh --uninstall PREFIX."""
    prefix = tmp_path / "prefix"
    assert _install("--bundle", str(_stub_bundle(tmp_path / "Connecteur")),
                    str(prefix)).returncode == 0
    installed_copy = prefix / "lib" / "connecteur" / "linux" / "install.sh"
    result = subprocess.run(["sh", str(installed_copy), "--uninstall", str(prefix)],
                            capture_output=True, text=True, timeout=60, check=False,
                            env={**os.environ, "HOME": str(tmp_path / "home"),
                                 "XDG_DATA_HOME": "", "XDG_CACHE_HOME": ""})
    assert result.returncode == 0, result.stderr
    assert not (prefix / "lib" / "connecteur").exists()
    assert not (prefix / "bin" / "connecteur").exists()
    assert not any(path.exists() for path in _installed_files(prefix).values())
    assert f"{tmp_path}/home/.local/share/CNFPT/Connecteur" in result.stdout
    assert f"{tmp_path}/home/.cache/CNFPT/Connecteur" in result.stdout
    assert "conservés" in result.stdout


def test_install_refuses_bad_input_in_french(tmp_path: Path) -> None:
    result = _install()
    assert result.returncode == 2 and "usage" in result.stderr
    result = _install("--exec", "relatif/connecteur", str(tmp_path / "p"))
    assert result.returncode == 1 and "chemin absolu" in result.stderr
    result = _install("--exec", str(tmp_path / "100%" / "connecteur"), str(tmp_path / "p"))
    assert result.returncode == 1 and "non pris en charge" in result.stderr
    result = _install("--bundle", str(tmp_path / "nowhere"), str(tmp_path / "p"))
    assert result.returncode == 1 and "pas d'application autonome" in result.stderr
    assert not (tmp_path / "p" / "share").exists()
