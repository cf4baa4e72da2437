"""An ID written one character to a box: the 身份证号 row of an application form (申请表), a table of 18 cells, each
holding one digit (the last perhaps X). Each cell alone holds one digit and the scans read cells apart, so the number
was never whole to them; read here along the row, a run of 18 one-character cells that makes a valid ID is one.

An ID anywhere in a row: its check digit and birth date keep a row of small counts from reading as one. A mobile or a
bank card only after a cell that names one (联系电话, 手机号码, 银行卡号, 账号): eleven one-digit cells that start 13
are as likely a row of statistics as a mobile.
"""

from __future__ import annotations

import re

from gongkai.privacy.detect import find
from gongkai.privacy.extract import Table
from gongkai.privacy.findings import PrivacyFinding
from gongkai.privacy.fields import FieldPath
from gongkai.privacy.normalize import ascii_digits

ID_LENGTH = 18
# what a cell before a run of boxes says the run is, and the fewest boxes that kind takes
_LABELS = {"mobile": (re.compile("电话|手机|联系方式"), 11), "bank": (re.compile("卡号|账号|帐号|银行卡"), 13)}
_FEWEST_LABELLED = min(fewest for _, fewest in _LABELS.values())


def boxed_ids(owner: str, path: FieldPath, tables: list[Table], allowed: frozenset[str]) -> list[PrivacyFinding]:
    """The IDs (and, after a cell naming one, the mobiles and bank cards) that the rows of *tables* spell one character
    to a cell, each reported once per table."""
    found: list[PrivacyFinding] = []
    for table in tables:
        seen: set[str] = set()
        for number, row in enumerate([table.header, *table.rows]):
            for label, spelled in _runs(row):
                kinds = {"id"} | {kind for kind, (named, fewest) in _LABELS.items()
                                  if len(spelled) >= fewest and named.search(label)}
                for hit in find(spelled, allowed):
                    if hit.kind in kinds and hit.value not in seen:
                        seen.add(hit.value)
                        found.append(PrivacyFinding(owner, hit.kind, f"{table.where}第{number + 1}行（一格一个字）",
                                                    hit.masked, path, table.line, hit.label, born=hit.born))
    return found


def _runs(row: list[str]) -> list[tuple[str, str]]:
    """(the cell before it, the text) of each run of consecutive cells holding one character each (a digit or X) long
    enough to be a number: 11 cells after a label, else 18."""
    runs: list[tuple[str, str]] = []
    current: list[str] = []
    label = ""
    for cell in [*row, ""]:
        text = ascii_digits(cell.strip())
        if len(text) == 1 and (text.isdigit() or text in "Xx"):
            current.append(text)
            continue
        if len(current) >= ID_LENGTH or (label and len(current) >= _FEWEST_LABELLED):
            runs.append((label, "".join(current)))
        current = []
        label = cell.strip()
    return runs
