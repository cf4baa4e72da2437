"""Hostile pass 12 on gongkai init and gongkai county: another county's clerk, and the 政务公开办 over many departments."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import Run

# 成都市武侯区 (510107) is a 市辖区: its departments are county-level and its 乡镇 are 街道.
WUHOU = ["--address", "四川省成都市武侯区武侯祠大街1号", "--contact", "张敏", "--phone", "028-85551234",
         "--email", "whmzj@example.gov.cn", "--leader", "刘洋:局长", "--no-towns", "-y"]
REQUEST = """\
编号: YSQ-2026-001
收到日期: 2026-03-02
申请渠道: 网上
申请人类型: 自然人
申请内容: 2026年城乡最低生活保障标准
办理结果: 予以公开
答复日期: 2026-03-10
"""


@pytest.fixture
def wuhou(gk: Callable[..., Run], tmp_path: Path) -> Path:
    """武侯区民政局 with one answered request in 2026 and no annual/2026.yaml."""
    repo = tmp_path / "武侯 民政局"
    made = gk("init", repo, "--name", "成都市武侯区民政局", "--code", "510107", *WUHOU)
    assert made.code == 0, made.err
    request = repo / "catalog" / "requests" / "2026" / "YSQ-2026-001.yaml"
    request.parent.mkdir(parents=True)
    request.write_text(REQUEST, encoding="utf-8")
    return repo


def _county(gk: Callable[..., Run], out: Path, *folders: Path) -> tuple[Run, dict]:  # type: ignore[type-arg]
    result = gk("county", *folders, "--year", "2026", "--format", "json", "--out", out)
    return result, json.loads(result.out)


def _table3_first(out: Path) -> tuple[object, ...]:
    sheet = load_workbook(out / "annual-2026.xlsx")["表三 依申请公开"]
    return next(sheet.iter_rows(min_row=2, max_row=2, values_only=True))


# --- county: one department listed twice is counted once ------------------------------------------------------------

def test_county_the_same_catalog_written_four_ways_is_counted_once(gk: Callable[..., Run], wuhou: Path,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "o"
    result, data = _county(gk, out, wuhou, wuhou / "catalog", Path(str(wuhou) + "/"), wuhou / "catalog" / ".")
    assert result.code == 1
    departments = data["departments"]
    assert [d["ok"] for d in departments] == [True, False, False, False]
    assert departments[1]["problem"] == (f"与第1个部门（{wuhou}）是同一个目录，没有重复统计："
                                         "请在命令行或 county.yaml 中只写一次")
    # 一、本年新收: the one request of the one department, not four
    assert _table3_first(out) == ("一、本年新收政府信息公开申请数量", 1, 0, 0, 0, 0, 0, 1)
    assert load_workbook(out / "review-2026.xlsx").sheetnames == ["成都市武侯区民政局"]


def test_county_a_copy_under_the_same_name_is_pointed_out(gk: Callable[..., Run], wuhou: Path,
                                                           tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(wuhou, copy)
    result, data = _county(gk, tmp_path / "o", wuhou, copy)
    assert [d["ok"] for d in data["departments"]] == [True, True]
    assert (f"机关名称「成都市武侯区民政局」：第1个部门（{wuhou}）、第2个部门（{copy}） 相同。若是同一个部门的几份目录，"
            "请只写一份（否则各表都算了几次）；若确是不同的部门，请改正 gongkai.yaml 的「机关: 名称」"
            "（或在 county.yaml 中写「名称」）") in data["table"]["notes"]


def test_county_two_departments_with_one_index_prefix_are_told(gk: Callable[..., Run], wuhou: Path,
                                                              tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(wuhou, other)
    agency = other / "catalog" / "gongkai.yaml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("名称: 成都市武侯区民政局\n", "名称: 成都市武侯区退役军人事务局\n", 1),
                      encoding="utf-8")
    result, data = _county(gk, tmp_path / "o", wuhou, other)
    assert [d["ok"] for d in data["departments"]] == [True, True]
    assert ("索引号前缀「510107-MZ」：成都市武侯区民政局、成都市武侯区退役军人事务局 用的是同一个前缀，索引号会重号："
            "请改正其中一个 gongkai.yaml 的「检查: 索引号前缀」和「索引号格式」") in data["table"]["notes"]


# --- county: the annual roll-up says which department's figures are missing ----------------------------------------

def test_county_annual_roll_up_names_a_department_without_its_annual_data(gk: Callable[..., Run], wuhou: Path,
                                                                         tmp_path: Path) -> None:
    out = tmp_path / "o"
    result, data = _county(gk, out, wuhou)
    assert result.code == 0
    assert data["annual_missing"] == ["成都市武侯区民政局"]
    note = ("年度报告数据：成都市武侯区民政局 没有 annual/2026.yaml，表二的规章、行政许可、行政处罚、行政强制和"
            "行政事业性收费按 0 汇总：请该部门填写 catalog/annual/2026.yaml（见 README「年度报告数据」）")
    assert note in data["table"]["notes"]
    checks = [row for row in load_workbook(out / "annual-2026.xlsx")["勾稽检查"].iter_rows(values_only=True)]
    assert ("成都市武侯区民政局", "平衡") in checks  # 表三 comes from the register, and balances
    assert ("成都市武侯区民政局", "没有 annual/2026.yaml：表二的规章、行政许可、行政处罚、行政强制、收费按 0 汇总") in checks


# --- county: why a catalog cannot be read, and how to fix it ----------------------------------------------------------

def test_county_unreadable_gongkai_yaml_says_how_to_fix(gk: Callable[..., Run], wuhou: Path, tmp_path: Path) -> None:
    agency = wuhou / "catalog" / "gongkai.yaml"
    agency.write_bytes(agency.read_text(encoding="utf-8").encode("gbk"))
    _, data = _county(gk, tmp_path / "o", wuhou)
    problem = data["departments"][0]["problem"]
    assert problem.startswith("gongkai.yaml 第1行第")
    assert "改正：用记事本打开该文件，选择「文件 → 另存为」，在「编码」中选「UTF-8」后保存" in problem


def _merge_conflict(repo: Path) -> None:
    """Two branches change 联系人; git merge stops with conflict markers in gongkai.yaml."""
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=repo, check=False,
                       capture_output=True)
    agency = repo / "catalog" / "gongkai.yaml"
    git("checkout", "-q", "-b", "other")
    agency.write_text(agency.read_text(encoding="utf-8").replace("联系人: 张敏", "联系人: 张敏敏"), encoding="utf-8")
    git("commit", "-qam", "other")
    git("checkout", "-q", "main")
    agency.write_text(agency.read_text(encoding="utf-8").replace("联系人: 张敏", "联系人: 李四"), encoding="utf-8")
    git("commit", "-qam", "mine")
    git("merge", "other")
    assert "<<<<<<< HEAD" in agency.read_text(encoding="utf-8")


def test_a_catalog_in_the_middle_of_a_merge(gk: Callable[..., Run], wuhou: Path, tmp_path: Path) -> None:
    _merge_conflict(wuhou)
    line = (wuhou / "catalog" / "gongkai.yaml").read_text(encoding="utf-8").split("\n").index("<<<<<<< HEAD") + 1
    _, data = _county(gk, tmp_path / "o", wuhou)
    assert data["departments"][0]["problem"] == (
        f"gongkai.yaml 第{line}行第1列：git 合并（merge）没有完成，这里留着冲突标记「<<<<<<<」。"
        "改正：保留要的内容，删去 <<<<<<<、=======、>>>>>>> 这三行，然后 git add 并 git commit 完成合并")
    checked = gk("validate", "--format", "json", wuhou).json()
    first = [d for d in checked["diagnostics"] if d["severity"] == "error"][0]  # type: ignore[index]
    assert (first["path"], first["line"], first["code"]) == ("gongkai.yaml", line, "GK001")


# --- county: personal data in one department's directory ------------------------------------------------------------

def test_county_personal_data_in_one_directory_stops_only_that_item(gk: Callable[..., Run], wuhou: Path,
                                                                    tmp_path: Path) -> None:
    item = wuhou / "catalog" / "items" / "shjz" / "SHJZ-001.yaml"
    text = item.read_text(encoding="utf-8")
    item.write_text(text.replace("一级事项: 综合业务", "一级事项: 综合业务（联系人身份证 11010519491231002X）"), encoding="utf-8")
    clean = tmp_path / "clean"
    assert gk("init", clean, "--name", "成都市武侯区人力资源和社会保障局", "--code", "510107", "--domain",
              "就业创业=JYCY", *WUHOU).code == 0
    out = tmp_path / "o"
    result, data = _county(gk, out, wuhou, clean)
    assert result.code == 1
    assert ("审核表未列出 成都市武侯区民政局 的事项 SHJZ-001（items/shjz/SHJZ-001.yaml）：含有未遮盖的个人信息"
            "（身份证号）。请该部门按 gongkai validate 所示遮盖后重新运行") in data["table"]["notes"]
    review = load_workbook(out / "review-2026.xlsx")
    assert review.sheetnames == ["成都市武侯区民政局", "成都市武侯区人力资源和社会保障局"]
    assert review["成都市武侯区民政局"]["B4"].value == "综合业务"  # SHJZ-002 (综合业务 / 监督检查) is still there
    for name in ("review-2026.xlsx", "scorecard-2026.xlsx", "annual-2026.xlsx"):
        with zipfile.ZipFile(out / name) as book:
            text = "".join(book.read(n).decode("utf-8", "replace") for n in book.namelist())
        assert "11010519491231002X" not in text and "1231002X" not in text, name


# --- init: 区划代码 as clerks type them ---------------------------------------------------------------------------------

def test_init_full_width_division_code_is_read_as_digits(gk: Callable[..., Run], tmp_path: Path) -> None:
    made = gk("init", tmp_path / "a", "--name", "成都市武侯区民政局", "--code", "５１０１０７", *WUHOU)
    assert made.code == 0, made.err
    agency = (tmp_path / "a" / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert '区划代码: "510107"' in agency and "索引号前缀: 510107-MZ" in agency


def test_init_twelve_digit_and_wrong_length_codes_say_what_to_write(gk: Callable[..., Run], tmp_path: Path) -> None:
    twelve = gk("init", tmp_path / "a", "--name", "成都市武侯区浆洗街街道办事处", "--code", "510107001000", *WUHOU)
    assert twelve.code == 2
    assert ("「510107001000」是12位的统计用区划代码：乡镇人民政府（街道办事处）写前9位 510107001，"
            "县级机关写前6位 510107") in twelve.err
    assert "加引号" not in twelve.err
    answers = tmp_path / "答案.yaml"
    answers.write_text('区划代码: "51010"\n', encoding="utf-8")
    short = gk("init", tmp_path / "b", "--answers", answers, "-y")
    assert short.code == 1
    assert ('改正：区划代码写6位数字（县级机关，如 "350524"）或9位数字（乡镇人民政府，如 "350524100"），用半角数字'
            in short.err)
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_init_abolished_code_mentions_the_change(gk: Callable[..., Run], tmp_path: Path) -> None:
    # 杭州市下城区 (330103) was merged into 拱墅区 (330105) in 2021.
    result = gk("init", tmp_path / "a", "--name", "杭州市下城区民政局", "--code", "330103", *WUHOU)
    assert result.code == 2
    assert "区划调整（撤销、合并、更名）后请用新的代码" in result.err


# --- init: where it writes --------------------------------------------------------------------------------------------

def test_init_into_a_file_is_refused_by_its_own_name(gk: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "民政局.txt"
    target.write_text("x", encoding="utf-8")
    result = gk("init", target, "--name", "成都市武侯区民政局", "--code", "510107", *WUHOU)
    assert result.code == 2
    assert f"「{target}」是一个文件，不是文件夹：请换一个新的文件夹名，如 gongkai init 成都市武侯区民政局" in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["民政局.txt"]  # nothing staged is left behind


def test_init_into_a_repository_with_staged_work_is_refused(gk: Callable[..., Run], tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    (repo / "a.txt").write_text("a", encoding="utf-8")
    subprocess.run([*git, "add", "a.txt"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "first"], cwd=repo, check=True)
    (repo / "草稿.txt").write_text("未完成的工作", encoding="utf-8")
    subprocess.run([*git, "add", "草稿.txt"], cwd=repo, check=True)
    result = gk("init", repo, "--name", "成都市武侯区民政局", "--code", "510107", *WUHOU)
    assert result.code == 2
    assert "已暂存（git add）还没有提交的修改：草稿.txt" in result.err
    assert "请先 git commit 提交，或 git restore --staged 撤销暂存，再运行 gongkai init" in result.err
    assert not (repo / "catalog").exists()
    log = subprocess.run(["git", "log", "--format=%s"], cwd=repo, capture_output=True, text=True).stdout
    assert log == "first\n"


# --- init --from-xlsx -------------------------------------------------------------------------------------------------

HEADER = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式",
          "公开层级"]
ROW = [1, "就业服务", "办事指南", "办理条件；申请材料", "《就业服务与就业管理规定》", "自信息形成或者变更之日起20个工作日内",
       "区人社局", "政府网站", "全社会", "主动", "县级"]
RSJ = ["--name", "成都市武侯区人力资源和社会保障局", "--code", "510107", "--domain", "就业创业=JYCY"]


def test_init_from_a_csv_says_it_is_not_a_workbook(gk: Callable[..., Run], tmp_path: Path) -> None:
    table = tmp_path / "目录.csv"
    table.write_text("序号,一级事项\n1,就业服务\n", encoding="utf-8")
    result = gk("init", tmp_path / "a", *RSJ, *WUHOU, "--from-xlsx", table)
    assert result.code == 2
    assert "找不到任何领域" not in result.err
    assert "目录.csv：" in result.err and "xlsx" in result.err
    assert not (tmp_path / "a").exists()


def test_init_from_a_plain_sheet_takes_the_one_domain_named(gk: Callable[..., Run], tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Sheet1"
    book.active.append(HEADER)
    book.active.append(ROW)
    book.save(table := tmp_path / "目录.xlsx")
    repo = tmp_path / "a"
    result = gk("init", repo, *RSJ, *WUHOU, "--from-xlsx", table)
    assert result.code == 0, result.err
    item = (repo / "catalog" / "items" / "jycy" / "JYCY-001.yaml").read_text(encoding="utf-8")
    assert "一级事项: 就业服务" in item and "责任单位: jycyg" in item
    assert gk("validate", "--strict", repo).code == 0


def test_init_from_a_published_table_with_a_title_merged_cells_a_hidden_row_and_a_notes_sheet(
        gk: Callable[..., Run], tmp_path: Path) -> None:
    """As bureaus publish them: a merged title, 一级事项 merged down, a hidden row, and a sheet of 填表说明."""
    book = Workbook()
    sheet = book.active
    sheet.title = "就业创业"
    sheet.append(["武侯区人社局就业创业领域基层政务公开标准目录"])
    sheet.merge_cells("A1:K1")
    sheet.append(HEADER)
    sheet.append(ROW)
    sheet.append([2, None, "政策文件", *ROW[3:]])
    sheet.append([3, None, "失业登记", "名单；联系电话 13812345678", *ROW[4:]])
    sheet.merge_cells("B3:B5")
    sheet.row_dimensions[5].hidden = True
    notes = book.create_sheet("填表说明")
    notes.append(["本表由局办公室填写，联系人 张敏"])
    notes.append(["公开渠道打■，未选打□"])
    book.save(table := tmp_path / "目录.xlsx")
    repo = tmp_path / "a"
    result = gk("init", repo, *RSJ, *WUHOU, "--from-xlsx", table)
    assert result.code == 0, result.err
    assert "填表说明!A1: 工作表「填表说明」只有一列文字，没有目录表的表头（如填表说明、封面），没有导入" in result.err
    assert "就业创业!A5: 第5行是隐藏的" in result.err
    items = sorted(p.name for p in (repo / "catalog" / "items" / "jycy").iterdir())
    assert items == ["JYCY-001.yaml", "JYCY-002.yaml"]
    assert "一级事项: 就业服务" in (repo / "catalog" / "items" / "jycy" / "JYCY-002.yaml").read_text(encoding="utf-8")
    assert gk("validate", "--strict", repo).code == 0
    assert gk("build-site", repo, "--out", tmp_path / "site").code == 0


def test_a_sheet_of_notes_alone_is_still_no_directory(gk: Callable[..., Run], tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "填表说明"
    book.active.append(["本表由局办公室填写"])
    book.save(table := tmp_path / "目录.xlsx")
    result = gk("init", tmp_path / "a", *RSJ, *WUHOU, "--from-xlsx", table)
    assert result.code == 2 and "找不到表头" in result.err and not (tmp_path / "a").exists()


def test_county_sheet_names_excel_accepts(gk: Callable[..., Run], wuhou: Path, tmp_path: Path) -> None:
    """Names from county.yaml: an apostrophe at an end, and two names that differ only in case (Excel: the same)."""
    others = [tmp_path / "b", tmp_path / "c"]
    for other in others:
        shutil.copytree(wuhou, other)
    config = tmp_path / "county.yaml"
    config.write_text(f"部门:\n  - 目录: {wuhou.name}\n    名称: \"'武侯区民政局'\"\n  - 目录: b\n    名称: WH区人社局\n"
                      "  - 目录: c\n    名称: wh区人社局\n", encoding="utf-8")
    result = gk("county", "--config", config, "--year", "2026", "--out", tmp_path / "o")
    assert result.code == 0, result.out
    names = load_workbook(tmp_path / "o" / "review-2026.xlsx").sheetnames
    assert names == ["武侯区民政局", "WH区人社局", "wh区人社局（2）"]


@pytest.mark.parametrize(("days", "hint"), [("0", "「移交日」不能小于 1"), ("5,32", "「移交日」不能大于 31")])
def test_init_handover_day_out_of_the_month_says_the_bound(gk: Callable[..., Run], tmp_path: Path, days: str,
                                                          hint: str) -> None:
    result = gk("init", tmp_path / "a", "--name", "成都市武侯区民政局", "--code", "510107", "--handover", days, *WUHOU)
    assert result.code == 2 and hint in result.err and not (tmp_path / "a").exists()


def test_init_on_the_31st_hands_over_on_the_last_day_of_shorter_months(gk: Callable[..., Run], tmp_path: Path) -> None:
    repo = tmp_path / "a"
    assert gk("init", repo, "--name", "成都市武侯区民政局", "--code", "510107", "--handover", "31", *WUHOU).code == 0
    schedule = gk("handover", "schedule", "--year", "2026", "-C", repo / "catalog")
    assert "2026-02-28  →  2026-02-28（周六）" in schedule.out  # a 调休 working Saturday
    assert "2026-04-30  →  2026-04-30（周四）" in schedule.out
    assert gk("validate", "--strict", repo).code == 0


def test_county_personal_data_in_an_item_that_fails_validation(gk: Callable[..., Run], wuhou: Path,
                                                               tmp_path: Path) -> None:
    """validate checks an item's privacy once it loads; the review lists invalid items as far as they read."""
    item = wuhou / "catalog" / "items" / "shjz" / "SHJZ-002.yaml"
    text = item.read_text(encoding="utf-8").replace("一级事项: 综合业务", "一级事项: 综合业务 13812345678")
    item.write_text(text.replace("公开方式: 主动", "公开方式: 飞鸽传书"), encoding="utf-8")
    out = tmp_path / "o"
    result, data = _county(gk, out, wuhou)
    assert result.code == 1
    assert data["departments"][0]["withheld"] == ["SHJZ-002（items/shjz/SHJZ-002.yaml）：含有未遮盖的个人信息（手机号码）"]
    with zipfile.ZipFile(out / "review-2026.xlsx") as book:
        assert all("13812345678" not in book.read(n).decode("utf-8", "replace") for n in book.namelist())


