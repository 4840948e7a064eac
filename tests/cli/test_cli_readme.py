"""Every command of README.md's ```sh blocks works as written, on a fresh install.

The commands run in order from an empty working folder (files they write land there)
with an empty CONNECTEUR_HOME. A ``connecteur`` command runs through the real entry
point in this process (words split as ``sh`` splits them: a process per command
would cost half a second each); any other line, or one with pipes, redirections or
variables, runs through ``sh`` with ``.venv/bin/`` standing for this test's
virtualenv. Skipped, and only these: ``make …`` (the set-up itself), what installs
(``tar``, ``install.sh``, ``pip install``) and what opens the window (``connecteur``
alone or with a ``connecteur://`` link).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from connecteur import paths
from connecteur.cli import _window_only, main

REPO = Path(__file__).resolve().parents[2]
README = Path(os.environ.get("CONNECTEUR_README_UNDER_TEST") or REPO / "README.md")
BIN = Path(sys.executable).parent
SH_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.DOTALL | re.MULTILINE)
INSTALLS = re.compile(r"(^|\s)(tar|pip|pip3)\s|install\.sh|^Connecteur/Connecteur")
SHELL_SYNTAX = re.compile(r"[|<>;&$`*?]")


def readme_commands(text: str) -> list[str]:
    """The command lines of the ```sh blocks (a line ending in "\\" goes on)."""
    joined = "\n".join(SH_BLOCK.findall(text)).replace("\\\n", " ")
    return [line.strip() for line in joined.splitlines()
            if line.strip() and not line.strip().startswith("#")]


def skip_reason(line: str) -> str | None:
    words = shlex.split(line, comments=True)
    if words[0] == "make":
        return "make"
    if INSTALLS.search(line):
        return "installation"
    if Path(words[0]).name in ("connecteur", "Connecteur") and _window_only(words[1:]):
        return "fenêtre"
    return None


def test_the_readme_has_command_blocks() -> None:
    commands = readme_commands(README.read_text(encoding="utf-8"))
    assert len([c for c in commands if skip_reason(c) is None]) >= 10, commands


def run_line(line: str, work: Path, capsys: pytest.CaptureFixture) -> tuple[int, str]:
    """Exit status and error output of one README line."""
    words = shlex.split(line, comments=True)
    if words[1:2] == ["build"] and not {"-o", "--output"} & set(words):
        return 1, "réécrirait la base livrée (db/) : montrez build -o FICHIER, ou make db"
    if Path(words[0]).name == "connecteur" and not SHELL_SYNTAX.search(" ".join(words)):
        try:
            code = main(words[1:])
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 1
        return code, capsys.readouterr().err
    command = re.sub(r"(^|\s)\.venv/bin/", rf"\g<1>{BIN}/", line)
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"}
    result = subprocess.run(["sh", "-c", command], cwd=work, env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    return result.returncode, result.stderr


def test_every_readme_command_works_from_nothing(tmp_path: Path, isolated_home: Path,
                                                 capsys: pytest.CaptureFixture,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    assert not any(isolated_home.iterdir()), "CONNECTEUR_HOME neuf"
    work = tmp_path / "travail"
    work.mkdir()
    monkeypatch.chdir(work)
    shipped = [paths.bundled_db_path(), paths.schema_sql_path()]
    before = [p.stat().st_mtime_ns for p in shipped]
    failures, ran = [], 0
    for line in readme_commands(README.read_text(encoding="utf-8")):
        if skip_reason(line):
            continue
        code, errors = run_line(line, work, capsys)
        ran += 1
        if code != 0 or "Traceback" in errors:
            failures.append(f"{line}\n    → code {code} : {errors.strip()[-400:]}")
    assert not failures, "\n".join(failures)
    assert ran >= 10
    assert [p.stat().st_mtime_ns for p in shipped] == before, "la base livrée a été réécrite"
    assert not list(work.glob("**/*.part")), "fichier à moitié écrit"


@pytest.mark.parametrize(("line", "reason"), [
    ("make run    # crée .venv", "make"),
    ("Connecteur/linux/install.sh ~/.local   # menu", "installation"),
    ("tar xzf Connecteur-*-linux-x86_64.tar.gz", "installation"),
    (".venv/bin/connecteur", "fenêtre"),
    (".venv/bin/connecteur connecteur://2020-05-20/s1/lead/03", "fenêtre"),
    (".venv/bin/connecteur --version", None),
    (".venv/bin/connecteur search crise -covid   # exclure", None),
])
def test_what_is_skipped(line: str, reason: str | None) -> None:
    assert skip_reason(line) == reason
