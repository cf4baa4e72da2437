"""Twenty-eighth hostile pass, over the turn of the year into 2027 with a provisional calendar (DOMAIN.md §4, §12;
README 「工作日」「还没有通知的年份：暂定」): the clerk in January and February 2027, before and after entering
calendar/2027.yaml — by `gongkai calendar import`, or by hand, badly. The real CLI in-process on one small catalog
(a module fixture, copied where a test changes it).

The calendar the expected days are typed from, by hand:

- 2026 (国办发明电〔2025〕7号, held by chinesecalendar): Tue 12-29, Wed 12-30, Thu 12-31 are working days.
- 2027, 《全国年节及纪念日放假办法》（2024年修订）: 元旦 Fri 01-01; 春节 除夕至初三 = Fri 02-05, Sat 02-06, Sun 02-07,
  Mon 02-08 — 06 and 07 a weekend, given back (第六条) on Tue 02-09 and Wed 02-10; 清明 Mon 04-05; 劳动节 Sat 05-01,
  Sun 05-02; 端午 (五月初五) Wed 06-09; 中秋 (八月十五) Wed 09-15; 国庆 Fri 10-01, Sat 10-02, Sun 10-03.
  Without a notice (暂定) February runs: 02-01…02-04 working, 02-05…02-10 off, 02-11, 02-12 working, 02-13/14
  weekend, 02-15 working.
- The 2027 notice of tests/notices.py (made up, a likely one): 元旦 01-01…01-03; 春节 02-05…02-13, 上班 Sat 02-20;
  清明 04-03…04-05; 劳动节 05-01…05-05, 上班 Sun 04-25 and Sat 05-08; 端午 06-09; 中秋 09-15; 国庆 10-01…10-07, 上班
  Sun 09-26 and Sat 10-09. Weekdays it gives off beyond the statutory days and the weekend give-backs: 春节 02-09…02-12
  (4) less 2 owed for 02-06/07 = 2; 劳动节 05-03…05-05 (3) less 2 owed = 1; 国庆 10-04…10-07 (4) less 2 owed = 2;
  5 in all, matched by its 5 make-up days.
- A 公示 published Mon 2027-02-01 for 7 working days: without a notice 02-01, 02, 03, 04, 11, 12, 15 → last day
  02-15 (暂定); with the notice 02-01…02-04, then 02-15, 16, 17 → 02-17, the day its 正文 tells the public.

Found by this pass:
1. calendar/2027.yaml made from last year's file — 2026 changed to 2027 throughout (春节 2027-02-15 至 02-23, 端午
   06-19 至 21, 中秋 09-25 至 27) and the make-up days that fall on a weekday deleted — was taken as the 2027 notice
   without a word: 除夕 (Fri 02-05) and 初三 (Mon 02-08) counted as working days, final, no 暂定 anywhere; a request
   or 公示 over 春节 ended a week early. A festival whose statutory days a notice leaves at work is now GK801, at the
   festival's 开始, naming the days (「2027-02-05（周五）、2027-02-08（周一）没有放假」); the file is not used, so every
   date is 暂定 and names it (workdays add → 2027-02-12（暂定）). One that leaves out 除夕 alone (02-06 至 02-13) too.
   `calendar import` of a notice text says the same (GK804) when its lines read otherwise.
2. A notice with a 「……上班」 left out (the 2027 notice without Sat 02-20) was used silently: 02-20 counted as a
   day off, every period across it a day long. New warning GK807 counts the weekdays the festivals give off beyond
   the statutory days and the weekend give-backs (5) against the make-up days (4) and says one is likely missing;
   `calendar import` of a text pasted without that 「2月20日（周六）上班。」 says the same at once.
3. calendar/2027.yaml whose 元旦 begins 2026-12-30 (a slip) turned Wed 12-30 and Thu 12-31 of 2026 — working days
   of the 2026 notice — into holidays with no warning: GK806 compared only the file's own year. It now compares the
   days a file names in a neighbouring year chinesecalendar holds (「2026年有2天与国务院办公厅通知…不同」).
4. GK420 (正文's 公示期 against 公示期) and GK416 (公示期 against 公示截止) said 「按公示期7个工作日算到 2027-02-15」 as
   final when 02-15 was counted on the provisional calendar; the clerk, told that his 正文 (02-17, from the notice he
   had read) was wrong, would shorten a 公示 the law sets at 7 working days. Both now say 「2027-02-15（暂定）」 and
   how to enter the notice; once entered, neither is reported.
5. `gongkai print` listed 「公示至 2027年2月15日」 in its index, and on 02-16 told the clerk to take the sheet off the
   board 「公示已于2027年2月15日结束」, both as final, though counted on the provisional calendar (the sheets
   themselves said 暂定). Now 「（暂定）」 in the index and 「，按暂定的节假日安排计算，录入通知后以正式安排为准」 in
   every take-down (ended, withdrawn after it ended, posted earlier), as the handover 目录表 says it.
6. A batch made on its nominal day that the calendar later moves — the 2-20 batch made on the make-up Saturday,
   then the Saturday struck out of calendar/2027.yaml (the 20th now moves to Mon 02-22); or Sat 03-20 worked with
   --force (03-22 by the calendar) — was reported by GK513 as 「移交日 2027-02-22 已过，没有这一批的台账」: the 两馆
   have its 目录表. A batch made on a handover's nominal day now makes that handover (also in the 目录表's
   list of missed batches and the scorecard); the next one missed (清明: 04-05 → 04-06) is still named.
7. calendar/2026.yaml typed by a clerk without the make-up Sunday 09-20 wins over chinesecalendar, as designed (a
   supplementary notice is written so), and validate's GK806 says where — but `handover schedule` moved the 20th to
   Monday 09-21 and `workdays add` / `deadline explain` skipped 09-20 as 「周日，休息日」 without a word that the State
   Council's notice makes it a working day. Both now end with 「注意：这里按目录中的 calendar/2026.yaml 计算，有1天与
   chinesecalendar 收录的国务院办公厅通知不同：2026-09-20，……」 when a day they count is such a day, and say nothing
   otherwise.
8. build-site with a calendar/2027.yaml that has errors (so is not used) told the daily job 「下次变化：2027-02-16（暂定）
   ……（2027年的节假日安排尚未录入），录入通知后会变」: the clerk had entered it and was sent to enter it again. It now
   says 「calendar/2027.yaml 有错误，没有使用），改正后会变（运行 gongkai validate 查看并改正）」, as workdays, deadline,
   handover and GK802 already did.
9. A request registered in January 2027 as YSQ-2027-001 with 收到日期 typed 2026-01-05 — last year's number out of
   habit — was counted in the 2026 annual report's table 三 (本年新收 and 结转下年度 one too many; the report is made
   in January) and called 「已逾期231个工作日」 by GK701, with nothing pointing at the year. New warning GK719 asks 「是不是
   把2027年写成了2026年？」 at the 收到日期, and `report annual --year 2026` lists it among the problems (exit 1).
   A request received 2026-12-30 and numbered YSQ-2027-001 in January is no slip and is not reported. The same
   slip in a record (R2027-001 with 成文日期/公开日期 2026-02-01) made GK402 call it a year late and, at inspection, a
   发稿日期 a year before its first commit (伪造发稿日期, 单项否决): new warning GK406 asks the same question.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, CatalogDir
from notices import NOTICE_2027

from gongkai.catalog.yamlio import parse_fast
from gongkai.workdays import Notice, NoticeHoliday, WorkdayCalendar, makeup_shortfall, override_note, read_published

NOTICE = "calendar/2027.yaml"
D = dt.date
TAKEN_DOWN_AS_GUESS = "公示已于2027年2月15日结束，按暂定的节假日安排计算，录入通知后以正式安排为准"

# 2026's notice typed as calendar/2026.yaml would hold it, then 2026 → 2027 throughout, and the make-up days that fall
# on a weekday in 2027 (01-04, 09-20: Mondays) deleted after GK801 named them. Line numbers: 春节 开始 is line 8.
COPIED_2026 = """\
年度: 2027
通知: 国务院办公厅关于2027年部分节假日安排的通知
放假:
  - 名称: 元旦
    开始: 2027-01-01
    结束: 2027-01-03
  - 名称: 春节
    开始: 2027-02-15
    结束: 2027-02-23
  - 名称: 清明节
    开始: 2027-04-04
    结束: 2027-04-06
  - 名称: 劳动节
    开始: 2027-05-01
    结束: 2027-05-05
  - 名称: 端午节
    开始: 2027-06-19
    结束: 2027-06-21
  - 名称: 中秋节
    开始: 2027-09-25
    结束: 2027-09-27
  - 名称: 国庆节
    开始: 2027-10-01
    结束: 2027-10-07
