"""Scan everything a record publishes: every field, the body as a reader sees it, every attachment and its name.

A record's result depends only on its file (git blob id), its attachments' contents and the bureau's own numbers in
gongkai.yaml, so results are remembered under that key: in-process, and in the catalog's SQLite cache. Whether an
attachment's path is safe depends on the file system, not on content: that is checked afresh every time
(record_findings in __init__.py).
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PureWindowsPath

from gongkai.catalog import Catalog
from gongkai.catalog.cache import Cache
from gongkai.catalog.sources import blob_id, stamp_of
from gongkai.model import Agency, Item, Record
from gongkai.privacy.attachments import AttachmentRefused, read_attachment, suffix_of
from gongkai.privacy.boxes import boxed_ids, headed_numbers, listed_phones
from gongkai.privacy.columns import extra_columns
from gongkai.privacy.detect import KINDS, bureau_values, find, may_be_masked
from gongkai.forking import Later, in_parallel_later, ranges, shared
from gongkai.privacy.documents import document_segments, pdf_reads, remember_pdf_reads
from gongkai.privacy.extract import (Segment, Table, Unreadable, cells_apart, markdown_segments, markdown_tables,
                                     organisation_rows)
from gongkai.privacy.fields import FieldPath, describe, model_texts
from gongkai.privacy.organisations import ACCOUNT_LINES, account_of_body
from gongkai.privacy.findings import (
    UNREADABLE, ColumnWarning, PrivacyFinding, fields_findings, file_finding, masks_together, model_findings,
    segment_findings,
)
from gongkai.privacy.formats import ALLOWED
from gongkai.privacy.markup import markdown_blocks
from gongkai.privacy.normalize import SEPARATE, build_prefilter
from gongkai.privacy.mask import mask_log
from gongkai.privacy.listed import people_listed
from gongkai.privacy.titles import household_names, listed_in_title

BODY = "正文"
# Fields the outputs show side by side, read one after another as well: a list entry's 题名 and 文号 (site/_table.html:
# 「关于林某1380595 1234号 · 2026-09-03」), 责任者 · 文号 (print/wechat.html); an item's 一级事项 / 二级事项 / 三级事项
# (Item.name, on every page of the item and in the lists). (索引号　文号 on print/sheet.html is not: a 索引号 is digits in
# groups by its 索引号格式, and beside a 文号 they make numbers no reader sees.)
SHOWN_TOGETHER = (("题名", "文号"), ("责任者", "文号"))
ITEM_SHOWN_TOGETHER = (("一级事项", "二级事项", "三级事项"),)
_NOT_FIELDS = frozenset({BODY})  # the body is scanned as the page shows it (body_findings)
# Markup that can hide or join digits only once rendered: links, code, escapes, entities, tags, emphasis, line breaks.
_RENDERING_MATTERS = re.compile(r"[\[\]<&\\`*_~]|\d[ \t]*\n")


@dataclass(frozen=True)
class RecordScan:
    """Everything the scanner found in one record."""

    findings: tuple[PrivacyFinding, ...] = ()
    columns: tuple[ColumnWarning, ...] = ()
    people: bool = False  # its body or an attachment lists people (a 姓名 column, no 职务 …), 公示 or not
    names: frozenset[str] = frozenset()  # the names those lists hold (the gate masks them in the title)


# Remembered as (the keys of records holding nothing, {key: scan} of the others): nearly every record holds nothing,
# and a set of keys loads and saves many times faster than as many scan objects.
MEMO_KEY = "privacy:records:v5"
NOTHING = RecordScan()
MIN_PARALLEL = 1000  # records to scan from which forked workers pay for themselves
_PROCESS: dict[str, RecordScan] = {}
Reader = Callable[[str], bytes | None]
# what a worker sends back: the scans of a share that found anything (by position), the PDFs it read
Share = tuple[list[tuple[int, RecordScan]], dict[bytes, list[tuple[str, str]] | str]]


def scan_parts(record: Record, allowed: frozenset[str], read: Reader) -> RecordScan:
    """Scan *record*; *read(path)* gives an attachment's bytes (None when it may not be read: see attachments.py)."""
    fields = model_texts(record, _NOT_FIELDS)
    findings = fields_findings(record.id, fields, allowed, SHOWN_TOGETHER)
    lists = _Lists(record, allowed, findings)
    # every place a reader sees that shows a masked number, for the masks read together (masks_together); most
    # records show none: one search over their fields decides
    places: list[tuple[FieldPath, Segment]] = []
    if may_be_masked(SEPARATE.join(text for _, text in fields)):
        places.extend((path, Segment(text, describe(path))) for path, text in fields if may_be_masked(text))
    if record.body:
        findings.extend(body_findings(record.id, record.body, allowed))
        lists.read((BODY,), [record.body], markdown_tables(record.body) if "|" in record.body else [])
        if may_be_masked(record.body):
            places.extend(((BODY,), s) for s in markdown_segments(record.body, BODY) if may_be_masked(s.text))
    for index, attachment in enumerate(record.attachments):
        data = read(attachment.file)
        if data is None:
            continue
        path: FieldPath = ("附件", index, "文件")
        label = f"附件「{mask_log(attachment.file)}」"
        try:
            segments, tables = document_segments(suffix_of(attachment.file), data, label)
        except Unreadable as exc:
            findings.append(file_finding(record.id, path, label, UNREADABLE, f"无法读取：{exc}"))
            continue
        findings.extend(segment_findings(record.id, path, segments, allowed))
        lists.read(path, [segment.text for segment in segments], tables)
        places.extend((path, segment) for segment in segments if may_be_masked(segment.text))
    if len(places) > 1:
        findings.extend(masks_together(record.id, places, allowed))
    # (a title that names the people aid is given to makes the record one about them, whatever its body says)
    # (fortieth session) so does an attachment's 名称 or file name giving them (陈水生家庭申请最低生活保障审核表.pdf): both
    # are shown on the page, the name in the file's address too
    titled = listed_in_title(record.title).union(*(household_names(text) for a in record.attachments
                                                  for text in (a.name or "", PureWindowsPath(a.file).stem)))
    return RecordScan(tuple(findings), tuple(lists.columns), lists.people or bool(titled),
                      frozenset(lists.names | titled))


