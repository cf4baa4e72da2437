"""The lead's part of the thirty-fourth pass: what a clerk sees when the year is mistyped.

1. `gongkai report scorecard --year 2062` (2026 mistyped), `report annual --year 2027` in December 2026, and
   `gongkai county --year 2030` printed or wrote a whole table of zeros under the title 「2062年政务公开考核表（截至
   2026-12-07）」, exit 0 — a sheet that could be sent up as the year's result. A year that has not begun on --today is
   now a usage error (exit 2) that says so and gives the year to write; the current year and earlier years work as
   before.


Found by a fuzz of the bundled catalog (a mobile or ID number in some written form put into a random field, then
every command that writes something: build-site, export, wechat, print, validate), each a number reaching a CI log
or an exported table:

2. A value quoted in a message is cut to forty characters — and the cut fell inside the number: 「两微身份证号<https://
   example.org/?p=1385818273…」 showed ten digits of a mobile to the CI log, because masking, done as the message is
   printed, reads only whole numbers. A message (GK104, an unread formula, a long file name, a 空白说明) is now cut
   where the number starts.
3. The line shown under a finding is the line as typed: in a double-quoted YAML value the number was split by an
   escape (`"政府网站 13868\n196036。"`, a line break in the value) and every digit stood in the log. Numbers the
   escapes make are now stars there.
4. `gongkai export xlsx` writes item files that fail validation "as far as they can be read", and the refusal to
   export personal data read only the items that load: 「1395<sup>1492</sup>371」 in such a file went into the xlsx
   (the csv of the same row was refused by the output scan). Those files are read for personal data too now.
5. The line shown under a finding of personal data starred runs of seven digits or more a space apart; a 正文 whose
   Markdown link text makes the number on the page (「电话[15036](#)[857210](#)」 shows 15036857210) was found, and
   its line showed both parts under the finding. Digits up to eight marks or spaces apart are starred there now.
6. A record the 两馆 hold whose file is there but does not load (a bracket left open) was GK508 「台账列出的信息 R2026-001
   不存在」: the clerk went looking for a file that was there. It now says the file does not load and to mend it.

Today is conftest's day, 2026-11-27, unless --today says otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ITEM, RECORD, CatalogDir, Run


@pytest.mark.parametrize("args", [
    ("report", "scorecard", "--year", "2062"),
    ("report", "scorecard", "--year", "2027"),
    ("report", "annual", "--year", "2027"),
])
def test_a_year_not_begun_is_refused(gk: Callable[..., Run], cat: CatalogDir, args: tuple[str, ...]) -> None:
    year = args[-1]
    run = gk(*args[:2], cat.root, *args[2:])
    assert run.code == 2, run.out
    assert f"{year}年还没有开始（今天是 2026-11-27）" in run.err
    assert "--year 2026" in run.err  # the year to write instead
    assert "考核表" not in run.out and "年度报告" not in run.out  # no table of zeros


def test_the_year_under_way_and_a_year_reached_by_today_still_work(gk: Callable[..., Run], cat: CatalogDir) -> None:
    assert gk("report", "scorecard", cat.root, "--year", "2026").code == 0
    assert gk("report", "scorecard", cat.root).code == 0  # the default: --today's year
    run = gk("report", "scorecard", cat.root, "--year", "2027", "--today", "2027-01-04")
    assert run.code == 0 and "2027年政务公开考核表（截至2027-01-04）" in run.out
    # the annual report of the year under way is a draft the office may look at in December
    assert gk("report", "annual", cat.root, "--year", "2026").code in (0, 1)


def test_county_refuses_a_year_not_begun_before_reading_any_catalog(gk: Callable[..., Run], tmp_path: Path) -> None:
    run = gk("county", tmp_path / "没有这个文件夹", "--year", "2030", "--out", tmp_path / "out")
    assert run.code == 2
    assert "2030年还没有开始（今天是 2026-11-27）" in run.err
    assert not (tmp_path / "out").exists()


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def test_a_message_is_never_cut_inside_a_number(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.item(ITEM.replace("公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]",
                          "公开渠道: [政府网站, 两微身份证号<https://example.org/?p=13858182732>。一端]"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert "GK104 「两微身份证号<https://example.org/?p" in run.out  # cut where the number starts (or before)
    assert "1385818273" not in _digits(run.out + run.err)  # not ten digits of it either


def test_a_number_an_escape_splits_is_starred_in_the_line_shown(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.item(ITEM.replace("公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]",
                          '公开渠道: ["政府网站 13868\\n196036。", 两微一端]'))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert '公开渠道: ["政府网站 *************。", 两微一端]' in run.out  # 13868, \n and 196036: thirteen stars
    assert "13868" not in run.out and "196036" not in run.out


@pytest.mark.parametrize("form", ["xlsx", "csv"])
def test_an_item_that_fails_validation_is_read_for_numbers_before_export(gk: Callable[..., Run], cat: CatalogDir,
                                                                         tmp_path: Path, form: str) -> None:
    cat.item(ITEM.replace("五公开: 结果公开", "五公开: 决，1395<sup>1492</sup>371。策公开"))
    out = tmp_path / f"目录.{form}"
    run = gk("export", form, "-C", cat.root, "--out", out)
    assert run.code == 1
    assert not out.exists()
    assert "事项 SHJZ-001（items/shjz/SHJZ-001.yaml「五公开」）：手机号码「139****2371」" in run.err


def test_the_line_under_a_finding_hides_a_number_markdown_splits(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.record(RECORD.replace("经审核，现将名单予以公示。", "咨询电话[15036](#)[857210](#)。"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert "有未遮盖的手机号码「150****7210」" in run.out
    assert "15036" not in run.out and "857210" not in run.out
    # (thirty-seventh session: the two links are read as one number, shown masked as one)
    assert "咨询电话[150****7210](#)。" in run.out


def test_a_ledger_record_whose_file_does_not_load_is_not_called_gone(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.write("handover/2026-09-07.yaml", "批次日期: 2026-09-07\n覆盖期间: {开始: 2026-08-21, 结束: 2026-09-07}\n"
                                         "接收单位: [dag, tsg]\n信息:\n  - 编号: R2026-001\n")
    cat.record(RECORD.replace("公开属性: 主动公开", "公开属性: [主动公开"))  # a bracket left open: the file does not load
    run = gk("validate", cat.root, "--format", "json")
    messages = [d["message"] for d in run.json()["diagnostics"] if d["code"] == "GK508"]
    assert messages == ["台账列出的信息 R2026-001 的信息文件读不出来，无法核对它能否移交"]
    cat.record()  # mended: no GK508
    assert [d for d in gk("validate", cat.root, "--format", "json").json()["diagnostics"] if d["code"] == "GK508"] == []
    (cat.root / "records/2026/R2026-001.yaml").unlink()  # gone indeed
    messages = [d["message"] for d in gk("validate", cat.root, "--format", "json").json()["diagnostics"]
                if d["code"] == "GK508"]
    assert messages == ["台账列出的信息 R2026-001 不存在"]
