"""Twenty-sixth hostile pass: bugs planted in publication (channels, 公示 periods, standing, 保密审查) must not survive.

Every day below is typed by hand from the State Council's holiday notices (DOMAIN.md §4), never computed by the code
under test:

- 2026 (国办发明电〔2025〕7号): off 1/1–1/3, 2/15–2/23, 4/4–4/6, 5/1–5/5, 6/19–6/21, 9/25–9/27, 10/1–10/7;
  make-up working days 1/4 (Sun), 2/14 (Sat), 2/28 (Sat), 5/9 (Sat), 9/20 (Sun), 10/10 (Sat).
- 2024 is a leap year: 2024-02-29 exists, 2025-02-29 does not.

A 公示期 of N working days counts its 公开日期 as the first when it is a working day, else the next working day;
公示截止 is the last day the list is up; a list comes down the day after, a year after its 公开日期 at the latest (the
day before the same date a year later), and from the day it stops being in force (已修改 by a 更正公示, 失效, 废止:
its last day is the day before, its 公开日期 at the earliest). A record reaches only the channels its item lists; a
record without an item goes to the website only (DOMAIN.md §12).

Found by this pass:
1. A 正文 telling the public its 公示 ends on 12月3日 in the forms a village notice types dates in —
   「公示时间：2026.11.27—2026.12.3」, 「2026-11-27至2026-12-03」, 「2026/11/27-12/3」, full-width 「１１．２７－１２．３」, or
   「自2026年11月27日起，至2026年12月3日止」 (a comma after 起) — was not read: the list stayed on the web, the board and
   the 公众号 to the 12-07 its 公示期 of 7 gave, two working days past what the public was told, and validate said nothing
   (GK420). These forms are read now (the ones read_day reads in every date field); a phone number after 「公示期间」 is
   no period.
2. A 保密审查 conclusion approving on a condition still to be met — 「同意公开（删除个人信息后）」, 「隐去身份证号后可以
   公开」, 「可公开，但需隐去姓名」, 「同意主动公开（脱敏处理后）」 — let the record out as registered, names and all, on
   every channel and to the 两馆 (only the exact words 「删除后」「修改后」「脱密后」 held it). Such a conclusion now holds the
   record (GK303): 「保密审查结论「…」要先改（「需隐去」）才同意公开，没有同意按现在登记的内容主动公开」. A change already
   made (「已删除个人信息，同意公开」, 「经脱敏处理后，同意公开」, 「已对个人信息遮盖后，同意公开」) or not needed
   (「无需修改」) lets it out as before.
3. GK412 (公示期短于规定) on a record that writes both 公示期 and 公示截止 pointed at the 公示期 line and said 「改为
   「公示期: 7」」 — when 公示期 was already 7 and the short one was 公示截止 (the earlier day stands): the clerk
   changed nothing and the list still came down early. It now points at 公示截止 and says 「改为「公示期: 7」并删去
   「公示截止」」 (with a period in calendar days: 「改为「公示截止: …」，并删去「公示期」」).
4. GK412 on a 公示 whose 正文 tells the public a shorter period (「公示期：2026年9月3日至9月9日」, five working days)
   than the seven its 公示期 gives said 「改为「公示期: 7」」 at the 公示期 line, which already said 7: the list comes
   down after the day the 正文 states (GK420), so nothing the message asked mended it. It now points at 正文, names its
   words and the first day long enough: 「把正文写的「公示期：2026年9月3日至9月9日」改为到2026年9月11日或更晚」.
5. tools/mutation.py's gate group ran no test at all: the cold-cache hook it adds to the copy called
   ``Bounded.cache_clear`` on the class (gongkai.bounded), every test errored and mutmut stopped with 「failed to
   collect stats」 (every group whose modules import bounded.py would too). Classes are now skipped; their instances'
   caches are still cleared.
6. The gate group's tests never killed a mutant of ``replaced_list_end`` (a 公示 replaced by its 更正公示 comes down
   the day before) nor of ``leaders_blank`` (an empty 领导信息): all 23 survived. Cases below kill them, and the
   survivors of blank_columns/blank_reason, lapse, next_change, stated_notice_period and review_problem (see the
   report of helper h121 for the before/after scores).

Planted by hand (each made at least one test of this file fail, then reverted): a list kept to the same date a year
later (periods.latest_notice_end), 便民服务站 dropped from CHANNEL_OUTPUTS, calendar days for working days
(last_working_day), the 低保 minimum 7 → 5, ``end < today`` → ``<=`` (standing), ``since <= today`` → ``<``
(validity_on), ``since > end`` → ``>=`` (replaced_list_end), ``review.date > today`` → ``>=``, a record without
channels reaching none of its item's, a channel its item does not list kept, the 两馆 left out of a record's outputs,
a secret in a conclusion ignored, the 正文's period ignored, a record without an item going nowhere, and GK412's old
message.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import AGENCY, ITEM, RECORD, CatalogDir
from rule_edges import findings, rec
from gongkai.catalog import load_catalog
from gongkai.gate import Output, admit

D = dt.date.fromisoformat

# An item listing every channel gongkai writes something for, and one it does not (政府公报: others carry it).
ALL_CHANNELS_ITEM = (ITEM.replace("编号: SHJZ-001", "编号: SHJZ-009").replace("一级事项: 最低生活保障", "一级事项: 临时救助")
                     .replace("  - 低保对象名单及相关信息", "  - 临时救助政策文件")
                     .replace("公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]",
                              "公开渠道: [政府网站, 两微一端, 社区/企事业单位/村公示栏（电子屏）, 公开查阅点, 便民服务站, 政府公报]"))


def _record(number: int, published: str, extra: str = "", kind: str = "公示", item: str | None = "SHJZ-001",
            body: str = "经审核，现将名单予以公示。", review: str = "") -> str:
    text = (RECORD.replace("R2026-001", f"R2026-{number:03d}").replace("00001", f"{number:05d}")
            .replace("公开日期: 2026-09-03", f"公开日期: {published}").replace("公示截止: 2026-12-31\n", "")
            .replace("文种: 公示", f"文种: {kind}").replace("  经审核，现将名单予以公示。\n", f"  {body}\n"))
    if item is None:
        text = text.replace("事项: SHJZ-001\n", "")
    else:
        text = text.replace("事项: SHJZ-001", f"事项: {item}")
    if review:
        text = text.replace("  审查日期: 2026-09-01\n  结论: 不涉及国家秘密，同意主动公开\n", review)
    if not body:
        text = text.replace("正文: |\n  \n", "")
    return text.replace("页数: 1\n", "页数: 1\n" + extra)


# number → (公开日期, the lines added, 文种, 事项, 正文)
RECORDS: dict[int, tuple[str, str, str, str | None, str]] = {
    # 公示期 7 from Sat 11-28: Mon 11-30 is the first; 11-30, 12-01, 12-02, 12-03, 12-04, 12-07, 12-08
    1: ("2026-11-28", "公示期: 7\n", "公示", "SHJZ-001", "经审核，现将名单予以公示。"),
    # 公示期 7 from Wed 09-30 over 国庆 10/1–10/7 and the make-up Saturday 10/10: 09-30, 10-08, 10-09, 10-10, 10-12,
    # 10-13, 10-14 (seven calendar days would end 10-06)
    2: ("2026-09-30", "公示期: 7\n", "公示", "SHJZ-001", "经审核，现将名单予以公示。"),
    # 公示截止 years away: up a year at most, to 2027-09-02
    3: ("2026-09-03", "公示截止: 2062-09-10\n", "公示", "SHJZ-001", "经审核，现将名单予以公示。"),
    # a 公示 replaced by its 更正公示 from 09-10, inside its period (to 09-30): last day 09-09
    4: ("2026-09-03", "公示截止: 2026-09-30\n有效性: 已修改\n有效性日期: 2026-09-10\n被替代: R2026-020\n", "公示",
        "SHJZ-001", "经审核，现将名单予以公示。"),
    # replaced on the last day of its period (09-30): last day 09-29
    5: ("2026-09-03", "公示截止: 2026-09-30\n有效性: 已修改\n有效性日期: 2026-09-30\n被替代: R2026-020\n", "公示",
        "SHJZ-001", "经审核，现将名单予以公示。"),
    # replaced after its period ended: the period's end stands, 09-30
    6: ("2026-09-03", "公示截止: 2026-09-30\n有效性: 已修改\n有效性日期: 2026-10-15\n被替代: R2026-020\n", "公示",
        "SHJZ-001", "经审核，现将名单予以公示。"),
    # replaced the day after its 公开日期: up one day, 09-03
    7: ("2026-09-03", "公示截止: 2026-09-30\n有效性: 失效\n有效性日期: 2026-09-04\n", "公示", "SHJZ-001",
        "经审核，现将名单予以公示。"),
    # 失效 on its own 公开日期: never shown, its last day its 公开日期
    8: ("2026-09-03", "公示截止: 2026-09-30\n有效性: 废止\n有效性日期: 2026-09-03\n", "公示", "SHJZ-001",
        "经审核，现将名单予以公示。"),
    # 公示期 7 from Fri 11-27 (11-27, 11-30, 12-01, 12-02, 12-03, 12-04, 12-07), but the 正文 tells the public 12-03
    # (found 5: the forms a village notice types dates in were not read, and the names stayed up to 12-07)
    30: ("2026-11-27", "公示期: 7\n", "公示", "SHJZ-001", "公示时间：2026.11.27—2026.12.3。"),
    31: ("2026-11-27", "公示期: 7\n", "公示", "SHJZ-001", "公示期：2026-11-27至2026-12-03。"),
    32: ("2026-11-27", "公示期: 7\n", "公示", "SHJZ-001", "公示期为2026/11/27-12/3，如有异议请来电。"),
    33: ("2026-11-27", "公示期: 7\n", "公示", "SHJZ-001", "公示期自2026年11月27日起，至2026年12月3日止。"),
    34: ("2026-11-27", "公示期: 7\n", "公示", "SHJZ-001", "公示时间：１１．２７－１２．３"),
    35: ("2026-11-27", "公示期: 7\n", "公示", "SHJZ-001", "公示期：2026年11月27日至12月3日。"),  # read before too
    # not a period: a 监督电话 after 「公示期间」 is no date, the list stays up its 7 working days
    36: ("2026-11-27", "公示期: 7\n", "公示", "SHJZ-001", "公示期间如有异议，请拨打0595-23000000或2300-1203。"),
    # a 通知 of an item that lists no people, declaring a period: a list all the same (09-03, 09-04, 09-07)
    18: ("2026-09-03", "公示期: 3\n", "通知", "SHJZ-009", "现将有关事项通知如下。"),
    19: ("2026-09-03", "公示截止: 2026-09-07\n", "通知", "SHJZ-009", "现将有关事项通知如下。"),
    # into 2027, whose holiday notice is not out: 暂定, on weekends and the statutory 元旦 (1/1): 12-28, 12-29, 12-30,
    # 12-31, 01-04, 01-05, 01-06
    40: ("2026-12-28", "公示期: 7\n", "公示", "SHJZ-001", "经审核，现将名单予以公示。"),
    # 废止日期 alone: 废止 from that day (not a list: it stays, marked)
    41: ("2026-09-03", "废止日期: 2026-09-10\n", "通知", "SHJZ-009", "现将有关事项通知如下。"),
    # withdrawn (撤回) on 09-11: on every channel up to 09-10, on none from 09-11
    42: ("2026-09-03", "撤回:\n  日期: 2026-09-11\n  原因: 误将过程性信息作为主动公开信息发布\n", "通知", "SHJZ-009",
         "现将有关事项通知如下。"),
    # 有效 written out, and 失效 without its day (GK413): neither takes an 有效性 on a later day
    43: ("2026-09-03", "有效性: 有效\n", "通知", "SHJZ-009", "现将有关事项通知如下。"),
    44: ("2026-09-03", "有效性: 失效\n", "通知", "SHJZ-009", "现将有关事项通知如下。"),
    # a 公示 without a 正文 (its list in an attachment): its 公示期 alone, 09-03 … 09-11
    45: ("2026-09-03", "公示期: 7\n", "公示", "SHJZ-001", ""),
    # published 12-31 for a period in January: the year the 正文 writes is the start's, not the 公开日期's
    46: ("2026-12-31", "公示截止: 2027-01-08\n", "公示", "SHJZ-001", "公示期：2027年1月4日至1月8日。"),
    # the 正文's end typed with last year (2025): taken as written, the earlier day — a 公示 over before its 公开日期, never
    # up, as one whose 公示截止 is (GK419; GK420 says so; hostile pass 34), not to the 12-11 of the year the clerk meant
    47: ("2026-12-03", "公示期: 7\n", "公示", "SHJZ-001", "公示期：2026年12月3日至2025年12月11日。"),
    # a one-day period in the 正文 (its first day is its last): up on 12-03 only, not to the same day a year later
    48: ("2026-12-03", "公示期: 7\n", "公示", "SHJZ-001", "公示时间：2026年12月3日至12月3日。"),
    # a period over the new year told without years (12月28日至1月8日): it ends 2027-01-08, before its 公示截止 01-15
    49: ("2026-12-28", "公示截止: 2027-01-15\n", "公示", "SHJZ-001", "公示期：12月28日至1月8日。"),
    # a 正文 stating a day that does not exist (2月30日), then its period, then a corrected one: the earliest real end
    50: ("2026-11-27", "公示期: 7\n", "公示", "SHJZ-001",
         "公示期：2月30日至3月6日。公示期：2026年11月27日至12月7日。更正：公示时间：2026年11月27日至12月3日。"),
    # a one-day 公示: its 公示截止 is its 公开日期 — up that day (not 「ended before it was published」, GK419)
    51: ("2026-09-03", "公示截止: 2026-09-03\n", "公示", "SHJZ-001", "经审核，现将名单予以公示。"),
    # channels: the record's own, kept to its item's
    10: ("2026-09-03", "公开渠道: [公开查阅点]\n", "通知", "SHJZ-009", "现将有关事项通知如下。"),
    11: ("2026-09-03", "公开渠道: [便民服务站]\n", "通知", "SHJZ-009", "现将有关事项通知如下。"),
    12: ("2026-09-03", "公开渠道: [两微一端]\n", "通知", "SHJZ-009", "现将有关事项通知如下。"),
    13: ("2026-09-03", "公开渠道: [政府公报]\n", "通知", "SHJZ-009", "现将有关事项通知如下。"),
    14: ("2026-09-03", "公开渠道: [两微一端]\n", "通知", "SHJZ-001", "现将有关事项通知如下。"),  # not the item's
    15: ("2026-09-03", "", "通知", None, "现将有关事项通知如下。"),  # no item: the website only
    16: ("2026-09-03", "", "通知", "SHJZ-009", "现将有关事项通知如下。"),  # the item's, in its order
    17: ("2026-09-03", "公开渠道: [便民服务站, 政府网站]\n", "通知", "SHJZ-009", "现将有关事项通知如下。"),
}


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = CatalogDir(tmp_path_factory.mktemp("h26pub") / "catalog")
    root.write("gongkai.yaml", AGENCY)
    root.item()
    root.item(ALL_CHANNELS_ITEM, "items/shjz/SHJZ-009.yaml")
    for number, (published, extra, kind, item, body) in RECORDS.items():
        root.record(_record(number, published, extra, kind, item, body), f"records/2026/R2026-{number:03d}.yaml")
    return load_catalog(root.root)


def _standing(catalog, day: str) -> dict[str, tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    """record id → (state, last day of its 公示) of every record the gate admits on *day*."""
    gate = admit(catalog, D(day))
    return {a.id: (a.state.value, a.notice_end and a.notice_end.isoformat()) for a in gate.admitted}


# ------------------------------------------------------------------------------------------------ 公示 periods


@pytest.mark.parametrize(("record", "up_to"), [
    # planted: calendar days for working days (12-04), the period one day long (12-09), the Saturday counted (12-07)
    ("R2026-001", "2026-12-08"),
    # planted: calendar days for working days (10-06); 国庆 counted (10-08 would be the 7th calendar-working day)
    ("R2026-002", "2026-10-14"),
    # 公示截止 2062: a year at most — the day before 2027-09-03 (planted: the day itself; LONGEST_NOTICE ignored)
    ("R2026-003", "2027-09-02"),
])
def test_a_list_is_up_on_its_last_day_and_down_the_day_after(catalog, record, up_to):
    last = D(up_to)
    assert _standing(catalog, up_to)[record] == ("current", up_to)
    assert _standing(catalog, (last + dt.timedelta(days=1)).isoformat())[record] == ("ended", up_to)
    # the site is built again the day after the last day (nothing else changes on any of these days)
    assert admit(catalog, last).next_change == last + dt.timedelta(days=1)


def test_a_list_published_on_29_february_stays_up_to_the_last_day_of_the_next_february(tmp_path):
    # 2024-02-29: a year later is 2025-03-01, the list stays up to 2025-02-28 (not 03-01, not 02-27)
    root = CatalogDir(tmp_path / "c")
    root.write("gongkai.yaml", AGENCY)
    root.item()
    root.record(RECORD.replace("公开日期: 2026-09-03", "公开日期: 2024-02-29").replace("成文日期: 2026-09-01", "成文日期: 2024-02-28")
                .replace("审查日期: 2026-09-01", "审查日期: 2024-02-28").replace("公示截止: 2026-12-31", "公示截止: 2030-01-01"))
    catalog = load_catalog(root.root)
    assert _standing(catalog, "2025-02-28")["R2026-001"] == ("current", "2025-02-28")
    assert _standing(catalog, "2025-03-01")["R2026-001"] == ("ended", "2025-02-28")


@pytest.mark.parametrize(("record", "before", "on", "last"), [
    # 已修改 from 09-10 inside its period (to 09-30): up to 09-09, the 更正公示 stands alone from 09-10
    ("R2026-004", "2026-09-09", "2026-09-10", "2026-09-09"),
    # 已修改 on its period's last day: that day already belongs to the 更正公示 (planted: `since > end` → `>=`)
    ("R2026-005", "2026-09-29", "2026-09-30", "2026-09-29"),
    # 失效 the day after its 公开日期: up one day (planted: max → min would say it ended before it was published)
    ("R2026-007", "2026-09-03", "2026-09-04", "2026-09-03"),
])
def test_a_list_replaced_or_lapsed_comes_down_the_day_it_stops_being_in_force(catalog, record, before, on, last):
    assert _standing(catalog, before)[record] == ("current", "2026-09-30")
    assert _standing(catalog, on)[record] == ("ended", last)
    gate = admit(catalog, D(on))
    found = gate.get(record)
    assert found is not None and found.validity != "有效" and found.validity_date == D(on)


def test_a_list_replaced_after_its_period_keeps_its_period(catalog):
    # 已修改 on 10-15, after its 公示 ended on 09-30: the page says it ended 09-30, not 10-14
    assert _standing(catalog, "2026-09-30")["R2026-006"] == ("current", "2026-09-30")
    assert _standing(catalog, "2026-10-01")["R2026-006"] == ("ended", "2026-09-30")
    assert _standing(catalog, "2026-10-15")["R2026-006"] == ("ended", "2026-09-30")


def test_a_list_lapsed_on_its_publication_day_is_never_shown(catalog):
    # 废止 from its own 公开日期 (09-03): ended that very day, its last day 09-03 (not 09-02)
    assert _standing(catalog, "2026-09-03")["R2026-008"] == ("ended", "2026-09-03")


def test_the_next_rebuild_is_the_first_day_a_standing_changes(catalog):
    # 09-03: R2026-007 lapses, R2026-014 (a list without a period) is down 09-04. 09-04: R2026-018 and 019 end 09-07,
    # down 09-08. 09-08: R2026-004 is replaced, R2026-041 repealed 09-10. 09-10: R2026-042 is withdrawn 09-11. 09-11:
    # R2026-045 ends (down 09-12). 09-12: R2026-005 is replaced and R2026-002 published 09-30. 09-30: R2026-006's period ends (down 10-01). 10-01: R2026-002's ends 10-14
    # (down 10-15), R2026-006 lapses 10-15. 10-15: R2026-030 … 036, 050 are published 11-27, R2026-001 11-28. 11-28:
    # R2026-047 and 048 are published 12-03; 12-03: they and R2026-030 … 035 are down 12-04; 12-04: R2026-036 down 12-08; 12-08: R2026-001 down 12-09; 12-09: R2026-040 published
    # 12-28; 12-28: R2026-046 is published 12-31; 12-31: R2026-040 is down 2027-01-07 — 暂定, counted without 2027's
    # notice.
    expected = {"2026-09-03": "2026-09-04", "2026-09-04": "2026-09-08", "2026-09-08": "2026-09-10",
                "2026-09-10": "2026-09-11", "2026-09-11": "2026-09-12", "2026-09-12": "2026-09-30", "2026-09-30": "2026-10-01", "2026-10-01": "2026-10-15",
                "2026-10-15": "2026-11-27", "2026-11-27": "2026-11-28", "2026-11-28": "2026-12-03",
                "2026-12-03": "2026-12-04",
                "2026-12-04": "2026-12-08", "2026-12-08": "2026-12-09", "2026-12-09": "2026-12-28",
                "2026-12-28": "2026-12-31", "2026-12-31": "2027-01-07"}
    gates = {day: admit(catalog, D(day)) for day in expected}
    assert {day: str(gate.next_change) for day, gate in gates.items()} == expected
    assert [day for day, gate in gates.items() if gate.next_change_provisional] == ["2026-12-31"]


def test_a_period_into_a_year_without_a_notice_is_provisional(catalog):
    gate = admit(catalog, D("2026-12-28"))
    found = gate.get("R2026-040")
    assert found is not None and (found.notice_end, found.notice_provisional) == (D("2027-01-06"), True)
    assert gate.get("R2026-001") is not None and gate.get("R2026-001").notice_provisional is False  # type: ignore[union-attr]


def test_a_list_of_one_day_is_up_that_day(catalog):
    assert _standing(catalog, "2026-09-03")["R2026-051"] == ("current", "2026-09-03")
    assert _standing(catalog, "2026-09-04")["R2026-051"] == ("ended", "2026-09-03")


def test_a_record_of_an_item_listing_people_is_a_list_even_without_a_period(catalog):
    # R2026-014: a 通知 of 低保 (低保对象名单), no 公示期 (GK411): down the day after its 公开日期, never indexed
    assert _standing(catalog, "2026-09-03")["R2026-014"] == ("current", "2026-09-03")
    assert _standing(catalog, "2026-09-04")["R2026-014"] == ("ended", "2026-09-03")
    found = admit(catalog, D("2026-09-03")).get("R2026-014")
    assert found is not None and found.lists_people is True


def test_a_declared_period_makes_any_record_a_list(catalog):
    for record in ("R2026-018", "R2026-019"):
        assert _standing(catalog, "2026-09-07")[record] == ("current", "2026-09-07")
        assert _standing(catalog, "2026-09-08")[record] == ("ended", "2026-09-07")
        assert admit(catalog, D("2026-09-07")).get(record).lists_people is True  # type: ignore[union-attr]
    plain = admit(catalog, D("2026-09-07")).get("R2026-016")
    assert plain is not None and (plain.lists_people, plain.notice_end, plain.notice_provisional) == (False, None, False)


def test_a_repeal_date_alone_repeals_from_that_day(catalog):
    before, on = admit(catalog, D("2026-09-09")).get("R2026-041"), admit(catalog, D("2026-09-10")).get("R2026-041")
    assert before is not None and (before.validity, before.validity_date, before.state.value) == ("有效", None, "current")
    assert on is not None and (on.validity, on.validity_date, on.state.value) == ("废止", D("2026-09-10"), "current")
    # what a past day's outputs read of it: the 有效性 it takes, and from when
    assert before.facts.lapse == ("废止", D("2026-09-10"))
    replaced = admit(catalog, D("2026-09-03")).get("R2026-004")
    assert replaced is not None and replaced.facts.lapse == ("已修改", D("2026-09-10"))
    for record in ("R2026-016", "R2026-043", "R2026-044"):  # none written; 有效; 失效 with no day to take it from
        assert admit(catalog, D("2026-09-03")).get(record).facts.lapse is None  # type: ignore[union-attr]
    undated = admit(catalog, D("2026-09-03")).get("R2026-044")
    assert undated is not None and (undated.validity, undated.validity_date) == ("失效", None)


def test_a_withdrawn_record_is_on_no_channel_from_its_day(catalog):
    assert admit(catalog, D("2026-09-10")).admits("R2026-042", Output.WEB)
    gate = admit(catalog, D("2026-09-11"))
    assert not gate.admits("R2026-042") and [r.id for r in gate.withdrawn] == ["R2026-042"]


@pytest.mark.parametrize("record", ["R2026-030", "R2026-031", "R2026-032", "R2026-033", "R2026-034", "R2026-035",
                                    "R2026-050"])
def test_a_list_comes_down_after_the_last_day_its_body_tells_the_public(catalog, record):
    assert _standing(catalog, "2026-12-03")[record] == ("current", "2026-12-03")
    assert _standing(catalog, "2026-12-04")[record] == ("ended", "2026-12-03")


def test_a_list_without_a_body_or_published_at_the_turn_of_the_year_keeps_its_period(catalog):
    assert _standing(catalog, "2026-09-11")["R2026-045"] == ("current", "2026-09-11")
    assert _standing(catalog, "2026-09-12")["R2026-045"] == ("ended", "2026-09-11")
    assert _standing(catalog, "2027-01-08")["R2026-046"] == ("current", "2027-01-08")
    assert _standing(catalog, "2026-12-03")["R2026-047"] == ("ended", "2026-12-03")
    assert _standing(catalog, "2026-12-04")["R2026-047"] == ("ended", "2026-12-03")
    assert _standing(catalog, "2027-01-08")["R2026-049"] == ("current", "2027-01-08")
    assert _standing(catalog, "2027-01-09")["R2026-049"] == ("ended", "2027-01-08")
    assert _standing(catalog, "2026-12-03")["R2026-048"] == ("current", "2026-12-03")
    assert _standing(catalog, "2026-12-04")["R2026-048"] == ("ended", "2026-12-03")


def test_a_period_in_the_body_of_a_record_not_yet_published_is_no_error(gk, cat):
    # no 公开日期 yet (GK308): the year left out of 「9月3日至9月11日」 is unknown, so nothing is compared
    cat.record(rec(公开日期="").replace("  经审核，现将名单予以公示。\n", "  经审核，现将名单予以公示。公示期：9月3日至9月11日。\n"))
    assert findings(gk, cat, "GK420", "2026-09-01") == []


def test_a_phone_number_after_the_word_period_is_no_period(catalog):
    assert _standing(catalog, "2026-12-07")["R2026-036"] == ("current", "2026-12-07")


def test_validate_says_which_days_the_body_tells_the_public(gk, cat):
    # GK420 for the dotted form: the list comes down after 12-03, not 12-07
    cat.record(rec(公示截止="公示期: 7", 公开日期="公开日期: 2026-11-27")
               .replace("  经审核，现将名单予以公示。\n", "  经审核，现将名单予以公示。公示时间：2026.11.27—2026.12.3。\n"))
    [found] = findings(gk, cat, "GK420", "2026-11-27")
    assert "（到 2026-12-03）" in found["message"] and "名单在 2026-12-03 之后撤下" in found["message"], found


# ------------------------------------------------------------------------------------------------ channels


@pytest.mark.parametrize(("record", "channels", "outputs"), [
    ("R2026-010", ("公开查阅点",), {Output.PRINT, Output.ARCHIVES}),
    ("R2026-011", ("便民服务站",), {Output.PRINT, Output.ARCHIVES}),
    ("R2026-012", ("两微一端",), {Output.WECHAT, Output.ARCHIVES}),
    ("R2026-013", ("政府公报",), {Output.ARCHIVES}),  # carried by others: nothing of gongkai's but the 两馆
    ("R2026-014", (), {Output.ARCHIVES}),  # 两微一端, which its item does not list: nowhere but the 两馆
    ("R2026-015", ("政府网站",), {Output.WEB, Output.ARCHIVES}),  # no item: the website only
    ("R2026-016", ("政府网站", "两微一端", "社区/企事业单位/村公示栏（电子屏）", "公开查阅点", "便民服务站", "政府公报"),
     {Output.WEB, Output.WECHAT, Output.PRINT, Output.ARCHIVES}),  # none written: its item's, in the item's order
    ("R2026-017", ("便民服务站", "政府网站"), {Output.PRINT, Output.WEB, Output.ARCHIVES}),  # its own, in its order
])
def test_a_record_reaches_the_channels_it_names_within_its_items(catalog, record, channels, outputs):
    gate = admit(catalog, D("2026-09-03"))
    found = gate.get(record)
    assert found is not None
    assert (found.channels, set(found.outputs)) == (channels, outputs)
    for output in Output:
        assert gate.admits(record, output) is (output in outputs)
        assert (record in {a.id for a in gate.to(output)}) is (output in outputs)


# ------------------------------------------------------------------------------------------------ 保密审查


LETS_OUT = ["不涉及国家秘密，同意主动公开", "不涉及国家秘密同意主动公开", "可以公开", "可主动公开", "准予公开", "无异议",
            "主动公开", "公开", "经审查，未发现涉密内容，同意公开", "审查通过", "予以公开", "可予公开", "无密级，可公开",
            # a change made already, or none needed: no condition left
            "已删除个人信息，同意公开", "经脱敏处理后，同意公开", "已对个人信息遮盖后，同意公开", "无需修改，同意公开",
            "已对名单中的个人信息作去标识化处理，不涉及国家秘密，同意主动公开"]
# found 6: approved on a condition still to be met (the file registered is the one not yet changed) — each was let out
CONDITIONS = {"同意公开（删除个人信息后）": "删除个人信息后", "隐去身份证号后可以公开": "隐去身份证号后",
              "可公开，但需隐去姓名": "需隐去", "同意主动公开（脱敏处理后）": "脱敏处理后",
              "不涉及国家秘密，删除个人信息后同意公开": "删除个人信息后", "同意公开，但需删除附件": "需删除"}
HOLDS = ["不涉密", "涉密，不予公开", "内部资料，同意公开", "同意依申请公开", "暂缓公开", "不同意公开", "不涉密但不同意公开",
         "待审", "拟公开", "删除后公开", "同意不公开", "未通过", "不涉及国家秘密，但属于敏感信息，同意公开", "不涉密，暂不公开",
         "经审查，该文件为机密级"]
# 09-03 is the 公开日期: a review of that day lets the record out that day; one of the next day only then
REVIEW_DAYS = {"R2026-101": "2026-09-03", "R2026-102": "2026-09-04"}
NO_REVIEW = "R2026-103"


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = CatalogDir(tmp_path_factory.mktemp("h26review") / "catalog")
    root.write("gongkai.yaml", AGENCY)
    root.item(ALL_CHANNELS_ITEM, "items/shjz/SHJZ-009.yaml")
    for number, conclusion in enumerate(LETS_OUT + HOLDS + list(CONDITIONS), start=200):
        review = f"  审查日期: 2026-09-01\n  结论: {conclusion}\n"
        root.record(_record(number, "2026-09-03", "", "通知", "SHJZ-009", "现将有关事项通知如下。", review),
                    f"records/2026/R2026-{number:03d}.yaml")
    for record, day in REVIEW_DAYS.items():
        number = int(record[-3:])
        review = f"  审查日期: {day}\n  结论: 不涉及国家秘密，同意主动公开\n"
        root.record(_record(number, "2026-09-03", "", "通知", "SHJZ-009", "现将有关事项通知如下。", review),
                    f"records/2026/{record}.yaml")
    unreviewed = _record(103, "2026-09-03", "", "通知", "SHJZ-009", "现将有关事项通知如下。")
    start = unreviewed.index("保密审查:")
    root.record(unreviewed[:start] + unreviewed[unreviewed.index("成文日期:"):], f"records/2026/{NO_REVIEW}.yaml")
    return load_catalog(root.root)


def test_a_record_without_a_review_goes_nowhere(reviewed):
    gate = admit(reviewed, D("2026-09-03"))
    assert not gate.admits(NO_REVIEW)
    assert gate.held[NO_REVIEW] == "没有保密审查记录（GK303），未经保密审查的信息不能公开"


def test_a_conclusion_lets_a_record_out_only_when_it_approves(reviewed):
    gate = admit(reviewed, D("2026-09-03"))
    out = {f"R2026-{n:03d}" for n in range(200, 200 + len(LETS_OUT))}
    held = {f"R2026-{n:03d}": c for n, c in enumerate(HOLDS, start=200 + len(LETS_OUT))}
    assert out <= {a.id for a in gate.admitted}
    assert {k: v for k, v in gate.held.items() if k in held} == {
        record: f"保密审查结论「{conclusion}」没有同意主动公开（GK303），不能公开" for record, conclusion in held.items()}
    conditional = {f"R2026-{n:03d}": c for n, c in enumerate(CONDITIONS, start=200 + len(LETS_OUT) + len(HOLDS))}
    assert {k: v for k, v in gate.held.items() if k in conditional} == {
        record: f"保密审查结论「{conclusion}」要先改（「{CONDITIONS[conclusion]}」）才同意公开，没有同意按现在登记的内容"
                "主动公开（GK303），不能公开" for record, conclusion in conditional.items()}
    assert not any(gate.admits(record) for record in conditional)


def test_a_record_leaves_on_the_day_of_its_review_not_before(reviewed):
    on = admit(reviewed, D("2026-09-03"))
    assert on.admits("R2026-101", Output.WEB)  # reviewed the day it is published
    assert not on.admits("R2026-102")  # reviewed the next day: nowhere yet, not even the 两馆
    assert on.held["R2026-102"] == "保密审查日期 2026-09-04 还没有到（GK304），审查之前不能公开"
    assert on.next_change == D("2026-09-04")  # the day it is reviewed: built again then
    assert admit(reviewed, D("2026-09-04")).admits("R2026-102", Output.WEB)


# ------------------------------------------------------------------------------------------------ columns


LEADERS_ITEM = (ALL_CHANNELS_ITEM.replace("编号: SHJZ-009", "编号: SHJZ-010")
                .replace("五公开: 结果公开", "五公开: 管理公开\n法定类别: 领导信息"))


@pytest.mark.parametrize(("leaders", "items", "blank"), [
    (True, (), False),  # 领导 in gongkai.yaml
    (False, (), True),  # nothing: a blank 领导信息 to the yearly inspection
    (False, (LEADERS_ITEM,), False),  # an item of 法定类别 领导信息, 主动
    (False, (LEADERS_ITEM.replace("公开方式: 主动", "公开方式: 依申请"),), True),  # 依申请: shown nowhere
    (False, (ITEM, ALL_CHANNELS_ITEM), True),  # items of other kinds only
])
def test_leaders_column_is_blank_when_nothing_shows_a_leader(tmp_path, leaders, items, blank):
    from gongkai.publication.columns import leaders_blank

    root = CatalogDir(tmp_path / "c")
    agency = AGENCY if leaders else AGENCY[:AGENCY.index("领导:")] + AGENCY[AGENCY.index("网站:"):]
    root.write("gongkai.yaml", agency)
    for number, text in enumerate(items):
        root.item(text, f"items/shjz/item{number}.yaml")
    assert leaders_blank(load_catalog(root.root)) is blank


# ------------------------------------------------------------------------------------------------ GK412 says what to mend

# 低保 (最低生活保障): 7 working days at least. Published Thu 2026-09-03: 09-03, 09-04, 09-07, 09-08, 09-09, 09-10,
# 09-11 — the seventh working day is Fri 09-11.
MINIMUM = "（民办函〔2019〕52号 社会救助标准指引：低保初审对象名单公示7个工作日）"


@pytest.mark.parametrize(("lines", "field", "message", "hint"), [
    # found 1: both written, 公示截止 the short one (09-10: six working days) — it used to point at 公示期: 7
    ({"公示截止": "公示截止: 2026-09-10\n公示期: 7"}, "公示截止", "公示期只有6个工作日",
     "改为「公示期: 7」并删去「公示截止」（两者都写时按较早的一天撤下名单）。"),
    # both written, 公示期 the short one (5 → 09-09)
    ({"公示截止": "公示截止: 2026-09-30\n公示期: 5"}, "公示期", "公示期只有5个工作日",
     "改为「公示期: 7」并删去「公示截止」（两者都写时按较早的一天撤下名单）。"),
    # one field: as before
    ({"公示截止": "公示期: 6"}, "公示期", "公示期只有6个工作日", "改为「公示期: 7」。"),
    ({"公示截止": "公示截止: 2026-09-10"}, "公示截止", "公示期只有6个工作日", "改为「公示期: 7」。"),
], ids=["until-short", "days-short", "days-alone", "until-alone"])
def test_a_short_period_names_the_field_that_is_short(gk, cat, lines, field, message, hint):
    cat.record(rec(**lines))
    [found] = findings(gk, cat, "GK412")
    assert (found["field"], found["message"], found["hint"]) == (field, message + "，少于规定的7个工作日" + MINIMUM, hint)


def test_a_short_period_told_in_the_body_says_to_mend_the_body(gk, cat):
    # found 2: 公示期 7 (to 09-11), but the 正文 tells the public 09-03 to 09-09 (five working days); the list comes
    # down after 09-09 (GK420), so 「改为「公示期: 7」」 mended nothing
    stated = "公示期：2026年9月3日至9月9日"
    cat.record(rec(公示截止="公示期: 7").replace("  经审核，现将名单予以公示。\n", f"  经审核，现将名单予以公示。{stated}。\n"))
    [found] = findings(gk, cat, "GK412")
    assert (found["field"], found["message"], found["hint"]) == (
        "正文", f"正文写的「{stated}」只有5个工作日，少于规定的7个工作日" + MINIMUM,
        f"把正文写的「{stated}」改为到2026年9月11日或更晚（至少7个工作日），与登记的公示期一致。")
    cat.record(rec(公示截止="公示期: 7").replace("  经审核，现将名单予以公示。\n", "  公示期：2026年9月3日至9月11日。\n"))
    assert findings(gk, cat, "GK412") == []


def test_a_short_field_and_a_short_body_are_one_sentence(gk, cat):
    # (fortieth session, h203's report) both short: the two fixes joined read 「改为「公示期: 7」。；把正文…」
    stated = "公示期：2026年9月3日至9月9日"
    cat.record(rec(公示截止="公示期: 6").replace("  经审核，现将名单予以公示。\n", f"  经审核，现将名单予以公示。{stated}。\n"))
    [found] = findings(gk, cat, "GK412")
    assert found["hint"] == (f"改为「公示期: 7」；把正文写的「{stated}」改为到2026年9月11日或更晚（至少7个工作日），"
                             "与登记的公示期一致。")


def test_a_short_period_in_calendar_days_with_both_fields_says_to_drop_one(gk, cat):
    # an item promising 「公示7天」: 09-03 … 09-09; 公示截止 09-08 (six days) with a 公示期 of 7 working days
    cat.item(ITEM.replace("一级事项: 最低生活保障", "一级事项: 临时救助")
             .replace("公开时限: 制定或获取信息之日起10个工作日内", "公开时限: 制定或获取信息之日起10个工作日内，公示7天"))
    cat.record(rec(公示截止="公示截止: 2026-09-08\n公示期: 7"))
    [found] = findings(gk, cat, "GK412")
    assert (found["field"], found["message"], found["hint"]) == (
        "公示截止", "公示期只有6天，少于规定的7天（事项 SHJZ-001 的公开时限「制定或获取信息之日起10个工作日内，公示7天」）",
        "改为「公示截止: 2026-09-09」（公开日期当天算第1天），并删去「公示期」。")


def test_a_period_an_item_promises_in_working_days_is_counted_in_working_days(gk, cat):
    # 「公示5个工作日」 for 临时救助 (no legal minimum): 09-03, 09-04, 09-07, 09-08, 09-09; 公示截止 09-08 is four
    cat.item(ITEM.replace("一级事项: 最低生活保障", "一级事项: 临时救助")
             .replace("公开时限: 制定或获取信息之日起10个工作日内", "公开时限: 制定或获取信息之日起10个工作日内，公示5个工作日"))
    cat.record(rec(公示截止="公示截止: 2026-09-08"))
    [found] = findings(gk, cat, "GK412")
    assert (found["message"], found["hint"]) == (
        "公示期只有4个工作日，少于规定的5个工作日（事项 SHJZ-001 的公开时限「制定或获取信息之日起10个工作日内，公示5个工作日」）",
        "改为「公示期: 5」。")
    cat.record(rec(公示截止="公示截止: 2026-09-09"))
    assert findings(gk, cat, "GK412") == []


def _column(number: int, channels: str = "[政府网站]", mode: str = "主动", note: str = "") -> str:
    return (ALL_CHANNELS_ITEM.replace("编号: SHJZ-009", f"编号: SHJZ-{number:03d}")
            .replace("公开渠道: [政府网站, 两微一端, 社区/企事业单位/村公示栏（电子屏）, 公开查阅点, 便民服务站, 政府公报]",
                     f"公开渠道: {channels}")
            .replace("公开方式: 主动", f"公开方式: {mode}") + (f"空白说明: {note}\n" if note else ""))


COLUMNS = {
    51: _column(51),  # on the web, nothing published, no 空白说明: blank
    52: _column(52, note="本机关本年度未产生此类信息"),  # says why: not blank
    53: _column(53, channels="[社区/企事业单位/村公示栏（电子屏）]"),  # not on the web: never a blank web column
    54: _column(54, mode="依申请"),  # 依申请: no column
    55: _column(55, note="本事项按季度公开，下次公开时间为2026年9月10日前"),  # explains up to 09-10 only
    56: _column(56),  # something published (on_web below): not blank
    57: _column(57, note="本栏目暂无信息"),  # says only that nothing is there
    58: _column(58, note="本栏目  暂无信息"),  # the same, typed with two spaces: shown with one
    59: _column(59, note="1234567890" * 3),  # digits only: no reason; thirty characters are shown whole
    60: _column(60, note="1234567890" * 3 + "1"),  # thirty-one: cut, and the digits the cut goes through left out
}
TOWNS = """  - 编号: mzb-101
    名称: 湖头镇民政办
    类型: 乡镇民政办
  - 编号: mzb-102
    名称: 蓬莱镇民政办
    类型: 乡镇民政办
    空白说明: 本乡镇民政办的公示在各村公示栏张贴，不在网站发布
  - 编号: mzb-103
    名称: 金谷镇民政办
    类型: 乡镇民政办
  - 编号: mzb-104
    名称: 龙门镇民政办
    类型: 乡镇民政办
    空白说明: 本乡镇的公示按季度汇总，下次公开时间为2026年9月10日前
