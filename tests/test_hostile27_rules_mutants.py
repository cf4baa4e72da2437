"""Twenty-seventh hostile pass: bugs planted in validate's rules must not pass CI (exit 0) unnoticed.

`gongkai validate` in CI is the bureau's gate before anything is published. Every expected code, file, line, column,
message and exit code below is typed by hand from the small catalog each test writes (conftest.RECORD: 编号 on line 1,
文号 line 3, 索引号 line 4, 文种 line 5, 事项 line 7, 公开属性 line 8, 保密审查 lines 9–12, 成文日期 13, 公开日期 14,
公示截止 15; a value starts at column 5 after 「文号: 」, 6 after 「索引号: 」, 7 after a four-character key). Days are
from the State Council's notice for 2026 (国办发明电〔2025〕7号): September 2026 has no holiday before 10/1;
2026-09-03 is a Thursday.

Found by this pass:
1. Two records whose 索引号 differ only in case or width — 「350524-MZ-2026-00001」 and 「350524-mz-2026-00001」 or
   「３５０５２４－MZ－2026－00001」 (typed with the IME in full-width mode) — passed validate with exit 0 (GK202 compared
   the strings), though on the printed copy, in the 两馆's catalog table and to a reader they are one number. GK202 now
   reads them as one (model.base.number_key: NFKC, case, spaces), at the later record's 索引号, and says how the first
   wrote it; the incremental run (the facts store's 索引号 keys) finds and clears it the same way, and GK508's 「它送交
   时的索引号现在是信息…的」 reads the number so too.
2. Two records with the same 文号 (a record file copied and its 文号 left as it was, or one document registered twice)
   passed validate with exit 0: no rule compared 文号 at all. New rule GK212 (文号重复, a warning: an error with `--strict`) reports the later record at
   its 文号, also when only the writing differs — the year's brackets 〔2026〕 [2026] （2026） or none (2026年), width,
   case, spaces, 第 and leading zeros (第01号), the forms the site's search already reads as one 文号; a 政策解读 quoting
   its policy's 文号, a 转发 sharing its original's and 「无」「—」 (a table's way of saying there is none) are not
   duplicates; 测民〔2026〕10号 and 测民〔2025〕1号 are other numbers. (Lead, after merging: a warning, not an error — a
   catalog may register a notice's annexes or a 图解 under its 文号, and a withdrawn record's corrected one registered
   again, or a record and its replacement, keep one 文号: an error failed such a bureau's CI.)
3. A record renamed after it was handed over (R2026-002 → R2026-012) with its 索引号 retyped in lower case and its PDF
   scanned again was sent to the 两馆 a second time, as a new record, by `gongkai handover` (exit 0), and validate said
   nothing: the 两馆's holdings were matched by the 索引号 as a string. Now the batch stops and validate reports GK509 at
   the record (「…的索引号 350524-mz-2026-00002 已在 2026-09-20 的批次中随信息 R2026-002 送交两馆」).
4. tools/mutation.py scored none of the rules themselves: mutmut never mutates a decorated function, and every rule's
   check is decorated (``@rule("GK303", …)``), as is every ``@record_part`` and every ``functools`` cache of the gate,
   privacy and workdays groups. In the group's copy each such function is now decorated after its definition
   (``f = (rule(…))(f)``: the same function, registered the same way), so mutmut mutates it. The new group "rules"
   mutates identity.py, publication.py, handover.py, timing.py, attribute.py, attachments.py and adoption.py, and
   ``--only PATTERN`` screens some of a group's mutants (docs/mutation.md, twenty-seventh pass).

The tests below also hold each rule CI relies on at its edge and at its line, column, message and 改正 line: a limit's
last working day and the next (over 中秋 and 国庆), a 公示 of exactly the legal minimum and one day less (in working and
in calendar days), a date that does not exist, every fault of 公开属性, 保密审查, dates, ids, references, channels,
公示 periods, 撤回 and 有效性, and a township's records held to the same rules as the county's.

Planted by hand (each made a test below fail, then reverted): GK402's ``>`` as ``>=`` (a record published on its last
day late), GK412's minimum less one, GK403's ``>`` as ``>=``, GK303's severity lowered to 提示 (Severity.INFO), GK212's
raised to an error, GK303 and GK412 skipped for a 乡镇民政办's records, GK202 at the 编号 line instead of the 索引号,
number_key without NFKC and case (and without NFKC only), without the 文号's brackets, without 年/第/leading zeros, the
facts store's 索引号 keys unnormalised (the incremental run), the handover's holdings by the raw 索引号, GK212 flagging a
政策解读, a 转发 or two 「文号: 无」.
"""

