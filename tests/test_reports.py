"""gongkai report scorecard | annual on small catalogs with known numbers."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from conftest import ITEM, RECORD

QUARTERLY = ITEM.replace("SHJZ-001", "SHJZ-002").replace("公开时限: 制定或获取信息之日起10个工作日内", "公开时限: 每季度") \
    .replace("责任单位: shjzg", "责任单位: bgs")


def _record(number: int, *, item: str = "SHJZ-001", unit: str = "shjzg", formed: str = "2026-09-01",
            published: str = "2026-09-03", kind: str = "公示", extra: str = "") -> str:
    text = RECORD.replace("R2026-001", f"R2026-{number:03d}").replace("00001", f"{number:05d}") \
        .replace("测民〔2026〕1号", f"测民〔2026〕{number}号").replace("事项: SHJZ-001", f"事项: {item}") \
        .replace("责任单位: shjzg", f"责任单位: {unit}").replace("文种: 公示", f"文种: {kind}") \
        .replace("成文日期: 2026-09-01", f"成文日期: {formed}").replace("审查日期: 2026-09-01", f"审查日期: {formed}") \
        .replace("公开日期: 2026-09-03", f"公开日期: {published}")
    return text + extra


def _rows(path: Path, sheet: str) -> list[list[object]]:
    book = load_workbook(path)
    rows = [list(row) for row in book[sheet].iter_rows(values_only=True)]
    for row in rows:
        while row and row[-1] is None:
            row.pop()
    return rows


def _unit_row(rows: list[list[object]], name: str) -> list[object]:
    return next(row for row in rows if row[0] == name)


# ---------------------------------------------------------------- scorecard

def _scorecard_catalog(cat) -> None:
    cat.item(QUARTERLY, rel="items/shjz/SHJZ-002.yaml")
    cat.record(_record(3, item="SHJZ-002", unit="bgs", formed="2026-05-06", published="2026-05-08"), "records/2026/R2026-003.yaml")
    # 10 working days from 2026-09-01 → due 2026-09-15: published late
    cat.record(_record(2, formed="2026-09-01", published="2026-10-20"), "records/2026/R2026-002.yaml")


def test_scorecard_counts_timeliness_and_missed_quarters(gk, cat, tmp_path):
    _scorecard_catalog(cat)
    out = tmp_path / "card.xlsx"
    run = gk("report", "scorecard", cat.root, "--year", "2026", "--format", "xlsx", "--out", out)
    assert run.code == 0, run.err
    rows = _rows(out, "考核表")
    assert rows[1][:6] == ["单位", "类型", "负责事项", "公开信息", "按时公开率", "定期事项漏报"]
    relief = _unit_row(rows, "社会救助股")
    assert relief[2:6] == ["1", "2", "50.0%（1/2）", "0"]
    assert int(relief[8]) >= 1  # GK402 warning on the late record counts against the unit
    office = _unit_row(rows, "办公室")
    assert office[2:6] == ["1", "1", "—", "2"]  # Q1 and Q3 missed; Q2 published; Q4 not over on 2026-11-27
    assert ["办公室", "SHJZ-002 2026年第1季度"] in _rows(out, "漏报明细")
    assert ["办公室", "SHJZ-002 2026年第3季度"] in _rows(out, "漏报明细")


def test_scorecard_table_html_and_unit_filter(gk, cat, tmp_path):
    _scorecard_catalog(cat)
    run = gk("report", "scorecard", cat.root, "--unit", "bgs")
    assert run.code == 0
    assert "办公室" in run.out and "社会救助股" not in run.out
    assert "定期事项漏报：办公室 SHJZ-002 2026年第1季度" in run.out
    assert "没有移交台账" in run.out
    page = tmp_path / "card.html"
    assert gk("report", "scorecard", cat.root, "-f", "html", "-o", page).code == 0
    html = page.read_text(encoding="utf-8")
    assert "50.0%（1/2）" in html and "不在公开网站发布" in html
    assert gk("report", "scorecard", cat.root, "--unit", "nobody").code == 2


LEDGER = """\
批次日期: 2026-09-07
覆盖期间:
  开始: 2026-08-21
  结束: 2026-09-07
接收单位: [dag, tsg]
信息:
  - 编号: R2026-001
    索引号: 350524-MZ-2026-00001
