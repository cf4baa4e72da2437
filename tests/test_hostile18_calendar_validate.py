"""Hostile pass on the working-day calendar, handover and validate (issues 2 and 3), as an archivist, a clerk and an
inspector would try them. Expected dates and words are typed by hand from the State Council notices (DOMAIN.md §4)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import AGENCY, CatalogDir
from tests.test_handover import add, ho  # noqa: F401  (ho: fixture)

# A 2027 notice typed by hand with one mistake: 2027-02-22 is a Monday, not a weekend make-up day.
BROKEN_2027 = """\
年度: 2027
通知: 测试用虚构通知（不是国务院办公厅的真实安排）
放假:
  - 名称: 元旦
    开始: 2027-01-01
    结束: 2027-01-03
调休上班: [2027-02-22]
"""
MENDED = "calendar/2027.yaml 有错误，没有使用"


def _json(gk, cat: CatalogDir, today: str) -> list[dict]:
    run = gk("validate", cat.root, "--format", "json", "--no-cache", "--today", today)
    assert run.code in (0, 1), run.err
    return run.json()["diagnostics"]  # type: ignore[index,no-any-return]


# ------------------------------------------------------------------ a notice file that is there but has errors


def test_handover_of_a_year_whose_notice_file_has_errors_names_the_file_not_a_missing_notice(gk, cat):
    cat.write("calendar/2027.yaml", BROKEN_2027)
    run = gk("handover", "schedule", "--year", "2027", "-C", cat.root)
    assert run.code == 2
    assert f"{MENDED}，因此没有2027年的节假日安排" in run.err
    assert "gongkai validate" in run.err and "--force" in run.err
    assert "录入 calendar/2027.yaml" not in run.err  # the clerk did type it in: "type it in" sends them in circles


def test_a_provisional_count_over_a_year_whose_notice_file_has_errors_says_so(gk, cat):
    cat.write("calendar/2027.yaml", BROKEN_2027)
    run = gk("workdays", "add", "2026-12-30", "3", "-C", cat.root)
    assert run.code == 0
    # 2026-12-31 (Thu) is the 1st; 2027-01-01 元旦 and the weekend are skipped (statutory days only): 01-04, 01-05
    assert "→ 2027-01-05（暂定）" in run.out
    assert f"暂定：{MENDED}，2027年的期限暂按周末" in run.out
    assert "尚未录入" not in run.out


def test_from_december_the_warning_names_the_broken_notice_file(gk, cat):
    cat.write("calendar/2027.yaml", BROKEN_2027)
    found = [d for d in _json(gk, cat, "2026-12-01") if d["code"] == "GK802"]
    assert len(found) == 1
    assert found[0]["path"] == "calendar/2027.yaml"
    assert found[0]["message"].startswith(f"今天已是12月，{MENDED}，2027年的工作日期限只能暂定。")
    assert "尚未录入" not in found[0]["message"]
    assert [d["line"] for d in _json(gk, cat, "2026-12-01") if d["code"] == "GK801"] == [7]


def test_in_a_year_without_its_notice_the_warning_names_that_years_file(gk, cat):
    # 2027-03-01: no notice for 2027 at all; the file to write is calendar/2027.yaml (not 2028's)
    found = [d for d in _json(gk, cat, "2027-03-01") if d["code"] == "GK802"]
    assert [d["path"] for d in found] == ["calendar/2027.yaml"]
    assert found[0]["message"].startswith("今天已是2027年，尚未录入2027年节假日安排")


def test_before_december_no_warning_for_next_year(gk, cat):
    assert [d for d in _json(gk, cat, "2026-11-30") if d["code"] == "GK802"] == []


# ------------------------------------------------------------------ a ledger's record whose 公开日期 moved past it


def _moved_after_the_batch(gk, ho: CatalogDir, tmp_path) -> None:
    assert gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", ho.root, "--out", tmp_path / "a").code == 0
    path = ho.root / "records/2026/R2026-002.yaml"
    # handed over on 2026-09-20, then its 公开日期 changed to 2026-09-21, the day after (still a valid record)
    path.write_text(path.read_text(encoding="utf-8").replace("公开日期: 2026-09-15", "公开日期: 2026-09-21"),
                    encoding="utf-8")


def test_validate_flags_a_handed_over_record_whose_publication_date_is_now_after_its_batch(gk, ho, tmp_path):
    _moved_after_the_batch(gk, ho, tmp_path)
    found = [d for d in _json(gk, ho, "2026-09-25") if d["code"] == "GK508"]
    assert [(d["path"], d["line"], d["column"], d["severity"]) for d in found] == [
        ("handover/2026-09-20.yaml", 18, 9, "error")]  # line 18: after R2026-001's 题名, 文号, 页数 and 「未送: [tsg]」
    assert found[0]["message"] == ("台账 2026-09-20 这一批送交了信息 R2026-002，但它现在的公开日期 2026-09-21 晚于这一批："
                                   "送交两馆的只能是已经公开的信息")
    assert "改回送交时的日期" in found[0]["hint"]


def test_a_record_published_on_the_batch_day_itself_is_no_finding(gk, ho, tmp_path):
    assert gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", ho.root, "--out", tmp_path / "a").code == 0
    path = ho.root / "records/2026/R2026-002.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("公开日期: 2026-09-15", "公开日期: 2026-09-20"),
                    encoding="utf-8")
    assert [d for d in _json(gk, ho, "2026-09-25") if d["code"] == "GK508"] == []


def test_reproducing_the_batch_names_the_moved_date_not_a_list_of_guesses(gk, ho, tmp_path):
    _moved_after_the_batch(gk, ho, tmp_path)
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-09-25", "-C", ho.root, "--out", tmp_path / "b")
    assert run.code == 1
    # line 18:「  - 编号: R2026-002」, after R2026-001's 索引号, 题名, 文号, 页数, file and 「未送: [tsg]」
    assert run.err.startswith("handover/2026-09-20.yaml\n  18:9 错误 GK508 台账 2026-09-20 这一批送交了信息 R2026-002，"
                              "但它现在的公开日期 2026-09-21 晚于这一批")
    assert "不存在、非主动公开" not in run.err
    # --allow-incomplete would not help: the closing line does not send the clerk there
    assert run.err.endswith("这一批没有生成：请先改正上面的错误（--allow-incomplete 只放过缺附件、缺页数、缺索引号，放不过这些）。\n")
    assert not (tmp_path / "b").exists()


# ------------------------------------------------------------------ dates typed another way in calendar/ and consultations/

TYPED_2027 = """\
年度: 2027
通知: 测试用虚构通知（不是国务院办公厅的真实安排）
发布日期: 2026/11/10
放假:
  - 名称: 元旦
    开始: 2027年1月1日
    结束: ２０２７－０１－０３
