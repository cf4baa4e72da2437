"""Twenty-fourth hostile pass, over time passing over a built site (issues 11 and 12; DOMAIN.md §12; README 「网站随日期
变化」): one catalog built day after day into the same folder with --today, as the daily job does, edited between the
days as a bureau edits it; after every build the folder is compared byte for byte with a fresh --no-cache build of the
same catalog and day into another folder, and every file of it (pages, lists, feed, sitemap, open data, the gzip
search shards, the copied attachments) is searched for what the law allows that day.

The days are typed by hand from the State Council's 2026 holiday notice (国办发明电〔2025〕7号): 端午节 6月19日（周五）至
21日（周日）放假, no working weekend day in June. 公开日期 is the first day of a 公示期 when it is a working day; a 公示
published on a day off starts on the next working day.

- R2026-001 甲号 公示 (陈金水, attachment jia.csv) Wed 06-17, 公示期 5: 06-17, 06-18, 06-22, 06-23, 06-24 — gone 06-25.
- R2026-002 乙号 公示 (黄乙乙) 公开日期 Mon 06-22, ahead of the first days: nothing of it before; 公示期 3: 06-22, 06-23,
  06-24 — gone 06-25.
- R2026-003 丙号 公示 (苏丙丙) 06-17, 公示期 5, 撤回 dated 06-22: gone from 06-22.
- R2026-004 丁号 公示 (丁丁丁) 06-17, 公示期 5, extended on 06-23 to 8: 06-24 (5), 06-25 (6), 06-26 (7), 06-29 (8) —
  gone 06-30.
- R2026-005 戊号 公示 (林阿妹, 苏阿森 — the latter listed by mistake; attachment wu.csv) 06-17, 公示期 5; on 06-18 the
  bureau publishes the 更正公示 R2026-006 (林阿妹 only; Thu 06-18, 公示期 5: 06-18, 06-22, 06-23, 06-24, 06-25 — gone
  06-26) and marks R2026-005 已修改 from 06-18, 被替代 R2026-006.
- R2026-007 己号 通知, decided 不予公开, reversed to 主动公开 on 06-22: nothing of it before, on the web from that day.
- R2026-008 the 2025 低保标准, 失效 from 06-22, 被替代 R2026-009 (the 2026 one).

Found by this pass:
1. A 公示 replaced by its 更正公示 (有效性: 已修改, 被替代: the corrected one) kept its list on the web — the page, the
   attachment copy — until the old period ran out, only labelled 「本文件已修改」: 苏阿森, listed by mistake and struck
   from the corrected list, stayed findable on the bureau's site beside the correction for the rest of the week (the
   公示栏 sheet too). A list that stops being in force (已修改, 废止, 失效) now comes down the day it does: its page says
   the 公示 ended the day before, its attachment leaves the site, print lists it under 「请撤下」.
2. A past day's site (--today earlier than today) and the clock set back named a 公示 withdrawn during its period as
   「公示已于2026年6月24日结束」, a day after it had been withdrawn (06-22): the reason given for a record that must not
   come back is now the first thing that took it down, 「已于2026年6月22日撤回」 (a replaced list: the day it ended).
3. A build with --today ahead of the real date (a typo, a machine's clock wrong, a clerk looking ahead) into the
   site folder published the 乙号 公示 five days before its 公开日期, took 甲号's list down while its 公示 still ran and
   labelled the 2025 standard 失效 early — without a word; and the daily build of the real date was then refused
   (「上次按 2026-06-29 生成……公示已于2026年6月24日结束」: untrue that day) until the future day came, the running
   公示 kept off the web. Now build-site names each difference (「请不要部署」), the clock-back check holds the
   folder to the real date, so the daily build puts it right; export portal for a day ahead names what it sends
   before its 公开日期.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, RECORD
from test_hostile22_periods import _files, _text  # (every file of a site, and its text unpacked)
from gongkai.cli import main

POLICY_ITEM = (ITEM.replace("编号: SHJZ-001", "编号: SHJZ-002").replace("一级事项: 最低生活保障", "一级事项: 临时救助")
               .replace("  - 低保对象名单及相关信息", "  - 临时救助政策文件"))
RULES_ITEM = (POLICY_ITEM.replace("编号: SHJZ-002", "编号: SHJZ-003").replace("一级事项: 临时救助", "一级事项: 低保标准")
              .replace("五公开: 结果公开", "五公开: 决策公开\n法定类别: 规范性文件"))


def _record(number: int, title: str, fields: str, names: tuple[str, ...] = (), kind: str = "公示",
            item: str = "SHJZ-001", published: str = "2026-06-17", public: str = "主动公开") -> str:
    text = (RECORD.replace("R2026-001", f"R2026-{number:03d}").replace("00001", f"{number:05d}")
            .replace("〔2026〕1号", f"〔2026〕{number}号").replace("关于2026年第三季度低保对象名单的公示", title)
            .replace("文种: 公示", f"文种: {kind}").replace("事项: SHJZ-001", f"事项: {item}")
            .replace("公开属性: 主动公开", f"公开属性: {public}").replace("2026-09-01", "2026-06-01")
            .replace("公开日期: 2026-09-03", f"公开日期: {published}").replace("公示截止: 2026-12-31\n", fields))
    if names:
        text += "\n  | 姓名 | 所在村（社区） |\n  |---|---|\n" + "".join(f"  | {n} | 湖头镇湖三村 |\n" for n in names)
    return text


def _csv(*names: str) -> bytes:
    return ("姓名,所在村（社区）\n" + "".join(f"{n},湖头镇湖三村\n" for n in names)).encode("utf-8")


def _attached(path: str, name: str) -> str:
    return f"附件:\n  - 文件: {path}\n    名称: {name}\n"


R5 = _record(5, "戊号低保初审对象公示", "公示期: 5\n" + _attached("files/2026/wu.csv", "戊号名单"), ("林阿妹", "苏阿森"))
R7 = _record(7, "己号临时救助通知", "", kind="通知", item="SHJZ-002", public="不予公开")
R4 = _record(4, "丁号低保初审对象公示", "公示期: 5\n", ("丁丁丁",))
CATALOG: dict[str, str | bytes] = {
    "gongkai.yaml": AGENCY,
    "items/shjz/SHJZ-001.yaml": ITEM,
    "items/shjz/SHJZ-002.yaml": POLICY_ITEM,
    "items/shjz/SHJZ-003.yaml": RULES_ITEM,
    "records/2026/R2026-001.yaml": _record(1, "甲号低保初审对象公示", "公示期: 5\n" + _attached("files/2026/jia.csv", "甲号名单"),
                                           ("陈金水",)),
    "files/2026/jia.csv": _csv("陈金水"),
    "records/2026/R2026-002.yaml": _record(2, "乙号低保初审对象公示", "公示期: 3\n", ("黄乙乙",), published="2026-06-22"),
    "records/2026/R2026-003.yaml": _record(3, "丙号低保初审对象公示", "公示期: 5\n撤回:\n  日期: 2026-06-22\n  原因: 误发布\n",
                                           ("苏丙丙",)),
    "records/2026/R2026-004.yaml": R4,
    "records/2026/R2026-005.yaml": R5,
    "files/2026/wu.csv": _csv("林阿妹", "苏阿森"),
    "records/2026/R2026-007.yaml": R7,
    "records/2026/R2026-008.yaml": _record(8, "2025年低保标准的通知", "有效性: 失效\n有效性日期: 2026-06-22\n被替代: R2026-009\n",
                                           kind="规范性文件", item="SHJZ-003", published="2026-06-01"),
    "records/2026/R2026-009.yaml": _record(9, "2026年低保标准的通知", "有效性: 有效\n替代: [R2026-008]\n",
                                           kind="规范性文件", item="SHJZ-003"),
}
# What the bureau changes on the morning of a day, before that day's build.
EDITS: dict[str, dict[str, str | bytes]] = {
    "2026-06-18": {  # the 更正公示: 苏阿森 was listed by mistake
        "records/2026/R2026-006.yaml": _record(6, "戊号低保初审对象更正公示", "公示期: 5\n替代: [R2026-005]\n", ("林阿妹",),
                                               published="2026-06-18"),
        "records/2026/R2026-005.yaml": R5.replace("公示期: 5\n", "公示期: 5\n有效性: 已修改\n有效性日期: 2026-06-18\n被替代: R2026-006\n"),
    },
    "2026-06-22": {"records/2026/R2026-007.yaml": R7.replace("公开属性: 不予公开", "公开属性: 主动公开")},
    "2026-06-23": {"records/2026/R2026-004.yaml": R4.replace("公示期: 5", "公示期: 8")},
}
NAMES = ("陈金水", "黄乙乙", "苏丙丙", "丁丁丁", "林阿妹", "苏阿森")
LATER = ("甲号", "乙号", "丙号", "丁号", "戊号", "己号", "2026年低保标准", "本文件已失效")

# (day, exit code, 下次变化 said, what the site's files together hold, what they must not hold); days by hand.
DAYS = [
    ("2026-06-16", 0, "2026-06-17", ["2025年低保标准"], [*NAMES, *LATER]),
    ("2026-06-17", 0, "2026-06-22", ["陈金水", "苏丙丙", "丁丁丁", "林阿妹", "苏阿森", "甲号名单", "2026年低保标准"],
     ["黄乙乙", "乙号", "己号", "本文件已失效"]),
    ("2026-06-18", 0, "2026-06-22", ["陈金水", "林阿妹", "戊号低保初审对象更正公示", "本文件已修改", "公示已于2026年6月17日结束"],
     ["苏阿森", "戊号名单", "黄乙乙", "己号"]),
    ("2026-06-19", 0, "2026-06-22", ["陈金水", "苏丙丙", "林阿妹"], ["苏阿森", "黄乙乙", "己号"]),
    ("2026-06-22", 0, "2026-06-25", ["陈金水", "黄乙乙", "丁丁丁", "林阿妹", "己号临时救助通知", "本文件已失效"],
     ["苏丙丙", "丙号", "苏阿森"]),
    ("2026-06-23", 0, "2026-06-25", ["陈金水", "黄乙乙", "丁丁丁", "2026年6月29日"], ["苏丙丙", "苏阿森"]),
    ("2026-06-24", 0, "2026-06-25", ["陈金水", "黄乙乙", "丁丁丁", "林阿妹"], ["苏丙丙", "苏阿森"]),
    ("2026-06-25", 0, "2026-06-26", ["丁丁丁", "林阿妹", "公示已于2026年6月24日结束"],
     ["陈金水", "黄乙乙", "甲号名单", "苏丙丙", "苏阿森"]),
    # the clock set back to the holiday: refused, the folder as it was
    ("2026-06-19", 2, None, ["丁丁丁", "林阿妹"], ["陈金水", "黄乙乙", "苏丙丙", "苏阿森"]),
    ("2026-06-26", 0, "2026-06-30", ["丁丁丁", "公示已于2026年6月25日结束"], ["陈金水", "黄乙乙", "苏丙丙", "林阿妹", "苏阿森"]),
    ("2026-06-30", 0, None, ["公示已于2026年6月29日结束"], list(NAMES)),
]


def _build(root: Path, out: Path, day: str, *more: str) -> tuple[int, str]:
    said = io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
        code = main(["build-site", str(root), "--out", str(out), "--today", day, *more])
    return code, said.getvalue()


def _write(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The catalog edited and built day after day into one folder; per build its exit code, output, files, and the
    files of a fresh --no-cache build of the same catalog on the same day into its own folder."""
    top = tmp_path_factory.mktemp("time")
    files = dict(CATALOG)
    _write(top / "catalog", files)
    found = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_TODAY", "2026-12-06")
        patch.setenv("COLUMNS", "200")
        for n, (day, *_) in enumerate(DAYS):
            edits = EDITS.pop(day, {}) if n < 8 else {}
            files.update(edits)
            _write(top / "catalog", edits)
            code, said = _build(top / "catalog", top / "site", day)
            fresh = None
            if code == 0:
                shutil.rmtree(top / "again", ignore_errors=True)
                _write(top / "again", files)
                fresh_code, fresh_said = _build(top / "again", top / f"fresh{n}", day, "--no-cache")
                assert fresh_code == 0, fresh_said
                fresh = _files(top / f"fresh{n}")
            found.append({"code": code, "said": said, "files": _files(top / "site"), "fresh": fresh})
    return {"days": found, "catalog": top / "catalog"}


