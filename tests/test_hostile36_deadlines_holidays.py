"""Thirty-sixth hostile pass (h172): deadlines_holidays — the clerk who must not miss a date: the handover to the 两馆
on the 5th and 20th (节假日顺延), the 20 working days of a 依申请公开 reply, the turn of the year.

Every day below is counted by hand from the State Council's 2026 notice (of 2025-11-04): 中秋 9月25日 off;
国庆 10月1日至7日 off, 10月10日（周六）上班; 春节 2月15日至23日 off, 2月14日、28日（周六）上班; 9月20日（周日）上班.

Found by this pass (each test named below failed before its fix):
1. `gongkai handover` without --date said 「请用 --date 写明移交日期，如 gongkai handover --date 2026-12-07；全年移交日见
   gongkai handover schedule --year 2026」 whatever the day: on 2026-10-05, a holiday whose handover moves to 10-08, the
   clerk was sent to a December date, and from January 2027 to last year's schedule. It now names the handover that is
   today, or the last and the next by the catalog's own days and calendar, with the command to run.
   test_handover_without_a_date_names_the_clerks_own_handover_days.
2. A request sent online, by fax or by e-mail on a day off was registered with the day it was sent (the platform's
   timestamp), and validate counted from it without a word — but 《条例》第三十一条第三项 makes the day both sides confirm
   it the day received, the next working day: the deadline came a working day early, and a reply on time was reported
   late (GK703, counted in the scorecard and the annual report). The new warning GK721 names such a day (周末, or a
   holiday by its name; a working Saturday or Sunday is no day off) with both deadlines; 「收到日期: 2026-12-04 22:30」
   (GK106) now says the same of a request sent after hours. test_a_request_sent_online_on_a_day_off_is_questioned,
   test_a_received_date_with_its_hour_says_after_hours_is_the_confirmed_day; `deadline explain` of such a request says
   it before counting (test_explain_of_a_request_sent_online_on_a_holiday_says_the_confirmed_day).
3. `deadline explain` of a 公示 published on a day off (a board put up on 2026-10-03, in the 国庆 holiday) titled its
   count 「公开日期 2026-10-03 当天算第1天」 and then counted 10-08 as day 1, as the law and every output do: the clerk
   read two different first days. The title now says 「公开日期 2026-10-03 是国庆节假期（…），下一个工作日 2026-10-08
   算第1天」. test_explain_of_a_notice_published_on_a_holiday_names_its_first_day.
4. The site's 政府信息公开指南 told the public the 20 working days of 第三十三条 from 「收到申请之日」 but never which
   day that is (第三十一条): one who mailed a request on a holiday could not tell when the answer was due. It now says
   it by channel, and that the count starts the day after. test_the_guide_says_which_day_a_request_is_received.
5. 中秋 on a 国庆 day (2028-10-03, and 2031, 2039 …): the provisional calendar gave back the Sunday of 国庆 but not
   the day the two festivals share, so 2028's 国庆 cost three working days, not four — a provisional deadline over it
   came a day early (GK701 an error a day before the request was overdue), and a 2028 notice that balances its days
   as the notices of 2009 and 2020 did (both: 中秋 on a 国庆 day, four working days off net, as chinesecalendar holds
   them) got GK807 「可能漏录了……上班」. The shared day is given back (「中秋节、国庆节（同日补假）」) and counted so by
   GK807. test_mid_autumn_on_a_national_day_is_given_back_in_2028,
   test_the_notices_of_2009_and_2020_gave_the_shared_day_back, test_a_balanced_2028_notice_is_not_short_of_makeup_days.
   (tests/test_workdays.py had pinned the day short: 「中秋 on 国庆's 10/3 gives nothing back」; corrected.)
6. An item whose 公开时限 names no days — 「及时公开」「实时公开」「长期公开」「常态化公开」 — held its records to nothing: a
   reply to a 网民留言 formed in September and published in late November (two months) passed validate, counted as on
   time nowhere and late nowhere in the scorecard, and `deadline explain` said 「无需逐日计算」. 《条例》第二十六条 sets 20
   working days from the day information is formed for all 主动公开 information unless a law says otherwise: 及时 is
   never later than that. GK402, the scorecard's 按时公开率 and `deadline explain` now hold such records to it (a
   periodic 公开时限, 每季度 or 每年3月底前, stays judged by its period). test_in_good_time_is_never_later_than_article_26.
   (tests/test_deadline_texts.py had pinned 「months after formed: no count, so never late」; corrected.)
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import openpyxl

from gongkai.workdays.statutory import statutory_days, weekend_substitutes
from tests.conftest import AGENCY, ITEM, RECORD, CatalogDir


def test_handover_without_a_date_names_the_clerks_own_handover_days(gk, cat: CatalogDir):
    # 2026-10-05 is a 国庆 holiday: the 5 October handover moves to Thursday 10-08; the last was Sunday 9-20, worked.
    run = gk("handover", "-C", cat.root, "--today", "2026-10-05")
    assert run.code == 2
    assert "今天（2026-10-05）不是移交日（每月5、20日，节假日顺延）：上一个移交日是 2026-09-20，" \
           "下一个是 2026-10-08（10月5日顺延），到那天运行 gongkai handover --date 2026-10-08。" in run.err
    assert "2026-12-07" not in run.err
    # on the day the batch is due (moved there by the holiday), that day is named
    run = gk("handover", "-C", cat.root, "--today", "2026-10-08")
    assert run.code == 2
    assert "今天（2026-10-08）是移交日（10月5日顺延）：gongkai handover --date 2026-10-08。" in run.err
    # in January, this year's schedule, not last year's
    run = gk("handover", "-C", cat.root, "--today", "2026-01-21")
    assert "上一个移交日是 2026-01-20，下一个是 2026-02-05" in run.err
    assert "gongkai handover schedule --year 2026" in run.err
    # a county that hands over monthly on the 10th: its own day, 2026-10-10 being a working Saturday
    cat.write("gongkai.yaml", AGENCY.replace("移交日: [5, 20]", "移交日: [10]"))
    run = gk("handover", "-C", cat.root, "--today", "2026-10-05")
    assert "今天（2026-10-05）不是移交日（每月10日，节假日顺延）：上一个移交日是 2026-09-10，下一个是 2026-10-10，" in run.err


def test_handover_without_a_date_at_the_turn_of_the_year(gk, cat: CatalogDir):
    # 2026-12-20 is a Sunday: moved to Monday 12-21; 2027 has no notice yet, so 5 January is only the nominal day
    run = gk("handover", "-C", cat.root, "--today", "2026-12-25")
    assert run.code == 2
    assert "上一个移交日是 2026-12-21（12月20日顺延），下一个是 2027-01-05（名义日期：2027年的节假日安排还没有" in run.err
    run = gk("handover", "-C", cat.root, "--today", "2027-01-05")
    assert run.code == 2
    assert "今天（2027-01-05）是不是移交日还不能确定：没有2027年的节假日安排" in run.err
    assert "gongkai calendar import" in run.err


def _request(cat: CatalogDir, number: str, received: str, channel: str, rest: str = "") -> None:
    cat.write(f"requests/2026/{number}.yaml", f"编号: {number}\n收到日期: {received}\n申请渠道: {channel}\n"
                                              f"申请人类型: 自然人\n申请内容: 本村低保名单\n{rest}")


def _findings(gk, cat: CatalogDir, code: str, today: str = "2026-12-07") -> list[tuple[str, int, str, str]]:
    run = gk("validate", cat.root, "--format", "json", "--no-cache", "--today", today)
    assert run.code in (0, 1), run.err
    return [(d["path"], d["line"], d["message"], d["hint"]) for d in run.json()["diagnostics"] if d["code"] == code]


def test_a_request_sent_online_on_a_day_off_is_questioned(gk, cat: CatalogDir):
    # 2026-10-03 (国庆): counted from it, day 1 is 10-08 and day 20 is 11-03; confirmed on 10-08, day 20 is 11-04.
    _request(cat, "YSQ-2026-001", "2026-10-03", "网上")
    # 2026-02-21 (春节, a Saturday) by e-mail, answered 03-23: from 02-21 the 20th working day is 03-20 (02-28, a
    # Saturday, worked), so GK703 says late; confirmed on 02-24 the 20th is 03-23, on time.
    _request(cat, "YSQ-2026-002", "2026-02-21", "电子邮件", "办理结果: 予以公开\n答复日期: 2026-03-23\n")
    # by fax on Saturday 2026-11-14: confirmed Monday 11-16; from 11-14 day 20 is 12-11, from 11-16 it is 12-14
    _request(cat, "YSQ-2026-003", "2026-11-14", "传真")
    # not questioned: a working Sunday (2026-09-20, 调休上班), a working day, and a request handed in in person
    _request(cat, "YSQ-2026-004", "2026-09-20", "网上", "办理结果: 予以公开\n答复日期: 2026-10-09\n")
    _request(cat, "YSQ-2026-005", "2026-11-16", "网上")
    _request(cat, "YSQ-2026-006", "2026-11-14", "当面")
    found = _findings(gk, cat, "GK721")
    assert found == [
        ("requests/2026/YSQ-2026-001.yaml", 2, "申请 YSQ-2026-001 是网上提交的，收到日期 2026-10-03 是国庆节假期（国务院办公厅通知）："
         "这个渠道以双方确认之日为收到申请之日（《条例》第三十一条）",
         "休息日提交、下一个工作日（2026-10-08）确认的，写「收到日期: 2026-10-08」，答复期限是 2026-11-04"
         "（按 2026-10-03 算是 2026-11-03）；确是当天确认的，不必改"
         "（平台提交即确认的机关，可在 gongkai.yaml「检查 → 严重程度」中把 GK721 设为 'off'）。"),
        ("requests/2026/YSQ-2026-002.yaml", 2, "申请 YSQ-2026-002 是电子邮件提交的，收到日期 2026-02-21 是春节假期（国务院办公厅通知）："
         "这个渠道以双方确认之日为收到申请之日（《条例》第三十一条）",
         "休息日提交、下一个工作日（2026-02-24）确认的，写「收到日期: 2026-02-24」，答复期限是 2026-03-23"
         "（按 2026-02-21 算是 2026-03-20）；确是当天确认的，不必改"
         "（平台提交即确认的机关，可在 gongkai.yaml「检查 → 严重程度」中把 GK721 设为 'off'）。"),
        ("requests/2026/YSQ-2026-003.yaml", 2, "申请 YSQ-2026-003 是传真提交的，收到日期 2026-11-14 是周六，休息日："
         "这个渠道以双方确认之日为收到申请之日（《条例》第三十一条）",
         "休息日提交、下一个工作日（2026-11-16）确认的，写「收到日期: 2026-11-16」，答复期限是 2026-12-14"
         "（按 2026-11-14 算是 2026-12-11）；确是当天确认的，不必改"
         "（平台提交即确认的机关，可在 gongkai.yaml「检查 → 严重程度」中把 GK721 设为 'off'）。"),
    ]
    # the day confirmed written instead: the reply of 03-23 is on time, and nothing is questioned
    _request(cat, "YSQ-2026-002", "2026-02-24", "电子邮件", "办理结果: 予以公开\n答复日期: 2026-03-23\n")
    assert [f[0] for f in _findings(gk, cat, "GK721")] == ["requests/2026/YSQ-2026-001.yaml",
                                                          "requests/2026/YSQ-2026-003.yaml"]
    assert _findings(gk, cat, "GK703") == []


def test_a_request_sent_on_new_years_day_2027_counts_provisionally(gk, cat: CatalogDir):
    # 2027-01-01 (元旦, a Friday) with no 2027 notice yet: the statutory holiday alone; confirmed Monday 01-04
    _request(cat, "YSQ-2026-007", "2027-01-01", "网上")
    found = _findings(gk, cat, "GK721", today="2027-01-04")
    assert [(path, message) for path, _, message, _ in found] == [
        ("requests/2026/YSQ-2026-007.yaml", "申请 YSQ-2026-007 是网上提交的，收到日期 2027-01-01 是元旦假期"
         "（《全国年节及纪念日放假办法》）（暂定）：这个渠道以双方确认之日为收到申请之日（《条例》第三十一条）")]
    assert "写「收到日期: 2027-01-04」" in found[0][3]


def test_a_received_date_with_its_hour_says_after_hours_is_the_confirmed_day(gk, cat: CatalogDir):
    _request(cat, "YSQ-2026-008", "2026-12-04 22:30", "网上")
    found = _findings(gk, cat, "GK106")
    assert found == [("requests/2026/YSQ-2026-008.yaml", 2, "「收到日期」日期只写年月日，不写时间：写成 2026-12-04",
                      "日期写成 2026-03-02 这样的格式。网上、传真、电子邮件提交的，收到日期是双方确认之日（《条例》第三十一条）："
                      "下班后或休息日提交、下一个工作日才确认的，写确认的那一天。")]
    # a record's date with its hour is no request: the plain hint
    cat.record(cat.root.joinpath("records/2026/R2026-001.yaml").read_text("utf-8").replace(
        "成文日期: 2026-09-01", "成文日期: 2026-09-01 10:00"))
    hints = [hint for path, _, _, hint in _findings(gk, cat, "GK106") if path.startswith("records/")]
    assert hints == ["日期写成 2026-03-02 这样的格式。"]


def test_explain_of_a_notice_published_on_a_holiday_names_its_first_day(gk, cat: CatalogDir):
    # 公示期 7 from 2026-10-03 (国庆): 10-08, 10-09, 10-10 (a working Saturday), 10-12, 10-13, 10-14, 10-15
    text = cat.root.joinpath("records/2026/R2026-001.yaml").read_text("utf-8")
    cat.record(text.replace("公开日期: 2026-09-03", "公开日期: 2026-10-03").replace("公示截止: 2026-12-31", "公示期: 7"))
    run = gk("deadline", "explain", "R2026-001", "-C", cat.root)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("公示期（"))
    assert lines[start] == ("公示期（7个工作日，公开日期 2026-10-03 是国庆节假期（国务院办公厅通知），下一个工作日 2026-10-08 算第1天）："
                            "从 2026-10-07 起（当天不计）数7个工作日")
    assert [line.split()[0] for line in lines[start + 1:start + 9]] == [
        "2026-10-08（周四）", "2026-10-09（周五）", "2026-10-10（周六）", "2026-10-11（周日）", "2026-10-12（周一）",
        "2026-10-13（周二）", "2026-10-14（周三）", "2026-10-15（周四）"]
    assert "  公示期：2026-10-03 至 2026-10-15，2026-10-16 起名单从各渠道撤下。" in lines
    # published on a working day, that day is the first, as before
    cat.record(text.replace("公开日期: 2026-09-03", "公开日期: 2026-10-10").replace("公示截止: 2026-12-31", "公示期: 7"))
    run = gk("deadline", "explain", "R2026-001", "-C", cat.root)
    assert "公示期（7个工作日，公开日期 2026-10-10 当天算第1天）：从 2026-10-09 起（当天不计）数7个工作日" in run.out
    assert "  公示期：2026-10-10 至 2026-10-19，2026-10-20 起名单从各渠道撤下。" in run.out


def test_the_guide_says_which_day_a_request_is_received(gk, cat: CatalogDir, tmp_path):
    site = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", site, "--no-search", "--today", "2026-12-07")
    assert run.code == 0, run.err
    guide = (site / "zhinan/index.html").read_text(encoding="utf-8")
    assert ("<li>收到申请之日：当面提交的，为提交之日；以邮寄方式提交的，为本机关签收之日，平常信函等无需签收的，"
            "为本机关与申请人确认之日；通过互联网渠道或者传真提交的，为双方确认之日（第三十一条）。"
            "答复期限从收到申请的次日起计算。</li>") in guide
    # before the reply period it is the start of
    assert guide.index("（第三十一条）") < guide.index("自收到申请之日起20个工作日内予以答复")


def test_mid_autumn_on_a_national_day_is_given_back_in_2028(gk, cat: CatalogDir):
    # 2028, no notice: 国庆 10/1 (Sun) – 10/3, 中秋 on 10/3; given back: 10/4 for the Sunday, 10/5 for the shared day
    run = gk("workdays", "add", "2028-09-29", "3", "-C", cat.root)
    assert run.code == 0, run.err
    assert [line.split()[:3] for line in run.out.splitlines()[1:12]] == [
        ["2028-09-30（周六）", "跳过", "周六，休息日（暂定）"],
        ["2028-10-01（周日）", "跳过", "国庆节假期（《全国年节及纪念日放假办法》）（暂定）"],
        ["2028-10-02（周一）", "跳过", "国庆节假期（《全国年节及纪念日放假办法》）（暂定）"],
        ["2028-10-03（周二）", "跳过", "中秋节、国庆节假期（《全国年节及纪念日放假办法》）（暂定）"],
        ["2028-10-04（周三）", "跳过", "国庆节（适逢周末补假）假期（《全国年节及纪念日放假办法》）（暂定）"],
        ["2028-10-05（周四）", "跳过", "中秋节、国庆节（同日补假）假期（《全国年节及纪念日放假办法》）（暂定）"],
        ["2028-10-06（周五）", "第", "1个工作日"],
        ["2028-10-07（周六）", "跳过", "周六，休息日（暂定）"],
        ["2028-10-08（周日）", "跳过", "周日，休息日（暂定）"],
        ["2028-10-09（周一）", "第", "2个工作日"],
        ["2028-10-10（周二）", "第", "3个工作日"],
    ]
    assert "  → 2028-10-10（暂定）（共经过11天，其中跳过8天）" in run.out.splitlines()


def _working_days_off(days: list[dt.date], holiday) -> int:
    return sum(day.weekday() < 5 for day in days) - sum(not holiday(day) for day in days)


def test_the_notices_of_2009_and_2020_gave_the_shared_day_back():
    # The rule for 国庆 (3 days) and 中秋 (1 day) is the same in the 2013 and the 2024 办法: around 国庆 the notices of
    # 2009 (中秋 10/3, a Saturday) and 2020 (中秋 10/1) took four working days net, as chinesecalendar holds them
    for year in (2009, 2020):
        days = [dt.date(year, 9, 15) + dt.timedelta(days=n) for n in range(36)]
        assert _working_days_off(days, lambda day: not chinese_calendar.is_workday(day)) == 4
        off = {day for day, name in statutory_days(year).items() if "国庆" in name or "中秋" in name}
        off |= {day for day, name in weekend_substitutes(year).items() if "国庆" in name or "中秋" in name}
        assert _working_days_off(days, lambda day, off=off: day in off or day.weekday() >= 5) == 4, year


NOTICE_2028 = """\
年度: 2028
通知: 国务院办公厅关于2028年部分节假日安排的通知
文号: 国办发明电〔2027〕9号
发布日期: 2027-11-10
放假:
  - 名称: 元旦
    开始: 2028-01-01
    结束: 2028-01-03
  - 名称: 春节
    开始: 2028-01-25
    结束: 2028-01-28
  - 名称: 清明节
    开始: 2028-04-04
    结束: 2028-04-04
  - 名称: 劳动节
    开始: 2028-05-01
    结束: 2028-05-02
  - 名称: 端午节
    开始: 2028-05-27
    结束: 2028-05-29
  - 名称: 国庆节、中秋节
    开始: 2028-10-01
    结束: 2028-10-08
