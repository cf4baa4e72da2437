"""One 身份证号 planted in every form and every place a reader (or a program) can find it: validate reports it at its
line with the value masked, the gate blocks its record, and no byte written by build-site or a handover — zip and
gzip unpacked — and no line printed carries it."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName

from conftest import AGENCY, ITEM, RECORD, CatalogDir, docx, text_pdf
from test_privacy_files import everything_written

ID = "350524198503151236"  # GB 11643-1999 by hand: S = 281, 281 mod 11 = 6 → check digit 6
MASKED = "35*************236"
WIDE = "３５０５２４１９８５０３１５１２３６"
ATTACHED = RECORD.replace("正文: |", "附件:\n  - 文件: files/2026/{name}\n正文: |")
FILE_LINE = next(n for n, line in enumerate(ATTACHED.splitlines(), 1) if "- 文件:" in line)


def line_of(text: str, start: str) -> int:
    """The 1-based line of *text* that starts with *start*."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.lstrip().startswith(start))


def raw_forms(text: str) -> list[bytes]:
    """The value as it could appear in a written file: plain, full width, UTF-16 (xls, docx parts), as entities."""
    return [ID.encode(), WIDE.encode(), ID.encode("utf-16-le"), "".join(f"&#{ord(c)};" for c in ID).encode(),
            re.sub(r"(\d)", r"\1 ", ID).strip().encode()] if text == ID else [text.encode()]


def leaks(data: bytes | str) -> list[str]:
    blob = data.encode() if isinstance(data, str) else data
    return [form.decode("latin-1") for form in raw_forms(ID) if form in blob]


def findings(gk, root: Path) -> list[dict]:
    run = gk("validate", root, "--format", "json")
    assert run.code == 1, run.out + run.err
    assert leaks(run.out + run.err) == []
    return [d for d in json.loads(run.out)["diagnostics"] if d["code"] == "GK601"]


def published(gk, root: Path, tmp_path: Path) -> tuple[bytes, str]:
    runs = [gk("build-site", root, "--out", tmp_path / "site", "--no-search"),
            gk("handover", "--date", "2026-10-09", "--force", "--allow-incomplete", "-C", root, "--out", tmp_path / "b")]
    for fmt in ("text", "github", "sarif"):
        runs.append(gk("validate", root, "--format", fmt))
    printed = "".join(r.out + r.err for r in runs)
    assert "Traceback" not in printed
    folders = [f for f in (tmp_path / "site", tmp_path / "b") if f.exists()]
    return b"".join(everything_written(f) for f in folders), printed


BODY_FORMS = {
    "full width": WIDE,
    "spaces": "350524 19850315 1236",
    "ideographic spaces": "350524\u300019850315\u30001236",
    "no-break and thin spaces": "350524\u00a019850315\u20091236",
    "dashes": "350524—19850315－1236",
    "dots and slashes": "350524.19850315/1236",
    "zero-width space": "3505241985\u200b03151236",
    "soft hyphen and word joiner": "350524\u00ad1985\u206003151236",
    "bidi marks": "350524\u200e19850315\u200f1236",
    "entities": "&#51;50524&#x31;98503151236",
    "emphasis": "3505**24**198503151236",
    "escaped underscore": "350524\\_198503151236",
    "code span": "3505`24`198503151236",
    "empty link": "3505[](https://example.org/a-long-address)24198503151236",
    "wrapped line": "350524198\n  503151236",
}


@pytest.mark.parametrize("form", BODY_FORMS.values(), ids=BODY_FORMS.keys())
def test_every_form_in_the_body(gk, cat: CatalogDir, tmp_path, form):
    cat.record(RECORD + f"  户主身份证 {form}\n")
    [found] = findings(gk, cat.root)
    assert found["line"] == len(RECORD.splitlines()) + 1 and MASKED in found["message"]
    written, printed = published(gk, cat.root, tmp_path)
    assert leaks(written) == [] and leaks(printed) == []
    assert not (tmp_path / "site/records/R2026-001.html").exists()


