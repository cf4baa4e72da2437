"""Thirty-eighth hostile pass (fortieth session), angle 「build_robustness」: the IT person and the county webmaster
running build-site (and the other commands that write an output folder) from cron, systemd, a second terminal, on odd
folders and odd file modes.

The oracle: small real catalogs in tmp dirs, the real CLI, and the modes, groups and messages typed by hand.

Found by this pass:
1. A site folder of 0755 (or the web server's group, 0750) rebuilt by a job whose umask is 077 (root's cron on a
   hardened server, a systemd service with UMask=0077): every page the build wrote was 0600 (folders 0700), so the web
   server answered 403 for exactly the pages that had changed (an update) or for the whole column (a rebuild), while
   the folder itself kept its 0755. The same for a print run, a portal export and a handover batch written again. Now
   what is made in an output folder is opened up to whoever may read the folder: its permissions are added to what
   the umask gives, and it gets the folder's group; nothing is ever narrowed, and a new output under umask 077 stays
   the owner's alone, as mkdir makes it.
2. `gongkai print --out site` (or `wechat --out site`, or `--out /var/www/html`) replaced the whole deployed website
   with a handful of sheets, exit 0, and listed each of the site's item and record pages as a sheet 「请从原单位 items（…）
   撤下」: a folder holding any index.html was taken for an earlier print run. `wechat --out print-out` likewise threw
   the print run away. Now a print or 公众号 run replaces only a folder whose index.html is that kind of run's (by its
   title); any other index.html is refused, exit 2, the folder untouched, saying which file it found.
3. An update of a site one of whose folders the build may not write in (records/ of another user, or made immutable
   with chattr +i) stopped half-way through moving the new files in: exit 2, 「没有权限：site/records/R2026-001.html」,
   the home page, feed and search index already new, the record's page old — a site half updated, served as it was,
   against the promise that a failed run leaves the old site. Now every folder the update writes in is checked (and
   every new folder made) before the first file is moved: the message names the folder, the site is as it was, and
   once the folder is writable again the next run updates it.
4. SIGTERM (kill, timeout, systemctl stop) in the first second of a run, while Python was still loading gongkai, ended
   it silently with exit 143: no 「已中断」, and a cron log showing nothing. Ctrl+C there already said 「已中断」 with
   exit 130, as SIGTERM does later in the run. Now SIGTERM and SIGHUP are Ctrl+C from the first line of gongkai's own
   code on (one ignored, under nohup, stays ignored).
5. `--out /mnt/zwgk`, the mount point of the portal's upload share (or a disk): build-site (and print, handover,
   export portal) failed with 「无法读写文件（文件正被占用：.zwgk.old.4711.k2j4/previous）」 — a name no one typed, and no
   advice; every run failed the same way, since an output is made beside its folder and swapped in, which a mount
   point cannot be. Now it is refused before any work, exit 2, saying it is a mount point and to write a folder in it
   (--out /mnt/zwgk/site), which works.

Seen and left alone:
- A file the webmaster put in the site folder by hand (a search engine's verification page, robots.txt) is deleted by
  the next build, which says so and lists it among the pages 「已从网站撤下」 with 「部署到门户网站的副本中也请删除」:
  pinned by the thirty-fifth session (the folder must equal a fresh build); the advice fits gongkai's pages only.
- A cache file emptied, truncated, filled with garbage or made immutable: the build rebuilds (or goes on without
  caching) and the site equals --no-cache, but says nothing about it.
- `--today` later than today, with nothing that differs on that day, gives no 「将来那一天」 warning (by design).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import CatalogDir, text_pdf


@pytest.fixture
def umask_077() -> Iterator[None]:
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def modes(folder: Path) -> set[tuple[str, int]]:
    """(kind, mode) of everything in *folder*."""
    return {("folder" if p.is_dir() else "file", stat.S_IMODE(p.stat().st_mode)) for p in folder.rglob("*")}


def edit_title(cat: CatalogDir, title: str) -> None:
    path = cat.root / "records/2026/R2026-001.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", f"题名: {title}"), encoding="utf-8")


# 1. A job's umask of 077 locks the web server out of the pages it writes ---------------------------------------


def test_an_update_under_umask_077_keeps_the_pages_readable(gk, cat: CatalogDir, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    edit_title(cat, "测试县民政局关于2026年第三季度低保对象名单的公示（更正）")
    cat.write("files/2026/R2026-001.pdf", text_pdf("测试县民政局低保对象名单"))
    record = cat.root / "records/2026/R2026-001.yaml"
    record.write_text(record.read_text(encoding="utf-8") + "附件:\n  - 文件: files/2026/R2026-001.pdf\n", encoding="utf-8")
    old = os.umask(0o077)
    try:
        run = gk("build-site", cat.root, "--out", site)
    finally:
        os.umask(old)
    assert run.code == 0, run.err
    assert "（更正）" in (site / "records/R2026-001.html").read_text(encoding="utf-8")
    assert stat.S_IMODE((site / "records/R2026-001.html").stat().st_mode) == 0o644
    assert stat.S_IMODE((site / "files").stat().st_mode) == 0o755  # a folder the update made
    assert stat.S_IMODE((site / "files/2026/R2026-001.pdf").stat().st_mode) == 0o644
    assert modes(site) == {("folder", 0o755), ("file", 0o644)}


def test_a_rebuild_under_umask_077_keeps_the_whole_site_readable(gk, cat: CatalogDir, tmp_path: Path,
                                                                umask_077: None) -> None:
    site = tmp_path / "site"
    site.mkdir(mode=0o755)
    os.chmod(site, 0o755)
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    assert modes(site) == {("folder", 0o755), ("file", 0o644)}
    (site / "index.html").write_text("手工改过", encoding="utf-8")  # the next build is a whole one
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert modes(site) == {("folder", 0o755), ("file", 0o644)}


def test_a_new_site_under_umask_077_stays_the_owners_alone(gk, cat: CatalogDir, tmp_path: Path,
                                                          umask_077: None) -> None:
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert stat.S_IMODE(site.stat().st_mode) == 0o700
    assert modes(site) == {("folder", 0o700), ("file", 0o600)}  # as mkdir and every editor make them: not widened


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a folder another group")
def test_a_site_of_the_web_servers_group_gives_it_the_new_pages(gk, cat: CatalogDir, tmp_path: Path,
                                                               umask_077: None) -> None:
    site = tmp_path / "site"
    site.mkdir()
    os.chown(site, 0, 33)  # root's, of the web server's group (www-data)
    os.chmod(site, 0o750)
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert (site.stat().st_gid, stat.S_IMODE(site.stat().st_mode)) == (33, 0o750)
    found = {(p.stat().st_gid, stat.S_IMODE(p.stat().st_mode), p.is_dir()) for p in site.rglob("*")}
    assert found == {(33, 0o750, True), (33, 0o640, False)}


def test_a_print_run_written_again_under_umask_077_stays_readable(gk, cat: CatalogDir, tmp_path: Path) -> None:
    out = tmp_path / "print"
    assert gk("print", cat.root, "--from", "2026-09-01", "--out", out).code == 0
    assert modes(out) and modes(out) <= {("folder", 0o755), ("file", 0o644)}
    old = os.umask(0o077)
    try:
        run = gk("print", cat.root, "--from", "2026-09-01", "--out", out)
    finally:
        os.umask(old)
    assert run.code == 0, run.err
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
    assert modes(out) <= {("folder", 0o755), ("file", 0o644)}


# 2. A print or 公众号 run took any folder with an index.html for its own ----------------------------------------


def listing(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("command", ["print", "wechat"])
def test_a_print_run_into_the_website_folder_is_refused(gk, cat: CatalogDir, tmp_path: Path, command: str) -> None:
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0
    before = listing(site)
    run = gk(command, cat.root, "--from", "2026-09-01", "--out", site)
    assert run.code == 2, run.out
    assert f"「{site}」中的「index.html」不是这个命令上次生成的" in run.err
    assert "所以没有写入，文件夹保持原样" in run.err and "撤下" not in run.out
    assert listing(site) == before


def test_a_print_run_does_not_replace_a_folder_of_the_webmasters_own_page(gk, cat: CatalogDir,
                                                                         tmp_path: Path) -> None:
    html = tmp_path / "html"
    html.mkdir()
    (html / "index.html").write_text("<html><body><h1>欢迎访问</h1></body></html>", encoding="utf-8")
    (html / "logo.png").write_bytes(b"\x89PNG")
    run = gk("print", cat.root, "--from", "2026-09-01", "--out", html)
    assert run.code == 2
    assert sorted(p.name for p in html.iterdir()) == ["index.html", "logo.png"]


def test_print_and_wechat_replace_their_own_runs_not_each_others(gk, cat: CatalogDir, tmp_path: Path) -> None:
    board, posts = tmp_path / "print-out", tmp_path / "wechat-out"
    for command, out in (("print", board), ("wechat", posts)):
        assert gk(command, cat.root, "--from", "2026-09-01", "--out", out).code == 0
        assert gk(command, cat.root, "--from", "2026-09-01", "--out", out).code == 0  # its own earlier run
    printed = listing(board)
    run = gk("wechat", cat.root, "--from", "2026-09-01", "--out", board)
    assert run.code == 2 and "不是这个命令上次生成的" in run.err
    assert listing(board) == printed
    assert gk("print", cat.root, "--from", "2026-09-01", "--out", posts).code == 2


# 3. A folder of the site the build may not write in stopped an update half-way --------------------------------


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chattr +i needs root")
def test_an_update_that_may_not_write_in_a_folder_leaves_the_site_as_it_was(gk, cat: CatalogDir,
                                                                             tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    before = listing(site)
    edit_title(cat, "测试县民政局关于2026年第三季度低保对象名单的公示（更正）")
    if subprocess.run(["chattr", "+i", str(site / "records")], capture_output=True).returncode != 0:
        pytest.skip("this file system has no immutable folders")
    try:
        run = gk("build-site", cat.root, "--out", site)
    finally:
        subprocess.run(["chattr", "-i", str(site / "records")], check=True)
    assert run.code == 2
    assert f"没有权限：{site / 'records'}）" in run.err
    assert listing(site) == before  # not half updated: the home page and the search index are the old ones too
    again = gk("build-site", cat.root, "--out", site)
    assert again.code == 0 and "已整个重新生成" not in again.err  # an update: the site was left as the last build made it
    assert "（更正）" in (site / "records/R2026-001.html").read_text(encoding="utf-8")
    assert "（更正）" in (site / "index.html").read_text(encoding="utf-8")


# 4. SIGTERM while gongkai was still loading ended it without a word -------------------------------------------
# The signal is sent by the run itself the moment it starts loading the CLI (gongkai.cli): where `kill` lands in
# the first second of every run.
_TERMINATED_LOADING = """
import os, signal, sys

