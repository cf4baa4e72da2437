"""Anchors and aliases (& and *) in a catalog file: validate refuses them (GK005), and so must every command that
rewrites YAML. Nine lines of aliases stand for 387,420,489 values (the "billion laughs"): a round trip that writes
them out never ends. Before, `gongkai fmt` hung on such a file, and so would `import --overwrite-invalid` on an item
file holding one. The commands run in a real process with a time limit, as a user's would.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import CatalogDir

LAUGHS = 'a: &a ["哈","哈","哈","哈","哈","哈","哈","哈","哈"]\n' + "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
ONE_ALIAS = """\
编号: SHJZ-001
领域: 社会救助
五公开: 结果公开
一级事项: 最低生活保障
二级事项: 审批信息
公开内容: &contents
  - 低保对象名单及相关信息
公开依据: *contents
"""


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gongkai", *map(str, args)], capture_output=True, text=True,
                          timeout=120, env={"PATH": "/usr/bin:/bin", "GONGKAI_TODAY": "2026-11-27", "LANG": "C.UTF-8"})


def test_fmt_refuses_an_alias_bomb_at_its_place_and_leaves_it(cat: CatalogDir) -> None:
    bomb = cat.write("items/shjz/SHJZ-009.yaml", LAUGHS)
    for args in (("--check",), ()):
        run = _cli("fmt", cat.root, *args)
        assert run.returncode == 1, run.stdout + run.stderr
        said = run.stdout + run.stderr
        assert "items/shjz/SHJZ-009.yaml" in said and "第 1 行第 4 列" in said, said
        assert "不能使用锚点（&）和别名（*）" in said and "直接写出来" in said, said
        assert bomb.read_text(encoding="utf-8") == LAUGHS
    # validate says the same, at the same place
    checked = _cli("validate", cat.root)
    assert checked.returncode == 1 and "1:4 错误 GK005" in checked.stdout


def test_fmt_refuses_a_single_alias_too(cat: CatalogDir) -> None:
    item = cat.item(ONE_ALIAS)
    run = _cli("fmt", cat.root)
    assert run.returncode == 1
    assert "第 6 行第 7 列" in run.stdout + run.stderr  # the anchor &contents
    assert item.read_text(encoding="utf-8") == ONE_ALIAS


def test_an_item_file_rewritten_by_import_drops_its_aliases() -> None:
    """`import --overwrite-invalid` rebuilds an unreadable item file from its row (interchange.write.updated_bytes,
    the one function the command calls to render an update): a file of aliases is one, and is rebuilt at once."""
    code = ("import sys; from gongkai.interchange.write import updated_bytes; "
            "out = updated_bytes(sys.stdin.buffer.read(), {'编号': 'SHJZ-009', '领域': '社会救助'}); "
            "sys.stdout.buffer.write(out)")
    run = subprocess.run([sys.executable, "-c", code], input=LAUGHS.encode("utf-8"), capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.decode("utf-8") == "编号: SHJZ-009\n领域: 社会救助\n"


def test_the_bomb_is_in_no_output(cat: CatalogDir, tmp_path: Path) -> None:
    cat.write("items/shjz/SHJZ-009.yaml", LAUGHS)
    run = _cli("build-site", cat.root, "--out", tmp_path / "site")  # the other files' site, at once
    assert run.returncode == 0, run.stdout + run.stderr
    pages = [p for p in (tmp_path / "site").rglob("*") if p.is_file()]
    assert pages and not [p for p in pages if "SHJZ-009" in p.name or "哈" in p.read_bytes().decode("utf-8", "replace")]
