"""A home that cannot be written (read-only folder or disk): what only reads works,
what writes says what is wrong — never "unable to open database file"."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from user_testing import LEAD_03, notes_export

from connecteur.store import CorpusStore, UserStore

READ_ONLY = "Vos annotations sont ouvertes en lecture seule : le dossier {home} est en " \
            "lecture seule."


@pytest.fixture
def filled_home(isolated_home: Path, corpus_store: CorpusStore) -> Path:
    with UserStore.open(corpus_store) as user:
        user.notes.add(LEAD_03, "question d'ouverture")
        user.folders.create("Manager en crise", date="2026-03-12")
    return isolated_home


def _no_trace(stderr: str) -> None:
    assert "Traceback" not in stderr and "unable to open" not in stderr
    assert "erreur inattendue" not in stderr


def test_reading_commands_work_from_a_read_only_home(filled_home: Path, run_read_only) -> None:
    listed = run_read_only(filled_home, "notes", "list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith(f"{LEAD_03}  (")
    assert listed.stdout.rstrip().endswith("question d'ouverture")
    assert READ_ONLY.format(home=filled_home) in listed.stderr
    _no_trace(listed.stderr)
    folders = run_read_only(filled_home, "folders")
    assert folders.returncode == 0 and "Manager en crise — 0 élément ·" in folders.stdout
    exported = run_read_only(filled_home, "notes", "export", "--format", "json")
    assert exported.returncode == 0
    assert json.loads(exported.stdout)["notes"][0]["body"] == "question d'ouverture"


def test_a_write_says_what_is_wrong(filled_home: Path, run_read_only, tmp_path: Path,
                                    corpus_store: CorpusStore) -> None:
    with UserStore.open(corpus_store) as user:
        source = tmp_path / "export.json"
        source.write_text(json.dumps(notes_export([user.catalogue.snapshot_of(LEAD_03)], 2)),
                          encoding="utf-8")
    for argv in (("import", str(source)), ("reset-annotations", "--yes")):
        result = run_read_only(filled_home, *argv)
        assert result.returncode == 1
        assert (f"Vos annotations ne peuvent pas être enregistrées : le dossier {filled_home} "
                "est en lecture seule. La modification n'a pas été faite.") in result.stderr
        _no_trace(result.stderr)


def test_a_read_only_home_without_annotations_yet(isolated_home: Path, run_read_only) -> None:
    result = run_read_only(isolated_home, "notes", "list")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Aucune note pour l'instant.\n"
    _no_trace(result.stderr)


def test_search_from_a_read_only_home_keeps_its_index_in_memory(filled_home: Path,
                                                                run_read_only) -> None:
    result = run_read_only(filled_home, "search", "--limit", "1", "ouverture")
    assert result.returncode == 0, result.stderr
    assert "question d'«ouverture»" in result.stdout  # the trainer's note, found
    assert result.stderr.count("\n") == 1 and "gardé en mémoire pour cette fois" in \
        result.stderr
    _no_trace(result.stderr)


FULL_DISK = ('mount -t tmpfs -o size=4m tmpfs "$HOME_DIR" && cp -a "$STAGING/." "$HOME_DIR/" '
             '&& (dd if=/dev/zero of="$HOME_DIR/remplissage" bs=64k 2>/dev/null; true) '
             '&& exec "$@"')


def _run_on_a_full_disk(home: Path, staging: Path, *argv: str) -> subprocess.CompletedProcess:
    """The real command with ``home`` on a (small, in-memory) disk filled to the brim —
    only possible as root, in a mount namespace of its own."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("a full disk is simulated with a tmpfs mount, which needs root")
    shutil.copytree(home, staging, dirs_exist_ok=True)
    env = {**os.environ, "HOME_DIR": str(home), "STAGING": str(staging)}
    command = ["unshare", "-m", "sh", "-c", FULL_DISK, "sh",
               str(Path(sys.executable).parent / "connecteur"), *argv]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8",
                            env=env, timeout=120, check=False)
    if "unshare:" in result.stderr or "mount:" in result.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    return result


def test_a_full_disk_still_reads_and_says_why_it_cannot_write(filled_home: Path,
                                                              tmp_path: Path) -> None:
    listed = _run_on_a_full_disk(filled_home, tmp_path / "copie", "notes", "list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.rstrip().endswith("question d'ouverture")
    assert f"le disque qui contient {filled_home} est plein" in listed.stderr
    _no_trace(listed.stderr)
    reset = _run_on_a_full_disk(filled_home, tmp_path / "copie2", "reset-annotations", "--yes")
    assert reset.returncode == 1
    assert (f"Vos annotations ne peuvent pas être enregistrées : le disque qui contient "
            f"{filled_home} est plein.") in reset.stderr
    _no_trace(reset.stderr)
