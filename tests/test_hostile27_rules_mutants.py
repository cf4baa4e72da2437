"""Twenty-seventh hostile pass: bugs planted in validate's rules must not pass CI (exit 0) unnoticed.

`gongkai validate` in CI is the bureau's gate before anything is published. Every expected code, file, line, column,
message and exit code below is typed by hand from the small catalog each test writes (conftest.RECORD: 编号 on line 1,
文号 line 3, 索引号 line 4, 文种 line 5, 事项 line 7, 公开属性 line 8, 保密审查 lines 9–12, 成文日期 13, 公开日期 14,
公示截止 15; a value starts at column 5 after 「文号: 」, 6 after 「索引号: 」, 7 after a four-character key). Days are
from the State Council's notice for 2026 (国办发明电〔2025〕7号): September 2026 has no holiday before 10/1;
2026-09-03 is a Thursday.

Found by this pass:
1. Two records whose 索引号 differ only in case or width — 「350524-MZ-2026-00001」 and 「350524-mz-2026-00001」 or
   「３５０５２４-MZ-2026-00001」 (typed with the IME in full-width mode) — passed validate with exit 0 (GK202 compared
   the strings), though on the printed copy, in the 两馆's catalog table and to a reader they are one number. GK202 now
   reads them as one (number_key: NFKC, case, spaces), at the later record's 索引号, and names how the first wrote it;
   the incremental run (the facts store's 索引号 keys) and GK508's 「它送交时的索引号现在是信息…的」 read them the same way.
2. Two records with the same 文号 (a record file copied and its 文号 left as it was, or one document registered twice)
   passed validate with exit 0: no rule compared 文号 at all. New rule GK212 (文号重复, 错误) reports the later one at
   its 文号, also when only the brackets of the year (〔2026〕 [2026] （2026）), width, case or spaces differ; a 政策解读
   quoting its policy's 文号 and a 转发 sharing its original's are not duplicates.
3. tools/mutation.py scored none of the rules themselves: mutmut never mutates a decorated function, and every rule's
   check is decorated (``@rule("GK303", …)``), as is every ``@record_part`` and ``@functools.lru_cache`` function of
   every group. In the group's copy each such function is now decorated after its definition (``f = (rule(…))(f)``,
   the same function registered the same way), so mutmut mutates it. The new group "rules" mutates identity.py,
   publication.py, handover.py, timing.py, attribute.py, attachments.py and adoption.py (docs/mutation.md).
"""

from __future__ import annotations

import json

from conftest import RECORD, CatalogDir
from rule_edges import rec

TODAY = "2026-11-27"


def _validate(gk, cat: CatalogDir, today: str = TODAY) -> tuple[int, list[tuple[str, str, str, int, int, str]]]:  # type: ignore[no-untyped-def]
    """(exit code, [(code, severity, path, line, column, message)]) of the real `gongkai validate` in CI's json."""
    run = gk("validate", cat.root, "--format", "json", "--no-cache", "--today", today)
    diagnostics = json.loads(run.out)["diagnostics"]
    return run.code, [(d["code"], d["severity"], d["path"], d["line"], d["column"], d["message"]) for d in diagnostics]


def _second(cat: CatalogDir, number: int, **changes: str) -> None:
    """Another record, R2026-00N, with its own 文号 and 索引号 unless *changes* say otherwise."""
    fields = {"编号": f"编号: R2026-{number:03d}", "文号": f"文号: 测民〔2026〕{number}号",
              "索引号": f"索引号: 350524-MZ-2026-{number:05d}", **changes}
    cat.record(rec(RECORD, **fields), rel=f"records/2026/R2026-{number:03d}.yaml")


# 1. GK202: one 索引号 on paper, whatever its case and width
def test_an_index_number_differing_only_in_case_or_width_is_a_duplicate(gk, cat):
    _second(cat, 2, 索引号="索引号: 350524-mz-2026-00001")
    _second(cat, 3, 索引号="索引号: ３５０５２４－MZ－2026－00001")
    _second(cat, 4)
    code, found = _validate(gk, cat)
    assert code == 1
    written = "（写作「350524-MZ-2026-00001」：全角与半角、大小写、空格或括号不同，印在文件上仍是同一个索引号）"
    assert [f for f in found if f[0] == "GK202"] == [
        ("GK202", "error", "records/2026/R2026-002.yaml", 4, 6,
         "索引号「350524-mz-2026-00001」重复，信息 R2026-001 已使用" + written),
        ("GK202", "error", "records/2026/R2026-003.yaml", 4, 6,
         "索引号「３５０５２４－MZ－2026－00001」重复，信息 R2026-001 已使用" + written)]


