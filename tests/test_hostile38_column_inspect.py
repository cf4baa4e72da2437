"""Fortieth session's hostile pass, angle 「column_inspect」: the yearly inspector checking the 政府信息公开 column that
build-site makes against 61号 (统一名称、统一格式) and the 法定主动公开内容 of 《条例》第二十条, and trusting `inspect`
(国办秘函〔2019〕19号; DOMAIN.md §10–12).

The oracle: small real catalogs in tmp dirs, the real CLI (`gongkai build-site`, `gongkai export portal`,
`gongkai inspect`), and what each page or sheet must say typed by hand.

Found by this pass:
1. A record's page had no 主题分类, one of the fields of the county's 政府信息公开目录 (安溪县: 索引号, 主题分类, 发布机构,
   文号, 成文日期 …) that the inspector looks for on every document page, while `export portal` sent the record to the
   portal under one. Now the page's 文件信息 shows it, from the one answer both use (the 领域's 主题分类 in
   gongkai.yaml, else 领域/一级事项, else the 文种), first row beside the 索引号 as the county's directory has it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import AGENCY, ITEM, CatalogDir

TODAY = "2026-12-07"


def _meta(site: Path, rid: str) -> dict[str, str]:
    """The 文件信息 table of a record's page: heading → cell text."""
    page = (site / f"records/{rid}.html").read_text(encoding="utf-8")
    table = page.split('<table class="meta-table">', 1)[1].split("</table>", 1)[0]
    cells = re.findall(r'<th scope="row">([^<]*)</th><td[^>]*>(.*?)</td>', table)
    return {head: re.sub(r"<[^>]+>", "", cell) for head, cell in cells}


def _record(cat: CatalogDir, rid: str, item: str | None, kind: str = "通知", published: str = "2026-11-02",
            extra: str = "", body: str = "正文。") -> None:
    number = rid.split("-")[1]
    lines = [f"编号: {rid}", f"题名: 测试县民政局关于{rid}的{kind}", f"索引号: 350524-MZ-2026-{number.zfill(5)}",
             f"文种: {kind}", "责任单位: shjzg", *([f"事项: {item}"] if item else []), "公开属性: 主动公开",
             f"保密审查: {{审查人: 张三, 审查日期: {published}, 结论: 同意主动公开}}", f"成文日期: {published}",
             f"公开日期: {published}", "公开渠道: [政府网站]"]
    cat.write(f"records/2026/{rid}.yaml", "\n".join(lines) + "\n" + extra + "正文: |\n  " + body + "\n")


def _column(tmp_path: Path) -> CatalogDir:
    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM.replace("二级事项: 审批信息", "二级事项: 政策法规文件"))
    return cat


# ── 1. 主题分类 on every record page, as the portal export files it ─────────────────────────────────────────────────


def test_a_record_page_shows_its_subject_as_the_portal_files_it(gk, tmp_path):
    cat = _column(tmp_path)
    _record(cat, "R2026-001", "SHJZ-001")
    _record(cat, "R2026-002", None, kind="公告")
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY).code == 0
    meta = _meta(site, "R2026-001")
    assert meta["主题分类"] == "社会救助/最低生活保障"
    assert list(meta)[:2] == ["索引号", "主题分类"]  # the county directory's first two fields, side by side
    assert {"索引号", "发布机构", "文号", "成文日期", "公开日期", "有效性", "文种", "所属事项", "责任单位"} <= set(meta)
    assert _meta(site, "R2026-002")["主题分类"] == "公告"  # no item: its 文种, as the export files it
    out = tmp_path / "portal"
    run = gk("export", "portal", cat.root, "--out", out, "--today", TODAY)
    assert run.code == 0, run.err
    sent = {e["编号"]: e["主题分类"] for e in json.loads((out / "portal.json").read_text(encoding="utf-8"))["信息"]}
    assert sent == {"R2026-001": "社会救助/最低生活保障", "R2026-002": "公告"}


def test_a_subject_set_for_the_domain_in_gongkai_yaml_is_on_the_page(gk, tmp_path):
    cat = _column(tmp_path)
    cat.write("gongkai.yaml", AGENCY.replace("    代码: SHJZ\n", "    代码: SHJZ\n    主题分类: 民政/社会救助\n"))
    _record(cat, "R2026-001", "SHJZ-001")
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY).code == 0
    assert _meta(site, "R2026-001")["主题分类"] == "民政/社会救助"
