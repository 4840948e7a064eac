"""A write-ahead log found at start-up after a crash: kept as evidence, and checked.

When Connecteur does not close cleanly (a crash, a power cut, a killed process), the
last changes may still sit in ``user.db-wal``. SQLite replays that log at the next
opening up to the first frame whose checksum is wrong and silently drops the rest: a
damaged log loses recent changes without a word, and the database then passes its
integrity check. So, before anything else opens the database, the log is copied
aside (the last :data:`KEEP_COPIES` copies are kept, none larger than
:data:`MAX_COPY_BYTES`) and its committed frames are counted from their headers; when
SQLite then accepts fewer frames than the log holds, the trainer is told what was lost
and where the copy is.

Only done when no other process has the database open (see ``file_locks.OpenMarker``):
a log in use by another window is not a leftover.
"""

from __future__ import annotations

import shutil
import sqlite3
import struct
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from connecteur import paths

KEEP_COPIES = 3
MAX_COPY_BYTES = 64 * 2**20
_MAGIC_LITTLE, _MAGIC_BIG = 0x377F0682, 0x377F0683
_HEADER, _FRAME_HEADER = 32, 24


@dataclass(frozen=True)
class WalScan:
    """What the log's own headers say: whether its header is sound, and how many frames
    it holds up to its last commit (0 when none)."""

    header_ok: bool
    committed_frames: int


def _checksum(data: bytes, big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum over ``data`` (a multiple of 8 bytes), from zero."""
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    s0 = s1 = 0
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def scan(wal: Path) -> WalScan:
    """Read the log's header and each frame header (never the pages themselves)."""
    with wal.open("rb") as stream:
        header = stream.read(_HEADER)
        if len(header) < _HEADER:
            return WalScan(False, 0)
        magic, _version, page_size, _seq, salt1, salt2, sum1, sum2 = struct.unpack(">8I",
                                                                                 header)
        page_size = 65536 if page_size == 1 else page_size
        sound = (magic in (_MAGIC_LITTLE, _MAGIC_BIG) and 512 <= page_size <= 65536
                 and page_size & (page_size - 1) == 0
                 and _checksum(header[:24], magic == _MAGIC_BIG) == (sum1, sum2))
        if not sound:
            return WalScan(False, 0)
        committed, index = 0, 0
        while len(frame := stream.read(_FRAME_HEADER)) == _FRAME_HEADER:
            index += 1
            _page, commit_size, frame_salt1, frame_salt2 = struct.unpack(">4I", frame[:16])
            if (frame_salt1, frame_salt2) == (salt1, salt2) and commit_size:
                committed = index
            stream.seek(page_size, 1)
        return WalScan(True, committed)


@dataclass(frozen=True)
class WalEvidence:
    copy: Path | None
    scan: WalScan
    size: int

    def lost(self, accepted_frames: int) -> bool:
        """Whether SQLite, having accepted ``accepted_frames``, dropped committed work."""
        if not self.scan.header_ok:
            return self.size > _HEADER
        return self.scan.committed_frames > accepted_frames

    def message(self, wal: Path) -> str:
        where = f"Une copie du journal est conservée : {self.copy}." if self.copy else \
            "Le journal était trop gros pour être copié."
        return (f"Le journal des dernières modifications de vos annotations ({wal.name}) "
                "était abîmé : des modifications enregistrées juste avant l'arrêt imprévu de "
                f"Connecteur ont pu être perdues. {where}")


def keep_leftover_log(db_path: Path, now: datetime) -> WalEvidence | None:
    """Copy and scan the log left by a crash; None when there is none (or it is empty)."""
    wal = paths.wal_path(db_path)
    try:
        size = wal.stat().st_size
    except OSError:
        return None
    if size == 0:
        return None
    copy = None
    if size <= MAX_COPY_BYTES:
        directory = paths.ensure_dir(paths.wal_copies_dir())
        copy = directory / f"{wal.name}-{now:%Y%m%d-%H%M%S-%f}"
        shutil.copyfile(wal, copy)
        for old in sorted(directory.glob(f"{wal.name}-*"), reverse=True)[KEEP_COPIES:]:
            old.unlink(missing_ok=True)
    return WalEvidence(copy, scan(wal), size)


def accepted_frames(db_path: Path) -> int | None:
    """How many frames of the log SQLite accepts when it opens the database (None when
    it cannot tell: the database itself is damaged, and the recovery will say so)."""
    try:
        conn = sqlite3.connect(db_path, timeout=15)
    except sqlite3.Error:
        return None
    try:
        found = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        return int(found[1]) if found and found[1] >= 0 else None
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def check_leftover_log(db_path: Path, now: datetime) -> str | None:
    """At start-up, before anything opens the database: the message for a damaged log
    left by a crash, or None. Failing to keep the evidence never stops the start-up."""
    try:
        evidence = keep_leftover_log(db_path, now)
    except OSError:
        return None
    if evidence is None:
        return None
    accepted = accepted_frames(db_path)
    if accepted is None or not evidence.lost(accepted):
        return None
    return evidence.message(paths.wal_path(db_path))
