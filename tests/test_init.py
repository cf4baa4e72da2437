"""gongkai init: a new bureau's catalog from flags, an answers file or its own directory table — then used at once."""

from __future__ import annotations

import datetime as dt
import io
import os
import pty
import select
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import Run

YONGCHUN = ["--name", "永春县民政局", "--code", "350525", "--address", "福建省泉州市永春县桃城镇八二三西路1号",
            "--contact", "林小梅", "--phone", "0595-23881234", "--email", "ycmzj@example.gov.cn", "--leader", "陈明:局长",
            "--handover", "5", "--base-url", "https://www.fjyc.gov.cn/zwgk/bmzfxxgk/mzj/", "-y"]
# 永春县's 22 乡镇 (国家统计局 2023年统计用区划代码): 18 镇 (100–117) and 4 乡 (200, 201, 202, 204).
YONGCHUN_TOWNS = 22


def _log(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "log", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def yongchun(gk: Callable[..., Run], tmp_path: Path) -> Path:
    """永春县民政局, started with flags only (monthly handover by the 5th)."""
    repo = tmp_path / "ycmzj"
    result = gk("init", repo, *YONGCHUN)
    assert result.code == 0, result.err
    return repo


def test_init_other_county_then_validate_build_and_hand_over(gk: Callable[..., Run], yongchun: Path,
                                                              tmp_path: Path) -> None:
    catalog = yongchun / "catalog"
    agency = (catalog / "gongkai.yaml").read_text(encoding="utf-8")
    assert '区划代码: "350525"' in agency and "移交日: [5]" in agency and "启用日期: 2026-11-27" in agency
    assert "名称: 永春县档案馆" in agency and "名称: 永春县图书馆" in agency and "复议机关: 永春县人民政府" in agency
    assert agency.count("类型: 乡镇民政办") == YONGCHUN_TOWNS
    assert "名称: 桃城镇民政办" in agency and '区划代码: "350525100"' in agency and "编号: mzb-204" in agency
    items = sorted(p.name for p in (catalog / "items").rglob("*.yaml"))
    assert len(items) == 19 and items[0] == "SHJZ-001.yaml" and items[-1] == "YLFW-006.yaml"  # 13 + 6 rows of 民办函〔2019〕52号
    for name in (".gitignore", ".pre-commit-config.yaml", ".vscode/settings.json", "schema/item.schema.json",
                 ".github/workflows/gongkai.yml"):
        assert (yongchun / name).is_file(), name
    assert 'cron: "5 16 * * *"' in (yongchun / ".github/workflows/gongkai.yml").read_text(encoding="utf-8")
    assert _log(yongchun, "--format=%ad %s", "--date=short").strip() == \
        "2026-11-27 启用 gongkai：永春县民政局政务公开目录（gongkai init）"
    assert subprocess.run(["git", "status", "--porcelain"], cwd=yongchun, capture_output=True, text=True).stdout == ""

    checked = gk("validate", "--strict", yongchun)
    assert checked.code == 0, checked.out
    assert "0 个错误，0 个警告" in checked.out and "GK550" in checked.out  # only the notes to confirm
    assert gk("fmt", "--check", catalog).code == 0
    site = tmp_path / "site"
    assert gk("build-site", catalog, "--out", site, "--no-search").code == 0
    assert "永春县民政局" in (site / "index.html").read_text(encoding="utf-8")

    schedule = gk("handover", "schedule", "--year", "2026", "-C", catalog)
    assert "2026-12-05  →  2026-12-07（周一）" in schedule.out and "2026-11-20" not in schedule.out
    on = ("--today", "2026-12-21")
    assert gk("handover", "--date", "2026-12-21", "-C", catalog, "--dry-run", *on).code == 2  # the 20th is no longer a day
    handed = gk("handover", "--date", "2026-12-07", "-C", catalog, "--out", tmp_path / "out", "--today", "2026-12-07")
    assert handed.code == 0, handed.err
    assert (catalog / "handover" / "2026-12-07.yaml").is_file()


def test_init_never_overwrites_a_catalog(gk: Callable[..., Run], yongchun: Path) -> None:
    before = (yongchun / "catalog" / "gongkai.yaml").read_bytes()
    again = gk("init", yongchun, *YONGCHUN)
    assert again.code == 2
    assert "已经有目录了" in again.err and "不会覆盖" in again.err
    assert (yongchun / "catalog" / "gongkai.yaml").read_bytes() == before
    assert len(_log(yongchun, "--oneline").splitlines()) == 1


def test_init_refuses_an_unknown_division_code(gk: Callable[..., Run], tmp_path: Path) -> None:
    flags = [f if f != "350525" else "350599" for f in YONGCHUN]
    result = gk("init", tmp_path / "x", *flags)
    assert result.code == 2
    assert "350599" in result.err and "GB/T 2260" in result.err
    assert not (tmp_path / "x").exists()


def test_init_lists_what_is_missing(gk: Callable[..., Run], tmp_path: Path) -> None:
    result = gk("init", tmp_path / "x", "--name", "永春县民政局", "--code", "350525", "-y")
    assert result.code == 2
    for label in ("地址", "联系人", "联系电话", "电子邮箱", "领导"):
        assert f"缺少「{label}」" in result.err


def test_init_towns_from_the_bundled_list_or_typed(gk: Callable[..., Run], tmp_path: Path) -> None:
    wrong = gk("init", tmp_path / "a", *YONGCHUN, "--town", "桃城镇", "--town", "凤城镇")
    assert wrong.code == 2 and "「凤城镇」不是本县的乡镇" in wrong.err
    chosen = gk("init", tmp_path / "b", *YONGCHUN, "--town", "桃城镇", "--town", "蓬壶镇")
    assert chosen.code == 0, chosen.err
    agency = (tmp_path / "b" / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert agency.count("类型: 乡镇民政办") == 2 and '区划代码: "350525104"' in agency
    # 金门县 (350527) has no 乡镇 in the bundled list: typed names get ids in order, without a code.
    typed = [{"350525": "350527", "永春县民政局": "金门县民政局"}.get(f, f) for f in YONGCHUN]
    made = gk("init", tmp_path / "c", *typed, "--town", "金城镇")
    assert made.code == 0, made.err
    agency = (tmp_path / "c" / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert "编号: mzb-01\n    名称: 金城镇民政办" in agency


PERSON = ["--address", "福建省泉州市永春县桃城镇八二三西路2号", "--contact", "王强", "--phone", "0595-23880000",
          "--email", "ycrsj@example.gov.cn", "--leader", "李华:局长", "-y"]


def test_init_another_kind_of_bureau_gets_no_civil_affairs_rows(gk: Callable[..., Run], tmp_path: Path) -> None:
    """A 人社局 does not fall under the 民政 guidelines: no 社会救助 rows, no 乡镇民政办, no MZ 索引号."""
    bureau = ["--name", "永春县人力资源和社会保障局", "--code", "350525", *PERSON]
    refused = gk("init", tmp_path / "a", *bureau)
    assert refused.code == 2
    assert "「永春县人力资源和社会保障局」不属于其中任何一个" in refused.err and "--from-xlsx" in refused.err
    assert "--domain" in refused.err and not (tmp_path / "a").exists()

    repo = tmp_path / "人社 局"  # a path with a space and Chinese characters
    made = gk("init", repo, *bureau, "--domain", "就业创业=JYCY", "--handover", "10,25")
    assert made.code == 0, made.err
    agency = (repo / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert "名称: 就业创业\n    代码: JYCY" in agency and "社会救助" not in agency and "民政办" not in agency
    assert "索引号前缀: 350525-RL" in agency and "移交日: [10, 25]" in agency
    assert not (repo / "catalog" / "items").exists()
    assert "build-site '" + str(repo / "catalog") + "'" in made.out  # the hint can be pasted into the shell
    assert gk("validate", "--strict", repo).code == 0
    assert gk("build-site", repo / "catalog", "--out", tmp_path / "site", "--no-search").code == 0


def test_init_a_township_government(gk: Callable[..., Run], tmp_path: Path) -> None:
    """A 乡镇人民政府 (9-digit code) takes the 乡级 rows of every guideline and has no 乡镇民政办 of its own."""
    repo = tmp_path / "tcz"
    made = gk("init", repo, "--name", "永春县桃城镇人民政府", "--code", "350525100", *PERSON, "--handover", "5")
    assert made.code == 0, made.err
    agency = (repo / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert '区划代码: "350525100"' in agency and "乡镇民政办\n" not in agency.split("单位:")[1].split("移交:")[0]
    assert "名称: 永春县档案馆" in agency and "复议机关: 永春县人民政府" in agency
    assert "编号: shswb\n    名称: 社会事务办" in agency and "索引号前缀: '350525100'" in agency
    items = sorted(p.name for p in (repo / "catalog" / "items").rglob("*.yaml"))
    # 民办函〔2019〕52号: all 13 社会救助 rows are 县级+乡级; of 养老服务 only rows 4–6 are 乡级.
    assert len(items) == 16 and items[-1] == "YLFW-003.yaml"
    elderly = (repo / "catalog" / "items" / "ylfw" / "YLFW-001.yaml").read_text(encoding="utf-8")
    assert "二级事项: 养老机构备案" in elderly and "公开层级: [乡级]" in elderly
    assert gk("validate", "--strict", repo).code == 0
    assert gk("build-site", repo / "catalog", "--out", tmp_path / "site", "--no-search").code == 0
    wrong = gk("init", tmp_path / "x", "--name", "桃城镇", "--code", "350525199", *PERSON)
    assert wrong.code == 2 and "「350525199」不是本县的乡镇" in wrong.err and "350525100 桃城镇" in wrong.err
    assert "不属于其中任何一个" not in wrong.err


ANSWERS = """\
机关名称: 德化县民政局
区划代码: "350526"
地址: 福建省泉州市德化县浔中镇龙浔路1号
联系人: 郑丽
联系电话: "0595-23521234"
电子邮箱: dhmzj@example.gov.cn
领导:
  - {姓名: 苏伟, 职务: 局长}
单位:
  - {编号: bgs, 名称: 办公室}
  - {编号: jzg, 名称: 社会救助和社会事务股}
乡镇: []
指引: [社会救助]
移交日: [5, 20]
索引号前缀: DH-MZ
依申请公开:
  办公时间: 工作日8:00—17:30
  网上申请地址: https://www.dehua.gov.cn/ysqgk/
CI: gitlab
"""


def test_init_from_an_answers_file(gk: Callable[..., Run], tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    repo = tmp_path / "dhmzj"
    result = gk("init", repo, "--answers", answers)
    assert result.code == 0, result.err
    catalog = repo / "catalog"
    agency = (catalog / "gongkai.yaml").read_text(encoding="utf-8")
    assert "乡镇民政办" not in agency.split("单位:")[1].split("移交:")[0]
    assert "网上申请地址: https://www.dehua.gov.cn/ysqgk/" in agency and "方式: [当面提交, 邮寄, 电子邮件, 网上申请]" in agency
    assert "索引号格式: '^DH-MZ-\\d{4}-\\d{5}$'" in agency
    assert "责任单位: jzg" in (catalog / "items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8")  # 社会救助 → its 股
    assert not (catalog / "items" / "ylfw").exists()
    assert (repo / ".gitlab-ci.yml").is_file() and not (repo / ".github").exists()
    made = gk("new", "record", "-C", catalog, "--title", "德化县民政局关于临时救助的通知", "--kind", "通知",
              "--unit", "jzg", "--item", "SHJZ-011", "--attribute", "主动公开", "--today", "2026-11-27")
    assert made.code in (0, 1), made.err
    record = next((catalog / "records").rglob("*.yaml")).read_text(encoding="utf-8")
    assert "索引号: DH-MZ-2026-00001" in record


def test_answers_file_errors_point_at_line_and_column(gk: Callable[..., Run], tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS.replace('区划代码: "350526"', "区划代码: 35052").replace("移交日: [5, 20]", "移交曰: [5]"),
                       encoding="utf-8")
    result = gk("init", tmp_path / "x", "--answers", answers)
    assert result.code == 1
    assert "answers.yaml" in result.err
    assert "2:7 错误 GK103" in result.err and "区划代码" in result.err
    assert "14:1 错误 GK102 未知字段「移交曰」" in result.err and "是否想写「移交日」" in result.err
    assert not (tmp_path / "x").exists()


def test_baseline_at_adoption(gk: Callable[..., Run], tmp_path: Path) -> None:
    repo = tmp_path / "ycmzj"
    result = gk("init", repo, *YONGCHUN, "--baseline", "2026-11-20")
    assert result.code == 0, result.err
    ledger = (repo / "catalog" / "handover" / "2026-11-20.yaml").read_text(encoding="utf-8")
    assert "补登: true" in ledger and "信息: []" in ledger
    assert _log(repo, "--format=%s").splitlines() == ["补登启用前已送交两馆的信息（至 2026-11-20）",
                                                     "启用 gongkai：永春县民政局政务公开目录（gongkai init）"]
    later = gk("init", tmp_path / "y", *YONGCHUN, "--baseline", "2026-11-28")  # the day after adoption
    assert later.code == 2 and "在今天之后" in later.err


def _table() -> bytes:
    """A bureau's own directory table: one-row header, ticks as text, sheet named after the 领域."""
    book = Workbook()
    sheet = book.active
    sheet.title = "社会救助"
    sheet.append(["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象",
                  "公开方式", "公开层级", "五公开", "责任单位"])
    sheet.append([1, "最低生活保障", "办事指南", "办理条件；申请材料", "《社会救助暂行办法》（国务院令第649号）",
                  "制定或获取信息之日起10个工作日内", "县级人民政府民政部门", "政府网站、政务服务中心", "全社会", "主动",
                  "县级、乡级", "服务公开", "社会救助股"])
    sheet.append([2, "临时救助", "审核审批信息", "救助对象名单", "《社会救助暂行办法》（国务院令第649号）",
                  "制定或获取信息之日起10个工作日内", "县级人民政府民政部门", "村公示栏", "全社会", "主动", "乡级",
                  "结果公开", "社会救助股"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_init_from_the_bureaus_own_table(gk: Callable[..., Run], tmp_path: Path) -> None:
    table = tmp_path / "目录.xlsx"
    table.write_bytes(_table())
    repo = tmp_path / "ycmzj"
    result = gk("init", repo, *YONGCHUN, "--from-xlsx", table)
    assert result.code == 0, result.out + result.err
    catalog = repo / "catalog"
    items = sorted(p.relative_to(catalog).as_posix() for p in (catalog / "items").rglob("*.yaml"))
    assert items == ["items/shjz/SHJZ-001.yaml", "items/shjz/SHJZ-002.yaml"]
    first = (catalog / "items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8")
    assert "二级事项: 办事指南" in first and "责任单位: shjzg" in first and "  - 申请材料" in first
    assert "空白说明: 本栏目自2026年11月27日启用，暂未产生此类信息。  # 待确认" in first
    second = (catalog / "items/shjz/SHJZ-002.yaml").read_text(encoding="utf-8")
    assert "空白说明" not in second  # only on the 公示栏, never a web column
    agency = (catalog / "gongkai.yaml").read_text(encoding="utf-8")
    assert "名称: 社会救助\n    代码: SHJZ" in agency and "养老服务" not in agency
    assert gk("validate", "--strict", repo).code == 0



def test_init_another_bureau_from_its_own_table(gk: Callable[..., Run], tmp_path: Path) -> None:
    """A 人社局's directory (a 领域 no guideline has): its items get a 股室 named after the 领域, and validate clean."""
    book = Workbook()
    book.active.title = "就业创业"
    book.active.append(["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
                        "公开对象", "公开方式", "公开层级"])
    book.active.append([1, "就业服务", "办事指南", "办理事项、办理条件、申请材料", "《就业服务与就业管理规定》",
                        "自信息形成或者变更之日起20个工作日内", "县人社局", "■政府网站", "特定群众", "依申请公开", "县级"])
    book.save(table := tmp_path / "人社局目录.xlsx")
    repo = tmp_path / "ycrsj"
    made = gk("init", repo, "--name", "永春县人力资源和社会保障局", "--code", "350525", *PERSON,
              "--from-xlsx", table, "--domain", "就业创业=JYCY")
    assert made.code == 0, made.out + made.err
    agency = (repo / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert "编号: jycyg\n    名称: 就业创业股" in agency
    item = (repo / "catalog" / "items" / "jycy" / "JYCY-001.yaml").read_text(encoding="utf-8")
    assert "责任单位: jycyg" in item and "公开方式: 依申请" in item
    assert gk("validate", "--strict", repo).code == 0

def test_init_from_a_table_names_the_cell_with_an_unmasked_number(gk: Callable[..., Run], tmp_path: Path) -> None:
    """As gongkai import xlsx does: the clerk is told at the table's cell, masked, not only at a line of a YAML file."""
    book = load_workbook(io.BytesIO(_table()))
    book["社会救助"]["D3"] = "救助对象名单；咨询电话 13812345678"
    book.save(table := tmp_path / "目录.xlsx")
    result = gk("init", tmp_path / "ycmzj", *YONGCHUN, "--from-xlsx", table)
    assert "社会救助!D3: 含有未遮盖的个人信息：手机号码「138****5678」" in result.err
    assert "13812345678" not in result.out + result.err


def test_init_from_a_table_with_an_error_makes_nothing(gk: Callable[..., Run], tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "社会救助"
    book.active.append(["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道",
                        "公开对象", "公开方式", "公开层级"])
    book.active.append([1, "临时救助", "办事指南", "办理条件", "依据", "10个工作日内", "民政局", "飞鸽传书", "全社会",
                        "主动", "县级"])
    table = tmp_path / "bad.xlsx"
    book.save(table)
    result = gk("init", tmp_path / "x", *YONGCHUN, "--from-xlsx", table)
    assert result.code == 2
    assert "社会救助!H2" in result.err and "飞鸽传书" in result.err
    assert not (tmp_path / "x").exists()


def test_gk550_generated_blank_notes_until_confirmed(gk: Callable[..., Run], yongchun: Path) -> None:
    item = yongchun / "catalog/items/shjz/SHJZ-004.yaml"
    before = gk("validate", "--format", "json", yongchun).json()
    codes = {(d["path"], d["code"]) for d in before["diagnostics"]}  # type: ignore[index]
    assert ("items/shjz/SHJZ-004.yaml", "GK550") in codes and ("gongkai.yaml", "GK550") in codes
    item.write_text(item.read_text(encoding="utf-8").replace("  # 待确认", ""), encoding="utf-8")
    after = gk("validate", "--format", "json", yongchun).json()
    codes = {(d["path"], d["code"]) for d in after["diagnostics"]}  # type: ignore[index]
    assert ("items/shjz/SHJZ-004.yaml", "GK550") not in codes
    assert ("items/shjz/SHJZ-003.yaml", "GK550") in codes


def test_adoption_date_is_the_first_commits_date(yongchun: Path) -> None:
    day = _log(yongchun, "-1", "--format=%ad", "--date=short").strip()
    agency = (yongchun / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert f"启用日期: {dt.date.fromisoformat(day).isoformat()}" in agency


def _converse(argv: list[str], answers: list[str], env: dict[str, str], limit: float = 240) -> str:
    """Run *argv* on a pseudo-terminal, typing each answer when the program waits for one; everything it showed."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, in a terminal of its own
        os.environ.update(env)
        os.execv(argv[0], argv)
    shown = b""
    pending = list(answers)
    end = time.monotonic() + limit
    waiting = select.poll()  # not select(): a test process may already hold more than 1024 descriptors
    waiting.register(fd, select.POLLIN)
    while time.monotonic() < end:
        if not waiting.poll(300):  # (typed ahead, an answer waits in the terminal until it is asked for)
            if pending:  # quiet: it is waiting for the next answer
                os.write(fd, (pending.pop(0) + "\n").encode("utf-8"))
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.waitpid(pid, 0)
    os.close(fd)
    return shown.decode("utf-8", "replace")


def test_init_asks_in_chinese_on_a_terminal(tmp_path: Path) -> None:
    answers = ["永春县民政局", "350599", "350525", "n", "桃城镇、五里街镇", "福建省泉州市永春县桃城镇1号", "", "林小梅",
               "0595-23881234", "yc@example.gov.cn", "陈明", "", "2", "", "", "", "", "", "", "gitlab", "2026-11-20"]
    script = Path(sys.executable).parent / "gongkai"
    shown = _converse([str(script), "init", str(tmp_path / "yc")], answers, {"GONGKAI_TODAY": "2026-11-27"})
    assert "机关名称（如 永春县民政局）" in shown and "不在 GB/T 2260 县级行政区划代码表中" in shown
    assert "→ 福建省泉州市永春县" in shown and "自带的乡镇表中本县有 22 个乡镇" in shown
    assert "已补登台账：至 2026-11-20" in shown
    agency = (tmp_path / "yc" / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert agency.count("类型: 乡镇民政办") == 2 and "移交日: [5]" in agency and "职务: 局长" in agency
    assert (tmp_path / "yc" / ".gitlab-ci.yml").is_file()



def test_init_asks_another_bureau_for_its_domains(tmp_path: Path) -> None:
    answers = ["永春县人力资源和社会保障局", "350525", "就业创业=JYCY、社会保险=SHBX", "福建省泉州市永春县桃城镇2号", "",
               "王强", "0595-23880000", "rs@example.gov.cn", "李华", "", "1", "", "", "", "", "", "", "无", ""]
    script = Path(sys.executable).parent / "gongkai"
    shown = _converse([str(script), "init", str(tmp_path / "rs")], answers, {"GONGKAI_TODAY": "2026-11-27"})
    assert "不适用于「永春县人力资源和社会保障局」" in shown and "自带的乡镇表" not in shown
    agency = (tmp_path / "rs" / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert "名称: 就业创业\n    代码: JYCY" in agency and "名称: 社会保险\n    代码: SHBX" in agency
    assert "乡镇民政办" not in agency and "索引号前缀: 350525-RL" in agency

def test_init_commits_as_the_contact_when_git_has_no_user(gk: Callable[..., Run], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))  # no ~/.gitconfig: a clerk's new computer
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    repo = tmp_path / "ycmzj"
    assert gk("init", repo, *YONGCHUN).code == 0
    assert _log(repo, "--format=%an <%ae>").strip() == "林小梅 <ycmzj@example.gov.cn>"
    config = (repo / ".git" / "config").read_text(encoding="utf-8")
    assert "name = 林小梅" in config and "email = ycmzj@example.gov.cn" in config


def test_a_wrong_flag_value_names_the_flag(gk: Callable[..., Run], tmp_path: Path) -> None:
    flags = [f if not f.startswith("https://") else "ftp://www.fjyc.gov.cn/" for f in YONGCHUN]
    result = gk("init", tmp_path / "x", *flags)
    assert result.code == 2
    assert "基础地址" in result.err and "（--base-url）" in result.err
    assert not (tmp_path / "x").exists()


def test_init_handover_days_outside_a_month_are_refused_and_31_is_the_months_end(gk: Callable[..., Run],
                                                                                  tmp_path: Path) -> None:
    flags = [f for f in YONGCHUN if f not in ("--handover", "5")]
    refused = gk("init", tmp_path / "x", *flags, "--handover", "0,20")
    assert refused.code == 2 and "「移交日」" in refused.err and "（--handover）" in refused.err
    assert not (tmp_path / "x").exists()
    made = gk("init", tmp_path / "y", *flags, "--handover", "31")
    assert made.code == 0, made.err
    schedule = gk("handover", "schedule", "--year", "2026", "-C", tmp_path / "y" / "catalog")
    # 2026-01-31 is a Saturday, 2026-02-01 a Sunday: the range names both months.
    assert "2026-01-31  →  2026-02-02（周一）  1月31日至2月1日是周末，节假日顺延至2月2日" in schedule.out
    assert "2026-02-28  →  2026-02-28（周六）" in schedule.out  # a 调休 working Saturday, and February's last day


@pytest.mark.parametrize(("today", "calendar_step"), [("2026-11-30", False), ("2026-12-01", True)])
def test_init_in_december_succeeds_and_names_the_holiday_notice_step(gk: Callable[..., Run], tmp_path: Path,
                                                                     today: str, calendar_step: bool) -> None:
    # From 1 December GK802 warns that next year's notice is not entered: init cannot clear that itself, so the catalog
    # it wrote still counts as made (exit 0) and the first next step says how to enter the notice.
    result = gk("init", tmp_path / "yc", *YONGCHUN, "--today", today)
    assert result.code == 0, result.out + result.err
    assert ("GK802" in result.err) is calendar_step
    assert ("1. 下一年的节假日安排发布后" in result.out and "gongkai calendar import 通知.txt -C" in result.out) is calendar_step
    assert "GK550 事项" not in result.err  # the notes to confirm are counted, not listed one by one
    assert "条生成的空白说明待确认（GK550）" in result.out
