"""The day a 依申请公开 request counts as received (《条例》第三十一条): by a channel the bureau confirms, never a day off."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from gongkai.diagnostics import Location, Severity
from gongkai.model.request import Request
from gongkai.rules.base import FILE, Context, Finding, rule
from gongkai.workdays import DayInfo, WorkdayCalendar
from gongkai.workdays.days import PROVISIONAL_MARK

W = Severity.WARNING


def _off_day(request: Request, calendar: WorkdayCalendar) -> tuple[DayInfo, str] | None:
    """The received day when the request came on a day off by a channel the bureau confirms (Request.confirmed_on), and
    how the deadline moves when the day confirmed is written instead; None otherwise."""
    confirmed = request.confirmed_on(calendar)
    if confirmed is None:
        return None
    as_written, as_confirmed = request.due(calendar), request.model_copy(update={"received": confirmed}).due(calendar)
    moved = ""
    if as_written.date is not None and as_confirmed.date is not None and as_written.date != as_confirmed.date:
        guessed = PROVISIONAL_MARK if as_confirmed.provisional else ""
        moved = f"，答复期限是 {as_confirmed.date}{guessed}（按 {request.received} 算是 {as_written.date}{guessed}）"
    return (calendar.info(request.received),
            f"休息日提交、下一个工作日（{confirmed}）确认的，写「收到日期: {confirmed}」{moved}；确是当天确认的，不必改"
            f"（平台提交即确认的机关，可在 gongkai.yaml「检查 → 严重程度」中把 GK721 设为 'off'）。")


@rule("GK721", "request-received-off-day", "网上、传真、电子邮件申请的收到日期是休息日", W,
      what="网上、传真、电子邮件提交的申请，检查「收到日期」是否是周末或法定节假日（调休上班日除外）："
           "这些渠道以双方确认之日为收到申请之日，休息日提交的，通常下一个工作日才确认。",
      why="《政府信息公开条例》第三十一条第三项：申请人通过互联网渠道或者政府信息公开工作机构的传真提交政府信息公开申请的，"
          "以双方确认之日为收到申请之日。把提交的日子当作收到日期，答复期限早算一个工作日：按时的答复被报为逾期（GK703），"
          "算进考核和年度报告。",
      example="申请渠道: 网上\n收到日期: 2026-10-03（国庆节假期提交，10月8日确认）",
      instead="申请渠道: 网上\n收到日期: 2026-10-08",
      scope=FILE)
def request_received_off_day(ctx: Context) -> Iterator[Finding]:
    for path, request in ctx.catalog.models("request"):
        here = Location(path, request.id, ("收到日期",))
        found = ctx.dated(partial(_off_day, request), here)
        if found is not None:
            info, hint = found
            yield Finding(here, f"申请 {request.id} 是{request.channel}提交的，收到日期 {request.received} 是{info.reason}："
                                "这个渠道以双方确认之日为收到申请之日（《条例》第三十一条）", hint)
