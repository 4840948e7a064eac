"""Names shared by the Qt item models of the window."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

# What Qt passes as an index to a model's methods.
AnyIndex = QModelIndex | QPersistentModelIndex
# The invisible root: "no parent".
ROOT = QModelIndex()
