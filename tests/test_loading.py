"""What people really type: encodings, broken YAML, full-width punctuation, near-miss keys — never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ITEM, RECORD, CatalogDir


def findings(gk, cat: CatalogDir) -> list[dict]:
    run = gk("validate", cat.root, "--format", "json", "--no-cache")
    assert run.code in (0, 1), run.err
    return json.loads(run.out)["diagnostics"]


def only(diags: list[dict], code: str) -> dict:
    hits = [d for d in diags if d["code"] == code]
    assert len(hits) == 1, diags
    return hits[0]


def test_minimal_catalog_is_clean(gk, cat):
    run = gk("validate", cat.root)
    assert run.code == 0, run.out
    assert "没有发现问题" in run.out


def test_bom_and_crlf_are_fine(gk, cat):
    cat.item(("\ufeff" + ITEM).replace("\n", "\r\n").encode("utf-8"))
    assert findings(gk, cat) == []


def test_gbk_file_named_with_resave_hint(gk, cat):
    cat.item(ITEM.encode("gb18030"))
    diag = only(findings(gk, cat), "GK002")
    assert diag["path"] == "items/shjz/SHJZ-001.yaml"
    assert (diag["line"], diag["column"]) == (1, 1)
    assert "GBK" in diag["message"] and "UTF-8" in diag["hint"] and "另存为" in diag["hint"]


def test_gbk_position_is_first_non_utf8_byte(gk, cat):
    cat.item(("# comment\n" + ITEM).encode("gb18030"))
    diag = only(findings(gk, cat), "GK002")
    assert (diag["line"], diag["column"]) == (2, 1)  # the first GBK byte: 编号 on line 2


def test_binary_junk_is_not_text(gk, cat):
    cat.item(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    diag = only(findings(gk, cat), "GK003")
    assert diag["line"] == 3  # after two line breaks


def test_tab_indentation_points_at_the_tab(gk, cat):
    cat.record(RECORD.replace("  审查人: 张三", "\t审查人: 张三"))
    diag = only(findings(gk, cat), "GK007")
    assert (diag["line"], diag["column"]) == (10, 1)


def test_fullwidth_space_indent(gk, cat):
    cat.record(RECORD.replace("  审查人: 张三", "\u3000审查人: 张三"))
    diag = only(findings(gk, cat), "GK006")
    assert (diag["line"], diag["column"]) == (10, 1)
    assert "全角空格" in diag["message"]


def test_fullwidth_colon(gk, cat):
    cat.item(ITEM.replace("公开方式: 主动", "公开方式：主动"))
    diag = only(findings(gk, cat), "GK001")
    assert diag["line"] == ITEM.splitlines().index("公开方式: 主动") + 1
    assert "全角冒号" in diag["message"] and "半角冒号" in diag["hint"]


def test_fullwidth_comma_in_flow_list_is_split_with_a_warning(gk, cat):
    cat.item(ITEM.replace("公开层级: [县级, 乡级]", "公开层级: [县级，乡级]"))
    diags = findings(gk, cat)
    diag = only(diags, "GK107")
    assert diag["severity"] == "warning"
    assert "[县级, 乡级]" in diag["hint"]
    assert diag["line"] == ITEM.splitlines().index("公开层级: [县级, 乡级]") + 1


def test_near_miss_key(gk, cat):
    cat.item(ITEM.replace("公开内容:", "公开内容要素:"))
    diags = findings(gk, cat)
    unknown = only(diags, "GK102")
    assert "公开内容要素" in unknown["message"] and "公开内容" in unknown["hint"]
    assert (unknown["line"], unknown["column"]) == (6, 1)
    assert unknown["id"] == "SHJZ-001"
    # one finding for one mistake: the required key it stands for is named in it, not reported missing as well
    assert unknown["message"] == "未知字段「公开内容要素」，因此缺少必填字段「公开内容」"
    assert not any(d["code"] == "GK101" for d in diags)


def test_channel_alias_is_accepted_with_a_hint(gk, cat):
    cat.item(ITEM.replace("公开渠道: [政府网站, ", "公开渠道: [政府服务中心, "))
    diags = findings(gk, cat)
    diag = only(diags, "GK105")
    assert diag["severity"] == "info" and "政务服务中心" in diag["message"]
    assert gk("validate", cat.root).code == 0


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("编号: SHJZ-001\n领域: [社会救助\n", "GK001", 2),
        ("编号: SHJZ-001\n题名: \"没有闭合\n公开方式: 主动\n", "GK001", 2),
        ("编号: SHJZ-001\n  领域: 社会救助\n", "GK001", 2),
        ("编号: SHJZ-001\n编号: SHJZ-002\n", "GK004", 2),
        ("a: &x [1, 2]\nb: *x\n", "GK005", 1),
        ("- 编号: SHJZ-001\n", "GK009", 1),
    ],
)
def test_broken_yaml_is_a_diagnostic_with_position(gk, cat, text, code, line):
    cat.item(text)
    diag = only(findings(gk, cat), code)
    assert diag["path"] == "items/shjz/SHJZ-001.yaml"
    assert diag["line"] == line and diag["column"] >= 1
    assert diag["hint"]


def test_alias_bomb_is_refused_quickly(gk, cat):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    cat.item(bomb)
    diag = only(findings(gk, cat), "GK005")
    assert diag["line"] == 1


def test_schema_error_maps_to_value_position_and_names_the_id(gk, cat):
    cat.record(RECORD.replace("页数: 1", "页数: 三页"))
    diag = only(findings(gk, cat), "GK103")
    assert diag["id"] == "R2026-001"
    assert diag["line"] == RECORD.splitlines().index("页数: 1") + 1 and diag["column"] == 5


def test_enum_error_lists_choices(gk, cat):
    cat.item(ITEM.replace("公开方式: 主动", "公开方式: 主动发布"))
    diag = only(findings(gk, cat), "GK104")
    assert "主动发布" in diag["message"] and "依申请" in diag["hint"]


def test_bad_date(gk, cat):
    cat.record(RECORD.replace("成文日期: 2026-09-01", "成文日期: 2026-02-30"))
    diag = only(findings(gk, cat), "GK106")
    assert diag["line"] == RECORD.splitlines().index("成文日期: 2026-09-01") + 1


def test_chinese_date_forms_are_accepted(gk, cat):
    cat.record(RECORD.replace("成文日期: 2026-09-01", "成文日期: 2026年9月1日"))
    [diag] = findings(gk, cat)
    assert (diag["code"], diag["severity"]) == ("GK110", "info") and "2026-09-01" in diag["message"]


def test_number_typed_as_date_is_refused(gk, cat):
    cat.record(RECORD.replace("成文日期: 2026-09-01", "成文日期: 20260901"))
    assert only(findings(gk, cat), "GK106")


def test_no_traceback_for_any_bad_file(gk, cat):
    for index, junk in enumerate([b"", b"---\n...\n", b"\xff\xfe\x00", b"[[[[[[[[[[", b"{a: {b: {c: [", b"~\n"]):
        cat.write(f"records/2026/R2026-9{index:02d}.yaml", junk)
    run = gk("validate", cat.root)
    assert run.code == 1
    assert "Traceback" not in run.out + run.err


def test_the_folders_of_a_capability_are_listed_before_it_is_imported():
    """catalog.kinds names calendar/ and consultations/ without importing their readers; reading one registers it."""
    script = ("import sys; from gongkai.catalog.kinds import FOLDERS, PROVIDERS; "
              "from gongkai.catalog.files import KINDS, spec_of; "
              "assert 'notice' not in KINDS and 'gongkai.holidays' not in sys.modules; "
              "assert FOLDERS['calendar'] == 'notice' and FOLDERS['consultations'] == 'inquiry'; "
              "assert all(spec_of(kind) is not None for kind in PROVIDERS); "
              "assert 'gongkai.holidays' in sys.modules and 'gongkai.consultations' in sys.modules; "
              "assert set(FOLDERS.values()) <= set(KINDS)")
    subprocess.run([sys.executable, "-c", script], check=True)
