"""One 编号 declared by two files, and a third record that links the file of one of them.

Found in the twelfth session (reading the gate's mutation survivors): when the file that stands for the 编号 was the
one changed to 不予公开, only its own attachments were withheld; the stale copy that still said 主动公开 kept its
attachment free to be published by any other record linking the same file. Whichever of the two files stands, neither
is published, and the files of both are withheld from every other record (helpers of test_hostile7_gate)."""

from __future__ import annotations

import pytest

from conftest import RECORD
from test_hostile7_gate import NAMES, holding

MARK = "经审核，现将名单予以公示。"
WITHHELD = RECORD.replace("公开属性: 主动公开", "公开属性: 不予公开\n不予公开理由: 个人隐私")
STALE = RECORD.replace("页数: 1", "页数: 1\n附件:\n  - 名称: 名单\n    文件: files/2026/list.csv")
OTHER = (RECORD.replace("R2026-001", "R2026-002").replace("00001", "00002")
         .replace("页数: 1", "页数: 1\n附件:\n  - 名称: 名单\n    文件: files/2026/list.csv"))


@pytest.mark.parametrize("names", [("records/2026/R2026-001.yaml", "records/2026/R2026-001 - 副本.yaml"),
                                   ("records/2026/R2026-001 - 副本.yaml", "records/2026/R2026-001.yaml"),
                                   ("records/2026/R2026-001.yaml", "records/2026/zz-R2026-001.yaml")])
def test_the_file_of_either_copy_is_withheld_from_a_third_record(gk, cat, tmp_path, names):
    withheld_at, stale_at = names
    cat.write(withheld_at, WITHHELD.replace(MARK, "现行登记"))
    cat.write(stale_at, STALE)
    cat.write("files/2026/list.csv", f"姓名,村（社区）\n{NAMES[0]},经兜村\n")
    cat.record(OTHER, "records/2026/R2026-002.yaml")
    site = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", site)
    assert run.code == 0, run.err
    assert "R2026-002 没有发布" in run.err
    if withheld_at < stale_at:  # the file first by name stands: here the one that says 不予公开
        assert ("附件「files/2026/list.csv」也是别的信息的附件，信息 R2026-001 的编号在多个文件中登记（GK201），"
                "现行的一份不是主动公开，不能在这里公开") in run.err
    assert not (site / "files/2026/list.csv").exists() and holding(site, NAMES[0]) == []
    assert not (site / "records/R2026-001.html").exists() and not (site / "records/R2026-002.html").exists()
