"""Thirty-first hostile pass, on `gongkai init` and the county view (`gongkai county`), with bugs planted in
src/gongkai/setup/resolve.py, setup/create.py, county/department.py and county/outputs.py (the mutation group
init_county, docs/mutation.md).

Expected values are typed by hand: 安溪县 is 350524 and has 24 乡镇 (凤城镇 350524100 … 长卿镇 350524114, 白濑乡
350524201 … 福田乡 350524210, no 206: DOMAIN.md §9); 永春县 is 350525, 德化县 350526. A record published 2026-09-03 and
first committed 2026-11-02 is weeks of working days late: a 伪造发稿日期, which vetoes the website check (国办秘函
〔2019〕19号); a catalog with no 2025 年报 on the web by 2026-01-31 loses 5 points (95分).

Found by this pass:
1. The county view kept a stale 网站检查 verdict after the history changed and no file did. A department's clone made
   with `git clone --depth 1` cannot date its records (the 发稿日期 check needs the whole history); after
   `git fetch --unshallow` — what gongkai itself tells the user to run — the county view still said 「合格（95分）」
   that day, from the memo kept by the files' fingerprint alone, and `gongkai inspect` said 不合格. The memo and the
   stamp that skips rewriting the workbooks are now keyed by the repository's HEAD and its shallow cut as well: the
   run after the fetch says 「不合格（95分，单项否决 1 项）」 and rewrites the workbooks (HEAD is in the key: an
   amended commit counts as well).
2. `gongkai init --name 永春民政局 --code 350524` (the county written without 县, the code copied from 安溪's catalog)
   made 永春's bureau a catalog with 安溪's 24 乡镇民政办, 安溪县人民政府 as its 复议机关 and 350524- 索引号; 安溪民政局
   with 350525 likewise got 永春's. Only a full county name (永春县) was compared. A name that begins with another
   county's name without its 县 (区, 市, 旗), after its province and prefecture, is now refused as the full name is:
   「写的是永春县…永春县的代码是 350525」, nothing written. The code's own county so written (安溪民政局 with 350524)
   is accepted, and so are names a bare county name only starts by chance (公安局 is no 公安县's; a 乡镇人民政府 is
   left to the checks of 乡镇).
3. A broken department's problem quoted an ID number from its files in full (an ID typed as 区划代码 in gongkai.yaml,
   an ID as 年度 in annual/<year>.yaml): on the screen, in the json, and under the scorecard — where the scan of the
   written workbooks then refused every department's workbooks (「已停止发布…没有写入任何文件」) for one department's
   slip. Every text the county view quotes from a department's files (its problem, the 年报勾稽 cell, the note on its
   annual data, the 网站检查 cell of a wrong inspect.yaml) is now masked as validate shows it (35*************238);
   the workbooks are written, and the run ends 1 for the broken department.
4. The same class in the site: build-site keyed the 目录调整记录 page (read from the history) by HEAD alone, so after
   `git fetch --unshallow` in a shallow clone it said 「网站没有变化」 and the page still lacked the 2026-11-02
   adjustment of the 公开时限 that a fresh build lists. The site's key now holds the shallow cut too (one function,
   Repo.history_stamp, for both).
5. A 乡镇人民政府 under the short name its government uses (湖头人民政府 for 湖头镇, as init's own 乡镇 matching reads
   it) with the county's 6 digits was not told its 9-digit code: it was refused for having no guideline, and with
   --domain became a county-level catalog of 350524. It is now told 「湖头镇是 350524102（写 --code 350524102）」, as
   湖头镇人民政府 is; the county government itself (安溪县人民政府) keeps the 6 digits.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from conftest import AGENCY, ITEM, RECORD, Run
from gongkai.errors import UsageProblem
from gongkai.setup.answers import Answers
from gongkai.setup.resolve import Setup, check_code, default_index_prefix, resolve

Gk = Callable[..., Run]
ID = "350524199001011238"  # a valid 18-digit ID (check digit 8)
MASKED_ID = "35*************238"
TODAY = "2026-12-07"
NOTICE = RECORD.replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", "")
ANSWERS = ["--address", "安溪县凤城镇河滨路1号", "--contact", "王芳", "--phone", "0595-23212345",
           "--email", "mz@anxi.gov.cn", "--leader", "陈明:局长", "--ci", "无", "--today", TODAY]


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def commit(top: Path, day: str, message: str) -> None:
    stamp = f"{day}T10:00:00+08:00"
    env = {**os.environ, "GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "测试",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    for args in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(["git", *args], cwd=top, env=env, check=True, capture_output=True)


def cell(run: Run, name: str, header: str) -> str:
    """A department's cell of the scorecard as `county --format json` gives it."""
    found = run.json()
    row = next(r for r in found["table"]["rows"] if r[0] == name)  # type: ignore[index]
    return row[found["table"]["headers"].index(header)]  # type: ignore[index,no-any-return]


