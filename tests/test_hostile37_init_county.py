"""Thirty-ninth session's hostile pass on `gongkai init` and the county view (`gongkai county`): a second bureau —
a 乡镇人民政府, a 县教育局, a 民政局 of the next county starting from its neighbour's table — adopting gongkai, and the
county's 政务公开办 reading every bureau at once.

Expected values are typed by hand: 湖头镇 is 350524102, 德化县 is 350526; the items and their lines are those the test
writes.

Found by this pass:
1. A bureau whose catalog fails `gongkai validate` was shown in the county view as a number in the 错误 column and
   nothing else: 「安溪县湖头镇人民政府 … 错误 2」, exit 0, no word of which file or what — the 政务公开办 had to ask
   the bureau for its validate output. The notes under the table (and `first_errors` of `--format json`) now say
   「校验错误：安溪县湖头镇人民政府 的目录有 2 个错误（gongkai validate 不通过），items/shjz/SHJZ-002.yaml 第25行第7列：
   GK204 …」: the first three, with file, line and column as validate shows them, and that its figures are counted all
   the same.
2. `gongkai init --from-xlsx` with a neighbour's table (the README offers it: 「邻县用 gongkai 导出的目录表也可以用」):
   德化县民政局 started from 安溪县民政局's export kept 安溪's own 空白说明 word for word — 「安溪县救助管理站24小时求助
   电话0595-23279110……」, 「办事指南见该平台「安溪县民政局」事项」 — unmarked, so that validate --strict passed and
   德化's website told the public to call 安溪's rescue station; the 咨询电话 of 26 items were 安溪's numbers too. A
   table whose texts name another county than the bureau's is now taken for what it is: its 空白说明 become the
   generated one (marked 待确认, listed by GK550) and its 咨询电话 are left out, said once (「目录表写的是「安溪县」
   ……是别县机关的目录表：25 个事项的空白说明已改为……26 个事项的咨询电话已删去」); any other field naming another
   county is said at its row with the item file (「「公开依据」写的是「安溪县」……请在 items/shjz/SHJZ-001.yaml 中改为
   本机关的」). The bureau's own table (安溪's for 安溪) is imported as it is, numbers and notes kept.
3. A county repository holding each bureau's catalog as a git submodule, cloned without --recurse-submodules (the
   default), has an empty folder for each bureau. `gongkai county 政务公开/htz` said 「不是目录文件夹……请写该部门的
   目录文件夹」 — the folder was the right one — and `gongkai validate` the same. Both now say the folder is a submodule
   not checked out yet and what to run: 「请在「…/政务公开」中运行 git submodule update --init htz，再重新运行」 (also
   for a folder below it, htz/catalog, which was 「找不到文件夹」).
4. An answers file whose texts hold a line break — a name copied out of a narrow Word table cell (「德化县\\n民政局」),
   an address over two lines, a leader's 「苏\\n伟」 — made a catalog whose 机关名称 was 「"德化县\\n民政局"」 in
   gongkai.yaml, on every page title and in the first commit's message (two lines); validate said nothing. Every answer
   is now taken as one line: the break goes between Chinese characters (德化县民政局, 苏伟), a space between Latin
   letters or digits (Room 3 Building 2); a leader's 分工 and 简历 keep theirs, and 乡镇, 指引 written one a line are
   still several.
5. A bureau's folder that is a symbolic link to a share not mounted (or to a catalog moved away) was 「找不到文件夹
   「mzj」」 — the 政务公开办 sees mzj listed right there. It now says the link and where it points: 「「mzj」是一个符号
   链接，指向的「/mnt/政务公开/mzj」不存在（网络盘没有连接，或目录已经移走）……」.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import Run, git

Gk = Callable[..., Run]
TODAY = "2026-12-07"
CONTACT = ("--address", "安溪县湖头镇", "--contact", "林芳", "--phone", "0595-23281234", "--email", "htz@example.gov.cn",
           "--today", TODAY)


def _township(tmp_path: Path, gk: Gk) -> Path:
    made = gk("init", tmp_path / "htz", "--name", "安溪县湖头镇人民政府", "--code", "350524102",
              "--leader", "陈明:镇长", *CONTACT, "-y")
    assert made.code == 0, made.out + made.err
    return tmp_path / "htz" / "catalog"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_county_says_which_errors_a_department_has(bundled: Path, tmp_path: Path, gk: Gk) -> None:
    catalog = _township(tmp_path, gk)
    _replace(catalog / "items" / "shjz" / "SHJZ-002.yaml", "责任单位: shswb", "责任单位: cunweihui")
    _replace(catalog / "items" / "shjz" / "SHJZ-003.yaml", "公开方式: 主动\n", "公开方式: 主动的\n")
    run = gk("county", bundled, tmp_path / "htz", "--year", "2026", "--today", TODAY, "--out", tmp_path / "out",
             "--format", "json")
    assert run.code == 0, run.out + run.err
    data = json.loads(run.out)
    assert [d["错误"] for d in data["departments"]] == ["0", "2"]
    said = [n for n in data["table"]["notes"] if n.startswith("校验错误")]
    assert said == ["校验错误：安溪县湖头镇人民政府 的目录有 2 个错误（gongkai validate 不通过），"
                    "items/shjz/SHJZ-002.yaml 第25行第7列：GK204 责任单位「cunweihui」不在 gongkai.yaml 的单位中；"
                    "items/shjz/SHJZ-003.yaml 第26行第7列：GK104 「主动的」不是有效的「公开方式」。"
                    "各表照常统计，但数字可能不准：请该部门运行 gongkai validate 查看全部并改正后重新运行"]
    assert data["departments"][1]["first_errors"][0].startswith("items/shjz/SHJZ-002.yaml 第25行第7列：GK204")
    assert data["departments"][0]["first_errors"] == []
    # the same place as the department's own validate says
    own = gk("validate", catalog)
    assert "25:7 错误 GK204" in own.out and "26:7 错误 GK104" in own.out


def test_the_county_names_three_errors_of_many(tmp_path: Path, gk: Gk) -> None:
    catalog = _township(tmp_path, gk)
    for number in ("002", "003", "004", "005"):
        _replace(catalog / "items" / "shjz" / f"SHJZ-{number}.yaml", "责任单位: shswb", "责任单位: cunweihui")
    run = gk("county", tmp_path / "htz", "--year", "2026", "--today", TODAY, "--out", tmp_path / "out")
    said = next(line for line in run.out.splitlines() if line.startswith("校验错误"))
    assert said.startswith("校验错误：安溪县湖头镇人民政府 的目录有 4 个错误（gongkai validate 不通过），如 items/shjz/SHJZ-002.yaml")
    assert said.count("GK204") == 3 and "SHJZ-005" not in said


AX_DOMAINS = ("--domain", "社会事务=SHSW", "--domain", "区划地名=QHDM", "--domain", "社会组织=SHZZ",
              "--domain", "机关信息=JGXX", "--unit", "bgs=办公室", "--unit", "xzspck=行政审批窗口",
              "--unit", "shjzg=社会救助股", "--unit", "ylfwg=养老服务股", "--unit", "shswg=社会事务股")


def _table_of(bundled: Path, tmp_path: Path, gk: Gk) -> Path:
    """安溪县民政局's directory table as gongkai exports it; SHJZ-001 cites a document of 安溪县 among its 公开依据."""
    _replace(bundled / "items" / "shjz" / "SHJZ-001.yaml", "  - 《社会救助领域基层政务公开标准指引》（民办函〔2019〕52号）\n",
             "  - 《社会救助领域基层政务公开标准指引》（民办函〔2019〕52号）\n  - 《安溪县最低生活保障工作实施细则》\n")
    table = tmp_path / "安溪县民政局标准目录.xlsx"
    assert gk("export", "xlsx", "-C", bundled, "--out", table).code == 0
    return table


