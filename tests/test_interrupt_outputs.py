"""Ctrl+C while handover, export portal or print swaps its folder in: never half done, and the command says what it did.

Left alone in the thirteenth session and mended in the fourteenth: these commands swapped their folder in and then
wrote their ledger with nothing holding a Ctrl+C, and said 「已中断……原来的文件保持不变」 (exit 130) over a folder
(and a ledger) already in place. The Ctrl+C is sent from inside the rename that puts the new folder in place, as a
terminal would send it at that moment; the real command runs in process.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ctrl_c_when_renamed_to
from tests.test_handover import add

INTERRUPTED = "已中断，未完成的输出没有写入，原来的文件保持不变。"
pytestmark = pytest.mark.usefixtures("terminal_ctrl_c")


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_ctrl_c_at_the_swap_of_a_handover_batch(gk, cat, tmp_path, monkeypatch):
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    out = tmp_path / "out"
    seen = ctrl_c_when_renamed_to(monkeypatch, out, building=True)
    run = gk("handover", "--date", "2026-09-20", "-C", cat.root, "--out", out)
    assert seen and run.code == 0, run.err
    assert f"已中断，但移交文件（{out}）已写入，台账已记录，不受影响。" in run.err
    assert INTERRUPTED not in run.err
    assert (out / "dag" / "bagit.txt").is_file()
    assert "R2026-001" in (cat.root / "handover" / "2026-09-20.yaml").read_text(encoding="utf-8")
    assert _leftovers(tmp_path) == []
    monkeypatch.undo()
    again = gk("handover", "--date", "2026-09-20", "-C", cat.root, "--out", tmp_path / "again")
    assert again.code == 0 and sorted(p.name for p in (cat.root / "handover").iterdir()) == ["2026-09-20.yaml"]


def test_ctrl_c_at_the_swap_over_an_old_handover_folder(gk, cat, tmp_path, monkeypatch):
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    out = tmp_path / "out"
    (out / "dag").mkdir(parents=True)  # an old batch: a bag (test_hostile17_out_folders: no other folder is replaced)
    (out / "dag" / "bagit.txt").write_text("BagIt-Version: 1.0\n", encoding="utf-8")
    (out / "旧文件.txt").write_text("旧", encoding="utf-8")
    seen = ctrl_c_when_renamed_to(monkeypatch, out, building=True)
    run = gk("handover", "--date", "2026-09-20", "-C", cat.root, "--out", out)
    assert seen and run.code == 0 and "不受影响" in run.err
    assert not (out / "旧文件.txt").exists() and (out / "tsg" / "bagit.txt").is_file()
    assert _leftovers(tmp_path) == []  # the old copy is removed too


def test_ctrl_c_before_the_swap_leaves_no_batch_and_no_ledger(gk, cat, tmp_path, monkeypatch):
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    out = tmp_path / "out"
    (out / "dag").mkdir(parents=True)  # an old batch: a bag (test_hostile17_out_folders: no other folder is replaced)
    (out / "dag" / "bagit.txt").write_text("BagIt-Version: 1.0\n", encoding="utf-8")
    (out / "旧文件.txt").write_text("旧", encoding="utf-8")

    def ctrl_c(*_: object, **__: object) -> None:  # the output scan, just before the swap
        raise KeyboardInterrupt

    monkeypatch.setattr("gongkai.handover.deliver.check_tree", ctrl_c)
    run = gk("handover", "--date", "2026-09-20", "-C", cat.root, "--out", out)
    assert run.code == 130 and INTERRUPTED in run.err
    assert (out / "旧文件.txt").read_text(encoding="utf-8") == "旧"
    assert list((cat.root / "handover").glob("*")) == []  # no ledger, and no staged copy of it left
    assert _leftovers(tmp_path) == []


def test_ctrl_c_at_the_swap_of_a_portal_export(gk, cat, tmp_path, monkeypatch):
    out = tmp_path / "portal"
    seen = ctrl_c_when_renamed_to(monkeypatch, out, building=True)
    run = gk("export", "portal", cat.root, "--out", out)
    assert seen and run.code == 0, run.err
    assert f"已中断，但门户导出文件（{out}）已写入，台账已记录，不受影响。" in run.err
    assert (out / "portal.json").is_file()
    ledgers = list((cat.root / "portal").iterdir())
    assert len(ledgers) == 1 and "R2026-001" in ledgers[0].read_text(encoding="utf-8")
    assert _leftovers(tmp_path) == []


def test_a_portal_ledger_that_cannot_be_written_leaves_the_old_export(gk, cat, tmp_path):
    out = tmp_path / "portal"
    out.mkdir()
    (out / "portal.json").write_text("旧的导出", encoding="utf-8")
    (cat.root / "portal").write_text("不是文件夹", encoding="utf-8")  # the ledger's folder cannot be made
    run = gk("export", "portal", cat.root, "--out", out)
    assert run.code == 2 and "无法读写文件" in run.err
    assert (out / "portal.json").read_text(encoding="utf-8") == "旧的导出"  # before: the new export without a ledger
    assert sorted(p.name for p in out.iterdir()) == ["portal.json"]
    assert _leftovers(tmp_path) == []


def test_ctrl_c_at_the_swap_of_printed_sheets(gk, cat, tmp_path, monkeypatch):
    out = tmp_path / "print"
    seen = ctrl_c_when_renamed_to(monkeypatch, out, building=True)
    run = gk("print", cat.root, "--out", out)
    assert seen and run.code == 0, run.err
    assert f"已中断，但输出文件夹（{out}）已写入，不受影响。" in run.err
    assert (out / "index.html").is_file()
    assert _leftovers(tmp_path) == []
