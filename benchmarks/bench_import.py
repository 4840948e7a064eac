"""Annotation import benchmark: an export of 4,000 notes, then one of 40,000, each
imported from its JSON file into an empty user database over the real library.

Notes are spread over every annotatable item of the real corpus, each with its item's
real snapshot (text and reference), as an export from another laptop would carry
them. The figure that matters is the ratio of the two import times: a linear import
takes about ten times as long for ten times the notes. Baseline, measured in the same
run on the same rows: the same notes inserted with one plain ``executemany`` (what the
import costs on top of writing the rows). Every note must be there afterwards, and a
second import of the same file must add nothing. Each figure is the median of
:data:`ROUNDS` imports, each into a new home, the sizes taking turns (the machine may
be shared).

    python benchmarks/bench_import.py                      # 4,000 and 40,000 notes
    python benchmarks/bench_import.py --sizes 4000 8000    # a quicker run
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from connecteur import paths
from connecteur.store import CorpusStore, UserStore
from connecteur.store.user.exporter import FORMAT, VERSION
from connecteur.store.user.items import ItemCatalogue

SIZES = (4_000, 40_000)
TARGET_SECONDS = 20.0     # for the largest size
TARGET_RATIO = 10.0       # largest / smallest, for ten times the notes
ROUNDS = 5
_STAMP = "2026-03-12T09:14:03.000000Z"


def export_of(corpus: CorpusStore, count: int) -> dict:
    """An export document with ``count`` notes over the real items, round robin."""
    catalogue = ItemCatalogue(corpus)
    snapshots = [catalogue.snapshot(item) for items in catalogue.by_kind.values()
                 for item in items]
    notes = []
    for i in range(count):
        snap = snapshots[i % len(snapshots)]
        notes.append({"id": f"{i:032x}", "item_id": snap.item_id, "item_kind": snap.item_kind,
                      "item_reference": snap.item_reference, "item_text": snap.item_text,
                      "orphan": False,
                      "body": f"Note {i} : question d'ouverture à relier au cas n° {i % 97}.",
                      "created": _STAMP, "modified": _STAMP})
    return {"format": FORMAT, "version": VERSION, "exported": _STAMP,
            "application": "Connecteur (banc d'essai)", "corpus": {"fingerprint": ""},
            "scope": {"kind": "all"}, "notes": notes, "highlights": [], "stars": [],
            "tags": [], "folders": []}


def timed_import(corpus: CorpusStore, source: Path,
                 home: Path) -> tuple[float, float, int, int, float]:
    """(first import, second import of the same file, notes stored, size of the
    write-ahead log left after the first import, processor time of the first import)
    in a new home."""
    os.environ[paths.HOME_ENV] = str(home)
    with UserStore.open(corpus, backup=False) as user:
        started, processor = time.perf_counter(), time.process_time()
        report = user.import_document(source)
        first = time.perf_counter() - started
        processor = time.process_time() - processor
        wal = paths.wal_path(paths.user_db_path())
        log_size = wal.stat().st_size if wal.exists() else 0
        started = time.perf_counter()
        again = user.import_document(source)
        second = time.perf_counter() - started
        stored = len(user.notes.all())
    assert not again.changed_anything, "the second import added something"
    return first, second, stored if report.added["notes"] == stored else -1, log_size, \
        processor


def plain_inserts(document: dict, target: Path) -> float:
    """The baseline: the same rows, one executemany, one transaction."""
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("CREATE TABLE notes (id TEXT PRIMARY KEY, item_id TEXT, item_kind TEXT, "
                     "item_reference TEXT, item_text TEXT, orphan INTEGER, body TEXT, "
                     "created TEXT, modified TEXT)")
        columns = ("id", "item_id", "item_kind", "item_reference", "item_text", "orphan",
                   "body", "created", "modified")
        started = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany(f"INSERT INTO notes VALUES ({', '.join('?' * len(columns))})",
                         [tuple(note[c] for c in columns) for note in document["notes"]])
        conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()


def measure(corpus: CorpusStore, sizes: list[int], scratch: Path) -> dict[int, tuple]:
    """Per size: (import, re-import, plain inserts, notes stored, log left, MiB,
    processor time of the import). Rounds
    alternate between sizes, so that a burst of load elsewhere weighs on both sides of
    the ratio alike."""
    documents = {size: export_of(corpus, size) for size in sizes}
    sources = {}
    for size, document in documents.items():
        sources[size] = scratch / f"export-{size}.json"
        sources[size].write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    rounds: dict[int, list] = {size: [] for size in sizes}
    for r in range(ROUNDS):
        for size in sizes:
            rounds[size].append((
                *timed_import(corpus, sources[size], scratch / f"home-{size}-{r}"),
                plain_inserts(documents[size], scratch / f"plain-{size}-{r}.db")))
    return {size: (statistics.median(r[0] for r in found),
                   statistics.median(r[1] for r in found),
                   statistics.median(r[5] for r in found),
                   min(r[2] for r in found), max(r[3] for r in found),
                   sources[size].stat().st_size / 2**20,
                   statistics.median(r[4] for r in found))
            for size, found in rounds.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description="Banc d'essai de l'import d'annotations.")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    sizes = sorted(parser.parse_args().sizes)
    with tempfile.TemporaryDirectory() as scratch:
        figures = measure(CorpusStore.open(), sizes, Path(scratch))
    for size, (first, second, baseline, _stored, log_size, megabytes, _cpu) in figures.items():
        print(f"{size:>7} notes ({megabytes:.1f} Mio) : import {first:6.2f} s, "
              f"réimport (tout ignoré) {second:6.2f} s, insertions brutes "
              f"{baseline:5.2f} s ({first / baseline:.0f}x), journal laissé "
              f"{log_size / 1024:.0f} Kio")
    ok = all(figures[size][3] == size for size in sizes)
    print(f"  toutes les notes présentes après import : {'oui' if ok else 'NON'}")
    smallest, largest = sizes[0], sizes[-1]
    if largest != smallest:
        ratio = figures[largest][0] / figures[smallest][0]
        scale = largest / smallest
        print(f"  {largest} / {smallest} notes : {ratio:.1f}x le temps pour {scale:.0f}x "
              f"les notes (médiane de {ROUNDS} imports alternés) ; en temps processeur, "
              f"moins sensible à la charge de la machine : "
              f"{figures[largest][6] / figures[smallest][6]:.1f}x")
        allowed = TARGET_RATIO * scale / 10
        met = figures[largest][0] < TARGET_SECONDS and ratio <= allowed
        print(f"  objectif {largest} notes < {TARGET_SECONDS:.0f} s et ≤ {allowed:.0f}x : "
              f"{'atteint' if met else 'NON atteint'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
