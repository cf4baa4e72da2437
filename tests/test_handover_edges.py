"""gongkai handover on the edges: why each day moved (the exact words), the period a first batch covers, recorded
batches reproduced with what has changed since, and 撤换 letters carried in the batch of the replacement."""

from __future__ import annotations

import csv
import io

import pytest

from tests.conftest import AGENCY, CatalogDir, docx
from tests.test_handover import PDF, add, ho, ledgers, record  # noqa: F401  (ho, sent: fixtures)
from tests.test_handover_recall import sent, withdraw  # noqa: F401

# Every moved handover of 2025 and 2026 with its reason, typed from the State Council notices (see test_handover.py):
# 2025-01-05 is a Sunday; 清明 2025-04-04..06; 劳动节 05-01..05; 国庆+中秋 10-01..08 with 中秋 on 10-06 (the notice
# names it); 2026 春节 02-15..23; 端午 06-19..21; 国庆 10-01..07.
OFFICE = "（国务院办公厅通知）"
MOVED_2025 = {
    "2025-01-05": "1月5日是周日，节假日顺延至1月6日",
    "2025-04-05": f"4月5日至6日清明节假期{OFFICE}，节假日顺延至4月7日",
    "2025-04-20": "4月20日是周日，节假日顺延至4月21日",
    "2025-05-05": f"5月5日劳动节假期{OFFICE}，节假日顺延至5月6日",
    "2025-07-05": "7月5日至6日是周末，节假日顺延至7月7日",
    "2025-07-20": "7月20日是周日，节假日顺延至7月21日",
    "2025-09-20": "9月20日至21日是周末，节假日顺延至9月22日",
    "2025-10-05": (f"10月5日国庆节假期{OFFICE}；10月6日中秋节假期{OFFICE}；10月7日至8日国庆节假期{OFFICE}，"
                   "节假日顺延至10月9日"),
    "2025-12-20": "12月20日至21日是周末，节假日顺延至12月22日",
}
MOVED_2026 = {
    "2026-02-20": f"2月20日至23日春节假期{OFFICE}，节假日顺延至2月24日",
    "2026-04-05": f"4月5日至6日清明节假期{OFFICE}，节假日顺延至4月7日",
    "2026-05-05": f"5月5日劳动节假期{OFFICE}，节假日顺延至5月6日",
    "2026-06-20": f"6月20日至21日端午节假期{OFFICE}，节假日顺延至6月22日",
    "2026-07-05": "7月5日是周日，节假日顺延至7月6日",
    "2026-09-05": "9月5日至6日是周末，节假日顺延至9月7日",
    "2026-10-05": f"10月5日至7日国庆节假期{OFFICE}，节假日顺延至10月8日",
    "2026-12-05": "12月5日至6日是周末，节假日顺延至12月7日",
    "2026-12-20": "12月20日是周日，节假日顺延至12月21日",
}


@pytest.mark.parametrize(("year", "moved"), [(2025, MOVED_2025), (2026, MOVED_2026)])
def test_each_moved_day_says_which_days_it_skipped_and_why(gk, cat, year, moved):
    run = gk("handover", "schedule", "--year", str(year), "--format", "json", "-C", cat.root)
    assert run.code == 0, run.err
    assert {d["nominal"]: d["reason"] for d in run.json() if d["moved"]} == moved
    assert all(d["reason"] == "" for d in run.json() if not d["moved"])


