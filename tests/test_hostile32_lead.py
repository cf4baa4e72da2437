"""The yearly inspection's checks and the county's roll-up that no planted bug reached before (the thirty-second pass,
the lead's part), read as the county office and the inspector read `gongkai inspect` and `gongkai county`. First the
mutants of tools/mutation.py's new group "inspect_rest" that survived every earlier
test, each of which would have handed the office a wrong sheet without a test failing:

1. Monitoring (--monitoring): a column with no record and no 空白说明 crashing the run or skipped; a column with records
   *and* a 空白说明 skipped as if blank; one whose records are all older than the look-back year crashing it; the
   columns after a skipped one left out; the evidence without the item's file.
2. Its edges: a column last filled exactly 90 days ago, or with two records exactly 90 days apart, is within the rule;
   91 days is not.
3. 互动回应: a message answered today after more than three months named as still unanswered; a 答复日期 after today
   taken as an answer.
4. A bureau whose only consultation channel is its 网上申请地址 failing the 单项否决 for having none.
5. County roll-up: the sum's own 勾稽 check dropped (the sheet said 平衡 over a department that is not); the departments
   without annual/<year>.yaml (table 二 summed as 0) named the wrong way round; a department's problems run together;
   table 二 (规章 made/repealed/in force, 许可, 处罚, 强制, 收费) summed wrongly or starting from 1.

Two real defects, fixed:

6. inspect's JSON (read by the county's tools) showed the points of 「每个: 0.1」 × 3 as 0.30000000000000004 and the
   score as 99.69999999999999: points and score are now kept as inspect.yaml writes them (six decimals).
7. A phone number in gongkai.yaml typed with the input method in full-width mode (０５９５－２３８８１２３４), or with a
   Chinese dash (0595—23881234), was two tel: links on the site, and a tap dialled 0595 alone; a full-width e-mail was
   no link and validate warned the bureau had no channel (GK901). Both are read as the ASCII they stand for now.

Today is 2026-11-27 (conftest's day); the thresholds are the defaults README lists (12 months, 4 records, 90 days).
"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from conftest import CatalogDir
from gongkai.model.contacts import email_spans, phone_spans
from test_county import county  # noqa: F401
from test_inspect import BASE_AGENCY, LEADERS, SITE, check, icat, ids, inspect, write_item, write_record  # noqa: F401

BLANK = "空白说明: 本年度未产生此类信息。\n"


def _monitoring(gk, cat: CatalogDir) -> dict[str, dict]:
    _, sheet = inspect(gk, cat.root, "--monitoring")
    return {m["key"]: m for m in sheet["monitoring"]}


def _texts(entry: dict) -> dict[str | None, tuple[str, str | None]]:
    return {e["id"]: (e["text"], e["path"]) for e in entry["evidence"]}


@pytest.fixture
def columns(icat: CatalogDir) -> CatalogDir:
    write_item(icat, "SHJZ-060", "从未公开的栏目")
    write_item(icat, "SHJZ-061", "说明了空白的栏目", extra=BLANK)
    write_item(icat, "SHJZ-062", "有信息也有空白说明", extra=BLANK)
    write_record(icat, "R2026-062", "SHJZ-062", "2026-02-02")
    write_item(icat, "SHJZ-063", "只有去年的信息")
    write_record(icat, "R2026-063", "SHJZ-063", "2025-10-01")
    return icat


def test_every_kind_of_column_is_counted_with_its_file(gk, columns):
    rules = _monitoring(gk, columns)
    count, since = _texts(rules["monitor-count"]), _texts(rules["monitor-since"])
    # SHJZ-001 (09-03) and SHJZ-050 (11-02) of the base catalog have one record each in the year
    assert sorted(count) == ["SHJZ-001", "SHJZ-050", "SHJZ-060", "SHJZ-062", "SHJZ-063"]
    assert count["SHJZ-060"] == ("最低生活保障 / 从未公开的栏目：近12个月公开0条", "items/shjz/SHJZ-060.yaml")
    assert count["SHJZ-062"] == ("最低生活保障 / 有信息也有空白说明：近12个月公开1条", "items/shjz/SHJZ-062.yaml")
    assert count["SHJZ-063"] == ("最低生活保障 / 只有去年的信息：近12个月公开0条", "items/shjz/SHJZ-063.yaml")
    assert since == {"SHJZ-060": ("最低生活保障 / 从未公开的栏目：从未公开", "items/shjz/SHJZ-060.yaml"),
                     "SHJZ-062": ("最低生活保障 / 有信息也有空白说明：最近一次公开 2026-02-02，距今298天", "items/shjz/SHJZ-062.yaml"),
                     "SHJZ-063": ("最低生活保障 / 只有去年的信息：最近一次公开 2025-10-01，距今422天", "items/shjz/SHJZ-063.yaml")}
    assert rules["monitor-gap"]["evidence"] == []  # no column has two records a gap apart
    expected = {"monitor-count": ("每个栏目近12个月至少公开4条", 5, "fail"),
                "monitor-since": ("最近一次公开距今不超过90天", 3, "fail"),
                "monitor-gap": ("相邻两次公开相隔不超过90天", 0, "pass")}
    for key, (point, found, status) in expected.items():
        rule = rules[key]
        assert (rule["indicator"], rule["point"], rule["count"], rule["status"]) == ("基层监测", point, found, status)
        assert rule["rule"] == "不符合的栏目列出（不计入结论）"


def test_ninety_days_is_within_the_profile_and_ninety_one_is_not(gk, icat):
    write_item(icat, "SHJZ-064", "九十天前公开")
    write_record(icat, "R2026-640", "SHJZ-064", "2026-08-29")  # 08-29 → 11-27: 90 days
    write_item(icat, "SHJZ-065", "九十一天前公开")
    write_record(icat, "R2026-650", "SHJZ-065", "2026-08-28")
    write_item(icat, "SHJZ-066", "相隔九十天")
    for n, day in enumerate(["2026-03-02", "2026-05-31", "2026-08-29"]):  # 90 and 90 days apart
        write_record(icat, f"R2026-66{n}", "SHJZ-066", day)
    write_item(icat, "SHJZ-067", "相隔九十一天")
    for n, day in enumerate(["2026-03-02", "2026-06-01", "2026-08-29"]):  # 91, then 89 days apart
        write_record(icat, f"R2026-67{n}", "SHJZ-067", day)
    rules = _monitoring(gk, icat)
    assert ids(rules["monitor-since"]) == ["SHJZ-065"]
    assert rules["monitor-since"]["evidence"][0]["text"] == "最低生活保障 / 九十一天前公开：最近一次公开 2026-08-28，距今91天"
    assert [(e["id"], e["text"]) for e in rules["monitor-gap"]["evidence"]] == [
        ("SHJZ-067", "最低生活保障 / 相隔九十一天：2026-03-02 至 2026-06-01 相隔91天")]


def _message(cat: CatalogDir, mid: str, received: str, replied: str | None = None) -> None:
    text = f"编号: {mid}\n收到日期: {received}\n渠道: 网上留言\n主题: 咨询{mid}\n"
    cat.write(f"consultations/2026/{mid}.yaml", text + (f"答复日期: {replied}\n" if replied else ""))


def test_an_answer_today_is_late_and_an_answer_dated_later_is_none_yet(gk, icat):
    _message(icat, "ZX-2026-001", "2026-07-01", "2026-11-27")  # answered today, after 149 days
    _message(icat, "ZX-2026-002", "2026-08-20", "2026-12-15")  # 答复日期 ahead: unanswered for 99 days
    _message(icat, "ZX-2026-003", "2026-09-01", "2026-12-10")  # unanswered for 87 days: not yet three months
    _, sheet = inspect(gk, icat.root)
    found = {e["id"]: e["text"] for e in check(sheet, "interaction")["evidence"]}
    assert found == {
        "ZX-2026-001": "2026-07-01 收到的网上留言（主题见 consultations/ 中的登记文件），2026-11-27 才答复（149天，超过3个月）",
        "ZX-2026-002": "2026-08-20 收到的网上留言（主题见 consultations/ 中的登记文件），至今未答复（已99天，超过3个月）"}


def test_an_online_request_address_alone_is_a_working_channel(gk, icat):
    text = BASE_AGENCY + LEADERS + SITE
    for line in ("  联系电话: 0595-23000000\n", "  电话: 0595-23000000\n", "  电子邮箱: gk@example.gov.cn\n"):
        assert line in text
        text = text.replace(line, "")
    icat.write("gongkai.yaml", text.replace("依申请公开:\n", "依申请公开:\n  网上申请地址: https://www.example.gov.cn/ysqgk/\n"))
    code, sheet = inspect(gk, icat.root)
    assert check(sheet, "interaction")["status"] == "pass" and code == 0


# ── the county's roll-up of the annual reports ──────────────────────────────────────────────────────────────────────


def _annual(folder, regulations: tuple[int, int, int], licensing: int, penalty: int, enforcement: int,
            fees: str) -> None:
    made, repealed, valid = regulations
    path = folder / "catalog" / "annual" / "2026.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"年度: 2026\n规章:\n  本年制发: {made}\n  本年废止: {repealed}\n  现行有效: {valid}\n"
                    f"行政许可: {licensing}\n行政处罚: {penalty}\n行政强制: {enforcement}\n行政事业性收费: {fees}\n",
                    encoding="utf-8")


def test_the_county_sum_says_itself_that_it_does_not_balance(gk, county, tmp_path):
    """德化's only request was replied to without an 办理结果: its 自然人 column reads 1 = 0, and the county's sum
    (永春 1 新收 + 1 予以公开, 德化 1 新收) reads 2 = 1. The sum's own check comes first on the sheet, each department's after."""
    path = county[1] / "catalog" / "requests" / "2026" / "YSQ-2026-001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("办理结果: 部分公开\n", ""), encoding="utf-8")
    out = tmp_path / "o"
    result = gk("county", county[0], county[1], "--year", "2026", "--format", "json", "--out", out)
    assert result.code == 0, result.err
    sheet = load_workbook(out / "annual-2026.xlsx")["勾稽检查"]
    rows = [row for row in sheet.iter_rows(values_only=True) if row[0]]
    why = "（应相等；检查未写办理结果或理由的申请、上年结转数）"
    unbalanced = "表三「{}」列不平衡：本年新收 + 上年结转 = {}，办理结果总计 + 结转下年度 = {}" + why
    assert rows[:5] == [("检查", None), (unbalanced.format("自然人", 2, 1), None), (unbalanced.format("总计", 3, 2), None),
                        ("2026年还没有过完：表中的数字截至 2026-11-27，不是全年的；年度报告在次年1月编制", None),
                        ("部门", "勾稽检查（一 + 二 = 三(七) + 四）")]
    assert rows[5:7] == [("永春县民政局", "平衡"), ("德化县民政局", "；".join([
        "requests/2026/YSQ-2026-001.yaml：没有写办理结果，没有计入「三、本年度办理结果」（运行 gongkai validate 查看改法）",
        unbalanced.format("自然人", 1, 0), unbalanced.format("总计", 1, 0)]))]
    assert result.json()["annual_balanced"] is False


def test_the_county_names_departments_without_their_annual_data(gk, county, tmp_path):
    """A department without catalog/annual/2026.yaml adds 0 to the figures of table 二 only that file gives: the county
    office must see which, in the json and under the workbook's check."""
    (county[1] / "catalog" / "annual" / "2026.yaml").unlink(missing_ok=True)
    _annual(county[0], (1, 2, 3), 3, 2, 1, "0.5")
    out = tmp_path / "o"
    result = gk("county", county[0], county[1], "--year", "2026", "--format", "json", "--out", out)
    assert result.json()["annual_missing"] == ["德化县民政局"]
    sheet = load_workbook(out / "annual-2026.xlsx")
    two = {row[0]: row[1:] for row in sheet["表二 主动公开"].iter_rows(values_only=True) if row[0]}
    assert two["规章"] == (1, 2, 3)  # 永春's alone: 德化's add nothing
    assert (two["行政许可"][0], two["行政处罚"][0], two["行政强制"][0], two["行政事业性收费"][0]) == (3, 2, 1, 0.5)
    rows = [row for row in sheet["勾稽检查"].iter_rows(values_only=True) if row[0]]
    assert ("部门", "年度报告数据") in rows
    assert rows[-1][0] == "德化县民政局" and rows[-1][1].endswith("表二的规章、行政许可、行政处罚、行政强制、收费按 0 汇总")


