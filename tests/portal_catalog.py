"""A small catalog with a record of every kind the publishers must tell apart (shared by the portal and print tests).

Today is 2026-11-27 (conftest). 公示 periods on the 2026 calendar: 2026-09-01 + 7 working days ends 2026-09-09;
2026-11-24 + 7 ends 2026-12-02; 2026-11-25 + 7 ends 2026-12-03.
"""

from __future__ import annotations

from conftest import AGENCY, ITEM, CatalogDir, text_pdf

BASE = "https://www.fjax.gov.cn/zwgk/zfxxgkzl/bmzfxxgk/mzj/"
TOWN = """\
  - 编号: mzb-102
    名称: 湖头镇民政办
    类型: 乡镇民政办
    区划代码: "350524102"
    联系电话: "0595-23411234"
  - 编号: mzb-103
    名称: 官桥镇民政办
    类型: 乡镇民政办
    区划代码: "350524103"
"""
SITE = f"网站:\n  标题: 测试县民政局政务公开\n  基础地址: {BASE}\n"


def agency(base: bool = True) -> str:
    text = AGENCY.replace("移交:\n", TOWN + "移交:\n")
    text = text[:text.index("网站:\n")]  # the test agency's own 网站 section, replaced by this one
    return text + (SITE if base else "")


def record(rid: str, title: str, *, kind: str = "通知", attribute: str = "主动公开", published: str | None = "2026-11-02",
           channels: str | None = None, unit: str = "shjzg", item: str | None = None, extra: str = "",
           body: str = "现将有关事项通知如下。") -> str:
    lines = [f"编号: {rid}", f"题名: {title}", f"索引号: \"350524-MZ-2026-{rid[-3:].zfill(5)}\"", f"文种: {kind}",
             f"责任单位: {unit}", f"公开属性: {attribute}", "成文日期: 2026-08-28"]
    if item:
        lines.append(f"事项: {item}")
    if attribute == "主动公开":
        # reviewed by the day it was published: the gate lets out nothing before its 保密审查 (publication.review)
        reviewed = min("2026-08-28", published or "2026-08-28")
        lines += ["保密审查:", "  审查人: 张三", f"  审查日期: {reviewed}", "  结论: 不涉及国家秘密，同意主动公开"]
    if attribute == "不予公开":
        lines.append("不予公开理由: 过程性信息")
    if published and attribute == "主动公开":
        lines.append(f"公开日期: {published}")
    if channels:
        lines.append(f"公开渠道: [{channels}]")
    text = "\n".join(lines) + "\n" + extra
    if attribute == "主动公开":
        text += "正文: |\n" + "".join(f"  {line}\n" if line else "\n" for line in body.splitlines())
    return text


LIST = "| 姓名 | 保障人数 | 所在村（社区） |\n|---|---|---|\n| {name} | 3 | 湖二村 |"
WEB_BODY = ("经研究，现将有关事项通知如下。<script>alert('x')</script>\n\n"
            "详见[办事指南](../records/R2026-020.html)和[某网站](https://evil.example.com/ad)。\n\n"
            "<img src=x onerror=alert(1)>")
BOARD = "社区/企事业单位/村公示栏（电子屏）"


def build(cat: CatalogDir, base: bool = True) -> CatalogDir:
    """The catalog: one record of each kind (ids say which)."""
    cat.write("gongkai.yaml", agency(base))
    (cat.root / "records/2026/R2026-001.yaml").unlink()
    cat.item(ITEM.replace("政府网站, 社区/企事业单位/村公示栏（电子屏）", f"政府网站, {BOARD}, 公开查阅点"))
    cat.write("files/2026/R2026-014.pdf", text_pdf("list"))
    cat.write("files/2026/R2026-015.pdf", text_pdf("ended list"))
    records = {
        "R2026-010": record("R2026-010", "测试县民政局关于网站通知甲的通知", channels="政府网站", body=WEB_BODY),
        "R2026-011": record("R2026-011", "依申请公开乙号文件", attribute="依申请公开"),
        "R2026-012": record("R2026-012", "不予公开丙号文件", attribute="不予公开"),
        "R2026-013": record("R2026-013", "湖头镇公示栏专用丁号公示", kind="公示", published="2026-11-25", unit="mzb-102",
                            channels=BOARD, item="SHJZ-001", extra="公示期: 7\n",
                            body="现将初审对象公示如下。\n\n" + LIST.format(name="林秀治")),
        "R2026-014": record("R2026-014", "湖头镇公示中戊号公示", kind="公示", published="2026-11-24", unit="mzb-102",
                            channels=f"政府网站, {BOARD}", item="SHJZ-001", extra=(
                                "公示期: 7\n附件:\n  - 文件: files/2026/R2026-014.pdf\n    名称: 戊号名单\n"),
                            body="现将初审对象公示如下。\n\n" + LIST.format(name="苏阿森")),
        "R2026-015": record("R2026-015", "官桥镇已结束己号公示", kind="公示", published="2026-09-01", unit="mzb-103",
                            channels=f"政府网站, {BOARD}", item="SHJZ-001",
                            extra="公示期: 7\n附件:\n  - 文件: files/2026/R2026-015.pdf\n",
                            body="现将初审对象公示如下。\n\n" + LIST.format(name="陈金水")),
        "R2026-016": record("R2026-016", "已撤回庚号通知", published="2026-10-10", channels="政府网站",
                            extra="撤回:\n  日期: 2026-11-20\n  原因: 误将内部事务信息作为主动公开信息发布\n"),
        "R2026-017": record("R2026-017", "含身份证号辛号名单", channels="政府网站",
                            body="张某 身份证号 11010519491231002X"),
    }
    for rid, text in records.items():
        cat.write(f"records/2026/{rid}.yaml", text)
    return cat


# What no publisher may ever write (besides the ids of records that must not appear).
NEVER = ("依申请公开乙号文件", "不予公开丙号文件", "含身份证号辛号名单", "11010519491231002X")