from __future__ import annotations

import json

from conftest import AGENCY, RECORD, CatalogDir
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
    written = "（写作「350524-MZ-2026-00001」：只是写法不同（全角半角、大小写、空格、括号、「第」、前导零），仍是同一个索引号）"
    assert [f for f in found if f[0] == "GK202"] == [
        ("GK202", "error", "records/2026/R2026-002.yaml", 4, 6,
         "索引号「350524-mz-2026-00001」重复，信息 R2026-001 已使用" + written),
        ("GK202", "error", "records/2026/R2026-003.yaml", 4, 6,
         "索引号「３５０５２４－MZ－2026－00001」重复，信息 R2026-001 已使用" + written)]


def test_the_same_index_number_written_the_same_way_says_no_more(gk, cat):
    _second(cat, 2, 索引号="索引号: 350524-MZ-2026-00001")
    assert _validate(gk, cat) == (1, [("GK202", "error", "records/2026/R2026-002.yaml", 4, 6,
                                       "索引号「350524-MZ-2026-00001」重复，信息 R2026-001 已使用")])


def test_duplicate_numbers_found_and_cleared_by_the_incremental_run_too(gk, cat):
    def incremental() -> tuple[int, list[tuple[str, str, int]]]:
        run = gk("validate", cat.root, "--format", "json", "--today", TODAY)  # with its cache, as CI runs it
        return run.code, [(d["code"], d["path"], d["line"]) for d in json.loads(run.out)["diagnostics"]]

    assert incremental() == (0, [])
    _second(cat, 2, 索引号="索引号: 350524-mz-2026-00001", 文号="文号: 测民［2026］1号")
    assert incremental() == (1, [("GK212", "records/2026/R2026-002.yaml", 3), ("GK202", "records/2026/R2026-002.yaml", 4)])
    cat.record(rec(RECORD, 文号="文号: 测民〔2026〕9号", 索引号="索引号: 350524-MZ-2026-00009"))  # the first one renumbered
    assert incremental() == (0, [])


# 2. GK212: one 文号, one document
def test_a_copied_document_number_is_reported_at_the_later_record(gk, cat):
    _second(cat, 2, 文号="文号: 测民〔2026〕1号")
    _second(cat, 3, 文号="文号: 测民[2026] 1号")
    _second(cat, 4, 文号="文号: 测民（2026）4号")
    _second(cat, 5, 文号="文号: 测民2026年第01号")  # no brackets, 第 and a leading zero: 测民〔2026〕1号 still
    _second(cat, 6, 文号="文号: 测民〔2026〕10号")  # 10号 is not 1号
    _second(cat, 7, 文号="文号: 测民〔2025〕1号")
    code, found = _validate(gk, cat)
    # a warning (lead, after merging): a catalog registers a notice's annexes, or a 图解, under the notice's 文号 too,
    # and an error failed such a bureau's CI; `validate --strict` (CI's setting where 文号 must be unique) fails it
    assert code == 0
    assert gk("validate", cat.root, "--strict", "--no-cache", "--today", TODAY).code == 1
    written = "（写作「测民〔2026〕1号」：只是写法不同（全角半角、大小写、空格、括号、「第」、前导零），仍是同一个文号）"
    assert found == [
        ("GK212", "warning", "records/2026/R2026-002.yaml", 3, 5,
         "文号「测民〔2026〕1号」重复，信息 R2026-001（records/2026/R2026-001.yaml）已使用"),
        ("GK212", "warning", "records/2026/R2026-003.yaml", 3, 5,
         "文号「测民[2026] 1号」重复，信息 R2026-001（records/2026/R2026-001.yaml）已使用" + written),
        ("GK212", "warning", "records/2026/R2026-005.yaml", 3, 5,
         "文号「测民2026年第01号」重复，信息 R2026-001（records/2026/R2026-001.yaml）已使用" + written)]


