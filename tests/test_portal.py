"""gongkai export portal: every admitted web record and nothing else, in three formats, once, byte-stable."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from lxml import etree
from openpyxl import load_workbook

from conftest import ROOT, CatalogDir, text_pdf
from gongkai.cli import extension_modules
from portal_catalog import BASE, NEVER, build, record
from test_gate import _published_bytes

NS = {"p": "urn:gongkai:portal:1"}


def markup(fragment: str) -> list[tuple[str, list[str]]]:
    """Every element of an HTML fragment with its attribute names (text that merely looks like HTML is not markup)."""
    found: list[tuple[str, list[str]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, [name for name, _ in attrs]))

    Collect().feed(fragment)
    return found


@pytest.fixture
def pc(cat: CatalogDir) -> CatalogDir:
    return build(cat)


def export(gk, cat: CatalogDir, out: Path, *args: str) -> dict:
    run = gk("export", "portal", cat.root, "--out", out, *args)
    assert run.code == 0, run.err
    return json.loads((out / "portal.json").read_text(encoding="utf-8"))


def by_action(document: dict) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for entry in document["信息"]:
        found.setdefault(entry["操作"], set()).add(entry["编号"])
    return found


def xml_ids(out: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for entry in ET.parse(out / "portal.xml").getroot().iterfind("p:信息/p:条目", NS):
        found.setdefault(entry.findtext("p:操作", namespaces=NS), set()).add(entry.findtext("p:编号", namespaces=NS))
    return found


def xlsx_ids(out: Path) -> dict[str, set[str]]:
    sheet = load_workbook(out / "portal.xlsx")["导出清单"]
    rows = list(sheet.iter_rows(values_only=True))
    action, rid = rows[0].index("操作"), rows[0].index("编号")
    found: dict[str, set[str]] = {}
    for row in rows[1:]:
        found.setdefault(row[action], set()).add(row[rid])
    return found


def test_every_admitted_web_record_and_nothing_else(gk, pc, tmp_path):
    out = tmp_path / "out"
    document = export(gk, pc, out, "--today", "2026-11-27")
    # (R2026-016 was withdrawn before any export: the portal never had it, so no 撤回 names it — ninth hostile pass)
    expected = {"新增": {"R2026-010", "R2026-014", "R2026-015"}}
    assert by_action(document) == expected
    assert xml_ids(out) == expected
    assert xlsx_ids(out) == expected
    written = _published_bytes(out)
    for secret in (*NEVER, "R2026-011", "R2026-012", "R2026-013", "R2026-016", "R2026-017", "湖头镇公示栏专用丁号公示",
                   "林秀治", "已撤回庚号通知"):
        assert secret.encode() not in written, secret


def test_fields_of_the_county_directory(gk, pc, tmp_path):
    document = export(gk, pc, tmp_path / "out", "--today", "2026-11-27")
    entry = next(e for e in document["信息"] if e["编号"] == "R2026-010")
    assert {k: entry[k] for k in ("索引号", "主题分类", "发布机构", "文号", "成文日期", "标题", "有效性", "发布时间")} == {
        "索引号": "350524-MZ-2026-00010", "主题分类": "通知", "发布机构": "测试县民政局", "文号": "",
        "成文日期": "2026-08-28", "标题": "测试县民政局关于网站通知甲的通知", "有效性": "有效", "发布时间": "2026-11-02"}
    assert entry["概述"] == "经研究，现将有关事项通知如下。<script>alert('x')</script>"  # text, never markup
    notice = next(e for e in document["信息"] if e["编号"] == "R2026-014")
    assert notice["主题分类"] == "社会救助/最低生活保障" and notice["公示截止"] == "2026-12-02"
    assert document["栏目地址"] == BASE and document["格式"] == "gongkai.portal/1"


def test_body_is_a_clean_fragment_with_links_on_the_portal(gk, pc, tmp_path):
    out = tmp_path / "out"
    # the record it links is on the web that day (a link to one that is not is the words alone: hostile35_other_exits)
    pc.write("records/2026/R2026-020.yaml", record("R2026-020", "办事指南", channels="政府网站"))
    document = export(gk, pc, out, "--today", "2026-11-27")
    body = next(e for e in document["信息"] if e["编号"] == "R2026-010")["正文"]
    tags = markup(body)
    assert {t for t, _ in tags} <= {"p", "a"} and all(a == "href" for _, attrs in tags for a in attrs), tags
    assert "evil.example.com" not in body and "某网站" in body
    # (the body links ../records/R2026-020.html from R2026-010's page: inside the column mzj/, not bmzfxxgk/records/)
    assert '<a href="https://www.fjax.gov.cn/zwgk/zfxxgkzl/bmzfxxgk/mzj/records/R2026-020.html">办事指南</a>' in body
    assert (out / "bodies/R2026-010.html").read_text(encoding="utf-8") == body + "\n"


def test_attachments_travel_with_their_record(gk, pc, tmp_path):
    out = tmp_path / "out"
    document = export(gk, pc, out, "--today", "2026-11-27")
    files = next(e for e in document["信息"] if e["编号"] == "R2026-014")["附件"]
    assert [(f["名称"], f["文件"], f["格式"], f["字节数"]) for f in files] == [
        ("戊号名单", "files/R2026-014/R2026-014.pdf", "PDF", len(text_pdf("list")))]
    assert (out / "files/R2026-014/R2026-014.pdf").read_bytes() == text_pdf("list")


def test_an_ended_notice_leaves_its_list_behind(gk, pc, tmp_path):
    out = tmp_path / "out"
    document = export(gk, pc, out, "--today", "2026-11-27")
    ended = next(e for e in document["信息"] if e["编号"] == "R2026-015")
    assert ended["正文"] == "<p>公示已于2026年9月9日结束</p>" and ended["概述"] == "公示已于2026年9月9日结束"
    assert ended["附件"] == [] and ended["公示已结束"] is True
    assert "陈金水".encode() not in _published_bytes(out) and not (out / "files/R2026-015").exists()


@pytest.mark.parametrize(("today", "over"), [("2026-12-01", False), ("2026-12-02", False), ("2026-12-03", True)])
def test_the_last_day_of_a_notice_is_still_shown(gk, pc, tmp_path, today, over):
    document = export(gk, pc, tmp_path / "out", "--today", today)
    running = next(e for e in document["信息"] if e["编号"] == "R2026-014")
    assert running["公示已结束"] is over
    assert ("苏阿森" in running["正文"]) is not over


def test_a_rerun_is_byte_identical(gk, pc, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    export(gk, pc, first, "--today", "2026-11-27")
    ledger = (pc.root / "portal/2026-11-27.yaml").read_bytes()
    export(gk, pc, second, "--today", "2026-11-27")
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)
    assert (pc.root / "portal/2026-11-27.yaml").read_bytes() == ledger


def test_the_next_export_sends_only_what_changed(gk, pc, tmp_path):
    export(gk, pc, tmp_path / "1", "--today", "2026-11-27")
    assert export(gk, pc, tmp_path / "2", "--today", "2026-11-30")["信息"] == []
    assert not (pc.root / "portal/2026-11-30.yaml").exists()

    pc.write("records/2026/R2026-010.yaml", record("R2026-010", "测试县民政局关于网站通知甲的通知（修订）",
                                                   channels="政府网站"))
    pc.write("records/2026/R2026-018.yaml", record("R2026-018", "新增壬号通知", published="2026-11-30",
                                                   channels="政府网站"))
    pc.write("records/2026/R2026-014.yaml", (pc.root / "records/2026/R2026-014.yaml").read_text(encoding="utf-8")
             .replace(f"政府网站, 社区", "社区"))
    document = export(gk, pc, tmp_path / "3", "--today", "2026-11-30")
    assert by_action(document) == {"更新": {"R2026-010"}, "新增": {"R2026-018"}, "撤回": {"R2026-014"}}
    taken = next(e for e in document["信息"] if e["编号"] == "R2026-014")
    assert taken["撤回原因"].startswith("该信息已不在政府网站公开") and taken["撤回日期"] == "2026-11-30"
    assert [e["操作"] for e in document["信息"]] == ["撤回", "更新", "新增"]  # take down first


def test_a_withdrawal_after_export_is_sent_once(gk, pc, tmp_path):
    export(gk, pc, tmp_path / "1", "--today", "2026-11-27")
    text = (pc.root / "records/2026/R2026-010.yaml").read_text(encoding="utf-8")
    pc.write("records/2026/R2026-010.yaml", text.replace("正文:", "撤回:\n  日期: 2026-11-30\n  原因: 误发布\n正文:"))
    document = export(gk, pc, tmp_path / "2", "--today", "2026-11-30")
    assert document["信息"] == [{"操作": "撤回", "编号": "R2026-010", "索引号": "350524-MZ-2026-00010",
                                "标题": "测试县民政局关于网站通知甲的通知", "撤回日期": "2026-11-30", "撤回原因": "误发布"}]
    assert export(gk, pc, tmp_path / "3", "--today", "2026-12-01")["信息"] == []


def test_since_takes_older_records_as_already_on_the_portal(gk, pc, tmp_path):
    document = export(gk, pc, tmp_path / "out", "--today", "2026-11-27", "--since", "2026-11-20")
    # R2026-010 (11-02) was loaded by hand; R2026-016 was withdrawn after it; R2026-015 ended on 09-09, before
    # --since, and nobody takes a list down when its period ends: its end is sent (test_hostile12_publication)
    assert by_action(document) == {"新增": {"R2026-014"}, "撤回": {"R2026-016"}, "更新": {"R2026-015"}}
    ledger = (pc.root / "portal/2026-11-27.yaml").read_text(encoding="utf-8")
    assert "起始日期: 2026-11-20" in ledger and ledger.count("操作: 已在门户") == 1
    assert export(gk, pc, tmp_path / "again", "--today", "2026-11-28")["信息"] == []


@pytest.mark.parametrize(("since", "sent"), [("2026-11-19", True), ("2026-11-20", True), ("2026-11-21", False)])
def test_since_sends_a_withdrawal_made_on_or_after_it(gk, pc, tmp_path, since, sent):
    document = export(gk, pc, tmp_path / "out", "--today", "2026-11-27", "--since", since)
    assert ("R2026-016" in by_action(document).get("撤回", set())) is sent  # withdrawn on 2026-11-20


def test_since_sends_a_notice_that_ended_after_it(gk, pc, tmp_path):
    document = export(gk, pc, tmp_path / "out", "--today", "2026-11-27", "--since", "2026-09-09")
    assert by_action(document)["更新"] == {"R2026-015"}


def test_the_documented_schemas_hold(gk, pc, tmp_path):
    out = tmp_path / "out"
    document = export(gk, pc, out, "--today", "2026-11-27")
    jsonschema.validate(document, json.loads((ROOT / "docs/portal-export.schema.json").read_text(encoding="utf-8")))
    schema = etree.XMLSchema(etree.parse(str(ROOT / "docs/portal-export.xsd")))
    assert schema.validate(etree.parse(str(out / "portal.xml"))), schema.error_log


def test_without_a_base_address_the_export_says_what_to_add(gk, cat, tmp_path):
    build(cat, base=False)
    run = gk("export", "portal", cat.root, "--out", tmp_path / "out")
    assert run.code == 2 and "基础地址" in run.err and "gongkai.yaml" in run.err
    assert not (tmp_path / "out").exists()


def test_a_broken_ledger_stops_the_export_with_its_position(gk, pc, tmp_path):
    pc.write("portal/2026-11-20.yaml", "导出日期: 2026-11-20\n信息:\n  - 编号: R2026-010\n    操作: 上架\n")
    run = gk("export", "portal", pc.root, "--out", tmp_path / "out", "--today", "2026-11-27")
    assert run.code == 1 and "portal/2026-11-20.yaml" in run.err and "4:" in run.err
    assert not (tmp_path / "out").exists()


def test_a_later_ledger_refuses_an_earlier_export(gk, pc, tmp_path):
    export(gk, pc, tmp_path / "1", "--today", "2026-11-27")
    run = gk("export", "portal", pc.root, "--out", tmp_path / "2", "--today", "2026-11-26")
    assert run.code == 2 and "portal/2026-11-27.yaml" in run.err


LEDGER = "导出日期: {date}\n信息:\n  - 编号: R2026-010\n    标题: 甲\n    操作: 新增\n    指纹: {fp}\n"
FP = "a" * 64


def codes(gk, cat: CatalogDir) -> list[tuple[str, int, str]]:
    run = gk("validate", cat.root, "--format", "json", "--no-cache")
    return [(d["path"], d["line"], d["code"]) for d in run.json()["diagnostics"] if d["code"] in ("GK520", "GK521")]


def test_gk520_a_ledger_stored_under_another_date(gk, pc):
    pc.write("portal/2026-11-27.yaml", LEDGER.format(date="2026-11-28", fp=FP))
    assert codes(gk, pc) == [("portal/2026-11-27.yaml", 1, "GK520")]


def test_gk520_gk521_a_ledger_written_by_the_export_is_clean(gk, pc, tmp_path):
    export(gk, pc, tmp_path / "out", "--today", "2026-11-27")
    assert codes(gk, pc) == []


def test_gk521_a_record_listed_twice(gk, pc):
    twice = LEDGER.format(date="2026-11-27", fp=FP) + "  - 编号: R2026-010\n    标题: 甲\n    操作: 撤回\n"
    pc.write("portal/2026-11-27.yaml", twice)
    assert codes(gk, pc) == [("portal/2026-11-27.yaml", 7, "GK521")]


def test_export_portal_is_found_when_only_its_group_is_named():
    """`gongkai export …` imports the export group's module and the modules that extend it, and no others."""
    assert extension_modules()["export"] == ["portal"]
    run = subprocess.run([sys.executable, "-m", "gongkai", "export", "portal", "--help"], capture_output=True, text=True)
    assert run.returncode == 0 and "县政府门户网站" in run.stdout


