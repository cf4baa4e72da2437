"""A hostile pass on the publishing gate (issue 11): numbers written the ways the first fix did not expect, planted
in every kind of field and file, must be found by validate, masked in every line printed, and absent from every
byte the site and the handover write; what must pass (文号, dates, amounts, lists) still passes.

The values are typed by hand: 350524198503151236 (GB 11643-1999: S = 281, 281 mod 11 = 6 → 6) and the law's
example 11010519491231002X; the card 6222021234567894 passes Luhn by hand (see test_privacy_detect.py).
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, RECORD, docx, text_pdf
from test_privacy_files import publish

ID = "350524198503151236"
ID_X = "11010519491231002X"
MOBILE = "13812345678"
FULL = (ID, ID_X, MOBILE, "6222021234567894", "34052419800101001")

# (the form a person or an IME writes, the kind it is): every one of these leaked before this pass.
VARIANTS: dict[str, tuple[str, str]] = {
    "汉字数字": ("一三八一二三四五六七八", "mobile"),
    "读号码的幺": ("幺三八幺二三四五六七八", "mobile"),
    "大写数字": ("壹叁捌壹贰叁肆伍陆柒捌", "mobile"),
    "汉字身份证号": ("三五〇五二四一九八五〇三一五一二三六", "id"),
    "○作零、分组": ("三五○五二四 一九八五○三一五 一二三六", "id"),
    "带圈数字": ("①③⑧①②③④⑤⑥⑦⑧", "mobile"),
    "上标数字": ("¹³⁸¹²³⁴⁵⁶⁷⁸", "mobile"),
    "+86连写": ("+8613812345678", "mobile"),
    "0086连写": ("008613812345678", "mobile"),
    "长途前缀0": ("013812345678", "mobile"),
    "中文逗号分组": ("138，1234，5678", "mobile"),
    "括号分组": ("(138)1234-5678", "mobile"),
    "冒号分组": ("138:1234:5678", "mobile"),
    "顿号分组": ("138、1234、5678", "mobile"),
    "句号分组": ("138。1234。5678", "mobile"),
    "六个空格": ("138      1234      5678", "mobile"),
    "朝鲜文填充符": ("138\u31641234\u31645678", "mobile"),
    "盲文空白": ("138\u28001234\u28005678", "mobile"),
    "希腊字母Χ": ("11010519491231002\u03a7", "id"),
    "西里尔字母Х": ("11010519491231002\u0425", "id"),
    "罗马数字Ⅹ": ("11010519491231002\u2169", "id"),
    "校验码分开写": ("34052419800101001 X", "id"),
    "字母O当0": ("3505241985O3151236", "id"),
    "字母l当1": ("138l2345678", "mobile"),
    # Any punctuation or symbol between the groups (the second hostile round): every one of these leaked before.
    "英文逗号分组": ("138,1234,5678", "mobile"),
    "分号分组": ("138;1234;5678", "mobile"),
    "全角分号分组": ("138；1234；5678", "mobile"),
    "竖线分组": ("138|1234|5678", "mobile"),
    "井号分组": ("138#1234#5678", "mobile"),
    "等号分组": ("138=1234=5678", "mobile"),
    "引号分组": ("138'1234'5678", "mobile"),
    "方头括号分组": ("138【1234】5678", "mobile"),
    "书名号分组": ("138《1234》5678", "mobile"),
    "箭头分组": ("138→1234→5678", "mobile"),
    "电话符号分组": ("138☎1234☎5678", "mobile"),
    "英文逗号身份证号": ("350524,19850315,1236", "id"),
    "问号身份证号": ("350524?19850315?1236", "id"),
    "英文逗号银行卡号": ("6222,0212,3456,7894", "bank"),
    "分号银行卡号": ("6222;0212;3456;7894", "bank"),
    "双逗号分组": ("138,,1234,,5678", "mobile"),
    "句点加逗号": ("138.,1234.,5678", "mobile"),
    "冒号加横线": ("138:-1234:-5678", "mobile"),
    "顿号连写": ("138、、1234、、5678", "mobile"),
    "每位之间一个点": ("1.3.8.1.2.3.4.5.6.7.8", "mobile"),
    "身份证号每位一个点": ("3.5.0.5.2.4.1.9.8.5.0.3.1.5.1.2.3.6", "id"),
    # Spreadsheet forms (the seventh hostile round): thousands grouping, scientific notation, a float's lost check digit.
    "千位分隔": ("13,812,345,678", "mobile"),
    "科学记数法": ("1.3812345678E+10", "mobile"),
    "科学记数法小写": ("1.3812345678e10", "mobile"),
    "浮点身份证号": ("3.50524198503151E+17", "id"),
    "浮点身份证号写全": ("350524198503151000", "id"),
}
CODE = {"id": "GK601", "mobile": "GK602", "bank": "GK603"}
MASKED = {"id": ("35*************236", "11*************02X", "34*************01X", "35*************000"), "mobile": ("138****5678",),
          "bank": ("6222********7894",)}

# Text that is not personal data and must keep passing: dates and numbers in Chinese numerals, lists, amounts.
MUST_PASS = """\
  二〇二六年十一月二十七日印发，二○二六年十二月一日起施行。
  依照第一、二、三条，一一对应，逐户核对。
  测民〔2026〕12号、（2026）12号，索引号 350524-MZ-2026-00012。
  2024、2025、2026年连续三年，第5、6、7、8、9、10、11、12批。
  保障金额 12,345,678.90元，合计 1，320.00元；咨询电话 (0595)23222516，0595-23222516。
  办理时间 8:30—12:00，14:30—17:30；第138期（总第1234期）。
  金额 1,582,346.00元，12,345,678,901元；第1,2,3条；2024,2025,2026年；增幅 13.8%,12.34%；编号 A-1380;B-1234。
  金额 13,812,345,678元、￥13,812,345,678、人民币13,812,345,678、13,812,345,678.50万；第1,13,812,345,678条。
  村委会〔2026〕3号，各村按照2026年1号文件、第1号文件，2026年第3号公告（第1号）；新建2栋1200平方米，建成3座500人。

  | 村名 | 户数 | 人数 | 金额（元） |
  | --- | --- | --- | --- |
  | 湖头村 | 1582 | 346 | 7890 |
  |官桥村|1582|346|7890|
  | 城厢村 | 1,582 | 346 | 7,890 |
