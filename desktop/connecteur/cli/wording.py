"""French counts in command output: "1 dossier", "2 dossiers", never "dossier(s)"."""

from __future__ import annotations

import unicodedata


def count(number: int, singular: str, plural: str | None = None) -> str:
    """``number`` followed by the noun phrase in the right form. French uses the
    singular for 0 and 1; the plural defaults to an "s" on every word."""
    if number <= 1:
        return f"{number} {singular}"
    return f"{number} {plural or ' '.join(word + 's' for word in singular.split())}"


def terminal_safe(text: str) -> str:
    """``text`` (a name read from the user database, maybe from an imported file) fit
    for one line of a terminal: line breaks and tabs become spaces, and any other
    control or format character (escape sequences, bidirectional overrides) shows
    as "\ufffd" instead of acting on the terminal."""
    return "".join(" " if ch in "\t\n\r" else "\ufffd"
                   if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in text)
