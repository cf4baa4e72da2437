"""Hostile pass 20 on gongkai init, gongkai county and the front door: a new bureau's clerk on a narrow Chinese
console, the county 政务公开办's county.yaml typed in Notepad, and a bureau's own published table.

Expected values are typed by hand from the command's help, the YAML as written and the table as published.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from gongkai.cli import load_commands
from tests.conftest import BUNDLED, Run, git

# 成都市武侯区 (510107): no Fujian rules, its 乡镇 are 街道.
WUHOU = ["--address", "四川省成都市武侯区武侯祠大街1号", "--contact", "张敏", "--phone", "028-85551234",
         "--email", "whmzj@example.gov.cn", "--leader", "刘洋:局长", "--no-towns", "-y"]
_FRAME = re.compile(r"[\s│╭╮╰╯─]")


def _help(gk: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, columns: int, *command: str) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    shown = gk(*command, "--help")
    assert shown.code == 0, shown.err
    return shown.out


# --- a console 60 or 80 columns wide (cmd.exe's default is 80) ------------------------------------------------------

def _commands() -> list[list[str]]:
    import typer.main  # noqa: PLC0415 - the commands as typer builds them, to walk every sub-command

    from gongkai.cli import app  # noqa: PLC0415

    load_commands([])
    found: list[list[str]] = []

    def walk(command: object, path: list[str]) -> None:
        found.append(path)
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return found


@pytest.mark.parametrize("columns", [60, 80])
def test_help_folds_chinese_descriptions_instead_of_cutting_them_off(gk: Callable[..., Run],
                                                                       monkeypatch: pytest.MonkeyPatch,
                                                                       columns: int) -> None:
    """rich breaks lines at spaces only; a Chinese sentence has none, so 「--handover 每月移交两馆的日子：5,…」."""
    narrow = _help(gk, monkeypatch, columns, "init")
    assert "…" not in narrow
    assert "每月移交两馆的日子" in _FRAME.sub("", narrow)
    assert "默认「县名档案馆」" in _FRAME.sub("", narrow)  # --archive's default, typed from README's table
    top = _help(gk, monkeypatch, columns)
    assert "…" not in top
    assert "县政务公开办审核、考核各部门" in _FRAME.sub("", top)


def test_every_help_at_60_columns_says_all_it_says_at_200(gk: Callable[..., Run],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command's help, folded in 60 columns, holds the same 「…」 as at 200 (only those the texts write)."""
    for command in _commands():
        wide = _help(gk, monkeypatch, 200, *command)
        narrow = _help(gk, monkeypatch, 60, *command)
        assert narrow.count("…") == wide.count("…"), command


# --- argument names a clerk reads ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("command", "name"), [
    (["mask"], "名单文件"),
    (["log"], "编号"),
    (["rule"], "规则编号"),
    (["handover", "verify"], "批次文件夹"),
    (["deadline", "explain"], "编号"),
    (["import", "xlsx"], "表格文件"),
    (["calendar", "import"], "通知文件"),
])
def test_a_missing_argument_is_named_in_chinese(gk: Callable[..., Run], command: list[str], name: str) -> None:
    """Was 「用法错误：缺少参数 'item_id'。」: the Python name of the parameter."""
    result = gk(*command)
    assert result.code == 2
    assert f"缺少参数「{name}」" in result.err
    assert not re.search(r"'[a-z_]+'", result.err)


def test_a_wrong_argument_value_is_named_in_chinese(gk: Callable[..., Run]) -> None:
    result = gk("workdays", "add", "2026-09-30", "十")
    assert result.code == 2
    assert "「工作日数」：应为整数" in result.err


