"""Hostile review of the gate's memo (gongkai.gate.memo): inputs where a remembered decision could differ from a
fresh gate's, or publish what it must not. Each test works out the expected decision by hand and compares it with
a fresh decision over the whole catalog without any cache.

Dates (tests/portal_catalog.py, Clerk of tests/test_gate_memo.py): START is 2026-11-20; R2026-014 is published on
11-24, R2026-013 on 11-25; R2026-014's 公示 ends 12-02, R2026-013's 12-03. R2026-030 is a plain 通知 published
2026-11-02 on the web with files/2026/R2026-030.pdf beside it (not linked).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from test_gate_memo import RECORDS, START, Clerk, fresh, remembered, summary
from portal_catalog import record

WITHDRAWN_ON = dt.date(2026, 11, 22)
AFTER = dt.date(2026, 11, 23)  # the withdrawal has taken effect; before R2026-014's 公开日期 (11-24)


def _withdrawn_later(clerk: Clerk) -> str:
    """R2026-030, to be withdrawn on 11-22: admitted on START, withdrawn from 11-22 on."""
    clerk.add("R2026-030", f"撤回:\n  日期: {WITHDRAWN_ON}\n  原因: 误发\n")
    return clerk.path("R2026-030").read_text("utf-8")


def test_a_record_moved_away_and_back_after_its_withdrawal_is_not_published(tmp_path):
    """A record file taken out of the catalog (moved to the desktop, a git stash, another branch) and put back with
    the same content after its 撤回 date: the memo still holds its outcome from before the withdrawal, but that
    outcome held only until 11-22. It must be withdrawn, not published."""
    clerk = Clerk(tmp_path / "catalog")
    _withdrawn_later(clerk)
    _, gate = remembered(clerk.root, START)
    assert gate.admits("R2026-030")
    aside = tmp_path / "R2026-030.yaml"
    shutil.move(clerk.path("R2026-030"), aside)
    _, gate = remembered(clerk.root, AFTER)
    assert not gate.admits("R2026-030")
    shutil.move(aside, clerk.path("R2026-030"))
    _, gate = remembered(clerk.root, AFTER)
    assert not gate.admits("R2026-030")
    assert [r.id for r in gate.withdrawn] == ["R2026-016", "R2026-030"]
    assert summary(gate) == summary(fresh(clerk.root, AFTER))


def test_a_record_broken_and_repaired_after_its_withdrawal_is_not_published(tmp_path):
    """The same with a typo: the file cannot be read for a while (no outcome), then is put back as it was."""
    clerk = Clerk(tmp_path / "catalog")
    text = _withdrawn_later(clerk)
    remembered(clerk.root, START)
    clerk.path("R2026-030").write_text(text.replace("题名: ", "题名: [", 1), "utf-8")  # not YAML any more
    _, gate = remembered(clerk.root, AFTER)
    assert gate.get("R2026-030") is None
    clerk.path("R2026-030").write_text(text, "utf-8")
    _, gate = remembered(clerk.root, AFTER)
    assert not gate.admits("R2026-030")
    assert summary(gate) == summary(fresh(clerk.root, AFTER))


def test_a_record_put_back_after_its_item_changed_takes_the_items_channels_of_now(tmp_path):
    """A record that takes its channels from its item (none of its own) is away while the item drops 政府网站; put
    back unchanged, it must not reach the web on the item's old channels."""
    from gongkai.gate import Output

    clerk = Clerk(tmp_path / "catalog")
    clerk.write("R2026-040", record("R2026-040", "测试县民政局关于事项渠道的通知", item="SHJZ-001"))
    _, gate = remembered(clerk.root, START)
    assert gate.admits("R2026-040", Output.WEB)
    aside = tmp_path / "R2026-040.yaml"
    shutil.move(clerk.path("R2026-040"), aside)
    remembered(clerk.root, START)
    clerk.edit_file("items/shjz/SHJZ-001.yaml", "公开渠道: [政府网站, ", "公开渠道: [")
    remembered(clerk.root, START)  # decided afresh: the item changed (R2026-040 is away)
    shutil.move(aside, clerk.path("R2026-040"))
    _, gate = remembered(clerk.root, START)
    assert gate.admits("R2026-040") and not gate.admits("R2026-040", Output.WEB)
    assert summary(gate) == summary(fresh(clerk.root, START))