def test_an_interpretation_or_a_forward_sharing_its_documents_number_is_no_duplicate(gk, cat):
    cat.record(rec(RECORD, 文种="文种: 规范性文件", 公示截止="有效性: 有效") + "解读: [R2026-002]\n")
    _second(cat, 2, 文号="文号: 测民〔2026〕1号", 文种="文种: 政策解读", 公示截止="")
    _second(cat, 3, 文号="文号: 测民〔2026〕1号", 文种="文种: 通知", 公示截止="转发: R2026-001")
    code, found = _validate(gk, cat)
    assert [f for f in found if f[0] == "GK212"] == []


def test_records_without_a_document_number_are_no_duplicates(gk, cat):
    cat.record(rec(RECORD, 文号=""))
    _second(cat, 2, 文号="")
    _second(cat, 3, 文号="文号: 无")  # what a table's empty 文号 cell says: no number, no duplicate
    _second(cat, 4, 文号="文号: 无")
    _second(cat, 5, 文号="文号: —")
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
    assert found[0][5].startswith("公开日期 2026-09-16 晚于公开时限：成文日期 2026-09-01 起10个工作日内，即最迟 2026-09-15")
    run = gk("validate", cat.root, "--no-cache", "--today", TODAY, "--strict")
    assert run.code == 1  # CI with --strict stops on it


# GK412: a 低保 list from Thu 09-03 is up 7 working days: 09-03 04 07 08 09 10 11 — to the 11th at least
def test_a_notice_of_exactly_the_legal_minimum_passes_and_one_day_less_is_an_error(gk, cat):
    cat.record(rec(RECORD, 公示截止="公示截止: 2026-09-11"))
    assert _validate(gk, cat) == (0, [])
    cat.record(rec(RECORD, 公示截止="公示期: 7"))
    assert _validate(gk, cat) == (0, [])
    cat.record(rec(RECORD, 公示截止="公示截止: 2026-09-10"))
    assert _full(gk, cat) == (1, [("GK412", "error", "records/2026/R2026-001.yaml", 15, 7,
                                   "公示期只有6个工作日，少于规定的7个工作日（民办函〔2019〕52号 社会救助标准指引："
                                   "低保初审对象名单公示7个工作日）", "改为「公示期: 7」。")])
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
    assert _full(gk, cat) == (1, [("GK303", "error", "records/2026/R2026-001.yaml", 8, 7, "主动公开的信息没有保密审查记录",
                                   "添加「保密审查」，写明审查人、审查日期和结论。")])
    # a review that did not approve: the record goes nowhere, and CI says so at the 结论
    cat.record(rec(RECORD, 责任单位="责任单位: mzb-101").replace("结论: 不涉及国家秘密，同意主动公开", "结论: 不同意公开"))
    assert _full(gk, cat) == (1, [("GK303", "error", "records/2026/R2026-001.yaml", 12, 7,
                                   "保密审查结论「不同意公开」没有同意主动公开，这条信息不会发布",
                                   "经保密审查同意公开后，把结论写成「不涉及国家秘密，同意主动公开」；否则把公开属性改为依申请公开或不予公开。")])


def test_a_township_list_up_one_day_short_is_an_error_like_any_other(gk, cat):
    _township(cat)
    cat.record(rec(RECORD, 责任单位="责任单位: mzb-101", 公示截止="公示期: 6"))
    assert [f[:5] for f in _validate(gk, cat)[1]] == [("GK412", "error", "records/2026/R2026-001.yaml", 15, 6)]


def test_a_township_record_published_before_its_review_is_an_error(gk, cat):
    _township(cat)
    cat.record(rec(RECORD, 责任单位="责任单位: mzb-101").replace("审查日期: 2026-09-01", "审查日期: 2026-09-04"))
    assert _validate(gk, cat) == (1, [("GK304", "error", "records/2026/R2026-001.yaml", 11, 9,
                                       "保密审查日期 2026-09-04 晚于公开日期 2026-09-03：先公开后审查")])