def attachment_scan(owner: str, path: FieldPath, segments: list[Segment], tables: list[Table],
                    allowed: frozenset[str]) -> list[PrivacyFinding]:
    """What the gate finds in one document on its own (gongkai mask asks it of the file it rewrote): its segments,
    its tables along the rows (boxed_ids) and under their headers (headed_numbers, listed_phones), and its masks read
    together, as scan_parts reads an attachment."""
    places = [(path, segment) for segment in segments if may_be_masked(segment.text)]
    found = segment_findings(owner, path, segments, allowed) + table_findings(owner, path, tables, allowed)
    return found + (masks_together(owner, places, allowed) if len(places) > 1 else [])


def table_findings(owner: str, path: FieldPath, tables: list[Table], allowed: frozenset[str]) -> list[PrivacyFinding]:
    """What a document's tables show that no cell shows alone: a number one character to a box along a row
    (boxed_ids), a number read under the header that names it (headed_numbers), a landline in a list's phone column
    (listed_phones)."""
    return (boxed_ids(owner, path, tables, allowed) + headed_numbers(owner, path, tables, allowed)
            + listed_phones(owner, path, tables))


@dataclass
class _Lists:
    """What the body and each attachment of a record tell of the people they list: a list written as a sentence, the
    tables (each read once: boxed numbers, name columns, names; a 公示's columns against the allow-list)."""

    record: Record
    allowed: frozenset[str]
    findings: list[PrivacyFinding]
    columns: list[ColumnWarning] = field(default_factory=list)
    people: bool = False
    names: set[str] = field(default_factory=set)

    def read(self, path: FieldPath, texts: list[str], tables: list[Table]) -> None:
        owner = self.record.id
        self.findings.extend(table_findings(owner, path, tables, self.allowed))
        listed = people_listed(texts, tables)
        self.people = self.people or listed.people
        self.names.update(listed.names)
        if self.record.kind == "公示":
            self.columns.extend(ColumnWarning(owner, name, f"{table.where}第{n}列", path, table.line)
                                for table, r in zip(tables, listed.tables)
                                for n, name in extra_columns(r.header, r.named))


def body_findings(owner: str, body: str, allowed: frozenset[str]) -> list[PrivacyFinding]:
    """Personal data in a Markdown body: line by line (tables by cell), and as the rendered page shows it."""
    rendering = _RENDERING_MATTERS.search(body) is not None
    apart = cells_apart(body)
    whole = list(find(apart, allowed))
    if not rendering and not whole:
        return []  # most bodies hold nothing: one pass over the whole text decides
    found = segment_findings(owner, (BODY,), list(markdown_segments(body, BODY)), allowed)
    seen = {(f.kind, f.masked_value) for f in found}
    shown = [(first, text, hit) for first, text in markdown_blocks(body) for hit in find(text, allowed)] if rendering else []
    # What the source holds across lines or paragraphs (幺三八幺二三四⏎五六七八) counts too, at the line it starts on.
    # An address in a row naming an organisation is judged in its cell (segment_findings: the organisation's address)
    rows = organisation_rows(body) if any(hit.kind == "address" for _, _, hit in shown) or any(
        hit.kind == "address" for hit in whole) else frozenset()
    for first, text, hit in [*shown, *((0, apart, hit) for hit in whole)]:
        line = first + text.count("\n", 0, hit.start)
        if hit.kind == "address" and line in rows or hit.kind == "bank" and text is not apart and _account_above(
                body, first, text[:hit.start]):
            continue
        if (hit.kind, hit.masked) not in seen:
            seen.add((hit.kind, hit.masked))
            found.append(PrivacyFinding(owner, hit.kind, f"{BODY}第{line + 1}行（显示后）", hit.masked, (BODY,),
                                        line, hit.label, born=hit.born))
    return found