def _csv(text: str) -> bytes:
    return text.encode("utf-8")


def test_an_attachment_in_a_hidden_folder_edited_to_hold_an_id_is_not_published(tmp_path):
    """An attachment under a folder the listing skips (files/.lists/, files/node_modules/): an edit of it is in no
    fingerprint. When a later edit of another record takes R2026-030's outcome from the memo, a list that now holds an
    ID number must still hold R2026-030 back, as a fresh gate does."""
    clerk = Clerk(tmp_path / "catalog")
    clerk.cat.write("files/.lists/R2026-030.csv", _csv("序号,事项\n1,低保标准\n"))
    clerk.write("R2026-030", record("R2026-030", "测试县民政局关于低保标准的通知", channels="政府网站",
                                    extra="附件:\n  - 文件: files/.lists/R2026-030.csv\n"))
    _, gate = remembered(clerk.root, START)
    # a file gongkai does not list is no attachment: held back from the start (GK606), not decided from its content
    assert gate.unsafe["R2026-030"] == ["附件「files/.lists/R2026-030.csv」在隐藏文件夹或 gongkai 不读取的文件夹「.lists」中"]
    clerk.cat.write("files/.lists/R2026-030.csv", _csv("姓名,身份证号\n张某,11010519491231002X\n"))
    clerk.apply(("title", 0))  # R2026-010: a record edit, so the memo is used
    catalog, gate = remembered(clerk.root, START)
    assert catalog.partial and not gate.admits("R2026-030")
    assert summary(gate) == summary(fresh(clerk.root, START))


def test_an_attachment_in_a_folder_the_listing_skips_is_refused_by_the_one_check():
    from gongkai.privacy.attachments import path_problem

    for path in ("files/.lists/a.csv", "files/2026/node_modules/a.pdf", "files/__pycache__/a.pdf", "files/.git/a.pdf"):
        problem = path_problem(path)
        assert problem is not None and problem.code == "GK606", path
    assert path_problem("files/2026/.a.pdf") is None  # a file's own name may start with a dot: it is listed
    assert path_problem("files/2026/R2026-030.pdf") is None


def test_a_remembered_record_edited_before_its_page_is_made_stops_the_build(tmp_path):
    """The record of a remembered admission is read when its page is made: edited in between, the page must not show
    the new text under the old decision (a name or an ID number just typed in)."""
    import pytest

    from gongkai.gate.memo import CatalogChanged

    clerk = Clerk(tmp_path / "catalog")
    remembered(clerk.root, START)
    clerk.apply(("title", 0))  # R2026-010: R2026-030 comes from the memo
    catalog, gate = remembered(clerk.root, START)
    assert catalog.partial and "R2026-030" not in catalog.records
    clerk.apply(("id_number", 6))  # R2026-030, after the gate decided
    with pytest.raises(CatalogChanged, match="R2026-030.yaml"):
        gate.get("R2026-030").record


def test_a_remembered_record_deleted_before_its_page_is_made_stops_the_build_with_the_message(tmp_path):
    """Deleted (or moved) in between: the same Chinese message, not a crash with a Python traceback (exit 3)."""
    import pytest

    from gongkai.gate.memo import CatalogChanged

    clerk = Clerk(tmp_path / "catalog")
    remembered(clerk.root, START)
    clerk.apply(("title", 0))
    _, gate = remembered(clerk.root, START)
    clerk.path("R2026-030").unlink()
    with pytest.raises(CatalogChanged, match="R2026-030.yaml"):
        gate.get("R2026-030").record