def _full(gk, cat: CatalogDir, today: str = TODAY) -> tuple[int, list[tuple[str, str, str, int, int, str, str]]]:  # type: ignore[no-untyped-def]
    """(exit code, every finding with its 改正 line) of the real `gongkai validate --format json`."""
    run = gk("validate", cat.root, "--format", "json", "--no-cache", "--today", today)
    return run.code, [(d["code"], d["severity"], d["path"], d["line"], d["column"], d["message"], d["hint"])
                      for d in json.loads(run.out)["diagnostics"]]


def _policies(cat: CatalogDir) -> None:
    """The item holds policy documents, not a list of people: no 公示期 is owed."""
    text = cat.root.joinpath("items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8")
    cat.item(text.replace("  - 低保对象名单及相关信息", "  - 最低生活保障政策文件"))


# GK403 三同步: both findings at the policy's 「解读」 line (19: 公示截止 replaced by 有效性, then 页数, 正文, its line)
POLICY = rec(RECORD, 文种="文种: 规范性文件", 公示截止="有效性: 有效") + "解读: [R2026-002]\n"
INTERPRETATION = rec(RECORD, 编号="编号: R2026-002", 文号="", 文种="文种: 政策解读", 公示截止="",
                     索引号="索引号: 350524-MZ-2026-00002")


def test_an_interpretation_not_public_and_one_published_late_are_warned_at_the_policys_line(gk, cat):
    _policies(cat)
    cat.record(POLICY)
    withheld = rec(INTERPRETATION, 公开属性="公开属性: 依申请公开", 正文="").replace("  经审核，现将名单予以公示。\n", "")
    cat.record(withheld, rel="records/2026/R2026-002.yaml")
    assert _full(gk, cat) == (0, [("GK403", "warning", "records/2026/R2026-001.yaml", 19, 1, "关联的政策解读尚未主动公开",
                                   "政策解读应与文件同步主动公开。")])
    # published Thu 09-03: three working days are 09-04, 09-07, 09-08
    cat.record(rec(INTERPRETATION, 公开日期="公开日期: 2026-09-09"), rel="records/2026/R2026-002.yaml")
    assert _full(gk, cat) == (0, [("GK403", "warning", "records/2026/R2026-001.yaml", 19, 1,
                                   "政策解读 2026-09-09 才公开，晚于文件公开后3个工作日（2026-09-08）",
                                   "解读材料应与文件同步发布。")])
    cat.record(rec(INTERPRETATION, 公开日期="公开日期: 2026-09-08"), rel="records/2026/R2026-002.yaml")
    assert _full(gk, cat) == (0, [])


REVIEW = "保密审查:\n  审查人: 张三\n  审查日期: 2026-09-01\n  结论: 不涉及国家秘密，同意主动公开\n"
BODY = "正文: |\n  经审核，现将名单予以公示。\n"
LISTED = rec(RECORD, 公示截止="公示期: 7")  # a 低保 list up its 7 working days: no finding of its own


def _numbered(cat: CatalogDir, number: int, text: str) -> None:
    """*text* as record R2026-0NN, with its own 文号 (and 索引号, where it has one)."""
    fields = {"编号": f"编号: R2026-{number:03d}", "文号": f"文号: 测民〔2026〕{number}号"}
    if "索引号:" in text:
        fields["索引号"] = f"索引号: 350524-MZ-2026-{number:05d}"
    cat.record(rec(text, **fields), rel=f"records/2026/R2026-{number:03d}.yaml")