def test_the_same_index_number_written_the_same_way_says_no_more(gk, cat):
    _second(cat, 2, 索引号="索引号: 350524-MZ-2026-00001")
    assert _validate(gk, cat) == (1, [("GK202", "error", "records/2026/R2026-002.yaml", 4, 6,
                                       "索引号「350524-MZ-2026-00001」重复，信息 R2026-001 已使用")])


def test_a_duplicate_index_number_found_by_the_incremental_run_too(gk, cat):
    run = gk("validate", cat.root, "--format", "json", "--today", TODAY)
    assert run.code == 0
    _second(cat, 2, 索引号="索引号: 350524-mz-2026-00001")
    run = gk("validate", cat.root, "--format", "json", "--today", TODAY)
    assert run.code == 1
    assert [(d["code"], d["path"], d["line"]) for d in json.loads(run.out)["diagnostics"]] == [
        ("GK202", "records/2026/R2026-002.yaml", 4)]


# 2. GK212: one 文号, one document
def test_a_copied_document_number_is_reported_at_the_later_record(gk, cat):
    _second(cat, 2, 文号="文号: 测民〔2026〕1号")
    _second(cat, 3, 文号="文号: 测民[2026] 1号")
    _second(cat, 4, 文号="文号: 测民（2026）4号")
    code, found = _validate(gk, cat)
    assert code == 1
    assert found == [
        ("GK212", "error", "records/2026/R2026-002.yaml", 3, 5,
         "文号「测民〔2026〕1号」重复，信息 R2026-001（records/2026/R2026-001.yaml）已使用"),
        ("GK212", "error", "records/2026/R2026-003.yaml", 3, 5,
         "文号「测民[2026] 1号」重复，信息 R2026-001（records/2026/R2026-001.yaml）已使用"
         "（写作「测民〔2026〕1号」：全角与半角、大小写、空格或括号不同，印在文件上仍是同一个文号）")]


def test_an_interpretation_or_a_forward_sharing_its_documents_number_is_no_duplicate(gk, cat):
    cat.record(rec(RECORD, 文种="文种: 规范性文件", 公示截止="有效性: 有效") + "解读: [R2026-002]\n")
    _second(cat, 2, 文号="文号: 测民〔2026〕1号", 文种="文种: 政策解读", 公示截止="")
    _second(cat, 3, 文号="文号: 测民〔2026〕1号", 文种="文种: 通知", 公示截止="转发: R2026-001")
    code, found = _validate(gk, cat)
    assert [f for f in found if f[0] == "GK212"] == []


def test_records_without_a_document_number_are_no_duplicates(gk, cat):
    cat.record(rec(RECORD, 文号=""))
    _second(cat, 2, 文号="")
    assert _validate(gk, cat) == (0, [])


def test_an_index_number_copied_from_last_years_record_is_a_duplicate(gk, cat):
    cat.record(rec(RECORD, 编号="编号: R2025-031", 文号="文号: 测民〔2025〕31号", 成文日期="成文日期: 2025-12-01",
                   公开日期="公开日期: 2025-12-03", 公示截止="公示期: 7").replace("审查日期: 2026-09-01", "审查日期: 2025-12-01"),
               rel="records/2025/R2025-031.yaml")
    code, found = _validate(gk, cat)
    # records/2025/ comes first by path: the 2026 record is the later one
    assert code == 1
    assert [f[:5] for f in found if f[0] == "GK202"] == [("GK202", "error", "records/2026/R2026-001.yaml", 4, 6)]


# The edges of the rules CI relies on, each typed by hand, so that a comparison off by one day, a severity lowered, a
# rule skipped for a township's records or a finding on the wrong line fails a test.
def test_a_date_that_does_not_exist_is_an_error_at_its_line(gk, cat):
    cat.record(rec(RECORD, 成文日期="成文日期: 2026-2-30"))
    code, found = _validate(gk, cat)
    assert (code, found) == (1, [("GK106", "error", "records/2026/R2026-001.yaml", 13, 7,
                                  "「成文日期」日期不存在：2026-2-30（2026年2月只有28天）")])


