"""Hostile pass on the schema, validate, authoring and the front door (issues 2, 7 and 19), as a clerk who writes YAML
in Notepad and an IT person who sets up CI would try them. Expected keys, lines, columns, paths and words are typed by
hand from the files written here."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import RECORD, CatalogDir, git

TITLE = "题名: 测试县民政局关于2026年第三季度低保对象名单的公示"


def _diags(gk, cat: CatalogDir) -> list[dict]:
    run = gk("validate", cat.root, "--format", "json", "--no-cache")
    assert run.code in (0, 1), run.err
    return run.json()["diagnostics"]  # type: ignore[index,no-any-return]


def _one(diags: list[dict], code: str) -> dict:
    found = [d for d in diags if d["code"] == code]
    assert len(found) == 1, diags
    return found[0]


# ------------------------------------------------------------------ a field left empty, or a list where one value goes


@pytest.mark.parametrize(("old", "new", "line", "column", "said"), [
    (TITLE, "题名:", 2, 1, "「题名」没有填写"),                 # nothing after the colon: the key's own line
    (TITLE, "题名: ~", 2, 5, "「题名」没有填写"),
    ("文种: 公示", "文种: null", 5, 5, "「文种」没有填写"),
    ("成文日期: 2026-09-01", "成文日期:  ", 13, 1, "「成文日期」没有填写"),
    ("责任单位: shjzg", "责任单位:", 6, 1, "「责任单位」没有填写"),
])
def test_a_field_left_empty_is_called_empty_on_its_own_line_not_none(gk, cat, old, new, line, column, said):
    cat.record(RECORD.replace(old, new))
    found = _one(_diags(gk, cat), "GK101")
    assert (found["path"], found["line"], found["column"]) == ("records/2026/R2026-001.yaml", line, column)
    assert found["message"].startswith(said)
    assert "None" not in found["message"] + found["hint"]


def test_an_empty_choice_is_told_the_choices(gk, cat):
    cat.item(cat.root.joinpath("items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8")
             .replace("五公开: 结果公开", "五公开:"))
    found = _one(_diags(gk, cat), "GK101")
    assert (found["path"], found["line"], found["column"]) == ("items/shjz/SHJZ-001.yaml", 3, 1)
    assert found["message"] == "「五公开」没有填写（冒号后面是空的）"
    assert "决策公开、执行公开、管理公开、服务公开、结果公开" in found["hint"]


@pytest.mark.parametrize(("old", "new", "line", "said"), [
    ("文号: 测民〔2026〕1号", "文号: [测民〔2026〕1号, 测民〔2026〕2号]", 3, "「文号」只能写一个值，这里写成了列表（2项）"),
    ("公开属性: 主动公开", "公开属性: [主动公开, 依申请公开]", 8, "「公开属性」只能写一个值，这里写成了列表（2项）"),
    ("成文日期: 2026-09-01", "成文日期: [2026-09-01]", 13, "「成文日期」只能写一个值，这里写成了列表（1项）"),
    (TITLE, "题名:\n  关于印发: 通知", 2, "「题名」只能写一个值，这里写成了「键: 值」"),
])
def test_a_list_or_a_mapping_where_one_value_goes_is_said_in_the_files_words(gk, cat, old, new, line, said):
    cat.record(RECORD.replace(old, new))
    found = [d for d in _diags(gk, cat) if d["path"] == "records/2026/R2026-001.yaml" and d["severity"] == "error"]
    assert [(d["message"], d["line"], d["column"]) for d in found] == [(said, line, 1)]
    assert "['" not in found[0]["hint"] and "{'" not in found[0]["hint"]
    assert "只保留一个值" in found[0]["hint"] or "同一行" in found[0]["hint"]


def test_an_empty_list_entry_is_named_by_its_number(gk, cat):
    cat.item(cat.root.joinpath("items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8")
             .replace("  - 低保对象名单及相关信息\n", "  - 低保对象名单及相关信息\n  -\n"))
    found = _one(_diags(gk, cat), "GK101")
    assert found["message"] == "「公开内容」第2项是空的"
    assert found["hint"] == "删去这个空项，或在「- 」后面只写一个值。"
    assert found["line"] == 8


# ------------------------------------------------------------------ a record copied from another bureau


def test_new_record_numbers_on_from_the_agencys_own_index_not_a_copied_one(gk, cat):
    # 永春县 (350525) numbers its 索引号 350525-MZ-…: a record copied from it must not set where ours go on from
    copied = (RECORD.replace("R2026-001", "R2026-002").replace("350524-MZ-2026-00001", "350525-MZ-2026-00088"))
    cat.record(copied, "records/2026/R2026-002.yaml")
    run = gk("new", "record", "-C", cat.root, "--title", "测试县民政局关于开展养老机构检查的通知", "--kind", "通知",
             "--unit", "shjzg", "--item", "SHJZ-001", "--attribute", "主动公开", "--formed", "2026-11-20",
             "--reviewer", "张三", "--review-date", "2026-11-20")
    assert run.code in (0, 1), run.err
    written = cat.root.joinpath("records/2026/R2026-003.yaml").read_text(encoding="utf-8")
    assert "索引号: 350524-MZ-2026-00002\n" in written


def test_the_bundled_catalog_points_at_an_index_of_another_bureau(gk, tmp_path):
    from tests.conftest import BUNDLED

    pattern = next(line for line in BUNDLED.joinpath("gongkai.yaml").read_text(encoding="utf-8").splitlines()
                   if line.strip().startswith("索引号格式:"))
    cat = CatalogDir(tmp_path / "catalog")
    from tests.conftest import AGENCY

    cat.write("gongkai.yaml", AGENCY + "检查:\n" + pattern + "\n")
    cat.item()
    cat.record(RECORD.replace("350524-MZ-2026-00001", "350525-MZ-2026-00001"))
    found = _one(_diags(gk, cat), "GK209")
    assert (found["line"], found["column"]) == (4, 6)
    assert "350525-MZ-2026-00001" in found["message"]


# ------------------------------------------------------------------ CI annotations at the repository's paths


@pytest.fixture
def in_repo(cat: CatalogDir):
    """The small catalog in a git repository whose catalog folder is 「政务 目录/catalog」, with one bad 文种."""
    top = cat.root.parent
    inner = top / "政务 目录" / "catalog"
    inner.parent.mkdir()
    cat.root.rename(inner)
    git(top, "init", "-q", "-b", "main")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "初始目录")
    record = inner / "records/2026/R2026-001.yaml"
    record.write_text(RECORD.replace("文种: 公示", "文种: 公式"), encoding="utf-8")
    return inner


def test_github_annotations_name_the_file_from_the_top_of_the_repository(gk, in_repo):
    run = gk("validate", in_repo, "--format", "github", "--no-cache")
    assert run.code == 1, run.err
    assert run.out.startswith("::error file=政务 目录/catalog/records/2026/R2026-001.yaml,line=5,col=5,title=GK104::")


def test_sarif_results_name_the_file_from_the_top_of_the_repository_as_a_uri(gk, in_repo):
    run = gk("validate", in_repo, "--format", "sarif", "--no-cache")
    assert run.code == 1, run.err
    location = json.loads(run.out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == \
        "%E6%94%BF%E5%8A%A1%20%E7%9B%AE%E5%BD%95/catalog/records/2026/R2026-001.yaml"
    assert location["region"] == {"startLine": 5, "startColumn": 5}


def test_json_paths_stay_relative_to_the_catalog_folder(gk, in_repo):
    run = gk("validate", in_repo, "--format", "json", "--no-cache")
    assert [d["path"] for d in run.json()["diagnostics"]] == ["records/2026/R2026-001.yaml"]  # type: ignore[index]


# ------------------------------------------------------------------ new record with a year typed wrong


NEW = ("new", "record", "--title", "测试县民政局关于开展养老机构检查的通知", "--kind", "通知", "--unit", "shjzg",
       "--item", "SHJZ-001", "--attribute", "依申请公开")


@pytest.mark.parametrize("formed", ["2062-03-01", "2026-11-28", "2027/1/1"])
def test_new_record_refuses_a_date_of_forming_after_today_and_writes_nothing(gk, cat, formed):
    run = gk(*NEW, "--formed", formed, "-C", cat.root)
    assert run.code == 2
    assert "在今天（2026-11-27）之后，未新建" in run.err and "核对年份" in run.err
    assert sorted(p.name for p in cat.root.joinpath("records").iterdir()) == ["2026"]
    assert sorted(p.name for p in cat.root.joinpath("records/2026").iterdir()) == ["R2026-001.yaml"]


def test_new_record_formed_today_is_written(gk, cat):
    run = gk(*NEW, "--formed", "2026-11-27", "-C", cat.root)
    assert run.code == 0, run.err
    assert cat.root.joinpath("records/2026/R2026-002.yaml").is_file()


# ------------------------------------------------------------------ an empty entry, an empty list, quotes with nothing


@pytest.mark.parametrize(("channels", "said", "hint"), [
    ("[~, 政府网站]", "「公开渠道」第1项是空的", "删去这个空项"),
    ("[[政府网站, 政务服务中心], 政府网站]", "「公开渠道」第1项只能写一个值，这里写成了列表（2项）", "去掉这一项外面的方括号"),
    ("", "「公开渠道」没有填写（冒号后面是空的）", "写成「公开渠道: [甲, 乙]」"),
])
def test_an_entry_of_a_list_is_named_by_its_number(gk, cat, channels, said, hint):
    item = cat.root.joinpath("items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8")
    cat.item(item.replace("公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]", f"公开渠道: {channels}".rstrip()))
    found = [d for d in _diags(gk, cat) if d["severity"] == "error"]
    assert [(d["message"], d["line"]) for d in found] == [(said, 12)]
    assert found[0]["hint"].startswith(hint)


@pytest.mark.parametrize(("old", "new", "line", "column", "said"), [
    ("公开属性: 主动公开", '公开属性: ""', 8, 7, "「公开属性」没有填写（冒号后面是空的）"),
    ("成文日期: 2026-09-01", '成文日期: "\u3000"', 13, 7, "「成文日期」没有填写（冒号后面是空的）"),
])
def test_quotes_around_nothing_are_empty_not_a_value_named_with_nothing(gk, cat, old, new, line, column, said):
    cat.record(RECORD.replace(old, new))
    found = _one(_diags(gk, cat), "GK101")
    assert (found["line"], found["column"], found["message"]) == (line, column, said)


def test_an_attribute_left_empty_is_sent_back_at_its_own_line(gk, cat):
    cat.record(RECORD.replace("公开属性: 主动公开", "公开属性:"))
    found = _one(_diags(gk, cat), "GK301")
    assert (found["line"], found["column"]) == (8, 1)


def test_an_attribute_not_written_is_sent_back_at_the_id(gk, cat):
    cat.record(RECORD.replace("公开属性: 主动公开\n", ""))
    found = _one(_diags(gk, cat), "GK301")
    assert (found["line"], found["column"]) == (1, 5)


# ------------------------------------------------------------------ fmt on a file with empty values


def test_fmt_leaves_an_empty_value_empty_not_the_english_word_null(gk, cat):
    path = cat.record(RECORD.replace("文号: 测民〔2026〕1号", "文号:").replace("页数: 1", "页数: ~  # 待定")
                      .replace("文种: 公示\n", "").replace("公示截止: 2026-12-31", "公示截止: 2026-12-31\n文种: 公示"))
    run = gk("fmt", cat.root)
    assert run.code == 0, run.err
    text = path.read_text(encoding="utf-8")
    assert "null" not in text
    assert "\n文号:\n" in text and re.search("\n页数: +# 待定\n", text)
    assert text.index("文种: 公示") < text.index("责任单位")  # the file was rewritten (key order), not left alone
    assert gk("fmt", "--check", cat.root).code == 0


# ------------------------------------------------------------------ a comment typed with the Chinese input method on


@pytest.mark.parametrize(("old", "new", "line", "said", "kept"), [
    ("文号: 测民〔2026〕1号", "文号: 测民〔2026〕1号\u3000# 待编号", 3, "「文号」的值里有「# 待编号」", "只写「测民〔2026〕1号」"),
    (TITLE, TITLE + " ＃ 草稿", 2, "「题名」的值里有「＃ 草稿」", "只写「测试县民政局关于2026年第三季度低保对象名单的公示」"),
    ("  审查人: 张三", "  审查人: 张三 ＃科长", 10, "「审查人」的值里有「＃科长」", "只写「张三」"),
])
def test_a_comment_yaml_reads_as_text_is_named_before_it_is_published(gk, cat, old, new, line, said, kept):
    cat.record(RECORD.replace(old, new))
    found = _one(_diags(gk, cat), "GK019")
    assert (found["path"], found["line"], found["severity"]) == ("records/2026/R2026-001.yaml", line, "warning")
    assert found["message"].startswith(said) and found["hint"].endswith(kept + "。")


@pytest.mark.parametrize(("old", "new"), [
    ("文号: 测民〔2026〕1号", "文号: 测民〔2026〕1号  # 待编号"),         # a real comment
    ("文号: 测民〔2026〕1号", "文号: 测民〔2026〕1号#2"),                # no space before it: text
    ("  经审核，现将名单予以公示。", "  # 名单\n  经审核 ＃ 现将名单予以公示。"),  # Markdown in the body
])
def test_a_real_comment_and_hashes_in_the_body_are_no_finding(gk, cat, old, new):
    cat.record(RECORD.replace(old, new))
    assert [d for d in _diags(gk, cat) if d["code"] == "GK019"] == []


def test_a_value_refused_for_its_comment_is_told_once(gk, cat):
    cat.record(RECORD.replace("公开属性: 主动公开", "公开属性: 主动公开\u3000# 已审"))
    found = [d for d in _diags(gk, cat) if d["path"].startswith("records")]
    assert [(d["code"], d["line"]) for d in found] == [("GK104", 8)]
    assert found[0]["hint"].startswith("值中「#」前面的空格是全角空格（或不间断空格），注释没有生效")


def test_a_choice_with_a_full_width_space_after_it_is_told_so_not_called_another_name(gk, cat):
    cat.record(RECORD.replace("公开属性: 主动公开", "公开属性: 主动公开\u3000"))
    found = _one(_diags(gk, cat), "GK105")
    assert (found["line"], found["severity"]) == (8, "info")
    assert found["message"] == "「主动公开\u3000」前后多了空格（全角空格），按「主动公开」处理"
    assert found["hint"] == "删去这个空格，或运行 gongkai fmt 自动改正。"
    assert gk("fmt", cat.root).code == 0
    assert "公开属性: 主动公开\n" in cat.root.joinpath("records/2026/R2026-001.yaml").read_text(encoding="utf-8")


def test_fmt_keeps_the_closing_comments_of_the_file_and_of_a_nested_block_at_their_end(gk, cat):
    path = cat.record(
        "编号: R2026-001\n"
        "正文: |\n  经审核，现将名单予以公示。\n"
        "题名: 测试县民政局关于2026年第三季度低保对象名单的公示\n"
        "索引号: 350524-MZ-2026-00001\n文种: 公示\n责任单位: shjzg\n事项: SHJZ-001\n公开属性: 主动公开\n"
        "保密审查:\n  结论: 不涉及国家秘密，同意主动公开\n  审查人: 张三\n  审查日期: 2026-09-01\n  # 审查记录见档案\n"
        "成文日期: 2026-09-01\n公开日期: 2026-09-03\n公示截止: 2026-12-31\n页数: 1\n"
        "# 本文件由社会救助股维护\n")
    assert gk("fmt", cat.root).code == 0
    written = path.read_text(encoding="utf-8")
    assert written.endswith("页数: 1\n正文: |\n  经审核，现将名单予以公示。\n# 本文件由社会救助股维护\n")
    assert "  结论: 不涉及国家秘密，同意主动公开\n  # 审查记录见档案\n成文日期: 2026-09-01\n" in written
    assert gk("fmt", "--check", cat.root).code == 0


# ------------------------------------------------------------------ gongkai rule with the code typed another way


@pytest.mark.parametrize("typed", ["301", "ＧＫ３０１", " gk301 ", "attribute-missing"])
def test_rule_finds_a_code_typed_without_gk_in_full_width_or_by_its_name(gk, typed):
    run = gk("rule", typed)
    assert run.code == 0, run.err
    assert run.out.startswith("GK301 未标识公开属性（attribute-missing）\n")


def test_rule_with_no_such_code_says_where_to_look(gk):
    run = gk("rule", "999")
    assert run.code == 2
    assert "没有规则「999」。运行 gongkai rules 查看全部规则编号。" in run.err


@pytest.mark.parametrize(("args", "command"), [
    (("validate", "--format"), "gongkai validate"),
    (("new", "record", "--title"), "gongkai new record"),
])
def test_an_option_without_its_value_says_where_the_help_is(gk, args, command):
    run = gk(*args)
    assert run.code == 2
    assert f"需要一个值。\n运行 {command} --help 查看用法。" in run.err
