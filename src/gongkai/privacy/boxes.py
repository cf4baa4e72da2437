"""An ID written one character to a box: the 身份证号 row of an application form (申请表), a table of 18 cells, each
holding one digit (the last perhaps X). Each cell alone holds one digit and the scans read cells apart, so the number
was never whole to them; read here along the row, a run of 18 one-character cells that makes a valid ID is one.

An ID anywhere in a row: its check digit and birth date keep a row of small counts from reading as one. A bank card
only after a cell that names one (银行卡号, 账号), or under such a header: thirteen to nineteen one-digit cells passing
Luhn are as likely a row of statistics. A mobile after a cell or under a header that names one (联系电话, 手机), and
(fourteenth pass) also without one, when exactly eleven one-digit cells stand together (the row's edges or other cells
around them) and neither the cell before them nor a header over them names a count (户数, 人数, 金额, 1月 …): a
spreadsheet of applicants with the phone typed a digit to a cell names it nowhere, and a row of counts is labelled or
runs on for twelve months.

A number split over a few cells (thirtieth pass): 350524 | 19800101 | 1233 under a header 身份证号, 1380595 | 1234 under
电话 — each cell too short to be anything, the page shows the whole number across them. Read the same way, as the cells
that make it up (each cell whole: a number begins and ends at a cell's edge; the headers over the later cells blank or
naming the number again), after the header over its first cell or the cell before it; a mobile that nothing names
again only when the cells of digits in a row are exactly those.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from gongkai.privacy.columns import cells_under, normalize_column, number_columns, people_of
from gongkai.privacy.detect import KINDS, Hit, find, landline_digits
from gongkai.privacy.extract import Table
from gongkai.privacy.findings import PrivacyFinding
from gongkai.privacy.fields import FieldPath
from gongkai.privacy.mask_format import mask_value
from gongkai.privacy.normalize import ascii_digits
from gongkai.privacy.numbers import classify
from gongkai.privacy.organisations import names_body

ID_LENGTH = 18
MOBILE_LENGTH = 11
# what a cell before a run of boxes (or a header over it) says the run is, and the fewest boxes that kind takes
_LABELS = {"mobile": (re.compile("电话|手机|联系方式"), MOBILE_LENGTH), "bank": (re.compile("卡号|账号|帐号|银行卡"), 13)}
_FEWEST_LABELLED = min(fewest for _, fewest in _LABELS.values())
# What a row of counts is labelled with, or its columns headed with: a quantity, a sum, a period.
_COUNTS = re.compile(r"数|额|量|计|率|金|款|元|人|户|次|岁|天|年|月|季|期|序号|编号|分")
# What a header over the second and later cells of a number split over several says when it is no other column's: the
# number's name again (身份证号后段, 区号 | 电话) — a column of 保障金额 or 日期 beside an ID column is no part of it.
_NUMBER_HEAD = re.compile("身份|证件|证号|号码|电话|手机|卡号|账号|帐号|区号|联系方式")


@dataclass(frozen=True)
class _Run:
    """Consecutive cells of one character each (a digit or X), or of digits (the last perhaps ending in X) some of
    them longer: where they start, what they spell, and how many characters each cell gives."""

    first: int
    spelled: str
    label: str  # the nearest cell before the run that holds anything
    widths: tuple[int, ...]  # the characters of each cell

    @property
    def boxed(self) -> bool:
        """One character to a cell (a 申请表's boxes)."""
        return len(self.widths) == len(self.spelled)

    def columns(self, start: int, end: int) -> dict[int, tuple[int, int]]:
        """The cells characters *start*..*end* of spelled stand in: column → the slice of spelled it holds."""
        spans: dict[int, tuple[int, int]] = {}
        at = 0
        for offset, width in enumerate(self.widths):
            if at < end and at + width > start:
                spans[self.first + offset] = (at, at + width)
            at += width
        return spans


def boxed_ids(owner: str, path: FieldPath, tables: list[Table], allowed: frozenset[str]) -> list[PrivacyFinding]:
    """The IDs (and the mobiles and bank cards named, or standing alone: see the module's note) that the rows of
    *tables* spell one character to a cell, each reported once per table."""
    found: list[PrivacyFinding] = []
    for table in tables:
        seen: set[str] = set()
        for number, run, hit in _boxed([table.header, *table.rows], allowed):
            if hit.value not in seen:
                seen.add(hit.value)
                found.append(PrivacyFinding(owner, hit.kind, f"{table.where}第{number + 1}行（{boxed_how(run, hit)}）",
                                            hit.masked, path, table.row_line(number), hit.label, born=hit.born))
    return found


def boxed_how(run: _Run, hit: Hit) -> str:
    """How a number read along a row is written there, as a finding or `gongkai mask` says it."""
    return "一格一个字" if run.boxed else f"分在{len(run.columns(hit.start, hit.end))}格"


def boxed_masks(rows: list[list[str]], allowed: frozenset[str]) -> list[tuple[int, dict[int, str], str, str, str]]:
    """How `gongkai mask` rewrites the numbers the *rows* (header first) spell along a row (boxed_ids): for each, its
    row, the cells to rewrite (column → its text masked: 「*」 in a box), its kind, its masked value and how it is
    written (boxed_how) — the masking format keeps the number's length, so each cell keeps its length too."""
    masks = []
    for number, run, hit in _boxed(rows, allowed):
        masked = hit.masked
        if len(masked) == hit.end - hit.start:
            shown = run.spelled[:hit.start] + masked + run.spelled[hit.end:]
            cells = {column: shown[start:end] for column, (start, end) in run.columns(hit.start, hit.end).items()
                     if shown[start:end] != run.spelled[start:end]}
            masks.append((number, cells, hit.kind, masked, boxed_how(run, hit)))
    return masks


def _boxed(rows: list[list[str]], allowed: frozenset[str]) -> Iterator[tuple[int, _Run, Hit]]:
    """(row, run, number) of the numbers the *rows* (header first) spell one character to a cell."""
    for number, row in enumerate(rows):
        for run in _runs(row):
            above = rows[0][run.first:run.first + len(run.widths)] if number else []
            if run.boxed:
                kinds = _kinds(run, " ".join(above))
                yield from ((number, run, hit) for hit in find(run.spelled, allowed) if hit.kind in kinds)
            else:
                yield from ((number, run, hit) for hit in _split(run, above, allowed))


def _split(run: _Run, above: list[str], allowed: frozenset[str]) -> Iterator[Hit]:
    """The numbers *run* (cells of several digits) spells, each made of two or more of its cells whole, read after the
    header over its first cell (*above*: the headers over the run) or else the cell before it — as the text would say
    it; a mobile that nothing names only when it is the whole run (_kinds)."""
    edges = [0, *itertools.accumulate(run.widths)]
    first = 0
    while first < len(run.widths) - 1:
        for last in range(len(run.widths) - 1, first, -1):  # (the longest first: an ID before a mobile inside it)
            hit = _made_of(run, above, edges, first, last, allowed)
            if hit is not None:
                yield hit
                first = last + 1
                break
        else:
            first += 1


def _made_of(run: _Run, above: list[str], edges: list[int], first: int, last: int,
             allowed: frozenset[str]) -> Hit | None:
    """The number that cells *first*..*last* of *run* make whole (_split), or None."""
    start, end = edges[first], edges[last + 1]
    if not _FEWEST_LABELLED <= end - start <= ID_LENGTH or any(
            _NUMBER_HEAD.search(head) is None for head in map(str.strip, above[first + 1:last + 1]) if head):
        return None
    head = above[first].strip() if first < len(above) else ""
    said = f"{head or run.label}："
    named = f"{said} {' '.join(above[first:last + 1])}"
    part = _Run(run.first + first, run.spelled[start:end], run.label, run.widths[first:last + 1])
    kinds = _kinds(part, named)
    if part.spelled != run.spelled and _LABELS["mobile"][0].search(named) is None:
        kinds.discard("mobile")
    return next((Hit(hit.kind, hit.value, start, end, hit.encoded, hit.born)
                 for hit in find(said + part.spelled, allowed)
                 if hit.kind in kinds and hit.start == len(said) and hit.end == len(said) + end - start), None)


# A column headed 身份证号 or 银行账号 (公民身份号码, 证件号码, 存折账号, 一卡通账号 …): each cell under it is read after its
# header, as the text would say it (身份证号：350524198001011235), so that an ID whose check digit was mistyped and an
# account that follows no check count there (detect.named_kind); a cell alone has no label, and such numbers
# elsewhere are serials as often. An account in a row that names an organisation (测试县慈善总会) is its own.


def headed_numbers(owner: str, path: FieldPath, tables: list[Table], allowed: frozenset[str]) -> list[PrivacyFinding]:
    """The IDs with a wrong check digit and the accounts without a check in the columns of *tables* headed as such, and
    the house numbers under a header that says the place is a home (columns.number_columns; those with a right check,
    and the addresses any text shows, every scan of the cells finds), each reported once per table."""
    found: list[PrivacyFinding] = []
    for table in tables:
        rows = [table.header, *table.rows]
        at, labels = number_columns(rows)
        seen: set[str] = set()
        for index, column, cell in cells_under(rows, at, labels):
            label = labels[column]
            alone = {h.value for h in find(cell, allowed) if h.kind == "address"} if cell.strip() else set()
            for hit in find(label + cell, allowed) if cell.strip() else ():
                if (hit.start >= len(label) and classify(hit.value) is None and hit.value not in seen | alone
                        and not (hit.kind == "bank" and any(names_body(other) for other in rows[index]))):
                    seen.add(hit.value)
                    found.append(PrivacyFinding(owner, hit.kind, f"{table.where}第{index + 1}行", hit.masked, path,
                                                table.row_line(index), hit.label, born=hit.born))
    return found


# A landline under a phone column of a list of people not named for an office (a 低保 list's 联系电话: people_of's
# *private*): a person's home phone, which DOMAIN.md §7 keeps out of such a list as it does a mobile. Elsewhere a
# landline is an office's, published on purpose (监督电话, a staff list with 职务), and no kind the detectors know.
_PHONE_HEADER = re.compile("电话|手机|联系方式")
# a phone column of an office beside the people (监督电话, 村委会电话, 咨询电话): published on purpose
_OFFICE_PHONE = re.compile("监督|举报|投诉|咨询|办公|单位|村委|居委|社区|经办|服务|值班|热线")


def phone_columns(rows: list[list[str]]) -> tuple[int, list[int]]:
    """The header row of a table given by its *rows* that lists people not named for an office, and its phone
    columns (0-based); (-1, []) for any other table. (A column headed 家庭电话 / 住宅电话 of any table is read through
    its header: detect reads a landline after such a label as the person's.)"""
    people = people_of(rows)
    if not people.private:
        return -1, []
    at = next((n for n, row in enumerate(rows) if row is people.header), 0)
    return at, [n for n, head in enumerate(map(normalize_column, people.header))
                if _PHONE_HEADER.search(head) and not _OFFICE_PHONE.search(head)]


def listed_phones(owner: str, path: FieldPath, tables: list[Table]) -> list[PrivacyFinding]:
    """The landlines in the phone columns of *tables* that list people (phone_columns), each reported once per
    table."""
    found: list[PrivacyFinding] = []
    for table in tables:
        rows = [table.header, *table.rows]
        seen: set[str] = set()
        for index, _, cell in cells_under(rows, *phone_columns(rows)):
            digits = landline_digits(cell)
            if digits is not None and digits not in seen:
                seen.add(digits)
                found.append(PrivacyFinding(owner, "phone", f"{table.where}第{index + 1}行", mask_value("phone", digits),
                                            path, table.row_line(index), KINDS["phone"]))
    return found


def _kinds(run: _Run, above: str) -> set[str]:
    """The kinds of number *run* may be read as, told by the cell before it and the headers *above* it."""
    said = f"{run.label} {above}"
    kinds = {"id"} | {kind for kind, (named, fewest) in _LABELS.items()
                      if len(run.spelled) >= fewest and named.search(said)}
    if len(run.spelled) == MOBILE_LENGTH and _COUNTS.search(said) is None:
        kinds.add("mobile")
    return kinds


def _runs(row: list[str]) -> list[_Run]:
    """Each run of consecutive cells holding one character each (a digit or X), or digits (an X at the end), long
    enough to be a number: 11 characters (a mobile, labelled or not: _kinds decides) or more, in two cells or more."""
    runs: list[_Run] = []
    current: list[str] = []
    label = ""
    for column, cell in enumerate([*row, ""]):
        text = ascii_digits(cell.strip())
        if text and (text.isdigit() or (text[:-1].isdigit() or not text[:-1]) and text[-1] in "Xx"):
            current.append(text)
            continue
        spelled = "".join(current)
        if len(spelled) >= _FEWEST_LABELLED and len(current) > 1:
            runs.append(_Run(column - len(current), spelled, label, tuple(map(len, current))))
        current = []
        label = cell.strip() or label
    return runs
