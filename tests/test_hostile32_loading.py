"""Thirty-second hostile pass: planted bugs in reading the catalog and in the messages about it — the vocabularies
and their aliases, run-on lists, the files gongkai does not read, the load rules' messages.

Every record, item and gongkai.yaml is typed by a clerk in Notepad; before any rule runs, gongkai lists the catalog's
files (catalog/skipped.py says which it does not read and why), reads each value of a vocabulary (model/vocab.py,
catalog/normalize.py: aliases become standard names, run-on lists are split, each said) and explains what pydantic
refused (catalog/schema_errors.py). No mutation group covered these modules; this pass adds 「loading」
(tools/mutation.py). Each test below writes files into a small catalog in tmp_path, runs the real CLI (`gongkai
validate`, `fmt`) and asserts the code, the line and column counted here by hand, the Chinese message and advice.

The record is the conftest RECORD (公开属性 on line 8, its value at column 7), the item the conftest ITEM (公开渠道 on
line 12, 公开对象 on 13, 公开层级 on 15; each value at column 7 after 「四个字: 」).

Found by this pass (each test named below failed before its fix):
1. 「不予公开理由: 第三方合法权益」 was read as 个人隐私 (GK105, a hint only: validate passed) and `gongkai fmt`
   rewrote the file to 「个人隐私」 — but 《条例》第十五条 protects 第三方合法权益 against disclosing a 商业秘密 as much as
   a 个人隐私: a record withheld for a company's secret was written down as withheld for someone's privacy. Now it is
   GK104 at its line and column, naming both grounds and asking which; fmt leaves the file as typed.
   test_a_ground_that_may_be_either_of_two_is_asked_not_guessed.
2. A field of one value written as two (「公开对象: 特定群体、全社会」, 「不予公开理由: 商业秘密、个人隐私」) was told
   「多项要写成列表，用半角逗号分隔，如 [甲, 乙]」: done so, it is the next error (the field takes one value). Now it says
   the field takes one value; an element of a list (「公开层级: [县级、村级]」) is still told to split.
   test_a_field_of_one_value_written_as_two_is_told_to_choose_one.
3. GK107 (a run-on list split) told the clerk to write the parts as typed: 「写成 [政府网站, 公示栏]」, where 公示栏 is
   itself an alias (the next finding, GK105). Now the list to write is in the standard names.
   test_a_run_on_list_is_told_in_the_standard_names.
4. A record saved as 「R2026-002.yaml 」 (a space at the end), 「R2026-003。yaml」 (the Chinese full stop of the input
   method), 「R2026-004. yaml」 or 「R2026-005．yaml」 was GK011 「不是 .yaml 文件」 — the clerk sees .yaml in the name
   and cannot tell what is wrong; and the name ending in a space, which Windows cannot hold, was not GK018 (a file not
   read was never checked for Windows). Now GK011 says what was typed (空格, 中文句号「。」, 全角字符) and the name to
   rename it to; a file not read is checked for Windows like every other (GK018).
   test_a_yaml_name_mistyped_is_named_with_what_was_typed_and_the_right_name.
5. gongkai.yml or gongkai.yaml.txt beside gongkai.yaml (Notepad's 「另存为」 keeps .txt; Explorer hides it) was read by
   nothing and named by nothing: the clerk's change to the 网站 address or the 领导 list did nothing, without a word.
   Now GK011 names it and says the settings are read from gongkai.yaml only. 「GONGKAI.YAML」 stays GK018 (one
   overwrites the other on Windows). test_a_second_gongkai_yaml_under_another_name_is_named.
6. A record or item in a folder named as a YAML folder in other letters (Records/2026/…, Items/…) was read by
   nothing and named by nothing: on Windows, git checks it out into records/, where the clerk sees it, while validate
   and build-site on the server pass it over. Now GK011 names it, the folder gongkai reads, and the `git mv` that
   moves it (and `gongkai rule GK011` says so); `gongkai diff` names both files (无法比较, as validate).
   test_a_record_in_a_folder_spelled_in_capitals_is_named,
   test_diff_names_a_second_gongkai_yaml_and_a_record_in_records_spelled_in_capitals.
7. 「公开渠道: 政府网站」 (one channel, not written as a list) was GK107 「「政府网站」把几项写在了一起」; and `gongkai fmt`
   said 「别称改为标准名称：公开渠道」 of a list it had only split. Now GK107 says the value is not written as a list (a
   list even of one), and fmt says 「改写成列表」 for a split, 「别称改为标准名称」 only for an alias renamed.
   test_one_value_not_written_as_a_list_is_not_called_several_and_fmt_says_what_it_did.
8. The box 「社区/企事业单位/村公示栏（电子屏）」 typed with 「、」 for its 「/」 was GK104 (an error: 「多项要写成列表」); the
   alias 「发布会、听证会」 (and 入户、现场) was split into 发布会 and 听证会, each renamed to 发布会/听证会: the advice said
   「写成 [发布会/听证会, 发布会/听证会]」 and fmt wrote the box twice. Now a value that is one box as written is read
   as that box; names that become one box are listed once (a value the clerk wrote twice stays as written).
   test_one_box_written_with_a_dunhao_is_one_box_not_two_of_it.
9. 「文号: 0x」 and 3,700 hexadecimal digits (a number of 4,456 decimal digits) in a file under 4,000 characters was exit
   3, 内部错误 (Python refuses to turn it into text; the limits counted a hexadecimal number's digits as decimal ones
   and looked only at files over 4,000 characters); in fmt it passed as 「已整理 0 个」. A key of 4,400 digits
   (「999…: x」) was GK001 「缺少冒号」, 「? 999…」 GK111 at 1:1. Now each is GK111 at its line and column, exit 1.
   test_nesting_and_long_numbers_are_found_at_their_line_and_column.
10. A Tab typed after a key's colon to line the values up (「公开方式:\t主动公开」) was GK007 「这里有不能出现的字符」 for
   the first such line only, and every other finding of the file (「主动公开」 GK105, a wrong type…) stood at 1:1,
   under 「编号:」: the fast parser read the file, ruamel (which places findings) refused it. Now each such Tab is
   GK007 「冒号后面用了制表符（Tab）」 at its line and column, all in one run, before the file is read (fmt mends them);
   a Tab elsewhere ruamel refuses (at a value's end, after a list's 「-」) is still named where ruamel stops, and the
   file's other findings are placed with each Tab read as a space (no value moves), not at 1:1.
   test_a_tab_after_a_keys_colon_is_named_where_it_is_and_other_findings_are_not_put_on_line_1.
11. A value of a vocabulary with full-width characters that are no slip (「其他（12345政务服务热线）」, 「主动，依申请」) was
   told 「「（）」是全角字符……按 Shift+空格 切换到半角，再重新输入」 — typed again in half-width it is as wrong. Now that
   advice is given for a vocabulary's value only when the half-width value is one of the choices (「ｅｒｒｏｒ」).
   test_half_width_is_advised_only_where_it_makes_the_value_right.

Otherwise no result was found wrong over the inputs tried: 「主动公开　」 (a full-width space after), 「依申请」 for
依申请公开, 「决策」 for 决策公开, 「主动 公开」, 「县级、乡级　」, a run-on element of a block list under CRLF and a BOM,
「部分公开」, 「其它」 (GK104, 是否想写「其他」), 「新闻发布会」 in a flow list, a mapping and a list inside 公开渠道; nesting of
40 brackets on line 1 after a BOM, after a tab or a full-width space, of 40 「- 」 under CRLF; numbers of 4,001 and
4,400 digits after a BOM, a tab, in a flow list, negative; 「R2026-002.yaml.bak」, 「.ymal」, 「~」, 「~$R2026-002.yaml」
(read, and GK203), a hidden 「.R2026-002.yaml」 (read); 编号 「R2026-001.」, AUX, com1.x, full-width digits, an en dash;
网站.基础地址 with 「：」, without https://, with a Chinese domain; 检查.严重程度 with 「关」, GK0111, full-width ＧＫ０１１;
`--format github` of a file named 「名单:第一批,甲.pdf」 (escaped). The other tests hold what the mutants of the new
group showed no test held (docs/mutation.md, 「Thirty-second pass」).
"""

