"""Hostile pass 24 on `gongkai init` and `gongkai county` (issue 20) and the front door (issue 19): the county
政务公开办 gathering every bureau, and a new bureau starting from nothing. Real catalogs in temp dirs, the real CLI
in-process.

Expected values are typed by hand from the rules: Fujian hands over on the 5th and 20th, a day off moving to the next
working day (闽政办函〔2016〕42号); a batch with nothing to send still owes its 目录表, a missing one counts as late
(DOMAIN.md §6); 2026's notice: 6/19–6/21, 9/25–9/27, 10/1–10/7 off, 9/20 (Sunday) a working day.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, RECORD, Run

Gk = Callable[..., Run]

# A 通知 formed Tuesday 2026-09-01: its 20 working days end 2026-09-29 (9/20 counts, 9/25 does not).
NOTICE = (RECORD.replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", "")
          .replace("关于2026年第三季度低保对象名单的公示", "关于做好2026年冬春救助工作的通知"))


def bureau(root: Path, name: str, prefix: str, adopted: str | None = None) -> Path:
    """A tiny valid catalog: one item, one 主动公开 notice numbered under *prefix*, no handover ledger."""
    agency = AGENCY.replace("测试县民政局", name) + (f"启用日期: {adopted}\n" if adopted else "")
    for rel, text in (("gongkai.yaml", agency), ("items/shjz/SHJZ-001.yaml", ITEM),
                      ("records/2026/R2026-001.yaml", NOTICE.replace("350524-MZ", prefix))):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def handover_cell(run: Run, name: str) -> str:
    """The 按时移交率 cell of *name*'s row in the printed scorecard."""
    row = next(line for line in run.out.splitlines() if line.startswith(name))
    cells = row.split()
    return cells[5]


# --- a bureau that never handed over since it adopted gongkai ---------------------------------------------------------

# 2026-06-01 → 2026-11-27: 6/5, 6/22 (6/20 a Saturday of 端午), 7/6, 7/20, 8/5, 8/20, 9/7, 9/20 (a working Sunday),
# 10/8 (国庆), 10/20, 11/5, 11/20 — twelve handover days, not one ledger.
TWELVE = "没有移交台账：自启用日期 2026-06-01 起，2026年已过 12 个移交日（2026-06-05 至 2026-11-20）"


