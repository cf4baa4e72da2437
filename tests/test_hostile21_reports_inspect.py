"""Hostile pass 21 on issue 8 (the 依申请公开 register and `report annual`) and issue 14 (`gongkai inspect`), as the
inspector who scores the bureau and the clerk who fills in the 年度报告 would try them.

Every expected figure is typed by hand: working days from the State Council's 2026 notice (off 1/1–1/3, 2/15–2/23,
4/4–4/6, 5/1–5/5, 6/19–6/21, 9/25–9/27, 10/1–10/7; make-up working days 1/4, 2/14, 2/28, 5/9, 9/20, 10/10), table 三's
rows and columns from 国办公开办函〔2021〕30号.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import AGENCY, BUNDLED, ITEM, RECORD, CatalogDir, git

NAME, PHONE = "林雅娟", "13905951234"


def _request(number: str, received: str, applicant: str, extra: str = "") -> str:
    return f"编号: {number}\n收到日期: {received}\n申请渠道: 网上\n申请人类型: {applicant}\n申请内容: 城乡低保标准\n{extra}"


# A register across the year boundary, 2026's table 三 by hand (columns 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他):
REGISTER = {
    # received 2025-12-20, answered 2026-01-10: 二 上年结转 and （一）予以公开, 自然人
    "YSQ-2025-020": _request("YSQ-2025-020", "2025-12-20", "自然人", "办理结果: 予以公开\n答复日期: 2026-01-10\n"),
    # received and answered in 2025: in no row of 2026
    "YSQ-2025-011": _request("YSQ-2025-011", "2025-11-03", "自然人", "办理结果: 予以公开\n答复日期: 2025-11-20\n"),
    # received 2024-12-02 and never answered: 二 and 四 of 2026 (carried twice), 其他
    "YSQ-2024-030": _request("YSQ-2024-030", "2024-12-02", "其他"),
    # a company, received 2026-12-28, answered 2027-01-15: 一 and 四 of 2026
    "YSQ-2026-101": _request("YSQ-2026-101", "2026-12-28", "商业企业", "办理结果: 部分公开\n答复日期: 2027-01-15\n"),
    # withdrawn: （六）其他处理 3. 其他, 法律服务机构
    "YSQ-2026-102": _request("YSQ-2026-102", "2026-03-02", "法律服务机构", "办理结果: 撤回\n答复日期: 2026-03-05\n"),
    # 补正 never came: （六）1. 逾期不补正, 科研机构
    "YSQ-2026-103": _request("YSQ-2026-103", "2026-04-01", "科研机构",
                             "补正:\n  通知日期: 2026-04-03\n办理结果: 其他处理\n理由: 逾期不补正\n答复日期: 2026-05-20\n"),
    # 商业秘密: （三）4. 保护第三方合法权益, 社会公益组织
    "YSQ-2026-104": _request("YSQ-2026-104", "2026-05-06", "社会公益组织",
                             "办理结果: 不予公开\n理由: 商业秘密\n答复日期: 2026-05-20\n"),
}
#                 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计
TABLE3 = {
    "一、本年新收政府信息公开申请数量": [0, 1, 1, 1, 1, 0, 4],
    "二、上年结转政府信息公开申请数量": [1, 0, 0, 0, 0, 1, 2],
    "　（一）予以公开": [1, 0, 0, 0, 0, 0, 1],
    "　（三）不予公开": [0, 0, 0, 1, 0, 0, 1],
    "　　4. 保护第三方合法权益": [0, 0, 0, 1, 0, 0, 1],
    "　（六）其他处理": [0, 0, 1, 0, 1, 0, 2],
    "　　1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": [0, 0, 1, 0, 0, 0, 1],
    "　　3. 其他": [0, 0, 0, 0, 1, 0, 1],
    "　（七）总计": [1, 0, 1, 1, 1, 0, 4],
    "四、结转下年度继续办理": [0, 1, 0, 0, 0, 1, 2],
}


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small catalog with REGISTER (read only by the tests that use it)."""
    catalog = CatalogDir(tmp_path_factory.mktemp("register") / "catalog")
    catalog.write("gongkai.yaml", AGENCY)
    catalog.item(ITEM)
    catalog.record(RECORD)
    for number, text in REGISTER.items():
        catalog.write(f"requests/{number}.yaml", text)
    return catalog.root