def test_the_site_takes_down_a_record_put_back_after_its_withdrawal(tmp_path):
    """The same through build-site: the page of the record put back after its 撤回 date is not made, as in a fresh
    build of the same day."""
    from gongkai.site import build_site

    clerk = Clerk(tmp_path / "catalog")
    _withdrawn_later(clerk)
    site = tmp_path / "site"
    build_site(clerk.root, site, START)
    assert (site / "records/R2026-030.html").exists()
    aside = tmp_path / "R2026-030.yaml"
    shutil.move(clerk.path("R2026-030"), aside)
    build_site(clerk.root, site, AFTER)
    shutil.move(aside, clerk.path("R2026-030"))
    build_site(clerk.root, site, AFTER)
    assert not (site / "records/R2026-030.html").exists()
    build_site(clerk.root, tmp_path / "fresh", AFTER, use_cache=False)
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")) == sorted(
        p.relative_to(tmp_path / "fresh").as_posix() for p in (tmp_path / "fresh").rglob("*.html"))


def test_an_empty_folder_that_twins_an_attachment_holds_the_record_back_as_a_fresh_gate_does(tmp_path):
    """An empty folder named like an attachment up to case (files/2026/r2026-030.pdf/ beside R2026-030.pdf) makes the
    attachment refused (GK606: on Windows and macOS the two are one). An empty folder was in no listing, so no
    fingerprint changed and after an edit of another record the memo kept admitting R2026-030; the listing names the
    tree's folders since the thirty-seventh session (tests/test_hostile35_incremental_truth.py)."""
    clerk = Clerk(tmp_path / "catalog")
    clerk.write("R2026-030", record("R2026-030", "测试县民政局关于低保标准的通知", channels="政府网站",
                                    extra="附件:\n  - 文件: files/2026/R2026-030.pdf\n"))
    _, gate = remembered(clerk.root, START)
    assert gate.admits("R2026-030")
    (clerk.root / "files/2026/r2026-030.pdf").mkdir()
    assert "R2026-030" in fresh(clerk.root, START).unsafe
    clerk.apply(("title", 0))  # R2026-010
    _, gate = remembered(clerk.root, START)
    assert "R2026-030" in gate.unsafe and not gate.admits("R2026-030")
    assert summary(gate) == summary(fresh(clerk.root, START))


def test_a_record_put_back_on_an_earlier_day_is_not_published_before_its_publication_date(tmp_path):
    """--today going backwards: R2026-040, published on 11-25, is decided on 11-26 (admitted), taken away, and put back
    unchanged for a build dated 11-21. Its outcome of 11-26 does not hold on 11-21: it is not out yet."""
    clerk = Clerk(tmp_path / "catalog")
    clerk.write("R2026-040", record("R2026-040", "测试县民政局关于以后公开的通知", published="2026-11-25",
                                    channels="政府网站"))
    _, gate = remembered(clerk.root, dt.date(2026, 11, 26))
    assert gate.admits("R2026-040")
    aside = tmp_path / "R2026-040.yaml"
    shutil.move(clerk.path("R2026-040"), aside)
    remembered(clerk.root, dt.date(2026, 11, 21))
    shutil.move(aside, clerk.path("R2026-040"))
    _, gate = remembered(clerk.root, dt.date(2026, 11, 21))
    assert not gate.admits("R2026-040")
    assert gate.next_change == dt.date(2026, 11, 24)  # R2026-014 is out then (R2026-040 on 11-25)
    assert summary(gate) == summary(fresh(clerk.root, dt.date(2026, 11, 21)))


