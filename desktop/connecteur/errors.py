"""Errors meant for the user.

Every layer raises :class:`ConnecteurError` (or a subclass) with a complete French
sentence; front ends print or show that sentence as is, never a traceback.
"""


class ConnecteurError(Exception):
    """A failure the user can understand and act on."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class CorpusError(ConnecteurError):
    """The corpus text is missing, unreadable or not a Connecteur Recherche text."""


class LibraryError(ConnecteurError):
    """The bundled database is missing, unreadable, corrupt or of another version."""


class NotFoundError(ConnecteurError):
    """An identifier that names no item of the library."""
