"""gongkai calendar import: the holiday notice as published becomes calendar/<year>.yaml — or nothing does.

Oracles: the 2023–2026 notices typed out by hand, checked day by day against chinesecalendar (which copies the same
notices independently) and against DOMAIN.md §4's list for 2026; a 2027 notice we wrote, against days typed by hand.
"""

from __future__ import annotations

import datetime as dt
import io
import sys

import chinese_calendar
import pytest

from notices import NOTICE_2023, NOTICE_2024, NOTICE_2025, NOTICE_2026, NOTICE_2027
from gongkai.workdays import DayKind, WorkdayCalendar, read_published

D = dt.date


def days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def read(text: str, year: int | None = None):
    found = read_published(text, year)
    assert found.problems == (), found.problems
    assert found.notice is not None
    return found.notice


def problems(text: str, year: int | None = None) -> list[tuple[str, int, int, str]]:
    found = read_published(text, year)
    assert found.notice is None
    return [(p.code, p.line, p.column, p.message) for p in found.problems]


# ---------------------------------------------------------------- real notices against independent oracles


@pytest.mark.parametrize(("text", "year"), [(NOTICE_2023, 2023), (NOTICE_2024, 2024), (NOTICE_2025, 2025),
                                            (NOTICE_2026, 2026)])
def test_every_day_agrees_with_chinesecalendar(text: str, year: int) -> None:
    cal = WorkdayCalendar([read(text)])
    wrong = [day for day in days(D(year, 1, 1), D(year, 12, 31))
             if cal.is_workday(day) != chinese_calendar.is_workday(day)]
    assert wrong == []


def test_2026_is_what_the_notice_says() -> None:
    notice = read(NOTICE_2026)
    assert (notice.year, notice.title, notice.number, notice.issued) == (
        2026, "国务院办公厅关于2026年部分节假日安排的通知", "国办发明电〔2025〕7号", D(2025, 11, 4))
    assert [(h.name, h.start, h.end) for h in notice.holidays] == [
        ("元旦", D(2026, 1, 1), D(2026, 1, 3)), ("春节", D(2026, 2, 15), D(2026, 2, 23)),
        ("清明节", D(2026, 4, 4), D(2026, 4, 6)), ("劳动节", D(2026, 5, 1), D(2026, 5, 5)),
        ("端午节", D(2026, 6, 19), D(2026, 6, 21)), ("中秋节", D(2026, 9, 25), D(2026, 9, 27)),
        ("国庆节", D(2026, 10, 1), D(2026, 10, 7)),
    ]
    assert notice.makeup == [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20),
                             D(2026, 10, 10)]


def test_2025_single_day_and_a_range_across_months() -> None:
    notice = read(NOTICE_2025)
    assert [(h.name, h.start, h.end) for h in notice.holidays] == [
        ("元旦", D(2025, 1, 1), D(2025, 1, 1)), ("春节", D(2025, 1, 28), D(2025, 2, 4)),
        ("清明节", D(2025, 4, 4), D(2025, 4, 6)), ("劳动节", D(2025, 5, 1), D(2025, 5, 5)),
        ("端午节", D(2025, 5, 31), D(2025, 6, 2)), ("国庆节、中秋节", D(2025, 10, 1), D(2025, 10, 8)),
    ]
    assert notice.makeup == [D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11)]
    assert notice.number == "国办发明电〔2024〕12号" and notice.issued == D(2024, 11, 12)


def test_2023_reaches_back_into_2022() -> None:
    notice = read(NOTICE_2023)
    assert notice.holidays[0].start == D(2022, 12, 31) and notice.holidays[0].end == D(2023, 1, 2)
    assert (notice.holidays[2].start, notice.holidays[2].end) == (D(2023, 4, 5), D(2023, 4, 5))
    assert notice.holidays[5].name == "中秋节、国庆节"
    cal = WorkdayCalendar([notice.located("calendar/2023.yaml")])
    assert cal.info(D(2022, 12, 31)).source == "calendar/2023.yaml"
    assert cal.info(D(2022, 12, 31)).holiday_name == "元旦"