def test_each_fault_of_attribute_review_and_dates_at_its_own_line_with_its_fix(gk, cat):
    """公开属性, 保密审查, the dates: one record per fault; the whole list, line, column, message and 改正 line."""
    _numbered(cat, 10, rec(LISTED, 公开属性=""))
    _numbered(cat, 11, rec(LISTED, 公开属性="公开属性: 不予公开").replace(BODY, "").replace(REVIEW, ""))
    _numbered(cat, 12, rec(LISTED, 公开属性="公开属性: 主动公开\n不予公开理由: 个人隐私"))
    _numbered(cat, 13, LISTED.replace("审查日期: 2026-09-01", "审查日期: 2026-08-31"))
    _numbered(cat, 15, LISTED + "转发: R2026-011\n")
    _numbered(cat, 16, rec(LISTED, 索引号=""))
    _numbered(cat, 17, rec(LISTED, 公开日期=""))
    _numbered(cat, 18, rec(LISTED, 公开属性="公开属性: 依申请公开").replace(REVIEW, "") + "公开渠道: [政府网站]\n")
    _numbered(cat, 19, rec(LISTED, 公开日期="公开日期: 2026-08-31"))
    _numbered(cat, 20, rec(LISTED, 公开日期="公开日期: 2026-11-28", 成文日期="成文日期: 2026-11-28")
              .replace("审查日期: 2026-09-01", "审查日期: 2026-11-28"))
    code, found = _full(gk, cat)
    grounds = ("国家秘密（第十四条）、法律法规禁止公开（第十四条）、危及三安全一稳定（第十四条）、商业秘密（第十五条）、"
               "个人隐私（第十五条）、内部事务信息（第十六条第一款）、过程性信息（第十六条第二款）、行政执法案卷（第十六条第二款）")
    assert code == 1
    assert [(c, s, p[-8:-5], line, col, m, h) for c, s, p, line, col, m, h in found] == [
        ("GK301", "error", "010", 1, 5, "这条信息未标识公开属性，按规定应退回起草股室重新办理（退回重新办理）",
         "由起草股室进行保密审查后填写「公开属性: 主动公开 / 依申请公开 / 不予公开」。"),
        ("GK302", "error", "011", 8, 7, "不予公开的信息没有写明不予公开理由", f"添加「不予公开理由: ……」，可选：{grounds}。"),
        ("GK302", "error", "012", 9, 9, "信息的公开属性是「主动公开」，却写了不予公开理由",
         "若确应不予公开，把公开属性改为「不予公开」；否则删除「不予公开理由」。"),
        ("GK304", "error", "013", 11, 9, "保密审查日期 2026-08-31 早于成文日期 2026-09-01",
         "审查的是成文的文件，审查日期不应早于成文日期；请核对。"),
        ("GK306", "error", "015", 8, 7, "转发件的公开属性「主动公开」与原文件 R2026-011 的「不予公开」不同",
         "改为「不予公开」，与所转发的原文件一致。"),
        ("GK307", "error", "016", 7, 7, "主动公开的信息没有索引号", "添加「索引号: ……」；gongkai new record 会分配下一个索引号。"),
        ("GK308", "warning", "017", 8, 7, "主动公开的信息没有公开日期", "发布后填写「公开日期」；尚未发布的信息，发布时再填写。"),
        ("GK309", "warning", "018", 13, 1, "依申请公开的信息登记了正文", "只保留登记信息，删除正文和附件。"),
        ("GK309", "warning", "018", 15, 1, "依申请公开的信息登记了公开渠道「政府网站」，但它不在任何渠道发布",
         "删除「公开渠道」；确应在这些渠道公开的，把「公开属性」改为主动公开并经保密审查。"),
        ("GK304", "error", "019", 11, 9, "保密审查日期 2026-09-01 晚于公开日期 2026-08-31：先公开后审查",
         "公开前必须完成保密审查；请核对两个日期。"),
        ("GK404", "error", "019", 14, 7, "公开日期 2026-08-31 早于成文日期 2026-09-01", "核对并改正日期。"),
        ("GK405", "warning", "020", 13, 7, "成文日期 2026-11-28 在今天（2026-11-27）之后",
         "核对年份和月份；尚未公开的信息，公开后再填写公开日期。"),
        ("GK405", "warning", "020", 14, 7, "公开日期 2026-11-28 在今天（2026-11-27）之后",
         "核对年份和月份；尚未公开的信息，公开后再填写公开日期。")]