from __future__ import annotations

from collections.abc import Callable

from conftest import ITEM, RECORD, CatalogDir, Run


def _swap(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def _one(run: Run, line: str) -> None:
    """*line* (「9:9 错误 GK104 …」) is one line of the run's output, exactly."""
    assert any(shown.strip() == line for shown in run.out.splitlines()), run.out


WITHHELD = _swap(_swap(RECORD, "公开属性: 主动公开\n", "公开属性: 不予公开\n不予公开理由: 第三方合法权益\n"),
                 "正文: |\n  经审核，现将名单予以公示。\n", "")


# --- vocabularies and aliases (vocab.py, normalize.py, schema_errors.py) -------------------------------------------

def test_a_ground_that_may_be_either_of_two_is_asked_not_guessed(gk: Callable[..., Run], cat: CatalogDir) -> None:
    path = cat.record(WITHHELD)
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1
    _one(run, "9:9 错误 GK104 「第三方合法权益」不是有效的「不予公开理由」［R2026-001］")
    _one(run, "改正：「第三方合法权益」可以是「商业秘密」，也可以是「个人隐私」，不能替您选：按实际情况写其中一个。"
              "可选的值：国家秘密、法律法规禁止公开、危及三安全一稳定、商业秘密、个人隐私、内部事务信息、过程性信息、行政执法案卷。")
    assert "GK105" not in run.out and "按标准名称" not in run.out
    fmt = gk("fmt", path)
    assert path.read_text(encoding="utf-8") == WITHHELD, fmt.out  # not rewritten to 个人隐私
    # each of the two, written, is read as written; the aliases that stand for one ground still are
    for written, read in (("商业秘密", None), ("个人隐私", None), ("涉密", "国家秘密"), ("过程性", "过程性信息"),
                          ("国家 秘密", "国家秘密")):
        cat.record(_swap(WITHHELD, "第三方合法权益", written))
        run = gk("validate", cat.root, "--no-cache")
        assert run.code == 0 and "GK104" not in run.out, run.out
        if read:
            _one(run, f"9:9 提示 GK105 「{written}」是不予公开理由的别称，按标准名称「{read}」处理［R2026-001］")


def test_a_field_of_one_value_written_as_two_is_told_to_choose_one(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.item(_swap(_swap(ITEM, "公开对象: 全社会", "公开对象: 特定群体、全社会"),
                   "公开层级: [县级, 乡级]", "公开层级: [县级、村级]"))
    cat.record(_swap(WITHHELD, "第三方合法权益", "商业秘密，个人隐私"))  # 「，」 here is no slip of the input method
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1
    _one(run, "13:7 错误 GK104 「特定群体、全社会」不是有效的「公开对象」［SHJZ-001］")
    _one(run, "改正：「公开对象」只能写一个值，不能写成几项或列表：请选其中一个。可选的值：全社会、特定群体。")
    _one(run, "9:9 错误 GK104 「商业秘密，个人隐私」不是有效的「不予公开理由」［R2026-001］")
    _one(run, "改正：「不予公开理由」只能写一个值，不能写成几项或列表：请选其中一个。可选的值：国家秘密、法律法规禁止公开、"
              "危及三安全一稳定、商业秘密、个人隐私、内部事务信息、过程性信息、行政执法案卷。")
    # an element of a list: 「[县」 is column 7, the element's first character column 8
    _one(run, "15:8 错误 GK104 「县级、村级」不是有效的「公开层级」［SHJZ-001］")
    _one(run, "改正：多项要写成列表，用半角逗号分隔，如 [甲, 乙]；可选的值：县级、乡级。")
    assert run.out.count("多项要写成列表") == 1 and "Shift+空格" not in run.out


def test_half_width_is_advised_only_where_it_makes_the_value_right(gk: Callable[..., Run], cat: CatalogDir) -> None:
    # 「其他（12345政务服务热线）」: full-width brackets are how Chinese is written; in half-width it is as wrong
    cat.item(_swap(ITEM, "公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]", "公开渠道: [其他（12345政务服务热线）]"))
    # 「ｅｒｒｏｒ」 typed in the input method's full-width mode (gongkai.yaml ends on line 37: 检查 38, 严重程度 39, the
    # value on line 40 after 「    GK011: 」, column 12) is 「error」 in half-width: that advice stays
    cat.write("gongkai.yaml", (cat.root / "gongkai.yaml").read_text(encoding="utf-8")
              + "检查:\n  严重程度:\n    GK011: ｅｒｒｏｒ\n")
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1
    _one(run, "12:8 错误 GK104 「其他（12345政务服务热线）」不是有效的「公开渠道」［SHJZ-001］")
    _one(run, "改正：可选的值：政府网站、政府公报、两微一端、发布会/听证会、广播电视、纸质媒体、公开查阅点、政务服务中心、便民服务站、"
              "入户/现场、社区/企事业单位/村公示栏（电子屏）、精准推送、其他。")
    _one(run, "40:12 错误 GK104 「ｅｒｒｏｒ」不是有效的「GK011」")
    assert "「ｅｒｒｏｒ」中的「ｅｒｏ」是全角字符（中文输入法的全角模式打出来的）：按 Shift+空格 切换到半角，再重新输入这个值。" in run.out
    assert run.out.count("Shift+空格") == 1


def test_a_run_on_list_is_told_in_the_standard_names(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.item(_swap(ITEM, "公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]", "公开渠道: 政府网站，公示栏"))
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 0
    _one(run, "12:7 警告 GK107 「政府网站，公示栏」把几项写在了一起（用了全角逗号、顿号或没有写成列表）［SHJZ-001］")
    _one(run, "改正：列表要用半角逗号分隔，写成 [政府网站, 社区/企事业单位/村公示栏（电子屏）]，或每项一行「- 」。")
    _one(run, "12:7 提示 GK105 「公示栏」是公开渠道的别称，按标准名称「社区/企事业单位/村公示栏（电子屏）」处理［SHJZ-001］")


def test_one_value_not_written_as_a_list_is_not_called_several_and_fmt_says_what_it_did(
        gk: Callable[..., Run], cat: CatalogDir) -> None:
    channels = "公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]"
    path = cat.item(_swap(ITEM, channels, "公开渠道: 政府网站"))
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "12:7 警告 GK107 「政府网站」没有写成列表：「公开渠道」是列表，只有一项也要写成列表［SHJZ-001］")
    _one(run, "改正：写成 [政府网站]，或在下一行写「  - 政府网站」。")
    assert "几项" not in run.out
    fmt = gk("fmt", path)
    assert fmt.out == f"已整理 {path}：改写成列表：公开渠道\n共 1 个文件，已整理 1 个。\n"  # no alias was renamed
    assert path.read_text(encoding="utf-8") == _swap(ITEM, channels, "公开渠道:\n  - 政府网站")
    cat.item(_swap(ITEM, channels, "公开渠道: 政府网站、政务服务中心"))
    assert gk("fmt", path).out == f"已整理 {path}：改写成列表：公开渠道\n共 1 个文件，已整理 1 个。\n"
    cat.item(_swap(ITEM, channels, "公开渠道: [政府网站, 公示栏]"))
    assert gk("fmt", path).out == f"已整理 {path}：别称改为标准名称：公开渠道\n共 1 个文件，已整理 1 个。\n"
    assert path.read_text(encoding="utf-8") == ITEM


def test_one_box_written_with_a_dunhao_is_one_box_not_two_of_it(gk: Callable[..., Run], cat: CatalogDir) -> None:
    channels = "公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]"
    # the box's name with 「、」 for its 「/」; 「[」 is column 7, 政府网站 columns 8–11, 「, 」, the next value column 14
    cat.item(_swap(ITEM, channels, "公开渠道: [政府网站, 社区、企事业单位、村公示栏（电子屏）]"))
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 0 and "GK104" not in run.out and "GK107" not in run.out
    _one(run, "12:14 提示 GK105 「社区、企事业单位、村公示栏（电子屏）」是公开渠道的别称，按标准名称"
              "「社区/企事业单位/村公示栏（电子屏）」处理［SHJZ-001］")
    # 「发布会、听证会」 is the box 发布会/听证会 (an alias as written), not two of it
    path = cat.item(_swap(ITEM, channels, "公开渠道: 发布会、听证会"))
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "12:7 警告 GK107 「发布会、听证会」没有写成列表：「公开渠道」是列表，只有一项也要写成列表［SHJZ-001］")
    _one(run, "改正：写成 [发布会/听证会]，或在下一行写「  - 发布会/听证会」。")
    _one(run, "12:7 提示 GK105 「发布会、听证会」是公开渠道的别称，按标准名称「发布会/听证会」处理［SHJZ-001］")
    # two names of one box, split from one element: listed once, in the advice and in the file fmt writes
    cat.item(_swap(ITEM, channels, "公开渠道:\n  - 政府网站\n  - 发布会，听证会"))
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "改正：列表要用半角逗号分隔，写成 [发布会/听证会]，或每项一行「- 」。")
    gk("fmt", path)
    assert path.read_text(encoding="utf-8") == _swap(ITEM, channels, "公开渠道:\n  - 政府网站\n  - 发布会/听证会")
    # a value written twice by the clerk stays as written (no alias made it so)
    cat.item(_swap(ITEM, channels, "公开渠道: [政府网站, 政府网站, 村公示栏]"))
    gk("fmt", path)
    assert path.read_text(encoding="utf-8") == _swap(
        ITEM, channels, "公开渠道: [政府网站, 政府网站, 社区/企事业单位/村公示栏（电子屏）]")