@pytest.mark.parametrize("key", ["文号", "责任者", "题名"])
def test_every_field_of_a_record(gk, cat, tmp_path, key):
    text = RECORD.replace("责任单位: shjzg", "责任者: 测试县民政局\n责任单位: shjzg", 1)
    pattern = {"文号": r"文号: .*", "责任者": r"责任者: .*", "题名": r"题名: .*"}[key]
    planted = re.sub(pattern, f"{key}: 经办人{WIDE}", text, count=1)
    cat.record(planted)
    [found] = findings(gk, cat.root)
    assert found["line"] == line_of(planted, f"{key}:") and found["field"] == key
    written, printed = published(gk, cat.root, tmp_path)
    assert leaks(written) == [] and leaks(printed) == []


def test_withdrawal_reason_and_attachment_name_and_file_name(gk, cat, tmp_path):
    cat.write(f"files/2026/{ID}.pdf", text_pdf("notice"))
    planted = RECORD.replace("正文: |", f"附件:\n  - 文件: files/2026/{ID}.pdf\n    名称: 名单{ID}\n撤回:\n"
                                        f"  日期: 2026-12-30\n  原因: 误将{ID}发布\n正文: |")
    cat.record(planted)
    lines = sorted(d["line"] for d in findings(gk, cat.root))
    assert lines == [line_of(planted, "- 文件:"), line_of(planted, "名称:"), line_of(planted, "原因:")]
    written, printed = published(gk, cat.root, tmp_path)
    assert leaks(written) == [] and leaks(printed) == []


def xlsx_with_hidden_places() -> dict[str, bytes]:
    """One workbook per hiding place: a hidden sheet, a very hidden sheet, a comment, a header, a defined name."""
    made = {}
    for place in ("hidden", "veryHidden", "comment", "header", "name", "property"):
        book = Workbook()
        book.active.append(["姓名", "保障金额"])
        book.active.append(["陈水生", 1144])
        if place in ("hidden", "veryHidden"):
            sheet = book.create_sheet("备用")
            sheet.append(["身份证号", ID])
            sheet.sheet_state = place
        elif place == "comment":
            book.active["A2"].comment = Comment(f"身份证 {ID}", "经办人")
        elif place == "header":
            book.active.oddHeader.center.text = f"经办人 {ID}"
        elif place == "name":
            book.defined_names["经办人"] = DefinedName("经办人", attr_text=f'"{ID}"')
        else:
            book.properties.creator = f"经办人{ID}"
        buffer = io.BytesIO()
        book.save(buffer)
        made[place] = buffer.getvalue()
    return made


ATTACHMENTS: dict[str, tuple[str, bytes]] = {
    **{f"xlsx {place}": ("list.xlsx", data) for place, data in xlsx_with_hidden_places().items()},
    "docx header": ("notice.docx", docx("通知", header1=f"经办人 {ID}")),
    "docx footer": ("notice.docx", docx("通知", footer1=f"经办人 {WIDE}")),
    "docx comment": ("notice.docx", docx("通知", comments=f"经办人 {ID}")),
    "docx footnote": ("notice.docx", docx("通知", footnotes=f"经办人 {ID}")),
    "docx properties": ("notice.docx", docx("通知", core=f"经办人{ID}")),
    "docx split runs": ("notice.docx", docx(f"经办人 {ID[:6]}</w:t></w:r><w:r><w:t>{ID[6:]}")),
    "pdf text": ("notice.pdf", text_pdf("page one", f"ID {ID}")),
    "pdf metadata": ("notice.pdf", text_pdf("page one", info=f"/Author ({ID})")),
    "pdf keywords": ("notice.pdf", text_pdf("page one", info=f"/Keywords (a {ID[:9]} {ID[9:]})")),
    "csv utf-8 bom": ("list.csv", f"姓名,身份证号\n陈水生,{ID}\n".encode("utf-8-sig")),
    "csv gbk": ("list.csv", f"姓名,身份证号\n陈水生,{WIDE}\n".encode("gbk")),
    "csv gb18030": ("list.csv", f"姓名,身份证号\n陈水生,{ID}\n".encode("gb18030")),
    "csv utf-16": ("list.csv", f"姓名,身份证号\n陈水生,{ID}\n".encode("utf-16")),
    "csv utf-16 without bom": ("list.csv", f"姓名\t身份证号\n陈水生\t{ID}\n".encode("utf-16-le")),
}


