"""Thirty-fifth hostile pass, the notepad clerk: a civil servant who is not a programmer types records and
gongkai.yaml in Windows Notepad (CRLF, full-width characters, half-typed lines, dates as the calendar on the wall
writes them, 是 and 否) and reads what `gongkai validate` and `gongkai fmt` answer.

Expected values are typed by hand: in the test record 「文种: 公示」 is line 5, 「页数: 1」 line 16, a key typed at the
left edge is column 1; 3/5/2026 may be 2026-03-05 or 2026-05-03, 13/5/2026 can only be 2026-05-13.

Found by this pass:
1. A key whose colon was left out at the top of the file (「文种 公示」), a line left half-typed (「页数」), and a long
   题名 broken onto a second line at the left edge (「题名: 关于调整」 then 「低保标准的通知」) were all
   「缺少冒号，或缩进不对」 with the same fix for every case, 「每个键后面要有半角冒号和一个空格，如「题名: ……」」
   (the README promised 「写成「审查人: 张三」」-style fixes; only keys nested under 保密审查 got them). Now:
   「缺少冒号」, 「写成「文种: 公示」」, 「写成「页数: ……」（冒号后面写上值）」, and for the broken 题名 「这一行若是
   上一行「题名」的值没写完、换了行，把它接到上一行的末尾；若是一个键，写成……」; 「文种:公示 通知」 (no space after
   the colon) points at the colon's next character with 「冒号后面缺少空格」. `gongkai fmt` says the same. A nested
   key left half-typed (「  审查人」) is told 「写成「审查人: ……」」 instead of the 「如「题名: ……」」 example.
2. A date typed with the year last, as an English-locale Excel or a form from abroad writes it (3/5/2026, 13.5.2026,
   3/25/2026), was 「日期格式应为 YYYY-MM-DD，如 2026-03-02，而不是「3/5/2026」」: the clerk had to guess which of
   3月5日 and 5月3日 gongkai saw. GK106 now says 「「3/5/2026」把年份写在了最后，看不出是 3月5日 还是 5月3日：对照原件
   写成 2026-03-05 或 2026-05-03」 and, when only one reading is a day, 「「13/5/2026」把年份写在了最后，即 2026-05-13：
   写成 2026-05-13」 (still an error: gongkai does not choose the month).
3. 是/否 typed into a true-or-false setting (「公开考核表: 否」) was told 「只写 true（是）或 false（否），如
   「公开考核表: true」」 — the example turned the clerk's 否 into true. The fix now names the word meant:
   「「否」要写成 false：「公开考核表: false」」 (是、对、同意、√ → true; 否、不、无、没有、× → false).
4. `gongkai fmt` promised to mend indentation typed with full-width spaces or Tabs, but refused the commonest case:
   space pressed twice in full-width mode (「　　审查日期」, four columns) among keys indented two half-width spaces
   said 「无法整理：第 11 行第 1 列：这一行的键比上一行的键多缩进了」, and the same as the first key under 「保密审查:」
   (or two Tabs, or 「　　审查人」 above 「⇥审查日期」) said 「缩进不一致」 at the next line, the one typed right. fmt now
   aligns such a line with the keys beside it (as it did for one Tab only), keeps CRLF and the file's mode; GK006 says
   「gongkai fmt 可自动改正」 like GK007.
5. A date copied with its weekday from a calendar or a notice (「2026-9-1（星期二）」「2026年9月1日(周三)」) was
   「日期格式应为 YYYY-MM-DD……」 with the fix 「「（）」是全角字符……按 Shift+空格 切换到半角」 — in half-width it is no
   date either. A date without its year (「9月1日」「9/1」) was told the format only. GK106 now says 「日期只写年月日，不写
   星期：写成 2026-09-01」, adds 「（2026-09-01 是星期二，不是星期三：请对照原件核对日期）」 when the weekday does not
   match, and 「「9月1日」没有写年份：补上原件上的年份，如 2026-09-01」. The 「切换到半角」 slip is given for a date only
   when the half-width form reads as one (not for 「２０２６－０９－３１」, no day in any width).
6. A Tab typed where the colon belongs (「文种⇥公示」, Tab pressed to line the values up) was 「这里有不能出现的字符
   （常见为制表符 Tab 或 @、` 开头的值）」 with the fix 「用空格代替 Tab」 — which leaves 「文种 公示」, still without its
   colon. Now 「键后面是制表符（Tab），缺少冒号」 at the Tab, 「写成「文种: 公示」」. A Tab inside the next line of a value
   (「  LIST-2026⇥7」 under 「不予公开理由: …」) is told as before.

Seen and left alone:
- GBK and UTF-16 files with a second mistake inside are told only GK002 / GK010 (the encoding): after `gongkai fmt`
  converts them, validate names the rest — one step at a time is what the clerk can follow.
- A key in 繁体 (「題名」「公開屬性」) is 「未知字段」 with 「是否想写「题名」？」: the guess is right, and the tables of
  繁体 characters live in the inspect layer, which the catalog layer may not import.
- 「2026.03.05.」 (a full stop after the day) and 「2026 3 5」 are 「日期格式应为 YYYY-MM-DD」 as before: rare, and the
  message with the value quoted shows what is wrong.
- A 题名 typed or given to `new record --title` with full-width spaces around it is written so, and published without
  them (the model strips them): nothing the reader sees.
- 「“文种”: 公示」 (Chinese quotes around a key) is 「未知字段「“文种”」」 with 「是否想写「文种」？把键名改为「文种」」: right.
- 「文号: 12」 is read as the text 「12」 (nothing lost); 「文号: 012」 is GK015 as before.
- Word's soft hyphen and U+FFFE in a 正文 are GK017 with their names and columns; fmt removes them.
- `gongkai fmt` on a YAML file outside a catalog's items/ or records/ (saved on the desktop) mends only what any YAML
  needs (encoding, indentation, 「：」); dates and 别称 are mended once the file is in records/<年份>/ — which kind of
  file it is comes from its folder.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import AGENCY, RECORD, CatalogDir, Run

Gk = Callable[..., Run]
TODAY = "2026-12-07"


def _found(gk: Gk, root: Path, code: str) -> list[dict]:
    run = gk("validate", root, "--format", "json", "--today", TODAY)
    assert run.code in (0, 1), run.err
    return [d for d in json.loads(run.out)["diagnostics"] if d["code"] == code]


def _crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


# 1. A key without its colon, a half-typed line, a value broken onto its own line ---------------------------------


@pytest.mark.parametrize(("old", "new", "where", "message", "hint"), [
    ("文种: 公示\n", "文种 公示\n", (5, 1), "缺少冒号", "每个键后面要有半角冒号和一个空格：写成「文种: 公示」。"),
    ("文种: 公示\n", "文种　公示\n", (5, 1), "缺少冒号", "写成「文种: 公示」。"),  # a full-width space for the colon
    ("页数: 1\n", "页数\n", (16, 1), "缺少冒号",
     "这一行若是上一行「公示截止」的值没写完、换了行，把它接到上一行的末尾；若是一个键，写成「页数: ……」（冒号后面写上值）。"),
    ("题名: 测试县民政局关于2026年第三季度低保对象名单的公示\n", "题名: 测试县民政局关于2026年第三季度\n低保对象名单的公示\n",
     (3, 1), "缺少冒号", "这一行若是上一行「题名」的值没写完、换了行，把它接到上一行的末尾"),
    ("文种: 公示\n", "文种:公示 通知\n", (5, 4), "冒号后面缺少空格", "写成「文种: 公示 通知」。"),
    ("  审查人: 张三\n", "  审查人\n", (10, 3), "缺少冒号", "写成「审查人: ……」（冒号后面写上值）。"),
])
def test_a_line_without_its_colon_says_what_to_write(gk: Gk, cat: CatalogDir, old: str, new: str,
                                                     where: tuple[int, int], message: str, hint: str) -> None:
    """Before: 「缺少冒号，或缩进不对」, fix 「如「题名: ……」」 whatever the line."""
    assert old in RECORD
    cat.record(_crlf(RECORD.replace(old, new)))
    found = _found(gk, cat.root, "GK001")
    assert [(d["line"], d["column"], d["message"]) for d in found] == [(*where, message)]
    assert hint in found[0]["hint"]


def test_fmt_names_the_key_without_its_colon(gk: Gk, cat: CatalogDir) -> None:
    path = cat.record(_crlf(RECORD.replace("文种: 公示\n", "文种 公示\n")))
    before = path.read_bytes()
    run = gk("fmt", path)
    assert run.code == 1
    assert "第 5 行第 1 列：缺少冒号（每个键后面要有半角冒号和一个空格：写成「文种: 公示」。" in run.out + run.err
    assert path.read_bytes() == before  # nothing lost, nothing half-mended


# 2. A date with its year written last -----------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "message"), [
    ("3/5/2026", "「成文日期」「3/5/2026」把年份写在了最后，看不出是 3月5日 还是 5月3日：对照原件写成 2026-03-05 或 2026-05-03"),
    ("13/5/2026", "「成文日期」「13/5/2026」把年份写在了最后，即 2026-05-13：写成 2026-05-13"),
    ("3/25/2026", "「成文日期」「3/25/2026」把年份写在了最后，即 2026-03-25：写成 2026-03-25"),
    ("5.5.2026", "「成文日期」「5.5.2026」把年份写在了最后，即 2026-05-05：写成 2026-05-05"),
    ("31/31/2026", "「成文日期」日期格式应为 YYYY-MM-DD，如 2026-03-02，而不是「31/31/2026」"),  # no day: as before
])
def test_a_date_with_the_year_last_names_the_days_it_may_be(gk: Gk, cat: CatalogDir, typed: str,
                                                            message: str) -> None:
    """Before: 「日期格式应为 YYYY-MM-DD，如 2026-03-02，而不是「3/5/2026」」 — which day gongkai saw, unsaid."""
    cat.record(_crlf(RECORD.replace("成文日期: 2026-09-01\n", f"成文日期: {typed}\n")))
    found = _found(gk, cat.root, "GK106")
    assert [(d["line"], d["column"]) for d in found] == [(13, 7)]
    assert found[0]["message"].removesuffix("［R2026-001］") == message


# 3. 是 and 否 in a true-or-false setting ----------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "hint"), [
    ("否", "「否」要写成 false：「公开考核表: false」"),
    ("是", "「是」要写成 true：「公开考核表: true」"),
    ("不", "「不」要写成 false：「公开考核表: false」"),
    ("“否”", "「否」要写成 false：「公开考核表: false」"),
    ("可以", "只写 true（是）或 false（否），如「公开考核表: true」。"),  # not a yes or a no: as before
])
def test_a_chinese_yes_or_no_is_told_the_word_it_means(gk: Gk, cat: CatalogDir, typed: str, hint: str) -> None:
    """Before: every 否 was told 「如「公开考核表: true」」."""
    cat.write("gongkai.yaml", _crlf(AGENCY + f"  公开考核表: {typed}\n"))
    found = _found(gk, cat.root, "GK103")
    line = AGENCY.count("\n") + 1
    assert [(d["line"], d["column"]) for d in found] == [(line, 10)]
    assert hint in found[0]["hint"]


# 4. fmt mends indentation typed with full-width spaces or Tabs wherever it is deeper than its neighbours ------------

MENDED = RECORD.replace("\n", "\r\n").encode("utf-8")


@pytest.mark.parametrize(("old", "new"), [
    ("  审查日期", "　　审查日期"),  # space pressed twice in full-width mode, under 「  审查人: 张三」
    ("  审查人", "　　审查人"),  # the first key under 「保密审查:」, above 「  审查日期」
    ("  审查人", "\t\t审查人"),  # two Tabs
    ("  审查人: 张三\n  审查日期", "　　审查人: 张三\n\t审查日期"),  # a full-width first key, a Tab below it
])
def test_fmt_aligns_a_full_width_or_tab_indentation_with_the_keys_beside_it(gk: Gk, cat: CatalogDir, old: str,
                                                                            new: str) -> None:
    """Before: 「无法整理：第 11 行第 1 列：这一行的键比上一行的键多缩进了」 or 「缩进不一致」 at the line typed right,
    although validate's GK006 and the README say fmt mends indentation typed with 「　」 or Tab."""
    assert old in RECORD
    path = cat.record(_crlf(RECORD.replace(old, new)))
    path.chmod(0o640)
    run = gk("fmt", path)
    assert run.code == 0, run.err
    assert path.read_bytes() == MENDED  # CRLF kept, nothing else touched
    assert path.stat().st_mode & 0o777 == 0o640
    assert gk("fmt", "--check", path).code == 0
    assert _found(gk, cat.root, "GK001") == _found(gk, cat.root, "GK006") == []