@pytest.mark.parametrize(("n", "day", "code", "next_day", "present", "absent"),
                         [(n, *row) for n, row in enumerate(DAYS)], ids=[f"{n}-{row[0]}" for n, row in enumerate(DAYS)])
def test_each_days_site_holds_what_the_law_allows_that_day(walk, n, day, code, next_day, present, absent):
    built = walk["days"][n]
    assert built["code"] == code, built["said"]
    files = built["files"]
    text = "\n".join(f"{name}\n{_text(data)}" for name, data in files.items())
    for word in present:
        assert word in text, (day, word)
    for word in absent:
        assert word not in text, (day, word, [name for name, data in files.items() if word in _text(data)])
    if code == 0:
        assert files == built["fresh"], sorted(k for k in files.keys() | built["fresh"].keys()
                                               if files.get(k) != built["fresh"].get(k))
    if next_day is not None:
        assert f"下次变化：{next_day}" in built["said"], built["said"]
    elif code == 0:
        assert "下次变化" not in built["said"], built["said"]


# 1. The list replaced by its 更正 leaves the web the day of the correction: its page keeps the notice, its attachment
# copy is taken down (and said so, for the portal's copy); the corrected list is up, noindex, out of search.
def test_a_corrected_lists_old_version_leaves_every_file_the_day_it_is_replaced(walk):
    before, after = walk["days"][1], walk["days"][2]
    assert "files/2026/wu.csv" in before["files"] and "苏阿森" in _text(before["files"]["files/2026/wu.csv"])
    assert "files/2026/wu.csv" not in after["files"]
    assert "files/2026/wu.csv" in after["said"], after["said"]
    page = _text(after["files"]["records/R2026-005.html"])
    assert "公示已于2026年6月17日结束" in page and "林阿妹" not in page and "苏阿森" not in page
    assert "戊号低保初审对象更正公示" in page  # 「现行文件为《…》」: the reader is sent to the correction
    corrected = _text(after["files"]["records/R2026-006.html"])
    assert "林阿妹" in corrected and 'content="noindex' in corrected


