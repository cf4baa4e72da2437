"""Hostile pass 17 on gongkai init and gongkai county: a new bureau's clerk from a fresh clone, the county webmaster.

Expected values are typed from the 区划 code list (国家统计局2023年统计用区划代码) and from the law, not computed.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from gongkai.setup import repo as setup_repo
from tests.conftest import Run
from tests.test_init import _converse

# 德化县 is 350526 (福建省泉州市); its 乡镇 浔中镇 350526100, 龙浔镇 350526101. 永春县 is 350525.
PERSON = ["--address", "福建省泉州市德化县浔中镇龙浔路1号", "--contact", "郑丽", "--phone", "0595-23521234",
          "--email", "dhmzj@example.gov.cn", "--leader", "苏伟:局长", "-y"]
DEHUA = ["--name", "德化县民政局", "--code", "350526", *PERSON]


def _log(repo: Path) -> list[str]:
    done = subprocess.run(["git", "log", "--format=%s"], cwd=repo, check=True, capture_output=True, text=True)
    return done.stdout.splitlines()


# --- an answer that would make a wrong catalog is refused before anything is written -------------------------------

def test_init_a_baseline_after_the_adoption_day_writes_nothing(gk: Callable[..., Run], tmp_path: Path) -> None:
    """Today is 2026-11-27 (the tests' day): a 补登 through 2026-12-05 is a typo; the clerk must be able to run again."""
    target = tmp_path / "德化县民政局"
    wrong = gk("init", target, *DEHUA, "--baseline", "2026-12-05")
    assert wrong.code == 2
    assert "补登移交的日期 2026-12-05 在今天之后：请写启用前最后一次人工送交两馆的日期。" in wrong.err
    assert not target.exists()
    right = gk("init", target, *DEHUA, "--baseline", "2026-11-20")
    assert right.code == 0, right.err
    assert _log(target) == ["补登启用前已送交两馆的信息（至 2026-11-20）", "启用 gongkai：德化县民政局政务公开目录（gongkai init）"]


def test_init_the_day_of_adoption_itself_is_a_valid_baseline(gk: Callable[..., Run], tmp_path: Path) -> None:
    made = gk("init", tmp_path / "a", *DEHUA, "--baseline", "2026-11-27")
    assert made.code == 0, made.err


def test_init_a_name_of_another_county_than_the_code(gk: Callable[..., Run], tmp_path: Path) -> None:
    """永春县民政局 with 德化县's code would get 德化's 18 乡镇民政办, 德化县档案馆 and 德化县人民政府 as 复议机关."""
    target = tmp_path / "a"
    result = gk("init", target, "--name", "永春县民政局", "--code", "350526", *PERSON)
    assert result.code == 2
    assert ("机关名称「永春县民政局」写的是永春县，而区划代码 350526 是福建省泉州市德化县：请核对。永春县的代码是 350525"
            "（写 --code 350525）；若代码是对的，请改正机关名称。") in result.err
    assert not target.exists()


def test_init_a_township_named_for_another_township_than_its_code(gk: Callable[..., Run], tmp_path: Path) -> None:
    result = gk("init", tmp_path / "a", "--name", "德化县龙浔镇人民政府", "--code", "350526100", *PERSON)
    assert result.code == 2
    assert ("机关名称「德化县龙浔镇人民政府」写的是龙浔镇，而区划代码 350526100 是浔中镇：请核对。龙浔镇的代码是 350526101；"
            "若代码是对的，请改正机关名称。") in result.err
    assert gk("init", tmp_path / "b", "--name", "德化县浔中镇人民政府", "--code", "350526100", *PERSON).code == 0


@pytest.mark.parametrize(("name", "code"), [
    ("霍邱县民政局", "341522"),  # holds 邱县 (河北省邯郸市, 130430): the longer name is the county meant
    ("民政局", "350526"),  # no county named: nothing to compare
    ("泉州市德化县民政局", "350526"),
])
def test_init_a_name_that_fits_its_code_is_taken(gk: Callable[..., Run], tmp_path: Path, name: str, code: str) -> None:
    made = gk("init", tmp_path / "a", "--name", name, "--code", code, "--no-towns", *PERSON)
    assert made.code == 0, made.err


@pytest.mark.parametrize(("extra", "said"), [
    (["--unit", "bgs=办公室", "--unit", "bgs=财务股"],
     "单位编号「bgs」写了2次，分别是办公室、财务股：每个单位编号只能用一次，请改正（--unit 或「单位」）"),
    (["--domain", "殡葬管理=BZ", "--domain", "婚姻登记=BZ"],
     "领域代码「BZ」写了2次，分别是殡葬管理、婚姻登记：每个领域代码只能用一次，请改正（--domain 或「领域」）"),
    (["--domain", "殡葬管理=BZ", "--domain", "殡葬管理=BZGL"],
     "领域「殡葬管理」写了2次，分别是BZ、BZGL：每个领域只能用一次，请改正（--domain 或「领域」）"),
    (["--domain", "殡葬管理=SHJZ"], "编号「SHJZ」重复：每个编号只能用一次。"),  # the code of the 社会救助 guideline
    (["--town", "浔中镇", "--unit", "bgs=办公室", "--unit", "mzb-100=浔中镇民政办"], "编号「mzb-100」重复"),
    (["--index-pattern", "^(350526-MZ"], "索引号格式「^(350526-MZ」不是可用的正则表达式：圆括号没有闭合"),
])
def test_init_answers_that_contradict_each_other_write_nothing(gk: Callable[..., Run], tmp_path: Path,
                                                               extra: list[str], said: str) -> None:
    target = tmp_path / "a"
    result = gk("init", target, *DEHUA, *extra)
    assert result.code == 2
    assert said in result.err
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []  # no staging folder left either


def test_init_the_same_answer_written_twice_counts_once(gk: Callable[..., Run], tmp_path: Path) -> None:
    """A flag repeated with the same value (shell history, a script) is one answer, and the catalog validates clean."""
    target = tmp_path / "a"
    made = gk("init", target, *DEHUA, "--guideline", "社会救助", "--guideline", "社会救助", "--town", "浔中镇",
              "--town", "浔中镇", "--domain", "殡葬管理=BZGL", "--domain", "殡葬管理=BZGL")
    assert made.code == 0, made.err
    agency = (target / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert agency.count("代码: SHJZ") == 1 and agency.count("代码: BZGL") == 1
    assert agency.count("编号: mzb-100") == 1
    assert "校验：0 个错误" in made.out


def test_init_a_lowercase_domain_code_says_what_to_write(gk: Callable[..., Run], tmp_path: Path) -> None:
    result = gk("init", tmp_path / "a", "--name", "德化县人力资源和社会保障局", "--code", "350526",
                "--domain", "就业创业=jycy", *PERSON)
    assert result.code == 2
    assert ("「代码」的写法不对：「jycy」（--domain）：领域代码用2—8个大写英文字母（不用中文、数字和空格），"
            "如 SHJZ（社会救助）、JYCY（就业创业）。") in result.err


# --- the 索引号 prefix of a name written without its 县, or with its 市 ------------------------------------------------

@pytest.mark.parametrize("name", ["德化民政局", "泉州市德化县民政局", "福建省泉州市德化县民政局", "德化县 民政局", "德化县（民政局）"])
def test_init_default_index_prefix_skips_the_place(gk: Callable[..., Run], tmp_path: Path, name: str) -> None:
    """民政局 → MZ whatever place words come first (not 德化 → DH, not 泉州 → QZ), and whatever space or bracket
    follows them (not the bare 350526 a 乡镇 would have)."""
    target = tmp_path / "a"
    assert gk("init", target, "--name", name, "--code", "350526", "--no-towns", *PERSON).code == 0
    assert "  索引号前缀: 350526-MZ\n" in (target / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")


# --- the new folder, and Ctrl+C -------------------------------------------------------------------------------------

def test_init_makes_a_folder_others_can_read_as_mkdir_would(gk: Callable[..., Run], tmp_path: Path) -> None:
    """A county server's web user (or a colleague) reads the repository: umask 022 gives rwxr-xr-x, not mkdtemp's 0700."""
    previous = os.umask(0o022)
    try:
        assert gk("init", tmp_path / "a", *DEHUA).code == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o755


@pytest.fixture
def ctrl_c_at_commit(monkeypatch: pytest.MonkeyPatch, terminal_ctrl_c: None) -> Iterator[None]:
    """Ctrl+C reaches gongkai init as it starts the first commit (the files are already in the folder)."""
    real = setup_repo.commit_all

    def commit_all(*args: object, **kwargs: object) -> str:
        os.kill(os.getpid(), signal.SIGINT)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(setup_repo, "commit_all", commit_all)
    yield


def test_init_ctrl_c_at_the_first_commit_leaves_a_whole_repository(gk: Callable[..., Run], tmp_path: Path,
                                                                    ctrl_c_at_commit: None) -> None:
    """Never a folder that init refuses to redo (it holds a catalog) with no first commit and no 启用日期 behind it."""
    target = tmp_path / "a"
    result = gk("init", target, *DEHUA)
    assert result.code == 0
    assert f"已中断，但目录仓库（{target}）已建立，第一次提交" in result.err
    assert _log(target) == ["启用 gongkai：德化县民政局政务公开目录（gongkai init）"]
    status = subprocess.run(["git", "status", "--porcelain"], cwd=target, check=True, capture_output=True, text=True)
    assert status.stdout == ""


# --- county: 索引号 prefixes that collide although only one is written in gongkai.yaml ----------------------------

def test_county_an_implied_index_prefix_collides_too(gk: Callable[..., Run], bundled: Path, tmp_path: Path) -> None:
    """安溪县民政局 (the bundled catalog) writes no 索引号前缀: its records are numbered 350524-MZ-…, and gongkai new
    record goes on with that. 安溪县民族与宗教事务局 gets 350524-MZ from init (民族 → MZ): the same numbers."""
    other = tmp_path / "mzzj"
    made = gk("init", other, "--name", "安溪县民族与宗教事务局", "--code", "350524", "--domain", "民族宗教=MZZJ",
              "--address", "福建省泉州市安溪县凤城镇", "--contact", "林芳", "--phone", "0595-23281234",
              "--email", "axmzzj@example.gov.cn", "--leader", "陈明:局长", "-y")
    assert made.code == 0, made.err
    assert "索引号前缀" not in (bundled / "gongkai.yaml").read_text(encoding="utf-8")
    result = gk("county", bundled, other, "--year", "2026", "--format", "json", "--out", tmp_path / "o")
    notes = json.loads(result.out)["table"]["notes"]
    assert ("索引号前缀「350524-MZ」：安溪县民政局、安溪县民族与宗教事务局 用的是同一个前缀，索引号会重号："
            "请改正其中一个 gongkai.yaml 的「检查: 索引号前缀」和「索引号格式」") in notes


def test_county_a_prefix_in_use_in_records_collides(gk: Callable[..., Run], bundled: Path, tmp_path: Path) -> None:
    """A department that set 索引号前缀 350524-YL but whose records already carry 350524-MZ-… numbers."""
    agency = bundled / "gongkai.yaml"
    text = agency.read_text(encoding="utf-8")
    assert "  索引号格式: " in text
    agency.write_text(text.replace("  索引号格式: ", "  索引号前缀: 350524-YL\n  索引号格式: ", 1), encoding="utf-8")
    other = tmp_path / "mzzj"
    assert gk("init", other, "--name", "安溪县民族与宗教事务局", "--code", "350524", "--domain", "民族宗教=MZZJ",
              "--address", "福建省泉州市安溪县凤城镇", "--contact", "林芳", "--phone", "0595-23281234",
              "--email", "axmzzj@example.gov.cn", "--leader", "陈明:局长", "-y").code == 0
    result = gk("county", bundled, other, "--year", "2026", "--format", "json", "--out", tmp_path / "o")
    notes = json.loads(result.out)["table"]["notes"]
    assert any(n.startswith("索引号前缀「350524-MZ」：安溪县民政局、安溪县民族与宗教事务局") for n in notes)
    assert not any(n.startswith("索引号前缀「350524-YL」") for n in notes)


# --- county.yaml as a webmaster writes it ---------------------------------------------------------------------------

def test_county_yaml_a_department_without_folder_or_repository(gk: Callable[..., Run], bundled: Path,
                                                               tmp_path: Path) -> None:
    config = tmp_path / "county.yaml"
    config.write_text(f"名称: 安溪县政务公开办\n部门:\n  - 目录: {bundled}\n  - 名称: 安溪县人社局\n", encoding="utf-8")
    result = gk("county", "--config", config, "--year", "2026", "--format", "json", "--out", tmp_path / "o")
    assert result.code == 1
    data = json.loads(result.out)
    assert [d["ok"] for d in data["departments"]] == [True, False]
    assert data["departments"][1]["problem"] == (
        "county.yaml「部门」的第2项没有写「目录」或「仓库」：请写明目录文件夹（如 目录: ../rsj）"
        "或已克隆的 git 仓库地址（如 仓库: https://…/rsj.git）")


@pytest.mark.skipif(os.sep == "\\", reason="on Windows a backslash is the separator anyway")
def test_county_yaml_written_on_windows_reads_its_folders(gk: Callable[..., Run], bundled: Path,
                                                          tmp_path: Path) -> None:
    """「..\\mzj」 from the webmaster's Windows PC, run on the county's Linux server (or CI)."""
    (tmp_path / "县").mkdir()
    config = tmp_path / "县" / "county.yaml"
    config.write_text("部门:\n  - 目录: ..\\catalog\n  - 仓库: https://git.example.org/ax/rsj.git\n克隆目录: ..\\repos\n",
                      encoding="utf-8")
    result = gk("county", "--config", config, "--year", "2026", "--format", "json", "--out", tmp_path / "o")
    data = json.loads(result.out)
    assert data["departments"][0]["ok"] is True
    assert data["departments"][0]["name"] == "安溪县民政局"
    assert data["departments"][1]["problem"] == (
        f"仓库 https://git.example.org/ax/rsj.git 还没有克隆到「{tmp_path / '县' / '../repos/rsj'}」："
        f"请先运行 git clone https://git.example.org/ax/rsj.git {tmp_path / '县' / '../repos/rsj'}")


# --- an existing repository: the clerk's own git init, or a clone from the county's git server ---------------------

def test_init_in_a_repository_on_master_runs_ci_on_master(gk: Callable[..., Run], tmp_path: Path) -> None:
    """GitHub runs the workflow on pushes to the branches it names: [main] in a repository on master never builds."""
    target = tmp_path / "a"
    target.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "master"], cwd=target, check=True)
    assert gk("init", target, *DEHUA).code == 0
    workflow = (target / ".github" / "workflows" / "gongkai.yml").read_text(encoding="utf-8")
    assert "  push:\n    branches: [\"master\"]\n" in workflow
    assert subprocess.run(["git", "branch", "--show-current"], cwd=target, check=True, capture_output=True,
                          text=True).stdout == "master\n"


def test_init_in_a_new_folder_runs_ci_on_main(gk: Callable[..., Run], tmp_path: Path) -> None:
    assert gk("init", tmp_path / "a", *DEHUA).code == 0
    assert "  push:\n    branches: [main]\n" in (tmp_path / "a" / ".github/workflows/gongkai.yml").read_text(encoding="utf-8")


# --- county: the counts under the table ------------------------------------------------------------------------------

def test_county_a_catalog_listed_twice_is_not_counted_as_unreadable(gk: Callable[..., Run], bundled: Path,
                                                                    tmp_path: Path) -> None:
    """One department written twice and one broken: two departments, one unreadable — not 「3 个部门，2 个无法读取」."""
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "gongkai.yaml").write_text("机关: [\n", encoding="utf-8")
    result = gk("county", bundled, bundled.parent / "catalog" / ".", broken, "--year", "2026", "--format", "json",
                "--out", tmp_path / "o")
    assert result.code == 1
    table = json.loads(result.out)["table"]
    assert [row[:2] for row in table["rows"]] == [["安溪县民政局", "50"], ["安溪县民政局", "重复，只统计一次（见表下说明）"],
                                                  [str(broken), "无法读取（见表下说明）"]]
    notes = table["notes"]
    assert notes[0] == "共 2 个部门，1 个无法读取；另有 1 项与前面的部门是同一个目录。"
    assert notes[1] == (f"重复 {bundled}：与第1个部门（{bundled}）是同一个目录，没有重复统计："
                        "请在命令行或 county.yaml 中只写一次")
    assert notes[2].startswith(f"无法读取 {broken}：gongkai.yaml 第2行第1列：")


