"""Fifth hostile pass over the outputs: what the source scan reads, the output scan must read too (hostile5).

The output scan looks at the written bytes with its own cheap prefilter; when that prefilter knew fewer ways to write
a number than the detector, a number written so in a public item or in gongkai.yaml went out in `export csv`, whose
only check is the output scan. 13800138000 is a mobile (1[3-9] + 9 digits).
"""

from __future__ import annotations

import pytest

from conftest import AGENCY, ITEM, git
from gongkai.privacy.normalize import _LOOKALIKES, _TABLE
from gongkai.privacy.outputs import scan_output


def _forms() -> list[str]:
    """13800138000 with every separator form normalize() knows between its groups (・ ‧ ⁄ 〜 ー … ─)."""
    joining = {"-", ".", "/", "_", "*", "~", " ", ":"}
    return sorted(chr(code) for code, to in _TABLE.items() if to in joining and not chr(code).isascii())


@pytest.mark.parametrize("separator", _forms())
def test_the_output_scan_reads_every_separator_the_detector_reads(separator):
    page = f"<p>咨询电话：138{separator}0013{separator}8000</p>\n".encode()
    assert [f.masked_value for f in scan_output("a.html", page, frozenset())] == ["138****8000"], hex(ord(separator))
    line = f"SHJZ-001,咨询138{separator}0013{separator}8000\n".encode()
    assert [f.masked_value for f in scan_output("a.csv", line, frozenset())] == ["138****8000"], hex(ord(separator))


def _digit_forms() -> list[str]:
    digits = {str(n) for n in range(10)}
    return sorted(chr(code) for code, to in _TABLE.items() if to in digits and not chr(code).isascii())


@pytest.mark.parametrize("digit", _digit_forms())
def test_the_output_scan_reads_every_digit_form_the_detector_reads(digit):
    # 138 + one digit + 1234567 is a mobile whatever that digit is: the digit form stands for it, among ASCII digits
    found = scan_output("a.csv", f"R1,138{digit}1234567\n".encode(), frozenset())
    assert [f.masked_value for f in found] == ["138****4567"], hex(ord(digit))


@pytest.mark.parametrize("letter", sorted(set(_LOOKALIKES) - set("OoIl")))
def test_the_output_scan_reads_every_look_alike_between_digits(letter):
    # 138 + one digit + 1234567 is a mobile whatever that digit is: the letter stands for it
    found = scan_output("a.csv", f"R1,138{letter}1234567\n".encode(), frozenset())
    assert [f.masked_value for f in found] == ["138****4567"], hex(ord(letter))


@pytest.mark.parametrize("written", ["138・0013・8000", "138‧0013‧8000", "138…0013…8000", "ⅠⅢⅧ〇〇ⅠⅢⅧ〇〇〇",
                                     "138ОО138000", "幺三八兩兩幺三八洞洞洞"])
def test_export_csv_stops_on_a_number_written_otherwise_in_an_item(gk, cat, tmp_path, written):
    cat.item(ITEM.replace("低保对象名单及相关信息", f"低保对象名单及相关信息（咨询{written}）"))
    out = tmp_path / "目录.csv"
    run = gk("export", "csv", "-C", cat.root, "--out", out)
    assert run.code == 1, run.out + run.err
    assert not out.exists()
    assert "138****8000" in run.out + run.err


# The output scan looks for numbers (eleven digits close together), not for addresses: an item's 详细住址 (GK604,
# an error of validate) went out in `export csv`, and in `export xlsx` only because its XML happened to hold eleven
# digits on the same line. build-site stops on any finding in a public item or gongkai.yaml; every publisher that
# writes the directory now does the same.
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("where", ["item", "agency"])
def test_export_stops_on_an_address_in_an_item_or_gongkai_yaml(gk, cat, tmp_path, fmt, where):
    if where == "item":
        cat.item(ITEM.replace("低保对象名单及相关信息", "低保对象名单及相关信息（送达王五，家住经兜村12号）"))
    else:
        cat.write("gongkai.yaml", AGENCY.replace("联系人: 张三", "联系人: 张三（家住经兜村12号）"))
    out = tmp_path / f"目录.{fmt}"
    run = gk("export", fmt, "-C", cat.root, "--out", out)
    assert run.code == 1, run.out + run.err
    assert not out.exists()
    assert "详细住址「兜村**号」" in run.err
    assert "经兜村12号" not in run.out + run.err


def test_print_stops_like_build_site_on_an_address_in_an_item(gk, cat, tmp_path):
    # the sheets do not show the item's 公开内容; they stop all the same, as build-site does (one rule for all)
    cat.item(ITEM.replace("低保对象名单及相关信息", "低保对象名单及相关信息（送达王五，家住经兜村12号）"))
    run = gk("print", cat.root, "--from", "2026-09-01", "--out", tmp_path / "print")
    assert run.code == 1, run.out + run.err
    assert not (tmp_path / "print").exists()
    assert "详细住址「兜村**号」" in run.out + run.err


# 目录调整记录 (changes/index.html) shows the items' history from git: the value before a clerk masked it came back
# on the public page (an address: published; a number: the output scan stopped every build from then on, since
# history cannot be changed). What the page shows of the history is masked as every printed text is.
@pytest.mark.parametrize(("typed", "masked"), [
    ("家住经兜村12号", "家住经兜村**号"),
    ("电话13800138000", "电话138****8000"),
    ("身份证350524198503151236", "身份证35*************236"),
])
def test_the_changes_page_shows_the_history_masked(gk, cat, tmp_path, typed, masked):
    top = cat.root.parent
    item = cat.item(ITEM.replace("低保对象名单及相关信息", f"低保对象名单及相关信息（送达王五，{typed}）"))
    git(top, "init", "-q", "-b", "main")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "初始目录")
    item.write_text(ITEM.replace("低保对象名单及相关信息", f"低保对象名单及相关信息（送达王五，{masked}）"), encoding="utf-8")
    git(top, "commit", "-qam", "遮盖")
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0, run.out + run.err
    page = (tmp_path / "site" / "changes" / "index.html").read_text(encoding="utf-8")
    assert typed not in page
    assert page.count(masked) == 2  # 新增 the masked value; 删除 the old one, masked too


@pytest.mark.parametrize("written", ["⑬⑧⓪⓪⑬⑧⓪⓪⓪", "⑬800⑬8000", "138〇〇⑬8000"])
def test_the_output_scan_reads_enclosed_numbers_of_two_digits(written):
    for name, data in (("a.html", f"<p>电话：{written}</p>\n"), ("a.csv", f"R1,{written}\n")):
        assert [f.masked_value for f in scan_output(name, data.encode(), frozenset())] == ["138****8000"], name
