"""Scan the published parts of records: title, body (with its tables) and readable attachments.

A record's result depends only on its file (git blob id), its attachments' contents and the bureau's own numbers in
gongkai.yaml, so results are remembered under that key: in-process, and in the catalog's SQLite cache.
"""

from __future__ import annotations

import hashlib
import os
import time
import weakref
from dataclasses import dataclass, field
from typing import Any

from gongkai.catalog import Catalog
from gongkai.catalog.cache import Cache
from gongkai.catalog.sources import blob_id, stamp_of
from gongkai.model import Record
from gongkai.privacy.columns import extra_columns
from gongkai.privacy.detect import allowed_values, find
from gongkai.privacy.extract import TEXT_SUFFIXES, Segment, Table, attachment_segments, markdown_segments, markdown_tables


@dataclass(frozen=True)
class PrivacyFinding:
    """Unmasked personal data in a record: what kind, where (field, cell or page), the value already masked."""

    record_id: str
    kind: str
    where: str
    masked_value: str
    field: tuple[str | int, ...] = ()
    line: int | None = None  # 0-based line inside the body, when the finding is in the body
    label: str = ""


@dataclass(frozen=True)
class ColumnWarning:
    """A column that a 公示 list of people may not carry (the allow-list of DOMAIN.md §7)."""

    record_id: str
    column: str
    where: str
    field: tuple[str | int, ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class RecordScan:
    """Everything the scanner found in one record."""

    findings: tuple[PrivacyFinding, ...] = ()
    columns: tuple[ColumnWarning, ...] = ()


MEMO_KEY = "privacy:records:v1"
_PROCESS: dict[str, RecordScan] = {}


def scan_parts(record: Record, allowed: frozenset[str], read: Any) -> RecordScan:
    """Scan *record*; *read(path)* gives an attachment's bytes (or None when it cannot be read)."""
    findings: list[PrivacyFinding] = []
    columns: list[ColumnWarning] = []
    parts: list[tuple[tuple[str | int, ...], list[Segment], list[Table]]] = [
        (("题名",), [Segment(record.title, "题名")], []),
    ]
    if record.body:
        parts.append((("正文",), _body_segments(record.body, allowed), _tables(record, record.body)))
    for index, attachment in enumerate(record.attachments):
        if attachment.name:
            parts.append((("附件", index, "名称"), [Segment(attachment.name, f"附件名称「{attachment.name}」")], []))
        if attachment.suffix in TEXT_SUFFIXES:
            data = read(attachment.file)
            if data is not None:
                segments, tables = _attachment(attachment.suffix, data, f"附件 {attachment.file}", allowed)
                parts.append((("附件", index, "文件"), segments, tables if record.kind == "公示" else []))
    for path, segments, tables in parts:
        findings.extend(_findings(record.id, path, segments, allowed))
        columns.extend(_columns(record.id, path, tables))
    return RecordScan(tuple(findings), tuple(columns))


def _body_segments(body: str, allowed: frozenset[str]) -> list[Segment]:
    # Most bodies hold nothing: one pass over the whole text decides whether to look line by line.
    if next(find(body, allowed), None) is None:
        return []
    return list(markdown_segments(body, "正文"))


def _tables(record: Record, body: str) -> list[Table]:
    return markdown_tables(body) if record.kind == "公示" and "|" in body else []


def _attachment(suffix: str, data: bytes, label: str, allowed: frozenset[str]) -> tuple[list[Segment], list[Table]]:
    try:
        return attachment_segments(suffix, data, label)
    except Exception:  # noqa: BLE001 - a damaged attachment is reported by the attachment rules, not here
        return [], []


def _findings(record_id: str, path: tuple[str | int, ...], segments: list[Segment],
              allowed: frozenset[str]) -> list[PrivacyFinding]:
    found = []
    for segment in segments:
        for hit in find(segment.text, allowed):
            found.append(PrivacyFinding(record_id, hit.kind, segment.where, hit.masked, path, segment.line, hit.label))
    return found


def _columns(record_id: str, path: tuple[str | int, ...], tables: list[Table]) -> list[ColumnWarning]:
    return [ColumnWarning(record_id, name, f"{table.where}第{n}列", path, table.line)
            for table in tables for n, name in extra_columns(table.header)]


@dataclass
class Scanner:
    """The scan of one loaded catalog: every 主动公开 record, computed once, remembered by content."""

    catalog: Catalog
    results: dict[str, RecordScan] = field(default_factory=dict)

    def __post_init__(self) -> None:
        agency_text = self._agency_text()
        self.allowed = allowed_values(agency_text)
        self.salt = hashlib.sha1(agency_text.encode()).hexdigest()
        self.cache = _cache_for(self.catalog)
        self.blobs = {f.object_id: f for f in self.catalog.files.values() if f.kind == "record" and f.model is not None}

    def _agency_text(self) -> str:
        try:
            return self.catalog.source.read("gongkai.yaml").decode("utf-8", errors="replace")
        except OSError:
            return ""

    def run(self) -> dict[str, RecordScan]:
        """Scan every 主动公开 record, reusing remembered results for unchanged content."""
        remembered = self.cache.memo(MEMO_KEY)
        known: dict[str, RecordScan] = remembered if isinstance(remembered, dict) else {}
        used: dict[str, RecordScan] = {}
        for record in self.catalog.records.values():
            if not record.is_public:
                continue
            key = self.key(record)
            scan = _PROCESS.get(key) or known.get(key) or scan_parts(record, self.allowed, self.read)
            _PROCESS[key] = used[key] = scan
            self.results[record.id] = scan
        if used.keys() != known.keys():
            self.cache.put_memo(MEMO_KEY, used)
        self.cache.save_stats()
        return self.results

    def key(self, record: Record) -> str:
        """What the record's result depends on: its file, its attachments' contents, the bureau's own numbers."""
        parsed = self.blobs.get(record.id)
        own = parsed.blob if parsed is not None and parsed.model is record else blob_id(record.model_dump_json().encode())
        files = [self._attachment_blob(a.file) for a in record.attachments if a.suffix in TEXT_SUFFIXES]
        return "|".join([own, self.salt, *files])

    def _attachment_blob(self, path: str) -> str:
        root = getattr(self.catalog.source, "root", None)
        if root is None:
            data = self.read(path)
            return blob_id(data) if data is not None else "missing"
        try:
            stamp = stamp_of(os.stat(root / path))
        except OSError:
            return "missing"
        known = self.cache.known_blob(path, stamp)
        if known is not None:
            return known
        recorded = time.time_ns()
        data = self.read(path)
        blob = blob_id(data) if data is not None else "missing"
        self.cache.remember_blob(path, stamp, blob, recorded)
        return blob

    def read(self, path: str) -> bytes | None:
        """An attachment's bytes, or None when it is not a file inside the catalog."""
        if not self.catalog.has_file(path):
            return None
        try:
            return self.catalog.source.read(path)
        except (OSError, KeyError):
            return None


def _cache_for(catalog: Catalog) -> Cache:
    return catalog.cache


_SCANNERS: dict[int, Scanner] = {}


def catalog_scan(catalog: Catalog) -> dict[str, RecordScan]:
    """The scan of every 主动公开 record of *catalog* by record id, computed once per loaded catalog."""
    scanner = _SCANNERS.get(id(catalog))
    if scanner is None or scanner.catalog is not catalog:
        scanner = Scanner(catalog)
        scanner.run()
        _SCANNERS[id(catalog)] = scanner
        weakref.finalize(catalog, _SCANNERS.pop, id(catalog), None)
    return scanner.results


def scan_record(catalog: Catalog, record: Record) -> RecordScan:
    """The scan of one record; a record of the catalog comes from the catalog-wide scan."""
    if catalog.records.get(record.id) is record and record.is_public:
        return catalog_scan(catalog).get(record.id, RecordScan())
    scanner = _SCANNERS.get(id(catalog))
    if scanner is None or scanner.catalog is not catalog:
        catalog_scan(catalog)
        scanner = _SCANNERS[id(catalog)]
    return scan_parts(record, scanner.allowed, scanner.read)