def test_usage_lines_and_argument_panels_have_no_english_names(gk: Callable[..., Run],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert "county [选项] [目录文件夹]..." in _help(gk, monkeypatch, 200, "county")
    assert "init [选项] [文件夹]" in _help(gk, monkeypatch, 200, "init")
    assert "diff [选项] [旧版本] [新版本]" in _help(gk, monkeypatch, 200, "diff")
    assert "validate [选项] [目录文件夹]" in _help(gk, monkeypatch, 200, "validate")
    for command in _commands():
        usage = next(line for line in _help(gk, monkeypatch, 200, *command).splitlines() if "用法:" in line)
        assert not re.search(r"[\[{][a-z_]+[\]}]", usage), usage


# --- county.yaml as Notepad saves it: BOM, CRLF, a full-width colon or none after 目录 -----------------------------

@pytest.mark.parametrize(("written", "what"), [
    ("  - 目录：mzj2", "冒号是全角的「：」"),
    ("  - 目录 mzj2", "键名后面少了冒号"),
    ("  - 目录　mzj2", "键名后面少了冒号"),  # a full-width space
    ("  - 仓库：https://git.example.org/ax/mzj2.git", "冒号是全角的「：」"),
])
def test_county_yaml_a_key_of_a_department_with_a_full_width_colon_or_none(
        gk: Callable[..., Run], tmp_path: Path, written: str, what: str) -> None:
    """Was read as 「- ../mzj」, a folder named 「目录：mzj2」: 「无法读取 目录：mzj2：找不到文件夹」, and exit 1."""
    shutil.copytree(BUNDLED, tmp_path / "mzj", ignore=shutil.ignore_patterns(".gongkai-cache"))
    config = tmp_path / "county.yaml"
    config.write_bytes(("\ufeff名称: 某县政务公开办\r\n部门:\r\n  - 目录: mzj\r\n" + written + "\r\n").encode("utf-8"))
    result = gk("county", "--config", config, "--out", tmp_path / "out")
    assert result.code == 2
    value = written.removeprefix("  - ")
    assert f"4:5 错误 GK001 「{value}」像是「{value[:2]}」的一行，但{what}，读出来是一个文件夹名" in result.err
    key, rest = value[:2], value[3:]
    assert f"改正：写成「{key}: {rest}」：键名后面是半角冒号和一个空格。" in result.err
    assert not (tmp_path / "out").exists()


def test_county_yaml_a_folder_alone_is_still_read(gk: Callable[..., Run], tmp_path: Path) -> None:
    """「- mzj」 and a folder whose name only starts like a key (目录2026) are folders, as before."""
    for folder in ("mzj", "目录2026"):
        shutil.copytree(BUNDLED, tmp_path / folder, ignore=shutil.ignore_patterns(".gongkai-cache"))
    config = tmp_path / "county.yaml"
    config.write_text("部门:\n  - mzj\n  - 目录2026\n", encoding="utf-8")
    result = gk("county", "--config", config, "--out", tmp_path / "out")
    assert "共 2 个部门，0 个无法读取。" in result.out
    assert (tmp_path / "out" / "review-2026.xlsx").exists()


# --- init --from-xlsx: the bureau's own table, with 领域 and 股室 of its own --------------------------------------

HEADER = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式",
          "公开层级", "责任单位"]


def _row(level1: str, unit: str) -> list[object]:
    return [1, level1, "办事指南", "办理条件；申请材料", "《社会救助暂行办法》", "制定或获取信息之日起10个工作日内",
            "区民政局", "政府网站", "全社会", "主动", "县级", unit]