"""


def test_scorecard_handover_punctuality_from_the_ledger(gk, cat, tmp_path):
    _scorecard_catalog(cat)
    cat.write("handover/2026-09-07.yaml", LEDGER)
    out = tmp_path / "card.xlsx"
    assert gk("report", "scorecard", cat.root, "-f", "xlsx", "-o", out).code == 0
    relief = _unit_row(_rows(out, "考核表"), "社会救助股")
    assert relief[6] == "50.0%（1/2）"  # R2026-001 sent within 20 working days, R2026-002 never sent


# ---------------------------------------------------------------- annual report

def _request(number: int, applicant: str, received: str, outcome: str = "", reason: str = "", replied: str = "") -> str:
    text = (f"编号: YSQ-{number:03d}\n收到日期: {received}\n申请渠道: 网上\n申请人类型: {applicant}\n"
            f"申请内容: 申请{number}\n")
    if outcome:
        text += f"办理结果: {outcome}\n答复日期: {replied}\n"
    if reason:
        text += f"理由: {reason}\n"
    return text


def _annual_catalog(cat) -> None:
    requests = [
        _request(1, "自然人", "2025-12-22", "予以公开", "", "2026-01-12"),  # 上年结转, done in 2026
        _request(2, "自然人", "2026-03-02", "予以公开", "", "2026-03-10"),
        _request(3, "自然人", "2026-04-01", "不予公开", "过程性信息", "2026-04-20"),
        _request(4, "商业企业", "2026-05-06", "部分公开", "", "2026-05-20"),
        _request(5, "法律服务机构", "2026-06-01", "无法提供", "本机关不掌握", "2026-06-10"),
        _request(6, "自然人", "2026-12-21"),  # 结转下年度
        _request(7, "自然人", "2025-03-02", "予以公开", "", "2025-03-09"),  # last year's business only
    ]
    for number, text in enumerate(requests, 1):
        cat.write(f"requests/YSQ-{number:03d}.yaml", text)
    cat.write("appeals/FY-001.yaml", "编号: FY-001\n类型: 行政复议\n收到日期: 2026-05-10\n结果: 维持\n结案日期: 2026-07-01\n")
    cat.write("appeals/SS-001.yaml", "编号: SS-001\n类型: 行政诉讼\n起诉方式: 复议后起诉\n收到日期: 2026-07-15\n")
    cat.write("annual/2026.yaml", "年度: 2026\n总体情况: 全年依法公开。\n行政许可: 12\n行政处罚: 3\n行政强制: 1\n行政事业性收费: 1.5\n"
                                  "存在的主要问题及改进情况: 解读形式单一。\n其他需要报告的事项: 未收取信息处理费。\n")
    cat.record(_record(10, kind="规范性文件", formed="2026-03-02", published="2026-03-05"), "records/2026/R2026-010.yaml")
    old = _record(11, kind="规范性文件", formed="2024-03-01", published="2024-03-05", extra="废止日期: 2026-06-30\n")
    cat.record(old.replace("R2026-011", "R2024-011"), "records/2024/R2024-011.yaml")
    cat.record(_record(12, kind="规范性文件", formed="2025-03-03", published="2025-03-05"), "records/2025/R2026-012.yaml")


def test_annual_tables_from_the_registers(gk, cat, tmp_path):
    _annual_catalog(cat)
    out = tmp_path / "annual.xlsx"
    run = gk("report", "annual", cat.root, "--year", "2026", "-f", "xlsx", "-o", out)
    assert run.code == 0, run.err
    two = _rows(out, "表二 主动公开")
    assert two[2] == ["行政规范性文件", 1, 1, 2]  # issued 2026, repealed 2026-06-30, in force: the 2025 and 2026 ones
    assert ["行政许可", 12] in two and ["行政处罚", 3] in two and ["行政事业性收费", 1.5] in two
    three = {str(row[0]).strip("　"): row[1:] for row in _rows(out, "表三 依申请公开")}
    assert three["一、本年新收政府信息公开申请数量"] == [3, 1, 0, 0, 1, 0, 5]
    assert three["二、上年结转政府信息公开申请数量"] == [1, 0, 0, 0, 0, 0, 1]
    assert three["（一）予以公开"] == [2, 0, 0, 0, 0, 0, 2]
    assert three["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"] == [0, 1, 0, 0, 0, 0, 1]
    assert three["6. 属于四类过程性信息"] == [1, 0, 0, 0, 0, 0, 1]
    assert three["1. 本机关不掌握相关政府信息"] == [0, 0, 0, 0, 1, 0, 1]
    assert three["（七）总计"] == [3, 1, 0, 0, 1, 0, 5]
    assert three["四、结转下年度继续办理"] == [1, 0, 0, 0, 0, 0, 1]
    four = {row[0]: row[1:] for row in _rows(out, "表四 复议诉讼")}
    assert four["行政复议"] == [1, 0, 0, 0, 1]
    assert four["复议后起诉"] == [0, 0, 0, 1, 1]
    assert four["未经复议直接起诉"] == [0, 0, 0, 0, 0]
    assert _rows(out, "勾稽检查")[1] == ["一 + 二 = 三(七) + 四：平衡"]


def test_annual_markdown_and_html(gk, cat, tmp_path):
    _annual_catalog(cat)
    run = gk("report", "annual", cat.root, "--year", "2026")
    assert run.code == 0
    assert run.out.startswith("# 测试县民政局2026年政府信息公开工作年度报告")
    assert "| 一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 1 | 0 | 5 |" in run.out
    assert "全年依法公开。" in run.out and "解读形式单一。" in run.out
    page = tmp_path / "annual.html"
    assert gk("report", "annual", cat.root, "--year", "2026", "-f", "html", "-o", page).code == 0
    assert "<h2>四、政府信息公开行政复议、行政诉讼情况</h2>" in page.read_text(encoding="utf-8")


def test_annual_check_fails_when_table_three_does_not_balance(gk, cat):
    _annual_catalog(cat)
    # The bureau says 2 requests were carried over from 2025 (paper register), but the register shows one.
    cat.write("annual/2026.yaml", "年度: 2026\n上年结转:\n  自然人: 2\n")
    run = gk("report", "annual", cat.root, "--year", "2026")
    assert run.code == 1
    assert "表三「自然人」列不平衡：本年新收 + 上年结转 = 5，办理结果总计 + 结转下年度 = 4" in run.err
    assert "表三「总计」列不平衡" in run.err


def test_annual_check_fails_for_a_reply_without_a_category(gk, cat):
    _annual_catalog(cat)
    cat.write("requests/YSQ-003.yaml", _request(3, "自然人", "2026-04-01", "不予公开", "", "2026-04-20"))
    run = gk("report", "annual", cat.root, "--year", "2026")
    assert run.code == 1
    assert "表三「自然人」列不平衡" in run.err


def test_annual_xlsx_is_deterministic(gk, cat, tmp_path):
    _annual_catalog(cat)
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    gk("report", "annual", cat.root, "--year", "2026", "-f", "xlsx", "-o", first)
    gk("report", "annual", cat.root, "--year", "2026", "-f", "xlsx", "-o", second)
    assert first.read_bytes() == second.read_bytes()


def test_bundled_annual_report_balances(gk, bundled):
    run = gk("report", "annual", bundled, "--year", "2026")
    assert run.code == 0, run.err
    assert "| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 1 | 1 | 0 | 8 |" in run.out


def test_the_check_sheet_of_a_roll_up_widens_its_column_of_departments(bundled: Path) -> None:
    import io

    from gongkai.catalog.loader import load_catalog
    from gongkai.reports.annual import build_annual
    from gongkai.reports.xlsx import annual_workbook

    report = build_annual(load_catalog(bundled, use_cache=False), 2025)
    for checks, missing in [([("安溪县民政局", "平衡")], []), ([], [("德化县民政局", "没有 annual/2025.yaml")]), (None, [])]:
        sheet = load_workbook(io.BytesIO(annual_workbook(report, checks, missing)))["勾稽检查"]
        assert sheet.column_dimensions["A"].width == (24 if checks is not None or missing else 13)


def test_scorecard_counts_no_period_that_ended_before_gongkai_was_adopted(gk, cat, tmp_path):
    """启用日期 2026-08-15: what was published before may be in no file (it was sent by hand). Q1 and Q2 ended before
    it and are no evidence; Q3 (07-01–09-30) ended after it, gongkai in use, with nothing published: missed."""
    _scorecard_catalog(cat)
    agency = cat.root / "gongkai.yaml"
    agency.write_text(agency.read_text(encoding="utf-8") + "启用日期: 2026-08-15\n", encoding="utf-8")
    out = tmp_path / "card.xlsx"
    run = gk("report", "scorecard", cat.root, "--year", "2026", "--format", "xlsx", "--out", out)
    assert run.code == 0, run.err
    assert _unit_row(_rows(out, "考核表"), "办公室")[5] == "1"
    assert [row for row in _rows(out, "漏报明细")[1:] if row[0] == "办公室"] == [["办公室", "SHJZ-002 2026年第3季度"]]
