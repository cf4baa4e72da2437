"""gongkai handover: the twice-monthly handover to the 两馆, its schedule, and checking a delivered batch."""

from __future__ import annotations

import json
from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from gongkai.catalog import Catalog, find_root, load_catalog
from gongkai.cli.app import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, app, err, out
from gongkai.cli.options import CatalogOpt, TodayOpt, check_year, parse_date, real_today, today
from gongkai.diagnostics import Report
from gongkai.errors import UsageProblem
from gongkai.handover.bag import check_against_ledger, check_bag, find_bags
from gongkai.handover.deliver import deliver, record_baseline
from gongkai.handover.letter import LETTER_FILE, recalls_for
from gongkai.handover.plan import EMPTY_NOTE, Batch, blocking, broken_ledgers, held_out, only_gaps
from gongkai.handover.run import date_wanted, handover_days, not_yet, prepare, schedule_note
from gongkai.locking import catalog_lock, output_lock
from gongkai.output import render_text
from gongkai.output.excerpt import source_lines

sub = typer.Typer(help="移交两馆：每月5日、20日（节假日顺延）把主动公开的政府信息送交县档案馆和图书馆。",
                  no_args_is_help=False, invoke_without_command=True)
app.add_typer(sub, name="handover")

DEFAULT_OUT = "handover-out"


class Format(str, Enum):
    text = "text"
    json = "json"


@sub.callback()
def handover_command(
    ctx: typer.Context,
    date: Annotated[str | None, typer.Option("--date", "-d", help="移交日期（YYYY-MM-DD），如 2026-12-07")] = None,
    out_dir: Annotated[Path | None, typer.Option("--out", "-o", help=f"输出文件夹，默认 {DEFAULT_OUT}/<日期>/（当前文件夹下）",
                                                 show_default=False)] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只显示这一批要送什么，不写任何文件")] = False,
    force: Annotated[bool, typer.Option("--force", help="在不是移交日、或晚于今天的日期也生成一批")] = False,
    allow_incomplete: Annotated[bool, typer.Option("--allow-incomplete", help="缺附件、页数、索引号的信息也送交，并在备注中注明")] = False,
    catalog: CatalogOpt = Path("."),
    when: TodayOpt = None,
) -> int:
    """生成一批移交材料：每个接收单位一份送交信息目录表（xlsx、打印用 HTML、csv）和 PDF/CEB 文件（BagIt 包，SHA-256 校验），送交完成后写入台账 handover/<日期>.yaml。

    子命令：schedule（列出全年移交日）、verify（核对送交的文件）、baseline（补登启用前已送交的信息）。
    """
    if ctx.invoked_subcommand is not None:
        return EXIT_OK
    if date is None:
        raise UsageProblem(date_wanted(load_catalog(find_root(catalog)), today(when)))
    day = parse_date(date, "--date")
    root = find_root(catalog)
    with nullcontext() if dry_run else catalog_lock(root, f"gongkai handover --date {day.isoformat()}"):
        loaded = load_catalog(root)
        batch = prepare(loaded, day, force=force, allow_incomplete=allow_incomplete, today=today(when),
                        now=real_today())
        target = out_dir or Path(DEFAULT_OUT) / day.isoformat()
        code = _report_problems(loaded, batch)
        if code:
            raise typer.Exit(code)
        if dry_run:
            _show(batch, target, dry=True)
            raise typer.Exit(EXIT_OK)
        with output_lock(target, f"gongkai handover --date {day.isoformat()}"):
            written = deliver(loaded, root, batch, target)
    _show(batch, target, dry=False)
    ledger = root / batch.ledger_path
    out.print(f"已记入台账：{ledger}" if written else f"台账 {ledger} 已有这一批，按台账重新生成，未重复记录。",
              markup=False)
    raise typer.Exit(EXIT_OK)


def _report_problems(catalog: Catalog, batch: Batch) -> int:
    if not batch.problems:
        return EXIT_OK
    report = Report(list(batch.problems), files_checked=len(batch.entries))
    err.print(render_text(report, source_lines(catalog.source)), end="", markup=False)
    if blocking(batch):
        err.print("这一批没有生成：请补齐上面的问题；确需先送交的，加 --allow-incomplete，缺项会写在目录表的备注中。"
                  if only_gaps(batch) else
                  "这一批没有生成：请先改正上面的错误（--allow-incomplete 只放过缺附件、缺页数、缺索引号，放不过这些）。",
                  markup=False)
        return EXIT_FINDINGS
    return EXIT_OK


