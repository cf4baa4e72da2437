"""有效性 as the column shows it (a warning): a 规范性文件 or 政策文件 on the web whose page calls it 有效 when the bureau
never said so (no 有效性: validate's GK413), or when the term its own 正文 states has run out (validate's GK422).
群众要知道一份政策现在是否还管用 (DOMAIN.md §12): a document past its term shown as 有效 misleads every reader."""

from __future__ import annotations

from gongkai.diagnostics import Location
from gongkai.inspect.context import Inspection
from gongkai.inspect.sheet import Check, Evidence, Status
from gongkai.model import Record
from gongkai.model.vocab import POLICY_KINDS
from gongkai.publication.term import ended_term, term_fix

SOURCE = "《政府信息公开条例》第二十条第（一）项；国办秘函〔2019〕19号「严重表述错误」；DOMAIN.md §12（有效性）"


def check_validity(run: Inspection) -> Check:
    """Each web policy document whose page shows an 有效性 the catalog does not support, at the line to change."""
    evidence: list[Evidence] = []
    for admission in run.web:
        record = admission.record
        if record.kind not in POLICY_KINDS:
            continue
        path = run.path("record", record.id)
        if record.validity is None and admission.in_force:
            evidence.append(Evidence(f"{_at(run, record, path, '文种')} {record.kind}「{record.title}」没有写明有效性，网页上"
                                     "显示为「有效」：加上「有效性: 有效」；已失效、废止或修改的，写明哪一种和日期（validate 的 "
                                     "GK413）", record.id, path))
        elif (term := ended_term(record, run.today)) is not None:
            line, column = _body_line(run, record, path, term.line)
            evidence.append(Evidence(f"{path}:{line}:{column} {record.kind}「{record.title}」正文写明「{term.text}」（到"
                                     f"{term.end}），网页上仍显示为「{admission.validity}」：{term_fix(term)}",
                                     record.id, path))
    return Check("validity", "有效性", "网站上的规范性文件、政策文件的有效性（没有写明；正文写的有效期已过仍显示有效）",
                 "逐条提醒（不计分；validate 的 GK413、GK422 也指出）", SOURCE,
                 Status.FAIL if evidence else Status.PASS, evidence, len(evidence))


def _at(run: Inspection, record: Record, path: str | None, key: str) -> str:
    _, line, column = run.catalog.locate(Location(path, record.id, (key,)), prefer_key=True)
    return f"{path}:{line}:{column}" if line else (path or record.id)


def _body_line(run: Inspection, record: Record, path: str | None, line: int) -> tuple[int | str, int]:
    """The file's line and column of the 正文's *line* (0-based): the 正文 is a literal block, line for line."""
    where = Location(path, record.id, ("正文",))
    _, start, _ = run.catalog.locate(where)
    if start is None or path is None:
        return "?", 1
    at = start + run.catalog.block_offset(where, line)
    lines = run.catalog.read(path).decode("utf-8-sig", errors="replace").splitlines()
    text = lines[at - 1] if 0 < at <= len(lines) else ""
    return at, text.find("有效期") + 1 if "有效期" in text else 1
