"""Thirty-sixth hostile pass (h172): deadlines_holidays — the clerk who must not miss a date: the handover to the 两馆
on the 5th and 20th (节假日顺延), the 20 working days of a 依申请公开 reply, the turn of the year.

Every day below is counted by hand from the State Council's 2026 notice (国办发明电〔2025〕7号): 中秋 9月25日 off;
国庆 10月1日至7日 off, 10月10日（周六）上班; 春节 2月15日至23日 off, 2月14日、28日（周六）上班; 9月20日（周日）上班.

Found by this pass (each test named below failed before its fix):
1. `gongkai handover` without --date said 「请用 --date 写明移交日期，如 gongkai handover --date 2026-12-07；全年移交日见
   gongkai handover schedule --year 2026」 whatever the day: on 2026-10-05, a holiday whose handover moves to 10-08, the
   clerk was sent to a December date, and from January 2027 to last year's schedule. It now names the handover that is
   today, or the last and the next by the catalog's own days and calendar, with the command to run.
   test_handover_without_a_date_names_the_clerks_own_handover_days.
"""

from __future__ import annotations

from tests.conftest import AGENCY, CatalogDir


def test_handover_without_a_date_names_the_clerks_own_handover_days(gk, cat: CatalogDir):
    # 2026-10-05 is a 国庆 holiday: the 5 October handover moves to Thursday 10-08; the last was Sunday 9-20, worked.
    run = gk("handover", "-C", cat.root, "--today", "2026-10-05")
    assert run.code == 2
    assert "今天（2026-10-05）不是移交日（每月5、20日，节假日顺延）：上一个移交日是 2026-09-20，" \
           "下一个是 2026-10-08（10月5日顺延），到那天运行 gongkai handover --date 2026-10-08。" in run.err
    assert "2026-12-07" not in run.err
    # on the day the batch is due (moved there by the holiday), that day is named
    run = gk("handover", "-C", cat.root, "--today", "2026-10-08")
    assert run.code == 2
    assert "今天（2026-10-08）是移交日（10月5日顺延）：gongkai handover --date 2026-10-08。" in run.err
    # in January, this year's schedule, not last year's
    run = gk("handover", "-C", cat.root, "--today", "2026-01-21")
    assert "上一个移交日是 2026-01-20，下一个是 2026-02-05" in run.err
    assert "gongkai handover schedule --year 2026" in run.err
    # a county that hands over monthly on the 10th: its own day, 2026-10-10 being a working Saturday
    cat.write("gongkai.yaml", AGENCY.replace("移交日: [5, 20]", "移交日: [10]"))
    run = gk("handover", "-C", cat.root, "--today", "2026-10-05")
    assert "今天（2026-10-05）不是移交日（每月10日，节假日顺延）：上一个移交日是 2026-09-10，下一个是 2026-10-10，" in run.err


def test_handover_without_a_date_at_the_turn_of_the_year(gk, cat: CatalogDir):
    # 2026-12-20 is a Sunday: moved to Monday 12-21; 2027 has no notice yet, so 5 January is only the nominal day
    run = gk("handover", "-C", cat.root, "--today", "2026-12-25")
    assert run.code == 2
    assert "上一个移交日是 2026-12-21（12月20日顺延），下一个是 2027-01-05（名义日期：2027年的节假日安排还没有" in run.err
    run = gk("handover", "-C", cat.root, "--today", "2027-01-05")
    assert run.code == 2
    assert "今天（2027-01-05）是不是移交日还不能确定：没有2027年的节假日安排" in run.err
    assert "gongkai calendar import" in run.err
