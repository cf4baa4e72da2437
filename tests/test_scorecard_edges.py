"""report scorecard (考核表) on the edges of its rules: which records count in which year, the handover days, the
adoption day, the unit a request belongs to.

Days are counted by hand on the 2026 notice (no holiday in August–September or November; 10-01–10-07 off).
「成文后第N个工作日送交」 (README): a record formed on Tuesday 09-01 with 时限工作日 3 is due on Friday 09-04; one formed
on Monday 08-10 with the default 20 is due on Monday 09-07; one formed on Friday 10-30 is due on Friday 11-27 (the
suite's today). The fixture of tests/test_reports.py: 社会救助股 has R2026-001 (sent 09-07, on time) and R2026-002
(formed 09-01, never sent): 移交按时率 50.0%（1/2）.
"""

from __future__ import annotations

import pytest

from test_reports import LEDGER, QUARTERLY, _record, _rows, _scorecard_catalog, _unit_row

# columns of 考核表: 单位 类型 负责事项 公开信息 按时公开率 定期事项漏报 移交按时率 错误 警告
PUBLISHED, ON_TIME, MISSED, HANDED, ERRORS = 3, 4, 5, 6, 7


def _card(gk, cat, tmp_path, unit: str = "社会救助股") -> list[object]:
    out = tmp_path / "card.xlsx"
    run = gk("report", "scorecard", cat.root, "--year", "2026", "--format", "xlsx", "--out", out)
    assert run.code == 0, run.err
    return _unit_row(_rows(out, "考核表"), unit)


@pytest.fixture
def card(cat):
    _scorecard_catalog(cat)
    cat.write("handover/2026-09-07.yaml", LEDGER)
    return cat


def test_a_record_of_last_year_is_not_counted_in_this_years_figures(gk, card, tmp_path):
    card.record(_record(7, formed="2025-12-01", published="2025-12-03"), "records/2025/R2026-007.yaml")
    row = _card(gk, card, tmp_path)
    assert row[PUBLISHED] == "2" and row[ON_TIME] == "50.0%（1/2）" and row[HANDED] == "50.0%（1/2）"


def test_a_record_formed_last_year_and_published_this_year_is_last_years_handover(gk, card, tmp_path):
    card.record(_record(6, formed="2025-12-29", published="2026-01-05"), "records/2026/R2026-006.yaml")
    row = _card(gk, card, tmp_path)
    assert row[PUBLISHED] == "3" and row[HANDED] == "50.0%（1/2）"


def test_a_record_due_today_and_not_yet_sent_is_not_late(gk, card, tmp_path):
    card.record(_record(4, formed="2026-10-30", published="2026-11-02"), "records/2026/R2026-004.yaml")
    assert _card(gk, card, tmp_path)[HANDED] == "50.0%（1/2）"


def test_a_record_sent_on_its_last_day_is_on_time(gk, card, tmp_path):
    card.record(_record(4, formed="2026-08-10", published="2026-08-12"), "records/2026/R2026-004.yaml")
    card.write("handover/2026-09-07.yaml", LEDGER + "  - 编号: R2026-004\n    索引号: 350524-MZ-2026-00004\n")
    assert _card(gk, card, tmp_path)[HANDED] == "66.7%（2/3）"


def test_a_record_withdrawn_today_and_never_sent_is_no_miss(gk, card, tmp_path):
    card.record(_record(5, formed="2026-09-01", published="2026-09-03",
                        extra="撤回:\n  日期: 2026-11-27\n  原因: 误发布\n"), "records/2026/R2026-005.yaml")
    assert _card(gk, card, tmp_path)[HANDED] == "50.0%（1/2）"


def test_a_record_sent_twice_is_judged_by_its_first_delivery(gk, card, tmp_path):
    card.write("handover/2026-10-20.yaml", LEDGER.replace("2026-09-07", "2026-10-20").replace("2026-08-21", "2026-09-08"))
    assert _card(gk, card, tmp_path)[HANDED] == "50.0%（1/2）"


def test_the_agencys_own_time_limit_counts(gk, card, tmp_path):
    agency = card.root / "gongkai.yaml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("  份数: 2\n", "  份数: 2\n  时限工作日: 3\n"),
                      encoding="utf-8")
    assert _card(gk, card, tmp_path)[HANDED] == "0.0%（0/2）"  # R2026-001 due 09-04, sent 09-07


def test_a_record_of_a_baseline_ledger_is_not_judged(gk, card, tmp_path):
    card.write("handover/2026-11-20.yaml", LEDGER.replace("批次日期: 2026-09-07", "批次日期: 2026-11-20\n补登: true")
               .replace("2026-08-21", "2026-09-08").replace("结束: 2026-09-07", "结束: 2026-11-20")
               .replace("R2026-001", "R2026-002").replace("00001", "00002"))
    assert _card(gk, card, tmp_path)[HANDED] == "100.0%（1/1）"  # sent before gongkai: its punctuality is unknown


def test_a_period_ending_on_the_adoption_day_counts(gk, card, tmp_path):
    # Q1 ends 03-31, the day gongkai was adopted: in use that day, nothing published → missed, with Q3
    agency = card.root / "gongkai.yaml"
    agency.write_text(agency.read_text(encoding="utf-8") + "启用日期: 2026-03-31\n", encoding="utf-8")
    assert _card(gk, card, tmp_path, "办公室")[MISSED] == "2"


def test_an_item_disclosed_on_request_misses_no_period(gk, card, tmp_path):
    card.item(QUARTERLY.replace("公开方式: 主动", "公开方式: 依申请"), rel="items/shjz/SHJZ-002.yaml")
    assert _card(gk, card, tmp_path, "办公室")[MISSED] == "0"


def test_a_record_not_for_the_public_fills_no_period(gk, card, tmp_path):
    card.record(_record(8, item="SHJZ-002", unit="bgs", formed="2026-08-03", published="2026-08-05")
                .replace("公开属性: 主动公开", "公开属性: 依申请公开"), "records/2026/R2026-008.yaml")
    assert _card(gk, card, tmp_path, "办公室")[MISSED] == "2"  # Q1 and Q3 still missed


def test_a_request_counts_against_the_unit_that_handles_it(gk, card, tmp_path):
    before = int(_card(gk, card, tmp_path, "办公室")[ERRORS])
    card.write("requests/2026/YSQ-2026-001.yaml", "编号: YSQ-2026-001\n收到日期: 2026-03-02\n申请渠道: 网上\n"
               "申请人类型: 自然人\n申请内容: 申请低保政策文件\n承办单位: bgs\n")
    assert int(_card(gk, card, tmp_path, "办公室")[ERRORS]) == before + 1  # GK701: not answered in time
