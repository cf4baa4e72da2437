"""Twenty-ninth hostile pass: bugs planted in the last scans — the scan of what a build wrote, the scan of everything a
record publishes, and `gongkai mask` — must make a test fail.

No mutation group covered privacy/outputs.py, scan.py, findings.py, rewrite.py or spreadsheet.py; tools/mutation.py
now has the group "outputs" (docs/mutation.md, twenty-ninth pass). Every expected value below is typed by hand: the
numbers, their masks (手机号 138****1234, 身份证号 35*************238), the files, lines and columns, the cells and
bytes after a rewrite.

Found by this pass:
1. `gongkai mask` on a workbook turned every custom number format of the workbook into General, whatever the cells
   held: a 发放日期 written 「2026年3月5日」 showed 46086 after the rewrite, an amount 「1,200.00元」 showed 1200 (the test
   of a format's own text asked `any(find(…))`, and find() gives an iterator, never empty to `any`). Every cell with
   a date or an amount in a custom format was changed for nothing. Now only a format whose own text (or what it shows
   of 0) holds personal data becomes General: the date, the amount and the 「元」 stay as they were.
2. `gongkai mask` on a list saved by Excel as 「Unicode 文本」 (UTF-16, tab-separated .txt) stopped with exit 2 and
   「无法读取…：内部结构无法解析。请确认文件未损坏、未加密」, a message that sent the clerk looking for a damaged file;
   a CSV saved in UTF-16 was rewritten in GB18030 with its Windows line ends (CRLF) turned into LF. Now both are read
   as the gate reads them and written back in UTF-16, their line ends kept.
3. What `gongkai mask` cannot rewrite in a Markdown or text list — a number wrapped onto the next line in Notepad, two
   masks of one ID that show it together — was listed as 「未能遮盖 名单.md：手机号码 138****1234」, naming no line (or
   「名单.md的遮盖合起来」), and the clerk was told to open the file 「在 Excel 或 WPS 中」. Now each is named at its lines
   (「名单.md第1至2行」, 「名单.md第5行与名单.md表格第1行第2列（身份证号）的遮盖合起来」) and the advice for a text list
   says to open it in Notepad and join a wrapped number onto one line.
4. When the scan of what a build wrote stopped it (`build-site`, `handover`, the portal's copy), it told the clerk
   「请先改正来源（gongkai validate 会指出位置）」 — but it stops a build only when the source scan missed the number, so
   validate points at nothing and the clerk was left without a way on. Now it adds that what validate does not point
   at is to be found in the record or file the stop names (「来自信息 R2026-001」) and masked or deleted there.
5. A short list saved as UTF-16 without a byte-order mark (「电话,13805951234」, one line) was read by the source scan
   and refused by validate, but the scan of what a build wrote read it as bytes (1, NUL, 3, NUL …) and let it
   through: its test for UTF-16 wanted more than twenty NUL bytes. Had the source scan missed it, the copied
   attachment would have been published. Now the output scan reads such a file as the source scan does
   (extract.decode_text).

The tests also hold, at the CLI, each place a planted bug in these modules (or a mutant that survived the first
screen, docs/mutation.md) changes what is scanned, refused or masked: every kind of file a build copies (a CSV whose
formula shows a number, a zipped docx, a compressed PDF, a workbook's number format) stopped by the output scan with
its file, place and record; every file a build writes itself (pages, feed, sitemap, data files, the search index's
gzip, a picture's properties), links not followed, the bureau's own number passed; what cannot be read (a damaged zip,
a PDF cut short, a gzip cut short) refused; four layers of packing read and a fifth refused; a zip's comment; a
gzipped CSV's formulas (and the same bytes as JSON left alone); a person's bank account on a page and the 慈善总会's
under its 户名; digits the cheap test must decode (references, percent-encoding, JSON escapes, a footnote mark); the
stop's message, fifty findings listed and all counted; every field of a record (保密审查's 审查人, an attachment's file
name and 名称, 撤回's 原因, 责任者) reported at its line and column; numbers across two attachments' 名称, masks read
together, an organisation's address in its own row; a record's verdict remembered by its content, so an edited record
or an attachment edited under the same name is scanned again (in the same process and from the catalog's cache);
mask's last cell of a row (CSV, XLSX, Markdown), a formula's result, a number format's digits, a CSV read header by
header (a wrong check digit under 身份证号, a landline in the phone column, a formula after a space), line ends kept.

Planted by hand (each made a test below fail, then reverted): the output scan skipping zip containers, PDF, gzip,
pictures, the CSV formulas and the workbook's shown values; a zip's members scanned two levels deeper; a container
finding without its file; the bank check of a page's account with «or»; the footnote, percent and reference branches
of the cheap test answering «not suspicious»; model_texts leaving out 撤回 and 附件's 名称 (and the last field of every
nested model); Scanner.key without the attachments' blobs, or with their paths instead; mask's CSV and workbook loops
stopping before the last cell of a row, its Markdown masking stopping at a row's last «|»; _computed ignoring a
formula's result or reading a formula after a space as text; _mask_xlsx_cell ignoring the number format or the formula;
the CSV's header labels and phone column ignored; formula_result returning nothing; format_readings reading nothing;
and each fix of this pass reverted (_holds with any(find(…)), UTF-16 read as GB18030, CRLF looked for in the bytes, a
text list's leftovers named at no line, the spreadsheet advice for a Markdown file, the stop's old last line).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zlib
from collections import defaultdict
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from conftest import AGENCY, ITEM, RECORD, CatalogDir, docx, text_pdf

ID = "350524199001011238"  # area 350524, born 1990-01-01, check digit 8 (test_mask_shown.py checks it)
TODAY = "2026-11-27"
# the first and last lines of the output scan's stop (OutputLeak)
HEAD = "输出中发现未遮盖的个人信息，已停止，旧的输出保持不变："
TAIL = ("请先改正来源（gongkai validate 会指出位置；它没有指出的，请打开上面列出的信息或文件，找到这个号码遮盖或删去），"
        "再重新生成。")


# ---------------------------------------------------------------------------------------------------------------------
# mask: defects 1 and 2, the last cell of a row, formulas, number formats


def _book(*rows: list[object], formats: dict[str, str] | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for cell, code in (formats or {}).items():
        sheet[cell].number_format = code
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cells(path: Path) -> list[list[tuple[object, str]]]:
    sheet = load_workbook(path).active
    return [[(cell.value, cell.number_format) for cell in row] for row in sheet.iter_rows()]


def test_mask_keeps_every_custom_number_format_that_shows_no_number(gk, tmp_path):
    target = tmp_path / "发放名单.xlsx"
    target.write_bytes(_book(["姓名", "身份证号", "发放日期", "金额"],
                             ["陈水生", ID, dt.date(2026, 3, 5), 1200],
                             formats={"C2": 'yyyy"年"m"月"d"日"', "D2": '#,##0.00"元"'}))
    run = gk("mask", target)
    assert run.code == 0, run.out + run.err
    assert run.out.splitlines() == ["发放名单.xlsx Sheet!B2：身份证号 → 35*************238",
                                    "共遮盖 1 处，已改写 发放名单.xlsx。"]
    assert _cells(target) == [
        [("姓名", "General"), ("身份证号", "General"), ("发放日期", "General"), ("金额", "General")],
        [("陈水生", "General"), ("35*************238", "General"),
         (dt.datetime(2026, 3, 5), 'yyyy"年"m"月"d"日"'), (1200, '#,##0.00"元"')],
    ]


def test_mask_still_makes_general_a_format_whose_own_text_is_a_number(gk, tmp_path):
    target = tmp_path / "名单.xlsx"
    # the format of B2 shows a mobile whatever the cell holds; C2's format is harmless
    target.write_bytes(_book(["姓名", "备注", "金额"], ["陈水生", 1, 2.5],
                             formats={"B2": '"13805951234"', "C2": '0.0"元"'}))
    run = gk("mask", target)
    assert run.code == 0, run.out + run.err
    assert "名单.xlsx Sheet!B2（按单元格的数字格式显示）：手机号码 → 138****1234" in run.out
    assert _cells(target)[1] == [("陈水生", "General"), ("138****1234", "General"), (2.5, '0.0"元"')]
    assert b"13805951234" not in target.read_bytes()


def test_mask_reads_and_writes_back_a_unicode_text_list(gk, tmp_path):
    target = tmp_path / "名单.txt"
    target.write_bytes("姓名\t身份证号\r\n陈水生\t350524199001011238\r\n".encode("utf-16"))
    run = gk("mask", target)
    assert run.code == 0, run.out + run.err
    assert run.out.splitlines() == ["名单.txt 第2行：身份证号 → 35*************238", "共遮盖 1 处，已改写 名单.txt。"]
    assert target.read_bytes() == "姓名\t身份证号\r\n陈水生\t35*************238\r\n".encode("utf-16")
    assert target.read_bytes()[:2] == b"\xff\xfe"


def test_mask_writes_a_utf16_csv_back_in_utf16_with_its_line_ends(gk, tmp_path):
    target = tmp_path / "名单.csv"
    target.write_bytes("姓名,电话\r\n陈水生,13805951234\r\n".encode("utf-16"))
    run = gk("mask", target)
    assert run.code == 0, run.out + run.err
    assert "名单.csv 第1行第2列：手机号码 → 138****1234" in run.out
    assert target.read_bytes() == "姓名,电话\r\n陈水生,138****1234\r\n".encode("utf-16")


def test_mask_masks_the_last_cell_of_every_row_of_a_csv(gk, tmp_path):
    target = tmp_path / "名单.csv"
    target.write_text("姓名,电话\n陈水生,13805951234\n林玉燕,13905951234\n", encoding="utf-8")
    run = gk("mask", target)
    assert run.code == 0, run.out + run.err
    assert run.out.splitlines() == ["名单.csv 第1行第2列：手机号码 → 138****1234",
                                    "名单.csv 第2行第2列：手机号码 → 139****1234",
                                    "共遮盖 2 处，已改写 名单.csv。"]
    assert target.read_bytes() == "姓名,电话\n陈水生,138****1234\n林玉燕,139****1234\n".encode()  # (its line ends kept)


def test_mask_masks_the_last_cell_of_a_workbook_row_and_a_formula_s_result(gk, tmp_path):
    target = tmp_path / "名单.xlsx"
    target.write_bytes(_book(["姓名", "电话"], ["陈水生", "13805951234"], ["林玉燕", "=13905951*1000+234"],
                             ["王阿福", 5951234], formats={"B4": '"1370"0'}))
    run = gk("mask", target)
    assert run.code == 0, run.out + run.err
    assert run.out.splitlines() == ["名单.xlsx Sheet!B2：手机号码 → 138****1234",
                                    "名单.xlsx Sheet!B3（公式计算结果）：手机号码 → 139****1234",
                                    "名单.xlsx Sheet!B4（按单元格的数字格式显示）：手机号码 → 137****1234",
                                    "共遮盖 3 处，已改写 名单.xlsx。"]
    assert [row[1] for row in _cells(target)] == [("电话", "General"), ("138****1234", "General"),
                                                  ("139****1234", "General"), ("137****1234", "General")]


def test_mask_masks_a_csv_formula_s_result_and_keeps_a_harmless_one(gk, tmp_path):
    target = tmp_path / "名单.csv"
    target.write_text("姓名,电话,人数\n陈水生,=13805951*1000+234,=1+2\n", encoding="utf-8")
    run = gk("mask", target)
    assert run.code == 0, run.out + run.err
    assert run.out.splitlines() == ["名单.csv 第1行第2列（公式计算结果）：手机号码 → 138****1234",
                                    "共遮盖 1 处，已改写 名单.csv。"]
    assert target.read_bytes() == "姓名,电话,人数\n陈水生,138****1234,=1+2\n".encode()


def test_mask_reads_a_csv_as_the_gate_does_header_by_header(gk, tmp_path):
    """A number in the header row; an ID whose check digit is wrong, an ID only under its column's 身份证号 (the gate's
    headed_numbers); a landline in the phone column of a list of people; a formula typed after a space."""
    target = tmp_path / "名单.csv"
    target.write_bytes("姓名,身份证号,联系电话,13805951234\r\n"
                       "陈水生,350524199001011234,0595-23001234, =13905951*1000+234\r\n".encode())
    run = gk("mask", target)
    assert run.code == 0, run.out + run.err
    assert run.out.splitlines() == ["名单.csv 表头第4列：手机号码 → 138****1234",
                                    "名单.csv 第1行第2列：身份证号 → 35*************234",
                                    "名单.csv 第1行第3列：电话号码 → 0595****1234",
                                    "名单.csv 第1行第4列（公式计算结果）：手机号码 → 139****1234",
                                    "共遮盖 4 处，已改写 名单.csv。"]
    assert target.read_bytes() == ("姓名,身份证号,联系电话,138****1234\r\n"
                                   "陈水生,35*************234,0595****1234,139****1234\r\n").encode()


def test_mask_writes_a_big_endian_utf16_list_back_as_unicode_text(gk, tmp_path):
    target = tmp_path / "名单.csv"
    target.write_bytes(b"\xfe\xff" + "姓名,电话\n陈水生,13805951234\n".encode("utf-16-be"))
    run = gk("mask", target)
    assert run.code == 0, run.out + run.err
    assert run.out.splitlines()[0] == "名单.csv 第1行第2列：手机号码 → 138****1234"
    assert target.read_bytes() == b"\xff\xfe" + "姓名,电话\n陈水生,138****1234\n".encode("utf-16-le")


def test_mask_masks_the_last_cell_of_a_markdown_row(gk, tmp_path):
    target = tmp_path / "名单.md"
    target.write_text("| 姓名 | 电话 |\n|---|---|\n| 陈水生 | 13805951234 |\n| 林玉燕 | 139 0595 1234\n", encoding="utf-8")
    run = gk("mask", target)
    assert run.code == 0, run.out + run.err
    assert run.out.splitlines() == ["名单.md 第3行：手机号码 → 138****1234", "名单.md 第4行：手机号码 → 139****1234",
                                    "共遮盖 2 处，已改写 名单.md。"]
    assert target.read_text(encoding="utf-8") == ("| 姓名 | 电话 |\n|---|---|\n| 陈水生 | 138****1234 |\n"
                                                  "| 林玉燕 | 139****1234\n")


TEXT_ADVICE = ("还有 {n} 处个人信息 gongkai mask 无法改写（如断在两行的号码、两处遮盖位置不同的号码）：请用记事本打开文件，"
               "删去或手工遮盖（断在两行的号码先合到一行）上面列出的内容后再运行 gongkai mask 检查；"
               "不处理的话，gongkai validate 会报错，这个文件不能发布。")


def test_mask_names_the_lines_of_a_number_it_cannot_rewrite_in_a_text_list(gk, tmp_path):
    target = tmp_path / "名单.md"
    written = "联系电话138\n05951234\n\n身份证号3505\n24199001011238\n"
    target.write_text(written, encoding="utf-8")
    run = gk("mask", target)
    assert run.code == 1
    assert run.out.splitlines() == ["未能遮盖 名单.md第1至2行：手机号码 138****1234",
                                    "未能遮盖 名单.md第4至5行：身份证号 35*************238",
                                    TEXT_ADVICE.format(n=2)]
    assert target.read_text(encoding="utf-8") == written  # nothing it could rewrite: the file is left as it was


def test_mask_names_both_lines_of_masks_read_together_in_a_text_list(gk, tmp_path):
    target = tmp_path / "名单.md"
    target.write_text("| 姓名 | 身份证号 |\n|---|---|\n| 陈水生 | 3505**********1238 |\n\n陈水生 3505241990********\n",
                      encoding="utf-8")
    run = gk("mask", target)
    assert run.code == 1
    assert run.out.splitlines() == [
        "未能遮盖 名单.md第5行与名单.md表格第1行第2列（身份证号）的遮盖合起来：身份证号 35*************238",
        TEXT_ADVICE.format(n=1)]


# ---------------------------------------------------------------------------------------------------------------------
# build-site: the output scan of every kind of file a build copies, past a gate that missed them


def _compressed_pdf(text: str) -> bytes:
    """conftest.text_pdf with its page's content stream deflated: no digit of *text* stands in the file's bytes."""
    plain = text_pdf(text)
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    packed = zlib.compress(content)
    old = f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream"
    new = f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode() + packed + b"\nendstream"
    assert old in plain
    return plain.replace(old, new)


ATTACHED = ("a.csv", "b.docx", "c.pdf", "d.xlsx")


def _attached_catalog(root: Path) -> CatalogDir:
    cat = CatalogDir(root)
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    listed = "".join(f"  - 文件: files/2026/{name}\n    名称: 附件{n}\n" for n, name in enumerate(ATTACHED, 1))
    cat.record(RECORD.replace("正文: |", f"附件:\n{listed}正文: |").replace(
        "经审核，现将名单予以公示。", "经审核，现将名单予以公示。联系电话13305951234。"))
    cat.write("files/2026/a.csv", "姓名,金额\n陈水生,=13805951*1000+234\n".encode("utf-8-sig"))
    cat.write("files/2026/b.docx", docx("联系电话13905951234"))
    cat.write("files/2026/c.pdf", _compressed_pdf("tel 13705951234"))
    cat.write("files/2026/d.xlsx", _book(["姓名", "金额"], ["陈水生", 5951234], formats={"B2": '"1360"0'}))
    return cat


def _gate_misses_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from gongkai.privacy.scan import RecordScan

    monkeypatch.setattr(importlib.import_module("gongkai.gate.admit"), "catalog_scan",
                        lambda catalog: defaultdict(RecordScan))


def test_the_output_scan_stops_a_build_on_each_kind_of_copied_file(gk, tmp_path, monkeypatch):
    cat = _attached_catalog(tmp_path / "catalog")
    _gate_misses_everything(monkeypatch)
    site = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", site)
    assert run.code == 1
    lines = run.err.splitlines()
    assert lines[0] == f"已停止发布：{HEAD}"
    assert lines[-1] == TAIL
    assert sorted(lines[1:-1]) == [
        "  files/2026/a.csv（公式计算结果）：手机号码「138****1234」，来自信息 R2026-001",
        "  files/2026/b.docx（word/document.xml 第1行）：手机号码「139****1234」，来自信息 R2026-001",
        "  files/2026/c.pdf（第1页）：手机号码「137****1234」，来自信息 R2026-001",
        "  files/2026/d.xlsx（Sheet!B2（按单元格的数字格式显示））：手机号码「136****1234」，来自信息 R2026-001",
        "  records/R2026-001.html（第46行）：手机号码「133****1234」，来自信息 R2026-001",
    ]
    assert not site.exists()
    assert "1330595" not in run.out + run.err


def _png_with_text(text: str) -> bytes:
    """A 1×1 PNG with a tEXt chunk (a property any viewer lists)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = chunk(b"IHDR", (1).to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0]))
    pixels = chunk(b"IDAT", zlib.compress(b"\x00\x00"))
    return b"\x89PNG\r\n\x1a\n" + header + chunk(b"tEXt", b"Comment\x00" + text.encode("latin-1")) + pixels + \
        chunk(b"IEND", b"")


