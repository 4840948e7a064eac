"""The Python distribution: built from a copy of the checkout with ``python -m build``,
installed into a FRESH virtual environment, and run from a folder that is not the
checkout, with an empty CONNECTEUR_HOME, as a trainer's laptop would.

Installing PySide6 & co. from PyPI would cost minutes and network, so the wheel is
installed with --no-deps and a .pth file makes the dev venv's site-packages
importable. Python does not process .pth files found in a directory that a .pth line
added, so the dev venv's editable `connecteur` cannot leak in: a test checks that the
`connecteur` imported is the fresh venv's own copy.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

import connecteur
from connecteur.corpus.export import library_dict
from connecteur.store import CorpusStore

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
IGNORED_IN_COPY = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "__pycache__", "*.egg-info", ".pytest_cache",
    ".ruff_cache", ".hypothesis", "artifacts", "results", "*.part")
# Source files that are not needed at run time, so not in the wheel.
NOT_RUNTIME = (".ts", ".gitkeep", ".pyc")


@dataclass(frozen=True)
class Built:
    wheel: Path
    sdist: Path


@dataclass(frozen=True)
class Installed:
    python: Path
    script: Path
    site_packages: Path
    workdir: Path
    home: Path

    def env(self, **extra: str) -> dict[str, str]:
        """The user's environment, minus anything pointing Python at the checkout."""
        clean = {k: v for k, v in os.environ.items()
                 if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")}
        return {**clean, "CONNECTEUR_HOME": str(self.home), **extra}

    def run(self, *args: str, env: dict[str, str] | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(self.script), *args], cwd=self.workdir, capture_output=True, text=True,
            env=self.env(**(env or {})), timeout=timeout, check=False)
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode == 0, result.stderr
        return result


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """sdist and wheel (the wheel built FROM the sdist, as pip would), offline."""
    source = tmp_path_factory.mktemp("source") / "connecteur"
    shutil.copytree(REPO, source, ignore=IGNORED_IN_COPY, symlinks=True)
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (wheel,) = out.glob("connecteur-*.whl")
    (sdist,) = out.glob("connecteur-*.tar.gz")
    return Built(wheel, sdist)


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)],
                   check=True, timeout=120)
    python = venv / "bin" / "python"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "--disable-pip-version-check", "--quiet", str(built.wheel)],
        capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    site_packages = Path(subprocess.check_output(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        text=True).strip())
    dev_site = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site_packages / "zz_connecteur_dev_dependencies.pth").write_text(
        "".join(f"{path}\n" for path in sorted(dev_site)), encoding="utf-8")
    workdir = tmp_path_factory.mktemp("elsewhere")
    home = tmp_path_factory.mktemp("empty-home")
    return Installed(python, venv / "bin" / "connecteur", site_packages, workdir, home)


# --- what the archives hold ----------------------------------------------------------

def _runtime_files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and not p.name.endswith(NOT_RUNTIME)}


def test_wheel_holds_code_and_every_runtime_file(built: Built) -> None:
    names = set(zipfile.ZipFile(built.wheel).namelist())
    code = {f"connecteur/{name}" for name in _runtime_files(REPO / "desktop" / "connecteur")}
    data = {f"connecteur/_resources/{name}" for name in _runtime_files(REPO / "resources")}
    data |= {f"connecteur/_db/{name}" for name in ("connecteur.db", "schema.sql")}
    assert code <= names, sorted(code - names)
    assert data <= names, sorted(data - names)
    # The kinds of data the issue lists are really there (not only empty folders).
    for needed in ("connecteur/_db/connecteur.db",
                   "connecteur/_resources/connecteur-recherche-2020.txt",
                   "connecteur/_resources/icons/app/connecteur.svg",
                   "connecteur/_resources/icons/app/connecteur-256.png"):
        assert needed in names
    assert any(n.startswith("connecteur/_resources/fonts/") and n.endswith(".ttf")
               for n in names)
    translations = list((REPO / "resources" / "translations").glob("*.qm"))
    assert {f"connecteur/_resources/translations/{t.name}" for t in translations} <= names
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/", "packaging/"))]


