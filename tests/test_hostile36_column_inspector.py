"""Thirty-sixth hostile pass, angle 「column_inspector」: the yearly inspector scoring the 政府信息公开 column that
build-site makes (国办公开办函〔2019〕61号 structure; 国办秘函〔2019〕19号 indicators; DOMAIN.md §10–11), and an elderly
citizen on a phone with a screen reader.

The oracle: small real catalogs in tmp dirs, the real CLI (`gongkai build-site`, `gongkai inspect --site`), and
what each page must show typed by hand.

Found by this pass:
1. A 正文's headings were moved one level down only when the body had a level-1 heading; otherwise they kept the
   level typed, so a body written 「### 附件说明」 (a clerk's habit from Word's 标题3) read h1 → h3, and 「#」 then
   「####」 read h2 → h5: a screen reader's list of headings skipped levels (WCAG 1.3.1, axe's heading-order) on every
   such page. Now a body's headings take their places under the title: the first at h2, none more than one level
   below the heading before it, the body's own order of levels kept.
2. `build-site --no-search` (「更快，用于预览」) over the folder that is deployed (the default `site/`) deleted the
   search index and listed its 27 files under 「已从网站撤下……部署到门户网站的副本中也请删除」 as if withdrawn or ended —
   following that, the webmaster broke the portal's search too; and it never said the site it made cannot search
   (every page's 「搜索」 answers 「搜索索引未能加载」). `inspect --site` on such a site gave full marks for links. Now
   build-site says every time that a site without the index is a preview not to deploy, tells the index files apart
   (not among the files to delete on the portal), and inspect counts the missing index as one broken link of the
   search page. (Inspect tests that built with --no-search for speed and then expected full marks now build the
   index: a site they call clean is one that can be deployed.)

Seen and left alone:
- A 名单 record without a 公示期 (validate: GK411 error), and a 通知 whose 正文 holds a table of names, come down on
  their 公开日期 (fail closed), but the page then says 「公示截止 2026年9月3日」「公示已于2026年9月3日结束」: a 公示
  period the bureau never declared (a 通知 was no 公示 at all). Telling a declared end from the gate's own needs a
  field on the gate's Admission (gate/, being changed by the lead); build-site does not warn either.
- A catalog with no item of a 五公开 (only from hand-made or imported catalogs: `init` gives all five) still gets a
  home tile and a page saying only 「……中没有列为「决策公开」的事项」: a 空白栏目 to an inspector that inspect does not
  count (it counts an empty 领域 directory). Counting it shifts the blank-column count of most inspect tests (their
  catalogs have one 五公开); not building the page contradicts test_hostile17's choice: a decision for the lead.
- A 正文 link to a page of the column that is not there (「../zhinan/nothing.html」, 「#fn1」) is still a 404 on the
  site; inspect --site counts it (as the thirty-fifth pass noted); validate does not.
- inspect lists a 正文's raw-HTML 「<a href="https://…">」 under 「正文链接到其他网站」 though the page shows it as text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from conftest import AGENCY, ITEM, RECORD, CatalogDir, Run

TODAY = "2026-12-07"


class Outline(HTMLParser):
    """The heading levels of a page, in the order a screen reader lists them."""

    def __init__(self) -> None:
        super().__init__()
        self.levels: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))


def _levels(page: Path) -> list[int]:
    parsed = Outline()
    parsed.feed(page.read_text(encoding="utf-8"))
    return parsed.levels


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


# ---------------------------------------------------------------------------------------------------- 1. headings

def test_a_body_typed_with_level_three_headings_starts_its_outline_at_h2(tmp_path: Path,
                                                                          gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path, "经审核，现将名单予以公示。\n\n### 一、公示对象\n\n低保对象。\n\n#### （一）城市\n\n"
                             "城东社区。\n\n### 二、监督电话\n\n0595-23000000。")
    page = _built(gk, cat, tmp_path) / "records/R2026-001.html"
    text = page.read_text(encoding="utf-8")
    assert "<h2>一、公示对象</h2>" in text and "<h3>（一）城市</h3>" in text and "<h2>二、监督电话</h2>" in text
    assert _levels(page)[:4] == [1, 2, 3, 2]


def test_a_level_one_then_level_four_heading_skips_no_level(tmp_path: Path, gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path, "# 一、总体情况\n\n情况。\n\n#### 附表说明\n\n说明。\n\n## （一）主动公开\n\n"
                             "35条。\n\n# 二、其他事项\n\n无。")
    page = _built(gk, cat, tmp_path) / "records/R2026-001.html"
    text = page.read_text(encoding="utf-8")
    assert "<h2>一、总体情况</h2>" in text and "<h3>附表说明</h3>" in text
    assert "<h3>（一）主动公开</h3>" in text and "<h2>二、其他事项</h2>" in text
    levels = _levels(page)
    assert levels[:5] == [1, 2, 3, 3, 2]
    assert all(after <= before + 1 for before, after in zip(levels, levels[1:])), levels


# ---------------------------------------------------------------------------------------------------- 2. --no-search

def test_a_build_without_search_says_the_search_page_will_not_work(tmp_path: Path, gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path, "经审核，现将名单予以公示。")
    run = gk("build-site", cat.root, "--out", tmp_path / "site", "--today", TODAY, "--no-search")
    assert run.code == 0, run.err
    assert ("提示：没有生成搜索索引（--no-search）：网站上的「搜索」页不能搜索，只显示「搜索索引未能加载」；这样生成的网站只用于预览，"
            "请不要部署到门户网站，部署前不带 --no-search 重新运行 gongkai build-site。") in run.err
    again = gk("build-site", cat.root, "--out", tmp_path / "site", "--today", TODAY, "--no-search")
    assert "没有生成搜索索引（--no-search）" in again.err  # also when nothing else changed
    full = gk("build-site", cat.root, "--out", tmp_path / "site", "--today", TODAY)
    assert full.code == 0 and "搜索索引" not in full.err


def test_a_preview_over_a_deployed_site_does_not_ask_to_delete_the_portals_index(tmp_path: Path,
                                                                                  gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path, "经审核，现将名单予以公示。")
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY).code == 0
    index = sorted(p.relative_to(site).as_posix() for p in (site / "search").rglob("*.json.gz"))
    assert "search/meta.json.gz" in index
    run = gk("build-site", cat.root, "--out", site, "--today", TODAY, "--no-search")
    assert run.code == 0, run.err
    assert "已从网站撤下" not in run.out and "search/meta.json.gz" not in run.out
    assert f"上次生成的搜索索引（{len(index)} 个文件）已从这个文件夹删除，不在撤下的文件中：门户网站上的副本请不要删除它们；" in run.err
    assert not (site / "search/meta.json.gz").exists()


def test_inspect_counts_a_site_without_its_search_index_as_a_broken_link(tmp_path: Path,
                                                                         gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path, "经审核，现将名单予以公示。")
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY, "--no-search").code == 0
    run = gk("inspect", cat.root, "--site", site, "--today", TODAY)
    assert ("· 链接「search/meta.json.gz」是搜索页要读的搜索索引，网站中没有（或是空的）：网站上的「搜索」不能使用，"
            "网站是用 --no-search 生成的；不带 --no-search 重新运行 gongkai build-site 后再部署（search/index.html）") in run.out
    assert "链接不可用（错链、断链）：扣 1 分，1 个" in run.out
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY).code == 0
    whole = gk("inspect", cat.root, "--site", site, "--today", TODAY)
    assert "链接不可用（错链、断链）：扣 0 分" in whole.out and "搜索索引" not in whole.out
