"""The gate's memo (gongkai.gate.memo): a command after an edit decides the records that changed and takes the
others' outcomes from the memo. Whatever the edits and the days, the decision must be the one a fresh gate reaches
over the whole catalog without any cache — record by record, with every field, reason and date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CatalogDir, add_fields, text_pdf
from gongkai.catalog.listing import open_catalog, scan
from gongkai.catalog.loader import load_catalog
from gongkai.gate import Gate, admit
from gongkai.gate.memo import admit_remembered, open_memo
from gongkai.site import build_site
from portal_catalog import build as portal_catalog
from portal_catalog import record

START = dt.date(2026, 11, 20)
RECORDS = ["R2026-010", "R2026-013", "R2026-014", "R2026-015", "R2026-016", "R2026-017", "R2026-030"]
# 18 digits a float rounded: a serial until 2026-12-01, an ID of someone born that day from then on (hand-checked)
SERIAL_UNTIL_DEC_1 = "350524202612011000"


def remembered(root: Path, today: dt.date) -> tuple[Any, Gate]:
    source, cache = open_catalog(root)
    catalog, gate, _ = admit_remembered(source, scan(source, cache), cache, today)
    return catalog, gate


def fresh(root: Path, today: dt.date) -> Gate:
    return admit(load_catalog(root, use_cache=False), today)


def summary(gate: Gate) -> dict[str, Any]:
    """Everything the gate decided, as plain values (an admitted record read in full, as every output shows it)."""
    return {
        "admitted": [(a.id, a.facts, a.blob, a.item.id if a.item else None, a.channels, sorted(o.name for o in a.outputs),
                      a.state, a.notice_end, a.lists_people, a.validity, a.validity_date, a.notice_provisional,
                      a.token, a.record.model_dump()) for a in gate.admitted],
        "blocked": {rid: [(f.where, f.label, f.masked_value, f.born) for f in found]
                    for rid, found in gate.blocked.items()},
        "unsafe": gate.unsafe, "held": gate.held, "no_item": gate.no_item,
        "withdrawn": [r.model_dump() for r in gate.withdrawn], "withheld": [r.model_dump() for r in gate.withheld],
        "next_change": gate.next_change, "directory_findings": gate.directory_findings,
    }


class Clerk:
    """The portal test catalog (a record of every kind the gate tells apart), edited record by record."""

    def __init__(self, root: Path) -> None:
        root.mkdir(parents=True)
        cat = CatalogDir(root)
        cat.write("gongkai.yaml", "")
        cat.item()
        cat.record()
        self.cat = portal_catalog(cat)
        self.root = root
        self.cat.write("files/2026/R2026-030.pdf", text_pdf("a plain form"))
        self.write("R2026-030", record("R2026-030", "测试县民政局关于低保标准的通知", channels="政府网站"))

    def path(self, rid: str) -> Path:
        return self.root / "records/2026" / f"{rid}.yaml"

    def write(self, rid: str, text: str) -> None:
        self.cat.write(f"records/2026/{rid}.yaml", text)

    def edit(self, rid: str, old: str, new: str) -> None:
        path = self.path(rid)
        if path.exists():
            path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")

    def add(self, rid: str, lines: str) -> None:
        add_fields(self.path(rid), lines)

    def apply(self, op: tuple[str, int]) -> None:
        name, n = op
        rid = RECORDS[n % len(RECORDS)]
        day = (START + dt.timedelta(days=n)).isoformat()
        if name == "title":
            self.edit(rid, "题名: ", f"题名: 第{n}次修改")
        elif name == "body":
            self.edit(rid, "正文: |\n", f"正文: |\n  补充说明{n}。\n\n")
        elif name == "id_number":
            self.edit(rid, "正文: |\n", "正文: |\n  申请人身份证号 11010519491231002X。\n\n")
        elif name == "serial":
            self.edit(rid, "正文: |\n", f"正文: |\n  受理编号 {SERIAL_UNTIL_DEC_1}。\n\n")
        elif name == "private":
            self.edit(rid, "公开属性: 主动公开", "公开属性: 依申请公开")
        elif name == "publish_later":
            self.set_value(rid, "公开日期", day)
        elif name == "review_later":
            self.set_value(rid, "  审查日期", day)
        elif name == "withdraw":
            self.add(rid, f"撤回:\n  日期: {day}\n  原因: 误将陈水生住址经兜村3组15号公开\n")
        elif name == "repeal":
            self.add(rid, f"有效性: 失效\n有效性日期: {day}\n")
        elif name == "share":  # R2026-030 shows a file of its own, or the file of a list (on, or ended)
            other = ["R2026-014", "R2026-015", "R2026-030"][n % 3]
            self.write("R2026-030", record("R2026-030", f"测试县民政局关于低保标准的通知{n}", channels="政府网站",
                                           extra=f"附件:\n  - 文件: files/2026/{other}.pdf\n"))
        elif name == "link":  # a 正文 links the file of a record (a list, running or ended; R2026-030's own file)
            other = ["R2026-014", "R2026-015", "R2026-030"][n % 3]
            self.edit(rid, "正文: |\n", f"正文: |\n  详见[材料](../files/2026/{other}.pdf)。\n\n")
        elif name == "copy":  # a copy left beside the file: the 编号 is declared twice (GK201)
            if self.path(rid).exists():  # as Explorer names it (a file the listing notes), or in another folder
                copy = self.root / ("records/2026" if n % 2 else "records/2027") / (
                    f"{rid} - 副本.yaml" if n % 2 else f"{rid}.yaml")
                copy.parent.mkdir(exist_ok=True)
                shutil.copy(self.path(rid), copy)
        elif name == "uncopy":
            for copy in [*(self.root / "records/2026").glob("* - 副本.yaml"), *(self.root / "records").glob("2027/*")]:
                copy.unlink()
        elif name == "delete":
            self.path(rid).unlink(missing_ok=True)
        elif name == "restore":
            self.write("R2026-030", record("R2026-030", f"测试县民政局关于低保标准的通知{n}", channels="政府网站"))
        elif name == "item":
            self.edit_file("items/shjz/SHJZ-001.yaml", "二级事项: ", f"二级事项: 改{n}")
        elif name == "attachment":  # the same file, now with a mobile number in it (or its document properties)
            text = [f"a plain form, version {n}", f"contact 1380595{n:04d}", "form"][n % 3]
            self.cat.write("files/2026/R2026-030.pdf", text_pdf(text, info="/Author (13812345678)" if n % 3 == 2 else ""))

    def set_value(self, rid: str, key: str, value: str) -> None:
        path = self.path(rid)
        if path.exists():
            path.write_text(re.sub(rf"(?m)^{key}: .*$", f"{key}: {value}", path.read_text("utf-8"), count=1), "utf-8")

    def edit_file(self, relative: str, old: str, new: str) -> None:
        path = self.root / relative
        path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")


OPS = st.tuples(st.sampled_from(["title", "body", "id_number", "serial", "private", "publish_later", "review_later",
                                 "withdraw", "repeal", "share", "link", "copy", "uncopy", "delete", "restore", "item",
                                 "attachment", "day", "day"]), st.integers(0, 20))


@settings(max_examples=int(os.environ.get("GONGKAI_PROPERTY_EXAMPLES", "25")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(OPS, min_size=1, max_size=6))
def test_the_remembered_decision_equals_a_fresh_gate(ops):
    with tempfile.TemporaryDirectory() as folder:
        clerk = Clerk(Path(folder) / "catalog")
        today = START
        remembered(clerk.root, today)
        for step, op in enumerate(ops):
            if op[0] == "day":
                today += dt.timedelta(days=op[1] % 8)
            else:
                clerk.apply(op)
            _, gate = remembered(clerk.root, today)
            assert summary(gate) == summary(fresh(clerk.root, today)), (ops[: step + 1], today)


def test_an_edit_of_one_record_reads_only_that_record(tmp_path):
    clerk = Clerk(tmp_path / "catalog")
    remembered(clerk.root, START)
    clerk.apply(("title", 0))  # R2026-010
    catalog, gate = remembered(clerk.root, START)
    assert catalog.partial and set(catalog.records) == {"R2026-010"}
    assert gate.get("R2026-010").record.title.startswith("第0次修改")
    # the others come from the memo, read from their files only when asked, as the gate showed them
    assert gate.get("R2026-030").record.title == "测试县民政局关于低保标准的通知"
    assert summary(gate) == summary(fresh(clerk.root, START))


def test_a_memo_read_told_to_stop_keeps_nothing(tmp_path):
    """build-site stops reading the memo once the listing beside it finds the site up to date (site.build)."""
    clerk = Clerk(tmp_path / "catalog")
    remembered(clerk.root, START)
    source, cache = open_catalog(clerk.root)
    assert open_memo(source, cache).get("records/2026/R2026-010.yaml") is not None
    assert open_memo(source, cache, lambda: True).get("records/2026/R2026-010.yaml") is None


@pytest.mark.parametrize("change", ["item", "attachment", "copy"])
def test_what_is_not_a_record_edit_decides_afresh(tmp_path, change):
    clerk = Clerk(tmp_path / "catalog")
    remembered(clerk.root, START)
    clerk.apply((change, 0))
    catalog, gate = remembered(clerk.root, START)
    assert not catalog.partial
    assert summary(gate) == summary(fresh(clerk.root, START))


def test_a_day_before_the_memo_decides_every_record_again(tmp_path):
    clerk = Clerk(tmp_path / "catalog")
    remembered(clerk.root, START)
    today = START - dt.timedelta(days=1)  # no outcome was decided for it
    catalog, gate = remembered(clerk.root, today)
    assert set(catalog.records) == set(load_catalog(clerk.root, use_cache=False).records)
    assert summary(gate) == summary(fresh(clerk.root, today))


def test_on_the_day_of_a_change_only_that_record_is_decided_again(tmp_path):
    clerk = Clerk(tmp_path / "catalog")
    clerk.add("R2026-030", "撤回:\n  日期: 2026-11-21\n  原因: 误发\n")
    _, gate = remembered(clerk.root, START)
    assert gate.next_change == dt.date(2026, 11, 21)  # before R2026-014's 公开日期 (11-24), the next after it
    assert gate.admits("R2026-030")
    clerk.apply(("title", 0))
    catalog, gate = remembered(clerk.root, START)
    assert catalog.partial and gate.admits("R2026-030")
    clerk.apply(("title", 7))  # RECORDS[0]: R2026-010 again
    catalog, gate = remembered(clerk.root, dt.date(2026, 11, 21))
    assert catalog.partial and set(catalog.records) == {"R2026-010", "R2026-030"}
    assert not gate.admits("R2026-030") and "R2026-030" in {r.id for r in gate.withdrawn}
    assert gate.next_change == dt.date(2026, 11, 24)
    assert summary(gate) == summary(fresh(clerk.root, dt.date(2026, 11, 21)))


def test_a_serial_that_becomes_an_id_is_the_next_change(tmp_path):
    """An 18-digit number a float rounded is a serial until the birth date it shows, an ID from then on: the gate's
    next change is that day, so a site built before it is built again then (before, nothing changed in the catalog,
    so the page stayed up with what had become an ID number)."""
    clerk = Clerk(tmp_path / "catalog")
    clerk.apply(("serial", 6))  # RECORDS[6]: R2026-030
    # on 11-28 the other changes are past (R2026-013 out on 11-25) or later (R2026-014's 公示 ends 12-02)
    gate = fresh(clerk.root, dt.date(2026, 11, 28))
    assert gate.admits("R2026-030") and gate.next_change == dt.date(2026, 12, 1)
    site = tmp_path / "site"
    build_site(clerk.root, site, dt.date(2026, 11, 28))
    assert (site / "records/R2026-030.html").exists()
    result = build_site(clerk.root, site, dt.date(2026, 12, 1))  # nothing changed in the catalog
    assert not result.unchanged and not (site / "records/R2026-030.html").exists()
    assert "R2026-030" in result.blocked


def test_a_memo_written_by_other_code_is_not_read(tmp_path):
    clerk = Clerk(tmp_path / "catalog")
    remembered(clerk.root, START)
    memo = sorted((clerk.root / ".gongkai-cache").glob("gate.v3.*.*.pickle"))
    assert memo
    for part in memo:  # a flipped byte: the MAC no longer matches, the memo is ignored
        data = bytearray(part.read_bytes())
        data[-10] ^= 0xFF
        part.write_bytes(bytes(data))
    clerk.apply(("title", 0))
    catalog, gate = remembered(clerk.root, START)
    assert not catalog.partial
    assert summary(gate) == summary(fresh(clerk.root, START))


def test_an_outcome_keeps_every_field_through_the_memo():
    """Every field of Outcome and Admission is either kept or deliberately dropped (the record: read again)."""
    from gongkai.gate import Admission, Outcome

    assert {f.name for f in dataclasses.fields(Outcome)} == {
        "id", "verdict", "change", "withheld", "admission", "findings", "reasons", "why", "record", "copy",
        "withheld_as", "forwards"}
    assert {f.name for f in dataclasses.fields(Admission)} == {
        "facts", "blob", "item", "channels", "outputs", "state", "notice_end", "lists_people", "validity",
        "validity_date", "notice_provisional", "source", "token", "newest"}


def test_a_record_changed_while_the_build_reads_it_stops_the_build(tmp_path):
    """A remembered admission reads its record when a page shows it: a file saved in between is not shown as the
    gate did not decide it; the build stops with a Chinese message and the site stays as it was."""
    from gongkai.gate.memo import CatalogChanged

    clerk = Clerk(tmp_path / "catalog")
    remembered(clerk.root, START)
    clerk.apply(("title", 0))  # R2026-010: decided again
    catalog, gate = remembered(clerk.root, START)
    assert catalog.partial
    clerk.apply(("title", 6))  # R2026-030, remembered, is saved meanwhile
    with pytest.raises(CatalogChanged, match="R2026-030.yaml」在生成网站的过程中被修改了"):
        gate.get("R2026-030").record


def test_many_records_to_decide_again_are_decided_from_the_snapshot(tmp_path, monkeypatch):
    """Parsed one by one, many record files take longer than the whole parsed snapshot: past a share (at 100,000
    records, 2,000 of them) every record is decided afresh."""
    import gongkai.gate.memo as memo

    monkeypatch.setattr(memo, "AGAIN_MIN", 2)
    clerk = Clerk(tmp_path / "catalog")
    remembered(clerk.root, START)
    clerk.apply(("title", 0))
    clerk.apply(("title", 6))
    catalog, _ = remembered(clerk.root, START)  # two to decide again: from the memo
    assert catalog.partial
    for n in (0, 5, 6):
        clerk.apply(("title", n))
    catalog, gate = remembered(clerk.root, START)  # three: afresh
    assert not catalog.partial
    assert summary(gate) == summary(fresh(clerk.root, START))


@pytest.mark.parametrize("kept", [True, False])
def test_a_copy_under_a_plain_name_decides_afresh(tmp_path, kept):
    """A copy of a record saved where the listing takes it without a note (records/2027/R2026-030.yaml): its 编号 is then
    declared twice (GK201), by a remembered file and a new one, or (edited too) by two new ones; which file stands
    depends on both, so every record is decided afresh and neither copy is published."""
    clerk = Clerk(tmp_path / "catalog")
    remembered(clerk.root, START)
    clerk.apply(("copy", 6))  # RECORDS[6]: R2026-030 → records/2027/R2026-030.yaml
    if not kept:
        clerk.apply(("title", 6))  # the original changed as well: both files are read again
    catalog, gate = remembered(clerk.root, START)
    assert not catalog.partial
    assert not gate.admits("R2026-030") and "R2026-030" in gate.held
    assert summary(gate) == summary(fresh(clerk.root, START))


def test_a_remembered_list_keeps_the_name_in_its_title_masked(tmp_path):
    """A 公示 whose title names the household its list holds is shown with the name masked (gate.admit._shown); a
    build that takes its admission from the memo reads the record from its file again and must mask it the same way,
    on the record's page too."""
    from portal_catalog import LIST

    clerk = Clerk(tmp_path / "catalog")
    clerk.write("R2026-031", record("R2026-031", "关于陈水生家庭申请最低生活保障的公示", kind="公示", published="2026-11-19",
                                    channels="政府网站", item="SHJZ-001", extra="公示期: 7\n",
                                    body="现将申请对象公示如下。\n\n" + LIST.format(name="陈水生")))
    site = tmp_path / "site"
    build_site(clerk.root, site, START)
    clerk.apply(("title", 0))  # another record: R2026-031 comes from the memo
    catalog, gate = remembered(clerk.root, START)
    assert catalog.partial and "R2026-031" not in catalog.records
    assert gate.get("R2026-031").record.title == "关于陈*生家庭申请最低生活保障的公示"
    clerk.apply(("title", 1))
    build_site(clerk.root, site, START)
    (site / "records/R2026-031.html").unlink()  # made again from the remembered admission
    (site / ".gongkai-build.json").unlink()
    build_site(clerk.root, site, START)
    page = (site / "records/R2026-031.html").read_text("utf-8")
    assert "关于陈*生家庭申请最低生活保障的公示" in page
    assert "关于陈水生" not in page  # (the list itself is on the page while its 公示 runs)