@pytest.mark.parametrize("year", ["0", "1899", "99999"])
def test_county_a_year_out_of_range_is_a_usage_error(gk: Callable[..., Run], bundled: Path, tmp_path: Path,
                                                     year: str) -> None:
    """--year 0 was taken as no year (this year's tables, silently); 99999 crashed every department (exit 3)."""
    result = gk("county", bundled, "--year", year, "--out", tmp_path / "o")
    assert result.code == 2
    assert f"--year 的年份「{year}」不对，应为 1900—2199 之间的四位数年份，如 2026" in result.err
    assert not (tmp_path / "o").exists()


def test_init_on_a_terminal_asks_again_for_a_code_of_another_county_and_a_baseline_after_today(tmp_path: Path) -> None:
    """The code is asked again while it is not the named county's; the 补登 date (asked once the catalog is made) is asked
    again while it is after today, instead of ending init with exit 2 over a catalog that is already there."""
    answers = ["永春县民政局", "350526", "350525", "n", "桃城镇", "福建省泉州市永春县桃城镇1号", "", "林小梅",
               "0595-23881234", "yc@example.gov.cn", "陈明", "", "2", "", "", "", "", "", "", "无", "2026-12-05",
               "2026-11-20"]
    script = Path(sys.executable).parent / "gongkai"
    shown = _converse([str(script), "init", str(tmp_path / "yc")], answers, {"GONGKAI_TODAY": "2026-11-27"})
    assert "机关名称「永春县民政局」写的是永春县，而区划代码 350526 是福建省泉州市德化县" in shown
    assert "→ 福建省泉州市永春县" in shown
    assert "补登移交的日期 2026-12-05 在今天之后" in shown
    assert "已补登台账：至 2026-11-20" in shown
    assert _log(tmp_path / "yc") == ["补登启用前已送交两馆的信息（至 2026-11-20）", "启用 gongkai：永春县民政局政务公开目录（gongkai init）"]


