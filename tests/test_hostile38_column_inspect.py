"""Fortieth session's hostile pass, angle 「column_inspect」: the yearly inspector checking the 政府信息公开 column that
build-site makes against 61号 (统一名称、统一格式) and the 法定主动公开内容 of 《条例》第二十条, and trusting `inspect`
(国办秘函〔2019〕19号; DOMAIN.md §10–12).

The oracle: small real catalogs in tmp dirs, the real CLI (`gongkai build-site`, `gongkai export portal`,
`gongkai inspect`), and what each page or sheet must say typed by hand.

Found by this pass:
1. A record's page had no 主题分类, one of the fields of the county's 政府信息公开目录 (安溪县: 索引号, 主题分类, 发布机构,
   文号, 成文日期 …) that the inspector looks for on every document page, while `export portal` sent the record to the
   portal under one. Now the page's 文件信息 shows it, from the one answer both use (the 领域's 主题分类 in
   gongkai.yaml, else 领域/一级事项, else the 文种), first row beside the 索引号 as the county's directory has it.
2. A 规范性文件 whose own 正文 says 「本办法自2019年4月1日起施行，有效期5年」, registered 有效性: 有效 and never changed,
   was shown 有效 on its page, in the portal export and in the feed years after its term ran out — a reader follows a
   rule that no longer holds — and neither validate nor inspect said a word. Now validate warns (GK422) at the
   有效性 line and inspect lists it among its reminders at the 正文's line, both with the fix (有效性: 失效 and the
   day after the term; or the extension written in the 正文). Only the document's own term counts (a sentence with
   「本办法」「施行」…), not 「低保对象资格有效期为1年」; an extension (「有效期延长至…」) wins. The same reminder names a
   web 规范性文件 or 政策文件 with no 有效性 at all, which its page shows as 「有效」 although the bureau never said so.
3. A 政策解读 put on the web weeks after the 规范性文件 it explains (三同步: 同步组织、同步审签、同步部署, 国办发〔2016〕80号)
   passed `inspect` as long as the two were linked (validate's GK403 warned; the inspector's sheet did not). Now a
   reminder names each 解读 that came out after the day GK403 counts — the same gongkai.yaml 检查 → 解读时限工作日 (3 by
   default) on the holiday calendar — at the 解读's 公开日期 line.
4. A 财政预决算 column holding only this year's 部门预算 — last year's 部门决算 never published (《预算法》第十四条: public
   within 20 days of the 财政部门's 批复) — passed `inspect` in December: the column was not blank, and its 栏目类型 gave
   it a year. Now a reminder names the missing 决算 (or 预算) once the day it is due in this county has passed
   (thresholds.yaml 预决算: 04-30 for this year's 预算, 09-30 for last year's 决算; inspect.yaml changes them); a column
   whose 空白说明 says where they are published instead (the 财政局's platform) is not named.
5. inspect took a point off (解读回应) and validate warned (GK403) for every 规范性文件 or 政策文件 without a 解读 of the
   bureau's — also the 转发 of a provincial document and the provincial document itself (责任者 福建省民政厅),
   which the bureau does not draft and cannot explain (谁起草、谁解读). A column that was right lost points; clerks
   learn to ignore such findings. Now both judge only the policies the bureau drafted, alone, jointly or for short
   (「县民政局」), from one predicate.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import AGENCY, ITEM, CatalogDir

TODAY = "2026-12-07"


def _meta(site: Path, rid: str) -> dict[str, str]:
    """The 文件信息 table of a record's page: heading → cell text."""
    page = (site / f"records/{rid}.html").read_text(encoding="utf-8")
    table = page.split('<table class="meta-table">', 1)[1].split("</table>", 1)[0]
    cells = re.findall(r'<th scope="row">([^<]*)</th><td[^>]*>(.*?)</td>', table)
    return {head: re.sub(r"<[^>]+>", "", cell) for head, cell in cells}


