"""The output scanner on its own: every kind of file gongkai writes, every way a number can be written in it."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest

from conftest import docx, text_pdf
from gongkai.privacy.markup import render_markdown
from gongkai.privacy.outputs import scan_output, scan_tree
from gongkai.site.render import markdown as site_markdown

ID = "11010519491231002X"  # the law's example (GB 11643-1999), check digit X
MOBILE = "13812345678"
NONE: frozenset[str] = frozenset()


def zipped(**members: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


FOUND: dict[str, tuple[str, bytes]] = {
    "html text": ("records/R1.html", f"<p>户主 {ID}</p>".encode()),
    "html split by inline tags": ("a.html", b"<p>1101<strong>0519</strong>491231002X</p>"),
    "html entities": ("a.html", b"<p>&#49;&#49;010519491231002X</p>"),
    "html full-width entities": ("a.html", "<p>&#xFF11;&#xFF11;０１０５１９４９１２３１００２Ｘ</p>".encode()),
    "html zero-width": ("a.html", "<p>110105\u200b19491231002X</p>".encode()),
    "html attribute": ("a.html", f'<a href="files/{ID}.pdf">附件</a>'.encode()),
    "html title attribute far away": ("a.html", b'<p>x</p>\n<img alt="' + b"y" * 3000 + MOBILE.encode() + b'">'),
    "json escapes": ("data/directory.json", json.dumps({"备注": f"电话 {MOBILE}"}, ensure_ascii=True).encode()),
    "json full-width escapes": ("d.json", json.dumps({"x": "１３８１２３４５６７８"}, ensure_ascii=True).encode()),
    "xml feed": ("feed.xml", f"<feed><entry><title>电话 {MOBILE}</title></entry></feed>".encode()),
    "csv utf-8 bom": ("data/directory.csv", f"编号,咨询电话\nSHJZ-001,{MOBILE}\n".encode("utf-8-sig")),
    "csv gbk": ("list.csv", f"姓名,身份证号\n陈水生,{ID}\n".encode("gbk")),
    "utf-16 text": ("list.txt", f"身份证号 {ID}".encode("utf-16")),
    "gzip fragment": ("pagefind/fragment/a.pf_fragment", gzip.compress(f'{{"content":"{ID}"}}'.encode())),
    "xlsx shared string": ("data/directory.xlsx", zipped(**{"xl/sharedStrings.xml": f"<sst><si><t>{ID}</t></si></sst>".encode()})),
    "docx header": ("files/a.docx", docx("通知", header1=f"经办人 {ID}")),
    "zip inside gzip": ("x.gz", gzip.compress(zipped(**{"a.txt": MOBILE.encode()}))),
    "pdf metadata": ("files/a.pdf", text_pdf("page", info=f"/Author ({ID})")),
    "pdf text": ("files/a.pdf", text_pdf("page", f"tel {MOBILE}")),
    "unknown bytes": ("search.bin", b"\x00\x01CBOR\x00" + MOBILE.encode() + b"\x00"),
    # issue 11, second pass: forms the detector normalizes must pass the prefilter too
    "html chinese numerals": ("a.html", "<p>联系人王五一三八一二三四五六七八</p>".encode()),
    "html numerals split by tags": ("a.html", "<p>幺三八 <b>幺二三四</b> 五六七八</p>".encode()),
    "html numerals after digits": ("a.html", "<p>138幺二三四五六七八</p>".encode()),
    "html circled digits": ("a.html", "<p>①③⑧①②③④⑤⑥⑦⑧</p>".encode()),
    "html comma groups": ("a.html", "<p>电话 138，1234，5678</p>".encode()),
    "html parenthesized groups": ("a.html", b"<p>(138)1234-5678</p>"),
    "html filler between groups": ("a.html", "<p>138\u31641234\u31645678</p>".encode()),
    "html letter O for zero": ("a.html", b"<p>11O10519491231002X</p>"),
    "json numerals escaped": ("d.json", json.dumps({"x": "一三八一二三四五六七八"}, ensure_ascii=True).encode()),
    # letters read as digits in a line of ASCII only, with fewer than eleven digits (the source scan reads them so)
    "html letters for one and zero": ("a.html", b"<p>tel l38I2345678</p>"),
    "html letter l inside": ("a.html", b"<p>tel 138l2345678</p>"),
    "text letters O and I in an ID": ("list.txt", b"ID II0I05I9491231002X"),
}
CLEAN: dict[str, tuple[str, bytes]] = {
    "dates in numerals": ("a.html", "<p>二〇二六年十一月二十七日印发，第一、二、三条，一一对应</p>".encode()),
    "landline and index number": ("a.html", "<p>0595-23222516 350524-MZ-2026-00012 安民〔2026〕12号</p>".encode()),
    "dates in cells": ("a.html", b"<tr><td>350524-MZ-2026-00001</td><td>2026-09-03</td><td>2026-09-01</td></tr>"),
    "masked": ("a.html", "<p>11*************02X 138****5678 6222***********0128</p>".encode()),
    "checksums": ("manifest-sha256.txt", b"0f3c1381234567801350524198503151236ffa0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9 data/x"),
    "cells of numbers": ("a.html", b"<table><tr><td>1</td><td>3</td><td>1144</td><td>880</td><td>2026</td></tr></table>"),
    "css and script": ("assets/site.css", b"body{margin:0 0 12px 13px;padding:1.5em 3.8125rem}"),
    "pdf": ("files/a.pdf", text_pdf("notice 2026-09-01 0595-23222516")),
    # Data whose punctuation separates values: the search index's posting lists and page numbers beside its Chinese
    # keys, a CSV row of counts. In what a person writes, 1380,1234,567 is read as a phone number (test_gate_hostile).
    "search postings beside keys": ("search/s/1.json.gz",
                                    gzip.compress('{"救助":[1380,1234,567,15823,4678],"低保":[1582,346,7890]}'.encode())),
    "page numbers in the index's meta": ("search/meta.json.gz",
                                         gzip.compress('{"empty":[1380,1234,567],"=电话=0595-23222516":1582}'.encode())),
    "csv row of counts": ("data/stats.csv", "村名,户数,人数,金额\n湖头村,1582,346,7890\n".encode("utf-8-sig")),
    "words with o and l beside numbers": ("a.html", b"<p>Hello world, lollipop 2026 cool tool, 10 of 12 logo files</p>"),
}


@pytest.mark.parametrize(("name", "data"), FOUND.values(), ids=FOUND.keys())
def test_found_in_every_kind_of_output(name, data):
    found = scan_output(name, data, NONE)
    assert found and all(f.file == name for f in found)
    assert all(ID not in f.sentence and MOBILE not in f.sentence for f in found)
    assert {f.masked_value for f in found} <= {"11*************02X", "138****5678"}


@pytest.mark.parametrize(("name", "data"), CLEAN.values(), ids=CLEAN.keys())
def test_clean_outputs_pass(name, data):
    assert scan_output(name, data, NONE) == []


def test_the_bureaus_own_mobile_passes():
    assert scan_output("a.html", b"<p>13905950000</p>", frozenset({"13905950000"})) == []


def test_scan_tree_names_the_file_and_the_record(tmp_path: Path):
    (tmp_path / "records").mkdir()
    (tmp_path / "records/R2026-004.html").write_text(f"<p>{ID}</p>", encoding="utf-8")
    (tmp_path / "index.html").write_text("<p>首页</p>", encoding="utf-8")
    [found] = scan_tree(tmp_path, None, NONE, {"records/R2026-004.html": "R2026-004"})
    assert (found.file, found.record_id, found.masked_value) == ("records/R2026-004.html", "R2026-004", "11*************02X")
    assert "R2026-004" in found.sentence and ID not in found.sentence
    assert scan_tree(tmp_path, ["index.html"], NONE) == []


def test_a_damaged_archive_is_a_finding():
    [found] = scan_output("data/directory.xlsx", b"PK\x03\x04broken", NONE)
    assert found.kind == "unreadable"


@pytest.mark.parametrize("data", [
    gzip.compress(b"{}") + gzip.compress(b"0" * 5000),  # the second member past the budget (a bomb, made small here)
    gzip.compress(b"{}" * 100)[:-12],  # a member cut short
], ids=["second-member-over-budget", "cut-short"])
def test_gzip_past_the_budget_or_cut_short_is_a_finding(data, monkeypatch):
    monkeypatch.setattr("gongkai.privacy.documents.MAX_UNPACKED", 1000)
    monkeypatch.setattr("gongkai.privacy.outputs.MAX_UNPACKED", 1000)
    [found] = scan_output("search/meta.json.gz", data, NONE)
    assert found.kind == "unreadable"
    assert scan_output("search/meta.json.gz", gzip.compress(b"{}") + gzip.compress(b"{}"), NONE) == []


def test_the_scanner_renders_markdown_as_the_site_does():
    body = "# 标题\n\n| a | b |\n| --- | --- |\n| 1 | **2** |\n\n<b>raw</b> [x](javascript:alert(1)) &#51; `c`\n"
    assert render_markdown(body) == str(site_markdown(body))


def test_a_finding_names_the_line_it_stands_on_in_json_markup_and_text():
    # The search index and the data files are JSON, judged string by string: the line is still the file's line.
    pretty = json.dumps({"机关": "安溪县民政局", "备注": f"电话 {MOBILE}", "列": ["a"]}, ensure_ascii=False, indent=2)
    assert pretty.splitlines()[2].strip().startswith('"备注"')
    [found] = scan_output("data/directory.json", pretty.encode(), NONE)
    assert (found.where, found.masked_value) == ("第3行", "138****5678")
    [found] = scan_output("search/t/1.json.gz", gzip.compress(f'{{"7":{{"x":"第一段\\n电话 {MOBILE}"}}}}'.encode()), NONE)
    assert (found.where, found.masked_value) == ("解压后 第1行", "138****5678")
    page = f'<html>\n<body>\n<p>办理流程</p>\n<p>户主 {ID}</p>\n</body>\n</html>'.encode()
    [found] = scan_output("records/R1.html", page, NONE)
    assert found.where == "第4行"
    [found] = scan_output("list.txt", f"第一行\n第二行\n\n户主 {ID}\n".encode(), NONE)
    assert found.where == "第4行"


@pytest.mark.parametrize("data", [
    '{"a":"电话 138 1234","b":"5678"}',  # two strings of a JSON file are two values, shown apart
    '["1380595","1234"]',
    '{"13805":"951234"}',
])
def test_strings_of_a_json_file_are_read_apart(data):
    assert scan_output("d.json", data.encode(), NONE) == []


def test_a_number_inside_one_json_string_is_found_whatever_surrounds_it():
    for data in [f'{{"a":"x\\"{MOBILE}\\"y"}}', f'[1,2,"{MOBILE}",3]', f'{{"{MOBILE}":[1]}}', f'{{"a":{MOBILE}}}']:
        [found] = scan_output("d.json", data.encode(), NONE)
        assert found.masked_value == "138****5678", data


def _sheet(cells: list[str]) -> bytes:
    """A worksheet as openpyxl writes it: inline strings, Chinese text as numeric character references."""
    row = "".join(f'<c r="A{i}" t="inlineStr"><is><t>{"".join(f"&#{ord(c)};" for c in text)}</t></is></c>'
                  for i, text in enumerate(cells, 1))
    return zipped(**{"xl/workbook.xml": b"<workbook/>",
                     "xl/worksheets/sheet1.xml": f'<worksheet><sheetData><row r="1">{row}</row></sheetData></worksheet>'.encode()})


@pytest.mark.parametrize("data", [
    # a number written wholly or partly as references, in any form a browser or Excel shows it
    "<p>&#49;&#51;&#56;&#49;&#50;&#51;&#52;&#53;&#54;&#55;&#56;</p>",
    "<p>&#x31;&#X33;&#x0038;12345678</p>",
    "<p>&#0000049;3812345678</p>",
    "<p>138&#150;1234&#150;5678</p>",  # &#150; is Windows-1252's en dash to a browser: it joins the groups
    "<p>138&#8203;1234&#8203;5678</p>",  # zero-width spaces
    "<p>&#19968;&#19977;&#20843;&#19968;&#20108;&#19977;&#22235;&#20116;&#20845;&#19971;&#20843;</p>",  # 一三八一二三四五六七八
    "<p>1381234567&#20843;</p>",  # ten digits and 八
    "<p>&#65297;&#65299;&#65304;12345678</p>",  # full-width
])
def test_a_number_written_as_character_references_is_found(data):
    [found] = scan_output("a.html", data.encode(), NONE)
    assert found.masked_value == "138****5678", data


def test_a_workbook_writing_its_chinese_text_as_references_is_read_as_text():
    assert scan_output("data/directory.xlsx", _sheet(["安溪县民政局社会救助领域基层政务公开标准目录", "城乡最低生活保障"]), NONE) == []
    [found] = scan_output("data/directory.xlsx", _sheet(["安溪县民政局", f"咨询电话{MOBILE}"]), NONE)
    assert found.masked_value == "138****5678"


def test_references_of_markup_characters_stay_references():
    # &#60;b&#62; is shown as the text «<b>», not a tag that would hide what it encloses
    # (Bengali digits: only the detector's own tables read them, after the tags are gone)
    for data in [b"<p>&#60;13812345678&#62;</p>", "<p>&#60;১৩৮১২৩৪৫৬৭৮&#62;</p>".encode()]:
        [found] = scan_output("a.html", data, NONE)
        assert found.masked_value == "138****5678", data


@pytest.mark.parametrize(("data", "masked"), [
    (b"x\n13812345678\ny", "138****5678"),  # a line of exactly eleven characters
    (b'["13812345678"]', "138****5678"),  # a JSON string of eleven
    (b"x\n13800*38000\ny", "138****8000"),  # masked too little, eleven characters
])
def test_the_shortest_suspicious_lines_are_read(data, masked):
    [found] = scan_output("a.txt" if data[:1] != b"[" else "a.json", data, NONE)
    assert found.masked_value == masked


def test_the_same_document_in_two_bags_is_named_in_each(tmp_path: Path):
    """A handover writes each PDF into the 档案馆's bag and the 图书馆's: the scan reads the bytes once, and names each
    file that holds them (and the record each came from)."""
    leaky, clean = text_pdf("page", f"tel {MOBILE}"), text_pdf("page", "no number here")
    for bag in ("dag", "tsg"):
        (tmp_path / bag).mkdir()
        (tmp_path / bag / "a.pdf").write_bytes(leaky)
        (tmp_path / bag / "b.pdf").write_bytes(clean)
    found = scan_tree(tmp_path, None, NONE, {"dag/a.pdf": "R1", "tsg/a.pdf": "R1"})
    assert sorted((f.file, f.kind, f.record_id) for f in found) == [("dag/a.pdf", "mobile", "R1"),
                                                                      ("tsg/a.pdf", "mobile", "R1")]
