"""Ctrl+C that lands while a build is moved in: the site is never left half swapped, and the command says what it did.

Found in the twelfth session: test_interrupt_anywhere's Ctrl+C at 4.0 s landed after the new site had been swapped
in, and the command said 「已中断……原来的文件保持不变」 (exit 130) over a site that had changed. Here the Ctrl+C is sent
at the moment of the swap (from inside os.replace, as a terminal would send it), and the real command runs in process.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

import gongkai.site.staging as staging
from gongkai.cli import main
from tests.conftest import ctrl_c_when_renamed_to

TODAY = "2026-11-27"
pytestmark = pytest.mark.usefixtures("terminal_ctrl_c")


@pytest.fixture(autouse=True)
def _real_day_pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real date is the catalog's day too: a site of a past --today is built again once its next change has come
    by the real date (to say what has left the web since), which a test of 「网站没有变化」 must not meet."""
    monkeypatch.setenv("GONGKAI_TODAY", TODAY)


def _build(catalog: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["build-site", str(catalog), "--out", str(out), "--today", TODAY, "--no-search"])
    captured = capsys.readouterr()
    return code, captured.err + captured.out


def test_ctrl_c_at_the_swap_of_a_first_build(cat, tmp_path, monkeypatch, capsys):
    out = tmp_path / "site"
    seen = ctrl_c_when_renamed_to(monkeypatch, out)
    code, err = _build(cat.root, out, capsys)
    assert seen and code == 0
    assert f"已中断，但网站（{out}）已换成新生成的版本，不受影响。" in err
    assert (out / "index.html").is_file() and (out / "records" / "R2026-001.html").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == []


def test_ctrl_c_at_the_swap_over_an_old_site(cat, tmp_path, monkeypatch, capsys):
    out = tmp_path / "site"
    assert _build(cat.root, out, capsys)[0] == 0
    (out / ".gongkai-build.json").unlink()  # the next build is a whole one, swapped in
    (out / "stale.html").write_text("旧", encoding="utf-8")
    seen = ctrl_c_when_renamed_to(monkeypatch, out)
    code, err = _build(cat.root, out, capsys)
    assert seen and code == 0 and "已换成新生成的版本，不受影响" in err
    assert (out / "index.html").is_file() and not (out / "stale.html").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == []  # the old copy removed too


def test_ctrl_c_before_the_swap_leaves_the_old_site(cat, tmp_path, monkeypatch, capsys):
    out = tmp_path / "site"
    assert _build(cat.root, out, capsys)[0] == 0
    (out / ".gongkai-build.json").unlink()
    (out / "stale.html").write_text("旧", encoding="utf-8")
    real = staging.write_atomic

    def interrupted_write(path: Path, data: object) -> None:  # the store written just before the swap
        raise KeyboardInterrupt

    monkeypatch.setattr(staging, "write_atomic", interrupted_write)
    code, err = _build(cat.root, out, capsys)
    monkeypatch.setattr(staging, "write_atomic", real)
    assert code == 130 and "已中断，未完成的输出没有写入，原来的文件保持不变。" in err
    assert (out / "stale.html").read_text(encoding="utf-8") == "旧"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == []


def test_ctrl_c_while_an_update_is_moved_in(cat, tmp_path, monkeypatch, capsys):
    out = tmp_path / "site"
    assert _build(cat.root, out, capsys)[0] == 0
    record = cat.root / "records" / "2026" / "R2026-001.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("题名: ", "题名: 改过的"), encoding="utf-8")
    real = os.replace
    sent: list[str] = []

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if not sent and str(dst).startswith(str(out)):  # the first changed file moved in
            sent.append(str(dst))
            os.kill(os.getpid(), signal.SIGINT)
        real(src, dst)

    monkeypatch.setattr(staging.os, "replace", replace)
    code, err = _build(cat.root, out, capsys)
    assert sent and code == 0 and f"已中断，但网站（{out}）已更新，不受影响。" in err
    page = (out / "records" / "R2026-001.html").read_text(encoding="utf-8")
    assert "改过的" in page  # every changed file moved in, and the store names them: a next build has nothing to do
    monkeypatch.setattr(staging.os, "replace", real)
    code, said = _build(cat.root, out, capsys)
    assert code == 0 and "网站没有变化" in said