"""


@pytest.fixture(scope="module")
def columns(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = CatalogDir(tmp_path_factory.mktemp("h26columns") / "catalog")
    root.write("gongkai.yaml", AGENCY.replace("移交:", TOWNS + "移交:"))
    for number, text in COLUMNS.items():
        root.item(text, f"items/shjz/SHJZ-{number:03d}.yaml")
    return load_catalog(root.root)


SAYS_NOTHING = ["SHJZ-051", "SHJZ-057", "SHJZ-058", "SHJZ-059", "SHJZ-060"]


@pytest.mark.parametrize(("today", "items", "towns"), [
    # the promises of SHJZ-055 and 龙门镇 hold through their day
    ("2026-09-10", SAYS_NOTHING, [(2, "mzb-101")]),
    ("2026-09-11", sorted([*SAYS_NOTHING, "SHJZ-055"]), [(2, "mzb-101"), (5, "mzb-104")]),  # and not after it
])
def test_blank_columns_are_the_web_columns_with_nothing_and_no_reason(columns, today, items, towns):
    from gongkai.publication.columns import blank_columns, blank_reason, web_columns

    assert [i.id for i in web_columns(columns)] == sorted(["SHJZ-052", "SHJZ-055", "SHJZ-056", *SAYS_NOTHING])
    blanks = blank_columns(columns, {"SHJZ-056": 1, "mzb-103": 2}, D(today))
    assert [i.id for i in blanks.items] == items
    # 湖头镇 (unit 3 of gongkai.yaml): nothing on the web, no 空白说明; 蓬莱镇 says why; 金谷镇 has records
    assert [(n, u.id) for n, u in blanks.towns] == towns
    reasons = {i.id: blank_reason(i.blank_note, D(today)) for i in blanks.items}
    assert reasons["SHJZ-051"] == "也没有空白说明"
    assert reasons["SHJZ-057"] == "空白说明「本栏目暂无信息」只说没有信息，没有说明原因"
    assert reasons["SHJZ-058"] == "空白说明「本栏目 暂无信息」只说没有信息，没有说明原因"
    assert reasons["SHJZ-059"] == "空白说明「123456789012345678901234567890」只说没有信息，没有说明原因"
    # (thirty-fourth pass: a cut leaves out the part of a run of digits before it, which may be a number's first)
    assert reasons["SHJZ-060"] == "空白说明「……」只说没有信息，没有说明原因"
    if "SHJZ-055" in reasons:
        assert reasons["SHJZ-055"] == "空白说明中写的公开时间（2026年9月10日前）已过，不再能说明栏目为什么是空的"
    # without a day, a promise is taken at its word
    assert [i.id for i in blank_columns(columns, {}, None).items] == sorted([*SAYS_NOTHING, "SHJZ-056"])
    assert [u.id for _, u in blank_columns(columns, {}, None).towns] == ["mzb-101", "mzb-103"]


def test_a_catalog_whose_agency_file_does_not_read_has_no_town_pages(tmp_path):
    from gongkai.publication.columns import blank_columns

    root = CatalogDir(tmp_path / "c")
    root.write("gongkai.yaml", "机关: [测试县民政局\n")  # a bracket not closed: the file does not read
    root.item(_column(51), "items/shjz/SHJZ-051.yaml")
    blanks = blank_columns(load_catalog(root.root), {}, D("2026-09-10"))
    assert ([i.id for i in blanks.items], blanks.towns) == (["SHJZ-051"], [])


def test_validate_says_the_conclusion_sets_a_condition(gk, cat):
    cat.record(RECORD.replace("结论: 不涉及国家秘密，同意主动公开", "结论: 可公开，但需隐去姓名"))
    [found] = findings(gk, cat, "GK303")
    assert (found["field"], found["message"]) == (
        "保密审查.结论", "保密审查结论「可公开，但需隐去姓名」要先改（「需隐去」）才同意公开，没有同意按现在登记的内容主动公开，"
                       "这条信息不会发布")
    cat.record(RECORD.replace("结论: 不涉及国家秘密，同意主动公开", "结论: 已隐去姓名，同意公开"))
    assert findings(gk, cat, "GK303") == []
