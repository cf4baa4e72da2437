"""The privacy guard end to end: validate reports GK6xx with positions and masked values, the gate blocks, mask rewrites."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from conftest import RECORD, text_pdf
from gongkai.catalog import load_catalog
from gongkai.gate import admit

FULL_ID = "11010519491231002X"
MOBILE = "13812345678"
CARD = "6222021234567890128"
TABLE = f"""  | 姓名 | 身份证号 | 保障金额（元/月） |
  | --- | --- | --- |
  | 陈水生 | {FULL_ID} | 1144 |
"""
ATTACHED = RECORD.replace("正文: |", "附件:\n  - 文件: files/2026/list.{suffix}\n正文: |")


def privacy(gk, root: Path) -> list[dict]:
    run = gk("validate", root, "--format", "json")
    assert run.code in (0, 1), run.err
    return [d for d in json.loads(run.out)["diagnostics"] if d["code"].startswith("GK6")]


def assert_no_full_values(text: str) -> None:
    for value in (FULL_ID, MOBILE, CARD):
        assert value not in text


def test_clean_catalog_has_no_privacy_findings(gk, cat):
    assert privacy(gk, cat.root) == []


def test_bundled_catalog_has_no_privacy_findings(gk, bundled):
    assert privacy(gk, bundled) == []
    catalog = load_catalog(bundled)
    assert admit(catalog, dt.date(2026, 11, 27)).blocked == {}


def test_body_table_cell_is_reported_at_its_line_with_a_masked_value(gk, cat):
    cat.record(RECORD + TABLE)
    found = privacy(gk, cat.root)
    errors = [d for d in found if d["code"] == "GK601"]
    assert [(d["path"], d["line"], d["severity"]) for d in errors] == [("records/2026/R2026-001.yaml", 21, "error")]
    assert "正文表格第1行第2列（身份证号）" in errors[0]["message"]
    assert "11*************02X" in errors[0]["message"]
    warnings = [d for d in found if d["code"] == "GK605"]
    assert [(d["line"], d["severity"]) for d in warnings] == [(19, "warning")]
    assert "身份证号" in warnings[0]["message"]


def test_every_output_format_carries_only_the_masked_value(gk, cat):
    cat.record(RECORD + f"  联系电话 {MOBILE}，卡号 {CARD}\n" + TABLE)
    for fmt in ("text", "json", "github", "sarif"):
        run = gk("validate", cat.root, "--format", fmt)
        assert run.code == 1
        assert_no_full_values(run.out + run.err)
    codes = {d["code"] for d in privacy(gk, cat.root)}
    assert {"GK601", "GK602", "GK603"} <= codes


def test_title_finding_and_bureau_phone_allowed(gk, cat):
    agency = cat.root / "gongkai.yaml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("联系电话: 0595-23000000",
                                                                 "联系电话: 0595-23000000、13905950000"), encoding="utf-8")
    cat.record(RECORD.replace("正文: |", "正文: |\n  值班电话 13905950000，地址见题名").replace(
        "低保对象名单的公示", f"低保对象名单的公示（联系人 {MOBILE}）"))
    found = privacy(gk, cat.root)
    assert [(d["code"], d["line"]) for d in found] == [("GK602", 2)]
    assert "138****5678" in found[0]["message"]


def test_gate_blocks_a_record_with_a_finding_and_admits_it_once_masked(cat):
    cat.record(RECORD + TABLE)
    result = admit(load_catalog(cat.root), dt.date(2026, 11, 27))
    assert not result.admits("R2026-001")
    [finding] = result.blocked["R2026-001"]
    assert (finding.kind, finding.masked_value) == ("id", "11*************02X")
    cat.record(RECORD + TABLE.replace(FULL_ID, "11*************02X"))
    result = admit(load_catalog(cat.root), dt.date(2026, 11, 27))
    assert result.admits("R2026-001") and result.blocked == {}


def test_xlsx_attachment_cell(gk, cat):
    book = Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["姓名", "保障人数", "联系电话"])
    sheet.append(["陈水生", 1, int(MOBILE)])
    cat.root.joinpath("files/2026").mkdir(parents=True)
    book.save(cat.root / "files/2026/list.xlsx")
    cat.record(ATTACHED.format(suffix="xlsx"))
    found = privacy(gk, cat.root)
    gk602 = [d for d in found if d["code"] == "GK602"]
    assert len(gk602) == 1 and "名单!C2" in gk602[0]["message"] and "138****5678" in gk602[0]["message"]
    assert gk602[0]["line"] == 18  # the attachment's 文件 line
    assert [d["message"] for d in found if d["code"] == "GK605"][0].count("联系电话") == 1


def test_csv_attachment_and_cache_sees_a_changed_attachment(gk, cat):
    cat.write("files/2026/list.csv", f"姓名,保障金额\n陈水生,1144\n".encode("utf-8-sig"))
    cat.record(ATTACHED.format(suffix="csv"))
    catalog = load_catalog(cat.root)
    assert admit(catalog, dt.date(2026, 11, 27)).blocked == {}
    cat.write("files/2026/list.csv", f"姓名,保障金额,账号\n陈水生,1144,{CARD}\n".encode("gb18030"))
    result = admit(load_catalog(cat.root), dt.date(2026, 11, 27))
    [finding] = result.blocked["R2026-001"]
    assert finding.kind == "bank" and "第1行第3列（账号）" in finding.where


def test_pdf_attachment_page(cat):
    cat.write("files/2026/list.pdf", text_pdf("Page one: nothing here", f"ID {FULL_ID}"))
    cat.record(ATTACHED.format(suffix="pdf"))
    [finding] = admit(load_catalog(cat.root), dt.date(2026, 11, 27)).blocked["R2026-001"]
    assert "第2页" in finding.where and finding.masked_value == "11*************02X"


def test_mask_csv(gk, tmp_path):
    target = tmp_path / "list.csv"
    target.write_text(f"姓名,身份证号,电话\n陈水生,{FULL_ID},{MOBILE}\n", encoding="utf-8")
    dry = gk("mask", target, "--dry-run")
    assert dry.code == 0 and "11*************02X" in dry.out and "138****5678" in dry.out
    assert FULL_ID in target.read_text(encoding="utf-8")
    run = gk("mask", target)
    assert run.code == 0 and "共遮盖 2 处" in run.out
    assert_no_full_values(dry.out + run.out)
    assert target.read_text(encoding="utf-8") == "姓名,身份证号,电话\n陈水生,11*************02X,138****5678\n"
    again = gk("mask", target)
    assert again.code == 0 and "没有发现" in again.out


def test_mask_xlsx_and_markdown(gk, tmp_path):
    book = Workbook()
    book.active.append(["姓名", "身份证号", "住址"])
    book.active.append(["陈水生", FULL_ID, "剑斗镇经兜村12号"])
    book.save(tmp_path / "list.xlsx")
    run = gk("mask", tmp_path / "list.xlsx")
    assert run.code == 0 and "Sheet!B2" in run.out and "Sheet!C2" in run.out
    values = [c.value for c in load_workbook(tmp_path / "list.xlsx").active[2]]
    assert values == ["陈水生", "11*************02X", "剑斗镇经兜村**号"]
    md = tmp_path / "list.md"
    md.write_text(f"| 姓名 | 电话 |\n| --- | --- |\n| 陈水生 | {MOBILE} |\n", encoding="utf-8")
    assert gk("mask", md).code == 0
    assert md.read_text(encoding="utf-8").endswith("| 陈水生 | 138****5678 |\n")


@pytest.mark.parametrize("name", ["missing.csv", "list.docx"])
def test_mask_refuses_what_it_cannot_do(gk, tmp_path, name):
    if name.endswith("docx"):
        (tmp_path / name).write_bytes(b"x")
    run = gk("mask", tmp_path / name)
    assert run.code == 2 and run.err


@pytest.mark.parametrize(("body", "reported"), [
    ("  | 黄秀珍 | 剑斗镇经兜村12号 |\n", True),  # a house number below the village
    ("  城厢镇某小区3号楼2单元301室\n", True),
    ("  | 黄秀珍 | 剑斗镇经兜村 |\n", False),  # down to the village only: allowed
    ("  办理地点：测试县城关镇人民路1号\n", False),  # the bureau's own address in gongkai.yaml
])
def test_gk604_detailed_address_in_the_body(gk, cat, body, reported):
    cat.record(RECORD + body)
    codes = [d["code"] for d in privacy(gk, cat.root)]
    assert ("GK604" in codes) is reported, codes