def test_scan_tree_reads_every_file_a_build_writes_and_names_its_record(tmp_path):
    import gzip

    from gongkai.privacy.outputs import scan_tree

    site = tmp_path / "site"
    written = {
        "index.html": "<p>首页</p>\n<p>联系电话 0595-23000000</p>\n<p>13805951234</p>\n",
        "feed.xml": "<feed>\n<entry><title>通知</title></entry>\n<entry><summary>13905951234</summary></entry>\n</feed>\n",
        "data/directory.json": json.dumps({"编号": "SHJZ-001", "备注": "13705951234"}, ensure_ascii=True),
        "data/directory.csv": "编号,备注\nSHJZ-001,=13605951*1000+234\n",
        "sitemap.xml": "<urlset>\n<url><loc>https://x.gov.cn/13505951234.html</loc></url>\n</urlset>\n",
    }
    for name, text in written.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    (site / "search" / "t").mkdir(parents=True)
    (site / "search" / "t" / "0.json.gz").write_bytes(gzip.compress('{"0":{"x":"咨询13405951234"}}'.encode()))
    (site / "files").mkdir()
    (site / "files" / "photo.png").write_bytes(_png_with_text("13305951234"))
    (site / "files" / "clean.pdf").write_bytes(_compressed_pdf("tel 0595-23000000"))
    found = scan_tree(site, None, frozenset({"13812345678"}), {"files/photo.png": "R2026-007"})
    assert sorted((f.file, f.kind, f.masked_value, f.where, f.record_id) for f in found) == [
        ("data/directory.csv", "mobile", "136****1234", "公式计算结果", None),
        ("data/directory.json", "mobile", "137****1234", "第1行", None),
        ("feed.xml", "mobile", "139****1234", "第3行", None),
        ("files/photo.png", "mobile", "133****1234", "图片属性", "R2026-007"),
        ("index.html", "mobile", "138****1234", "第3行", None),
        ("search/t/0.json.gz", "mobile", "134****1234", "解压后 第1行", None),
        ("sitemap.xml", "mobile", "135****1234", "第2行", None),
    ]