def test_table_three_cell_by_cell_across_the_year_boundary(gk, register, tmp_path):
    run = gk("report", "annual", register, "--year", "2026", "--today", "2027-01-20")
    assert run.code == 0, run.err
    cells = {}
    for line in run.out.splitlines():
        parts = [p.strip(" ") for p in line.strip("|").split("|")]
        if len(parts) == 8 and parts[1].isdigit():
            cells[parts[0]] = [int(p) for p in parts[1:]]
    zero = [0] * 7
    for label, counts in cells.items():
        assert counts == TABLE3.get(label, zero), label
    assert set(TABLE3) <= set(cells)
    out = tmp_path / "年度报告.xlsx"
    assert gk("report", "annual", register, "--year", "2026", "--today", "2027-01-20", "-f", "xlsx", "-o", out).code == 0
    sheet = load_workbook(out)["表三 依申请公开"]
    in_book = {row[0]: list(row[1:8]) for row in sheet.iter_rows(values_only=True) if row[0] and row[1] is not None}
    for label, counts in TABLE3.items():
        assert in_book[label] == counts, label


# ---------------------------------------------------------------- deadlines over 春节 2026 (补正, 延期)

DEADLINES = {
    # received Fri 02-06: 2/9–2/13 (5), Sat 2/14 make-up (6), 2/15–2/23 off, 2/24–2/27 (10), Sat 2/28 (11), 3/2–3/6 (16),
    # 3/9–3/12 (20) → 03-12; +20 approved on 03-12: 3/13 (21), 3/16–3/20 (26), 3/23–3/27 (31), 3/30–4/3 (36),
    # 4/4–4/6 off, 4/7–4/10 (40) → 04-10
    "S1": _request("S1", "2026-02-06", "自然人", "延期:\n  批准人: 詹辉儒\n  批准日期: 2026-03-12\n  延长工作日: 20\n"),
    # 补正 received Fri 02-13: the clock starts again from it: Sat 2/14 (1), 2/24–2/27 (5), Sat 2/28 (6), 3/2–3/6 (11),
    # 3/9–3/13 (16), 3/16–3/19 (20) → 03-19
    "S2": _request("S2", "2026-02-02", "商业企业", "补正:\n  通知日期: 2026-02-03\n  补正日期: 2026-02-13\n"),
}


@pytest.mark.parametrize("today, said", [
    ("2026-03-19", ["申请 S2 应于 2026-03-19 前答复，今天到期"]),
    ("2026-03-20", ["申请 S2 应于 2026-03-19 前答复，已逾期1个工作日"]),
    ("2026-04-10", ["申请 S1 应于 2026-04-10 前答复，今天到期", "申请 S2 应于 2026-03-19 前答复，已逾期15个工作日"]),
    ("2026-04-13", ["申请 S1 应于 2026-04-10 前答复，已逾期1个工作日"]),
])
def test_deadlines_over_the_spring_festival_with_correction_and_extension(gk, cat, today, said):
    for number, text in DEADLINES.items():
        cat.write(f"requests/{number}.yaml", text)
    run = gk("validate", cat.root, "--today", today)
    for words in said:
        assert words in run.out, run.out


# ---------------------------------------------------------------- consultations: who wrote is in no output

TOPIC = f"{NAME}（{PHONE}）询问其父亲低保为何停发"


def _consultation(cat: CatalogDir, number: str = "ZX-2026-009", topic: str = TOPIC) -> Path:
    return cat.write(f"consultations/{number}.yaml", f"编号: {number}\n收到日期: 2026-06-01\n渠道: 网上留言\n主题: {topic}\n")


