"""Deadlines in working days: 公开时限 and 三同步 of policy and 解读 (暂定 where a year has no notice yet)."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.days import year_slip
from gongkai.diagnostics import Location, Severity
from gongkai.model.deadline import notice_unread, parse_deadline
from gongkai.model.record import Record
from gongkai.publication.interpretation import owes_interpretation
from gongkai.rules.base import FILE, KEYED, Context, Finding, rule
from gongkai.workdays import DueDate

E, W = Severity.ERROR, Severity.WARNING


@rule("GK401", "deadline-not-understood", "公开时限无法识别", W,
      what="检查事项的公开时限能否被识别为「某事件之日起N个工作日内」「公示N个工作日」、定期或实时公开。",
      why="公开时限是考核公开是否及时的尺子；写成含糊的文字，就无法核对每条信息是否按时公开。",
      example="公开时限: 尽快公开",
      instead="公开时限: 自信息形成或者变更之日起20个工作日内（《条例》第二十六条）",
      scope=FILE)
def deadline_not_understood(ctx: Context) -> Iterator[Finding]:
    for path, item in ctx.catalog.models("item"):
        if parse_deadline(item.deadline) is None:
            yield Finding(Location(path, item.id, ("公开时限",)), f"无法识别公开时限「{item.deadline}」",
                          "写成「制定或获取信息之日起10个工作日内」「……，公示7个工作日」「实时公开」「每季度」等形式。")
        elif notice_unread(item.deadline):
            yield Finding(Location(path, item.id, ("公开时限",)), f"无法识别公开时限「{item.deadline}」中的公示期",
                          "公示期写成「公示7个工作日」「公示期为7天」「公示一周」等形式（天数用数字，或一、二……十、二十这样的汉字）。")


@rule("GK402", "published-late", "超过公开时限", W,
      what="按工作日（含法定节假日和调休）计算信息从成文到公开用了多少天，与所属事项的公开时限比较；"
           "「实时公开」「及时公开」等没有写天数的，按《条例》第二十六条的20个工作日核对。",
      why="《政府信息公开条例》第二十六条：主动公开的政府信息应当自形成或者变更之日起20个工作日内及时公开；"
          "民政部门的标准指引要求10个工作日。",
      example="成文日期: 2026-09-01，公开日期: 2026-09-30，事项时限 10个工作日",
      instead="在时限内公开；已超期的，写明原因并在考核中说明。",
      scope=KEYED)
def published_late(ctx: Context) -> Iterator[Finding]:
    items = ctx.catalog.items
    for path, record in ctx.catalog.models("record"):
        item = items.get(record.item or "")
        deadline = parse_deadline(item.deadline) if item else None
        within = deadline.limit if deadline else None
        if not (record.is_public and record.published and item and within):
            continue
        here = Location(path, record.id, ("公开日期",))
        days, workdays = within
        # counted from 成文日期: a year no calendar holds (GK805) is that date's, 1926 typed for 2026, not 公开日期's
        counted_from = Location(path, record.id, ("成文日期",))
        limit = ctx.dated(lambda calendar: calendar.limit(record.formed, days, workdays), counted_from)
        if limit is not None and record.published > limit.date:
            # 「及时公开」 names no days: the law's ceiling (《条例》第二十六条) is what it is held to
            ceiling = "" if deadline and deadline.checkable else f"事项写「{item.deadline}」，最迟按《条例》第二十六条："
            yield Finding(here, f"公开日期 {record.published} 晚于公开时限：{ceiling}成文日期 {record.formed} 起"
                                f"{days}{'个工作日' if workdays else '天'}内，即最迟 {limit}（含当天）",
                          f"gongkai deadline explain {record.id} 可查看逐日计算过程。{limit.note()}")


@rule("GK403", "interpretation-missing", "政策文件没有同步解读", W,
      what="检查本机关起草的规范性文件、政策文件在公开的同时（或在规定的工作日内）是否发布了政策解读并相互关联。"
           "转发的文件，以及「责任者」是其他机关的文件（如福建省民政厅的规范性文件），由起草机关解读，不检查。",
      why="政策文件与解读方案、解读材料同步组织、同步审签、同步部署（三同步）；"
          "国办发〔2016〕80号要求解读材料与文件同步在政府网站发布。天数在 gongkai.yaml「检查 → 解读时限工作日」中设置。",
      example="文种: 规范性文件（没有「解读」）",
      instead="解读: [R2026-013]（一条文种为「政策解读」、同日或3个工作日内公开的信息）",
      scope=KEYED)
def interpretation_missing(ctx: Context) -> Iterator[Finding]:
    agency = ctx.catalog.agency
    allowed = agency.lint.interpretation_days if agency else 3
    records = ctx.catalog.records
    name = agency.org.name if agency else None
    for path, record in ctx.catalog.models("record"):
        if not (record.is_public and record.published and owes_interpretation(record, name)):
            continue
        found = [records[i] for i in record.interpretations if i in records]
        if not found:
            yield Finding(Location(path, record.id, ("文种",)), f"{record.kind}「{record.title}」没有关联政策解读",
                          "登记解读信息（文种: 政策解读），并在本文件中写「解读: [解读的编号]」。")
            continue
        published = record.published
        limit = ctx.dated(lambda calendar: calendar.due(published, allowed), Location(path, record.id, ("解读",)))
        if limit is not None:
            yield from _late_interpretations(path, record, found, allowed, limit)


def _late_interpretations(path: str, record: Record, found: list[Record], allowed: int,
                          limit: DueDate) -> Iterator[Finding]:
    dates = [r.published for r in found if r.is_public and r.published]
    if not dates:
        yield Finding(Location(path, record.id, ("解读",)), "关联的政策解读尚未主动公开",
                      "政策解读应与文件同步主动公开。")
    elif min(dates) > limit.date:
        yield Finding(Location(path, record.id, ("解读",)),
                      f"政策解读 {min(dates)} 才公开，晚于文件公开后{allowed}个工作日（{limit}）",
                      "解读材料应与文件同步发布。" + limit.note())


@rule("GK404", "published-before-formed", "公开日期早于成文日期", E,
      what="检查公开日期是否早于成文日期。",
      why="信息要先形成才能公开；日期颠倒通常是录入错误，会让公开时限和移交批次算错。",
      example="成文日期: 2026-03-05\n公开日期: 2026-03-02",
      instead="核对公文，改正其中一个日期。",
      scope=FILE)
def published_before_formed(ctx: Context) -> Iterator[Finding]:
    for path, record in ctx.catalog.models("record"):
        if record.published is not None and record.published < record.formed:
            yield Finding(Location(path, record.id, ("公开日期",)),
                          f"公开日期 {record.published} 早于成文日期 {record.formed}", "核对并改正日期。")


@rule("GK405", "dated-in-future", "日期在今天之后", W,
      what="检查成文日期、公开日期是否晚于今天。",
      why="登记的是已经形成、已经公开的信息；未来的日期多是把年份或月份输错了。",
      example="公开日期: 2062-03-05",
      instead="公开日期: 2026-03-05",
      scope=FILE)
def dated_in_future(ctx: Context) -> Iterator[Finding]:
    for path, record in ctx.catalog.models("record"):
        for key, value in (("成文日期", record.formed), ("公开日期", record.published)):
            if value is not None and value > ctx.today:
                yield Finding(Location(path, record.id, (key,)), f"{key} {value} 在今天（{ctx.today}）之后",
                              "核对年份和月份；尚未公开的信息，公开后再填写公开日期。")


@rule("GK406", "record-year-slip", "日期比编号的年份早了近一年", W,
      what="检查成文日期、公开日期是否在信息编号所写年份的上一年12月之前（如编号 R2027-003，公开日期 2026-01-06）。",
      why="每年1月最容易把新年份写成上一年：公开时限、移交两馆的时限被说成超期一年，网站上的发稿日期早了一年，"
          "年度检查按 git 历史核对发稿日期时还会被当作伪造发稿日期（国办秘函〔2019〕19号，单项否决）。",
      example="编号: R2027-003 / 公开日期: 2026-01-06",
      instead="公开日期: 2027-01-06",
      scope=FILE)
def record_year_slip(ctx: Context) -> Iterator[Finding]:
    for path, record in ctx.catalog.models("record"):
        for key, value in (("成文日期", record.formed), ("公开日期", record.published)):
            year = year_slip(record.id, value) if value is not None else None
            if year is not None:
                yield Finding(Location(path, record.id, (key,)),
                              f"编号 {record.id} 是{year}年的，{key}却是 {value}：是不是把{year}年写成了{value.year}年？",
                              f"核对{key}的年份；确实是{value.year}年的文件（补登的旧文件），可以不改，或改正编号（和文件名）。")