def _clone_made_on_a_git_server(folder: Path) -> None:
    """What GitHub or Gitee make with 「Add README / .gitignore」, and a .vscode/ the clerk's editor added."""
    for path, text in {"README.md": "# 德化县民政局政务公开目录\n", ".gitignore": "# Python\n*.pyc\nsite/\n",
                       ".github/ISSUE_TEMPLATE/bug.md": "---\nname: 问题\n---\n", ".vscode/extensions.json": "{}\n"}.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=folder, check=True)
    subprocess.run(["git", "add", "-A"], cwd=folder, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "Initial commit"], cwd=folder,
                   check=True)


def test_init_in_a_fresh_clone_with_its_own_gitignore_and_github_folder(gk: Callable[..., Run], tmp_path: Path) -> None:
    """Was refused: 「中已有 .github、.gitignore、.vscode」 — though no file of the clone would be replaced."""
    target = tmp_path / "dhmzj"
    target.mkdir()
    _clone_made_on_a_git_server(target)
    made = gk("init", target, *DEHUA)
    assert made.code == 0, made.err
    ignore = (target / ".gitignore").read_text(encoding="utf-8")
    assert ignore.startswith("# Python\n*.pyc\nsite/\n")  # the clone's own lines, kept
    assert ignore.count("site/") == 1 and ".gongkai-cache/\n" in ignore and "county-out/\n" in ignore
    assert (target / ".github" / "ISSUE_TEMPLATE" / "bug.md").read_text(encoding="utf-8") == "---\nname: 问题\n---\n"
    assert (target / ".vscode" / "extensions.json").read_text(encoding="utf-8") == "{}\n"
    assert (target / ".github" / "workflows" / "gongkai.yml").is_file()
    assert (target / ".vscode" / "settings.json").is_file()
    assert _log(target) == ["启用 gongkai：德化县民政局政务公开目录（gongkai init）", "Initial commit"]
    status = subprocess.run(["git", "status", "--porcelain"], cwd=target, check=True, capture_output=True, text=True)
    assert status.stdout == ""


