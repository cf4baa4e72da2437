"""Incremental validate equals a full check: after any sequence of edits, `validate` answered from the cache prints
exactly what `validate --no-cache` prints (every rule on every file).

A rule classed per-file that reads another file, a summary that misses a field a cross-file rule reads, or a finding
placed from a stale position leaves some sequence below with a different report. More examples locally:
GONGKAI_PROPERTY_EXAMPLES=200 .venv/bin/python -m pytest tests/test_validate_incremental.py
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import BUNDLED

RECORDS = ["2026/R2026-001", "2026/R2026-002", "2026/R2026-005", "2026/R2026-010", "2025/R2025-003",
           # what others point at: a 解读 (R2026-008), a forwarded file (R2026-011), the newer of a 替代 (R2026-015)
           "2026/R2026-008", "2026/R2026-011", "2026/R2026-015", "2025/R2025-004"]
IDS = [r.split("/")[1] for r in RECORDS] + ["R2026-099"]  # R2026-099: no such record
DAYS = ["2026-11-27", "2026-12-01", "2027-02-03", "2027-01-06"]
NOTICE = ("年度: 2027\n通知: 测试通知\n放假:\n  - 名称: 春节\n    开始: 2027-02-05\n    结束: 2027-02-11\n"
          "调休上班: [2027-02-20]\n")
EXAMPLES = int(os.environ.get("GONGKAI_PROPERTY_EXAMPLES", "6"))


class Clerk:
    """The bundled catalog in a temporary folder, and the edits a clerk (or an accident) makes to it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.today = DAYS[0]

    def record(self, n: int) -> Path:
        return self.root / "records" / f"{RECORDS[n % len(RECORDS)]}.yaml"

    def replace(self, path: Path, old: str, new: str) -> None:
        if path.is_file():
            text = path.read_text("utf-8")
            path.write_text(text.replace(old, new, 1) if old in text else text + new, "utf-8")

    def apply(self, op: str, n: int) -> None:
        path = self.record(n)
        if op == "title":
            self.replace(path, "题名: ", f"题名: 第{n}次修改")
        elif op == "body":  # a line more: what follows the 正文 moves down
            self.replace(path, "正文: |\n", f"正文: |\n  第{n}段新增内容，联系电话 1380595{n:04d}。\n")
        elif op == "body-first" and path.is_file():  # the 正文 block above every other field
            lines = path.read_text("utf-8").split("\n")
            start = next((i for i, line in enumerate(lines) if line.startswith("正文:")), None)
            if start is not None:
                end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in ("", " ")), len(lines))
                path.write_text("\n".join(lines[start:end] + lines[:start] + lines[end:]), "utf-8")
        elif op == "date":
            self.replace(path, "公开日期: 2026-", f"公开日期: 2026-0{n % 9 + 1}-1{n % 9}\n备注: 改\n#")
        elif op == "formed":  # same year, so no record part changes: what GK506 reads of a record a ledger lists
            self.replace(path, "成文日期: 2026-", f"成文日期: 2026-0{n % 7 + 1}-1{n % 10}\n#")
        elif op == "index":  # take another record's 索引号
            self.replace(path, "索引号: \"350524-MZ-", "索引号: \"350524-MZ-2026-00001\"\n#")
        elif op == "id":  # the id of another record (GK201, GK203, every reference to either) or of none
            self.replace(path, "编号: ", f"编号: {IDS[(n + 1) % len(IDS)]}\n#")
        elif op == "item":  # another item, or one that does not exist (GK205, GK305, GK402, GK410–GK412)
            self.replace(path, "事项: ", f"事项: {['SHJZ-002', 'JGXX-004', 'SHJZ-099'][n % 3]}\n#")
        elif op == "kind":  # what a 解读 must be (GK206), what the annual report is (GK903)
            self.replace(path, "文种: ", f"文种: {['政策解读', '规范性文件', '年度报告'][n % 3]}\n#")
        elif op == "attribute":  # what a forward (GK306) and a ledger (GK508) look up
            self.replace(path, "公开属性: ", f"公开属性: {['依申请公开', '主动公开'][n % 2]}\n#")
        elif op == "refer":  # a 解读, 转发, 替代 or 被替代 reference, to a record that may or may not exist
            key = ["解读", "转发", "替代", "被替代"][n % 4]
            target = IDS[n % len(IDS)]
            value = f"[{target}]" if key in ("解读", "替代") else target
            self.replace(path, f"{key}: ", f"{key}: {value}\n#")
        elif op == "ledger":  # a handover ledger listing records (GK501–GK510), rewritten or removed
            ledger = self.root / "handover" / "2026-09-07.yaml"
            ledger.parent.mkdir(exist_ok=True)
            listed = "".join(f"  - 编号: {IDS[(n + k) % len(IDS)]}\n" for k in range(n % 3 + 1))
            if n % 4 == 3:
                ledger.unlink(missing_ok=True)
            else:
                ledger.write_text("批次日期: 2026-09-07\n覆盖期间: {开始: 2026-08-21, 结束: 2026-09-07}\n"
                                  f"接收单位: [dag, tsg]\n信息:\n{listed}", "utf-8")
        elif op == "add":  # a copy: same id in a new file (GK201, GK203), or a new id
            same = n % 2 == 0
            target = path.with_name(f"R2026-{n % 5 * 200:03d}.yaml")  # R2026-000 sorts first: the original is the duplicate
            if path.is_file():
                text = path.read_text("utf-8")
                target.write_text(text if same else text.replace("编号: R", f"编号: R{n % 3}", 1), "utf-8")
        elif op == "delete":
            path.unlink(missing_ok=True)
        elif op == "rename" and path.is_file():
            path.rename(path.with_name(f"R2026-{800 + n % 3}.yaml"))
        elif op == "break":
            self.replace(path, "题名: ", "题名: \"没有闭合的引号\n题名: ")
        elif op == "settings":
            agency = self.root / "gongkai.yaml"
            options = [("解读时限工作日: 3", f"解读时限工作日: {n % 4}"), ("严重程度: {}", "严重程度: {GK403: off}"),
                       ("索引号格式: '^", "索引号格式: '^(")]
            old, new = options[n % len(options)]
            text = agency.read_text("utf-8")
            agency.write_text(text.replace(old, new, 1), "utf-8")
        elif op == "today":
            self.today = DAYS[n % len(DAYS)]
        elif op == "notice":
            notice = self.root / "calendar" / "2027.yaml"
            notice.parent.mkdir(exist_ok=True)
            variants = [NOTICE, NOTICE.replace("2027-02-20", "2027-02-22"), None]
            text = variants[n % len(variants)]
            notice.write_text(text, "utf-8") if text else notice.unlink(missing_ok=True)
        elif op == "share":  # link another record's file (GK612 when one of the two is not 主动公开), or 申请表.pdf, which
            # no other record attaches and the catalog does not hold (GK607; a 正文 linking it loses its GK908)
            self.replace(path, "  - 文件: files/2026/", f"  - 文件: files/2026/{SHARED[n % len(SHARED)]}.pdf\n#")
        elif op == "link":  # a 正文 links another record's file (GK612 when that record is not 主动公开), or 申请表.pdf,
            # which no record attaches (GK908 until one public record does)
            other = SHARED[n % len(SHARED)]
            self.replace(path, "正文: |\n", f"正文: |\n  详见[材料](../files/2026/{other}.pdf)。\n")
        elif op == "page":  # a 正文 links a record's page (GK909 when it is not 主动公开 or no such record)
            self.replace(path, "正文: |\n", f"正文: |\n  另见[通知]({['', 'records/'][n % 2]}{IDS[n % len(IDS)]}.html)。\n")
        elif op == "attachment":
            for pdf in sorted((self.root / "files" / "2026").glob("*.pdf"))[n % 3: n % 3 + 1]:
                pdf.write_bytes(pdf.read_bytes() + b"\n%%EOF\n" if n % 2 else b"not a pdf")


