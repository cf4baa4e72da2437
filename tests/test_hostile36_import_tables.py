"""gongkai import, thirty-eighth session's hostile pass: the official table as a county clerk really brings it.

Every table here is built with openpyxl (or written as bytes the way Excel, WPS or Word save them) on conftest's small
catalog (社会救助, units 办公室 bgs and 社会救助股 shjzg, one item SHJZ-001); every expected cell, message and file line
is typed by hand from the tables below.

Found by this pass:
1. The signature line at the foot of the form written label and value each in its own cell, the label with its colon
   (「填表人：｜张三｜填表日期：｜2026-03-02」, 「经办人：｜李四｜联系电话：｜138……」), was no footer: with a date cell in it
   the whole import stopped at 「单元格是日期格式」 on a row that is no item; without one it became item SHJZ-002 whose
   一级事项 was 「经办人：」, 二级事项 the clerk's name and 公开依据 her mobile. A label cell reads so with or without its
   colon (rowkinds._LABEL).
2. A file that is no table at all was named wrongly, with a fix that cannot work: the 目录 as the county sends it in
   Word (.docx, or .doc/.wps) was 「无法作为 xlsx（xls）表格打开：文件可能已损坏、不完整或加了密码」; a PDF was told
   「请用 Excel 或 WPS 打开」, which Excel cannot; the web page a system's 「导出 Excel」 saves as .xls, an Excel 2003 XML
   table and an .xlsb were 「既不是 xlsx 也不是 xls」 or 「可能已损坏」; an empty (0-byte) download said nothing of being
   empty, or, named .csv, 「表格中没有找到任何事项行」. Each is now said for what it is, with what to do (grid.no_table).
3. A table naming its items 「事项类别｜事项名称」 (a category, then the item: 最低生活保障｜审批信息), with no 二级事项
   column, was read as 领域｜一级事项: each category was 「不是 gongkai.yaml 中的领域，这一列已忽略」 and every item was
   named by its 二级事项 alone — 「审批信息」 became a new item beside SHJZ-001 (最低生活保障 / 审批信息), which the
   import listed as no longer in the table. When no cell of the left column names a 领域 it is now the 一级事项 and the
   name the 二级事项, said once at its header (read._category_left); one holding 领域 names is the 领域 as before.
4. A note written as a sentence was taken for a section title when it said 「领域」: the 填表说明 under the table
   (「填表说明：」 then 「1.｜本表由各单位按领域填写，一个领域一个工作表。」, or 「备注：1.本表由各单位按领域填写；」 in the 序号
   column) stopped the whole import with 「分段标题「本表由各单位按领域填写……」是领域的标题，却不是 gongkai.yaml 中的领域」;
   and a note under the header naming another 领域 (「养老服务领域的事项请另表填写，不要填在本表。」) moved every row below
   it, in sheet 社会救助, into 养老服务 (YLFW-001) without a word. A note (「注：」「备注：」…) or a sentence (，。；) is no
   section title (rowkinds.note, read._section): it is reported and skipped, the rows keep their 领域; a title with
   a clause after it (「二、养老服务领域，共1项」) is read by its first clause, and still switches the 领域.
5. A nationwide service hotline typed as a number (咨询电话 4008123123, 8008123123) stopped the import with
   「咨询电话是数字格式，区号开头的 0 已被 Excel 去掉」: a 400/800 number has no area code and loses nothing
   (read._ZERO_LOST); 59523222619 (0595-23222619 without its 0) is still that error.
6. A workbook of one sheet per 领域 and a 「汇总」 sheet repeating them all (with a 领域 column, in its own column order)
   could not be imported: every row of the summary was an error 「与 社会救助 第2行 是同一事项……重复了」 or 「编号……
   相同」. A sheet every row of which another sheet has, with the same 领域 and cells, is now left out, said once
   (read._without_summaries); a summary that differs in one cell still shows that row's error.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from conftest import CatalogDir, Run
from sheets import with_second_domain, workbook

BASIS = "《社会救助暂行办法》（国务院令第649号）"
DEADLINE = "制定或获取信息之日起10个工作日内"
PUBLISHER = "县级人民政府民政部门"
HEADER = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象",
          "公开方式", "公开层级", "编号"]
FIRST = ["1", "最低生活保障", "审批信息", "低保对象名单及相关信息", BASIS, DEADLINE, PUBLISHER,
         "政府网站、社区/企事业单位/村公示栏（电子屏）", "全社会", "主动", "县级、乡级", "SHJZ-001"]


def _items(cat: CatalogDir) -> list[str]:
    return sorted(p.name for p in (cat.root / "items").rglob("*.yaml"))


# 1 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def test_a_signature_line_of_labels_with_their_colons_is_no_item(gk: Callable[..., Run], cat: CatalogDir,
                                                                  tmp_path: Path) -> None:
    table = workbook(tmp_path / "目录.xlsx", [
        HEADER, FIRST, [],
        ["填表人：", "张三", None, "填表日期：", dt.datetime(2026, 3, 2)],  # the date a date cell, as Excel makes it
        [None, "经办人：", "李四", "联系电话：", "13812345678"],
        [None, "审核人（签字）：", "王五", None, "报送日期", "2026年3月2日"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert "日期格式" not in run.err
    assert "社会救助!A4: 这一行是说明或签名行（「填表人：」），不是事项，已跳过" in run.err
    assert "社会救助!B5: 这一行是说明或签名行（「经办人：」），不是事项，已跳过" in run.err
    assert "社会救助!B6: 这一行是说明或签名行（「审核人（签字）：」），不是事项，已跳过" in run.err
    assert "新增 0 项，更新 0 项，未变 1 项。表格中有内容的 4 行里，1 行是事项，其余 3 行不是事项" in run.out
    assert _items(cat) == ["SHJZ-001.yaml"]
    assert "13812345678" not in run.out + run.err


# 2 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def _ole2(stream: str, size: int = 4096) -> bytes:
    """A minimal OLE2 compound file (the container of Word's .doc, WPS's .wps and Excel's .xls) holding one stream
    *stream* of *size* bytes in ordinary sectors: header, one FAT sector, one directory sector, the stream."""
    free, end, fat_sector, none = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<9I", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<109I", 0, *[free] * 108))
    chain = [fat_sector, end] + list(range(3, 2 + size // 512)) + [end]
    fat = struct.pack(f"<{len(chain)}I", *chain).ljust(512, b"\xff")

    def entry(name: str, kind: int, child: int, start: int, length: int) -> bytes:
        raw = (name + "\0").encode("utf-16-le")
        return (raw.ljust(64, b"\0") + struct.pack("<HBBIII", len(raw), kind, 1, none, none, child) + b"\0" * 36
                + struct.pack("<IQ", start, length))

    directory = entry("Root Entry", 5, 1, end, 0) + entry(stream, 2, none, 2, size) + b"\0" * 256
    return header + fat + directory + b"\1" * size


def _zip(**members: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in members.items():
            archive.writestr(name.replace("__", "/").replace("_dot_", "."), text)
    return out.getvalue()


WORD = ("是 Word（或 WPS 文字）文档，不是表格，gongkai 只导入表格：请在 Word 或 WPS 中选中整个目录表格、复制，粘贴到 Excel 或"
        " WPS 表格的空白工作表中，另存为「.xlsx」后再导入")
TO_XLSX = "请用 Excel 或 WPS 打开后另存为「.xlsx」再导入"


@pytest.mark.parametrize(("name", "content", "said"), [
    ("目录.docx", _zip(word__document_dot_xml="<w:document/>"), WORD),
    ("目录.xlsx", _zip(word__document_dot_xml="<w:document/>"), WORD),  # renamed by hand
    ("目录.doc", _ole2("WordDocument"), WORD),
    ("目录.wps", _ole2("WordDocument"), WORD),
    ("目录.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "是 PDF 文件，不是表格，gongkai 读不出其中的表格：请向县政务公开办"
     "要 Excel 原表；或用 WPS「PDF 转 Excel」转换，逐行核对后另存为「.xlsx」再导入"),
    ("目录.xls", '<html><meta charset="utf-8"><table><tr><td>一级事项</td></tr></table></html>'.encode(),
     "是网页（HTML）文件，不是 Excel 表格（有的系统「导出 Excel」导出的其实是网页）：" + TO_XLSX),
    ("目录.xls", '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns='
     '"urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/></Workbook>'.encode(),
     "是 Excel 2003 XML 表格（扩展名常是 .xls 或 .xml），gongkai 读不了：" + TO_XLSX),
    ("目录.xlsb", _zip(xl__workbook_dot_bin="\0"),
     "是 Excel 二进制工作簿（.xlsb），gongkai 读不了：请在 Excel 中「另存为 → Excel 工作簿（*.xlsx）」后再导入"),
    ("目录.xlsx", b"", "文件是空的（0 字节），可能是复制、下载或保存时没有完成：请重新保存或下载后再导入"),
    ("目录.csv", b"", "文件是空的（0 字节），可能是复制、下载或保存时没有完成：请重新保存或下载后再导入"),
])
def test_a_file_that_is_no_table_is_named_for_what_it_is(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path,
                                                         name: str, content: bytes, said: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    run = gk("import", "xlsx", path, "-C", cat.root, "--yes")
    assert run.code == 1, run.out + run.err
    assert f"{name}: {said}\n" in run.err
    assert "损坏" not in run.err and "既不是" not in run.err and "Traceback" not in run.err
    assert _items(cat) == ["SHJZ-001.yaml"]


def test_an_xls_and_a_csv_are_still_read(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """The edge: an .xls (its workbook stream beside none of Word's) and a csv that merely holds a 「<」 are tables."""
    fixture = Path(__file__).parent / "fixtures" / "county-2003.xls"
    run = gk("import", "xls", fixture, "-C", cat.root, "--dry-run")
    assert "表头在" in run.out, run.out + run.err
    table = tmp_path / "社会救助.csv"
    table.write_text("一级事项,二级事项,公开内容,公开渠道\n临时救助,审批信息,<救助金额>,政府网站\n", encoding="utf-8-sig")
    run = gk("import", "csv", table, "-C", cat.root, "--dry-run")
    assert run.code == 0, run.out + run.err
    assert "新增 1 项" in run.out


# 3 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def test_a_category_left_of_the_item_name_is_its_first_level_not_a_domain(gk: Callable[..., Run], cat: CatalogDir,
                                                                          tmp_path: Path) -> None:
    table = workbook(tmp_path / "目录.xlsx", [
        ["序号", "事项类别", "事项名称", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式",
         "公开层级"],
        ["1", "最低生活保障", "审批信息", "低保对象名单及相关信息", BASIS, "自信息形成之日起20个工作日内", PUBLISHER,
         "政府网站、社区/企事业单位/村公示栏（电子屏）", "全社会", "主动", "县级、乡级"],
        ["2", "临时救助", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"],
        ["3", None, "审批信息", "临时救助对象名单", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"],
    ], sheet="社会救助", merges=["B3:B4"])
    run = gk("import", "xlsx", table, "-C", cat.root, "--dry-run")
    assert run.code == 0, run.out + run.err
    said = "「事项类别」在「事项名称」左边，格内没有一个是领域：按一级事项读，「事项名称」按二级事项读"
    assert f"  社会救助!B1「事项类别」→ 一级事项（{said}）\n" in run.out
    assert f"  社会救助!C1「事项名称」→ 二级事项（{said}）\n" in run.out
    assert f"社会救助!B1: 列{said}\n" in run.err
    assert "不是 gongkai.yaml 中的领域" not in run.err
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert "新增 2 项，更新 1 项，未变 0 项。" in run.out
    assert "表格中没有读到" not in run.out
    first = (cat.root / "items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8")
    assert "一级事项: 最低生活保障\n二级事项: 审批信息\n" in first
    assert "公开时限: 自信息形成之日起20个工作日内\n" in first
    assert "一级事项: 临时救助\n二级事项: 办事指南\n" in (cat.root / "items/shjz/SHJZ-002.yaml").read_text(encoding="utf-8")
    assert "一级事项: 临时救助\n二级事项: 审批信息\n" in (cat.root / "items/shjz/SHJZ-003.yaml").read_text(encoding="utf-8")


def test_a_column_of_domains_left_of_the_item_name_is_still_the_domain(gk: Callable[..., Run], cat: CatalogDir,
                                                                      tmp_path: Path) -> None:
    table = workbook(tmp_path / "目录.xlsx", [
        ["一级目录", "事项名称", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式", "公开层级"],
        ["社会救助", "临时救助", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"],
    ])
    run = gk("import", "xlsx", table, "-C", cat.root, "--dry-run")
    assert run.code == 0, run.out + run.err
    assert "  Sheet1!A1「一级目录」→ 领域（在一级事项列之前：按领域读取；不是领域名称的值报告后忽略）\n" in run.out
    assert "  Sheet1!B1「事项名称」→ 一级事项\n" in run.out
    assert "新增 SHJZ-002  items/shjz/SHJZ-002.yaml  ← Sheet1 第2行：临时救助（" in run.out


# 4 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def test_numbered_notes_under_the_table_saying_domain_are_notes(gk: Callable[..., Run], cat: CatalogDir,
                                                                 tmp_path: Path) -> None:
    table = workbook(tmp_path / "目录.xlsx", [
        HEADER, FIRST, [],
        ["填表说明："],
        ["1.", "本表由各单位按领域填写，一个领域一个工作表。"],
        ["2.", "公开渠道请在对应栏内打√，其他渠道请注明。"],
        ["备注：3.公开层级按县级、乡级填写；"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert "分段标题" not in run.err
    assert ("社会救助!B5: 这一行只有事项名称「本表由各单位按领域填写，一个领域一个工作表。」，没有公开内容、公开依据、"
            "公开渠道等，按分组标题跳过，不是事项") in run.err
    assert "社会救助!A7: 这一行没有事项名称、公开内容或编号，不是事项，已跳过：「备注：3.公开层级按县级、乡级填写；」" in run.err
    assert "新增 0 项，更新 0 项，未变 1 项。表格中有内容的 5 行里，1 行是事项，其余 4 行不是事项" in run.out


def test_a_note_naming_another_domain_moves_no_row_into_it(gk: Callable[..., Run], cat: CatalogDir,
                                                           tmp_path: Path) -> None:
    cat.write("gongkai.yaml", with_second_domain((cat.root / "gongkai.yaml").read_text(encoding="utf-8")))
    table = workbook(tmp_path / "目录.xlsx", [
        HEADER,
        [None, "养老服务领域的事项请另表填写，不要填在本表。"],
        ["1", "最低生活保障", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert "新增 SHJZ-002  items/shjz/SHJZ-002.yaml  ← 社会救助 第3行：最低生活保障 / 办事指南" in run.out
    assert "社会救助!B2: 这一行只有事项名称「养老服务领域的事项请另表填写，不要填在本表。」" in run.err
    assert not (cat.root / "items" / "ylfw").exists()
    assert "领域: 社会救助\n" in (cat.root / "items/shjz/SHJZ-002.yaml").read_text(encoding="utf-8")



def test_a_section_title_with_a_count_after_it_still_switches_the_domain(gk: Callable[..., Run], cat: CatalogDir,
                                                                         tmp_path: Path) -> None:
    cat.write("gongkai.yaml", with_second_domain((cat.root / "gongkai.yaml").read_text(encoding="utf-8")))
    table = workbook(tmp_path / "目录.xlsx", [
        HEADER,
        [None, "一、社会救助领域，共1项"],
        ["1", "最低生活保障", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"],
        [None, "二、养老服务领域，共1项"],
        ["1", "养老机构", "名单", "养老机构名单", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"],
    ], sheet="目录")
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert "新增 SHJZ-002  items/shjz/SHJZ-002.yaml  ← 目录 第3行：最低生活保障 / 办事指南" in run.out
    assert "新增 YLFW-001  items/ylfw/YLFW-001.yaml  ← 目录 第5行：养老机构 / 名单" in run.out


# 5 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def test_a_400_hotline_typed_as_a_number_lost_no_zero(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = workbook(tmp_path / "目录.xlsx", [
        [*HEADER, "咨询电话"],
        [*FIRST, 4008123123],
        ["2", "临时救助", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级", None,
         8008123123],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert "区号" not in run.err
    assert "咨询电话: '4008123123'\n" in (cat.root / "items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8")
    assert "咨询电话: '8008123123'\n" in (cat.root / "items/shjz/SHJZ-002.yaml").read_text(encoding="utf-8")
    lost = workbook(tmp_path / "lost.xlsx", [[*HEADER, "咨询电话"], [*FIRST, 59523222619]], sheet="社会救助")
    run = gk("import", "xlsx", lost, "-C", cat.root, "--yes")
    assert run.code == 1
    assert ("社会救助!M2: 咨询电话是数字格式，区号开头的 0 已被 Excel 去掉（读出的是「59523222619」）：请把单元格格式改为"
            "「文本」后重新填写，如 0595-23222619") in run.err


# 6 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────

ELDERLY = ["1", "养老机构", "名单", "养老机构名单", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级", None]
SECOND = ["2", "最低生活保障", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级", None]


def _with_summary(path: Path, summary_guide: str) -> Path:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "社会救助"
    for values in (HEADER, FIRST, SECOND):
        first.append(values)
    second = book.create_sheet("养老服务")
    for values in (HEADER, ELDERLY):
        second.append(values)
    summary = book.create_sheet("汇总")  # its own order: 领域 first, 编号 before the names
    summary.append(["领域", "编号", *HEADER[:11]])
    guide = SECOND[:3] + [summary_guide] + SECOND[4:]
    for domain, values in (("社会救助", FIRST), ("社会救助", guide), ("养老服务", ELDERLY)):
        summary.append([domain, values[11], *values[:11]])
    book.save(path)
    return path


def test_a_summary_sheet_of_the_domain_sheets_is_left_out_once(gk: Callable[..., Run], cat: CatalogDir,
                                                               tmp_path: Path) -> None:
    cat.write("gongkai.yaml", with_second_domain((cat.root / "gongkai.yaml").read_text(encoding="utf-8")))
    table = _with_summary(tmp_path / "目录.xlsx", "办理条件")
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert ("汇总!A1: 工作表「汇总」的 3 行在其他工作表中都有、内容相同（是它们的汇总或副本），没有导入；"
            "若它本应是另一张表，请填写它自己的内容后再导入") in run.err
    assert "重复" not in run.err and "相同：" not in run.err
    assert "新增 2 项，更新 0 项，未变 1 项。" in run.out
    assert _items(cat) == ["SHJZ-001.yaml", "SHJZ-002.yaml", "YLFW-001.yaml"]


def test_a_summary_that_differs_in_one_cell_still_says_which_row(gk: Callable[..., Run], cat: CatalogDir,
                                                                 tmp_path: Path) -> None:
    cat.write("gongkai.yaml", with_second_domain((cat.root / "gongkai.yaml").read_text(encoding="utf-8")))
    table = _with_summary(tmp_path / "目录.xlsx", "办理条件、申请材料")
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 1, run.out + run.err
    assert "汇总!D3: 与 社会救助 第3行 是同一事项（领域和事项名称都相同），重复了" in run.err
    assert "在其他工作表中都有" not in run.err
    assert _items(cat) == ["SHJZ-001.yaml"]
