"""Thirty-seventh hostile pass, angle 「column_inspect」: the yearly inspector scoring the 政府信息公开 column that
build-site makes (国办公开办函〔2019〕61号; 国办秘函〔2019〕19号; DOMAIN.md §10–11), trusting `inspect`, and an elderly
citizen on a phone.

The oracle: small real catalogs in tmp dirs, the real CLI (`gongkai build-site`, `gongkai inspect --site`), and
what each page must show typed by hand.

Found by this pass:
1. A 正文 with a footnote (「根据有关规定[^1]……」 and below it 「[^1]: 《社会救助暂行办法》（国务院令第649号）。」: what pandoc
   writes for a Word footnote) was read as a CommonMark link definition: the page showed 「^1」 linking to the note's
   words as an address (a 404, an inspector's 错链), and the note itself was shown nowhere. Now the note is at the end
   of the body, linked both ways (「[1]」 ↔ 「返回正文」), and the privacy scan reads it where it is written.
2. A 政府信息公开指南 without the request desk's 地址 or 电话 (or with 「办公时间: 待定」, or 「方式: [网上申请]」 without the
   address of the system) — a page that cannot tell the public where and how to apply (《条例》第十二条) — got no word from
   `inspect`: validate warns (GK901), but the inspector's sheet is what is read before the inspection. Now the sheet
   lists each thing the 指南 page lacks, with the line of gongkai.yaml to write it at (a warning, no points); what the
   page words otherwise (复议机关 → 「本级人民政府」) is not called missing.
3. After an upgrade of gongkai (whose version number stayed 0.1.0 through every mend), build-site over the existing
   site made no page again: a page's key held gongkai's version, not its code, so the pages an older gongkai wrote
   (a footnote as a 404 — found above —, headings skipping levels) stayed on the site until their record was edited,
   and a second run said 「网站没有变化」 even with --no-cache. Now a page's key holds gongkai's code and the libraries
   beside it, as the build's stamp and the gate's memo already did.
4. inspect's 「需人工核对的链接」 listed as 「正文链接到其他网站」 every http address typed in a 正文: one pasted as raw HTML
   (「<a href="https://…">」, shown on the page as text), one in a code span (with its closing 「`」 as part of the
   address) and one typed bare (no link: the renderer makes none) — a reviewer was sent to check links the page does
   not have. Now the list holds the links the page makes (Markdown links, autolinks, linked pictures), each once.
5. inspect named a broken link or a missing attachment as the page's HTML writes it, percent-encoded: 「链接
   「../files/2026/%E4%BD%8E%E4%BF%9D….pdf」文件不存在」 — no clerk can tell which file that is. Now the sheet names it in
   characters, as the catalog and the file manager do (「../files/2026/低保办事指南.pdf」); so are the links to review.

Seen and left alone:
- A 正文 link to a page of the column that is not there (「../zhinan/x.html」), or to an anchor no page has (「#part2」,
  「{#part2}」 after a heading is shown as typed), is still a dead link on the site; inspect --site counts each. Making
  it the words alone needs every page's inputs to name the pages the build makes.
- In the portal export's HTML fragment the footnote's ids are dropped by the sanitizer: 「[1]」 and 「返回正文」 open the
  record's page of the column on the portal (which has the note), not a place in the portal's article.
- A catalog with no item of some 五公开 still gets a page saying only that (the thirty-sixth pass left it for the lead).
- The column's navigation does not mark the current part with aria-current: the header is rendered once per depth.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

import gongkai.site.build
import gongkai.site.make
import gongkai.site.render

from conftest import AGENCY, ITEM, RECORD, CatalogDir, Run, text_pdf
from test_inspect import check, icat, inspect, write_record  # noqa: F401

TODAY = "2026-12-07"
AXE = Path(__file__).parent / "browser" / "vendor" / "axe.min.js"


def _catalog(tmp_path: Path, body: str) -> CatalogDir:
    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    indented = "".join(f"  {line}\n" if line else "\n" for line in body.split("\n"))
    cat.record(RECORD.replace("  经审核，现将名单予以公示。\n", indented))
    return cat


def _built(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> Path:
    site = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", site, "--today", TODAY)
    assert run.code == 0, run.err
    return site


def _link_line(gk: Callable[..., Run], cat: CatalogDir, site: Path) -> str:
    run = gk("inspect", cat.root, "--site", site, "--today", TODAY)
    found = re.search(r"链接不可用（错链、断链）：[^\n]*(?:\n     ·[^\n]*)*", run.out)
    assert found, run.out
    return found.group(0)


# ---------------------------------------------------------------------------------------------------- 1. footnotes

FOOTNOTED = ("经审核，现将名单予以公示。根据有关规定[^1]，按月发放[^期]。\n\n"
             "[^1]: 《社会救助暂行办法》（国务院令第649号）。\n"
             "[^期]: 自批准之次月起发放。")


def test_a_footnote_is_shown_at_the_end_of_the_body_and_linked_both_ways(tmp_path: Path,
                                                                         gk: Callable[..., Run]) -> None:
    site = _built(gk, _catalog(tmp_path, FOOTNOTED), tmp_path)
    text = (site / "records/R2026-001.html").read_text(encoding="utf-8")
    assert '根据有关规定<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>，' in text
    assert '按月发放<sup class="footnote-ref"><a href="#fn2" id="fnref2">[2]</a></sup>。' in text
    assert ('<li id="fn1" class="footnote-item"><p>《社会救助暂行办法》（国务院令第649号）。 '
            '<a href="#fnref1" class="footnote-backref">返回正文</a></p>') in text
    assert '<li id="fn2" class="footnote-item"><p>自批准之次月起发放。 <a href="#fnref2"' in text
    assert '<section class="footnotes" aria-label="注释">' in text
    assert "^1" not in text and "%E3%80%8A" not in text  # no link to the note's words as an address


@pytest.mark.browser
def test_a_footnote_works_on_a_phone_by_touch_and_by_keyboard(tmp_path: Path, gk: Callable[..., Run],
                                                              browser: Any) -> None:
    long_body = FOOTNOTED.replace("根据有关规定", "\n\n".join(["经审核，符合条件。"] * 60) + "\n\n根据有关规定")
    site = _built(gk, _catalog(tmp_path, long_body), tmp_path)
    tab = browser.new_page(viewport={"width": 375, "height": 667})
    try:
        tab.goto((site / "records/R2026-001.html").as_uri())
        assert tab.evaluate("() => document.documentElement.scrollWidth") <= 375
        tab.click("#fnref1")
        assert tab.evaluate("() => location.hash") == "#fn1"
        box = tab.eval_on_selector("#fn1", "e => e.getBoundingClientRect().toJSON()")
        assert 0 <= box["top"] < 667, box  # the note is on screen
        tab.focus("#fn1 .footnote-backref")
        tab.keyboard.press("Enter")
        assert tab.evaluate("() => location.hash") == "#fnref1"
        assert tab.eval_on_selector("#fnref1", "e => e.getBoundingClientRect().top") >= 0
        tab.add_script_tag(path=str(AXE))
        result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        bad = [(v["id"], v["impact"]) for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert bad == [], json.dumps(bad, ensure_ascii=False)
    finally:
        tab.close()


def test_inspect_finds_no_broken_link_in_a_footnoted_body(tmp_path: Path, gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path, FOOTNOTED)
    site = _built(gk, cat, tmp_path)
    assert _link_line(gk, cat, site) == "链接不可用（错链、断链）：扣 0 分（每个扣1分，最多扣10分）"


def test_a_personal_number_in_a_footnote_is_found_on_its_line(tmp_path: Path, gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path, FOOTNOTED.replace("自批准之次月起发放。", "联系人身份证11010519491231002X。"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert re.search(r"\n\s*21:1 错误 GK601 正文第4行有未遮盖的身份证号「11\*{13}02X」", run.out), run.out
    built = gk("build-site", cat.root, "--out", tmp_path / "site", "--today", TODAY)
    assert "11010519491231002X" not in "".join(p.read_text(encoding="utf-8", errors="replace")
                                                 for p in (tmp_path / "site").rglob("*.html"))
    assert "R2026-001" in built.err


# ---------------------------------------------------------------------------------------------------- 2. the 指南

def _guide(sheet: dict) -> tuple[str, list[str]]:
    found = check(sheet, "request-guide")
    return found["status"], [e["text"] for e in found["evidence"]]


def test_a_complete_guide_is_not_called_incomplete(gk: Callable[..., Run], icat: CatalogDir) -> None:
    code, sheet = inspect(gk, icat.root)
    assert (code, sheet["verdict"]["score"], _guide(sheet)) == (0, 100, ("pass", []))


def test_each_thing_the_guide_page_lacks_is_named_with_its_line(gk: Callable[..., Run], icat: CatalogDir) -> None:
    text = (icat.root / "gongkai.yaml").read_text(encoding="utf-8")
    text = (text.replace("  地址: 测试县城关镇人民路1号\n", "").replace("  电话: 0595-23000000\n", "")
            .replace("办公时间: 工作日上午8:00—12:00，下午14:30—17:30", "办公时间: 待定")
            .replace("方式: [当面提交, 邮寄]", "方式: [当面提交, 网上申请]")
            .replace("  复议机关: 测试县人民政府\n", ""))  # the 指南 then says 「本级人民政府」: not missing
    icat.write("gongkai.yaml", text)
    code, sheet = inspect(gk, icat.root)
    assert (code, sheet["verdict"]["score"]) == (0, 100)  # a warning: no points, no veto
    assert _guide(sheet) == ("fail", [
        "gongkai.yaml:24:1 「依申请公开」没有写「地址」：指南中没有这一项；在「依申请公开:」下加上「地址: ……」",
        "gongkai.yaml:24:1 「依申请公开」没有写「电话」：指南中没有这一项；在「依申请公开:」下加上「电话: ……」",
        "gongkai.yaml:27:3 「办公时间」只写了「待定」：指南中没有实际内容；改成实际的办公时间",
        "gongkai.yaml:28:14 申请方式有「网上申请」，但没有写网上申请地址：指南中不列出这种方式；加上「网上申请地址: ……」，"
        "或从「方式」中删去「网上申请」",
    ])
    run = gk("inspect", icat.root, "--today", "2026-11-27")
    assert "政府信息公开指南缺少的内容（受理机构的地址、电话、电子邮箱、办公时间、申请方式）：4 项" in run.out, run.out


def test_no_request_section_at_all_is_named(gk: Callable[..., Run], icat: CatalogDir) -> None:
    text = (icat.root / "gongkai.yaml").read_text(encoding="utf-8")
    start, end = text.index("依申请公开:"), text.index("诉讼法院: 测试县人民法院\n") + len("诉讼法院: 测试县人民法院\n")
    icat.write("gongkai.yaml", text[:start] + text[end:])
    _, sheet = inspect(gk, icat.root)
    status, evidence = _guide(sheet)
    assert status == "fail" and len(evidence) == 1, evidence
    assert evidence[0].startswith("gongkai.yaml:1:1 没有「依申请公开」一节：指南不能写明受理机构、地址、电话和申请方式；")


# ---------------------------------------------------------------------------------------------------- 3. an upgrade

def test_pages_an_older_gongkai_wrote_are_made_again_after_an_upgrade(tmp_path: Path, gk: Callable[..., Run],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    cat = _catalog(tmp_path, FOOTNOTED)
    site = tmp_path / "site"
    page = site / "records/R2026-001.html"
    with monkeypatch.context() as older:  # the gongkai before this pass: same version, its Markdown had no footnotes
        older.setattr(gongkai.site.render, "_markdown", lambda: MarkdownIt("commonmark", {"breaks": True}))
        for module in (gongkai.site.build, gongkai.site.make):
            older.setattr(module, "code_salt", lambda: "gongkai 0.1.0 of an earlier session")
        assert gk("build-site", cat.root, "--out", site, "--today", TODAY).code == 0
    assert 'href="%E3%80%8A' in page.read_text(encoding="utf-8")  # the old page: the note's words as an address
    run = gk("build-site", cat.root, "--out", site, "--today", TODAY)  # upgraded: the same catalog, the same day
    assert run.code == 0, run.err
    text = page.read_text(encoding="utf-8")
    assert '<a href="#fn1" id="fnref1">[1]</a>' in text and "%E3%80%8A" not in text
    assert _link_line(gk, cat, site) == "链接不可用（错链、断链）：扣 0 分（每个扣1分，最多扣10分）"


# ------------------------------------------------------------------------------------------------- 4. links to review

def test_only_the_links_a_page_makes_are_sent_for_review(gk: Callable[..., Run], icat: CatalogDir) -> None:
    body = ("详见[民政部](https://www.mca.gov.cn/)和<https://www.gov.cn/zhengce/>，再见[民政部](https://www.mca.gov.cn/)。\n\n"
            "参见<a href=\"https://www.example.com/raw\">省厅网站</a>，"
            "或 `https://code.example.com/y`，或直接输入 https://bare.example.com/z 。")
    write_record(icat, "R2026-041", "SHJZ-050", "2026-11-02", body=body)
    _, sheet = inspect(gk, icat.root)
    assert [(e["id"], e["text"]) for e in check(sheet, "review-links")["evidence"]] == [
        ("R2026-041", "正文链接到其他网站：https://www.mca.gov.cn/"),
        ("R2026-041", "正文链接到其他网站：https://www.gov.cn/zhengce/"),
    ]


# ---------------------------------------------------------------------------------------------------- 5. readable names

def test_a_missing_attachment_with_a_chinese_name_is_named_in_characters(tmp_path: Path, gk: Callable[..., Run],
                                                                         icat: CatalogDir) -> None:
    icat.write("files/2026/低保办事指南.pdf", text_pdf("安溪县最低生活保障办事指南"))
    record = (icat.root / "records/2026/R2026-050.yaml").read_text(encoding="utf-8")
    icat.write("records/2026/R2026-050.yaml", record.replace(
        "正文: |", "附件:\n  - 文件: files/2026/低保办事指南.pdf\n    名称: 低保办事指南\n正文: |"))
    write_record(icat, "R2026-041", "SHJZ-050", "2026-11-02",
                 body="详见[国务院政策](https://www.gov.cn/政策/低保.html)。")
    site = tmp_path / "site"
    assert gk("build-site", icat.root, "--out", site, "--today", "2026-11-27").code == 0
    (site / "files/2026/低保办事指南.pdf").unlink()  # the portal's copy lost it
    _, sheet = inspect(gk, icat.root, "--site", site)
    assert [e["text"] for e in check(sheet, "attachments")["evidence"]] == [
        "链接「../files/2026/低保办事指南.pdf」文件不存在（records/R2026-050.html）"]
    assert ("R2026-041", "正文链接到其他网站：https://www.gov.cn/政策/低保.html") in [
        (e["id"], e["text"]) for e in check(sheet, "review-links")["evidence"]]
