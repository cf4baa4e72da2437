"""A second hostile pass over `gongkai diff` and `gongkai log` (issue 5): real git repositories in temp dirs, the real
CLI, expected values typed by hand.

What a reviewer at the 县政务公开办 must be able to read in a pull-request comment: which key of a group (机关,
依申请公开, 移交) changed, not the group cut at 80 characters; that 「A、B」 written 「A，B」 (or two entries joined
with 「；」) says the same thing (文字性); and what an attacker must not read in a public CI log: the file a symbolic
link in the working tree points at.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import ITEM, Run, git

Gk = Callable[..., Run]
ITEM_PATH = "catalog/items/shjz/SHJZ-001.yaml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def commit(top: Path, message: str) -> None:
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", message)


def diff_json(gk: Gk, repo: Path) -> dict:  # type: ignore[type-arg]
    run = gk("diff", "-C", repo / "catalog", "-f", "json")
    assert run.code == 0, run.err
    return json.loads(run.out)  # type: ignore[no-any-return]


# --- gongkai.yaml: a group of keys shows the key that changed -------------------------------------------------------

def test_a_change_at_the_end_of_a_group_of_keys_is_shown_by_its_key(repo: Path, gk: Gk) -> None:
    # 依申请公开 is a group of 8 keys: written out in one line, 复议机关 starts past the 80th character, so the line
    # cut short read 「…」→「…」 the same on both sides
    edit(repo / "catalog/gongkai.yaml", "复议机关: 测试县人民政府", "复议机关: 泉州市人民政府")
    edit(repo / "catalog/gongkai.yaml", "  份数: 2", "  份数: 3")
    edit(repo / "catalog/gongkai.yaml", "名称: 测试县图书馆", "名称: 测试县图书馆新馆")
    for fmt in ("text", "markdown"):
        out = gk("diff", "-C", repo / "catalog", "-f", fmt).out
        assert "依申请公开：复议机关「测试县人民政府」→「泉州市人民政府」" in out, out
        assert "移交：接收单位 新增「编号：tsg，名称：测试县图书馆新馆」，删除「编号：tsg，名称：测试县图书馆」；份数「2」→「3」" \
            in out, out
        assert "受理机构" not in out and "办公时间" not in out  # the keys that did not change are not repeated
        assert "None" not in out  # a key left empty (接收名单) is no word a reader knows


def test_a_key_of_a_group_filled_in_or_emptied_says_so(repo: Path, gk: Gk) -> None:
    edit(repo / "catalog/gongkai.yaml", "  复议机关: 测试县人民政府\n", "")
    edit(repo / "catalog/gongkai.yaml", "  份数: 2\n", "  份数: 2\n  联系人: 李四\n")
    out = gk("diff", "-C", repo / "catalog").out
    assert "依申请公开：复议机关 删去（原为「测试县人民政府」）" in out, out
    assert "移交：联系人 新填「李四」" in out, out


# --- entries separated otherwise: 文字性 -------------------------------------------------------------------------------

TWO = ITEM.replace("公开主体: 县级人民政府民政部门", "公开主体: 县级人民政府民政部门、乡镇人民政府（街道办事处）").replace(
    "公开内容:\n  - 低保对象名单及相关信息\n", "公开内容:\n  - 低保对象名单\n  - 保障金额\n")


def two_entries(repo: Path) -> Path:
    item = repo / ITEM_PATH
    item.write_text(TWO, encoding="utf-8")
    commit(repo, "两项")
    return item


def test_a_list_separated_with_another_mark_or_joined_in_one_entry_is_textual(repo: Path, gk: Gk) -> None:
    item = two_entries(repo)
    edit(item, "部门、乡镇人民政府（街道办事处）", "部门，乡镇人民政府(街道办事处)")  # 、→， and the brackets half-width
    edit(item, "  - 低保对象名单\n  - 保障金额\n", "  - 低保对象名单；保障金额\n")  # two entries written as one
    data = diff_json(gk, repo)
    assert data["summary"]["substantive"] == 0 and data["summary"]["textual"] == 1
    fields = {f["field"]: (f["how"], f["class"]) for f in data["changes"][0]["fields"]}
    assert fields == {"公开主体": ("split", "文字性"), "公开内容": ("split", "文字性")}
    out = gk("diff", "-C", repo / "catalog").out
    assert "公开内容：仅拆分、合并条目或改了分隔符（、，；。），条目的文字和顺序不变" in out, out
    assert "实质性 0 处" in out


def test_an_entry_changed_besides_its_separator_stays_substantive(repo: Path, gk: Gk) -> None:
    item = two_entries(repo)
    edit(item, "部门、乡镇人民政府（街道办事处）", "部门，街道办事处")  # 乡镇人民政府 dropped
    edit(item, "  - 低保对象名单\n  - 保障金额\n", "  - 低保对象名单；保障标准\n")  # 金额 → 标准
    data = diff_json(gk, repo)
    fields = {f["field"]: (f["how"], f["class"]) for f in data["changes"][0]["fields"]}
    assert fields == {"公开主体": ("changed", "实质性"), "公开内容": ("list", "实质性")}


def test_entries_in_another_order_with_another_separator_stay_substantive(repo: Path, gk: Gk) -> None:
    # 「A、B」→「B、A」 is a reorder (文字性, the earlier pass); 「A、B」→「B，A」 both reorders and changes the mark:
    # not only a separator, so not 「split」; reorders only with 、 are recognised
    item = two_entries(repo)
    edit(item, "  - 低保对象名单\n  - 保障金额\n", "  - 保障金额；低保对象名单\n")
    data = diff_json(gk, repo)
    assert [(f["field"], f["how"], f["class"]) for f in data["changes"][0]["fields"]] == [
        ("公开内容", "list", "实质性")]


def test_a_comma_between_digits_is_a_number_not_a_separator(repo: Path, gk: Gk) -> None:
    # 1,500 is one amount; 1、500 are two numbers: not the same entries separated otherwise
    item = repo / ITEM_PATH
    edit(item, "  - 低保对象名单及相关信息\n", "  - 补贴标准1,500元\n")
    commit(repo, "金额")
    edit(item, "补贴标准1,500元", "补贴标准1、500元")
    data = diff_json(gk, repo)
    assert [(f["field"], f["how"], f["class"]) for f in data["changes"][0]["fields"]] == [
        ("公开内容", "list", "实质性")]


# --- a symbolic link in the working tree is never followed ---------------------------------------------------------

def test_a_symbolic_link_in_the_working_tree_is_named_never_read(repo: Path, gk: Gk, tmp_path: Path) -> None:
    secret = tmp_path / "secrets.yaml"  # what a CI runner keeps beside the checkout
    secret.write_text("编号: SHJZ-002\nGITHUB_TOKEN: ghp_abcdefghijklmnop1234\n", encoding="utf-8")
    (repo / "catalog/items/shjz/SHJZ-002.yaml").symlink_to(secret)
    for fmt in ("text", "markdown", "json"):
        run = gk("diff", "-C", repo / "catalog", "-f", fmt)
        assert run.code == 0, run.err
        assert "GITHUB_TOKEN" not in run.out and "ghp_" not in run.out, run.out
        assert "GK012" in run.out and "items/shjz/SHJZ-002.yaml" in run.out
    out = gk("diff", "-C", repo / "catalog").out
    assert "「SHJZ-002.yaml」是符号链接（指向别处的文件或文件夹），gongkai 不跟随链接读取" in out
    assert "改法：删除这个链接，把公开事项文件本身放在这里。" in out


def test_a_file_replaced_by_a_link_is_not_taken_for_a_file_removed(repo: Path, gk: Gk) -> None:
    # a link to a device was taken for nothing at all: the record looked removed
    record = repo / "catalog/records/2026/R2026-001.yaml"
    record.unlink()
    record.symlink_to("/dev/null")
    data = diff_json(gk, repo)
    assert [(c["id"], c["change"], [p["code"] for p in c["problems"]]) for c in data["changes"]] == [
        ("R2026-001", "invalid", ["GK012"])]


# --- files in the YAML folders that gongkai does not read -----------------------------------------------------------

def test_an_item_saved_as_txt_by_notepad_is_named_not_silent(repo: Path, gk: Gk) -> None:
    # the editor believes an item was added; validate says GK011; the diff said 「目录没有变化」
    (repo / "catalog/items/shjz/SHJZ-002.yaml.txt").write_text(ITEM.replace("SHJZ-001", "SHJZ-002"),
                                                               encoding="utf-8")
    (repo / "catalog/records/2026/说明.docx").write_bytes(b"PK\x03\x04")
    data = diff_json(gk, repo)
    assert [(c["kind"], c["id"], c["change"], [p["code"] for p in c["problems"]]) for c in data["changes"]] == [
        ("item", "items/shjz/SHJZ-002.yaml.txt", "invalid", ["GK011"]),
        ("record", "records/2026/说明.docx", "invalid", ["GK011"])]
    run = gk("diff", "-C", repo / "catalog", "--exit-code")
    assert run.code == 1
    assert "「SHJZ-002.yaml.txt」的扩展名是 .txt（记事本保存时加上的），没有作为公开事项读取" in run.out
    assert "改法：把文件改名为 SHJZ-002.yaml" in run.out


def test_a_file_name_unzipped_from_gbk_is_named_in_gbk_and_not_read(repo: Path, gk: Gk) -> None:
    # 「低保.yaml」 written by a zip made on Chinese Windows: validate does not read it (GK011); nor may diff, which
    # read it, took it for a second file of SHJZ-001 and printed its name as \udcb5…
    folder = repo / "catalog/items/shjz"
    with open(bytes(folder) + "/低保.yaml".encode("gbk"), "w", encoding="utf-8") as handle:
        handle.write(ITEM)
    run = gk("diff", "-C", repo / "catalog")
    assert run.code == 0, run.err
    assert "无法比较 公开事项 items/shjz/低保.yaml" in run.out, run.out
    assert "文件名「低保.yaml」不是 UTF-8 编码" in run.out
    assert "GK201" not in run.out and "\\udc" not in run.out


def test_a_file_not_read_that_was_removed_is_not_listed(repo: Path, gk: Gk) -> None:
    stray = repo / "catalog/items/shjz/备忘.txt"
    stray.write_text("下周改公开时限", encoding="utf-8")
    commit(repo, "备忘")
    stray.unlink()
    assert diff_json(gk, repo)["changes"] == []


# --- a pull-request comment: a file name cannot post a link ---------------------------------------------------------

def test_a_file_name_with_backticks_cannot_post_a_link_in_the_comment(repo: Path, gk: Gk) -> None:
    from markdown_it import MarkdownIt

    (repo / "catalog/files/2026").mkdir(parents=True, exist_ok=True)
    (repo / "catalog/files/2026/a`[点此领取补贴](evil.example)`b.pdf").write_bytes(b"%PDF-1.4\n")
    (repo / "catalog/items/shjz/``c.txt").write_text("x", encoding="utf-8")
    out = gk("diff", "-C", repo / "catalog", "-f", "markdown").out
    html = MarkdownIt().render(out)
    assert "<a " not in html and "href" not in html, html
    assert "<code>files/2026/a`[点此领取补贴](evil.example)`b.pdf</code>" in html, html
    assert "<code>items/shjz/``c.txt</code>" in html, html


# --- a file that cannot be read is not passed over as 文字性 ----------------------------------------------------------

def test_a_file_broken_in_the_same_edit_is_listed_apart_never_folded_as_textual(repo: Path, gk: Gk) -> None:
    # 公开时限 cut to 实时公开 and, in the same edit, a bracket left open: whether the edit is 实质性 cannot be told;
    # the PR comment folded it among the 文字性 ones, under 「实质性 0 处」
    item = repo / ITEM_PATH
    edit(item, "公开时限: 制定或获取信息之日起10个工作日内", "公开时限: 实时公开")
    edit(item, "公开层级: [县级, 乡级]", "公开层级: [县级, 乡级")
    edit(repo / "catalog/records/2026/R2026-001.yaml", "页数: 1", "页数: 2")
    text = gk("diff", "-C", repo / "catalog").out
    assert "共 2 处变化：实质性 0 处，文字性 1 处，无法比较 1 处" in text, text
    assert text.index("无法比较（1）") < text.index("文字性变化（1）")
    assert "这些文件有错误，其中的修改是否实质性无法判断：请先修正（gongkai validate），再比较一次。" in text
    md = gk("diff", "-C", repo / "catalog", "-f", "markdown").out
    apart, folded = md.split("<details>")
    assert "### 无法比较（1）" in apart and "`SHJZ-001`" in apart, md
    assert "SHJZ-001" not in folded and "`R2026-001`" in folded
    data = diff_json(gk, repo)  # JSON keeps its documented shape: 实质性 or 文字性, the count under invalid
    assert (data["summary"]["textual"], data["summary"]["invalid"]) == (2, 1)


def test_a_folder_made_a_link_is_not_read_through(repo: Path, gk: Gk, tmp_path: Path) -> None:
    # items/shjz replaced by a link to a folder outside: the files behind it were read, their keys printed
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "SHJZ-001.yaml").write_text("编号: SHJZ-001\nAWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI\n", encoding="utf-8")
    folder = repo / "catalog/items/shjz"
    (folder / "SHJZ-001.yaml").unlink()
    folder.rmdir()
    folder.symlink_to(outside, target_is_directory=True)
    run = gk("diff", "-C", repo / "catalog", "-f", "json")
    assert "AWS_SECRET" not in run.out and "wJalr" not in run.out, run.out
    data = json.loads(run.out)
    assert [(c["id"], c["change"], [p["code"] for p in c["problems"]]) for c in data["changes"]] == [
        ("SHJZ-001", "removed", []), ("items/shjz", "invalid", ["GK012"])]


# --- a file whose mode alone changed ---------------------------------------------------------------------------------

def test_an_attachment_made_executable_is_not_a_replaced_attachment(repo: Path, gk: Gk) -> None:
    # chmod +x (or a checkout on a disk without modes): same bytes, so nothing for the reviewer to open and compare
    pdf = repo / "catalog/files/2026/R2026-001.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    commit(repo, "附件")
    pdf.chmod(0o755)
    (repo / ITEM_PATH).chmod(0o755)
    commit(repo, "权限")
    run = gk("diff", "-C", repo / "catalog", "HEAD~1", "HEAD", "--exit-code")
    assert (run.code, run.out) == (0, "目录没有变化（HEAD~1（" + git(repo, "rev-parse", "--short=7", "HEAD~1").strip()
                                   + "） → HEAD（" + git(repo, "rev-parse", "--short=7", "HEAD").strip() + "））。\n")


# --- gongkai log: what a person types ------------------------------------------------------------------------------

def test_log_of_the_file_path_completed_by_tab_is_the_log_of_its_id(repo: Path, gk: Gk) -> None:
    edit(repo / ITEM_PATH, "公开时限: 制定或获取信息之日起10个工作日内", "公开时限: 实时公开")
    commit(repo, "改时限")
    for typed in ("catalog/items/shjz/SHJZ-001.yaml", "catalog\\items\\shjz\\SHJZ-001.yaml", "SHJZ-001.yml"):
        run = gk("log", "-C", repo / "catalog", typed)
        assert run.code == 0, run.err
        assert run.out.startswith("SHJZ-001 的修改历史（2 次提交，最新的在前）"), run.out
        assert "公开时限：「制定或获取信息之日起10个工作日内」→「实时公开」" in run.out


def test_log_of_nothing_says_what_to_write(repo: Path, gk: Gk) -> None:
    run = gk("log", "-C", repo / "catalog", "  ")
    assert run.code == 2
    assert "请写出事项或信息的编号，如 gongkai log SHJZ-001" in run.err
    assert "「」" not in run.err


# --- a long text changed past its 80th character ---------------------------------------------------------------------

def test_an_edit_far_into_a_long_text_is_shown_where_it_is(repo: Path, gk: Gk) -> None:
    # 正文 of 100 characters, one word changed at the 90th: cut at 80 from the start, both sides read the same
    head = "根据《社会救助暂行办法》规定，" + "乙" * 75  # 90 characters
    assert len(head) == 90
    record = repo / "catalog/records/2026/R2026-001.yaml"
    edit(record, "  经审核，现将名单予以公示。\n", f"  {head}现将名单予以公示。\n")
    commit(repo, "正文")
    edit(record, f"{head}现将名单予以公示。", f"{head}现将名单予以撤销。")
    out = gk("diff", "-C", repo / "catalog").out
    tail = "乙" * 14 + "现将名单予以"  # the 20 characters before the first difference (公示/撤销), after 「…」
    assert f"正文：「…{tail}公示。」→「…{tail}撤销。」" in out, out


def test_an_id_number_at_the_cut_stays_masked(repo: Path, gk: Gk) -> None:
    # the first difference 4 characters after an 18-digit 公民身份号码 that starts at the 81st: the window opens 20
    # characters before it, 2 digits into the number; cut before masking, 「0519491231002X」 is no number any more
    number = "11010519491231002X"
    head = "甲" * 80 + number + "，经审核"
    record = repo / "catalog/records/2026/R2026-001.yaml"
    edit(record, "  经审核，现将名单予以公示。\n", f"  {head}同意。\n")
    commit(repo, "正文")
    edit(record, f"{head}同意。", f"{head}不同意。")
    for fmt in ("text", "markdown", "json"):
        out = gk("diff", "-C", repo / "catalog", "-f", fmt).out
        assert "110105" not in out and "19491231" not in out, out
    text = gk("diff", "-C", repo / "catalog").out
    assert "02X，经审核同意。」→「…" in text and "02X，经审核不同意。」" in text, text