def test_inspect_names_an_unanswered_message_by_its_number_not_who_wrote_it(gk, cat, tmp_path):
    # inspect's evidence for 互动回应差 quoted the message's 主题: the phone was masked, but the name of the citizen
    # (「林雅娟（139****1234）询问其父亲低保为何停发」) went to the CI log, the -o files and the county's workbook.
    _consultation(cat)
    run = gk("inspect", cat.root, "--today", "2026-11-27", "-f", "json")
    sheet = json.loads(run.out)
    check = next(c for c in sheet["vetoes"] if c["key"] == "interaction")
    # received 06-01, unanswered on 11-27: 179 days, more than 3 months → 单项否决 fails
    assert check["status"] == "fail" and [e["id"] for e in check["evidence"]] == ["ZX-2026-009"]
    assert check["evidence"][0]["text"] == "2026-06-01 收到的网上留言（主题见 consultations/ 中的登记文件），至今未答复（已179天，超过3个月）"
    assert check["evidence"][0]["path"] == "consultations/ZX-2026-009.yaml"
    outputs = [run.out, gk("inspect", cat.root, "--today", "2026-11-27").out]
    for form in ("html", "xlsx"):
        out = tmp_path / f"自查.{form}"
        gk("inspect", cat.root, "--today", "2026-11-27", "-f", form, "-o", out)
        if form == "html":
            outputs.append(out.read_text(encoding="utf-8"))
        else:
            book = load_workbook(out)
            outputs.append(" ".join(str(v) for s in book for r in s.iter_rows(values_only=True) for v in r if v))
    for text in outputs:
        assert NAME not in text and "询问其父亲" not in text and "1234" not in text


def test_validate_shows_no_consultation_topic_under_a_finding(gk, cat):
    # The line shown under a finding in a consultation file was printed as written (a YAML error on the 主题 line:
    # 「4 | 主题: "林雅娟询问」), where requests and appeals already say 「（内部登记，不在此显示）」.
    cat.write("consultations/ZX-2026-011.yaml", f'编号: ZX-2026-011\n收到日期: 2026-06-01\n渠道: 网上留言\n主题: "{NAME}询问\n')
    cat.write("consultations/ZX-2026-012.yaml", "编号: ZX-2026-012\n收到日期: 2026-06-01\n渠道: 网上留言\n主题: 低保\n"
              f"备注: |\n  {NAME}来电催办\n答复日期: 2026-02-30\n")
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 1
    assert NAME not in run.out + run.err
    assert "4 | 主题: （内部登记，不在此显示）" in run.out
    assert "consultations/ZX-2026-011.yaml" in run.out and "4:5 错误 GK001 引号没有闭合" in run.out
    assert "7 | 答复日期: 2026-02-30" in run.out  # the register's facts are still checked and shown


def test_a_diff_of_a_consultation_says_that_its_topic_changed_not_what_it_says(gk, repo):
    catalog = repo / "catalog"
    cat = CatalogDir(catalog)
    _consultation(cat, topic="低保停发")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "登记留言")
    path = _consultation(cat, topic=f"{NAME}询问低保停发")
    path.write_text(path.read_text(encoding="utf-8") + f"备注: {NAME}再次来电\n答复日期: 2026-06-05\n", encoding="utf-8")
    for form in ("text", "markdown", "json"):
        out = gk("diff", "-C", catalog, "-f", form).out
        assert NAME not in out and "来电" not in out, form
    out = gk("diff", "-C", catalog).out
    assert "主题：已修改（非主动公开的信息，内容不在此显示）" in out
    assert "备注：新填（非主动公开的信息，内容不在此显示）" in out
    assert "答复日期：新填「2026-06-05」" in out  # the register's facts are shown
    git(repo, "commit", "-q", "-am", "答复")
    assert NAME not in gk("log", "ZX-2026-009", "-C", catalog).out


# ---------------------------------------------------------------- table 四 from the decision as worded