def test_a_serial_in_an_attachment_that_becomes_an_id_is_the_next_change(tmp_path):
    """18 digits a float rounded, in a list attached to R2026-030 (not in its body): a serial until 2026-12-01, an ID
    of someone born that day from then on. Decided on 11-28, the memo must not hold past 12-01."""
    from test_gate_memo import SERIAL_UNTIL_DEC_1

    clerk = Clerk(tmp_path / "catalog")
    clerk.cat.write("files/2026/R2026-030.csv", _csv(f"序号,受理编号\n1,{SERIAL_UNTIL_DEC_1}\n"))
    clerk.write("R2026-030", record("R2026-030", "测试县民政局关于低保标准的通知", channels="政府网站",
                                    extra="附件:\n  - 文件: files/2026/R2026-030.csv\n"))
    _, gate = remembered(clerk.root, dt.date(2026, 11, 28))
    assert gate.admits("R2026-030") and gate.next_change == dt.date(2026, 12, 1)
    clerk.apply(("title", 0))  # R2026-010
    _, gate = remembered(clerk.root, dt.date(2026, 12, 1))
    assert not gate.admits("R2026-030") and "R2026-030" in gate.blocked
    assert summary(gate) == summary(fresh(clerk.root, dt.date(2026, 12, 1)))


def test_a_serial_in_an_item_that_becomes_an_id_stops_the_directory_on_its_day(tmp_path):
    """The same 18 digits in an item (its 公开依据): from 12-01 an ID in the directory, which stops publication."""
    from test_gate_memo import SERIAL_UNTIL_DEC_1

    clerk = Clerk(tmp_path / "catalog")
    clerk.edit_file("items/shjz/SHJZ-001.yaml", "公开依据:\n", f"公开依据:\n  - 受理编号 {SERIAL_UNTIL_DEC_1}\n")
    _, gate = remembered(clerk.root, dt.date(2026, 11, 28))
    assert gate.directory_findings == [] and gate.next_change == dt.date(2026, 12, 1)
    clerk.apply(("title", 0))  # R2026-010
    _, gate = remembered(clerk.root, dt.date(2026, 12, 1))
    assert [(where.split("（")[0], label) for where, label, _ in gate.directory_findings] == [("事项 SHJZ-001", "身份证号")]
    assert gate.directory_findings[0][0].startswith("事项 SHJZ-001（items/shjz/SHJZ-001.yaml 第")  # (its line: round 29)
    assert summary(gate) == summary(fresh(clerk.root, dt.date(2026, 12, 1)))


AWAY_OPS = st.tuples(st.sampled_from(["away", "back", "break", "withdraw", "publish_later", "item", "title", "day",
                                      "back_day"]), st.integers(0, 20))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(AWAY_OPS, min_size=1, max_size=7))
@example(ops=[("away", 2), ("day", 7), ("back", 0)])  # R2026-014 away over its 公开日期 (11-24): out when back
def test_files_taken_away_and_put_back_unchanged_are_decided_as_by_a_fresh_gate(tmp_path_factory, ops):
    """The memo's property test (tests/test_gate_memo.py) with record files taken out of the catalog, or broken, and
    put back byte for byte later, on days forward and back."""
    top = tmp_path_factory.mktemp("away")
    clerk = Clerk(top / "catalog")
    aside: dict[str, bytes] = {}
    today = START
    remembered(clerk.root, today)
    for step, (name, n) in enumerate(ops):
        rid = RECORDS[n % len(RECORDS)]
        if name == "day":
            today += dt.timedelta(days=n % 8)
        elif name == "back_day":
            today -= dt.timedelta(days=n % 5)
        elif name in ("away", "break") and clerk.path(rid).exists() and rid not in aside:
            aside[rid] = clerk.path(rid).read_bytes()
            if name == "away":
                clerk.path(rid).unlink()
            else:
                clerk.path(rid).write_bytes(aside[rid].replace("题名: ".encode(), "题名: [".encode(), 1))
        elif name == "back" and aside:
            back = sorted(aside)[n % len(aside)]
            clerk.path(back).write_bytes(aside.pop(back))
        elif name not in ("away", "break", "back"):
            clerk.apply((name, n))
        _, gate = remembered(clerk.root, today)
        assert summary(gate) == summary(fresh(clerk.root, today)), (ops[: step + 1], today)
