"""栏目不更新 and 空白栏目: every 主动 item is a column of the site, judged by its 栏目类型 or its own periodic clock."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from gongkai.diagnostics import Location
from gongkai.inspect.context import Inspection
from gongkai.inspect.sheet import Check, Evidence, Status
from gongkai.catalog import Catalog
from gongkai.model import Item
from gongkai.model.agency import Domain
from gongkai.model.deadline import parse_deadline
from gongkai.model.vocab import ANNUAL_REPORT_KIND, OUT_OF_FORCE, PROACTIVE_MODE, RULES_KIND
from gongkai.publication.columns import blank_columns, blank_reason, leaders_blank
from gongkai.reports.periods import Period, periods_of

NOTE_EXAMPLE = "如「本机关本年度未产生此类信息」「本事项按季度公开，下次公开时间为……」"
TOWN_NOTE_EXAMPLE = "如「本乡镇民政办的公示在各村公示栏张贴，为保护个人隐私不在网站发布」"
FIX = "在这个栏目公开应公开的新信息（事项的「栏目类型」「公开时限」写错的，改正事项文件）"


@dataclass(frozen=True)
class Overdue:
    """A column that should have been updated and was not."""

    item: Item
    kind: str
    evidence: Evidence


def last_period(deadline_text: str, today: dt.date) -> Period | None:
    """The most recent period of a periodic 公开时限 that has ended before *today*."""
    deadline = parse_deadline(deadline_text)
    if deadline is None or deadline.kind != "periodic":
        return None
    ended = [p for year in (today.year - 1, today.year) for p in periods_of(deadline, year) if p.end < today]
    return max(ended, key=lambda p: p.end, default=None)


def _overdue(run: Inspection, item: Item, kind: str, dates: list[dt.date]) -> Evidence | None:
    where = run.path("item", item.id)
    period = last_period(item.deadline, run.today)
    if period is not None:
        if any(period.start <= day <= period.end for day in dates) or period.end < dates[0]:
            return None  # published in the period, or the column began after it (nothing was owed then)
        return Evidence(f"{item.name}（公开时限「{item.deadline}」）：{period.label}没有公开信息，最近一次公开 {dates[-1]}；"
                        f"{FIX}", item.id, where)
    window = run.thresholds.columns.window(kind)
    if window is None or window.after(dates[-1]) >= run.today:  # counted from the last record
        return None
    days = (run.today - dates[-1]).days
    return Evidence(f"{item.name}（{kind}，应{window.text}内更新）：最近一次公开 {dates[-1]}，已{days}天未更新；{FIX}",
                    item.id, where)


def overdue_columns(run: Inspection) -> list[Overdue]:
    """Columns with records on the web whose latest one is older than their kind or period allows."""
    found = []
    for item in run.columns:
        dates = run.by_item.get(item.id)
        if not dates:
            continue  # a blank column is judged as blank, not counted twice
        kind = run.kinds[item.id]
        evidence = _overdue(run, item, kind, dates)
        if evidence is not None:
            found.append(Overdue(item, kind, evidence))
    return found


def blank_evidence(run: Inspection) -> list[Evidence]:
    """Items and township pages with no record on the web and no 空白说明 saying why, an empty 领导信息, and an empty
    政府信息公开制度 or 政府信息公开年报 (61号文 names both columns; the site says there only that the rules are being put
    together, or 「暂无年度报告」). A 制度 column whose every rule is repealed or lapsed on the day holds no rule in force:
    blank too."""
    blanks = blank_columns(run.catalog, run.on_web, run.today)
    found = [Evidence(f"{item.name}：网站上没有公开信息，{blank_reason(item.blank_note, run.today)}；在这个栏目公开信息，"
                      f"或在 {run.path('item', item.id) or item.id} 中写（或更新）「空白说明」说明为什么没有（{NOTE_EXAMPLE}）", item.id,
                      run.path("item", item.id)) for item in blanks.items]
    found += [Evidence(f"{unit.name}的乡镇页面：网站上没有公开信息，{blank_reason(unit.blank_note, run.today)}；"
                       f"在 {_unit_at(run, index)} 这个单位下写（或更新）「空白说明」（{TOWN_NOTE_EXAMPLE}）", unit.id, "gongkai.yaml")
               for index, unit in blanks.towns]
    found += [Evidence(f"{domain.name}领域政务公开事项标准目录：栏目是空的（gongkai.yaml「领域」中列了，标准目录中没有这个领域的"
                       f"事项）；在 items/{domain.slug}/ 下登记它的公开事项，或从「领域」中删去它", domain.code, "gongkai.yaml")
              for domain in empty_domains(run.catalog)]
    if leaders_blank(run.catalog):
        found.append(Evidence("法定主动公开内容 → 领导信息：栏目是空的，网站上只写着「正在整理」（gongkai.yaml「领导」中没有写明姓名和职务的领导，"
                              "也没有法定类别为「领导信息」的事项）；在 gongkai.yaml 中加上「领导:」，每位领导写姓名、职务", None, "gongkai.yaml"))
    rules = [a for a in run.web if a.record.kind == RULES_KIND]
    if rules and all(a.validity in OUT_OF_FORCE for a in rules):
        first = rules[0]
        found.append(Evidence(f"政府信息公开制度：网站上的{len(rules)}项制度都已失效或废止（如「{first.facts.title}」【{first.validity}】），"
                              "栏目里没有现行的制度；把本机关现行的政府信息公开制度登记为「文种: 制度」的主动公开信息，"
                              "或核对这些制度的「有效性」", first.id, run.path("record", first.id)))
    if not rules:
        found.append(Evidence("政府信息公开制度：栏目是空的，网站上只写着「正在整理」（没有文种为「制度」、在网站公开的信息）；"
                              "把本机关的政府信息公开制度（如保密审查制度、依申请公开工作制度）登记为「文种: 制度」的主动公开信息",
                              None, None))
    if not any(record.kind == ANNUAL_REPORT_KIND for record in run.web_records):
        found.append(Evidence("政府信息公开年报：栏目是空的，网站上只写着「暂无年度报告」（没有文种为「年度报告」、在网站公开的信息）；"
                              "把本机关已公布的政府信息公开工作年度报告登记为「文种: 年度报告」、写明「报告年度」的主动公开信息"
                              "（启用前在门户网站公布的，写「补录」和原因）", None, None))
    return found


def _unit_at(run: Inspection, index: int) -> str:
    """Where the township is written in gongkai.yaml, as file:line:column."""
    _, line, column = run.catalog.locate(Location("gongkai.yaml", None, ("单位", index)), prefer_key=True)
    return f"gongkai.yaml:{line}:{column}" if line else "gongkai.yaml「单位」"


def empty_domains(catalog: Catalog) -> list[Domain]:
    """The 领域 of gongkai.yaml no item names: the home page lists each, and its directory page says only that nothing is
    listed yet. Not when an item does not read or names a 领域 written otherwise (GK208): it may well be the domain's.
    (Not a validate warning: a bureau outside the bundled guidelines starts from `init` with its 领域 and no item.)"""
    agency = catalog.agency
    listed = {i.domain for i in catalog.items.values()}
    if agency is None or catalog.unreadable("item") or not listed <= {d.name for d in agency.domains}:
        return []
    return [d for d in agency.domains if d.name not in listed]


def check_columns(run: Inspection) -> list[Check]:
    """The three ways a site fails 栏目不更新: stale news/notice/policy columns, overdue columns, blank columns."""
    settings = run.thresholds.columns
    overdue = overdue_columns(run)
    stale = [o for o in overdue if o.kind in settings.veto_kinds]
    blank = blank_evidence(run)
    kinds = "、".join(f"{k}{settings.windows[k]}" for k in settings.veto_kinds if k in settings.windows)
    return [
        _veto("stale-columns", f"{'、'.join(settings.veto_kinds)}类栏目未按期更新（{kinds}）",
              f"累计≥{settings.stale_veto}个即单项否决", settings.source, [o.evidence for o in stale],
              settings.stale_veto),
        _veto("overdue-columns", "应更新但长期未更新的栏目（含定期公开的事项按其公开时限）",
              f"≥{settings.overdue_veto}个即单项否决", settings.source, [o.evidence for o in overdue],
              settings.overdue_veto),
        _veto("blank-columns", "空白栏目（事项、乡镇页面、领导信息、政府信息公开制度和政府信息公开年报没有公开信息，也没有空白说明；领域目录中没有事项）",
              f"≥{settings.blank_veto}个即单项否决", settings.source, blank, settings.blank_veto),
    ]


def _veto(key: str, point: str, rule: str, source: str, evidence: list[Evidence], limit: int) -> Check:
    status = Status.FAIL if len(evidence) >= limit else Status.PASS
    return Check(key, "栏目不更新", point, rule, source, status, evidence, len(evidence))


def check_law_categories(run: Inspection) -> Check:
    """法定主动公开内容 by the department's duties (a warning): the categories every department publishes that no 主动
    item is marked with, so the site's 法定主动公开内容 has no such part."""
    settings = run.thresholds.law
    listed = {i.law_category for i in run.catalog.items.values() if i.mode == PROACTIVE_MODE}
    evidence = [Evidence(f"法定主动公开内容 → {c.name}：没有法定类别为「{c.name}」的主动公开事项（{c.why}）；在对应的事项文件中写"
                         f"「法定类别: {c.name}」，没有这个事项的用 gongkai new item 登记", None, None)
                for c in settings.required if c.name not in listed]
    names = "、".join(c.name for c in settings.required)
    return Check("law-categories", "法定主动公开内容", f"法定主动公开内容缺少每个部门都要公开的类别（{names}）", "缺少的类别逐一提醒（不计分）",
                 settings.source, Status.FAIL if evidence else Status.PASS, evidence, len(evidence))


def check_bursts(run: Inspection) -> Check:
    """突击更新 (a warning): several records in one column on one day after a long silence in it."""
    settings = run.thresholds.burst
    evidence = []
    for item in run.columns:
        previous: dt.date | None = None
        for day, count in sorted(Counter(run.by_item.get(item.id, [])).items()):
            silent = (day - previous).days if previous else None
            if count >= settings.count and (silent is None or silent >= settings.silence_days):
                since = f"此前{silent}天没有更新" if silent is not None else "此前从未更新"
                evidence.append(Evidence(f"{item.name}：{day} 一天公开{count}条，{since}", item.id,
                                         run.path("item", item.id)))
            previous = day
    return Check("bursts", "栏目更新", "突击更新（栏目沉寂后一天集中公开多条）",
                 f"一天≥{settings.count}条且此前≥{settings.silence_days}天未更新时提醒（不计分）", settings.source,
                 Status.FAIL if evidence else Status.PASS, evidence, len(evidence))