def test_a_tab_after_a_keys_colon_is_named_where_it_is_and_other_findings_are_not_put_on_line_1(
        gk: Callable[..., Run], cat: CatalogDir) -> None:
    # Notepad users line values up with Tab: 「公开方式:\t主动公开」 (line 14; 「公开方式:」 is five characters, the Tab
    # column 6) and 「五公开:\t决策」 (line 3, the Tab column 5). Before, the first was 「这里有不能出现的字符」 and
    # the GK105 of 主动公开 and of 决策 stood at 1:1, under 「编号: SHJZ-001」; the second Tab came up only on the next run.
    text = _swap(_swap(ITEM, "公开方式: 主动", "公开方式:\t主动公开"), "五公开: 结果公开", "五公开:\t决策")
    path = cat.item(text.replace("\n", "\r\n").encode("utf-8"))
    cat.record(_swap(RECORD, "  经审核，现将名单予以公示。", "  经审核:\t现将名单予以公示。"))  # inside 正文: content
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1
    _one(run, "3:5 错误 GK007 冒号后面用了制表符（Tab）")
    _one(run, "14:6 错误 GK007 冒号后面用了制表符（Tab）")
    _one(run, "改正：键名后面是半角冒号和一个半角空格：把 Tab 换成一个半角空格（对齐用的 Tab 都删去）；gongkai fmt 可自动改正。")
    assert " 1:1 " not in run.out and "GK105" not in run.out and "records/2026" not in run.out
    assert gk("fmt", path).code == 0
    assert path.read_bytes() == _swap(_swap(ITEM, "公开方式: 主动", "公开方式: 主动"), "五公开: 结果公开",
                                      "五公开: 决策公开").replace("\n", "\r\n").encode("utf-8")
    # a Tab left at a value's end (line 14, after 「公开方式: 主动公开」: column 11) and after a list's 「-」 (line 7,
    # 「  -」: column 4): GK007 names the first where ruamel stops; the file's other findings stand at their own lines
    cat.item(_swap(_swap(_swap(ITEM, "公开方式: 主动", "公开方式: 主动公开\t"), "五公开: 结果公开", "五公开: 决策"),
                   "  - 低保对象名单及相关信息", "  -\t低保对象名单及相关信息"))
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1 and " 1:1 " not in run.out
    _one(run, "7:4 错误 GK007 这里有不能出现的字符（常见为制表符 Tab 或 @、` 开头的值）")
    _one(run, "3:6 提示 GK105 「决策」是五公开的别称，按标准名称「决策公开」处理［SHJZ-001］")
    _one(run, "14:7 提示 GK105 「主动公开」是公开方式的别称，按标准名称「主动」处理［SHJZ-001］")