def test_the_bureau_s_own_number_passes_and_a_link_is_not_followed(tmp_path):
    from gongkai.privacy.outputs import scan_tree

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>咨询电话 13805951234</p>\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "list.csv").write_text("姓名,电话\n陈水生,13905951234\n", encoding="utf-8")
    (site / "linked").symlink_to(outside, target_is_directory=True)
    (site / "list.csv").symlink_to(outside / "list.csv")
    assert scan_tree(site, None, frozenset({"13805951234"})) == []
    found = scan_tree(site, None, frozenset())
    assert [(f.file, f.masked_value, f.where) for f in found] == [("index.html", "138****1234", "第1行")]


# ---------------------------------------------------------------------------------------------------------------------
# validate: every field of a record, and its verdict remembered by content


def _privacy(gk, cat: CatalogDir, *options: str) -> tuple[int, list[tuple[str, int, int, str]]]:  # type: ignore[no-untyped-def]
    """(exit code, [(code, line, column, message)]) of the GK60x diagnostics of `gongkai validate` in CI's json."""
    run = gk("validate", cat.root, "--format", "json", "--today", TODAY, *options)
    diagnostics = json.loads(run.out)["diagnostics"]
    return run.code, [(d["code"], d["line"], d["column"], d["message"]) for d in diagnostics
                      if d["code"].startswith("GK60")]