SHARED = ("R2026-001", "R2026-005", "R2026-019", "申请表")
OPS = st.sampled_from(["title", "body", "body-first", "date", "formed", "index", "id", "item", "kind", "attribute", "refer",
                       "ledger", "add", "delete", "rename", "break", "settings", "today", "notice", "attachment",
                       "share", "link", "page"])


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(OPS, st.integers(0, 40)), min_size=1, max_size=6))
@example([("add", 0), ("body-first", 0), ("body", 0)])  # a cross-file finding (GK201) moves down with its file
@example([("notice", 0), ("today", 2), ("settings", 1)])
@example([("refer", 2), ("id", 6), ("delete", 7)])  # a 替代 to R2026-011, which takes another id, then is deleted
@example([("ledger", 0), ("attribute", 0), ("date", 1)])  # a ledger lists a record that stops being 主动公开
@example([("ledger", 0), ("formed", 0), ("formed", 9)])  # GK506 (a VIEW rule) reads R2026-001 by id: re-run
@example([("body", 3), ("item", 0)])  # JGXX-005 loses its one record (GK902 reads each record's columns)
@example([("kind", 6), ("id", 5), ("item", 3)])  # the 解读 R2026-011 points at becomes 政策解读, then moves
@example([("share", 1), ("attribute", 2), ("attribute", 3)])  # R2026-002 links R2026-005's file, which turns 依申请公开 (GK612)
@example([("link", 1), ("attribute", 2), ("attribute", 3)])  # R2026-002's 正文 links that file instead (GK612)
@example([("page", 10), ("attribute", 0)])  # R2026-002 links R2026-001's page, which turns 依申请公开 (GK909)
@example([("link", 3), ("share", 7), ("attribute", 7)])  # R2026-002 links 申请表.pdf (GK908), which R2026-008 attaches
def test_cached_validate_equals_a_full_check(gk, steps):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "catalog"
        shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".gongkai-cache"))
        clerk = Clerk(root)
        _same(gk, clerk)
        for op, n in steps:
            clerk.apply(op, n)
            _same(gk, clerk)


