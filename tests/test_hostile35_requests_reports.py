"""Thirty-fifth hostile pass (h164): requests_reports — the clerk who keeps the 依申请公开 register (requests/, appeals/)
and the official who signs the yearly 政府信息公开工作年度报告 (国办公开办函〔2021〕30号, tables 三 and 四).

How the pass was run: a register written by hand for 2026 — a request received in 2025 answered in 2026 (上年结转), one
withdrawn (撤回), one from a 律师事务所, a 社会公益组织, a 科研机构 whose 补正 never came, one received on 2026-12-28,
one 逾期未缴费, one 重复申请, one answered after a deadline that crosses 中秋 and 国庆 2026 (9-25 and 10-1..7 off,
10-10 a working Saturday) — every cell of 表三 and 表四 counted by hand and compared across markdown, html and xlsx; then
dates in odd forms (2026年3月2日, 2026/3/10, 2026.03.02, with a time), two applicants of two kinds, and a 收费通知 (信息
处理费, 《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号). Every working day below is counted by hand from the State
Council's 2026 notice: 中秋 9月25日（周五）放假; 国庆 10月1日至7日放假，10月10日（周六）上班; 元旦 2027-01-01 by the
statutory holidays alone (no 2027 notice yet: 暂定).

Found by this pass (each test named below failed before its fix):
1. A 收费通知 could not be registered: 「收费:」 was 「未知字段」 (GK102, an error), and the days from the notice's delivery
   to the payment — which 国办函〔2020〕109号 takes out of the 20 working days of 《条例》第三十三条 — ran on: a request
   answered on time after a fee paid was 「答复日期晚于答复期限」 (GK703), one still waiting for the fee 「已逾期」 (GK701,
   an error that fails CI), and `deadline explain` said so too. 「收费: {通知日期, 缴费日期}」 is now a step of the
   register like 征求第三方意见: its working days within the period are not counted (a fee unpaid stops the clock),
   `deadline explain` names them, GK707/GK717 check its dates, and the new warning GK720 says when 20 working days
   have passed since the notice without a payment (逾期未缴费: 其他处理); `report annual` notes a request carried into
   the next year for a fee never paid. test_a_fee_notice_stops_the_reply_clock_until_paid,
   test_a_fee_never_paid_is_named_by_validate_and_the_annual_report, test_fee_dates_out_of_order_or_in_the_future.
2. 「申请人类型: 自然人、商业企业」 (an application by two, of two kinds) was 「「……」不是有效的「申请人类型」」 with the advice
   「可选的值：……、科研机构、社会公益组织……」: the register's value was masked as if it named someone, and with it the
   first two of the words to choose from. A value made only of the register's own words (joined by 、，/和) is now shown,
   and the advice lists all six columns. test_two_kinds_of_applicant_keep_the_advice_whole.
3. A register with errors (a request left out of 表三 for a 理由 that names no case of it, a file that cannot be read,
   a column that does not balance) gave exit 1 and its list on the screen, and the html and xlsx carry it — but the
   markdown written with --out, the text meant for the 正文 of the 年度报告 record, was a confident table with no word of
   it. It now opens with 「编制提示：以下数字有误或不全，改正前不能公布」 and the same list; a clean report is unchanged.
   test_a_register_with_errors_never_gives_a_clean_looking_markdown_report.
4. A fee paid in the year (「收费」「缴费日期」) while annual/<年度>.yaml's 「其他需要报告的事项」 says 「本年度未收取信息处理费」:
   the report said so, exit 0. It is now a problem (exit 1, in the report's 编制提示); part 六 silent on the fees gets a
   note to state them (国办公开办函〔2021〕30号). test_part_six_on_the_fees_agrees_with_the_register.
5. 「收到日期: 2026年3月2日」 (or in full-width digits) got the hint 「日期「……」按 2026-03-02 处理」 — withheld as a
   register value that might name someone — while the line under it showed the date. A value that reads as a date is
   now shown (a name is still withheld). test_a_date_typed_the_chinese_way_is_shown_in_its_hint.

Seen and left alone (counted by hand, found right):
- 表三 of the register above, every cell, and 表四 (a 复议 维持, a 诉讼 直接起诉 「撤销……责令重新答复」 counted 纠正, a 复议
  closed in 2027 counted 尚未审结): markdown, html and xlsx agree cell for cell with the hand count
  (test_tables_three_and_four_agree_with_the_hand_count_in_every_format).
- Deadlines across 中秋/国庆 2026 (received 2026-09-21 → 2026-10-26) and 端午 (2026-06-01 → 2026-06-30), a reply on
  the working Saturday or on a holiday (a reply may be given any day; only its lateness is judged).
- Dates written 2026/3/10, 2026.03.02 are read with a GK110 hint; 「2026-04-01 10:30」 is GK106.
- 「延长工作日: 20个工作日」 is GK103 with the value withheld (「……」): a number with a unit names no one, but the hint
  says what to write; left.
- 「申请人类型: 律师 / 个体工商户 / 事业单位 / 高校」 are GK104 errors with the six columns listed: which column is a
  judgment the 2021 format leaves to the bureau; no guess is made.
- Which column an application by two of two kinds goes in is not said by 国办公开办函〔2021〕30号: left to the clerk.
"""

