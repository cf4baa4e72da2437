"""The one build path: after any sequence of edits, commits and days, an updated site equals a fresh build.

A fresh build is the same code with an empty store; an update makes only the files whose declared inputs changed.
If a page forgot an input, some sequence below leaves a stale page and the comparison fails.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import add_fields, git
from gongkai.site import build_site
from portal_catalog import build as portal_catalog
from test_publication import files

START = dt.date(2026, 11, 20)
RECORDS = ["R2026-010", "R2026-013", "R2026-014", "R2026-015", "R2026-016"]


class Catalog:
    """The portal test catalog in a git repository, with the edits a clerk makes."""

    def __init__(self, top: Path) -> None:
        from conftest import CatalogDir

        self.top = top
        self.root = top / "catalog"
        self.root.mkdir(parents=True)
        cat = CatalogDir(self.root)
        cat.write("gongkai.yaml", "")
        cat.item()
        cat.record()
        portal_catalog(cat)
        git(top, "init", "-q", "-b", "main")
        self.commit()

    def path(self, rid: str) -> Path:
        return self.root / "records/2026" / f"{rid}.yaml"

    def replace(self, rid: str, old: str, new: str) -> None:
        path = self.path(rid)
        if path.exists():
            path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")

    def add(self, rid: str, lines: str) -> None:
        add_fields(self.path(rid), lines)

    def commit(self) -> None:
        git(self.top, "add", "-A")
        git(self.top, "commit", "-q", "--allow-empty", "-m", "修改")

    def apply(self, op: tuple[str, int]) -> None:
        name, n = op
        rid = RECORDS[n % len(RECORDS)]
        if name == "title":
            self.replace(rid, "题名: ", f"题名: 第{n}次修改")
        elif name == "body":
            self.replace(rid, "正文: |\n", f"正文: |\n  补充说明{n}。\n\n")
        elif name == "private":
            self.replace(rid, "公开属性: 主动公开", "公开属性: 依申请公开")
        elif name == "board":
            self.replace(rid, "公开渠道: [政府网站", "公开渠道: [社区/企事业单位/村公示栏（电子屏）")
        elif name == "delete":
            self.path(rid).unlink(missing_ok=True)
        elif name == "item":
            item = self.root / "items/shjz/SHJZ-001.yaml"
            item.write_text(item.read_text("utf-8").replace("二级事项: ", f"二级事项: 改{n}"), "utf-8")
        elif name == "agency":
            agency = self.root / "gongkai.yaml"
            agency.write_text(agency.read_text("utf-8").replace("标题: ", f"标题: 第{n}版"), "utf-8")
        elif name == "attachment":
            attachment = self.root / "files/2026/R2026-014.pdf"
            stat = attachment.stat()
            attachment.write_bytes(b"%PDF-1.4\n% " + str(n % 10).encode() + b"st\n")  # same size
            os.utime(attachment, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the mtime put back
        elif name == "commit":
            self.commit()
        elif name == "link_page":  # a 正文 links another record's page (its page marks it, or gives words alone)
            other = RECORDS[(n // 5) % len(RECORDS)]
            folder = ["", "records/", "/records/"][n % 3]  # (as written: the page is given the address that opens it)
            self.replace(rid, "正文: |\n", f"正文: |\n  详见[相关信息]({folder}{other}.html)。\n\n")
        elif name == "link_file":  # a 正文 links the file of a record (a list: never indexed, held back once ended)
            other = ["R2026-014", "R2026-015"][n % 2]
            folder = ["../", "", "/"][(n // 2) % 3]  # files/… as the 附件 line writes it, and from the portal's root
            self.replace(rid, "正文: |\n", f"正文: |\n  详见[材料]({folder}files/2026/{other}.pdf)。\n\n")
        elif name == "withdraw":
            self.add(rid, f"撤回:\n  日期: {START + dt.timedelta(days=n % 6)}\n  原因: 内容有误\n")
        elif name == "repeal":
            self.add(rid, f"有效性: 失效\n有效性日期: {START + dt.timedelta(days=n % 6)}\n")


OPS = st.tuples(st.sampled_from(["title", "body", "private", "board", "delete", "item", "agency", "attachment",
                                 "commit", "link_page", "link_file", "withdraw", "repeal", "day"]),
                st.integers(0, 20))


@settings(max_examples=int(os.environ.get("GONGKAI_PROPERTY_EXAMPLES", "12")), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(OPS, min_size=1, max_size=5))
def test_an_updated_site_equals_a_fresh_build(ops):
    with tempfile.TemporaryDirectory() as folder:
        top = Path(folder)
        catalog = Catalog(top / "repo")
        today = START
        site = top / "site"
        build_site(catalog.root, site, today)
        for step, op in enumerate(ops):
            if op[0] == "day":
                today += dt.timedelta(days=op[1])
            else:
                catalog.apply(op)
            build_site(catalog.root, site, today)
            fresh = top / f"fresh-{step}"
            build_site(catalog.root, fresh, today, use_cache=False)
            assert files(site) == files(fresh), (ops[: step + 1], today)
            shutil.rmtree(fresh)