def _same(gk, clerk: Clerk) -> None:
    args = ("validate", clerk.root, "--format", "json", "--today", clerk.today)
    cached, full = gk(*args), gk(*args, "--no-cache")
    assert (cached.code, cached.out) == (full.code, full.out)


def test_one_edit_keeps_the_other_files_results(gk, tmp_path):
    """An edit to one record's 正文 re-checks that file only: a finding in another file is still reported."""
    root = tmp_path / "catalog"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".gongkai-cache"))
    one, other = root / "records/2026/R2026-002.yaml", root / "records/2026/R2026-005.yaml"
    other.write_text(other.read_text("utf-8").replace("正文: |\n", "正文: |\n  联系电话 13805951234。\n", 1), "utf-8")
    first = gk("validate", root, "--format", "json")
    one.write_text(one.read_text("utf-8").replace("正文: |\n", "正文: |\n  新增一段。\n", 1), "utf-8")
    second = gk("validate", root, "--format", "json")
    assert "GK602" in first.out and "138****1234" in first.out
    assert second.out == first.out


def test_a_fresh_process_reads_calendar_notices_cold_and_from_the_cache(tmp_path):
    """calendar/ is read because gongkai.holidays registers it: validate imports it before listing the catalog, in a
    fresh process (the in-process gk fixture has every module imported already), also when nothing changed."""
    root = tmp_path / "catalog"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".gongkai-cache"))
    (root / "calendar").mkdir()
    (root / "calendar" / "2027.yaml").write_text(NOTICE.replace("2027-02-20", "2027-02-22"), "utf-8")  # a Monday
    command = [sys.executable, "-m", "gongkai", "validate", str(root), "--format", "json", "--today", "2026-11-27"]
    for _ in ("cold", "nothing changed"):
        run = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "GONGKAI_TODAY": ""})
        found = {(d["path"], d["code"]) for d in json.loads(run.stdout)["diagnostics"]}
        assert ("calendar/2027.yaml", "GK801") in found, run.stdout[:500]