def _record(cat: CatalogDir, rid: str, item: str | None, kind: str = "通知", published: str = "2026-11-02",
            extra: str = "", body: str = "正文。") -> None:
    number = rid.split("-")[1]
    lines = [f"编号: {rid}", f"题名: 测试县民政局关于{rid}的{kind}", f"索引号: 350524-MZ-2026-{number.zfill(5)}",
             f"文种: {kind}", "责任单位: shjzg", *([f"事项: {item}"] if item else []), "公开属性: 主动公开",
             f"保密审查: {{审查人: 张三, 审查日期: {published}, 结论: 同意主动公开}}", f"成文日期: {published}",
             f"公开日期: {published}", "公开渠道: [政府网站]"]
    cat.write(f"records/2026/{rid}.yaml", "\n".join(lines) + "\n" + extra + "正文: |\n  " + body + "\n")


def _column(tmp_path: Path) -> CatalogDir:
    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM.replace("二级事项: 审批信息", "二级事项: 政策法规文件"))
    return cat


# ── 1. 主题分类 on every record page, as the portal export files it ─────────────────────────────────────────────────


def test_a_record_page_shows_its_subject_as_the_portal_files_it(gk, tmp_path):
    cat = _column(tmp_path)
    _record(cat, "R2026-001", "SHJZ-001")
    _record(cat, "R2026-002", None, kind="公告")
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY).code == 0
    meta = _meta(site, "R2026-001")
    assert meta["主题分类"] == "社会救助/最低生活保障"
    assert list(meta)[:2] == ["索引号", "主题分类"]  # the county directory's first two fields, side by side
    assert {"索引号", "发布机构", "文号", "成文日期", "公开日期", "有效性", "文种", "所属事项", "责任单位"} <= set(meta)
    assert _meta(site, "R2026-002")["主题分类"] == "公告"  # no item: its 文种, as the export files it
    out = tmp_path / "portal"
    run = gk("export", "portal", cat.root, "--out", out, "--today", TODAY)
    assert run.code == 0, run.err
    sent = {e["编号"]: e["主题分类"] for e in json.loads((out / "portal.json").read_text(encoding="utf-8"))["信息"]}
    assert sent == {"R2026-001": "社会救助/最低生活保障", "R2026-002": "公告"}


def test_a_subject_set_for_the_domain_in_gongkai_yaml_is_on_the_page(gk, tmp_path):
    cat = _column(tmp_path)
    cat.write("gongkai.yaml", AGENCY.replace("    代码: SHJZ\n", "    代码: SHJZ\n    主题分类: 民政/社会救助\n"))
    _record(cat, "R2026-001", "SHJZ-001")
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY).code == 0
    assert _meta(site, "R2026-001")["主题分类"] == "民政/社会救助"


# ── 2. a policy past the term its own 正文 states, still shown 有效 ─────────────────────────────────────────────────


POLICY_BODY = "本办法自2019年4月1日起施行，有效期5年。"


def _policy(cat: CatalogDir, body: str = POLICY_BODY, validity: str = "有效性: 有效\n",
            formed: str = "2019-03-01") -> None:
    _record(cat, "R2026-001", "SHJZ-001", kind="规范性文件", published=formed, extra=validity, body=body)


def _validity(gk, cat: CatalogDir) -> tuple[int, dict]:
    run = gk("inspect", cat.root, "--format", "json", "--today", TODAY)
    assert run.code in (0, 1), run.err
    sheet = json.loads(run.out)
    return run.code, next(w for w in sheet["warnings"] if w["key"] == "validity")


def _gk422(gk, cat: CatalogDir) -> list[tuple[int, int, str]]:
    found = gk("validate", cat.root, "--format", "json", "--today", TODAY).json()["diagnostics"]
    return [(d["line"], d["column"], d["message"]) for d in found if d["code"] == "GK422"]