def workbook_text(path: Path) -> str:
    """Every cell of every sheet, one to a line."""
    book = openpyxl.load_workbook(path, read_only=True)
    return "\n".join(str(value) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                     for value in row if value is not None)


# 1 ─ the county view after the history changed and no file did


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A department's repository: adopted 2026-01-05; on 2026-11-02 a notice dated 2026-09-03 entered it and the
    item's 公开时限 changed from 10 to 20 working days (a substantive adjustment); a README the day after."""
    top = tmp_path_factory.mktemp("h31") / "origin"
    write(top, {"catalog/gongkai.yaml": AGENCY, "catalog/items/shjz/SHJZ-001.yaml": ITEM})
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=top, check=True)
    commit(top, "2026-01-05", "启用")
    write(top, {"catalog/records/2026/R2026-001.yaml": NOTICE,  # 公开日期 2026-09-03
                "catalog/items/shjz/SHJZ-001.yaml": ITEM.replace("10个工作日内", "20个工作日内")})
    commit(top, "2026-11-02", "补登通知，调整公开时限")
    write(top, {"说明.txt": "本仓库是测试县民政局的政务公开目录\n"})
    commit(top, "2026-11-03", "说明")
    return top


def shallow_clone(origin: Path, where: Path) -> Path:
    subprocess.run(["git", "clone", "-q", "--depth", "1", origin.as_uri(), str(where)], check=True, capture_output=True)
    return where


def unshallow(clone: Path) -> None:
    subprocess.run(["git", "fetch", "-q", "--unshallow"], cwd=clone, check=True, capture_output=True)


def test_county_checks_dates_again_after_fetch_unshallow(origin: Path, tmp_path: Path, gk: Gk) -> None:
    clone, out = shallow_clone(origin, tmp_path / "clone"), tmp_path / "out"
    shallow = gk("county", clone, "--today", TODAY, "--out", out, "--format", "json")
    assert cell(shallow, "测试县民政局", "网站检查") == "合格（95分）"  # the record's first commit is not here
    unshallow(clone)

    whole = gk("county", clone, "--today", TODAY, "--out", out, "--format", "json")
    assert cell(whole, "测试县民政局", "网站检查") == "不合格（95分，单项否决 1 项）"
    assert "已写入" in whole.err and "没有变化" not in whole.err  # the workbooks say so too
    assert "不合格（95分，单项否决 1 项）" in workbook_text(out / "scorecard-2026.xlsx")


def test_site_lists_the_adjustment_again_after_fetch_unshallow(origin: Path, tmp_path: Path, gk: Gk) -> None:
    clone, site = shallow_clone(origin, tmp_path / "clone"), tmp_path / "site"
    assert gk("build-site", clone / "catalog", "--out", site, "--today", TODAY).code == 0
    assert "2026-11-02" not in (site / "changes" / "index.html").read_text(encoding="utf-8")
    unshallow(clone)

    again = gk("build-site", clone / "catalog", "--out", site, "--today", TODAY)
    assert again.code == 0 and "网站没有变化" not in again.out + again.err
    changes = (site / "changes" / "index.html").read_text(encoding="utf-8")
    assert "2026-11-02" in changes and "20个工作日" in changes


# 2 ─ init: a county named without its 县


@pytest.mark.parametrize(("name", "code", "said"), [
    ("永春民政局", "350524", "永春县的代码是 350525（写 --code 350525）"),
    ("泉州市永春民政局", "350524", "永春县的代码是 350525"),
    ("安溪民政局", "350525", "安溪县的代码是 350524（写 --code 350524）"),
    ("德化民政局", "350524", "德化县的代码是 350526"),
])
def test_init_refuses_another_county_named_without_its_kind(tmp_path: Path, gk: Gk, name: str, code: str,
                                                            said: str) -> None:
    run = gk("init", tmp_path / "新机关", "--name", name, "--code", code, *ANSWERS)
    assert run.code == 2  # a usage problem: the answer is to correct
    assert said in run.err and f"机关名称「{name}」" in run.err
    assert not (tmp_path / "新机关").exists()