def test_a_neighbours_table_does_not_speak_for_the_new_bureau(bundled: Path, tmp_path: Path, gk: Gk) -> None:
    table = _table_of(bundled, tmp_path, gk)
    made = gk("init", tmp_path / "dh", "--name", "德化县民政局", "--code", "350526", "--leader", "苏伟:局长",
              "--address", "德化县浔中镇", "--contact", "郑丽", "--phone", "0595-23521234", "--email", "dh@example.gov.cn",
              "--today", TODAY, "--from-xlsx", table, *AX_DOMAINS, "-y")
    assert made.code == 0, made.out + made.err
    catalog = tmp_path / "dh" / "catalog"
    rescue = (catalog / "items" / "shsw" / "SHSW-011.yaml").read_text(encoding="utf-8")
    assert "空白说明: 本栏目自2026年12月7日启用，暂未产生此类信息。  # 待确认\n" in rescue
    assert "0595" not in rescue and "咨询电话" not in rescue
    said = [line for line in made.err.splitlines() if "安溪县" in line]
    assert said == [
        "社会救助 第4行: 目录表写的是「安溪县」（第一处：「公开依据」），不是德化县，是别县机关的目录表：25 个事项的空白说明"
        "已改为本机关的通用空白说明（标「# 待确认」，不需要的删去）、26 个事项的咨询电话已删去——那是别县机关的情况和电话，"
        "不能作为本机关的公开。请按本机关的实际情况填写（gongkai validate 列出待确认的空白说明）",
        "社会救助 第4行: 「公开依据」写的是「安溪县」，不是德化县：这是别县的目录表中的内容，请在 "
        "items/shjz/SHJZ-001.yaml 中改为本机关的"]
    leftover = sorted(p.relative_to(catalog).as_posix() for p in catalog.rglob("*.yaml")
                      if "安溪" in p.read_text(encoding="utf-8") or "0595-232" in p.read_text(encoding="utf-8"))
    assert leftover == ["items/shjz/SHJZ-001.yaml"]  # the cited document: the clerk's to rewrite
    listed = gk("validate", catalog)
    assert "SHSW-011「" in listed.out and "GK550" in listed.out