# GK402: formed Tue 09-01, 10 working days from the next day: 09-02 03 04 07 08 09 10 11 14 15 → the 15th is the last
def test_published_on_the_last_working_day_of_the_limit_is_in_time_and_the_next_day_late(gk, cat):
    cat.record(rec(RECORD, 公开日期="公开日期: 2026-09-15", 公示截止="公示期: 7"))
    assert _validate(gk, cat) == (0, [])
    cat.record(rec(RECORD, 公开日期="公开日期: 2026-09-16", 公示截止="公示期: 7"))
    code, found = _validate(gk, cat)
    assert [f[:5] for f in found] == [("GK402", "warning", "records/2026/R2026-001.yaml", 14, 7)]
    assert found[0][5].startswith("公开日期 2026-09-16 晚于公开时限：成文日期 2026-09-01 起10个工作日内，即 2026-09-15")
    run = gk("validate", cat.root, "--no-cache", "--today", TODAY, "--strict")
    assert run.code == 1  # CI with --strict stops on it


# GK412: a 低保 list from Thu 09-03 is up 7 working days: 09-03 04 07 08 09 10 11 — to the 11th at least
def test_a_notice_of_exactly_the_legal_minimum_passes_and_one_day_less_is_an_error(gk, cat):
    cat.record(rec(RECORD, 公示截止="公示截止: 2026-09-11"))
    assert _validate(gk, cat) == (0, [])
    cat.record(rec(RECORD, 公示截止="公示期: 7"))
    assert _validate(gk, cat) == (0, [])
    cat.record(rec(RECORD, 公示截止="公示截止: 2026-09-10"))
    assert _validate(gk, cat) == (1, [("GK412", "error", "records/2026/R2026-001.yaml", 15, 7,
                                       "公示期只有6个工作日，少于规定的7个工作日（民办函〔2019〕52号 社会救助标准指引："
                                       "低保初审对象名单公示7个工作日）")])
    cat.record(rec(RECORD, 公示截止="公示期: 6"))
    assert [f[:5] for f in _validate(gk, cat)[1]] == [("GK412", "error", "records/2026/R2026-001.yaml", 15, 6)]


TOWNSHIP = "  - 编号: mzb-101\n    名称: 城厢镇民政办\n    类型: 乡镇民政办\n"


def _township(cat: CatalogDir) -> None:
    text = cat.root.joinpath("gongkai.yaml").read_text(encoding="utf-8")
    cat.write("gongkai.yaml", text.replace("    类型: 股室\n移交:", "    类型: 股室\n" + TOWNSHIP + "移交:"))


# A township's 民政办 registers its own records: every rule holds for them as for the county's 股室
def test_a_township_record_without_its_review_is_an_error_like_any_other(gk, cat):
    _township(cat)
    no_review = RECORD.replace("保密审查:\n  审查人: 张三\n  审查日期: 2026-09-01\n  结论: 不涉及国家秘密，同意主动公开\n", "")
    cat.record(rec(no_review, 责任单位="责任单位: mzb-101"))
    assert _validate(gk, cat) == (1, [("GK303", "error", "records/2026/R2026-001.yaml", 8, 7,
                                       "主动公开的信息没有保密审查记录")])


def test_a_township_list_up_one_day_short_is_an_error_like_any_other(gk, cat):
    _township(cat)
    cat.record(rec(RECORD, 责任单位="责任单位: mzb-101", 公示截止="公示期: 6"))
    assert [f[:5] for f in _validate(gk, cat)[1]] == [("GK412", "error", "records/2026/R2026-001.yaml", 15, 6)]


def test_a_township_record_published_before_its_review_is_an_error(gk, cat):
    _township(cat)
    cat.record(rec(RECORD, 责任单位="责任单位: mzb-101").replace("审查日期: 2026-09-01", "审查日期: 2026-09-04"))
    assert _validate(gk, cat) == (1, [("GK304", "error", "records/2026/R2026-001.yaml", 11, 9,
                                       "保密审查日期 2026-09-04 晚于公开日期 2026-09-03：先公开后审查")])
