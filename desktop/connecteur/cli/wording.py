"""French counts in command output: "1 dossier", "2 dossiers", never "dossier(s)"."""

from __future__ import annotations


def count(number: int, singular: str, plural: str | None = None) -> str:
    """``number`` followed by the noun phrase in the right form. French uses the
    singular for 0 and 1; the plural defaults to an "s" on every word."""
    if number <= 1:
        return f"{number} {singular}"
    return f"{number} {plural or ' '.join(word + 's' for word in singular.split())}"