def test_a_copy_taken_away_again_lets_the_record_out(tmp_path):
    """While an 编号 is declared twice its record is held; the memo keeps nothing of that state, so once the copy is
    gone the record is published again (not held on from a remembered outcome)."""
    clerk = Clerk(tmp_path / "catalog")
    remembered(clerk.root, START)
    clerk.apply(("copy", 6))  # records/2027/R2026-030.yaml, after the file that stands (by path)
    _, gate = remembered(clerk.root, START)
    assert "R2026-030" in gate.held
    clerk.apply(("uncopy", 0))
    clerk.apply(("title", 0))
    _, gate = remembered(clerk.root, START)
    assert gate.admits("R2026-030")
    assert summary(gate) == summary(fresh(clerk.root, START))


def test_a_file_that_cannot_be_read_does_not_make_the_others_forgotten(tmp_path):
    clerk = Clerk(tmp_path / "catalog")
    clerk.path("R2026-013").write_text("编号: [R2026-013\n", "utf-8")  # not YAML: read again every time
    remembered(clerk.root, START)
    clerk.apply(("title", 0))
    catalog, _ = remembered(clerk.root, START)
    assert catalog.partial and {p.rsplit("/", 1)[-1] for p, f in catalog.files.items() if f.kind == "record"} == {
        "R2026-010.yaml", "R2026-013.yaml"}