"""


def privacy(gk, root: Path) -> list[dict]:
    run = gk("validate", root, "--format", "json")
    assert run.code in (0, 1), run.err
    return [d for d in json.loads(run.out)["diagnostics"] if d["code"].startswith("GK6")]


def assert_nothing_full(text: str, planted: str = "") -> None:
    for value in FULL:
        assert value not in text
    if planted:
        assert planted not in text


def digits_of(data: bytes) -> str:
    """Every ASCII digit of *data* in order: a full number shows here however it was split."""
    return re.sub(rb"[^0-9]", b"", data).decode()


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_each_form_in_a_title_is_an_error_at_its_line_and_printed_masked(gk, cat, name):
    planted, kind = VARIANTS[name]
    cat.record(RECORD.replace("低保对象名单的公示", f"低保对象名单的公示（联系 {planted}）"))
    found = privacy(gk, cat.root)
    assert [(d["code"], d["line"], d["column"] > 0) for d in found] == [(CODE[kind], 2, True)]
    assert any(masked in found[0]["message"] for masked in MASKED[kind])
    for fmt in ("text", "json", "github", "sarif"):
        run = gk("validate", cat.root, "--format", fmt)
        assert run.code == 1
        assert_nothing_full(run.out + run.err, planted)


@pytest.mark.parametrize(("where", "planted"), [
    ("item", "一三八一二三四五六七八"),
    ("agency", "138，1234，5678"),
    ("attachment-name", "三五〇五二四一九八五〇三一五一二三六"),
    ("body-line-break", "幺三八幺二三四\n  五六七八"),
    ("body-table", "| 陈水生 | (138)1234-5678 |"),
])
def test_every_field_is_scanned_and_nothing_is_published(gk, cat, tmp_path, where, planted):
    if where == "item":
        cat.item(ITEM + f"备注: 联系人手机 {planted}\n")
    elif where == "agency":
        cat.write("gongkai.yaml", AGENCY.replace("联系人: 张三", f"联系人: 张三 {planted}"))
    elif where == "attachment-name":
        cat.write("files/2026/list.pdf", text_pdf("nothing personal"))
        cat.record(RECORD.replace("正文: |", f"附件:\n  - 文件: files/2026/list.pdf\n    名称: 名单（{planted}）\n正文: |"))
    elif where == "body-table":
        cat.record(RECORD + "  | 姓名 | 联系方式 |\n  | --- | --- |\n  " + planted + "\n")
    else:
        cat.record(RECORD + f"  联系电话 {planted}\n")
    assert {d["code"] for d in privacy(gk, cat.root)} & {"GK601", "GK602"}
    written, printed = publish(gk, cat.root, tmp_path)
    assert_nothing_full(printed, planted)
    assert MOBILE not in digits_of(written) and ID not in digits_of(written)


def test_what_must_pass_still_passes(gk, cat, tmp_path):
    cat.record(RECORD + MUST_PASS)
    assert privacy(gk, cat.root) == []
    assert gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search").code == 0


def test_a_number_written_in_numerals_is_masked_in_diff_output(gk, repo):
    record = repo / "catalog/records/2026/R2026-001.yaml"
    record.write_text(RECORD + "  联系人 幺三八幺二三四五六七八\n", encoding="utf-8")
    run = gk("diff", "HEAD", "-C", repo / "catalog")
    assert "138****5678" in run.out
    assert_nothing_full(run.out + run.err, "幺三八幺二三四五六七八")


# ---------------------------------------------------------------------------------------------------- attachments

ATTACHED = RECORD.replace("正文: |", "附件:\n  - 文件: files/2026/{name}\n    名称: 附件一\n正文: |")
FILE_LINE = next(n for n, line in enumerate(ATTACHED.splitlines(), 1) if "- 文件:" in line)


def zipped(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def with_members(document: bytes, members: dict[str, bytes]) -> bytes:
    """A docx with more parts added."""
    with zipfile.ZipFile(io.BytesIO(document)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    return zipped({**parts, **members})


def split_runs(number: str) -> str:
    """A number as Word saves it after formatting changes: every few digits its own run, with bookmarks, spell-check
    marks and run properties between them."""
    pieces = [number[:3], number[3:7], number[7:]]
    between = ('</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="a"/>'
               '<w:bookmarkEnd w:id="0"/><w:r w:rsidR="00A1"><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:t>')
    return between.join(pieces)


def mht(html: str) -> bytes:
    body = base64.encodebytes(html.encode()).decode()
    return ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
            "Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            f"{body}\r\n--b--\r\n").encode()


def incremental_update(original: bytes, page_text: str) -> bytes:
    """*original* (a text_pdf) with its page's content replaced by an incremental update: the old text stays in the
    file, as Acrobat leaves it after an edit is saved."""
    content = f"BT /F1 12 Tf 72 720 Td ({page_text}) Tj ET"
    previous = int(re.findall(rb"startxref\n(\d+)", original)[-1])
    size = int(re.search(rb"/Size (\d+)", original).group(1))
    offset = len(original)
    update = f"4 0 obj\n<< /Length {len(content)} >>\nstream\n{content}\nendstream\nendobj\n".encode()
    xref = offset + len(update)
    update += (f"xref\n0 1\n0000000000 65535 f \n4 1\n{offset:010d} 00000 n \n"
               f"trailer\n<< /Size {size} /Root 1 0 R /Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n").encode()
    return original + update


@pytest.fixture
def outside_pdf(cat) -> Path:
    target = cat.root.parent / "outside.pdf"
    target.write_bytes(text_pdf("outside the catalog"))
    return target


def attachment(name: str, setup: str, root: Path, outside: Path) -> None:
    folder = root / "files/2026"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    data: bytes
    if setup == "hard-link":
        os.link(outside, target)
        return
    if setup == "docx-split-runs":
        data = docx(f"联系电话 {split_runs(MOBILE)}")
    elif setup == "docx-altchunk":
        data = with_members(docx("通知"), {"word/afchunk.mht": mht(f"<p>户主 {ID}</p>")})
    elif setup == "docx-metafile":
        data = with_members(docx("通知"), {"word/media/image1.emf": b"\x01\x00\x00\x00" + f"电话{MOBILE}".encode("utf-16-le")})
    elif setup == "docx-numerals-in-footer":
        data = docx("通知", footer1="经办人 幺三八幺二三四五六七八")
    elif setup == "docx-bomb":
        data = with_members(docx("通知"), {"word/embeddings/a.docx": zipped({"x.xml": b"<x>" + b" " * 40_000_000 + b"</x>"})})
    elif setup == "docx-encrypted":
        data = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200 + "EncryptedPackage".encode("utf-16-le")
                + b"\x00" * 200)
    elif setup == "pdf-polyglot":
        data = b"<html><script>alert(document.cookie)</script>\n" + text_pdf("nothing here")
    elif setup == "pdf-embedded-file":
        data = text_pdf("nothing here", info="/Title (x) /Names << /EmbeddedFiles << /Names [(a.xlsx) << /Type "
                                              "/Filespec /F (a.xlsx) /EF << /F 1 0 R >> >>] >> >>")
    elif setup == "pdf-javascript":
        data = text_pdf("nothing here", info="/OpenAction << /S /JavaScript /JS (app.alert(1)) >>")
    elif setup == "pdf-earlier-revision":
        data = incremental_update(text_pdf(f"tel {MOBILE}"), "nothing here")
    elif setup == "csv-utf16-numerals":
        data = "姓名,电话\n陈水生,一三八一二三四五六七八\n".encode("utf-16")
    elif setup == "csv-gb18030-grouped":
        data = "姓名,电话\n陈水生,138，1234，5678\n".encode("gb18030")
    elif setup == "xlsx-hidden-sheet-numerals":
        from openpyxl import Workbook

        book = Workbook()
        book.active.append(["姓名", "人数"])
        hidden = book.create_sheet("底稿")
        hidden.sheet_state = "veryHidden"
        hidden.append(["陈水生", "三五〇五二四一九八五〇三一五一二三六"])
        buffer = io.BytesIO()
        book.save(buffer)
        data = buffer.getvalue()
    else:
        raise AssertionError(setup)
    target.write_bytes(data)


@pytest.mark.parametrize(("name", "setup", "code", "words"), [
    ("list.pdf", "hard-link", "GK606", "硬链接"),
    ("list.docx", "docx-split-runs", "GK602", "138****5678"),
    ("list.docx", "docx-altchunk", "GK601", "35*************236"),
    ("list.docx", "docx-metafile", "GK602", "138****5678"),
    ("list.docx", "docx-numerals-in-footer", "GK602", "页脚"),
    ("list.docx", "docx-bomb", "GK610", "压缩炸弹"),
    ("list.docx", "docx-encrypted", "GK609", "加密"),
    ("list.pdf", "pdf-polyglot", "GK609", "网页"),
    ("list.pdf", "pdf-embedded-file", "GK610", "嵌有其他文件"),
    ("list.pdf", "pdf-javascript", "GK610", "脚本"),
    ("list.pdf", "pdf-earlier-revision", "GK602", "早先版本"),
    ("list.csv", "csv-utf16-numerals", "GK602", "138****5678"),
    ("list.csv", "csv-gb18030-grouped", "GK602", "138****5678"),
    ("list.xlsx", "xlsx-hidden-sheet-numerals", "GK601", "底稿!B1"),
])
def test_hostile_attachment_blocks_its_record_and_never_leaves(gk, cat, outside_pdf, tmp_path, name, setup, code, words):
    attachment(name, setup, cat.root, outside_pdf)
    cat.record(ATTACHED.format(name=name))
    found = privacy(gk, cat.root)
    assert [(d["code"], d["line"]) for d in found if d["code"] != "GK605"] == [(code, FILE_LINE)]
    assert words in found[0]["message"] + found[0].get("hint", "")
    written, printed = publish(gk, cat.root, tmp_path)
    assert b"alert(" not in written and b"outside the catalog" not in written
    assert_nothing_full(printed)
    assert MOBILE not in digits_of(written) and ID not in digits_of(written)


@pytest.mark.parametrize(("name", "content", "code"), [
    ("list.PDF", "pdf", None),
    ("list.Pdf", "svg", "GK609"),
    ("list.pdf.html", "pdf", "GK608"),
    ("list.pdf.", "pdf", "GK608"),
    ("list.pdf ", "pdf", "GK607"),  # YAML drops the space: the file registered is not there
    ("list\uff0epdf", "pdf", "GK608"),
    ("list.pdf\u202egpj", "pdf", "GK608"),
    ("list.xlsx", "docx", "GK609"),
    ("list.csv", "html", "GK609"),
])
def test_extension_tricks(gk, cat, name, content, code):
    data = {"pdf": text_pdf("nothing here"), "docx": docx("通知"),
            "svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
            "html": b"\xef\xbb\xbf  <script>alert(1)</script>,x\n"}[content]
    cat.write(f"files/2026/{name}", data)
    cat.record(ATTACHED.format(name=name))
    assert [d["code"] for d in privacy(gk, cat.root)] == ([code] if code else [])


def test_files_folder_itself_a_link_is_refused(gk, cat, tmp_path):
    elsewhere = tmp_path / "elsewhere/2026"
    elsewhere.mkdir(parents=True)
    (elsewhere / "list.pdf").write_bytes(text_pdf("outside the catalog"))
    os.symlink(tmp_path / "elsewhere", cat.root / "files")
    cat.record(ATTACHED.format(name="list.pdf"))
    found = privacy(gk, cat.root)
    assert [(d["code"], d["line"]) for d in found] == [("GK606", FILE_LINE)] and "files" in found[0]["message"]
    written, _ = publish(gk, cat.root, tmp_path)
    assert b"outside the catalog" not in written


# ---------------------------------------------------------------------------------------------------- hostile markup

HOSTILE_TITLE = '测试\\"><script>alert(1)</script><img src=x onerror=alert(2)>{{ 7*7 }}名单\\u202efdp.exe'
HOSTILE_BODY = """\
  [点我](javascript:alert(3)) [b](JaVaScRiPt:alert(4)) [c](&#106;avascript:alert(5))
  [d](data:text/html,<script>alert(6)</script>) ![e](javascript:alert(7)) [f](vbscript:msgbox)
  <script>alert(8)</script> <a href="javascript:alert(9)">x</a> <javascript:alert(10)> [g][r]

  [r]: javascript:alert(11)

  {{ config }} {% raw %}x{% endraw %} </script><script>alert(12)</script>
"""


def test_hostile_markup_is_inert_on_the_site(gk, cat, tmp_path):
    record = RECORD.replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", f'题名: "{HOSTILE_TITLE}"')
    cat.record(record.replace("  经审核，现将名单予以公示。\n", HOSTILE_BODY + "  " + "很长" * 20000 + "\n"))
    assert gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search").code == 0
    pages = everything(tmp_path / "site")
    assert b"<script>alert" not in pages and b"<img src=x" not in pages
    assert not re.search(rb"""(?:href|src)\s*=\s*["']?\s*(?:javascript|vbscript|data:(?!,"))""", pages, re.IGNORECASE)
    assert "\u202e".encode() not in pages
    assert "{{ 7*7 }}".encode() in pages  # shown as written, never evaluated


def everything(folder: Path) -> bytes:
    return b"\n".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_control_characters_and_workflow_commands_in_catalog_text_do_not_act_on_the_log(gk, repo):
    record = repo / "catalog/records/2026/R2026-001.yaml"
    hostile = "测试\\x1b[2J\\x1b]52;c;cHduZWQ=\\x07名单\\u202efdp.exe\\n::add-mask::秘密\\n::stop-commands::x"
    record.write_text(RECORD.replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", f'题名: "{hostile}"'),
                      encoding="utf-8")
    printed = ""
    for fmt in ("text", "markdown", "json"):
        run = gk("diff", "HEAD", "-C", repo / "catalog", "--format", fmt)
        printed += run.out + run.err
    run = gk("log", "R2026-001", "-C", repo / "catalog")
    printed += run.out + run.err
    assert "名单" in printed
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202e]", printed)
    assert not re.search(r"^\s*::(?:add-mask|stop-commands)", printed, re.MULTILINE)


# ---------------------------------------------------------------------------------------------------- caches

def test_a_cache_shipped_with_the_catalog_is_never_trusted(gk, cat, tmp_path):
    """A .gongkai-cache committed to a repository: its salt is what an attacker computes from gongkai's public code
    (version, file sizes and times), its memo a pickle that runs code when loaded. Nothing of it may be used."""
    import hashlib
    import pickle
    import sqlite3

    import gongkai
    from gongkai.privacy.scan import MEMO_KEY

    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    digest = hashlib.sha1(gongkai.__version__.encode())
    package = Path(gongkai.__file__).parent
    for source in sorted(package.rglob("*.py")):
        stat = source.stat()
        digest.update(f"{source.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    folder = cat.root / ".gongkai-cache"
    folder.mkdir()
    db = sqlite3.connect(folder / "cache.sqlite3")
    db.executescript("CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT); CREATE TABLE memo(k TEXT PRIMARY KEY, payload BLOB);"
                     "CREATE TABLE parsed(blob TEXT, kind TEXT, payload BLOB, PRIMARY KEY(blob, kind));")
    db.execute("INSERT INTO meta VALUES('salt', ?)", (digest.hexdigest(),))
    db.execute("INSERT INTO memo VALUES(?, ?)", (MEMO_KEY, pickle.dumps(Payload())))
    db.commit()
    db.close()
    cat.record(RECORD + f"  联系电话 {MOBILE}\n")
    assert "GK602" in {d["code"] for d in privacy(gk, cat.root)}
    assert not marker.exists()


# ---------------------------------------------------------------------------------------------------- exports

def test_a_remembered_scan_holds_a_record_back_on_every_later_build(cat, tmp_path):
    """The scanner remembers each record's result in the catalog's cache; a later build (a new process, as a user
    runs it) after another file changed reads it from there. A record holding a number stays held back however many
    builds remember it."""
    import subprocess
    import sys

    cat.record(RECORD + f"  联系电话 {MOBILE}\n")
    second = RECORD.replace("R2026-001", "R2026-002").replace("00001", "00002").replace("〔2026〕1号", "〔2026〕2号")
    site = tmp_path / "site"
    for title in ("第一次", "第二次", "第三次"):
        cat.record(second.replace("名单的公示", f"名单的公示（{title}）"), "records/2026/R2026-002.yaml")
        run = subprocess.run([sys.executable, "-m", "gongkai", "build-site", str(cat.root), "--out", str(site),
                              "--no-search", "--today", "2026-10-09"], capture_output=True, text=True)
        assert run.returncode == 0, run.stdout + run.stderr
        assert "R2026-001 没有发布" in run.stderr and "138****5678" in run.stderr
        written = everything(site)
        assert title.encode() in written  # the other record was published again
        assert MOBILE not in digits_of(written)
        assert b"R2026-001" not in written
    assert (cat.root / ".gongkai-cache").is_dir()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_directory_export_with_personal_data_is_not_written(gk, cat, tmp_path, fmt):
    cat.item(ITEM.replace("公开主体: 县级人民政府民政部门", "公开主体: 县级人民政府民政部门（联系人 一三八一二三四五六七八）"))
    target = tmp_path / f"directory.{fmt}"
    run = gk("export", fmt, "-C", cat.root, "--out", target)
    assert run.code == 1 and not target.exists()
    assert "138****5678" in run.err
    assert_nothing_full(run.out + run.err, "一三八一二三四五六七八")
