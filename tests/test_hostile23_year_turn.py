"""Twenty-third hostile pass, over the turn of the year (issues 3, 8, 12; DOMAIN.md §4, §6, §8): a bureau walked from
2026-12-20 to 2027-02-10 with --today on each edge, with no 2027 holiday notice in the catalog (chinesecalendar stops
at 2026) and then with one. The real CLI in-process on one small catalog per module; the expected days are typed by
hand from the State Council's 2026 notice (国办发明电〔2025〕7号) and, for 2027 without a notice, from the weekends and
the statutory days of 《全国年节及纪念日放假办法》（2024年修订）: 元旦 1月1日（周五）; 春节 除夕至初三 = 2月5日（周五）至
8日（周一）, of which 6日、7日 are a weekend, made up (第六条) on 9日、10日.

Hand counts used below:
- 2026-12-20 is a Sunday: the handover of the 20th moves to Monday 2026-12-21. The next is nominally 2027-01-05.
- A request received Friday 2026-12-25, 20 working days (《条例》第三十三条): 12-28, 29, 30, 31 (4); 1-1 元旦,
  1-2/3 weekend; 1-4…1-8 (9); 1-11…1-15 (14); 1-18…1-22 (19); 1-25 (20) → Monday 2027-01-25 (暂定).
- The 2026 annual report (made in January 2027): a request received in 2026 and answered 2027-01-06 is 结转下年度
  in table 三 of 2026, and 上年结转 in 2027's.

Found by this pass:
1. `handover --date` on a day that is no handover day in late December named the nearest ones as 「前一个 2026-12-21，
   后一个 （无）」: the next batch (5 January) is in a year with no holiday notice, and the bureau was told there is
   none. Now it names 2027-01-05 as the nominal day, says that whether it moves is known only once the notice is
   entered, and how to enter it; a date after --today says the same 「下一个移交日」.
2. On 6 January 2027, with a ledger of 2026-12-21 and no 2027 notice, validate said nothing of the 5 January batch
   (GK513 counts only years with a notice, and handover refuses such a date): the 目录表 due at the 两馆 was not
   delivered and nothing told the bureau. GK513 now names it, as 暂定, and says to enter the notice and then make it.
3. A request due on a day of 2026 (final) and still unanswered in January 2027 was 「已逾期20个工作日」 as final, the
   working days of January counted on the provisional calendar without a word; now 「已逾期20个工作日（暂定）」 with
   the note on how to enter the notice. (Counted wholly in 2026, no mark.) The same for GK718, the working days a
   third party has been consulted (15 by 《条例》第三十二条).
4. The 2026-12-21 batch carried a 公示 published 2026-12-15 for 15 working days, still running: the 图书馆's 送交信息
   目录表 (signed, kept for good) said 「公示期至2027年1月5日」 as final, a day counted on the provisional calendar.
   Now 「公示期至2027年1月5日，按暂定的节假日安排计算」; a 公示 ending in December says its day as before.
5. build-site on 2026-12-30 told the daily job 「下次变化：2027-01-07」 as final: the day after a 公示 (published
   2026-12-28, 7 working days: 12-28, 29, 30, 31, 1-4, 1-5, 1-6) counted on the provisional calendar. Now
   「2027-01-07（暂定）」 and why, also when the folder is unchanged and the date comes from the last build's record.
6. `deadline explain R2026-041` for a record whose file does not read (成文日期 typed 2026-12-32, a slip at the turn
   of the month) said 「找不到编号为「R2026-041」的信息」, as if it did not exist: now it names the file, the line and
   column and the error, and says to run validate.
7. The batch of 2026-12-21 made late, on 2027-01-04 (元旦 in between), was refused whole: 「没有2027年的节假日安排」 —
   only the 备注's count of working days up to the day it was made reaches into 2027. The batch is made now, its
   备注 「成文后第23个工作日送交（暂定）」, and validate's GK506 says 「用了23个工作日（暂定）」.
8. `deadline explain` of a 公示 said nothing of its 公示期: the day the names come down — what a clerk asks of a 公示
   over 元旦 or 春节 — was shown nowhere on the terminal. It is now counted day by day (公开日期 the first day) and its
   last day given as every output takes it down, 暂定 when it runs into a year without a notice.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from gongkai.cli import main
from notices import NOTICE_2027
from test_handover import add
from tests.conftest import AGENCY, ITEM, RECORD, CatalogDir


REQUEST = """\
编号: YSQ-2026-00{n}
收到日期: {received}
申请渠道: 网上
申请人类型: 自然人
申请内容: 临时救助统计
承办单位: shjzg
"""


@pytest.fixture(scope="module")
def handed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalog with one batch delivered on Monday 2026-12-21 (the 20th being a Sunday). Read only."""
    base = tmp_path_factory.mktemp("year_turn")
    cat = CatalogDir(base / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.record(RECORD)
    add(cat, 2, "2026-12-15", formed="2026-12-14")
    cat.write("requests/2026/YSQ-2026-001.yaml", REQUEST.format(n=1, received="2026-11-16"))
    cat.write("requests/2026/YSQ-2026-002.yaml", REQUEST.format(n=2, received="2026-12-25"))
    cat.write("requests/2026/YSQ-2026-003.yaml", REQUEST.format(n=3, received="2026-12-10")
              + "征求第三方意见:\n  开始: 2026-12-15\n")
    cat.write("requests/2026/YSQ-2026-004.yaml", REQUEST.format(n=4, received="2026-12-28")
              .replace("自然人", "商业企业") + "办理结果: 予以公开\n答复日期: 2027-01-06\n")
    saved = os.environ.get("GONGKAI_TODAY")
    os.environ["GONGKAI_TODAY"] = "2026-12-21"
    try:
        assert main(["handover", "--date", "2026-12-21", "-C", str(cat.root), "--allow-incomplete",
                     "--out", str(base / "out")]) == 0
    finally:
        if saved is None:
            os.environ.pop("GONGKAI_TODAY")
        else:
            os.environ["GONGKAI_TODAY"] = saved
    assert (cat.root / "handover" / "2026-12-21.yaml").is_file()
    return cat.root


# ------------------------------------------------------------------ 1. the next handover is in a year with no notice

NO_NOTICE_2027 = "没有2027年的节假日安排"


def test_the_sunday_20th_of_december_moves_to_monday_21st(gk, handed):
    run = gk("handover", "--date", "2026-12-20", "--today", "2026-12-21", "--dry-run", "-C", handed)
    assert run.code == 2
    assert "2026-12-20 不是移交日" in run.err
    assert "后一个 2026-12-21（12月20日顺延）" in run.err


def test_a_late_december_day_names_5_january_as_the_next_handover_not_none(gk, handed):
    run = gk("handover", "--date", "2026-12-28", "--today", "2027-01-10", "--dry-run", "-C", handed)
    assert run.code == 2
    assert "（无）" not in run.err
    assert "前一个 2026-12-21（12月20日顺延）" in run.err
    assert "后一个 2027-01-05（名义日期" in run.err
    assert NO_NOTICE_2027 in run.err and "calendar/2027.yaml" in run.err
    assert "Traceback" not in run.err + run.out


def test_a_batch_asked_for_before_its_day_names_the_next_one_in_the_new_year(gk, handed):
    run = gk("handover", "--date", "2026-12-31", "--today", "2026-12-22", "--dry-run", "-C", handed)
    assert run.code == 2
    assert "晚于今天（2026-12-22）" in run.err
    assert "下一个移交日是 2027-01-05（名义日期" in run.err


def test_with_the_2027_notice_the_next_handover_is_named_as_a_day(gk, handed, tmp_path):
    notice = tmp_path / "notice.txt"
    notice.write_text(NOTICE_2027, encoding="utf-8")
    root = tmp_path / "catalog"
    shutil.copytree(handed, root)
    assert gk("calendar", "import", notice, "-C", root).code == 0
    run = gk("handover", "--date", "2026-12-28", "--today", "2027-01-10", "--dry-run", "-C", root)
    assert run.code == 2
    assert "后一个 2027-01-05。" in run.err
    assert NO_NOTICE_2027 not in run.err


# ------------------------------------------------------------------ 2. the 5 January batch, missed, without a notice

def gk513(gk, root: Path, today: str) -> list[tuple[str, str]]:
    run = gk("validate", root, "--format", "json", "--no-cache", "--today", today)
    return [(d["path"], d["message"]) for d in json.loads(run.out)["diagnostics"] if d["code"] == "GK513"]


def test_the_5_january_batch_is_not_missed_on_its_own_day(gk, handed):
    assert gk513(gk, handed, "2027-01-05") == []


def test_the_5_january_batch_gone_by_without_a_notice_is_named(gk, handed):
    found = gk513(gk, handed, "2027-01-06")
    assert found == [("handover/2027-01-05.yaml",
                      "移交日 2027-01-05（暂定）已过，没有这一批的台账：2027年的节假日安排还没有录入，"
                      "gongkai handover 不能生成这一批，这一期的送交信息目录表没有送交两馆")]
    # 20 January (a Wednesday) too, on the 21st
    days = [path for path, _ in gk513(gk, handed, "2027-01-21")]
    assert days == ["handover/2027-01-05.yaml", "handover/2027-01-20.yaml"]


def test_a_broken_2027_notice_is_named_not_called_missing(gk, handed, tmp_path):
    root = tmp_path / "catalog"
    shutil.copytree(handed, root)
    (root / "calendar").mkdir()
    (root / "calendar" / "2027.yaml").write_text("年度: 2027\n放假: 坏\n", encoding="utf-8")
    run = gk("validate", root, "--format", "json", "--no-cache", "--today", "2027-01-06")
    found = [d for d in json.loads(run.out)["diagnostics"] if d["code"] == "GK513"]
    assert [d["message"] for d in found] == [
        "移交日 2027-01-05（暂定）已过，没有这一批的台账：2027年的节假日安排（calendar/2027.yaml）有错误，"
        "gongkai handover 不能生成这一批，这一期的送交信息目录表没有送交两馆"]
    assert found[0]["hint"].startswith("calendar/2027.yaml 有错误")


def test_the_finding_says_how_to_mend(gk, handed):
    run = gk("validate", handed, "--format", "json", "--no-cache", "--today", "2027-01-06")
    hints = [d["hint"] for d in json.loads(run.out)["diagnostics"] if d["code"] == "GK513"]
    assert len(hints) == 1
    assert "gongkai calendar import 通知.txt 录入 calendar/2027.yaml" in hints[0]
    assert "gongkai handover --date" in hints[0]


# ------------------------------------------------------------------ 3. a request overdue across the turn of the year

def findings(gk, root: Path, today: str, code: str) -> list[tuple[str, str]]:
    run = gk("validate", root, "--format", "json", "--no-cache", "--today", today)
    return [(d["message"], d["hint"]) for d in json.loads(run.out)["diagnostics"] if d["code"] == code]


def test_an_overdue_count_of_december_days_only_is_final(gk, handed):
    # received Mon 2026-11-16: 20 working days → Mon 2026-12-14; to Thu 12-31: 12-15…18, 21…25, 28…31 = 13
    (message, hint), *_ = findings(gk, handed, "2026-12-31", "GK701")
    assert message == "申请 YSQ-2026-001 应于 2026-12-14 前答复，已逾期13个工作日"
    assert "暂定" not in hint


def test_an_overdue_count_into_january_without_a_notice_is_provisional(gk, handed):
    # … to Tue 2027-01-12: 13 + 1-4…8 (5) + 1-11, 1-12 (2) = 20, 1-1 元旦 and the weekends skipped (暂定)
    found = findings(gk, handed, "2027-01-12", "GK701")
    assert [m for m, _ in found] == ["申请 YSQ-2026-001 应于 2026-12-14 前答复，已逾期20个工作日（暂定）"]
    assert "2027年的节假日安排尚未录入" in found[0][1]


def test_a_request_of_christmas_day_is_due_on_25_january_provisionally(gk, handed):
    soon = findings(gk, handed, "2027-01-25", "GK702")
    assert [m for m, _ in soon] == ["申请 YSQ-2026-002 应于 2027-01-25（暂定） 前答复，今天到期"]
    late = [m for m, _ in findings(gk, handed, "2027-01-26", "GK701") if "YSQ-2026-002" in m]
    assert late == ["申请 YSQ-2026-002 应于 2027-01-25（暂定） 前答复，已逾期1个工作日"]  # marked once, on the date


def test_a_consultation_over_the_turn_of_the_year_counts_its_days_provisionally(gk, handed):
    # 开始 Tue 2026-12-15: to Thu 12-31: 12-16…18 (3), 21…25 (8), 28…31 (12) — not yet over 15, nothing said
    assert findings(gk, handed, "2026-12-31", "GK718") == []
    # to Fri 2027-01-08: 12 + 1-4…1-8 (5) = 17, 1-1 元旦 skipped (暂定)
    found = findings(gk, handed, "2027-01-08", "GK718")
    assert [m for m, _ in found] == ["申请 YSQ-2026-003 自 2026-12-15 征求第三方意见，已过17个工作日（暂定）仍没有「结束」，答复期限一直暂停"]
    assert "2027年的节假日安排尚未录入" in found[0][1]


# ------------------------------------------------------------------ 4. a running 公示 on the 目录表 of 2026-12-21

@pytest.mark.parametrize(("period", "said"), [
    # 12-15…18 (4), 21…25 (9), 28…31 (13), 1-4 (14), 1-5 (15): 1-1 元旦 and the weekends skipped, 2027 暂定
    (15, "（公示期至2027年1月5日，按暂定的节假日安排计算）"),
    # 12-15…18 (4), 21, 22, 23 (7): wholly in 2026, final
    (7, "（公示期至2026年12月23日）"),
])
def test_a_running_notice_on_the_manifest_says_when_its_end_is_provisional(gk, tmp_path, period, said):
    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.record(RECORD.replace("公开日期: 2026-09-03", "公开日期: 2026-12-15")
               .replace("公示截止: 2026-12-31", f"公示期: {period}"))
    run = gk("handover", "--date", "2026-12-21", "--today", "2026-12-21", "--allow-incomplete", "--dry-run",
             "-C", cat.root)
    assert run.code == 0, run.err
    assert f"按规定公示期满后不再公开{said}，未送图书馆" in run.out


# ------------------------------------------------------------------ 5. build-site's next change over the new year

@pytest.mark.parametrize(("published", "said"), [
    ("2026-12-28", "下次变化：2027-01-07（暂定）"),  # last day Wed 2027-01-06 (暂定): the names leave on the 7th
    ("2026-12-22", "下次变化：2026-12-31（公示期满"),  # 12-22…25, 28, 29, 30: last day Wed 12-30, final
])
def test_the_next_change_of_the_site_says_when_it_is_provisional(gk, tmp_path, published, said):
    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.record(RECORD.replace("公开日期: 2026-09-03", f"公开日期: {published}")
               .replace("公示截止: 2026-12-31", "公示期: 7"))
    site = tmp_path / "site"
    for _ in range(2):  # built, then unchanged: the day comes from the last build's record
        run = gk("build-site", cat.root, "--out", site, "--today", "2026-12-30", "--no-search")
        assert run.code == 0, run.err
        assert said in run.out
        assert ("2027年的节假日安排尚未录入" in run.out) == ("暂定" in said)
    assert "网站没有变化" in run.out


# ------------------------------------------------------------------ 6. deadline explain of a file that does not read

def test_deadline_explain_names_the_file_that_does_not_read(gk, tmp_path):
    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.record(RECORD.replace("成文日期: 2026-09-01", "成文日期: 2026-12-32"))  # line 13
    run = gk("deadline", "explain", "R2026-001", "-C", cat.root)
    assert run.code == 2
    assert "找不到" not in run.err
    assert "records/2026/R2026-001.yaml 有错误，读不进来（第13行第7列：" in run.err
    assert "2026-12-32" in run.err and "gongkai validate" in run.err
    assert "Traceback" not in run.err
    assert "找不到编号为「R2026-002」" in gk("deadline", "explain", "R2026-002", "-C", cat.root).err


# ------------------------------------------------------------------ 7. the 21 December batch made on 4 January

@pytest.mark.parametrize(("made", "remark", "used"), [
    # 成文 Tue 2026-12-01 → Mon 2027-01-04: 12-2…4 (3), 7…11 (8), 14…18 (13), 21…25 (18), 28…31 (22), 1-4 (23)
    ("2027-01-04", "成文后第23个工作日送交（暂定），超过20个工作日时限", "用了23个工作日（暂定），超过20个工作日"),
    # → Thu 2026-12-31: 22, wholly in 2026
    ("2026-12-31", "成文后第22个工作日送交，超过20个工作日时限", "用了22个工作日，超过20个工作日"),
])
def test_the_december_batch_made_in_january_is_made_and_its_count_is_provisional(gk, tmp_path, made, remark, used):
    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    add(cat, 1, "2026-12-02", formed="2026-12-01")
    run = gk("handover", "--date", "2026-12-21", "--today", made, "-C", cat.root, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert f"备注：{remark}" in run.out
    assert (cat.root / "handover" / "2026-12-21.yaml").is_file()
    late = [d["message"] for d in json.loads(gk("validate", cat.root, "--format", "json", "--no-cache",
                                                "--today", made).out)["diagnostics"] if d["code"] == "GK506"]
    assert late == [f"信息 R2026-001 成文于 2026-12-01，{made} 才送交两馆，{used}"]


# ------------------------------------------------------------------ 8. deadline explain of a 公示 over 春节 2027

NOTICE_OVER_SPRING = RECORD.replace("公开日期: 2026-09-03", "公开日期: 2027-01-29").replace("公示截止: 2026-12-31", "公示期: 7")


@pytest.mark.parametrize(("record", "with_notice", "said"), [
    # Fri 1-29 (1), 2-1…2-4 (5); 除夕 2-5 to 初三 2-8 off, 6/7 a weekend made up on 2-9/10 (暂定); 2-11 (6), 2-12 (7)
    (NOTICE_OVER_SPRING, False, "  公示期：2027-01-29 至 2027-02-12（暂定），2027-02-13 起名单从各渠道撤下。"),
    # with the (written) 2027 notice: 春节 2-5…2-13 off; 2-15 (6), 2-16 (7)
    (NOTICE_OVER_SPRING, True, "  公示期：2027-01-29 至 2027-02-16，2027-02-17 起名单从各渠道撤下。"),
    # 公示截止 earlier than the 7th working day: the earlier day
    (NOTICE_OVER_SPRING.replace("公示期: 7", "公示期: 7\n公示截止: 2027-02-03"), False,
     "  公示期：2027-01-29 至 2027-02-03（暂定）（「公示截止」或正文写的公示期更早结束，按较早的一天），2027-02-04 起名单从各渠道撤下。"),
])
def test_deadline_explain_counts_a_notice_period_over_the_spring_festival(gk, tmp_path, record, with_notice, said):
    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.record(record)
    if with_notice:
        notice = tmp_path / "notice.txt"
        notice.write_text(NOTICE_2027, encoding="utf-8")
        assert gk("calendar", "import", notice, "-C", cat.root).code == 0
    run = gk("deadline", "explain", "R2026-001", "-C", cat.root)
    assert run.code == 0, run.err
    assert said in run.out.splitlines()
    assert ("2027-02-09（周二）  跳过" in run.out) is True  # 补假 (暂定) or 春节 (the notice): off either way


# ------------------------------------------------------------------ the annual report of 2026, made in January 2027

def table3(gk, root: Path, year: int, today: str) -> dict[str, list[int]]:
    run = gk("report", "annual", root, "--year", str(year), "--today", today)
    assert run.code == 0, run.err
    rows = {}
    for line in run.out.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 8 and cells[1].isdigit():
            rows[cells[0].lstrip("　")] = [int(c) for c in cells[1:]]
    return rows


def test_requests_of_2026_answered_in_2027_are_carried_over(gk, handed):
    # columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计
    # 2026: YSQ-001 (11-16), 002 (12-25), 003 (12-10, a third party consulted) by 自然人 and 004 (12-28, a 商业企业,
    # answered 2027-01-06) received; none answered in 2026: all four carried into 2027
    rows = table3(gk, handed, 2026, "2027-01-15")
    assert rows["一、本年新收政府信息公开申请数量"] == [3, 1, 0, 0, 0, 0, 4]
    assert rows["二、上年结转政府信息公开申请数量"] == [0, 0, 0, 0, 0, 0, 0]
    assert rows["（七）总计"] == [0, 0, 0, 0, 0, 0, 0]
    assert rows["四、结转下年度继续办理"] == [3, 1, 0, 0, 0, 0, 4]
    # 2027 (so far): the four carried over; 004 answered (予以公开) on 2027-01-06, three still open
    rows = table3(gk, handed, 2027, "2027-01-15")
    assert rows["一、本年新收政府信息公开申请数量"] == [0, 0, 0, 0, 0, 0, 0]
    assert rows["二、上年结转政府信息公开申请数量"] == [3, 1, 0, 0, 0, 0, 4]
    assert rows["（一）予以公开"] == [0, 1, 0, 0, 0, 0, 1]
    assert rows["四、结转下年度继续办理"] == [3, 0, 0, 0, 0, 0, 3]