def test_facts_store_that_does_not_match_the_remembered_state_is_not_trusted(gk, tmp_path):
    """validate keeps each file's facts in .gongkai-cache/validate-facts.sqlite3 and the state that vouches for them in
    the cache; a store older than that state (a run stopped between writing the two, a copy put back) is read as
    nothing: here it still says R2026-002 has its old 索引号, and trusting it would keep the GK202 that no longer holds."""
    root = tmp_path / "catalog"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".gongkai-cache"))
    store = root / ".gongkai-cache" / "validate-facts.sqlite3"
    one, two = root / "records/2026/R2026-001.yaml", root / "records/2026/R2026-002.yaml"
    args = ("validate", root, "--format", "json", "--today", "2026-11-27")

    def findings(run) -> set[tuple[str, str]]:
        return {(d["path"], d["code"]) for d in json.loads(run.out)["diagnostics"]}

    assert ("records/2026/R2026-002.yaml", "GK202") not in findings(gk(*args))
    kept = store.read_bytes()
    two.write_text(two.read_text("utf-8").replace("350524-MZ-2026-00002", "350524-MZ-2026-00001"), "utf-8")
    assert ("records/2026/R2026-002.yaml", "GK202") in findings(gk(*args))  # R2026-001 holds it first
    for extra in ("-wal", "-shm"):
        store.with_name(store.name + extra).unlink(missing_ok=True)
    store.write_bytes(kept)  # the facts of the first run: R2026-002 still with 00002
    one.write_text(one.read_text("utf-8").replace("350524-MZ-2026-00001", "350524-MZ-2026-00777"), "utf-8")
    cached, full = gk(*args), gk(*args, "--no-cache")
    assert ("records/2026/R2026-002.yaml", "GK202") not in findings(full)  # R2026-002 alone holds 00001 now
    assert (cached.code, cached.out) == (full.code, full.out)


def test_validate_without_its_facts_store_checks_everything_again(gk, tmp_path):
    """The facts store deleted (or unreadable) after an edit: the next run reads every file again, same report."""
    root = tmp_path / "catalog"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".gongkai-cache"))
    args = ("validate", root, "--format", "json", "--today", "2026-11-27")
    gk(*args)
    two = root / "records/2026/R2026-002.yaml"
    two.write_text(two.read_text("utf-8").replace("350524-MZ-2026-00002", "350524-MZ-2026-00001"), "utf-8")
    for extra in ("", "-wal", "-shm"):
        (root / ".gongkai-cache" / f"validate-facts.sqlite3{extra}").unlink(missing_ok=True)
    cached, full = gk(*args), gk(*args, "--no-cache")
    assert '"code": "GK202"' in full.out
    assert (cached.code, cached.out) == (full.code, full.out)


def test_a_damaged_facts_store_is_made_again(gk, tmp_path):
    """A facts store that is not a database (a disk error, a stray copy): validate reports as --no-cache does, without a
    traceback, and writes a new store."""
    root = tmp_path / "catalog"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".gongkai-cache"))
    args = ("validate", root, "--format", "json", "--today", "2026-11-27")
    gk(*args)
    store = root / ".gongkai-cache" / "validate-facts.sqlite3"
    for extra in ("-wal", "-shm"):
        store.with_name(store.name + extra).unlink(missing_ok=True)
    store.write_bytes(b"\x00not a database\n" * 512)
    two = root / "records/2026/R2026-002.yaml"
    two.write_text(two.read_text("utf-8").replace("350524-MZ-2026-00002", "350524-MZ-2026-00001"), "utf-8")
    cached, full = gk(*args), gk(*args, "--no-cache")
    assert '"code": "GK202"' in full.out
    assert (cached.code, cached.out) == (full.code, full.out)
    assert store.read_bytes().startswith(b"SQLite format 3\x00")


def test_one_edit_reads_the_edited_record_not_every_record(gk, tmp_path, monkeypatch):
    """After one edit only that record (and those sharing an id, a reference or a 索引号 with it) is read again: a
    cross-file rule that looks at every record (records.values() on the View) made a one-line edit at 100,000 records
    cost 24 s instead of 1.5 (GK508, twenty-seventh session)."""
    import gongkai.catalog.loader as loader

    root = tmp_path / "catalog"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".gongkai-cache"))
    first = gk("validate", root, "--format", "json")
    one = root / "records/2026/R2026-002.yaml"
    one.write_text(one.read_text("utf-8").replace("正文: |\n", "正文: |\n  新增一段。\n", 1), "utf-8")
    read: list[str] = []
    parse = loader.parse_file
    monkeypatch.setattr(loader, "parse_file", lambda path, *rest: read.append(path) or parse(path, *rest))
    second = gk("validate", root, "--format", "json")
    assert second.out == first.out
    records = [p for p in read if p.startswith("records/")]
    assert "records/2026/R2026-002.yaml" in records
    assert len(set(records)) <= 3, records  # of the bundled catalog's 46
