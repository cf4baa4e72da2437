"""The catalog as KEYED and VIEW rules see it in an incremental run: the files to check, every file that is not a
record, and the other records looked up by id from what the last run kept of them (their Facts)."""

from __future__ import annotations

from collections.abc import Callable, ItemsView, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from gongkai.catalog import Catalog
from gongkai.catalog.files import ParsedFile
from gongkai.diagnostics import Location
from gongkai.model.base import number_key, page_key
from gongkai.privacy.attachments import same_file
from gongkai.privacy.links import body_links, linked_files, linked_pages
from gongkai.recheck.state import Facts, Key
from gongkai.recheck.store import Store
from gongkai.rules import Context
from gongkai.rules.base import RECORD_PARTS

PART_NAMES = tuple(sorted(RECORD_PARTS))  # the order of Facts.parts
# The keys KEYED rules compare the records they check by with one another, not through a lookup of the Index (keys_of)
COMPARED = frozenset({"页面", "附件"})


def keys_of(parsed: ParsedFile) -> tuple[tuple[Key, ...], tuple[Key, ...]]:
    """(defines, refers): the name, id, 索引号 and attachment paths a file holds, and the ids it looks up.

    A KEYED finding in a file depends on the records that share one of these with it: a change to a file re-checks
    every file that defines or refers to what the changed file defined before or defines now.
    """
    stem = parsed.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    defines: list[Key] = [(parsed.kind, stem)]  # an unreadable file's name is what references to it are checked by
    refers: list[Key] = []
    model = parsed.model
    if model is not None and isinstance(getattr(model, "id", None), str):
        if model.id != stem:
            defines.append((parsed.kind, model.id))
        # GK201 also compares ids as the site's pages are named (R2026-002 and r2026-002 are one page on IIS)
        defines.append(("页面", f"{parsed.kind}/{page_key(model.id)}"))
    if parsed.kind == "record" and model is not None:
        if model.index_number is not None:
            defines.append(("索引号", number_key(model.index_number)))
        if model.item is not None:
            refers.append(("item", model.item))
        others = [*model.interpretations, *model.replaces, model.forwards, model.replaced_by]
        refers.extend(("record", other) for other in others if other is not None)
        # GK612 compares the records that name one file, as same_file() writes it (./files/…, files\\…, case): each
        # "defines" it so, so that a change to one re-checks the others
        defines.extend(("附件", same_file(attachment.file)) for attachment in model.attachments)
        # … and the files its 正文 may link (every tail from a folder files/ of each address: more, never fewer)
        addresses = body_links(model.body)
        defines.extend(("附件", same_file(file)) for file in linked_files(addresses))
        # GK909 looks up the records whose pages its 正文 links
        refers.extend(("record", page) for page in linked_pages(addresses))
    elif parsed.kind == "ledger" and model is not None:
        refers.extend(("record", other) for other in model.record_ids())
        # GK508 names the record that now holds a 索引号 the ledger sent under another 编号 (a record renamed)
        refers.extend(("索引号", number_key(sent.index_number)) for sent in model.records if sent.index_number)
    return tuple(defines), tuple(refers)


class Index:
    """What every file of the catalog defines, from the facts store: the lookups a View answers without loading
    records, each a query for what it asks."""

    def __init__(self, store: Store, listed: AbstractSet[str], facts: dict[str, Facts] | None = None) -> None:
        self.store = store
        self.listed = listed  # every file of the catalog (each has facts in the store)
        self.facts = facts  # the facts of every file, when the run has them all at hand
        self._unreadable: dict[str, set[str]] = {}

    @cached_property
    def paths(self) -> FirstPaths:
        """(kind, id) → the first valid file (by path) with that id: Catalog.paths."""
        return FirstPaths(self.store)

    @cached_property
    def holders(self) -> Holders:
        """number_key(索引号) → id of its first record: Catalog.index_holders."""
        return Holders(self.store)

    def unreadable(self, kind: str) -> set[str]:
        """Catalog.unreadable: the names of the files of *kind* that could not be loaded."""
        if kind not in self._unreadable:
            self._unreadable[kind] = {p.rsplit("/", 1)[-1].rsplit(".", 1)[0] for p in self.store.invalid(kind)}
        return set(self._unreadable[kind])

    def sharing(self, keys: set[Key]) -> set[str]:
        """Paths of the files that define or refer to any of *keys*."""
        return self.store.sharing(keys)

    @cached_property
    def _parts(self) -> list[tuple[str, str, tuple[Any, ...]]]:
        if self.facts is None:
            return list(self.store.record_parts())
        every = ((p, self.facts[p]) for p in sorted(self.facts))
        return [(path, facts.object_id, facts.parts) for path, facts in every
                if facts.kind == "record" and facts.valid and facts.object_id is not None]

    def parts(self, name: str) -> list[tuple[str, str, Any]]:
        """Context.record_parts from the parts kept with each valid record."""
        at = PART_NAMES.index(name)
        return [(path, object_id, parts[at]) for path, object_id, parts in self._parts]