from __future__ import annotations

import io

import openpyxl
import pytest

from tests.conftest import AGENCY, CatalogDir

LEAD = "申请渠道: 网上\n申请人: 陈金水 13905951234\n申请内容: 陈金水本人的低保审批材料\n"

# 编号: (收到日期, 申请人类型, the rest) — the register of the hand count.
REGISTER = {
    "YSQ-2025-010": ("2025-12-22", "自然人", "办理结果: 予以公开\n答复日期: 2026-01-09\n"),  # 上年结转
    "YSQ-2026-001": ("2026-01-05", "商业企业", "办理结果: 部分公开\n答复日期: 2026-01-20\n"),
    "YSQ-2026-002": ("2026-02-02", "社会公益组织", "办理结果: 撤回\n答复日期: 2026-02-10\n"),
    "YSQ-2026-003": ("2026-03-02", "律师事务所", "办理结果: 不予公开\n理由: 涉及商业秘密\n答复日期: 2026-03-20\n"),
    "YSQ-2026-004": ("2026-09-21", "自然人", "办理结果: 无法提供\n理由: 本机关不掌握\n答复日期: 2026-10-30\n"),
    "YSQ-2026-005": ("2026-05-11", "科研机构", "补正:\n  通知日期: 2026-05-13\n"),  # the 补正 never came
    "YSQ-2026-006": ("2026-12-28", "其他", ""),  # carried into 2027
    "YSQ-2026-007": ("2026-06-01", "商业企业", "办理结果: 其他处理\n理由: 逾期未缴费\n答复日期: 2026-06-30\n"),
    "YSQ-2026-008": ("2026-07-01", "自然人", "办理结果: 不予处理\n理由: 重复申请\n答复日期: 2026-07-03\n"),
}
APPEALS = {
    "FY-2026-001": "类型: 行政复议\n收到日期: 2026-04-20\n结果: 维持\n结案日期: 2026-06-12\n",
    "SS-2026-001": "类型: 行政诉讼\n起诉方式: 未经复议直接起诉\n收到日期: 2026-05-20\n"
                   "结果: 撤销被告作出的答复，责令重新答复\n结案日期: 2026-11-12\n",
    "FY-2026-002": "类型: 行政复议\n收到日期: 2026-12-01\n结果: 维持\n结案日期: 2027-01-10\n",  # 尚未审结 at year end
}
#         自然人 商业企业 科研 公益 法律服务 其他 总计 (counted by hand from REGISTER)
TABLE3 = {
    "一、本年新收政府信息公开申请数量": [2, 2, 1, 1, 1, 1, 8],
    "二、上年结转政府信息公开申请数量": [1, 0, 0, 0, 0, 0, 1],
    "（一）予以公开": [1, 0, 0, 0, 0, 0, 1],
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [0, 1, 0, 0, 0, 0, 1],
    "（三）不予公开": [0, 0, 0, 0, 1, 0, 1],
    "4. 保护第三方合法权益": [0, 0, 0, 0, 1, 0, 1],
    "6. 属于四类过程性信息": [0, 0, 0, 0, 0, 0, 0],
    "（四）无法提供": [1, 0, 0, 0, 0, 0, 1],
    "1. 本机关不掌握相关政府信息": [1, 0, 0, 0, 0, 0, 1],
    "（五）不予处理": [1, 0, 0, 0, 0, 0, 1],
    "2. 重复申请": [1, 0, 0, 0, 0, 0, 1],
    "（六）其他处理": [0, 1, 0, 1, 0, 0, 2],
    "1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": [0, 0, 0, 0, 0, 0, 0],
    "2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请": [0, 1, 0, 0, 0, 0, 1],
    "3. 其他": [0, 0, 0, 1, 0, 0, 1],
    "（七）总计": [3, 2, 0, 1, 1, 0, 7],
    "四、结转下年度继续办理": [0, 0, 1, 0, 0, 1, 2],
}
# 行政复议 维持 纠正 其他 尚未审结 总计 | 直接起诉 the same five | 复议后起诉 the same five
TABLE4 = [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]


