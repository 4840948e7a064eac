"""Errors meant for the user.

Every layer raises :class:`ConnecteurError` (or a subclass) with a complete French
sentence; front ends print or show that sentence as is, never a traceback.
"""

import errno


class ConnecteurError(Exception):
    """A failure the user can understand and act on."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class BusyError(ConnecteurError):
    """The data is being written by someone else right now (an import in another
    window): nothing was done, and the same action will work a little later."""


class CorpusError(ConnecteurError):
    """The corpus text is missing, unreadable or not a Connecteur Recherche text."""


class LibraryError(ConnecteurError):
    """The bundled database is missing, unreadable, corrupt or of another version."""


class NotFoundError(ConnecteurError):
    """An identifier that names no item of the library."""


class OperationCancelled(ConnecteurError):
    """The user stopped a long operation (an import) before it wrote anything."""


_OS_REASONS = {
    "ENOENT": "fichier ou dossier inexistant",
    "EACCES": "accès refusé",
    "EPERM": "opération non permise",
    "ENOSPC": "disque plein",
    "EDQUOT": "quota disque dépassé",
    "EROFS": "support en lecture seule",
    "ENOTDIR": "un élément du chemin n'est pas un dossier",
    "EISDIR": "c'est un dossier",
    "EIO": "erreur de lecture ou d'écriture sur le disque",
    "ENAMETOOLONG": "nom trop long",
    "EEXIST": "existe déjà",
    "EBUSY": "fichier occupé",
}


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in French (the system's own text is often English)."""
    name = errno.errorcode.get(exc.errno or 0, "")
    return _OS_REASONS.get(name) or (exc.strerror or "erreur système")