def test_wheel_metadata_and_entry_points(built: Built) -> None:
    archive = zipfile.ZipFile(built.wheel)
    info = f"connecteur-{connecteur.__version__}.dist-info"
    metadata = archive.read(f"{info}/METADATA").decode()
    assert f"Version: {connecteur.__version__}\n" in metadata
    assert "Requires-Dist: PySide6-Essentials" in metadata
    entry_points = archive.read(f"{info}/entry_points.txt").decode()
    assert "[gui_scripts]\nconnecteur = connecteur.cli:main" in entry_points
    assert "connecteur-cli = connecteur.cli:main" in entry_points


def test_sdist_holds_what_builds_the_wheel(built: Built) -> None:
    with tarfile.open(built.sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    expected = {"pyproject.toml", "README.md", "CHANGELOG.md", "MANIFEST.in",
                "docs/formats.md", "docs/contributing.md", "packaging/connecteur.spec",
                "packaging/linux/install.sh",
                "packaging/linux/fr.cnfpt.Connecteur.desktop",
                "packaging/linux/fr.cnfpt.Connecteur.metainfo.xml"}
    expected |= {f"resources/{name}" for name in _runtime_files(REPO / "resources")}
    expected |= {f"db/{name}" for name in ("connecteur.db", "schema.sql")}
    expected |= {f"desktop/connecteur/{name}"
                 for name in _runtime_files(REPO / "desktop" / "connecteur")}
    assert expected <= names, sorted(expected - names)


def test_every_code_package_is_listed_in_pyproject() -> None:
    setuptools = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    root = REPO / "desktop"
    on_disk = {init.parent.relative_to(root).as_posix().replace("/", ".")
               for init in (root / "connecteur").rglob("__init__.py")
               if "__pycache__" not in init.parts}
    assert "connecteur.corpus" in on_disk
    assert on_disk <= listed, f"à ajouter à [tool.setuptools] packages : {sorted(on_disk - listed)}"
    mapped = setuptools["package-dir"]
    for package in listed - on_disk:  # the data packages, mapped from elsewhere
        assert (REPO / mapped[package]).is_dir(), package


# --- the installed copy, run as a trainer would -----------------------------------

def test_installed_connecteur_is_the_fresh_copy(installed: Installed) -> None:
    out = subprocess.run(
        [str(installed.python), "-c",
         "import connecteur, connecteur.paths as p, PySide6;"
         "print(connecteur.__file__); print(p.bundled_db_path()); print(p.checkout_dir())"],
        cwd=installed.workdir, capture_output=True, text=True, check=True,
        env=installed.env()).stdout.splitlines()
    package_file, db_path, checkout = out
    assert Path(package_file).is_relative_to(installed.site_packages), package_file
    assert Path(db_path).is_relative_to(installed.site_packages / "connecteur" / "_db")
    assert checkout == "None"


def test_version(installed: Installed) -> None:
    assert installed.run("--version").stdout.strip() == f"connecteur {connecteur.__version__}"


def test_export_json_equals_the_source_tree(installed: Installed) -> None:
    exported = json.loads(installed.run("export", "--format", "json").stdout)
    assert exported == library_dict(CorpusStore.open().library)
    assert sum(len(s["leads"]) for e in exported["events"] for s in e["sessions"]) == 125


def test_stats(installed: Installed) -> None:
    out = installed.run("stats").stdout
    assert "2 journées, 7 sessions" in out
    total = next(line for line in out.splitlines() if line.startswith("Total"))
    assert total.split()[1:] == ["36", "125", "39", "85", "96", "43"]


def test_cli_script_too(installed: Installed) -> None:
    cli = installed.script.with_name("connecteur-cli")
    result = subprocess.run([str(cli), "--version"], cwd=installed.workdir, capture_output=True,
                            text=True, check=False, env=installed.env())
    assert result.returncode == 0 and result.stdout.strip().endswith(connecteur.__version__)


def test_window_starts_offscreen(installed: Installed) -> None:
    result = installed.run("--exit-when-ready", env={"QT_QPA_PLATFORM": "offscreen"},
                           timeout=120)
    assert "ready in" in result.stdout, result.stdout + result.stderr