@pytest.mark.parametrize(("name", "data"), ATTACHMENTS.values(), ids=ATTACHMENTS.keys())
def test_every_place_in_an_attachment(gk, cat, tmp_path, name, data):
    cat.write(f"files/2026/{name}", data)
    cat.record(ATTACHED.format(name=name))
    found = findings(gk, cat.root)
    assert found and all(d["line"] == FILE_LINE for d in found) and MASKED in found[0]["message"]
    written, printed = published(gk, cat.root, tmp_path)
    assert leaks(written) == [] and leaks(printed) == []
    assert not (tmp_path / "site/files/2026" / name).exists()


def test_an_item_field_is_an_error_at_its_line(gk, cat, tmp_path):
    cat.item(ITEM.replace("责任单位: shjzg", f"责任单位: shjzg\n备注: 经办人 {WIDE}").replace(
        "《社会救助暂行办法》（国务院令第649号）", f"《社会救助暂行办法》 经办 {ID}"))
    found = findings(gk, cat.root)
    assert sorted((d["path"], d["line"]) for d in found) == [("items/shjz/SHJZ-001.yaml", 9),
                                                              ("items/shjz/SHJZ-001.yaml", 17)]


def test_gongkai_yaml_is_scanned_and_the_bureaus_own_phone_passes(gk, cat, tmp_path):
    agency = AGENCY.replace("联系人: 张三", f"联系人: 张三 {ID}").replace("0595-23000000", "0595-23000000、13905950000")
    cat.write("gongkai.yaml", agency.replace("    职务: 局长\n", "    职务: 局长\n    简历: 手机 13812345678\n"))
    run = gk("validate", cat.root, "--format", "json")
    found = [(d["code"], d["path"], d["line"]) for d in json.loads(run.out)["diagnostics"] if d["code"] < "GK610"
             and d["code"].startswith("GK60")]
    written = (cat.root / "gongkai.yaml").read_text(encoding="utf-8")
    assert sorted(found) == [("GK601", "gongkai.yaml", line_of(written, "联系人:")),
                             ("GK602", "gongkai.yaml", line_of(written, "简历:"))]
    assert "13812345678" not in run.out and "13905950000" not in run.out


def test_handover_output_scan_stops_what_the_source_scan_did_not_block(gk, cat, tmp_path):
    """移交.联系人 goes into every bag's bag-info.txt; the gate does not look at gongkai.yaml: the batch stops before
    anything is written, naming gongkai.yaml's line and column (tests/test_hostile28_doors.py)."""
    (cat.root / "gongkai.yaml").write_text(AGENCY.replace("  份数: 2", f"  份数: 2\n  联系人: 王五 {ID}"),
                                           encoding="utf-8")
    out = tmp_path / "b"
    (out / "dag").mkdir(parents=True)  # the last batch: a bag
    (out / "dag" / "bagit.txt").write_text("BagIt-Version: 1.0\n", encoding="utf-8")
    (out / "old.txt").write_text("上一批", encoding="utf-8")
    run = gk("handover", "--date", "2026-10-09", "--force", "--allow-incomplete", "-C", cat.root, "--out", out)
    assert run.code == 1
    assert "「移交」「联系人」" in run.err and MASKED in run.err and leaks(run.out + run.err) == []
    assert sorted(p.name for p in out.iterdir()) == ["dag", "old.txt"]  # nothing swapped in
    assert not list(cat.root.glob("handover/*.yaml"))  # no ledger


def test_logs_diff_and_rule_messages_never_show_the_number(gk, repo, tmp_path):
    """GK104 quotes the value it refuses; diff and log (posted to pull requests by CI) show changed values."""
    from conftest import git

    cat_dir = repo / "catalog"
    record = cat_dir / "records/2026/R2026-001.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("公开属性: 主动公开", f"公开属性: 主动公开{WIDE}")
                      .replace("经审核，现将名单予以公示。", f"经审核，户主 {ID}。"), encoding="utf-8")
    runs = [gk("validate", cat_dir, "--format", fmt) for fmt in ("text", "json", "github", "sarif")]
    assert any("GK104" in r.out for r in runs)
    runs += [gk("diff", "-C", cat_dir, "--format", fmt) for fmt in ("text", "markdown", "json")]
    git(repo, "commit", "-qam", f"改为 {ID}")
    runs += [gk("log", "R2026-001", "-C", cat_dir, "--format", fmt) for fmt in ("text", "markdown", "json")]
    printed = "".join(r.out + r.err for r in runs)
    assert MASKED in printed and leaks(printed) == []
