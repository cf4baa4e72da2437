"""Hostile pass, round 29 (lead): a refusal sends the clerk to the line.

The house rule is that every error names the file, line and column. Found and fixed:

1. A number in gongkai.yaml (机关名称) or in a public item stopped `print`, `wechat`, `export xlsx|csv`,
   `export portal` and `build-site`, naming only the field (「gongkai.yaml 「机关」「名称」」, 「事项 SHJZ-001 「备注」」):
   the clerk searched a file of a hundred lines. Each now names the file, line and column as validate does
   (「gongkai.yaml 第2行第7列「机关」「名称」」, 「事项 SHJZ-001（items/shjz/SHJZ-001.yaml 第17行第5列「备注」）」).
2. `report annual` refused a number in annual/<year>.yaml's 总体情况 naming only the field; now its line too.
3. A number in a field written as a literal block (总体情况: |, 备注: |, a list entry written - |) was placed by
   validate (and the refusals) at the block's first line, 「4:7」 for a number on line 13: only 正文 was followed into
   its block. Now every field's finding is placed at the line it is on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import AGENCY, ITEM, CatalogDir

MOBILE = "13805951234"
NAME_AT = "gongkai.yaml 第2行第7列「机关」「名称」：手机号码「138****1234」"  # 「  名称: 」: six characters before


@pytest.fixture
def named(cat: CatalogDir) -> CatalogDir:
    cat.write("gongkai.yaml", AGENCY.replace("  名称: 测试县民政局\n", f"  名称: 测试县民政局{MOBILE}\n"))
    return cat


@pytest.mark.parametrize("command", [
    ("print", "--from", "2026-09-01", "--to", "2026-09-30", "-o", "{out}"),
    ("wechat", "--from", "2026-09-01", "--to", "2026-09-30", "-o", "{out}"),
    ("export", "xlsx", "-o", "{out}/directory.xlsx", "-C", "{root}"),
    ("export", "csv", "-o", "{out}/directory.csv", "-C", "{root}"),
    ("build-site", "{root}", "--out", "{out}"),
    ("export", "portal", "--today", "2026-09-30", "-o", "{out}", "{root}"),
])
def test_a_number_in_gongkai_yaml_is_refused_at_its_line_and_column(gk, named, tmp_path, command):
    out = tmp_path / "out"
    args = [a.format(out=out, root=named.root) for a in command]
    if command[0] in ("print", "wechat"):
        args.append(str(named.root))
    run = gk(*args)
    assert run.code == 1, run.err
    assert NAME_AT in run.err
    assert MOBILE not in run.err + run.out
    assert not out.exists() or not any(out.rglob("*.*"))


def test_a_number_in_an_item_is_refused_at_the_items_file_line_and_column(gk, cat, tmp_path):
    cat.item(ITEM + "备注: 联系王五 13912345678\n")
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 1
    assert "事项 SHJZ-001（items/shjz/SHJZ-001.yaml 第17行第5列「备注」）：手机号码「139****5678」" in run.err


def test_a_number_in_a_literal_block_of_an_item_is_placed_at_its_line(gk, cat, tmp_path):
    # line 17 「备注: |」, 18 the first line of the note, 19 the number
    cat.item(ITEM + "备注: |\n  本事项由社会救助股负责。\n  联系王五 13912345678\n")
    run = gk("validate", "--no-cache", cat.root)
    assert run.code == 1
    assert "19:1 错误 GK602 「备注」有未遮盖的手机号码「139****5678」" in run.out
    built = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert "事项 SHJZ-001（items/shjz/SHJZ-001.yaml 第19行第1列「备注」）：手机号码「139****5678」" in built.err


def test_a_number_in_a_list_entry_written_as_a_block_is_placed_at_its_line(gk, cat):
    # line 7 「  - |」, 8 the content's first line, 9 the number
    cat.item(ITEM.replace("  - 低保对象名单及相关信息\n", "  - |\n    低保对象名单及相关信息\n    咨询王五 13912345678\n"))
    run = gk("validate", "--no-cache", cat.root)
    assert run.code == 1
    assert "9:1 错误 GK602 「公开内容」第1项有未遮盖的手机号码「139****5678」" in run.out


def test_a_number_in_the_annual_reports_text_is_placed_at_its_line(gk, bundled, tmp_path):
    annual = bundled / "annual" / "2026.yaml"
    text = annual.read_text(encoding="utf-8")
    assert text.splitlines()[12] == "  （三）政府信息管理。建立公开信息登记台账，实行一事一档。"  # line 13 of the file
    annual.write_text(text.replace("（三）政府信息管理。", f"（三）政府信息管理。联系陈金水{MOBILE}。"), encoding="utf-8")
    run = gk("validate", "--no-cache", bundled)
    assert "13:1 错误 GK602 「总体情况」有未遮盖的手机号码「138****1234」" in run.out
    report = gk("report", "annual", "--year", "2026", "-o", tmp_path / "annual.md", bundled)
    assert report.code == 1
    assert "annual/2026.yaml 第13行第1列「总体情况」：手机号码「138****1234」" in report.err
    assert not (tmp_path / "annual.md").exists()
    assert MOBILE not in report.err + report.out


def test_a_body_in_a_literal_block_is_still_placed_at_its_line(gk, cat):
    # the record's 正文: | is line 17, its first line 18 (the rule followed 正文 into its block before: unchanged)
    cat.record((Path(cat.root) / "records/2026/R2026-001.yaml").read_text(encoding="utf-8")
               + "  联系电话13912345678。\n")
    run = gk("validate", "--no-cache", cat.root)
    assert "19:1 错误 GK602 正文第2行有未遮盖的手机号码「139****5678」" in run.out