@pytest.fixture(scope="module")
def late(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Read only: 测试县民政局 adopted gongkai 2026-06-01 and kept no ledger; 测试县人社局 has no 启用日期 (an older
    catalog) and no ledger; 测试县卫健局 adopted 2026-11-19 (one handover day since, 11-20); 测试县教育局 adopted on
    2026-11-20 itself, a handover day (none since)."""
    top = tmp_path_factory.mktemp("late")
    bureau(top / "mzj", "测试县民政局", "350524-MZ", "2026-06-01")
    bureau(top / "rsj", "测试县人社局", "350524-RS", None)
    bureau(top / "wjj", "测试县卫健局", "350524-WJ", "2026-11-19")
    bureau(top / "jyj", "测试县教育局", "350524-JY", "2026-11-20")
    report(top / "jyj", "测试县教育局", "2026-01-20")  # on time
    report(top / "wjj", "测试县卫健局", "2026-02-02")  # two days late: due 2026-01-31
    return top


def report(root: Path, name: str, published: str) -> None:
    """*name*'s 2025 政府信息公开工作年度报告, published on the web on *published*."""
    text = (NOTICE.replace("编号: R2026-001", "编号: R2026-002").replace("2026-00001", "2026-00002")
            .replace("测试县民政局关于做好2026年冬春救助工作的通知", f"{name}2025年政府信息公开工作年度报告")
            .replace("文种: 通知", "文种: 年度报告").replace("文号: 测民〔2026〕1号\n", "")
            .replace("成文日期: 2026-09-01", "成文日期: 2026-01-16").replace("审查日期: 2026-09-01", "审查日期: 2026-01-16")
            .replace("公开日期: 2026-09-03", f"公开日期: {published}\n公开渠道: [政府网站]\n报告年度: 2025"))
    (root / "records/2026/R2026-002.yaml").write_text(text, encoding="utf-8")


def test_county_a_bureau_with_no_ledger_since_adoption_is_late_not_unknown(gk: Gk, late: Path, tmp_path: Path) -> None:
    run = gk("county", late / "mzj", late / "rsj", late / "wjj", late / "jyj", tmp_path / "gone", "--out",
             tmp_path / "out", "--jobs", "1")
    # a folder that is not there says so in one cell, which no longer pushes every column after 事项 to its width
    header = run.out.splitlines()[1]
    assert "  事项  公开信息  按时公开率  " in header
    # the notice was due 2026-09-29, after adoption, and was never sent: 0 of 1, and the twelve batches are named
    assert handover_cell(run, "测试县民政局") == "0.0%（0/1）；12个移交日没有台账"
    assert f"移交两馆：测试县民政局 {TWELVE}" in run.out
    assert "gongkai handover baseline --through 2026-11-20" in run.out
    assert "gongkai handover --date 2026-06-05" in run.out
    # no 启用日期 and no ledger: nobody can tell, and the table says so
    assert handover_cell(run, "测试县人社局") == "—（无台账）"
    # adopted the day before the 20th: that one batch is owed; the notice was due before adoption, by hand
    assert handover_cell(run, "测试县卫健局") == "1个移交日没有台账"
    assert "测试县卫健局 没有移交台账：自启用日期 2026-11-19 起，2026年已过 1 个移交日（2026-11-20）" in run.out
    # adopted on the handover day itself: nothing owed yet
    assert handover_cell(run, "测试县教育局") == "—"
    assert "测试县教育局 没有移交台账" not in run.out


def test_county_names_the_bureaus_whose_annual_report_is_missing_or_late(gk: Gk, late: Path, tmp_path: Path) -> None:
    """Before: only 「合格（90分）」 in the 网站检查 column; the 政务公开办 could not tell which bureau owes its 年报."""
    run = gk("county", late / "mzj", late / "wjj", late / "jyj", "--out", tmp_path / "out", "--jobs", "1")
    notes = [line for line in run.out.splitlines() if line.startswith("年度报告：")]
    assert notes == [
        "年度报告：测试县民政局 网站上没有2025年政府信息公开工作年度报告（应于2026-01-31前公开；文种: 年度报告，报告年度: 2025）",
        "年度报告：测试县卫健局 「测试县卫健局2025年政府信息公开工作年度报告」2026-02-02 才公开，晚于2026-01-31",
    ]


def test_report_scorecard_of_a_bureau_with_no_ledger_since_adoption(gk: Gk, late: Path) -> None:
    run = gk("report", "scorecard", late / "mzj")
    assert f"注意：{TWELVE}" in run.out
    assert "按时移交率无法统计" not in run.out
    # (read from the HTML: the screen table wraps its cells at the console's width, which a worker may have fixed at 80)
    assert "0.0%（0/1）" in gk("report", "scorecard", late / "mzj", "--format", "html").out
    older = gk("report", "scorecard", late / "rsj")
    assert "没有移交台账（handover/*.yaml），gongkai.yaml 也没有「启用日期」，按时移交率无法统计。" in older.out


# --- a field missing under another: where it goes, not only its name -------------------------------------------------

def test_a_field_missing_under_jiguan_says_to_write_it_under_jiguan(gk: Gk, tmp_path: Path) -> None:
    """Before: 「缺少必填字段「区划代码」 改正：请添加一行「区划代码: ……」」 — written at the top of the file, as told, it
    becomes an unknown key and 区划代码 is still missing."""
    folder = bureau(tmp_path / "jyj", "测试县教育局", "350524-JY")
    text = (folder / "gongkai.yaml").read_text(encoding="utf-8")
    (folder / "gongkai.yaml").write_text(text.replace('  区划代码: "350524"\n', "")
                                         .replace("    职务: 局长\n", ""), encoding="utf-8")
    run = gk("validate", folder, "--format", "json")
    found = {(d["line"], d["column"], d["message"], d["hint"]) for d in run.json()["diagnostics"]}  # type: ignore[index]
    assert (1, 1, "「机关」下缺少必填字段「区划代码」",
            "在「机关」下添加一行「区划代码: ……」（与这一层的其他字段左对齐）。") in found
    assert (33, 5, "「领导」第1项中缺少必填字段「职务」",
            "在「领导」第1项中添加一行「职务: ……」（与这一层的其他字段左对齐）。") in found
    county = gk("county", folder, "--out", tmp_path / "out", "--jobs", "1")
    assert "jyj：gongkai.yaml 第1行第1列：「机关」下缺少必填字段「区划代码」。改正：在「机关」下添加一行「区划代码: ……」" \
        in county.out


# --- init: 人民政府 holds the letters 民政 ----------------------------------------------------------------------------

CONTACT = ("--contact", "张三", "--phone", "0595-23000000", "--address", "安溪县凤城镇河滨路1号",
           "--email", "gk@example.gov.cn", "--leader", "李四:主任")


@pytest.mark.parametrize("name", ["安溪县人民政府办公室", "安溪县便民政务服务中心", "安溪县人民政协联络室"])
def test_init_a_body_whose_name_holds_the_letters_minzheng_is_no_civil_affairs_bureau(gk: Gk, tmp_path: Path,
                                                                                       name: str) -> None:
    """Before: 人民政府 (and 便民政务, 人民政协) held 「民政」, so the county government's office got the 民政 guideline's
    19 items and a 乡镇民政办 for each of the county's 24 乡镇."""
    run = gk("init", tmp_path / "new", "-y", "--name", name, "--code", "350524", *CONTACT)
    assert run.code == 2
    assert f"gongkai 自带的标准指引只有这些部门的：民政（社会救助、养老服务），「{name}」不属于其中任何一个" in run.err
    assert not (tmp_path / "new").exists()


def test_init_a_township_government_under_its_countys_code_is_told_its_own(gk: Gk, tmp_path: Path) -> None:
    """Before: 安溪县城厢镇人民政府 with 安溪县's 350524 became a county 民政局: 19 items at 县级, 24 乡镇民政办 of
    other 乡镇. 城厢镇 is 350524105 (GB/T 2260); 浆洗街街道 of 成都市武侯区 is 510107001."""
    run = gk("init", tmp_path / "cx", "-y", "--name", "安溪县城厢镇人民政府", "--code", "350524", *CONTACT)
    assert run.code == 2
    assert ("机关名称「安溪县城厢镇人民政府」是乡镇人民政府（街道办事处），要写本乡镇的9位区划代码：城厢镇是 350524105"
            "（写 --code 350524105）；6位代码 350524 是福建省泉州市安溪县的，给县级机关用。") in run.err
    assert "不属于其中任何一个" not in run.err  # with its own code it takes the guidelines' 乡级 rows
    assert not (tmp_path / "cx").exists()
    street = gk("init", tmp_path / "jxj", "-y", "--name", "成都市武侯区浆洗街街道办事处", "--code", "510107", *CONTACT)
    assert street.code == 2 and "浆洗街街道是 510107001（写 --code 510107001）" in street.err


# --- init: the next steps of a bureau that starts from nothing, in January -------------------------------------------

def test_init_of_a_bureau_with_no_items_in_january_says_what_it_really_has_to_do(gk: Gk, tmp_path: Path) -> None:
    """Before: 「下一年的节假日安排发布后」 on 10 January 2027 (it is this year's, 2027, that is missing); 「核实标有
    「# 待确认」的空白说明」 with none written; and 「gongkai new record」 first, though a record needs an item."""
    run = gk("init", tmp_path / "教育 局", "-y", "--name", "安溪县教育局", "--code", "350524", "--domain", "教育=JY",
             *CONTACT, "--today", "2027-01-10")
    assert run.code == 0, run.err
    steps = run.out.split("下一步：\n", 1)[1].splitlines()
    where = f"'{tmp_path / '教育 局' / 'catalog'}'"
    assert steps[0] == (f"  1. 先添加本机关的公开事项：gongkai new item -C {where}；或导入本机关的目录表："
                        f"gongkai import xlsx 目录表.xlsx -C {where}")
    assert steps[1].startswith("  2. 今年（2027年）的节假日安排还没有录入：把通知原文存为文本文件，运行 gongkai calendar import 通知.txt")
    assert "待确认" not in run.out.split("下一步：", 1)[1]
    assert "0 条生成的空白说明待确认（GK550）" in run.out


# --- a gongkai.yaml that is not a file ---------------------------------------------------------------------------------

def test_a_gongkai_yaml_that_is_a_folder_or_a_broken_link_is_named_as_such(gk: Gk, tmp_path: Path) -> None:
    """Before: 「其中和其下的 catalog/ 中都没有 gongkai.yaml」 — while the clerk sees one right there (an unzip that made a
    folder of that name, a link to a file on a drive no longer mounted)."""
    (tmp_path / "jyj" / "gongkai.yaml").mkdir(parents=True)
    (tmp_path / "wjj").mkdir()
    (tmp_path / "wjj" / "gongkai.yaml").symlink_to(tmp_path / "U盘" / "gongkai.yaml")
    run = gk("county", tmp_path / "jyj", tmp_path / "wjj", "--out", tmp_path / "out", "--jobs", "1")
    assert run.code == 1
    fix = "不是机关设置文件：请把它改名或移走，换上本机关的 gongkai.yaml（还没有的，在这个文件夹中运行 gongkai init 建立）"
    assert f"「{tmp_path / 'jyj' / 'gongkai.yaml'}」是一个文件夹，{fix}" in run.out
    assert f"「{tmp_path / 'wjj' / 'gongkai.yaml'}」是一个符号链接，指向的文件不存在，{fix}" in run.out
    alone = gk("validate", tmp_path / "jyj")
    assert alone.code == 2 and f"「{tmp_path / 'jyj' / 'gongkai.yaml'}」是一个文件夹，{fix}" in alone.err


# --- init inside another catalog ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("inside", ["items/xin", "records/2026/新机关", "files"])
def test_init_inside_an_existing_catalog_is_refused(gk: Gk, tmp_path: Path, inside: str) -> None:
    """Before: the new bureau's catalog was written into 民政局's items/ (or records/, files/) and committed; 民政局's
    own catalog then had 52 errors — the new bureau's gongkai.yaml and items read as 民政局's items."""
    mzj = bureau(tmp_path / "mzj", "测试县民政局", "350524-MZ")
    (mzj / "files").mkdir()
    before = sorted(p.relative_to(mzj) for p in mzj.rglob("*"))
    run = gk("init", mzj / inside, "-y", "--name", "安溪县民政局", "--code", "350524", *CONTACT)
    assert run.code == 2
    assert (f"「{mzj / inside}」在已有的目录「{mzj}」之中：新机关的目录建在这里，其中的文件会被当作那个目录的事项和信息，"
            f"那个目录随即校验出错。请换一个在它外面的文件夹，如 gongkai init {tmp_path / '新机关'}。") in run.err
    assert sorted(p.relative_to(mzj) for p in mzj.rglob("*")) == before


def test_county_a_file_dragged_onto_the_command_line_is_not_a_missing_folder(gk: Gk, late: Path, tmp_path: Path) -> None:
    """Before: 「找不到文件夹「…/mzj/gongkai.yaml」」 for a file that is right there (Explorer drops the file's path)."""
    run = gk("county", late / "mzj" / "gongkai.yaml", "--out", tmp_path / "out", "--jobs", "1")
    assert run.code == 1
    assert f"「{late / 'mzj' / 'gongkai.yaml'}」是一个文件，不是文件夹：请写它所在的目录文件夹「{late / 'mzj'}」" in run.out


def test_county_names_the_handover_days_passed_since_the_last_ledger(gk: Gk, tmp_path: Path) -> None:
    """Before: only the 警告 count (GK513) said that four batches were missing; 按时移交率 looked clean (nothing due).
    After the batch of 2026-09-20: 10/8 (国庆), 10/20, 11/5, 11/20."""
    mzj = bureau(tmp_path / "mzj", "测试县民政局", "350524-MZ", "2026-06-01")
    assert gk("handover", "baseline", "--through", "2026-09-20", "-C", mzj).code == 0
    run = gk("county", mzj, "--out", tmp_path / "out", "--jobs", "1")
    assert handover_cell(run, "测试县民政局") == "4个移交日没有台账"
    assert ("移交两馆：测试县民政局 最近一批台账是 2026-09-20 的，此后2026年已过 4 个移交日（2026-10-08 至 2026-11-20），"
            "没有台账；每个移交日都要向两馆送交目录表（本期没有信息也要送），没有的按逾期计。已人工送交的，用 gongkai handover "
            "baseline --through 2026-11-20 补登；没有送交的，从 gongkai handover --date 2026-10-08 开始逐批补做。\n") in run.out


def test_county_a_folder_the_system_cannot_read_stops_only_that_department(gk: Gk, late: Path, tmp_path: Path) -> None:
    """Before: one department written with a name too long for the file system (15 × 安溪县民政局, 270 bytes; Linux
    takes 255) stopped the whole county view — 「无法读写文件…」, exit 2, no workbook for anyone."""
    long = tmp_path / ("安溪县民政局" * 15)
    run = gk("county", late / "mzj", long, "--out", tmp_path / "out", "--jobs", "1")
    assert run.code == 1
    assert f"无法读取「{long}」（文件名太长：{long}）：请换一个短一些的路径" in run.out
    assert "共 2 个部门，1 个无法读取。" in run.out
    assert (tmp_path / "out" / "scorecard-2026.xlsx").is_file()