def test_every_field_of_a_record_is_scanned_and_named_at_its_line(gk, cat):
    cat.record(RECORD.replace("  审查人: 张三", "  审查人: 张三13305951234").replace(
        "正文: |", "附件:\n  - 文件: files/2026/a13905951234.csv\n    名称: 名单13705951234\n"
                   "撤回:\n  日期: 2026-09-05\n  原因: 误发13605951234\n责任者: 测试县民政局13505951234\n正文: |"))
    cat.write("files/2026/a13905951234.csv", "姓名,金额\n陈水生,100\n")
    code, found = _privacy(gk, cat, "--no-cache")
    assert code == 1
    assert found == [
        ("GK602", 10, 8, "「保密审查」「审查人」有未遮盖的手机号码「133****1234」（已遮盖显示）"),
        ("GK602", 18, 9, "「附件」第1项「文件」有未遮盖的手机号码「139****1234」（已遮盖显示）"),
        ("GK602", 19, 9, "「附件」第1项「名称」有未遮盖的手机号码「137****1234」（已遮盖显示）"),
        ("GK602", 22, 7, "「撤回」「原因」有未遮盖的手机号码「136****1234」（已遮盖显示）"),
        ("GK602", 23, 6, "「责任者」有未遮盖的手机号码「135****1234」（已遮盖显示）"),
    ]


