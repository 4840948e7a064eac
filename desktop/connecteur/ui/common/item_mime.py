"""What travels in a drag and drop of library items (to a course folder).

Our own type carries the item IDs; ``connecteur://`` links go along as text and as
a URI list, so that a drop into a text editor pastes the links, and a drop of such
links (from another window of the app) onto a folder adds the items.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from PySide6.QtCore import QMimeData, QUrl

ITEMS_MIME = "application/x-connecteur-items"
# A folder entry moved inside the folders panel: {"folder": ID, "entries": [IDs]}.
ENTRIES_MIME = "application/x-connecteur-folder-entries"
_LINK = re.compile(r"connecteur://([\w\-/#.]+)")


def items_mime_data(item_ids: Iterable[str], mime: QMimeData | None = None) -> QMimeData:
    """Item IDs as drag data (added to ``mime`` when given)."""
    ids = list(dict.fromkeys(i for i in item_ids if i))
    data = mime or QMimeData()
    data.setData(ITEMS_MIME, json.dumps(ids).encode("utf-8"))
    if not data.hasText():
        data.setText("\n".join(f"connecteur://{i}" for i in ids))
    if not data.hasUrls():
        data.setUrls([QUrl(f"connecteur://{i}") for i in ids])
    return data


def item_ids(mime: QMimeData | None) -> list[str]:
    """The item IDs a drop carries (our type first, else ``connecteur://`` links)."""
    if mime is None:
        return []
    if mime.hasFormat(ITEMS_MIME):
        try:
            ids = json.loads(bytes(mime.data(ITEMS_MIME).data()).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return []
        return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []
    texts = [url.toString() for url in mime.urls()] if mime.hasUrls() else []
    if mime.hasText():
        texts.append(mime.text())
    found = [m.group(1) for text in texts for m in _LINK.finditer(text)]
    return [i for i in dict.fromkeys(found) if "#" not in i]


def entries_mime_data(folder_id: str, entry_ids: Iterable[str],
                      item_ids_: Iterable[str]) -> QMimeData:
    """Folder entries dragged within the folders panel (they are items too: dropped
    on another folder, they are added to it)."""
    data = items_mime_data(item_ids_)
    data.setData(ENTRIES_MIME, json.dumps({"folder": folder_id,
                                           "entries": list(entry_ids)}).encode("utf-8"))
    return data


def moved_entries(mime: QMimeData | None) -> tuple[str, list[str]] | None:
    """(folder ID, entry IDs) when the drop comes from a folder of the panel."""
    if mime is None or not mime.hasFormat(ENTRIES_MIME):
        return None
    try:
        value = json.loads(bytes(mime.data(ENTRIES_MIME).data()).decode("utf-8"))
        return str(value["folder"]), [str(e) for e in value["entries"]]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
