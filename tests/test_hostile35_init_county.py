"""Thirty-fifth hostile pass, on `gongkai init` and the county view (`gongkai county`): the clerk of a bureau that is
not 民政 — a 教育局, a 卫健委, a 乡镇人民政府 — starting a catalog at a Chinese console on Windows and opening it in
VS Code, and the county 政务公开办 gathering them.

Expected values are typed by hand: 湖头镇 is 350524102 and its head is the 镇长, 白濑乡 is 350524201 and its head is
the 乡长; a 街道办事处's and a 委员会's head is its 主任, a 局's its 局长 (领导信息, 《条例》第二十条第（二）项).

Found by this pass:
1. The editor's schema init writes into every new catalog (schema/*.schema.json, which VS Code shows on hovering a
   key) was part English: hovering 「机关:」 in an 教育局's gongkai.yaml said 「Organisation — The bureau itself.」,
   「领导:」 「Leader — A leader of the bureau (领导信息, …), also the spelling checked by inspect.」, 「单位:」 「A 股室
   of the bureau or a 乡镇民政办.」, the file itself 「The whole of gongkai.yaml.」, 正文 「Markdown」 — the models'
   class names and their docstrings, written for programmers. Every title and description in the three schemas (of
   init and of `gongkai schema`) is now Chinese: 「机关 — 本机关：名称、区划代码……」; a part of a schema with no
   Chinese wording shows no title rather than an English one.
2. `gongkai init` at a console offered 「职务 [局长]」 for every bureau: a 镇's clerk pressing Enter put 「陈明 局长」 on
   the 湖头镇人民政府's 领导信息 page. The question now offers the head's title the name tells (镇长, 乡长; 主任 of a
   街道办事处, a 委员会 or an 办公室; 局长 of a 局) and none when it does not tell (安溪县档案馆: the clerk types it).
3. The last question of init (the day of the last manual handover) comes after the first commit; Ctrl+D or Ctrl+C
   there said 「已中止。」 and ended 2, so the clerk took it that nothing was made, ran init again and was refused
   (「已有目录」). A question stopped once a command's output is in place now says what is in place, as Ctrl+C does
   elsewhere: 「已中断，但目录仓库（…）已建立，第一次提交 4fa2485，不受影响。」, exit 0 (before that: 「已中止。」, nothing written).

4. The CI that init wrote installed 「pip install gongkai」, whatever release was newest on the day it ran, although the
   README says to pin the version in CI: one release could fail every bureau's CI on the same morning, and the
   bureaus of a county validated with different gongkai than the county office's `gongkai county`. The GitHub and
   GitLab templates init writes now install the version that made the catalog (「pip install gongkai==0.1.0」) and say
   so at the top, instead of 「复制到目录仓库的……」 (an instruction for copying the template by hand, already done).

5. A record whose 责任单位 was mistyped (「bgss」 for bgs: GK204, an error — yet the record is published, on the site
   and to the 两馆) vanished from the county view: 安溪县民政局 published 26 records in 2026 and the 部门考核 said 25, its
   按时公开率 and 按时移交率 left it out, and an item so mistyped dropped out of 定期事项漏报 (事项 already counted
   it). The department's figures now count every item and record of the catalog; `gongkai report scorecard`, whose
   rows are the units, says under the table 「另有 1 个事项、1 条公开信息的「责任单位」不是 gongkai.yaml「单位」中的
   编号（GK204），没有计入表中各单位……」.

Seen and left alone:
- A bureau adopted on 2026-12-07 is shown in the county view without its 2025 年报 (「网站上没有2025年…年度报告」, 95分):
  the report is on the old website, not in the new catalog; the note says what to register, as `gongkai inspect` does.
- Ctrl-D at any question ends init with 「已中止。」 and writes nothing (folder not created); an empty 姓名 is asked
  again; an empty 职务 is said (「「职务」不能为空」) and asked again.
- The 乡镇人民政府's items keep the guideline's 公开主体 「县级人民政府民政部门、乡镇人民政府（街道办事处）」: it is the
  guideline's own text (民办函〔2019〕52号), not a 民政局 leaking in.
- A name holding a mobile number (安溪县卫生健康局13812345678) is refused with the number masked, nothing written.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run

Gk = Callable[..., Run]
TODAY = "2026-12-07"
CONTACT = ("--address", "安溪县凤城镇", "--contact", "林芳", "--phone", "0595-23281234", "--email", "jyj@example.gov.cn",
           "--today", TODAY)
CHINESE = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_PHRASE = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}")  # 「The bureau itself」, 「A leader of」


class Console(io.StringIO):
    """What the clerk types at a console (init asks only when stdin is a terminal)."""

    def isatty(self) -> bool:
        return True


def wording(schema: object, where: str = "") -> list[tuple[str, str]]:
    """Every (place, text) of a title or a description in a JSON Schema: what the editor shows on hovering."""
    found: list[tuple[str, str]] = []
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key in ("title", "description") and isinstance(value, str):
                found.append((f"{where}/{key}", value))
            else:
                found.extend(wording(value, f"{where}/{key}"))
    elif isinstance(schema, list):
        for value in schema:
            found.extend(wording(value, where))
    return found


def test_the_schema_init_writes_for_an_education_bureau_is_chinese(tmp_path: Path, gk: Gk) -> None:
    run = gk("init", tmp_path / "jyj", "--name", "安溪县教育局", "--code", "350524", "--domain", "学前教育=XQJY",
             "--leader", "陈明:局长", *CONTACT, "-y")
    assert run.code == 0, run.out + run.err
    english = []
    for name in ("gongkai.schema.json", "item.schema.json", "record.schema.json"):
        schema = json.loads((tmp_path / "jyj" / "schema" / name).read_text(encoding="utf-8"))
        english += [(name, where, text) for where, text in wording(schema)
                    if not CHINESE.search(text) or ENGLISH_PHRASE.search(text)]
    assert english == []
    agency = json.loads((tmp_path / "jyj" / "schema" / "gongkai.schema.json").read_text(encoding="utf-8"))
    assert agency["description"] == "本机关的总配置：机关、领域、单位、移交两馆、依申请公开、领导、网站和检查"
    assert agency["$defs"]["Organisation"]["title"] == "机关"
    assert agency["$defs"]["Leader"]["title"] == "领导"
    record = json.loads((tmp_path / "jyj" / "schema" / "record.schema.json").read_text(encoding="utf-8"))
    assert record["$defs"]["Review"]["title"] == "保密审查"


def test_gongkai_schema_writes_the_same_chinese(tmp_path: Path, gk: Gk) -> None:
    assert gk("schema", "--out", tmp_path).code == 0
    unit = json.loads((tmp_path / "gongkai.schema.json").read_text(encoding="utf-8"))["$defs"]["Unit"]
    assert (unit["title"], unit["description"]) == ("单位", "本机关的股室（内设机构）或下属单位；事项和信息的「责任单位」填它的编号")
    body = json.loads((tmp_path / "record.schema.json").read_text(encoding="utf-8"))["properties"]["正文"]
    assert body["description"] == "Markdown 格式：空一行分段，# 开头为标题"


@pytest.mark.parametrize(("name", "code", "extra", "offered"), [
    ("安溪县湖头镇人民政府", "350524102", (), "镇长"),
    ("安溪县白濑乡人民政府", "350524201", (), "乡长"),
    ("安溪县教育局", "350524", ("--domain", "学前教育=XQJY"), "局长"),
    ("安溪县卫生健康委员会", "350524", ("--domain", "疾病预防控制=JBYF"), "主任"),
])
def test_the_title_offered_at_the_console_is_the_heads_of_that_bureau(
        tmp_path: Path, gk: Gk, monkeypatch: pytest.MonkeyPatch, name: str, code: str, extra: tuple[str, ...],
        offered: str) -> None:
    # 陈明, Enter at 「职务 [..]」, Enter at the handover days (5, 20), Enter at the last manual handover (none)
    monkeypatch.setattr("sys.stdin", Console("陈明\n\n\n\n"))
    run = gk("init", tmp_path / "new", "--name", name, "--code", code, *extra, *CONTACT, "--postcode", "362400",
             "--archive", "安溪县档案馆", "--library", "安溪县图书馆", "--index-prefix", f"{code}-XX",
             "--base-url", "https://www.fjax.gov.cn/zwgk/new/", "--desk-hours", "工作日8:00—17:30", "--ci", "github")
    assert run.code == 0, run.out + run.err
    assert f"职务 [{offered}]:" in run.out
    written = (tmp_path / "new" / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert f"领导:\n  - 姓名: 陈明\n    职务: {offered}\n" in written
    assert "局长" not in written or offered == "局长"


def test_a_name_that_does_not_tell_offers_no_title(tmp_path: Path, gk: Gk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", Console("陈明\n\n陈明\n馆长\n\n\n"))  # Enter at 职务: said, and asked again
    run = gk("init", tmp_path / "dag", "--name", "安溪县档案馆", "--code", "350524", "--domain", "档案管理=DAGL",
             *CONTACT, "--postcode", "362400", "--index-prefix", "350524-DA", "--base-url",
             "https://www.fjax.gov.cn/zwgk/dag/", "--desk-hours", "工作日8:00—17:30", "--ci", "github",
             "--archive", "安溪县档案馆", "--library", "安溪县图书馆")
    assert run.code == 0, run.out + run.err
    assert "职务:" in run.out and "职务 [" not in run.out
    assert "「职务」不能为空" in run.err
    assert "    职务: 馆长\n" in (tmp_path / "dag" / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("stop", ["", "\x03"], ids=["ctrl-d", "ctrl-c"])
def test_stopping_at_the_question_after_the_first_commit_says_the_catalog_is_made(
        tmp_path: Path, gk: Gk, monkeypatch: pytest.MonkeyPatch, stop: str) -> None:
    """The last question (the last manual handover) comes after the first commit: Ctrl+D or Ctrl+C there said
    「已中止。」 (exit 2) of a catalog that was made, and the clerk who ran init again was refused: 「已有目录」."""
    class Stopped(Console):
        def readline(self, size: int | None = -1) -> str:
            line = super().readline()
            if line == "\x03\n":
                raise KeyboardInterrupt
            return line

    monkeypatch.setattr("sys.stdin", Stopped("陈明\n\n\n" + (stop + "\n" if stop else "")))
    run = gk("init", tmp_path / "htz", "--name", "安溪县湖头镇人民政府", "--code", "350524102", *CONTACT,
             "--postcode", "362400", "--index-prefix", "350524102", "--base-url", "https://www.fjax.gov.cn/zwgk/htz/",
             "--desk-hours", "工作日8:00—17:30", "--ci", "github", "--archive", "安溪县档案馆", "--library", "安溪县图书馆")
    assert run.code == 0, run.out + run.err
    assert "已中止" not in run.err
    assert re.search(r"已中断，但目录仓库（.*htz）已建立，第一次提交 [0-9a-f]{7}，不受影响。", run.err), run.err
    assert (tmp_path / "htz" / "catalog" / "gongkai.yaml").is_file()


def test_stopping_before_the_first_commit_still_writes_nothing(
        tmp_path: Path, gk: Gk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", Console("陈明\n"))  # Ctrl+D at 「职务」
    run = gk("init", tmp_path / "htz", "--name", "安溪县湖头镇人民政府", "--code", "350524102", *CONTACT)
    assert (run.code, run.err.strip()) == (2, "已中止。")
    assert not (tmp_path / "htz").exists()


@pytest.mark.parametrize(("ci", "written", "installs"), [("github", ".github/workflows/gongkai.yml", 3),
                                                         ("gitlab", ".gitlab-ci.yml", 1)])
def test_the_ci_of_a_new_catalog_runs_the_gongkai_that_made_it(tmp_path: Path, gk: Gk, ci: str, written: str,
                                                               installs: int) -> None:
    run = gk("init", tmp_path / "wjw", "--name", "安溪县卫生健康委员会", "--code", "350524", "--domain",
             "疾病预防控制=JBYF", "--leader", "陈明:主任", "--ci", ci, *CONTACT, "-y")
    assert run.code == 0, run.out + run.err
    text = (tmp_path / "wjw" / written).read_text(encoding="utf-8")
    assert text.count("pip install gongkai==0.1.0\n") == installs  # gongkai --version: gongkai 0.1.0
    assert "pip install gongkai\n" not in text and "复制" not in text.splitlines()[0]
    assert text.startswith("# 由 gongkai init 写入。gongkai 固定为建立目录时的版本 0.1.0：")


def _mistype_unit(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "\n责任单位: bgs\n" in text or "\n责任单位: shjzg\n" in text, path
    path.write_text(re.sub(r"\n责任单位: (\w+)\n", r"\n责任单位: \1s\n", text, count=1), encoding="utf-8")


def test_a_record_of_a_mistyped_unit_still_counts_for_its_department(bundled: Path, tmp_path: Path, gk: Gk) -> None:
    # 安溪县民政局 published 26 records (主动公开) in 2026: the 32 of R2026-001 … R2026-032 less three 依申请公开 and
    # three 不予公开 (R2026-006, -010, -013, -018, -021, -024) — a hand count of catalog/records/2026
    _mistype_unit(bundled / "records" / "2026" / "R2026-001.yaml")  # 主动公开, published 2026-01-20
    _mistype_unit(bundled / "records" / "2026" / "R2026-010.yaml")  # 不予公开: counts nowhere
    run = gk("county", bundled, "--year", "2026", "--today", TODAY, "--out", tmp_path / "out", "--format", "json")
    assert run.code == 0, run.out + run.err
    department = json.loads(run.out)["departments"][0]
    assert (department["公开信息"], department["totals"]["published"]) == ("26", 26)
    card = gk("report", "scorecard", bundled, "--year", "2026", "--today", TODAY)
    assert "另有 1 条公开信息的「责任单位」不是 gongkai.yaml「单位」中的编号（GK204），没有计入表中各单位" in card.out + card.err