def test_days_past_the_month_end_and_a_lone_saturday(gk, cat):
    # 移交日 31 falls on each month's last day; 2026-01-31 (Sat) and 02-01 (Sun) span two months; 2026-02-28 is a
    # make-up Saturday (it stays); 2026-09-19 is a Saturday followed by the make-up Sunday 09-20.
    cat.write("gongkai.yaml", AGENCY.replace("移交日: [5, 20]", "移交日: [19, 31]"))
    run = gk("handover", "schedule", "--year", "2026", "--format", "json", "-C", cat.root)
    assert run.code == 0, run.err
    got = {d["nominal"]: (d["actual"], d["reason"]) for d in run.json()}
    assert got["2026-01-31"] == ("2026-02-02", "1月31日至2月1日是周末，节假日顺延至2月2日")
    assert got["2026-02-28"] == ("2026-02-28", "")
    assert got["2026-04-30"] == ("2026-04-30", "")
    assert got["2026-05-31"] == ("2026-06-01", "5月31日是周日，节假日顺延至6月1日")
    assert got["2026-09-19"] == ("2026-09-20", "9月19日是周六，节假日顺延至9月20日")
    assert got["2026-10-31"] == ("2026-11-02", "10月31日至11月1日是周末，节假日顺延至11月2日")
    assert len(got) == 24


# ---------------------------------------------------------------- the period a batch covers


def _start(cat: CatalogDir) -> str:
    text = next((cat.root / "handover").iterdir()).read_text(encoding="utf-8")
    return text.split("开始: ")[1][:10]


@pytest.fixture
def bare(cat: CatalogDir) -> CatalogDir:
    """The minimal catalog without its record: each test adds the records it needs."""
    (cat.root / "records/2026/R2026-001.yaml").unlink()
    return cat


@pytest.mark.parametrize(("published", "start"), [
    ("2026-09-07", "2026-09-07"),  # on the previous handover day (2026-09-05 moved to Monday 09-07): reaches back
    ("2026-09-08", "2026-09-08"),  # the day after it: the period starts there anyway
    ("2026-09-10", "2026-09-08"),  # later: the period still starts the day after the previous handover
])
def test_a_first_batch_covers_from_the_day_after_the_previous_handover(gk, bare, tmp_path, published, start):
    add(bare, 4, published, formed="2026-09-01")
    assert gk("handover", "--date", "2026-09-20", "-C", bare.root, "--out", tmp_path / "o").code == 0
    assert _start(bare) == start


def test_an_empty_first_batch_covers_from_the_day_after_the_previous_handover(gk, bare, tmp_path):
    assert gk("handover", "--date", "2026-09-20", "-C", bare.root, "--out", tmp_path / "o").code == 0
    assert _start(bare) == "2026-09-08"
    assert ledgers(bare) == ["2026-09-20.yaml"]


def test_the_first_batch_of_the_year_starts_after_the_last_of_the_year_before(gk, bare, tmp_path):
    # 2025-12-20 moved to Monday 12-22; the first handover of 2026 is 01-05 (a Monday, the make-up Sunday is 01-04).
    assert gk("handover", "--date", "2026-01-05", "-C", bare.root, "--out", tmp_path / "o").code == 0
    assert _start(bare) == "2025-12-23"


