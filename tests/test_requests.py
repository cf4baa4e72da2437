"""The request register and the 20 + 20 working-day deadline of 《条例》第三十三条 (rules GK701–GK717)."""

from __future__ import annotations

from pathlib import Path

import pytest

# 2026-09-21 (Mon) received; 9-28 … 10-12 consulting a third party: 9-28, 9-29, 9-30, 10-8, 10-9, 10-10 (调休), 10-12
# are 7 working days that do not count; an approved 10-working-day extension. 20 + 10 + 7 = 37 → 2026-11-18.
CONSULTED = """\
编号: YSQ-2026-001
收到日期: 2026-09-21
申请渠道: 网上申请
申请人类型: 公民
申请内容: 某养老机构2025年运营补贴拨付明细
承办单位: shjzg
征求第三方意见:
  开始: 2026-09-28
  结束: 2026-10-12
延期:
  批准人: 李四
  批准日期: 2026-10-15
  延长工作日: 10
"""
PLAIN = """\
编号: YSQ-2026-002
收到日期: 2026-09-21
申请渠道: 邮寄
申请人类型: 商业企业
申请内容: 2026年低保标准
"""


def _codes(gk, root: Path, today: str) -> list[tuple[str, str | None]]:
    run = gk("validate", root, "--format", "json", "--today", today)
    data = run.json()
    found = data["diagnostics"] if isinstance(data, dict) else data
    return sorted((d["code"], d["id"]) for d in found if d["code"].startswith("GK7"))


def _messages(gk, root: Path, today: str, code: str) -> list[str]:
    data = gk("validate", root, "--format", "json", "--today", today).json()
    found = data["diagnostics"] if isinstance(data, dict) else data
    return [d["message"] for d in found if d["code"] == code]


def test_consultation_days_are_excluded_and_extension_added(gk, cat):
    cat.write("requests/2026/YSQ-2026-001.yaml", CONSULTED)
    assert _codes(gk, cat.root, "2026-11-10") == []  # 6 working days left
    assert _codes(gk, cat.root, "2026-11-11") == [("GK702", "YSQ-2026-001")]  # 11-12, 13, 16, 17, 18 left
    assert "2026-11-18" in _messages(gk, cat.root, "2026-11-18", "GK702")[0]
    assert _codes(gk, cat.root, "2026-11-19") == [("GK701", "YSQ-2026-001")]
    assert gk("validate", cat.root, "--today", "2026-11-19").code == 1


def test_without_consultation_or_extension_the_deadline_is_20_working_days(gk, cat):
    cat.write("requests/2026/YSQ-2026-002.yaml", PLAIN)
    assert _codes(gk, cat.root, "2026-10-26") == [("GK702", "YSQ-2026-002")]  # due today (国庆 skipped)
    assert _codes(gk, cat.root, "2026-10-27") == [("GK701", "YSQ-2026-002")]


def test_reply_on_the_due_day_is_on_time_and_a_day_later_is_late(gk, cat):
    cat.write("requests/2026/YSQ-2026-001.yaml", CONSULTED + "办理结果: 部分公开\n答复日期: 2026-11-18\n")
    assert _codes(gk, cat.root, "2026-11-27") == []
    cat.write("requests/2026/YSQ-2026-001.yaml", CONSULTED + "办理结果: 部分公开\n答复日期: 2026-11-19\n")
    assert _codes(gk, cat.root, "2026-11-27") == [("GK703", "YSQ-2026-001")]


def test_correction_restarts_the_clock_and_pending_correction_stops_it(gk, cat):
    base = PLAIN.replace("2026-09-21", "2026-08-17")
    cat.write("requests/2026/YSQ-2026-002.yaml", base + "补正:\n  通知日期: 2026-08-20\n  补正日期: 2026-08-26\n")
    assert _codes(gk, cat.root, "2026-09-22") == [("GK702", "YSQ-2026-002")]
    assert _codes(gk, cat.root, "2026-09-23") == [("GK701", "YSQ-2026-002")]
    cat.write("requests/2026/YSQ-2026-002.yaml", base + "补正:\n  通知日期: 2026-08-20\n")
    assert _codes(gk, cat.root, "2026-11-27") == []


def test_ongoing_consultation_stops_the_clock(gk, cat):
    cat.write("requests/2026/YSQ-2026-001.yaml", CONSULTED.replace("  结束: 2026-10-12\n", ""))
    # no GK701/GK702: the clock is stopped; but open since 09-28, past the third party's 15 working days (GK718)
    assert _codes(gk, cat.root, "2026-11-27") == [("GK718", "YSQ-2026-001")]


