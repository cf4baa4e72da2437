"""Hostile pass 38, angle «diff_log»: the reviewer of a pull request and the county 政务公开办, on real git
repositories in temp dirs, with the real CLI and expected values typed by hand.

Found by this pass:

1. An item file renamed only in case (items/shjz/SHJZ-001.yaml → shjz-001.yaml, as a Windows tool or a zip round trip
   leaves it) was 「[实质性] 删除 公开事项 SHJZ-001」 in `gongkai log SHJZ-001`, though `gongkai diff` of the same
   commit said 移动 and the item was still in the catalog; the edits made to it after the rename were not listed at all.
   `gongkai log shjz-001` then answered 「是否想查「shjz-001」？」, the very id typed. Now the log follows the file under
   any case of its name (移动, then the edits), and the hint names the id the file holds (「SHJZ-001」).
2. A record's PDF replaced in place (same name, new bytes: the document the public reads changed) was listed by
   `gongkai diff` of that commit, but `gongkai log R2026-001` stayed silent: the 政务公开办 asking what happened to
   the document since it was published was told nothing. Now its log lists 「修改 附件 files/2026/…」 in that commit;
   the attachment of a record that is not 主动公开 (at any time) is 「R2026-002 的附件」, its file name not shown.
3. `gongkai log files/2026/R2026-001.pdf` (an attachment) and `gongkai log gongkai.yaml` answered 「没有编号为
   「R2026-001.pdf」（「gongkai」）的事项或信息」. Now each says what it is and what to type: `gongkai diff`, or
   `gongkai log` of the record that lists the attachment (by its 编号, not by a file name that may tell what a
   withheld record is about). A folder (main's message, h197) is now also one relative to the catalog (items/shjz).
4. The bureau moved from 河滨北路168号 to 188号: the diff read 「地址「…河滨北路***号」→「…河滨北路***号」」 (masked
   the same on both sides: the reviewer saw a change that changed nothing); a mobile corrected in its middle digits
   likewise (「138****1234」→「138****1234」). Now such a line adds 「（改动在遮盖显示的号码、门牌之中）」, in
   text, Markdown and the log alike; the numbers stay masked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import CatalogDir, Run, git, text_pdf

Gk = Callable[..., Run]
ITEM = "catalog/items/shjz/SHJZ-001.yaml"
LOWER = "catalog/items/shjz/shjz-001.yaml"
TEN = "公开时限: 制定或获取信息之日起10个工作日内"
FIVE = "公开时限: 制定或获取信息之日起5个工作日内"


def commit(top: Path, message: str) -> str:
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", message)
    return git(top, "rev-parse", "HEAD").strip()


def _renamed_in_case(top: Path) -> None:
    """Renamed to lower case, shortened there, renamed back."""
    git(top, "mv", ITEM, LOWER)
    commit(top, "文件名改成小写")
    path = top / LOWER
    text = path.read_text(encoding="utf-8")
    assert TEN in text
    path.write_text(text.replace(TEN, FIVE), encoding="utf-8")
    commit(top, "缩短公开时限")
    git(top, "mv", LOWER, ITEM)
    commit(top, "文件名改回")


def test_log_follows_a_file_renamed_only_in_case(repo: Path, gk: Gk) -> None:
    _renamed_in_case(repo)
    run = gk("log", "SHJZ-001", "-C", repo / "catalog")
    assert run.code == 0, run.err
    assert "SHJZ-001 的修改历史（4 次提交，最新的在前）" in run.out
    assert "删除" not in run.out
    blocks = run.out.split("\n\n")[1:]
    assert "> 文件名改回" in blocks[0]
    assert "[文字性] 移动 公开事项 SHJZ-001" in blocks[0]
    assert "文件移动：items/shjz/shjz-001.yaml → items/shjz/SHJZ-001.yaml" in blocks[0]
    assert "> 缩短公开时限" in blocks[1]
    assert "公开时限：「制定或获取信息之日起10个工作日内」→「制定或获取信息之日起5个工作日内」" in blocks[1]
    assert "> 文件名改成小写" in blocks[2]
    assert "文件移动：items/shjz/SHJZ-001.yaml → items/shjz/shjz-001.yaml" in blocks[2]
    assert "> 初始目录" in blocks[3] and "[实质性] 新增 公开事项 SHJZ-001" in blocks[3]

    data = gk("log", "SHJZ-001", "-C", repo / "catalog", "-f", "json", "--no-cache").json()
    assert isinstance(data, dict)
    assert [[c["change"] for c in e["changes"]] for e in data["entries"]] == [
        ["moved"], ["modified"], ["moved"], ["added"]]


def test_log_while_the_file_is_named_in_lower_case(repo: Path, gk: Gk) -> None:
    git(repo, "mv", ITEM, LOWER)
    commit(repo, "文件名改成小写")
    run = gk("log", "SHJZ-001", "-C", repo / "catalog")
    assert run.code == 0, run.err
    newest = run.out.split("\n\n")[1]
    assert "[文字性] 移动 公开事项 SHJZ-001" in newest
    assert "[实质性] 删除" not in run.out

    # the id typed as the file is named: the hint is the id the file holds, not the very text typed
    run = gk("log", "shjz-001", "-C", repo / "catalog")
    assert run.code == 2
    assert "是否想查「SHJZ-001」？" in run.err
    assert "是否想查「shjz-001」" not in run.err


SECRET = """\
编号: R2026-002
题名: 关于林金水信访事项的处理意见
文种: 其他
责任单位: shjzg
事项: SHJZ-001
公开属性: 依申请公开
成文日期: 2026-09-01
附件:
  - 文件: files/2026/林金水信访材料.pdf
    名称: 信访材料