def _register(cat: CatalogDir, requests: dict[str, tuple[str, str, str]]) -> None:
    cat.write("gongkai.yaml", AGENCY)
    for number, (received, kind, rest) in requests.items():
        cat.write(f"requests/{number[4:8]}/{number}.yaml",
                  f"编号: {number}\n收到日期: {received}\n申请人类型: {kind}\n{LEAD}{rest}")


@pytest.fixture
def register(cat: CatalogDir) -> CatalogDir:
    _register(cat, REGISTER)
    for number, text in APPEALS.items():
        cat.write(f"appeals/2026/{number}.yaml", f"编号: {number}\n{text}")
    return cat


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


def test_tables_three_and_four_agree_with_the_hand_count_in_every_format(gk, register, monkeypatch, tmp_path):
    monkeypatch.setenv("GONGKAI_TODAY", "2027-01-15")
    run = gk("report", "annual", register.root, "--year", "2026")
    assert run.code == 0, run.err
    rows = {_cells(line)[0].strip("　"): _cells(line)[1:] for line in run.out.splitlines() if line.startswith("| ")}
    for row, counts in TABLE3.items():
        assert rows[row] == [str(n) for n in counts], row
    assert "| " + " | ".join(map(str, TABLE4)) + " |" in run.out
    html = gk("report", "annual", register.root, "--year", "2026", "-f", "html")
    assert html.code == 0
    for row, counts in TABLE3.items():
        assert row + "</th>" + "".join(f"<td>{n}</td>" for n in counts) in html.out.replace("\n", "").replace(
            "　", "") or row + "</td>" + "".join(f"<td>{n}</td>" for n in counts) in html.out.replace(
            "\n", "").replace("　", ""), row
    out = tmp_path / "年报.xlsx"
    assert gk("report", "annual", register.root, "--year", "2026", "-f", "xlsx", "-o", out).code == 0
    book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
    sheet = {str(r[0]).strip("　"): list(r[1:]) for r in book["表三 依申请公开"].iter_rows(values_only=True)}
    for row, counts in TABLE3.items():
        assert sheet[row] == counts, row
    four = [list(r[1:]) for r in book["表四 复议诉讼"].iter_rows(values_only=True)][1:]
    assert four == [TABLE4[0:5], TABLE4[5:10], TABLE4[10:15]]
    everything = run.out + run.err + html.out + "".join(str(c.value) for ws in book for r in ws for c in r)
    assert "陈金水" not in everything and "13905951234" not in everything


FEE = ("2026-09-21", "自然人", "收费:\n  通知日期: 2026-09-24\n  缴费日期: 2026-10-13\n")