调休上班: [2027/2/20]
"""


def test_a_notice_with_dates_typed_another_way_is_used_and_each_date_is_told(gk, cat):
    cat.write("calendar/2027.yaml", TYPED_2027)
    found = [(d["code"], d["line"], d["column"], d["message"]) for d in _json(gk, cat, "2026-12-05")
             if d["path"] == "calendar/2027.yaml"]
    assert found == [
        ("GK110", 3, 7, "日期「2026/11/10」按 2026-11-10 处理"),
        ("GK110", 6, 9, "日期「2027年1月1日」按 2027-01-01 处理"),
        ("GK110", 7, 9, "日期「２０２７－０１－０３」按 2027-01-03 处理"),
        ("GK110", 8, 8, "日期「2027/2/20」按 2027-02-20 处理"),
    ]
    # used: 2027-02-19 (Fri) + 1 working day is the make-up Saturday 2027-02-20
    assert "→ 2027-02-20（" in gk("workdays", "add", "2027-02-19", "1", "-C", cat.root).out


def test_fmt_writes_a_notices_dates_as_yyyy_mm_dd(cat):
    path = cat.write("calendar/2027.yaml", TYPED_2027)

    def fmt(*args: str) -> int:  # a fresh process, as the clerk runs it: nothing read a notice before
        return subprocess.run([sys.executable, "-m", "gongkai", "fmt", *args, str(path)], capture_output=True).returncode

    assert fmt("--check") == 1
    assert fmt() == 0
    assert path.read_text(encoding="utf-8") == (
        TYPED_2027.replace("2026/11/10", "2026-11-10").replace("2027年1月1日", "2027-01-01")
        .replace("２０２７－０１－０３", "2027-01-03").replace("2027/2/20", "2027-02-20"))


def test_a_consultation_date_typed_another_way_is_told_and_mended(gk, cat):
    path = cat.write("consultations/2026/ZX-2026-001.yaml",
                     "编号: ZX-2026-001\n收到日期: 2026/1/8\n渠道: 网上留言\n主题: 低保标准是否调整\n"
                     "答复日期: 2026-01-13\n承办单位: shjzg\n")
    found = [(d["code"], d["line"], d["column"]) for d in _json(gk, cat, "2026-11-27") if d["path"].startswith("consult")]
    assert ("GK110", 2, 7) in found
    assert gk("fmt", path).code == 0
    assert "收到日期: 2026-01-08\n" in path.read_text(encoding="utf-8")


# ------------------------------------------------------------------ an archivist's and an old 公文's dates


@pytest.mark.parametrize(("typed", "message"), [
    # DA/T 22-2015 writes dates as eight digits: refused (a number, not a date), but the day is named
    ("20260901", "「成文日期」「20260901」是8位数字的日期（档案目录的写法），即 2026-09-01：写成 2026-09-01"),
    ("'20260901'", "「成文日期」「20260901」是8位数字的日期（档案目录的写法），即 2026-09-01：写成 2026-09-01"),
    # an older 公文 prints its 成文日期 in Chinese numerals (GB/T 9704-1999)
    ("二〇二六年九月一日", "「成文日期」「二〇二六年九月一日」是汉字数字的日期，即 2026-09-01：写成 2026-09-01"),
    ("二〇二五年十二月三十一日", "「成文日期」「二〇二五年十二月三十一日」是汉字数字的日期，即 2025-12-31：写成 2025-12-31"),
    # no such day: not dressed up as one
    ("20260931", "「成文日期」日期格式应为 YYYY-MM-DD，如 2026-03-02，而不是「20260931」"),
    ("二〇二六年二月三十日", "「成文日期」日期格式应为 YYYY-MM-DD，如 2026-03-02，而不是「二〇二六年二月三十日」"),
])
def test_a_date_in_the_archives_or_an_old_documents_form_is_refused_naming_the_day(gk, cat, typed, message):
    from tests.conftest import RECORD

    assert "成文日期: 2026-09-01\n" in RECORD
    cat.record(RECORD.replace("成文日期: 2026-09-01\n", f"成文日期: {typed}\n"))
    found = [d for d in _json(gk, cat, "2026-11-27") if d["code"] == "GK106"]
    assert [(d["path"], d["line"], d["column"], d["message"]) for d in found] == [
        ("records/2026/R2026-001.yaml", RECORD.splitlines().index("成文日期: 2026-09-01") + 1, 7, message)]


# ------------------------------------------------------------------ a handed-over record renumbered afterwards


def _renumber(ho: CatalogDir, number: str) -> None:
    path = ho.root / "records/2026/R2026-002.yaml"
    text = path.read_text(encoding="utf-8")
    assert "索引号: 350524-MZ-2026-00002\n" in text
    path.write_text(text.replace("索引号: 350524-MZ-2026-00002\n", f"索引号: {number}\n"), encoding="utf-8")


def test_validate_warns_when_a_handed_over_record_is_renumbered(gk, ho):
    assert gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", ho.root, "--dry-run").code == 0
    assert gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", ho.root,
              "--out", ho.root.parent / "out").code == 0
    warm = gk("validate", ho.root, "--format", "json", "--today", "2026-09-25")  # the cache knows the catalog now
    assert [d for d in warm.json()["diagnostics"] if d["code"] == "GK510"] == []  # type: ignore[index]
    _renumber(ho, "350524-MZ-2026-00099")
    run = gk("validate", ho.root, "--format", "json", "--today", "2026-09-25")  # not --no-cache: the edit is seen
    found = [d for d in run.json()["diagnostics"] if d["code"] == "GK510"]  # type: ignore[index]
    ledger = (ho.root / "handover/2026-09-20.yaml").read_text(encoding="utf-8").splitlines()
    line = ledger.index('    索引号: "350524-MZ-2026-00002"') + 1
    assert [(d["path"], d["line"], d["column"], d["severity"]) for d in found] == [
        ("handover/2026-09-20.yaml", line, 10, "warning")]
    assert found[0]["message"] == ("信息 R2026-002 在 2026-09-20 的批次中以索引号 350524-MZ-2026-00002 送交两馆，"
                                   "现在是 350524-MZ-2026-00099：两馆按索引号登记，送交后不能再改")
    assert found[0]["hint"] == "把「索引号」改回送交时的号码；确需更正的，另行发函撤换。"


def test_reproducing_a_batch_after_a_renumbering_gives_the_manifest_the_two_libraries_signed(gk, ho, tmp_path):
    assert gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", ho.root, "--out", tmp_path / "a").code == 0
    _renumber(ho, "350524-MZ-2026-00099")
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-09-25", "-C", ho.root, "--out", tmp_path / "b")
    assert run.code == 0, run.err
    assert "GK510" in run.err and "目录表按台账中的索引号重新生成" in run.err
    before = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    after = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert before == after
    assert all((tmp_path / "a" / p).read_bytes() == (tmp_path / "b" / p).read_bytes() for p in before)
    assert "350524-MZ-2026-00002" in (tmp_path / "b/dag/data/manifest.csv").read_text(encoding="utf-8-sig")
    assert "00099" not in (tmp_path / "b/dag/data/manifest.csv").read_text(encoding="utf-8-sig")


# ------------------------------------------------------------------ handover days when gongkai.yaml does not load


def test_the_schedule_of_a_catalog_whose_settings_do_not_load_is_refused_not_the_usual_5th_and_20th(gk, cat):
    # a county handing over monthly types its day with the unit: the file does not load
    cat.write("gongkai.yaml", AGENCY.replace("移交日: [5, 20]", "移交日: [5日]"))
    line = AGENCY.splitlines().index("  移交日: [5, 20]") + 1
    run = gk("handover", "schedule", "--year", "2026", "-C", cat.root)
    assert run.code == 2
    assert run.out == ""  # no 24 dates of somebody else's schedule
    assert "gongkai.yaml 有错误或缺少「移交」设置" in run.err
    assert f"第一处：第{line}行第9列，「移交日」的类型不对：应为整数，而这里是「5日」。" in run.err
    assert "移交日不会按每月5日、20日代替" in run.err


def test_a_monthly_county_on_the_5th_is_refused_a_20th_batch(gk, ho, tmp_path):
    ho.write("gongkai.yaml", AGENCY.replace("移交日: [5, 20]", "移交日: [5]"))
    run = gk("handover", "--date", "2026-09-21", "--today", "2026-09-21", "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 2
    # 2026-09-05 is a Saturday: moved to Monday 09-07; 2026-10-05 is in the 国庆 holiday (10-01..07): moved to 10-08
    assert "前一个 2026-09-07（9月5日顺延），后一个 2026-10-08（10月5日顺延）" in run.err


# ------------------------------------------------------------------ a missed batch made after a later one


def test_a_batch_before_one_already_recorded_is_refused_not_written_as_an_empty_period(gk, ho, tmp_path):
    # the 2026-09-07 batch was missed; 2026-09-20 caught up R2026-001 (published 09-03) and R2026-002 (09-15)
    assert gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", ho.root, "--out", tmp_path / "a").code == 0
    run = gk("handover", "--date", "2026-09-07", "--today", "2026-09-25", "-C", ho.root, "--out", tmp_path / "b")
    assert run.code == 2
    assert run.err.startswith("错误：2026-09-07 这一批没有台账，而更晚的批次已经记入台账（handover/2026-09-20.yaml，"
                              "覆盖2026年9月3日至2026年9月20日）")
    assert "gongkai handover --date 2026-09-20" in run.err
    assert not (tmp_path / "b").exists()
    assert sorted(p.name for p in (ho.root / "handover").iterdir()) == ["2026-09-20.yaml"]
    assert gk("handover", "--date", "2026-09-07", "--today", "2026-09-25", "-C", ho.root, "--dry-run").code == 2


def test_the_batch_after_the_last_recorded_one_is_still_made(gk, ho, tmp_path):
    assert gk("handover", "--date", "2026-09-07", "--today", "2026-09-07", "-C", ho.root, "--out", tmp_path / "a").code == 0
    assert gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", ho.root, "--out", tmp_path / "b").code == 0
    assert gk("handover", "--date", "2026-09-07", "--today", "2026-09-25", "-C", ho.root, "--out", tmp_path / "c").code == 0


# ------------------------------------------------------------------ a year chinesecalendar holds, typed again by hand

# The 2026 notice (国办发明电〔2025〕7号) as DOMAIN.md §4 gives it, typed by hand.
OFFICIAL_2026 = """\
年度: 2026
通知: 国务院办公厅关于2026年部分节假日安排的通知
文号: 国办发明电〔2025〕7号
放假:
  - 名称: 元旦
    开始: 2026-01-01
    结束: 2026-01-03
  - 名称: 春节
    开始: 2026-02-15
    结束: 2026-02-23
  - 名称: 清明节
    开始: 2026-04-04
    结束: 2026-04-06
  - 名称: 劳动节
    开始: 2026-05-01
    结束: 2026-05-05
  - 名称: 端午节
    开始: 2026-06-19
    结束: 2026-06-21
  - 名称: 中秋节
    开始: 2026-09-25
    结束: 2026-09-27
  - 名称: 国庆节
    开始: 2026-10-01
    结束: 2026-10-07