class Terminate:
    def find_spec(self, name, path=None, target=None):
        if name == "gongkai.cli":
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIG{})
        return None

sys.meta_path.insert(0, Terminate())
sys.argv = ["gongkai", "build-site", "--help"]
from gongkai.__main__ import main
main()
"""


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="no SIGTERM to oneself on Windows")
@pytest.mark.parametrize("name", ["TERM", "HUP"])
def test_sigterm_while_gongkai_is_loading_ends_as_ctrl_c_does(name: str) -> None:
    done = subprocess.run([sys.executable, "-c", _TERMINATED_LOADING.format(name)], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert (done.returncode, done.stdout) == (130, "")
    assert done.stderr == "已中断，未完成的输出没有写入，原来的文件保持不变。\n"


def test_a_run_under_nohup_is_not_stopped_by_sighup_while_loading() -> None:
    ignored = "import os, signal, sys\nsignal.signal(signal.SIGHUP, signal.SIG_IGN)\n"  # as nohup leaves it
    script = _TERMINATED_LOADING.format("HUP").replace("import os, signal, sys\n", ignored)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0 and "build-site" in done.stdout, done.stderr


# 5. An output folder that is a mount point ----------------------------------------------------------------------


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[Path]:
    point = tmp_path / "zwgk"
    point.mkdir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(point)], capture_output=True).returncode != 0:
        pytest.skip("mounting a file system needs root")
    try:
        yield point
    finally:
        subprocess.run(["umount", str(point)], check=True)


@pytest.mark.parametrize("command", [("build-site",), ("print", "--from", "2026-09-01")])
def test_an_output_on_a_mount_point_is_refused_naming_a_folder_in_it(gk, cat: CatalogDir, mounted: Path,
                                                                      command: tuple[str, ...]) -> None:
    run = gk(command[0], cat.root, *command[1:], "--out", mounted)
    assert run.code == 2
    assert run.err == (f"错误：「{mounted}」是一个挂载点（另一块磁盘或网络共享挂在这里）：输出要在它旁边生成后整个换入，"
                       f"挂载点不能这样替换，所以没有写入，文件夹保持原样。请在 --out 后写它里面的一个文件夹，"
                       f"如 --out {mounted}/site。\n")
    assert list(mounted.iterdir()) == []
    assert not [p for p in mounted.parent.iterdir() if p.name.startswith(".zwgk")]  # nothing left beside it
    assert gk(command[0], cat.root, *command[1:], "--out", mounted / "site").code == 0  # as the message says