@pytest.mark.parametrize(("code", "name"), [
    ("350524", "安溪民政局"), ("350524", "泉州市安溪民政局"), ("350524", "安溪县公安局"), ("350524", "公安局"),
    ("350524", "安溪县民政局"), ("350525", "永春民政局"),
])
def test_a_name_of_its_own_county_or_of_none_passes(code: str, name: str) -> None:
    assert check_code(code, name) is None


def test_a_township_government_is_told_its_nine_digits_not_another_county() -> None:
    """德化县's 龙门滩镇 begins with 龙门 (龙门县, Guangdong): its government is a 乡镇's, not 龙门县's."""
    assert "湖头镇是 350524102（写 --code 350524102）" in (check_code("350524", "湖头镇人民政府") or "")
    assert "龙门滩镇是 350526103（写 --code 350526103）" in (check_code("350526", "龙门滩镇人民政府") or "")
    assert check_code("350526103", "龙门滩镇人民政府") is None


@pytest.mark.parametrize("name", ["湖头人民政府", "安溪县湖头人民政府"])
def test_a_township_government_under_its_short_name_is_told_its_nine_digits(name: str) -> None:
    assert "湖头镇是 350524102（写 --code 350524102）" in (check_code("350524", name) or "")
    assert check_code("350524102", name) is None


def test_the_county_government_itself_keeps_the_six_digits() -> None:
    """福州市仓山区 has a 仓山镇: the district's own government is not that 镇's."""
    assert check_code("350524", "安溪县人民政府") is None
    assert check_code("350104", "仓山区人民政府") is None
    assert "仓山镇是 350104100" in (check_code("350104", "仓山镇人民政府") or "")