def test_validate_says_fmt_mends_a_full_width_indentation(gk: Gk, cat: CatalogDir) -> None:
    cat.record(_crlf(RECORD.replace("  审查日期", "　　审查日期")))
    found = _found(gk, cat.root, "GK006")
    assert [(d["line"], d["column"]) for d in found] == [(11, 1)]
    assert found[0]["hint"].endswith("请删除全角空格后重新缩进；gongkai fmt 可自动改正。")


# 5. A date with its weekday, a date without its year ---------------------------------------------------------------


@pytest.mark.parametrize(("typed", "message"), [
    ("2026-9-1（星期二）", "「成文日期」日期只写年月日，不写星期：写成 2026-09-01"),  # 2026-09-01 is a Tuesday
    ("2026年9月1日(周三)",
     "「成文日期」日期只写年月日，不写星期：写成 2026-09-01（2026-09-01 是星期二，不是星期三：请对照原件核对日期）"),
    ("2026-09-01 星期二", "「成文日期」日期只写年月日，不写星期：写成 2026-09-01"),
    ("9月1日", "「成文日期」「9月1日」没有写年份：补上原件上的年份，如 2026-09-01"),
    ("9/1", "「成文日期」「9/1」没有写年份：补上原件上的年份，如 2026-09-01"),
])
def test_a_date_with_its_weekday_or_without_its_year_says_what_to_write(gk: Gk, cat: CatalogDir, typed: str,
                                                                       message: str) -> None:
    """Before: 「日期格式应为 YYYY-MM-DD……而不是「2026-9-1（星期二）」」, its fix led by 「中的「（）」是全角字符……按
    Shift+空格 切换到半角」, although 「(星期二)」 in half-width is no date either."""
    cat.record(_crlf(RECORD.replace("成文日期: 2026-09-01\n", f"成文日期: {typed}\n")))
    found = _found(gk, cat.root, "GK106")
    assert [(d["line"], d["column"]) for d in found] == [(13, 7)]
    assert found[0]["message"].removesuffix("［R2026-001］") == message
    assert "半角" not in found[0]["hint"]


