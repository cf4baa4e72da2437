"""The tables of a page laid out as text: a PDF's or an OFD's page holds no table, only lines of text in columns.

A list of people is published as a PDF more often than in any other form (Word or WPS 另存为 PDF), and an OFD page
reads the same: 序号  姓名  村（社区）  金额（元）, then a line a person. Read as a table, such a page is a list of
people as a spreadsheet is (never indexed, no sitemap entry, GK611 outside a 公示), its names are masked in the title
(关于为陈水生办理…) and a 公示's columns are checked against the allow-list (GK605).
"""

from __future__ import annotations

import re

from gongkai.privacy.columns import is_people_list, names_under_kinds
from gongkai.privacy.extract import Segment, Table
from gongkai.privacy.markup import BOUNDARY

# A page's reading (a PDF's page as drawn, in an earlier revision too; an OFD page laid out), not its metadata.
_PAGE = re.compile(r"第\d+页$|（按版面位置）$")
_GAP = re.compile(rf"[\s{re.escape(BOUNDARY)}]+")
# A header's cells are column names: a line of prose that mentions 姓名 (请填写姓名、联系电话) is no header.
MAX_HEADER_CELL = 12
# The lines under a header headed with a kind of person that are read for names (a page holds fifty at most).
MAX_ROWS_READ = 60


def laid_out_tables(segments: list[Segment]) -> list[Table]:
    """The table of each page reading in *segments* whose lines, split at white space, hold a header naming people
    (its first such line) and the rows below it."""
    tables = []
    for segment in segments:
        if _PAGE.search(segment.where) is None:
            continue
        rows = [cells for line in segment.text.splitlines() if (cells := _GAP.split(line.strip())) != [""]]
        start = next((n for n, row in enumerate(rows) if _header(rows, n)), None)
        if start is not None:
            tables.append(Table(rows[start], segment.where, None, rows[start + 1:]))
    return tables


def _header(rows: list[list[str]], at: int) -> bool:
    """True when line *at* of *rows* is a header naming people: a name column, or one headed with a kind of person
    (救助对象) over names in the lines below."""
    row = rows[at]
    if len(row) < 2 or any(len(cell) > MAX_HEADER_CELL for cell in row):
        return False
    return is_people_list(row) or bool(names_under_kinds(row, rows[at + 1:at + 1 + MAX_ROWS_READ]))