class FirstPaths(Mapping[tuple[str, str], str]):
    """(kind, id) → the first valid file (by path) with that id, each looked up when asked."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.known: dict[tuple[str, str], str | None] = {}

    def __getitem__(self, key: tuple[str, str]) -> str:
        if key not in self.known:
            self.known[key] = self.store.firsts({key}).get(key) if key[1] is not None else None
        found = self.known[key]
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return (key for key, _ in self.store.every_first())

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def items(self) -> ItemsView[tuple[str, str], str]:  # one query, not one per key
        return dict(self.store.every_first()).items()


class Holders(Mapping[str, str]):
    """索引号 → id of the first record (by path) with it, each looked up when asked."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.known: dict[str, str | None] = {}

    def __getitem__(self, number: str) -> str:
        if number not in self.known:
            self.known[number] = self.store.holder(number)
        found = self.known[number]
        if found is None:
            raise KeyError(number)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self.store.holders())

    def __len__(self) -> int:
        return len(self.store.holders())


class LazyRecords(Mapping[str, Any]):
    """catalog.records of a View: id → the first record with it, read only when a rule looks it up."""

    def __init__(self, index: Index, fetch: Callable[[str], ParsedFile]) -> None:
        self.index, self.fetch = index, fetch

    def __getitem__(self, object_id: str) -> Any:
        return self.fetch(self.index.paths[("record", object_id)]).model

    def __contains__(self, object_id: object) -> bool:
        return ("record", object_id) in self.index.paths

    def __iter__(self) -> Iterator[str]:
        return (object_id for (_, object_id), _ in self.index.store.every_first("record"))

    def __len__(self) -> int:
        return sum(1 for _ in self)


@dataclass
class View(Catalog):
    """A Catalog whose records are the files to check; every other record is looked up through the Index."""

    index: Index | None = None
    fetch: Callable[[str], ParsedFile] = field(default=lambda path: ParsedFile(path, "", ""), repr=False)

    @cached_property
    def records(self) -> dict[str, Any]:
        assert self.index is not None
        return LazyRecords(self.index, self.fetch)  # type: ignore[return-value]  # read-only, as rules use it

    @cached_property
    def paths(self) -> dict[tuple[str, str], str]:
        assert self.index is not None
        return self.index.paths  # type: ignore[return-value]  # read-only, as rules use it

    @cached_property
    def index_holders(self) -> dict[str, str]:
        assert self.index is not None
        return self.index.holders  # type: ignore[return-value]  # read-only, as rules use it

    def unreadable(self, kind: str) -> set[str]:
        assert self.index is not None
        return self.index.unreadable(kind)

    def locate(self, location: Location, prefer_key: bool = False) -> tuple[str | None, int | None, int | None]:
        """Catalog.locate, reading the file first when it is a record this View has not loaded."""
        assert self.index is not None
        path = location.path
        if path is None and location.object_id is not None:
            path = next((p for (k, i), p in self.paths.items() if i == location.object_id and k != "agency"), None)
        if path is not None and path not in self.files and path in self.index.listed:
            self.files[path] = self.fetch(path)
        return super().locate(location, prefer_key)


@dataclass
class PartsContext(Context):
    """A Context whose record parts come from the facts (computed when each record was last read)."""

    index: Index | None = None

    def record_parts(self, name: str) -> list[tuple[str, str, Any]]:
        assert self.index is not None
        return self.index.parts(name)


def parts_of(context: Context, model: Any) -> tuple[Any, ...]:
    """Every registered part of one record, in PART_NAMES order."""
    return tuple(RECORD_PARTS[name](context, model) for name in PART_NAMES)