def test_a_policy_past_its_stated_term_is_named_by_validate_and_inspect(gk, tmp_path):
    cat = _column(tmp_path)
    _policy(cat)
    assert _gk422(gk, cat) == [(12, 6, "正文写明「有效期5年」（到 2024-03-31），今天 2026-12-07 已过，有效性仍是「有效」")]
    code, found = _validity(gk, cat)
    assert code == 0 and found["status"] == "fail" and found["count"] == 1  # a reminder: no points, no veto
    assert [e["text"] for e in found["evidence"]] == [
        "records/2026/R2026-001.yaml:14:20 规范性文件「测试县民政局关于R2026-001的规范性文件」正文写明「有效期5年」"
        "（到2024-03-31），网页上仍显示为「有效」：文件已到期的，改为「有效性: 失效」并写「有效性日期: 2024-04-01」；"
        "已经延期的，在正文中写明延期后的有效期（如「有效期延长至2028年12月31日」）"]
    text = gk("inspect", cat.root, "--today", TODAY).out
    assert "网站上的规范性文件、政策文件的有效性（没有写明；正文写的有效期已过仍显示有效）：1 项" in text
    # the clerk does as told: the page says 失效, and neither command speaks of it again
    _policy(cat, validity="有效性: 失效\n有效性日期: 2024-04-01\n")
    assert _gk422(gk, cat) == []
    assert _validity(gk, cat)[1]["status"] == "pass"


def test_a_term_counted_from_the_day_of_issue_or_written_as_a_last_day(gk, tmp_path):
    cat = _column(tmp_path)
    _policy(cat, "本通知自印发之日起施行，有效期为三年。", formed="2022-03-01")  # to 2025-02-28
    assert [m for _, _, m in _gk422(gk, cat)] == [
        "正文写明「有效期为三年」（到 2025-02-28），今天 2026-12-07 已过，有效性仍是「有效」"]
    _policy(cat, "本意见有效期至2026年12月6日。")
    assert [m for _, _, m in _gk422(gk, cat)] == [
        "正文写明「有效期至2026年12月6日」（到 2026-12-06），今天 2026-12-07 已过，有效性仍是「有效」"]
    _policy(cat, "本意见有效期至2026年12月7日。")  # its last day is today: still in force
    assert _gk422(gk, cat) == []


def test_no_false_alarm_on_terms_the_document_sets_for_others_or_has_extended(gk, tmp_path):
    cat = _column(tmp_path)
    for body in ("低保对象资格有效期为1年，期满后重新审核。",  # a term the document sets for households
                 "原《救助证》有效期至2025年12月31日，请持证人及时换领。",  # … or for a certificate
                 POLICY_BODY + "\n\n  经评估，本办法有效期延长至2027年12月31日。",  # extended below the first term
                 "本办法自2026年5月1日起施行，有效期5年。",  # runs to 2031-04-30
                 "本通知自印发之日起施行。",  # no term
                 # the term counts from the day it takes effect, not from another 「自…起」 of the 正文
                 "自2018年1月1日起，低保标准提高到每人每月700元。\n\n  本办法自2026年5月1日起施行。本办法有效期5年。"):
        _policy(cat, body)
        assert _gk422(gk, cat) == [], body
        assert _validity(gk, cat)[1]["evidence"] == [], body


def test_a_web_policy_without_validity_is_named_where_its_page_says_valid(gk, tmp_path):
    cat = _column(tmp_path)
    _policy(cat, "本办法自2026年5月1日起施行。", validity="", formed="2026-05-01")
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY).code == 0
    assert _meta(site, "R2026-001")["有效性"] == "有效"
    code, found = _validity(gk, cat)
    assert code == 0 and [e["text"] for e in found["evidence"]] == [
        "records/2026/R2026-001.yaml:4:1 规范性文件「测试县民政局关于R2026-001的规范性文件」没有写明有效性，网页上显示为"
        "「有效」：加上「有效性: 有效」；已失效、废止或修改的，写明哪一种和日期（validate 的 GK413）"]


# ── 3. a 解读 published weeks after its document ──────────────────────────────────────────────────────────────────