APPEALS = {
    # (类型, 起诉方式, 结果 as the clerk copies it from the decision, 结案日期) → the row and column of table 四, by hand
    "FY-1": ("行政复议", None, "纠错", "2026-06-01"),  # 行政复议 / 结果纠正
    "FY-2": ("行政复议", None, "撤销被申请人作出的答复，责令于15个工作日内重新答复", "2026-07-01"),  # 结果纠正
    "FY-3": ("行政复议", None, "维持原答复", "2026-08-03"),  # 结果维持
    "FY-4": ("行政诉讼", "未经复议直接起诉", "判决撤销被诉答复", "2026-09-01"),  # 结果纠正
    "FY-5": ("行政诉讼", "复议后起诉", "裁定驳回起诉", "2026-10-09"),  # 其他结果
    "FY-6": ("行政诉讼", "复议后起诉", "判决确认违法", "2027-01-15"),  # decided next year: 尚未审结 on 12-31
}


def test_table_four_counts_results_written_as_the_decision_says_them(gk, cat, tmp_path):
    # 「纠错」, 「维持原答复」, 「撤销被申请人作出的答复，责令……重新答复」: the clerk copies the decision. They were GK104
    # errors and the cases fell out of table 四 (report annual: 「读不出来，这件登记没有计入表四」, exit 1).
    for number, (kind, route, result, closed) in APPEALS.items():
        cat.write(f"appeals/{number}.yaml", f"编号: {number}\n类型: {kind}\n收到日期: 2026-03-02\n结果: {result}\n"
                  + (f"起诉方式: {route}\n" if route else "") + f"结案日期: {closed}\n")
    codes = [d["code"] for d in json.loads(gk("validate", cat.root, "--today", "2027-02-10", "-f", "json").out)["diagnostics"]
             if d["path"].startswith("appeals/")]
    assert codes == []
    run = gk("report", "annual", cat.root, "--year", "2026", "--today", "2027-02-10")
    assert run.code == 0, run.err
    #          行政复议: 维持 纠正 其他 尚未审结 总计 | 未经复议直接起诉 … | 复议后起诉 …
    assert "| 1 | 2 | 0 | 0 | 3 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 1 | 1 | 2 |" in run.out
    out = tmp_path / "a.xlsx"
    assert gk("report", "annual", cat.root, "--year", "2026", "--today", "2027-02-10", "-f", "xlsx", "-o", out).code == 0
    four = {row[0]: list(row[1:]) for row in load_workbook(out)["表四 复议诉讼"].iter_rows(min_row=2, values_only=True)}
    assert four["行政复议"] == [1, 2, 0, 0, 3]
    assert four["未经复议直接起诉"] == [0, 1, 0, 0, 1]
    assert four["复议后起诉"] == [0, 0, 1, 1, 2]


@pytest.mark.parametrize("result", ["驳回", "调解", "不予受理"])
def test_a_result_that_could_go_either_way_is_still_asked(gk, cat, result):
    # 驳回 (on the merits, or the case refused?) and the like are left to the clerk: an error at its line, with the choices.
    cat.write("appeals/FY-9.yaml", f"编号: FY-9\n类型: 行政复议\n收到日期: 2026-03-02\n结果: {result}\n结案日期: 2026-06-01\n")
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert f"4:5 错误 GK104 「{result}」不是有效的「结果」" in run.out and "可选的值：维持、纠正、其他、尚未审结" in run.out


# ---------------------------------------------------------------- the workbook words its headers as the format does

CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"  # 国办公开办函〔2021〕30号, table 三
FEE = "本年收费金额（单位：万元）"  # table 二, 第二十条第（八）项


