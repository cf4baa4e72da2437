"""Thirty-second hostile pass: planted bugs in dates, deadlines and the holiday calendar (ANGLE calendar_dates).

The modules every legal deadline rests on — src/gongkai/days.py (dates as people type them), catalog/dates.py (dates
in YAML written another way, GK110 and `gongkai fmt`), model/deadline.py (公开时限 and the 公示 period it promises),
rules/holidays.py (GK802, GK805–GK807), holidays/importing.py (`gongkai calendar import`) — were in no mutation group;
this file holds them to values typed by hand, and tools/mutation.py's group 「calendar_dates」 runs it.

The calendar the expected days are typed from, by hand:

- 2026 (国办发明电〔2025〕7号, DOMAIN.md §4): off 1/1–1/3, 2/15–2/23, 4/4–4/6, 5/1–5/5, 6/19–6/21, 9/25–9/27,
  10/1–10/7; make-up working days Sun 1/4, Sat 2/14, Sat 2/28, Sat 5/9, Sun 9/20, Sat 10/10.
- 2027: no notice yet. 《全国年节及纪念日放假办法》（2024年修订）: 清明 = the solar term, Mon 2027-04-05 (1/1 is a Friday,
  2/1 and 3/1 Mondays, 4/1 a Thursday); 国庆 Fri 10/1, Sat 10/2, Sun 10/3. tests/notices.py's NOTICE_2027 is a likely
  notice (清明 4/3–4/5, 国庆 10/1–10/7 with Sun 9/26 and Sat 10/9 worked).
- Excel's serial numbers count from 1899-12-30: 2024-01-01 is 45292, so 2026-01-01 is 45292 + 366 + 365 = 46023 and
  2026-03-02 is 46023 + 31 + 28 + 1 = 46083.

Found by this pass:
1. A 2027 notice pasted without one of its lines — 「三、清明节：4月3日（周六）至5日（周一）放假，共3天。」 lost between
   二 and 四, or the last line 「七、国庆节：……」 cut off by a short selection — was imported without a word (「已写入
   calendar/2027.yaml」, exit 0), and the same file typed by hand passed `gongkai validate`: Mon 2027-04-05, 清明 by law,
   counted as a working day, final — `workdays add 2027-03-31 5` answered 2027-04-07 with no 暂定, a reply or 公示
   across it a day short. hostile28 checked the statutory days only of the festivals a notice names. A yearly notice
   (one that names two festivals or more: every notice since the 2024 revision names all seven) that leaves a festival
   out whose statutory days fall on working days is now refused on import (GK804: 「没有清明节的放假安排：2027年清明节的
   法定节假日2027-04-05（周一）没有放假」, nothing written) and is GK801 in validate, at 「放假」; the file is not used,
   so the days are counted provisionally and say so (→ 2027-04-08（暂定）). A supplementary notice naming one festival
   (国务院办公厅关于延长2020年春节假期的通知) is still taken as written.

2. A date of ten characters with 「-」 as its fifth and eighth that is not YYYY-MM-DD — 「2026-09-3日」 in a record,
   「2026-03-2 」 passed by a script to --today or `workdays add`, 「2026- 3-02」 — went to the fast ISO parser, which
   refused it, and was reported as a day that does not exist: GK106 error 「日期不存在：2026-09-3日」 (「请对照原件核对这个日期」)
   for a day that exists, while 「2026-9-3日」 was read with a GK110 note; `gongkai new record --formed 2026-03-2日` was
   refused too. Only text that is exactly YYYY-MM-DD takes the fast path now (days.is_iso); the others are read by their
   form like every other way of writing a date: GK110 「日期「2026-09-3日」按 2026-09-03 处理」 and `gongkai fmt` rewrites
   them, 「2026- 3-02」 included (catalog/dates.py took it as already canonical).

3. `gongkai calendar import` of a notice whose year is beyond the dates gongkai holds — a title typed 「国务院办公厅关于
   2200年…」 or 「…1920年…」, a 元旦 spilling into 2200 from a 2199 notice, a 落款 typed 「2306年11月10日」 for 2026 — ended
   in 「内部错误：gongkai 自身出了问题」 (exit 3): the Notice model refused a 年度 outside 1949–2200 and every date outside
   1900–2199 (days.YEARS) after the reader had taken them. The reader now refuses them itself, at their place (GK803
   「标题中的年份是2200年，不在 1949—2199 年之间」, 「日期「2200-01-03」不在 1900—2199 年之间」, 「落款日期「2306-11-10」不在
   1900—2199 年之间」, exit 1, nothing written); the notice's 年度 and `--year` stop at 2199 like every date
   (workdays.notice.NOTICE_YEARS).

4. A date pasted from a web page or a chat into the command line (`workdays add`, --today, `new record --formed`) with
   a zero-width space or a BOM was refused as 「日期格式应为 YYYY-MM-DD，如 2026-03-02，而不是「2026-03-02」」 — the
   difference invisible in the message. Such characters are now taken out of a date as typed (days.as_typed), as the
   catalog takes them out of its files.

5. A 成文日期 typed with a year no calendar holds (1926 for 2026) was reported by GK805 at the 公开日期 line
   (「14:7 警告 GK805 1926年没有节假日数据」 beside 「公开日期: 2026-09-03」): GK402 counts the 公开时限 from 成文日期 but
   named 公开日期 as the place that needed the year. GK805 now points at 成文日期 (line 13), where the year is typed
   (tests/goldens/rules.txt's GK805 example moves from 14:7 to 13:7 accordingly: 成文日期 2003-12-30, 公开日期 2004-01-05).

6. An item whose 公开时限 promises 「公示期为一个月」 (or 「公示两个月」) was read as promising no 公示 period at all — no
   GK401, no minimum for its records' 公示期 — while 「公示七七天」 was told. A period in months is now GK401 「无法识别公开
   时限「……，公示期为一个月」中的公示期」, which asks for days (「公示期为30天」); a month named without a period (「公示于3月
   底前完成」) is not.

Mutants read and held here by hand-typed values (no code change needed): the month and century rules of 「日期不存在」
(2100-02-29, 2026-12-32), the year bounds 1900 and 2199, Excel's epoch, Beijing's day of a timestamp in another zone,
Chinese numerals (十五, 三十一, 两), the year a number carries (YSQ-2027-001 with 2026-11-30, 2026-12-01), the units of
公开时限 and 公示 periods (工作日 / 日 / 天 / 自然日 / 周), GK110's fixes in nested fields and lists, the YAML that
`calendar import` writes, and GK802's first day (1 December).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from notices import NOTICE_2026, NOTICE_2027

from gongkai.catalog.dates import apply_fixes, date_fixes
from gongkai.days import YEARS, DayError, chinese_day, chinese_number, is_iso, read_day, year_slip
from gongkai.errors import UsageProblem
from gongkai.holidays.importing import decode_notice, import_notice, notice_yaml, read_notice
from gongkai.model.deadline import notice_period, notice_unread, parse_deadline
from gongkai.model.record import Record
from gongkai.workdays import Notice
from gongkai.workdays.notice import NOTICE_YEARS

D = dt.date
QINGMING_LINE = "　　三、清明节：4月3日（周六）至5日（周一）放假，共3天。\n"
NATIONAL_LINE = "　　七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。\n"


# ---------------------------------------------------------------- 1. a notice with a festival left out


def test_a_notice_pasted_without_its_qingming_line_is_refused(gk, cat, tmp_path: Path) -> None:
    assert QINGMING_LINE in NOTICE_2027
    source = tmp_path / "通知.txt"
    source.write_text(NOTICE_2027.replace(QINGMING_LINE, ""), encoding="gbk")
    run = gk("calendar", "import", source, "-C", cat.root)
    assert run.code == 1, run.out + run.err
    assert ("1:1 错误 GK804 没有清明节的放假安排：2027年清明节的法定节假日2027-04-05（周一）没有放假"
            "（《全国年节及纪念日放假办法》）") in run.out
    assert "补上清明节的放假安排" in run.out
    assert "        1 | 国务院办公厅关于2027年部分节假日安排的通知\n" in run.out  # the line it points at, shown
    assert "没有写入任何文件" in run.err and not (cat.root / "calendar").exists()


def test_a_notice_cut_off_before_its_last_line_is_refused() -> None:
    assert NATIONAL_LINE in NOTICE_2027
    result = read_notice(NOTICE_2027.replace(NATIONAL_LINE, "").encode("utf-8"), "通知.txt")
    assert result.notice is None
    # Sat 10/2 and Sun 10/3 are a weekend anyway: only Fri 10/1 is a working day the file would make
    assert [(d.code, d.line, d.message) for d in result.report.diagnostics] == [
        ("GK804", 1, "没有国庆节的放假安排：2027年国庆节的法定节假日2027-10-01（周五）没有放假（《全国年节及纪念日放假办法》）")]


def _yaml_without_qingming() -> str:
    notice = read_notice(NOTICE_2027.encode("utf-8"), "通知.txt").notice
    assert notice is not None
    kept = [h for h in notice.holidays if h.name != "清明节"]
    return notice_yaml(notice.model_copy(update={"holidays": kept}))


def test_a_notice_typed_without_qingming_is_not_used_and_the_days_are_provisional(gk, cat) -> None:
    cat.write("calendar/2027.yaml", _yaml_without_qingming())
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    mine = [(d["code"], d["line"], d["message"]) for d in found if d["path"] == "calendar/2027.yaml"]
    assert ("GK801", 7, "没有清明节的放假安排：2027年清明节的法定节假日2027-04-05（周一）没有放假（《全国年节及纪念日放假办法》）") in mine
    # 4/1 Thu (1), 4/2 Fri (2), 4/3–4/4 weekend, 4/5 清明, 4/6 (3), 4/7 (4), 4/8 (5) — on the provisional calendar
    run = gk("workdays", "add", "2027-03-31", "5", "-C", cat.root)
    assert "2027-04-05（周一）  跳过" in run.out and "→ 2027-04-08（暂定）" in run.out, run.out


def test_a_supplementary_notice_of_one_festival_is_taken_as_written(gk, cat) -> None:
    cat.write("calendar/2027.yaml", "年度: 2027\n通知: 国务院办公厅关于延长2027年春节假期的通知\n放假:\n"
                                    "  - 名称: 春节\n    开始: 2027-02-05\n    结束: 2027-02-14\n")
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    assert [d["code"] for d in found if d["path"] == "calendar/2027.yaml" and d["severity"] == "error"] == []


# ---------------------------------------------------------------- dates as people type them (days.py)


@pytest.mark.parametrize(("typed", "day"), [
    ("2026-03-02", D(2026, 3, 2)), ("2026/3/2", D(2026, 3, 2)), ("2026.3.2", D(2026, 3, 2)),
    ("2026年3月2日", D(2026, 3, 2)), ("2026年3月2号", D(2026, 3, 2)), ("2026 年 3 月 2 日", D(2026, 3, 2)),
    ("２０２６－０３－０２", D(2026, 3, 2)), ("“2026-03-02”", D(2026, 3, 2)), ("2026/12/31", D(2026, 12, 31)),
    ("2024-02-29", D(2024, 2, 29)), ("1900-01-01", D(1900, 1, 1)), ("2199-12-31", D(2199, 12, 31)),
    (dt.datetime(2026, 3, 2, 23, 59), D(2026, 3, 2)), (D(2026, 3, 2), D(2026, 3, 2)),
    # ten characters with 「-」 at the fifth and eighth, but not YYYY-MM-DD: read by their form (defect 2)
    ("2026-03-2日", D(2026, 3, 2)), ("2026-03-2号", D(2026, 3, 2)), ("2026-03-2 ", D(2026, 3, 2)),
    ("2026- 3-02", D(2026, 3, 2)),
    # copied from a web page or a chat with a character nobody sees (defect 4)
    ("2026-03-02\u200b", D(2026, 3, 2)), ("\ufeff2026/3/2", D(2026, 3, 2)), ("2026年3月\u20602日", D(2026, 3, 2)),
])
def test_a_date_typed_any_common_way_is_that_day(typed: object, day: dt.date) -> None:
    assert read_day(typed) == day


@pytest.mark.parametrize(("typed", "message"), [
    ("2026年2月30日", "日期不存在：2026年2月30日（2026年2月只有28天）"),
    ("2024-02-30", "日期不存在：2024-02-30（2024年2月只有29天）"),
    ("2100-02-29", "日期不存在：2100-02-29（2100年2月只有28天）"),  # a century year is no leap year
    ("2026-11-31", "日期不存在：2026-11-31（2026年11月只有30天）"),
    ("2026-01-32", "日期不存在：2026-01-32（2026年1月只有31天）"),
    ("2026-12-32", "日期不存在：2026-12-32（2026年12月只有31天）"),
    ("2026-13-01", "日期不存在：2026-13-01（一年只有12个月）"),
    ("2026/0/10", "日期不存在：2026/0/10（一年只有12个月）"),
    ("2026-03-00", "日期不存在：2026-03-00（日从1日数起）"),
    ("1899-12-31", "日期「1899-12-31」不在 1900—2199 年之间"),
    ("2200-01-01", "日期「2200-01-01」不在 1900—2199 年之间"),
    (D(1899, 12, 31), "日期「1899-12-31」不在 1900—2199 年之间"),
    ("26/3/2", "日期格式应为 YYYY-MM-DD，如 2026-03-02，而不是「26/3/2」"),
    (True, "日期格式应为 YYYY-MM-DD，如 2026-03-02，而不是「true」"),
    (False, "日期格式应为 YYYY-MM-DD，如 2026-03-02，而不是「false」"),
    ("20260302", "「20260302」是8位数字的日期（档案目录的写法），即 2026-03-02：写成 2026-03-02"),
    (20260302, "「20260302」是8位数字的日期（档案目录的写法），即 2026-03-02：写成 2026-03-02"),
    ("二〇二六年三月二日", "「二〇二六年三月二日」是汉字数字的日期，即 2026-03-02：写成 2026-03-02"),
    ("二〇二六年十二月三十一日", "「二〇二六年十二月三十一日」是汉字数字的日期，即 2026-12-31：写成 2026-12-31"),
    ("46083", "「46083」像是 Excel 的日期序号，即 2026-03-02：写成 2026-03-02（在 Excel 中把单元格设为日期格式后再复制）"),
    ("2026-03-02 10:00", "日期只写年月日，不写时间：写成 2026-03-02"),
    ("2026-03-02T20:00:00Z", "日期只写年月日，不写时间：北京时间是 2026-03-03，写成 2026-03-03"),
    ("2026-03-02T23:30:00-0500", "日期只写年月日，不写时间：北京时间是 2026-03-03，写成 2026-03-03"),
    ("2026-03-02T01:00:00+08:00", "日期只写年月日，不写时间：北京时间是 2026-03-02，写成 2026-03-02"),
    ("2026-13-02 10:00", "日期格式应为 YYYY-MM-DD，如 2026-03-02，而不是「2026-13-02 10:00」"),
    ("20261302", "日期格式应为 YYYY-MM-DD，如 2026-03-02，而不是「20261302」"),
    ("二〇二六年二月三十日", "日期格式应为 YYYY-MM-DD，如 2026-03-02，而不是「二〇二六年二月三十日」"),
    ("二〇二六年十十月二日", "日期格式应为 YYYY-MM-DD，如 2026-03-02，而不是「二〇二六年十十月二日」"),
    ("2026-03-02T10:00:00-1000", "日期只写年月日，不写时间：北京时间是 2026-03-03，写成 2026-03-03"),
])
def test_a_date_that_is_no_day_says_why(typed: object, message: str) -> None:
    with pytest.raises(DayError) as raised:
        read_day(typed)
    assert raised.value.message == message


def test_a_day_written_with_one_digit_and_日_is_no_missing_day(gk, cat) -> None:
    path = cat.root / "records/2026/R2026-001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("公开日期: 2026-09-03", "公开日期: 2026-09-3日"),
                    encoding="utf-8")
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    assert [(d["code"], d["message"]) for d in found if d["code"] in ("GK106", "GK110")] == [
        ("GK110", "日期「2026-09-3日」按 2026-09-03 处理")]
    assert gk("fmt", cat.root).code == 0
    assert "公开日期: 2026-09-03\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "iso"), [
    ("2026-03-02", True), ("2026-02-30", True), ("2026-03-2 ", False), ("2026- 3-02", False), ("2026-03-2日", False),
    ("２０２６-03-02", False), ("2026-03-002", False), ("2026/03/02", False), ("2026-03-0a", False), ("a026-03-02", False),
    ("2026-0a-02", False), ("2026.03-02", False), ("2026-03.02", False), ("2026-03-02 ", False),
])
def test_what_is_written_exactly_yyyy_mm_dd(text: str, iso: bool) -> None:
    assert is_iso(text) is iso


def test_the_command_line_reads_and_refuses_dates_alike(gk) -> None:
    # 2026-02-28 is a make-up Saturday: the next working day after Fri 2/27 (the day itself not counted)
    assert "→ 2026-02-28（" in gk("workdays", "add", "2026年2月27日", "1").out
    # Sat 2/7 and Sun 2/8 off: Mon 2/9 (typed with a space after, as a script passes it)
    assert "→ 2026-02-09（" in gk("workdays", "add", "2026-02-7 ", "1").out
    run = gk("workdays", "add", "2026/2/29", "1")
    assert run.code == 2 and "起算日期：日期不存在：2026/2/29（2026年2月只有28天）" in run.err


@pytest.mark.parametrize(("start", "last"), [
    # 2/11–2/13 (3), Sat 2/14 worked (4), 2/15–2/23 off, 2/24–2/27 (8), Sat 2/28 worked (9), 3/2–3/6 (14), 3/9–3/13 (19),
    # 3/16 (20)
    ("2026-02-10", "2026-03-16"),
    # Sun 9/20 worked (1), 9/21–9/24 (5), 9/25–9/27 off, 9/28–9/30 (8), 10/1–10/7 off, 10/8 (9), 10/9 (10), Sat 10/10
    # worked (11), 10/12–10/16 (16), 10/19–10/22 (20)
    ("2026年9月18日", "2026-10-22"),
])
def test_a_request_s_twenty_working_days_over_the_spring_festival_and_national_day(gk, start: str, last: str) -> None:
    run = gk("workdays", "add", start, "20")
    assert run.code == 0 and f"→ {last}（" in run.out and "暂定" not in run.out, run.out


@pytest.mark.parametrize(("text", "number"), [
    ("十", 10), ("十五", 15), ("二十", 20), ("三十一", 31), ("两", 2), ("九十九", 99), ("〇", 0), ("七", 7),
    ("两十", 20), ("三十", 30),
    ("十十", None), ("一百", None), ("二十二十", None), ("九九", None),
])
def test_chinese_numerals(text: str, number: int | None) -> None:
    assert chinese_number(text) == number


@pytest.mark.parametrize(("object_id", "day", "year"), [
    ("YSQ-2027-001", D(2026, 1, 5), 2027),  # last year's number out of habit
    ("YSQ-2027-001", D(2026, 11, 30), 2027),
    ("YSQ-2027-001", D(2026, 12, 1), None),  # a December request numbered in January is no slip
    ("YSQ-2027-001", D(2027, 1, 5), None),
    ("350524-MZ-2027-00001", D(2026, 2, 1), 2027),
    ("R12027-001", D(2026, 2, 1), None),  # not four digits standing alone
])
def test_the_year_an_id_carries(object_id: str, day: dt.date, year: int | None) -> None:
    assert year_slip(object_id, day) == year


def test_a_day_as_documents_write_it() -> None:
    assert chinese_day(D(2026, 3, 2)) == "2026年3月2日" and chinese_day(D(2026, 12, 31)) == "2026年12月31日"


# ---------------------------------------------------------------- 公开时限 (model/deadline.py)


@pytest.mark.parametrize(("text", "kind", "anchor", "days", "workdays"), [
    ("自信息形成或者变更之日起20个工作日内", "after", "信息形成或者变更", 20, True),
    ("自收到申请之日起二十个工作日内", "after", "收到申请", 20, True),
    ("制定或获取信息之日起10个工作日内，公示7个工作日", "after", "制定或获取信息", 10, True),
    ("信息形成之日起十五日内", "after", "信息形成", 15, False),
    ("形成后7天内", "after", "形成", 7, False),
    ("形成之日起30个自然日内", "after", "形成", 30, False),
    ("审批后5个工作日以内", "after", "审批", 5, True),
    ("形成之日起 20 个工作日内。", "after", "形成", 20, True),
    ("实时公开", "realtime", None, None, True),
    ("及时公开。", "realtime", None, None, True),
    ("长期公开", "realtime", None, None, True),
    ("每季度", "periodic", None, None, True),
    ("每年3月底前", "periodic", None, None, True),
    ("每年1月31日前", "periodic", None, None, True),
])
def test_deadline_texts_as_written(text: str, kind: str, anchor: str | None, days: int | None, workdays: bool) -> None:
    found = parse_deadline(text)
    assert found is not None
    assert (found.kind, found.text, found.anchor, found.days, found.workdays) == (kind, text, anchor, days, workdays)
    assert found.period == (text if kind == "periodic" else None)
    assert found.checkable is (kind == "after")


@pytest.mark.parametrize("text", ["尽快公开", "自信息形成之日起十十个工作日内", "20个工作日内", "年底前"])
def test_deadline_texts_in_no_form(text: str) -> None:
    assert parse_deadline(text) is None


@pytest.mark.parametrize(("text", "period"), [
    ("制定或获取信息之日起10个工作日内，公示7个工作日", (7, True)),
    ("公示期为7天", (7, False)),
    ("公示期：10日", (10, False)),
    ("公示时间不少于五个工作日", (5, True)),
    ("公示一周", (7, False)),
    ("公示两个星期", (14, False)),
    ("公示 7 个自然日", (7, False)),
    ("自信息形成或者变更之日起20个工作日内", None),
])
def test_the_notice_period_a_deadline_promises(text: str, period: tuple[int, bool] | None) -> None:
    assert notice_period(text) == period
    assert notice_unread(text) is False


@pytest.mark.parametrize(("text", "unread"), [
    ("公示七七天", True), ("制定或获取信息之日起10个工作日内，公示期为一个月", True), ("公示期限为两个月", True),
    ("公示于3月底前完成", False), ("每年3月公示", False),  # a month named, no period
])
def test_a_notice_period_that_cannot_be_read_is_told(text: str, unread: bool) -> None:
    assert notice_period(text) is None and notice_unread(text) is unread


def test_an_item_promising_a_month_long_notice_is_told_to_write_days(gk, cat) -> None:
    deadline = "制定或获取信息之日起10个工作日内，公示期为一个月"
    cat.item((cat.root / "items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8").replace(
        "公开时限: 制定或获取信息之日起10个工作日内", f"公开时限: {deadline}"))
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    assert [(d["code"], d["line"], d["message"]) for d in found if d["code"] == "GK401"] == [
        ("GK401", 10, f"无法识别公开时限「{deadline}」中的公示期")]


# ---------------------------------------------------------------- dates in YAML written another way (catalog/dates.py)


def test_a_file_that_is_no_mapping_has_no_dates_to_fix() -> None:
    assert date_fixes(["2026/9/1"], Record) == [] and date_fixes("2026/9/1", Record) == []


def test_dates_written_another_way_are_found_in_nested_fields_and_lists() -> None:
    record = {"成文日期": "2026/9/1", "公开日期": "2026- 9-03", "保密审查": {"审查日期": "2026年9月1日"},
              "公示截止": "２０２６－１２－３１", "题名": "2026/9/1 的公示", "有效性日期": "2026-09-03"}
    fixes = date_fixes(record, Record)
    assert sorted((f.field, f.written, f.canonical) for f in fixes) == [
        (("保密审查", "审查日期"), "2026年9月1日", "2026-09-01"), (("公开日期",), "2026- 9-03", "2026-09-03"),
        (("公示截止",), "２０２６－１２－３１", "2026-12-31"), (("成文日期",), "2026/9/1", "2026-09-01")]
    note = next(f.note for f in fixes if f.field == ("成文日期",))
    assert (note.code, note.message) == ("GK110", "日期「2026/9/1」按 2026-09-01 处理")
    assert "请写成 2026-09-01" in note.hint
    apply_fixes(record, fixes)
    assert (record["成文日期"], record["公开日期"], record["保密审查"], record["公示截止"]) == (
        "2026-09-01", "2026-09-03", {"审查日期": "2026-09-01"}, "2026-12-31")
    assert record["题名"] == "2026/9/1 的公示"  # not a date field


def test_a_notice_s_dates_in_lists_are_fixed_and_a_day_that_is_not_is_left_to_the_model() -> None:
    notice = {"年度": 2027, "放假": [{"名称": "春节", "开始": "2027年2月5日", "结束": "2027-02-13"},
                                   {"名称": "清明节", "开始": "2027-04-03", "结束": "2027.4.5"}],
              "调休上班": ["2027-02-20", "2027/4/25", "2027/2/30", 20270508]}
    fixes = date_fixes(notice, Notice)
    assert sorted((f.field, f.canonical) for f in fixes) == [
        (("放假", 0, "开始"), "2027-02-05"), (("放假", 1, "结束"), "2027-04-05"), (("调休上班", 1), "2027-04-25")]
    apply_fixes(notice, fixes, as_dates=True)
    assert notice["调休上班"] == ["2027-02-20", D(2027, 4, 25), "2027/2/30", 20270508]
    assert notice["放假"][0]["开始"] == D(2027, 2, 5)  # type: ignore[index]


def test_fmt_rewrites_the_dates_and_keeps_the_comment(gk, cat) -> None:
    path = cat.root / "records/2026/R2026-001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("公开日期: 2026-09-03", "公开日期: 2026.9.3  # 周四"),
                    encoding="utf-8")
    run = gk("fmt", cat.root)
    assert run.code == 0 and "2026.9.3 → 2026-09-03" in run.out, run.out + run.err
    assert "公开日期: 2026-09-03 # 周四\n" in path.read_text(encoding="utf-8")


# ---------------------------------------------------------------- calendar import (holidays/importing.py)


def test_the_yaml_an_import_writes() -> None:
    result = read_notice(NOTICE_2027.encode("utf-16"), "2027.txt")
    assert result.notice is not None and result.report.diagnostics == []
    text = notice_yaml(result.notice, result.arrangements)
    lines = text.splitlines()
    assert lines[:3] == ["# 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕9号，2026-11-10 发布）",
                         "# 由 gongkai calendar import 从通知原文录入；通知原文：",
                         "#   一、元旦：1月1日（周五）至3日（周日）放假，共3天。"]
    assert "\n年度: 2027\n通知: 国务院办公厅关于2027年部分节假日安排的通知\n文号: 国办发明电〔2026〕9号\n发布日期: 2026-11-10\n放假:\n" in text
    assert "  - 名称: 清明节\n    开始: 2027-04-03\n    结束: 2027-04-05\n" in text
    assert text.endswith("调休上班:\n  - 2027-02-20  # 周六\n  - 2027-04-25  # 周日\n  - 2027-05-08  # 周六\n"
                         "  - 2027-09-26  # 周日\n  - 2027-10-09  # 周六\n")
    bare = result.notice.model_copy(update={"makeup": [], "number": None, "issued": None})
    written = notice_yaml(bare)
    assert written.startswith("# 国务院办公厅关于2027年部分节假日安排的通知\n# 由 gongkai calendar import")
    assert written.endswith("调休上班: []\n") and "文号" not in written and "发布日期" not in written
    odd = bare.model_copy(update={"title": "通知: 2027 #1"})
    assert '\n通知: "通知: 2027 #1"\n' in notice_yaml(odd)  # quoted: the YAML must read back as written


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "utf-16", "utf-32"])
def test_a_notice_saved_by_notepad_in_any_encoding_reads(encoding: str) -> None:
    text, where = decode_notice(NOTICE_2026.replace("\n", "\r\n").encode(encoding))
    assert text == NOTICE_2026 and where == (0, 0)


def test_old_mac_line_ends_and_a_single_line_in_gbk_read() -> None:
    assert decode_notice(NOTICE_2026.replace("\n", "\r").encode("utf-8"))[0] == NOTICE_2026
    assert decode_notice("一、元旦：1月1日放假。".encode("gbk")) == ("一、元旦：1月1日放假。", (0, 0))


def test_a_problem_on_the_last_line_is_shown_with_its_line(gk, cat, tmp_path: Path) -> None:
    source = tmp_path / "通知.txt"
    source.write_text(NOTICE_2027.replace("2026年11月10日", "2026年11月31日"), encoding="utf-8")
    run = gk("calendar", "import", source, "-C", cat.root)
    assert run.code == 1
    assert "14:1 错误 GK803 落款日期不存在：「2026年11月31日」\n       14 | 2026年11月31日\n" in run.out, run.out


@pytest.mark.parametrize(("old", "new", "where", "message"), [
    ("2027年部分", "2200年部分", "1:9", "标题中的年份是2200年，不在 1949—2199 年之间"),
    ("2027年部分", "1920年部分", "1:9", "标题中的年份是1920年，不在 1949—2199 年之间"),
    ("2026年11月10日", "2306年11月10日", "14:1", "落款日期「2306-11-10」不在 1900—2199 年之间"),
    ("1月1日（周五）至3日（周日）", "1月1日（周五）至2200年1月3日（周日）", "5:17", "日期「2200-01-03」不在 1900—2199 年之间"),
])
def test_a_year_beyond_the_calendar_is_refused_at_its_place(gk, cat, tmp_path: Path, old: str, new: str, where: str,
                                                            message: str) -> None:
    assert old in NOTICE_2027
    source = tmp_path / "通知.txt"
    source.write_text(NOTICE_2027.replace(old, new, 1), encoding="utf-8")
    run = gk("calendar", "import", source, "-C", cat.root)
    assert run.code == 1, run.out + run.err
    assert f"{where} 错误 GK803 {message}" in run.out, run.out
    assert "内部错误" not in run.err and not (cat.root / "calendar").exists()


def test_the_year_option_stops_where_the_dates_do(gk, cat, tmp_path: Path) -> None:
    assert NOTICE_YEARS.stop == YEARS.stop  # a notice's year, the years its dates may lie in
    source = tmp_path / "通知.txt"
    source.write_text(NOTICE_2027, encoding="utf-8")
    run = gk("calendar", "import", source, "-C", cat.root, "--year", "2200")
    assert run.code == 2 and "应不大于 2199" in run.err


def test_a_file_that_is_no_text_shows_no_line(gk, cat, tmp_path: Path) -> None:
    (tmp_path / "通知.txt").write_bytes(b"\xff\xfe\x00\x01")
    run = gk("calendar", "import", tmp_path / "通知.txt", "-C", cat.root)
    assert run.code == 1 and "1:1 错误 GK803 文件不是 UTF-8 或 GBK 编码的文本\n    改正：" in run.out, run.out


def test_bytes_that_are_no_text_are_refused_at_their_place() -> None:
    assert decode_notice(b"\xff\xfe\x00\x01") == (None, (1, 1))
    result = read_notice(b"\xff\xfe\x00\x01", "通知.txt")
    assert result.notice is None and [(d.code, d.path, d.line, d.column, d.message, d.hint)
                                      for d in result.report.diagnostics] == [
        ("GK803", "通知.txt", 1, 1, "文件不是 UTF-8 或 GBK 编码的文本",
         "用记事本打开通知文件，「另存为」时编码选 UTF-8（ANSI、Unicode 也都可以读）；或重新从中国政府网复制通知原文")]
    text, where = decode_notice("国务院办公厅\n关于".encode("utf-8") + b"\xff\xfe\xfd")
    assert text is None and where[0] == 2


def test_an_import_is_written_once_and_replaced_only_with_force(cat) -> None:
    data = NOTICE_2027.encode("utf-8")
    first = import_notice(cat.root, data, "通知.txt")
    assert first.target == cat.root / "calendar/2027.yaml" and not first.unchanged
    again = import_notice(cat.root, data, "通知.txt")
    assert again.unchanged and again.target == first.target
    changed = NOTICE_2027.replace("4月25日（周日）、", "").encode("utf-8")
    with pytest.raises(UsageProblem) as refused:
        import_notice(cat.root, changed, "通知.txt")
    assert str(refused.value) == "calendar/2027.yaml 已存在，内容与这份通知不同。核对后加 --force 用这份通知覆盖它。"
    assert "2027-04-25" in first.target.read_text(encoding="utf-8")
    import_notice(cat.root, changed, "通知.txt", force=True)
    assert "2027-04-25" not in first.target.read_text(encoding="utf-8")


def test_a_notice_pasted_without_its_title_takes_the_year_given(cat) -> None:
    body = NOTICE_2027.split("\n", 1)[1]  # the title line left out when copying
    assert read_notice(body.encode("utf-8"), "通知.txt").notice is None
    result = read_notice(body.encode("utf-8"), "通知.txt", year=2027)
    assert result.notice is not None and result.notice.holidays[1].start == D(2027, 2, 5)
    written = import_notice(cat.root, body.encode("utf-8"), "通知.txt", year=2027)
    assert written.target == cat.root / "calendar/2027.yaml"


def test_a_library_year_imported_with_a_day_dropped_names_the_day() -> None:
    result = read_notice(NOTICE_2026.replace("9月20日（周日）、", "").encode("utf-8"), "2026.txt")
    assert result.notice is not None and result.differences == [D(2026, 9, 20)]


# ---------------------------------------------------------------- the rules (rules/holidays.py)


MISSING_2027 = ("尚未录入2027年节假日安排，2027年的工作日期限只能暂定。国务院办公厅通常在11—12月发布下一年的通知；发布后，把国务院办公厅"
                "关于2027年部分节假日安排的通知的原文复制到一个文本文件，运行 gongkai calendar import 通知.txt 录入 calendar/2027.yaml。")


@pytest.mark.parametrize(("today", "warned"), [
    ("2026-11-30", None), ("2026-12-01", "今天已是12月，" + MISSING_2027), ("2026-12-31", "今天已是12月，" + MISSING_2027),
    ("2027-03-01", "今天已是2027年，" + MISSING_2027),  # all year long when this year's is missing
])
def test_next_year_s_notice_is_asked_for_from_the_first_of_december(gk, cat, today: str, warned: str | None) -> None:
    found = gk("validate", cat.root, "--format", "json", "--no-cache", "--today", today).json()["diagnostics"]  # type: ignore[index]
    gk802 = [(d["path"], d["severity"], d["message"], d["hint"]) for d in found if d["code"] == "GK802"]
    assert gk802 == ([("calendar/2027.yaml", "warning", warned, "通知发布后运行 gongkai calendar import 通知.txt。")]
                     if warned else [])


def test_a_broken_notice_is_named_not_called_missing(gk, cat) -> None:
    cat.write("calendar/2027.yaml", _yaml_without_qingming())
    found = gk("validate", cat.root, "--format", "json", "--no-cache", "--today", "2026-12-02").json()["diagnostics"]  # type: ignore[index]
    assert [(d["path"], d["message"], d["hint"]) for d in found if d["code"] == "GK802"] == [(
        "calendar/2027.yaml", "今天已是12月，calendar/2027.yaml 有错误，没有使用，2027年的工作日期限只能暂定。运行 gongkai validate "
        "查看 calendar/2027.yaml 中的错误（GK801 或字段错误）并改正；或把通知原文存为文本文件，运行 gongkai calendar import "
        "通知.txt --force 重新生成。", "改正这个文件中的错误。")]


def test_a_year_without_data_a_notice_unlike_the_state_council_s_and_a_make_up_day_left_out(gk, cat) -> None:
    path = cat.root / "records/2026/R2026-001.yaml"  # 成文日期 typed 1926 for 2026: no calendar holds 1926
    path.write_text(path.read_text(encoding="utf-8").replace("成文日期: 2026-09-01", "成文日期: 1926-09-01"),
                    encoding="utf-8")
    n2026 = read_notice(NOTICE_2026.replace("9月20日（周日）、", "").encode("utf-8"), "2026.txt").notice
    n2027 = read_notice(NOTICE_2027.encode("utf-8"), "2027.txt").notice
    assert n2026 is not None and n2027 is not None
    cat.write("calendar/2026.yaml", notice_yaml(n2026))
    cat.write("calendar/2027.yaml", notice_yaml(n2027.model_copy(update={"makeup": n2027.makeup[1:]})))  # no Sat 2/20
    found = gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]  # type: ignore[index]
    by_code = {d["code"]: d for d in found if d["code"] in ("GK805", "GK806", "GK807")}
    assert (by_code["GK805"]["path"], by_code["GK805"]["message"]) == (
        "records/2026/R2026-001.yaml", "1926年没有节假日数据，这里的工作日期限无法计算")
    assert by_code["GK805"]["hint"] == "核对日期；确为1926年的，录入 calendar/1926.yaml（gongkai calendar import 通知.txt --year 1926）。"
    assert (by_code["GK806"]["path"], by_code["GK806"]["line"]) == ("calendar/2026.yaml", 29)  # 调休上班:
    assert (by_code["GK807"]["line"], by_code["GK805"]["line"]) == (29, 13)  # 调休上班:; 成文日期: 1926-09-01
    assert by_code["GK806"]["message"].startswith("2026年有1天与国务院办公厅通知（chinesecalendar 收录）不同：2026-09-20")
    assert by_code["GK806"]["hint"] == "核对通知原文并改正；chinesecalendar 已收录这一年，不需要这个文件的，删去它。"
    # 2027's festivals give off 5 weekdays beyond the statutory days and the weekend give-backs (春节 2, 劳动节 1, 国庆 2)
    assert (by_code["GK807"]["path"], by_code["GK807"]["message"]) == (
        "calendar/2027.yaml", "2027年各节日多放了5个工作日（法定节假日和周末补假以外），调休上班日却只有4天：可能漏录了通知中「……上班」的日子")
    assert by_code["GK807"]["hint"] == ("对照通知原文每个节日后面的「……上班」，把调休上班的周六、周日都写进「调休上班」；"
                                        "国务院确实没有安排调休的（如另发通知延长假期），可以不改。")
