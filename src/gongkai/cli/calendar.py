"""gongkai workdays / gongkai deadline: working-day computations shown step by step."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from gongkai.catalog import load_catalog
from gongkai.catalog.listing import CatalogNotFound
from gongkai.cli.app import EXIT_OK, app, out
from gongkai.cli.options import parse_date, today
from gongkai.errors import UsageProblem
from gongkai.holidays import calendar_of
from gongkai.model.deadline import ARTICLE_26_WORKDAYS, parse_deadline
from gongkai.model import Record
from gongkai.model.request import REPLY_WORKDAYS, Request
from gongkai.publication.handover import Delivery, delivery_of
from gongkai.publication.periods import is_notice, over_before_publication, safe_notice_end
from gongkai.workdays import CalendarMissing, DueDate, Step, WorkdayCalendar, override_note

workdays = typer.Typer(help="工作日计算：按国务院节假日安排（含调休）和目录中的 calendar/<年份>.yaml；"
                                "还没有通知的年份按周末和法定节假日暂定计算。", no_args_is_help=True)
deadline = typer.Typer(help="公开时限：逐日说明一条信息的期限是怎么算出来的。", no_args_is_help=True)
app.add_typer(workdays, name="workdays")
app.add_typer(deadline, name="deadline")

CatalogOpt = Annotated[Path | None, typer.Option("--catalog", "-C", help="目录文件夹，读取其中的节假日安排；默认为当前文件夹或其下的 catalog/（没有也可以）",
                                                 show_default=False)]


def _calendar(catalog: Path | None) -> WorkdayCalendar:
    """The provisional view: a year without a notice yet is counted from the statutory holidays and said so."""
    if catalog is not None:
        return calendar_of(load_catalog(catalog)).provisional()
    try:
        return calendar_of(load_catalog(Path("."))).provisional()
    except CatalogNotFound:
        return WorkdayCalendar().provisional()


def _steps(steps: list[Step]) -> None:
    for step in steps:
        mark = f"第{step.counted:>2}个工作日" if step.counted is not None else "跳过　　　　"
        weekday = "一二三四五六日"[step.day.weekday()]
        out.print(f"  {step.day.isoformat()}（周{weekday}）  {mark}  {step.info.reason}", markup=False)


def explain_add(calendar: WorkdayCalendar, start: dt.date, n: int, what: str) -> DueDate:
    """Print every day from start to the n-th working day after it; return that day (暂定 when guessed)."""
    try:
        steps, end = calendar.explain_add(start, n), calendar.due(start, n)
    except CalendarMissing as exc:
        raise UsageProblem(str(exc)) from None
    out.print(f"{what}：从 {start.isoformat()} 起（当天不计）数{n}个工作日", markup=False)
    _steps(steps)
    skipped = sum(s.counted is None for s in steps)
    out.print(f"  → {end}（共经过{len(steps)}天，其中跳过{skipped}天）", markup=False)
    if end.provisional:
        out.print(f"  暂定：{end.note()}", markup=False)
    if differs := override_note(calendar.overrides(start + dt.timedelta(days=1), end.date)):
        out.print(f"  注意：{differs}", markup=False)
    return end


@workdays.command("add")
def add_command(
    start: Annotated[str, typer.Argument(metavar="起算日期", help="起算日期 YYYY-MM-DD（当天不计）", show_default=False)],
    days: Annotated[int, typer.Argument(metavar="工作日数", help="工作日数", min=0, show_default=False)],
    catalog: CatalogOpt = None,
) -> int:
    """从某天起数 N 个工作日，逐日列出哪天算、哪天跳过以及原因。例：gongkai workdays add 2026-09-30 10"""
    explain_add(_calendar(catalog), parse_date(start, "起算日期"), days, "计算")
    return EXIT_OK


@deadline.command("explain")
def explain_command(
    record_id: Annotated[str, typer.Argument(metavar="编号", help="信息编号，如 R2026-012；或依申请公开申请的编号，如 YSQ-2026-001",
                                             show_default=False)],
    catalog: CatalogOpt = None,
) -> int:
    """说明一条信息的公开时限和移交两馆时限，或一件依申请公开申请的答复期限：逐日计数，跳过的日子写明原因；还没有通知的年份标「暂定」。"""
    loaded = load_catalog(catalog or Path("."))
    record = loaded.records.get(record_id)
    strict = calendar_of(loaded)
    calendar = strict.provisional()
    if record is None:
        request = next((r for _, r in loaded.models("request") if r.id == record_id), None)
        if request is None:
            if (unread := loaded.unread_file(record_id, ("record", "request"))) is not None:
                from gongkai.privacy import mask_text  # noqa: PLC0415 (only for a file that does not read)
                path, first = unread
                where = (f"（第{first.line}行第{first.column}列：{mask_text(first.message)[0]}）"
                         if first is not None and first.line else "")
                raise UsageProblem(f"{path} 有错误，读不进来{where}，无法计算「{record_id}」的期限：运行 gongkai validate "
                                   f"查看改法，改正后再运行 gongkai deadline explain {record_id}。")
            raise UsageProblem(f"找不到编号为「{record_id}」的信息或依申请公开申请；编号写在文件的「编号」中，"
                               "如 R2026-012（信息）、YSQ-2026-001（申请）。")
        return _explain_request(calendar, request)
    from gongkai.output.names import record_names  # (the privacy detectors: only when a record is explained)
    from gongkai.privacy.mask import mask_names

    out.print(f"{record.id}  {mask_names(record.title, record_names(record))}", markup=False)  # (a log keeps it)
    out.print(f"成文日期 {record.formed}，公开日期 {record.published or '（未公开）'}，公开属性 {record.attribute or '未标识'}",
              markup=False)
    item = loaded.items.get(record.item or "")
    parsed = parse_deadline(item.deadline) if item else None
    if item is None:
        out.print("没有所属事项，无法确定公开时限。", markup=False)
    elif parsed is not None and parsed.kind == "realtime":  # no days named: the law's ceiling (GK402)
        limit = explain_add(calendar, record.formed, ARTICLE_26_WORKDAYS,
                            f"公开时限（事项 {item.id}：{item.deadline}；没有写天数，按《条例》第二十六条最迟"
                            f"{ARTICLE_26_WORKDAYS}个工作日）")
        _verdict(record.published, limit, "公开", (record.formed, "成文日期", "GK404"))
    elif parsed is None or not parsed.checkable or parsed.days is None:
        out.print(f"事项 {item.id} 的公开时限「{item.deadline}」不是「某日起N个工作日内」的形式，无需逐日计算。", markup=False)
    elif parsed.workdays:
        limit = explain_add(calendar, record.formed, parsed.days, f"公开时限（事项 {item.id}：{item.deadline}）")
        _verdict(record.published, limit, "公开", (record.formed, "成文日期", "GK404"))
    else:
        limit = calendar.limit(record.formed, parsed.days, workdays=False)
        last = record.formed + dt.timedelta(days=parsed.days)
        moved = "" if limit.date == last else f"（{last} 是休息日，顺延到其后第一个工作日）"
        out.print(f"公开时限（{item.deadline}）按自然日计算：{record.formed} + {parsed.days}天 = {limit}{moved}", markup=False)
        _verdict(record.published, limit, "公开", (record.formed, "成文日期", "GK404"))
    if record.published is not None and is_notice(record, item):
        _explain_notice(strict, record)
    if record.is_public and loaded.agency is not None:
        n = loaded.agency.handover.limit_workdays
        due = explain_add(calendar, record.formed, n, f"移交两馆时限（福建：成文后{n}个工作日内）")
        now = today(None)
        _handover_verdict(delivery_of(loaded, record, now), due, now)
    return EXIT_OK


def _handover_verdict(delivery: Delivery, due: DueDate, now: dt.date) -> None:
    """Whether the record went to the 两馆 in time, as validate says it (GK506, GK507): the day alone left the clerk
    to find the ledgers, and a withdrawn record seemed owed to them for ever."""
    if delivery.day is not None and delivery.by_hand:
        out.print(f"  启用 gongkai 前已人工送交两馆（补登台账 {delivery.ledger}），不计时限。", markup=False)
    elif delivery.day is not None:
        _verdict(delivery.day, due, "送交两馆")
        out.print(f"  （台账 {delivery.ledger}）", markup=False)
    elif delivery.withdrawn is not None:
        out.print(f"  {delivery.withdrawn} 已撤回，送交两馆之前撤回的信息不送交，不计时限。", markup=False)
    elif not delivery.kept:
        out.print("  目录中还没有移交台账（gongkai handover 送交后写入），无法说明是否已送交两馆。", markup=False)
    elif delivery.not_out is not None:
        late = f"，已超过期限 {due}" if now > due.date else f"；期限是 {due}"
        out.print(f"  尚未送交两馆{late}：公开日期 {delivery.not_out} 还没到，公开后的第一个移交日随那一批送交。",
                  markup=False)
    elif now > due.date:
        out.print(f"  尚未送交两馆，已超过期限 {due}（gongkai validate 报 GK507）：在下一个移交日运行 "
                  "gongkai handover --date 移交日 补送。", markup=False)
    else:
        out.print(f"  尚未送交两馆；期限是 {due}，在这天或之前的移交日送交。", markup=False)


def _explain_notice(strict: WorkdayCalendar, record: Record) -> None:
    """The 公示 period of a record, day by day when written as 公示期 (公开日期 counted as the first day), and its last
    day as every output takes it down (publication.safe_notice_end): 暂定 when it runs into a year without a holiday
    notice. A 公示 over 元旦 or 春节 is what people ask this command about."""
    assert record.published is not None
    try:
        end, provisional = safe_notice_end(record, strict)
    except CalendarMissing as exc:
        out.print(f"公示期：{exc}", markup=False)
        return
    if end is None:
        out.print("公示期：没有写明「公示期」或「公示截止」（GK411），名单在公开当天结束后即撤下。", markup=False)
        return
    if over_before_publication(record, strict):  # as standing takes it: never shown, not even on its 公开日期
        out.print(f"  公示期：「公示截止」或正文写的公示期在公开日期 {record.published} 之前已结束（GK419、GK420），"
                  "名单不在任何渠道公开。", markup=False)
        return
    why = "（公示截止）" if record.notice_until is not None else "（正文写的公示期；没有写「公示期」或「公示截止」，GK411）"
    if record.notice_days is not None:
        view = strict.provisional()
        first = view.on_or_after(record.published)
        # published on a day off (a Saturday, 国庆): the first day is the next working day, and the title says so
        day_one = (f"公开日期 {record.published} 当天算第1天" if first == record.published else
                   f"公开日期 {record.published} 是{view.info(record.published).reason}，下一个工作日 {first} 算第1天")
        counted = explain_add(view, first - dt.timedelta(days=1), record.notice_days,
                              f"公示期（{record.notice_days}个工作日，{day_one}）")
        why = "" if counted.date == end else "（「公示截止」或正文写的公示期更早结束，按较早的一天）"
    shown = DueDate(end, (end.year,) if provisional else ())
    out.print(f"  公示期：{record.published} 至 {shown}{why}，{end + dt.timedelta(days=1)} 起名单从各渠道撤下。",
              markup=False)


# The law that takes a pause out of the period, by Pause.what.
_LAW = {"征求第三方意见": "《条例》第三十三条第三款", "收费通知送达至缴费": "国办函〔2020〕109号"}
# What a pause not ended yet means, by Pause.what.
_PAUSED_BECAUSE = {
    "征求第三方意见": "起征求第三方意见，还没有结束：这段时间不计入答复期限（《条例》第三十二条、第三十三条），"
                      "结束后写上「结束」日期再算。",
    "收费通知送达至缴费": "送达收费通知，申请人还没有缴费：收费通知送达至缴费完成的时间不计入答复期限"
                       "（国办函〔2020〕109号），缴费后写上「缴费日期」再算；收到通知之日起20个工作日内未缴费的，"
                       "写「办理结果: 其他处理」「理由: 逾期未缴费」。",
}


def _explain_request(calendar: WorkdayCalendar, request: Request) -> int:
    """The reply period of a 依申请公开 request, day by day (named by its 编号 only: what is asked often names who asks)."""
    out.print(f"{request.id}  依申请公开申请，{request.received} 收到", markup=False)
    try:
        confirmed = request.confirmed_on(calendar)
    except CalendarMissing as exc:
        raise UsageProblem(str(exc)) from None
    if confirmed is not None:  # sent online on a day off: received the day it is confirmed (GK721)
        out.print(f"{request.received} 是{calendar.info(request.received).reason}：{request.channel}提交的，以双方确认之日为"
                  f"收到申请之日（《条例》第三十一条）；下一个工作日（{confirmed}）才确认的，「收到日期」应写 {confirmed}，"
                  "下面按登记的日期计算（gongkai validate 报 GK721）。", markup=False)
    correction = request.correction
    if correction is not None:
        if correction.corrected is None:
            out.print(f"{correction.notified} 通知补正，还没有收到补正：答复期限暂停，从收到补正之日起重新计算"
                      "（《条例》第三十条）。", markup=False)
            return EXIT_OK
        out.print(f"{correction.notified} 通知补正，{correction.corrected} 收到补正：答复期限从收到补正之日起计算"
                  "（《条例》第三十条）。", markup=False)
    try:
        due = request.due(calendar)
    except CalendarMissing as exc:
        raise UsageProblem(str(exc)) from None
    if due.date is None:  # (a pause begun within the period, not ended yet: the 补正 awaited returned above)
        pause = next(p for p in request.pauses() if p.end is None and p.awaited == due.paused)
        out.print(f"{pause.start} {_PAUSED_BECAUSE[pause.what]}", markup=False)
        return EXIT_OK
    parts = [f"{REPLY_WORKDAYS}个工作日（《条例》第三十三条）"]
    extension = request.extension
    if extension is not None and due.extended:
        parts.append(f"经{extension.approver}批准延长{extension.workdays}个工作日")
    elif extension is not None:
        out.print(f"延期 {extension.approved} 才批准，晚于原答复期限：延期不算，期限不延长（《条例》第三十三条第二款，"
                  "GK708）。", markup=False)
    counted = {e.pause: e.workdays for e in due.excluded}
    for pause in request.pauses():
        days = counted.get(pause)
        if days:
            parts.append(f"{pause.what}（{pause.start}至{pause.end}）的{days}个工作日不计算在内")
        elif pause not in counted:
            out.print(f"{pause.what} {pause.start} 才开始，答复期限 {due.date} 已过：期限不暂停（{_LAW[pause.what]}"
                      "只扣除期限内的时间）。", markup=False)
        else:
            out.print(f"{pause.what}（{pause.start}至{pause.end}）在答复期限从 {due.start} 起算之前，期限中没有"
                      "要扣除的工作日。", markup=False)
    limit = explain_add(calendar, due.start, due.workdays, "答复期限：" + "，".join(parts))
    _verdict(request.replied, limit, "答复", (request.received, "收到日期", "GK707"))
    return EXIT_OK


def _verdict(done: dt.date | None, limit: DueDate, what: str, since: tuple[dt.date, str, str] | None = None) -> None:
    """Whether *done* was in time; a day before the clock's start (*since*: the day, what it is, the rule that names
    it) is a typo, never 「在期限内」."""
    if done is None:
        out.print(f"  尚未{what}；期限是 {limit}。", markup=False)
    elif since is not None and done < since[0]:
        out.print(f"  {what}日期 {done} 早于{since[1]} {since[0]}：日期有误，核对后改正（gongkai validate 报 {since[2]}）。",
                  markup=False)
    elif done <= limit.date:
        out.print(f"  {done} {what}，在期限 {limit} 内。", markup=False)
    else:
        out.print(f"  {done} {what}，晚于期限 {limit}。", markup=False)
