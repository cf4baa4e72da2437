"""政府信息公开指南 (a warning): what the 指南 page of the column cannot tell the public because gongkai.yaml's
「依申请公开」 does not say it (《条例》第十二条: 工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式;
第二十九条 the ways to apply; 第五十一条 the remedies). validate warns of each (GK901); the inspector reads the page."""

from __future__ import annotations

from gongkai.diagnostics import Location
from gongkai.inspect.context import Inspection
from gongkai.inspect.sheet import Check, Evidence, Status
from gongkai.model.agency import WORDED, RequestDesk
from gongkai.model.reasons import says_something

AGENCY_FILE = "gongkai.yaml"
SOURCE = "《中华人民共和国政府信息公开条例》第十二条、第二十九条、第五十一条"


def check_request_guide(run: Inspection) -> Check:
    """Each thing the 指南 lacks, with the line of gongkai.yaml to write it at."""
    agency = run.catalog.agency
    evidence: list[Evidence] = []
    if agency is not None and agency.requests is None:
        evidence.append(Evidence(f"{_at(run, ('机关',))} 没有「依申请公开」一节：指南不能写明受理机构、地址、电话和申请方式；"
                                 "在 gongkai.yaml 中加上「依申请公开:」一节（受理机构、地址、电话、电子邮箱、办公时间、方式）",
                                 None, AGENCY_FILE))
    elif agency is not None and agency.requests is not None:
        evidence = _gaps(run, agency.requests)
    return Check("request-guide", "政府信息公开指南", "政府信息公开指南缺少的内容（受理机构的地址、电话、电子邮箱、办公时间、"
                 "申请方式）", "缺少的逐项提醒（不计分；validate 的 GK901 也指出）", SOURCE,
                 Status.FAIL if evidence else Status.PASS, evidence, len(evidence))


def _gaps(run: Inspection, desk: RequestDesk) -> list[Evidence]:
    where = _at(run, ("依申请公开",))
    gaps = [f"{where} 「依申请公开」没有写「{key}」：指南中没有这一项；在「依申请公开:」下加上「{key}: ……」"
            for key in desk.unwritten(worded=False)]
    for name in (name for name in desk.silent_fields() if name not in WORDED):
        key = RequestDesk.model_fields[name].alias or name
        gaps.append(f"{_at(run, ('依申请公开', key))} 「{key}」只写了「{getattr(desk, name)}」：指南中没有实际内容；改成实际的{key}")
    if not any(says_something(way) for way in desk.ways):
        gaps.append(f"{where} 「依申请公开」没有写申请方式：指南不能告诉公众怎样提交申请；加上「方式: [当面提交, 邮寄]」")
    for index, way, key in desk.missing_contacts():
        gaps.append(f"{_at(run, ('依申请公开', '方式', index))} 申请方式有「{way}」，但没有写{key}：指南中不列出这种方式；"
                    f"加上「{key}: ……」，或从「方式」中删去「{way}」")
    return [Evidence(text, None, AGENCY_FILE) for text in gaps]


def _at(run: Inspection, keys: tuple[str | int, ...]) -> str:
    """gongkai.yaml:line:column of *keys*, or the file alone when the line is not known."""
    _, line, column = run.catalog.locate(Location(AGENCY_FILE, None, keys), prefer_key=True)
    return f"{AGENCY_FILE}:{line}:{column}" if line else AGENCY_FILE