def test_2024_with_weekends_joined_and_advice_to_employers() -> None:
    notice = read(NOTICE_2024)
    assert (notice.holidays[0].start, notice.holidays[0].end) == (D(2024, 1, 1), D(2024, 1, 1))
    assert (notice.holidays[4].start, notice.holidays[4].end) == (D(2024, 6, 10), D(2024, 6, 10))
    assert D(2024, 2, 9) not in notice.days_off()  # 除夕 is only advised, not a day off
    assert notice.makeup[:2] == [D(2024, 2, 4), D(2024, 2, 18)]


def test_our_2027_notice() -> None:
    notice = read(NOTICE_2027)
    assert (notice.year, notice.number, notice.issued) == (2027, "国办发明电〔2026〕9号", D(2026, 11, 10))
    assert [(h.name, h.start, h.end) for h in notice.holidays] == [
        ("元旦", D(2027, 1, 1), D(2027, 1, 3)), ("春节", D(2027, 2, 5), D(2027, 2, 13)),
        ("清明节", D(2027, 4, 3), D(2027, 4, 5)), ("劳动节", D(2027, 5, 1), D(2027, 5, 5)),
        ("端午节", D(2027, 6, 9), D(2027, 6, 9)), ("中秋节", D(2027, 9, 15), D(2027, 9, 15)),
        ("国庆节", D(2027, 10, 1), D(2027, 10, 7)),
    ]
    assert notice.makeup == [D(2027, 2, 20), D(2027, 4, 25), D(2027, 5, 8), D(2027, 9, 26), D(2027, 10, 9)]


# ---------------------------------------------------------------- the forms notices use

TITLE = "国务院办公厅关于2027年部分节假日安排的通知\n"


@pytest.mark.parametrize(
    ("line", "off", "makeup"),
    [
        ("一、元旦：1月1日放假，共1天。", [(D(2027, 1, 1), D(2027, 1, 1))], []),
        ("一、国庆节：9月30日至10月8日放假调休，共9天。", [(D(2027, 9, 30), D(2027, 10, 8))], []),
        ("一、元旦：1月1日放假，与周末连休。", [(D(2027, 1, 1), D(2027, 1, 1))], []),
        ("一、元旦：1月1日（星期五）放假1天，不调休。", [(D(2027, 1, 1), D(2027, 1, 1))], []),
        # 2017-style 补休 right after the holiday, and 2016-style 调休 days counted in 「共N天」
        ("一、春节：2月5日放假，2月8日（星期一）补休。", [(D(2027, 2, 5), D(2027, 2, 5)), (D(2027, 2, 8), D(2027, 2, 8))], []),
        ("一、端午节：6月9日放假，6月10日至11日调休，共3天。6月13日（星期日）上班。",
         [(D(2027, 6, 9), D(2027, 6, 11))], [D(2027, 6, 13)]),
        ("一、劳动节：5月1日至5日放假调休，共5天。4月25日（周日）上班，5月8日（周六）上班。",
         [(D(2027, 5, 1), D(2027, 5, 5))], [D(2027, 4, 25), D(2027, 5, 8)]),
        ("１、元旦：１月１日(周五)至３日(周日)放假，共３天。", [(D(2027, 1, 1), D(2027, 1, 3))], []),
        ("一、元旦 ： 1 月 1 日 （ 周五 ） 至 3 日放假 ， 共3天 。", [(D(2027, 1, 1), D(2027, 1, 3))], []),
        ("一、元旦：2026年12月31日至2027年1月3日放假调休，共4天。2026年12月27日（星期日）上班。",
         [(D(2026, 12, 31), D(2027, 1, 3))], [D(2026, 12, 27)]),
    ],
)
def test_forms_of_real_notices(line: str, off: list[tuple[dt.date, dt.date]], makeup: list[dt.date]) -> None:
    notice = read(TITLE + line + "\n")
    assert [(h.start, h.end) for h in notice.holidays] == off
    assert notice.makeup == makeup