def test_validate_refuses_full_width_digits_in_the_division_code(gk: Callable[..., Run], wuhou: Path) -> None:
    """The open data and the portal export carry the 区划代码 as written: ５１０１０７ is not a code a platform matches."""
    agency = wuhou / "catalog" / "gongkai.yaml"
    agency.write_text(agency.read_text(encoding="utf-8").replace('区划代码: "510107"', '区划代码: "５１０１０７"'),
                      encoding="utf-8")
    checked = gk("validate", "--format", "json", wuhou).json()
    found = [(d["path"], d["code"], d["hint"]) for d in checked["diagnostics"] if d["severity"] == "error"]  # type: ignore[index]
    assert found == [("gongkai.yaml", "GK103",
                      '区划代码写6位数字（县级机关，如 "350524"）或9位数字（乡镇人民政府，如 "350524100"），用半角数字。')]


def test_county_out_that_is_a_file(gk: Callable[..., Run], wuhou: Path, tmp_path: Path) -> None:
    out = tmp_path / "考核.xlsx"
    out.write_bytes(b"x")
    result = gk("county", wuhou, "--out", out)
    assert result.code == 2 and f"--out「{out}」是一个文件：请写一个文件夹，如 --out county-out" in result.err
    assert out.read_bytes() == b"x"


