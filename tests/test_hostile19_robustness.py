"""Hostile pass over the commands that write: what a service manager's stop, a kill -9, a full disk, a shared folder,
a link or a path inside .git do to their outputs and ledgers.

Each test names the defect it was written for; the expected values are typed from what the user must see
(「已中断」, the path that was in the way, what to do), not computed by the code under test.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gongkai.locking import catalog_lock, output_lock
from gongkai.processes import interrupts_deferred, stops_as_interrupts
from tests.conftest import TODAY, CatalogDir
from tests.test_handover import add

GONGKAI = [sys.executable, "-m", "gongkai"]

# The real CLI in a child process, with SIGTERM sent to it (as `kill`, systemd or `timeout` send it) at one moment:
# *when* = "staging": as the first file is written into the staging folder; "swap": inside the rename that puts it
# in place.
_TERM_AT = textwrap.dedent("""\
    import os, signal, sys
    from pathlib import Path
    when, out = sys.argv[1], Path(sys.argv[2])
    real_replace, real_write = os.replace, Path.write_bytes
    def replace(src, dst):
        if when == "swap" and Path(dst) == out and ".building." in Path(src).name:
            os.kill(os.getpid(), signal.SIGTERM)
        real_replace(src, dst)
    def write_bytes(path, data):
        if when == "staging" and ".building." in str(path):
            os.kill(os.getpid(), signal.SIGTERM)
        return real_write(path, data)
    os.replace, Path.write_bytes = replace, write_bytes
    from gongkai.cli import main
    sys.exit(main(sys.argv[3:]))
""")


def _run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "GONGKAI_TODAY": TODAY, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run([*GONGKAI, *map(str, args)], capture_output=True, text=True, env=full, timeout=300)


def _terminated(when: str, out: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GONGKAI_TODAY": TODAY, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-c", _TERM_AT, when, str(out), *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=300)


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


# SIGTERM ends a command as Ctrl+C does --------------------------------------------------------------------------
# Defect: only Ctrl+C was handled. SIGTERM killed a handover on the spot: exit -15 with no word, a .out.building.*
# folder left for good, and — landing between the swap and the ledger — a delivered batch with no ledger.


def test_sigterm_while_a_handover_is_built_leaves_nothing_and_says_so(cat: CatalogDir, tmp_path: Path) -> None:
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    out = tmp_path / "out"
    run = _terminated("staging", out, "handover", "--date", "2026-09-20", "-C", cat.root, "--out", out)
    assert run.returncode == 130, run.stderr
    assert "已中断，未完成的输出没有写入，原来的文件保持不变。" in run.stderr
    assert "Traceback" not in run.stderr
    assert not out.exists() and list(cat.root.glob("handover/*")) == []
    assert _hidden(tmp_path) == []
    again = _run("handover", "--date", "2026-09-20", "-C", cat.root, "--out", out)
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in (cat.root / "handover").iterdir()) == ["2026-09-20.yaml"]


def test_sigterm_at_the_swap_of_a_handover_waits_for_the_ledger(cat: CatalogDir, tmp_path: Path) -> None:
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    out = tmp_path / "out"
    run = _terminated("swap", out, "handover", "--date", "2026-09-20", "-C", cat.root, "--out", out)
    assert run.returncode == 0, run.stderr
    assert f"已中断，但移交文件（{out}）已写入，台账已记录，不受影响。" in run.stderr
    assert (out / "dag" / "bagit.txt").is_file()
    assert "R2026-001" in (cat.root / "handover" / "2026-09-20.yaml").read_text(encoding="utf-8")
    assert _hidden(tmp_path) == []


def test_a_stop_signal_inside_a_deferred_step_waits_for_its_end() -> None:
    """The library's own guarantee, without a child process: SIGTERM in the middle of two renames is raised after."""
    done = []
    with stops_as_interrupts(), pytest.raises(KeyboardInterrupt):
        with interrupts_deferred():
            os.kill(os.getpid(), signal.SIGTERM)
            done.append("first rename")
            done.append("second rename")
    assert done == ["first rename", "second rename"]
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # put back afterwards