@pytest.mark.parametrize("cache", ["in this process", "from the catalog's cache"])
def test_an_attachment_edited_under_the_same_name_is_scanned_again(gk, cat, cache, monkeypatch):
    cat.record(RECORD.replace("正文: |", "附件:\n  - 文件: files/2026/名单.csv\n    名称: 名单\n正文: |"))
    listed = cat.write("files/2026/名单.csv", "姓名,金额\n陈水生,100\n")
    assert _privacy(gk, cat) == (0, [])
    if cache == "from the catalog's cache":
        monkeypatch.setattr("gongkai.privacy.scan._PROCESS", {})  # a new process: only the SQLite memo remembers
    listed.write_text("姓名,金额\n陈水生,100\n林玉燕,13805951234\n", encoding="utf-8")
    code, found = _privacy(gk, cat)
    assert code == 1
    assert found == [("GK602", 18, 9, "附件「files/2026/名单.csv」 第2行第2列（金额）有未遮盖的手机号码「138****1234」（已遮盖显示）")]
    listed.write_text("姓名,金额\n陈水生,100\n", encoding="utf-8")
    assert _privacy(gk, cat) == (0, [])


def test_a_record_edited_keeps_no_old_clean_verdict(gk, cat):
    assert _privacy(gk, cat) == (0, [])
    cat.record(RECORD.replace("经审核，现将名单予以公示。", "经审核，现将名单予以公示。联系人陈水生，电话13805951234。"))
    code, found = _privacy(gk, cat)
    assert code == 1
    assert found == [("GK602", 18, 1, "正文第1行有未遮盖的手机号码「138****1234」（已遮盖显示）")]


