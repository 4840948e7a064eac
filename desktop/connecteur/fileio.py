"""Writing files so that a failure never leaves half of one behind, and reading a file
the user chose without trusting what it is."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from connecteur.errors import ConnecteurError, os_reason


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(target: Path, data: bytes | str) -> Path:
    """Write all of ``data`` to ``target`` or nothing at all.

    The data goes to a temporary file in the same folder, is flushed to disk, then
    renamed over the target: readers see the old file or the new one, never a mix,
    and a full disk or a refused folder leaves the old file untouched.
    """
    target = Path(target).expanduser()
    directory = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ConnecteurError(f"{target} est un dossier : donnez un nom de fichier.")
    if not directory.is_dir():
        raise ConnecteurError(f"Impossible d'écrire {target} : le dossier {directory} "
                              "n'existe pas.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise ConnecteurError(f"Impossible d'écrire dans {directory} ({os_reason(exc)}).") \
            from None
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp's 0600 is for secrets, not documents
        with os.fdopen(fd, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ConnecteurError(f"Impossible d'écrire {target} ({os_reason(exc)}).") from None
    return target


def _mebibytes(size: int) -> str:
    return f"{size / 2**20:.1f}".replace(".", ",").removesuffix(",0") + " Mio"


@contextmanager
def refusals_in_french(path: Path) -> Iterator[None]:
    """The system's refusals to read ``path`` (missing, a folder, no permission, an
    I/O error) as one French message each, without the traceback."""
    try:
        yield
    except FileNotFoundError:
        raise ConnecteurError(f"Le fichier {path} n'existe pas.") from None
    except IsADirectoryError:
        raise ConnecteurError(f"{path} est un dossier, pas un fichier.") from None
    except OSError as exc:
        raise ConnecteurError(f"Impossible de lire {path} ({os_reason(exc)}).") from None


def check_user_file(path: Path, limit: int) -> None:
    """A French error, before anything is opened, when the file the user chose is not
    an ordinary file or is larger than ``limit`` bytes (``os.stat`` only: a FIFO is
    never opened, so nothing waits for a writer)."""
    path = Path(path).expanduser()
    with refusals_in_french(path):
        info = os.stat(path)
    _check_kind(path, info, limit)


def read_user_file(path: Path, limit: int) -> bytes:
    """All the bytes of a file the user chose, or a French error before reading anything
    when it is not an ordinary file (a directory, a FIFO that would block for ever, a
    device such as /dev/zero that never ends) or is larger than ``limit`` bytes."""
    path = Path(path).expanduser()
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    with refusals_in_french(path):  # O_NONBLOCK: opening a FIFO waits for no writer
        fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        _check_kind(path, info, limit)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb", buffering=0) as stream, refusals_in_french(path):
        chunks, size = [], 0
        while size <= limit and (chunk := stream.read(min(1 << 20, limit + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
    if size > limit:  # it grew while being read
        raise _too_big(path, size, limit)
    return b"".join(chunks)


def _check_kind(path: Path, info: os.stat_result, limit: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise ConnecteurError(f"{path} est un dossier, pas un fichier.")
    if not stat.S_ISREG(info.st_mode):
        raise ConnecteurError(f"{path} n'est pas un fichier ordinaire (tube, périphérique "
                              "ou prise réseau) : il n'a pas été lu.")
    if info.st_size > limit:
        raise _too_big(path, info.st_size, limit)


def _too_big(path: Path, size: int, limit: int) -> ConnecteurError:
    return ConnecteurError(
        f"{path} est trop gros ({_mebibytes(size)} ; {_mebibytes(limit)} au plus).",
        hint="Exportez moins de choses à la fois (un dossier de formation, par exemple).")