@pytest.mark.parametrize(("replied", "late"), [("2026-11-06", False), ("2026-11-09", True)])
def test_a_fee_notice_stops_the_reply_clock_until_paid(gk, cat, monkeypatch, replied, late):
    """Received 2026-09-21; 20 working days end 2026-10-26 (中秋 9-25 and 国庆 10-1..7 off, 10-10 worked). The fee
    notice 9-24 to the payment 10-13 holds 9 working days (9-24, 9-28, 9-29, 9-30, 10-8, 10-9, 10-10, 10-12, 10-13):
    due 2026-11-06, the 29th working day. Before: 「收费」 unknown (GK102), a reply on 11-06 late (GK703)."""
    _register(cat, {"YSQ-2026-020": (FEE[0], FEE[1], FEE[2] + f"办理结果: 予以公开\n答复日期: {replied}\n")})
    monkeypatch.setenv("GONGKAI_TODAY", "2026-12-01")
    run = gk("validate", cat.root, "--no-cache", "--format", "json")
    found = {(d["code"], d["message"]) for d in run.json()["diagnostics"] if d["path"].startswith("requests/")}
    assert found == ({("GK703", f"答复日期 {replied} 晚于答复期限 2026-11-06")} if late else set())
    explained = gk("deadline", "explain", "YSQ-2026-020", "-C", cat.root)
    assert explained.code == 0
    assert "收费通知送达至缴费（2026-09-24至2026-10-13）的9个工作日不计算在内" in explained.out
    assert "数29个工作日" in explained.out and "→ 2026-11-06" in explained.out


def test_a_fee_never_paid_is_named_by_validate_and_the_annual_report(gk, cat, monkeypatch):
    """Notice delivered 2026-12-10 (a Thursday), no payment: the clock stands still (no GK701 on 2027-01-15, long past
    the 20 working days from receipt on 2026-12-01), and GK720 counts 25 working days since the notice (12-11,
    12-14..18, 12-21..25, 12-28..31, 1-4..8, 1-11..15; 1-1 a holiday): 暂定, 2027 has no notice yet."""
    _register(cat, {"YSQ-2026-021": ("2026-12-01", "商业企业", "收费:\n  通知日期: 2026-12-10\n")})
    monkeypatch.setenv("GONGKAI_TODAY", "2027-01-15")
    run = gk("validate", cat.root, "--no-cache", "--format", "json")
    found = [(d["code"], d["line"], d["column"], d["message"]) for d in run.json()["diagnostics"]
             if d["path"].startswith("requests/")]
    assert found == [("GK720", 8, 9, "申请 YSQ-2026-021 在 2026-12-10 送达收费通知，已过25个工作日（暂定）仍没有「缴费日期」，"
                                     "答复期限一直暂停")]
    explained = gk("deadline", "explain", "YSQ-2026-021", "-C", cat.root)
    assert "2026-12-10 送达收费通知，申请人还没有缴费" in explained.out
    annual = gk("report", "annual", cat.root, "--year", "2026")
    assert "| 四、结转下年度继续办理 | 0 | 1 | 0 | 0 | 0 | 0 | 1 |" in annual.out
    assert ("requests/2026/YSQ-2026-021.yaml：申请 YSQ-2026-021 在 2026-12-10 送达收费通知，到年底没有缴费，"
            "按「结转下年度继续办理」统计") in annual.err
    # 19 working days after the notice (2027-01-07), nothing yet
    monkeypatch.setenv("GONGKAI_TODAY", "2027-01-07")
    early = gk("validate", cat.root, "--no-cache", "--format", "json")
    assert [d for d in early.json()["diagnostics"] if d["code"] == "GK720"] == []


def test_fee_dates_out_of_order_or_in_the_future(gk, cat, monkeypatch):
    _register(cat, {
        "YSQ-2026-030": ("2026-03-02", "自然人", "收费:\n  通知日期: 2026-02-27\n  缴费日期: 2026-02-26\n"),
        "YSQ-2026-031": ("2026-03-02", "自然人", "收费:\n  通知日期: 2026-03-04\n  缴费日期: 2026-03-20\n"
                         "办理结果: 予以公开\n答复日期: 2026-03-10\n"),
        "YSQ-2026-032": ("2026-03-02", "自然人", "收费:\n  通知日期: 2026-03-04\n  缴费日期: 2062-03-05\n"),
    })
    monkeypatch.setenv("GONGKAI_TODAY", "2026-03-25")
    run = gk("validate", cat.root, "--no-cache", "--format", "json")
    found = {(d["code"], d["path"][-17:-5], d["line"], d["message"].split("［")[0]) for d in run.json()["diagnostics"]
             if d["code"] in ("GK707", "GK717")}
    assert found == {
        ("GK707", "YSQ-2026-030", 8, "收费通知日期 2026-02-27 早于收到日期 2026-03-02"),
        ("GK707", "YSQ-2026-030", 9, "缴费日期 2026-02-26 早于收费通知日期 2026-02-27"),
        ("GK707", "YSQ-2026-031", 9, "缴费日期 2026-03-20 晚于答复日期 2026-03-10"),
        ("GK717", "YSQ-2026-032", 9, "缴费日期 2062-03-05 在今天（2026-03-25）之后"),
    }


