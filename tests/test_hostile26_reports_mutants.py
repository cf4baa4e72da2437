"""Twenty-sixth hostile pass: planted bugs in the figures an inspector reads — the 年度报告's tables (国办公开办函〔2021〕30号:
表三 依申请 received, carried and answered by outcome and applicant type; 表四 复议/诉讼), the periods a periodic item is owed
in, the 考核表 (`report scorecard`) and the inspection sheet (`inspect`: the 年报 deadline, the year of the 报表
figures, the score and the verdict, the spans its clocks measure).

tools/mutation.py had no group for these modules; it now has one, "reports" (reports/annual.py, periods.py,
published.py, scorecard.py; inspect/yearly.py, sheet.py, clock.py). Every expected figure below is counted by hand
from the small register or catalog written next to it (the comment says how), never computed by the code under test.

Found by this pass:
1. An item published once a year whose 公开时限 names its month in Chinese numerals (「每年三月底前」), a quarter
   (「每年第一季度」「每年一季度内」) or a half (「每年上半年」) was judged as monthly, quarterly or half-yearly, since
   periods.py only knew 「每年3月」 in Arabic digits: `report scorecard` listed 9 missed months (2026年1月 … 10月) for
   an item published on time, and `inspect` counted its column in 栏目不更新 (overdue-columns, a 单项否决 item:
   「2026年10月没有公开信息」). Every text starting with 每年/按年 is now one period a year, ending with the month,
   quarter or half it names (「2026年（3月底前）」), or on 31 December when it names none (「每年13月」 too).
2. `report annual --help` said 「--year 统计年度，默认为 --today 所在年度」 (the scorecard's default), while the report
   made without --year is the year before's: a clerk who ran it in December for the year's figures got last year's.
   It now says 「报告年度，默认为 --today 的上一年度」.
3. (Tool) tools/mutation.py's cold-cache fixture called `cache_clear` on a class that defines it as a method
   (gongkai.bounded.Bounded): every group's run stopped at mutmut's stats run with a TypeError before trying any
   mutant. Only caches of objects (functools caches, instances) are emptied now.
4. (Mutants) `compare_with` (the published table 三 against the register, run by inspect's report-tables) was reached
   by no test that had a difference in a sub-reason row, a 部分公开 row, （七） or a condensed table's 总计: 21 of its
   36 mutants survived, as did the condensed table's 法人或其他组织 (`_by_column`), a previous report without row 四,
   table 四 typed one row per group (`_group`), a registered report off the web (`_missing_report`) and handover
   counted from 启用日期 (a record due on that day, records not due, withdrawn or due before it read first). Each now
   has a test with figures counted by hand below; no figure was wrong in the code.

Planted by hand (each reverted; the test that caught it): a request answered on 1 January counted in no year
(handled `start < replied`) — test_table_three…, test_a_register…balances; 部分公开 counted in the 予以公开 row —
test_table_three…; a 不予公开 record counted as published on the scorecard — test_scorecard_figures…; （七）总计
missing the （六）其他处理 row — test_table_three…, …balances; 按时公开率 with `<` for `<=` — test_scorecard_figures…;
the pass mark with `>` for `>=` — test_a_report_published_on_1_february…; calendar days counted as working days and a
period ending today counted as missed — test_scorecard_figures…, test_missed_periods…[2026-2026-09-30]; a table 四
cell set instead of added — test_table_four…; numbered rows indented three deep — test_table_three…; periods.py
reverted — test_missed_periods…, test_inspect_judges_a_once_a_year_column…; cli/report.py reverted —
test_the_help_of_report_annual….
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import AGENCY, ITEM, RECORD, CatalogDir

# ---------------------------------------------------------------------------------------------------------- 表三 and 表四


def _request(number: str, received: str, applicant: str, answer: str = "") -> str:
    return (f"编号: {number}\n收到日期: {received}\n申请渠道: 网上\n申请人类型: {applicant}\n"
            f"申请内容: 城乡低保标准\n{answer}")


def _answer(outcome: str, replied: str, reason: str = "") -> str:
    return f"办理结果: {outcome}\n答复日期: {replied}\n" + (f"理由: {reason}\n" if reason else "")


# The register of 2025, each request at an edge of the year; what it adds to 2025's table 三 by hand.
REGISTER = {
    # received on the last day of 2024, answered on the first of 2025: 二 and （一）, 商业企业
    "YSQ-2024-901": ("2024-12-31", "商业企业", _answer("予以公开", "2025-01-01")),
    # received and answered in 2024: nowhere in 2025
    "YSQ-2024-902": ("2024-12-30", "自然人", _answer("予以公开", "2024-12-31")),
    # received in 2024, never answered: 二 and 四, 科研机构
    "YSQ-2024-903": ("2024-06-03", "科研机构", ""),
    # received on 2025-01-01 and answered on 2025-12-31: 一 and （二）, 自然人
    "YSQ-2025-001": ("2025-01-01", "自然人", _answer("部分公开", "2025-12-31")),
    # received on 2025-12-31, not answered: 一 and 四, 社会公益组织
    "YSQ-2025-002": ("2025-12-31", "社会公益组织", ""),
    # received in 2025, answered in 2026: 一 and 四, 法律服务机构
    "YSQ-2025-003": ("2025-12-19", "法律服务机构", _answer("予以公开", "2026-01-05")),
    # 一 and （三）4. 保护第三方合法权益, 其他
    "YSQ-2025-004": ("2025-03-03", "其他", _answer("不予公开", "2025-03-10", "个人隐私")),
    # 一 and （三）6. 属于四类过程性信息, 自然人
    "YSQ-2025-005": ("2025-03-03", "自然人", _answer("不予公开", "2025-03-10", "过程性信息")),
    # 一 and （四）1. 本机关不掌握相关政府信息, 商业企业
    "YSQ-2025-006": ("2025-04-01", "商业企业", _answer("无法提供", "2025-04-03", "本机关不掌握")),
    # 一 and （五）2. 重复申请, 科研机构
    "YSQ-2025-007": ("2025-04-01", "科研机构", _answer("不予处理", "2025-04-03", "重复申请")),
    # 一 and （六）3. 其他 (no reason written), 自然人
    "YSQ-2025-008": ("2025-05-06", "自然人", _answer("其他处理", "2025-05-08")),
    # received in 2026: nowhere in 2025
    "YSQ-2026-001": ("2026-01-05", "自然人", ""),
}
#                自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计
TABLE3_2025 = {
    # new in 2025: 自然人 001 005 008, 商业 006, 科研 007, 公益 002, 法律 003, 其他 004
    "一、本年新收政府信息公开申请数量": [3, 1, 1, 1, 1, 1, 8],
    # received before 2025-01-01, open on that day: 2024-901 (商业), 2024-903 (科研)
    "二、上年结转政府信息公开申请数量": [0, 1, 1, 0, 0, 0, 2],
    "（一）予以公开": [0, 1, 0, 0, 0, 0, 1],  # 2024-901
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [1, 0, 0, 0, 0, 0, 1],  # 2025-001
    "（三）不予公开": [1, 0, 0, 0, 0, 1, 2],  # 2025-005, 2025-004
    "1. 属于国家秘密": [0, 0, 0, 0, 0, 0, 0],
    "4. 保护第三方合法权益": [0, 0, 0, 0, 0, 1, 1],
    "6. 属于四类过程性信息": [1, 0, 0, 0, 0, 0, 1],
    "（四）无法提供": [0, 1, 0, 0, 0, 0, 1],  # 2025-006
    "1. 本机关不掌握相关政府信息": [0, 1, 0, 0, 0, 0, 1],
    "（五）不予处理": [0, 0, 1, 0, 0, 0, 1],  # 2025-007
    "2. 重复申请": [0, 0, 1, 0, 0, 0, 1],
    "（六）其他处理": [1, 0, 0, 0, 0, 0, 1],  # 2025-008
    "3. 其他": [1, 0, 0, 0, 0, 0, 1],
    # answered in 2025: 自然人 001 005 008, 商业 901 006, 科研 007, 其他 004
    "（七）总计": [3, 2, 1, 0, 0, 1, 7],
    # open on 2025-12-31: 2024-903 (科研), 2025-002 (公益), 2025-003 (法律; answered 2026-01-05)
    "四、结转下年度继续办理": [0, 0, 1, 1, 1, 0, 3],
}
# Check by hand: 一 + 二 = [3, 2, 2, 1, 1, 1, 10] = （七） + 四.

APPEALS = {
    # 行政复议 decided on the last day: 维持
    "FY-2025-001": "类型: 行政复议\n收到日期: 2025-02-03\n结果: 维持\n结案日期: 2025-12-31\n",
    # another 行政复议 维持, decided in June: two in one cell
    "FY-2025-003": "类型: 行政复议\n收到日期: 2025-03-02\n结果: 维持\n结案日期: 2025-06-01\n",
    # 行政复议 received on the last day, open: 尚未审结
    "FY-2025-002": "类型: 行政复议\n收到日期: 2025-12-31\n结果: 尚未审结\n",
    # 复议后起诉, decided in 2026: 尚未审结 on 2025-12-31
    "SS-2025-001": "类型: 行政诉讼\n起诉方式: 复议后起诉\n收到日期: 2025-05-06\n结果: 纠正\n结案日期: 2026-01-09\n",
    # 未经复议直接起诉, decided in 2025: 其他
    "SS-2025-002": "类型: 行政诉讼\n起诉方式: 未经复议直接起诉\n收到日期: 2025-06-02\n结果: 其他\n结案日期: 2025-07-01\n",
    # received on the last day of 2024: not 2025's
    "SS-2024-001": "类型: 行政诉讼\n起诉方式: 未经复议直接起诉\n收到日期: 2024-12-31\n结果: 纠正\n结案日期: 2025-03-02\n",
}
#        行政复议: 维持 纠正 其他 尚未审结 总计 | 未经复议直接起诉: … | 复议后起诉: …
TABLE4_2025 = [2, 0, 0, 1, 3, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1]


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> CatalogDir:
    cat = CatalogDir(tmp_path_factory.mktemp("h26") / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.record(RECORD)
    for number, (received, applicant, answer) in REGISTER.items():
        cat.write(f"requests/{number[4:8]}/{number}.yaml", _request(number, received, applicant, answer))
    for number, text in APPEALS.items():
        cat.write(f"appeals/{number[3:7]}/{number}.yaml", f"编号: {number}\n{text}关联申请: YSQ-2025-004\n案由: 不服答复\n")
    return cat


def _table3(markdown: str) -> dict[str, list[int]]:
    rows = {}
    for line in markdown.splitlines():
        cells = [c.strip(" 　") for c in line.strip().strip("|").split("|")]
        if len(cells) == 8 and all(c.isdigit() for c in cells[1:]):
            rows[cells[0]] = [int(c) for c in cells[1:]]
    return rows


def test_table_three_of_a_register_on_the_edges_of_the_year(gk, register):
    run = gk("report", "annual", register.root, "--year", "2025", "--today", "2026-01-20")
    assert run.code == 0, run.out + run.err
    rows = _table3(run.out)
    for label, figures in TABLE3_2025.items():
        assert rows[label] == figures, label
    # as printed: 三 a heading without figures, categories indented once, their numbered rows twice
    for line in ("| 三、本年度办理结果 |  |  |  |  |  |  |  |", "| 　（三）不予公开 | 1 | 0 | 0 | 0 | 0 | 1 | 2 |",
                 "| 　　6. 属于四类过程性信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"):
        assert line in run.out.splitlines()


def test_table_four_of_a_register_on_the_edges_of_the_year(gk, register):
    run = gk("report", "annual", register.root, "--year", "2025", "--today", "2026-01-20")
    line = next(line for line in run.out.splitlines() if re.fullmatch(r"\|( \d+ \|){15}", line))
    assert [int(c) for c in line.strip("|").split("|")] == TABLE4_2025


def test_a_register_of_the_year_balances_and_says_nothing_is_wrong(gk, register):
    # the same register on the edges: 一+二 = （七）+四 in every column, so no problem is listed and the exit code is 0
    run = gk("report", "annual", register.root, "--year", "2025", "--today", "2026-01-20")
    assert run.code == 0
    assert "不平衡" not in run.out + run.err
    # 2025 is over on 2026-01-20: the only note is the missing annual/2025.yaml
    assert run.err.splitlines() == ["注意：没有 annual/2025.yaml：总体情况等文字和规章、行政许可、处罚、强制、收费的数字空缺，表中写「待填写」："
                                    "建 annual/2025.yaml 填写后再生成"]


def test_a_year_not_over_says_so_on_its_last_day(gk, register):
    # on 2025-12-31 the figures are not yet the whole year's; on 2026-01-01 they are
    run = gk("report", "annual", register.root, "--year", "2025", "--today", "2025-12-31")
    assert "2025年还没有过完：表中的数字截至 2025-12-31" in run.out + run.err


# ------------------------------------------------------------------------------------- periods and the 考核表 (scorecard)


def _item(number: int, deadline: str) -> str:
    return (ITEM.replace("SHJZ-001", f"SHJZ-{number:03d}").replace("二级事项: 审批信息", f"二级事项: 审批信息{number}")
            .replace("制定或获取信息之日起10个工作日内", deadline).replace("低保对象名单及相关信息", "低保标准"))


def _record(number: int, item: int, formed: str, published: str, attribute: str = "主动公开") -> str:
    review = (f"保密审查:\n  审查人: 张三\n  审查日期: {formed}\n  结论: 不涉及国家秘密，同意主动公开\n"
              if attribute == "主动公开" else "不予公开理由: 内部事务信息\n")
    return (f"编号: R2026-{number:03d}\n题名: 测试县民政局第{number}号通知\n文号: 测民〔2026〕{number}号\n"
            f"索引号: 350524-MZ-2026-{number:05d}\n文种: 通知\n责任单位: shjzg\n事项: SHJZ-{item:03d}\n"
            f"公开属性: {attribute}\n{review}成文日期: {formed}\n公开日期: {published}\n页数: 1\n正文: |\n  通知。\n")


# item → 公开时限; the records of each (成文日期 = 公开日期 unless said)
PERIODIC = {2: "每季度", 3: "每半年", 4: "每月", 5: "每年三月底前", 6: "每年第二季度", 7: "每年上半年", 8: "每年",
            9: "按年度", 10: "每年12月底前"}
PUBLISHED = {
    2: ["2026-03-31", "2026-07-01"],  # Q1 on its last day, Q3 on its first: Q2 missed; Q4 not over on 11-27
    3: ["2026-06-30"],  # 上半年 on its last day; 下半年 not over
    4: ["2026-01-31", "2026-02-01", "2026-10-31"],  # 1月, 2月, 10月: 3月–9月 missed; 11月 not over
    5: ["2026-04-01"],  # 每年三月底前: one day late → 2026年（3月底前） missed
    6: ["2026-06-30"],  # 每年第二季度: on the last day of June → on time
    7: ["2026-07-01"],  # 每年上半年: one day late → 2026年（6月底前） missed
    8: ["2025-12-31"],  # 每年: 2026 is not over on 11-27 → nothing missed in 2026; 2025 published
    9: [],  # 按年度: nothing ever; 2026 not over → nothing missed in 2026, 2025 missed
    10: ["2025-12-31"],  # 每年12月底前: 2025 on its last day
}
# scorecard --year 2026 on 2026-11-27, by hand from the comments above
MISSED_2026 = ["SHJZ-002 2026年第2季度", *(f"SHJZ-004 2026年{m}月" for m in range(3, 10)),
               "SHJZ-005 2026年（3月底前）", "SHJZ-007 2026年（6月底前）"]
# scorecard --year 2025 on 2026-11-27: every period of 2025 is over; only 8 and 10 published in 2025
MISSED_2025 = ["SHJZ-002 2025年第1季度", "SHJZ-002 2025年第2季度", "SHJZ-002 2025年第3季度", "SHJZ-002 2025年第4季度",
               "SHJZ-003 2025年上半年", "SHJZ-003 2025年下半年", *(f"SHJZ-004 2025年{m}月" for m in range(1, 13)),
               "SHJZ-005 2025年（3月底前）", "SHJZ-006 2025年（6月底前）", "SHJZ-007 2025年（6月底前）",
               "SHJZ-009 2025年"]

# SHJZ-001 (10个工作日内): 成文 2026-09-01 → due 09-15 (9/2,3,4,7,8,9,10,11,14,15); 成文 2026-09-28 → due 10-16
# (9/29, 9/30, 国庆 10/1–7 off, 10/8, 10/9, 10/10 Saturday worked, 10/12–16)
TIMELY = {41: ("2026-09-01", "2026-09-15"), 42: ("2026-09-01", "2026-09-16"), 43: ("2026-09-28", "2026-10-16"),
          44: ("2026-09-28", "2026-10-17"), 45: ("2025-12-01", "2025-12-31")}  # 45: 2025's, not on 2026's card


def _periodic_catalog(root: Path) -> CatalogDir:
    cat = CatalogDir(root)
    cat.write("gongkai.yaml", AGENCY)
    cat.item(_item(1, "制定或获取信息之日起10个工作日内"))
    for number, deadline in PERIODIC.items():
        cat.item(_item(number, deadline), f"items/shjz/SHJZ-{number:03d}.yaml")
    record = 100
    for item, days in PUBLISHED.items():
        for day in days:
            record += 1
            cat.record(_record(record, item, day, day), f"records/2026/R2026-{record:03d}.yaml")
    for number, (formed, published) in TIMELY.items():
        cat.record(_record(number, 1, formed, published), f"records/2026/R2026-{number:03d}.yaml")
    # SHJZ-011 counts 10 calendar days: R2026-047 formed 09-28 is due 10-08 (a working day), published 10-12: late
    # (in working days it would be 10-16, on time). SHJZ-012's 公开时限 「依法公开」 gives no day: R2026-050 is not checked.
    cat.item(_item(11, "制定或获取信息之日起10日内"), "items/shjz/SHJZ-011.yaml")
    cat.item(_item(12, "依法公开"), "items/shjz/SHJZ-012.yaml")
    cat.record(_record(47, 11, "2026-09-28", "2026-10-12"), "records/2026/R2026-047.yaml")
    cat.record(_record(50, 12, "2026-09-28", "2026-10-12"), "records/2026/R2026-050.yaml")
    # 不予公开, with a 公开日期 typed by mistake: never on the card (and never a publication of SHJZ-002's Q2)
    cat.record(_record(46, 2, "2026-05-06", "2026-05-08", "不予公开"), "records/2026/R2026-046.yaml")
    return cat


@pytest.fixture(scope="module")
def periodic(tmp_path_factory: pytest.TempPathFactory) -> CatalogDir:
    return _periodic_catalog(tmp_path_factory.mktemp("h26p") / "catalog")


def _missed(out: str) -> list[str]:
    return [line.split("社会救助股 ", 1)[1] for line in out.splitlines() if line.startswith("定期事项漏报：社会救助股 ")]


# scorecard --year 2026 on 2026-09-30, the last day of 第3季度 and of 9月: neither is missed yet
MISSED_0930 = ["SHJZ-002 2026年第2季度", *(f"SHJZ-004 2026年{m}月" for m in range(3, 9)), "SHJZ-005 2026年（3月底前）",
               "SHJZ-007 2026年（6月底前）"]


@pytest.mark.parametrize("year, today, expected", [(2026, "2026-11-27", MISSED_2026), (2025, "2026-11-27", MISSED_2025),
                                                   (2026, "2026-09-30", MISSED_0930)])
def test_missed_periods_of_every_kind_of_periodic_item(gk, periodic, year, today, expected):
    run = gk("report", "scorecard", periodic.root, "--year", str(year), "--today", today)
    assert run.code == 0, run.out + run.err
    assert sorted(_missed(run.out)) == sorted(expected)


def _unit_row(gk, cat: CatalogDir, name: str, *args: str) -> list[str]:
    """The unit's row of the scorecard's workbook (the screen table cuts cells to the terminal's width)."""
    from openpyxl import load_workbook

    out = cat.root.parent / f"card-{'-'.join(args)}.xlsx"
    run = gk("report", "scorecard", cat.root, *args, "--format", "xlsx", "--out", out)
    assert run.code == 0, run.err
    row = next(row for row in load_workbook(out)["考核表"].iter_rows(values_only=True) if row[0] == name)
    return [str(cell) for cell in row if cell is not None]


def test_scorecard_figures_of_a_unit_counted_by_hand(gk, periodic):
    run = gk("report", "scorecard", periodic.root, "--year", "2026", "--today", "2026-11-27")
    row = _unit_row(gk, periodic, "社会救助股", "--year", "2026", "--today", "2026-11-27")
    # 负责事项: SHJZ-001…012 → 12. 公开信息 in 2026: 2+1+3+1+1+1 periodic records, R2026-041…044, 047 and 050 → 15 (045
    # is 2025's; 046 is 不予公开). 按时公开率: 041 and 043 on their last day; 042, 044 (a day late) and 047 (calendar
    # days) late; 050 not checkable → 2/5. 漏报: 10 (the list above). 错误 0; 警告 7: GK902 (SHJZ-009 empty), GK402 ×4
    # (042, 044, 045, 047), GK309 (046), GK401 (SHJZ-012); GK903 is no unit's.
    assert row == ["社会救助股", "股室", "12", "15", "40.0%（2/5）", "10", "—", "0", "7"]
    assert _unit_row(gk, periodic, "办公室", "--year", "2026", "--today", "2026-11-27") == [
        "办公室", "股室", "0", "0", "—", "0", "—", "0", "0"]
    assert "另有 0 个错误、1 个警告不属于表中的单位" in run.out


# ------------------------------------------------------------------------------ inspect: the 年报 and the 报表's year

def _report(number: int, year: int, published: str) -> str:
    return (f"编号: R2026-{number:03d}\n题名: 测试县民政局{year}年政府信息公开工作年度报告\n索引号: 350524-MZ-2026-{number:05d}\n"
            f"文种: 年度报告\n责任单位: bgs\n公开属性: 主动公开\n保密审查:\n  审查人: 张三\n  审查日期: {published}\n"
            f"  结论: 不涉及国家秘密，同意主动公开\n成文日期: {published}\n公开日期: {published}\n公开渠道: [政府网站]\n"
            f"页数: 1\n报告年度: {year}\n正文: |\n  {year}年度报告。\n")


def _reports_catalog(root: Path, reports: dict[int, tuple[int, str]]) -> CatalogDir:
    cat = CatalogDir(root)
    cat.write("gongkai.yaml", AGENCY)
    cat.item(_item(1, "制定或获取信息之日起10个工作日内"))
    for number, (year, published) in reports.items():
        cat.record(_report(number, year, published), f"records/2026/R2026-{number:03d}.yaml")
    return cat


@pytest.fixture(scope="module")
def reports_on_time(tmp_path_factory: pytest.TempPathFactory) -> CatalogDir:
    # 2025's report on 2026-01-31, the last day allowed; 2024's dated 2024-12-31, before its year was over
    return _reports_catalog(tmp_path_factory.mktemp("h26r") / "catalog", {1: (2025, "2026-01-31"), 2: (2024, "2024-12-31")})


@pytest.fixture(scope="module")
def report_late(tmp_path_factory: pytest.TempPathFactory) -> CatalogDir:
    # 2025's report on 2026-02-01, a day late; the bureau's inspect.yaml sets the pass mark at 95 = 100 - 5
    cat = _reports_catalog(tmp_path_factory.mktemp("h26l") / "catalog", {1: (2025, "2026-02-01")})
    cat.write("inspect.yaml", "合格分: 95\n")
    # a second report on 2025, later still (2026-02-03), read first (its folder): the deduction names the earlier one
    cat.record(_report(7, 2025, "2026-02-03"), "records/2025/R2026-007.yaml")
    # two reports on 2024 registered to go up on 2026-03-02, read in the order R2026-009, R2026-008 (their folders)
    for number, folder in ((9, "2025"), (8, "2026")):
        cat.record(_report(number, 2024, "2026-03-02"), f"records/{folder}/R2026-{number:03d}.yaml")
    return cat


def _sheet(gk, cat: CatalogDir, today: str) -> dict:
    run = gk("inspect", cat.root, "--today", today, "-f", "json")
    assert run.code in (0, 1), run.err
    return run.json()


def _annual_deduction(sheet: dict) -> dict:
    return next(d for d in sheet["deductions"] if d["key"] == "annual-report")


def test_a_report_published_on_31_january_loses_no_point(gk, reports_on_time):
    sheet = _sheet(gk, reports_on_time, "2026-02-01")
    assert _annual_deduction(sheet)["points"] == 0 and _annual_deduction(sheet)["evidence"] == []
    assert (sheet["verdict"]["score"], sheet["verdict"]["label"]) == (100, "合格")


def test_a_report_published_on_1_february_loses_five_points(gk, report_late):
    sheet = _sheet(gk, report_late, "2026-02-01")
    deduction = _annual_deduction(sheet)
    assert deduction["points"] == 5
    assert [(e["text"], e["id"], e["path"]) for e in deduction["evidence"]] == [(
        "「测试县民政局2025年政府信息公开工作年度报告」2026-02-01 才公开，晚于2026-01-31", "R2026-001", "records/2026/R2026-001.yaml")]
    # 100 - 5 = 95, exactly the pass mark of this bureau's inspect.yaml: 合格
    assert (sheet["verdict"]["score"], sheet["verdict"]["passed"], sheet["verdict"]["label"]) == (95, True, "合格")


def test_on_31_january_the_report_judged_is_the_year_before_last(gk, reports_on_time, report_late):
    # on 2026-01-31 the report on 2025 is not due yet (it may go up that day): the one judged is 2024's
    late = _annual_deduction(_sheet(gk, report_late, "2026-01-31"))
    assert late["points"] == 5
    # two reports on 2024 are registered, off the web today: the first by 编号 is named
    assert [(e["text"], e["id"], e["path"]) for e in late["evidence"]] == [(
        "网站上没有2024年政府信息公开工作年度报告（应于2025-01-31前公开；文种: 年度报告，报告年度: 2024）：「测试县民政局2024年"
        "政府信息公开工作年度报告」已登记（records/2026/R2026-008.yaml），但今天不在网站上——核对它的「公开属性」「公开日期」「撤回」"
        "和公开渠道（要有「政府网站」），或运行 gongkai validate 查看公开把关拦下的原因", "R2026-008", "records/2026/R2026-008.yaml")]
    # 2024's report dated 2024-12-31 cannot be 2024's: its figures run to 31 December
    early = _annual_deduction(_sheet(gk, reports_on_time, "2026-01-31"))
    assert early["points"] == 5
    assert [(e["text"], e["id"], e["path"]) for e in early["evidence"]] == [(
        "「测试县民政局2024年政府信息公开工作年度报告」报告年度 2024，公开日期却是 2024-12-31，在2024年结束之前，不可能是2024年度的"
        "报告：核对 records/2026/R2026-002.yaml 中的「报告年度」和「公开日期」", "R2026-002", "records/2026/R2026-002.yaml")]


@pytest.mark.parametrize("today, year, published, until", [
    # until 31 January the 报表 asked for is last year's (nothing of the catalog was published in 2025)
    ("2026-01-31", 2025, 0, ""),
    # from 1 February, this year's so far: the report of 2025 published 2026-01-31
    ("2026-02-01", 2026, 1, "；截至 2026-02-01"),
])
def test_the_year_of_the_website_figures(gk, reports_on_time, today, year, published, until):
    figures = _sheet(gk, reports_on_time, today)["figures"]
    assert figures["year"] == year
    assert figures["source"].endswith("gongkai 能从目录算出的栏" + until)
    assert figures["rows"][0] == {"group": "信息发布", "label": "总数", "value": published, "unit": "条"}


def test_the_help_of_report_annual_says_which_year_it_reports_by_default(gk, register):
    # the help said 「统计年度，默认为 --today 所在年度」 (the scorecard's default), while the report was last year's
    helped = gk("report", "annual", "--help")
    assert "报告年度，默认为 --today 的上一年度" in helped.out and "默认为 --today 所在年度" not in helped.out
    run = gk("report", "annual", register.root, "--today", "2026-01-20")
    assert run.out.startswith("# 测试县民政局2025年政府信息公开工作年度报告")
    assert "统计年度，默认为 --today 所在年度" in gk("report", "scorecard", "--help").out  # the scorecard's is this year's


# ------------------------------------------------------------------------------------------- the inspection's clocks

@pytest.mark.parametrize("text, start, end", [
    # 《民法典》第二百零一条至第二百零三条: the day itself not counted; a month without the date ends on its last day
    ("2周", "2026-11-13", "2026-11-27"),
    ("14天", "2026-11-13", "2026-11-27"),
    ("90日", "2026-01-01", "2026-04-01"),  # 30 (Jan) + 28 (Feb) + 31 (Mar) = 89 → 04-01 is the 90th day
    ("6个月", "2026-02-28", "2026-08-28"),
    ("6月", "2026-08-31", "2027-02-28"),
    ("1个月", "2026-12-31", "2027-01-31"),
    ("1个月", "2026-01-31", "2026-02-28"),
    ("1年", "2024-02-29", "2025-02-28"),
    ("2年", "2026-11-30", "2028-11-30"),
])
def test_spans_the_indicators_write(text, start, end):
    import datetime as dt

    from gongkai.inspect.clock import parse_span

    span = parse_span(text)
    assert span is not None and span.after(dt.date.fromisoformat(start)) == dt.date.fromisoformat(end)


@pytest.mark.parametrize("text, shown", [("2周", "2周"), (" 6 月 ", "6个月"), ("90日", "90天"), ("1年", "1年")])
def test_spans_as_people_read_them(text, shown):
    from gongkai.inspect.clock import parse_span

    span = parse_span(text)
    assert span is not None and span.text == shown


@pytest.mark.parametrize("text", ["两周", "6个星期", "周", "6个月以内", ""])
def test_what_is_no_span(text):
    from gongkai.inspect.clock import parse_span

    assert parse_span(text) is None


@pytest.mark.parametrize("day, months, today, inside", [
    # 3 months after 2026-08-31 is 2026-11-30: still within on that day, not on 12-01
    ("2026-08-31", 3, "2026-11-30", True),
    ("2026-08-31", 3, "2026-12-01", False),
    ("2026-11-27", 1, "2026-12-27", True),
    ("2026-11-27", 1, "2026-12-28", False),
    # across the end of the year: 2026-10-31 + 3 months = 2027-01-31
    ("2026-10-31", 3, "2027-01-31", True),
    ("2026-10-31", 3, "2027-02-01", False),
])
def test_within_months(day, months, today, inside):
    import datetime as dt

    from gongkai.inspect.clock import within

    assert within(dt.date.fromisoformat(day), months, dt.date.fromisoformat(today)) is inside


# -------------------------------------------------- published reports read back against the register (inspect, report)

# 2025's report as the bureau typed it, in the 2021 layout, with three slips that keep every sum of the table: a
# 部分公开 (自然人, 2025-001) moved to 予以公开, a 保护第三方合法权益 (其他, 2025-004) moved to 属于三类内部事务信息, and in
# table 四 one of the two 行政复议 维持 (FY-2025-001, 003) moved to 纠正. Its 二 (上年结转) is right: 商业企业 1, 科研机构 1.
PUBLISHED_2025 = """\
| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
|---|---|---|---|---|---|---|---|
| 一、本年新收政府信息公开申请数量 | 3 | 1 | 1 | 1 | 1 | 1 | 8 |
| 二、上年结转政府信息公开申请数量 | 0 | 1 | 1 | 0 | 0 | 0 | 2 |
| 三、本年度办理结果 |  |  |  |  |  |  |  |
| 　（一）予以公开 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |
| 　（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 　（三）不予公开 | 1 | 0 | 0 | 0 | 0 | 1 | 2 |
| 　　4. 保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 　　5. 属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 1 | 1 |
| 　　6. 属于四类过程性信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 　（四）无法提供 | 0 | 1 | 0 | 0 | 0 | 0 | 1 |
| 　（五）不予处理 | 0 | 0 | 1 | 0 | 0 | 0 | 1 |
| 　（六）其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 　（七）总计 | 3 | 2 | 1 | 0 | 0 | 1 | 7 |
| 四、结转下年度继续办理 | 0 | 0 | 1 | 1 | 1 | 0 | 3 |

| 行政复议 | | | | | 行政诉讼（未经复议直接起诉） | | | | | 行政诉讼（复议后起诉） | | | | |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
| 1 | 1 | 0 | 1 | 3 | 0 | 0 | 1 | 0 | 1 | 0 | 0 | 0 | 1 | 1 |
"""
# 2024's report in a condensed layout (自然人 / 法人或其他组织 / 总计), whose sums hold but which counts two 法人
# requests that are not in the register: one answered 不予公开, one open. The register of 2024 by hand: new 2024-901
# (商业), 902 (自然人), 903 (科研) → 一 总计 3; answered in 2024: 902 → （一） 1, （三） 0, （七） 1; open on 2024-12-31:
# 901 (answered 2025-01-01) and 903 → 四 总计 2.
PUBLISHED_2024 = """\
| 项目 | 自然人 | 法人或其他组织 | 总计 |
|---|---|---|---|
| 一、本年新收政府信息公开申请数量 | 1 | 4 | 5 |
| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 |
| （一）予以公开 | 1 | 0 | 1 |
| （三）不予公开 | 0 | 1 | 1 |
| （七）总计 | 1 | 1 | 2 |
| 四、结转下年度继续办理 | 0 | 3 | 3 |

| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
|---|---|---|---|---|---|
| 行政复议 | 0 | 0 | 0 | 0 | 0 |
| 行政诉讼（未经复议直接起诉） | 0 | 1 | 0 | 0 | 1 |
| 行政诉讼（复议后起诉） | 0 | 0 | 0 | 0 | 0 |
"""
# (its table 四, one row per group, counts SS-2024-001 as 纠正: the case was decided on 2025-03-02, so on 2024-12-31
# it was 尚未审结)

# 2023's report, condensed, without a row 四: nothing to hold 2024's 二 against (and no register of 2023 to compare)
PUBLISHED_2023 = """\
| 项目 | 自然人 | 法人或其他组织 | 总计 |
|---|---|---|---|
| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 |
| （七）总计 | 0 | 0 | 0 |
"""


@pytest.fixture(scope="module")
def published(register: CatalogDir, tmp_path_factory: pytest.TempPathFactory) -> CatalogDir:
    import shutil

    cat = CatalogDir(tmp_path_factory.mktemp("h26t") / "catalog")
    shutil.copytree(register.root, cat.root)
    for number, year, day, table in ((200, 2023, "2024-01-22", PUBLISHED_2023), (201, 2024, "2025-01-20", PUBLISHED_2024),
                                     (202, 2025, "2026-01-20", PUBLISHED_2025)):
        text = _report(number, year, day).replace(f"编号: R2026-{number:03d}", f"编号: R{day[:4]}-{number:03d}")
        text = text.replace(f"350524-MZ-2026-{number:05d}", f"350524-MZ-{day[:4]}-{number:05d}")
        cat.record(text.replace(f"  {year}年度报告。\n", "".join(f"  {line}\n" for line in table.splitlines())),
                   f"records/{day[:4]}/R{day[:4]}-{number:03d}.yaml")
    return cat


def test_inspect_reads_published_tables_against_the_register(gk, published):
    sheet = _sheet(gk, published, "2026-11-27")
    found = next(w for w in sheet["warnings"] if w["key"] == "report-tables")
    fix = {2024: "：核对登记簿后改正 records/2025/R2025-201.yaml 的正文（gongkai report annual --year 2024 重新生成表格）",
           2025: "：核对登记簿后改正 records/2026/R2026-202.yaml 的正文（gongkai report annual --year 2025 重新生成表格）"}
    title = {year: f"「测试县民政局{year}年政府信息公开工作年度报告」" for year in (2024, 2025)}
    last = "（「测试县民政局2024年政府信息公开工作年度报告」）"
    assert [e["text"] for e in found["evidence"]] == [
        # the condensed table: its 总计 column only
        f"{title[2024]}表三「一、本年新收政府信息公开申请数量」行「总计」列是 5，登记簿算出的是 3{fix[2024]}",
        f"{title[2024]}表三「（三）不予公开」行「总计」列是 1，登记簿算出的是 0{fix[2024]}",
        f"{title[2024]}表三「（七）总计」行「总计」列是 2，登记簿算出的是 1{fix[2024]}",
        f"{title[2024]}表三「四、结转下年度继续办理」行「总计」列是 3，登记簿算出的是 2{fix[2024]}",
        f"{title[2024]}表四「行政诉讼（未经复议直接起诉）」的「结果纠正」是 1，登记簿算出的是 0{fix[2024]}",
        f"{title[2024]}表四「行政诉讼（未经复议直接起诉）」的「尚未审结」是 0，登记簿算出的是 1{fix[2024]}",
        # the 2021 layout: every cell
        f"{title[2025]}表三「（一）予以公开」行「自然人」列是 1，登记簿算出的是 0{fix[2025]}",
        f"{title[2025]}表三「（一）予以公开」行「总计」列是 2，登记簿算出的是 1{fix[2025]}",
        f"{title[2025]}表三「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」行「自然人」列是 0，登记簿算出的是 1{fix[2025]}",
        f"{title[2025]}表三「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」行「总计」列是 0，登记簿算出的是 1{fix[2025]}",
        f"{title[2025]}表三「4. 保护第三方合法权益」行「其他」列是 0，登记簿算出的是 1{fix[2025]}",
        f"{title[2025]}表三「4. 保护第三方合法权益」行「总计」列是 0，登记簿算出的是 1{fix[2025]}",
        f"{title[2025]}表三「5. 属于三类内部事务信息」行「其他」列是 1，登记簿算出的是 0{fix[2025]}",
        f"{title[2025]}表三「5. 属于三类内部事务信息」行「总计」列是 1，登记簿算出的是 0{fix[2025]}",
        # 二 of 2025 (商业 1 + 科研 1 = 法人或其他组织 2) against 四 of 2024's report (法人或其他组织 3)
        f"{title[2025]}表三「法人或其他组织」列：本年「二、上年结转」是 2，上一年度报告「四、结转下年度继续办理」是 3{last}{fix[2025]}",
        f"{title[2025]}表三「总计」列：本年「二、上年结转」是 2，上一年度报告「四、结转下年度继续办理」是 3{last}{fix[2025]}",
        f"{title[2025]}表四「行政复议」的「结果维持」是 1，登记簿算出的是 2{fix[2025]}",
        f"{title[2025]}表四「行政复议」的「结果纠正」是 1，登记簿算出的是 0{fix[2025]}",
    ]
    assert found["count"] == 18 and found["status"] == "fail"


def test_report_annual_checks_its_carried_requests_against_last_years_report(gk, published):
    run = gk("report", "annual", published.root, "--year", "2025", "--today", "2026-01-20")
    assert run.code == 1
    where = "records/2025/R2025-201.yaml（2024年度报告）与本年表三对不上，"
    assert f"{where}「法人或其他组织」列：本年「二、上年结转」是 2，上一年度报告「四、结转下年度继续办理」是 3" in run.err
    assert f"{where}「总计」列：本年「二、上年结转」是 2，上一年度报告「四、结转下年度继续办理」是 3" in run.err
    assert f"{where}「自然人」列" not in run.err  # 0 and 0


def test_report_annual_of_a_year_after_a_report_without_its_row_four(gk, published):
    # 2024's 二 (0) has no 四 in 2023's report to be held against: no problem from it; the 2024 figures balance
    run = gk("report", "annual", published.root, "--year", "2024", "--today", "2025-01-20")
    assert "2023年度报告" not in run.err and run.code == 0, run.err


# ------------------------------------------------------------------------------- 按时移交率 counted from 启用日期

@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory) -> CatalogDir:
    cat = CatalogDir(tmp_path_factory.mktemp("h26a") / "catalog")
    cat.write("gongkai.yaml", AGENCY + "启用日期: 2026-10-15\n")  # no ledger yet
    cat.item(_item(1, "制定或获取信息之日起10个工作日内"))
    # handover within 20 working days of 成文日期. R051 formed 09-01: 9/2–4, 7–11, 14–18 (13), Sunday 9/20 worked (14),
    # 9/21–24 (18), 中秋 9/25–27 off, 9/28 (19), 9/29 (20) → due 2026-09-29, before 启用日期: not counted.
    # R052 formed 10-01 (国庆 10/1–7 off): 10/8, 10/9, Saturday 10/10 worked (3), 10/12–16 (8), 10/19–23 (13),
    # 10/26–30 (18), 11/2, 11/3 (20) → due 2026-11-03, after 启用日期, never sent: counted, late.
    # R054 formed 09-11: 9/14–18 (5), 9/20 (6), 9/21–24 (10), 9/28–30 (13), 10/8, 10/9, 10/10 (16), 10/12–15 (20) → due
    # 2026-10-15, the 启用日期 itself: counted, late.
    # R053 formed 2027-01-05, a year without a holiday notice: counted on a 暂定 day (due in February at the latest).
    # Before them (records are read in the order of their files): R048 like R052 but withdrawn on 11-20 and never sent
    # (no miss); R049 formed 11-20, due in December (not yet due).
    for number, formed, published in (51, "2026-09-01", "2026-09-03"), (52, "2026-10-01", "2026-10-09"), \
            (53, "2027-01-05", "2027-01-06"), (54, "2026-09-11", "2026-09-14"), (49, "2026-11-20", "2026-11-20"):
        cat.record(_record(number, 1, formed, published), f"records/2026/R2026-{number:03d}.yaml")
    cat.record(_record(48, 1, "2026-10-01", "2026-10-09") + "撤回:\n  日期: 2026-11-20\n  原因: 误发布\n",
               "records/2026/R2026-048.yaml")
    return cat