def _show(batch: Batch, target: Path, dry: bool) -> None:
    verb = "将送交" if dry else "已生成"
    out.print(f"{verb} {batch.date.isoformat()} 批次（覆盖{batch.period}）：{len(batch.entries)} 件信息"
              f"{'，' + EMPTY_NOTE if batch.empty else ''}", markup=False)
    if batch.missed:
        out.print(f"  本批{batch.catches_up}（那一期没有送交目录表），目录表「批次」栏已写明。", markup=False)
    for note in batch.notes:
        out.print(f"注意：{note}", markup=False)
    for number, entry in enumerate(batch.entries, 1):
        record = entry.record
        files = "、".join(f.name for f in entry.files) or "无电子文件"
        note = f"  备注：{entry.remark}" if entry.remark else ""
        out.print(f"  {number:>3}. {record.index_number or '（无索引号）'}  {record.title}  公开于 {record.published}  "
                  f"[{files}]{note}", markup=False)
        for recipient in batch.recipients:
            if entry.keeps_back(recipient):
                out.print(f"        {recipient.name}（{recipient.id}）：{entry.remark_for(recipient).split('；')[-1]}",
                          markup=False)
    _show_lists_kept_by_nobody(batch)
    _show_recalls(batch)
    names = "、".join(f"{r.name}（{r.id}）" for r in batch.recipients)
    out.print(f"{'输出到' if dry else '输出在'} {target}：{names} 各一个 BagIt 包", markup=False)
    if dry:
        out.print("（--dry-run：没有写入任何文件，也没有记入台账）", markup=False)


def _show_lists_kept_by_nobody(batch: Batch) -> None:
    recipients = batch.recipients
    if any(r.takes_lists for r in recipients) or not any(e.keeps_back(r) for e in batch.entries for r in recipients):
        return
    out.print("注意：本批的公示名单没有送交任何接收单位（gongkai.yaml「移交 → 接收单位」中没有接收名单的单位）。"
              "名单应由档案馆完整保存：请加上县档案馆，或为接收单位写「接收名单: true」后重新运行。", markup=False)


def _show_recalls(batch: Batch) -> None:
    if not batch.recalls:
        return
    recipients = batch.recipients
    holders = [r for r in recipients if recalls_for(batch, r)]  # a 馆 added since holds none of them: no letter
    where = "每个包" if len(holders) == len(recipients) else "、".join(f"{r.name}（{r.id}）" for r in holders) + "的包"
    out.print(f"撤换公函（{LETTER_FILE}，在{where}的 data/ 中，请核对后加盖公章送达）：{len(batch.recalls)} 件已送交的信息",
              markup=False)
    for recall in batch.recalls:
        then = ("，文件已修改，新版本随本批送交" if recall.replacement_id == recall.record.id
                else f"，由 {recall.replacement_id} 替代" if recall.replacement_id else "")
        out.print(f"    {recall.record.index_number or recall.record.id}  {recall.record.title}  "
                  f"{recall.action}于 {recall.date}{then}（{recall.sent_in} 批次送交）", markup=False)


