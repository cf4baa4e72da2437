"""gongkai fmt is idempotent: fmt(fmt(x)) == fmt(x), on the bundled catalog and on files written the way people
write them (comments anywhere, full-width punctuation, aliases, lenient dates, keys out of order, CRLF, BOM, GBK)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BUNDLED, Run
from gongkai.authoring.fmt import format_bytes

RECORD_LINES = [
    "编号: R2026-001", "题名: 测试县民政局关于低保对象名单的公示", '索引号: "350524-MZ-2026-00001"', "文种: 公示",
    "责任单位: shjzg", "事项: SHJZ-001", "公开属性: 主动公开", "成文日期: 2026-09-01", "公开日期: 2026-09-03",
    "页数: 1", "公开渠道: [政府网站]",
]
ITEM_LINES = [
    "编号: SHJZ-001", "领域: 社会救助", "五公开: 结果公开", "一级事项: 最低生活保障", "二级事项: 审批信息",
    "公开时限: 制定或获取信息之日起10个工作日内", "公开主体: 县级人民政府民政部门", "公开对象: 全社会", "公开方式: 主动",
    "公开层级: [县级, 乡级]", "公开渠道: [政府网站, 村公示栏]", "责任单位: shjzg",
]
# What people type instead: full-width colons and lists, aliases, run-on lists, dates in other forms.
VARIANTS = {
    "成文日期: 2026-09-01": ["成文日期: 2026/9/1", "成文日期: 2026年9月1日", "成文日期: 2026.9.1", "成文日期：2026-09-01"],
    "公开日期: 2026-09-03": ["公开日期: 2026-9-3", "公开日期: 2026年09月03日"],
    "公开层级: [县级, 乡级]": ["公开层级：［县级，乡级］", "公开层级: [县级、乡级]", "公开层级: 县级、乡级", "公开层级: [县级,乡级]"],
    "公开渠道: [政府网站, 村公示栏]": ["公开渠道: [政府网站，政府服务中心]", "公开渠道:\n  - 政府网站\n  - 村公示栏"],
    "公开方式: 主动": ["公开方式: 主动公开", "公开方式：主动"],
    "五公开: 结果公开": ["五公开: 结果"],
    "公开渠道: [政府网站]": ["公开渠道: ［政府网站］", "公开渠道:\n- 政府网站"],
}
COMMENTS = ["", " # 注释", "  # 注释", "    # 行尾注释", "\t# tab 前的注释"]


@st.composite
def catalog_file(draw: st.DrawFn, lines: list[str]) -> bytes:
    chosen = draw(st.permutations(lines))
    out: list[str] = []
    if draw(st.booleans()):
        out.append("# 文件开头的注释")
    for line in chosen:
        line = draw(st.sampled_from([line, *VARIANTS.get(line, [])]))
        comment = draw(st.sampled_from(COMMENTS)) if "\n" not in line else ""
        out.append(line + comment)
        if draw(st.integers(0, 9)) == 0:
            out.append("")
    text = "\n".join(out) + draw(st.sampled_from(["\n", "", "\n\n"]))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
    return text.encode(encoding)


def _idempotent(data: bytes, kind: str) -> None:
    once, _, problem = format_bytes(data, kind)
    if once is None:
        assert problem  # a file fmt cannot read is said so, never half-formatted
        return
    twice, reasons, _ = format_bytes(once, kind)
    assert twice == once, (reasons, once.decode("utf-8"), twice.decode("utf-8") if twice else None)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalog_file(RECORD_LINES))
def test_fmt_is_idempotent_on_generated_records(data: bytes) -> None:
    _idempotent(data, "record")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalog_file(ITEM_LINES))
def test_fmt_is_idempotent_on_generated_items(data: bytes) -> None:
    _idempotent(data, "item")


BUNDLED_FILES = sorted(p for p in BUNDLED.rglob("*.yaml") if ".gongkai-cache" not in p.parts)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(BUNDLED_FILES), st.sampled_from(COMMENTS[1:]), st.integers(0, 50))
def test_fmt_is_idempotent_on_the_bundled_catalog(path: Path, comment: str, where: int) -> None:
    """Every bundled file, with a comment added at the end of one of its lines."""
    from gongkai.authoring.fmt import kind_for  # noqa: PLC0415

    lines = path.read_text(encoding="utf-8").split("\n")
    index = where % max(len(lines) - 1, 1)
    if lines[index].strip() and not lines[index].lstrip().startswith("#") and ": |" not in lines[index]:
        lines[index] += comment
    _idempotent("\n".join(lines).encode("utf-8"), kind_for(path) or "")


def test_fmt_then_check_agree(gk: Callable[..., Run], tmp_path: Path) -> None:
    """From the user's side: after gongkai fmt, gongkai fmt --check finds nothing (and a second fmt changes nothing)."""
    root = tmp_path / "catalog"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".gongkai-cache"))
    record = next(root.glob("records/2026/*.yaml"))
    text = record.read_text(encoding="utf-8").replace("公开渠道: [政府网站]", "公开渠道: [政府网站] # 注释", 1)
    record.write_bytes(text.replace("\n", "\r\n").encode("utf-16"))
    assert gk("fmt", root).code == 0
    after = {p: p.read_bytes() for p in root.rglob("*.yaml")}
    check = gk("fmt", "--check", root)
    assert check.code == 0, check.out
    assert gk("fmt", root).out.strip().endswith("已整理 0 个。")
    assert {p: p.read_bytes() for p in root.rglob("*.yaml")} == after
