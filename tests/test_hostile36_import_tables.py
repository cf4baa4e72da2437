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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from conftest import CatalogDir, Run
from sheets import workbook

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