def test_the_workbook_heads_its_tables_as_the_markdown_and_the_html_do(gk, register, tmp_path):
    # The Markdown and HTML said the format's words; the workbook said 「项目」 over table 三 and 「本年收费金额（万元）」.
    markdown = gk("report", "annual", register, "--year", "2026", "--today", "2027-01-20").out
    html = tmp_path / "a.html"
    gk("report", "annual", register, "--year", "2026", "--today", "2027-01-20", "-f", "html", "-o", html)
    out = tmp_path / "a.xlsx"
    gk("report", "annual", register, "--year", "2026", "--today", "2027-01-20", "-f", "xlsx", "-o", out)
    book = load_workbook(out)
    three = [c for c in next(book["表三 依申请公开"].iter_rows(values_only=True))]
    assert three == [CORNER, "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert ["信息内容", FEE] in [[c for c in r if c is not None] for r in book["表二 主动公开"].iter_rows(values_only=True)]
    for text in (markdown, html.read_text(encoding="utf-8")):
        assert CORNER in text and FEE in text


# ---------------------------------------------------------------- a stopped clock is named, not carried in silence

def test_a_request_whose_clock_stopped_and_never_restarted_is_named_in_the_report(gk, cat, tmp_path):
    # 补正 asked for on 03-03 and never received, a third party consulted from 03-05 and never closed: validate says
    # nothing (the deadline is paused) and table 三 carried both into 四、结转下年度 without a word, year after year.
    cat.write("requests/P1.yaml", _request("P1", "2026-03-02", "自然人", "补正:\n  通知日期: 2026-03-03\n"))
    cat.write("requests/P2.yaml", _request("P2", "2026-03-02", "商业企业", "征求第三方意见:\n  开始: 2026-03-05\n"))
    # 补正 received on 12-31 itself: the clock runs again (20 working days into 2027), nothing to say
    cat.write("requests/P3.yaml", _request("P3", "2026-12-01", "自然人",
                                           "补正:\n  通知日期: 2026-12-02\n  补正日期: 2026-12-31\n"))
    run = gk("report", "annual", cat.root, "--year", "2026", "--today", "2027-01-20")
    assert run.code == 0, run.err  # carried, not wrong: the figures balance
    assert "| 四、结转下年度继续办理 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |" in run.out
    assert ("requests/P1.yaml：申请 P1 在 2026-03-03 通知补正，到年底没有收到补正，按「结转下年度继续办理」统计。"
            "申请人逾期不补正的，写「办理结果: 其他处理」「理由: 逾期不补正」和不再处理的日期（《条例》第三十条）") in run.err
    assert "requests/P2.yaml：申请 P2 自 2026-03-05 征求第三方意见，到年底没有结束" in run.err
    assert "《条例》第三十二条" in run.err and "P3" not in run.err
    html = tmp_path / "a.html"
    gk("report", "annual", cat.root, "--year", "2026", "--today", "2027-01-20", "-f", "html", "-o", html)
    assert "申请 P1 在 2026-03-03 通知补正" in html.read_text(encoding="utf-8")


@pytest.mark.parametrize("written, column", [("公司", 2), ("律师事务所", 5), ("企业", 2), ("个人", 1)])
def test_a_company_or_a_law_firm_written_as_people_say_it_is_counted_in_its_column(gk, cat, written, column):
    # 「申请人类型: 公司」 was GK104 and the request fell out of table 三 (the report: 「读不出来」, exit 1).
    cat.write("requests/Q1.yaml", _request("Q1", "2026-03-02", written, "办理结果: 予以公开\n答复日期: 2026-03-05\n"))
    run = gk("report", "annual", cat.root, "--year", "2026", "--today", "2027-01-20")
    assert run.code == 0, run.err
    row = [0] * 7
    row[column - 1] = row[6] = 1  # 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计
    assert "| 一、本年新收政府信息公开申请数量 | " + " | ".join(map(str, row)) + " |" in run.out


def test_legal_person_alone_is_asked_which_column(gk, cat):
    cat.write("requests/Q2.yaml", _request("Q2", "2026-03-02", "法人或其他组织"))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert "4:8 错误 GK104 「法人或其他组织」不是有效的「申请人类型」［Q2］" in run.out
    assert "可选的值：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他" in run.out


# ---------------------------------------------------------------- GK718: a third party consulted without end

CONSULTED = _request("P9", "2026-02-27", "自然人", "征求第三方意见:\n  开始: 2026-03-02\n")


@pytest.mark.parametrize("today, warned", [
    # from Mon 03-02: 3/3–3/6 (4), 3/9–3/13 (9), 3/16–3/20 (14), Mon 3/23 the 15th working day, 3/24 the 16th
    ("2026-03-23", False), ("2026-03-24", True),
])
def test_a_third_party_consultation_open_past_15_working_days_is_warned(gk, cat, today, warned):
    cat.write("requests/P9.yaml", CONSULTED)
    found = [d for d in json.loads(gk("validate", cat.root, "--today", today, "-f", "json").out)["diagnostics"]
             if d["code"] == "GK718"]
    if not warned:
        assert found == []
        return
    assert [(d["line"], d["column"], d["severity"]) for d in found] == [(7, 7, "warning")]
    assert found[0]["message"] == "申请 P9 自 2026-03-02 征求第三方意见，已过16个工作日仍没有「结束」，答复期限一直暂停"
    assert "《条例》第三十二条" in found[0]["hint"]


def test_a_closed_or_answered_consultation_is_not_warned(gk, cat):
    cat.write("requests/P9.yaml", CONSULTED.replace("  开始: 2026-03-02\n", "  开始: 2026-03-02\n  结束: 2026-03-20\n"))
    cat.write("requests/P8.yaml", CONSULTED.replace("P9", "P8") + "办理结果: 予以公开\n答复日期: 2026-04-20\n")
    codes = [d["code"] for d in json.loads(gk("validate", cat.root, "--today", "2026-11-27", "-f", "json").out)["diagnostics"]]
    assert "GK718" not in codes


# ---------------------------------------------------------------- 2027 before its notice: 春节 on a weekend

def test_a_provisional_deadline_across_the_2027_spring_festival_gives_back_its_weekend(gk, cat):
    # No 2027 notice yet: the deadline is counted from the 办法 alone. 春节 is 除夕 2/5 (Fri) to 初三 2/8 (Mon); 2/6 and
    # 2/7 are a weekend, so 第六条 gives back 2/9 and 2/10. From Wed 01-20: 1/21–1/22 (2), 1/25–1/29 (7), 2/1–2/4 (11),
    # 2/11–2/12 (13), 2/15–2/19 (18), 2/22 (19), 2/23 (20). Without 补假 it said 02-19 and GK701 on 02-22.
    cat.write("requests/R27.yaml", _request("R27", "2027-01-20", "自然人"))
    found = json.loads(gk("validate", cat.root, "--today", "2027-02-22", "-f", "json").out)["diagnostics"]
    said = {d["code"]: d["message"] for d in found if d["code"].startswith("GK7")}
    assert said == {"GK702": "申请 R27 应于 2027-02-23（暂定） 前答复，还剩1个工作日",
                    "GK716": "申请 R27 的答复期限暂定为 2027-02-23"}


# ---------------------------------------------------------------- table 二 and a record that cannot be read

NORMATIVE = (RECORD.replace("文种: 公示", "文种: {kind}").replace("公示截止: 2026-12-31\n", "")
             .replace("测试县民政局关于2026年第三季度低保对象名单的公示", "测试县民政局关于规范临时救助审批的规定")
             .replace("R2026-001", "R2026-002").replace("00001", "00002").replace("测民〔2026〕1号", "测民规〔2026〕1号"))


def test_a_normative_document_that_cannot_be_read_is_named_not_counted_as_none(gk, cat):
    # 「文种: 行政规范性文件」 is the 2021 format's own word, not the catalog's (GK104, 是否想写「规范性文件」): the record
    # was read as nothing, table 二 said 0 issued, 0 in force, and the report exited 0.
    path = cat.record(NORMATIVE.format(kind="行政规范性文件"), "records/2026/R2026-002.yaml")
    run = gk("report", "annual", cat.root, "--year", "2026", "--today", "2027-01-20")
    assert run.code == 1
    assert ("records/2026/R2026-002.yaml 有错误，读不出来，它如果是本机关的规范性文件，没有计入表二的「行政规范性文件」："
            "运行 gongkai validate 改正后再生成") in run.err
    path.write_text(NORMATIVE.format(kind="规范性文件"), encoding="utf-8")
    run = gk("report", "annual", cat.root, "--year", "2026", "--today", "2027-01-20")
    assert run.code == 0, run.err
    assert "| 行政规范性文件 | 1 | 0 | 1 |" in run.out  # formed 2026-09-01, in force on 12-31
