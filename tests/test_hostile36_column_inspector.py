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
