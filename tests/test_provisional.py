"""暂定: deadlines that fall in a year without a holiday notice yet (today, 2027) are shown as provisional everywhere a
deadline is shown — deadline explain, the request register, the scorecard, the gate — and the handover still refuses.

Expected dates are counted by hand from the 2026 notice (DOMAIN.md §4) and, for 2027, the statutory days of
《全国年节及纪念日放假办法》: 2027-01-01 元旦 (Fri), 1/2–1/3 weekend.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from conftest import RECORD
from notices import NOTICE_2027
from gongkai.catalog import load_catalog
from gongkai.gate import State, admit

PLAIN_REQUEST = """\
编号: YSQ-2026-020
收到日期: {received}
申请渠道: 邮寄
申请人类型: 商业企业
申请内容: 2027年特困供养标准
"""


def record(**changes: str) -> str:
    text = RECORD
    for key, value in changes.items():
        text = re.sub(rf"^{key}:.*$", f"{key}: {value}", text, flags=re.M)
    return text


def findings(gk, root, today: str, code: str) -> list[dict]:
    run = gk("validate", root, "--format", "json", "--no-cache", "--today", today)
    assert run.code in (0, 1), run.err
    return [d for d in json.loads(run.out)["diagnostics"] if d["code"] == code]


def import_2027(gk, cat, tmp_path) -> None:
    (tmp_path / "2027.txt").write_text(NOTICE_2027, encoding="utf-8")
    assert gk("calendar", "import", tmp_path / "2027.txt", "-C", cat.root).code == 0


# ---------------------------------------------------------------- deadline explain


def test_deadline_explain_marks_a_provisional_limit(gk, cat):
    # Formed 2026-12-21 (Mon); 10 working days: 12/22 … 12/31 are 8, 1/1 元旦, 1/2–1/3 weekend, 1/4 = 9, 1/5 = 10.
    cat.record(record(成文日期="2026-12-21", 公开日期="2027-01-05", 审查日期="2026-12-21"))
    run = gk("deadline", "explain", "R2026-001", "-C", cat.root)
    assert run.code == 0, run.err
    assert "→ 2027-01-05（暂定）" in run.out
    assert "2027-01-05 公开，在期限 2027-01-05（暂定） 内" in run.out
    assert "元旦假期（《全国年节及纪念日放假办法》）（暂定）" in run.out
    assert "暂定：2027年的节假日安排尚未录入" in run.out
    # 20 working days for the 两馆: … 1/5 = 10, 1/6–1/8 = 13, 1/11–1/15 = 18, 1/18 = 19, 1/19 = 20.
    assert "→ 2027-01-19（暂定）" in run.out


def test_deadline_explain_the_day_after_is_late_and_a_notice_makes_it_final(gk, cat, tmp_path):
    cat.record(record(成文日期="2026-12-21", 公开日期="2027-01-06", 审查日期="2026-12-21"))
    assert "2027-01-06 公开，晚于期限 2027-01-05（暂定）" in gk("deadline", "explain", "R2026-001", "-C", cat.root).out
    import_2027(gk, cat, tmp_path)
    run = gk("deadline", "explain", "R2026-001", "-C", cat.root)
    assert "2027-01-06 公开，晚于期限 2027-01-05。" in run.out and "暂定" not in run.out
    assert "元旦假期（calendar/2027.yaml）" in run.out


def test_a_limit_inside_the_year_with_a_notice_is_final(gk, cat):
    # Formed 2026-12-17: 12/18 … 12/31 are exactly 10 working days — nothing of 2027 is counted.
    cat.record(record(成文日期="2026-12-17", 公开日期="2026-12-31", 审查日期="2026-12-17"))
    run = gk("deadline", "explain", "R2026-001", "-C", cat.root)
    assert "2026-12-31 公开，在期限 2026-12-31 内" in run.out
    assert "公开时限" in run.out and "→ 2026-12-31（共" in run.out


# ---------------------------------------------------------------- the request register


def test_gk716_the_reply_deadline_is_provisional(gk, cat, tmp_path):
    # Received 2026-12-04 (Fri): 12/7 … 12/31 are 19 working days, 1/4 is the 20th — in 2027: provisional.
    cat.write("requests/2026/YSQ-2026-020.yaml", PLAIN_REQUEST.format(received="2026-12-04"))
    found = findings(gk, cat.root, "2026-12-07", "GK716")
    assert [(d["line"], d["message"]) for d in found] == [(2, "申请 YSQ-2026-020 的答复期限暂定为 2027-01-04")]
    assert "2027年的节假日安排尚未录入" in found[0]["hint"] and "gongkai calendar import" in found[0]["hint"]
    import_2027(gk, cat, tmp_path)
    assert findings(gk, cat.root, "2026-12-07", "GK716") == []


def test_gk716_a_deadline_on_the_last_day_of_the_year_is_final(gk, cat):
    # Received 2026-12-03 (Thu): 12/4 = 1 … 12/31 = 20.
    cat.write("requests/2026/YSQ-2026-020.yaml", PLAIN_REQUEST.format(received="2026-12-03"))
    assert findings(gk, cat.root, "2026-12-07", "GK716") == []
    assert [d["message"] for d in findings(gk, cat.root, "2026-12-31", "GK702")] == [
        "申请 YSQ-2026-020 应于 2026-12-31 前答复，今天到期"]


def test_due_soon_and_overdue_messages_say_provisional(gk, cat):
    cat.write("requests/2026/YSQ-2026-020.yaml", PLAIN_REQUEST.format(received="2026-12-04"))
    soon = findings(gk, cat.root, "2026-12-28", "GK702")  # 12/29, 12/30, 12/31, 1/4 left
    assert [d["message"] for d in soon] == ["申请 YSQ-2026-020 应于 2027-01-04（暂定） 前答复，还剩4个工作日"]
    assert "暂按周末和《全国年节及纪念日放假办法》" in soon[0]["hint"]
    assert findings(gk, cat.root, "2027-01-04", "GK701") == []
    late = findings(gk, cat.root, "2027-01-05", "GK701")
    assert [d["message"] for d in late] == ["申请 YSQ-2026-020 应于 2027-01-04（暂定） 前答复，已逾期1个工作日"]


# ---------------------------------------------------------------- the scorecard


def _card(gk, cat, tmp_path, formed: str) -> tuple[str, list[str]]:
    """The scorecard's text output and the unit's row from the xlsx (a table cell may wrap on screen)."""
    cat.record(record(成文日期=formed, 公开日期="2026-12-31", 审查日期=formed))
    args = ("report", "scorecard", cat.root, "--year", "2026", "--unit", "shjzg", "--today", "2026-12-31")
    run = gk(*args)
    assert run.code == 0, run.err
    assert gk(*args, "-f", "xlsx", "-o", tmp_path / "card.xlsx").code == 0
    from openpyxl import load_workbook  # noqa: PLC0415

    rows = [[str(c.value) for c in row] for row in load_workbook(tmp_path / "card.xlsx")["考核表"].iter_rows()]
    return run.out, next(row for row in rows if row[0] == "社会救助股")


def test_scorecard_marks_shares_counted_on_a_provisional_limit(gk, cat, tmp_path):
    # Formed 2026-12-18: 12/21 … 12/31 are 9 working days; the 10th is 2027-01-04 (provisional).
    out, row = _card(gk, cat, tmp_path, "2026-12-18")
    assert row[4] == "100.0%（1/1）（暂定）"
    assert "注意：标「暂定」的比例用到了暂定的期限：2027年的节假日安排尚未录入" in out


def test_scorecard_the_day_before_is_final(gk, cat, tmp_path):
    out, row = _card(gk, cat, tmp_path, "2026-12-17")  # the 10th working day is 2026-12-31
    assert row[4] == "100.0%（1/1）" and "暂定" not in out


def test_scorecard_html_and_xlsx_carry_the_note(gk, cat, tmp_path):
    cat.record(record(成文日期="2026-12-18", 公开日期="2026-12-31", 审查日期="2026-12-18"))
    page = tmp_path / "card.html"
    assert gk("report", "scorecard", cat.root, "-f", "html", "-o", page, "--today", "2026-12-31").code == 0
    assert "（暂定）" in page.read_text(encoding="utf-8") and "2027年的节假日安排尚未录入" in page.read_text(encoding="utf-8")
    book = tmp_path / "card.xlsx"
    assert gk("report", "scorecard", cat.root, "-f", "xlsx", "-o", book, "--today", "2026-12-31").code == 0
    from openpyxl import load_workbook  # noqa: PLC0415

    cells = [str(c.value) for row in load_workbook(book)["考核表"].iter_rows() for c in row if c.value]
    assert any("2027年的节假日安排尚未录入" in c for c in cells) and "100.0%（1/1）（暂定）" in cells


# ---------------------------------------------------------------- the handover refuses a provisional day


def test_handover_on_a_day_of_a_year_without_a_notice_is_refused(gk, cat, tmp_path):
    run = gk("handover", "--date", "2027-01-05", "-C", cat.root, "--out", tmp_path / "out", "--today", "2027-01-05")
    assert run.code == 2
    assert "没有2027年的节假日安排" in run.err and "gongkai calendar import" in run.err
    assert not (tmp_path / "out").exists()
    import_2027(gk, cat, tmp_path)
    assert gk("handover", "schedule", "--year", "2027", "-C", cat.root).code == 0


# ---------------------------------------------------------------- the gate: a 公示 published in late December


def _notice(cat, published: str) -> None:
    text = record(公开日期=published, 成文日期="2026-12-24", 审查日期="2026-12-24")
    cat.record(re.sub(r"^公示截止:.*\n", "", text, flags=re.M) + "公示期: 7\n")


def test_a_notice_published_in_late_december_runs_into_2027(cat):
    # 12/28 (Mon) is day 1, 12/29–12/31 days 2–4, 1/1 元旦 and the weekend skipped, 1/4–1/6 days 5–7.
    _notice(cat, "2026-12-28")
    catalog = load_catalog(cat.root)
    states = {day: admit(catalog, dt.date(2027, 1, day)).get("R2026-001") for day in (5, 6, 7)}
    assert [(a.state, a.notice_end) for a in states.values() if a] == [
        (State.CURRENT, dt.date(2027, 1, 6)), (State.CURRENT, dt.date(2027, 1, 6)), (State.ENDED, dt.date(2027, 1, 6))]
    assert admit(catalog, dt.date(2026, 12, 28)).next_change == dt.date(2027, 1, 7)


def test_a_notice_that_ends_within_the_year_is_unchanged(cat):
    # Published 2026-12-22 (Tue): 12/22 … 12/30 are 7 working days (12/26–27 weekend).
    _notice(cat, "2026-12-22")
    assert admit(load_catalog(cat.root), dt.date(2026, 12, 31)).get("R2026-001").notice_end == dt.date(2026, 12, 30)


def test_the_real_notice_replaces_the_provisional_end(cat, gk, tmp_path):
    _notice(cat, "2026-12-28")
    (tmp_path / "2027.txt").write_text(NOTICE_2027.replace("一、元旦：1月1日（周五）至3日（周日）放假，共3天。",
                                                           "一、元旦：1月1日（周五）至4日（周一）放假，共4天。"),
                                       encoding="utf-8")
    assert gk("calendar", "import", tmp_path / "2027.txt", "-C", cat.root).code == 0
    assert admit(load_catalog(cat.root), dt.date(2027, 1, 7)).get("R2026-001").notice_end == dt.date(2027, 1, 7)