def _table(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        sheet.append(HEADER)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


MZJ = ["--name", "成都市武侯区民政局", "--code", "510107"]


def test_init_from_a_table_with_domains_of_its_own_says_which_domain_options_to_add(
        gk: Callable[..., Run], tmp_path: Path) -> None:
    """Was 「看不出本表属于哪个领域：……应含 gongkai.yaml 中的领域……」 and 「改正表格后重新运行」: there is no gongkai.yaml
    yet, and the table is right."""
    table = _table(tmp_path / "目录表.xlsx", {"社会救助": [_row("最低生活保障", "社会救助股")],
                                             "社会事务": [_row("婚姻登记", "社会救助股")],
                                             "区划地名": [_row("地名管理", "社会救助股")]})
    repo = tmp_path / "a"
    result = gk("init", repo, *MZJ, *WUHOU, "--from-xlsx", table)
    assert result.code == 2
    assert ("表格「目录表.xlsx」中：工作表「社会事务」「区划地名」不是标准指引中的领域（gongkai 自带的指引只有社会救助、"
            "养老服务）。它们是本机关的领域时，在命令后面加上 --domain 社会事务=SHSW --domain 区划地名=QHDM"
            "（代码是事项编号的开头，用2—8个大写字母，可以改）；不需要的工作表请从表格中删去。没有建立目录。") in result.err
    assert "gongkai.yaml" not in result.err
    assert not repo.exists()
    done = gk("init", repo, *MZJ, *WUHOU, "--from-xlsx", table, "--domain", "社会事务=SHSW", "--domain", "区划地名=QHDM")
    assert done.code == 0, done.err
    assert (repo / "catalog" / "items" / "shsw" / "SHSW-001.yaml").exists()
    assert gk("validate", "--strict", repo).code == 0


def test_init_from_a_table_with_a_sheet_that_names_no_domain_does_not_file_it_under_another(
        gk: Callable[..., Run], tmp_path: Path) -> None:
    """Was: 社会救助 and Sheet2 (婚姻登记) → both imported as 社会救助 (SHJZ-002 婚姻登记), without a word."""
    table = _table(tmp_path / "目录表.xlsx", {"社会救助": [_row("最低生活保障", "社会救助股")],
                                             "Sheet2": [_row("婚姻登记", "社会救助股")]})
    repo = tmp_path / "a"
    result = gk("init", repo, *MZJ, *WUHOU, "--from-xlsx", table)
    assert result.code == 2
    assert ("表格「目录表.xlsx」中：工作表「Sheet2」的名称和标题行都没有写领域：把工作表改名为它的领域（如「社会事务」，"
            "不是标准指引中的领域时再加 --domain 社会事务=SHSW），或加一列「领域」。没有建立目录。") in result.err
    assert not repo.exists()


def test_init_from_a_table_whose_units_are_not_those_init_writes_says_which_unit_options(
        gk: Callable[..., Run], tmp_path: Path) -> None:
    """Was 「责任单位「行政审批窗口」不在 gongkai.yaml 的「单位」中……或先在 gongkai.yaml 的「单位」中加上它」."""
    table = _table(tmp_path / "目录表.xlsx", {"社会救助": [_row("最低生活保障", "社会救助股"),
                                                         _row("临时救助", "行政审批窗口")]})
    repo = tmp_path / "a"
    result = gk("init", repo, *MZJ, *WUHOU, "--from-xlsx", table)
    assert result.code == 2
    assert ("表格「目录表.xlsx」的「责任单位」列中有「行政审批窗口」，不是本机关的单位（办公室（bgs）、社会救助股（shjzg）），"
            "没有建立目录。在命令后面用 --unit 编号=名称 写明本机关的全部股室（写了 --unit 时只设所写的股室，编号用小写字母，"
            "如 --unit bgs=办公室 --unit xzspck=行政审批窗口），或改正表格中的责任单位。") in result.err
    assert not repo.exists()
    done = gk("init", repo, *MZJ, *WUHOU, "--from-xlsx", table,
              "--unit", "bgs=办公室", "--unit", "shjzg=社会救助股", "--unit", "xzspck=行政审批窗口")
    assert done.code == 0, done.err
    assert gk("validate", "--strict", repo).code == 0


# --- a folder whose name holds $ or % (GitPython expanded them as environment variables) ---------------------------

def test_init_into_a_folder_named_with_a_dollar_sign_commits_there(gk: Callable[..., Run], tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Was 「错误：无法读写文件（读写出错）」 with the files left uncommitted: git ran in 「别的局」 (the variable's value),
    and where that folder was a repository, the commit was attempted there."""
    monkeypatch.setenv("GKDEPT", "别的")
    other = tmp_path / "别的局"
    other.mkdir()
    git(other, "init", "-q", "-b", "main")
    (other / "a.txt").write_text("甲", encoding="utf-8")
    git(other, "add", "-A")
    git(other, "commit", "-q", "-m", "别的局的提交")
    target = tmp_path / "$GKDEPT局"
    result = gk("init", target, *MZJ, *WUHOU)
    assert result.code == 0, result.err
    assert git(target, "log", "--format=%s").splitlines() == ["启用 gongkai：成都市武侯区民政局政务公开目录（gongkai init）"]
    assert git(target, "status", "--porcelain") == ""
    assert git(other, "log", "--format=%s").splitlines() == ["别的局的提交"]
    assert git(other, "status", "--porcelain") == ""


def test_init_where_catalog_is_a_file_does_not_say_to_edit_its_settings(gk: Callable[..., Run], tmp_path: Path) -> None:
    """Was 「「…/catalog」已经存在：这里已经有目录了……直接编辑 …/catalog/gongkai.yaml」: there is no such file to edit."""
    target = tmp_path / "教育局"
    target.mkdir()
    (target / "catalog").write_text("旧的笔记", encoding="utf-8")
    result = gk("init", target, *MZJ, *WUHOU)
    assert result.code == 2
    assert (f"「{target / 'catalog'}」是一个文件，不是目录文件夹：gongkai init 要在「{target}」中建立 catalog 文件夹。"
            "请把这个文件改名或移走后再运行，或换一个新的文件夹。") in result.err
    assert "gongkai.yaml" not in result.err
    assert sorted(p.name for p in target.iterdir()) == ["catalog"]


# --- a county outside Fujian: the handover days 5 and 20 are Fujian's rule (闽政办函〔2016〕42号) ----------------------

def test_init_outside_fujian_says_the_handover_days_are_fujians_default(gk: Callable[..., Run], tmp_path: Path) -> None:
    result = gk("init", tmp_path / "wh", *MZJ, *WUHOU)
    assert result.code == 0, result.err
    settings = tmp_path / "wh" / "catalog" / "gongkai.yaml"
    assert ("  1. 移交两馆的日子是按福建的规定（闽政办函〔2016〕42号）默认的每月5日、20日，四川省成都市武侯区不在福建："
            f"请按本地的规定核对 {settings} 的「移交」（移交日、时限工作日；如每月5日写「移交日: [5]」）") in result.out
    assert "移交日: [5, 20]" in settings.read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [
    [*MZJ, *WUHOU, "--handover", "5"],  # chosen: nothing to check
    ["--name", "永春县民政局", "--code", "350525", *WUHOU],  # 福建省泉州市永春县: the rule is its own
])
def test_init_with_handover_days_chosen_or_in_fujian_says_nothing_of_fujian(gk: Callable[..., Run], tmp_path: Path,
                                                                          args: list[str]) -> None:
    result = gk("init", tmp_path / "a", *args)
    assert result.code == 0, result.err
    assert "福建" not in result.out


# --- gongkai county: a folder that is no catalog is told in the county's words ---------------------------------------

def test_county_a_folder_without_gongkai_yaml_is_not_told_to_run_validate(gk: Callable[..., Run], tmp_path: Path) -> None:
    """Was 「……找不到 gongkai.yaml。请在目录文件夹中运行，或写明路径，如 gongkai validate catalog」: advice for another
    command. The rest is still rolled up and the broken one named, in a folder with a rare character (𠮷, not in GBK)."""
    shutil.copytree(BUNDLED, tmp_path / "mzj", ignore=shutil.ignore_patterns(".gongkai-cache"))
    empty = tmp_path / "𠮷局"
    empty.mkdir()
    result = gk("county", tmp_path / "mzj", empty, "--out", tmp_path / "out")
    assert result.code == 1
    assert (f"无法读取 {empty}：「{empty}」不是目录文件夹：其中和其下的 catalog/ 中都没有 gongkai.yaml。请写该部门的目录文件夹"
            "（含 gongkai.yaml 的文件夹，或其上一级的目录仓库）") in result.out
    assert "gongkai validate" not in result.out
    assert "共 2 个部门，1 个无法读取。" in result.out
    assert (tmp_path / "out" / "review-2026.xlsx").exists()


# --- the examples in --help, pasted as they are ----------------------------------------------------------------------

def _examples(gk: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, command: str) -> list[list[str]]:
    line = next(x.strip() for x in _help(gk, monkeypatch, 400, command).splitlines() if x.strip().startswith("例："))
    pasted = [re.sub(r"（[^）]*）$", "", part.strip().rstrip("。")) for part in line.removeprefix("例：").split("；")]
    assert all(p.startswith(f"gongkai {command} ") for p in pasted), pasted
    return [shlex.split(p)[1:] for p in pasted]


def test_county_help_examples_work_when_pasted(gk: Callable[..., Run], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    examples = _examples(gk, monkeypatch, "county")
    assert examples == [["county", "民政局", "人社局", "教育局", "--year", "2026"],
                        ["county", "--config", "county.yaml", "--out", "考核/2026"]]
    for folder in ("民政局", "人社局", "教育局"):
        shutil.copytree(BUNDLED, tmp_path / folder, ignore=shutil.ignore_patterns(".gongkai-cache"))
        settings = tmp_path / folder / "gongkai.yaml"
        settings.write_text(settings.read_text(encoding="utf-8").replace("名称: 安溪县民政局", f"名称: 安溪县{folder}", 1),
                            encoding="utf-8")
    (tmp_path / "county.yaml").write_text("名称: 安溪县政务公开办\n部门: [民政局, 人社局, 教育局]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for example in examples:
        result = gk(*example)
        assert "共 3 个部门，0 个无法读取。" in result.out, result.err
    assert (tmp_path / "county-out" / "review-2026.xlsx").exists()
    assert (tmp_path / "考核" / "2026" / "review-2026.xlsx").exists()


def test_init_help_examples_work_when_pasted(gk: Callable[..., Run], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The first asks on a terminal (here: says what is missing); the others, with what they name, make a catalog."""
    examples = _examples(gk, monkeypatch, "init")
    assert examples[0] == ["init", "永春县民政局"]
    monkeypatch.chdir(tmp_path)
    asked = gk(*examples[0])
    assert asked.code == 2 and "或在终端中运行 gongkai init 逐项回答" in asked.err
    (tmp_path / "答案.yaml").write_text(
        "机关名称: 德化县民政局\n区划代码: \"350526\"\n地址: 福建省泉州市德化县浔中镇\n联系人: 郑丽\n"
        "联系电话: \"0595-23521234\"\n电子邮箱: dhmzj@example.gov.cn\n领导:\n  - {姓名: 苏伟, 职务: 局长}\n", encoding="utf-8")
    book = Workbook()
    book.active.title = "就业创业"
    book.active.append(HEADER[:-1])
    book.active.append([1, "就业服务", "办事指南", "办理条件；申请材料", "《就业服务与就业管理规定》",
                        "自信息形成或者变更之日起20个工作日内", "县人社局", "政府网站", "全社会", "主动", "县级"])
    book.save(tmp_path / "标准目录.xlsx")
    person = ["--address", "福建省泉州市永春县桃城镇", "--contact", "林红", "--phone", "0595-23881234",
              "--email", "ycrsj@example.gov.cn", "--leader", "陈东:局长", "-y"]
    for example, made in zip(examples[1:], ("德化县民政局", "永春县人社局"), strict=True):
        result = gk(*example, *person)
        assert result.code == 0, result.err
        assert gk("validate", "--strict", tmp_path / made).code == 0


# --- --format json on a console that cannot show every character (GBK pipe, ascii, LANG=C) -------------------------

SRC = Path(__file__).resolve().parents[1] / "src"


def _console(*args: str | Path, encoding: str) -> bytes:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "GONGKAI_DEBUG")}
    env.update({"GONGKAI_TODAY": "2026-11-27", "PYTHONPATH": str(SRC), "PYTHONIOENCODING": encoding})
    done = subprocess.run([sys.executable, "-m", "gongkai", *map(str, args)], capture_output=True, env=env, timeout=300)
    assert b"Traceback" not in done.stderr
    return done.stdout


@pytest.mark.parametrize("encoding", ["gbk", "cp936", "ascii"])
def test_json_on_a_console_without_every_character_is_still_json(tmp_path: Path, encoding: str) -> None:
    """𠮷 (U+20BB7) is in no GBK, · (U+00B7, 阿卜杜·热合曼) in no ascii. The console wrote \\U00020bb7 and \\xb7, which no
    JSON reader takes: validate -f json / sarif and county -f json were broken for a script reading them."""
    catalog = tmp_path / "𠮷局"
    shutil.copytree(BUNDLED, catalog, ignore=shutil.ignore_patterns(".gongkai-cache"))
    settings = catalog / "gongkai.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "𠮷·键: 1\n", encoding="utf-8")
    report = json.loads(_console("validate", catalog, "-f", "json", encoding=encoding).decode(encoding))
    assert "未知字段「𠮷·键」" in [d["message"] for d in report["diagnostics"]]
    sarif = json.loads(_console("validate", catalog, "-f", "sarif", encoding=encoding).decode(encoding))
    assert "未知字段「𠮷·键」" in json.dumps(sarif, ensure_ascii=False)
    county = json.loads(_console("county", catalog, "--out", tmp_path / "out", "-f", "json", "-j", "1",
                                 encoding=encoding).decode(encoding))
    assert str(catalog) in json.dumps(county, ensure_ascii=False)


def test_text_on_an_ascii_console_escapes_as_before(tmp_path: Path) -> None:
    """Text keeps its \\uXXXX escapes (README 「控制台不能显示中文时」); a character beyond U+FFFF is two of them."""
    empty = tmp_path / "𠮷局"
    empty.mkdir()
    shown = _console("county", empty, "--out", tmp_path / "out", encoding="ascii").decode("ascii")
    assert "\\u65e0\\u6cd5\\u8bfb\\u53d6 " in shown  # 无法读取
    assert "\\ud842\\udfb7\\u5c40" in shown  # 𠮷局


# --- init inside another repository (a county's 政务公开 repository holding a folder per bureau) ---------------------

def test_init_inside_another_repository_says_the_new_one_is_separate(gk: Callable[..., Run], tmp_path: Path) -> None:
    """Was silent: the outer repository's push and CI carry none of the new catalog (git add records only a link)."""
    outer = tmp_path / "政务公开"
    outer.mkdir()
    git(outer, "init", "-q", "-b", "main")
    target = outer / "民政局"
    result = gk("init", target, *MZJ, *WUHOU)
    assert result.code == 0, result.err
    assert (f"注意：「{target}」在另一个 git 仓库「{outer.resolve()}」之中。这里新建的是一个独立的目录仓库：要单独推送到县里的 "
            "git 服务器，CI 也按它单独运行；外面的仓库 git add 时只记下一个链接，不带上其中的文件。") in result.out
    assert git(target, "log", "--format=%s").splitlines() == ["启用 gongkai：成都市武侯区民政局政务公开目录（gongkai init）"]
    again = gk("init", tmp_path / "单独", *MZJ, *WUHOU)
    assert again.code == 0 and "注意：" not in again.out