def test_findings_across_entries_masks_read_together_and_an_organisation_s_row(gk, cat):
    """Where a finding is placed when no one field holds it: two attachments' 名称 read one under another (the page
    lists them so), two masks of one ID in two paragraphs, an address in a list of people; and what is not one: an
    organisation's address in its own row, its account under its 户名."""
    cat.record(RECORD.replace("正文: |", "附件:\n  - 文件: files/2026/a.csv\n    名称: 咨询电话1380595\n"
                                        "  - 文件: files/2026/b.csv\n    名称: \"1234\"\n正文: |").replace(
        "  经审核，现将名单予以公示。\n", "  经审核，现将名单予以公示。\n\n  陈水生 3505**********1238\n\n"
                                      "  陈水生 3505241990********\n\n  户名：测试县慈善总会\n\n  账号：6222021234567890128\n"))
    cat.write("files/2026/a.csv", "单位名称,地址\n测试县社会福利中心,城关镇解放路12号\n")
    cat.write("files/2026/b.csv", "姓名,地址\n陈水生,城关镇解放路13号\n")
    code, found = _privacy(gk, cat, "--no-cache")
    assert code == 1
    assert found == [
        ("GK602", 19, 9, "「附件」第1项与第2项的「名称」连起来有未遮盖的手机号码「138****1234」（已遮盖显示）"),
        ("GK604", 20, 9, "附件「files/2026/b.csv」 第1行第2列（地址）有未遮盖的详细住址「解放路**号」（已遮盖显示）"),
        ("GK605", 20, 9, "公示名单附件「files/2026/b.csv」第2列「地址」不在允许公开的列中"),
        ("GK601", 27, 1, "正文第5行与正文第3行的遮盖合起来有未遮盖的身份证号（两处遮盖的位置不同，合起来露出14位；"
                         "请两处都按「35*************123」的格式遮盖）「35*************238」（已遮盖显示）"),
    ]


# ---------------------------------------------------------------------------------------------------------------------
# check_tree: what cannot be read is refused, nesting, a zip's comment, the message of many findings, the names asked


def _leak(folder: Path, names: list[str] | None = None, records: dict[str, str] | None = None) -> list[str]:
    """The lines of the OutputLeak check_tree raises (none: it passed)."""
    from gongkai.privacy.outputs import OutputLeak, check_tree

    try:
        check_tree(folder, names, frozenset(), records)
    except OutputLeak as leak:
        return str(leak).splitlines()
    return []