调休上班:
  - 2028-09-30
"""


def test_a_balanced_2028_notice_is_not_short_of_makeup_days(gk, cat: CatalogDir):
    # weekdays off beyond the statutory days: 1/3, 5/29, 10/4, 10/5, 10/6 (5); given back: 1/1 (Sat), 5/28 (Sun),
    # 10/1 (Sun) and the day 中秋 shares with 国庆 (4); one make-up day, 9/30 (Sat): balanced
    cat.write("calendar/2028.yaml", NOTICE_2028)
    assert _findings(gk, cat, "GK807", today="2027-11-20") == []
    # one weekday more off (10/9) and no make-up day more: short by one
    cat.write("calendar/2028.yaml", NOTICE_2028.replace("结束: 2028-10-08", "结束: 2028-10-09"))
    assert [message for _, _, message, _ in _findings(gk, cat, "GK807", today="2027-11-20")] == [
        "2028年各节日多放了2个工作日（法定节假日和周末补假以外），调休上班日却只有1天：可能漏录了通知中「……上班」的日子"]


def test_explain_of_a_request_sent_online_on_a_holiday_says_the_confirmed_day(gk, cat: CatalogDir):
    _request(cat, "YSQ-2026-002", "2026-02-21", "电子邮件", "办理结果: 予以公开\n答复日期: 2026-03-23\n")
    run = gk("deadline", "explain", "YSQ-2026-002", "-C", cat.root)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[:3] == [
        "YSQ-2026-002  依申请公开申请，2026-02-21 收到",
        "2026-02-21 是春节假期（国务院办公厅通知）：电子邮件提交的，以双方确认之日为收到申请之日（《条例》第三十一条）；"
        "下一个工作日（2026-02-24）才确认的，「收到日期」应写 2026-02-24，下面按登记的日期计算（gongkai validate 报 GK721）。",
        "答复期限：20个工作日（《条例》第三十三条）：从 2026-02-21 起（当天不计）数20个工作日"]
    assert "  2026-03-23 答复，晚于期限 2026-03-20。" in lines
    # handed in on a working Saturday (2026-02-28, 调休上班) or in person: nothing to say
    _request(cat, "YSQ-2026-002", "2026-02-28", "网上")
    assert gk("deadline", "explain", "YSQ-2026-002", "-C", cat.root).out.splitlines()[1].startswith("答复期限：")
    _request(cat, "YSQ-2026-002", "2026-02-21", "当面")
    assert gk("deadline", "explain", "YSQ-2026-002", "-C", cat.root).out.splitlines()[1].startswith("答复期限：")


def test_in_good_time_is_never_later_than_article_26(gk, cat: CatalogDir, tmp_path):
    # formed Monday 2026-09-07; the 20th working day: 9/8–11 (4), 9/14–18 (9), Sunday 9/20 worked (10), 9/21–24 (14),
    # 9/25 中秋, 9/28–30 (17), 10/1–7 国庆, 10/8 (18), 10/9 (19), Saturday 10/10 worked (20)
    cat.item(ITEM.replace("制定或获取信息之日起10个工作日内", "及时公开"))
    text = RECORD.replace("成文日期: 2026-09-01", "成文日期: 2026-09-07").replace("审查日期: 2026-09-01", "审查日期: 2026-09-07")
    cat.record(text.replace("公开日期: 2026-09-03", "公开日期: 2026-10-12"))
    found = _findings(gk, cat, "GK402")
    assert [(path, line, message) for path, line, message, _ in found] == [
        ("records/2026/R2026-001.yaml", 14, "公开日期 2026-10-12 晚于公开时限：事项写「及时公开」，最迟按《条例》第二十六条："
         "成文日期 2026-09-07 起20个工作日内，即最迟 2026-10-10（含当天）")]
    run = gk("deadline", "explain", "R2026-001", "-C", cat.root)
    assert ("公开时限（事项 SHJZ-001：及时公开；没有写天数，按《条例》第二十六条最迟20个工作日）："
            "从 2026-09-07 起（当天不计）数20个工作日") in run.out
    assert "  2026-10-10（周六）  第20个工作日  调休上班日（周六）" in run.out
    assert "  2026-10-12 公开，晚于期限 2026-10-10。" in run.out
    out = tmp_path / "card.xlsx"
    assert gk("report", "scorecard", cat.root, "--year", "2026", "--format", "xlsx", "--out", out).code == 0
    rows = [list(row) for row in openpyxl.load_workbook(out)["考核表"].iter_rows(values_only=True)]
    assert next(row for row in rows if row[0] == "社会救助股")[4] == "0.0%（0/1）"
    # on the 20th working day, in time everywhere
    cat.record(text.replace("公开日期: 2026-09-03", "公开日期: 2026-10-10"))
    assert _findings(gk, cat, "GK402") == []
    assert gk("report", "scorecard", cat.root, "--year", "2026", "--format", "xlsx", "--out", out).code == 0
    rows = [list(row) for row in openpyxl.load_workbook(out)["考核表"].iter_rows(values_only=True)]
    assert next(row for row in rows if row[0] == "社会救助股")[4] == "100.0%（1/1）"