调休上班: [2027-02-14, 2027-02-28, 2027-05-09, 2027-10-10]
"""

NOTICE_RECORD = """\
编号: R2027-001
题名: 测试县民政局关于2027年第一批最低生活保障对象的公示
文号: 测民〔2027〕1号
索引号: 350524-MZ-2027-00001
文种: 公示
责任单位: shjzg
事项: SHJZ-001
公开属性: 主动公开
保密审查:
  审查人: 张三
  审查日期: 2027-02-01
  结论: 不涉及国家秘密，同意主动公开
成文日期: 2027-02-01
公开日期: 2027-02-01
公示期: 7
公示截止: 2027-02-17
页数: 1
正文: |
  经审核，现将名单予以公示。

  公示期：2027年2月1日至2月17日（7个工作日）。
"""


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalog with one 公示 published 2027-02-01, no calendar/2027.yaml, and the 2027 notice text beside it."""
    top = tmp_path_factory.mktemp("year2027")
    cat = CatalogDir(top / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.write("records/2027/R2027-001.yaml", NOTICE_RECORD)
    (top / "notice.txt").write_text(NOTICE_2027, encoding="utf-8")
    return cat.root


def copy(base: Path, tmp_path: Path, calendar: str | None = None) -> Path:
    root = tmp_path / "catalog"
    shutil.copytree(base, root)
    if calendar is not None:
        (root / "calendar").mkdir()
        (root / NOTICE).write_text(calendar, encoding="utf-8")
    return root


def found(gk, root: Path, today: str, path: str | None = None) -> list[tuple[str, int | None, int | None, str]]:
    run = gk("validate", root, "--format", "json", "--no-cache", "--today", today)
    assert run.code in (0, 1), run.err
    return [(d["code"], d["line"], d["column"], d["message"]) for d in json.loads(run.out)["diagnostics"]
            if path is None or d["path"] == path]


def imported(gk, base: Path, tmp_path: Path) -> Path:
    root = copy(base, tmp_path)
    assert gk("calendar", "import", base.parent / "notice.txt", "-C", root).code == 0
    return root


# ------------------------------------------------------------------ 1. last year's file, renamed

def test_last_years_file_renamed_is_refused_at_each_festival_it_moves(gk, base, tmp_path):
    root = copy(base, tmp_path, COPIED_2026)
    wrong = [(code, line, column, message) for code, line, column, message in found(gk, root, "2027-01-05", NOTICE)
             if code == "GK801"]
    assert [(line, column) for _, line, column, _ in wrong] == [(8, 9), (17, 9), (20, 9)]  # 春节, 端午节, 中秋节
    assert "2027-02-05（周五）、2027-02-08（周一）没有放假" in wrong[0][3]
    assert "2027-06-09（周三）" in wrong[1][3] and "2027-09-15（周三）" in wrong[2][3]


def test_last_years_file_is_not_used_and_every_day_says_so(gk, base, tmp_path):
    root = copy(base, tmp_path, COPIED_2026)
    run = gk("workdays", "add", "2027-02-01", "5", "-C", root)
    assert "→ 2027-02-12（暂定）" in run.out  # 02-02, 03, 04; 02-05…02-10 off; 02-11, 02-12
    assert "calendar/2027.yaml 有错误，没有使用" in run.out
    assert "Traceback" not in run.out + run.err


def test_a_spring_festival_without_its_eve_is_refused(gk, base, tmp_path):
    eve_left_out = NOTICE_2027_YAML.replace("开始: 2027-02-05", "开始: 2027-02-06")
    root = copy(base, tmp_path, eve_left_out)
    wrong = [m for code, _, _, m in found(gk, root, "2027-01-05", NOTICE) if code == "GK801"]
    assert len(wrong) == 1 and "2027-02-05（周五）没有放假" in wrong[0]


def test_the_real_shape_of_a_notice_passes(gk, base, tmp_path):
    root = copy(base, tmp_path, NOTICE_2027_YAML)
    assert found(gk, root, "2027-01-05", NOTICE) == []


def test_a_notice_text_with_a_festival_in_the_wrong_place_is_not_imported():
    text = NOTICE_2027.replace("五、端午节：6月9日（农历五月初五、周三）放假，共1天。", "五、端午节：6月10日（周四）放假，共1天。")
    read = read_published(text)
    assert read.notice is None
    assert [(p.code, p.line) for p in read.problems] == [("GK804", 9)]
    assert "2027-06-09（周三）没有放假" in read.problems[0].message


# ------------------------------------------------------------------ 2. a make-up day left out

NOTICE_2027_YAML = """\
年度: 2027
通知: 国务院办公厅关于2027年部分节假日安排的通知
放假:
  - {名称: 元旦, 开始: 2027-01-01, 结束: 2027-01-03}
  - {名称: 春节, 开始: 2027-02-05, 结束: 2027-02-13}
  - {名称: 清明节, 开始: 2027-04-03, 结束: 2027-04-05}
  - {名称: 劳动节, 开始: 2027-05-01, 结束: 2027-05-05}
  - {名称: 端午节, 开始: 2027-06-09, 结束: 2027-06-09}
  - {名称: 中秋节, 开始: 2027-09-15, 结束: 2027-09-15}
  - {名称: 国庆节, 开始: 2027-10-01, 结束: 2027-10-07}
调休上班: [2027-02-20, 2027-04-25, 2027-05-08, 2027-09-26, 2027-10-09]
"""


def test_a_make_up_saturday_left_out_is_warned(gk, base, tmp_path):
    root = copy(base, tmp_path, NOTICE_2027_YAML.replace("2027-02-20, ", ""))
    assert [(c, line, col) for c, line, col, _ in found(gk, root, "2027-01-05", NOTICE)] == [("GK807", 11, 1)]
    message = found(gk, root, "2027-01-05", NOTICE)[0][3]
    assert "多放了5个工作日" in message and "调休上班日却只有4天" in message


def test_the_balance_of_the_whole_notice():
    read = read_published(NOTICE_2027)
    assert read.notice is not None and makeup_shortfall(read.notice) is None
    fewer = read.notice.model_copy(update={"makeup": read.notice.makeup[1:]})
    assert makeup_shortfall(fewer) == (5, 4)


def holidays(*ranges: tuple[str, str, str]) -> list[NoticeHoliday]:
    return [NoticeHoliday.model_validate({"名称": n, "开始": s, "结束": e}) for n, s, e in ranges]


def plus(notice: Notice, *ranges: tuple[str, str, str]) -> Notice:
    return notice.model_copy(update={"holidays": [*notice.holidays, *holidays(*ranges)]})


def test_the_balance_counts_the_festivals_of_the_law_and_their_years():
    read = read_published(NOTICE_2027)
    assert read.notice is not None
    # a holiday the 办法 does not name is not counted: only the festivals' bridges are balanced by make-up days
    assert makeup_shortfall(plus(read.notice, ("测试节", "2027-03-01", "2027-03-03"))) is None
    # 元旦 of 2028 in this file, Fri 2027-12-31 to Sun 2028-01-02: 2028-01-01 is a statutory Saturday, given back on the
    # Friday — balanced; Thu 2027-12-30 to Sat 2028-01-01 bridges two weekdays for the one owed: one short
    assert makeup_shortfall(plus(read.notice, ("元旦", "2027-12-31", "2028-01-02"))) is None
    assert makeup_shortfall(plus(read.notice, ("元旦", "2027-12-30", "2028-01-01"))) == (6, 5)


# ------------------------------------------------------------------ 3. 元旦 reaching back into 2026

def test_a_new_years_day_reaching_into_2026_is_told(gk, base, tmp_path):
    root = copy(base, tmp_path, NOTICE_2027_YAML.replace("开始: 2027-01-01", "开始: 2026-12-30"))
    told = [m for code, _, _, m in found(gk, root, "2026-12-20", NOTICE) if code == "GK806"]
    assert len(told) == 1 and told[0].startswith("2026年有2天与国务院办公厅通知")
    assert "2026-12-30，通知：工作日" in told[0] and "2026-12-31，通知：工作日" in told[0]


# ------------------------------------------------------------------ 4. validate's 公示 checks on a provisional day

def test_the_period_counted_without_a_notice_is_said_to_be_provisional(gk, base):
    by_code = {code: message for code, _, _, message in found(gk, base, "2027-02-03", "records/2027/R2027-001.yaml")}
    assert "按公示期7个工作日算到 2027-02-15（暂定）" in by_code["GK420"]
    assert "名单在 2027-02-15（暂定） 之后撤下" in by_code["GK420"]
    assert by_code["GK416"].startswith("按公示期7个工作日算到 2027-02-15（暂定），与公示截止 2027-02-17 不一致")


def test_the_hint_says_how_to_make_it_final(gk, base):
    run = gk("validate", base, "--format", "json", "--no-cache", "--today", "2027-02-03")
    hints = [d["hint"] for d in json.loads(run.out)["diagnostics"] if d["code"] in ("GK416", "GK420")]
    assert len(hints) == 2 and all("2027年的节假日安排尚未录入" in h and "gongkai calendar import" in h for h in hints)


def test_once_the_notice_is_entered_the_period_agrees(gk, base, tmp_path):
    root = imported(gk, base, tmp_path)
    codes = [code for code, _, _, _ in found(gk, root, "2027-02-03", "records/2027/R2027-001.yaml")]
    assert "GK416" not in codes and "GK420" not in codes


# ------------------------------------------------------------------ 5. print: the index and what to take down

def printed(gk, root: Path, out: Path, day: str) -> tuple[str, str]:
    run = gk("print", root, "--to", day, "--out", out)
    assert run.code == 0, run.err
    return run.out + run.err, (out / "index.html").read_text("utf-8")


def test_the_print_index_says_the_last_day_is_provisional(gk, base, tmp_path):
    _, index = printed(gk, base, tmp_path / "p", "2027-02-03")
    assert "公示至 2027年2月15日（暂定）" in index


def test_taking_down_on_a_provisional_day_says_so(gk, base, tmp_path):
    said, index = printed(gk, base, tmp_path / "p", "2027-02-16")
    assert TAKEN_DOWN_AS_GUESS in said and TAKEN_DOWN_AS_GUESS in index


def test_a_sheet_posted_earlier_comes_down_with_the_same_words(gk, base, tmp_path):
    printed(gk, base, tmp_path / "p", "2027-02-03")
    said, _ = printed(gk, base, tmp_path / "p", "2027-02-16")
    assert TAKEN_DOWN_AS_GUESS in said


def test_a_withdrawal_after_a_provisional_end_says_so(gk, base, tmp_path):
    root = copy(base, tmp_path)
    path = root / "records/2027/R2027-001.yaml"
    path.write_text(path.read_text("utf-8") + "撤回:\n  日期: 2027-02-18\n  原因: 名单有误\n", encoding="utf-8")
    said, _ = printed(gk, root, tmp_path / "p", "2027-02-18")
    assert TAKEN_DOWN_AS_GUESS + "，2027年2月18日又撤回：名单有误" in said


def test_with_the_notice_the_print_index_is_final(gk, base, tmp_path):
    root = imported(gk, base, tmp_path)
    _, index = printed(gk, root, tmp_path / "p", "2027-02-03")
    assert "公示至 2027年2月17日" in index and "暂定" not in index


# ------------------------------------------------------------------ 6. a batch made on its nominal day

def test_a_batch_made_on_a_make_up_saturday_stands_when_the_notice_is_corrected(gk, base, tmp_path):
    root = imported(gk, base, tmp_path)
    assert gk("handover", "--date", "2027-02-20", "--today", "2027-02-20", "-C", root, "--allow-incomplete",
              "--out", tmp_path / "out").code == 0
    assert [c for c, _, _, _ in found(gk, root, "2027-02-25") if c == "GK513"] == []
    # the make-up Saturday struck out of the notice: the 20th now moves to Monday the 22nd, but its batch was made
    notice = root / NOTICE
    notice.write_text(notice.read_text("utf-8").replace("  - 2027-02-20  # 周六\n", ""), encoding="utf-8")
    assert [(c, m.startswith("2027年各节日多放了5个工作日")) for c, _, _, m in found(gk, root, "2027-02-25")
            if c in ("GK513", "GK807")] == [("GK807", True)]


def test_a_batch_made_on_a_saturday_with_force_stands(gk, base, tmp_path):
    root = imported(gk, base, tmp_path)  # Sat 2027-03-20 moves to Mon 03-22; the clerk came in on the Saturday
    assert gk("handover", "--date", "2027-03-20", "--today", "2027-03-20", "--force", "-C", root,
              "--allow-incomplete", "--out", tmp_path / "out").code == 0
    assert [c for c, _, _, _ in found(gk, root, "2027-03-23") if c == "GK513"] == []
    assert [p for c, p in gk513_paths(gk, root, "2027-04-07")] == ["handover/2027-04-06.yaml"]  # 04-05 清明 → 04-06


def gk513_paths(gk, root: Path, today: str) -> list[tuple[str, str]]:
    run = gk("validate", root, "--format", "json", "--no-cache", "--today", today)
    return [(d["code"], d["path"]) for d in json.loads(run.out)["diagnostics"] if d["code"] == "GK513"]


# ------------------------------------------------------------------ 7. calendar/2026.yaml against chinesecalendar

# 2026's notice as a clerk typed it, the make-up Sunday 09-20 left out: the file wins over chinesecalendar (a
# supplementary notice would be written so), GK806 warns in validate — and now the counts say so where they are shown.
TYPED_2026 = """\
年度: 2026
通知: 国务院办公厅关于2026年部分节假日安排的通知
放假:
  - {名称: 元旦, 开始: 2026-01-01, 结束: 2026-01-03}
  - {名称: 春节, 开始: 2026-02-15, 结束: 2026-02-23}
  - {名称: 清明节, 开始: 2026-04-04, 结束: 2026-04-06}
  - {名称: 劳动节, 开始: 2026-05-01, 结束: 2026-05-05}
  - {名称: 端午节, 开始: 2026-06-19, 结束: 2026-06-21}
  - {名称: 中秋节, 开始: 2026-09-25, 结束: 2026-09-27}
  - {名称: 国庆节, 开始: 2026-10-01, 结束: 2026-10-07}
调休上班: [2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-10-10]
"""
DIFFERS = "有1天与 chinesecalendar 收录的国务院办公厅通知不同：2026-09-20，通知：调休上班日（周日），这里：周日，休息日"


@pytest.fixture
def typed_2026(base: Path, tmp_path: Path) -> Path:
    root = copy(base, tmp_path)
    (root / "calendar").mkdir()
    (root / "calendar/2026.yaml").write_text(TYPED_2026, encoding="utf-8")
    return root


def test_a_file_for_a_year_chinesecalendar_holds_is_compared_not_balanced(gk, typed_2026):
    assert [code for code, _, _, _ in found(gk, typed_2026, "2026-12-20", "calendar/2026.yaml")] == ["GK806"]
    # 除夕 (Mon 02-16) left out too: GK806 names it, day by day against the notice — not GK801, which would drop the file
    path = typed_2026 / "calendar/2026.yaml"
    path.write_text(TYPED_2026.replace("开始: 2026-02-15", "开始: 2026-02-17"), encoding="utf-8")
    told = [(code, m) for code, _, _, m in found(gk, typed_2026, "2026-12-20", "calendar/2026.yaml")]
    assert [code for code, _ in told] == ["GK806", "GK806"] and any("2026-02-16，通知：春节假期" in m for _, m in told)


def test_the_handover_schedule_says_which_days_the_file_changes(gk, typed_2026):
    run = gk("handover", "schedule", "--year", "2026", "-C", typed_2026)
    assert "2026-09-20  →  2026-09-21（周一）" in run.out  # the file wins: the 20th moves to Monday
    assert "注意：这里按目录中的 calendar/2026.yaml 计算，" + DIFFERS + "。不是国务院的补充通知的" in run.out


def test_a_count_over_such_a_day_says_so_and_one_elsewhere_does_not(gk, typed_2026):
    over = gk("workdays", "add", "2026-09-18", "2", "-C", typed_2026)
    assert "→ 2026-09-22" in over.out and DIFFERS in over.out  # 09-19 Sat, 09-20 Sun (file), 09-21, 09-22
    elsewhere = gk("workdays", "add", "2026-10-12", "2", "-C", typed_2026)
    assert "→ 2026-10-14" in elsewhere.out and "注意" not in elsewhere.out


# ------------------------------------------------------------------ 8. build-site's next change with a broken notice

def test_the_next_build_day_names_a_notice_file_with_errors(gk, base, tmp_path):
    root = copy(base, tmp_path, COPIED_2026)
    run = gk("build-site", root, "--out", tmp_path / "site", "--today", "2027-02-03", "--no-search")
    assert run.code == 0, run.err
    assert "下次变化：2027-02-16（暂定）" in run.out  # the day after 02-15, the provisional last day
    assert "calendar/2027.yaml 有错误，没有使用" in run.out and "尚未录入" not in run.out


def test_importing_a_notice_pasted_without_a_make_up_line_says_so_at_once(gk, base, tmp_path):
    root = copy(base, tmp_path)
    text = tmp_path / "notice.txt"
    text.write_text(NOTICE_2027.replace("共9天。2月20日（周六）上班。", "共9天。"), encoding="utf-8")
    run = gk("calendar", "import", text, "-C", root)
    assert run.code == 0 and (root / NOTICE).is_file()
    assert "各节日多放了5个工作日（法定节假日和周末补假以外），读到的调休上班日却只有4天" in run.err


def notice_of(text: str, source: str) -> Notice:
    return Notice.model_validate(parse_fast(text)).located(source)


def test_the_days_a_catalog_notice_overrides_and_only_those():
    typed = notice_of(TYPED_2026, "calendar/2026.yaml")
    calendar = WorkdayCalendar([typed])
    assert [o.day for o, _ in calendar.overrides(D(2026, 9, 20), D(2026, 9, 20))] == [D(2026, 9, 20)]  # both ends
    assert [o.day for o, _ in calendar.overrides(D(2024, 1, 1), D(2026, 12, 31))] == [D(2026, 9, 20)]
    assert calendar.overrides(D(2026, 9, 21), D(2026, 12, 31)) == []
    # a 2027 notice whose 元旦 begins 2026-12-30 overrides two working days of 2026; a 2027 day is compared with nothing
    spill = notice_of(NOTICE_2027_YAML.replace("开始: 2027-01-01", "开始: 2026-12-30"), NOTICE)
    both = WorkdayCalendar([spill])
    assert [o.day for o, _ in both.overrides(D(2026, 12, 1), D(2027, 1, 10))] == [D(2026, 12, 30), D(2026, 12, 31)]
    assert both.overrides(D(2027, 1, 1), D(2027, 1, 10)) == []


def test_the_note_shows_three_days_and_counts_the_rest():
    # 01-04 and 10-10 (make-up days) left out too, and 国庆 to 10-08: four days differ from the 2026 notice
    typed = notice_of(TYPED_2026.replace("2026-01-04, ", "").replace(", 2026-10-10", "")
                      .replace("结束: 2026-10-07", "结束: 2026-10-08"), "calendar/2026.yaml")
    note = override_note(WorkdayCalendar([typed]).overrides(D(2026, 1, 1), D(2026, 12, 31)))
    assert note == ("这里按目录中的 calendar/2026.yaml 计算，有4天与 chinesecalendar 收录的国务院办公厅通知不同："
                    "2026-01-04，通知：调休上班日（周日），这里：周日，休息日；"
                    "2026-09-20，通知：调休上班日（周日），这里：周日，休息日；"
                    "2026-10-08，通知：工作日，这里：国庆节假期（calendar/2026.yaml）；另有1天。"
                    "不是国务院的补充通知的，请按通知原文改正或删去这个文件（gongkai validate 的 GK806 指出位置）。")


# ------------------------------------------------------------------ 9. last year's number typed in January

SLIPPED = """\
编号: YSQ-2027-001
收到日期: {received}
申请渠道: 网上
申请人类型: 自然人
申请内容: 临时救助统计
承办单位: shjzg
"""


@pytest.mark.parametrize(("received", "told"), [("2026-01-05", True), ("2026-11-30", True), ("2026-12-01", False),
                                                ("2026-12-30", False), ("2027-01-05", False)])
def test_a_receipt_date_a_year_before_its_number_is_questioned(gk, base, tmp_path, received, told):
    root = copy(base, tmp_path)
    (root / "requests/2027").mkdir(parents=True)
    (root / "requests/2027/YSQ-2027-001.yaml").write_text(SLIPPED.format(received=received), encoding="utf-8")
    slips = [(line, col, m) for c, line, col, m in found(gk, root, "2027-01-08") if c == "GK719"]
    assert bool(slips) is told
    if told:
        assert slips[0][:2] == (2, 7) and f"收到日期却是 {received}：是不是把2027年写成了2026年？" in slips[0][2]


def test_the_annual_report_names_a_slipped_request(gk, base, tmp_path):
    root = copy(base, tmp_path)
    (root / "requests/2027").mkdir(parents=True)
    (root / "requests/2027/YSQ-2027-001.yaml").write_text(SLIPPED.format(received="2026-01-05"), encoding="utf-8")
    run = gk("report", "annual", root, "--year", "2026", "--today", "2027-01-08")
    assert run.code == 1
    assert "requests/2027/YSQ-2027-001.yaml：编号是2027年的，收到日期却是 2026-01-05，算进了2026年的表三" in run.err


@pytest.mark.parametrize(("formed", "published", "told"), [
    ("2026-02-01", "2026-02-01", [(13, "成文日期"), (14, "公开日期")]),
    ("2026-12-30", "2027-02-01", []),  # formed in December, registered in the new year: no slip
])
def test_a_record_dated_a_year_before_its_number_is_questioned(gk, base, tmp_path, formed, published, told):
    root = copy(base, tmp_path)
    path = root / "records/2027/R2027-001.yaml"
    path.write_text(path.read_text("utf-8").replace("成文日期: 2027-02-01", f"成文日期: {formed}")
                    .replace("公开日期: 2027-02-01", f"公开日期: {published}"), encoding="utf-8")
    slips = [(line, m) for c, line, _, m in found(gk, root, "2027-02-03") if c == "GK406"]
    assert [line for line, _ in slips] == [line for line, _ in told]
    for (_, message), (_, key) in zip(slips, told):
        assert f"{key}却是 2026-02-01：是不是把2027年写成了2026年？" in message
