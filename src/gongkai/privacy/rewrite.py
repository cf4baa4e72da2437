"""Rewrite a list (CSV, XLSX or Markdown) with every piece of personal data in the masking format."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.privacy.detect import KINDS
from gongkai.privacy.extract import text_of
from gongkai.privacy.mask import mask_text

SUFFIXES = ("csv", "xlsx", "md", "markdown", "txt")


@dataclass(frozen=True)
class Masked:
    """One value masked: where, what kind, and the value as now written."""

    where: str
    kind: str
    masked: str

    @property
    def label(self) -> str:
        return KINDS[self.kind]


@dataclass
class MaskResult:
    """The rewritten file's bytes and what was masked in it."""

    data: bytes
    masked: list[Masked] = field(default_factory=list)


def agency_allowed(path: Path) -> frozenset[str]:
    """The bureau's own numbers when *path* lies inside a catalog (a parent folder holds gongkai.yaml)."""
    from gongkai.catalog.yamlio import YamlFailure, parse_fast
    from gongkai.model import Agency
    from gongkai.privacy.scan import allowed_of

    for folder in path.resolve().parents:
        agency = folder / "gongkai.yaml"
        if agency.is_file():
            try:
                model = Agency.model_validate(parse_fast(agency.read_text(encoding="utf-8", errors="replace")))
            except (YamlFailure, ValueError):
                return frozenset()
            return allowed_of(model)
    return frozenset()


def mask_file(path: Path, data: bytes, allowed: frozenset[str] = frozenset()) -> MaskResult:
    """*data* (the content of *path*) rewritten with personal data masked; the suffix picks the format."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix == "csv":
        return _mask_csv(data, allowed)
    if suffix == "xlsx":
        return _mask_xlsx(data, allowed)
    return _mask_lines(data, allowed)


def _encoding(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"


def _mask_csv(data: bytes, allowed: frozenset[str]) -> MaskResult:
    rows = list(csv.reader(io.StringIO(text_of(data))))
    result = MaskResult(b"")
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            row[c], done = mask_text(cell, allowed)
            where = f"第{r}行第{c + 1}列" if r else f"表头第{c + 1}列"
            result.masked.extend(Masked(where, kind, value) for kind, value in done)
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n" if b"\r\n" in data else "\n").writerows(rows)
    result.data = buffer.getvalue().encode(_encoding(data))
    return result


def _mask_xlsx(data: bytes, allowed: frozenset[str]) -> MaskResult:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    result = MaskResult(b"")
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, (str, int)) and not isinstance(cell.value, bool):
                    text, done = mask_text(str(cell.value), allowed)
                    if done:
                        cell.value = text
                        result.masked.extend(Masked(f"{sheet.title}!{cell.coordinate}", k, v) for k, v in done)
    buffer = io.BytesIO()
    book.save(buffer)
    result.data = buffer.getvalue()
    return result


def _mask_lines(data: bytes, allowed: frozenset[str]) -> MaskResult:
    encoding = _encoding(data)
    lines = data.decode(encoding).split("\n")
    result = MaskResult(b"")
    for number, line in enumerate(lines, start=1):
        lines[number - 1], done = mask_text(line, allowed)
        result.masked.extend(Masked(f"第{number}行", kind, value) for kind, value in done)
    result.data = "\n".join(lines).encode(encoding)
    return result
