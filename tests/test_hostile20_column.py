"""Twentieth hostile pass over the 政府信息公开 column (issue 13) and `gongkai inspect` (issue 14), as the yearly
inspector and an elderly citizen reading on a phone.

Found by this pass:
- A record whose 撤回 is set for a later day (撤回: {日期: 2026-12-01}) said 「本信息已撤回。」 in bold on its page from
  the day it was written, while the page, its body and its attachments were still published: a citizen read that a
  document in force had been withdrawn. Now the page says nothing of a withdrawal until the day, and is gone from then.
- A lapsed document whose replacement was named only on the new side (the new one's 替代: [旧], the old one without
  被替代 — GK414, which does not stop the build) said 「本文件已失效」 with no link to the document in force, although
  the site publishes it and `handover` reads the same pair as a replacement. Now the old page links the newest web
  document whose 替代 names it, also when the replacement is added after the old page was built (incremental build).
- A document replaced twice (2024's standard by 2025's, 2025's in turn by 2026's: each old one naming its own
  replacement, as a clerk writes them year by year, and validate silent) said on 2024's page 「现行文件为《2025年…》」,
  a lapsed document. Now the page follows the chain to the one in force; when every replacement has lapsed it names
  the last one as 「也不再有效」, never as 现行; a loop of replacements never links a page to itself.
  The printed 公示栏 sheet and the 公众号 article had the same fault (and read 被替代 only): all three now ask one
  place (gate.replacements) which document is in force.
- A 领域 listed in gongkai.yaml with no item (殡葬管理 added before its items were entered) is on the home page and
  has a directory page saying only 「殡葬管理领域的政务公开事项标准目录还没有列入事项。」: a blank column to the
  inspectors, which inspect did not count. Now inspect counts it among the 空白栏目, saying to add its items or drop
  it. (Not a validate warning: `init` for a bureau outside the bundled guidelines starts with its 领域 and no item,
  and a fresh catalog passes `validate --strict`, tests/test_init.py.)
- A catalog with no 年度报告 on the web had a 政府信息公开年报 column saying only 「暂无年度报告。」 — one of the four
  columns 61号文 prescribes, blank to the inspectors — and inspect did not count it among the 空白栏目 (it counted an
  empty 政府信息公开制度 and an empty 领导信息 the same way). Now it does, with how to fill it.
"""

from __future__ import annotations

import os
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import CatalogDir
from test_inspect import ANNUAL, check, icat, inspect, write_item, write_record  # noqa: F401

TODAY = "2026-11-27"


def _record(cat: CatalogDir, rid: str, item: str | None, formed: str, published: str, kind: str = "通知",
            title: str | None = None, extra: str = "") -> None:
    number = rid.split("-")[1]
    lines = [f"编号: {rid}", f"题名: {title or '测试县民政局关于' + rid + '的通知'}",
             f"索引号: 350524-MZ-2026-{number.zfill(5)}", f"文种: {kind}", "责任单位: shjzg"]
    lines += [f"事项: {item}"] if item else []
    lines += ["公开属性: 主动公开", f"保密审查: {{审查人: 张三, 审查日期: {formed}, 结论: 同意主动公开}}",
              f"成文日期: {formed}", f"公开日期: {published}", "正文: |", "  正文。"]
    cat.write(f"records/{published[:4]}/{rid}.yaml", "\n".join(lines) + "\n" + extra)


def _build(gk, root: Path, out: Path, today: str = TODAY) -> Path:
    run = gk("build-site", root, "--out", out, "--no-search", "--today", today)
    assert run.code == 0, run.err
    return out


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------------- 撤回 set for later

WITHDRAW_LATER = "撤回:\n  日期: 2026-12-01\n  原因: 误将过程性信息作为主动公开信息发布\n"


@pytest.mark.parametrize("today", ["2026-11-27", "2026-11-30"])
def test_a_withdrawal_set_for_a_later_day_is_not_announced_before_it(gk, icat, tmp_path, today):
    write_record(icat, "R2026-060", "SHJZ-050", "2026-11-10", body="本通知的正文。", extra=WITHDRAW_LATER)
    page = _text(_build(gk, icat.root, tmp_path / "site", today) / "records/R2026-060.html")
    assert "本通知的正文。" in page  # still published until 2026-12-01
    assert "撤回" not in page