def test_gbk_fullwidth_and_halfwidth_read_alike(gk, cat, tmp_path) -> None:
    wide = NOTICE_2026.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    narrow = NOTICE_2026.replace("（", "(").replace("）", ")").replace("：", ":")
    assert read(wide) == read(narrow) == read(NOTICE_2026)
    (tmp_path / "utf8.txt").write_text(NOTICE_2026, encoding="utf-8")
    (tmp_path / "gbk.txt").write_bytes(wide.replace("\n", "\r\n").encode("gbk"))
    assert gk("calendar", "import", tmp_path / "utf8.txt", "-C", cat.root).code == 0
    first = (cat.root / "calendar/2026.yaml").read_bytes()
    run = gk("calendar", "import", tmp_path / "gbk.txt", "-C", cat.root)
    assert run.code == 0 and "没有改动" in run.out
    assert (cat.root / "calendar/2026.yaml").read_bytes() == first


GOV_CN_TABLE = """\
索 引 号：000014349/2025-00123	主题分类：综合政务\\其他
发文机关：国务院办公厅	成文日期：2025年11月04日
标题：国务院办公厅关于2026年部分节假日安排的通知
发文字号：国办发明电〔2025〕7号	发布日期：2025年11月04日
【字体：大 中 小】打印
"""


def test_a_whole_gov_cn_page_pasted_reads_alike() -> None:
    assert read(GOV_CN_TABLE + NOTICE_2026) == read(NOTICE_2026)
    unsigned = NOTICE_2026.replace("国务院办公厅\n2025年11月4日\n", "")
    assert read(GOV_CN_TABLE + unsigned).issued == D(2025, 11, 4)  # the table's 成文日期 when the signature is missing


def test_year_from_the_option_when_the_title_is_missing() -> None:
    items = NOTICE_2027.split("\n", 1)[1]  # without the title line
    assert read(items, 2027) == read(NOTICE_2027).model_copy(update={"title": "国务院办公厅关于2027年部分节假日安排的通知"})
    assert problems(items) == [("GK803", 1, 1, "找不到通知标题（国务院办公厅关于XXXX年部分节假日安排的通知），无法确定年份")]
    assert problems(NOTICE_2027, 2026) == [("GK803", 1, 9, "标题中的年份是2027年，与 --year 2026 不一致")]


# ---------------------------------------------------------------- what cannot be read: line and column


@pytest.mark.parametrize(
    ("line", "code", "column", "message"),
    [
        ("一、元旦：1月1日（周四）至3日（周日）放假，共3天。", "GK804", 11, "写的是周四，但2027年1月1日是周五"),
        ("一、元旦：1月1日（星期五）至3日（周日）放假，共4天。", "GK804", 25, "写的是共4天，但 2027年1月1日 至 2027年1月3日 放假3天"),
        ("一、春节：2月5日（农历腊月二十八、周五）放假，共1天。", "GK804", 11, "写的是农历腊月二十八，但2027年2月5日是农历除夕"),
        ("一、春节：2月6日（农历除夕）放假，共1天。", "GK804", 11, "写的是农历除夕，但2027年2月6日是农历正月初一"),
        ("一、端午节：6月9日（农历五月初四）放假，共1天。", "GK804", 12, "写的是农历五月初四，但2027年6月9日是农历五月初五"),
        ("一、端午节：6月9日（农历四月初五）放假，共1天。", "GK804", 12, "写的是农历四月初五，但2027年6月9日是农历五月初五"),
        ("一、劳动节：5月1日至5日放假调休，共5天。5月10日（周一）上班。", "GK804", 23, "调休上班日必须是周六或周日，2027-05-10 是周一"),
        ("一、劳动节：5月1日至5日放假调休，共5天。5月2日（周日）上班。", "GK804", 23, "2027-05-02 既是放假日又是调休上班日"),
        ("一、元旦：1月1日（五）放假。", "GK803", 11, "括号中的「五」无法识别"),
        ("一、端午节：6月9日（农历五月三十一）放假。", "GK803", 12, "农历日期「农历五月三十一」无法识别"),
        ("一、清明节：4月3日至5日放个假。", "GK803", 7, "读不懂「4月3日至5日放个假」"),
        ("一、元旦：1月1日至3日放假，元旦快乐。", "GK803", 16, "读不懂「元旦快乐」"),
        ("一、元旦：2月30日放假。", "GK803", 6, "日期不存在：2027年2月30日"),
        ("一、元旦：1月3日至1日放假。", "GK803", 11, "结束日期 2027年1月1日 早于开始日期 2027年1月3日"),
        ("一、元旦：3日放假。", "GK803", 6, "「3日」没有写月份"),
        ("一、元旦：1月4日（周一）上班。", "GK803", 6, "「元旦」没有写放假日期"),
        ("一、春节：2月5日至13日放假，共9天。2月20日、下周六上班。", "GK803", 27, "读不懂上班日期「下周六」"),
        ("元旦：1月1日（周五）至3日（周日）放假，共3天。", "GK803", 4, "这一行写有日期，却不是以「一、元旦：」这样的序号和节日名称开头的放假安排"),
    ],
)
def test_a_line_it_cannot_read_is_named_with_line_and_column(line: str, code: str, column: int, message: str) -> None:
    assert problems(TITLE + "各省、自治区、直辖市人民政府：\n" + line + "\n") == [(code, 3, column, message)]