# kill -9: what a killed run left is tidied by the next run ----------------------------------------------------
# Defect: only build-site removed the staging folders of killed runs; handover, print, export portal and init left
# theirs (a copy of every attachment) beside the output for good.


def test_a_killed_handovers_staging_folder_is_removed_by_the_next_run(cat: CatalogDir, tmp_path: Path) -> None:
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    dead = _dead_pid()
    left = tmp_path / f".out.building.{dead}.x1y2z3"
    (left / "dag" / "data").mkdir(parents=True)
    (left / "dag" / "data" / "R2026-001.pdf").write_bytes(b"%PDF-1.4 half written")
    run = _run("handover", "--date", "2026-09-20", "-C", cat.root, "--out", tmp_path / "out")
    assert run.returncode == 0, run.stderr
    assert _hidden(tmp_path) == []


def test_a_live_runs_staging_folder_is_left_alone(cat: CatalogDir, tmp_path: Path) -> None:
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    mine = tmp_path / f".out.building.{os.getpid()}.abcdef"  # this test process is alive
    mine.mkdir()
    assert _run("handover", "--date", "2026-09-20", "-C", cat.root, "--out", tmp_path / "out").returncode == 0
    assert _hidden(tmp_path) == [mine.name]


def test_a_site_killed_between_its_two_renames_is_put_back(cat: CatalogDir, tmp_path: Path) -> None:
    """kill -9 after the old site was moved aside and before the new one was moved in: no site at all. The next run
    puts the old one back first, and finds it up to date."""
    site = tmp_path / "site"
    assert _run("build-site", cat.root, "--out", site, "--no-search").returncode == 0
    aside = tmp_path / f".site.old.{_dead_pid()}.q9w8e7"
    aside.mkdir()
    os.replace(site, aside / "previous")
    run = _run("build-site", cat.root, "--out", site, "--no-search")
    assert run.returncode == 0, run.stderr
    assert f"网站没有变化：{site}" in run.stdout
    assert _hidden(tmp_path) == []


def test_init_killed_half_way_leaves_nothing_for_good(tmp_path: Path) -> None:
    dead = _dead_pid()
    (tmp_path / f".dehua.building.{dead}.k3j4h5" / "catalog").mkdir(parents=True)
    (tmp_path / ".dehua.init.m6n7b8").mkdir()  # what an older version named its staging folder
    run = _run("init", tmp_path / "dehua", "--name", "德化县民政局", "--code", "350526", "--address",
               "福建省泉州市德化县浔中镇龙浔路1号", "--contact", "郑丽", "--phone", "0595-23521234", "--email",
               "dhmzj@example.gov.cn", "--leader", "苏伟:局长", "-y", "--baseline", "2026-11-20")
    assert run.returncode == 0, run.stderr
    assert _hidden(tmp_path) == []


# A full disk names the output and says what to do -----------------------------------------------------------
# Defect: 「错误：无法读写文件（磁盘空间不足）。」 — no path (a write names no file), nothing to do.