def test_a_written_file_the_scan_cannot_read_stops_the_build(tmp_path):
    import gzip

    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "a.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 40)  # a zip's start, nothing after
    (tmp_path / "files" / "b.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")  # cut short
    (tmp_path / "files" / "c.json.gz").write_bytes(gzip.compress(b'{"x": 1}')[:-6])  # its end cut off
    lines = _leak(tmp_path, None, {"files/a.docx": "R2026-003"})
    assert lines[0] == HEAD and lines[-1] == TAIL
    assert sorted(lines[1:-1]) == [
        "  files/a.docx（zip 无法打开）：无法检查的内容，来自信息 R2026-003",
        "  files/b.pdf（PDF 无法解析）：无法检查的内容",
        "  files/c.json.gz（gzip 无法解压或解压后过大）：无法检查的内容",
    ]


def test_four_layers_of_packing_are_read_and_a_fifth_is_refused(tmp_path):
    import gzip

    data = b"<p>13805951234</p>\n"
    for _ in range(4):
        data = gzip.compress(data)
    (tmp_path / "four.gz").write_bytes(data)
    (tmp_path / "five.gz").write_bytes(gzip.compress(data))
    assert sorted(_leak(tmp_path)[1:-1]) == [
        "  five.gz（解压后 解压后 解压后 解压后 解压后 嵌套过深）：无法检查的内容",
        "  four.gz（解压后 解压后 解压后 解压后 第1行）：手机号码「138****1234」",
    ]


def test_a_zip_s_comment_and_a_csv_formula_inside_gzip_are_read(tmp_path):
    import gzip
    import zipfile

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("a.txt", "无")
        archive.comment = "联系电话13905951234".encode("gb18030")
    (tmp_path / "a.zip").write_bytes(packed.getvalue())
    listed = gzip.compress("姓名,电话\n陈水生,=13805951*1000+234\n".encode())
    (tmp_path / "list.csv.gz").write_bytes(listed)
    (tmp_path / "list.json.gz").write_bytes(listed)  # the same bytes: no program computes a formula in JSON
    assert sorted(_leak(tmp_path)[1:-1]) == [
        "  a.zip（压缩包的注释）：手机号码「139****1234」",
        "  list.csv.gz（解压后 公式计算结果）：手机号码「138****1234」",
    ]


def test_a_leak_of_many_numbers_lists_fifty_and_counts_them_all(tmp_path):
    from gongkai.privacy.outputs import OutputLeak, check_tree

    (tmp_path / "list.html").write_text("".join(f"<p>{13805950000 + n}</p>\n" for n in range(51)), encoding="utf-8")
    with pytest.raises(OutputLeak) as stopped:
        check_tree(tmp_path, ["list.html"], frozenset())
    lines = str(stopped.value).splitlines()
    assert len(stopped.value.findings) == 51
    assert lines[0] == HEAD and lines[-1] == TAIL and len(lines) == 53
    assert lines[1] == "  list.html（第1行）：手机号码「138****0000」"
    assert lines[50] == "  list.html（第50行）：手机号码「138****0049」"
    assert lines[51] == "  ……共 51 处"


def test_check_tree_scans_the_files_it_is_given(tmp_path):
    (tmp_path / "old.html").write_text("<p>13805951234</p>\n", encoding="utf-8")  # not written by this build
    (tmp_path / "new.html").write_text("<p>通知</p>\n", encoding="utf-8")
    assert _leak(tmp_path, ["new.html"]) == []
    assert _leak(tmp_path, ["new.html", "old.html"])[1:-1] == ["  old.html（第1行）：手机号码「138****1234」"]


def test_an_account_on_a_page_is_refused_unless_an_organisation_s_name_is_above_it(tmp_path):
    """A page sets 户名, 开户行 and 账号 a paragraph each: the 慈善总会's account for donations is published, a person's
    is not (organisations.account_of_body)."""
    pages = {
        "alone.html": "<p>账号：6222021234567890128</p>\n",
        "person.html": "<p>户名：陈水生</p>\n<p>账号：6222021234567890128</p>\n",
        "charity.html": "<p>户名：测试县慈善总会</p>\n<p>开户行：工商银行城关支行</p>\n<p>账号：6222021234567890128</p>\n",
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert sorted(_leak(tmp_path)[1:-1]) == [
        "  alone.html（第1行）：银行卡号「6222***********0128」",
        "  person.html（第2行）：银行卡号「6222***********0128」",
    ]


@pytest.mark.parametrize(("name", "written"), [
    ("search/x.json", '{"x":"1380595[^1]1234"}'),  # a footnote's mark between the groups (Markdown's [^1])
    ("a.html", '<a href="tel:%31%33%38%30%35%39%35%31%32%33%34">电话</a>\n'),  # percent-encoded digits
    ("a.html", '<a href="/s?q=%E7%94%B5%E8%AF%9D13805951234">搜索</a>\n'),  # percent-encoded text before them
    ("a.html", "<p>&#49;&#51;&#56;05951234</p>\n"),  # character references
    ("data/x.json", '{"x":"\\u0031\\u0033\\u00380595 1234"}'),  # JSON escapes
])
def test_a_number_written_in_a_form_the_cheap_test_decodes_is_found(tmp_path, name, written):
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(written, encoding="utf-8")
    assert _leak(tmp_path)[1:-1] == [f"  {name}（第1行）：手机号码「138****1234」"]


def _zipped(member: str, data: bytes) -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, data)
    return buffer.getvalue()


