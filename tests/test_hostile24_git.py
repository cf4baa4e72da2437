"""A hostile pass over `gongkai diff` / `gongkai log` (issue 5) and `gongkai validate` in CI (issue 2), as the IT
person who sets up CI and the clerk whose git history is a mess: real git repositories in temp dirs, the real CLI
in-process.

Expected values are typed by hand: what git itself reports as changed is what changed (a file an editor saved
unchanged in a Windows checkout, core.autocrlf=true, is not a change); a revision that cannot be read is exit 2 with
a Chinese message saying how to get it.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, RECORD, Run, git
from gongkai.history import substantive_history

Gk = Callable[..., Run]
ITEM_PATH = "catalog/items/shjz/SHJZ-001.yaml"
RECORD_PATH = "catalog/records/2026/R2026-001.yaml"


def commit(top: Path, message: str, when: str | None = None) -> str:
    """Commit everything; *when* (ISO 8601 with its zone) is both the author's and the committer's date."""
    dates = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when} if when else {}
    env = {**os.environ, "GIT_AUTHOR_NAME": "林秀英", "GIT_AUTHOR_EMAIL": "l@example.org",
           "GIT_COMMITTER_NAME": "林秀英", "GIT_COMMITTER_EMAIL": "l@example.org", "TZ": "UTC", **dates}
    subprocess.run(["git", "add", "-A"], cwd=top, env=env, check=True)
    subprocess.run(["git", "commit", "-q", "--allow-empty", "-m", message], cwd=top, env=env, check=True)
    return git(top, "rev-parse", "HEAD").strip()


def new_repo(top: Path, folder: str = "catalog") -> Path:
    """The small catalog (agency, one item, one 主动公开 record) in *folder* of a new repository, committed once."""
    for rel, text in (("gongkai.yaml", AGENCY), ("items/shjz/SHJZ-001.yaml", ITEM),
                      ("records/2026/R2026-001.yaml", RECORD)):
        (top / folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (top / folder / rel).write_text(text, encoding="utf-8")
    git(top, "init", "-q", "-b", "main")
    commit(top, "初始目录", "2026-09-01T09:00:00+08:00")
    return top


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_bytes().decode("utf-8")
    assert old in text
    path.write_bytes(text.replace(old, new).encode("utf-8"))


def diff_json(gk: Gk, *args: str | Path) -> dict:  # type: ignore[type-arg]
    run = gk("diff", *args, "-f", "json")
    assert run.code == 0, run.err
    return json.loads(run.out)  # type: ignore[no-any-return]


# --- a Windows checkout: core.autocrlf=true ------------------------------------------------------------------------

def crlf_checkout(top: Path) -> Path:
    """The catalog committed with LF, then checked out again as Git for Windows does by default (CRLF on disk)."""
    new_repo(top)
    edit(top / RECORD_PATH, "页数: 1", "页数: 2")
    commit(top, "页数改为2", "2026-09-02T09:00:00+08:00")
    git(top, "config", "core.autocrlf", "true")
    for rel in (ITEM_PATH, RECORD_PATH, "catalog/gongkai.yaml"):
        (top / rel).unlink()
    git(top, "checkout", "--", ".")
    assert b"\r\n" in (top / RECORD_PATH).read_bytes()
    return top


def test_a_file_saved_unchanged_in_a_crlf_checkout_is_no_change(tmp_path: Path, gk: Gk) -> None:
    # the editor saves the file as it was (CRLF, as checked out): git status shows nothing; the diff showed 「格式」
    top = crlf_checkout(tmp_path)
    item = top / ITEM_PATH
    item.write_bytes(item.read_bytes())
    stat = item.stat()
    os.utime(item, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))  # saved later: git's stat cache is stale
    assert git(top, "diff-files", "--name-only").strip() == ITEM_PATH  # git itself must hash it to know
    run = gk("diff", "-C", top / "catalog", "--exit-code")
    assert run.code == 0, run.out + run.err
    assert "目录没有变化" in run.out


def test_an_older_revision_against_a_crlf_checkout_is_compared_not_refused(tmp_path: Path, gk: Gk) -> None:
    # the record changed between HEAD~1 and HEAD; on disk it is CRLF, in git LF: the diff stopped with exit 2,
    # 「在检查过程中被修改了」
    top = crlf_checkout(tmp_path)
    data = diff_json(gk, "-C", top / "catalog", "HEAD~1")
    assert [(c["id"], c["change"], [(f["field"], f["old"], f["new"]) for f in c["fields"]])
            for c in data["changes"]] == [("R2026-001", "modified", [("页数", 1, 2)])]


def test_an_edit_in_a_crlf_checkout_is_shown_as_the_edit(tmp_path: Path, gk: Gk) -> None:
    top = crlf_checkout(tmp_path)
    edit(top / ITEM_PATH, "公开时限: 制定或获取信息之日起10个工作日内", "公开时限: 制定或获取信息之日起5个工作日内")
    data = diff_json(gk, "-C", top / "catalog")
    assert [(c["id"], c["class"], [(f["field"], f["new"]) for f in c["fields"]]) for c in data["changes"]] == [
        ("SHJZ-001", "实质性", [("公开时限", "制定或获取信息之日起5个工作日内")])]


# --- a catalog folder whose name git reads as a pattern ------------------------------------------------------------

def test_log_of_a_catalog_in_a_folder_named_with_brackets_is_its_own_history(tmp_path: Path, gk: Gk) -> None:
    # 「gk[1]」 was written into a glob: it named the folder gk1 (another catalog beside it), never itself
    top = tmp_path / "repo"
    new_repo(top, "gk[1]")
    for rel, text in (("gongkai.yaml", AGENCY), ("records/2026/R2026-001.yaml", RECORD)):
        (top / "gk1" / rel).parent.mkdir(parents=True, exist_ok=True)
        (top / "gk1" / rel).write_text(text, encoding="utf-8")
    commit(top, "另一个目录", "2026-09-02T09:00:00+08:00")
    edit(top / "gk1/records/2026/R2026-001.yaml", "页数: 1", "页数: 5")
    commit(top, "改另一个目录的页数", "2026-09-03T09:00:00+08:00")
    edit(top / "gk[1]/records/2026/R2026-001.yaml", "页数: 1", "页数: 2")
    commit(top, "改本目录的页数", "2026-09-04T09:00:00+08:00")
    run = gk("log", "-C", top / "gk[1]", "R2026-001", "-f", "json")
    assert run.code == 0, run.err
    entries = json.loads(run.out)["entries"]
    assert [e["message"] for e in entries] == ["改本目录的页数", "初始目录"]
    assert [(f["field"], f["old"], f["new"]) for f in entries[0]["changes"][0]["fields"]] == [("页数", 1, 2)]
    data = diff_json(gk, "-C", top / "gk[1]", "HEAD~2", "HEAD")
    assert [(c["id"], c["new_path"]) for c in data["changes"]] == [("R2026-001", "records/2026/R2026-001.yaml")]


# --- CI: a checkout of one commit -----------------------------------------------------------------------------------

def test_a_branch_of_the_remote_not_fetched_says_how_to_fetch_it(tmp_path: Path, gk: Gk) -> None:
    # actions/checkout fetches one commit of one branch: origin/dev is not there. The message said 「git fetch
    # --unshallow」, which does not bring another branch; and plain 「git fetch origin dev」 makes no origin/dev in a
    # clone of one branch. The command the message gives must be the one that works.
    origin = new_repo(tmp_path / "origin")
    git(origin, "branch", "dev")
    edit(origin / RECORD_PATH, "页数: 1", "页数: 3")
    commit(origin, "页数改为3", "2026-09-02T09:00:00+08:00")
    clone = tmp_path / "ci"
    git(tmp_path, "clone", "-q", "--depth", "1", "--single-branch", "-b", "main", (origin.as_uri()), str(clone))
    run = gk("diff", "-C", clone / "catalog", "origin/dev", "HEAD")
    assert run.code == 2, run.out + run.err
    assert "找不到版本「origin/dev」：远程分支 origin/dev 没有下载到本机" in run.err
    assert "git fetch origin dev:refs/remotes/origin/dev" in run.err and "fetch-depth: 0" in run.err
    assert "Traceback" not in run.err
    git(clone, "fetch", "-q", "origin", "dev:refs/remotes/origin/dev")  # as the message says
    data = diff_json(gk, "-C", clone / "catalog", "origin/dev", "HEAD")
    assert [(c["id"], [(f["field"], f["old"], f["new"]) for f in c["fields"]]) for c in data["changes"]] == [
        ("R2026-001", [("页数", 1, 3)])]


def test_a_checkout_owned_by_another_user_is_named_with_safe_directory(tmp_path: Path, gk: Gk,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # a CI container runs as another user than the one who checked out: git refuses the repository (dubious
    # ownership). The message said 「不在 git 仓库中……（git init）」: a new repository over the real one.
    top = new_repo(tmp_path / "repo")
    monkeypatch.setenv("GIT_TEST_ASSUME_DIFFERENT_OWNER", "1")  # git's own switch for an owner other than this user
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    for args in (("diff", "-C", top / "catalog"), ("log", "-C", top / "catalog", "SHJZ-001")):
        run = gk(*args)
        assert run.code == 2, run.out + run.err
        assert "它属于另一个用户" in run.err and f"git config --global --add safe.directory {top}" in run.err
        assert "git init" not in run.err and "Traceback" not in run.err
    subprocess.run(["git", "config", "--global", "--add", "safe.directory", str(top)], check=True)  # as it says
    assert gk("diff", "-C", top / "catalog").code == 0


# --- a history written on a Chinese Windows ------------------------------------------------------------------------

def test_a_commit_message_written_in_gbk_is_shown_in_chinese(tmp_path: Path, gk: Gk) -> None:
    # i18n.commitEncoding=GBK (advised by Chinese guides for the Windows console): the commit holds GBK bytes and an
    # 「encoding GBK」 header. The log showed 「\udcd0޸\udcc4ҳ\udcca\udcfd」.
    top = new_repo(tmp_path / "repo")
    edit(top / RECORD_PATH, "页数: 1", "页数: 2")
    (tmp_path / "message").write_bytes("修改页数\n\n第二行说明".encode("gbk"))
    git(top, "-c", "i18n.commitEncoding=GBK", "commit", "-q", "-a", "-F", str(tmp_path / "message"))
    run = gk("log", "-C", top / "catalog", "R2026-001", "-f", "json")
    assert run.code == 0, run.err
    assert [e["message"] for e in json.loads(run.out)["entries"]] == ["修改页数\n\n第二行说明", "初始目录"]
    text = gk("log", "-C", top / "catalog", "R2026-001").out
    assert "  > 修改页数\n  > 第二行说明\n" in text, text
    assert "\\udc" not in text


def test_a_gbk_message_beside_an_author_written_in_utf8_are_both_chinese(tmp_path: Path, gk: Gk) -> None:
    # the name from a .gitconfig saved as UTF-8, the message typed in the GBK console: git cannot convert the
    # commit as a whole, and either gives its bytes (escapes shown) or garbles the name (测试 → 娴嬭瘯)
    top = new_repo(tmp_path / "repo")
    (tmp_path / "message").write_bytes("修改页数".encode("gbk"))
    for pages, name in ((2, "乙"), (3, "测试")):
        edit(top / RECORD_PATH, f"页数: {pages - 1}", f"页数: {pages}")
        subprocess.run(["git", "-c", f"user.name={name}", "-c", "user.email=y@example.org",
                        "-c", "i18n.commitEncoding=GBK", "commit", "-q", "-a", "-F",
                        str(tmp_path / "message")], cwd=top, check=True,
                       env={k: v for k, v in os.environ.items() if not k.startswith("GIT_")})
        run = gk("log", "-C", top / "catalog", "R2026-001", "-f", "json")
        assert run.code == 0, run.err
        entry = json.loads(run.out)["entries"][0]
        assert (entry["author"], entry["message"]) == (name, "修改页数"), name


def test_a_gbk_message_without_an_encoding_header_is_read_as_gbk(tmp_path: Path, gk: Gk) -> None:
    # a tool other than git (a GUI built on another git library) wrote the console's GBK bytes as they were, with no
    # 「encoding」 header: git gives them unconverted
    top = new_repo(tmp_path / "repo")
    edit(top / RECORD_PATH, "页数: 1", "页数: 2")
    git(top, "add", "-A")
    tree = git(top, "write-tree").strip()
    parent = git(top, "rev-parse", "HEAD").strip()
    raw = (f"tree {tree}\nparent {parent}\nauthor 林 <l@example.org> 1788307200 +0800\n"
           f"committer 林 <l@example.org> 1788307200 +0800\n\n").encode() + "修改页数\n".encode("gbk")
    made = subprocess.run(["git", "hash-object", "-t", "commit", "-w", "--stdin"], cwd=top, input=raw,
                          capture_output=True, check=True).stdout.decode().strip()
    git(top, "update-ref", "HEAD", made)
    run = gk("log", "-C", top / "catalog", "R2026-001", "-f", "json")
    assert run.code == 0, run.err
    assert [(e["author"], e["message"]) for e in json.loads(run.out)["entries"]][0] == ("林", "修改页数")


# --- run from inside the catalog ------------------------------------------------------------------------------------

def test_a_folder_inside_the_catalog_names_the_catalog_to_use(tmp_path: Path, gk: Gk) -> None:
    # the clerk works in items/ and types gongkai diff: 「「.」不是目录文件夹：找不到 gongkai.yaml……如 gongkai
    # validate catalog」 — as if there were no catalog at all
    top = new_repo(tmp_path / "repo")
    catalog = (top / "catalog").resolve()
    for args in (("diff", "-C", top / "catalog/items"), ("log", "-C", top / "catalog/records/2026", "R2026-001"),
                 ("validate", top / "catalog/items/shjz")):
        run = gk(*args)
        assert run.code == 2, run.out + run.err
        assert f"是目录「{catalog}」中的一个文件夹" in run.err, run.err
        typed = {"diff": "gongkai diff -C", "log": "gongkai log -C", "validate": "gongkai validate"}[str(args[0])]
        assert f"{typed} {catalog}" in run.err and "Traceback" not in run.err  # the command as the clerk ran it
    assert gk("diff", "-C", catalog).code == 0  # as it says


def test_a_date_written_where_a_revision_goes_points_to_since(tmp_path: Path, gk: Gk) -> None:
    # 「gongkai diff 2026-09-02」 meant 「since 2 September」: it said only 「请用提交号、分支名或标签」
    top = new_repo(tmp_path / "repo")
    edit(top / RECORD_PATH, "页数: 1", "页数: 2")
    commit(top, "页数改为2", "2026-09-02T09:00:00+08:00")
    for typed in ("2026-09-02", "2026年9月2日", "2026/9/2"):
        run = gk("diff", "-C", top / "catalog", typed)
        assert run.code == 2, run.out + run.err
        assert f"找不到版本「{typed}」：这是一个日期，不是版本" in run.err
        assert "gongkai diff --since 2026-09-02" in run.err, run.err
    data = diff_json(gk, "-C", top / "catalog", "--since", "2026-09-02")  # as it says: the commit of 1 September
    assert [(c["id"], [(f["field"], f["old"], f["new"]) for f in c["fields"]]) for c in data["changes"]] == [
        ("R2026-001", [("页数", 1, 2)])]


def test_an_empty_branch_says_it_has_no_commit_yet(tmp_path: Path, gk: Gk) -> None:
    # git checkout --orphan: HEAD names nothing, though the repository has commits. diff said only 「请用提交号、分支名或
    # 标签」; log said 「git ls-tree 失败：fatal: Not a valid object name HEAD」 (git's English)
    top = new_repo(tmp_path / "repo")
    git(top, "checkout", "-q", "--orphan", "草稿")
    for args in (("diff", "-C", top / "catalog"), ("diff", "-C", top / "catalog", "HEAD~1"),
                 ("log", "-C", top / "catalog", "R2026-001")):
        run = gk(*args)
        assert run.code == 2, run.out + run.err
        assert "当前分支「草稿」还没有任何提交" in run.err and "git checkout main" in run.err, run.err
        assert "fatal" not in run.err and "Traceback" not in run.err
    assert gk("diff", "-C", top / "catalog", "main").code == 0


def test_a_file_touched_in_a_sha256_repository_is_no_change(tmp_path: Path, gk: Gk) -> None:
    # git init --object-format=sha256: the index holds SHA-256 ids; a file whose time changed (touched, restored by a
    # sync tool) was hashed here with SHA-1 and shown as a 「格式」 change
    top = tmp_path / "repo"
    top.mkdir()
    git(top, "init", "-q", "--object-format=sha256", "-b", "main")
    for rel, text in (("gongkai.yaml", AGENCY), ("items/shjz/SHJZ-001.yaml", ITEM),
                      ("records/2026/R2026-001.yaml", RECORD)):
        (top / "catalog" / rel).parent.mkdir(parents=True, exist_ok=True)
        (top / "catalog" / rel).write_text(text, encoding="utf-8")
    commit(top, "初始目录", "2026-09-01T09:00:00+08:00")
    item = top / ITEM_PATH
    os.utime(item, ns=(item.stat().st_atime_ns, item.stat().st_mtime_ns + 5_000_000_000))
    run = gk("diff", "-C", top / "catalog", "--exit-code")
    assert (run.code, run.out.strip()) == (0, f"目录没有变化（HEAD（{git(top, 'rev-parse', '--short', 'HEAD').strip()}） → 工作区）。")
    edit(top / RECORD_PATH, "页数: 1", "页数: 2")
    data = diff_json(gk, "-C", top / "catalog")
    assert [(c["id"], [(f["field"], f["old"], f["new"]) for f in c["fields"]]) for c in data["changes"]] == [
        ("R2026-001", [("页数", 1, 2)])]


# --- the catalog folder moved in the repository --------------------------------------------------------------------

def test_a_catalog_moved_into_a_folder_is_not_the_whole_catalog_added(tmp_path: Path, gk: Gk) -> None:
    # begun at the top of the repository, then moved into catalog/ (the layout of gongkai init), then renamed 目录/
    # with one substantive edit: the diff of the move listed every file 新增 (the PR comment: 实质性 2 处 for nothing),
    # log began at the move, and the site's 目录调整记录 listed the move as the item added
    top = tmp_path / "repo"
    new_repo(top, ".")
    (top / "catalog").mkdir()
    for name in ("gongkai.yaml", "items", "records"):
        git(top, "mv", name, f"catalog/{name}")
    commit(top, "移入 catalog 文件夹", "2026-09-02T09:00:00+08:00")
    git(top, "mv", "catalog", "目录")
    edit(top / "目录/items/shjz/SHJZ-001.yaml", "制定或获取信息之日起10个工作日内", "制定或获取信息之日起5个工作日内")
    commit(top, "改名为目录，公开时限改为5个工作日", "2026-09-03T09:00:00+08:00")
    catalog = top / "目录"
    assert diff_json(gk, "-C", catalog, "HEAD~2", "HEAD~1")["changes"] == []
    data = diff_json(gk, "-C", catalog, "HEAD~2", "HEAD")
    assert [(c["id"], c["change"], c["class"]) for c in data["changes"]] == [("SHJZ-001", "modified", "实质性")]
    run = gk("log", "-C", catalog, "SHJZ-001", "-f", "json")
    assert run.code == 0, run.err
    assert [(e["message"], [c["change"] for c in e["changes"]]) for e in json.loads(run.out)["entries"]] == [
        ("改名为目录，公开时限改为5个工作日", ["modified"]), ("初始目录", ["added"])]
    history = substantive_history(catalog)
    assert [(e.message, [(c.id, c.what) for c in e.changes]) for e in history] == [
        ("改名为目录，公开时限改为5个工作日", [("SHJZ-001", "modified")]), ("初始目录", [("SHJZ-001", "added")])]


def test_a_sample_catalog_kept_beside_is_not_taken_for_where_the_catalog_was(tmp_path: Path, gk: Gk) -> None:
    # 示例/ (a copy of the bundled catalog) was there first and still is; catalog/ was made later: before it, there
    # was no catalog — not the sample
    top = new_repo(tmp_path / "repo", "示例")
    for rel, text in (("gongkai.yaml", AGENCY), ("items/shjz/SHJZ-001.yaml", ITEM)):
        (top / "catalog" / rel).parent.mkdir(parents=True, exist_ok=True)
        (top / "catalog" / rel).write_text(text, encoding="utf-8")
    commit(top, "建立本局目录", "2026-09-02T09:00:00+08:00")
    data = diff_json(gk, "-C", top / "catalog", "HEAD~1", "HEAD")
    assert sorted((c["id"], c["change"]) for c in data["changes"]) == [("SHJZ-001", "added"), ("gongkai.yaml", "added")]
