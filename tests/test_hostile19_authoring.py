"""Hostile pass on the schema, validate and authoring (issues 2 and 7), as a clerk who writes YAML in Notepad on
Windows would try them. Expected keys, lines, columns and words are typed by hand from the files written here."""

from __future__ import annotations

import pytest

from tests.conftest import RECORD, CatalogDir


def _diags(gk, cat: CatalogDir) -> list[dict]:
    run = gk("validate", cat.root, "--format", "json", "--no-cache")
    assert run.code in (0, 1), run.err
    return run.json()["diagnostics"]  # type: ignore[index,no-any-return]


def _where(diags: list[dict], code: str) -> list[tuple[str, int, int]]:
    return [(d["path"], d["line"], d["column"]) for d in diags if d["code"] == code]


# ------------------------------------------------------------------ a key typed one character off, or in pinyin


@pytest.mark.parametrize("typed", ["文钟", "wenzhong", "WenZhong", "wen_zhong"])
def test_a_key_one_character_off_or_in_pinyin_is_taken_for_the_key_the_file_lacks(gk, cat, typed):
    # 「文钟」 is one character from 文种 and two from 正文: it was suggested as 「正文」 and 文种 reported missing apart
    cat.record(RECORD.replace("文种: 公示", f"{typed}: 公示"))
    diags = _diags(gk, cat)
    unknown = [d for d in diags if d["code"] == "GK102"]
    assert len(unknown) == 1
    assert unknown[0]["message"] == f"未知字段「{typed}」，因此缺少必填字段「文种」"
    assert unknown[0]["hint"] == "是否想写「文种」？把键名改为「文种」。"
    assert (unknown[0]["line"], unknown[0]["column"]) == (5, 1)
    assert not any(d["code"] == "GK101" for d in diags)


def test_a_key_in_pinyin_whose_field_is_not_required_is_named(gk, cat):
    cat.record(RECORD.replace("页数: 1", "yeshu: 1"))
    unknown = [d for d in _diags(gk, cat) if d["code"] == "GK102"]
    assert [(d["message"], d["hint"], d["line"]) for d in unknown] == [("未知字段「yeshu」", "是否想写「页数」？", 16)]


# ------------------------------------------------------------------ spaces YAML does not take for spaces


NBSP = "\u00a0"


@pytest.mark.parametrize("indent", [NBSP * 2, NBSP + " "])
def test_a_no_break_space_indenting_a_key_is_named_on_its_own_line_and_fmt_mends_it(gk, cat, indent):
    # Copied from a web page or Word: was 「11:7 这里不能出现冒号加空格」 (the line below), or 「未知字段「  结论」」 with
    # every top-level key offered; fmt moved the line to the end of the file
    cat.record(RECORD.replace("  结论: 不涉及", f"{indent}结论: 不涉及"))
    diags = _diags(gk, cat)
    assert [(d["code"], d["line"], d["column"]) for d in diags] == [("GK006", 12, 1)]
    assert diags[0]["message"] == "行首用了不间断空格缩进（从网页、Word 复制来的，看起来和空格一样）"
    assert "gongkai fmt 可自动改正" in diags[0]["hint"]
    run = gk("fmt", cat.root / "records/2026/R2026-001.yaml")
    assert run.code == 0, run.out + run.err
    assert (cat.root / "records/2026/R2026-001.yaml").read_text(encoding="utf-8") == RECORD
    assert _diags(gk, cat) == []


@pytest.mark.parametrize(("blank", "code"), [("\u3000", "GK006"), (NBSP, "GK006"), ("\t", "GK007"), (" \u3000", "GK006")])
def test_an_empty_paragraph_pasted_from_word_into_the_body_is_named_and_fmt_empties_it(gk, cat, blank, code):
    # 正文 pasted from Word: its empty paragraph holds a full-width space; YAML ends the block there. It was
    # 「19:1 缺少冒号，或缩进不对」 and fmt could not mend it
    body = "正文: |\n  经审核，\n{}\n  现将名单予以公示。\n"
    cat.record(RECORD.replace("正文: |\n  经审核，现将名单予以公示。\n", body.format(blank)))
    diags = _diags(gk, cat)
    odd = len(blank) - len(blank.lstrip(" ")) + 1
    assert [(d["code"], d["line"], d["column"]) for d in diags] == [(code, 19, odd)]
    assert diags[0]["message"].startswith("多行文字中的空行里有")
    run = gk("fmt", cat.root / "records/2026/R2026-001.yaml")
    assert run.code == 0, run.out + run.err
    written = (cat.root / "records/2026/R2026-001.yaml").read_text(encoding="utf-8")
    assert written == RECORD.replace("正文: |\n  经审核，现将名单予以公示。\n", body.format(""))
    assert _diags(gk, cat) == []