def test_a_withdrawal_takes_the_page_away_on_its_day(gk, icat, tmp_path):
    write_record(icat, "R2026-060", "SHJZ-050", "2026-11-10", extra=WITHDRAW_LATER)
    out = _build(gk, icat.root, tmp_path / "site", "2026-12-01")
    assert not (out / "records/R2026-060.html").exists()
    assert "R2026-060" not in _text(out / "items/SHJZ-050.html")


# ---------------------------------------------------------------------------------------------------- 有效性 and 替代

OLD_LAPSED = "有效性: 失效\n有效性日期: 2026-11-01\n"
NEW_REPLACING = "有效性: 有效\n替代: [R2026-060]\n"
LINK_TO_NEW = '现行文件为<a href="../records/R2026-061.html">《测试县民政局关于R2026-061的通知》</a>'


def test_a_lapsed_document_named_only_by_its_replacement_links_it(gk, icat, tmp_path):
    write_record(icat, "R2026-060", "SHJZ-050", "2026-03-10", kind="政策文件", extra=OLD_LAPSED)
    write_record(icat, "R2026-061", "SHJZ-050", "2026-11-01", kind="政策文件", extra=NEW_REPLACING)
    page = _text(_build(gk, icat.root, tmp_path / "site") / "records/R2026-060.html")
    assert "<strong>本文件已失效</strong>（2026年11月1日）" in page
    assert LINK_TO_NEW in page


def test_a_replacement_added_after_the_old_page_was_built_is_linked_by_the_next_build(gk, icat, tmp_path):
    write_record(icat, "R2026-060", "SHJZ-050", "2026-03-10", kind="政策文件", extra=OLD_LAPSED)
    out = _build(gk, icat.root, tmp_path / "site")
    assert "现行文件为" not in _text(out / "records/R2026-060.html")
    write_record(icat, "R2026-061", "SHJZ-050", "2026-11-01", kind="政策文件", extra=NEW_REPLACING)
    assert LINK_TO_NEW in _text(_build(gk, icat.root, out) / "records/R2026-060.html")


def test_the_replacement_the_old_document_names_wins_over_one_naming_it(gk, icat, tmp_path):
    write_record(icat, "R2026-060", "SHJZ-050", "2026-03-10", kind="政策文件", extra=OLD_LAPSED + "被替代: R2026-062\n")
    write_record(icat, "R2026-061", "SHJZ-050", "2026-11-01", kind="政策文件", extra=NEW_REPLACING)
    write_record(icat, "R2026-062", "SHJZ-050", "2026-10-20", kind="政策文件", extra="有效性: 有效\n替代: [R2026-060]\n")
    page = _text(_build(gk, icat.root, tmp_path / "site") / "records/R2026-060.html")
    assert '现行文件为<a href="../records/R2026-062.html">' in page


# ---------------------------------------------------------------------------------------------------- 年报 column blank

def _annual_blank(sheet: dict) -> list[str]:
    return [e["text"] for e in check(sheet, "blank-columns")["evidence"] if e["text"].startswith("政府信息公开年报")]


def test_an_empty_annual_reports_column_is_a_blank_column(gk, icat):
    (icat.root / "records/2026/R2026-900.yaml").unlink()
    _, sheet = inspect(gk, icat.root)
    entry = check(sheet, "blank-columns")
    assert (entry["count"], entry["status"]) == (1, "pass")
    assert _annual_blank(sheet) == [
        "政府信息公开年报：栏目是空的，网站上只写着「暂无年度报告」（没有文种为「年度报告」、在网站公开的信息）；"
        "把本机关已公布的政府信息公开工作年度报告登记为「文种: 年度报告」、写明「报告年度」的主动公开信息"
        "（启用前在门户网站公布的，写「补录」和原因）"]


@pytest.mark.parametrize("blank_items, count, status, code", [(3, 4, "pass", 0), (4, 5, "fail", 1)])
def test_an_empty_annual_reports_column_counts_towards_five(gk, icat, blank_items, count, status, code):
    (icat.root / "records/2026/R2026-900.yaml").unlink()
    for n in range(blank_items):
        write_item(icat, f"SHJZ-3{n:02d}", f"空栏目{n}")
    got, sheet = inspect(gk, icat.root)
    entry = check(sheet, "blank-columns")
    assert (entry["count"], entry["status"], got) == (count, status, code)


