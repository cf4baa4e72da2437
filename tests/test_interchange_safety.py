"""gongkai import never destroys; gongkai export never drops an item in silence."""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from conftest import ITEM, CatalogDir, Run
from sheets import BASIS, DEADLINE, PUBLISHER, load, workbook

HEADER = ["编号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式",
          "公开层级"]
HAND_WRITTEN = """\
# 手写的临时救助办事指南，五公开还没想好
编号: SHJZ-012
领域: 社会救助
一级事项: 临时救助
二级事项: 办事指南
公开内容:
  - 办理事项
"""


def row(level2: str, contents: str = "办理条件", *, basis: str = BASIS, item_id: str = "", levels: str = "县级",
        channels: str = "政府网站") -> list[object]:
    return [item_id, "临时救助", level2, contents, basis, DEADLINE, PUBLISHER, channels, "全社会", "主动", levels]


def sheet(path: Path, *rows: list[object]) -> Path:
    return workbook(path, [HEADER, *rows], sheet="社会救助")


def test_invalid_files_count_for_ids_and_are_never_overwritten(gk: Callable[..., Run], cat: CatalogDir,
                                                               tmp_path: Path) -> None:
    hand = cat.write("items/shjz/SHJZ-012.yaml", HAND_WRITTEN)
    cat.write("items/shjz/SHJZ-013.yaml", "编号: [这里写坏了\n")
    before = hand.read_bytes()
    run = gk("import", "xlsx", sheet(tmp_path / "t.xlsx", row("审核审批信息", "救助对象名单")), "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 SHJZ-014" in run.out and (cat.root / "items/shjz/SHJZ-014.yaml").exists()
    assert hand.read_bytes() == before


def test_row_matching_an_invalid_file_is_reported_and_left_alone(gk: Callable[..., Run], cat: CatalogDir,
                                                                tmp_path: Path) -> None:
    hand = cat.write("items/shjz/SHJZ-012.yaml", HAND_WRITTEN)
    table = sheet(tmp_path / "t.xlsx", row("办事指南", "办理事项、办理条件"))
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0
    assert "社会救助!B2: 对应的事项文件 items/shjz/SHJZ-012.yaml 校验不通过" in run.err and "--overwrite-invalid" in run.err
    assert "新增 0 项，更新 0 项，未变 0 项，跳过 1 项" in run.out
    assert hand.read_text(encoding="utf-8") == HAND_WRITTEN
    forced = gk("import", "xlsx", table, "--yes", "--overwrite-invalid", "-C", cat.root)
    assert forced.code == 0 and "更新 SHJZ-012" in forced.out
    text = hand.read_text(encoding="utf-8")
    assert text.startswith("# 手写的临时救助办事指南") and "  - 办理条件\n" in text and "五公开: 服务公开" in text
    assert gk("validate", cat.root).code == 0


def test_second_import_changes_nothing(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = sheet(tmp_path / "t.xlsx", row("办事指南"), row("其他事项", "联系地址"))  # 其他事项: 五公开 cannot be inferred
    assert "新增 2 项" in gk("import", "xlsx", table, "--yes", "-C", cat.root).out
    files = sorted((cat.root / "items").rglob("*.yaml"))
    stamps = [(p.read_bytes(), p.stat().st_mtime_ns) for p in files]
    again = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert again.code == 0 and "新增 0 项，更新 0 项，未变 2 项" in again.out and "已写入" not in again.out
    assert sorted((cat.root / "items").rglob("*.yaml")) == files
    assert [(p.read_bytes(), p.stat().st_mtime_ns) for p in files] == stamps


def test_preview_shows_values_and_dropping_content_needs_yes(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    cat.item(ITEM.replace("  - 《社会救助暂行办法》（国务院令第649号）\n", "  - 《社会救助暂行办法》（国务院令第649号）\n"
                          "  - 民发〔2012〕220号\n  - 民办函〔2019〕52号\n"))
    table = workbook(tmp_path / "t.xlsx", [HEADER, [
        "SHJZ-001", "最低生活保障", "审批信息", "低保对象名单及相关信息", "相关文件", DEADLINE, PUBLISHER,
        "政府网站、村公示栏", "全社会", "主动", "县级"]], sheet="社会救助")
    preview = gk("import", "xlsx", table, "-C", cat.root)
    assert preview.code == 0
    assert "公开依据：《社会救助暂行办法》（国务院令第649号）；民发〔2012〕220号；民办函〔2019〕52号 → 相关文件" in preview.out
    assert "注意：去掉了 3 条公开依据" in preview.out and "注意：去掉了 1 条公开层级：乡级" in preview.out
    assert "社会救助!K2: 更新 SHJZ-001 会去掉 1 条公开层级：乡级（只有加 --yes 才会写入）" in preview.err
    assert "加 --yes" in preview.out
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)  # at a terminal, too, no question is asked: --yes it must be
    at_terminal = gk("import", "xlsx", table, "-C", cat.root)
    assert at_terminal.code == 0 and "有 1 项更新会去掉已有内容" in at_terminal.out
    assert "民办函〔2019〕52号" in (cat.root / "items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8")
    done = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert done.code == 0 and "已写入 1 个文件" in done.out
    assert load(cat.root / "items/shjz/SHJZ-001.yaml")["公开依据"] == ["相关文件"]


def test_update_keeps_comments_order_mode_and_line_ends(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    text = "# 低保审批名单\n" + ITEM.replace("责任单位: shjzg\n", "责任单位: shjzg  # 股室编号\n备注: 手写备注\n")
    path = cat.item(text.replace("\n", "\r\n").encode("utf-8").join([b"\xef\xbb\xbf", b""]))
    os.chmod(path, 0o640)
    table = sheet(tmp_path / "t.xlsx", row("审批信息", "低保对象名单及相关信息\n保障金额", levels="县级、乡级",
                                            channels="政府网站、村公示栏", item_id="SHJZ-001"))
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "公开内容：低保对象名单及相关信息 → 低保对象名单及相关信息；保障金额" in run.out
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# \xe4\xbd\x8e") and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert "责任单位: shjzg  # 股室编号\r\n备注: 手写备注" in data.decode("utf-8-sig")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert not list(path.parent.glob(".*.tmp"))


def test_rows_matching_two_files_change_neither(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    twin = cat.write("items/shjz/SHJZ-009.yaml", ITEM.replace("SHJZ-001", "SHJZ-009"))
    run = gk("import", "xlsx", sheet(tmp_path / "t.xlsx", ["", "最低生活保障", "审批信息", "新内容", BASIS, DEADLINE,
                                                            PUBLISHER, "政府网站", "全社会", "主动", "县级"]), "--yes",
             "-C", cat.root)
    assert run.code == 0
    assert "同时对应 items/shjz/SHJZ-001.yaml、items/shjz/SHJZ-009.yaml" in run.err and "跳过 1 项" in run.out
    assert twin.read_text(encoding="utf-8") == ITEM.replace("SHJZ-001", "SHJZ-009")


def test_export_names_every_item_it_could_not_export(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    cat.write("items/shjz/SHJZ-012.yaml", HAND_WRITTEN)
    cat.write("items/shjz/SHJZ-013.yaml", "编号: [这里写坏了\n")
    run = gk("export", "xlsx", "-o", tmp_path / "d.xlsx", "-C", cat.root)
    assert run.code == 1
    assert "items/shjz/SHJZ-012.yaml：事项 SHJZ-012 校验不通过，已按能读出的内容导出" in run.err
    assert "items/shjz/SHJZ-013.yaml：事项 SHJZ-013 校验不通过，没有导出" in run.err
    assert "但有 2 个事项文件校验不通过" in run.err
    ws = openpyxl.load_workbook(io.BytesIO((tmp_path / "d.xlsx").read_bytes()))["社会救助"]
    assert [ws.cell(r, 17).value for r in (4, 5)] == ["SHJZ-001", "SHJZ-012"]
    assert ws.cell(5, 4).value == "办理事项"
    csv = gk("export", "csv", "-o", tmp_path / "d.csv", "-C", cat.root)
    assert csv.code == 1 and "SHJZ-012" in (tmp_path / "d.csv").read_text(encoding="utf-8-sig")


NEW_FIELDS = ITEM + """\
公开格式: [文本, 图表]
咨询电话: "0595-23222617"
备注: 名单中的个人信息须去标识化处理。
栏目类型: 通知公告
空白说明: 本机关本年度未产生此类信息
法定类别: 民生政策
"""


def test_local_and_new_fields_survive_export_import_export(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    cat.item(NEW_FIELDS)
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert gk("export", "xlsx", "-o", first, "-C", cat.root).code == 0
    ws = openpyxl.load_workbook(io.BytesIO(first.read_bytes()))["社会救助"]
    assert [ws.cell(2, c).value for c in range(15, 24)] == [
        "五公开", "责任单位", "编号", "公开格式", "咨询电话", "备注", "栏目类型", "法定类别", "空白说明"]
    assert [ws.cell(4, c).value for c in (18, 21, 22)] == ["文本、图表", "通知公告", "民生政策"]
    (cat.root / "items/shjz/SHJZ-001.yaml").unlink()
    assert gk("import", "xlsx", first, "--yes", "-C", cat.root).code == 0
    assert load(cat.root / "items/shjz/SHJZ-001.yaml") == load(cat.write("x.yaml", NEW_FIELDS))
    assert gk("export", "xlsx", "-o", second, "-C", cat.root).code == 0
    assert first.read_bytes() == second.read_bytes()
    assert gk("export", "csv", "-o", tmp_path / "d.csv", "-C", cat.root).code == 0
    header = (tmp_path / "d.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.endswith("编号,公开格式,咨询电话,备注,栏目类型,法定类别,空白说明")


def test_new_item_takes_the_id_after_invalid_files_too(gk: Callable[..., Run], cat: CatalogDir) -> None:
    hand = cat.write("items/shjz/SHJZ-012.yaml", HAND_WRITTEN)
    run = gk("new", "item", "-C", cat.root, "--domain", "社会救助", "--five", "服务公开", "--level1", "临时救助",
             "--content", "办理条件", "--level", "县级", "--unit", "shjzg")
    assert run.code == 0, run.err
    assert (cat.root / "items/shjz/SHJZ-013.yaml").exists() and hand.read_text(encoding="utf-8") == HAND_WRITTEN