def test_county_yaml_name_is_used_when_the_catalog_is_remembered(gk: Callable[..., Run], wuhou: Path,
                                                                 tmp_path: Path) -> None:
    """The department's result is remembered by its catalog's content; the 名称 written in county.yaml is not in it."""
    assert gk("county", wuhou, "--year", "2026", "--out", tmp_path / "o1").code == 0
    config = tmp_path / "county.yaml"
    config.write_text(f"部门:\n  - 目录: {wuhou.name}\n    名称: 武侯区民政局（区老龄办）\n", encoding="utf-8")
    result = gk("county", "--config", config, "--year", "2026", "--format", "json", "--out", tmp_path / "o2")
    assert result.json()["departments"][0]["name"] == "武侯区民政局（区老龄办）"  # type: ignore[index]
    assert load_workbook(tmp_path / "o2" / "review-2026.xlsx").sheetnames == ["武侯区民政局（区老龄办）"]
    config.write_text(f"部门:\n  - 目录: {wuhou.name}\n", encoding="utf-8")
    again = gk("county", "--config", config, "--year", "2026", "--format", "json", "--out", tmp_path / "o3")
    assert again.json()["departments"][0]["name"] == "成都市武侯区民政局"  # type: ignore[index]


def test_county_annual_roll_up_a_department_whose_annual_data_has_an_error(gk: Callable[..., Run], wuhou: Path,
                                                                          tmp_path: Path) -> None:
    annual = wuhou / "catalog" / "annual" / "2026.yaml"
    annual.parent.mkdir()
    annual.write_text("年度: 2026\n行政许可: [3\n", encoding="utf-8")
    out = tmp_path / "o"
    _, data = _county(gk, out, wuhou)
    assert ("年度报告数据：成都市武侯区民政局 annual/2026.yaml 第2行第7列有错误（这里开始的方括号列表没有闭合或格式不对），"
            "表二的规章、行政许可、行政处罚、行政强制和行政事业性收费按 0 汇总：请该部门改正（gongkai validate 列出）"
            ) in data["table"]["notes"]
    checks = list(load_workbook(out / "annual-2026.xlsx")["勾稽检查"].iter_rows(values_only=True))
    assert ("成都市武侯区民政局", "annual/2026.yaml 第2行第7列有错误（这里开始的方括号列表没有闭合或格式不对）："
            "表二的规章、行政许可、行政处罚、行政强制、收费按 0 汇总") in checks