def _pair(cat: CatalogDir, policy_day: str, reading_day: str) -> None:
    _record(cat, "R2026-001", "SHJZ-001", kind="规范性文件", published=policy_day,
            extra="有效性: 有效\n解读: [R2026-002]\n", body="本办法自印发之日起施行。")
    _record(cat, "R2026-002", "SHJZ-001", kind="政策解读", published=reading_day, body="解读。")


def _late(gk, cat: CatalogDir) -> dict:
    run = gk("inspect", cat.root, "--format", "json", "--today", TODAY)
    assert run.code in (0, 1), run.err
    return next(w for w in json.loads(run.out)["warnings"] if w["key"] == "interpretation-late")


def test_a_reading_published_later_than_allowed_is_named_at_its_date(gk, tmp_path):
    cat = _column(tmp_path)
    # 国庆 2026-10-01…07 off; 10-08, 10-09 and 10-10 (a Saturday, 调休上班) are the three working days after 09-30
    _pair(cat, "2026-09-30", "2026-10-10")
    assert _late(gk, cat)["evidence"] == [] and _gk403(gk, cat) == []
    _pair(cat, "2026-09-30", "2026-10-11")  # the Sunday after the third: late, as validate counts it
    assert [e["id"] for e in _late(gk, cat)["evidence"]] == ["R2026-002"]
    assert _gk403(gk, cat) == ["政策解读 2026-10-11 才公开，晚于文件公开后3个工作日（2026-10-10）"]
    _pair(cat, "2026-09-30", "2026-10-12")  # the Monday after: the fourth
    found = _late(gk, cat)
    assert found["status"] == "fail" and [e["text"] for e in found["evidence"]] == [
        "records/2026/R2026-002.yaml:10:7 政策解读「测试县民政局关于R2026-002的政策解读」2026-10-12 才公开，所解读的规范性文件"
        "「测试县民政局关于R2026-001的规范性文件」2026-09-30 已公开，晚4个工作日：解读应与文件同步发布（最迟3个工作日）；"
        "公开日期登记错了的，改正「公开日期」"]
    text = gk("inspect", cat.root, "--today", TODAY).out
    assert "政策解读晚于所解读的文件公开（同步发布，最迟3个工作日）：1 项" in text
    assert gk("inspect", cat.root, "--today", TODAY).code == 0  # a reminder: the verdict and exit code stand


def _gk403(gk, cat: CatalogDir) -> list[str]:
    found = gk("validate", cat.root, "--format", "json", "--today", TODAY).json()["diagnostics"]
    return [d["message"] for d in found if d["code"] == "GK403"]


def test_a_bureau_that_wants_the_reading_the_same_day_sets_it_once_for_validate_and_inspect(gk, tmp_path):
    cat = _column(tmp_path)
    _pair(cat, "2026-11-02", "2026-11-03")
    assert _late(gk, cat)["evidence"] == [] and _gk403(gk, cat) == []
    cat.write("gongkai.yaml", AGENCY + "检查:\n  解读时限工作日: 0\n")
    assert [e["id"] for e in _late(gk, cat)["evidence"]] == ["R2026-002"]
    assert _late(gk, cat)["point"] == "政策解读晚于所解读的文件公开（同步发布，最迟0个工作日）"
    assert len(_gk403(gk, cat)) == 1


# ── 5. no 解读 owed for a 转发 or another body's document ─────────────────────────────────────────────────────────


def test_a_forward_and_the_provincial_document_it_forwards_owe_no_reading_of_the_bureau(gk, tmp_path):
    cat = _column(tmp_path)
    _record(cat, "R2026-001", "SHJZ-001", kind="规范性文件", extra="责任者: 福建省民政厅\n有效性: 有效\n")
    _record(cat, "R2026-002", "SHJZ-001", kind="政策文件", extra="转发: R2026-001\n有效性: 有效\n")
    _record(cat, "R2026-003", "SHJZ-001", kind="政策文件", extra="责任者: 县民政局\n有效性: 有效\n")  # ours, for short
    _record(cat, "R2026-004", "SHJZ-001", kind="规范性文件",
            extra="责任者: 测试县民政局 测试县财政局\n有效性: 有效\n")  # ours, jointly
    run = gk("inspect", cat.root, "--format", "json", "--today", TODAY)
    deduction = next(d for d in json.loads(run.out)["deductions"] if d["key"] == "interpretation")
    assert sorted(e["id"] for e in deduction["evidence"]) == ["R2026-003", "R2026-004"]
    assert deduction["points"] == 2
    found = gk("validate", cat.root, "--format", "json", "--today", TODAY).json()["diagnostics"]
    assert sorted(d["id"] for d in found if d["code"] == "GK403") == ["R2026-003", "R2026-004"]