@pytest.mark.parametrize("year, today, handed", [("2026", "2026-11-27", "0.0%（0/2）"),  # R052, R054
                                                 ("2027", "2027-03-01", "0.0%（0/1）（暂定）")])
def test_handover_counted_from_the_adoption_day(gk, adopted, year, today, handed):
    assert _unit_row(gk, adopted, "社会救助股", "--year", year, "--today", today)[6] == handed


def _overdue(gk, cat: CatalogDir, today: str) -> dict[str, str]:
    check = next(v for v in _sheet(gk, cat, today)["vetoes"] if v["key"] == "overdue-columns")
    return {e["id"]: e["text"].split("：", 1)[1].split("，")[0] for e in check["evidence"]}


def test_inspect_judges_a_once_a_year_column_by_its_own_period(gk, periodic):
    # On 2026-11-27 every once-a-year column's last period is 2026's (005 and 007 began after theirs ended: nothing was
    # owed); 每年三月底前 was judged as monthly (2026年10月 missed) and 每年第二季度 as quarterly (第3季度 missed).
    assert _overdue(gk, periodic, "2026-11-27") == {}
    # On 2027-07-01, 2027's period of each once-a-year column has ended with nothing in it
    found = _overdue(gk, periodic, "2027-07-01")
    assert {k: found[k] for k in ("SHJZ-005", "SHJZ-006", "SHJZ-007")} == {
        "SHJZ-005": "2027年（3月底前）没有公开信息", "SHJZ-006": "2027年（6月底前）没有公开信息",
        "SHJZ-007": "2027年（6月底前）没有公开信息"}



