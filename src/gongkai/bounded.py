"""What one process remembers of work it may be asked again (a PDF read, a document scanned, a form made): at most
a bounded number of results, the oldest forgotten first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Bounded(Generic[K, V]):
    """A mapping of at most *most* entries; when full, putting a new key forgets the oldest. ``cache_clear`` empties
    it, as it does a functools cache (tools/mutation.py empties every such cache before each test)."""

    def __init__(self, most: int) -> None:
        self._most = most
        self._kept: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        return self._kept.get(key)

    def put(self, key: K, value: V) -> None:
        if key not in self._kept and len(self._kept) >= self._most:
            del self._kept[next(iter(self._kept))]
        self._kept[key] = value

    def made(self, key: K, make: Callable[[], V]) -> V:
        """The value kept for *key*, or *make*'s, kept from now on."""
        value = self._kept.get(key)
        if value is None:
            value = make()
            self.put(key, value)
        return value

    def copy(self) -> dict[K, V]:
        return dict(self._kept)

    def cache_clear(self) -> None:
        self._kept.clear()
