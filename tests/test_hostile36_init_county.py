"""Thirty-sixth hostile pass on `gongkai init` and the county view (`gongkai county`): a new bureau that is not
安溪县民政局 (a 教育局 in 安徽, a 乡镇 with its 村) starting from nothing, and the county's 政务公开办 looking at every
bureau at once — do the county's figures and pages say what each bureau's own site and `inspect` say?

Expected values are typed by hand from the bundled catalog: 安溪县民政局 published 26 records (主动公开) in 2026 by
2026-12-07, 24 of them with a checkable 公开时限, all on time (tests/test_hostile35_init_county.py counts the 26).

Found by this pass:
1. A record filled in ahead with a 公开日期 still to come (GK405: 「公开日期 2026-12-20 在今天之后」) is on no site
   until that day, yet `gongkai county` and `gongkai report scorecard` counted it as published — and on time: the
   county's 公开信息 said 27 and 按时公开率 100.0%（25/25） while the bureau's site showed 26 (and a period item so dated
   also left 定期事项漏报). The figures now count what is out by the day of the report.
2. The site a new 教育局 or 乡镇人民政府 builds right after init has a 「乡镇公开」 page (linked from every page's foot)
   headed 「乡镇民政办政务公开」 — a 民政 office neither has; the 湖头镇人民政府's page went on 「安溪县湖头镇人民政府没有设在
   乡镇的公开单位……请查看各乡镇人民政府（街道办事处）的政务公开栏目」, sending the reader of a township's own site to
   the townships' sites. The page is now headed 「乡镇公开」 unless it lists 乡镇民政办, and a 乡镇 (a 9-digit 区划代码)
   says its own items are the township's disclosure.
3. At the console, Enter at a required question (机关名称, 地址, 联系人, 联系电话, 电子邮箱) was taken: init asked
   the twenty questions after it, then ended 「缺少「联系人」……或在终端中运行 gongkai init 逐项回答」 (exit 2, nothing
   written) — the clerk had done just that and typed everything in vain. Such a question is now said (「「联系人」不能为空
   ……」) and asked again at once, as a wrong answer is.
4. A 乡镇 whose name has a character outside GB 2312 — 宜兴市湖㳇镇 (320282113), 长沙县㮾梨街道 — is commonly written
   with a character every input method types (湖父镇). `gongkai init --name 宜兴市湖父镇人民政府 --code 320282113` said
   the name 「中没有湖㳇镇：9位代码只给乡镇人民政府（街道办事处）用；县级机关写县的6位代码」 — sending a 镇政府 to
   make a county bureau's catalog; with the 6-digit code it said no guideline fits 「宜兴市湖父镇人民政府」; a 民政局's
   `--town 湖父` was 「不是本县的乡镇」 with 18 names to compare by eye. Each now says 「「湖父镇」在区划代码表中写作
   「湖㳇镇」（「㳇」是生僻字，可以从这里复制）」 and, for the name, how to write it whole.
5. Bureaus of one county on different gongkai versions: `gongkai county` read every catalog with its own version and
   said nothing of the version each bureau's CI validates with — 0.2.0 pinned by a bureau that upgraded, or none at all
   (`pip install gongkai`, as init wrote before the thirty-seventh session: the newest of the day). A bureau's CI
   green and its county row with errors, or its gongkai.yaml unreadable for a field a newer gongkai added (「未知字段
   「传真」」), had no explanation. The notes under the table now name the department, the CI file and line and the
   version, and how to make them one; changing the CI rewrites the workbooks.
6. The county's name where its code goes (`--code 安溪县`, 「区划代码: 安溪」 in the answers file, 福建省泉州市安溪县 typed
   at the question) was 「「区划代码」的类型不对：不符合要求……请检查「区划代码」的值」 — what is wrong with it, and what
   to write, unsaid. It now says 「写的是县（市、区）名「安溪县」，要写它的6位代码：福建省泉州市安溪县是 350524」, every
   county of that name when there are several (朝阳区: 北京市 110105, 长春市 220104).
7. The 乡镇 a 民政局 keeps, typed with spaces between them (「桃城镇 五里街镇」, as most people separate words) was one
   name 「桃城镇 五里街镇」 「不是本县的乡镇」; and at the console, a 乡镇 not of the county (「五里镇」 for 五里街镇) was
   taken, the eleven questions after it asked, and then init refused everything. Spaces (and the full-width space)
   separate names like 、 and ，, and the 乡镇 answer is checked at once and asked again.
8. A bureau that adopted gongkai on 2026-12-07 showed in the county's 2026 table as 公开信息 0, 按时公开率 —, next to
   bureaus with a whole year: nothing said that its year starts on its 启用日期 (what it published before is in the
   catalog only when registered afterwards, 补录). A note now says so for a department that registered nothing
   published before its 启用日期 in that year (安溪县民政局, adopted 2026-11-27 with its year registered, gets none).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from conftest import Run

CONTACT = ("--address", "安溪县凤城镇", "--contact", "林芳", "--phone", "0595-23281234", "--email", "jyj@example.gov.cn",
           "--today", "2026-12-07")

Gk = Callable[..., Run]
TODAY = "2026-12-07"


def _ahead(bundled: Path) -> None:
    """R2026-033: a copy of R2026-032 (主动公开, published 2026-03-04) formed 2026-12-01, to be published 2026-12-20."""
    text = (bundled / "records" / "2026" / "R2026-032.yaml").read_text(encoding="utf-8")
    for old, new in (("R2026-032", "R2026-033"), ("00032", "00033"), ("公开日期: 2026-03-04", "公开日期: 2026-12-20"),
                     ("成文日期: 2026-03-02", "成文日期: 2026-12-01"), ("审查日期: 2026-03-02", "审查日期: 2026-12-01"),
                     ("安民办〔2026〕5号", "安民办〔2026〕9号")):
        assert old in text, old
        text = text.replace(old, new)
    (bundled / "records" / "2026" / "R2026-033.yaml").write_text(text, encoding="utf-8")


def test_a_record_to_be_published_later_is_not_counted_as_published(bundled: Path, tmp_path: Path, gk: Gk) -> None:
    _ahead(bundled)
    run = gk("county", bundled, "--year", "2026", "--today", TODAY, "--out", tmp_path / "out", "--format", "json")
    assert run.code == 0, run.out + run.err
    department = json.loads(run.out)["departments"][0]
    assert (department["公开信息"], department["按时公开率"]) == ("26", "100.0%（24/24）")
    card = gk("report", "scorecard", bundled, "--year", "2026", "--today", TODAY, "--format", "xlsx",
              "--out", tmp_path / "card.xlsx")
    assert card.code == 0, card.out + card.err
    rows = openpyxl.load_workbook(tmp_path / "card.xlsx").active.iter_rows(values_only=True)
    office = next(row for row in rows if row[0] == "办公室")  # R2026-033 is 办公室's (bgs)
    assert list(office[2:5]) == ["10", "5", "100.0%（3/3）"]
    # on the day itself it is out, and counted
    later = gk("county", bundled, "--year", "2026", "--today", "2026-12-21", "--out", tmp_path / "out2",
               "--format", "json")
    assert json.loads(later.out)["departments"][0]["公开信息"] == "27"


def _main_text(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    main = text[text.index("<main"):text.index("</main>")]
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", main))


def test_the_townships_page_of_a_bureau_that_is_no_civil_affairs_bureau(tmp_path: Path, gk: Gk) -> None:
    made = gk("init", tmp_path / "jyj", "--name", "安溪县教育局", "--code", "350524", "--domain", "学前教育=XQJY",
              "--leader", "陈明:局长", *CONTACT, "-y")
    assert made.code == 0, made.out + made.err
    assert gk("build-site", tmp_path / "jyj" / "catalog", "--out", tmp_path / "site").code == 0
    assert _main_text(tmp_path / "site" / "towns" / "index.html") == (
        "首页›乡镇公开乡镇公开安溪县教育局没有设在乡镇的公开单位，本栏目没有乡镇的公开信息。"
        "乡镇（街道）主动公开的信息，请查看各乡镇人民政府（街道办事处）的政务公开栏目。")


def test_the_townships_page_of_a_township_sends_no_one_elsewhere(tmp_path: Path, gk: Gk) -> None:
    made = gk("init", tmp_path / "htz", "--name", "安溪县湖头镇人民政府", "--code", "350524102",
              "--leader", "陈明:镇长", *CONTACT, "-y")
    assert made.code == 0, made.out + made.err
    assert gk("build-site", tmp_path / "htz" / "catalog", "--out", tmp_path / "site").code == 0
    assert _main_text(tmp_path / "site" / "towns" / "index.html") == (
        "首页›乡镇公开乡镇公开安溪县湖头镇人民政府是乡镇（街道）一级的机关：本乡镇（街道）主动公开的信息就在本栏目，"
        "请查看首页的政务公开事项标准目录。")


class Console(io.StringIO):
    """What the clerk types at a console (init asks only when stdin is a terminal)."""

    def isatty(self) -> bool:
        return True


def test_enter_at_a_required_question_asks_it_again(tmp_path: Path, gk: Gk, monkeypatch: pytest.MonkeyPatch) -> None:
    # Enter at 机关名称, then the name; the code; the address; Enter at 邮编 (may be empty); Enter twice at 联系人,
    # then 林芳; Enter at 联系电话, then the number; the e-mail; 陈明, Enter at 「职务 [镇长]」; Enter at every other
    # question (its default), and at the last manual handover (none)
    typed = ["", "安溪县湖头镇人民政府", "350524102", "湖头镇湖二村", "", "", "", "林芳", "", "0595-23281234",
             "htz@example.gov.cn", "陈明", "", "", "", "", "", "", "", "", "", ""]
    monkeypatch.setattr("sys.stdin", Console("\n".join(typed) + "\n"))
    run = gk("init", tmp_path / "htz", "--today", TODAY)
    assert run.code == 0, run.out + run.err
    said = "不能为空，请输入（必填：机关名称、地址、联系人、联系电话、电子邮箱）"
    assert [line for line in run.err.splitlines() if said in line] == [
        "「机关名称」" + said, "「联系人」" + said, "「联系人」" + said, "「联系电话」" + said]
    written = (tmp_path / "htz" / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert "  名称: 安溪县湖头镇人民政府\n" in written and "  联系人: 林芳  # 政务公开专职工作人员\n" in written
    assert '  联系电话: "0595-23281234"\n' in written and "  邮编:" not in written


YIXING = ("--address", "宜兴市湖㳇镇", "--contact", "林芳", "--phone", "0510-87654321", "--email", "hf@example.gov.cn",
          "--today", TODAY)
SPELT = "「湖父镇」在区划代码表中写作「湖㳇镇」（「㳇」是生僻字，可以从这里复制）"


@pytest.mark.parametrize(("args", "said"), [
    (("--name", "宜兴市湖父镇人民政府", "--code", "320282113", "--leader", "陈明:镇长"),
     "区划代码 320282113 是湖㳇镇的9位代码，机关名称「宜兴市湖父镇人民政府」中的" + SPELT
     + "：请把机关名称写作「宜兴市湖㳇镇人民政府」"),
    (("--name", "宜兴市湖父镇人民政府", "--code", "320282", "--leader", "陈明:镇长"),
     "要写本乡镇的9位区划代码：湖㳇镇是 320282113（写 --code 320282113）；6位代码 320282 是江苏省无锡市宜兴市的，"
     "给县级机关用。机关名称中的" + SPELT + "，请一并改正机关名称。"),
    (("--name", "宜兴市民政局", "--code", "320282", "--town", "湖父", "--town", "张渚", "--leader", "陈明:局长"),
     "「湖父」不是本县的乡镇（自带的乡镇表：宜城街道、屺亭街道、新庄街道、新街街道、芳桥街道、张渚镇、西渚镇、太华镇、"
     "徐舍镇、官林镇、杨巷镇、新建镇、和桥镇、高塍镇、万石镇、周铁镇、丁蜀镇、湖㳇镇）。「湖父」在区划代码表中写作"
     "「湖㳇」（「㳇」是生僻字，可以从这里复制）\n"),
], ids=["township-9", "township-6", "town"])
def test_a_rare_character_of_a_township_typed_otherwise_is_named(tmp_path: Path, gk: Gk, args: tuple[str, ...],
                                                                  said: str) -> None:
    run = gk("init", tmp_path / "new", *args, *YIXING, "-y")
    assert run.code == 2, run.out + run.err
    assert said in run.err
    assert "不属于其中任何一个" not in run.err and "中没有湖㳇镇" not in run.err
    assert not (tmp_path / "new").exists()


def test_the_township_spelt_as_the_code_table_is_made(tmp_path: Path, gk: Gk) -> None:
    run = gk("init", tmp_path / "new", "--name", "宜兴市湖㳇镇人民政府", "--code", "320282113", "--leader", "陈明:镇长",
             *YIXING, "-y")
    assert run.code == 0, run.out + run.err
    assert '  名称: 宜兴市湖㳇镇人民政府\n  区划代码: "320282113"\n' in (
        tmp_path / "new" / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")


def _pin(repository: Path, version: str) -> None:
    ci = repository / ".github" / "workflows" / "gongkai.yml"
    text = ci.read_text(encoding="utf-8")
    assert text.count("pip install gongkai==0.1.0\n") == 3  # lines 28, 55 and 84 of the template, pinned by init
    ci.write_text(text.replace("pip install gongkai==0.1.0\n", f"pip install {version}\n"), encoding="utf-8")


def test_the_county_says_which_departments_ci_runs_another_gongkai(tmp_path: Path, gk: Gk) -> None:
    for folder, name in (("jyj", "安溪县教育局"), ("wjw", "安溪县卫生健康委员会"), ("rsj", "安溪县人力资源和社会保障局")):
        made = gk("init", tmp_path / folder, "--name", name, "--code", "350524", "--domain", "学前教育=XQJY",
                  "--index-prefix", f"350524-{folder.upper()}", "--leader", "陈明:主任", *CONTACT, "-y")
        assert made.code == 0, made.out + made.err
    _pin(tmp_path / "wjw", "gongkai==0.2.0")
    _pin(tmp_path / "rsj", "gongkai")
    # a newer gongkai's field: this one cannot read the file, and says which gongkai the department runs
    agency = tmp_path / "wjw" / "catalog" / "gongkai.yaml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("  联系人: 林芳", "  传真: \"0595-23281235\"\n  联系人: 林芳"),
                      encoding="utf-8")
    args = ("county", tmp_path / "jyj", tmp_path / "wjw", tmp_path / "rsj", "--year", "2026", "--today", TODAY,
            "--out", tmp_path / "out", "--format", "json")
    run = gk(*args)
    notes = [n for n in json.loads(run.out)["table"]["notes"] if n.startswith("gongkai 版本")]
    assert notes == [
        f"gongkai 版本：{tmp_path / 'wjw'} 的 CI（.github/workflows/gongkai.yml 第28行）安装的是 gongkai 0.2.0，本次汇总用的是 "
        "0.1.0：两个版本检查的可能不同，本表按 0.1.0 计算。请统一版本：把该部门 CI 中的版本号改为 0.1.0（先在本机运行 "
        "gongkai validate），或县里改用 gongkai 0.2.0",
        "gongkai 版本：安溪县人力资源和社会保障局 的 CI（.github/workflows/gongkai.yml 第28行）安装 gongkai 时没有写版本号，"
        "每次运行用当天最新的版本，可能与本次汇总用的 0.1.0 检查的不同：请把该行改为 pip install gongkai==0.1.0（各处一起改）",
    ]
    # the bureau pins this gongkai: nothing to say, and the workbooks are written again with the notes of today
    ci = Path(".github") / "workflows" / "gongkai.yml"
    (tmp_path / "rsj" / ci).write_text((tmp_path / "jyj" / ci).read_text(encoding="utf-8"), encoding="utf-8")
    again = gk(*args)
    assert [n for n in json.loads(again.out)["table"]["notes"] if n.startswith("gongkai 版本")] == notes[:1]
    assert "没有变化" not in again.err + again.out


@pytest.mark.parametrize(("typed", "codes"), [
    ("安溪县", "福建省泉州市安溪县是 350524"), ("安溪", "福建省泉州市安溪县是 350524"),
    ("福建省泉州市安溪县", "福建省泉州市安溪县是 350524"), ("朝阳区", "北京市朝阳区是 110105；吉林省长春市朝阳区是 220104"),
])
def test_a_county_name_written_for_its_code_is_answered_with_the_code(tmp_path: Path, gk: Gk, typed: str,
                                                                       codes: str) -> None:
    run = gk("init", tmp_path / "jyj", "--name", "安溪县教育局", "--code", typed, "--domain", "学前教育=XQJY",
             "--leader", "陈明:局长", *CONTACT, "-y")
    assert run.code == 2 and not (tmp_path / "jyj").exists()
    assert f"「区划代码」写的是县（市、区）名「{typed}」，要写它的6位代码：{codes}（--code）" in run.err, run.err
    assert "不符合要求" not in run.err
    answers = tmp_path / "答案.yaml"
    answers.write_text(f"机关名称: 安溪县教育局\n区划代码: {typed}\n", encoding="utf-8")
    run = gk("init", tmp_path / "jyj", "--answers", answers, "--domain", "学前教育=XQJY", "--leader", "陈明:局长",
             *CONTACT, "-y")
    assert run.code == 1 and f"2:7 错误 GK103 「区划代码」写的是县（市、区）名「{typed}」" in run.out + run.err


def test_a_county_name_typed_at_the_question_is_answered_and_asked_again(
        tmp_path: Path, gk: Gk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", Console("\n".join(["安溪县", "350524"] + [""] * 12) + "\n"))
    run = gk("init", tmp_path / "jyj", "--name", "安溪县教育局", "--domain", "学前教育=XQJY", "--leader", "陈明:局长",
             *CONTACT)
    assert run.code == 0, run.out + run.err
    assert "区划代码写的是县（市、区）名「安溪县」，要写它的6位代码：福建省泉州市安溪县是 350524\n" in run.err


YONGCHUN = ("--address", "永春县桃城镇", "--contact", "林芳", "--phone", "0595-23881234", "--email", "mzj@example.gov.cn",
            "--today", TODAY)


def _township_offices(catalog: Path) -> list[str]:
    return re.findall(r"名称: (\S+民政办)\n", (catalog / "gongkai.yaml").read_text(encoding="utf-8"))


def test_townships_typed_with_spaces_are_several(tmp_path: Path, gk: Gk) -> None:
    run = gk("init", tmp_path / "mzj", "--name", "永春县民政局", "--code", "350525", "--town", "桃城镇 五里街镇\u3000一都",
             "--leader", "陈明:局长", *YONGCHUN, "-y")
    assert run.code == 0, run.out + run.err
    assert _township_offices(tmp_path / "mzj" / "catalog") == ["桃城镇民政办", "五里街镇民政办", "一都镇民政办"]


def test_a_township_not_of_the_county_is_said_at_the_question(
        tmp_path: Path, gk: Gk, monkeypatch: pytest.MonkeyPatch) -> None:
    # n (not every 乡镇), 「桃城镇，五里镇」: said, asked again; n, 「桃城镇 五里街镇」; Enter at every other question
    monkeypatch.setattr("sys.stdin", Console("\n".join(["n", "桃城镇，五里镇", "n", "桃城镇 五里街镇"] + [""] * 12) + "\n"))
    run = gk("init", tmp_path / "mzj", "--name", "永春县民政局", "--code", "350525", "--leader", "陈明:局长", *YONGCHUN)
    assert run.code == 0, run.out + run.err
    assert run.err.startswith("「五里镇」不是本县的乡镇（自带的乡镇表：桃城镇、五里街镇、一都镇、"), run.err
    assert run.out.count("为每个乡镇建立乡镇民政办？") == 2
    assert _township_offices(tmp_path / "mzj" / "catalog") == ["桃城镇民政办", "五里街镇民政办"]


def test_a_department_adopted_this_month_is_said_to_count_from_then(bundled: Path, tmp_path: Path, gk: Gk) -> None:
    made = gk("init", tmp_path / "jyj", "--name", "安溪县教育局", "--code", "350524", "--domain", "学前教育=XQJY",
              "--leader", "陈明:局长", *CONTACT, "-y")
    assert made.code == 0, made.out + made.err
    run = gk("county", bundled, tmp_path / "jyj", "--year", "2026", "--today", TODAY, "--out", tmp_path / "out",
             "--format", "json")
    notes = [n for n in json.loads(run.out)["table"]["notes"] if n.startswith("启用日期")]
    assert notes == ["启用日期：安溪县教育局 2026-12-07 才启用 gongkai，2026年启用前公开的信息一条也没有登记：该部门的"
                     "「公开信息」「按时公开率」只算启用以后的，不是全年的。请该部门把启用前已公开的信息补登"
                     "（gongkai new record，写「补录」）后重新运行"]
