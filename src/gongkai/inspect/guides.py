"""服务不实用: 办事指南 on the web that lack key elements, recognised in the 正文's headings and labels.

An element is present when one of its words (thresholds.yaml 服务实用 → 要素 → 写法) appears in a label of the 正文:
a Markdown heading, a line in bold (**一、办理条件**), a numbered line (一、… （一）… 1. …) of at most 30 characters, or
the part before the colon of a line such as 「地点：县婚姻登记处」 (at most 12 characters). Sentences in the running text
do not count: a guide must say plainly where each element is. A label counts only with something under it: text after
its colon, or text below it before the next label of the same or a higher rank (an empty heading, or 「设定依据：无」,
shows no element).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from gongkai.inspect.context import Inspection
from gongkai.inspect.sheet import Check, Deduction, Evidence, Status
from gongkai.inspect.thresholds import Element
from gongkai.model import Record
from gongkai.model.reasons import says_something

GUIDE_KIND = "办事指南"
MAX_HEADING = 30
MAX_LABEL = 12
_HEADING = re.compile(r"^#{1,6}\s*(.+?)\s*#*$")
_BOLD = re.compile(r"^\*\*(.+?)\*\*")
_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．)])\s*")
_COLON = re.compile(r"[：:]")


def is_guide(run: Inspection, record: Record) -> bool:
    """A 办事指南: its 文种 says so, or its item is a 办事指南 row of the directory."""
    item = run.catalog.items.get(record.item or "")
    return record.kind == GUIDE_KIND or (item is not None and GUIDE_KIND in item.name)


@dataclass(frozen=True)
class Line:
    """One line of a 正文: its label (None for running text), how high the label ranks, and what follows its colon."""

    label: str | None
    rank: int  # 1–6 Markdown headings, 7 「一、」 or bold, 8 「（一）」, 9 「1.」, 10 「标签：」, 11 running text, a table's cells
    content: str


def labels(body: str) -> Iterator[str]:
    """The headings and labels of a Markdown 正文."""
    return (line.label for line in _lines(body) if line.label)


def filled_labels(body: str) -> Iterator[str]:
    """The labels that have something under them: text after the colon, text below before the next label of the same
    or a higher rank, or a numbered line long enough to be the content itself. 「**二、设定依据**」 followed at once by
    「**三、申请条件**」 is an empty heading, and so is 「设定依据：无」."""
    lines = list(_lines(body))
    for n, line in enumerate(lines):
        if line.label is None:
            continue
        below = []
        for later in lines[n + 1:]:
            if later.rank <= line.rank:
                break
            below.append(later.content)
        if says_something(line.content) or says_something("".join(below)) or (
                line.rank in (7, 8, 9) and not line.content and len(line.label) > MAX_LABEL):
            yield line.label


def _lines(body: str) -> Iterator[Line]:
    block: list[str] = []
    for raw in body.splitlines():
        line = raw.strip()
        if line.startswith("|"):
            block.append(line)
            continue
        if block:
            yield from _pipes(block)
            block = []
        if not line:
            continue
        label = _label(line)
        yield label if label else Line(None, 11, line)
    yield from _pipes(block)


# A guide laid out as a table, as most portals print them: the element's name in the first cell of its row
# (| 设定依据 | 《社会救助暂行办法》 |), or at the head of its column with the content below it. Either way an inspector
# reads the element there, so its name is a label and the cells beside or below it its content. It ranks with the
# running text (11): the whole table is what stands under a heading or a 「标签：」 above it.
# Lines of | that are no table (no |---| under the first) are shown as text, and read as running text.
_RULE = re.compile(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?")
_NAMED = re.compile(r"[\u4e00-\u9fff]")


def _pipes(block: list[str]) -> Iterator[Line]:
    if len(block) < 2 or not _RULE.fullmatch(block[1]):
        yield from (Line(None, 11, line) for line in block)
        return
    header, rows = _cells(block[0]), [_cells(line) for line in block[2:]]
    for n, name in enumerate(header):
        if _is_name(name):
            yield Line(name, 11, "".join(row[n] for row in rows if n < len(row)))
    for row in rows:
        yield Line(row[0], 11, "".join(row[1:])) if _is_name(row[0]) else Line(None, 11, "".join(row))


def _cells(line: str) -> list[str]:
    return [cell.strip().strip("* ") for cell in line.strip("|").split("|")]


def _is_name(cell: str) -> bool:
    return 0 < len(cell) <= MAX_LABEL and _NAMED.search(cell) is not None


def _label(line: str) -> Line | None:
    heading = _HEADING.match(line)
    bold = None if heading else _BOLD.match(line)
    text = heading.group(1) if heading else bold.group(1) if bold else line
    rest = line[bold.end():].strip() if bold else ""  # **设定依据：**《社会救助暂行办法》
    numbered = _NUMBER.match(text)
    rank = len(line) - len(line.lstrip("#")) if heading else _rank(numbered.group()) if numbered else 7 if bold else 10
    text = (text[numbered.end():] if numbered else text).strip("* ")
    cut = _COLON.search(text)
    if cut and len(text[:cut.start()].strip("* ")) <= MAX_LABEL:
        return Line(text[:cut.start()].strip("* "), rank, (text[cut.end():] + rest).strip("* "))
    if (heading or numbered or bold) and len(text) <= MAX_HEADING:
        return Line(text, rank, rest)
    return None


def _rank(number: str) -> int:
    """「一、」 7, 「（一）」 8, 「1.」 9."""
    return 8 if number[0] in "（(" else 9 if number[0].isdigit() else 7


def missing_elements(record: Record, elements: list[Element]) -> list[str]:
    """The names of the key elements a guide does not show (a heading with nothing under it shows nothing)."""
    found = list(filled_labels(record.body or ""))
    title_names_it = GUIDE_KIND in record.title and len(record.title.replace(GUIDE_KIND, "")) >= 2
    return [e.name for e in elements
            if not (e.by_title and title_names_it) and not any(w in label for label in found for w in e.words)]


def check_guides(run: Inspection) -> tuple[Check, Deduction]:
    """服务不实用 (否决: a guide missing too many kinds of element) and 办事指南要素不全 (扣分)."""
    settings = run.thresholds.service
    incomplete: list[tuple[Evidence, int]] = []
    attached: list[str] = []
    for record in run.shown:
        if not is_guide(run, record):
            continue
        missing = missing_elements(record, settings.elements)
        if missing and record.attachments and not shown_in_body(record, settings.elements):
            attached.append(record.id)  # 「详见附件」: the guide is its attachment, which an inspector opens
        elif missing:
            text = f"「{record.title}」缺少{len(missing)}类要素：{'、'.join(missing)}"
            incomplete.append((Evidence(text, record.id, run.path("record", record.id)), len(missing)))
    failing = [e for e, n in incomplete if n >= settings.veto_missing]
    names = "、".join(e.name for e in settings.elements)
    note = (f"{len(attached)} 个办事指南的正文没有写出要素、写在附件中（{'、'.join(attached)}）：gongkai 不读附件里的要素，"
            "这些指南没有计入，请打开附件逐项核对（或把要素写进正文）" if attached else None)
    veto = Check("service", "服务不实用", f"办事指南重点要素（{names}）", f"一个办事指南缺失{settings.veto_missing}类及以上即单项否决",
                 settings.source, Status.FAIL if failing else Status.PASS, failing, len(failing), note)
    deduction = run.thresholds.deductions.guides.deduction("guides", "服务实用情况", [e for e, _ in incomplete], note)
    return veto, deduction


def shown_in_body(record: Record, elements: list[Element]) -> bool:
    """True when the 正文 shows at least one key element under a heading or label of its own: it is the guide. A 正文
    that shows none (「详见附件」, a line of introduction) leaves the guide to its attachment."""
    return any(w in label for label in filled_labels(record.body or "") for e in elements for w in e.words)