# ── 4. this year's 预算 and last year's 决算 in the 财政预决算 column ─────────────────────────────────────────────────


def _budget_column(tmp_path: Path, note: str = "") -> CatalogDir:
    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM.replace("二级事项: 审批信息", "二级事项: 财政预决算\n法定类别: 财政预决算") + note)
    return cat


def _paper(cat: CatalogDir, rid: str, title: str, published: str) -> None:
    _record(cat, rid, "SHJZ-001", kind="财政预决算", published=published)
    path = cat.root / f"records/2026/{rid}.yaml"
    path.write_text(re.sub(r"题名: .*", f"题名: {title}", path.read_text(encoding="utf-8")), encoding="utf-8")


def _budget(gk, cat: CatalogDir, today: str = TODAY) -> list[str]:
    run = gk("inspect", cat.root, "--format", "json", "--today", today)
    assert run.code in (0, 1), run.err
    return [e["text"] for e in next(w for w in json.loads(run.out)["warnings"] if w["key"] == "budget")["evidence"]]


def test_last_years_accounts_missing_from_the_budget_column_are_named(gk, tmp_path):
    cat = _budget_column(tmp_path)
    _paper(cat, "R2026-001", "测试县民政局2026年部门预算", "2026-02-06")
    assert _budget(gk, cat) == [
        "最低生活保障 / 财政预决算：网站上没有2025年部门决算（题名写「2025年部门决算」的信息），已过2026-09-30：批复后20日内"
        "公开（《预算法》第十四条），用 gongkai new record 登记到这个事项；在县财政局统一平台公开的，在事项的「空白说明」中"
        "写明在哪里公开"]
    assert _budget(gk, cat, "2026-09-30") == []  # its last day: not yet late
    _paper(cat, "R2026-002", "测试县民政局部门决算（2025年度）", "2026-09-15")  # the year after the word: the same
    assert _budget(gk, cat) == []


def test_this_years_budget_is_due_on_the_countys_day(gk, tmp_path):
    cat = _budget_column(tmp_path)
    _paper(cat, "R2026-002", "测试县民政局2025年度部门决算", "2026-01-15")
    assert _budget(gk, cat, "2026-04-30") == []
    assert [t.split("：")[1][:15] for t in _budget(gk, cat, "2026-05-01")] == ["网站上没有2026年部门预算（"]
    cat.write("inspect.yaml", "预决算:\n  预算公开截止: 03-31\n")
    assert [t.split("：")[1][:15] for t in _budget(gk, cat, "2026-04-01")] == ["网站上没有2026年部门预算（"]


def test_a_column_whose_note_says_where_they_are_is_not_named(gk, tmp_path):
    cat = _budget_column(tmp_path, "空白说明: 本局部门预决算在安溪县财政局预决算公开统一平台公开。\n")
    _record(cat, "R2026-003", None)
    assert _budget(gk, cat) == []
    bare = _column(tmp_path / "bare")  # no 财政预决算 column at all: law-categories says so, not this
    _record(bare, "R2026-001", "SHJZ-001")
    assert _budget(gk, bare) == []


def test_a_withdrawn_policy_past_its_term_is_not_named(gk, tmp_path):
    cat = _column(tmp_path)
    _policy(cat, validity="有效性: 有效\n撤回: {日期: 2026-11-02, 原因: 误将内部事务信息作为主动公开信息发布}\n")
    assert _gk422(gk, cat) == []
    assert _validity(gk, cat)[1]["evidence"] == []
