"""gongkai print: the 乡镇's sheets for the 公示栏 and 查阅点, from the gate's print records only."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CatalogDir
from portal_catalog import BASE, NEVER, build
from test_gate import _published_bytes


@pytest.fixture
def pc(cat: CatalogDir) -> CatalogDir:
    return build(cat)


def run_print(gk, cat: CatalogDir, out: Path, *args: str) -> set[str]:
    run = gk("print", cat.root, "--out", out, *args)
    assert run.code == 0, run.err
    return {str(p.relative_to(out)) for p in out.rglob("*.html")}


def test_board_records_are_printed_and_web_only_ones_are_not(gk, pc, tmp_path):
    out = tmp_path / "out"
    files = run_print(gk, pc, out, "--from", "2026-08-01", "--to", "2026-11-27")
    # R2026-013 is for the 公示栏 only; R2026-014 is on the board and the web; R2026-015's 公示 ended on 09-09
    assert files == {"index.html", "mzb-102/R2026-013.html", "mzb-102/R2026-014.html"}
    written = _published_bytes(out)
    assert "湖头镇公示栏专用丁号公示".encode() in written and "林秀治".encode() in written
    for absent in (*NEVER, "测试县民政局关于网站通知甲的通知", "已撤回庚号通知", "陈金水", "官桥镇已结束己号公示"):
        assert absent.encode() not in written, absent


def test_a_sheet_has_its_period_phone_and_large_print(gk, pc, tmp_path):
    out = tmp_path / "out"
    run_print(gk, pc, out, "--town", "mzb-102", "--from", "2026-11-01", "--to", "2026-11-27")
    sheet = (out / "mzb-102/R2026-013.html").read_text(encoding="utf-8")
    assert "公示期：2026年11月25日至2026年12月3日（7个工作日）" in sheet
    assert "监督电话：0595-23411234" in sheet  # the 民政办's own phone
    assert "@page { size: A4 portrait;" in sheet and "html { font-size: 16pt; }" in sheet
    assert "<td>林秀治</td>" in sheet
    assert "<svg" not in sheet  # not on the web: no QR code
    assert "http" not in sheet.replace("http-equiv", "") and "<script" not in sheet and "<link" not in sheet


def test_a_web_record_carries_a_qr_code_to_its_page(gk, pc, tmp_path):
    out = tmp_path / "out"
    run_print(gk, pc, out, "--town", "mzb-102", "--from", "2026-11-01", "--to", "2026-11-27", "--size", "A3")
    sheet = (out / "mzb-102/R2026-014.html").read_text(encoding="utf-8")
    assert "<svg" in sheet and f"<title>{BASE}records/R2026-014.html</title>" in sheet
    assert "@page { size: A3 portrait;" in sheet and "html { font-size: 22pt; }" in sheet


def test_the_agency_phone_when_the_unit_has_none(gk, pc, tmp_path):
    text = (pc.root / "records/2026/R2026-013.yaml").read_text(encoding="utf-8")
    pc.write("records/2026/R2026-013.yaml", text.replace("责任单位: mzb-102", "责任单位: mzb-103"))
    out = tmp_path / "out"
    run_print(gk, pc, out, "--town", "mzb-103", "--from", "2026-11-01", "--to", "2026-11-27")
    assert "监督电话：0595-23000000" in (out / "mzb-103/R2026-013.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("to", "printed"), [("2026-12-02", True), ("2026-12-03", False)])
def test_a_notice_is_printed_until_its_last_day(gk, pc, tmp_path, to, printed):
    files = run_print(gk, pc, tmp_path / "out", "--town", "mzb-102", "--from", "2026-11-01", "--to", to)
    assert ("mzb-102/R2026-014.html" in files) is printed


@pytest.mark.parametrize(("start", "printed"), [("2026-11-24", True), ("2026-11-25", False)])
def test_the_date_range_is_inclusive(gk, pc, tmp_path, start, printed):
    files = run_print(gk, pc, tmp_path / "out", "--from", start, "--to", "2026-11-27")
    assert ("mzb-102/R2026-014.html" in files) is printed


def test_index_lists_the_sheets_by_town(gk, pc, tmp_path):
    out = tmp_path / "out"
    run_print(gk, pc, out, "--from", "2026-11-01", "--to", "2026-11-27")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "湖头镇民政办（2 张）" in index and 'href="mzb-102/R2026-013.html"' in index


def test_print_is_byte_identical_on_a_rerun(gk, pc, tmp_path):
    run_print(gk, pc, tmp_path / "a", "--from", "2026-11-01", "--to", "2026-11-27")
    run_print(gk, pc, tmp_path / "b", "--from", "2026-11-01", "--to", "2026-11-27")
    assert _published_bytes(tmp_path / "a") == _published_bytes(tmp_path / "b")


def test_an_unknown_town_names_the_valid_ones(gk, pc, tmp_path):
    run = gk("print", pc.root, "--town", "shjzg", "--out", tmp_path / "out")
    assert run.code == 2 and "mzb-102（湖头镇民政办）" in run.err