# 2. The clock set back from 06-25 to the holiday 06-19 is refused; each record that would come back is named with the
# first thing that took it down: the withdrawal (06-22), not the end its 公示 would have had (06-24).
def test_the_clock_set_back_names_what_took_each_record_down(walk):
    back, last = walk["days"][8], walk["days"][7]
    said = back["said"]
    assert "R2026-003「测试县民政局丙号低保初审对象公示」：已于2026年6月22日撤回" in said, said
    assert "R2026-001「测试县民政局甲号低保初审对象公示」：公示已于2026年6月24日结束，名单已撤下" in said, said
    assert "R2026-008「测试县民政局2025年低保标准的通知」：网站上已标明自2026年6月22日起失效" in said, said
    assert "公示已于2026年6月24日结束" not in said.split("R2026-003")[1].splitlines()[0]
    assert "Traceback" not in said and "苏丙丙" not in said
    assert back["files"] == last["files"]


# 2. A past day's site into another folder: built, with the hint naming why each record is no longer out today —
# 丙号 withdrawn on 06-22, 戊号's list replaced on 06-18 (its 公示 ended 06-17), not the old period's end 06-24.
def test_a_past_days_site_says_why_each_record_is_down_today(walk, gk, tmp_path):
    catalog = tmp_path / "catalog"
    shutil.copytree(walk["catalog"], catalog, ignore=shutil.ignore_patterns(".gongkai-cache"))
    run = gk("build-site", catalog, "--out", tmp_path / "look", "--today", "2026-06-17")
    assert run.code == 0, run.err
    said = run.out + run.err
    assert "R2026-003：已于2026年6月22日撤回" in said, said
    assert "R2026-005：公示已于2026年6月17日结束，名单已撤下" in said, said
    assert "请不要部署到门户网站" in said