def test_a_full_width_space_inside_the_body_indentation_is_text_and_stays(gk, cat):
    text = RECORD.replace("  经审核，现将名单予以公示。\n", "  经审核，\n  \u3000\n  现将名单予以公示。\n")
    cat.record(text)
    assert _diags(gk, cat) == []
    assert gk("fmt", cat.root).code == 0
    assert (cat.root / "records/2026/R2026-001.yaml").read_text(encoding="utf-8") == text


# ------------------------------------------------------------------ numbers where text is meant


@pytest.mark.parametrize(("typed", "read"), [("1.10", "1.1"), ("12.", "12.0"), ("2.500", "2.5")])
def test_a_decimal_that_loses_its_last_zero_in_a_text_field_is_named(gk, cat, typed, read):
    # 「文号: 1.10」 was published as 文号 1.1, silently: YAML reads a number and the zero goes
    cat.record(RECORD.replace("文号: 测民〔2026〕1号", f"文号: {typed}"))
    diags = _diags(gk, cat)
    assert [(d["code"], d["line"], d["column"]) for d in diags] == [("GK015", 3, 5)]
    assert diags[0]["message"] == f"「{typed}」没有加引号，会被当作数字读成「{read}」，与所写的不同"
    assert diags[0]["hint"].startswith(f"号码、编号等文字请加引号，如 \"{typed}\"")


def test_a_decimal_written_as_it_is_read_and_an_amount_pass(gk, cat):
    cat.record(RECORD.replace("文号: 测民〔2026〕1号", "文号: 1.5"))
    cat.write("annual/2026.yaml", "年度: 2026\n行政事业性收费: 1.50\n")  # 万元: 1.50 is the amount 1.5
    assert [d for d in _diags(gk, cat) if d["code"] == "GK015"] == []


# ------------------------------------------------------------------ gongkai new: the unit as a clerk names it


@pytest.mark.parametrize("typed", ["SHJZG", "社会救助股", "测试县民政局社会救助股", "ｓｈｊｚｇ"])
def test_new_record_takes_the_unit_by_its_name_or_its_id_in_any_case(gk, cat, typed):
    # 「--unit SHJZG」 wrote a file validate refused (GK204); 「--unit 社会救助股」 was refused as 「编号只能用英文字母」
    run = gk("new", "record", "--title", "关于开展低保复核的通知", "--kind", "通知", "--unit", typed,
             "--item", "SHJZ-001", "--attribute", "依申请公开", "--formed", "2026-03-02", "-C", cat.root)
    assert run.code == 0, run.out + run.err
    written = (cat.root / "records/2026/R2026-002.yaml").read_text(encoding="utf-8")
    assert "责任单位: shjzg\n" in written


def test_new_item_with_a_unit_the_agency_lacks_is_refused_before_writing(gk, cat):
    run = gk("new", "item", "--domain", "社会救助", "--level1", "临时救助", "--five", "服务公开", "--content", "救助标准",
             "--unit", "ylfwg", "-C", cat.root)
    assert run.code == 2
    assert run.err.startswith("错误：责任单位「ylfwg」不在 gongkai.yaml 的「单位」中，未新建")
    assert "社会救助股（shjzg）" in run.err
    assert sorted(p.name for p in (cat.root / "items/shjz").iterdir()) == ["SHJZ-001.yaml"]


# ------------------------------------------------------------------ a key without its colon, over the lines it holds