def _account_above(body: str, first: int, before: str) -> bool:
    """True when an account a paragraph shows after *before* is the organisation's whose 户名 a paragraph above gives
    (户名：…⏎⏎账号：…: rendered, each paragraph is read alone)."""
    above = "\n".join(body.split("\n")[max(0, first - ACCOUNT_LINES + 1):first])
    text = f"{above}\n{before}"
    return account_of_body(text, len(text))


def allowed_of(agency: Agency | None) -> frozenset[str]:
    """The bureau's own mobile numbers and addresses, from the contact fields of gongkai.yaml."""
    if agency is None:
        return frozenset()
    desk = agency.requests
    phones = [agency.org.phone, agency.handover.phone, *(u.phone for u in agency.units)]
    phones += [desk.phone, desk.fax] if desk is not None else []
    addresses = [agency.org.address, desk.address if desk is not None else None]
    return _bureau_values(tuple(p for p in phones if p), tuple(a for a in addresses if a))


@functools.lru_cache(maxsize=8)  # asked by the scan and again by each GK60x rule of a run: the same few texts
def _bureau_values(phones: tuple[str, ...], addresses: tuple[str, ...]) -> frozenset[str]:
    return bureau_values(list(phones), list(addresses))


@dataclass
class Scanner:
    """The scan of one loaded catalog: every 主动公开 record, computed once, remembered by content."""

    catalog: Catalog
    results: dict[str, RecordScan] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.allowed = allowed_of(self.catalog.agency)
        self.salt = hashlib.sha1(repr(sorted(self.allowed)).encode()).hexdigest()
        self.cache = self.catalog.cache
        self.blobs = {f.object_id: f for f in self.catalog.files.values() if f.kind == "record" and f.model is not None}
        self.item_files = {f.object_id: f for f in self.catalog.files.values() if f.kind == "item" and f.model is not None}
        self.items: dict[str, list[PrivacyFinding]] = {}
        self._started: tuple[frozenset[str], dict[str, RecordScan], list[tuple[Record, str]], list[Record],
                             list[range], Later[Share]] | None = None
        self.done = False

    def start(self) -> None:
        """Begin the scan: what is remembered read, what is not started — in forked workers when there are many
        records, which scan while this process goes on (scan_ahead); run() collects them."""
        if self._started is not None:
            return
        # A partial catalog (an incremental validate) scans only edited records: the memo would be read for nothing
        # and rewritten with a few entries.
        clean, found = _memo(None if self.catalog.partial else self.cache.memo(MEMO_KEY))
        public = [(record, self.key(record)) for record in self.catalog.records.values() if record.is_public]
        todo = [record for record, key in public if key not in _PROCESS and key not in clean and key not in found]
        parallel = len(todo) >= MIN_PARALLEL and getattr(self.catalog.source, "root", None) is not None
        parts = ranges(len(todo), parallel)
        if len(parts) > 1:
            build_prefilter()  # (the workers forked below share it)
        self._started = (clean, found, public, todo, parts,
                         in_parallel_later(_scan_share, parts, (todo, self.allowed, self.read)))

    def run(self) -> dict[str, RecordScan]:
        """Scan every 主动公开 record, reusing remembered results for unchanged content."""
        self.start()
        assert self._started is not None
        clean, found, public, todo, parts, later = self._started
        try:
            shares = later.results()
        except BaseException:
            self._started = None  # (the workers are gone: asked again, it starts again)
            raise
        if len(parts) > 1:
            for _, read in shares:
                remember_pdf_reads(read)
        scanned = {todo[part.start + at].id: scan for (scans, _), part in zip(shares, parts) for at, scan in scans}
        used_clean: set[str] = set()
        used_found: dict[str, RecordScan] = {}
        for record, key in public:
            scan = _PROCESS.get(key) or found.get(key) or (NOTHING if key in clean else scanned.get(record.id, NOTHING))
            _PROCESS[key] = scan
            if scan == NOTHING:
                used_clean.add(key)
            else:
                used_found[key] = scan
            self.results[record.id] = scan
        if (used_clean != clean or used_found.keys() != found.keys()) and not self.catalog.partial:
            self.cache.put_memo(MEMO_KEY, (frozenset(used_clean), used_found))
        self.cache.save_stats()
        self.done = True
        return self.results

    def item_findings(self, item: Item) -> list[PrivacyFinding]:
        """Personal data in any field of *item*: an item of the catalog is looked at once (every GK60x rule and the
        gate ask), by its file's content; any other item afresh."""
        parsed = self.item_files.get(item.id)
        if parsed is None or parsed.model is not item:
            return model_findings(item.id, item, self.allowed, together=ITEM_SHOWN_TOGETHER)
        found = self.items.get(parsed.blob)
        if found is None:
            found = self.items[parsed.blob] = model_findings(item.id, item, self.allowed, together=ITEM_SHOWN_TOGETHER)
        return list(found)

    def key(self, record: Record) -> str:
        """What the record's result depends on: its file, its attachments' contents, the bureau's own numbers."""
        parsed = self.blobs.get(record.id)
        own = parsed.blob if parsed is not None and parsed.model is record else blob_id(record.model_dump_json().encode())
        files = [self._attachment_blob(a.file) for a in record.attachments]
        return "|".join([own, self.salt, *files])

    def _attachment_blob(self, path: str) -> str:
        root = getattr(self.catalog.source, "root", None)
        if root is None:
            data = self.read(path)
            return blob_id(data) if data is not None else "missing"
        try:
            stamp = stamp_of(os.lstat(root / path))
        except OSError:
            return "missing"
        known = self.cache.known_blob(path, stamp)
        if known is not None:
            return known
        recorded = time.time_ns()
        data = self.read(path)
        if data is None:  # not remembered: the cache keeps content hashes, which the next listing reads as such
            return "refused"
        blob = blob_id(data)
        self.cache.remember_blob(path, stamp, blob, recorded)
        return blob

    def read(self, path: str) -> bytes | None:
        """An attachment's bytes when it passes the attachment check, else None (the check reports why)."""
        if suffix_of(path) not in ALLOWED:
            return None
        try:
            return read_attachment(self.catalog, path)
        except AttachmentRefused:
            return None