@pytest.mark.parametrize("deadline, periods", [
    # once a year, the period ending with the month, quarter or half the text names
    ("每年1月底前", [("01-01", "01-31", "2026年（1月底前）")]),
    ("每年十二月底前", [("01-01", "12-31", "2026年（12月底前）")]),
    ("每年十一月", [("01-01", "11-30", "2026年（11月底前）")]),
    ("每年2月", [("01-01", "02-28", "2026年（2月底前）")]),
    ("每年第1季度", [("01-01", "03-31", "2026年（3月底前）")]),
    ("每年四季度", [("01-01", "12-31", "2026年（12月底前）")]),
    ("每年第三季度内", [("01-01", "09-30", "2026年（9月底前）")]),
    ("每年上半年", [("01-01", "06-30", "2026年（6月底前）")]),
    ("每年下半年", [("01-01", "12-31", "2026年（12月底前）")]),
    # a month that does not exist names no period's end: the whole year
    ("每年13月", [("01-01", "12-31", "2026年")]),
    ("每年0月", [("01-01", "12-31", "2026年")]),
    ("每年", [("01-01", "12-31", "2026年")]),
    ("每半年", [("01-01", "06-30", "2026年上半年"), ("07-01", "12-31", "2026年下半年")]),
    ("按季度", [("01-01", "03-31", "2026年第1季度"), ("04-01", "06-30", "2026年第2季度"), ("07-01", "09-30", "2026年第3季度"),
              ("10-01", "12-31", "2026年第4季度")]),
    ("每周", []),
    ("实时公开", []),
])
def test_the_periods_of_a_periodic_deadline(deadline, periods):
    from gongkai.model.deadline import parse_deadline
    from gongkai.reports.periods import periods_of

    parsed = parse_deadline(deadline)
    assert parsed is not None
    assert [(p.start.isoformat()[5:], p.end.isoformat()[5:], p.label) for p in periods_of(parsed, 2026)] == periods