def test_the_county_sums_table_two_figure_by_figure(gk, county, tmp_path):
    _annual(county[0], (1, 2, 3), 3, 2, 1, "0.5")
    _annual(county[1], (4, 5, 6), 10, 0, 2, "1.25")
    out = tmp_path / "o"
    result = gk("county", county[0], county[1], "--year", "2026", "--format", "json", "--out", out)
    assert result.json()["annual_missing"] == []
    rows = {row[0]: row[1:] for row in load_workbook(out / "annual-2026.xlsx")["表二 主动公开"].iter_rows(values_only=True)
            if row[0]}
    assert rows["规章"] == (5, 7, 9)
    assert rows["行政规范性文件"] == (0, 0, 0)  # neither new catalog has a 规范性文件 yet
    assert (rows["行政许可"][0], rows["行政处罚"][0], rows["行政强制"][0]) == (13, 2, 3)
    assert rows["行政事业性收费"][0] == 1.75


# ── points as inspect.yaml writes them ───────────────────────────────────────────────────────────────────────────


def test_a_tenth_of_a_point_three_times_is_three_tenths(gk, icat):
    """inspect.yaml may set 每个: 0.1; three findings take 0.3 points, and the score is 满分 100 − 0.3 = 99.7 — the
    JSON (read by the county's tools) showed 0.30000000000000004 and 99.69999999999999 before."""
    icat.write("inspect.yaml", "扣分:\n  解读:\n    每个: 0.1\n")
    for n in range(3):
        write_record(icat, f"R2026-01{n}", "SHJZ-050", "2026-11-02", kind="规范性文件", extra="有效性: 有效\n")
    _, sheet = inspect(gk, icat.root)
    entry = check(sheet, "interpretation")
    assert (entry["count"], entry["points"]) == (3, 0.3)
    assert sheet["verdict"]["score"] == 99.7