调休上班: [2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-10]
"""


def test_a_hand_typed_notice_that_matches_the_official_one_is_no_finding(gk, cat):
    cat.write("calendar/2026.yaml", OFFICIAL_2026)
    assert [d for d in _json(gk, cat, "2026-11-27") if d["path"] == "calendar/2026.yaml"] == []


def test_a_hand_typed_notice_that_drops_a_working_sunday_is_told_day_by_day(gk, cat):
    cat.write("calendar/2026.yaml", OFFICIAL_2026.replace(", 2026-09-20", "").replace(
        "    开始: 2026-10-01\n    结束: 2026-10-07", "    开始: 2026-10-01\n    结束: 2026-10-08"))
    found = [(d["code"], d["severity"], d["line"], d["column"], d["message"]) for d in _json(gk, cat, "2026-11-27")
             if d["path"] == "calendar/2026.yaml"]
    assert found == [
        # 2026-10-08 (Thu) is a working day by the notice; here inside 国庆节, as its last day: told at 结束 (line 25)
        ("GK806", "warning", 25, 9, "2026年有1天与国务院办公厅通知（chinesecalendar 收录）不同：2026-10-08，"
                                    "通知：工作日，这里：国庆节假期（calendar/2026.yaml）"),
        # 2026-09-20 is a Sunday the notice makes a working day
        ("GK806", "warning", 26, 1, "2026年有1天与国务院办公厅通知（chinesecalendar 收录）不同：2026-09-20，"
                                    "通知：调休上班日（周日），这里：周日，休息日"),
    ]
    # the catalog's notice still rules (a supplementary notice may change a year): the warning is what tells
    schedule = gk("handover", "schedule", "--year", "2026", "-C", cat.root).out
    assert "2026-09-20  →  2026-09-21（周一）" in schedule


# ------------------------------------------------------------------ YAML merge keys


def test_each_merge_key_is_refused_where_it_is_written(gk, cat):
    from tests.conftest import RECORD

    assert "保密审查:\n" in RECORD and "公开属性: 主动公开\n" in RECORD
    text = RECORD.replace("保密审查:\n", "保密审查:\n  <<: {结论: 同意公开}\n", 1).replace(
        "公开属性: 主动公开\n", "公开属性: 主动公开\n附注: [{<<: x}]\n", 1)
    cat.record(text)
    lines = text.splitlines()
    found = [(d["code"], d["line"], d["column"], d["message"]) for d in _json(gk, cat, "2026-11-27")
             if d["path"] == "records/2026/R2026-001.yaml"]
    assert lines.index("附注: [{<<: x}]") < lines.index("  <<: {结论: 同意公开}")  # both, in file order
    assert found == [
        ("GK005", lines.index("附注: [{<<: x}]") + 1, 7, "目录文件不能使用合并键（<<）"),
        ("GK005", lines.index("  <<: {结论: 同意公开}") + 1, 3, "目录文件不能使用合并键（<<）"),
    ]


def test_a_quoted_key_or_a_body_line_starting_with_two_angle_brackets_is_no_merge_key(gk, cat):
    from tests.conftest import RECORD

    assert "正文: |\n  " in RECORD
    text = RECORD.replace("公开属性: 主动公开\n", "公开属性: 主动公开\n\"<<\": 1\n", 1).replace(
        "正文: |\n  ", "正文: |\n  <<: 正文里的一行\n\n  ", 1)
    cat.record(text)
    found = [(d["code"], d["message"]) for d in _json(gk, cat, "2026-11-27") if d["path"] == "records/2026/R2026-001.yaml"]
    assert found == [("GK102", "未知字段「<<」")]


# ------------------------------------------------------------------ a ledger whose 批次日期 was changed by hand


def test_a_ledger_whose_batch_date_differs_from_its_file_name_is_an_error(gk, ho, tmp_path):
    assert gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", ho.root, "--out", tmp_path / "a").code == 0
    path = ho.root / "handover/2026-09-20.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("批次日期: 2026-09-20", "批次日期: 2026-09-21"), encoding="utf-8")
    line = text.splitlines().index("批次日期: 2026-09-20") + 1
    found = [(d["code"], d["severity"], d["line"], d["column"], d["message"]) for d in _json(gk, ho, "2026-09-25")
             if d["code"] == "GK203"]
    assert found == [("GK203", "error", line, 7, "移交台账的文件名「2026-09-20」与批次日期「2026-09-21」不一致")]
    # and the refusal of an earlier batch names the file that is there
    run = gk("handover", "--date", "2026-09-07", "--today", "2026-09-25", "-C", ho.root, "--out", tmp_path / "b")
    assert run.code == 2 and "（handover/2026-09-20.yaml，" in run.err


def test_a_batch_stopped_only_by_gaps_still_points_at_allow_incomplete(gk, ho, tmp_path):
    add(ho, 4, "2026-09-16", pages="")  # no 页数: GK504
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", ho.root, "--out", tmp_path / "a")
    assert run.code == 1 and "GK504" in run.err
    assert run.err.endswith("这一批没有生成：请补齐上面的问题；确需先送交的，加 --allow-incomplete，缺项会写在目录表的备注中。\n")


# ------------------------------------------------------------------ a handover on a weekend make-up day says why


def test_a_handover_on_a_working_weekend_day_says_it_is_a_make_up_day(gk, cat):
    # 2026 notice: 2026-09-20 (Sun) is 调休上班 (the only 5th or 20th that is); 2026-12-20 (Sun) is not
    out = gk("handover", "schedule", "--year", "2026", "-C", cat.root).out.splitlines()
    assert "  2026-09-20  →  2026-09-20（周日）  9月20日是调休上班日，照常移交" in out
    assert "  2026-12-20  →  2026-12-21（周一）  12月20日是周日，节假日顺延至12月21日" in out
    assert sum("调休上班日" in line for line in out) == 1
    days = gk("handover", "schedule", "--year", "2026", "--format", "json", "-C", cat.root).json()
    assert [(d["nominal"], d["note"]) for d in days if d["note"]] == [("2026-09-20", "9月20日是调休上班日，照常移交")]
