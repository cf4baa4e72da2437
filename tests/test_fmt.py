"""gongkai fmt: comments kept, official key order, aliases and full-width punctuation, GBK, --check, atomic."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import ITEM, CatalogDir, Run

MESSY = """\
# 低保审批名单（注释要保留）
编号: SHJZ-001
领域: 社会救助
一级事项: 最低生活保障
五公开: 结果   # 行尾注释
二级事项: 审批信息
公开内容:
  - 低保对象名单及相关信息
公开依据:
  - 《社会救助暂行办法》（国务院令第649号）
公开时限：制定或获取信息之日起10个工作日内
公开主体: 县级人民政府民政部门
公开渠道: [政府网站, 村公示栏]
公开对象: 全社会
公开方式: 主动公开
公开层级：［县级，乡级］
责任单位: shjzg
"""


def test_fmt_rewrites_and_keeps_comments(gk: Callable[..., Run], cat: CatalogDir) -> None:
    path = cat.item(MESSY)
    assert gk("validate", cat.root).code == 1
    check = gk("fmt", "--check", cat.root)
    assert check.code == 1 and "SHJZ-001.yaml" in check.out
    assert path.read_text(encoding="utf-8") == MESSY
    assert gk("fmt", cat.root).code == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 低保审批名单（注释要保留）\n编号: SHJZ-001\n领域: 社会救助\n五公开: 结果公开")
    assert "# 行尾注释" in text
    assert text.index("一级事项") < text.index("二级事项") < text.index("公开内容")
    assert "公开时限: 制定或获取" in text and "公开方式: 主动\n" in text
    assert "公开层级: [县级, 乡级]" in text and "社区/企事业单位/村公示栏（电子屏）" in text
    assert gk("fmt", "--check", cat.root).code == 0
    assert gk("validate", cat.root).code == 0
    assert not [p for p in cat.root.rglob("*.tmp")]


def test_fmt_converts_gbk_and_keeps_crlf(gk: Callable[..., Run], cat: CatalogDir) -> None:
    path = cat.write("items/shjz/SHJZ-001.yaml", ITEM.replace("\n", "\r\n").encode("gb18030"))
    assert gk("fmt", "--check", path).code == 1
    run = gk("fmt", path)
    assert run.code == 0 and "GBK" in run.out
    data = path.read_bytes()
    assert data == ITEM.replace("\n", "\r\n").encode("utf-8")
    assert gk("validate", cat.root).code == 0


def test_fmt_leaves_block_text_alone(gk: Callable[..., Run], cat: CatalogDir) -> None:
    path = cat.record()
    path.write_text(path.read_text(encoding="utf-8") + "  说明：题名：不是键\n", encoding="utf-8")
    before = path.read_bytes()
    assert gk("fmt", "--check", cat.root).code == 0
    assert path.read_bytes() == before


def test_fmt_reports_broken_yaml(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.item("编号: [SHJZ-001\n")
    run = gk("fmt", cat.root)
    assert run.code == 1 and "无法整理" in run.err


def test_bundled_catalog_is_formatted(gk: Callable[..., Run], bundled: Path) -> None:
    run = gk("fmt", "--check", bundled)
    assert run.code == 0, run.out
