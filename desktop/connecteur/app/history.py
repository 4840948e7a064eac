"""Back / Forward, as in a web browser (no Qt: tested and reasoned about alone)."""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")


class History(Generic[T]):
    """A list of visited places with a cursor.

    Visiting a new location drops everything "forward" of the cursor. ``replace``
    lets a quick walk through search results count as one step, so that Back
    returns to where the reader was before the walk rather than through every
    result they glanced at.
    """

    def __init__(self, limit: int = 200) -> None:
        self._entries: list[T] = []
        self._cursor = -1
        self._limit = limit

    @property
    def current(self) -> T | None:
        return self._entries[self._cursor] if self._cursor >= 0 else None

    def visit(self, location: T, *, replace: bool = False) -> None:
        if location == self.current:
            return
        del self._entries[self._cursor + 1:]
        if replace and self._entries:
            self._entries[-1] = location
        else:
            self._entries.append(location)
        overflow = len(self._entries) - self._limit
        if overflow > 0:
            del self._entries[:overflow]
        self._cursor = len(self._entries) - 1

    def can_go_back(self) -> bool:
        return self._cursor > 0

    def can_go_forward(self) -> bool:
        return self._cursor < len(self._entries) - 1

    def back(self) -> T | None:
        if not self.can_go_back():
            return None
        self._cursor -= 1
        return self.current

    def forward(self) -> T | None:
        if not self.can_go_forward():
            return None
        self._cursor += 1
        return self.current

    def __len__(self) -> int:
        return len(self._entries)
