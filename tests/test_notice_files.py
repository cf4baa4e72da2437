"""calendar/<year>.yaml as the user writes it: every problem named by its field, at its line and column."""

from __future__ import annotations

import pytest

BASE = """\
年度: 2027
通知: 测试用虚构通知（不是国务院办公厅的真实安排）
文号: 测试〔2026〕1号
发布日期: 2026-11-20
放假:
  - 名称: 元旦
    开始: 2027-01-01
    结束: 2027-01-03
  - 名称: 测试节
    开始: 2027-03-01
    结束: 2027-03-03
调休上班: [2027-02-27, 2027-03-06]
"""


def diagnostics(gk, cat, text: str, name: str = "calendar/2027.yaml") -> list[dict]:
    cat.write(name, text)
    run = gk("validate", cat.root, "--format", "json", "--no-cache")
    assert run.code in (0, 1), run.err
    return [d for d in run.json()["diagnostics"] if d["path"] == name]  # type: ignore[index]


def test_a_valid_notice_has_no_findings_and_is_used(gk, cat):
    assert diagnostics(gk, cat, BASE) == []
    run = gk("workdays", "add", "2027-02-26", "4", "-C", cat.root)
    assert "→ 2027-03-06（" in run.out and "测试节假期（calendar/2027.yaml）" in run.out and "暂定" not in run.out


@pytest.mark.parametrize(
    ("old", "new", "code", "line", "column", "message"),
    [
        ("年度: 2027", "年度: 二〇二七", "GK103", 1, 5, "「年度」的类型不对"),
        ("年度: 2027\n", "", "GK101", 1, 1, "缺少必填字段「年度」"),
        ("通知: 测试用虚构通知（不是国务院办公厅的真实安排）\n", "", "GK101", 1, 1, "缺少必填字段「通知」"),
        ("发布日期: 2026-11-20", "发布日期: 2026-13-01", "GK106", 4, 7, "「发布日期」日期不存在"),
        ("文号: 测试〔2026〕1号", "文号: 测试〔2026〕1号\n备注: x", "GK102", 4, 1, "未知字段「备注」"),
        ("    结束: 2027-01-03", "    结束: 2027-01-03\n    备注: x", "GK102", 9, 5, "未知字段「备注」"),
        ("    开始: 2027-01-01", "    开始: 明年", "GK106", 7, 9, "「开始」日期格式应为"),
        ("[2027-02-27, 2027-03-06]", "[2027-02-27, 明天]", "GK106", 12, 20, "「调休上班」日期格式应为"),
        ("    结束: 2027-03-03", "    结束: 2027-02-28", "GK801", 11, 9, "测试节的结束日期 2027-02-28 早于开始日期 2027-03-01"),
        ("    开始: 2027-01-01", "    开始: 2026-12-20", "GK801", 7, 9, "元旦的开始日期 2026-12-20 不在2027年内"),
        ("    结束: 2027-03-03", "    结束: 2028-01-08", "GK801", 11, 9, "测试节的结束日期 2028-01-08 超出2027年"),
        ("[2027-02-27, 2027-03-06]", "[2027-02-27, 2027-03-03]", "GK801", 12, 20, "调休上班日必须是周六或周日，2027-03-03 是周三"),
        ("[2027-02-27, 2027-03-06]", "[2027-02-26, 2027-03-06]", "GK801", 12, 8, "调休上班日必须是周六或周日，2027-02-26 是周五"),
        ("[2027-02-27, 2027-03-06]", "[2027-01-02]", "GK801", 12, 8, "2027-01-02 既是放假日又是调休上班日"),
        ("[2027-02-27, 2027-03-06]", "[2026-12-19]", "GK801", 12, 8, "调休上班日 2026-12-19 不在2027年内"),
    ],
)
def test_problems_point_at_the_field_by_name(gk, cat, old, new, code, line, column, message):
    assert old in BASE
    found = diagnostics(gk, cat, BASE.replace(old, new, 1))
    assert [(d["code"], d["line"], d["column"]) for d in found if message in d["message"]] == [(code, line, column)]
    assert all("「0」" not in d["message"] and "「1」" not in d["message"] and d["hint"] for d in found)


def test_the_day_before_and_after_the_window(gk, cat):
    # A notice may reach 7 days into its neighbours: 2026-12-25 … 2028-01-07 for 2027.
    start = BASE.replace("    开始: 2027-01-01", "    开始: {day}")
    # (2026-12-25 is a working day of chinesecalendar's 2026: a notice may name it, but GK806 says it overrides 2026,
    # and GK807 that five working days off, 12-25 and 12-28 to 12-31, have no make-up day to match)
    assert [d["code"] for d in diagnostics(gk, cat, start.format(day="2026-12-25"))] == ["GK806", "GK807"]
    assert [d["code"] for d in diagnostics(gk, cat, start.format(day="2026-12-24"))] == ["GK801"]
    end = BASE.replace("    开始: 2027-03-01\n    结束: 2027-03-03", "    开始: 2027-12-30\n    结束: {day}")
    assert diagnostics(gk, cat, end.format(day="2028-01-07")) == []
    assert [d["code"] for d in diagnostics(gk, cat, end.format(day="2028-01-08"))] == ["GK801"]


def test_the_file_name_must_be_the_year(gk, cat):
    found = diagnostics(gk, cat, BASE, "calendar/2026.yaml")
    assert [(d["code"], d["message"]) for d in found] == [("GK801", "文件名的年份（2026）与「年度」（2027）不一致")]
    found = diagnostics(gk, cat, BASE, "calendar/notice.yaml")
    assert [(d["code"], d["message"]) for d in found] == [("GK801", "文件名「calendar/notice.yaml」不是年份")]


def test_a_wrong_notice_is_not_used(gk, cat):
    cat.write("calendar/2027.yaml", BASE.replace("[2027-02-27, 2027-03-06]", "[2027-03-03]"))
    run = gk("workdays", "add", "2027-02-26", "4", "-C", cat.root)
    assert run.code == 0 and "暂定" in run.out and "测试节" not in run.out