def test_each_fault_of_ids_references_channels_and_periods_at_its_own_line_with_its_fix(gk, cat):
    """编号, 责任单位, 事项, 解读, 转发, channels, 公示期 and 公示截止, 撤回: one record per fault (lines: RECORD's, 公示期 on
    15, what is added from 19 on)."""
    _numbered(cat, 30, rec(LISTED, 责任单位="责任单位: SHJZG"))
    _numbered(cat, 31, rec(LISTED, 事项="事项: shjz-001"))
    _numbered(cat, 32, LISTED + "解读: [R2026-099, R2026-030]\n")
    _numbered(cat, 33, LISTED + "转发: R2026-033\n")
    cat.record(rec(LISTED, 编号="编号: R2026-034", 文号="文号: 测民〔2026〕34号", 索引号="索引号: 350524-MZ-2026-00034"),
               rel="records/2026/R2026-035.yaml")
    _numbered(cat, 36, LISTED + "公开渠道: [两微一端]\n")
    _numbered(cat, 37, rec(LISTED, 公示期=""))
    _numbered(cat, 38, rec(LISTED, 公示期="公示期: 7\n公示截止: 2026-09-14"))
    _numbered(cat, 39, rec(LISTED, 公示期="公示截止: 2027-09-03"))
    _numbered(cat, 40, rec(LISTED, 公示期="公示截止: 2026-09-02"))
    _numbered(cat, 41, rec(LISTED, 正文="正文: |\n  公示期：2026年9月3日至9月14日。").replace("  经审核，现将名单予以公示。\n", ""))
    _numbered(cat, 42, LISTED + "撤回:\n  日期: 2026-09-02\n  原因: 误发布\n")
    code, found = _full(gk, cat)
    nowhere = "；这条信息写的渠道都不在事项中，因此不在任何渠道发布（网站、公众号、公示栏都没有）"
    period = "改为实际的公示期（如「公示期: 7」，从公开日期当天起算的工作日）或公示截止日期。"
    assert code == 1
    assert [(c, s, p[-8:-5], line, col, m, h) for c, s, p, line, col, m, h in found] == [
        ("GK204", "error", "030", 6, 7, "责任单位「SHJZG」不在 gongkai.yaml 的单位中", "编号区分大小写：写成「shjzg」。"),
        ("GK205", "error", "031", 7, 5, "事项「shjz-001」在目录中不存在", "编号区分大小写：写成「SHJZ-001」。"),
        ("GK206", "error", "032", 19, 6, "解读「R2026-099」不存在", "填写一条已登记的政策解读信息的编号。"),
        ("GK206", "error", "032", 19, 17, "解读「R2026-030」的文种是「公示」，不是「政策解读」", "把解读信息的文种改为「政策解读」，或改正编号。"),
        ("GK207", "error", "033", 19, 5, "信息不能转发它自己", "填写被转发的原文件的编号。"),
        ("GK203", "error", "035", 1, 5, "文件名「R2026-035」与编号「R2026-034」不一致", "把文件改名为 R2026-034.yaml，或改正编号。"),
        ("GK410", "warning", "036", 19, 8, "公开渠道「两微一端」不在事项 SHJZ-001 的公开渠道中（items/shjz/SHJZ-001.yaml 第12行），"
         "不会发布到「两微一端」" + nowhere, "删去「两微一端」，或先在事项 SHJZ-001 的「公开渠道」中加上它并报审核。"),
        ("GK411", "error", "037", 5, 1, "名单类信息没有写明公示期", "加上「公示期: 7」（工作日，从公开日期当天起算）或「公示截止: YYYY-MM-DD」。"),
        ("GK416", "warning", "038", 16, 7, "按公示期7个工作日算到 2026-09-11，与公示截止 2026-09-14 不一致", "删去其中一个，或改成一致。"),
        ("GK418", "error", "039", 15, 7, "公示截止 2027-09-03，在公开日期 2026-09-03 一年之后：名单最迟在 2027-09-02 撤下", period),
        ("GK419", "error", "040", 15, 7, "公示截止 2026-09-02 早于公开日期 2026-09-03",
         "改为公示的最后一天（不早于公开日期），或改写「公示期: 7」（从公开日期当天起算的工作日）。"),
        ("GK420", "warning", "041", 15, 6, "正文写的是「公示期：2026年9月3日至9月14日」（到 2026-09-14），按公示期7个工作日算到 "
         "2026-09-11：两者不一致，名单在 2026-09-11 之后撤下", "把正文写的公示期和「公示期」改成同一个最后一天。"),
        ("GK415", "error", "042", 20, 7, "撤回日期 2026-09-02 早于公开日期 2026-09-03", "改为实际撤回的日期。")]