# --- files gongkai does not read (skipped.py) ----------------------------------------------------------------------

def _second(number: str) -> str:
    return RECORD.replace("R2026-001", number).replace("00001", number[-5:].replace("-", "0")).replace(
        "测民〔2026〕1号", f"测民〔2026〕{int(number[-3:])}号")


def test_a_yaml_name_mistyped_is_named_with_what_was_typed_and_the_right_name(gk: Callable[..., Run],
                                                                              cat: CatalogDir) -> None:
    names = {"R2026-002": "R2026-002.yaml ", "R2026-003": "R2026-003。yaml", "R2026-004": "R2026-004. yaml",
             "R2026-005": "R2026-005．yaml"}
    for number, name in names.items():
        cat.record(_second(number), f"records/2026/{name}")
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1  # the name ending in a space: GK018
    rename = "（切换到英文输入法输入「.」，文件名中不留空格）。"
    for name, typed, meant in (("R2026-002.yaml ", "有空格", "R2026-002.yaml"),
                               ("R2026-003。yaml", "用了中文句号「。」", "R2026-003.yaml"),
                               ("R2026-004. yaml", "有空格", "R2026-004.yaml"),
                               ("R2026-005．yaml", "有全角字符", "R2026-005.yaml")):
        _one(run, f"- 警告 GK011 「{name}」的文件名中{typed}，不是以 .yaml 结尾，没有作为公开信息读取")
        _one(run, f"改正：把文件改名为 {meant}{rename}")
    _one(run, "- 错误 GK018 「R2026-002.yaml 」以空格结尾：Windows 会去掉末尾的空格，这个文件在 Windows 上无法打开，"
              "也无法从 git 检出")
    assert "不是 .yaml 文件" not in run.out and run.out.count("GK018") == 1
    # a name that is no .yaml mistyped keeps the general advice (「.yaml．」 ends in a dot, not in .yaml); two slips
    # in one name are both said; a .yaml file with a Chinese name is read (GK013, no GK011)
    (cat.root / "records/2026/R2026-002.yaml ").rename(cat.root / "records/2026/R2026-002.yaml.bak")
    (cat.root / "records/2026/R2026-003。yaml").rename(cat.root / "records/2026/R2026-003.yaml．")
    (cat.root / "records/2026/R2026-004. yaml").rename(cat.root / "records/2026/R2026-004 。yaml")
    (cat.root / "records/2026/R2026-005．yaml").rename(cat.root / "records/2026/低保公示.yaml")
    run = gk("validate", cat.root, "--no-cache")
    _one(run, "- 警告 GK011 「R2026-002.yaml.bak」不是 .yaml 文件，没有作为公开信息读取")
    _one(run, "- 警告 GK011 「R2026-003.yaml．」不是 .yaml 文件，没有作为公开信息读取")
    _one(run, "- 警告 GK011 「R2026-004 。yaml」的文件名中有空格、用了中文句号「。」，不是以 .yaml 结尾，没有作为公开信息读取")
    _one(run, "- 警告 GK013 文件名「records/2026/低保公示.yaml」含有中文或全角字符")
    assert "「低保公示.yaml」" not in run.out and "文件名「低保公示」与编号「R2026-005」不一致" in run.out