def test_the_bureaus_own_table_is_imported_as_it_is(bundled: Path, tmp_path: Path, gk: Gk) -> None:
    table = _table_of(bundled, tmp_path, gk)
    made = gk("init", tmp_path / "ax", "--name", "安溪县民政局", "--code", "350524", "--leader", "苏伟:局长",
              "--address", "安溪县凤城镇", "--contact", "郑丽", "--phone", "0595-23281234", "--email", "ax@example.gov.cn",
              "--today", TODAY, "--from-xlsx", table, *AX_DOMAINS, "-y")
    assert made.code == 0, made.out + made.err
    assert "安溪县" not in made.err
    rescue = (tmp_path / "ax" / "catalog" / "items" / "shsw" / "SHSW-011.yaml").read_text(encoding="utf-8")
    assert "空白说明: 安溪县救助管理站24小时求助电话0595-23279110" in rescue and "咨询电话: 0595-23279110" in rescue


def test_a_bureau_that_is_a_submodule_not_checked_out_is_said_so(tmp_path: Path, gk: Gk) -> None:
    _township(tmp_path, gk)
    county = tmp_path / "政务公开"
    county.mkdir()
    git(county, "init", "-q", "-b", "main")
    git(county, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(tmp_path / "htz"), "htz")
    git(county, "commit", "-q", "-m", "各部门目录")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(county), str(clone))
    assert list((clone / "htz").iterdir()) == []  # what git clone leaves of a submodule
    run = gk("county", clone / "htz", clone / "htz" / "catalog", "--year", "2026", "--today", TODAY,
             "--out", tmp_path / "out", "--format", "json")
    assert run.code == 1, run.out + run.err
    problems = [d["problem"] for d in json.loads(run.out)["departments"]]
    assert problems == [f"「{clone / 'htz'}」在 git 仓库「{clone}」的子模块「htz」中，这个子模块还没有检出（克隆时没有加 "
                        f"--recurse-submodules），文件夹是空的：请在「{clone}」中运行 git submodule update --init htz，再重新运行",
                        f"「{clone / 'htz' / 'catalog'}」在 git 仓库「{clone}」的子模块「htz」中，这个子模块还没有检出（克隆时"
                        f"没有加 --recurse-submodules），文件夹是空的：请在「{clone}」中运行 git submodule update --init htz，"
                        "再重新运行"]
    own = gk("validate", clone / "htz")
    assert own.code == 2 and "git submodule update --init htz" in own.err
    # checked out, it is read as any catalog
    git(clone, "-c", "protocol.file.allow=always", "submodule", "update", "-q", "--init", "htz")
    again = gk("county", clone / "htz", "--year", "2026", "--today", TODAY, "--out", tmp_path / "out",
               "--format", "json")
    assert again.code == 0, again.out + again.err
    assert json.loads(again.out)["departments"][0]["事项"] == "16"