@pytest.mark.parametrize(("extra", "code"), [
    ("办理结果: 已答复\n答复日期: 2026-10-09\n", "GK704"),
    ("办理结果: 不予公开\n答复日期: 2026-10-09\n", "GK705"),
    ("办理结果: 不予公开\n理由: 看心情\n答复日期: 2026-10-09\n", "GK705"),
    ("办理结果: 予以公开\n理由: 属于国家秘密\n答复日期: 2026-10-09\n", "GK705"),
    ("答复日期: 2026-10-09\n", "GK706"),
    ("办理结果: 予以公开\n", "GK706"),
    ("办理结果: 予以公开\n答复日期: 2026-09-01\n", "GK707"),
    ("延期:\n  批准人: 李四\n  批准日期: 2026-10-30\n  延长工作日: 5\n办理结果: 予以公开\n答复日期: 2026-10-30\n", "GK708"),
    ("补正:\n  通知日期: 2026-10-09\n  补正日期: 2026-10-12\n办理结果: 予以公开\n答复日期: 2026-10-20\n", "GK709"),
    ("承办单位: shjz\n办理结果: 予以公开\n答复日期: 2026-10-09\n", "GK715"),
])
def test_register_mistakes_are_findings(gk, cat, extra, code):
    cat.write("requests/2026/YSQ-2026-002.yaml", PLAIN + extra)
    assert (code, "YSQ-2026-002") in _codes(gk, cat.root, "2026-11-27")


def test_short_reason_names_are_understood(gk, cat):
    cat.write("requests/2026/YSQ-2026-002.yaml", PLAIN + "办理结果: 不予公开\n理由: 过程性信息\n答复日期: 2026-10-09\n")
    assert _codes(gk, cat.root, "2026-11-27") == []


def test_extension_over_20_working_days_is_a_schema_error(gk, cat):
    text = PLAIN + "延期:\n  批准人: 李四\n  批准日期: 2026-10-09\n  延长工作日: 25\n"
    cat.write("requests/2026/YSQ-2026-002.yaml", text)
    run = gk("validate", cat.root)
    assert run.code == 1
    assert "requests/2026/YSQ-2026-002.yaml" in run.out


def test_file_name_and_appeal_route(gk, cat):
    cat.write("requests/2026/YSQ-2026-009.yaml", PLAIN + "办理结果: 予以公开\n答复日期: 2026-10-09\n")
    cat.write("appeals/SS-2026-001.yaml", "编号: SS-2026-001\n类型: 行政诉讼\n收到日期: 2026-10-20\n关联申请: YSQ-2026-404\n")
    codes = _codes(gk, cat.root, "2026-11-27")
    assert ("GK710", "YSQ-2026-002") in codes
    assert ("GK711", "SS-2026-001") in codes
    assert ("GK713", "SS-2026-001") in codes


def test_bundled_registers_validate_without_errors(gk, bundled):
    run = gk("validate", bundled, "--format", "json", "--today", "2026-11-27")
    assert run.code == 0, run.out
    assert _codes(gk, bundled, "2026-11-27") == []
    assert len(list((bundled / "requests").rglob("*.yaml"))) >= 5


def test_requests_never_reach_the_site(gk, bundled, tmp_path):
    site = tmp_path / "site"
    assert gk("build-site", bundled, "--out", site, "--no-search").code == 0
    text = "".join(p.read_text(encoding="utf-8", errors="ignore") for p in site.rglob("*") if p.is_file())
    assert "YSQ-2026-002" not in text
    assert "某村2025年第四季度低保民主评议会议记录" not in text


APPEAL = "编号: FY-2026-001\n类型: 行政复议\n收到日期: 2026-04-20\n案由: 不服不予公开答复\n"


@pytest.mark.parametrize(("extra", "reported"), [
    ("结果: 维持\n", True),  # 审结 without a 结案日期
    ("结果: 尚未审结\n结案日期: 2026-06-12\n", True),  # a 结案日期 on a case still open
    ("结果: 纠正\n结案日期: 2026-04-19\n", True),  # closed the day before it was received
    ("结果: 纠正\n结案日期: 2026-04-20\n", False),  # closed the day it was received
    ("结果: 维持\n结案日期: 2026-04-21\n", False),
    ("结果: 尚未审结\n", False),
])
def test_gk712_appeal_result_and_closing_date(gk, cat, extra, reported):
    cat.write("appeals/2026/FY-2026-001.yaml", APPEAL + extra)
    assert (("GK712", "FY-2026-001") in _codes(gk, cat.root, "2026-11-27")) is reported


@pytest.mark.parametrize(("year", "reported"), [("2025", True), ("2027", True), ("2026", False)])
def test_gk714_annual_year_matches_the_file_name(gk, cat, year, reported):
    cat.write("annual/2026.yaml", f"年度: {year}\n")
    assert ("GK714" in [code for code, _ in _codes(gk, cat.root, "2026-11-27")]) is reported


# PLAIN was received 2026-09-21 and answered on the day below; today is 2026-10-09.
@pytest.mark.parametrize(("replied", "today", "reported"), [
    ("2026-10-10", "2026-10-09", True),  # answered tomorrow
    ("2026-10-09", "2026-10-09", False),  # answered today
    ("2026-10-08", "2026-10-09", False),  # answered yesterday
    ("2026-10-09", "2026-09-20", True),  # received (and answered) after today
])
def test_gk717_register_dates_after_today(gk, cat, replied, today, reported):
    cat.write("requests/2026/YSQ-2026-002.yaml", PLAIN + f"办理结果: 予以公开\n答复日期: {replied}\n")
    assert (("GK717", "YSQ-2026-002") in _codes(gk, cat.root, today)) is reported