def test_init_of_anxi_named_without_its_kind(tmp_path: Path, gk: Gk) -> None:
    """安溪民政局 with 350524: 安溪's 24 乡镇, its own 复议机关 and 索引号前缀."""
    run = gk("init", tmp_path / "安溪", "--name", "安溪民政局", "--code", "350524", *ANSWERS)
    assert run.code == 0, run.err
    settings = (tmp_path / "安溪" / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    towns = ("凤城镇 蓬莱镇 湖头镇 官桥镇 剑斗镇 城厢镇 金谷镇 龙门镇 虎邱镇 芦田镇 感德镇 魁斗镇 西坪镇 参内镇 长卿镇 "
             "白濑乡 湖上乡 尚卿乡 大坪乡 龙涓乡 蓝田乡 祥华乡 桃舟乡 福田乡").split()
    assert len(towns) == 24 and settings.count("类型: 乡镇民政办") == 24
    for number, town in zip([*range(100, 115), 201, 202, 203, 204, 205, 207, 208, 209, 210], towns):
        assert f"编号: mzb-{number}\n    名称: {town}民政办\n" in settings
        assert f'区划代码: "350524{number}"' in settings
    assert "复议机关: 安溪县人民政府" in settings and "诉讼法院: 安溪县人民法院" in settings
    assert '索引号前缀: "350524-MZ"' in settings or "索引号前缀: 350524-MZ" in settings


# 3 ─ a number quoted from one department's files


def bureau(root: Path, name: str, prefix: str, **more: str) -> Path:
    agency = AGENCY.replace("测试县民政局", name)
    return write(root, {"gongkai.yaml": agency, "items/shjz/SHJZ-001.yaml": ITEM,
                        "records/2026/R2026-001.yaml": NOTICE.replace("350524-MZ", prefix), **more})


def test_an_id_in_a_broken_gongkai_yaml_is_masked_and_stops_no_one(tmp_path: Path, gk: Gk) -> None:
    broken = bureau(tmp_path / "mzj", "测试县民政局", "350524-MZ")
    (broken / "gongkai.yaml").write_text(AGENCY.replace('区划代码: "350524"', f'区划代码: "{ID}"'), encoding="utf-8")
    bureau(tmp_path / "rsj", "测试县人社局", "350524-RS")
    out = tmp_path / "out"

    run = gk("county", broken, tmp_path / "rsj", "--today", TODAY, "--out", out, "--format", "json")
    assert run.code == 1  # one department could not be read
    assert ID not in run.out + run.err
    problem = run.json()["departments"][0]["problem"]  # type: ignore[index]
    assert problem.startswith("gongkai.yaml 第3行第9列：「区划代码」的写法不对：") and MASKED_ID in problem
    scorecard = workbook_text(out / "scorecard-2026.xlsx")  # written: the other department's figures are there
    assert "测试县人社局" in scorecard and MASKED_ID in scorecard and ID not in scorecard
    # again into another folder: 人社局's part now comes from its memo, under its own name and today's label
    again = gk("county", broken, tmp_path / "rsj", "--today", TODAY, "--out", tmp_path / "again", "--format", "json")
    assert [(d["label"], d["name"]) for d in again.json()["departments"]] == [  # type: ignore[index]
        (str(broken), str(broken)), (str(tmp_path / "rsj"), "测试县人社局")]
    assert again.json()["table"]["rows"] == run.json()["table"]["rows"]  # type: ignore[index]


def test_an_id_in_annual_data_or_inspect_yaml_is_masked(tmp_path: Path, gk: Gk) -> None:
    bureau(tmp_path / "ybj", "测试县医保局", "350524-YB",
           **{"annual/2026.yaml": f"年度: {ID}\n", "inspect.yaml": f"发稿日期: {ID}\n"})
    out = tmp_path / "out"

    run = gk("county", tmp_path / "ybj", "--today", TODAY, "--out", out, "--format", "json")
    assert run.code == 0
    assert ID not in run.out + run.err
    check = cell(run, "测试县医保局", "年报勾稽")
    assert check.startswith("annual/2026.yaml 第1行第5列有错误") and MASKED_ID in check
    for stem in ("scorecard", "annual"):
        text = workbook_text(out / f"{stem}-2026.xlsx")
        assert MASKED_ID in text and ID not in text
    notes = run.json()["table"]["notes"]  # type: ignore[index]
    assert any(n.startswith("年度报告数据：测试县医保局 annual/2026.yaml") and MASKED_ID in n for n in notes)
    assert cell(run, "测试县医保局", "网站检查") == (
        f"无法检查：inspect.yaml:1:7：「发稿日期」的类型不对：应为若干「键: 值」，而这里是「{MASKED_ID}」。"
        "「发稿日期」下面换行，缩进两个空格各写一行：「依据: ……」「允许工作日: ……」。")


# 5 ─ what init resolves the answers to (mutants of resolve.py that survived the first screen), typed by hand

BASE = {"机关名称": "安溪县民政局", "区划代码": "350524", "地址": "安溪县凤城镇河滨路1号", "联系人": "王芳",
        "联系电话": "0595-23212345", "电子邮箱": "mz@anxi.gov.cn", "领导": [{"姓名": "陈明", "职务": "局长"}]}


def plan(**changes: object) -> Setup:
    return resolve(Answers.model_validate({**BASE, **changes}))


def units_of(setup: Setup) -> list[tuple[str, str, str, str | None]]:
    return [(u.id, u.name, u.kind, u.division_code) for u in setup.units]


def test_towns_named_short_or_twice_are_each_one_office() -> None:
    setup = plan(乡镇=["凤城", "湖头镇", "凤城镇"])
    assert units_of(setup) == [("bgs", "办公室", "股室", None), ("shjzg", "社会救助股", "股室", None),
                               ("ylfwg", "养老服务股", "股室", None),
                               ("mzb-100", "凤城镇民政办", "乡镇民政办", "350524100"),
                               ("mzb-102", "湖头镇民政办", "乡镇民政办", "350524102")]
    assert [(s.guideline.domain, s.unit_id) for s in setup.seeds] == [("社会救助", "shjzg"), ("养老服务", "ylfwg")]
    assert (setup.index_prefix, setup.index_pattern, setup.handover_days) == (
        "350524-MZ", r"^350524-MZ-\d{4}-\d{5}$", [5, 20])
    desk = setup.desk
    assert (desk.office, desk.review_body, desk.court) == ("安溪县民政局办公室", "安溪县人民政府", "安溪县人民法院")
    assert desk.ways == ["当面提交", "邮寄", "电子邮件"] and desk.hours == "工作日上午8:00—12:00，下午14:30—17:30"


def test_a_town_of_another_county_is_refused_by_name() -> None:
    with pytest.raises(UsageProblem) as caught:
        plan(乡镇=["凤城", "桃城镇", "湖头"])  # 桃城镇 is 永春县's
    said = str(caught.value)
    assert "「桃城镇」不是本县的乡镇（自带的乡镇表：凤城镇、蓬莱镇、湖头镇、" in said and "桃舟乡、福田乡）" in said
    assert "凤城」" not in said and "湖头」" not in said


def test_another_bureau_names_its_towns_as_they_are() -> None:
    setup = plan(机关名称="安溪县教育局", 乡镇=["凤城", "长卿镇"], 领域=[{"名称": "义务教育", "代码": "YWJY"}])
    assert units_of(setup) == [("bgs", "办公室", "股室", None), ("xz-100", "凤城镇", "其他", "350524100"),
                               ("xz-114", "长卿镇", "其他", "350524114")]


def test_towns_of_a_county_without_a_bundled_list_are_numbered() -> None:
    setup = plan(机关名称="金门县民政局", 区划代码="350527", 乡镇=["金城镇", "金湖镇"])
    assert units_of(setup)[-2:] == [("mzb-01", "金城镇民政办", "乡镇民政办", None),
                                    ("mzb-02", "金湖镇民政办", "乡镇民政办", None)]
    assert setup.desk.review_body == "金门县人民政府" and setup.index_prefix == "350527-MZ"


@pytest.mark.parametrize(("name", "code", "prefix"), [
    ("泉州市安溪县民政局", "350524", "350524-MZ"), ("安溪县（民政局）", "350524", "350524-MZ"),
    ("安溪民政局", "350524", "350524-MZ"), ("安溪县人力资源和社会保障局", "350524", "350524-RL"),
    ("安溪县湖头镇人民政府", "350524102", "350524102"),
])
def test_default_index_prefix(name: str, code: str, prefix: str) -> None:
    assert default_index_prefix(name, code) == prefix


# 6 ─ the county's word on a broken gongkai.yaml: its first problem, and how many there are


def test_a_broken_gongkai_yaml_is_named_at_its_first_problem(tmp_path: Path, gk: Gk) -> None:
    broken = bureau(tmp_path / "mzj", "测试县民政局", "350524-MZ")
    # line 3 column 9 (区划代码) and line 4 column 3 (an unknown key): the first by line, then column
    agency = AGENCY.replace('区划代码: "350524"', '区划代码: "35052"').replace("  联系人: 张三\n", "  负责人: 张三\n")
    (broken / "gongkai.yaml").write_text(agency, encoding="utf-8")
    run = gk("county", broken, "--today", TODAY, "--out", tmp_path / "out", "--format", "json")
    problem = run.json()["departments"][0]["problem"]  # type: ignore[index]
    assert problem.startswith("gongkai.yaml 第3行第9列：「区划代码」的写法不对：「35052」。改正：区划代码写6位数字")
    assert problem.endswith("（共 2 处，运行 gongkai validate 查看全部）")


# 7 ─ a department's figures, counted by hand


def test_a_departments_figures(tmp_path: Path, gk: Gk) -> None:
    """Two items; two notices formed Tuesday 2026-09-01 under 10 working days (due 2026-09-15): published 09-03, on
    time, and 10-30, late. Adopted 2026-11-19 with no ledger: the 20th has passed with no batch; 12-05 is a Saturday,
    moved to Monday 12-07, today: not missed yet."""
    late = (NOTICE.replace("R2026-001", "R2026-002").replace("00001", "00002").replace("〔2026〕1号", "〔2026〕2号")
            .replace("公开日期: 2026-09-03", "公开日期: 2026-10-30").replace("冬春救助", "临时救助"))
    root = bureau(tmp_path / "mzj", "测试县民政局", "350524-MZ", **{
        "items/shjz/SHJZ-002.yaml": ITEM.replace("SHJZ-001", "SHJZ-002").replace("审批信息", "政策文件"),
        "records/2026/R2026-002.yaml": late})
    (root / "gongkai.yaml").write_text(AGENCY + "启用日期: 2026-11-19\n", encoding="utf-8")
    run = gk("county", root, "--today", TODAY, "--out", tmp_path / "out", "--format", "json")
    department = run.json()["departments"][0]  # type: ignore[index]
    assert department["totals"] == {"items": 2, "published": 2, "checkable": 2, "on_time": 1, "missed": 0,
                                    "handed": 0, "handed_on_time": 0}
    assert [department[h] for h in ("事项", "公开信息", "按时公开率", "定期事项漏报", "按时移交率")] == [
        "2", "2", "50.0%（1/2）", "0", "1个移交日没有台账"]
    assert run.json()["table"]["notes"][0] == "共 1 个部门，0 个无法读取。"  # type: ignore[index]
