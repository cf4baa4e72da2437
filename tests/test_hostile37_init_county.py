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
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import Run

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
