"""Thirty-first hostile pass: planted bugs in incremental validate — an edit whose problem the quick run misses.

`gongkai validate` after an edit re-checks only what the edit touched (src/gongkai/recheck): per-file rules the files
changed, KEYED rules those and the files sharing an id, a 索引号, a reference or an attachment with them (view.keys_of),
VIEW rules on a View answered from the facts the last run kept. CI and the pre-commit hook run validate with the
cache of the last run, so a key left out there lets a catalog pass that a fresh validate refuses. Each test below
runs the real CLI on a small catalog, applies the edits a clerk makes, and after each step asserts that the cached
run prints exactly what `validate --no-cache` prints (codes, files, lines, exit code) **and** the findings typed here
by hand. The conftest record R2026-001 (公示, 事项 SHJZ-001, 公开属性 on line 8, 编号 on line 1, 文种 on line 5) is the
starting point; SHJZ-001's 公开内容 「低保对象名单及相关信息」 is a list of people (a 名单 of 对象).

Found by this pass (each missed, or added, by the cached run only):

1. A copied record whose 编号 differs from another's only in case (r2026-001 beside R2026-001: one page on IIS and
   the portals, GK201, an error) was found by a fresh validate, never by the cached one once either file was edited
   or the copy added: the two ids are different keys, so the other file was not re-checked. Exit 0 in CI, 1 fresh.
   Now every record and item also shares the key of its page name (page_key) with the others.
   test_a_copy_whose_id_differs_only_in_case_is_found_after_any_edit.
2. A withheld record (依申请公开) naming a 主动公开 record's attachment otherwise than it (./files/…, files//…, another
   case: GK612 counts them the same file) left the public record's GK612 out of the cached run: the attachment's key
   was the path as written. Now the key is the path as GK612 compares it (same_file).
   test_a_withheld_record_naming_the_public_ones_attachment_otherwise.
3. A record listing people (a table with 姓名) under an item whose 公开内容 is a 名单, with no 公示期, got a GK611
   (「列有人员名单……没有公示期」, an error) in the cached run beside the right GK411 after any edit to it: the run re-read
   only the edited record, without its item, and took it for a record of no item. Now the items the re-read records
   name are read with them. test_a_people_list_under_a_list_item_is_judged_with_its_item_after_an_edit.
4. The item of such a record edited so that it no longer lists people (or back): the fresh run says GK611 (an error),
   the cached run said nothing — exit 0 in CI — because a per-file rule of a record read its item and only the item
   was re-checked. Now a change to an item (edited, added, deleted) re-checks the records that name it.
   test_an_item_that_stops_listing_people_rechecks_its_records.
5. A record re-checked because it shares one key with an edited file lost what another key makes: a 主动公开 record
   linking x.csv and y.csv, each also linked by a withheld record, kept only the GK612 of the attachment it shares
   with the withheld record edited; a record re-checked for its attachment lost its GK201 against a case twin. The
   two rules compare the records they check with one another, and the twin or the other withheld record was not
   read. Now every record sharing such a key (a page name, an attachment) with those re-checked is read along, its
   own findings kept. test_a_record_checked_again_for_one_attachment_keeps_what_another_one_finds,
   test_a_record_checked_again_for_its_attachment_keeps_its_case_twin.
6. A file added beside an attachment that Windows and macOS take for it (files/2026/X.csv beside x.csv, or a folder
   files/docs/ beside files/Docs/) is GK606 at the record naming the attachment (an error: the checkout may publish
   the other file). The cached run did not re-check the record — its attachment's content was unchanged — and said
   only GK018 for the file name, or (a folder) nothing: exit 0 in CI, 1 fresh. Now the key of a record's attachments
   holds the names on its path that another listed file or folder is the same as.
   test_a_file_windows_takes_for_the_attachment_added_beside_it.

What the mutants of the new group 「recheck」 (tools/mutation.py: run.py, state.py, store.py, view.py) showed no test
held, each now a test here: an edit undone byte for byte after two runs, in a catalog large enough that the table of
blobs is kept as a base and a delta (decode not applying the delta: the record with an ID number passed); a VIEW
finding (GK212) placed in the record it lies in after that record moved its lines, and in a record the run did not
read (View.locate not reading it: no line); a key given up (the facts of a file before its edit not looked at: a
GK202 that no longer holds stayed, a GK206 for a deleted 解读 missed); an unreadable 解读 (no GK206 beside its YAML
error, also after an edit); GK805 placed in a record not read again (_part_with); a record GK506 reads by id from a
ledger, edited after a run on the View (what the View read not remembered: the late handover missed); a 转发 looked
up with `in` on the View's records (a spurious GK207).
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import AGENCY, ITEM, RECORD
from test_hostile29_cache_mutants import _found

TODAY = "2026-11-27"
R1 = "records/2026/R2026-001.yaml"
R2 = "records/2026/R2026-002.yaml"
ITEM_PATH = "items/shjz/SHJZ-001.yaml"
# A second record of SHJZ-001, its own 索引号 and 文号, no attachment
SECOND = RECORD.replace("R2026-001", "R2026-002").replace("-00001", "-00002").replace("〔2026〕1号", "〔2026〕2号")
# A 通知 listing people under SHJZ-001, no 公示期 and no 公示截止 (文种 on line 5)
NAMES = (SECOND.replace("文种: 公示", "文种: 通知").replace("的公示", "的通知").replace("公示截止: 2026-12-31\n", "")
         .replace("  经审核，现将名单予以公示。\n",
                  "  以下人员的救助金已发放。\n\n  | 姓名 | 所在村（社区） |\n  |---|---|\n  | 陈水生 | 城厢镇经兜村 |\n"))


def _catalog(tmp_path: Path, *extra: tuple[str, str | bytes]) -> Path:
    """The conftest catalog (gongkai.yaml, SHJZ-001, R2026-001) and *extra* files."""
    root = tmp_path / "catalog"
    for rel, text in (("gongkai.yaml", AGENCY), (ITEM_PATH, ITEM), (R1, RECORD), *extra):
        _write(root, rel, text)
    return root


def _write(root: Path, rel: str, text: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text("utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def _messages(gk, root: Path, code: str) -> list[str]:
    run = gk("validate", root, "--format", "json", "--today", TODAY)
    return [d["message"] for d in json.loads(run.out)["diagnostics"] if d["code"] == code]


# --- 1. an id that differs only in case --------------------------------------------------------------------------

def test_a_copy_whose_id_differs_only_in_case_is_found_after_any_edit(gk, tmp_path):
    """records/2025/r2026-001.yaml (编号 r2026-001) sorts before records/2026/R2026-001.yaml: the later one is the
    duplicate, GK201 at its 编号 (line 1). The copy has its own 索引号 and 文号 and no attachment: it shares nothing
    with R2026-001 but the page name."""
    root = _catalog(tmp_path, (R2, SECOND))
    assert _found(gk, root) == (0, [])
    copy = RECORD.replace("编号: R2026-001", "编号: r2026-001").replace("-00001", "-00077").replace("1号", "77号")
    _write(root, "records/2025/r2026-001.yaml", copy)  # the copy added after a clean run
    assert _found(gk, root) == (1, [("GK201", R1, 1)])
    assert "只差大小写" in _messages(gk, root, "GK201")[0]
    _edit(root, R1, "题名: ", "题名: 关于")  # the duplicate edited: re-checked alone
    assert _found(gk, root) == (1, [("GK201", R1, 1)])
    _edit(root, "records/2025/r2026-001.yaml", "题名: ", "题名: 关于")  # the first edited: R2026-001 keeps its GK201
    assert _found(gk, root) == (1, [("GK201", R1, 1)])
    _edit(root, "records/2025/r2026-001.yaml", "编号: r2026-001", "编号: r2026-009")  # the copy given an id of its own
    assert _found(gk, root) == (1, [("GK203", "records/2025/r2026-001.yaml", 1)])  # its file name is not its 编号


# --- 2. one attachment written two ways ---------------------------------------------------------------------------

def test_a_withheld_record_naming_the_public_ones_attachment_otherwise(gk, tmp_path):
    """R2026-001 (主动公开) links files/2026/R2026-001.csv (附件 on line 17, 文件 on line 18); R2026-002 turns 依申请公开
    and links the same file as ./files/2026/R2026-001.csv: GK612 at R2026-001's 文件 line. In R2026-002 itself: ./ is
    GK606 (its 文件, line 18), and a withheld record keeps no 正文 or 附件 (GK309, a warning, at 正文, line 20)."""
    linked = RECORD.replace("正文: |", "附件:\n  - 文件: files/2026/R2026-001.csv\n    名称: 金额表\n正文: |")
    root = _catalog(tmp_path, (R2, SECOND), ("files/2026/R2026-001.csv", "项目,金额\n低保金,800\n"))
    _write(root, R1, linked)
    assert _found(gk, root) == (0, [])
    withheld = SECOND.replace("公开属性: 主动公开", "公开属性: 依申请公开").replace(
        "正文: |", "附件:\n  - 文件: ./files/2026/R2026-001.csv\n    名称: 金额表\n正文: |")
    expected = [("GK309", R2, 20), ("GK606", R2, 18), ("GK612", R1, 18)]
    _write(root, R2, withheld)  # the public record is not edited: only the key the two share re-checks it
    code, found = _found(gk, root)
    assert (code, sorted(found)) == (1, expected)
    _edit(root, R2, "题名: ", "题名: 关于")  # an edit to the withheld one: the public one is looked at again
    code, found = _found(gk, root)
    assert (code, sorted(found)) == (1, expected)
    _edit(root, R2, "./files/2026/R2026-001.csv", "files/2026/r2026-001.CSV")  # another case: one file on Windows
    code, found = _found(gk, root)
    assert code == 1 and ("GK612", R1, 18) in found
    _edit(root, R2, "依申请公开", "主动公开")  # public again: no GK612
    code, found = _found(gk, root)
    assert [f for f in found if f[0] == "GK612"] == []


# --- 3, 4. a record's item, read by a per-file rule ----------------------------------------------------------------

def test_a_people_list_under_a_list_item_is_judged_with_its_item_after_an_edit(gk, tmp_path):
    """R2026-002, a 通知 with a table of 姓名 under SHJZ-001 (a 名单 of people), no 公示期: a 公示 by its item, so GK411
    (名单类信息没有写明公示期, at 文种, line 5) and no GK611 — after an edit to it as before."""
    root = _catalog(tmp_path, (R2, SECOND))
    assert _found(gk, root) == (0, [])
    _write(root, R2, NAMES)
    assert _found(gk, root) == (1, [("GK411", R2, 5)])
    _edit(root, R2, "题名: ", "题名: 关于")
    assert _found(gk, root) == (1, [("GK411", R2, 5)])


def test_an_item_that_stops_listing_people_rechecks_its_records(gk, tmp_path):
    """SHJZ-001's 公开内容 made 「低保政策及办理流程」: R2026-002's table of names is now a list in a 通知 (GK611 at its
    文种, line 5), and the 公示 R2026-001 keeps its 公示截止. Put back: GK411 again; the item deleted: R2026-002 names
    no item (GK205 at 事项, line 7) and lists people (GK611)."""
    root = _catalog(tmp_path, (R2, NAMES))
    assert _found(gk, root) == (1, [("GK411", R2, 5)])
    _edit(root, ITEM_PATH, "低保对象名单及相关信息", "低保政策及办理流程")
    assert _found(gk, root) == (1, [("GK611", R2, 5)])
    _edit(root, ITEM_PATH, "低保政策及办理流程", "低保对象名单及相关信息")
    assert _found(gk, root) == (1, [("GK411", R2, 5)])
    (root / ITEM_PATH).unlink()
    code, found = _found(gk, root)
    assert code == 1 and ("GK611", R2, 5) in found and ("GK205", R2, 7) in found


# --- 5. a record re-checked for one key, compared on another ---------------------------------------------------------

TWO = RECORD.replace("正文: |", "附件:\n  - 文件: files/2026/x.csv\n    名称: 甲表\n  - 文件: files/2026/y.csv\n    名称: 乙表\n"
                     "正文: |")  # 附件 on line 17, x.csv's 文件 on line 18, y.csv's on line 20


def _withheld(number: str, attachment: str) -> str:
    """R2026-<number>, 依申请公开, naming *attachment* (附件 line 17, 文件 line 18, 正文 line 20: GK309 there)."""
    return (SECOND.replace("R2026-002", f"R2026-{number}").replace("-00002", f"-00{number}")
            .replace("〔2026〕2号", f"〔2026〕{number}号").replace("公开属性: 主动公开", "公开属性: 依申请公开")
            .replace("正文: |", f"附件:\n  - 文件: {attachment}\n    名称: 表\n正文: |"))


def test_a_record_checked_again_for_one_attachment_keeps_what_another_one_finds(gk, tmp_path):
    """R2026-001 (主动公开) links x.csv and y.csv; R2026-002 (依申请公开) also links x.csv, R2026-003 y.csv: GK612 at both
    of R2026-001's 文件 lines (18, 20). An edit to R2026-002 re-checks R2026-001 (they share x.csv): its GK612 for y.csv,
    which R2026-003 makes, stayed out of the cached run."""
    r3 = "records/2026/R2026-003.yaml"
    root = _catalog(tmp_path, ("files/2026/x.csv", "项目,金额\n低保金,800\n"), ("files/2026/y.csv", "项目,人数\n低保,12\n"),
                    (R2, _withheld("002", "files/2026/x.csv")), (r3, _withheld("003", "files/2026/y.csv")))
    _write(root, R1, TWO)
    expected = [("GK309", R2, 20), ("GK309", r3, 20), ("GK612", R1, 18), ("GK612", R1, 20)]
    code, found = _found(gk, root)
    assert (code, sorted(found)) == (1, expected)
    _edit(root, R2, "题名: ", "题名: 关于")
    code, found = _found(gk, root)
    assert (code, sorted(found)) == (1, expected)
    _edit(root, r3, "题名: ", "题名: 关于")
    code, found = _found(gk, root)
    assert (code, sorted(found)) == (1, expected)


def test_a_record_checked_again_for_its_attachment_keeps_its_case_twin(gk, tmp_path):
    """R2026-001 has a case twin (records/2025/r2026-001.yaml: GK201 at R2026-001's 编号, line 1) and links x.csv, which
    the withheld R2026-002 also links (GK612 at line 18): an edit to R2026-002 re-checks R2026-001, and its GK201 was
    lost — the twin shares nothing with R2026-002."""
    twin = RECORD.replace("编号: R2026-001", "编号: r2026-001").replace("-00001", "-00077").replace("1号", "77号")
    root = _catalog(tmp_path, ("files/2026/x.csv", "项目,金额\n低保金,800\n"), ("files/2026/y.csv", "项目,人数\n低保,12\n"),
                    (R2, _withheld("002", "files/2026/x.csv")), ("records/2025/r2026-001.yaml", twin))
    _write(root, R1, TWO)
    expected = [("GK201", R1, 1), ("GK309", R2, 20), ("GK612", R1, 18)]
    code, found = _found(gk, root)
    assert (code, sorted(found)) == (1, expected)
    _edit(root, R2, "题名: ", "题名: 关于")
    code, found = _found(gk, root)
    assert (code, sorted(found)) == (1, expected)


# --- what the mutants of the group showed no test held (tools/mutation.py recheck) -----------------------------------

ID_TEXT = "经审核陈金水11010519491231002X。"  # the standard's sample 身份证号 (check digit X): GK601 at 正文's line 18


def _more(count: int) -> list[tuple[str, str]]:
    """*count* more clean records (R2026-100…): the table of what each file held is then kept as a base and the few
    changes since (a change for every 20 files at most: recheck.state.DELTA_SHARE), as at a bureau."""
    return [(f"records/2026/R2026-{n}.yaml", RECORD.replace("R2026-001", f"R2026-{n}").replace("-00001", f"-00{n}")
             .replace("〔2026〕1号", f"〔2026〕{n}号")) for n in range(100, 100 + count)]


def test_an_edit_undone_and_a_file_deleted_and_restored(gk, tmp_path):
    """R2026-002 holds an ID number (GK601, line 18); the number taken out (clean); the edit undone byte for byte, as
    `git checkout` does: GK601 again — the run before remembered R2026-002 clean, and the table of what each file held
    is kept as a base and the changes since (State.encode): the undone file must not look unchanged. Then deleted
    (clean) and restored (GK601)."""
    with_id = SECOND.replace("经审核，现将名单予以公示。", ID_TEXT)
    root = _catalog(tmp_path, (R2, with_id), ("records/2026/R2026-003.yaml", _withheld("003", "files/2026/x.csv")),
                    ("files/2026/x.csv", "项目,金额\n低保金,800\n"), *_more(50))
    found = [("GK309", "records/2026/R2026-003.yaml", 20), ("GK601", R2, 18)]
    assert _found(gk, root)[0] == 1 and sorted(_found(gk, root)[1]) == found
    _write(root, R2, SECOND)
    assert _found(gk, root) == (0, [("GK309", "records/2026/R2026-003.yaml", 20)])
    _edit(root, R1, "题名: ", "题名: 关于")  # another edit between: the table holds two changes since its base
    assert _found(gk, root) == (0, [("GK309", "records/2026/R2026-003.yaml", 20)])
    _write(root, R2, with_id)  # undone
    code, again = _found(gk, root)
    assert (code, sorted(again)) == (1, found)
    (root / R2).unlink()
    assert _found(gk, root) == (0, [("GK309", "records/2026/R2026-003.yaml", 20)])
    _write(root, R2, with_id)  # restored
    code, again = _found(gk, root)
    assert (code, sorted(again)) == (1, found)


def test_a_duplicate_document_number_is_placed_where_it_now_stands(gk, tmp_path):
    """GK212 (文号重复, a warning: exit 0) is found by a rule over every record's 文号 (a VIEW rule) and placed in the
    later record by path. R2026-002 takes R2026-001's 文号: GK212 at R2026-002's 文号, line 3. A comment line put on
    top of R2026-002, 文号 unchanged: line 4 (the run before placed it; the record it lies in was edited). R2026-001
    then takes R2026-003's 文号: R2026-003's 文号 (line 3) — a record this run did not read. R2026-002 gives its copy
    back: only R2026-003's remains."""
    r3 = "records/2026/R2026-003.yaml"
    third = SECOND.replace("R2026-002", "R2026-003").replace("-00002", "-00003").replace("〔2026〕2号", "〔2026〕3号")
    root = _catalog(tmp_path, (R2, SECOND), (r3, third))
    assert _found(gk, root) == (0, [])
    _edit(root, R2, "文号: 测民〔2026〕2号", "文号: 测民〔2026〕1号")
    assert _found(gk, root) == (0, [("GK212", R2, 3)])
    assert "R2026-001（records/2026/R2026-001.yaml）已使用" in _messages(gk, root, "GK212")[0]
    _write(root, R2, "# 复制自 R2026-001\n" + (root / R2).read_text("utf-8"))
    assert _found(gk, root) == (0, [("GK212", R2, 4)])
    _edit(root, R1, "文号: 测民〔2026〕1号", "文号: 测民〔2026〕3号")
    assert _found(gk, root) == (0, [("GK212", r3, 3)])
    _edit(root, R2, "文号: 测民〔2026〕1号", "文号: 测民〔2026〕2号")
    assert _found(gk, root) == (0, [("GK212", r3, 3)])


def test_a_number_or_an_id_given_up_and_a_record_pointed_at_deleted_or_broken(gk, tmp_path):
    """R2026-002 takes R2026-001's 索引号: GK202 at its 索引号 (line 4). R2026-001 takes another: R2026-002 alone holds
    it, clean (it was not edited: only the key it shares with what R2026-001 held tells). R2026-002 points at a 解读
    R2026-003 (a 政策解读): clean; R2026-003 deleted: GK206 at R2026-002's 解读 (line 17, where 正文 was); R2026-003 back but
    unreadable (an unclosed quote: its own YAML error, GK001 at line 2, and no GK206); R2026-002 edited: the same."""
    r3 = "records/2026/R2026-003.yaml"
    reading = (SECOND.replace("R2026-002", "R2026-003").replace("-00002", "-00003").replace("文种: 公示", "文种: 政策解读")
               .replace("〔2026〕2号", "〔2026〕3号"))
    root = _catalog(tmp_path, (R2, SECOND), (r3, reading))
    assert _found(gk, root) == (0, [])
    _edit(root, R2, "-00002", "-00001")
    assert _found(gk, root) == (1, [("GK202", R2, 4)])
    _edit(root, R1, "-00001", "-00009")
    assert _found(gk, root) == (0, [])
    _edit(root, R2, "正文: |", "解读: [R2026-003]\n正文: |")
    assert _found(gk, root) == (0, [])
    (root / r3).unlink()
    assert _found(gk, root) == (1, [("GK206", R2, 17)])
    _write(root, r3, reading.replace("题名: ", "题名: \"没有闭合的引号\n题名: "))
    code, found = _found(gk, root)
    assert _found(gk, root) == (1, [("GK001", r3, 2)])
    _edit(root, R2, "题名: ", "题名: 关于")
    assert _found(gk, root) == (1, [("GK001", r3, 2)])


def test_a_year_without_a_calendar_is_placed_in_a_record_not_read_again(gk, tmp_path):
    """R2026-002 written and published in 1999 (no holiday data for 1999): GK805 where a working-day period was first
    needed, its 公示截止 (line 15; GK406 at 成文日期 and 公开日期, lines 13 and 14: years before R2026-002's 编号). An edit to
    R2026-001 does not re-read R2026-002: the finding, computed again from what each file needed, stays where it is."""
    old = (SECOND.replace("审查日期: 2026-09-01", "审查日期: 1999-09-01").replace("成文日期: 2026-09-01", "成文日期: 1999-09-01")
           .replace("公开日期: 2026-09-03", "公开日期: 1999-09-03").replace("公示截止: 2026-12-31", "公示截止: 1999-09-30"))
    root = _catalog(tmp_path, (R2, old))
    found = (0, [("GK406", R2, 13), ("GK406", R2, 14), ("GK805", R2, 15)])  # GK406: a year before its 编号
    assert _found(gk, root) == found
    _edit(root, R1, "题名: ", "题名: 关于")
    assert _found(gk, root) == found
    assert _messages(gk, root, "GK805") == ["1999年没有节假日数据，这里的工作日期限无法计算"]


LEDGER = ("批次日期: 2026-09-07\n覆盖期间: {开始: 2026-08-21, 结束: 2026-09-07}\n接收单位: [dag, tsg]\n信息:\n"
          "  - 编号: R2026-001\n")  # R2026-001's 编号 on line 5


def test_a_record_a_ledger_rule_reads_by_id_and_a_forward_looked_up(gk, tmp_path):
    """GK506 (a VIEW rule) reads R2026-001 by id from the ledger of 2026-09-07: 成文 2026-09-01, in time. R2026-001's
    成文日期 moved to 2026-07-01 (nothing else the rule's summary of a record holds changes): 2026-07-02 … 2026-09-07 is
    48 working days (July 22, August 21, September 1–7 5), over 20 — GK506 at the ledger's line 5 (and GK402 at its
    公开日期, line 14: published 2026-09-03, past the item's 10 working days). R2026-002 forwards R2026-001 (转发, line
    17): nothing more, also after an edit to it; R2026-001 deleted: GK207 there, and GK508 at the ledger. (R2026-002
    is edited first, before R2026-001: the VIEW rules then ran on the View and remembered what they read by id.)
    Throughout: the batches of the 移交日 (the 5th and 20th, 10-05 put off to 10-08 by the National Day holiday) after
    2026-09-07 up to today are missing (GK513 at each), and R2026-002, not yet handed over, has no attachment for the
    两馆 (GK501, line 1) and is overdue (GK507 at its 成文日期, line 13)."""
    rest = [(c, f"handover/{day}.yaml", None) for c, day in (("GK513", "2026-09-20"), ("GK513", "2026-10-08"),
                                                             ("GK513", "2026-10-20"), ("GK513", "2026-11-05"),
                                                             ("GK513", "2026-11-20"))]
    rest += [("GK501", R2, 1), ("GK507", R2, 13)]
    root = _catalog(tmp_path, (R2, SECOND), ("handover/2026-09-07.yaml", LEDGER))
    code, found = _found(gk, root)
    assert (code, sorted(found, key=str)) == (0, sorted(rest, key=str))
    _edit(root, R2, "题名: ", "题名: 关于")  # a run on the View first: what it reads by id is remembered
    code, found = _found(gk, root)
    assert (code, sorted(found, key=str)) == (0, sorted(rest, key=str))
    _edit(root, R1, "成文日期: 2026-09-01", "成文日期: 2026-07-01")
    late = [("GK506", "handover/2026-09-07.yaml", 5), ("GK402", R1, 14)]
    code, found = _found(gk, root)
    assert (code, sorted(found, key=str)) == (0, sorted(late + rest, key=str))
    assert _messages(gk, root, "GK506") == ["信息 R2026-001 成文于 2026-07-01，2026-09-07 才送交两馆，用了48个工作日，超过20个工作日"]
    _edit(root, R2, "正文: |", "转发: R2026-001\n正文: |")
    code, found = _found(gk, root)
    assert (code, sorted(found, key=str)) == (0, sorted(late + rest, key=str))
    _edit(root, R2, "题名: 关于", "题名: 关于印发")
    code, found = _found(gk, root)
    assert (code, sorted(found, key=str)) == (0, sorted(late + rest, key=str))
    (root / R1).unlink()
    code, found = _found(gk, root)
    gone = [("GK508", "handover/2026-09-07.yaml", 5), ("GK207", R2, 17)]
    assert (code, sorted(found, key=str)) == (1, sorted(gone + rest, key=str))


def test_a_file_windows_takes_for_the_attachment_added_beside_it(gk, tmp_path):
    """R2026-001 links files/2026/x.csv (文件 on line 18). files/2026/X.csv added beside it — one file on Windows and
    macOS: GK606 at R2026-001's 文件 (an error) and GK018 at the later name, x.csv; the attachment itself unchanged, the
    cached run said only GK018. Taken away: clean. A folder the same way: R2026-001 links files/Docs/a.csv, and
    files/docs/b.csv is added: GK606 again (no GK018: the two files' names differ)."""
    linked = RECORD.replace("正文: |", "附件:\n  - 文件: files/2026/x.csv\n    名称: 金额表\n正文: |")
    root = _catalog(tmp_path, (R2, SECOND), ("files/2026/x.csv", "项目,金额\n低保金,800\n"))
    _write(root, R1, linked)
    assert _found(gk, root) == (0, [])
    _write(root, "files/2026/X.csv", "项目,金额\n")
    code, found = _found(gk, root)
    assert (code, sorted(found, key=str)) == (1, [("GK018", "files/2026/x.csv", None), ("GK606", R1, 18)])
    (root / "files/2026/X.csv").unlink()
    assert _found(gk, root) == (0, [])
    _write(root, "files/Docs/a.csv", "项目,金额\n低保金,800\n")
    _edit(root, R1, "files/2026/x.csv", "files/Docs/a.csv")
    assert _found(gk, root) == (0, [])
    _write(root, "files/docs/b.csv", "项目\n")
    assert _found(gk, root) == (1, [("GK606", R1, 18)])
