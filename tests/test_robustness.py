"""Caches, locks, configuration and exit codes (issue 11): what holds whatever the files, the clock and the other
processes do. Real files (mtimes put back with os.utime), real processes, the real CLI."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml_rs

from conftest import AGENCY, RECORD, TODAY, CatalogDir, Run, text_pdf
from gongkai.catalog.cache import Cache
from gongkai.catalog.sources import Stamp
from gongkai.locking import catalog_lock, output_lock

GONGKAI = Path(sys.executable).with_name("gongkai")
FULL_ID = "11010519491231002X"  # a valid 身份证号 (check digit X) of the national standard's example


def codes(gk: Callable[..., Run], root: Path) -> list[str]:
    run = gk("validate", root, "--format", "json")
    assert run.code in (0, 1), run.err
    return [d["code"] for d in json.loads(run.out)["diagnostics"]]


def same_size_edit(path: Path, old: bytes, new: bytes) -> None:
    """Edit *path* in place as an unzip or a Windows copy would: same size, the old mtime put back (touch -r)."""
    assert len(old) == len(new)
    before = path.stat()
    path.write_bytes(path.read_bytes().replace(old, new))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


# Caches ---------------------------------------------------------------------------------------------------------


def test_same_size_edit_with_mtime_put_back_is_validated(gk: Callable[..., Run], cat: CatalogDir) -> None:
    path = cat.record(RECORD.replace("页数: 1", "页数: 7"))
    os.utime(path, (time.time() - 3600, time.time() - 3600))  # an old file: only its ctime can tell the edit
    assert codes(gk, cat.root) == []
    time.sleep(0.01)
    same_size_edit(path, "页数: 7".encode(), "页数: x".encode())
    assert "GK103" in codes(gk, cat.root)


def test_same_size_attachment_edit_is_privacy_scanned(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    clean, leaked = "X" * 18, FULL_ID
    attachment = cat.write("files/2026/list.csv", f"姓名,备注\n陈水生,{clean}\n".encode("utf-8-sig"))
    os.utime(attachment, (time.time() - 3600, time.time() - 3600))
    cat.record(RECORD.replace("正文: |", "附件:\n  - 文件: files/2026/list.csv\n正文: |"))
    site = tmp_path / "site"
    assert not [c for c in codes(gk, cat.root) if c.startswith("GK6")]
    assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0
    assert (site / "records/R2026-001.html").exists()
    time.sleep(0.01)
    same_size_edit(attachment, clean.encode(), leaked.encode())
    assert [c for c in codes(gk, cat.root) if c.startswith("GK6")], "the edited attachment was not scanned again"
    assert gk("build-site", cat.root, "--out", site, "--no-search").code in (0, 1)
    assert not (site / "records/R2026-001.html").exists()
    assert not any(FULL_ID.encode() in p.read_bytes() for p in site.rglob("*") if p.is_file())


def test_racily_clean_entries_are_hashed_again(tmp_path: Path) -> None:
    """git's rule: a stamp recorded less than a clock tick after the file changed proves nothing."""
    cache = Cache(tmp_path)
    stamp = Stamp(10, 1_000_000_000_000, 1_000_000_000_000, 5, 7)
    blob = "a" * 40  # (a git blob id: the cache keeps nothing else since the twenty-first hostile pass)
    cache.remember_blob("a.yaml", stamp, blob, recorded_ns=stamp.mtime_ns)  # recorded within the same tick
    assert cache.known_blob("a.yaml", stamp) is None
    cache.remember_blob("a.yaml", stamp, blob, recorded_ns=stamp.mtime_ns + 5_000_000_000)
    assert cache.known_blob("a.yaml", stamp) == blob
    for changed in (stamp._replace(ctime_ns=stamp.ctime_ns + 1), stamp._replace(ino=6), stamp._replace(dev=8),
                    stamp._replace(size=11), stamp._replace(mtime_ns=stamp.mtime_ns - 1)):
        assert cache.known_blob("a.yaml", changed) is None, changed
    cache.save_stats()
    assert Cache(tmp_path).known_blob("a.yaml", stamp) == blob  # remembered across runs