def test_a_full_disk_names_the_file_and_says_what_to_do(gk, cat: CatalogDir, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "directory.csv"
    target.write_bytes(b"old table\n")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")  # as the system says it: no file named

    monkeypatch.setattr(os, "fsync", full)
    run = gk("export", "csv", "-C", cat.root, "--out", target)
    monkeypatch.undo()
    assert run.code == 2, run.err
    assert f"磁盘空间不足：{target}" in run.err
    assert "请腾出磁盘空间" in run.err
    assert target.read_bytes() == b"old table\n"
    assert _hidden(tmp_path) == []


def test_a_full_disk_under_a_site_names_the_site_and_keeps_the_old_one(gk, cat: CatalogDir, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (site / ".gongkai-build.json").unlink()  # the whole site is made again
    before.pop(site / ".gongkai-build.json")
    real = Path.write_bytes

    def full(path: Path, data: bytes) -> int:
        if ".building." in str(path):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    run = gk("build-site", cat.root, "--out", site, "--no-search")
    monkeypatch.undo()
    assert run.code == 2, run.err
    assert f"磁盘空间不足：{site}" in run.err and "请腾出磁盘空间" in run.err
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert _hidden(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mounting a small disk needs root")
def test_a_really_full_disk(cat: CatalogDir, tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("no tmpfs here")
    try:
        run = _run("build-site", cat.root, "--out", disk / "site", "--no-search")
        assert run.returncode == 2, run.stderr
        assert f"磁盘空间不足：{disk / 'site'}" in run.stderr and "Traceback" not in run.stderr
        assert os.listdir(disk) == []
    finally:
        subprocess.run(["umount", str(disk)], check=False)


# Nothing is written inside a repository's .git ------------------------------------------------------------------
# Defect: `export csv --out .git/config` replaced the repository's settings with the table (「已导出」, exit 0).


def test_an_output_inside_git_is_refused(gk, repo: Path, tmp_path: Path) -> None:
    top = repo.parent if (repo.parent / ".git").is_dir() else repo
    config = top / ".git" / "config"
    before = config.read_bytes()
    for args in (("export", "csv", "-C", repo, "--out", config),
                 ("export", "xlsx", "-C", repo, "--out", top / ".git" / "directory.xlsx"),
                 ("build-site", repo, "--out", top / ".git" / "site"),
                 ("build-site", repo, "--out", top / ".git"),
                 ("schema", "--out", top / ".git" / "hooks"),
                 ("handover", "--date", "2026-09-20", "--allow-incomplete", "-C", repo, "--out", top / ".git" / "b")):
        run = gk(*args)
        assert run.code == 2, (args, run.err)
        assert "在 git 仓库自己的文件夹（.git）中：写到这里会损坏仓库，所以没有写入" in run.err
        assert "请在 --out 后写一个 .git 以外的文件夹或文件名" in run.err
    assert config.read_bytes() == before
    assert not (top / ".git" / "site").exists() and not (top / ".git" / "directory.xlsx").exists()


# An output folder that is a link stays a link ---------------------------------------------------------------
# Defect: the swap renamed the new folder over the link itself: /var/www/html → /srv/site became a plain folder and
# the folder the web server was pointed at kept the old pages.


def test_a_site_folder_reached_through_a_link_stays_a_link(gk, cat: CatalogDir, tmp_path: Path) -> None:
    real = tmp_path / "srv-site"
    real.mkdir()
    link = tmp_path / "html"
    link.symlink_to(real)
    assert gk("build-site", cat.root, "--out", link, "--no-search").code == 0
    (real / ".gongkai-build.json").unlink()  # made whole again: the swap of the whole folder
    assert gk("build-site", cat.root, "--out", link, "--no-search").code == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert (real / "index.html").is_file() and (real / ".gongkai-build.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog", "html", "srv-site"]


def test_a_batch_folder_reached_through_a_link_stays_a_link(gk, cat: CatalogDir, tmp_path: Path) -> None:
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    real = tmp_path / "usb"
    real.mkdir()
    link = tmp_path / "batch"
    link.symlink_to(real)
    for _ in range(2):  # the second run replaces the first batch
        assert gk("handover", "--date", "2026-09-20", "-C", cat.root, "--out", link).code == 0
    assert link.is_symlink() and (real / "dag" / "bagit.txt").is_file()


# A file where a folder should be is named as such ---------------------------------------------------------------
# Defect: 「无法读写文件（已经存在：报表）」 — the file in the way called 「already exists」, nothing to do.


@pytest.mark.parametrize("command", [("build-site", "{cat}", "--out", "{out}"),
                                     ("handover", "--date", "2026-09-20", "-C", "{cat}", "--out", "{out}"),
                                     ("export", "xlsx", "-C", "{cat}", "--out", "{out}/directory.xlsx")])
def test_a_file_in_the_way_of_the_output_folder_is_named(gk, cat: CatalogDir, tmp_path: Path,
                                                         command: tuple[str, ...]) -> None:
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    blocking = tmp_path / "报表"
    blocking.write_text("不是文件夹", encoding="utf-8")
    out = blocking / "2026"
    run = gk(*(part.format(cat=cat.root, out=out) for part in command))
    assert run.code == 2, run.err
    assert f"路径中有同名的文件挡住了文件夹：{blocking}）" in run.err
    assert "请把挡住的同名文件移走或改名，或换一个路径" in run.err
    assert "已经存在" not in run.err
    assert blocking.read_text(encoding="utf-8") == "不是文件夹"


def test_a_file_named_like_the_cache_folder_is_named(gk, cat: CatalogDir, tmp_path: Path) -> None:
    """Defect: 「无法写入目录文件夹（已经存在……）请确认文件夹不是只读的」 — the catalog was writable."""
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    (cat.root / ".gongkai-cache").write_text("", encoding="utf-8")
    run = gk("handover", "--date", "2026-09-20", "-C", cat.root, "--out", tmp_path / "out")
    assert run.code == 2, run.err
    assert f"路径中有同名的文件挡住了文件夹：{cat.root / '.gongkai-cache'}" in run.err
    assert "请删去或改名目录中的 .gongkai-cache 文件" in run.err
    assert not (tmp_path / "out").exists() and list(cat.root.glob("handover/*")) == []


# Two writers of one catalog's ledgers at once -------------------------------------------------------------------
# Defect: export portal took no lock: two exports at once (two clerks, a cron job and a clerk) both read the ledgers
# before either wrote one, and each sent every record to the portal as 新增.


def test_export_portal_waits_for_the_catalogs_lock(cat: CatalogDir, tmp_path: Path) -> None:
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    with catalog_lock(cat.root, "gongkai export portal --today 2026-11-26"):
        run = _run("export", "portal", cat.root, "--out", tmp_path / "portal", env={"GONGKAI_LOCK_WAIT": "0.3"})
    assert run.returncode == 2, run.stderr
    assert "正被另一个 gongkai 命令使用" in run.stderr and "gongkai export portal --today 2026-11-26" in run.stderr
    assert not (tmp_path / "portal").exists() and not (cat.root / "portal").exists()


def test_calendar_import_waits_for_the_catalogs_lock(cat: CatalogDir, tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text("国务院办公厅关于2030年部分节假日安排的通知\n一、元旦：1月1日放假。\n", encoding="utf-8")
    with catalog_lock(cat.root, "gongkai new record"):
        run = _run("calendar", "import", notice, "-C", cat.root, env={"GONGKAI_LOCK_WAIT": "0.3"})
    assert run.returncode == 2, run.stderr
    assert "正被另一个 gongkai 命令使用" in run.stderr and "gongkai new record" in run.stderr
    assert not (cat.root / "calendar").exists()


# A shared (set-group-id) folder keeps its group for what is made in it ---------------------------------------
# Defect: the staging folder was chmod-ed to the umask's mode, which clears the set-group-id bit a folder made in a
# shared folder inherits: the site, the batch and the portal export were made in the runner's own group, not the
# team's, unlike what mkdir (and every other tool) makes there.


def test_outputs_made_in_a_shared_folder_keep_its_set_group_id_bit(gk, cat: CatalogDir, tmp_path: Path) -> None:
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o2775)
    if not os.stat(shared).st_mode & stat.S_ISGID:
        pytest.skip("this file system has no set-group-id folders")
    assert gk("build-site", cat.root, "--out", shared / "site", "--no-search").code == 0
    assert gk("handover", "--date", "2026-09-20", "-C", cat.root, "--out", shared / "batch").code == 0
    for folder in (shared / "site", shared / "site" / "assets", shared / "batch", shared / "batch" / "dag"):
        assert os.stat(folder).st_mode & stat.S_ISGID, folder


def test_a_site_made_whole_again_keeps_its_folders_mode(gk, cat: CatalogDir, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0
    os.chmod(site, 0o750)  # the web server's group may read, no one else
    (site / ".gongkai-build.json").unlink()
    assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0
    assert stat.S_IMODE(os.stat(site).st_mode) == 0o750


# The output locks' folder is shared by every user of the machine ---------------------------------------------
# Defect: the first user's umask made it 0755: every other user's build-site (of any folder) then stopped with
# 「无法在…建立锁文件（没有权限）」.


def test_the_output_locks_folder_lets_every_user_make_locks(gk, cat: CatalogDir, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    old = os.umask(0o022)
    try:
        assert gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search").code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(temp / "gongkai-locks").st_mode) == 0o1777
    assert {stat.S_IMODE(p.stat().st_mode) for p in (temp / "gongkai-locks").glob("*.lock")} == {0o666}


# Two commands into one output folder at once -------------------------------------------------------------------
# Defect: only build-site locked its output folder. A build-site and an export portal (or two prints, two county
# runs) into one folder both found it empty, built aside, and the later swap threw the other's output away — an
# export portal whose ledger says 「exported」 while its folder held a site.


@pytest.mark.parametrize("command", [("export", "portal", "{cat}", "--out", "{out}"),
                                     ("print", "{cat}", "--out", "{out}"),
                                     ("wechat", "{cat}", "--out", "{out}"),
                                     ("handover", "--date", "2026-09-20", "-C", "{cat}", "--out", "{out}"),
                                     ("county", "{cat}", "--out", "{out}")])
def test_a_command_waits_for_the_lock_of_its_output_folder(cat: CatalogDir, tmp_path: Path,
                                                          command: tuple[str, ...]) -> None:
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    out = tmp_path / "shared-out"
    with output_lock(out, "gongkai build-site"):
        run = _run(*(part.format(cat=cat.root, out=out) for part in command), env={"GONGKAI_LOCK_WAIT": "0.3"})
    assert run.returncode == 2, run.stdout + run.stderr
    assert f"输出「{out}」正被另一个 gongkai 命令使用" in run.stderr and "gongkai build-site" in run.stderr
    assert not out.exists()
    assert list(cat.root.glob("portal/*")) == [] and list(cat.root.glob("handover/*")) == []


# An import is written whole or not at all, also when Ctrl+C or SIGTERM lands between its renames -------------
# Defect: the renames of an import's files were not held together: a Ctrl+C after the first left one item updated
# and the other not, and the command said 「已中断，未完成的输出没有写入，原来的文件保持不变。」 (exit 130).


def test_ctrl_c_between_the_renames_of_an_import_waits_until_all_are_in(gk, bundled: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch,
                                                                        terminal_ctrl_c: None) -> None:
    import openpyxl

    table = tmp_path / "directory.xlsx"
    assert gk("export", "xlsx", "-C", bundled, "--out", table).code == 0
    book = openpyxl.load_workbook(table)
    sheet = book.worksheets[0]
    assert (sheet.cell(4, 17).value, sheet.cell(5, 17).value) == ("SHJZ-001", "SHJZ-002")
    sheet.cell(4, 19).value, sheet.cell(5, 19).value = "0595-23000001", "0595-23000002"
    book.save(table)
    real = os.replace
    renamed: list[str] = []

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).suffix == ".yaml" and Path(dst).parent.name == "shjz":
            renamed.append(Path(dst).name)
            if len(renamed) == 1:
                os.kill(os.getpid(), signal.SIGINT)  # delivered at once unless held
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    run = gk("import", "xlsx", table, "--yes", "-C", bundled)
    monkeypatch.undo()
    assert renamed == ["SHJZ-001.yaml", "SHJZ-002.yaml"]
    assert run.code == 0, run.err
    assert "已中断，但导入的 2 个文件已全部写入目录，不受影响。" in run.err
    assert "0595-23000001" in (bundled / "items" / "shjz" / "SHJZ-001.yaml").read_text(encoding="utf-8")
    assert "0595-23000002" in (bundled / "items" / "shjz" / "SHJZ-002.yaml").read_text(encoding="utf-8")


# A catalog on a read-only disk ---------------------------------------------------------------------------------
# Defect: 「无法在「…/.gongkai-cache」中建立锁文件（文件夹是只读的：…）。」 — nothing said of what to do, nor that nothing
# was changed.


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="a read-only bind mount needs root")
def test_a_catalog_on_a_read_only_disk(cat: CatalogDir, tmp_path: Path) -> None:
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    assert _run("validate", cat.root).returncode == 0  # its cache is made while the disk is writable
    disk = tmp_path / "cdrom"
    disk.mkdir()
    if subprocess.run(["mount", "--bind", str(cat.root), str(disk)], capture_output=True).returncode:
        pytest.skip("no bind mounts here")
    try:
        if subprocess.run(["mount", "-o", "remount,bind,ro", str(disk)], capture_output=True).returncode:
            pytest.skip("no read-only bind mounts here")
        assert _run("validate", disk).returncode == 0
        run = _run("handover", "--date", "2026-09-20", "-C", disk, "--out", tmp_path / "out")
        assert run.returncode == 2, run.stderr
        assert "文件夹是只读的" in run.stderr and "gongkai handover --date 2026-09-20 没有执行，目录保持原样" in run.stderr
        assert "请先复制到可以写入的位置" in run.stderr
        assert not (tmp_path / "out").exists()
        built = _run("build-site", disk, "--out", tmp_path / "site", "--no-search")
        assert built.returncode == 0, built.stderr
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_a_hangup_ignored_by_nohup_stays_ignored(cat: CatalogDir, tmp_path: Path) -> None:
    """`nohup gongkai build-site … &`, then the terminal closes: the build goes on (SIGHUP was ignored before it began)."""
    script = textwrap.dedent("""\
        import os, signal, sys
        from pathlib import Path
        signal.signal(signal.SIGHUP, signal.SIG_IGN)  # what nohup does before it starts the command
        real = Path.write_bytes
        def write_bytes(path, data):
            if ".building." in str(path):
                os.kill(os.getpid(), signal.SIGHUP)
            return real(path, data)
        Path.write_bytes = write_bytes
        from gongkai.cli import main
        sys.exit(main(sys.argv[1:]))
    """)
    env = {**os.environ, "GONGKAI_TODAY": TODAY, "PYTHONIOENCODING": "utf-8"}
    run = subprocess.run([sys.executable, "-c", script, "build-site", str(cat.root), "--out", str(tmp_path / "site"),
                          "--no-search"], capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "site" / "index.html").is_file()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a folder away needs root")
@pytest.mark.parametrize("command", ["build-site", "handover"])
def test_a_folder_of_the_web_servers_user_stays_theirs(gk, cat: CatalogDir, tmp_path: Path, command: str) -> None:
    """Defect: a build run as root over a site folder owned by the web server's user (www-data, 0750) made it root's:
    the web server could no longer read its own site."""
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    out = tmp_path / "www"
    args = (("build-site", cat.root, "--out", out, "--no-search") if command == "build-site" else
            ("handover", "--date", "2026-09-20", "-C", cat.root, "--out", out))
    assert gk(*args).code == 0
    os.chown(out, 33, 33)  # www-data on Debian and Ubuntu
    os.chmod(out, 0o750)
    (out / ".gongkai-build.json").unlink(missing_ok=True)  # the site is made whole again: a new folder swapped in
    assert gk(*args).code == 0
    info = os.stat(out)
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (33, 33, 0o750)


def test_leftovers_of_an_output_named_with_brackets_are_found(cat: CatalogDir, tmp_path: Path) -> None:
    """「移交[第2批]」: the name was used as a glob pattern, [第2批] matched one character, and nothing was removed."""
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    (tmp_path / f".移交[第2批].building.{_dead_pid()}.abc123").mkdir()
    run = _run("handover", "--date", "2026-09-20", "-C", cat.root, "--out", tmp_path / "移交[第2批]")
    assert run.returncode == 0, run.stderr
    assert _hidden(tmp_path) == []