@pytest.mark.parametrize("change", ["unlisted", "withdrawn", "later"])
def test_an_annual_report_not_on_the_web_today_leaves_the_column_blank(gk, icat, change):
    text = {"unlisted": ANNUAL.replace("公开属性: 主动公开", "公开属性: 依申请公开"),
            "withdrawn": ANNUAL + "撤回:\n  日期: 2026-02-01\n  原因: 误将草稿作为年度报告发布\n",
            "later": ANNUAL.replace("公开日期: 2026-01-20", "公开日期: 2026-11-28")}[change]
    icat.write("records/2026/R2026-900.yaml", text)
    _, sheet = inspect(gk, icat.root)
    assert len(_annual_blank(sheet)) == 1


def test_an_annual_report_on_the_web_fills_the_column_even_when_late(gk, icat):
    icat.write("records/2026/R2026-900.yaml", ANNUAL.replace("公开日期: 2026-01-20", "公开日期: 2026-02-01"))
    _, sheet = inspect(gk, icat.root)
    assert _annual_blank(sheet) == []
    assert check(sheet, "annual-report")["points"] == 5  # late is its own 扣分 item, not a blank column


def test_a_replacement_that_leaves_the_web_is_no_longer_linked_by_the_next_build(gk, icat, tmp_path):
    write_record(icat, "R2026-060", "SHJZ-050", "2026-03-10", kind="政策文件", extra=OLD_LAPSED)
    write_record(icat, "R2026-061", "SHJZ-050", "2026-11-01", kind="政策文件", extra=NEW_REPLACING)
    out = _build(gk, icat.root, tmp_path / "site")
    assert LINK_TO_NEW in _text(out / "records/R2026-060.html")
    write_record(icat, "R2026-061", "SHJZ-050", "2026-11-01", kind="政策文件",
                 extra=NEW_REPLACING + "撤回:\n  日期: 2026-11-20\n  原因: 误将未经审核的文件作为主动公开信息发布\n")
    page = _text(_build(gk, icat.root, out) / "records/R2026-060.html")
    assert "<strong>本文件已失效</strong>（2026年11月1日）。" in page
    assert "R2026-061" not in page


# ---------------------------------------------------------------------------------------------------- every link resolves