def test_a_second_gongkai_yaml_under_another_name_is_named(gk: Callable[..., Run], cat: CatalogDir) -> None:
    changed = (cat.root / "gongkai.yaml").read_text(encoding="utf-8").replace("王局长", "李局长")
    for name in ("gongkai.yaml.txt", "gongkai.yml", "Gongkai .yaml"):
        cat.write(name, changed)
    cat.write("inspect.yaml", "年报截止: \"01-31\"\n")  # a file of the catalog's top that is no agency's: not named
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 0
    for name in ("gongkai.yaml.txt", "gongkai.yml", "Gongkai .yaml"):
        _one(run, f"- 警告 GK011 「{name}」没有读取：机关设置只从 gongkai.yaml 读取，写在「{name}」中的内容不起作用")
        _one(run, f"改正：把要改的内容写进 gongkai.yaml，再删去「{name}」；用记事本「另存为」时，文件名写 gongkai.yaml，"
                  "「保存类型」选「所有文件」。")
    assert "inspect.yaml" not in run.out and run.out.count("GK011") == 3
    (cat.root / "gongkai.yml").rename(cat.root / "GONGKAI.YAML")
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1 and "GK011 「GONGKAI.YAML」" not in run.out
    assert "错误 GK018 「GONGKAI.YAML」与「gongkai.yaml」只差大小写" in run.out