@sub.command("baseline")
def baseline_command(
    through: Annotated[str, typer.Option("--through", help="已送交到哪一天（最后一次人工送交的日期），如 2026-11-20")],
    catalog: CatalogOpt = Path("."),
    when: TodayOpt = None,
) -> int:
    """补登台账：启用 gongkai 之前已经人工送交两馆的主动公开信息，记入台账 handover/<日期>.yaml（标明「补登」），不生成送交文件。

    此后 gongkai handover 只送交之后公开的信息，也不会把补登的信息算作超期送交。
    """
    day, now = parse_date(through, "--through"), today(when)
    if day > now:
        raise UsageProblem(not_yet(day, now, "补登") + "补登的是已经人工送交的批次，--through 写最后一次送交的日期。")
    root = find_root(catalog)
    with catalog_lock(root, f"gongkai handover baseline --through {day.isoformat()}"):
        loaded = load_catalog(root)
        if broken := broken_ledgers(loaded):  # what they record would be recorded again, as sent by hand
            err.print(render_text(Report(broken, files_checked=len(broken)), source_lines(loaded.source)), end="",
                      markup=False)
            err.print("没有补登：请先改正上面的台账。", markup=False)
            raise typer.Exit(EXIT_FINDINGS)
        batch = prepare(loaded, day, force=True, allow_incomplete=True, baseline=True)
        if not record_baseline(root, batch):
            raise UsageProblem(f"台账 {batch.ledger_path} 已经存在，没有重复记录。")
    out.print(f"已补登台账：{root / batch.ledger_path}（{len(batch.entries)} 件信息，{batch.period}）", markup=False)
    if left := held_out(batch):
        # gaps (no PDF, no 页数) do not matter to what was delivered by hand; a record left out of the ledger does
        err.print(render_text(Report(left, files_checked=len(batch.entries)), source_lines(loaded.source)), end="",
                  markup=False)
        err.print(f"注意：以上 {len(left)} 件信息没有通过公开审核，没有补登。启用前已经人工送交两馆的，请先改正，再删去 "
                  f"{batch.ledger_path} 重新运行这条补登命令（否则改正后会随下一批再送一次）；还没有送交的，改正后随下一批送交。",
                  markup=False)
    return EXIT_OK


@sub.command("schedule")
def schedule_command(
    year: Annotated[int, typer.Option("--year", "-y", help="年份，如 2026")],
    format: Annotated[Format, typer.Option("--format", "-f", help="输出格式：text（默认）或 json")] = Format.text,
    catalog: CatalogOpt = Path("."),
) -> int:
    """列出一年的全部移交日：名义日期、实际移交日、顺延原因。"""
    loaded = load_catalog(catalog)
    days = handover_days(loaded, check_year(year))
    if format is Format.json:
        out.print(json.dumps([d.to_dict() for d in days], ensure_ascii=False, indent=2), markup=False)
        return EXIT_OK
    out.print(f"{year}年移交两馆日期（{len(days)}次）", markup=False)
    for d in days:
        weekday = "一二三四五六日"[d.actual.weekday()]
        line = f"  {d.nominal.isoformat()}  →  {d.actual.isoformat()}（周{weekday}）"
        out.print(line + (f"  {d.reason}" if d.moved else f"  {d.note}" if d.note else ""), markup=False)
    if note := schedule_note(loaded, year):
        out.print(f"注意：{note}", markup=False)
    return EXIT_OK


@sub.command("verify")
def verify_command(
    folder: Annotated[Path, typer.Argument(metavar="批次文件夹", help="送交的批次文件夹（或其中一个接收单位的文件夹）", show_default=False)],
    catalog: Annotated[Path | None, typer.Option(
        "--catalog", "-C", help="同时与这个目录中的移交台账核对（每个文件的 SHA-256 是否是台账记录送交的版本）",
        show_default=False)] = None,
) -> int:
    """按 SHA-256 校验值核对一批送交的文件：有无缺失、改动或多出的文件；加 -C 目录 时还与台账核对。"""
    checks = [check_bag(path) for path in find_bags(folder)]
    if catalog is not None:
        loaded = load_catalog(find_root(catalog))
        for check in checks:
            check.problems += check_against_ledger(check.path, loaded)
    for check in checks:
        if check.ok:
            out.print(f"✓ {check.path}：{check.files} 个文件，与校验值一致", markup=False)
        else:
            out.print(f"✗ {check.path}：{len(check.problems)} 处问题", markup=False)
        for line in (*check.problems, *(f"（说明）{note}" for note in check.notes)):
            out.print(f"    {line}", markup=False)
    bad = sum(not c.ok for c in checks)
    out.print(f"共 {len(checks)} 个包，{'全部通过' if not bad else f'{bad} 个未通过'}。", markup=False)
    if bad:
        out.print("未通过的包请向送交方要回原件核对；本机关可运行 gongkai handover --date <批次日期> 按台账重新生成这一批"
                  "（目录表和文件与送交时逐字节相同）。", markup=False)
    return EXIT_FINDINGS if bad else EXIT_OK


__all__ = ["EXIT_USAGE"]