def test_writes_keep_the_file_mode(gk: Callable[..., Run], cat: CatalogDir) -> None:
    path = cat.record(RECORD.replace("成文日期: 2026-09-01", "成文日期: 2026/9/1"))
    path.chmod(0o664)
    assert gk("fmt", cat.root).code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o664 and "2026-09-01" in path.read_text(encoding="utf-8")
    assert gk("new", "item", "-C", cat.root, "--domain", "社会救助", "--five", "服务公开", "--level1", "临时救助",
              "--content", "办理条件", "--unit", "shjzg").code == 0
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE((cat.root / "items/shjz/SHJZ-002.yaml").stat().st_mode) == 0o666 & ~mask  # not 0600


# Locks ----------------------------------------------------------------------------------------------------------


def handover_catalog(cat: CatalogDir, count: int = 2) -> CatalogDir:
    """*count* 主动公开 records with PDFs, published before the handovers of 2026-09-20 and 2026-10-20."""
    for number, published in ((n, f"2026-09-{3 + n % 12:02d}") for n in range(1, count + 1)):
        rid = f"R2026-{number:03d}"
        cat.write(f"records/2026/{rid}.yaml", RECORD.replace("R2026-001", rid).replace("00001", f"{number:05d}")
                  .replace("1号", f"{number}号").replace("公开日期: 2026-09-03", f"公开日期: {published}")
                  + f"附件:\n  - 文件: files/2026/{rid}.pdf\n")
        cat.write(f"files/2026/{rid}.pdf", text_pdf(f"Notice {rid}"))
    return cat