def test_init_never_replaces_a_file_of_the_clone(gk: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "dhmzj"
    target.mkdir()
    _clone_made_on_a_git_server(target)
    (target / ".vscode" / "settings.json").write_text('{"editor.fontSize": 16}\n', encoding="utf-8")
    result = gk("init", target, *DEHUA)
    assert result.code == 2
    assert f"「{target}」中已有 .vscode/settings.json，没有写入任何文件。" in result.err
    assert (target / ".vscode" / "settings.json").read_text(encoding="utf-8") == '{"editor.fontSize": 16}\n'
    assert not (target / "catalog").exists() and (target / ".gitignore").read_text(encoding="utf-8") == "# Python\n*.pyc\nsite/\n"


def test_county_yaml_a_new_title_rewrites_the_workbooks(gk: Callable[..., Run], bundled: Path, tmp_path: Path) -> None:
    """The 名称 of county.yaml heads the scorecard: renamed, the workbooks are made again, not kept as 「没有变化」."""
    config = tmp_path / "county.yaml"
    config.write_text(f"名称: 德化县政务公开办\n部门:\n  - 目录: {bundled}\n", encoding="utf-8")
    out = tmp_path / "o"
    assert gk("county", "--config", config, "--year", "2026", "--out", out).code == 0
    config.write_text(f"名称: 安溪县政务公开办\n部门:\n  - 目录: {bundled}\n", encoding="utf-8")
    again = gk("county", "--config", config, "--year", "2026", "--out", out)
    assert again.code == 0
    assert "已写入" in again.err and "没有变化" not in again.err
    title = load_workbook(out / "scorecard-2026.xlsx")["部门考核"]["A1"].value
    assert title == "安溪县政务公开办2026年政务公开考核表（截至2026-11-27）"
    same = gk("county", "--config", config, "--year", "2026", "--out", out)
    assert "没有变化，未重写" in same.err


def test_init_run_again_says_where_the_settings_are_changed(gk: Callable[..., Run], tmp_path: Path) -> None:
    """The clerk re-runs init to change an answer (the 移交日): the catalog is kept, and the message says what to edit."""
    target = tmp_path / "a"
    assert gk("init", target, *DEHUA).code == 0
    again = gk("init", target, *DEHUA, "--handover", "5")
    assert again.code == 2
    assert (f"要改机关名称、单位、移交日等设置，直接编辑 {target / 'catalog' / 'gongkai.yaml'}，再运行 gongkai validate 检查；"
            "要重新建立，请换一个新的文件夹") in again.err
    assert "移交日: [5, 20]" in (target / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")


def test_county_with_no_department_readable_keeps_the_last_workbooks(gk: Callable[..., Run], bundled: Path,
                                                                     tmp_path: Path) -> None:
    """Run from the wrong folder, every relative path is missing: empty workbooks used to replace the county's tables."""
    out = tmp_path / "o"
    assert gk("county", bundled, "--year", "2026", "--out", out).code == 0
    before = {p.name: p.read_bytes() for p in out.glob("*.xlsx")}
    assert sorted(before) == ["annual-2026.xlsx", "review-2026.xlsx", "scorecard-2026.xlsx"]
    result = gk("county", tmp_path / "mzj", tmp_path / "rsj", "--year", "2026", "--out", out)
    assert result.code == 1
    assert (f"没有一个部门的目录能够读取（原因见上）：没有写出工作簿，{out} 中原有的文件保持不变。"
            "请核对各目录文件夹的位置（相对于当前文件夹或 county.yaml）后重新运行。") in result.err
    assert f"无法读取 {tmp_path / 'mzj'}：找不到文件夹「{tmp_path / 'mzj'}」" in result.out
    assert {p.name: p.read_bytes() for p in out.glob("*.xlsx")} == before
    assert "没有变化，未重写" in gk("county", bundled, "--year", "2026", "--out", out).err
    nothing = gk("county", tmp_path / "mzj", "--year", "2026", "--out", tmp_path / "new")
    assert nothing.code == 1 and not (tmp_path / "new").exists()


def test_init_a_township_government_with_towns_is_told(gk: Callable[..., Run], tmp_path: Path) -> None:
    """浔中镇人民政府 with --town 浔中镇 got a 「浔中镇民政办」 of itself, a 乡镇 page under the 乡镇."""
    result = gk("init", tmp_path / "a", "--name", "德化县浔中镇人民政府", "--code", "350526100", "--town", "浔中镇",
                *PERSON)
    assert result.code == 2
    assert ("浔中镇人民政府（9位区划代码 350526100）本身就是乡镇，不设下属的乡镇单位：请删去 --town（或答案文件中的「乡镇」）"
            in result.err)
    assert not (tmp_path / "a").exists()


def test_init_in_a_repository_whose_index_is_locked(gk: Callable[..., Run], tmp_path: Path) -> None:
    """A stale .git/index.lock (a crashed git, an editor's git): init moved everything in, git then refused the
    commit, and a catalog without its first commit stayed — which init then refused to make again."""
    target = tmp_path / "a"
    target.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=target, check=True)
    (target / ".git" / "index.lock").write_bytes(b"")
    result = gk("init", target, *DEHUA)
    assert result.code == 2
    assert (f"「{target / '.git' / 'index.lock'}」存在：另一个 git 程序（或编辑器的 git 功能）正在使用这个仓库，"
            "或上次 git 异常退出时留下了它。确认没有 git 在运行后删除这个文件，再运行 gongkai init。") in result.err
    assert sorted(p.name for p in target.iterdir()) == [".git"]


@pytest.mark.parametrize("clone", [False, True])
def test_init_when_git_fails_at_the_first_commit_the_folder_is_as_before(
        gk: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clone: bool) -> None:
    target = tmp_path / "a"
    if clone:
        target.mkdir()
        _clone_made_on_a_git_server(target)
    before = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if ".git/" not in str(p) + "/")

    def refused(*args: object, **kwargs: object) -> str:
        raise OSError(28, "No space left on device")

    real = setup_repo.commit_all
    monkeypatch.setattr(setup_repo, "commit_all", refused)
    assert gk("init", target, *DEHUA).code == 2
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if ".git/" not in str(p) + "/") == before
    if clone:
        assert (target / ".gitignore").read_text(encoding="utf-8") == "# Python\n*.pyc\nsite/\n"
        assert _log(target) == ["Initial commit"]
    monkeypatch.setattr(setup_repo, "commit_all", real)
    again = gk("init", target, *DEHUA)
    assert again.code == 0, again.err


