"""Writing files so that a failure never leaves half of one behind."""

from __future__ import annotations

import os
import tempfile
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