def test_personal_data_in_any_field_holds_the_record_back(gk, pc, tmp_path):
    """责任者 reaches 发布机构: the source scan reads every field, so the gate holds the record back."""
    text = (pc.root / "records/2026/R2026-010.yaml").read_text(encoding="utf-8")
    pc.write("records/2026/R2026-010.yaml", text.replace("责任单位: shjzg", "责任单位: shjzg\n责任者: 张三13805951234"))
    run = gk("export", "portal", pc.root, "--out", tmp_path / "out", "--today", "2026-11-27")
    assert "13805951234" not in run.err + run.out
    assert b"13805951234" not in _published_bytes(tmp_path / "out") if (tmp_path / "out").exists() else True
    document = json.loads((tmp_path / "out/portal.json").read_text(encoding="utf-8"))
    assert "R2026-010" not in {e["编号"] for e in document["信息"]}


def test_a_document_lapses_on_its_validity_date_and_the_portal_hears_of_it(gk, cat, tmp_path, monkeypatch):
    cat.write("records/2026/R2026-002.yaml", record(
        "R2026-002", "二〇二五年低保标准甲", kind="政策文件", published="2026-03-02", channels="政府网站",
        extra="有效性: 失效\n有效性日期: 2026-07-01\n"))
    # each export on its own day (an export for a past --today that would show it 有效 again is refused)
    monkeypatch.setenv("GONGKAI_TODAY", "2026-06-30")
    first = export(gk, cat, tmp_path / "1")
    assert next(e for e in first["信息"] if e["编号"] == "R2026-002")["有效性"] == "有效"  # in force until the 1st
    monkeypatch.setenv("GONGKAI_TODAY", "2026-07-01")
    then = export(gk, cat, tmp_path / "2")
    assert [(e["操作"], e["编号"], e["有效性"]) for e in then["信息"]] == [("更新", "R2026-002", "失效")]
