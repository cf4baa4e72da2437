"""The days of `print` and `wechat`: what is printed on the day of the run, and what to take down on which day.

Every day below is counted by hand from the fixture (tests/portal_catalog.py): R2026-013 is a 公示 on 湖头镇's board
from 2026-11-25 for 7 working days (to 12-03), R2026-014 one from 11-24 (to 12-02); the suite's today is 2026-11-27.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CatalogDir
from portal_catalog import build, record


@pytest.fixture
def pc(cat: CatalogDir) -> CatalogDir:
    return build(cat)


def _withdrawn(rid: str, title: str, published: str, withdrawn: str, channels: str = "公开查阅点") -> str:
    return record(rid, title, published=published, unit="mzb-102", channels=channels,
                  extra=f"撤回:\n  日期: {withdrawn}\n  原因: 误将过程性信息张贴\n")


def _index(gk, cat: CatalogDir, out: Path, *args: str) -> str:
    run = gk("print", cat.root, "--out", out, "--town", "mzb-102", *args)
    assert run.code == 0, run.err
    return (out / "index.html").read_text(encoding="utf-8")


def test_a_record_withdrawn_on_the_day_it_was_posted_is_taken_down(gk, pc, tmp_path):
    # posted in the morning, withdrawn the same afternoon: the sheet went up, so it must come down
    pc.write("records/2026/R2026-030.yaml", _withdrawn("R2026-030", "湖头镇当日撤回通知", "2026-11-20", "2026-11-20"))
    index = _index(gk, pc, tmp_path / "out", "--from", "2026-11-01", "--to", "2026-11-27")
    assert "湖头镇当日撤回通知（2026年11月20日起，撤回：误将过程性信息张贴）" in index


def test_a_record_withdrawn_before_it_was_posted_is_not(gk, pc, tmp_path):
    pc.write("records/2026/R2026-030.yaml", _withdrawn("R2026-030", "湖头镇未贴先撤通知", "2026-11-21", "2026-11-20"))
    index = _index(gk, pc, tmp_path / "out", "--from", "2026-11-01", "--to", "2026-11-27")
    assert "湖头镇未贴先撤通知" not in index


@pytest.mark.parametrize(("withdrawn", "start", "end", "listed"), [
    ("2026-11-20", "2026-11-20", "2026-11-27", True),   # the withdrawal on --from: inside
    ("2026-11-20", "2026-11-21", "2026-11-27", False),  # the day before --from
    ("2026-11-27", "2026-11-10", "2026-11-27", True),   # on --to, which is today
    ("2026-11-28", "2026-11-10", "2026-11-27", False),  # tomorrow: not yet
    ("2026-11-20", "2026-11-10", "2026-11-19", True),   # after an earlier --to: the run stands on today (11-27)
])
def test_the_days_of_a_withdrawal_are_inclusive(gk, pc, tmp_path, withdrawn, start, end, listed):
    pc.write("records/2026/R2026-030.yaml", _withdrawn("R2026-030", "湖头镇误贴丑号通知", "2026-11-02", withdrawn))
    index = _index(gk, pc, tmp_path / "out", "--from", start, "--to", end)
    assert ("湖头镇误贴丑号通知（" in index) is listed


def test_what_to_take_down_is_in_the_order_of_its_days_then_ids(gk, pc, tmp_path):
    pc.write("records/2026/R2026-030.yaml", _withdrawn("R2026-030", "湖头镇二十一日撤回通知", "2026-11-02", "2026-11-21"))
    pc.write("records/2026/R2026-031.yaml", _withdrawn("R2026-031", "湖头镇十九日撤回通知", "2026-11-02", "2026-11-19"))
    pc.write("records/2026/R2026-032.yaml", _withdrawn("R2026-032", "湖头镇同日撤回乙通知", "2026-11-02", "2026-11-21"))
    index = _index(gk, pc, tmp_path / "out", "--from", "2026-11-01", "--to", "2026-11-27")
    order = [index.index(t) for t in ("湖头镇十九日撤回通知", "湖头镇二十一日撤回通知", "湖头镇同日撤回乙通知")]
    assert order == sorted(order)


def test_sheets_made_for_past_days_stand_on_the_day_of_the_run(gk, pc, tmp_path, monkeypatch):
    # On 12-10 both 公示 have ended (12-02, 12-03): a run for 11-20…12-01 must not print them again
    out = tmp_path / "late"
    monkeypatch.setenv("GONGKAI_TODAY", "2026-12-10")
    run = gk("print", pc.root, "--out", out, "--town", "mzb-102", "--from", "2026-11-20", "--to", "2026-12-01")
    assert run.code == 0, run.err
    assert not (out / "mzb-102/R2026-013.html").exists() and not (out / "mzb-102/R2026-014.html").exists()


def test_sheets_made_ahead_stand_on_the_later_to(gk, pc, tmp_path):
    # made on 11-27 for a posting up to 12-03: R2026-014 ends 12-02, so it is not printed; R2026-013 (to 12-03) is
    out = tmp_path / "ahead"
    run = gk("print", pc.root, "--out", out, "--town", "mzb-102", "--from", "2026-11-20", "--to", "2026-12-03")
    assert run.code == 0, run.err
    assert (out / "mzb-102/R2026-013.html").exists() and not (out / "mzb-102/R2026-014.html").exists()


def test_one_day_is_a_window_and_a_reversed_one_is_refused(gk, pc, tmp_path):
    out = tmp_path / "one"
    run = gk("print", pc.root, "--out", out, "--town", "mzb-102", "--from", "2026-11-25", "--to", "2026-11-25")
    assert run.code == 0, run.err
    assert (out / "mzb-102/R2026-013.html").exists() and not (out / "mzb-102/R2026-014.html").exists()
    wrong = gk("wechat", pc.root, "--out", tmp_path / "w", "--from", "2026-11-26", "--to", "2026-11-25")
    assert wrong.code == 2 and "--from 2026-11-26 晚于 --to 2026-11-25" in wrong.err
    assert not (tmp_path / "w").exists()


def test_what_to_delete_from_the_account_is_in_the_order_of_its_days_then_ids(gk, pc, tmp_path):
    # 公示期 15 from 2026-11-03 runs to 2026-11-23: each is withdrawn while its 公示 runs (one withdrawn after its end
    # comes down the day after the end: tests/test_hostile20_channels.py)
    item = pc.root / "items/shjz/SHJZ-001.yaml"
    item.write_text(item.read_text(encoding="utf-8").replace("公开查阅点]", "公开查阅点, 两微一端]"), encoding="utf-8")
    for rid, title, day in (("R2026-030", "公众号二十一日撤回", "2026-11-21"), ("R2026-031", "公众号十九日撤回", "2026-11-19"),
                            ("R2026-032", "公众号同日撤回乙", "2026-11-21")):
        pc.write(f"records/2026/{rid}.yaml", record(rid, title, published="2026-11-03", item="SHJZ-001",
                                                    channels="两微一端", extra=f"公示期: 15\n撤回:\n  日期: {day}\n  原因: 误发布\n"))
    run = gk("wechat", pc.root, "--from", "2026-11-01", "--to", "2026-11-27", "--out", tmp_path / "w")
    assert run.code == 0, run.err
    lines = [line for line in run.out.splitlines() if line.startswith("请在公众号中删除")]
    assert lines == ["请在公众号中删除：公众号十九日撤回（2026-11-19 起，撤回：误发布）",
                     "请在公众号中删除：公众号二十一日撤回（2026-11-21 起，撤回：误发布）",
                     "请在公众号中删除：公众号同日撤回乙（2026-11-21 起，撤回：误发布）"]
