"""Hostile pass 17 on issue 8: the 依申请公开 register (GK7xx) and `gongkai report annual`, as the clerk keeping the
register and the inspector checking the annual report would try them.

Every expected figure is typed by hand: working days from the State Council's 2026 notice (off 1/1–1/3, 2/15–2/23,
4/4–4/6, 5/1–5/5, 6/19–6/21, 9/25–9/27, 10/1–10/7; make-up working days 1/4, 2/14, 2/28, 5/9, 9/20, 10/10), the table
rows from 国办公开办函〔2021〕30号.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from gongkai.reports.render import annual_markdown


def _request(number: str, received: str, applicant: str = "自然人", extra: str = "") -> str:
    return (f"编号: {number}\n收到日期: {received}\n申请渠道: 网上\n申请人类型: {applicant}\n"
            f"申请内容: 申请{number}\n{extra}")


def _answered(outcome: str, replied: str, reason: str = "") -> str:
    return f"办理结果: {outcome}\n答复日期: {replied}\n" + (f"理由: {reason}\n" if reason else "")


def _diagnostics(gk, root: Path, today: str) -> list[dict]:
    data = gk("validate", root, "--format", "json", "--today", today).json()
    return data["diagnostics"] if isinstance(data, dict) else data


def _gk7(gk, root: Path, today: str) -> list[tuple[str, str]]:
    return sorted((d["code"], d["message"]) for d in _diagnostics(gk, root, today) if d["code"].startswith("GK7"))


def _table3(path: Path) -> dict[str, list[object]]:
    sheet = load_workbook(path)["表三 依申请公开"]
    return {str(row[0]).strip("　"): list(row[1:]) for row in sheet.iter_rows(min_row=2, values_only=True)}


def _annual_xlsx(gk, root: Path, year: int, out: Path):
    # written in the January after, as a bureau does (a year not begun by --today is refused)
    return gk("report", "annual", root, "--year", str(year), "-f", "xlsx", "-o", out, "--today", f"{year + 1}-01-20")


# ---------------------------------------------------------------- what the report must not leave out silently

def test_a_register_file_that_cannot_be_read_stops_the_annual_report(gk, cat, tmp_path):
    # Two results written as a list: the file does not load. Before, the report left the request out of every row,
    # still balanced (一 = 0) and exited 0: a published report one request short of the paper register.
    cat.write("requests/2026/YSQ-2026-001.yaml", _request("YSQ-2026-001", "2026-03-02")
              + "办理结果: [予以公开, 不予公开]\n理由: 过程性信息\n答复日期: 2026-03-10\n")
    cat.write("requests/2026/YSQ-2026-002.yaml", _request("YSQ-2026-002", "2026-03-02") + _answered("予以公开", "2026-03-09"))
    cat.write("appeals/FY-2026-001.yaml", "编号: FY-2026-001\n类型: 行政复议\n收到日期: 2026-04-20\n结果: 维持\n")
    # (「类型: 复议」 was the wrong value here until the fortieth session made it a spelling of 行政复议)
    cat.write("appeals/FY-2026-002.yaml", "编号: FY-2026-002\n类型: 信访\n收到日期: 2026-04-20\n")
    run = gk("report", "annual", cat.root, "--year", "2026")
    assert run.code == 1
    assert "requests/2026/YSQ-2026-001.yaml 有错误，读不出来，这件登记没有计入表三" in run.err
    assert "appeals/FY-2026-002.yaml 有错误，读不出来，这件登记没有计入表四" in run.err
    assert "YSQ-2026-002.yaml" not in run.err


def test_several_results_for_one_request_are_told_to_count_as_partly_disclosed(gk, cat):
    cat.write("requests/YSQ-2026-001.yaml", _request("YSQ-2026-001", "2026-03-02")
              + "办理结果: [予以公开, 不予公开]\n答复日期: 2026-03-10\n")
    found = [d for d in _diagnostics(gk, cat.root, "2026-11-27") if d["path"] == "requests/YSQ-2026-001.yaml"]
    assert [(d["code"], d["line"]) for d in found] == [("GK103", 6)]
    assert "「办理结果: 部分公开」" in found[0]["hint"] and "只计这一情形" in found[0]["hint"]


def test_an_answered_request_outside_every_row_is_named(gk, cat):
    cat.write("requests/YSQ-1.yaml", _request("YSQ-1", "2026-03-02") + _answered("已答复", "2026-03-05"))
    cat.write("requests/YSQ-2.yaml", _request("YSQ-2", "2026-03-02") + _answered("不予公开", "2026-03-05"))
    cat.write("requests/YSQ-3.yaml", _request("YSQ-3", "2026-03-02") + "答复日期: 2026-03-05\n")
    cat.write("requests/YSQ-4.yaml", _request("YSQ-4", "2026-03-02") + _answered("予以公开", "2026-03-05"))
    cat.write("requests/YSQ-5.yaml", _request("YSQ-5", "2026-03-02") + "办理结果: 予以公开\n")
    run = gk("report", "annual", cat.root, "--year", "2026")
    assert run.code == 1
    assert "requests/YSQ-1.yaml：办理结果不是表三的类别，没有计入「三、本年度办理结果」" in run.err
    assert "requests/YSQ-2.yaml：不予公开没有写理由，没有计入「三、本年度办理结果」" in run.err
    assert "requests/YSQ-3.yaml：没有写办理结果，没有计入「三、本年度办理结果」" in run.err
    assert "requests/YSQ-5.yaml：写了办理结果，没有写答复日期，按「结转下年度继续办理」统计" in run.err
    assert "YSQ-4.yaml" not in run.err
    # the 2025 report knows nothing of these
    assert "YSQ-1.yaml" not in gk("report", "annual", cat.root, "--year", "2025").err


# ---------------------------------------------------------------- annual/<year>.yaml

def test_annual_data_comes_from_the_file_named_by_the_year(gk, cat, tmp_path):
    # A copy kept as a draft says 年度: 2026 too, and sorts first: before, its figures went into the report.
    cat.write("annual/2026.yaml", "年度: 2026\n行政许可: 12\n")
    cat.write("annual/2026-draft.yaml", "年度: 2026\n行政许可: 99\n")
    run = gk("report", "annual", cat.root, "--year", "2026")
    assert "| 行政许可 | 12 |" in run.out


def test_annual_data_with_an_error_is_named_and_stops_the_report(gk, cat, tmp_path):
    # Before: 「没有 annual/2026.yaml」 (the file is there), 行政许可 0 in the xlsx, exit 0.
    cat.write("annual/2026.yaml", "年度: 2026\n行政许可: 十二\n行政处罚: 3\n")
    out = tmp_path / "a.xlsx"
    run = _annual_xlsx(gk, cat.root, 2026, out)
    assert run.code == 1
    assert "annual/2026.yaml 第2行第7列有错误" in run.err
    assert "没有 annual/2026.yaml" not in run.err


def test_annual_data_of_another_year_in_the_year_file_is_named(gk, cat):
    cat.write("annual/2026.yaml", "年度: 2025\n行政许可: 7\n")
    run = gk("report", "annual", cat.root, "--year", "2026")
    assert run.code == 1
    assert "annual/2026.yaml 第1行第1列「年度」写的是 2025，与文件名不一致（应为 2026）" in run.err
    other = gk("report", "annual", cat.root, "--year", "2025")
    assert "| 行政许可 | 待填写 |" in other.out  # annual/2026.yaml is not the 2025 file (and 7 is not 2025's)
    assert other.code == 0 and "没有 annual/2025.yaml" in other.err


def test_no_annual_data_is_a_note_not_a_failure(gk, cat):
    run = gk("report", "annual", cat.root, "--year", "2026")
    assert run.code == 0
    assert "注意：没有 annual/2026.yaml" in run.err


@pytest.mark.parametrize(("fees", "shown"), [
    ("0.004", "0.004"),  # 40 元: not 0
    ("0.015", "0.015"),  # 150 元: not 0.01
    ("12.34565", "12.3457"),  # to the 元, half up
    ("1.5", "1.5"),
    ("0", "0"),
])
def test_fees_are_shown_to_the_yuan(gk, cat, fees, shown):
    cat.write("annual/2026.yaml", f"年度: 2026\n行政事业性收费: {fees}\n")
    assert f"| 行政事业性收费 | {shown} |" in gk("report", "annual", cat.root, "--year", "2026").out


# ---------------------------------------------------------------- table 三 by hand

OTHER_ROWS = [
    # 补正 asked for on 3-04 and never made: the request is closed as (六)1
    ("YSQ-C", _request("YSQ-C", "2026-03-02", extra="补正:\n  通知日期: 2026-03-04\n")
     + _answered("其他处理", "2026-04-10", "逾期不补正")),
    # a 信息处理费 notice not paid: (六)2
    ("YSQ-F", _request("YSQ-F", "2026-03-02", "商业企业") + _answered("其他处理", "2026-03-27", "逾期未缴费")),
    # withdrawn by the applicant: (六)3, written as 撤回 or as 其他处理 without a 理由
    ("YSQ-W", _request("YSQ-W", "2026-05-06") + _answered("撤回", "2026-05-08")),
    ("YSQ-X", _request("YSQ-X", "2026-05-06", "法律服务机构") + _answered("其他处理", "2026-05-08")),
]


def test_other_handling_has_the_three_rows_of_the_2021_format(gk, cat, tmp_path):
    for number, text in OTHER_ROWS:
        cat.write(f"requests/2026/{number}.yaml", text)
    assert _gk7(gk, cat.root, "2026-11-27") == []  # each of these is a valid entry
    out = tmp_path / "a.xlsx"
    assert _annual_xlsx(gk, cat.root, 2026, out).code == 0
    three = _table3(out)
    #                                                                    自然人 商业 科研 公益 法律 其他 总计
    assert three["（六）其他处理"] == [2, 1, 0, 0, 1, 0, 4]
    assert three["1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"] == [1, 0, 0, 0, 0, 0, 1]
    assert three["2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"] == [0, 1, 0, 0, 0, 0, 1]
    assert three["3. 其他"] == [1, 0, 0, 0, 1, 0, 2]
    assert three["（七）总计"] == [2, 1, 0, 0, 1, 0, 4]
    assert three["一、本年新收政府信息公开申请数量"] == [2, 1, 0, 0, 1, 0, 4]


def test_other_handling_with_an_unknown_reason_is_gk705(gk, cat):
    cat.write("requests/YSQ-1.yaml", _request("YSQ-1", "2026-03-02") + _answered("其他处理", "2026-03-05", "看心情"))
    assert [c for c, _ in _gk7(gk, cat.root, "2026-11-27")] == ["GK705"]
    hint = next(d["hint"] for d in _diagnostics(gk, cat.root, "2026-11-27") if d["code"] == "GK705")
    assert hint == ("写「理由: ……」，可选：申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请；"
                    "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请；其他。")


# A register across three years. Received / answered, applicant type, result:
#   A 2025-12-30 / 2026-01-05  自然人        予以公开            → 2025: 一, 四; 2026: 二, (一)
#   B 2026-12-31 / 2027-01-04  商业企业      不予公开 国家秘密   → 2026: 一, 四; 2027: 二, (三)1
#   C 2026-01-01 / 2026-01-20  科研机构      部分公开 (received on 元旦, 网上)
#   D 2026-12-31 / 2026-12-31  社会公益组织  无法提供 不掌握     (当场答复 on the last day)
#   E 2025-12-31 / 2026-01-01  自然人        不予处理 重复申请   → 2026: 二
#   F 2026-06-01 / —           其他          (still open: 2026 四, 2027 二 and 四)
#   G 2025-03-02 / 2025-03-09  自然人        予以公开            → 2025 only
REGISTER = {
    "A": ("2025-12-30", "自然人", _answered("予以公开", "2026-01-05")),
    "B": ("2026-12-31", "商业企业", _answered("不予公开", "2027-01-04", "属于国家秘密")),
    "C": ("2026-01-01", "科研机构", _answered("部分公开", "2026-01-20")),
    "D": ("2026-12-31", "社会公益组织", _answered("无法提供", "2026-12-31", "本机关不掌握")),
    "E": ("2025-12-31", "自然人", _answered("不予处理", "2026-01-01", "重复申请")),
    "F": ("2026-06-01", "其他", ""),
    "G": ("2025-03-02", "自然人", _answered("予以公开", "2025-03-09")),
}

EXPECTED = {
    2025: {
        "一、本年新收政府信息公开申请数量": [3, 0, 0, 0, 0, 0, 3],
        "二、上年结转政府信息公开申请数量": [0, 0, 0, 0, 0, 0, 0],
        "（一）予以公开": [1, 0, 0, 0, 0, 0, 1],
        "（七）总计": [1, 0, 0, 0, 0, 0, 1],
        "四、结转下年度继续办理": [2, 0, 0, 0, 0, 0, 2],
    },
    2026: {
        "一、本年新收政府信息公开申请数量": [0, 1, 1, 1, 0, 1, 4],
        "二、上年结转政府信息公开申请数量": [2, 0, 0, 0, 0, 0, 2],
        "（一）予以公开": [1, 0, 0, 0, 0, 0, 1],
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [0, 0, 1, 0, 0, 0, 1],
        "（三）不予公开": [0, 0, 0, 0, 0, 0, 0],
        "1. 本机关不掌握相关政府信息": [0, 0, 0, 1, 0, 0, 1],
        "2. 重复申请": [1, 0, 0, 0, 0, 0, 1],
        "（七）总计": [2, 0, 1, 1, 0, 0, 4],
        "四、结转下年度继续办理": [0, 1, 0, 0, 0, 1, 2],
    },
    2027: {
        "一、本年新收政府信息公开申请数量": [0, 0, 0, 0, 0, 0, 0],
        "二、上年结转政府信息公开申请数量": [0, 1, 0, 0, 0, 1, 2],
        "1. 属于国家秘密": [0, 1, 0, 0, 0, 0, 1],
        "（三）不予公开": [0, 1, 0, 0, 0, 0, 1],
        "（七）总计": [0, 1, 0, 0, 0, 0, 1],
        "四、结转下年度继续办理": [0, 0, 0, 0, 0, 1, 1],
    },
}


@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_table_three_across_the_new_year(gk, cat, tmp_path, year):
    for letter, (received, applicant, answer) in REGISTER.items():
        cat.write(f"requests/YSQ-{letter}.yaml", _request(f"YSQ-{letter}", received, applicant, answer))
    out = tmp_path / f"{year}.xlsx"
    run = _annual_xlsx(gk, cat.root, year, out)
    assert run.code == 0, run.err
    three = _table3(out)
    for label, counts in EXPECTED[year].items():
        assert three[label] == counts, label


# ---------------------------------------------------------------- the register's deadlines on their edge days

def _write(cat, extra: str, received: str = "2026-09-21") -> None:
    cat.write("requests/YSQ-A.yaml", _request("YSQ-A", received) + extra)


CONSULTED = "征求第三方意见:\n  开始: 2026-09-28\n  结束: 2026-10-12\n"


@pytest.mark.parametrize(("approved", "late"), [("2026-11-04", False), ("2026-11-05", True)])
def test_an_extension_may_be_approved_within_20_days_plus_the_days_consulted(gk, cat, approved, late):
    # Received 9-21 (Mon); 20 working days end 10-26. Consulting 9-28 … 10-12 takes 7 working days (9-28, 9-29, 9-30,
    # 10-8, 10-9, 10-10 调休, 10-12), which 第三十三条第三款 leaves out of that period too: it ends 10-27, 28, 29, 30,
    # 11-2, 3, 4. Before, an extension approved on 10-27 was called late against 「原答复期限 2026-10-26」.
    _write(cat, CONSULTED + f"延期:\n  批准人: 李四\n  批准日期: {approved}\n  延长工作日: 10\n")
    found = [m for c, m in _gk7(gk, cat.root, "2026-11-05") if c == "GK708"]
    assert found == (["延期批准日期 2026-11-05 晚于原答复期限 2026-11-04"] if late else [])


def test_an_extension_approved_on_day_21_without_consultation_is_late(gk, cat):
    _write(cat, "延期:\n  批准人: 李四\n  批准日期: 2026-10-27\n  延长工作日: 10\n")
    # (round 25: an extension approved too late extends nothing — unanswered after 10-26 is 逾期 too)
    assert [c for c, _ in _gk7(gk, cat.root, "2026-10-28")] == ["GK701", "GK708"]


def test_an_extension_while_the_applicant_has_not_corrected_is_not_judged(gk, cat):
    _write(cat, "补正:\n  通知日期: 2026-09-22\n延期:\n  批准人: 李四\n  批准日期: 2026-11-20\n  延长工作日: 10\n")
    assert _gk7(gk, cat.root, "2026-11-27") == []


@pytest.mark.parametrize(("today", "expected"), [
    ("2026-10-23", [("GK702", "申请 YSQ-A 应于 2026-10-23 前答复，今天到期")]),
    # Saturday after a Friday deadline: overdue, though no working day has passed yet (before: 「已逾期0个工作日」)
    ("2026-10-24", [("GK701", "申请 YSQ-A 应于 2026-10-23 前答复，期限已过1天（逾期的工作日从下一个工作日算起）")]),
    ("2026-10-25", [("GK701", "申请 YSQ-A 应于 2026-10-23 前答复，期限已过2天（逾期的工作日从下一个工作日算起）")]),
    ("2026-10-26", [("GK701", "申请 YSQ-A 应于 2026-10-23 前答复，已逾期1个工作日")]),
])
def test_overdue_over_a_weekend(gk, cat, today, expected):
    # Received on 9-20, a make-up working Sunday: day 1 is 9-21, day 20 is 10-23 (Fri).
    _write(cat, "", received="2026-09-20")
    assert _gk7(gk, cat.root, today) == expected


@pytest.mark.parametrize(("notified", "corrected", "approved", "replied", "codes"), [
    ("2026-10-12", "2026-10-12", "2026-11-09", "2026-12-07", []),
    ("2026-10-13", "2026-10-13", "2026-11-10", "2026-12-08", ["GK709"]),
    ("2026-10-12", "2026-10-12", "2026-11-10", "2026-12-07", ["GK703", "GK708"]),  # (round 25: a late extension is void)
    ("2026-10-12", "2026-10-12", "2026-11-09", "2026-12-08", ["GK703"]),
])
def test_correction_extension_and_reply_on_their_last_days(gk, cat, notified, corrected, approved, replied, codes):
    # Received 9-24 (Thu), before 中秋 and 国庆: 7 working days for the 补正 notice are 9-28, 9-29, 9-30, 10-8, 10-9,
    # 10-10 (调休), 10-12. Corrected 10-12: day 20 is 11-09, and 20 more end on 12-07; corrected 10-13, a day later.
    _write(cat, f"补正:\n  通知日期: {notified}\n  补正日期: {corrected}\n"
                f"延期:\n  批准人: 李四\n  批准日期: {approved}\n  延长工作日: 20\n" + _answered("予以公开", replied),
           received="2026-09-24")
    found = sorted(c for c, _ in _gk7(gk, cat.root, "2026-12-31"))
    assert found == codes


# ---------------------------------------------------------------- nothing private in what is published

def test_the_annual_report_carries_nothing_of_the_requesters(gk, cat, tmp_path):
    cat.write("requests/YSQ-1.yaml", _request("YSQ-1", "2026-03-02").replace("申请内容: 申请YSQ-1", "申请人: 欧阳明远\n"
              "申请内容: 本人（身份证11010519491231002X，电话13812345678）的低保审批材料") + _answered("予以公开", "2026-03-05"))
    cat.write("appeals/FY-1.yaml", "编号: FY-1\n类型: 行政复议\n收到日期: 2026-04-20\n案由: 欧阳明远不服答复\n"
              "关联申请: YSQ-1\n备注: 联系电话13812345678\n")
    cat.write("annual/2026.yaml", "年度: 2026\n总体情况: 全年收到申请1件。\n")
    written = []
    for form, name in (("markdown", "a.md"), ("html", "a.html"), ("xlsx", "a.xlsx")):
        out = tmp_path / name
        assert gk("report", "annual", cat.root, "--year", "2026", "-f", form, "-o", out).code == 0
        written.append(out)
    import zipfile

    texts = [p.read_text(encoding="utf-8") for p in written[:2]]
    with zipfile.ZipFile(written[2]) as book:
        texts += [book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml")]
    for text in texts:
        for secret in ("欧阳明远", "11010519491231002X", "13812345678", "低保审批材料", "YSQ-1", "FY-1"):
            assert secret not in text


def test_markdown_of_the_report_is_rendered_by_the_one_renderer(cat):
    from gongkai.catalog import load_catalog
    from gongkai.reports.annual import build_annual

    cat.write("requests/YSQ-W.yaml", _request("YSQ-W", "2026-05-06") + _answered("申请人撤回", "2026-05-08"))
    text = annual_markdown(build_annual(load_catalog(cat.root, use_cache=False), 2026))
    assert "| 　　3. 其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |" in text


# ---------------------------------------------------------------- table 二: the bureau's own 规范性文件 only

def _normative(number: int, author: str | None, extra: str = "") -> str:
    from conftest import RECORD

    text = RECORD.replace("R2026-001", f"R2026-{number:03d}").replace("00001", f"{number:05d}") \
        .replace("测民〔2026〕1号", f"测民〔2026〕{number}号").replace("文种: 公示", "文种: 规范性文件")
    return text + (f"责任者: {author}\n" if author else "") + extra


def test_table_two_counts_only_the_bureaus_own_normative_documents(gk, cat):
    # Own: no 责任者 (the bureau by default), the bureau by name, a joint one naming it; the province's own
    # 规范性文件, kept in the catalog to be forwarded, is the province's: before, it counted as issued here.
    for number, author in ((2, None), (3, "测试县民政局"), (4, "测试县民政局、测试县财政局"), (5, "福建省民政厅")):
        cat.record(_normative(number, author), f"records/2026/R2026-{number:03d}.yaml")
    cat.record(_normative(6, "福建省民政厅", "有效性: 废止\n有效性日期: 2026-06-30\n"), "records/2026/R2026-006.yaml")
    run = gk("report", "annual", cat.root, "--year", "2026")
    assert "| 行政规范性文件 | 3 | 0 | 3 |" in run.out


# ---------------------------------------------------------------- dates after the reply (GK707)

@pytest.mark.parametrize(("extra", "message"), [
    ("补正:\n  通知日期: 2026-03-04\n  补正日期: 2026-03-12\n", "补正日期 2026-03-12 晚于答复日期 2026-03-11"),
    ("征求第三方意见:\n  开始: 2026-03-04\n  结束: 2026-03-12\n", "征求第三方意见的结束日期 2026-03-12 晚于答复日期 2026-03-11"),
    ("延期:\n  批准人: 李四\n  批准日期: 2026-03-12\n  延长工作日: 5\n", "延期批准日期 2026-03-12 晚于答复日期 2026-03-11"),
])
def test_a_step_dated_after_the_reply_is_gk707(gk, cat, extra, message):
    cat.write("requests/YSQ-1.yaml", _request("YSQ-1", "2026-03-02", extra=extra) + _answered("予以公开", "2026-03-11"))
    assert _gk7(gk, cat.root, "2026-11-27") == [("GK707", message)]
    same_day = extra.replace("2026-03-12", "2026-03-11")
    cat.write("requests/YSQ-1.yaml", _request("YSQ-1", "2026-03-02", extra=same_day) + _answered("予以公开", "2026-03-11"))
    assert _gk7(gk, cat.root, "2026-11-27") == []


# ---------------------------------------------------------------- table 四 by hand

APPEALS = {
    # received, kind, route, result, closed
    "FY-1": ("2026-03-02", "行政复议", None, "维持", "2026-12-31"),  # closed on the last day: 维持
    "FY-2": ("2026-11-02", "行政复议", None, "纠正", "2027-01-04"),  # closed next year: 尚未审结 at year end
    "FY-3": ("2025-12-30", "行政复议", None, "其他", "2026-02-01"),  # last year's case: not in 2026
    "SS-1": ("2026-01-01", "行政诉讼", "未经复议直接起诉", "纠正", "2026-09-30"),
    "SS-2": ("2026-12-31", "行政诉讼", "复议后起诉", "尚未审结", None),
}


def test_table_four_at_the_year_end(gk, cat, tmp_path):
    for number, (received, kind, route, result, closed) in APPEALS.items():
        cat.write(f"appeals/{number}.yaml", f"编号: {number}\n类型: {kind}\n收到日期: {received}\n结果: {result}\n"
                  + (f"起诉方式: {route}\n" if route else "") + (f"结案日期: {closed}\n" if closed else ""))
    out = tmp_path / "a.xlsx"
    assert _annual_xlsx(gk, cat.root, 2026, out).code == 0
    four = {row[0]: list(row[1:]) for row in load_workbook(out)["表四 复议诉讼"].iter_rows(min_row=2, values_only=True)}
    #                            维持 纠正 其他 尚未审结 总计
    assert four["行政复议"] == [1, 0, 0, 1, 2]
    assert four["未经复议直接起诉"] == [0, 1, 0, 0, 1]
    assert four["复议后起诉"] == [0, 0, 0, 1, 1]


def test_a_lawsuit_without_its_route_is_named_by_the_report(gk, cat):
    cat.write("appeals/SS-9.yaml", "编号: SS-9\n类型: 行政诉讼\n收到日期: 2026-05-06\n")
    run = gk("report", "annual", cat.root, "--year", "2026")
    assert run.code == 1
    assert "appeals/SS-9.yaml：行政诉讼没有写起诉方式，表四暂按「未经复议直接起诉」统计" in run.err
    assert gk("report", "annual", cat.root, "--year", "2025").code == 0


# ---------------------------------------------------------------- --out never overwrites the catalog

@pytest.mark.parametrize("command", [
    ("report", "annual", "{root}", "--year", "2026", "-f", "xlsx"),
    ("report", "annual", "{root}", "--year", "2026"),
    ("report", "scorecard", "{root}", "-f", "xlsx"),
    ("report", "scorecard", "{root}", "-f", "html"),
    ("export", "xlsx", "-C", "{root}"),
    ("export", "csv", "-C", "{root}"),
    ("inspect", "{root}", "-f", "html"),
])
@pytest.mark.parametrize("target", ["gongkai.yaml", "requests/2026/YSQ-2026-001.yaml", "annual/2026.yaml",
                                    "requests/2026/YSQ-2026-009.yaml"])
def test_out_into_the_catalogs_own_files_is_refused(gk, cat, command, target):
    # Before: `report annual -f xlsx -o catalog/requests/…/YSQ-2026-001.yaml` replaced the register entry with a
    # workbook (and a new name under requests/ became a register file that does not load).
    cat.write("requests/2026/YSQ-2026-001.yaml", _request("YSQ-2026-001", "2026-03-02") + _answered("予以公开", "2026-03-09"))
    cat.write("annual/2026.yaml", "年度: 2026\n行政许可: 12\n")
    def files() -> dict[Path, bytes]:  # the catalog's own files, not gongkai's cache beside them
        return {p: p.read_bytes() for p in cat.root.rglob("*") if p.is_file() and ".gongkai-cache" not in p.parts}

    before = files()
    args = [a.format(root=cat.root) for a in command]
    run = gk(*args, "-o", cat.root / target)
    assert run.code == 2
    assert f"是目录自己的文件（{target}）" in run.err and "请写到目录文件夹以外" in run.err
    assert files() == before


def test_out_naming_a_folder_says_so(gk, cat, tmp_path):
    run = gk("report", "annual", cat.root, "--year", "2026", "-f", "xlsx", "-o", tmp_path)
    assert run.code == 2
    assert f"--out「{tmp_path}」是一个文件夹：请写上文件名，如 --out {tmp_path / 'annual-2026.xlsx'}" in run.err


def test_two_results_in_one_line_are_told_to_count_as_partly_disclosed(gk, cat):
    cat.write("requests/YSQ-1.yaml", _request("YSQ-1", "2026-03-02") + _answered("予以公开、不予公开", "2026-03-05"))
    found = [d for d in _diagnostics(gk, cat.root, "2026-11-27") if d["code"] == "GK704"]
    assert len(found) == 1 and "「办理结果: 部分公开」" in found[0]["hint"]
    cat.write("requests/YSQ-1.yaml", _request("YSQ-1", "2026-03-02") + _answered("已答复", "2026-03-05"))
    found = [d for d in _diagnostics(gk, cat.root, "2026-11-27") if d["code"] == "GK704"]
    assert found[0]["hint"] == "改为以下之一：予以公开、部分公开、不予公开、无法提供、不予处理、其他处理。"


def test_one_request_registered_twice_is_named(gk, cat):
    # A copy left in last year's folder after moving the file: GK710 in validate, and before, two requests in table 三.
    text = _request("YSQ-2026-001", "2026-03-02") + _answered("予以公开", "2026-03-09")
    cat.write("requests/2026/YSQ-2026-001.yaml", text)
    cat.write("requests/2025/YSQ-2026-001.yaml", text)
    cat.write("appeals/FY-1.yaml", "编号: FY-1\n类型: 行政复议\n收到日期: 2026-04-20\n")
    cat.write("appeals/FY-2.yaml", "编号: FY-1\n类型: 行政复议\n收到日期: 2026-04-20\n")
    run = gk("report", "annual", cat.root, "--year", "2026")
    assert run.code == 1
    assert ("编号 YSQ-2026-001 登记了 2 次（requests/2025/YSQ-2026-001.yaml、requests/2026/YSQ-2026-001.yaml），"
            "表中按 2 件统计") in run.err
    assert "编号 FY-1 登记了 2 次（appeals/FY-1.yaml、appeals/FY-2.yaml）" in run.err


def test_fees_in_the_workbook_are_the_figure_of_the_report(gk, cat, tmp_path):
    cat.write("annual/2026.yaml", "年度: 2026\n行政事业性收费: 12.34565\n")
    out = tmp_path / "a.xlsx"
    assert _annual_xlsx(gk, cat.root, 2026, out).code == 0
    rows = [[c for c in r if c is not None] for r in load_workbook(out)["表二 主动公开"].iter_rows(values_only=True)]
    assert ["行政事业性收费", 12.3457] in rows


@pytest.mark.parametrize(("received", "due", "next_day"), [
    # 2-14 (Sat, 调休) is day 1, 2-15 … 2-23 off, 2-28 (Sat, 调休) is day 6: day 20 is 3-19
    ("2026-02-13", "2026-03-19", "2026-03-20"),
    # 5-1 … 5-5 off, 5-9 (Sat, 调休) is day 4: day 20 is 6-01 (Mon); the day after the weekend 5-30/31 counts
    ("2026-04-30", "2026-06-01", "2026-06-02"),
])
def test_the_20_working_days_over_spring_festival_and_may_day(gk, cat, received, due, next_day):
    _write(cat, "", received=received)
    assert [c for c, _ in _gk7(gk, cat.root, due)] == ["GK702"]
    assert [m for _, m in _gk7(gk, cat.root, due)] == [f"申请 YSQ-A 应于 {due} 前答复，今天到期"]
    assert [c for c, _ in _gk7(gk, cat.root, next_day)] == ["GK701"]


@pytest.mark.parametrize(("today", "noted"), [("2026-12-31", True), ("2027-01-01", False)])
def test_a_report_of_a_year_not_over_says_so(gk, cat, today, noted):
    run = gk("report", "annual", cat.root, "--year", "2026", "--today", today)
    assert run.code == 0
    assert ("注意：2026年还没有过完：表中的数字截至 2026-12-31，不是全年的" in run.err) is noted