def test_scan_output_names_the_file_of_every_container_finding():
    """What the portal's copy asks of each file it writes (scan_output): the file is named in each finding, as the
    site's scan_tree names it."""
    from gongkai.privacy.outputs import scan_output

    four = _zipped("a.zip", _zipped("b.zip", _zipped("c.zip", _zipped("p.txt", b"tel 13805951234"))))
    cases = {
        "files/four.zip": (four, [("mobile", "138****1234", "a.zip b.zip c.zip p.txt 第1行")]),
        "files/five.zip": (_zipped("o.zip", four), [("unreadable", "", "o.zip a.zip b.zip c.zip p.txt 嵌套过深")]),
        "files/a.docx": (docx("联系电话13905951234"), [("mobile", "139****1234", "word/document.xml 第1行")]),
        "files/c.pdf": (_compressed_pdf("tel 13705951234"), [("mobile", "137****1234", "第1页")]),
        "files/d.xlsx": (_book(["金额"], [5951234], formats={"A2": '"1360"0'}),
                         [("mobile", "136****1234", "Sheet!A2（按单元格的数字格式显示）")]),
        "files/e.png": (_png_with_text("13305951234"), [("mobile", "133****1234", "图片属性")]),
        "files/f.docx": (b"PK\x03\x04" + b"\x00" * 40, [("unreadable", "", "zip 无法打开")]),
    }
    for name, (data, expected) in cases.items():
        found = scan_output(name, data, frozenset())
        assert [(f.file, f.kind, f.masked_value, f.where) for f in found] == [(name, *e) for e in expected], name


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_short_utf16_list_without_its_mark_is_read_by_both_scans(gk, cat, tmp_path, codec):
    """「电话,13805951234」 saved as UTF-16 without a byte-order mark: the source scan read it (its NUL bytes), the scan
    of what a build wrote read it as bytes — 1, NUL, 3, NUL … — and let it through."""
    listed = "电话,13805951234\n".encode(codec)
    cat.record(RECORD.replace("正文: |", "附件:\n  - 文件: files/2026/a.csv\n    名称: 名单\n正文: |"))
    cat.write("files/2026/a.csv", listed)
    code, found = _privacy(gk, cat, "--no-cache")
    assert code == 1
    assert found == [("GK602", 18, 9, "附件「files/2026/a.csv」 表头第2列有未遮盖的手机号码「138****1234」（已遮盖显示）")]
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.csv").write_bytes(listed)
    assert _leak(tmp_path / "site")[1:-1] == ["  a.csv（第1行）：手机号码「138****1234」"]


SHEET_ADVICE = ("还有 1 处个人信息 gongkai mask 无法改写（如拆在几个单元格里的号码、定义的名称、嵌入的对象、隐藏的部件）：请在 Excel 或 "
                "WPS 中打开文件，删去或手工遮盖上面列出的内容后再运行 gongkai mask 检查；不处理的话，gongkai validate 会报错，"
                "这个文件不能发布。")


def test_mask_lists_what_the_gate_reads_of_a_csv_that_no_cell_holds(gk, tmp_path):
    """An ID one digit to a cell along a row (a 申请表's boxes): mask rewrites it box by box (round 29,
    test_hostile29_lead.py). A formula gongkai cannot compute: the gate refuses it, mask cannot rewrite it — it says
    so, exit 1, and leaves the file as it was."""
    boxed = tmp_path / "申请表.csv"
    boxed.write_text("姓名," + ",".join(f"第{n}位" for n in range(1, 19)) + "\n陈水生," + ",".join(ID) + "\n",
                     encoding="utf-8")
    run = gk("mask", boxed)
    assert run.code == 0
    assert run.out.splitlines()[0] == "申请表.csv 第1行（一格一个字）：身份证号 → 35*************238"
    assert boxed.read_text("utf-8").splitlines()[1] == "陈水生,3,5," + ",".join("*" * 13) + ",2,3,8"
    built = tmp_path / "名单.csv"
    built.write_text("姓名,电话\n陈水生,=A1&B1\n", encoding="utf-8")
    run = gk("mask", built)
    assert run.code == 1
    assert run.out.splitlines() == [
        "未能遮盖 名单.csv：无法确认 名单.csv 第1行第2列（电话）的公式「=A1&B1」gongkai 不能计算，打开文件时它可能显示出号码，"
        "不能确认其中没有个人信息；请在 Excel 或 WPS 中把公式换成数值（复制后「选择性粘贴 → 数值」）再发布", SHEET_ADVICE]