def test_each_fault_of_a_policys_validity_at_its_own_line_with_its_fix(gk, cat):
    """有效性 (GK413, GK414, GK417) of 规范性文件 under an item of policies; none has its 解读 (GK403, at 文种)."""
    _policies(cat)
    policy = rec(RECORD, 文种="文种: 规范性文件", 公示截止="")
    _numbered(cat, 43, policy)
    _numbered(cat, 44, policy + "有效性: 失效\n")
    _numbered(cat, 45, policy + "有效性: 有效\n被替代: R2026-046\n")
    _numbered(cat, 46, policy + "有效性: 有效\n替代: [R2026-045]\n")
    _numbered(cat, 47, policy + "有效性: 失效\n有效性日期: 2026-08-31\n")
    cat.record(rec(LISTED, 事项=""))  # R2026-001: a 公示 under no item
    code, found = _full(gk, cat)
    unread = ("GK403", "warning", 5, 5, "规范性文件「测试县民政局关于2026年第三季度低保对象名单的公示」没有关联政策解读",
              "登记解读信息（文种: 政策解读），并在本文件中写「解读: [解读的编号]」。")
    assert code == 1
    assert [(c, s, p[-8:-5], line, col, m, h) for c, s, p, line, col, m, h in found] == [
        ("GK413", "error", "043", 5, 1, "规范性文件没有写明有效性", "加上「有效性: 有效」；已失效、废止或修改的，写明哪一种和日期。"),
        (*unread[:2], "043", *unread[2:]),
        (*unread[:2], "044", *unread[2:]),
        ("GK413", "error", "044", 18, 6, "有效性为「失效」，但没有写明日期", "加上「有效性日期: YYYY-MM-DD」。"),
        (*unread[:2], "045", *unread[2:]),
        ("GK414", "error", "045", 19, 6, "已被 R2026-046 替代，有效性却不是失效或已修改", "改为「有效性: 失效」（或 已修改、废止）并写明有效性日期。"),
        (*unread[:2], "046", *unread[2:]),
        (*unread[:2], "047", *unread[2:]),
        ("GK417", "error", "047", 19, 8, "有效性日期 2026-08-31 早于成文日期 2026-09-01", "改为文件实际失效、废止或修改的日期，不早于成文日期。")]


# GK509 / handover: a record renamed after it was handed over, its 索引号 retyped in lower case and its PDF scanned
# again, was sent to the 两馆 a second time as a new record (the 索引号 compared as strings, the PDF's checksum new).
def test_a_handed_over_number_retyped_in_lower_case_is_not_sent_twice(gk, tmp_path):
    from test_handover import PDF, add

    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item()
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    add(cat, 2, "2026-09-15", formed="2026-09-10")
    assert gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", cat.root, "--out", tmp_path / "o1").code == 0
    sent = cat.root / "records/2026/R2026-002.yaml"
    cat.record(sent.read_text("utf-8").replace("编号: R2026-002", "编号: R2026-012")
               .replace("350524-MZ-2026-00002", "350524-mz-2026-00002").replace("R2026-002.pdf", "R2026-012.pdf"),
               "records/2026/R2026-012.yaml")
    cat.write("files/2026/R2026-012.pdf", PDF + b"R2026-012, scanned again")
    sent.unlink()
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", tmp_path / "o2")
    assert run.code == 1
    assert not (tmp_path / "o2").exists()
    code, found = _full(gk, cat, today="2026-10-08")
    assert code == 1
    assert [f for f in found if f[0] == "GK509"] == [
        ("GK509", "error", "records/2026/R2026-012.yaml", 1, 5,
         "信息 R2026-012 的索引号 350524-mz-2026-00002 已在 2026-09-20 的批次中随信息 R2026-002 送交两馆，再送就是同一份文件送了两次",
         "R2026-012 是 R2026-002 改了编号的：把编号（和信息文件名）改回 R2026-002，台账按编号记下两馆收到的信息；"
         "确是另一份信息的，给它填写自己的索引号。")]


