"""服务不实用: 办事指南 on the web that lack key elements, recognised in the 正文's headings and labels.

An element is present when one of its words (thresholds.yaml 服务实用 → 要素 → 写法) appears in a label of the 正文:
a Markdown heading, a line in bold (**一、办理条件**), a numbered line (一、… （一）… 1. …) of at most 30 characters, or
the part before the colon of a line such as 「地点：县婚姻登记处」 (at most 12 characters). Sentences in the running text
do not count: a guide must say plainly where each element is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.inspect.context import Inspection
from gongkai.inspect.sheet import Check, Deduction, Evidence, Status
from gongkai.inspect.thresholds import Element
from gongkai.model import Record

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


def labels(body: str) -> Iterator[str]:
    """The headings and labels of a Markdown 正文."""
    for raw in body.splitlines():
        line = raw.strip()
        if line and not line.startswith("|"):
            label = _label(line)
            if label:
                yield label


def _label(line: str) -> str | None:
    heading = _HEADING.match(line) or _BOLD.match(line)
    text = heading.group(1) if heading else line
    numbered = _NUMBER.match(text)
    text = (text[numbered.end():] if numbered else text).strip("* ")
    cut = _COLON.search(text)
    if cut and len(text[:cut.start()].strip("* ")) <= MAX_LABEL:
        return text[:cut.start()].strip("* ")
    if (heading or numbered) and len(text) <= MAX_HEADING:
        return text
    return None


def missing_elements(record: Record, elements: list[Element]) -> list[str]:
    """The names of the key elements a guide does not show."""
    found = list(labels(record.body or ""))
    title_names_it = GUIDE_KIND in record.title and len(record.title.replace(GUIDE_KIND, "")) >= 2
    return [e.name for e in elements
            if not (e.by_title and title_names_it) and not any(w in label for label in found for w in e.words)]


def check_guides(run: Inspection) -> tuple[Check, Deduction]:
    """服务不实用 (否决: a guide missing too many kinds of element) and 办事指南要素不全 (扣分)."""
    settings = run.thresholds.service
    incomplete: list[tuple[Evidence, int]] = []
    for record in run.shown:
        if not is_guide(run, record):
            continue
        missing = missing_elements(record, settings.elements)
        if missing:
            text = f"「{record.title}」缺少{len(missing)}类要素：{'、'.join(missing)}"
            incomplete.append((Evidence(text, record.id, run.path("record", record.id)), len(missing)))
    failing = [e for e, n in incomplete if n >= settings.veto_missing]
    names = "、".join(e.name for e in settings.elements)
    veto = Check("service", "服务不实用", f"办事指南重点要素（{names}）", f"一个办事指南缺失{settings.veto_missing}类及以上即单项否决",
                 settings.source, Status.FAIL if failing else Status.PASS, failing, len(failing))
    deduction = run.thresholds.deductions.guides.deduction("guides", "服务实用情况", [e for e, _ in incomplete])
    return veto, deduction
