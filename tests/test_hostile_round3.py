"""Third hostile pass (issues 11, 12, 13, 16, 19): cases the earlier rounds did not try, each from the user's side.

Values typed by hand: 13812345678 is a mobile (1[3-9] + 9 digits); 0595-23000000 is the test agency's landline.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, RECORD, text_pdf


def errors(gk, root: Path) -> list[tuple[str, str, int, int]]:
    run = gk("validate", root, "--format", "json")
    assert run.code in (0, 1), run.err
    return [(d["code"], d["path"], d["line"], d["column"]) for d in json.loads(run.out)["diagnostics"]
            if d["severity"] == "error"]


def every_byte(folder: Path) -> str:
    return "".join(p.read_bytes().decode("utf-8", "replace") for p in sorted(folder.rglob("*")) if p.is_file())


# A value YAML reads as a number is published as Python writes that number, not as the clerk typed it: the landline
# 059523000000 became tel:59523000000 on every page, and 1.3812345678e10 became 13812345678.0, which neither scan saw.
@pytest.mark.parametrize(("typed", "printed"), [
    ("059523000000", "59523000000"),
    ("1.3812345678e10", "138****5678.0"),
    ("+8613812345678", "86138****5678"),
    ("0x337AC1B4E", "138****7950"),
    ("1_3812_345678", "138****5678"),
    (".5", "0.5"),
])
def test_a_number_yaml_would_rewrite_is_an_error_at_its_value(gk, cat, typed, printed):
    cat.write("gongkai.yaml", AGENCY.replace("联系电话: 0595-23000000", f"联系电话: {typed}"))
    assert ("GK015", "gongkai.yaml", 5, 9) in errors(gk, cat.root)
    run = gk("validate", cat.root)
    assert f"会被当作数字读成「{printed}」" in run.out
    assert "13812345678" not in run.out and "13818927950" not in run.out


def test_the_rewritten_number_reaches_no_page(gk, cat, tmp_path):
    cat.record(RECORD.replace("文号: 测民〔2026〕1号", "文号: 1.3812345678e10"))
    assert ("GK015", "records/2026/R2026-001.yaml", 3, 5) in errors(gk, cat.root)
    gk("build-site", cat.root, "--out", tmp_path / "site")
    site = tmp_path / "site"
    assert not site.exists() or "13812345678" not in every_byte(site)


def test_every_rewritten_number_and_tag_of_a_file_is_reported_not_only_the_first(gk, cat):
    cat.record(RECORD.replace("文号: 测民〔2026〕1号", "文号: 1.3812345678e10")
               .replace("页数: 1", "页数: 012") + "备注: !!binary MTM4MTIzNDU2Nzg=\n")
    found = [e for e in errors(gk, cat.root) if e[0] in ("GK015", "GK016")]
    assert sorted(e[0] for e in found) == ["GK015", "GK015", "GK016"]
    assert all(e[1] == "records/2026/R2026-001.yaml" for e in found)
    assert ("GK015", "records/2026/R2026-001.yaml", 3, 5) in found


@pytest.mark.parametrize("fine", [
    '联系电话: "059523000000"', "联系电话: '059523000000'", "联系电话: 0595-23000000", "联系电话: !!str 059523000000",
])
def test_a_quoted_or_written_out_number_passes(gk, cat, fine):
    cat.write("gongkai.yaml", AGENCY.replace("联系电话: 0595-23000000", fine))
    cat.record(RECORD.replace("页数: 1", "页数: 12") + "  0595\n  1.50\n  +86\n")
    assert errors(gk, cat.root) == []


# A tag makes the two YAML parsers disagree (the fast one ignores !!binary, ruamel decodes it) and hides a value
# from a reviewer: MTM4MTIzNDU2Nzg= is 13812345678 in base64.
@pytest.mark.parametrize("tagged", ["!!binary MTM4MTIzNDU2Nzg=", "!foo 测民〔2026〕1号", '!!int "12"',
                                    "!<tag:yaml.org,2002:binary> MTM4MTIzNDU2Nzg="])
def test_a_yaml_tag_is_an_error_at_its_value(gk, cat, tagged):
    cat.record(RECORD.replace("文号: 测民〔2026〕1号", f"文号: {tagged}"))
    assert ("GK016", "records/2026/R2026-001.yaml", 3, 5) in errors(gk, cat.root)


# The law's days are China's (UTC+8, no summer time): a server, container or CI runner on UTC that rebuilds at
# 00:05 Beijing time saw "today" as yesterday and left an ended 公示 list online for another day.
def test_today_is_chinas_date_whatever_the_machines_time_zone(bundled):
    seen = set()
    for zone in ("Etc/GMT+12", "UTC", "Etc/GMT-14"):  # 26 hours apart: their own dates always differ
        env = {k: v for k, v in os.environ.items() if k != "GONGKAI_TODAY"} | {"TZ": zone}
        before = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()
        run = subprocess.run([sys.executable, "-m", "gongkai", "inspect", str(bundled), "--format", "json"],
                             env=env, capture_output=True, text=True, check=False)
        after = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()
        assert run.returncode in (0, 1), run.stderr
        day = json.loads(run.stdout)["today"]
        assert day in {before.isoformat(), after.isoformat()}, (zone, day)
        seen.add(day if before == after else None)
    assert len(seen - {None}) <= 1


# 有效性日期 before 成文日期 was published as 「失效（2026年8月1日）」 on a document formed on 1 September.
@pytest.mark.parametrize(("dates", "column"), [
    ("有效性: 失效\n有效性日期: 2026-08-31", 8),  # the day before 成文日期 2026-09-01
    ("有效性: 失效\n有效性日期: 2026-09-01", None),  # the day of
    ("有效性: 失效\n有效性日期: 2026-09-02", None),  # the day after
    ("有效性: 废止\n废止日期: 2026-08-31", 7),
])
def test_a_validity_date_before_the_document_was_formed_is_an_error(gk, cat, dates, column):
    cat.record(RECORD.replace("页数: 1", "页数: 1\n" + dates))
    found = [e for e in errors(gk, cat.root) if e[0] in ("GK413", "GK417")]
    assert found == ([("GK417", "records/2026/R2026-001.yaml", 18, column)] if column else [])


# files/2026/A.pdf and files/2026/a.pdf (or é written composed and decomposed) are two files in git and on Linux,
# but one on the Windows and macOS machines the clerks check the catalog out on: which content the site and the
# handover then publish depends on the checkout order.
@pytest.mark.parametrize(("listed", "twin"), [
    ("files/2026/A.pdf", "files/2026/a.pdf"),
    ("files/2026/R1.PDF", "files/2026/r1.pdf"),
    ("files/2026/caf\u00e9.pdf", "files/2026/cafe\u0301.pdf"),
    ("files/2026/list.pdf", "files/2026/LIST.pdf"),
])
def test_an_attachment_with_a_case_or_unicode_twin_is_refused(gk, cat, tmp_path, listed, twin):
    pdf = text_pdf("nothing personal")
    cat.write(listed, pdf)
    cat.write(twin, text_pdf("an internal draft"))
    cat.record(RECORD.replace("正文: |", f"附件:\n  - 文件: {listed}\n正文: |"))
    assert ("GK606", "records/2026/R2026-001.yaml", 18, 9) in errors(gk, cat.root)
    gk("build-site", cat.root, "--out", tmp_path / "site")
    assert not list((tmp_path / "site" / "files").rglob("*"))


def test_an_attachment_without_a_twin_passes(gk, cat):
    cat.write("files/2026/a.pdf", text_pdf("nothing personal"))
    cat.write("files/2026/ab.pdf", text_pdf("nothing personal"))
    cat.record(RECORD.replace("正文: |", "附件:\n  - 文件: files/2026/a.pdf\n正文: |"))
    assert errors(gk, cat.root) == []


# The county's review workbook is the directory table of every department: an item with a mobile in it went into
# review-2026.xlsx in full, while `export xlsx` of the same directory refused.
def test_county_outputs_are_scanned_like_every_other_output(gk, cat, tmp_path):
    # An item with a number is left out of the review and named (hostile pass 12: one department's number no longer
    # stops every department's workbooks) ...
    cat.item(ITEM.replace("公开主体: 县级人民政府民政部门", "公开主体: 县级人民政府民政部门（联系人 13812345678）"))
    out = tmp_path / "county-out"
    run = gk("county", cat.root, "--year", "2026", "--out", out)
    assert run.code == 1 and "含有未遮盖的个人信息（手机号码）" in run.out
    assert "13812345678" not in run.out + run.err
    # ... and a department's name that holds one (county.yaml) is shown masked in every workbook, which are all
    # written (hostile pass 28, tests/test_hostile28_doors.py: it used to stop every department's workbooks).
    config = tmp_path / "county.yaml"
    config.write_text(f"部门:\n  - 目录: {cat.root}\n    名称: 测试县民政局13912345678\n", encoding="utf-8")
    out = tmp_path / "county-out-2"
    run = gk("county", "--config", config, "--year", "2026", "--out", out)
    assert "13912345678" not in run.out + run.err
    books = sorted(out.glob("*.xlsx"))
    assert [p.name for p in books] == ["annual-2026.xlsx", "review-2026.xlsx", "scorecard-2026.xlsx"]
    for book in books:
        with zipfile.ZipFile(book) as archive:
            assert not any(b"13912345678" in archive.read(name) for name in archive.namelist()), book.name


def test_county_outputs_without_personal_data_are_written(gk, cat, tmp_path):
    out = tmp_path / "county-out"
    assert gk("county", cat.root, "--year", "2026", "--out", out).code == 0
    assert sorted(p.name for p in out.glob("*.xlsx")) == ["annual-2026.xlsx", "review-2026.xlsx", "scorecard-2026.xlsx"]