# ── a phone number typed in full-width mode ─────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("written, href", [
    ("０５９５－２３８８１２３４", "tel:0595-23881234"),  # the input method left in full-width mode
    ("0595—23881234", "tel:0595-23881234"),  # a dash of Chinese punctuation between area code and number
    ("（０５９５）２３８８１２３４转８００１", "tel:059523881234;ext=8001"),
])
def test_a_full_width_phone_is_one_link_that_dials(written, href):
    """The site's 指南 and footer link each number in gongkai.yaml (model.contacts.phone_spans): a full-width number
    was two links, tel:０５９５ and tel:２３８８１２３４, so a tap dialled 0595 (found by h150, left alone outside init)."""
    assert [(span.text, span.href) for span in phone_spans(written)] == [(written, href)]


def test_a_full_width_contact_in_gongkai_yaml_is_a_working_channel(gk, icat):
    text = (BASE_AGENCY + LEADERS + SITE).replace("0595-23000000", "０５９５－２３０００００００")
    icat.write("gongkai.yaml", text.replace("gk@example.gov.cn", "ｇｋ＠ｅｘａｍｐｌｅ．ｇｏｖ．ｃｎ"))
    run = gk("validate", icat.root, "--today", "2026-11-27")
    assert run.code == 0 and "没有发现问题" in run.out  # no GK901 (no channel), no GK602 (the bureau's own number)
    assert [(s.text, s.href) for s in email_spans("ｇｋ＠ｅｘａｍｐｌｅ．ｇｏｖ．ｃｎ")] == [
        ("ｇｋ＠ｅｘａｍｐｌｅ．ｇｏｖ．ｃｎ", "mailto:gk@example.gov.cn")]