def test_a_record_in_a_folder_spelled_in_capitals_is_named(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.record(_second("R2026-002"), "Records/2026/R2026-002.yaml")
    cat.item(ITEM.replace("SHJZ-001", "SHJZ-002"), "ITEMS/shjz/SHJZ-002.yml")
    cat.write("Records/2026/说明.docx", b"PK\x03\x04")  # not YAML: not said to be a record
    run = gk("validate", cat.root, "--no-cache", "--strict")
    assert run.code == 1
    _one(run, "- 警告 GK011 「Records/2026/R2026-002.yaml」在文件夹「Records」中，没有作为公开信息读取：gongkai 只读"
              "全小写的「records」文件夹")
    _one(run, "改正：把它移到「records」下：git mv \"Records/2026/R2026-002.yaml\" \"records/2026/R2026-002.yaml\""
              "（Windows 不分大小写，在资源管理器中「Records」和「records」是同一个文件夹，要用 git 改名）。")
    _one(run, "- 警告 GK011 「ITEMS/shjz/SHJZ-002.yml」在文件夹「ITEMS」中，没有作为公开事项读取：gongkai 只读"
              "全小写的「items」文件夹")
    assert "说明.docx" not in run.out and run.out.count("GK011") == 2
    assert "名字大小写不同的目录文件夹（Records/、ITEMS/）中的 .yaml 文件" in gk("rule", "GK011").out


def test_diff_names_a_second_gongkai_yaml_and_a_record_in_records_spelled_in_capitals(
        gk: Callable[..., Run], cat: CatalogDir, repo: object) -> None:
    """The pull request a clerk opens with them: `gongkai diff` was silent (neither file is in a YAML folder)."""
    cat.write("gongkai.yaml.txt", (cat.root / "gongkai.yaml").read_text(encoding="utf-8"))
    cat.record(_second("R2026-002"), "Records/2026/R2026-002.yaml")
    run = gk("diff", "-C", cat.root)
    assert "共 2 处变化：实质性 0 处，文字性 0 处，无法比较 2 处" in run.out, run.out
    _one(run, "无法比较 机关设置 gongkai.yaml.txt")
    _one(run, "无法比较 公开信息 Records/2026/R2026-002.yaml")
    _one(run, "Records/2026/R2026-002.yaml GK011 「Records/2026/R2026-002.yaml」在文件夹「Records」中，没有作为公开信息读取："
              "gongkai 只读全小写的「records」文件夹")


# --- limits checked before the parser (limits.py) ------------------------------------------------------------------

def test_nesting_and_long_numbers_are_found_at_their_line_and_column(gk: Callable[..., Run], cat: CatalogDir) -> None:
    deep = "备注: " + "[" * 40 + "1" + "]" * 40 + "\n"
    # after a BOM and with CRLF, on line 1: the top mapping is level 1, so the 32nd 「[」 is level 33: 「备注: 」 is
    # four characters, the first 「[」 column 5, the 32nd column 36 (the BOM is no column)
    cat.record(b"\xef\xbb\xbf" + (deep + RECORD).replace("\n", "\r\n").encode("utf-8"))
    # 32 levels of keys, each one space deeper: 附注 on line 19 is level 1, a32 (32 spaces in) on line 51 level 33
    cat.record(RECORD.replace("R2026-001", "R2026-002") + "附注:\n" + "".join(" " * i + f"a{i}:\n" for i in range(1, 40)),
               "records/2026/R2026-002.yaml")
    # brackets inside quotes and after a comment's 「 #」 are no nesting: this file is read (GK102 for 备注 only)
    cat.record(RECORD.replace("R2026-001", "R2026-003") + "备注: \"" + "[" * 40 + "\" # " + "[" * 40 + "\n",
               "records/2026/R2026-003.yaml")
    # 4,400 digits on line 16: 「页数: 」, the number at column 5
    cat.record(RECORD.replace("R2026-001", "R2026-004").replace("页数: 1\n", "页数: " + "9" * 4400 + "\n"),
               "records/2026/R2026-004.yaml")
    # 0x and 3,700 hexadecimal digits (14,800 bits: a number of 4,456 decimal digits) in a file of fewer than 4,000
    # characters, as 文号 on line 3 (column 5): it was exit 3, 内部错误 (Python refuses to turn it into text)
    hexadecimal = RECORD.replace("R2026-001", "R2026-005").replace("测民〔2026〕1号", "0x" + "f" * 3700)
    assert len(hexadecimal) < 4000
    cat.record(hexadecimal, "records/2026/R2026-005.yaml")
    # a key of 4,400 digits on line 19: YAML reads it as a number too
    cat.record(RECORD.replace("R2026-001", "R2026-006") + "9" * 4400 + ": x\n", "records/2026/R2026-006.yaml")
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1
    blocks = {b.split("\n", 1)[0]: b for b in run.out.split("records/2026/")}
    assert "3:5 错误 GK111 数字太长（3702 位）" in blocks["R2026-005.yaml"]
    assert "19:1 错误 GK111 数字太长（4400 位）" in blocks["R2026-006.yaml"]
    fmt = gk("fmt", cat.root / "records/2026/R2026-005.yaml")
    assert fmt.code == 1 and "无法整理：第 3 行第 5 列：数字太长（3702 位）" in fmt.err + fmt.out
    assert "1:36 错误 GK014 列表和「键: 值」嵌套超过 32 层" in blocks["R2026-001.yaml"]
    assert "改正：目录文件最多嵌套几层；请检查括号是否成对、缩进是否一层层越缩越多。" in blocks["R2026-001.yaml"]
    assert "51:33 错误 GK014 列表和「键: 值」嵌套超过 32 层" in blocks["R2026-002.yaml"]
    assert "GK014" not in blocks["R2026-003.yaml"] and "19:1 错误 GK102 未知字段「备注」" in blocks["R2026-003.yaml"]
    assert "16:5 错误 GK111 数字太长（4400 位）" in blocks["R2026-004.yaml"]
    assert "改正：页数、份数等写实际的数字；若这是编号或号码，请加引号写成文字，如 \"0123…\"。" in blocks["R2026-004.yaml"]