def test_a_forced_batch_after_new_year_reaches_into_the_year_before(gk, bare, tmp_path):
    # 2025-01-02: the previous handover is 2024-12-20 (a Friday, from the 2024 notice).
    run = gk("handover", "--date", "2025-01-02", "--force", "-C", bare.root, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert _start(bare) == "2024-12-21"


def test_a_forced_batch_before_the_first_year_gongkai_knows_starts_on_the_first_of_the_month(gk, bare, tmp_path):
    # 2004 is the first year of the holiday library: no handover before 2004-01-02 can be found.
    run = gk("handover", "--date", "2004-01-02", "--force", "-C", bare.root, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert _start(bare) == "2004-01-01"


# ---------------------------------------------------------------- what stops a batch


def test_a_catalog_whose_settings_do_not_load_cannot_hand_over(gk, ho, tmp_path):
    ho.write("gongkai.yaml", AGENCY.replace("份数: 2", "份数: 0"))
    run = gk("handover", "--date", "2026-09-20", "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 2
    assert "gongkai.yaml 有错误或缺少「移交」设置，无法移交；请先运行 gongkai validate 改正。" in run.err
    assert not (tmp_path / "o").exists() and ledgers(ho) == []


def test_a_record_without_index_number_is_listed_first_among_those_of_its_day(gk, ho, tmp_path):
    add(ho, 5, "2026-09-15", formed="2026-09-10")
    text = (ho.root / "records/2026/R2026-005.yaml").read_text(encoding="utf-8")
    ho.write("records/2026/R2026-005.yaml", text.replace("索引号: 350524-MZ-2026-00005\n", ""))
    run = gk("handover", "--date", "2026-09-20", "--dry-run", "--allow-incomplete", "--today", "2026-09-20",
             "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    lines = [line.split()[:2] for line in run.out.splitlines() if "公开于" in line]
    assert lines == [["1.", "350524-MZ-2026-00001"], ["2.", "（无索引号）"], ["3.", "350524-MZ-2026-00002"]]


def test_a_recorded_batch_whose_record_no_longer_passes_is_not_reproduced(gk, ho, tmp_path):
    assert gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", ho.root, "--out", tmp_path / "a").code == 0
    path = ho.root / "records/2026/R2026-002.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("公开属性: 主动公开", "公开属性: 依申请公开")
                    .replace("索引号: 350524-MZ-2026-00002\n", ""), encoding="utf-8")
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", ho.root, "--out", tmp_path / "b")
    assert run.code == 1
    # the ledger's 17th line is「  - 编号: R2026-002」 (after R2026-001's 题名, 文号, 页数, file and 「未送: [tsg]」): column 9
    assert run.err.startswith("handover/2026-09-20.yaml\n  18:9 错误 GK508 台账列出的信息 R2026-002 已不能通过公开审核"
                              "（不存在、非主动公开、已撤回或含未遮盖的个人信息）［2026-09-20］\n")
    assert "    改正：核对信息登记；不能重新生成这一批。\n" in run.err
    assert "R2026-001" not in run.err  # still admitted: only the one that changed is named
    assert not (tmp_path / "b").exists()


def test_a_recorded_letter_naming_a_record_that_is_gone_is_not_reproduced(gk, cat, sent, tmp_path):
    withdraw(cat, "R2026-011", "2026-10-01")
    assert gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", tmp_path / "a").code == 0
    (cat.root / "records/2026/R2026-011.yaml").unlink()  # its 撤换 is in the 2026-10-08 ledger
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", tmp_path / "b")
    assert run.code == 1
    # the ledger's 9th line is the first of its 撤换:「  - 编号: R2026-011」
    assert run.err.startswith("handover/2026-10-08.yaml\n  10:9 错误 GK508 台账「撤换」列出的信息 R2026-011 "
                              "已不存在或已不能通过公开审核［2026-10-08］\n")
    assert "    改正：恢复这条信息的登记；不能重新生成这一批。\n" in run.err
    assert not (tmp_path / "b").exists()


def test_each_gap_is_reported_at_its_record_and_field_with_its_hint(gk, ho, tmp_path):
    add(ho, 6, "2026-09-16", pages="")  # no 页数: the gap points at the record's 编号, line 1 column 5
    block = ("records/2026/R2026-006.yaml\n  1:5 {} GK504 没有填写「页数」，目录表需要页数［R2026-006］\n"
             "        1 | 编号: R2026-006\n          |       ^\n    改正：填写纸质文件的页数，如「页数: 3」。\n")
    run = gk("handover", "--date", "2026-09-20", "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 1 and run.err.startswith(block.format("错误")), run.err
    run = gk("handover", "--date", "2026-09-20", "--allow-incomplete", "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 0 and run.err.startswith(block.format("警告")), run.err


@pytest.mark.parametrize(("formed", "remark"), [
    ("2026-08-25", ""),  # the 19th working day after 成文 (2026-09-20 is a make-up Sunday)
    ("2026-08-24", ""),  # the 20th: on the last day of the limit
    ("2026-08-21", "  备注：成文后第21个工作日送交，超过20个工作日时限"),  # the 21st: late
])
def test_a_record_is_late_from_the_21st_working_day_after_it_was_written(gk, bare, tmp_path, formed, remark):
    add(bare, 8, "2026-09-16", formed=formed)
    run = gk("handover", "--date", "2026-09-20", "--dry-run", "--today", "2026-09-20", "-C", bare.root,
             "--out", tmp_path / "o")
    assert run.code == 0, run.err
    [line] = [x for x in run.out.splitlines() if "350524-MZ-2026-00008" in x]
    assert line.endswith("[R2026-008/R2026-008.pdf]" + remark)


def test_only_pdf_and_ceb_attachments_are_sent(gk, bare, tmp_path):
    bare.write("records/2026/R2026-008.yaml", record(8, "2026-09-16", formed="2026-09-15")
               + "  - 文件: files/2026/R2026-008-附表.docx\n")
    bare.write("files/2026/R2026-008.pdf", PDF + b"R2026-008")
    bare.write("files/2026/R2026-008-附表.docx", docx("附表"))
    run = gk("handover", "--date", "2026-09-20", "--dry-run", "--today", "2026-09-20", "-C", bare.root,
             "--out", tmp_path / "o")
    assert run.code == 0, run.err
    [line] = [x for x in run.out.splitlines() if "350524-MZ-2026-00008" in x]
    # (thirty-eighth session) the 备注 says the 附表 is in the paper copies only
    assert line.endswith("[R2026-008/R2026-008.pdf]  备注：另有附件「R2026-008-附表.docx」不是 PDF 或 CEB，未送电子件")


def _gap_catalog(ho: CatalogDir) -> None:
    """Five records each lacking one thing the 两馆 need, and a ledger (validate warns once a catalog hands over)."""
    ho.write("records/2026/R2026-011.yaml", record(11, "2026-09-16", attach=False))
    ho.write("records/2026/R2026-012.yaml", record(12, "2026-09-16"))  # its PDF is not in the catalog
    ho.write("records/2026/R2026-013.yaml", record(13, "2026-09-16", attach=False)
             + "附件:\n  - 文件: files/2026/R2026-013.docx\n")
    ho.write("files/2026/R2026-013.docx", docx("关于养老服务补贴的通知"))
    add(ho, 14, "2026-09-16", pages="")
    add(ho, 15, "2026-09-16")
    text = (ho.root / "records/2026/R2026-015.yaml").read_text(encoding="utf-8")
    ho.write("records/2026/R2026-015.yaml", text.replace("索引号: 350524-MZ-2026-00015\n", ""))


GAPS = {  # code → (message, hint), as the rules and the handover say them
    # (R2026-011 lacks it: its own file as the example, which a clerk may copy as it stands)
    "GK501": ("信息「测试县民政局关于2026年第三季度低保对象名单的公示」没有附件，无法向两馆送交电子文件",
              "在「附件」中登记 PDF 或 CEB 文件，如 files/2026/R2026-011.pdf。"),
    "GK502": ("附件文件「files/2026/R2026-012.pdf」不存在", "把文件放到目录文件夹中的这个位置，或改正路径。"),
    "GK503": ("附件没有 PDF 或 CEB 格式的文件，两馆只接收 PDF 或 CEB", "把公文另存为 PDF（或 CEB）并登记为附件。"),
    "GK504": ("没有填写「页数」，目录表需要页数", "填写纸质文件的页数，如「页数: 3」。"),
    "GK505": ("没有索引号，目录表按索引号登记", "填写本机关的索引号。"),
}


def test_each_gap_has_its_message_hint_and_remark(gk, ho, tmp_path):
    _gap_catalog(ho)
    ho.write("handover/2026-09-07.yaml", "批次日期: 2026-09-07\n覆盖期间: {开始: 2026-08-21, 结束: 2026-09-07}\n"
                                         "接收单位: [dag, tsg]\n信息:\n  - 编号: R2026-001\n")
    found = {d["code"]: (d["message"], d.get("hint"), d["path"], d["line"], d["column"])
             for d in gk("validate", ho.root, "--format", "json", "--no-cache").json()["diagnostics"]
             if d["code"] in GAPS}
    assert {code: found[code][:2] for code in found} == {c: GAPS[c] for c in ("GK501", "GK502", "GK503", "GK504")}
    # at the record's 编号 (line 1, column 5), at the missing file (line 20:「  - 文件: files/…」), at 附件 (line 19)
    assert {c: found[c][3:] for c in found} == {"GK501": (1, 5), "GK502": (20, 9), "GK503": (19, 1), "GK504": (1, 5)}
    assert {code: found[code][2] for code in found} == {
        "GK501": "records/2026/R2026-011.yaml", "GK502": "records/2026/R2026-012.yaml",
        "GK503": "records/2026/R2026-013.yaml", "GK504": "records/2026/R2026-014.yaml"}
    run = gk("handover", "--date", "2026-09-20", "--dry-run", "--allow-incomplete", "--today", "2026-09-20",
             "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    message, hint = GAPS["GK505"]
    assert f"records/2026/R2026-015.yaml\n  1:5 警告 GK505 {message}［R2026-015］\n" in run.err
    assert f"    改正：{hint}\n" in run.err
    remarks = {line.split()[1]: line.split("备注：")[1] for line in run.out.splitlines() if "备注：" in line}
    assert remarks == {"350524-MZ-2026-00011": "缺电子文件", "350524-MZ-2026-00013": "无PDF/CEB电子文件",
                       "350524-MZ-2026-00014": "缺页数", "（无索引号）": "缺索引号"}


def test_a_batch_covers_from_the_day_after_the_latest_recorded_one(gk, ho, tmp_path):
    for day in ("2026-09-07", "2026-09-20"):
        assert gk("handover", "--date", day, "-C", ho.root, "--out", tmp_path / day).code == 0
    assert gk("handover", "--date", "2026-10-08", "-C", ho.root, "--out", tmp_path / "c").code == 0
    text = (ho.root / "handover/2026-10-08.yaml").read_text(encoding="utf-8")
    assert "开始: 2026-09-21" in text and "结束: 2026-10-08" in text


def test_other_handover_days_set_the_period_and_the_nearest_days(gk, bare, tmp_path):
    bare.write("gongkai.yaml", AGENCY.replace("移交日: [5, 20]", "移交日: [10, 25]"))
    # 2026-09-10 (Thu) and 09-25 (Fri, 中秋 is 09-25..27: moved to Monday 09-28)
    run = gk("handover", "--date", "2026-09-21", "-C", bare.root, "--out", tmp_path / "a")
    assert run.code == 2 and "前一个 2026-09-10，后一个 2026-09-28（9月25日顺延）" in run.err, run.err
    assert gk("handover", "--date", "2026-09-28", "-C", bare.root, "--out", tmp_path / "b").code == 0
    assert _start(bare) == "2026-09-11"


def test_the_next_handover_named_for_a_day_not_yet_due_is_after_yesterday(gk, ho, tmp_path):
    # today 2026-09-21 (Mon): 09-20 (the make-up Sunday) was yesterday's handover; the next is 10-08 (10-05 moved).
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-09-21", "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 2 and "下一个移交日是 2026-10-08（10月5日顺延）。" in run.err, run.err


@pytest.mark.parametrize(("day", "before", "after"), [
    # no 2027 notice in the catalog: the next day is named by its nominal date, not known to move or not (hostile 23)
    ("2026-12-25", "2026-12-21（12月20日顺延）", "2027-01-05（名义日期：2027年的节假日安排还没有，是否顺延要录入后才能确定）"),
    ("2004-12-25", "2004-12-20", "2005-01-05"),  # 2004 is the library's first year: 2003 is missing, 2005 is not
])
def test_the_nearest_days_at_the_end_of_a_year(gk, ho, tmp_path, day, before, after):
    run = gk("handover", "--date", day, "--today", "2026-12-31", "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 2 and f"前一个 {before}，后一个 {after}。" in run.err, run.err


def test_the_manifest_names_the_format_in_capitals(gk, ho, tmp_path):
    assert gk("handover", "--date", "2026-09-20", "-C", ho.root, "--out", tmp_path / "o").code == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "o/dag/data/manifest.csv").read_text(encoding="utf-8-sig"))))
    column = rows[5].index("电子文件格式")
    assert [r[column] for r in rows[6:]] == ["PDF", "PDF"]
