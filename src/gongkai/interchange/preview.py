"""An import plan in words: how each column was read, and every change as old → new values (personal data masked)."""

from __future__ import annotations

from typing import Any

from gongkai.interchange.read import shown
from gongkai.interchange.columns import OTHER_CHANNEL, PARENT, SERIAL, ColumnUse, SheetLayout
from gongkai.interchange.headers import headers
from gongkai.interchange.plan import Change, ImportPlan


def describe_layouts(layouts: list[SheetLayout]) -> list[str]:
    """For --dry-run: every column of every sheet and what it was read as."""
    lines = []
    for layout in layouts:
        rows = "–".join(str(r) for r in sorted({layout.header_rows[0], layout.header_rows[-1]}))
        lines.append(f"工作表「{layout.sheet}」：表头在第 {rows} 行，数据从第 {layout.first_row} 行起")
        lines.extend(f"  {c.ref}「{shown(c.label) or '（无表头）'}」→ {_meaning(c)}" for c in layout.columns)
    return lines


def _meaning(column: ColumnUse) -> str:
    key = column.key
    if key is None:
        return column.note or "不认识的列，已忽略"
    if key == SERIAL:
        return "序号（不导入）" + (f"：{column.note}" if column.note else "")
    if key == PARENT:
        return f"领域（{column.note}；不是领域名称的值报告后忽略）"
    if "=" not in key:
        return f"{key}（{column.note}）" if column.note else key
    field, options = key.split("=", 1)
    if field == OTHER_CHANNEL:
        return f"公开渠道：其他（{options}）：{column.note}"
    unmodelled = headers().choices[field].unmodelled
    if options in unmodelled:
        return f"{field}：{options}（gongkai 不分这一级，勾选的行会逐格报告）"
    return f"{field}：{options.replace('+', '、')}"


def value_text(value: Any) -> str:
    """A field value as people read it in the preview: lists joined with ；, nothing as （空）, the line breaks of a text
    (备注) as ⏎ — 「第一行 第二行 → 第一行 第二行」 hid that the update breaks the line."""
    if value is None or value == "" or value == []:
        return "（空）"
    if isinstance(value, list):
        return "；".join(shown(str(v)) for v in value)
    return "⏎".join(shown(line) for line in str(value).split("\n"))


def _old_to_new(old: Any, new: Any) -> str:
    """「old → new」; where the two read the same, what differs is said (spaces: 「A  B」 and 「A B」)."""
    before, after = value_text(old), value_text(new)
    return f"{before} → {after}" + ("（只有空格不同）" if before == after else "")


def describe_change(change: Change) -> list[str]:
    """A change as lines: what is added or updated from which row, then each field old → new."""
    if change.added:
        name = " / ".join(change.fields[k] for k in ("一级事项", "二级事项", "三级事项") if change.fields.get(k))
        note = f"（推断：{'、'.join(change.inferred)}）" if change.inferred else ""
        lines = [f"新增 {change.item_id}  {change.path}  ← {change.source}：{shown(name)}{note}"]
        if change.revived:
            lines.append("  注意：这个事项在导出表格之后从目录中删去了，这里按表格重新建起（只有加 --yes 才会写入）")
        if change.twin_of is not None:
            lines.append(f"  注意：除事项名称外与表格中没有读到的 {change.twin_of.item_id} 相同，像是改了名（见上方警告；"
                         "只有加 --yes 才会写入）")
        if change.lacking:  # a table without such a column says nothing at any cell: said here
            lacking = "、".join(change.lacking)
            lines.append(f"  注意：表格没有给出{lacking}，新的事项文件缺少这些，gongkai validate 会报错、不能发布；"
                         "请在表格中补上这些列后再导入，或导入后在事项文件中补上")
        return lines
    invalid = "（该文件校验不通过，按 --overwrite-invalid 更新）" if change.invalid else ""
    note = f"（推断：{'、'.join(change.inferred)}）" if change.inferred else ""
    lines = [f"更新 {change.item_id}  {change.path}  ← {change.source}{invalid}{note}"]
    for diff in change.diffs:
        lines.append(f"  {diff.key}：{_old_to_new(diff.old, diff.new)}")
        if diff.removed:
            gone = "、".join(shown(v) for v in diff.removed)
            lines.append(f"    注意：去掉了 {len(diff.removed)} 条{diff.key}：{gone}")
    return lines


def summary(plan: ImportPlan) -> str:
    """新增 N 项，更新 N 项，未变 N 项 (，跳过 N 项)。 — and, when not every row of the table is an item, how many are:
    nothing read is dropped or added unsaid."""
    skipped = f"，跳过 {plan.skipped} 项（见上方警告）" if plan.skipped else ""
    counted = f"新增 {len(plan.added)} 项，更新 {len(plan.updated)} 项，未变 {plan.unchanged} 项{skipped}。"
    others = plan.rows_read - plan.item_rows
    if others > 0:
        counted += (f"表格中有内容的 {plan.rows_read} 行里，{plan.item_rows} 行是事项，其余 {others} 行不是事项"
                    "（并入上面事项的续行、分组标题、重复的表头、说明、签名等，见上方警告）。")
    return "\n".join([counted, *_kept(plan), *_absent(plan)])


def _kept(plan: ImportPlan) -> list[str]:
    """The file's edits made since the export that a cell still as exported would have undone: kept, each said."""
    if not plan.kept:
        return []
    lines = [f"事项文件在导出表格之后改过、表格中这一格仍是导出时的值的 {len(plan.kept)} 处，保留事项文件中的值（没有用表格改回）："]
    for item_id, path, diff in plan.kept:
        lines.append(f"  {item_id}  {path}  {diff.key}：保留「{value_text(diff.old)}」（表格中是导出时的「{value_text(diff.new)}」）")
    return lines


_LISTED = 10  # absent items named one a line; past that, counted


def _absent(plan: ImportPlan) -> list[str]:
    """The items of the table's 领域 that no row names (a row deleted in the table, or a table of part of the 领域):
    import never deletes a file, and says so, item by item, before anything is written."""
    if not plan.absent:
        return []
    domains = "、".join(dict.fromkeys(f.key[0] for f in plan.absent))
    lines = [f"表格中没有读到以下 {len(plan.absent)} 个已有事项（{domains}领域）的行（删去了，或是隐藏、跳过的行，见上方警告），"
             "导入不删除事项，它们保持原样："]
    for f in plan.absent[:_LISTED]:
        name = " / ".join(shown(str(f.values[k])) for k in ("一级事项", "二级事项", "三级事项") if f.values.get(k))
        lines.append(f"  {f.item_id}  {f.path}：{name}")
    if len(plan.absent) > _LISTED:
        lines.append(f"  ……还有 {len(plan.absent) - _LISTED} 项")
    lines.append("确已不再列入目录的，请删去这些事项文件后运行 gongkai validate（它会指出还引用它们的信息）。")
    return lines
