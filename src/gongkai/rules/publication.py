"""Where and while a record may be published: channels within its item's, 公示 periods, 有效性, withdrawal.

DOMAIN.md §12: the channel decides the output; a 公示 runs for its period and its list of people then comes down;
a document not in force must say so; a record published by mistake is withdrawn from every channel.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial

from gongkai.diagnostics import Location, Severity
from gongkai.days import chinese_day
from gongkai.publication.periods import (LONGEST_NOTICE, NoticeMinimum, StatedPeriod, ends_before_publication,
                                         is_notice, last_working_day, latest_notice_end, minimum_for, notice_end,
                                         stated_notice_period, written_notice_end)
from gongkai.model import Record, vocab
from gongkai.publication.channels import Output, effective_channels, outputs_of
from gongkai.publication.term import ended_term, term_fix
from gongkai.rules.base import FILE, KEYED, Context, Finding, rule
from gongkai.workdays import DueDate, WorkdayCalendar

E, W = Severity.ERROR, Severity.WARNING
DAY = dt.timedelta(days=1)


@rule("GK410", "channel-not-in-item", "信息的公开渠道不在所属事项的渠道中", W,
      what="检查信息「公开渠道」中的每一项是否也列在所属事项的「公开渠道」中。事项没有列出的渠道，gongkai 不会发布到那里。",
      why="标准目录经县政务公开办审核后公布，事项的公开渠道是向公众作出的承诺（国办发〔2019〕54号）；"
          "例如名单类信息只在村公示栏公示，不上网站（DOMAIN.md §12）。",
      example="事项 SHJZ-005 公开渠道: [社区/企事业单位/村公示栏（电子屏）]；信息 公开渠道: [政府网站]",
      instead="信息只用事项列出的渠道；确需增加渠道的，先调整标准目录中的事项并报审核。",
      scope=KEYED)
def channel_not_in_item(ctx: Context) -> Iterator[Finding]:
    catalog = ctx.catalog
    for path, record in catalog.models("record"):
        item = catalog.items.get(record.item or "")
        if item is None or not record.is_public:
            continue
        nowhere = "" if any(c in item.channels for c in record.channels) else \
            "；这条信息写的渠道都不在事项中，因此不在任何渠道发布（网站、公众号、公示栏都没有）"
        for index, channel in enumerate(record.channels):
            if channel not in item.channels:
                where = _where(ctx, "item", item.id, ("公开渠道",))
                yield Finding(Location(path, record.id, ("公开渠道", index)),
                              f"公开渠道「{channel}」不在事项 {item.id} 的公开渠道中（{where}），不会发布到「{channel}」{nowhere}",
                              f"删去「{channel}」，或先在事项 {item.id} 的「公开渠道」中加上它并报审核。")


def _where(ctx: Context, kind: str, object_id: str, field: tuple[str | int, ...]) -> str:
    path, line, _ = ctx.catalog.locate(Location(ctx.catalog.path_of(kind, object_id), object_id, field))
    return f"{path} 第{line}行" if line else str(path)


@rule("GK411", "notice-period-missing", "公示没有写明公示期", E,
      what="文种为「公示」的信息，以及所属事项的公开内容是人员名单（低保、特困、临时救助对象名单，补贴对象姓名等）的信息，"
           "须写明「公示期」（从公开日期当天起算的工作日数）或「公示截止」（最后一天）。",
      why="名单类信息按规定期限公示，公示期满后名单不再公开；没有公示期，gongkai 无法按期撤下名单，"
          "只能在公开日期当天之后就把名单从网站上撤下（DOMAIN.md §12）。",
      example="文种: 公示（没有公示期）",
      instead="公示期: 7　或　公示截止: 2026-04-29",
      scope=KEYED)
def notice_period_missing(ctx: Context) -> Iterator[Finding]:
    catalog = ctx.catalog
    for path, record in catalog.models("record"):
        item = catalog.items.get(record.item or "")
        if record.is_public and is_notice(record, item) and record.notice_days is None and record.notice_until is None:
            at = Location(path, record.id, ("文种",))
            stated = ctx.dated(partial(stated_notice_period, record), at)
            if stated is None:
                yield Finding(at, "名单类信息没有写明公示期",
                              "加上「公示期: 7」（工作日，从公开日期当天起算）或「公示截止: YYYY-MM-DD」。", prefer_key=True)
                continue
            yield Finding(at, f"名单类信息没有写明公示期：只有正文写了「{stated.text}」（到 {stated.end}），名单按它撤下",
                          f"加上「公示截止: {stated.end}」（与正文一致）。", prefer_key=True)


@rule("GK412", "notice-period-too-short", "公示期短于规定", E,
      what="按工作日（含法定节假日和调休）计算公示期，与规定的最短公示期比较，如低保审核确认名单公示7个工作日；"
           "没有法定最短期限的，与事项「公开时限」写明的公示期比较（如「…，公示7个工作日」「公示7天」）。",
      why="民办函〔2019〕52号 社会救助标准指引：低保初审对象名单公示7个工作日；公示期不足，群众来不及监督。",
      example="事项 最低生活保障 / 审核信息；公示期: 5",
      instead="公示期: 7",
      scope=KEYED)
def notice_period_too_short(ctx: Context) -> Iterator[Finding]:
    catalog = ctx.catalog
    for path, record in catalog.models("record"):
        minimum = minimum_for(catalog.items.get(record.item or ""))
        if minimum is None or not record.is_public or record.published is None or ends_before_publication(record):
            continue  # an end before the 公开日期 is a slip GK419 reports: it is no short period
        field = "公示期" if record.notice_days is not None else "公示截止"
        counted = partial(_notice_workdays, record, workdays=minimum.workdays)
        found = ctx.dated(counted, Location(path, record.id, (field,)))
        days, guessed = found if found is not None else (None, ())
        if days is not None and days < minimum.days:
            # a count over a year without a holiday notice yet is a guess (暂定): it says so, and how to be sure
            provisional = (f"（暂定：{'、'.join(f'{y}年' for y in guessed)}的节假日安排尚未录入，按周末和法定节假日计；"
                           "录入后再核对）") if guessed else ""
            stated = ctx.dated(partial(stated_notice_period, record), Location(path, record.id, (field,)))
            short = ctx.dated(partial(_short_parts, record, minimum, stated), Location(path, record.id, (field,))) or []
            said = f"正文写的「{stated.text}」" if stated is not None and [f for f, _ in short] == ["正文"] else "公示期"
            yield Finding(Location(path, record.id, (short[0][0] if short else field,)),
                          f"{said}只有{days}{minimum.unit}{provisional}，少于规定的{minimum.days}{minimum.unit}（{minimum.source}）",
                          "；".join(fix.removesuffix("。") for _, fix in short) + "。" if short
                          else f"改为「公示期: {minimum.days}」。")


def _short_parts(record: Record, minimum: NoticeMinimum, stated: StatedPeriod | None,
                 calendar: WorkdayCalendar) -> list[tuple[str, str]]:
    """What makes a 公示 shorter than *minimum*, each with how to mend it: its 公示截止 or 公示期 (the earlier of the two
    stands, so with both written the one that is short is named and the other deleted), and the period its 正文 tells
    the public, *stated* (the earlier day stands too: a 公示期 of 7 does not mend a 正文 that says four days)."""
    published = record.published
    assert published is not None
    least = (last_working_day(published, minimum.days, calendar) if minimum.workdays
             else published + dt.timedelta(days=minimum.days - 1))
    until_short = record.notice_until is not None and record.notice_until < least
    days_short = record.notice_days is not None and last_working_day(published, record.notice_days, calendar) < least
    parts: list[tuple[str, str]] = []
    if until_short or days_short:
        both = record.notice_until is not None and record.notice_days is not None
        field = "公示截止" if until_short else "公示期"
        if minimum.workdays:
            parts.append((field, f"改为「公示期: {minimum.days}」并删去「公示截止」（两者都写时按较早的一天撤下名单）。" if both
                          else f"改为「公示期: {minimum.days}」。"))
        else:
            parts.append((field, f"改为「公示截止: {least}」（公开日期当天算第1天）" + ("，并删去「公示期」。" if both else "。")))
    if stated is not None and stated.end < least:
        parts.append(("正文", f"把正文写的「{stated.text}」改为到{chinese_day(least)}或更晚（至少{minimum.days}"
                              f"{minimum.unit}），与登记的公示期一致。"))
    return parts


@rule("GK413", "validity-missing", "政策文件没有写明有效性", E,
      what="规范性文件和政策文件须写明「有效性」：有效、失效、废止或已修改；不是「有效」的，写明「有效性日期」；"
           "写了「有效性日期」或「废止日期」的信息，有效性不能是「有效」。",
      why="群众要知道一份政策现在是否还管用：被新标准替代的旧标准必须在读者看得到的地方注明（DOMAIN.md §12）；"
          "县政府门户网站的目录字段也有「有效性」（安溪县政府信息公开指南）。",
      example="文种: 政策文件（没有「有效性」）",
      instead="有效性: 有效　或　有效性: 失效 / 有效性日期: 2026-07-01 / 被替代: R2026-015",
      scope=FILE)
def validity_missing(ctx: Context) -> Iterator[Finding]:
    for path, record in ctx.catalog.models("record"):
        if not record.is_public:
            continue
        if record.validity == vocab.IN_FORCE:  # the site shows it in force for ever: the date says otherwise
            yield from _in_force_but_dated(path, record)
        if record.kind not in vocab.POLICY_KINDS:
            continue
        if record.validity is None:
            yield Finding(Location(path, record.id, ("文种",)), f"{record.kind}没有写明有效性",
                          "加上「有效性: 有效」；已失效、废止或修改的，写明哪一种和日期。", prefer_key=True)
        elif record.validity != vocab.IN_FORCE and record.validity_date is None and record.repealed is None:
            yield Finding(Location(path, record.id, ("有效性",)), f"有效性为「{record.validity}」，但没有写明日期",
                          "加上「有效性日期: YYYY-MM-DD」。")


def _in_force_but_dated(path: str, record: Record) -> Iterator[Finding]:
    """「有效性: 有效」 beside a 废止日期 or 有效性日期: the site shows it in force on every day, the file says it lapsed
    (hostile pass 38: no finding, and a repealed document stood as 现行有效 on the web)."""
    for field, day in (("废止日期", record.repealed), ("有效性日期", record.validity_date)):
        if day is not None:
            yield Finding(Location(path, record.id, (field,)),
                          f"写了{field} {day}，有效性却是「有效」：网站、门户和公众号一直把它当作现行有效的文件",
                          f"{day}起废止（失效、修改）的，把「有效性」改为废止（失效、已修改）；仍然有效的，删去「{field}」"
                          "（施行日期写在正文中）。")


@rule("GK422", "validity-term-ended", "正文写的有效期已过，仍登记为有效", W,
      what="规范性文件和政策文件的正文写明了有效期（「自2019年4月1日起施行，有效期5年」「有效期至2023年12月31日」「本通知"
           "自印发之日起施行，有效期3年」），今天已过了有效期的最后一天，「有效性」却仍是「有效」（或「已修改」、没有写）。"
           "只看文件说自己的有效期的句子（有「本办法」「施行」等字样），「低保对象资格有效期1年」这样给别人定的期限不算；"
           "正文写了延期的（「有效期延长至……」），按延期后的算。",
      why="网页、门户导出和订阅按「有效性」告诉群众文件是否还管用：过了有效期仍显示「有效」，读者会按已经失效的政策办事"
          "（DOMAIN.md §12）；福建等省要求行政规范性文件写明有效期，到期自动失效。文件可能另行发文延期，所以只提醒，不替您改。",
      example="有效性: 有效；正文「本办法自2019年4月1日起施行，有效期5年。」，今天 2026-12-07",
      instead="有效性: 失效 / 有效性日期: 2024-04-01；已延期的，正文写明「有效期延长至2028年12月31日」",
      scope=FILE)
def validity_term_ended(ctx: Context) -> Iterator[Finding]:
    for path, record in ctx.catalog.models("record"):
        term = ended_term(record, ctx.today) if record.is_public and record.withdrawn is None else None
        if term is not None:
            field = "有效性" if record.validity is not None else "文种"
            yield Finding(Location(path, record.id, (field,)),
                          f"正文写明「{term.text}」（到 {term.end}），今天 {ctx.today} 已过，有效性仍是"
                          f"「{record.validity or '有效'}」", term_fix(term) + "。", prefer_key=field == "文种")


@rule("GK417", "validity-before-formed", "失效或废止日期早于成文日期", E,
      what="「有效性日期」「废止日期」不能早于「成文日期」。",
      why="网页会写「失效（某日）」：日期早于成文日期，读者看到的是文件还没有制定就已失效，这是严重表述错误"
          "（国办秘函〔2019〕19号把严重表述错误列为单项否决）；日期多半是笔误。",
      example="成文日期: 2026-09-01 / 有效性: 失效 / 有效性日期: 2026-08-31",
      instead="有效性日期: 2027-09-01（文件实际失效、废止或修改的日期，不早于成文日期）",
      scope=FILE)
def validity_before_formed(ctx: Context) -> Iterator[Finding]:
    for path, record in ctx.catalog.models("record"):
        for field, day in (("有效性日期", record.validity_date), ("废止日期", record.repealed)):
            if day is not None and day < record.formed:  # the page would say 失效 since before the document existed
                yield Finding(Location(path, record.id, (field,)), f"{field} {day} 早于成文日期 {record.formed}",
                              "改为文件实际失效、废止或修改的日期，不早于成文日期。")


@rule("GK414", "replacement-inconsistent", "替代关系不一致", E,
      what="检查「被替代」「替代」所指的信息是否存在、是否两头一致：A 被 B 替代，则 B 不能是失效的文件，"
           "A 的有效性不能是「有效」；B 写了「替代: [A]」的，A 须写「被替代: B」。",
      why="新旧文件的关系要在两边都看得到，读者从旧文件能找到现行文件（DOMAIN.md §12）。",
      example="R2025-004 被替代: R2026-015，但 R2025-004 有效性: 有效",
      instead="R2025-004: 有效性: 失效 / 被替代: R2026-015；R2026-015: 替代: [R2025-004]",
      scope=KEYED)
def replacement_inconsistent(ctx: Context) -> Iterator[Finding]:
    records = ctx.catalog.records
    for path, record in ctx.catalog.models("record"):
        if record.replaced_by is not None:
            newer = records.get(record.replaced_by)
            if newer is None:
                yield Finding(Location(path, record.id, ("被替代",)), f"被替代的新文件「{record.replaced_by}」不存在",
                              "写新文件的信息编号，如 R2026-015。")
            elif record.validity in (None, vocab.IN_FORCE):
                yield Finding(Location(path, record.id, ("被替代",)), f"已被 {newer.id} 替代，有效性却不是失效或已修改",
                              "改为「有效性: 失效」（或 已修改、废止）并写明有效性日期。")
            elif newer.replaces and record.id not in newer.replaces:
                yield Finding(Location(path, record.id, ("被替代",)), f"{newer.id} 的「替代」没有列出 {record.id}",
                              f"在 {newer.id} 的「替代」中加上 {record.id}。")
        for index, old_id in enumerate(record.replaces):
            old = records.get(old_id)
            if old is None:
                yield Finding(Location(path, record.id, ("替代", index)), f"替代的旧文件「{old_id}」不存在",
                              "写旧文件的信息编号。")
            elif old.replaced_by != record.id:
                yield Finding(Location(path, record.id, ("替代", index)),
                              f"{old_id} 没有写「被替代: {record.id}」", f"在 {old_id} 中加上「被替代: {record.id}」和有效性。")


@rule("GK415", "withdrawal-invalid", "撤回登记有误", E,
      what="检查「撤回」：只有已主动公开的信息才能撤回，撤回日期不能早于公开日期。",
      why="撤回是把误发布的信息从每个渠道撤下；已送交两馆的，须以公函向县政府办申请撤换（闽政办函〔2016〕42号）。",
      example="公开日期: 2026-10-15 / 撤回: {日期: 2026-10-01, 原因: …}",
      instead="撤回: {日期: 2026-10-16, 原因: 误将过程性信息作为主动公开信息发布}",
      scope=FILE)
def withdrawal_invalid(ctx: Context) -> Iterator[Finding]:
    for path, record in ctx.catalog.models("record"):
        withdrawn = record.withdrawn
        if withdrawn is None:
            continue
        if not record.is_public or record.published is None:
            yield Finding(Location(path, record.id, ("撤回",)), "没有主动公开过的信息不需要撤回",
                          "删除「撤回」；未公开的信息不会发布。", prefer_key=True)
        elif withdrawn.date < record.published:
            yield Finding(Location(path, record.id, ("撤回", "日期")),
                          f"撤回日期 {withdrawn.date} 早于公开日期 {record.published}", "改为实际撤回的日期。")


def _notice_workdays(record: Record, calendar: WorkdayCalendar,
                     workdays: bool = True) -> tuple[int, tuple[int, ...]] | None:
    """How many working days (or, without *workdays*, calendar days) the record's 公示 runs, counting its 公开日期 as
    the first, and the years whose days on the way were only guessed (暂定: no holiday notice yet)."""
    end = notice_end(record, calendar)
    if end is None or record.published is None:
        return None
    if not workdays:
        return (end - record.published).days + 1, ()  # calendar days: nothing guessed
    return calendar.count_between(record.published - DAY, end), calendar.provisional_years(record.published - DAY, end)


def _counted_end(record: Record, calendar: WorkdayCalendar) -> DueDate | None:
    """The last day of the record's 公示期 (working days, its 公开日期 the first), 暂定 when a day counted lies in a year
    without a holiday notice yet; None when it writes no 公示期."""
    if record.notice_days is None or record.published is None:
        return None
    return calendar.counted(record.published - DAY, last_working_day(record.published, record.notice_days, calendar))


@rule("GK416", "notice-period-conflict", "公示期与公示截止不一致", W,
      what="同时写了「公示期」和「公示截止」时，检查两者是否算出同一天。",
      why="两处写法不一致时，gongkai 按两者中较早的一天撤下名单；群众看到的公示期和实际撤下的日期应当一致。",
      example="公开日期: 2026-04-21 / 公示期: 7 / 公示截止: 2026-04-28",
      instead="只写一种：公示期: 7（即到 2026-04-29）",
      scope=FILE)
def notice_period_conflict(ctx: Context) -> Iterator[Finding]:
    for path, record in ctx.catalog.models("record"):
        if record.notice_days is None or record.notice_until is None or record.published is None:
            continue
        counted = ctx.dated(partial(_counted_end, record), Location(path, record.id, ("公示期",)))
        if counted is not None and counted.date != record.notice_until:
            yield Finding(Location(path, record.id, ("公示截止",)),
                          f"按公示期{record.notice_days}个工作日算到 {counted}，与公示截止 {record.notice_until} 不一致",
                          "删去其中一个，或改成一致。" + counted.note())


@rule("GK418", "notice-period-too-long", f"公示期超过{LONGEST_NOTICE}", E,
      what=f"「公示截止」或按「公示期」算出的最后一天，在公开日期{LONGEST_NOTICE}之后（如把 2026 年写成 2062 年）。",
      why="公示按规定的期限进行，期满后名单不再公开（DOMAIN.md §12）；规定的公示期以天计（低保审核确认名单7个工作日），"
          f"没有哪项规定的人员名单公示长达{LONGEST_NOTICE}。写错的公示截止会让姓名一直留在网站上，gongkai 在公开日期"
          f"{LONGEST_NOTICE}后一定撤下名单。",
      example="公开日期: 2026-09-03 / 公示截止: 2062-09-10",
      instead="公示截止: 2026-09-11　或　公示期: 7",
      scope=FILE)
def notice_period_too_long(ctx: Context) -> Iterator[Finding]:
    for path, record in ctx.catalog.models("record"):
        if record.published is None:
            continue
        latest = latest_notice_end(record.published)
        for field, alone in _each_period(record):
            end = ctx.dated(partial(written_notice_end, alone), Location(path, record.id, (field,)))
            if end is not None and end > latest:
                said = f"公示截止 {end}" if field == "公示截止" else f"按公示期{record.notice_days}个工作日算到 {end}"
                yield Finding(Location(path, record.id, (field,)),
                              f"{said}，在公开日期 {record.published} {LONGEST_NOTICE}之后：名单最迟在 {latest} 撤下",
                              "改为实际的公示期（如「公示期: 7」，从公开日期当天起算的工作日）或公示截止日期。")


@rule("GK419", "notice-ends-before-publication", "公示截止早于公开日期", E,
      what="「公示截止」不能早于「公开日期」：公示从公开日期当天开始，最后一天不会在它之前。",
      why="网页会写「公示已于某日结束」：日期早于公开日期，读者看到的是还没有公示就已结束，这是严重表述错误"
          "（国办秘函〔2019〕19号把严重表述错误列为单项否决）；日期多半是笔误（把 9月30日 写成 8月30日）。"
          "改正之前，gongkai 不公开名单，网页写「公示已于（公开日期）结束」。",
      example="公开日期: 2026-09-03 / 公示截止: 2026-08-30",
      instead="公示截止: 2026-09-30　或　公示期: 7",
      scope=FILE)
def notice_ends_before_publication(ctx: Context) -> Iterator[Finding]:
    for path, record in ctx.catalog.models("record"):
        if ends_before_publication(record):
            yield Finding(Location(path, record.id, ("公示截止",)),
                          f"公示截止 {record.notice_until} 早于公开日期 {record.published}",
                          "改为公示的最后一天（不早于公开日期），或改写「公示期: 7」（从公开日期当天起算的工作日）。")


def _each_period(record: Record) -> Iterator[tuple[str, Record]]:
    """(field, the record with only that period) for 公示截止 and 公示期, each that the record writes."""
    if record.notice_until is not None:
        yield "公示截止", record.model_copy(update={"notice_days": None})
    if record.notice_days is not None:
        yield "公示期", record.model_copy(update={"notice_until": None})


@rule("GK420", "notice-period-stated-otherwise", "正文写的公示期与登记的不一致", W,
      what="正文中写给群众看的公示期（如「公示期：2026年11月27日至12月7日」）的最后一天，与「公示截止」或按「公示期」"
           "算出的最后一天比较。",
      why="群众按正文写的日期提出异议；名单在网站上留到哪天，应当与正文告诉群众的一致（DOMAIN.md §12）。"
          "两者不一致时，gongkai 按较早的一天撤下名单：不会在告诉群众的公示期之后还留着姓名。",
      example="公示期: 7（到 2026-12-07）/ 正文：公示期：2026年11月27日至12月31日",
      instead="公示期: 7 / 正文：公示期：2026年11月27日至12月7日（7个工作日）",
      scope=FILE)
def notice_period_stated_otherwise(ctx: Context) -> Iterator[Finding]:
    for path, record in ctx.catalog.models("record"):
        if not record.is_public or (record.notice_days is None and record.notice_until is None):
            continue
        field = "公示期" if record.notice_days is not None else "公示截止"
        stated = ctx.dated(partial(stated_notice_period, record), Location(path, record.id, (field,)))
        if stated is None:
            continue
        counted = ctx.dated(partial(_counted_end, record), Location(path, record.id, (field,)))
        if record.notice_days is not None and counted is None:
            continue  # a year no calendar covers: GK805
        written = min(day for day in (record.notice_until, counted.date if counted else None) if day is not None)
        if written != stated.end:
            # an end counted over a year without a holiday notice yet is a guess (暂定): the 正文, written from the
            # notice the clerk has read, may well be right
            guessed = counted if counted is not None and counted.provisional and counted.date == written else None
            mark = "（暂定）" if guessed else ""
            earlier = min(written, stated.end)
            said = f"公示截止是 {written}" if field == "公示截止" else f"按公示期{record.notice_days}个工作日算到 {written}{mark}"
            yield Finding(Location(path, record.id, (field,)),
                          f"正文写的是「{stated.text}」（到 {stated.end}），{said}：两者不一致，"
                          f"名单在 {earlier}{mark if earlier == written else ''} 之后撤下",
                          f"把正文写的公示期和「{field}」改成同一个最后一天。" + (guessed.note() if guessed else ""))


# Where a list of people can be seen: the web page and what is printed for the boards. The 公众号 article of a list
# never carries it (名单从略: gongkai.printing.wechat), so a 公示 published through 两微一端 alone is shown nowhere.
_SHOWS_LISTS = frozenset({Output.WEB, Output.PRINT})


@rule("GK421", "notice-shown-nowhere", "公示名单只在两微一端发布，哪里都看不到", W,
      what="名单类信息（公示，或所属事项的公开内容是人员名单）的公开渠道只有「两微一端」时提示：公众号文章不转载名单，"
           "网站和公示栏又不发布这条信息，名单在任何渠道都看不到。",
      why="公示是让群众看到名单、在公示期内提出异议（DOMAIN.md §4、§12）；名单只写在公众号文章里，会被搜索引擎收录，"
          "所以 gongkai 的公众号文章只写名单在哪里公示。只选两微一端，等于没有公示。",
      example="文种: 公示 / 公开渠道: [两微一端]",
      instead="公开渠道: [政府网站, 两微一端]　或　公开渠道: [社区/企事业单位/村公示栏（电子屏）, 两微一端]",
      scope=KEYED)
def notice_shown_nowhere(ctx: Context) -> Iterator[Finding]:
    catalog = ctx.catalog
    for path, record in catalog.models("record"):
        item = catalog.items.get(record.item or "")
        if not record.is_public or not is_notice(record, item):
            continue
        outputs = outputs_of(effective_channels(record, item))
        if Output.WECHAT in outputs and not outputs & _SHOWS_LISTS:
            field = ("公开渠道",) if record.channels else ("事项",)
            yield Finding(Location(path, record.id, field),
                          "名单类信息只在两微一端发布：公众号文章不转载名单，网站和公示栏也没有这条信息，名单在哪里都看不到",
                          "在「公开渠道」中加上政府网站或公示栏（事项列出的渠道），名单在那里公示，公众号文章写明在哪里查看。")
