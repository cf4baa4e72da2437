"""节假日安排: the notices in calendar/, the notice text `gongkai calendar import` reads, and years without data."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.diagnostics import Location, Severity
from gongkai.rules.base import FILE, VIEW, Context, Finding, Rule, register, rule
from gongkai.workdays import (
    IMPORT_COMMAND,
    LIBRARY_YEARS,
    PROVISIONAL_YEARS,
    DayInfo,
    differences_shown,
    makeup_shortfall,
    notice_missing_warning,
    notice_path,
    official_differences,
)

E, W = Severity.ERROR, Severity.WARNING
_FIRST, _LAST = LIBRARY_YEARS.start, LIBRARY_YEARS.stop - 1

register(Rule(
    "GK801", "notice-invalid", "节假日安排文件有误", E,
    "检查 calendar/ 下的节假日安排：年度与文件名一致、日期属于该年度、调休上班日是周六或周日、同一天不能既放假又上班。",
    "工作日决定公开时限、答复期限、移交两馆的日期；节假日安排录错，所有期限都会算错。有错的文件不会被使用。",
    "调休上班: [2027-02-08]（这天是周一）",
    f"按国务院办公厅通知原文录入：调休上班日都是周末。最好用 {IMPORT_COMMAND} 从通知原文生成这个文件。",
))
register(Rule(
    "GK803", "notice-text-unreadable", "节假日通知原文无法读取", E,
    "gongkai calendar import 逐行读取国务院办公厅节假日安排通知的原文：以「一、元旦：」这样的序号和节日名称开头的"
    "每一行都要读懂（放假日期、「共N天」、上班日期），其他写有日期的行只能是落款日期。文件须是 UTF-8、GBK 或 UTF-16 文本。",
    "工作日决定公开时限、答复期限和移交两馆的日期；漏读一个上班日，一整年的期限都会错。所以整份通知读懂了才写入 "
    "calendar/<年份>.yaml，读不懂的行报出行号和列号。",
    "三、清明节：4月4日至6日放个假。",
    "三、清明节：4月4日（周六）至6日（周一）放假，共3天。",
))
register(Rule(
    "GK804", "notice-text-inconsistent", "节假日通知原文的星期、农历或天数与日期不符", E,
    "检查通知原文括号中的星期（周四、星期日）和农历日期（农历正月初七、农历除夕）是否与日期相符，「共N天」"
    "是否等于放假的天数，上班日是否是周六或周日、是否与放假日重叠。",
    "复制或手工输入时最容易错的是日期；通知里写明的星期、农历和天数是现成的核对依据。",
    "一、元旦：1月1日（周五）至3日（周六）放假调休，共3天。（2026年1月1日是周四）",
    "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。",
))


@rule("GK802", "next-year-notice-missing", "缺少下一年的节假日安排", W,
      what="每年12月1日起，检查是否已录入下一年的节假日安排。",
      why="国务院办公厅通常在11—12月发布下一年的通知；录入前，跨年的公开时限、答复期限只能按周末和法定节假日"
          "暂定计算，1月的移交日无法确定。",
      example="2026年12月，catalog/calendar/2027.yaml 不存在",
      instead=f"通知发布后，把原文复制到文本文件，运行 {IMPORT_COMMAND} 录入 calendar/2027.yaml。",
      scope=VIEW)
def next_year_notice(ctx: Context) -> Iterator[Finding]:
    broken = ctx.calendar.broken()
    text = notice_missing_warning(ctx.today, ctx.calendar.years(), broken)
    if text:
        year = ctx.today.year if ctx.today.year not in ctx.calendar.years() else ctx.today.year + 1
        hint = "改正这个文件中的错误。" if year in broken else f"通知发布后运行 {IMPORT_COMMAND}。"
        yield Finding(Location(broken.get(year, notice_path(year))), text, hint)


@rule("GK805", "calendar-year-unknown", "日期所在年份没有节假日数据", W,
      what=f"检查要按工作日计算的期限是否落在有节假日数据的年份：chinesecalendar 收录的{_FIRST}—{_LAST}年、"
           f"目录 calendar/ 中录入的年份，或可以暂定计算的{PROVISIONAL_YEARS.start}—{PROVISIONAL_YEARS.stop - 1}年。",
      why="工作日按国务院办公厅每年的通知计算；没有数据的年份 gongkai 不猜测，相关期限不计算、不检查。",
      example="成文日期: 2003-06-02（所属事项的时限是10个工作日）",
      instead=f"核对日期是否录错；确为当年的文件，可把当年的通知录入 calendar/2003.yaml（{IMPORT_COMMAND} --year 2003）。",
      runs_last=True)
def calendar_year_unknown(ctx: Context) -> Iterator[Finding]:
    for year, location in sorted(ctx.unknown_years.items()):
        yield Finding(location, f"{year}年没有节假日数据，这里的工作日期限无法计算",
                      f"核对日期；确为{year}年的，录入 {notice_path(year)}（{IMPORT_COMMAND} --year {year}）。")


@rule("GK806", "notice-differs-from-official", "节假日安排与国务院办公厅通知不同", W,
      what=f"检查 calendar/ 中{_FIRST}—{_LAST}年的节假日安排，与 chinesecalendar 收录的国务院办公厅通知相比，"
           "有没有哪天一处算放假、另一处算上班；其他年份的文件写到这些年份的日子（如2027年的元旦从2026年12月开始）也检查。",
      why="目录中的通知优先于 chinesecalendar：录错一天（漏了春节、多写一天国庆、漏了调休上班的周日），这一年的"
          "公开时限、答复期限和移交两馆的日期都会跟着错，而且不会有别的提示。国务院确实发了补充通知的（如延长假期），"
          "才应与 chinesecalendar 不同。",
      example="calendar/2026.yaml 的国庆节写成 2026-10-01 至 2026-10-08（通知是 10月1日至7日）",
      instead="按通知原文改正；最好删去这个文件（chinesecalendar 已收录这一年），或用 "
              f"{IMPORT_COMMAND} --force 从通知原文重新生成。",
      scope=FILE)
def notice_differs_from_official(ctx: Context) -> Iterator[Finding]:
    for path, notice in ctx.catalog.models("notice"):
        grouped: dict[tuple[str | int, ...], list[tuple[DayInfo, DayInfo]]] = {}
        for field, official, mine in official_differences(notice):
            grouped.setdefault(field, []).append((official, mine))
        for field, days in grouped.items():
            year = days[0][0].day.year
            yield Finding(Location(path, None, field),
                          f"{year}年有{len(days)}天与国务院办公厅通知（chinesecalendar 收录）不同：{differences_shown(days)}",
                          "核对通知原文并改正；chinesecalendar 已收录这一年，不需要这个文件的，删去它。" if year == notice.year
                          else f"这个文件的日期改变了{year}年的工作日（{year}年的通知已由 chinesecalendar 收录）："
                               f"核对{notice.year}年通知原文的日期和年份并改正。")


@rule("GK807", "notice-makeup-missing", "节假日安排可能漏了调休上班日", W,
      what="检查 calendar/ 中 chinesecalendar 尚未收录的年份：各节日放假的工作日中，除去法定节假日和法定节假日适逢周末的补假，"
           "多放的天数是否都有调休上班日抵补。",
      why="国务院办公厅的通知多放一个工作日，就安排一个周末上班（调休）；漏录一个调休上班的周六，这一天就被当作休息日，"
          "跨过它的答复期限、公开时限、公示期和移交日都晚一天，而且不会有别的提示。",
      example="春节: 2027-02-05 至 2027-02-13，调休上班: []（通知写了「2月20日（周六）上班」）",
      instead=f"按通知原文补上调休上班日：调休上班: [2027-02-20]；最好用 {IMPORT_COMMAND} 从通知原文生成这个文件。",
      scope=FILE)
def notice_makeup_missing(ctx: Context) -> Iterator[Finding]:
    for path, notice in ctx.catalog.models("notice"):
        found = makeup_shortfall(notice)
        if found is not None:
            extra, makeup = found
            yield Finding(Location(path, None, ("调休上班",) if notice.makeup else ("放假",)),
                          f"{notice.year}年各节日多放了{extra}个工作日（法定节假日和周末补假以外），调休上班日却只有{makeup}天："
                          "可能漏录了通知中「……上班」的日子",
                          "对照通知原文每个节日后面的「……上班」，把调休上班的周六、周日都写进「调休上班」；"
                          "国务院确实没有安排调休的（如另发通知延长假期），可以不改。")
