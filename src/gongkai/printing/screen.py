"""The 电子屏 version of a sheet, cut into screens: a 16:9 screen shows a few lines, and a list longer than that was cut
off at its edge with nothing to say that names were missing. Each screen repeats the title, the 公示期 and the 监督电话
and says which of how many it is; a table is split between its rows, its header row repeated on every screen.
"""

from __future__ import annotations

import math
import re

# What a screen holds, measured in lines of body type (templates/print/screen.html on a 1920×1080 screen: body type
# 2vw = 38.4 px on 57.6 px lines; the frame's 965 px inside its padding are 16.75 of them). The title (3.6vw type,
# about 25 characters a line) and the lines above and below the body (单位和日期, 公示期, 有效性, 监督电话) take theirs
# first; a table row, with its padding and border, is 1.25 lines, and a table's margins 0.2; a paragraph its lines
# plus its margin (the first block's top margin is none: .body > :first-child).
SCREEN_LINES = 16.5
TITLE_CHARS, TITLE_LINE = 25, 1.6
SMALL_LINE = 1.2
ROW_LINES, TABLE_GAP = 1.25, 0.2
CHARS_PER_LINE, PARAGRAPH_GAP = 44, 0.7
# The top-level blocks of a fragment (portal.fragment: nh3 writes them one after another, each closed).
_BLOCK = re.compile(r"<(p|h[1-6]|ul|ol|table|pre|blockquote)\b[^>]*>.*?</\1>|<hr\s*/?>", re.S)
_HEAD = re.compile(r"<thead>.*?</thead>", re.S)
_ROW = re.compile(r"<tr>.*?</tr>", re.S)
_ITEM = re.compile(r"<li\b", re.S)
_TAGS = re.compile(r"<[^>]+>")


def screens(body: str, title: str, small_lines: int) -> list[str]:
    """*body* (an HTML fragment) as the bodies of successive screens, each holding what fits under *title* and
    *small_lines* lines of smaller type; one screen when it fits, or when it is not made of blocks this can cut
    between (nothing is ever left out)."""
    blocks = [m.group(0) for m in _BLOCK.finditer(body)]
    if not blocks or _BLOCK.sub("", body).strip():
        return [body]
    room = SCREEN_LINES - TITLE_LINE * max(1, math.ceil(len(title) / TITLE_CHARS)) - SMALL_LINE * small_lines
    pages = _Pages(max(room, 2 * ROW_LINES))
    for block in blocks:
        if block.startswith("<table"):
            pages.table(block)
        else:
            pages.add(block, _lines(block))
    return ["\n".join(page) for page in pages.pages if page] or [body]


class _Pages:
    """Screens being filled: a block goes on the next screen when it would overflow this one (a block longer than a
    screen has one to itself); a table's rows fill what is left, its header row repeated on each screen."""

    def __init__(self, room: float) -> None:
        self.room = room
        self.pages: list[list[str]] = [[]]
        self.used = 0.0

    def add(self, piece: str, lines: float) -> None:
        if self.pages[-1] and self.used + lines > self.room:
            self.pages.append([])
            self.used = 0.0
        self.pages[-1].append(piece)
        self.used += lines

    def table(self, table: str) -> None:
        head = _HEAD.search(table)
        header = head.group(0) if head else ""
        rows = _ROW.findall(table[head.end():] if head else table)
        extra = TABLE_GAP + (ROW_LINES if header else 0.0)
        if extra + ROW_LINES * len(rows) <= self.room - self.used or len(rows) <= 1:
            self.add(table, extra + ROW_LINES * len(rows))
            return
        while rows:
            fits = int((self.room - self.used - extra) // ROW_LINES)
            if fits < 1:
                self.pages.append([])
                self.used = 0.0
                fits = max(1, int((self.room - extra) // ROW_LINES))
            taken, rows = rows[:fits], rows[fits:]
            self.add("<table>\n" + (header + "\n" if header else "") + "<tbody>\n" + "\n".join(taken)
                     + "\n</tbody>\n</table>", extra + ROW_LINES * len(taken))


def _lines(block: str) -> float:
    """The lines a block takes on a screen: its text in lines of CHARS_PER_LINE (a line per list item at least), and
    the margin after it."""
    text = _TAGS.sub("", block).strip()
    return max(1, len(_ITEM.findall(block)), math.ceil(len(text) / CHARS_PER_LINE)) + PARAGRAPH_GAP