# 1. The 公示栏 too: on the day of the correction the old sheet is to be taken down, the corrected one is posted.
def test_the_board_takes_the_corrected_lists_old_sheet_down_the_day_it_is_replaced(walk, gk, tmp_path, monkeypatch):
    monkeypatch.setenv("GONGKAI_TODAY", "2026-06-18")
    run = gk("print", walk["catalog"], "--from", "2026-06-01", "--to", "2026-06-18", "--out", tmp_path / "print")
    assert run.code == 0, run.err
    said = run.out + run.err
    assert "请从社会救助股的公示栏、查阅点和电子屏撤下：测试县民政局戊号低保初审对象公示（2026-06-18 起" in said, said
    sheets = {p.name: p.read_text("utf-8") for p in (tmp_path / "print").rglob("*.html")}
    assert "R2026-006.html" in sheets and "R2026-005.html" not in sheets
    assert not any("苏阿森" in text for text in sheets.values())


# 1. On the edges of the day a list stops being in force (废止 here: no replacement needed), for a 公示 of Wed 06-17,
# 公示期 5, whose last day is 06-24 (端午 06-19…21 between): up to the day before it lapses, never after; lapsing the
# day after its period changes nothing; lapsed before its 公开日期, or 废止 with no day (GK413), it is never shown.
@pytest.mark.parametrize(("validity", "day", "shown", "ended"), [
    ("有效性: 废止\n有效性日期: 2026-06-24\n", "2026-06-23", True, None),
    ("有效性: 废止\n有效性日期: 2026-06-24\n", "2026-06-24", False, "2026年6月23日"),
    ("有效性: 废止\n有效性日期: 2026-06-25\n", "2026-06-24", True, None),
    ("有效性: 废止\n有效性日期: 2026-06-25\n", "2026-06-25", False, "2026年6月24日"),
    ("有效性: 废止\n有效性日期: 2026-06-10\n", "2026-06-17", False, "2026年6月17日"),
    ("有效性: 废止\n", "2026-06-17", False, "2026年6月17日"),
    ("有效性: 有效\n", "2026-06-24", True, None),
], ids=["day-before", "lapse-day", "after-period-last-day", "after-period-next-day", "before-published", "undated",
        "in-force"])
