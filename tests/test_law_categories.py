"""The 法定主动公开内容 page (国办公开办函〔2019〕61号: the column lists what 《政府信息公开条例》第二十条 requires):
with an item under each of the article's categories, the page shows every one, in the article's order, each with the
item (项) of 第二十条 it comes from. The list is typed here from the article itself (领导信息 is the 负责人姓名 of
第（二）项, shown apart as portals show it).

Bugs planted in model/vocab.py that no test caught (twenty-second session): a category dropped (统计信息), a category
given the wrong 项, two categories swapped.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ITEM, CatalogDir

ARTICLE_20 = [
    ("机构职能", "第二十条第（二）项"),
    ("领导信息", "第二十条第（二）项"),
    ("规范性文件", "第二十条第（一）项"),
    ("规划计划", "第二十条第（三）项"),
    ("统计信息", "第二十条第（四）项"),
    ("行政许可", "第二十条第（五）项"),
    ("行政处罚和强制", "第二十条第（六）项"),
    ("财政预决算", "第二十条第（七）项"),
    ("行政事业性收费", "第二十条第（八）项"),
    ("政府采购", "第二十条第（九）项"),
    ("重大建设项目", "第二十条第（十）项"),
    ("民生政策", "第二十条第（十一）项"),
    ("应急管理", "第二十条第（十二）项"),
    ("监督检查", "第二十条第（十三）项"),
    ("公务员招考", "第二十条第（十四）项"),
    ("其他法定信息", "第二十条第（十五）项"),
]


def test_every_category_of_article_20_in_its_order(gk, cat: CatalogDir, tmp_path: Path) -> None:
    for number, (category, _) in enumerate(ARTICLE_20, start=2):
        item_id = f"SHJZ-{number:03d}"
        cat.item(ITEM.replace("SHJZ-001", item_id).replace("二级事项: 审批信息", f"二级事项: {category}信息")
                 + f"法定类别: {category}\n", f"items/shjz/{item_id}.yaml")
    checked = gk("validate", cat.root, "--format", "json")
    found = checked.json()
    diagnostics = found["diagnostics"] if isinstance(found, dict) else found
    assert [d for d in diagnostics if d["code"] in ("GK103", "GK104")] == []  # every name is a 法定类别
    assert gk("build-site", cat.root, "--out", tmp_path / "site").code == 0
    page = (tmp_path / "site" / "fdzdgknr" / "index.html").read_text(encoding="utf-8")
    shown = re.findall(r'<h2 id="c\d+">([^<]+)</h2>\s*<p class="meta">(第二十条第（[^）]+）项)', page)
    assert shown == ARTICLE_20
