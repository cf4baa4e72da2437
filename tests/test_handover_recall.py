"""撤换公函: a record the 两馆 already hold is withdrawn or replaced; the next handover drafts the letter, once."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tests.conftest import CatalogDir, git
from tests.test_handover import add, tree

REASON = "误将内部事务信息作为主动公开信息发布"
LETTER = "data/recall-letter.docx"


def letter_text(path: Path) -> str:
    """Every paragraph and table cell of a Word document, one per line."""
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def withdraw(cat: CatalogDir, rid: str, day: str) -> None:
    path = cat.root / f"records/2026/{rid}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"撤回:\n  日期: {day}\n  原因: {REASON}\n", encoding="utf-8")


def commit(top: Path, message: str) -> None:
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", message)


@pytest.fixture
def sent(gk, cat: CatalogDir, tmp_path: Path) -> Path:
    """A git repo whose R2026-011 went to the 两馆 on 2026-09-07 and R2026-012 on 2026-09-21 (20th is a Sunday …
    but a make-up working day: 2026-09-20)."""
    cat.root.joinpath("records/2026/R2026-001.yaml").unlink()
    add(cat, 11, "2026-09-03", formed="2026-09-01")
    add(cat, 12, "2026-09-15", formed="2026-09-10")
    top = cat.root.parent
    git(top, "init", "-q", "-b", "main")
    commit(top, "目录")
    for day in ("2026-09-07", "2026-09-20"):
        run = gk("handover", "--date", day, "-C", cat.root, "--out", tmp_path / "out" / day)
        assert run.code == 0, run.err
        assert "撤换" not in run.out
    commit(top, "移交台账")
    return top


@pytest.mark.parametrize(("withdrawn", "in_letter"), [("2026-10-07", True), ("2026-10-08", True),
                                                       ("2026-10-09", False)])
def test_withdrawal_of_a_sent_record_is_in_the_next_batch_letter(gk, cat, sent, tmp_path, withdrawn, in_letter):
    withdraw(cat, "R2026-011", withdrawn)
    commit(sent, "撤回 R2026-011")
    out = tmp_path / "o"
    run = gk("handover", "--date", "2026-10-08", "-C", cat.root, "--out", out)
    assert run.code == 0, run.err
    ledger = (cat.root / "handover/2026-10-08.yaml").read_text(encoding="utf-8")
    if not in_letter:
        assert not (out / "dag" / LETTER).exists() and "\n撤换:" not in ledger and "撤换" not in run.out
        return
    assert "撤换公函" in run.out and "R2026-011" not in run.out.split("撤换公函")[0]
    assert "350524-MZ-2026-00011" in run.out.split("撤换公函")[1]
    for recipient, name in (("dag", "测试县档案馆"), ("tsg", "测试县图书馆")):
        text = letter_text(out / recipient / LETTER)
        assert "关于撤换已送交政府信息的函" in text and f"{name}：" in text
        assert "350524-MZ-2026-00011" in text and "测民〔2026〕11号" in text and REASON in text
        assert "2026-09-07" in text and withdrawn in text and "撤回" in text
        assert "2026年10月8日" in text and "测试县民政局（公章）" in text and "抄送：县人民政府办公室" in text
        assert "张三" in text and "0595-23000000" in text
        assert "350524-MZ-2026-00012" not in text  # still valid: no letter for it
    assert "撤换:\n  - 编号: R2026-011\n" in ledger and "方式: 撤回" in ledger and "原批次: 2026-09-07" in ledger
    verify = gk("handover", "verify", out)
    assert verify.code == 0, verify.out  # the letter is inside the bag, under its checksum


def test_letter_is_sent_once_and_the_batch_reproduces(gk, cat, sent, tmp_path):
    withdraw(cat, "R2026-011", "2026-10-01")
    commit(sent, "撤回")
    first = gk("handover", "--date", "2026-10-08", "-C", cat.root, "--out", tmp_path / "a")
    assert first.code == 0, first.err
    commit(sent, "台账")
    again = gk("handover", "--date", "2026-10-08", "-C", cat.root, "--out", tmp_path / "b")
    assert again.code == 0, again.err
    assert tree(tmp_path / "a") == tree(tmp_path / "b")  # byte-identical, the letter included
    later = gk("handover", "--date", "2026-10-20", "-C", cat.root, "--out", tmp_path / "c")
    assert later.code == 0, later.err
    assert "撤换" not in later.out and not (tmp_path / "c/dag" / LETTER).exists()
    assert "\n撤换:" not in (cat.root / "handover/2026-10-20.yaml").read_text(encoding="utf-8")
    assert git(sent, "status", "--porcelain").strip().endswith("handover/2026-10-20.yaml")


def test_replaced_record_waits_for_its_replacement_then_travels_with_it(gk, cat, sent, tmp_path):
    old = cat.root / "records/2026/R2026-012.yaml"
    old.write_text(old.read_text(encoding="utf-8") + "有效性: 失效\n有效性日期: 2026-10-12\n被替代: R2026-014\n",
                   encoding="utf-8")
    add(cat, 14, "2026-10-12", formed="2026-10-09")
    new = cat.root / "records/2026/R2026-014.yaml"
    new.write_text(new.read_text(encoding="utf-8") + "替代: [R2026-012]\n", encoding="utf-8")
    commit(sent, "R2026-014 替代 R2026-012")
    before = gk("handover", "--date", "2026-10-08", "-C", cat.root, "--out", tmp_path / "a")
    assert before.code == 0, before.err
    assert "撤换" not in before.out  # the replacement is not out yet: nothing to swap in
    run = gk("handover", "--date", "2026-10-20", "-C", cat.root, "--out", tmp_path / "b")
    assert run.code == 0, run.err
    text = letter_text(tmp_path / "b/dag" / LETTER)
    assert "350524-MZ-2026-00012" in text and "替换" in text and "2026-09-20" in text and "2026-10-12" in text
    assert "350524-MZ-2026-00014" in text and "随本批送交" in text
    ledger = (cat.root / "handover/2026-10-20.yaml").read_text(encoding="utf-8")
    assert "方式: 替代" in ledger and "替代信息: R2026-014" in ledger and "编号: R2026-014" in ledger


def test_withdrawn_before_it_was_sent_needs_no_letter(gk, cat, tmp_path):
    cat.root.joinpath("records/2026/R2026-001.yaml").unlink()
    add(cat, 11, "2026-09-03", formed="2026-09-01")
    withdraw(cat, "R2026-011", "2026-09-04")
    run = gk("handover", "--date", "2026-09-07", "-C", cat.root, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert "本期无主动公开政府信息" in run.out
    assert "R2026-011" not in (cat.root / "handover/2026-09-07.yaml").read_text(encoding="utf-8")
    assert "撤换" not in run.out and not (tmp_path / "o/dag" / LETTER).exists()


def test_dry_run_lists_the_letter_and_writes_nothing(gk, cat, sent, tmp_path):
    withdraw(cat, "R2026-011", "2026-10-01")
    run = gk("handover", "--date", "2026-10-08", "--dry-run", "-C", cat.root, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert "撤换公函" in run.out and "撤回于 2026-10-01" in run.out and "2026-09-07 批次送交" in run.out
    assert not (tmp_path / "o").exists() and not (cat.root / "handover/2026-10-08.yaml").exists()


@pytest.mark.parametrize("named", [None, "R2026-015"])
def test_letter_and_site_name_the_same_replacement(gk, cat, sent, tmp_path, named):
    """Two newer records each say 替代 R2026-012, and R2026-012 names neither (no 被替代, or one not out by the batch's
    day: GK414). The 撤换公函 and the page of R2026-012 both send the reader to the newest of the two that are out,
    R2026-014 (公开 2026-10-14), not the lower 编号 R2026-013 (公开 2026-10-12)."""
    old = cat.root / "records/2026/R2026-012.yaml"
    old.write_text(old.read_text(encoding="utf-8") + "有效性: 失效\n有效性日期: 2026-10-12\n"
                   + (f"被替代: {named}\n" if named else ""), encoding="utf-8")
    for number, published in ((13, "2026-10-12"), (14, "2026-10-14"), (15, "2026-11-30")):
        rid = add(cat, number, published, formed="2026-10-09")
        path = cat.root / f"records/2026/{rid}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "替代: [R2026-012]\n", encoding="utf-8")
    commit(sent, "R2026-013、R2026-014 替代 R2026-012")
    run = gk("handover", "--date", "2026-10-20", "-C", cat.root, "--out", tmp_path / "b", "--allow-incomplete")
    assert run.code == 0, run.err
    text = letter_text(tmp_path / "b/dag" / LETTER)
    assert "350524-MZ-2026-00012" in text and "350524-MZ-2026-00014" in text
    assert "350524-MZ-2026-00013" not in text.split("350524-MZ-2026-00012", 1)[1].split("\n")[0]
    ledger = (cat.root / "handover/2026-10-20.yaml").read_text(encoding="utf-8")
    assert "替代信息: R2026-014" in ledger and "替代信息: R2026-013" not in ledger
    site = gk("build-site", cat.root, "--out", tmp_path / "site", "--today", "2026-10-20", "--no-search")
    assert site.code == 0, site.err
    page = (tmp_path / "site/records/R2026-012.html").read_text(encoding="utf-8")
    note = page.split('class="invalid-note"', 1)[1].split("</p>", 1)[0]
    assert 'records/R2026-014.html' in note and "R2026-013" not in note