def test_a_full_width_date_that_is_no_day_is_not_told_to_switch_to_half_width(gk: Gk, cat: CatalogDir) -> None:
    cat.record(_crlf(RECORD.replace("成文日期: 2026-09-01\n", "成文日期: ２０２６－０９－３１\n")))
    found = _found(gk, cat.root, "GK106")
    assert "日期不存在" in found[0]["message"]
    assert "切换到半角" not in found[0]["hint"]  # 2026-09-31 is no day in half-width either


# 6. A Tab typed where the colon belongs ---------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new", "where", "hint"), [
    ("文种: 公示\n", "文种\t公示\n", (5, 3), "每个键后面要有半角冒号和一个空格：写成「文种: 公示」。"),
    ("  审查人: 张三\n", "  审查人\t张三\n", (10, 6), "每个键后面要有半角冒号和一个空格：写成「审查人: 张三」。"),
])
def test_a_tab_for_the_colon_is_told_to_write_the_colon(gk: Gk, cat: CatalogDir, old: str, new: str,
                                                        where: tuple[int, int], hint: str) -> None:
    """Before: 「这里有不能出现的字符（常见为制表符 Tab 或 @、` 开头的值）」, fix 「用空格代替 Tab」 — which leaves
    「文种 公示」, still without its colon."""
    cat.record(_crlf(RECORD.replace(old, new)))
    found = _found(gk, cat.root, "GK007")
    assert [(d["line"], d["column"], d["message"]) for d in found] == [(*where, "键后面是制表符（Tab），缺少冒号")]
    assert found[0]["hint"] == hint
