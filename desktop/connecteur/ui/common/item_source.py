"""Views that can offer an item to the item commands (star, note, add to a folder).

A search result list, the table of contents, "Mes favoris" and the folders panel each
have a selected row that stands for an item. While such a view has the keyboard
focus, Ctrl+D and the other item commands act on *its* item, not on the one shown
in the reading pane: the trainer acts on what they are looking at. A view takes part
by having the two members below; the item commands ask the one that holds the focus.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget


@runtime_checkable
class ItemSource(Protocol):
    """``offered_item``: the item ID of the selected row, or None when the selected row
    stands for no item (a theme, a folder) — the commands then act on nothing rather
    than on something the trainer did not choose. ``offered_changed`` is emitted when
    the selection moves (the commands' texts follow it)."""

    offered_changed: SignalInstance

    def offered_item(self) -> str | None: ...


def holds_focus(source: QWidget, focused: QWidget | None) -> bool:
    """Whether ``focused`` is ``source`` or one of its children."""
    return focused is not None and (focused is source or source.isAncestorOf(focused))
