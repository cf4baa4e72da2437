"""门户导出台账: the ledgers gongkai export portal writes under portal/, checked so the next export compares right."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.diagnostics import Location, Severity
from gongkai.model.portal import PORTAL_CUT_HINT, portal_ledger_path
from gongkai.rules.base import FILE, Context, Finding, rule

WHY = ("gongkai export portal 按台账判断哪些信息已经导出到县政府门户网站（国办发〔2017〕47号：县级部门通过县政府门户网站"
       "集约化平台发布信息）；台账不一致，下一次导出就会漏报撤回或重复新增。")


@rule("GK520", "portal-ledger-date", "门户导出台账的文件名与导出日期不符", Severity.ERROR,
      what="检查 portal/ 下每个台账的文件名是否就是它的「导出日期」（portal/2026-11-27.yaml 写 导出日期: 2026-11-27）。",
      why=WHY + "导出按日期找台账，文件名与内容不一致时会把一次导出算成两次或漏掉。",
      example="portal/2026-11-27.yaml 中写 导出日期: 2026-11-28",
      instead="把文件名和「导出日期」改成一致（台账由 gongkai export portal 写入，一般不需要手工修改）。",
      scope=FILE)
def portal_ledger_date(ctx: Context) -> Iterator[Finding]:
    for path, ledger in ctx.catalog.models("portal"):
        expected = portal_ledger_path(ledger.date)
        if path != expected:
            yield Finding(Location(path, ledger.id, ("导出日期",)),
                          f"台账文件 {path} 写的导出日期是 {ledger.date}，应存为 {expected}",
                          f"把文件改名为 {expected}，或改正「导出日期」。")


@rule("GK521", "portal-ledger-twice", "门户导出台账重复列出同一信息", Severity.ERROR,
      what="检查一个门户导出台账是否把同一条信息列了两次。",
      why=WHY + "一次导出中每条信息只有一个操作（新增、更新或撤回）。",
      example="信息:\n  - 编号: R2026-012\n    操作: 新增\n  - 编号: R2026-012\n    操作: 撤回",
      instead="删去多余的一条，保留这次导出实际做的操作；台账开头的「件数」减一。",
      scope=FILE)
def portal_ledger_twice(ctx: Context) -> Iterator[Finding]:
    for path, ledger in ctx.catalog.models("portal"):
        seen: set[str] = set()
        for index, entry in enumerate(ledger.records):
            if entry.id in seen:
                yield Finding(Location(path, ledger.id, ("信息", index, "编号")),
                              f"信息 {entry.id} 在这个台账中出现了不止一次",
                              "删去重复的一条，并把台账开头的「件数」减一（否则 GK522）。")
            seen.add(entry.id)


@rule("GK522", "portal-ledger-cut", "门户导出台账的件数与所列不符", Severity.ERROR,
      what="gongkai export portal 在台账「信息」之前写下这次导出的件数；检查所列的信息是否与件数相符。",
      why=WHY + "被截断（合并冲突、复制中断）或删去几条的台账，少了的信息下一次会当作新增再导出一次。",
      example="件数: 12\n（信息: 下只列了 10 条）",
      instead="用 git 恢复 gongkai export portal 写入的台账原样",
      scope=FILE)
def portal_ledger_cut(ctx: Context) -> Iterator[Finding]:
    for path, ledger in ctx.catalog.models("portal"):
        if (why := ledger.cut) is not None:
            yield Finding(Location(path, ledger.id, ("件数",)), why, PORTAL_CUT_HINT.format(path=path))
