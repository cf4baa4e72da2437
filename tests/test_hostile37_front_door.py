"""Thirty-seventh hostile pass on the front door: what a civil servant at a Chinese Windows PC types and saves
(Notepad with a Chinese input method, Explorer's copy and paste), and what `gongkai validate` and `gongkai fmt` answer.

Expected values are typed by hand: in the test record 「题名」 is line 2, 「索引号」 line 4; 「题名: 」 is four columns,
so the value starts at column 5; the title 测试县民政局关于2026年第三季度低保对象名单的公示 is 26 characters.

Found by this pass:
1. A quoted value opened with the half-width 「"」 and closed, on screen, by the input method's 「”」 (「题名: "……的公示”」,
   「索引号: '350524-MZ-2026-00001’」) was 「引号没有闭合」 with the fix 「在这一行的末尾补上同样的引号」: the clerk adds a
   「"」 after the 「”」, and the title is published with a stray 「”」 in it. Now the message names the 「”」 at its
   column and says to change it into the half-width quote, not to add one.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from conftest import RECORD, CatalogDir, Run

Gk = Callable[..., Run]
TODAY = "2026-12-07"
TITLE = "测试县民政局关于2026年第三季度低保对象名单的公示"


def _crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def _found(gk: Gk, root: object, code: str) -> list[dict]:
    run = gk("validate", root, "--format", "json", "--today", TODAY)
    assert run.code in (0, 1), run.err
    return [d for d in json.loads(run.out)["diagnostics"] if d["code"] == code]


# 1. A quote closed by the input method's twin --------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new", "where", "message", "hint"), [
    (f"题名: {TITLE}\n", f'题名: "{TITLE}”\n', (2, 32),
     "引号没有闭合：开头是半角引号「\"」，结尾的「”」是中文输入法打出的引号，YAML 不认它作闭合",
     "把结尾的「”」改成半角的「\"」（英文输入法下输入），前后两个引号要一样；不要在后面再补一个引号，否则「”」会成为值的一部分。"),
    ("索引号: 350524-MZ-2026-00001\n", "索引号: '350524-MZ-2026-00001’  \n", (4, 27),
     "引号没有闭合：开头是半角引号「'」，结尾的「’」是中文输入法打出的引号，YAML 不认它作闭合",
     "把结尾的「’」改成半角的「'」"),
    ("索引号: 350524-MZ-2026-00001\n", '索引号: "350524-MZ-2026-00001＂\n', (4, 27),
     "引号没有闭合：开头是半角引号「\"」，结尾的「＂」是中文输入法打出的引号，YAML 不认它作闭合",
     "把结尾的「＂」改成半角的「\"」"),
    # a 「”」 closing a 「“」 inside the value is the value's own: the half-width quote was left open, as before
    (f"题名: {TITLE}\n", '题名: "关于开展“双随机”\n', (2, 5), "引号没有闭合", "在这一行的末尾补上同样的引号"),
])
def test_a_quote_closed_by_the_input_methods_twin_is_named_at_the_twin(gk: Gk, cat: CatalogDir, old: str, new: str,
                                                                        where: tuple[int, int], message: str,
                                                                        hint: str) -> None:
    """Before: 「引号没有闭合」, 「在这一行的末尾补上同样的引号」 at the opening quote — the 「”」 then stays in the title."""
    assert old in RECORD
    cat.record(_crlf(RECORD.replace(old, new)))
    found = _found(gk, cat.root, "GK001")
    assert [(d["line"], d["column"], d["message"]) for d in found] == [(*where, message)]
    assert hint in found[0]["hint"]


def test_fmt_says_the_same_of_the_twin(gk: Gk, cat: CatalogDir) -> None:
    path = cat.record(_crlf(RECORD.replace(f"题名: {TITLE}\n", f'题名: "{TITLE}”\n')))
    before = path.read_bytes()
    run = gk("fmt", path)
    assert run.code == 1
    assert "第 2 行第 32 列：引号没有闭合：开头是半角引号「\"」，结尾的「”」是中文输入法打出的引号" in run.out + run.err
    assert path.read_bytes() == before
