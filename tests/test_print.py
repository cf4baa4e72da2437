"""gongkai print: the 乡镇's sheets for the 公示栏 and 查阅点, from the gate's print records only."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CatalogDir
from portal_catalog import BASE, LIST, NEVER, build, record
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
    assert files == {"index.html", "mzb-102/R2026-013.html", "mzb-102/R2026-014.html",
                     "mzb-102/R2026-013-screen.html", "mzb-102/R2026-014-screen.html"}
    written = _published_bytes(out)
    assert "湖头镇公示栏专用丁号公示".encode() in written and "林秀治".encode() in written
    for absent in (*NEVER, "测试县民政局关于网站通知甲的通知", "已撤回庚号通知", "陈金水", "ended list"):
        assert absent.encode() not in written, absent
    # R2026-015's list has no sheet; its title is only in the index, among what to take down
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count("官桥镇已结束己号公示") == 1 and index.index("请从公示栏") < index.index("官桥镇已结束己号公示")


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


def test_the_screen_version_is_one_16_by_9_page_with_the_period(gk, pc, tmp_path):
    out = tmp_path / "out"
    run_print(gk, pc, out, "--town", "mzb-102", "--from", "2026-11-01", "--to", "2026-11-27")
    screen = (out / "mzb-102/R2026-013-screen.html").read_text(encoding="utf-8")
    assert "aspect-ratio: 16 / 9" in screen and "<td>林秀治</td>" in screen
    assert "公示期：2026年11月25日至2026年12月3日" in screen and "监督电话：0595-23411234" in screen
    assert "<script" not in screen and "http" not in screen


def test_wechat_articles_only_for_the_account_and_what_to_take_down(gk, pc, tmp_path):
    item = pc.root / "items/shjz/SHJZ-001.yaml"
    item.write_text(item.read_text(encoding="utf-8").replace("公开查阅点]", "公开查阅点, 两微一端]"), encoding="utf-8")
    # SHJZ-001 lists people: every record of it is a 公示 with a period
    pc.write("records/2026/R2026-020.yaml", record("R2026-020", "公众号通知壬", published="2026-11-10", item="SHJZ-001",
                                                   channels="两微一端", extra="公示截止: 2026-12-31\n", body="| 单位 | 时间 |\n|---|---|\n| 县民政局 | 上午 |"))
    # 2026-11-02 (Mon) + 7 working days counting that day ends 2026-11-10: it comes down on the 11th
    pc.write("records/2026/R2026-021.yaml", record("R2026-021", "公众号公示癸", kind="公示", published="2026-11-02",
                                                   item="SHJZ-001", channels="两微一端", extra="公示期: 7\n",
                                                   body=LIST.format(name="郑某某")))
    pc.write("records/2026/R2026-022.yaml", record("R2026-022", "公众号撤回子", published="2026-11-03", item="SHJZ-001",
                                                   channels="两微一端",
                                                   extra="公示期: 15\n撤回:\n  日期: 2026-11-20\n  原因: 误发布\n"))  # runs to 11-23: withdrawn in its 公示
    out = tmp_path / "wechat"
    run = gk("wechat", pc.root, "--from", "2026-11-01", "--to", "2026-11-27", "--out", out)
    assert run.code == 0, run.err
    assert {p.name for p in out.iterdir()} == {"index.html", "R2026-020.html"}
    article = (out / "R2026-020.html").read_text(encoding="utf-8")
    assert '<td style="border:1px solid #bbbbbb;' in article and "<style" not in article and "<script" not in article
    assert "请在公众号中删除：公众号公示癸（2026-11-11 起，公示已于2026年11月10日结束）" in run.out
    assert "请在公众号中删除：公众号撤回子（2026-11-20 起，撤回：误发布）" in run.out
    assert "郑某某" not in _published_bytes(out).decode("utf-8", "replace")


@pytest.mark.parametrize(("to", "listed"), [("2026-12-03", False), ("2026-12-04", True)])
def test_a_notice_that_ended_is_listed_to_take_down_from_its_board(gk, pc, tmp_path, to, listed):
    # R2026-013 (board only) runs 2026-11-25 to 2026-12-03: on the 4th it must be gone from the board and the screen
    run = gk("print", pc.root, "--out", tmp_path / "out", "--from", "2026-12-01", "--to", to)
    assert run.code == 0, run.err
    line = "的公示栏、查阅点和电子屏撤下：湖头镇公示栏专用丁号公示（2026-12-04 起，公示已于2026年12月3日结束）"
    assert (line in run.out) is listed
    index = (tmp_path / "out/index.html").read_text(encoding="utf-8")
    assert ("湖头镇公示栏专用丁号公示（2026年12月4日起，公示已于2026年12月3日结束）" in index) is listed


def test_a_withdrawn_board_record_is_listed_to_take_down_and_a_web_only_one_is_not(gk, pc, tmp_path):
    pc.write("records/2026/R2026-019.yaml", record(
        "R2026-019", "湖头镇误贴子号通知", published="2026-11-02", unit="mzb-102", channels="公开查阅点",
        extra="撤回:\n  日期: 2026-11-20\n  原因: 误将过程性信息张贴\n"))
    out = tmp_path / "out"
    assert run_print(gk, pc, out, "--from", "2026-11-01", "--to", "2026-11-27", "--town", "mzb-102")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "湖头镇误贴子号通知（2026年11月20日起，撤回：误将过程性信息张贴）" in index
    assert "已撤回庚号通知" not in index  # R2026-016 was on the web only: nothing to take off a board
    assert not (out / "mzb-102/R2026-019.html").exists()
    other = tmp_path / "other"
    run_print(gk, pc, other, "--from", "2026-11-01", "--to", "2026-11-27", "--town", "mzb-103")
    assert "湖头镇误贴子号通知" not in (other / "index.html").read_text(encoding="utf-8")  # another 乡镇's board
