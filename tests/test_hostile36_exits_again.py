"""Thirty-sixth hostile pass, angle 「exits_again」: what leaves gongkai by another door than the site — the county
portal's export, the 公众号 article (`gongkai wechat`) and the 公示栏 sheet (`gongkai print`) — read by the clerk of a
乡镇民政办 who prints the sheets of his own town.

Found by this pass:
1. `gongkai print --town` took the unit's 编号 alone, as gongkai.yaml spells it: the clerk of 湖头镇 who typed the
   town as he calls it (「--town 湖头镇」, as `gongkai init --town` takes it), the unit's 名称 (「湖头镇民政办」, as
   the refusal itself lists it), 「MZB-102」 or a full-width 「ｍｚｂ－１０２」 from a Chinese input method was refused
   (exit 2) and had to copy the code from the list. Now the 编号 in any case or width, the 名称 or its start (湖头镇,
   湖头) name the unit when they name one only; a start two units share (湖 for 湖头镇 and 湖上乡) is refused with those
   two and their codes. A run with nothing to post for the town says which unit it took (「这段时间官桥镇民政办
   （mzb-103）没有需要张贴的公示和公开信息」), so that 「--town 官桥」 is seen to be read as the clerk meant it.

Seen and left alone:
- A Markdown footnote (「脚注[^1]」 with 「[^1]: 脚注内容」) is read as a link reference: every exit and the site link
  「脚注内容」 under the column (a 404); the rule is the site's Markdown (site/render.py), not an exit's — for the lead.
- `print --to` an old day still lists the takedowns up to today (standing_day, as the help says).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CatalogDir
from portal_catalog import build

# What `--town mzb-102` prints for 2026-11-01 … 2026-11-27 on the shared catalog (test_print.py): 湖头镇's two sheets.
HUTOU = {"index.html", "mzb-102/R2026-013.html", "mzb-102/R2026-014.html",
         "mzb-102/R2026-013-screen.html", "mzb-102/R2026-014-screen.html"}
HUSHANG = """\
  - 编号: mzb-202
    名称: 湖上乡民政办
    类型: 乡镇民政办
    区划代码: "350524202"
"""


@pytest.fixture
def pc(cat: CatalogDir) -> CatalogDir:
    return build(cat)


def _printed(gk, cat: CatalogDir, out: Path, town: str) -> set[str]:
    run = gk("print", cat.root, "--out", out, "--town", town, "--from", "2026-11-01", "--to", "2026-11-27")
    assert run.code == 0, run.err
    return {str(p.relative_to(out)) for p in out.rglob("*.html")}


@pytest.mark.parametrize("town", ["mzb-102", "湖头镇", "湖头镇民政办", "湖头", "MZB-102", "ｍｚｂ－１０２", " mzb-102 "])
def test_print_town_takes_the_town_as_the_clerk_names_it(gk, pc, tmp_path, town):
    assert _printed(gk, pc, tmp_path / "out", town) == HUTOU


def test_print_town_the_other_town_by_its_name_prints_none_of_hutou(gk, pc, tmp_path):
    assert _printed(gk, pc, tmp_path / "out", "官桥镇") == {"index.html"}


def test_print_town_a_start_two_towns_share_is_refused_with_both(gk, pc, tmp_path):
    text = (pc.root / "gongkai.yaml").read_text(encoding="utf-8")
    pc.write("gongkai.yaml", text.replace("    区划代码: \"350524103\"\n", "    区划代码: \"350524103\"\n" + HUSHANG, 1))
    assert _printed(gk, pc, tmp_path / "ok", "湖上乡") == {"index.html"}
    run = gk("print", pc.root, "--out", tmp_path / "out", "--town", "湖")
    assert run.code == 2
    assert "对得上 2 个乡镇民政办" in run.err and "mzb-102（湖头镇民政办）、mzb-202（湖上乡民政办）" in run.err
    assert "官桥镇" not in run.err and not (tmp_path / "out").exists()


def test_print_town_an_unknown_name_lists_every_town(gk, pc, tmp_path):
    run = gk("print", pc.root, "--out", tmp_path / "out", "--town", "蓬莱镇")
    assert run.code == 2 and "不是 gongkai.yaml「单位」中乡镇民政办的编号或名称" in run.err
    assert "mzb-102（湖头镇民政办）、mzb-103（官桥镇民政办）" in run.err


def test_print_town_with_nothing_to_post_says_which_unit_it_took(gk, pc, tmp_path):
    run = gk("print", pc.root, "--out", tmp_path / "out", "--town", "官桥", "--from", "2026-11-01", "--to", "2026-11-27")
    assert run.code == 0 and "这段时间官桥镇民政办（mzb-103）没有需要张贴的公示和公开信息。" in run.out
    run = gk("print", pc.root, "--out", tmp_path / "all", "--from", "2026-12-04", "--to", "2026-12-05")
    assert run.code == 0 and "这段时间没有需要张贴的公示和公开信息。" in run.out