def _memo(remembered: object) -> tuple[frozenset[str], dict[str, RecordScan]]:
    """The remembered (clean keys, found scans); nothing when the memo is missing or not of this form."""
    if (isinstance(remembered, tuple) and len(remembered) == 2 and isinstance(remembered[0], frozenset)
            and isinstance(remembered[1], dict)):
        return remembered[0], remembered[1]
    return frozenset(), {}


def _scan_share(part: range) -> Share:
    """In a worker (or alone): the scans of *part* of the records that found anything, by position in the part (the
    rest found nothing: not sent back one by one), and the PDFs read on the way (for the parent)."""
    records, allowed, read = shared()
    before = set(pdf_reads())
    scans = [scan_parts(record, allowed, read) for record in records[part.start:part.stop]]
    return ([(at, scan) for at, scan in enumerate(scans) if scan != NOTHING],
            {key: pieces for key, pieces in pdf_reads().items() if key not in before})


_SCANNERS: dict[int, Scanner] = {}


def scanner_of(catalog: Catalog) -> Scanner:
    """The scanner of *catalog*, made (and run over every 主动公开 record) once per loaded catalog."""
    scanner = _scanner(catalog)
    if not scanner.done:
        scanner.run()
    return scanner


def scan_ahead(catalog: Catalog) -> None:
    """Start scanning *catalog*'s 主动公开 records now: in forked workers when there are many, which scan while this
    process checks other rules (100,000 records: the scan's 6 s mostly hidden behind the cross-file rules);
    catalog_scan() collects the result."""
    _scanner(catalog).start()


def _scanner(catalog: Catalog) -> Scanner:
    scanner = _SCANNERS.get(id(catalog))
    if scanner is None or scanner.catalog is not catalog:
        scanner = _SCANNERS[id(catalog)] = Scanner(catalog)
        # (not at exit: the process is ending, and freeing the scans would only cost time; cli._end)
        weakref.finalize(catalog, _SCANNERS.pop, id(catalog), None).atexit = False
    return scanner


def catalog_scan(catalog: Catalog) -> dict[str, RecordScan]:
    """The scan of every 主动公开 record of *catalog* by record id, computed once per loaded catalog."""
    return scanner_of(catalog).results


def attachment_id(catalog: Catalog, path: str) -> str | None:
    """The content hash (git blob id) of the attachment at *path*; None when it is missing or may not be read."""
    found = scanner_of(catalog)._attachment_blob(path)
    return None if found in ("missing", "refused") else found


def scan_record(catalog: Catalog, record: Record) -> RecordScan:
    """The scan of one record; a record of the catalog comes from the catalog-wide scan."""
    scanner = scanner_of(catalog)
    if catalog.records.get(record.id) is record and record.is_public:
        return scanner.results.get(record.id, RecordScan())
    return scan_parts(record, scanner.allowed, scanner.read)
