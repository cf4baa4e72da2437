"""Hostile pass 22 on `gongkai county` (issue 20) and on `gongkai diff` and the site's 目录调整记录 (issue 5): the
county 政务公开办 over three tiny bureaus, a reviewer of a pull request touching a thousand files, a citizen reading
the 目录调整记录 page. Real catalogs and git repositories in temp dirs, the real CLI in-process.

Expected values are typed by hand: 区划代码 350524 is 安溪县 and 350525 永春县 (GB/T 2260), 350524100 a 乡镇 of 安溪县;
GitHub refuses a comment over 65,536 characters; the page says 「最新的在前」.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, RECORD, Run, git

Gk = Callable[..., Run]


def bureau(root: Path, name: str, code: str, prefix: str) -> Path:
    """A tiny valid catalog: one item, one 主动公开 record numbered under *prefix*."""
    for rel, text in (("gongkai.yaml", AGENCY.replace("测试县民政局", name).replace('"350524"', f'"{code}"')),
                      ("items/shjz/SHJZ-001.yaml", ITEM),
                      ("records/2026/R2026-001.yaml", RECORD.replace("350524-MZ", prefix))):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def commit(top: Path, message: str, authored: str, committed: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "何隆遐", "GIT_AUTHOR_EMAIL": "h@example.org", "GIT_COMMITTER_NAME": "何隆遐",
           "GIT_COMMITTER_EMAIL": "h@example.org", "GIT_AUTHOR_DATE": authored, "GIT_COMMITTER_DATE": committed}
    subprocess.run(["git", "add", "-A"], cwd=top, env=env, check=True)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=top, env=env, check=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- the county view: a department of another county ---------------------------------------------------------------

OTHER_COUNTY = ("区划代码：永春县民政局 的区划代码 350525 不属于其他部门所在的县（350524）。若列错了目录，请从 county.yaml"
                "（或命令行）中去掉；若确属本县，请改正该部门 gongkai.yaml 的「机关: 区划代码」")


@pytest.fixture(scope="module")
def bureaus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """安溪县民政局 and 安溪县人社局 (350524), 永春县民政局 (350525, the next county), 湖头镇人民政府 (350524100, a 乡镇 of
    安溪县): read only."""
    top = tmp_path_factory.mktemp("county")
    bureau(top / "mzj", "安溪县民政局", "350524", "350524-MZ")
    bureau(top / "rsj", "安溪县人社局", "350524", "350524-RS")
    bureau(top / "yc", "永春县民政局", "350525", "350525-MZ")
    bureau(top / "hutou", "湖头镇人民政府", "350524100", "350524100-ZF")
    return top


def test_county_a_department_of_another_county_is_pointed_out(gk: Gk, bureaus: Path, tmp_path: Path) -> None:
    """Listed by mistake (a folder of the next county's bureau), its figures would be summed into 安溪's: said under the
    table, with what to do; the department is still counted (it may be a mistyped code)."""
    run = gk("county", bureaus / "mzj", bureaus / "yc", bureaus / "rsj", "--year", "2026", "-o", tmp_path / "out",
             "-f", "json")
    assert run.code == 0, run.err
    notes = json.loads(run.out)["table"]["notes"]
    assert OTHER_COUNTY in notes
    assert notes[0] == "共 3 个部门，0 个无法读取。"


def test_county_the_county_is_what_most_departments_are_whoever_comes_first(gk: Gk, bureaus: Path,
                                                                            tmp_path: Path) -> None:
    run = gk("county", bureaus / "yc", bureaus / "mzj", bureaus / "rsj", "--year", "2026", "-o", tmp_path / "out")
    assert run.code == 0, run.err
    assert OTHER_COUNTY in run.out.replace("\n", "")


def test_county_a_township_of_the_county_is_of_the_county(gk: Gk, bureaus: Path, tmp_path: Path) -> None:
    """350524100 is a 乡镇 of 安溪县 (350524): a township government is one of the county's departments."""
    run = gk("county", bureaus / "mzj", bureaus / "hutou", "--year", "2026", "-o", tmp_path / "out", "-f", "json")
    assert run.code == 0, run.err
    assert not [n for n in json.loads(run.out)["table"]["notes"] if n.startswith("区划代码")]


def test_county_a_repository_left_on_a_branch_under_review_is_pointed_out(gk: Gk, tmp_path: Path) -> None:
    """The clerk left the catalog's repository on 「draft」 (a pull request not merged): the county would count work
    the bureau has not published. Said, with the command that fixes it; back on main the note is gone (the unchanged
    files must not keep the old notes)."""
    top = tmp_path / "mzj"
    bureau(top / "catalog", "安溪县民政局", "350524", "350524-MZ")
    git(top, "init", "-q", "-b", "main")
    commit(top, "初始目录", "2026-11-02T09:00:00+08:00", "2026-11-02T09:00:00+08:00")
    git(top, "checkout", "-q", "-b", "draft")
    out = tmp_path / "out"
    run = gk("county", top, "--year", "2026", "-o", out, "-f", "json")
    assert run.code == 0, run.err
    assert ("分支：安溪县民政局 的目录仓库（" + str(top) + "）检出的是「draft」，不是主分支「main」：统计的是尚未合入主分支的内容。"
            "请在该仓库运行 git checkout main（再 git pull）后重新运行") in json.loads(run.out)["table"]["notes"]
    git(top, "checkout", "-q", "main")
    again = gk("county", top, "--year", "2026", "-o", out, "-f", "json")
    assert not [n for n in json.loads(again.out)["table"]["notes"] if n.startswith("分支")]
    assert "已写入" in again.err


# --- init: a folder that is not empty ------------------------------------------------------------------------------

ANXI = ["--name", "安溪县民政局", "--code", "350524", "--address", "福建省泉州市安溪县凤城镇1号", "--contact", "郑丽",
        "--phone", "0595-23521234", "--email", "axmzj@example.gov.cn", "--leader", "苏伟:局长", "-y"]


@pytest.mark.parametrize("inside", [[], ["说明.txt"]])
def test_init_where_a_catalog_folder_without_settings_is_in_the_way(gk: Gk, tmp_path: Path, inside: list[str]) -> None:
    """Was 「已经存在：这里已经有目录了……直接编辑 …/catalog/gongkai.yaml」: there is no such file to edit, and no catalog."""
    target = tmp_path / "安溪县民政局"
    (target / "catalog").mkdir(parents=True)
    for name in inside:
        (target / "catalog" / name).write_text("旧的笔记", encoding="utf-8")
    result = gk("init", target, *ANXI)
    assert result.code == 2
    assert (f"「{target / 'catalog'}」已经存在，但其中没有 gongkai.yaml，不是 gongkai 的目录：gongkai init 要在「{target}」中"
            "新建 catalog 文件夹，不写进已有的文件夹。请把它改名或移走后再运行（其中的文件需要时再放回），或换一个新的文件夹。"
            ) in result.err
    assert "编辑" not in result.err
    assert sorted(p.name for p in (target / "catalog").iterdir()) == inside


# --- diff: a commit touching a thousand files, posted as one pull-request comment ----------------------------------

def test_a_markdown_diff_of_a_thousand_files_fits_one_pull_request_comment(gk: Gk, tmp_path: Path) -> None:
    """999 正文 edits (文字性) and one record turned 依申请公开 (实质性): GitHub refuses a comment over 65,536
    characters, and the CI template posts this Markdown as one. The substantive change is listed; the rest that do
    not fit are counted, never cut in the middle of an entry."""
    top = tmp_path / "repo"
    catalog = bureau(top / "catalog", "安溪县民政局", "350524", "350524-MZ")
    records = catalog / "records" / "2026"
    (records / "R2026-001.yaml").unlink()
    for n in range(1, 1001):
        (records / f"R2026-{n:04d}.yaml").write_text(
            RECORD.replace("R2026-001", f"R2026-{n:04d}").replace("00001", f"{n:05d}"), encoding="utf-8")
    git(top, "init", "-q", "-b", "main")
    commit(top, "初始目录", "2026-11-02T09:00:00+08:00", "2026-11-02T09:00:00+08:00")
    for n in range(1, 1001):
        edit(records / f"R2026-{n:04d}.yaml", "经审核", "经乡镇审核")
    edit(records / "R2026-0500.yaml", "公开属性: 主动公开", "公开属性: 依申请公开")
    run = gk("diff", "-C", catalog, "-f", "markdown")
    assert run.code == 0, run.err
    md = run.out
    assert len(md) <= 65536
    assert "共 1000 处变化：实质性 1 处，文字性 999 处。" in md
    assert "### 实质性调整（1）\n\n- **修改** 公开信息 `R2026-0500`（非主动公开，题名不显示）\n  - 公开属性：「主动公开」→「依申请公开」" in md
    listed = len(re.findall(r"^- \*\*修改\*\* 公开信息 `R2026-\d{4}` 测试县民政局关于", md, flags=re.MULTILINE))  # textual
    left = re.search(r"^……另有 (\d+) 处未列出（评论最长 65,536 字）：完整列表请在本地运行 gongkai diff（或加 --format json）$",
                     md, flags=re.MULTILINE)
    assert left is not None
    assert listed + int(left.group(1)) == 999 and listed > 100
    # every entry listed is whole: its 正文 line follows it
    assert md.count("  - 正文：「经审核，现将名单予以公示。」→「经乡镇审核，现将名单予以公示。」") == listed
    assert md.rstrip().endswith("</details>")


# --- the 目录调整记录 page: newest first ---------------------------------------------------------------------------

def test_the_changes_page_lists_newest_first_by_the_day_each_change_entered(gk: Gk, tmp_path: Path) -> None:
    """A change written on 1 February and rebased onto the one of 1 March (committed 5 March) took effect after it:
    the page, which says 「最新的在前」, lists 2026-03-05 above 2026-03-01, and never shows 2026-02-01 above it."""
    top = tmp_path / "repo"
    catalog = bureau(top / "catalog", "安溪县民政局", "350524", "350524-MZ")
    git(top, "init", "-q", "-b", "main")
    commit(top, "初始目录", "2026-01-05T09:00:00+08:00", "2026-01-05T09:00:00+08:00")
    item = catalog / "items" / "shjz" / "SHJZ-001.yaml"
    edit(item, "之日起10个工作日内", "之日起5个工作日内")
    commit(top, "缩短公开时限", "2026-03-01T10:00:00+08:00", "2026-03-01T10:00:00+08:00")
    edit(item, "公开对象: 全社会", "公开对象: 特定群体")
    commit(top, "改公开对象（变基）", "2026-02-01T10:00:00+08:00", "2026-03-05T10:00:00+08:00")
    run = gk("build-site", catalog, "--out", tmp_path / "site")
    assert run.code == 0, run.out + run.err
    page = (tmp_path / "site" / "changes" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<time datetime="([0-9-]+)">', page) == ["2026-03-05", "2026-03-01", "2026-01-05"]
    assert "2026-02-01" not in page
    assert page.index("公开对象：「全社会」→「特定群体」") < page.index("公开时限：") < page.index("新增")
