"""The stand-alone bundle (PyInstaller, packaging/connecteur.spec), run as on a machine
without Python: from a temporary folder, with a bare environment (no virtualenv, no
PYTHONPATH) and an empty CONNECTEUR_HOME.

The bundle is built here into a temporary folder (about 25 s), unless
CONNECTEUR_BUNDLE names one already built (``make package`` does that). Sizes and
start times are written to tests/artifacts/packaging/bundle.json.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import connecteur
from connecteur.app.display import debian_package
from connecteur.corpus.export import library_dict
from connecteur.store import CorpusStore

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
METRICS = REPO / "tests" / "artifacts" / "packaging" / "bundle.json"
SIZE_BUDGET_MIB = 200  # a trivial PySide6 window bundles to 180 MiB (PyInstaller 6.22)
# Parts of Qt the app does not use, and the GTK stack only the dropped theme plugin needed.
MUST_BE_ABSENT = re.compile(
    r"Qt6(Qml|Quick|WebEngine|3D|Multimedia|VirtualKeyboard|Designer|Charts|Sql|Test)"
    r"|libqgtk3|libcairo|libpango|libqeglfs|libqvnc|qmltooling|translations/qt_help")
MUST_BE_PRESENT = (
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/translations/qtbase_fr.qm",
    "connecteur/_resources/translations/qt_supplement_fr.qm",
    "connecteur/_db/connecteur.db", "connecteur/_resources/connecteur-recherche-2020.txt",
    "connecteur/_resources/icons/app/connecteur-256.png",
)
# Libraries the bundle takes from the system it runs on (packaging/README.md): the C
# library, the graphics drivers' libGL/libEGL and libdrm, and the display protocols'
# client libraries, which every Linux desktop has and which must match its drivers and
# servers. The same list PyInstaller leaves out (PyInstaller/depend/dylib.py).
SYSTEM_LIBRARIES = re.compile(
    r"ld-linux[-\w.]*\.so\.\d+|lib(c|m|dl|pthread|rt|resolv|util|anl|crypt)\.so\.\d+"
    r"|lib(E?GL|GLX|GLdispatch|OpenGL|GLESv1_CM|GLESv2)\.so\.\d+|libdrm\.so\.\d+"
    r"|libxcb\.so\.1|libxcb-dri\d\.so\.\d+|libwayland-(client|cursor|egl|server)\.so\.\d+")
GLIBC_CLAIM = re.compile(r"GLIBC ≥ (\d+)\.(\d+)")
_metrics: dict[str, object] = {}


def _record(**values: object) -> None:
    _metrics.update(values)
    METRICS.parent.mkdir(parents=True, exist_ok=True)
    METRICS.write_text(json.dumps(_metrics, indent=2) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("CONNECTEUR_BUNDLE")
    if given:
        folder = Path(given).resolve()
        assert (folder / "Connecteur").is_file(), f"pas de bundle dans {folder}"
        return folder
    work = tmp_path_factory.mktemp("pyinstaller")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
         str(REPO / "packaging" / "connecteur.spec")],
        capture_output=True, text=True, timeout=600, check=False,
        env={**os.environ, "CONNECTEUR_PREBUILT_INDEX": str(work / "prebuilt-index"),
             # PyInstaller's cache (stripped copies of the libraries), else ~/.cache/pyinstaller
             "PYINSTALLER_CONFIG_DIR": str(work / "pyinstaller-config")})
    assert result.returncode == 0, result.stderr[-5000:]
    _record(build_seconds=round(time.perf_counter() - started, 1))
    return work / "dist" / "Connecteur"


@pytest.fixture
def bare_env(tmp_path: Path) -> dict[str, str]:
    """What a fresh login gives: no virtualenv, no PYTHONPATH, an empty home."""
    (tmp_path / "user").mkdir()
    (tmp_path / "connecteur-home").mkdir()
    return {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "user"), "LANG": "C.UTF-8",
            "CONNECTEUR_HOME": str(tmp_path / "connecteur-home")}


def run(bundle: Path, *args: str, env: dict[str, str], cwd: Path,
        timeout: float = 60) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(bundle / "Connecteur"), *args], cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=timeout, check=False)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    return result


def test_version_and_start_time(bundle: Path, bare_env: dict[str, str], tmp_path: Path) -> None:
    started = time.perf_counter()
    result = run(bundle, "--version", env=bare_env, cwd=tmp_path)
    _record(cli_start_ms=round((time.perf_counter() - started) * 1000))
    assert result.stdout.strip() == f"connecteur {connecteur.__version__}"


def test_export_json_equals_the_source_tree(bundle: Path, bare_env: dict[str, str],
                                            tmp_path: Path) -> None:
    exported = json.loads(run(bundle, "export", "--format", "json", env=bare_env,
                              cwd=tmp_path).stdout)
    assert exported == library_dict(CorpusStore.open().library)


def test_stats(bundle: Path, bare_env: dict[str, str], tmp_path: Path) -> None:
    out = run(bundle, "stats", env=bare_env, cwd=tmp_path).stdout
    total = next(line for line in out.splitlines() if line.startswith("Total"))
    assert total.split()[1:] == ["36", "125", "39", "85", "96", "43"]


def test_search_gives_what_the_source_tree_gives(bundle: Path, bare_env: dict[str, str],
                                                  tmp_path: Path) -> None:
    """Whoosh picks modules by name: a frozen app missing one fails only here."""
    query = ("--json", "--limit", "50", "teletravail")
    frozen = json.loads(run(bundle, "search", *query, env=bare_env, cwd=tmp_path).stdout)
    source = subprocess.run([str(Path(sys.executable).with_name("connecteur")), "search", *query],
                            capture_output=True, text=True, check=True,
                            env={**os.environ, "CONNECTEUR_HOME": str(tmp_path / "dev-home")})
    expected = json.loads(source.stdout)
    assert frozen["total"] == expected["total"] > 0
    assert [h["id"] for h in frozen["hits"]] == [h["id"] for h in expected["hits"]]


def test_handout_pdf(bundle: Path, bare_env: dict[str, str], tmp_path: Path) -> None:
    """ReportLab loads fonts and barcode types by name: print a real handout."""
    from pypdf import PdfReader

    pdf = tmp_path / "support.pdf"
    run(bundle, "handout", "--session", "2020-05-20/s1", "-o", str(pdf), env=bare_env,
        cwd=tmp_path, timeout=120)
    reader = PdfReader(pdf)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 2
    assert "La gestion de crise" in text


def test_bundle_is_lean_and_complete(bundle: Path) -> None:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    names = {p.relative_to(bundle / "_internal").as_posix() for p in files
             if p.is_relative_to(bundle / "_internal")}
    size_mib = sum(p.stat().st_size for p in files) / 2**20
    _record(size_mib=round(size_mib, 1), files=len(files))
    assert not sorted(n for n in names if MUST_BE_ABSENT.search(n))
    missing = [n for n in MUST_BE_PRESENT if n not in names]
    assert not missing, missing
    assert size_mib < SIZE_BUDGET_MIB, f"{size_mib:.0f} Mio"


def _dynamic_section(binary: Path) -> tuple[list[str], list[str]]:
    """NEEDED libraries and RUNPATH/RPATH folders of an ELF file, by readelf."""
    out = subprocess.run(["readelf", "-d", "--wide", str(binary)], capture_output=True,
                         text=True, check=False).stdout
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out)
    paths = re.findall(r"\((?:RUNPATH|RPATH)\)\s+Library r(?:un)?path: \[(.+?)\]", out)
    return needed, [folder for found in paths for folder in found.split(":")]


def _elf_files(bundle: Path) -> list[Path]:
    found = (bundle / "_internal").rglob("*.so*")
    return [bundle / "Connecteur", *sorted(p for p in found if p.is_file() and not p.is_symlink())]


@pytest.mark.skipif(shutil.which("readelf") is None, reason="readelf absent (paquet binutils)")
def test_every_library_the_bundle_needs_is_inside_it(bundle: Path) -> None:
    """Resolved against the bundle only (its top folder, which the launcher puts on the
    library path, and each file's own RUNPATH), never the build machine's libraries:
    a system without libxcb-cursor0 or libxcb-icccm4 must still open the window."""
    internal = bundle / "_internal"
    missing: dict[str, set[str]] = {}
    for binary in _elf_files(bundle):
        needed, runpath = _dynamic_section(binary)
        folders = [internal, *(Path(f.replace("$ORIGIN", str(binary.parent))) for f in runpath)]
        for name in needed:
            if not SYSTEM_LIBRARIES.fullmatch(name) and \
                    not any((folder / name).exists() for folder in folders):
                missing.setdefault(name, set()).add(binary.name)
    assert not missing, (
        "bibliothèques absentes de l'application autonome (installez sur la machine de "
        "construction : apt install " + " ".join(sorted(map(debian_package, missing)))
        + ", puis make package) :\n" + "\n".join(
            f"  {name}, pour {', '.join(sorted(users)[:3])}" for name, users in
            sorted(missing.items())))


@pytest.mark.skipif(shutil.which("readelf") is None, reason="readelf absent (paquet binutils)")
def test_the_glibc_it_needs_is_the_one_packaging_readme_names(bundle: Path) -> None:
    """The newest GLIBC_x.y symbol version any file of the bundle asks for is at most
    what packaging/README.md promises (built on a newer system, it would need more)."""
    claim = GLIBC_CLAIM.search((REPO / "packaging" / "README.md").read_text(encoding="utf-8"))
    assert claim, "packaging/README.md ne dit pas quelle GLIBC il faut"
    needed: dict[tuple[int, int], str] = {}
    for binary in _elf_files(bundle):
        out = subprocess.run(["readelf", "-V", "--wide", str(binary)], capture_output=True,
                             text=True, check=False).stdout
        for major, minor in re.findall(r"Name: GLIBC_(\d+)\.(\d+)", out):
            needed.setdefault((int(major), int(minor)), binary.name)
    newest = max(needed)
    _record(glibc_needed=f"{newest[0]}.{newest[1]}", glibc_needed_by=needed[newest])
    assert newest <= (int(claim[1]), int(claim[2])), (
        f"GLIBC {newest[0]}.{newest[1]} demandée par {needed[newest]}")


def test_every_qt_module_the_code_imports_is_bundled(bundle: Path) -> None:
    used = set()
    for source in (REPO / "desktop" / "connecteur").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", source.read_text(encoding="utf-8")))
    bundled = {p.name.split(".")[0] for p in (bundle / "_internal" / "PySide6").glob("Qt*.so")}
    assert used <= bundled, sorted(used - bundled)


def test_search_index_is_prebuilt(bundle: Path) -> None:
    index = bundle / "_internal" / "connecteur" / "_index"
    from connecteur.search import SearchService

    marker = json.loads((index / "PREBUILT.json").read_text(encoding="utf-8"))
    store = CorpusStore.open()
    assert marker["fingerprint"] == store.fingerprint
    assert SearchService.check(store, index).usable


def test_linux_integration_installs_from_the_bundle(bundle: Path, bare_env: dict[str, str],
                                                    tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    result = subprocess.run(["sh", str(bundle / "linux" / "install.sh"), str(prefix)],
                            capture_output=True, text=True, env=bare_env, check=False)
    assert result.returncode == 0, result.stderr
    command = prefix / "bin" / "connecteur"
    assert command.resolve() == (prefix / "lib" / "connecteur" / "Connecteur").resolve()
    assert (prefix / "share/icons/hicolor/256x256/apps/fr.cnfpt.Connecteur.png").is_file()
    desktop = (prefix / "share/applications/fr.cnfpt.Connecteur.desktop").read_text("utf-8")
    assert f"Exec={command} %u" in desktop.replace('"', "")
    ran = subprocess.run([str(command), "--version"], capture_output=True, text=True,
                         env=bare_env, cwd=tmp_path, check=False)
    assert ran.stdout.strip() == f"connecteur {connecteur.__version__}", ran.stderr


def test_window_starts_offscreen(bundle: Path, bare_env: dict[str, str], tmp_path: Path) -> None:
    started = time.perf_counter()
    result = run(bundle, "--exit-when-ready", env={**bare_env, "QT_QPA_PLATFORM": "offscreen"},
                 cwd=tmp_path, timeout=120)
    wall_ms = round((time.perf_counter() - started) * 1000)
    ready = re.search(r"ready in (\d+) ms", result.stdout)
    assert ready, result.stdout + result.stderr
    _record(window_ready_ms=int(ready[1]), window_process_ms=wall_ms)


def test_window_speaks_french_with_qts_own_catalogue(bundle: Path, bare_env: dict[str, str],
                                                     tmp_path: Path) -> None:
    """In a French session the window finds Qt's French catalogue inside the bundle
    (else Qt's file and print dialogs would stay English, and it says so)."""
    french = {**bare_env, "QT_QPA_PLATFORM": "offscreen", "LANG": "fr_FR.UTF-8"}
    result = run(bundle, "--exit-when-ready", env=french, cwd=tmp_path, timeout=120)
    assert "ready in" in result.stdout, result.stdout + result.stderr
    logs = Path(bare_env["CONNECTEUR_HOME"]).rglob("*.log")  # warnings go to the log file
    said = result.stderr + "".join(log.read_text(encoding="utf-8") for log in logs)
    assert "Traductions de Qt introuvables" not in said, said


def test_first_start_copies_the_prebuilt_index(bundle: Path, bare_env: dict[str, str],
                                               tmp_path: Path) -> None:
    run(bundle, "--exit-when-ready", env={**bare_env, "QT_QPA_PLATFORM": "offscreen"},
        cwd=tmp_path, timeout=120)
    manifest = "connecteur-index.json"
    prebuilt = json.loads((bundle / "_internal/connecteur/_index" / manifest).read_text("utf-8"))
    user_index = Path(bare_env["CONNECTEUR_HOME"]) / "cache" / "index" / manifest
    copied = json.loads(user_index.read_text(encoding="utf-8"))
    assert copied["built"] == prebuilt["built"], "l'index a été reconstruit au premier démarrage"