def test_a_gap_before_the_look_back_year_is_not_counted(gk, icat):
    """Only the gap that runs into the year counts (from the last record before it): 2025-03-01 → 2025-09-01 lies
    wholly before 2025-11-27 and is no gap of the year; 2025-09-01 → 2025-11-30 is 90 days, within the rule."""
    write_item(icat, "SHJZ-068", "按季公开")
    days = ["2025-03-01", "2025-09-01", "2025-11-30", "2026-01-15", "2026-03-15", "2026-05-15", "2026-07-15",
            "2026-09-15", "2026-11-15"]
    for n, day in enumerate(days):
        write_record(icat, f"R2026-68{n}", "SHJZ-068", day)
    rules = _monitoring(gk, icat)
    assert "SHJZ-068" not in ids(rules["monitor-gap"])
    assert rules["monitor-gap"]["source"] == rules["monitor-count"]["source"] != ""


def test_a_policy_naming_a_reading_not_on_the_web_says_which(gk, icat):
    """A 规范性文件 whose 解读 names a record that is not a 政策解读 on the web: the sheet names what it listed."""
    write_record(icat, "R2026-010", "SHJZ-050", "2026-11-02", kind="规范性文件",
                 extra="有效性: 有效\n解读: [R2026-050]\n")  # R2026-050 is a 通知
    _, sheet = inspect(gk, icat.root)
    found = {e["id"]: e["text"] for e in check(sheet, "interpretation")["evidence"]}
    assert found["R2026-010"] == "规范性文件「测试县民政局关于R2026-010的通知」所列解读 R2026-050 不是网站上的政策解读"
