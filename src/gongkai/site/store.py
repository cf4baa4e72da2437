"""The build's store: for every file of the last build, the hash of its inputs and of its bytes.

It lives in the site folder (.gongkai-build.json) and names only files that are on the site. With it the next
build knows which files to make again; without it (first build, deleted or damaged store) every file is made.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STORE = ".gongkai-build.json"
VERSION = 4


def digest(data: bytes | str) -> str:
    """A 128-bit content hash (hex): plenty to tell versions of a file apart."""
    return hashlib.blake2b(data.encode("utf-8") if isinstance(data, str) else data, digest_size=16).hexdigest()


@dataclass
class Store:
    """What the last build wrote, and for which catalog listing and which days it stays right."""

    stamp: str = ""  # the catalog listing, templates and options the build was made from
    built_on: dt.date | None = None  # the day the build was made for (--today)
    next_change: dt.date | None = None  # from this day on the gate decides differently: build again
    files: dict[str, list[str]] = field(default_factory=dict)  # path → [inputs key, content hash]
    # What lets the next build carry record pages over (gongkai.site.carried): the generation of the gate's memo
    # this build wrote, the pages' chrome, and the 编号 other web records named as their 解读 or replacement
    gate: str = ""
    chrome: str = ""
    named: list[str] = field(default_factory=list)
    # the folder's entries by path and size as the build left them (gongkai.site.tree): a file changed by hand since
    # makes the next build a full one; "" (a store of an older gongkai) does too
    tree: str = ""
    next_change_provisional: bool = False  # next_change ends a 公示 counted on the 暂定 calendar (stored only when so)

    @classmethod
    def read(cls, site: Path) -> Store:
        """The store of the site in *site*; an empty store when there is none or it cannot be read."""
        try:
            raw: dict[str, Any] = json.loads((site / STORE).read_text("utf-8"))
            if raw.get("version") != VERSION:
                return cls()
            return cls(str(raw["stamp"]), _day(raw.get("built_on")), _day(raw.get("next_change")),
                       {str(k): [str(v[0]), str(v[1])] for k, v in raw["files"].items()},
                       str(raw.get("gate", "")), str(raw.get("chrome", "")), [str(n) for n in raw.get("named", [])],
                       str(raw.get("tree", "")), raw.get("next_change_provisional") is True)
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return cls()

    @classmethod
    def read_head(cls, site: Path) -> tuple[Store, int]:
        """The store's stamp and days and how many files it names, without reading its entries (a build with nothing
        to do needs no more: at 100k records the entries take longer to read than the rest of the check)."""
        try:
            with (site / STORE).open("rb") as stream:
                first = stream.readline()
            raw: dict[str, Any] = json.loads(first.removesuffix(b'"files":{\n').rstrip(b",") + b"}")
            if raw.get("version") != VERSION or not isinstance(raw.get("count"), int):
                store = cls.read(site)
                return cls(store.stamp, store.built_on, store.next_change, tree=store.tree,
                           next_change_provisional=store.next_change_provisional), len(store.files)
            return cls(str(raw["stamp"]), _day(raw.get("built_on")), _day(raw.get("next_change")),
                       tree=str(raw.get("tree", "")),
                       next_change_provisional=raw.get("next_change_provisional") is True), raw["count"]
        except (OSError, ValueError, KeyError, TypeError):
            return cls(), 0

    def holds(self, stamp: str, today: dt.date) -> bool:
        """True when a build for *today* from the listing *stamp* would make exactly what is there."""
        return bool(self.files) and self.holds_days(stamp, today)

    def holds_days(self, stamp: str, today: dt.date) -> bool:
        """True when the store was made from the listing *stamp* and the gate decides on *today* as on its day."""
        if self.stamp != stamp or self.built_on is None or today < self.built_on:
            return False
        return self.next_change is None or today < self.next_change

    def dumps(self) -> str:
        head = {"version": VERSION, "stamp": self.stamp, "built_on": _iso(self.built_on),
                "next_change": _iso(self.next_change), "count": len(self.files), "gate": self.gate,
                "chrome": self.chrome, "named": self.named}
        if self.tree:
            head["tree"] = self.tree
        if self.next_change_provisional:  # only when so: a store of any other day is byte for byte as before
            head["next_change_provisional"] = True
        # one file per line keeps the store diffable and cheap to write
        quote = json.JSONEncoder(ensure_ascii=False).encode  # without dumps' per-call set-up: 100k paths
        lines = [f'{quote(p)}:["{key}", "{content}"]' for p, (key, content) in sorted(self.files.items())]
        return json.dumps(head, ensure_ascii=False)[:-1] + ',"files":{\n' + ",\n".join(lines) + "\n}}\n"


def _day(value: object) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