def test_two_kinds_of_applicant_keep_the_advice_whole(gk, cat, monkeypatch):
    _register(cat, {"YSQ-2026-040": ("2026-03-02", "自然人、商业企业", "")})
    monkeypatch.setenv("GONGKAI_TODAY", "2026-03-05")
    run = gk("validate", cat.root, "--no-cache", "--format", "json")
    [hit] = [d for d in run.json()["diagnostics"] if d["code"] == "GK104"]
    assert hit["message"] == "「自然人、商业企业」不是有效的「申请人类型」"
    assert "可选的值：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他。" in hit["hint"]
    # a name beside a word is still withheld
    _register(cat, {"YSQ-2026-040": ("2026-03-02", "自然人、陈金水", "")})
    again = gk("validate", cat.root, "--no-cache")
    assert "陈金水" not in again.out + again.err


def test_a_fee_and_a_consultation_that_overlap_take_a_day_out_once(gk, cat, monkeypatch):
    """Received 2026-09-21. Consulted 9-28..10-09 (9-28, 9-29, 9-30, 10-8, 10-9: 5 working days); the fee notice
    10-08..10-13 adds only 10-10 (the working Saturday), 10-12, 10-13: 3. 20 + 8 = 28 working days → 2026-11-05."""
    _register(cat, {"YSQ-2026-050": ("2026-09-21", "自然人", "征求第三方意见:\n  开始: 2026-09-28\n  结束: 2026-10-09\n"
                                     "收费:\n  通知日期: 2026-10-08\n  缴费日期: 2026-10-13\n")})
    run = gk("deadline", "explain", "YSQ-2026-050", "-C", cat.root)
    assert "征求第三方意见（2026-09-28至2026-10-09）的5个工作日不计算在内" in run.out
    assert "收费通知送达至缴费（2026-10-08至2026-10-13）的3个工作日不计算在内" in run.out
    assert "数28个工作日" in run.out and "→ 2026-11-05" in run.out


def test_a_fee_notice_after_the_deadline_stops_nothing(gk, cat, monkeypatch):
    """Received 2026-03-02: due 2026-03-30 (the 20th working day). A fee notice sent on 2026-04-01, unpaid: the period
    had run out, the request is overdue all the same (GK701: 3-31, 4-1, 4-2, 4-3, 4-7, 4-8 — 清明 4-4..6 off), and
    explain says the notice came too late."""
    _register(cat, {"YSQ-2026-060": ("2026-03-02", "自然人", "收费:\n  通知日期: 2026-04-01\n")})
    monkeypatch.setenv("GONGKAI_TODAY", "2026-04-08")
    run = gk("validate", cat.root, "--no-cache", "--format", "json")
    assert [(d["code"], d["message"]) for d in run.json()["diagnostics"] if d["code"] in ("GK701", "GK720")] == [
        ("GK701", "申请 YSQ-2026-060 应于 2026-03-30 前答复，已逾期6个工作日")]
    explained = gk("deadline", "explain", "YSQ-2026-060", "-C", cat.root)
    assert "收费通知送达至缴费 2026-04-01 才开始，答复期限 2026-03-30 已过：期限不暂停（国办函〔2020〕109号" in explained.out