def test_a_list_stops_being_shown_the_day_it_stops_being_in_force(gk, tmp_path, validity, day, shown, ended):
    catalog = tmp_path / "catalog"
    _write(catalog, {"gongkai.yaml": AGENCY, "items/shjz/SHJZ-001.yaml": ITEM,
                     "records/2026/R2026-005.yaml": _record(5, "戊号低保初审对象公示", "公示期: 5\n" + validity, ("林阿妹",))})
    run = gk("build-site", catalog, "--out", tmp_path / "site", "--today", day)
    assert run.code == 0, run.err
    site = "\n".join(_text(data) for data in _files(tmp_path / "site").values())
    assert ("林阿妹" in site) is shown
    page = _text((tmp_path / "site/records/R2026-005.html").read_bytes())
    if ended is not None:
        assert f"公示已于{ended}结束" in page
    else:
        assert "公示已于" not in page and "林阿妹" in page


# 3. --today ahead of the real date (06-17): the site built for 06-29 into the folder says what it does early, and the
# daily build of the real day into the same folder is not refused: it puts back the 公示 still running, takes the
# 公示 not yet begun down, and equals a fresh build of 06-17.
def test_a_site_built_for_a_day_ahead_says_so_and_the_daily_build_puts_it_right(gk, tmp_path, monkeypatch):
    monkeypatch.setenv("GONGKAI_TODAY", "2026-06-17")
    _write(tmp_path / "catalog", CATALOG)
    site = tmp_path / "site"
    ahead = gk("build-site", tmp_path / "catalog", "--out", site, "--today", "2026-06-29")
    assert ahead.code == 0, ahead.err
    said = ahead.out + ahead.err
    assert "--today 2026-06-29 晚于今天（2026-06-17）：生成的是将来那一天的网站" in said, said
    assert "R2026-002：公开日期是2026年6月22日，今天还不能公开" in said, said
    assert "R2026-001：公示到2026年6月24日才结束，名单会提前撤下" in said, said
    assert "R2026-008：自2026年6月22日起才失效，会提前标明" in said, said
    assert "请不要部署到门户网站" in said and "黄乙乙" not in said and "陈金水" not in said
    today = gk("build-site", tmp_path / "catalog", "--out", site)
    assert today.code == 0, today.out + today.err
    assert "records/R2026-002.html" in today.out  # taken down: the portal's copy too
    text = "\n".join(_text(data) for data in _files(site).values())
    assert "陈金水" in text and "黄乙乙" not in text and "本文件已失效" not in text
    _write(tmp_path / "again", CATALOG)
    assert gk("build-site", tmp_path / "again", "--out", tmp_path / "fresh", "--no-cache").code == 0
    assert _files(site) == _files(tmp_path / "fresh")
    same_day = gk("build-site", tmp_path / "catalog", "--out", tmp_path / "other", "--today", "2026-06-17")
    assert "晚于今天" not in same_day.out + same_day.err


# 3. The portal export is published as it is by the webmaster: one made for a day ahead names what it sends before
# its 公开日期 (to be handed over on that day); the list of a 公示 still running today is not named (it leaks nothing).
def test_a_portal_export_for_a_day_ahead_names_what_is_not_out_yet(gk, tmp_path, monkeypatch):
    monkeypatch.setenv("GONGKAI_TODAY", "2026-06-17")
    _write(tmp_path / "catalog", CATALOG)
    run = gk("export", "portal", tmp_path / "catalog", "--today", "2026-06-29", "--out", tmp_path / "portal-out")
    assert run.code == 0, run.out + run.err
    assert "提示：--today 2026-06-29 晚于今天，其中有还没到公开日期的信息（R2026-002「测试县民政局乙号低保初审对象公示」：" \
           "公开日期是2026年6月22日，今天还不能公开）" in run.err, run.err
    assert "请到那一天再交给网站管理员" in run.err and "R2026-001" not in run.err and "黄乙乙" not in run.err
    _write(tmp_path / "other", CATALOG)
    today = gk("export", "portal", tmp_path / "other", "--out", tmp_path / "today-out")
    assert today.code == 0 and "晚于今天" not in today.err, today.err
