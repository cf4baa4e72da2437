"""An ID written one character to a box: the 身份证号 row of an application form (申请表), a table of 18 cells, each
holding one digit (the last perhaps X). Each cell alone holds one digit and the scans read cells apart, so the number
was never whole to them; read here along the row, a run of 18 one-character cells that makes a valid ID is one.

Only IDs: their check digit and birth date keep a row of small counts from reading as one (a run of eleven one-digit
cells that starts 13 is as likely a row of statistics as a mobile).
"""

from __future__ import annotations

from gongkai.privacy.detect import find
from gongkai.privacy.extract import Table
from gongkai.privacy.findings import PrivacyFinding
from gongkai.privacy.fields import FieldPath
from gongkai.privacy.normalize import ascii_digits

ID_LENGTH = 18


def boxed_ids(owner: str, path: FieldPath, tables: list[Table], allowed: frozenset[str]) -> list[PrivacyFinding]:
    """The IDs that the rows of *tables* spell one character to a cell, each reported once per table."""
    found: list[PrivacyFinding] = []
    for table in tables:
        seen: set[str] = set()
        for number, row in enumerate([table.header, *table.rows]):
            for spelled in _runs(row):
                for hit in find(spelled, allowed):
                    if hit.kind == "id" and hit.value not in seen:
                        seen.add(hit.value)
                        found.append(PrivacyFinding(owner, hit.kind, f"{table.where}第{number + 1}行（一格一个字）",
                                                    hit.masked, path, table.line, hit.label, born=hit.born))
    return found


def _runs(row: list[str]) -> list[str]:
    """The texts of each run of at least 18 consecutive cells holding one character each (a digit or X)."""
    runs: list[str] = []
    current: list[str] = []
    for cell in [*row, ""]:
        text = ascii_digits(cell.strip())
        if len(text) == 1 and (text.isdigit() or text in "Xx"):
            current.append(text)
            continue
        if len(current) >= ID_LENGTH:
            runs.append("".join(current))
        current = []
    return runs