class _Links(HTMLParser):
    """Every href and src of a page, and its ids (an independent reading: not inspect's regular expression)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append((tag, name, value))
            if name in ("id", "name") and value:
                self.ids.add(value)


def _read(page: Path) -> _Links:
    parser = _Links()
    parser.feed(_text(page))
    return parser


def _broken(out: Path) -> list[str]:
    """Each link of the built site that does not open a file of the site (or its #part), and each thing loaded from
    another host."""
    pages = {page.relative_to(out).as_posix(): _read(page) for page in out.rglob("*.html")}
    found = []
    for name, parsed in sorted(pages.items()):
        for tag, attribute, value in parsed.links:
            parts = urlsplit(value)
            if parts.scheme in ("http", "https"):
                if attribute == "src" or tag == "link":
                    found.append(f"{name}: 从其他网站加载 {value}")
                continue
            if parts.scheme in ("tel", "mailto") or value == "data:,":  # data:, is the empty favicon
                continue
            if parts.scheme or not value:
                found.append(f"{name}: {value!r}")
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path))) \
                if parts.path else name
            target = f"{target}/index.html" if parts.path.endswith("/") else target
            if target.startswith("../") or not (out / target).is_file():
                found.append(f"{name}: {value} → {target} 不存在")
            elif parts.fragment and parts.fragment != "top" and target.endswith(".html"):
                if unquote(parts.fragment) not in (pages.get(target) or _read(out / target)).ids:
                    found.append(f"{name}: {value} 没有 #{parts.fragment}")
    return found


def _hostile_column(cat: CatalogDir) -> None:
    """The column as a hostile tester makes it: no 年报 and no 制度 yet, a 领域 with no item, an item with no record
    and one with many, a withdrawn record, a lapsed document and its replacement, a 公示 that has ended."""
    (cat.root / "records/2026/R2026-900.yaml").unlink()
    (cat.root / "records/2026/R2026-051.yaml").unlink()
    agency = cat.root / "gongkai.yaml"
    agency.write_text(_text(agency).replace("领域:\n  - 名称: 社会救助\n    代码: SHJZ\n",
                                            "领域:\n  - 名称: 社会救助\n    代码: SHJZ\n  - 名称: 区划地名\n    代码: QHDM\n"),
                      encoding="utf-8")
    write_item(cat, "SHJZ-301", "空栏目", extra="空白说明: 本事项按年度公开，下次公开时间为2027年3月31日前\n")
    for n in range(60):
        write_record(cat, f"R2026-{200 + n}", "SHJZ-050", f"2026-{1 + n // 6:02d}-{1 + n % 6 * 4:02d}")
    write_record(cat, "R2026-060", "SHJZ-050", "2026-03-10", kind="政策文件", extra=OLD_LAPSED)
    write_record(cat, "R2026-061", "SHJZ-050", "2026-11-01", kind="政策文件", extra=NEW_REPLACING)
    write_record(cat, "R2026-062", "SHJZ-050", "2026-11-02",
                 extra="撤回:\n  日期: 2026-11-20\n  原因: 误将过程性信息作为主动公开信息发布\n")


def test_every_link_of_a_column_with_missing_parts_opens_a_page_of_the_site(gk, icat, tmp_path):
    _hostile_column(icat)
    out = _build(gk, icat.root, tmp_path / "site")
    assert not (out / "records/R2026-062.html").exists()
    assert _broken(out) == []
    assert "区划地名领域的政务公开事项标准目录还没有列入事项。" in _text(out / "directory/qhdm/index.html")
    assert "本事项按年度公开，下次公开时间为2027年3月31日前" in _text(out / "items/SHJZ-301.html")


def test_the_link_checker_finds_a_link_to_a_page_that_is_gone(gk, icat, tmp_path):
    out = _build(gk, icat.root, tmp_path / "site")
    page = out / "items/SHJZ-050.html"
    page.write_text(_text(page).replace("../records/R2026-050.html", "../records/R2026-062.html"), encoding="utf-8")
    assert _broken(out) == ["items/SHJZ-050.html: ../records/R2026-062.html → records/R2026-062.html 不存在"]


# ---------------------------------------------------------------------------------------------------- dates and order

def test_an_item_lists_documents_in_force_first_each_by_publication_day_not_by_the_day_written(gk, icat, tmp_path):
    # written (成文) in one order, published (公开) in another: the list goes by 公开日期, newest first, and shows it
    _record(icat, "R2026-070", "SHJZ-050", "2026-10-30", "2026-11-05")
    _record(icat, "R2026-071", "SHJZ-050", "2026-09-01", "2026-11-20")
    _record(icat, "R2026-072", "SHJZ-050", "2026-11-10", "2026-11-12", kind="政策文件",
            extra="有效性: 废止\n有效性日期: 2026-11-25\n")
    _record(icat, "R2026-073", "SHJZ-050", "2026-11-01", "2026-11-02", kind="政策文件",
            extra="有效性: 失效\n有效性日期: 2026-12-31\n")  # lapses later: still in force today
    page = _text(_build(gk, icat.root, tmp_path / "site") / "items/SHJZ-050.html")
    listed = re.findall(r'records/(R2026-\d+)\.html">[^<]*</a>( <span class="invalid">【[^】]*】</span>)? '
                        r'<span class="meta"><time datetime="([\d-]+)">', page)
    assert [(rid, bool(label), day) for rid, label, day in listed] == [
        ("R2026-071", False, "2026-11-20"),
        ("R2026-070", False, "2026-11-05"),
        ("R2026-073", False, "2026-11-02"),
        ("R2026-050", False, "2026-11-02"),
        ("R2026-072", True, "2026-11-12"),
    ]
    assert "【废止】" in page


# ---------------------------------------------------------------------------------------------------- a chain of them

def _standard(cat: CatalogDir, rid: str, year: str, extra: str) -> None:
    write_record(cat, rid, "SHJZ-050", f"{year}-01-10", kind="政策文件", title=f"测试县{year}年城乡低保标准的通知",
                 extra=extra)


def test_a_document_replaced_twice_links_the_one_in_force_not_the_lapsed_one_between(gk, icat, tmp_path):
    # 2024's standard was replaced by 2025's, which 2026's replaced in turn: 2024's reader is sent to 2026's
    _standard(icat, "R2024-101", "2024", "有效性: 失效\n有效性日期: 2025-01-10\n被替代: R2025-102\n")
    _standard(icat, "R2025-102", "2025", "有效性: 失效\n有效性日期: 2026-01-10\n替代: [R2024-101]\n被替代: R2026-103\n")
    _standard(icat, "R2026-103", "2026", "有效性: 有效\n替代: [R2025-102]\n")
    out = _build(gk, icat.root, tmp_path / "site")
    now = '现行文件为<a href="../records/R2026-103.html">《测试县2026年城乡低保标准的通知》</a>。'
    assert now in _text(out / "records/R2024-101.html")
    assert now in _text(out / "records/R2025-102.html")


def test_when_every_replacement_has_lapsed_none_is_called_the_one_in_force(gk, icat, tmp_path):
    _standard(icat, "R2024-101", "2024", "有效性: 失效\n有效性日期: 2025-01-10\n被替代: R2025-102\n")
    _standard(icat, "R2025-102", "2025", "有效性: 废止\n有效性日期: 2026-01-10\n替代: [R2024-101]\n")
    page = _text(_build(gk, icat.root, tmp_path / "site") / "records/R2024-101.html")
    assert "现行文件为" not in page
    assert ('替代它的文件<a href="../records/R2025-102.html">《测试县2025年城乡低保标准的通知》</a>也不再有效（废止）。'
            in page)


def test_replacements_naming_each_other_in_a_loop_never_link_a_page_to_itself(gk, icat, tmp_path):
    _standard(icat, "R2024-101", "2024", "有效性: 失效\n有效性日期: 2025-01-10\n被替代: R2025-102\n")
    _standard(icat, "R2025-102", "2025", "有效性: 失效\n有效性日期: 2026-01-10\n被替代: R2024-101\n")
    out = _build(gk, icat.root, tmp_path / "site")
    assert 'records/R2024-101.html">' not in _text(out / "records/R2024-101.html").split("</h1>")[1].split("</p>")[0]
    assert 'href="../records/R2025-102.html"' in _text(out / "records/R2024-101.html").split("</h1>")[1].split("</p>")[0]


@pytest.mark.parametrize("written", ["each names its replacement", "only the new ones say 替代"])
def test_a_printed_sheet_and_an_article_of_a_document_replaced_twice_name_the_one_in_force(icat, written):
    import datetime as dt

    from gongkai.catalog import load_catalog
    from gongkai.printing.sheets import plan_print
    from gongkai.printing.wechat import plan_wechat

    named = written == "each names its replacement"
    _standard(icat, "R2024-101", "2024", "有效性: 失效\n有效性日期: 2025-01-10\n" + ("被替代: R2025-102\n" if named else ""))
    _standard(icat, "R2025-102", "2025", "有效性: 失效\n有效性日期: 2026-01-10\n替代: [R2024-101]\n"
              + ("被替代: R2026-103\n" if named else ""))
    _standard(icat, "R2026-103", "2026", "有效性: 有效\n替代: [R2025-102]\n")
    for path in (icat.root / "items/shjz").glob("*.yaml"):  # on the board and the 公众号 too
        path.write_text(_text(path).replace("公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]",
                                            "公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）, 两微一端]"),
                        encoding="utf-8")
    catalog = load_catalog(icat.root)
    day = dt.date(2026, 11, 27)
    sheets = {s.admission.id: s.replacement for s in plan_print(catalog, dt.date(2024, 1, 1), day, day).sheets}
    articles = {a.admission.id: a.replacement for a in plan_wechat(catalog, dt.date(2024, 1, 1), day, day).articles}
    assert sheets["R2024-101"] == sheets["R2025-102"] == "测试县2026年城乡低保标准的通知"
    assert articles["R2024-101"] == articles["R2025-102"] == "测试县2026年城乡低保标准的通知"
    assert sheets["R2026-103"] is None



# ---------------------------------------------------------------------------------------------------- an empty 领域

EMPTY_DOMAIN = "  - 名称: 殡葬管理\n    代码: BZGL\n"


def _with_empty_domain(cat: CatalogDir) -> None:
    agency = cat.root / "gongkai.yaml"
    agency.write_text(_text(agency).replace("    代码: SHJZ\n", "    代码: SHJZ\n" + EMPTY_DOMAIN, 1), encoding="utf-8")


def test_a_domain_with_no_item_is_a_blank_column_to_inspect(gk, icat):
    _with_empty_domain(icat)
    _, sheet = inspect(gk, icat.root)
    entry = check(sheet, "blank-columns")
    assert entry["count"] == 1
    assert entry["evidence"] == [{
        "text": "殡葬管理领域政务公开事项标准目录：栏目是空的（gongkai.yaml「领域」中列了，标准目录中没有这个领域的事项）；"
                "在 items/bzgl/ 下登记它的公开事项，或从「领域」中删去它", "id": "BZGL", "path": "gongkai.yaml"}]


@pytest.mark.parametrize("mode", ["主动", "依申请"])
def test_a_domain_with_an_item_is_not_blank_even_when_the_item_is_on_request(gk, icat, mode):
    _with_empty_domain(icat)
    write_item(icat, "BZGL-001", "殡葬服务", extra="空白说明: 本机关本年度未产生此类信息。\n")
    item = icat.root / "items/shjz/BZGL-001.yaml"
    text = _text(item).replace("领域: 社会救助", "领域: 殡葬管理").replace("公开方式: 主动", f"公开方式: {mode}")
    item.unlink()
    icat.write("items/bzgl/BZGL-001.yaml", text)
    _, sheet = inspect(gk, icat.root)
    assert check(sheet, "blank-columns")["count"] == 0


def test_a_domain_whose_only_item_does_not_read_is_not_called_empty(gk, icat):
    _with_empty_domain(icat)
    icat.write("items/bzgl/BZGL-001.yaml", "编号: BZGL-001\n领域: 殡葬管理\n公开渠道: [政府网站\n")  # GK001 first
    assert "GK001" in [d["code"] for d in gk("validate", icat.root, "--format", "json").json()["diagnostics"]]
    _, sheet = inspect(gk, icat.root)
    assert check(sheet, "blank-columns")["count"] == 0


def test_a_domain_whose_item_names_it_otherwise_is_left_to_gk208(gk, icat):
    _with_empty_domain(icat)
    write_item(icat, "BZGL-001", "殡葬服务", extra="空白说明: 本机关本年度未产生此类信息。\n")
    item = icat.root / "items/shjz/BZGL-001.yaml"
    text = _text(item).replace("领域: 社会救助", "领域: 殡葬")  # 殡葬管理 written short
    item.unlink()
    icat.write("items/bzgl/BZGL-001.yaml", text)
    assert "GK208" in [d["code"] for d in gk("validate", icat.root, "--format", "json").json()["diagnostics"]]
    _, sheet = inspect(gk, icat.root)
    assert check(sheet, "blank-columns")["count"] == 0


# ---------------------------------------------------------------------------------------------------- scores on the caps

@pytest.mark.parametrize("policies, points, score", [(5, 5, 90), (6, 5, 90), (4, 4, 91)])
def test_deductions_stop_at_their_cap_and_the_score_is_what_is_left(gk, icat, policies, points, score):
    # 解读未关联: 1 point each, at most 5 (thresholds.yaml 扣分 → 解读); the 年报 missing: 5 — typed from the 指标
    (icat.root / "records/2026/R2026-900.yaml").unlink()
    for n in range(policies):
        write_record(icat, f"R2026-3{n:02d}", "SHJZ-050", "2026-11-0" + str(n + 1), kind="政策文件")
    code, sheet = inspect(gk, icat.root)
    entry = check(sheet, "interpretation")
    assert (entry["count"], entry["points"], entry["full"]) == (policies, points, 5)
    assert check(sheet, "annual-report")["points"] == 5
    assert sheet["verdict"] == {"passed": True, "label": "合格", "score": score, "full": 100, "pass_mark": 60,
                                "failed_vetoes": []}
    assert code == 0