def test_a_line_broken_in_pasting_is_not_silently_dropped() -> None:
    broken = NOTICE_2026.replace("2月14日（周六）、2月28日（周六）上班。", "2月14日（周六）、\n2月28日（周六）上班。")
    assert problems(broken) == [
        ("GK803", 6, 49, "读不懂「2月14日（周六）、」"),
        ("GK803", 7, 1, "这一行写有日期，却不是以「一、元旦：」这样的序号和节日名称开头的放假安排"),
    ]


def test_every_problem_is_reported_not_only_the_first() -> None:
    text = NOTICE_2026.replace("1月1日（周四）", "1月1日（周五）").replace("共9天", "共8天").replace("4月4日（周六）", "4月4日（周日）")
    assert [(code, line) for code, line, _, _ in problems(text)] == [("GK804", 5), ("GK804", 6), ("GK804", 7)]
    assert problems(TITLE + "（此件公开发布）\n") == [("GK803", 1, 1, "没有找到放假安排")]
    assert problems(NOTICE_2026.replace("2025年11月4日", "2025年11月31日"))[0][:3] == ("GK803", 14, 1)


# ---------------------------------------------------------------- the command


def test_import_writes_the_calendar_file_citing_the_notice(gk, cat, tmp_path) -> None:
    source = tmp_path / "2027年节假日通知.txt"
    source.write_text(NOTICE_2027, encoding="utf-8")
    assert gk("workdays", "add", "2026-12-31", "1", "-C", cat.root).out.count("暂定") >= 1
    run = gk("calendar", "import", source, "-C", cat.root)
    assert run.code == 0, run.err
    assert "已读取：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕9号，2026-11-10 发布）" in run.out
    assert "放假  春节：2027-02-05（周五） 至 2027-02-13（周六），9天" in run.out
    assert "已写入 calendar/2027.yaml" in run.out
    written = (cat.root / "calendar/2027.yaml").read_text(encoding="utf-8")
    assert "# 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕9号，2026-11-10 发布）" in written
    assert "#   二、春节：2月5日（农历除夕、周五）至13日（农历正月初八、周六）放假调休，共9天。2月20日（周六）上班。" in written
    assert "文号: 国办发明电〔2026〕9号\n发布日期: 2026-11-10\n" in written
    assert "  - 名称: 春节\n    开始: 2027-02-05\n    结束: 2027-02-13\n" in written
    assert "  - 2027-02-20  # 周六\n" in written
    validate = gk("validate", cat.root, "--format", "json", "--no-cache", "--today", "2026-12-02")
    assert [d for d in validate.json()["diagnostics"] if d["path"].startswith("calendar")] == []  # type: ignore[index]
    # 2026-12-31 + 1: 1/1–1/3 off, 1/4 Mon — from the notice now, not a guess.
    run = gk("workdays", "add", "2026-12-31", "1", "-C", cat.root)
    assert "→ 2027-01-04（" in run.out and "暂定" not in run.out and "元旦假期（calendar/2027.yaml）" in run.out