def test_the_first_key_of_the_agency_file_without_its_colon_is_named_on_its_own_line(gk, cat):
    # 「机关」 (no colon) over 「  名称: 测试县民政局」 was 「2:5 这里不能出现冒号加空格」, on the line that is right
    cat.write("gongkai.yaml", (cat.root / "gongkai.yaml").read_text(encoding="utf-8").replace("机关:\n", "机关\n", 1))
    diags = _diags(gk, cat)
    assert [(d["path"], d["code"], d["line"], d["column"]) for d in diags] == [("gongkai.yaml", "GK001", 1, 1)]
    assert diags[0]["message"] == "缺少冒号"
    assert diags[0]["hint"] == "键后面要有半角冒号：写成「机关:」，下面缩进的各行属于它。"


def test_a_nested_key_without_its_colon_over_its_own_list_is_named_on_its_own_line(gk, cat):
    agency = (cat.root / "gongkai.yaml").read_text(encoding="utf-8")
    cat.write("gongkai.yaml", agency.replace("移交:\n  接收单位:\n", "移交:\n  接收单位\n"))
    diags = _diags(gk, cat)
    assert [(d["code"], d["line"], d["column"]) for d in diags] == [("GK001", 17, 3)]
    assert diags[0]["hint"] == "键后面要有半角冒号：写成「接收单位:」，下面缩进的各行属于它。"
    run = gk("fmt", cat.root / "gongkai.yaml")
    assert run.code == 1
    assert "第 17 行第 3 列：缺少冒号" in run.err


def test_a_list_item_key_without_its_colon_is_told_to_take_a_colon_and_a_value(gk, cat):
    cat.record(RECORD.replace("页数: 1\n", "页数: 1\n附件:\n  - 说明\n    文件: files/a.pdf\n"))
    diags = _diags(gk, cat)
    assert [(d["code"], d["line"], d["column"]) for d in diags] == [("GK001", 18, 5)]
    # the key's own name since the thirty-fifth pass (test_hostile35_notepad_clerk.py), not the example 「题名: ……」
    assert diags[0]["hint"] == "每个键后面要有半角冒号和一个空格：写成「说明: ……」（冒号后面写上值）。"


def test_new_record_with_a_unit_that_is_no_id_and_no_name_lists_the_units(gk, cat):
    run = gk("new", "record", "--title", "x", "--kind", "通知", "--unit", "社会救助科", "--item", "SHJZ-001",
             "--attribute", "依申请公开", "-C", cat.root)
    assert run.code == 2
    assert run.err.startswith("错误：「责任单位」的写法不对：「社会救助科」既不是单位的编号，也不是单位的名称，未新建：")
    assert "办公室（bgs）、社会救助股（shjzg）" in run.err
    assert sorted(p.name for p in (cat.root / "records/2026").iterdir()) == ["R2026-001.yaml"]


# ------------------------------------------------------------------ a value that starts with a sign of YAML

TITLE = "题名: 测试县民政局关于2026年第三季度低保对象名单的公示"


@pytest.mark.parametrize(("value", "said", "quoted"), [
    ("[转发]关于低保的通知", "值以「[」开头，YAML 把「[…]」读成了列表，后面的文字就接不上了", "'[转发]关于低保的通知'"),
    ('"低保"工作方案', "值以「\"」开头，YAML 只把引号里的文字读作值，后面的文字就接不上了", "'\"低保\"工作方案'"),
    ("'低保'工作方案", "值以「'」开头，YAML 只把引号里的文字读作值，后面的文字就接不上了", "\"'低保'工作方案\""),
    ("{重要}关于低保的通知", "值以「{」开头，YAML 把「{…}」读成了「键: 值」，后面的文字就接不上了", "'{重要}关于低保的通知'"),
    ("|关于低保", "值以「|」开头，「|」在 YAML 中是特殊符号，后面的文字就接不上了", "'|关于低保'"),
])
def test_a_title_starting_with_a_sign_of_yaml_is_told_to_be_quoted(gk, cat, value, said, quoted):
    # 「题名: [转发]关于低保的通知」 was 「2:9 缩进不一致」 (or 「YAML 格式错误，请检查缩进、冒号和引号」) under the text
    cat.record(RECORD.replace(TITLE, f"题名: {value}"))
    diags = _diags(gk, cat)
    assert [(d["code"], d["line"], d["column"], d["message"]) for d in diags] == [("GK001", 2, 5, said)]
    assert diags[0]["hint"] == f"给整个值加引号：写成「题名: {quoted}」。"
    cat.record(RECORD.replace(TITLE, f"题名: {quoted}"))  # what the hint says, done: the file reads
    assert _diags(gk, cat) == []