def test_line_breaks_in_the_answers_are_taken_out(tmp_path: Path, gk: Gk) -> None:
    answers = tmp_path / "答案.yaml"
    answers.write_text(
        '机关名称: "德化县\\r\\n民政局"\n区划代码: "350526"\n地址: "福建省泉州市德化县\\n浔中镇 Room 3\\nBuilding 2"\n'
        '联系人: "郑\\n丽"\n联系电话: "0595-23521234"\n电子邮箱: dh@example.gov.cn\n乡镇: "浔中镇\\n龙浔镇"\n'
        '领导:\n  - {姓名: "苏\\n伟", 职务: "局\\n长", 分工: "主持全面工作。\\n分管办公室。"}\n'
        '单位:\n  - {编号: bgs, 名称: "办公室\\n（含档案室）"}\n依申请公开:\n  办公时间: "工作日\\n8:00—12:00"\n',
        encoding="utf-8")
    made = gk("init", tmp_path / "dh", "--answers", answers, "--today", TODAY, "-y")
    assert made.code == 0, made.out + made.err
    text = (tmp_path / "dh" / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    for line in ("  名称: 德化县民政局\n", "  地址: 福建省泉州市德化县浔中镇 Room 3 Building 2\n", "  联系人: 郑丽  #",
                 "    名称: 办公室（含档案室）\n", "    名称: 浔中镇民政办\n", "    名称: 龙浔镇民政办\n",
                 "  办公时间: 工作日8:00—12:00\n", "  - 姓名: 苏伟\n    职务: 局长\n    分工: \"主持全面工作。\\n分管办公室。\"\n"):
        assert line in text, line
    assert "\\n" not in text.replace('"主持全面工作。\\n分管办公室。"', "")
    assert git(tmp_path / "dh", "log", "--format=%s") == "启用 gongkai：德化县民政局政务公开目录（gongkai init）\n"


def test_a_bureau_linked_to_a_share_not_mounted_is_said_so(bundled: Path, tmp_path: Path, gk: Gk) -> None:
    (tmp_path / "mzj").symlink_to(tmp_path / "网络盘" / "mzj")
    run = gk("county", bundled, tmp_path / "mzj", "--year", "2026", "--today", TODAY, "--out", tmp_path / "out",
             "--format", "json")
    assert run.code == 1, run.out + run.err
    assert json.loads(run.out)["departments"][1]["problem"] == (
        f"「{tmp_path / 'mzj'}」是一个符号链接，指向的「{tmp_path / '网络盘' / 'mzj'}」不存在（网络盘没有连接，或目录已经移走）："
        "请连接网络盘，或改正链接、改写该部门目录的实际位置后重新运行")
