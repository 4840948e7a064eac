"""Facts about the real corpus text used across the user-layer tests, and helpers to
edit a copy of it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

# The real text of the third lead of 20 May 2020, session 1 (checked in the corpus file,
# lines 90-91), and the first lead of the next theme.
LEAD_03 = "2020-05-20/s1/lead/03"
LEAD_03_TEXT = ("Problème de la mémoire des expertises passées + transférabilité et effectivité "
                "des travaux de recherche. La littérature existe, pourquoi n’est-elle pas mise "
                "en avant, exploitée ?")
LEAD_04 = "2020-05-20/s1/lead/04"
LEAD_04_START = "Apparition dans l’urgence et à grande échelle du numérique"


def replace_once(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert text.count(old) == 1, f"{old!r} is not unique in the corpus text"
        return text.replace(old, new)
    return edit


def remove_lead_03(text: str) -> str:
    """The corpus text without its third lead (the fourth becomes the third)."""
    start = text.index("→ Problème de la mémoire")
    end = text.index("exploitée\u00a0?", start) + len("exploitée\u00a0?\n")
    return text[:start] + text[end:]


STAMP = "2026-03-12T09:14:03.000000Z"


def notes_export(snapshots: list, count: int, prefix: str = "note") -> dict:
    """An annotation export of ``count`` notes spread over ``snapshots`` (the real items'
    ``Snapshot``s), as another installation would write it."""
    notes = [{"id": hashlib.md5(f"{prefix} {i}".encode()).hexdigest(), "item_id": s.item_id,
              "item_kind": s.item_kind, "item_reference": s.item_reference,
              "item_text": s.item_text, "orphan": False, "body": f"{prefix} {i}",
              "created": STAMP, "modified": STAMP}
             for i, s in ((i, snapshots[i % len(snapshots)]) for i in range(count))]
    return {"format": "connecteur-annotations", "version": 1, "notes": notes}