def test_county_counts_every_item_the_review_lists(gk: Callable[..., Run], bundled: Path, tmp_path: Path) -> None:
    """The bundled directory has 50 item files. One names a 责任单位 gongkai.yaml lacks and one has lost its 一级事项:
    the review still lists all 50 rows, and the 事项 column said 48."""
    first = bundled / "items" / "shjz" / "SHJZ-001.yaml"
    first.write_text(first.read_text(encoding="utf-8").replace("责任单位: shjzg", "责任单位: shjzk"), encoding="utf-8")
    second = bundled / "items" / "shjz" / "SHJZ-002.yaml"
    text = second.read_text(encoding="utf-8")
    second.write_text("\n".join(line for line in text.split("\n") if not line.startswith("一级事项:")), encoding="utf-8")
    out = tmp_path / "o"
    result = gk("county", bundled, "--year", "2026", "--format", "json", "--out", out)
    entry = json.loads(result.out)["departments"][0]
    assert entry["事项"] == "50" and entry["totals"]["items"] == 50
    review = load_workbook(out / "review-2026.xlsx")["安溪县民政局"]
    assert sum(isinstance(row[0], int) for row in review.iter_rows(values_only=True)) == 50


def test_init_ctrl_c_at_the_baseline_commit_leaves_it_committed(gk: Callable[..., Run], tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 terminal_ctrl_c: None) -> None:
    """The 补登 ledger was written, then Ctrl+C came before its commit: 「已中断，但目录仓库已建立」 and an uncommitted
    ledger that handover baseline then refuses to write again (「已经存在」)."""
    real = setup_repo.commit_all

    def commit_all(repository: object, paths: list[str], message: str, *rest: object) -> str:
        if message.startswith("补登"):
            os.kill(os.getpid(), signal.SIGINT)
        return real(repository, paths, message, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(setup_repo, "commit_all", commit_all)
    target = tmp_path / "a"
    result = gk("init", target, *DEHUA, "--baseline", "2026-11-20")
    assert result.code == 0
    assert "启用前送交两馆的信息已补登（提交" in result.err
    assert _log(target) == ["补登启用前已送交两馆的信息（至 2026-11-20）", "启用 gongkai：德化县民政局政务公开目录（gongkai init）"]
    status = subprocess.run(["git", "status", "--porcelain"], cwd=target, check=True, capture_output=True, text=True)
    assert status.stdout == ""


def test_county_yaml_a_plain_list_of_folders(gk: Callable[..., Run], bundled: Path, tmp_path: Path) -> None:
    """「部门: [- ../mzj]」 was refused with 「下面的内容要换行并缩进两个空格」, which does not say to write 「目录:」."""
    config = tmp_path / "county.yaml"
    config.write_text("名称: 安溪县政务公开办\n部门:\n  - catalog\n  - 目录: catalog\n", encoding="utf-8")
    result = gk("county", "--config", config, "--year", "2026", "--format", "json", "--out", tmp_path / "o")
    data = json.loads(result.out)
    assert [d["name"] for d in data["departments"]] == ["安溪县民政局", "安溪县民政局"]
    assert data["departments"][0]["ok"] is True
    assert data["departments"][1]["problem"] == "与第1个部门（catalog）是同一个目录，没有重复统计：请在命令行或 county.yaml 中只写一次"


@pytest.mark.parametrize("address", ["git@git.example.org:mzj.git", "git@git.example.org:ax/mzj.git",
                                     "https://git.example.org/ax/mzj.git/", "ssh://git@git.example.org/ax/mzj"])
def test_county_yaml_a_repository_is_looked_for_where_git_clone_puts_it(gk: Callable[..., Run], bundled: Path,
                                                                        tmp_path: Path, address: str) -> None:
    """git clone <address> makes the folder mzj for each of these; git@host:mzj.git was looked for as 「git@host:mzj」."""
    repos = tmp_path / "repos"
    repos.mkdir()
    bundled.rename(repos / "mzj")
    config = tmp_path / "county.yaml"
    config.write_text(f"克隆目录: repos\n部门:\n  - 仓库: {address}\n", encoding="utf-8")
    result = gk("county", "--config", config, "--year", "2026", "--format", "json", "--out", tmp_path / "o")
    assert json.loads(result.out)["departments"][0]["ok"] is True


def test_county_yaml_a_folder_in_the_home_folder(gk: Callable[..., Run], bundled: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """「目录: ~/catalog」: no shell expands ~ inside county.yaml; it was looked for as a folder named 「~」."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    (tmp_path / "县").mkdir()
    config = tmp_path / "县" / "county.yaml"
    config.write_text("部门:\n  - 目录: ~/catalog\n", encoding="utf-8")
    result = gk("county", "--config", config, "--year", "2026", "--format", "json", "--out", tmp_path / "o")
    assert json.loads(result.out)["departments"][0]["ok"] is True


def test_county_two_departments_under_one_name_keep_an_annual_check_each(gk: Callable[..., Run], bundled: Path,
                                                                         tmp_path: Path) -> None:
    """annual_checks is keyed by department: two under one 机关名称 were one key, and one department's check was lost."""
    copy = tmp_path / "copy"
    made = gk("init", copy, "--name", "安溪县民政局", "--code", "350524", "--no-towns", "--index-prefix", "350524-MZJ",
              "--address", "福建省泉州市安溪县凤城镇", "--contact", "林芳", "--phone", "0595-23281234",
              "--email", "axmzj@example.gov.cn", "--leader", "陈明:局长", "-y")
    assert made.code == 0, made.err
    result = gk("county", bundled, copy, "--year", "2026", "--format", "json", "--out", tmp_path / "o")
    checks = json.loads(result.out)["annual_checks"]
    assert sorted(checks) == [f"安溪县民政局（{bundled}）", f"安溪县民政局（{copy}）"]
    rows = list(load_workbook(tmp_path / "o" / "annual-2026.xlsx")["勾稽检查"].iter_rows(values_only=True))
    assert (f"安溪县民政局（{bundled}）", "平衡") in rows and (f"安溪县民政局（{copy}）", "平衡") in rows
    assert (f"安溪县民政局（{copy}）", "没有 annual/2026.yaml：表二的规章、行政许可、行政处罚、行政强制、收费按 0 汇总") in rows


def test_init_on_a_terminal_asks_again_after_an_odd_answer(tmp_path: Path) -> None:
    """A 领域 without its code, a code in small letters, 「每月10日」, a 网址 without https:// and 「GitHub」 each ended
    the session with exit 2 after the last question — every answer had to be typed again."""
    answers = ["德化县人力资源和社会保障局", "350526", "就业创业", "就业创业=jycy", "就业创业=JYCY", "福建省泉州市德化县浔中镇1号",
               "", "王强", "0595-23520000", "dhrsj@example.gov.cn", "李华", "", "3", "每月10日", "10,25", "", "", "",
               "www.dehua.gov.cn", "https://www.dehua.gov.cn/zwgk/rsj/", "", "", "GitHub", "github", ""]
    script = Path(sys.executable).parent / "gongkai"
    shown = _converse([str(script), "init", str(tmp_path / "rs")], answers, {"GONGKAI_TODAY": "2026-11-27"})
    assert "--domain 的写法是「名称=代码」" in shown
    assert "领域代码用2—8个大写英文字母" in shown
    assert "--handover 写每月的几日，用逗号分隔" in shown
    assert "「基础地址」的网址应以 http:// 或 https:// 开头" in shown
    assert "「GitHub」不是有效的「CI」" in shown
    agency = (tmp_path / "rs" / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert "名称: 就业创业\n    代码: JYCY" in agency and "移交日: [10, 25]" in agency
    assert "基础地址: https://www.dehua.gov.cn/zwgk/rsj/" in agency
    assert (tmp_path / "rs" / ".github" / "workflows" / "gongkai.yml").is_file()


def test_init_from_the_answers_file_the_readme_shows(gk: Callable[..., Run], tmp_path: Path) -> None:
    """A clerk copies README's example answers file as it stands: its 网上申请地址 was 「https://…/ysqgk/」, refused."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("答案文件示例", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    answers = tmp_path / "答案.yaml"
    answers.write_text(example, encoding="utf-8")
    made = gk("init", tmp_path / "德化县民政局", "--answers", answers, "-y")
    assert made.code == 0, made.err
    agency = (tmp_path / "德化县民政局" / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert "名称: 德化县民政局" in agency and '区划代码: "350526"' in agency


def test_a_web_address_with_a_placeholder_says_so(gk: Callable[..., Run], tmp_path: Path) -> None:
    answers = tmp_path / "答案.yaml"
    answers.write_text("机关名称: 德化县民政局\n基础地址: https://…/mzj/\n", encoding="utf-8")
    result = gk("init", tmp_path / "a", "--answers", answers, "-y")
    assert result.code == 1
    assert "域名只用英文字母、数字、点和横线，不能留着「…」这样的占位符" in result.err


def test_init_a_county_bureau_with_the_nine_digits_of_its_town(gk: Callable[..., Run], tmp_path: Path) -> None:
    """德化县民政局 sits in 浔中镇 (350526100): with those 9 digits it became a 乡镇人民政府's catalog (16 乡级 items, no
    乡镇民政办, 索引号 350526100-…)."""
    result = gk("init", tmp_path / "a", "--name", "德化县民政局", "--code", "350526100", *PERSON)
    assert result.code == 2
    assert ("区划代码 350526100 是浔中镇的9位代码，而机关名称「德化县民政局」中没有浔中镇：9位代码只给乡镇人民政府"
            "（街道办事处）用；县级机关写县的6位代码 350526（写 --code 350526）。") in result.err
    assert not (tmp_path / "a").exists()
    assert gk("init", tmp_path / "b", "--name", "浔中镇人民政府", "--code", "350526100", *PERSON).code == 0


def test_init_towns_written_without_their_zhen(gk: Callable[..., Run], tmp_path: Path) -> None:
    """「--town 浔中」 as people say it: 浔中镇 (350526100); written both ways, one 乡镇民政办."""
    target = tmp_path / "a"
    made = gk("init", target, *DEHUA, "--town", "浔中", "--town", "浔中镇", "--town", "龙浔")
    assert made.code == 0, made.err
    agency = (target / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert agency.count("类型: 乡镇民政办") == 2
    assert '名称: 浔中镇民政办\n    类型: 乡镇民政办\n    区划代码: "350526100"' in agency
    assert '名称: 龙浔镇民政办\n    类型: 乡镇民政办\n    区划代码: "350526101"' in agency