# GK412 with the period an item promises in calendar days (「…，公示5天」): from Thu 09-03, 5 days end on Mon 09-07
def test_a_notice_promised_in_calendar_days_ends_on_the_fifth_day_not_the_fourth(gk, cat):
    text = cat.root.joinpath("items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8")
    cat.item(text.replace("一级事项: 最低生活保障", "一级事项: 临时救助")
             .replace("公开时限: 制定或获取信息之日起10个工作日内", "公开时限: 制定或获取信息之日起10个工作日内，公示5天"))
    cat.record(rec(RECORD, 公示截止="公示截止: 2026-09-07"))
    assert _full(gk, cat) == (0, [])
    cat.record(rec(RECORD, 公示截止="公示截止: 2026-09-06"))
    assert _full(gk, cat) == (1, [("GK412", "error", "records/2026/R2026-001.yaml", 15, 7,
                                   "公示期只有4天，少于规定的5天（事项 SHJZ-001 的公开时限「制定或获取信息之日起10个工作日内，公示5天」）",
                                   "改为「公示截止: 2026-09-07」（公开日期当天算第1天）。")])


# GK402 over 中秋 and 国庆 2026: formed Thu 09-24; off 09-25–09-27 and 10-01–10-07, Sat 10-10 a working day: the ten
# working days are 09-28 29 30, 10-08 09 10 12 13 14 15
def test_the_limit_over_the_national_day_week_counts_the_working_saturday(gk, cat):
    def published_on(day: str) -> str:
        return rec(RECORD, 成文日期="成文日期: 2026-09-24", 公开日期=f"公开日期: {day}", 公示截止="公示期: 7").replace(
            "审查日期: 2026-09-01", "审查日期: 2026-09-24")

    cat.record(published_on("2026-10-15"))
    assert _full(gk, cat) == (0, [])
    cat.record(published_on("2026-10-16"))
    code, found = _full(gk, cat)
    assert code == 0  # a warning: CI passes unless --strict, as README says
    assert found == [("GK402", "warning", "records/2026/R2026-001.yaml", 14, 7,
                      "公开日期 2026-10-16 晚于公开时限：成文日期 2026-09-24 起10个工作日内，即最迟 2026-10-15（含当天）",
                      "gongkai deadline explain R2026-001 可查看逐日计算过程。")]


def test_an_unknown_unit_or_item_not_a_case_slip_is_told_where_to_look(gk, cat):
    cat.record(rec(LISTED, 责任单位="责任单位: mzb-999", 事项="事项: SHJZ-099"))
    assert [f for f in _full(gk, cat)[1] if f[0] in ("GK204", "GK205")] == [
        ("GK204", "error", "records/2026/R2026-001.yaml", 6, 7, "责任单位「mzb-999」不在 gongkai.yaml 的单位中",
         "填写 gongkai.yaml「单位」中的编号，如 bgs、shjzg、mzb-100。"),
        ("GK205", "error", "records/2026/R2026-001.yaml", 7, 5, "事项「SHJZ-099」在目录中不存在",
         "填写 items/ 下某个事项的编号；用 gongkai new record 可从列表中选择。")]


def test_a_document_registered_again_after_its_record_was_withdrawn_or_replaced_is_no_duplicate(gk, cat):
    """(lead, after merging) A record withdrawn (撤回) and the corrected one registered again, or a record and the one
    that replaces it (替代/被替代), carry one 文号 as the one document they are: no GK212, which made CI fail."""
    cat.record(rec(RECORD) + "撤回:\n  日期: 2026-09-10\n  原因: 误将未遮盖的名单作为附件发布\n")
    _second(cat, 2, 文号="文号: 测民〔2026〕1号")
    _second(cat, 3, 文号="文号: 测民〔2026〕3号", 公示截止="被替代: R2026-004")
    _second(cat, 4, 文号="文号: 测民〔2026〕3号", 公示截止="替代: [R2026-003]")
    code, found = _validate(gk, cat)
    assert [f for f in found if f[0] == "GK212"] == []
    _second(cat, 5, 文号="文号: 测民〔2026〕3号")  # a third record with it is still a duplicate
    code, found = _validate(gk, cat)
    assert [f[:5] for f in found if f[0] == "GK212"] == [("GK212", "warning", "records/2026/R2026-005.yaml", 3, 5)]
