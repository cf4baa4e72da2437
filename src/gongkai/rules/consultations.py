"""The consultation register (咨询/留言, consultations/): file names, dates and units that the inspection relies on."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai import consultations  # noqa: F401 - reads consultations/
from gongkai.diagnostics import Location, Severity
from gongkai.model.inquiry import Inquiry
from gongkai.rules.base import FILE, VIEW, Context, Finding, rule
from gongkai.rules.requests import dated_in_future, misnamed, unknown_units

E, W = Severity.ERROR, Severity.WARNING


def _inquiries(ctx: Context) -> list[tuple[str, Inquiry]]:
    return ctx.catalog.models("inquiry")


@rule("GK950", "consultation-file-name", "咨询留言登记的文件名与编号不一致", E,
      what="检查 consultations/ 下的文件名（不含 .yaml）是否等于文件里的编号，且编号不重复。",
      why="看文件名就能找到登记；复制文件后忘记改编号，两条留言会被当成一条，年度检查「互动回应差」会漏算。",
      example="文件 consultations/2026/ZX-2026-002.yaml 里写「编号: ZX-2026-001」",
      instead="把文件改名为 ZX-2026-001.yaml，或把编号改为 ZX-2026-002。",
      scope=VIEW)
def consultation_file_name(ctx: Context) -> Iterator[Finding]:
    yield from misnamed(ctx, ("inquiry",))


@rule("GK951", "consultation-reply-before-receipt", "留言的答复日期早于收到日期", E,
      what="检查咨询留言的答复日期是否早于收到日期。",
      why="年度检查按收到到答复的时间判断「超过3个月未回应」（国办秘函〔2019〕19号「互动回应差」）；"
          "日期颠倒多是录入错误，会把逾期的留言算成及时答复。",
      example="收到日期: 2026-05-06\n答复日期: 2026-05-02",
      instead="收到日期: 2026-05-06\n答复日期: 2026-05-12",
      scope=FILE)
def consultation_reply_before_receipt(ctx: Context) -> Iterator[Finding]:
    for path, inquiry in _inquiries(ctx):
        if inquiry.replied is not None and inquiry.replied < inquiry.received:
            yield Finding(Location(path, inquiry.id, ("答复日期",)),
                          f"答复日期 {inquiry.replied} 早于收到日期 {inquiry.received}",
                          "核对留言系统或来信登记，改正日期。")


@rule("GK952", "consultation-dated-in-future", "留言登记的日期在今天之后", W,
      what="检查咨询留言的收到日期、答复日期是否晚于今天。",
      why="登记的是已经发生的事；未来的日期多是年份或月份输错了，会让逾期未答复的留言看起来还没到期。",
      example="收到日期: 2062-03-05",
      instead="收到日期: 2026-03-05",
      scope=FILE)
def consultation_dated_in_future(ctx: Context) -> Iterator[Finding]:
    yield from dated_in_future(ctx, "inquiry")


@rule("GK953", "consultation-unknown-unit", "留言的承办单位不存在", E,
      what="检查咨询留言的「承办单位」是否为 gongkai.yaml 中登记的单位编号。",
      why="逾期未答复的留言要找到承办的股室或乡镇民政办督办；写名称或写错编号就找不到人。",
      example="承办单位: ylfw（少写了一个字母）",
      instead="承办单位: ylfwg",
      scope=FILE)
def consultation_unknown_unit(ctx: Context) -> Iterator[Finding]:
    yield from unknown_units(ctx, "inquiry")