def test_nothing_is_written_unless_the_whole_notice_reads(gk, cat, tmp_path) -> None:
    source = tmp_path / "notice.txt"
    source.write_text(NOTICE_2027.replace("10月1日（周五）", "10月1日（周四）"), encoding="utf-8")
    run = gk("calendar", "import", source, "-C", cat.root)
    assert run.code == 1
    assert str(source) in run.out
    assert "11:15 错误 GK804 写的是周四，但2027年10月1日是周五" in run.out
    assert "改正：核对通知原文的日期和星期" in run.out
    assert "没有写入任何文件" in run.err
    assert not (cat.root / "calendar").exists()


def test_an_existing_different_notice_is_replaced_only_with_force(gk, cat, tmp_path) -> None:
    source = tmp_path / "notice.txt"
    source.write_text(NOTICE_2027, encoding="utf-8")
    assert gk("calendar", "import", source, "-C", cat.root).code == 0
    (cat.root / "calendar/2027.yaml").chmod(0o640)
    source.write_text(NOTICE_2027.replace("9月26日（周日）、", ""), encoding="utf-8")
    run = gk("calendar", "import", source, "-C", cat.root)
    assert run.code == 2 and "--force" in run.err
    assert "2027-09-26" in (cat.root / "calendar/2027.yaml").read_text(encoding="utf-8")
    assert gk("calendar", "import", source, "-C", cat.root, "--force").code == 0
    assert "2027-09-26" not in (cat.root / "calendar/2027.yaml").read_text(encoding="utf-8")
    assert (cat.root / "calendar/2027.yaml").stat().st_mode & 0o777 == 0o640  # the file keeps its mode


def test_import_from_standard_input_and_a_difference_from_chinesecalendar(gk, cat, monkeypatch) -> None:
    changed = NOTICE_2026.replace("9月20日（周日）、", "")  # a make-up Sunday dropped: chinesecalendar disagrees
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(changed.encode("gbk")), encoding="gbk"))
    run = gk("calendar", "import", "-", "-C", cat.root)
    assert run.code == 0, run.err
    assert "与 chinesecalendar 收录的2026年安排有 1 天不同（2026-09-20）" in run.err
    cal_day = gk("workdays", "add", "2026-09-18", "1", "-C", cat.root).out
    assert "→ 2026-09-21" in cal_day  # the catalog's notice wins over the library


def test_missing_file_and_bad_year(gk, cat, tmp_path) -> None:
    run = gk("calendar", "import", tmp_path / "none.txt", "-C", cat.root)
    assert run.code == 2 and "找不到通知文件" in run.err
    (tmp_path / "binary.txt").write_bytes(b"\xff\xfe\x00\x01")
    run = gk("calendar", "import", tmp_path / "binary.txt", "-C", cat.root)
    assert run.code == 1 and "1:1 错误 GK803 文件不是 UTF-8 或 GBK 编码的文本" in run.out


def test_kinds_of_day_read_from_the_notice() -> None:
    cal = WorkdayCalendar([read(NOTICE_2027).located("calendar/2027.yaml")])
    assert cal.info(D(2027, 2, 20)).kind is DayKind.MAKEUP
    assert cal.info(D(2027, 2, 12)).reason == "春节假期（calendar/2027.yaml）"


# ---------------------------------------------------------------- lunar dates typed again without 农历

def test_lunar_dates_without_the_word_nongli_are_read() -> None:
    """The 2026 notice as a clerk types it again, 农历 left out: 2月15日 is 腊月二十八 and 23日 正月初七 in the notice's
    own words (国办发明电〔2025〕7号), so the same days come out."""
    typed = NOTICE_2026.replace("农历腊月二十八", "腊月二十八").replace("农历正月初七", "正月初七")
    assert "农历" not in typed
    assert [(h.start, h.end) for h in read(typed).holidays] == [(h.start, h.end) for h in read(NOTICE_2026).holidays]


def test_a_lunar_date_without_nongli_is_still_checked_against_its_day() -> None:
    """2月15日 was 腊月二十八 (the notice says so): written 腊月二十七, it is named as wrong, as with 农历."""
    typed = NOTICE_2026.replace("农历腊月二十八", "腊月二十七")
    found = read_published(typed, None)
    assert found.notice is None
    assert any("写的是腊月二十七，但2026年2月15日是农历腊月二十八" in p.message for p in found.problems)