def cli(*args: str | Path, env: dict[str, str] | None = None, user: int | None = None) -> subprocess.Popen[bytes]:
    full = {**os.environ, "GONGKAI_TODAY": TODAY, "PYTHONIOENCODING": "utf-8", **(env or {})}
    prefix = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups"] if user is not None else []
    return subprocess.Popen([*prefix, str(GONGKAI), *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=full)


def finish(process: subprocess.Popen[bytes]) -> tuple[int, str]:
    out, err = process.communicate(timeout=180)
    return process.returncode, (out + err).decode("utf-8")


def ledger_ids(root: Path) -> dict[str, set[str]]:
    found = {}
    for path in sorted((root / "handover").glob("*.yaml")):
        data = yaml_rs.loads(path.read_text(encoding="utf-8"))
        found[path.stem] = {entry["编号"] for entry in data["信息"]}
    return found


def test_two_handovers_at_once_never_send_a_record_twice(cat: CatalogDir, tmp_path: Path) -> None:
    root = handover_catalog(cat, count=300).root  # enough work that the two runs overlap
    first = cli("handover", "--date", "2026-09-20", "-C", root, "--out", tmp_path / "a", env={"GONGKAI_LOCK_WAIT": "60"})
    second = cli("handover", "--date", "2026-10-20", "-C", root, "--out", tmp_path / "b", env={"GONGKAI_LOCK_WAIT": "60"})
    results = [finish(first), finish(second)]
    sent = ledger_ids(root)
    everything = {f"R2026-{n:03d}" for n in range(1, 301)}
    if [code for code, _ in results] == [0, 0]:  # the 09-20 run took the lock first
        assert set(sent) == {"2026-09-20", "2026-10-20"}
        assert sent["2026-09-20"] & sent["2026-10-20"] == set()
        assert sent["2026-09-20"] | sent["2026-10-20"] == everything
    else:  # the 10-20 run took it first and sent everything: a batch before a recorded one is refused (exit 2)
        assert results[0][0] == 2 and "更晚的批次已经记入台账" in results[0][1] and results[1][0] == 0, results
        assert set(sent) == {"2026-10-20"} and sent["2026-10-20"] == everything


@pytest.fixture
def held(cat: CatalogDir) -> Iterator[CatalogDir]:
    """The catalog, locked by this test process as if a handover were running."""
    with catalog_lock(cat.root, "gongkai handover --date 2026-09-20"):
        yield cat


WRITERS: dict[str, Callable[[Path, Path], list[str | Path]]] = {
    "handover": lambda root, tmp: ["handover", "--date", "2026-09-20", "-C", root, "--out", tmp / "o", "--allow-incomplete"],
    "baseline": lambda root, tmp: ["handover", "baseline", "--through", "2026-09-20", "-C", root],
    "fmt": lambda root, tmp: ["fmt", root],
    "new": lambda root, tmp: ["new", "record", "-C", root, "--title", "通知", "--kind", "通知", "--unit", "bgs",
                              "--attribute", "依申请公开", "--item", "SHJZ-001"],
    "mask": lambda root, tmp: ["mask", root / "files/list.csv"],
    "import": lambda root, tmp: ["import", "xlsx", tmp / "directory.xlsx", "-C", root, "--yes"],
}


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_second_writer_waits_then_stops_naming_the_holder(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path,
                                                            command: str) -> None:
    cat.write("files/list.csv", f"姓名,身份证号\n陈水生,{FULL_ID}\n")
    assert gk("export", "xlsx", "-C", cat.root, "--out", tmp_path / "directory.xlsx").code == 0
    before = {p: p.read_bytes() for p in cat.root.rglob("*") if p.is_file() and ".gongkai-cache" not in p.parts}
    with catalog_lock(cat.root, "gongkai handover --date 2026-09-20"):
        started = time.monotonic()
        code, text = finish(cli(*WRITERS[command](cat.root, tmp_path), env={"GONGKAI_LOCK_WAIT": "0.5"}))
        waited = time.monotonic() - started
    assert code == 2, text
    assert "正被另一个 gongkai 命令使用" in text and "gongkai handover --date 2026-09-20" in text
    assert f"进程 {os.getpid()}" in text and waited >= 0.5
    after = {p: p.read_bytes() for p in cat.root.rglob("*") if p.is_file() and ".gongkai-cache" not in p.parts}
    assert after == before


def test_build_site_locks_its_output_folder(cat: CatalogDir, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with output_lock(site, "gongkai build-site"):
        code, text = finish(cli("build-site", cat.root, "--out", site, env={"GONGKAI_LOCK_WAIT": "0.3"}))
    assert code == 2 and "正被另一个 gongkai 命令使用" in text and "gongkai build-site" in text
    assert not site.exists()
    code, text = finish(cli("build-site", cat.root, "--out", site, "--no-search"))  # released: the next run builds
    assert code == 0, text
    assert {p.name for p in tmp_path.iterdir()} == {"catalog", "site"}  # no lock file left beside the output


# A handover and its ledger succeed or fail together -----------------------------------------------------------


def test_ledger_that_cannot_be_written_stops_the_batch(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    root = handover_catalog(cat).root
    (root / "handover").write_text("挡住了台账文件夹")  # a file where the ledger folder should be
    out = tmp_path / "o"
    (out / "dag").mkdir(parents=True)  # the last batch: a bag (no other folder is replaced: test_hostile17_out_folders)
    (out / "dag" / "bagit.txt").write_text("BagIt-Version: 1.0\n", encoding="utf-8")
    (out / "old.txt").write_text("上一次的输出", encoding="utf-8")
    run = gk("handover", "--date", "2026-09-20", "-C", root, "--out", out)
    assert run.code == 2 and "无法写入台账" in run.err and "没有送交" in run.err
    assert sorted(p.name for p in out.iterdir()) == ["dag", "old.txt"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".o")] == []


@pytest.fixture
def readonly_catalog(tmp_path: Path) -> Iterator[tuple[Path, Path, int | None]]:
    """A catalog the command cannot write, and an output folder it can: as another user when run as root."""
    top = Path(tempfile.mkdtemp(prefix="gk-ro-"))
    top.chmod(0o755)
    root = top / "catalog"
    cat = CatalogDir(root)
    cat.write("gongkai.yaml", AGENCY)
    handover_catalog(cat)
    out_parent = top / "out"
    out_parent.mkdir()
    out_parent.chmod(0o777)
    user = 65534 if os.geteuid() == 0 else None  # nobody: root could write a read-only folder
    for path in [root, *root.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield root, out_parent / "o", user
    finally:
        for path in [root, *root.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(top, ignore_errors=True)


def test_read_only_catalog_delivers_nothing(readonly_catalog: tuple[Path, Path, int | None]) -> None:
    root, out, user = readonly_catalog
    code, text = finish(cli("handover", "--date", "2026-09-20", "-C", root, "--out", out, user=user))
    assert code == 2 and "内部错误" not in text, text
    assert "只读" in text or "没有权限" in text
    assert not out.exists() and not (root / "handover").exists()


# Patterns from gongkai.yaml ------------------------------------------------------------------------------------


def test_catastrophic_index_pattern_cannot_hang_validate(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.write("gongkai.yaml", AGENCY + "检查:\n  索引号格式: '^(\\d+)+$'\n")
    cat.record(RECORD.replace("索引号: 350524-MZ-2026-00001", "索引号: '" + "1" * 5000 + "x'"))
    started = time.process_time()  # CPU, not the wall clock: a busy machine slows the run, not the engine's work
    found = codes(gk, cat.root)
    assert time.process_time() - started < 10  # Python's own engine takes minutes on this
    assert found == ["GK209"]


@pytest.mark.parametrize(("pattern", "why"), [
    ("^(\\d{6}", "圆括号没有闭合"), ("(?<=MZ)-\\d+", "向前、向后查找"), ("^(\\d)\\1$", "反斜杠转义"), ("[9-0]", "范围写反"),
])
def test_unusable_index_pattern_is_an_error_at_its_line(gk: Callable[..., Run], cat: CatalogDir, pattern: str,
                                                        why: str) -> None:
    text = AGENCY + f"检查:\n  索引号格式: '{pattern}'\n"
    cat.write("gongkai.yaml", text)
    run = gk("validate", cat.root, "--format", "json")
    [diag] = [d for d in json.loads(run.out)["diagnostics"] if d["code"] == "GK211"]
    assert run.code == 1 and diag["severity"] == "error" and why in diag["message"]
    assert (diag["path"], diag["line"]) == ("gongkai.yaml", text.count("\n"))


def test_python_escapes_in_index_pattern_work(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.write("gongkai.yaml", AGENCY + "检查:\n  索引号格式: '^\\d{6}-MZ-\\d{4}-\\d{5}$'\n")
    assert codes(gk, cat.root) == []
    cat.write("gongkai.yaml", AGENCY + "检查:\n  索引号格式: '^[\\u4e00-\\u9fff]+$'\n")
    assert codes(gk, cat.root) == ["GK209"]


# Configuration that becomes a link -----------------------------------------------------------------------------

HOSTILE_ADDRESSES = ["javascript:alert(1)//", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
                     "/relative/path", "//evil.example/x", "www.fjax.gov.cn", 'https://a.gov.cn/"onmouseover="x',
                     "https://a.gov.cn/ x", "https://a.gov.cn/'x", "https://a.gov.cn/<x>", "ftp://a.gov.cn/",
                     "https://evil.example\\@a.gov.cn/"]
BASE = "  基础地址: https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/\n"
DESK = "  受理机构: 测试县民政局办公室\n"
SETTINGS = {
    "网站.基础地址": lambda v: AGENCY.replace(BASE, f"  基础地址: {json.dumps(v, ensure_ascii=False)}\n"),
    "机关.网站": lambda v: AGENCY.replace("  联系人: 张三\n", f"  联系人: 张三\n  网站: {json.dumps(v, ensure_ascii=False)}\n"),
    "依申请公开.网上申请地址": lambda v: AGENCY.replace(DESK, f"{DESK}  网上申请地址: {json.dumps(v, ensure_ascii=False)}\n"),
}


@pytest.mark.parametrize("setting", sorted(SETTINGS))
@pytest.mark.parametrize("value", HOSTILE_ADDRESSES)
def test_addresses_that_become_links_must_be_http(gk: Callable[..., Run], cat: CatalogDir, setting: str,
                                                  value: str) -> None:
    text = SETTINGS[setting](value)
    cat.write("gongkai.yaml", text)
    run = gk("validate", cat.root, "--format", "json")
    wrong = [d for d in json.loads(run.out)["diagnostics"] if d["path"] == "gongkai.yaml"]
    assert run.code == 1 and wrong, value
    line = next(n for n, t in enumerate(text.split("\n"), 1) if t.strip().startswith(setting.split(".")[1] + ":"))
    assert wrong[0]["line"] == line and "http" in wrong[0]["message"]


@pytest.mark.parametrize("setting", sorted(SETTINGS))
def test_a_line_separator_in_an_address_is_named_and_taken_out(gk: Callable[..., Run], cat: CatalogDir,
                                                              setting: str) -> None:
    """U+2028 (pasted from a web page) is one of the invisible characters every file is read without (GK017): the
    address becomes https://a.gov.cn/x and the clerk is told where the character was."""
    text = SETTINGS[setting]("https://a.gov.cn/\u2028x")
    cat.write("gongkai.yaml", text)
    run = gk("validate", cat.root, "--format", "json")
    found = [d for d in json.loads(run.out)["diagnostics"] if d["path"] == "gongkai.yaml"]
    line = next(n for n, t in enumerate(text.split("\n"), 1) if t.strip().startswith(setting.split(".")[1] + ":"))
    assert [(d["code"], d["line"]) for d in found] == [("GK017", line)]


@pytest.mark.parametrize("setting", sorted(SETTINGS))
def test_a_proper_address_is_accepted(gk: Callable[..., Run], cat: CatalogDir, setting: str) -> None:
    cat.write("gongkai.yaml", SETTINGS[setting]("https://www.fjax.gov.cn:8443/zwgk/mzj/?a=1&b=2#x"))
    assert codes(gk, cat.root) == []


def test_no_other_setting_becomes_a_link(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Every free-text setting of gongkai.yaml written as a javascript: URL: none becomes an href or src."""
    hostile = "'javascript:alert(1)//'"
    text = AGENCY.replace(BASE, f"{BASE}  标题: {hostile}\n  说明: {hostile}\n")
    for key in ("联系人", "受理机构", "地址", "电子邮箱", "办公时间", "复议机关", "诉讼法院", "职务"):
        text = re.sub(rf"^(\s+(?:- )?{key}): .*$", rf"\1: {hostile}", text, flags=re.M)
    text = text.replace("名称: 办公室", f"名称: {hostile}").replace("方式: [当面提交, 邮寄]", f"方式: [{hostile}]")
    text = text.replace(DESK, f"{DESK}  传真: {hostile}\n  信息处理费: {hostile}\n")
    cat.write("gongkai.yaml", text)
    assert [d for d in json.loads(gk("validate", cat.root, "--format", "json").out)["diagnostics"]
            if d["severity"] == "error"] == []
    assert gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search").code == 0
    for path in (tmp_path / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".js"):
            page = path.read_text(encoding="utf-8").lower().replace(" ", "")
            for attribute in ('href="javascript:', "href='javascript:", 'src="javascript:', "href=javascript:",
                              "url(javascript:"):
                assert attribute not in page, path


# Exit 3 is for gongkai's own bugs only --------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "says"), [
    (("handover", "schedule", "--year", "99999"), "1900—2199"),
    (("handover", "schedule", "--year", "-5"), "1900—2199"),
    (("handover", "schedule", "--year", "9" * 60), "1900—2199"),
    (("handover", "schedule", "--year", "abc"), "应为整数"),
    (("report", "annual", "{root}", "--year", "99999"), "1900—2199"),
    (("handover", "--date", "2026-02-30", "-C", "{root}"), "日期不存在"),
    (("handover", "--date", "", "-C", "{root}"), "YYYY-MM-DD"),
    (("handover", "--date", "99999-01-01", "-C", "{root}"), "YYYY-MM-DD"),
    (("validate", "{root}", "--today", "9999-12-31"), "1900—2199"),
    (("validate", "{root}", "--today", "2026-13-01"), "日期不存在"),
    (("workdays", "add", "2026-12-30", "99999999999999999999"), "节假日安排"),
    (("workdays", "add", "2026-12-30", "9" * 5000), "数字太长"),
    (("serve", "--port", "0"), "不小于 1"),
    (("deadline", "explain", "", "-C", "{root}"), "找不到编号"),
    (("new", "record", "-C", "{root}", "--title", "x", "--kind", "通知", "--unit", "bgs", "--attribute", "依申请公开",
      "--formed", "0000-00-00"), "日期"),
    (("validate", "a\x00b"), "空字符"),
    (("fmt", "{root}/a\x00b.yaml"), "空字符"),
])
def test_bad_options_are_usage_errors_in_chinese(gk: Callable[..., Run], cat: CatalogDir, args: tuple[str, ...],
                                                 says: str) -> None:
    run = gk(*(a.replace("{root}", str(cat.root)) for a in args))
    assert run.code == 2, (run.out, run.err)
    assert says in run.err and "Input should" not in run.err and "Traceback" not in run.err


def test_far_future_today_is_checked_without_crashing(gk: Callable[..., Run], bundled: Path) -> None:
    """Rules that count working days meet years without a holiday notice: said, not a crash."""
    run = gk("validate", bundled, "--today", "2199-12-31")
    assert run.code in (0, 1) and "内部错误" not in run.err
    assert "节假日安排" in run.out


@pytest.mark.parametrize("value", ["9" * 5000, "-" + "9" * 400, "1e400", ".nan", "[" * 100 + "]" * 100, "'" + "x" * 300_000 + "'",
                                   "!!binary aGVsbG8=", "!foo bar", "0x" + "f" * 4000, "9999-12-31", "0001-01-01"])
@pytest.mark.parametrize("key", ["页数", "题名", "成文日期", "公开渠道"])
def test_hostile_values_are_findings_never_crashes(gk: Callable[..., Run], cat: CatalogDir, key: str, value: str) -> None:
    lines = [f"{key}: {value}" if line.startswith(f"{key}:") else line for line in RECORD.split("\n")]
    if not any(line.startswith(f"{key}:") for line in RECORD.split("\n")):
        lines.insert(-1, f"{key}: {value}")
    cat.record("\n".join(lines))
    run = gk("validate", cat.root)
    assert run.code in (0, 1), run.err
    assert "内部错误" not in run.err and "Traceback" not in run.out + run.err


@pytest.mark.parametrize("value", ["1" * 100_000, "x" * 300_000])
def test_a_long_run_in_a_field_cannot_hang_validate(gk: Callable[..., Run], cat: CatalogDir, value: str) -> None:
    """Patterns tried at every position of a long run each ran to the run's end (n² steps): the address patterns on a
    run of digits (10,000 digits took seconds, 100,000 would take hours), the grouped-mask pattern on a run of letters
    x (300,000 took a quarter of an hour in the excerpt's masking). A pasted column of numbers, or a hostile file, must
    not stop validate or the CI job."""
    cat.record(RECORD + "备注: '" + value + "'\n")
    started = time.process_time()
    run = gk("validate", cat.root)
    assert time.process_time() - started < 30  # minutes to hours before
    assert run.code in (0, 1) and "内部错误" not in run.err