def test_a_register_with_errors_never_gives_a_clean_looking_markdown_report(gk, register, monkeypatch, tmp_path):
    """A request whose 理由 names no case of table 三 is left out of 三: 自然人 4 in, 3 out. The markdown written to a
    file (to be pasted into the 年度报告 record) said nothing of it — only the screen did, and the html and xlsx."""
    register.write("requests/2026/YSQ-2026-071.yaml", "编号: YSQ-2026-071\n收到日期: 2026-03-02\n申请人类型: 自然人\n"
                   f"{LEAD}办理结果: 不予公开\n理由: 涉及陈金水的个人隐私\n答复日期: 2026-03-10\n")
    monkeypatch.setenv("GONGKAI_TODAY", "2027-01-15")
    out = tmp_path / "年度报告2026.md"
    run = gk("report", "annual", register.root, "--year", "2026", "-o", out)
    assert run.code == 1
    text = out.read_text("utf-8")
    assert "> **编制提示：以下数字有误或不全，改正前不能公布**" in text
    assert ("> - 表三「自然人」列不平衡：本年新收 + 上年结转 = 4，办理结果总计 + 结转下年度 = 3" in text)
    assert "> - requests/2026/YSQ-2026-071.yaml：理由不是表三所列的具体情形" in text
    assert "陈金水" not in text + run.out + run.err
    register.root.joinpath("requests/2026/YSQ-2026-071.yaml").unlink()
    assert gk("report", "annual", register.root, "--year", "2026", "-o", out).code == 0
    assert "编制提示" not in out.read_text("utf-8")


@pytest.mark.parametrize(("part_six", "code", "said"), [
    ("本年度未收取信息处理费。", 1, "检查：annual/2026.yaml 第4行第1列「其他需要报告的事项」写着没有收取信息处理费，登记簿中却有 1 件申请在2026年"
                                "缴费（YSQ-2026-020，「收费」的「缴费日期」）"),
    ("其他无。", 0, "注意：2026年有 1 件申请缴纳了信息处理费（YSQ-2026-020），annual/2026.yaml 第4行第1列「其他需要报告的事项」"
                   "没有写信息处理费的收取情况"),
    ("本年度收取信息处理费1件，共100元。", 0, None),
])
def test_part_six_on_the_fees_agrees_with_the_register(gk, cat, monkeypatch, part_six, code, said):
    """A fee paid on 2026-10-13 (YSQ-2026-020): part 六 saying none was charged would publish a wrong statement."""
    _register(cat, {"YSQ-2026-020": (FEE[0], FEE[1], FEE[2] + "办理结果: 予以公开\n答复日期: 2026-11-06\n")})
    cat.write("annual/2026.yaml", f"年度: 2026\n总体情况: 略\n存在的主要问题及改进情况: 略\n其他需要报告的事项: {part_six}\n")
    monkeypatch.setenv("GONGKAI_TODAY", "2027-01-15")
    run = gk("report", "annual", cat.root, "--year", "2026")
    assert run.code == code, run.err
    fee_lines = [line for line in run.err.splitlines() if "信息处理费" in line]
    assert [line[:len(said)] for line in fee_lines] == ([said] if said else [])


def test_a_date_typed_the_chinese_way_is_shown_in_its_hint(gk, cat, monkeypatch):
    """「收到日期: 2026年3月2日」 and full-width 「２０２６-03-09」 are read (GK110); the hint said 「日期「……」按 2026-03-02
    处理」 — withheld as if it named someone — while the line under it showed the date. A name is still withheld."""
    _register(cat, {"YSQ-2026-090": ("2026年3月2日", "自然人", ""), "YSQ-2026-091": ("２０２６-03-09", "自然人", "")})
    cat.write("requests/2026/YSQ-2026-092.yaml", "编号: YSQ-2026-092\n收到日期: 陈金水\n申请人类型: 自然人\n" + LEAD)
    monkeypatch.setenv("GONGKAI_TODAY", "2026-03-10")
    run = gk("validate", cat.root, "--no-cache", "--format", "json")
    said = sorted((d["path"][-17:-5], d["message"]) for d in run.json()["diagnostics"] if d["code"] == "GK110")
    assert said == [("YSQ-2026-090", "日期「2026年3月2日」按 2026-03-02 处理"),
                    ("YSQ-2026-091", "日期「２０２６-03-09」按 2026-03-09 处理")]
    assert "陈金水" not in gk("validate", cat.root, "--no-cache").out
