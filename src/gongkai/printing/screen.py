"""The 电子屏 version of a sheet, cut into screens: a 16:9 screen shows a few lines, and a list longer than that was cut
off at its edge with nothing to say that names were missing. Each screen repeats the title, the 公示期 and the 监督电话
and says which of how many it is; a table is split between its rows, its header row repeated on every screen.
"""

from __future__ import annotations

import math
import re

# What one screen holds in large type under the title, the period and the phone (templates/print/screen.html: body
# type 2% of the width, a 16:9 frame): about 8 lines of about 40 characters, or 8 table rows.
LINES_PER_SCREEN = 8
CHARS_PER_LINE = 40
# The top-level blocks of a fragment (portal.fragment: nh3 writes them one after another, each closed).
_BLOCK = re.compile(r"<(p|h[1-6]|ul|ol|table|pre|blockquote)\b[^>]*>.*?</\1>|<hr\s*/?>", re.S)
_HEAD = re.compile(r"<thead>.*?</thead>", re.S)
_ROW = re.compile(r"<tr>.*?</tr>", re.S)
_ITEM = re.compile(r"<li\b", re.S)
_TAGS = re.compile(r"<[^>]+>")


def screens(body: str) -> list[str]:
    """*body* (an HTML fragment) as the bodies of successive screens, each of about LINES_PER_SCREEN lines; one screen
    when it fits, or when it is not made of blocks this can cut between (nothing is ever left out)."""
    blocks = [m.group(0) for m in _BLOCK.finditer(body)]
    if not blocks or _BLOCK.sub("", body).strip():
        return [body]
    pages = _Pages()
    for block in blocks:
        if block.startswith("<table"):
            pages.table(block)
        else:
            pages.add(block, _lines(block))
    return ["\n".join(page) for page in pages.pages if page] or [body]


class _Pages:
    """Screens being filled: a block goes on the next screen when it would overflow this one (a block longer than a
    screen has one to itself); a table's rows fill what is left, its header row repeated on each screen."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = [[]]
        self.used = 0

    def add(self, piece: str, lines: int) -> None:
        if self.pages[-1] and self.used + lines > LINES_PER_SCREEN:
            self.pages.append([])
            self.used = 0
        self.pages[-1].append(piece)
        self.used += lines

    def table(self, table: str) -> None:
        head = _HEAD.search(table)
        header = head.group(0) if head else ""
        rows = _ROW.findall(table[head.end():] if head else table)
        extra = 1 if header else 0
        if len(rows) + extra <= LINES_PER_SCREEN - self.used or len(rows) <= 1:
            self.add(table, len(rows) + extra)
            return
        while rows:
            room = LINES_PER_SCREEN - self.used - extra
            if room < 1:
                self.pages.append([])
                self.used, room = 0, LINES_PER_SCREEN - extra
            taken, rows = rows[:room], rows[room:]
            self.add("<table>\n" + (header + "\n" if header else "") + "<tbody>\n" + "\n".join(taken)
                     + "\n</tbody>\n</table>", len(taken) + extra)


def _lines(block: str) -> int:
    """The lines a block takes on a screen: its text in lines of CHARS_PER_LINE, a line per list item at least."""
    text = _TAGS.sub("", block).strip()
    return max(1, len(_ITEM.findall(block)), math.ceil(len(text) / CHARS_PER_LINE))
