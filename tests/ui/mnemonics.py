"""Alt+letter in menus and dialogs: the letter each text gives its mnemonic, and the
texts of one menu that give the same (a keyboard then reaches only the first)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from PySide6.QtWidgets import QMenu

ENTITY = re.compile(r"&[a-z]+;")  # &amp; and the like in a catalogue's HTML


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", ENTITY.sub("", text).replace("&&", ""))
    if found is None:
        return None
    return unicodedata.normalize("NFD", found.group(1).lower())[0]  # É is E to a keyboard


def clashes(entries: list[str]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for text in entries:
        letter = mnemonic(text)
        if letter:
            seen.setdefault(letter, []).append(text)
    return {letter: texts for letter, texts in seen.items() if len(texts) > 1}


def menus(menu: QMenu) -> Iterator[QMenu]:
    """``menu`` and its submenus, each filled as when it opens."""
    menu.aboutToShow.emit()
    yield menu
    for action in menu.actions():
        if action.menu() is not None:
            yield from menus(action.menu())


def entries(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def all_menus(window) -> list[QMenu]:
    return [m for top in window.menuBar().actions() for m in menus(top.menu())]