"""


def _with_pdf(cat: CatalogDir, record: str, name: str, pdf: str) -> str:
    """*record* (its text) listing *pdf* under files/2026/ as its 附件, the PDF written."""
    cat.write(f"files/2026/{pdf}", text_pdf("第一版"))
    return record.replace("页数: 1\n", f"页数: 1\n附件:\n  - 文件: files/2026/{pdf}\n    名称: {name}\n")


def test_log_lists_an_attachment_replaced_in_place(cat: CatalogDir, gk: Gk) -> None:
    from conftest import RECORD
    cat.record(_with_pdf(cat, RECORD, "公示名单", "R2026-001.pdf"))
    top = cat.root.parent
    git(top, "init", "-q", "-b", "main")
    commit(top, "初始目录")
    cat.write("files/2026/R2026-001.pdf", text_pdf("第二版"))
    replaced = commit(top, "更换公示文件")
    cat.write("files/2026/other.pdf", text_pdf("别的文件"))
    commit(top, "别的附件")

    run = gk("log", "R2026-001", "-C", cat.root)
    assert run.code == 0, run.err
    assert "R2026-001 的修改历史（2 次提交，最新的在前）" in run.out
    newest = run.out.split("\n\n")[1]
    assert f"测试  {replaced[:7]}" in newest and "> 更换公示文件" in newest
    assert "[文字性] 修改 附件 files/2026/R2026-001.pdf" in newest
    assert "文件内容已更换" in newest
    assert "other.pdf" not in run.out

    data = gk("log", "R2026-001", "-C", cat.root, "-f", "json", "--no-cache").json()
    assert isinstance(data, dict)
    change = data["entries"][0]["changes"][0]
    assert (change["kind"], change["id"], change["change"]) == ("attachment", "files/2026/R2026-001.pdf", "modified")


def test_log_names_a_withheld_records_attachment_by_the_record(cat: CatalogDir, gk: Gk) -> None:
    cat.write("files/2026/林金水信访材料.pdf", text_pdf("第一版"))
    cat.record(SECRET, "records/2026/R2026-002.yaml")
    top = cat.root.parent
    git(top, "init", "-q", "-b", "main")
    commit(top, "初始目录")
    cat.write("files/2026/林金水信访材料.pdf", text_pdf("第二版"))
    commit(top, "更换材料")

    for fmt in ("text", "markdown", "json"):
        run = gk("log", "R2026-002", "-C", cat.root, "-f", fmt)
        assert run.code == 0, run.err
        assert "林金水" not in run.out
        assert "R2026-002 的附件" in run.out
    run = gk("log", "R2026-002", "-C", cat.root)
    assert "[文字性] 修改 附件 R2026-002 的附件" in run.out.split("\n\n")[1]


def test_an_attachment_replaced_while_public_is_not_named_once_the_record_is_withheld(cat: CatalogDir, gk: Gk) -> None:
    from conftest import RECORD
    cat.record(_with_pdf(cat, RECORD, "林金水材料", "林金水材料.pdf"))
    top = cat.root.parent
    git(top, "init", "-q", "-b", "main")
    commit(top, "初始目录")
    cat.write("files/2026/林金水材料.pdf", text_pdf("第二版"))
    commit(top, "更换材料")
    path = cat.root / "records/2026/R2026-001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("公开属性: 主动公开", "公开属性: 依申请公开"),
                    encoding="utf-8")
    commit(top, "改为依申请公开")

    run = gk("log", "R2026-001", "-C", cat.root)
    assert run.code == 0, run.err
    assert "林金水" not in run.out
    assert "[文字性] 修改 附件 R2026-001 的附件" in run.out.split("\n\n")[2]


def test_log_of_a_folder_settings_or_attachment_says_what_to_type(cat: CatalogDir, gk: Gk) -> None:
    from conftest import RECORD
    cat.record(_with_pdf(cat, RECORD, "公示名单", "公示名单.pdf"))
    cat.write("files/2026/林金水信访材料.pdf", text_pdf("材料"))
    cat.record(SECRET, "records/2026/林金水信访事项处理意见.yaml")
    top = cat.root.parent
    git(top, "init", "-q", "-b", "main")
    commit(top, "初始目录")

    for folder in ("records/2026/", "items\\shjz\\", "records"):
        run = gk("log", folder, "-C", cat.root)
        assert run.code == 2
        assert f"「{folder}」是文件夹，不是编号" in run.err
        assert "gongkai log SHJZ-001" in run.err and "gongkai diff" in run.err

    run = gk("log", "gongkai.yaml", "-C", cat.root)
    assert run.code == 2
    assert "「gongkai.yaml」是机关设置，不是事项或信息：它的修改用 gongkai diff 查看" in run.err

    run = gk("log", "catalog/files/2026/公示名单.pdf", "-C", cat.root)
    assert run.code == 2
    assert "「catalog/files/2026/公示名单.pdf」是附件，不是事项或信息" in run.err
    assert "请运行 gongkai log R2026-001" in run.err

    run = gk("log", "files\\2026\\林金水信访材料.pdf", "-C", cat.root)
    assert run.code == 2
    assert "请运行 gongkai log R2026-002" in run.err
    assert "林金水信访事项" not in run.err

    run = gk("log", "files/2026/没有这个.pdf", "-C", cat.root)
    assert run.code == 2
    assert "目录里也没有信息把 files/2026/没有这个.pdf 列为附件" in run.err


def test_a_change_made_only_where_values_are_masked_is_said_to_be_one(repo: Path, gk: Gk) -> None:
    agency = repo / "catalog/gongkai.yaml"
    agency.write_text(agency.read_text(encoding="utf-8").replace(
        "  联系人: 张三\n", "  联系人: 张三\n  地址: 测试县凤城镇河滨北路168号\n"), encoding="utf-8")
    record = repo / "catalog/records/2026/R2026-001.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace(
        "经审核，现将名单予以公示。", "经审核，现将名单予以公示。联系人手机13805951234。"), encoding="utf-8")
    commit(repo, "地址")
    agency.write_text(agency.read_text(encoding="utf-8").replace("168号", "188号"), encoding="utf-8")
    record.write_text(record.read_text(encoding="utf-8").replace("13805951234", "13815951234"), encoding="utf-8")

    run = gk("diff", "-C", repo / "catalog")
    assert run.code == 0, run.err
    assert ("机关：地址「测试县凤城镇河滨北路***号」→「测试县凤城镇河滨北路***号」"
            "（改动在遮盖显示的号码、门牌之中）") in run.out
    assert ("正文：「经审核，现将名单予以公示。联系人手机138****1234。」→「经审核，现将名单予以公示。联系人手机138****1234。」"
            "（改动在遮盖显示的号码、门牌之中）") in run.out
    assert "13815951234" not in run.out and "168" not in run.out
    md = gk("diff", "-C", repo / "catalog", "-f", "markdown")
    assert md.out.count("（改动在遮盖显示的号码、门牌之中）") == 2
    commit(repo, "改正")
    log = gk("log", "R2026-001", "-C", repo / "catalog")
    assert "（改动在遮盖显示的号码、门牌之中）" in log.out.split("\n\n")[1]
    # a change that shows is not flagged
    assert "改动在遮盖" not in log.out.split("\n\n")[2]