@pytest.mark.parametrize(("line", "value"), [("公开渠道: - 政府网站", "'- 政府网站'"), ("文号: -", "'-'")])
def test_a_list_dash_after_the_key_is_told_to_go_on_its_own_line(gk, cat, line, value):
    cat.record(RECORD.replace("文号: 测民〔2026〕1号", line))
    diags = _diags(gk, cat)
    key = line.split(":")[0]
    assert [(d["code"], d["line"], d["column"]) for d in diags] == [("GK001", 3, len(key) + 3)]
    assert diags[0]["message"] == "「- 」只能写在一行的开头（列表每项一行），不能跟在「键: 」后面"
    assert diags[0]["hint"].endswith(f"给整个值加引号：写成「{key}: {value}」。")


# ------------------------------------------------------------------ fmt keeps what the clerk wrote around a list


def test_fmt_keeps_the_comments_of_a_list_whose_alias_it_mends_and_the_lines_below_it(gk, cat):
    # 村公示栏 made canonical replaced the whole list: 「# 网站」 and the comment about 页数 under the list were lost
    before = RECORD.replace("页数: 1\n", "公开渠道:\n  - 政府网站   # 网站\n  - 村公示栏   # 公示栏\n\n# 页数按 PDF 计，不含封面\n页数: 1\n")
    cat.record(before)
    run = gk("fmt", cat.root / "records/2026/R2026-001.yaml")
    assert run.code == 0, run.out + run.err
    assert "别称改为标准名称：公开渠道" in run.out
    after = (cat.root / "records/2026/R2026-001.yaml").read_text(encoding="utf-8")
    assert after == before.replace("  - 村公示栏   # 公示栏\n", "  - 社区/企事业单位/村公示栏（电子屏） # 公示栏\n")
    assert gk("fmt", "--check", cat.root).code == 0


# ------------------------------------------------------------------ an id in the wrong case


@pytest.mark.parametrize(("old", "new", "code", "line", "hint"), [
    ("事项: SHJZ-001", "事项: shjz-001", "GK205", 7, "编号区分大小写：写成「SHJZ-001」。"),
    ("责任单位: shjzg", "责任单位: SHJZG", "GK204", 6, "编号区分大小写：写成「shjzg」。"),
])
def test_an_item_or_unit_id_in_the_wrong_case_is_told_the_right_one(gk, cat, old, new, code, line, hint):
    # was 「填写 items/ 下某个事项的编号」 / 「填写 gongkai.yaml「单位」中的编号，如 bgs、shjzg」: the clerk sees the id there
    cat.record(RECORD.replace(old, new))
    found = [d for d in _diags(gk, cat) if d["code"] == code]
    assert [(d["line"], d["hint"]) for d in found] == [(line, hint)]


# ------------------------------------------------------------------ a choice in traditional characters


def test_a_choice_in_traditional_characters_is_offered_the_simplified_one(gk, cat):
    cat.record(RECORD.replace("公开属性: 主动公开", "公开属性: 主動公開"))
    found = [d for d in _diags(gk, cat) if d["code"] == "GK104"]
    assert [(d["line"], d["column"], d["hint"]) for d in found] == [
        (8, 7, "可选的值：主动公开、依申请公开、不予公开。是否想写「主动公开」？")]


def test_a_choice_as_near_to_two_is_offered_neither(gk, cat):
    cat.record(RECORD.replace("文种: 公示", "文种: 公式"))  # one character from 公示 and from 公告
    found = [d for d in _diags(gk, cat) if d["code"] == "GK104"]
    assert len(found) == 1 and "是否想写" not in found[0]["hint"]
