"""Bringing a model's rows to a new list of keys with the fewest row signals.

Views keep their selection, current row and scroll position across a refresh when
the model says exactly which rows went, came or moved (a reset forgets them all).
Keys must be unique within a list.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from PySide6.QtCore import QAbstractItemModel

from connecteur.ui.common.model_types import AnyIndex


def sync_rows(model: QAbstractItemModel, parent: AnyIndex, rows: list[Hashable],
              new: Sequence[Hashable]) -> bool:
    """Edit ``rows`` (the model's own list under ``parent``) in place until it equals
    ``new``, announcing each removal, move and insertion; True if anything changed."""
    changed = False
    wanted = set(new)
    for row in reversed(range(len(rows))):
        if rows[row] not in wanted:
            model.beginRemoveRows(parent, row, row)
            del rows[row]
            model.endRemoveRows()
            changed = True
    for row, key in enumerate(new):
        if row < len(rows) and rows[row] == key:
            continue
        changed = True
        if key in rows:
            source = rows.index(key, row)
            model.beginMoveRows(parent, source, source, parent, row)
            rows.insert(row, rows.pop(source))
            model.endMoveRows()
        else:
            model.beginInsertRows(parent, row, row)
            rows.insert(row, key)
            model.endInsertRows()
    return changed
