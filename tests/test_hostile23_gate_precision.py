"""Hostile pass 23 (issues 6 and 11): the gate's precision, and kinds of personal data it did not know.

Found, each a hole of a class (expected values typed by hand from DOMAIN.md §3.1 and §7):
- **Held back: rooms of the bureau's own building.** 社会救助信访通讯地址 is a row of the 民政 directory (DOMAIN.md §3.1);
  the bureau writes it with its room: 测试县城关镇人民路1号民政大楼302室. Only the registered address itself
  (gongkai.yaml) was the bureau's; the room (302室) was GK604 and the notice never went out.
- **Held back: addresses of organisations.** A legal entity is no person (DOMAIN.md §7 protects people): a list of
  养老机构 with their addresses, the 殡仪馆 (地址：…砖文村13号), the 行政服务中心 where a service is done (办理地点,
  DOMAIN.md §3.1) were GK604 — the 养老服务 column could not publish its list. Now an address written right after the
  name of an organisation, or right before it (城东路88号县行政服务中心2楼), or in a row of a table (body, CSV, XLSX)
  that names the organisation and lists no people, is that organisation's. A person's (陈水生住所：…, a list of people
  with a 工作单位 beside each home, a room before a company's name) is found as before.
- **Held back: the account of a 慈善总会 for donations** (户名：测试县慈善总会，开户行：…，账号：6228 4806 5000 1234 568,
  a 19-digit account that passes Luhn) was GK603. Now an account after 「户名：<an organisation>」 goes out, in one line
  or a line each (blank lines between too); 户名：陈水生 … 账号 is found as before.
- **Let through: 残疾人证号.** The second-generation 残疾人证号 is the holder's 身份证号 and two digits (kind 1–7,
  grade 1–4): 35052419850315123642 shows the ID 350524198503151236 whole, yet twenty digits were no number the
  detector knew. Now GK601 (masked 35*************236), held back at build-site, and caught by the output scan; its
  ID masked too little (3505241985031512**42) is GK601 as the ID alone is.
- **Let through: a number broken by a Markdown footnote reference** (电话138[^1]05951234: to a reader, a mark beside
  the number) passed both scans. Now read without the reference: GK602, and the output scan finds it (ASCII lines and
  JSON too).

Planted back one at a time, each fix makes a test here fail (see the report of pass 23).
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, RECORD, TODAY, CatalogDir
from test_hostile7_gate import holding

from gongkai.cli import main
from gongkai.privacy.detect import bureau_values, find
from gongkai.privacy.outputs import scan_output

NOTICE = (RECORD.replace("文种: 公示", "文种: 通知").replace("事项: SHJZ-001\n", "").replace("公示截止: 2026-12-31\n", ""))
BODY = "正文: |\n  经审核，现将名单予以公示。\n"


def _record(number: int, title: str, body: str, template: str = NOTICE) -> str:
    """*template* as record R2026-NNN with its own 索引号, 文号 and *title*, its 正文 the lines of *body*."""
    text = (template.replace("R2026-001", f"R2026-{number:03d}")
            .replace("350524-MZ-2026-00001", f"350524-MZ-2026-{number:05d}")
            .replace("测民〔2026〕1号", f"测民〔2026〕{number}号")
            .replace("测试县民政局关于2026年第三季度低保对象名单的公示", title))
    return text.replace(BODY, "正文: |\n" + "".join(f"  {line}\n" if line else "\n" for line in body.split("\n")))


# What a 民政局 publishes and must be able to publish (none holds personal data)
PUBLISHED = {
    # 社会救助信访通讯地址 (DOMAIN.md §3.1): the bureau's registered address (gongkai.yaml: 人民路1号) and its rooms
    101: ("测试县社会救助信访和投诉举报渠道",
          "信访通讯地址：测试县城关镇人民路1号民政大楼302室（社会救助股），邮编362400。\n"
          "来访接待：测试县人民路1号县民政局3楼305室，工作日上午8:00—12:00。\n"
          "投诉举报电话：0595-23000000，12345政务服务便民热线，12349民政服务热线。"),
    # 养老机构 and their addresses, in a table and in the text; where a service is done
    102: ("测试县2026年养老机构名录",
          "| 序号 | 机构名称 | 地址 | 床位数 |\n|---|---|---|---|\n"
          "| 1 | 测试县社会福利中心 | 城关镇解放路12号 | 300 |\n"
          "| 2 | 测试县湖头镇敬老院 | 湖头镇湖二村13号 | 60 |\n\n"
          "测试县殡仪馆（地址：测试县城关镇砖文村13号）提供遗体接运服务。\n"
          "养老机构备案办理地点：测试县行政服务中心（城关镇城东路88号）2楼民政窗口。"),
    # the account a line each for 户名, 开户行 and 账号, as a donation notice sets it out (a blank line between, so each
    # is its own paragraph on the page; the digit ending a line makes the rendering count)
    112: ("测试县慈善总会关于接受社会捐赠的公告",
          "**捐赠账户**\n\n户名：测试县慈善总会\n\n开户行：中国农业银行测试县支行\n\n账号：6228480650001234568\n\n"
          "热线：12349"),
    # 社会组织 with their 住所, the 法定代表人 between name and address; a link makes the page's rendering count
    110: ("测试县民政局关于2026年度社会组织年度检查结果的公告",
          "年检结论见[附表说明](https://www.example.gov.cn/zwgk/)。\n\n"
          "| 名称 | 统一社会信用代码 | 法定代表人 | 住所 | 结论 |\n|---|---|---|---|---|\n"
          "| 测试县老年人协会 | 51350524MJ0123456Q | 陈水生 | 城关镇中山路14号 | 合格 |\n"
          "| 测试县慈善总会 | 53350524501234567D | 林阿妹 | 城关镇人民路1号民政大楼201室 | 合格 |"),
    # a 慈善总会's account for donations: nineteen digits passing Luhn, written in groups of four
    103: ("测试县慈善总会关于开展2026年“慈善一日捐”活动的公告",
          "户名：测试县慈善总会，开户行：中国农业银行测试县支行，账号：6228 4806 5000 1234 568。\n"
          "统一社会信用代码：53350524501234567D。"),
}
# What stays personal: a person's home, a person's card, the ID inside a 残疾人证号
HELD = {
    104: ("测试县民政局关于2026年第三季度临时救助对象的通知",
          "临时救助对象陈*生，住所：城关镇解放路12号302室。\n"
          "户名：陈*生，开户行：中国农业银行测试县支行，账号：6228480650001234568。"),
    105: ("测试县2026年困难残疾人生活补贴发放情况",
          "补贴对象陈*生，肢体二级，残疾人证号35052419850315123642，发放金额1,380元。"),
    # a number broken by a Markdown footnote reference (a superscript mark to a reader)
    111: ("测试县民政局关于2026年临时救助申请受理的通知",
          "临时救助申请请联系林某，电话138[^1]05951234。\n\n[^1]: 工作日8:00—12:00。"),
    # a list of people with their 工作单位: the company beside a name owns no one's home (in the body and in a CSV;
    # nothing in this body makes its rendering differ from its source, so the whole read alone decides whether the
    # body is read cell by cell)
    107: ("测试县2026年第三季度临时救助对象名单",
          "| 序号 | 姓名 | 工作单位 | 地址 |\n|---|---|---|---|\n"
          "| 1 | 陈某 | 测试县某某公司 | 城关镇解放路13号302室 |\n| 2 | 林某 | 测试县某某公司 | 城关镇解放路13号303室 |"),
    106: ("测试县2026年困难残疾人生活补贴发放名单",
          "| 序号 | 残疾人证号 | 残疾类别 | 金额（元） |\n|---|---|---|---|\n"
          "| 1 | 11010519491231002X42 | 肢体 | 1380 |\n| 2 | 44052418800101001471 | 视力 | 1380 |"),
}


# Attachments (R2026-108): a list of 养老机构 with their addresses goes out, as CSV and XLSX; R2026-109: a list of people
# with the 工作单位 beside each name keeps their homes found
HOMES_CSV = "序号,姓名,工作单位,家庭住址\n1,陈*生,测试县某某公司,城关镇解放路13号302室\n2,林*妹,测试县某某公司,城关镇解放路13号303室\n"
HOMES_XLSX = [["序号", "姓名", "工作单位", "家庭住址"], [1, "陈*生", "测试县社会福利中心", "城关镇解放路13号302室"],
              [2, "林*妹", "测试县社会福利中心", "城关镇解放路13号303室"]]
HOMES_CSV_NAME = "files/2026/名单.csv"
INSTITUTIONS = [["序号", "机构名称", "负责人", "地址", "床位数"], [1, "测试县社会福利中心", "陈*生", "城关镇解放路12号", 300],
                [2, "测试县湖头镇敬老院", "林*妹", "湖头镇湖二村13号", 60]]


def _xlsx(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _attached(number: int, title: str, *files: str) -> str:
    listed = "".join(f"  - 名称: {Path(f).stem}\n    文件: {f}\n" for f in files)
    return _record(number, title, "附后。").replace("正文: |", f"附件:\n{listed}正文: |")


def _run(*args: str | Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue() + err.getvalue()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, object]], Path]:
    """One catalog holding every case, validated (json) and built once: (diagnostics, site)."""
    root = tmp_path_factory.mktemp("h23")
    cat = CatalogDir(root / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    for number, (title, body) in {**PUBLISHED, **HELD}.items():
        cat.record(_record(number, title, body), f"records/2026/R2026-{number:03d}.yaml")
    cat.write("files/2026/养老机构.csv", "\n".join(",".join(map(str, row)) for row in INSTITUTIONS) + "\n")
    cat.write("files/2026/养老机构.xlsx", _xlsx(INSTITUTIONS))
    cat.record(_attached(108, "测试县养老机构名录（附表）", "files/2026/养老机构.csv", "files/2026/养老机构.xlsx"),
               "records/2026/R2026-108.yaml")
    cat.write(HOMES_CSV_NAME, HOMES_CSV)
    cat.write("files/2026/名单.xlsx", _xlsx(HOMES_XLSX))
    cat.record(_attached(109, "测试县临时救助对象名单（附表）", HOMES_CSV_NAME, "files/2026/名单.xlsx"),
               "records/2026/R2026-109.yaml")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_TODAY", TODAY)
        patch.setenv("COLUMNS", "200")
        code, out = _run("validate", cat.root, "--format", "json")
        assert code == 1, out
        site = root / "site"
        built_code, built_out = _run("build-site", cat.root, "--out", site, "--no-search")
        assert built_code == 0, built_out
    return json.loads(out)["diagnostics"], site


def _privacy(diagnostics: list[dict[str, object]], owner: str) -> list[tuple[str, int, str]]:
    return [(str(d["code"]), int(str(d["line"])), str(d["message"])) for d in diagnostics
            if d["id"] == owner and str(d["code"]).startswith("GK60")]


def test_a_list_of_institutions_attached_goes_out(built) -> None:
    diagnostics, site = built
    assert _privacy(diagnostics, "R2026-108") == []
    assert (site / "files" / "2026" / "养老机构.csv").exists() and (site / "files" / "2026" / "养老机构.xlsx").exists()


def test_the_homes_of_a_list_of_people_beside_their_employer_are_found(built) -> None:
    diagnostics, site = built
    body = [(code, line, message.split("有未遮盖")[0]) for code, line, message in _privacy(diagnostics, "R2026-107")]
    assert body == [("GK604", 18, "正文表格第1行第4列（地址）"), ("GK604", 19, "正文表格第2行第4列（地址）")], body
    attached = sorted(message.split("有未遮盖")[0] for _, _, message in _privacy(diagnostics, "R2026-109"))
    assert attached == ["附件「files/2026/名单.csv」 第1行第4列（家庭住址）", "附件「files/2026/名单.csv」 第2行第4列（家庭住址）",
                        "附件「files/2026/名单.xlsx」 Sheet!D2", "附件「files/2026/名单.xlsx」 Sheet!D3"], attached
    assert not (site / "records" / "R2026-107.html").exists() and not (site / "records" / "R2026-109.html").exists()
    assert holding(site, "解放路13号") == []


@pytest.mark.parametrize("number", sorted(PUBLISHED))
def test_what_a_bureau_publishes_goes_out(built, number: int) -> None:
    diagnostics, site = built
    owner = f"R2026-{number:03d}"
    assert _privacy(diagnostics, owner) == []
    page = (site / "records" / f"{owner}.html").read_text(encoding="utf-8")
    title, body = PUBLISHED[number]
    for shown in {101: ["人民路1号民政大楼302室", "3楼305室", "12349"],
                  102: ["城关镇解放路12号", "湖二村13号", "砖文村13号", "城东路88号"],
                  103: ["6228 4806 5000 1234 568", "53350524501234567D"],
                  110: ["城关镇中山路14号", "民政大楼201室", "51350524MJ0123456Q"],
                  112: ["6228480650001234568"]}[number]:
        assert shown in page, shown


def test_a_persons_home_and_card_are_still_found(built) -> None:
    diagnostics, site = built
    found = _privacy(diagnostics, "R2026-104")
    # 正文: | is line 15 of the record file (no 事项, no 公示截止): the home on line 16, the card on line 17
    assert [(code, line) for code, line, _ in found] == [("GK604", 16), ("GK603", 17)], found
    assert "解放路**号***室" in found[0][2] and "6228***********4568" in found[1][2], found
    assert not (site / "records" / "R2026-104.html").exists()


def test_the_id_inside_a_disability_card_number_is_found(built) -> None:
    diagnostics, site = built
    found = _privacy(diagnostics, "R2026-105")
    assert [(code, line) for code, line, _ in found] == [("GK601", 16)], found
    message = found[0][2]
    assert "身份证号" in message and "35*************236" in message and "350524198503151236" not in message, message
    assert not (site / "records" / "R2026-105.html").exists()
    # in a table too, the check digit X inside (11010519491231002X + 42) and the oldest birth dates (1880)
    found = _privacy(diagnostics, "R2026-106")
    assert sorted((line, message.split("「")[0]) for _, line, message in found) == [
        (18, "正文表格第1行第2列（残疾人证号）有未遮盖的身份证号"), (19, "正文表格第2行第2列（残疾人证号）有未遮盖的身份证号")], found
    assert holding(site, "35052419850315123642", "11010519491231002X42", "44052418800101001471") == []


def test_a_number_broken_by_a_footnote_reference_is_found(built) -> None:
    diagnostics, site = built
    found = _privacy(diagnostics, "R2026-111")
    assert [(code, line) for code, line, _ in found] == [("GK602", 16)], found
    assert "138****1234" in found[0][2] and "05951234" not in found[0][2], found
    assert not (site / "records" / "R2026-111.html").exists()
    # had it got through, the output scan finds it on the page
    for name, data in [("records/R2026-111.html", "<p>临时救助申请请联系林某，电话138[^1]05951234。</p>".encode()),
                       ("records/R2026-111.html", b"<p>Tel: 138[^1]05951234</p>"),  # a line all ASCII
                       ("data/records.json", b'{"body": "Tel: 138[^1]05951234"}')]:
        assert [(f.kind, f.masked_value) for f in scan_output(name, data, frozenset())] == [("mobile", "138****1234")]


def test_the_output_scan_reads_an_account_with_its_name_above() -> None:
    lines = ["<p><strong>捐赠账户</strong></p>", "<p>户名：{}</p>", "<p>开户行：中国农业银行测试县支行</p>",
             "<p>账号：6228480650001234568</p>"]
    for holder, found in [("测试县慈善总会", []), ("陈*生", [("bank", "6228***********4568")])]:
        page = "\n".join(lines).format(holder).encode()
        assert [(f.kind, f.masked_value) for f in scan_output("records/R2026-112.html", page, frozenset())] == found


def test_the_output_scan_finds_a_disability_card_number() -> None:
    page = "<p>补贴对象陈*生，残疾人证号35052419850315123642。</p>".encode()
    found = scan_output("records/R2026-105.html", page, frozenset())
    assert [(f.kind, f.masked_value) for f in found] == [("id", "35*************236")], found
    assert scan_output("records/R2026-105.html", "<p>残疾人证号35*************236 42</p>".encode(), frozenset()) == []


# The detector the gate calls (detect.find, with the bureau's own values as allowed_of gives them): the edges of the
# rules above, typed by hand. The bureau's registered address is 人民路1号 (AGENCY: 依申请公开 → 地址).
BUREAU = bureau_values(["0595-23000000"], ["测试县城关镇人民路1号"])
STILL_PERSONAL = {
    "人民路1号陈水生住3组15号": "address",  # a 组 after the bureau's address is no room of its building
    "人民路1号，陈水生住解放路12号302室": "address",
    "陈水生住所：城关镇解放路12号": "address",  # 住所 is no organisation
    "陈水生 某某公司 解放路13号302室": "address",  # a PDF's columns, spaces apart: no link to the company
    "测试县民政局（经兜村十二号）": "address",  # the bureau's address is registered: 局 names no other place
    "户名：测试县慈善总会。陈*生卡号6228480650001234568": "bank",  # the sentence ended
    "户名：陈志会，账号：6228480650001234568": "bank",  # a person's name ending in 会
    "户名：测试县慈善总会\n陈*生卡号：6228480650001234568": "bank",  # a line that is no label of the account
    "户名：陈*生\n开户行：中国农业银行测试县支行\n账号：6228480650001234568": "bank",
    "残疾人证号 350524 19850315 1236 42": "id",
    "陈水生住解放路12号302室某某公司宿舍": "address",  # a home in a company's dormitory, a room in it
    "陈水生住城关镇解放路12号隔壁的福利中心": "address",  # near one, not its
    "陈*生：解放路12号3单元302室测试县某某公司": "address",  # a room or unit before a name: a home, taken as one
    "残疾人证号3505241985031512**42": "id",  # the ID in it masked too little: the birth date whole, ten guesses
    "残疾人证号35052419850315●●●●42": "id",
}
NOT_PERSONAL = [
    "见第3条[^1]和第5条[^2]，2026[^3]年发放13805元",
    "办理地点：城关镇城东路88号县行政服务中心2楼", "城关镇解放路12号（测试县社会福利中心）", "人民路1号民政大楼 三〇二室", "测试县人民路1号3幢1201室", "测试县社会福利中心位于城关镇解放路12号",
    "户名：测试县民政局，开户行：测试县农村信用合作联社营业部，账号：6228480650001234568",
    "户名：测试县慈善总会\n开户行：中国农业银行测试县支行\n账号：6228 4806 5000 1234 568",
    "残疾人证号35***************642", "残疾人证号350524********123642",  # masked as an ID is (DOMAIN.md §7)
]


@pytest.mark.parametrize("text", sorted(STILL_PERSONAL))
def test_what_stays_personal_at_the_edges(text: str) -> None:
    assert [hit.kind for hit in find(text, BUREAU)] == [STILL_PERSONAL[text]]


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_what_is_no_persons_at_the_edges(text: str) -> None:
    assert list(find(text, BUREAU)) == []
