"""Deliver a planned batch: build every recipient's bag aside, swap it into place, and only then record the ledger."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.catalog import Catalog
from gongkai.errors import PublicationStopped, UsageProblem, describe_os_error, output_in_place
from gongkai.files_io import StagedFile, refuse_foreign_output, replace_dir, through_link
from gongkai.handover import bag
from gongkai.handover.plan import EMPTY_NOTE, Batch
from gongkai.privacy.outputs import check_tree
from gongkai.privacy.scan import allowed_of
from gongkai.privacy.sources import agency_findings, placed
from gongkai.processes import interrupts_deferred


def deliver(catalog: Catalog, root: Path, batch: Batch, out: Path) -> bool:
    """Write the batch to *out* (replacing it whole) and its ledger under *root*, both or neither; True when a
    ledger was written.

    The ledger is written aside first: a catalog that cannot take it (read-only, disk full) stops the batch before
    anything is delivered. It is renamed into place right after the bags are swapped in; if that fails, the swap is
    undone. A crash between the two renames leaves bags without a ledger, never a ledger without its bags: the batch
    is then simply made again, never lost.
    """
    _stop_on_what_the_bags_show(catalog)
    # the output refused before the ledger is staged: 「--out handover」 named the staged ledger (.2026-10-08.yaml….tmp,
    # a file the clerk cannot see) as what was in the way, and an empty handover/ of a first batch took the bags
    refuse_foreign_output(through_link(out), bag.MARKS)
    ledger = None if batch.recorded else _stage_ledger(root, batch, ledger_text(batch))

    def record() -> None:
        if ledger is not None:
            ledger.commit()
        output_in_place(f"移交文件（{out}）已写入" + ("，台账已记录" if ledger is not None else ""))

    try:
        with replace_dir(out, then=record, guard=interrupts_deferred, marks=bag.MARKS) as staging:
            for recipient in batch.recipients:
                bag.write_bag(staging / recipient.id, catalog, batch, recipient)
            # Defence in depth: what was written is scanned on its own before it replaces the old batch.
            check_tree(staging, None, allowed_of(catalog.agency), sources(batch))
    finally:
        if ledger is not None:
            ledger.discard()
    return ledger is not None


# What every bag shows of gongkai.yaml: 送交单位 and 联系人 (「机关」), the 联系人 and 接收单位 of 「移交」.
_SHOWN = ("机关", "移交")


def _stop_on_what_the_bags_show(catalog: Catalog) -> None:
    """Personal data in what the bags show of gongkai.yaml stops the batch before anything is written, naming its line:
    the scan of the bags (check_tree) stops it too, but names only the manifests, where the clerk cannot fix it."""
    found = [f for f in agency_findings(catalog) if f.field[:1] and f.field[0] in _SHOWN]
    if found:
        lines = [f"  {placed(catalog, finding, path='gongkai.yaml')}：{finding.label}「{finding.masked_value}」"
                 for finding in found]
        raise PublicationStopped("gongkai.yaml 中要写进目录表、公函和包信息的内容有未遮盖的个人信息，没有生成移交文件：\n"
                                 + "\n".join(lines) + "\n请在 gongkai.yaml 中遮盖或删去（联系电话写本机关的电话），"
                                 "再运行 gongkai validate 检查后重新移交。")


def sources(batch: Batch) -> dict[str, str]:
    """Each copied file of the batch (as a path in the output folder) → the record it belongs to."""
    return {f"{recipient.id}/data/files/{sent.name}": entry.record.id
            for recipient in batch.recipients for entry in batch.entries for sent in entry.files_for(recipient)}


BASELINE_NOTE = "启用 gongkai 之前已送交两馆，补登台账；没有由 gongkai 生成送交文件"


def record_baseline(root: Path, batch: Batch) -> bool:
    """Record, without sending anything, that *batch* was already delivered before gongkai; False if recorded."""
    if batch.recorded:
        return False
    _stage_ledger(root, batch, ledger_text(batch, baseline=True)).commit()
    return True


def _stage_ledger(root: Path, batch: Batch, text: str) -> StagedFile:
    try:
        return StagedFile(root / batch.ledger_path, text)
    except OSError as exc:
        raise UsageProblem(f"无法写入台账 {batch.ledger_path}（{describe_os_error(exc)}）：这一批没有送交，"
                           "输出文件夹和台账都保持原样。请确认目录文件夹可以写入后重新运行。") from None


def _q(text: str) -> str:
    # JSON strings are valid YAML double-quoted scalars: safe for any remark or index number.
    return json.dumps(text, ensure_ascii=False)


def ledger_text(batch: Batch, baseline: bool = False) -> str:
    """The ledger file of a batch: Chinese keys, deterministic, one record per block."""
    lines = [
        "# 移交台账：由 gongkai handover 在送交两馆后写入。请勿手工修改；更正请另行撤换。",
        f"批次日期: {batch.date.isoformat()}",
        *([f"生成日期: {batch.made.isoformat()}"] if batch.made is not None else []),
        "覆盖期间:",
        f"  开始: {batch.start.isoformat()}",
        f"  结束: {batch.date.isoformat()}",
        f"接收单位: [{', '.join(r.id for r in batch.recipients)}]",
    ]
    if baseline:
        lines.append("补登: true")
    recalls = 0 if baseline else len(batch.recalls)
    files = sum(len(entry.files) for entry in batch.entries)
    # above the lists: a ledger cut short keeps the counts that tell it (GK514)
    lines.append(f"件数: {{信息: {len(batch.entries)}, 电子文件: {files}, 撤换: {recalls}}}")
    lines.append("信息:" if batch.entries else "信息: []")
    for entry in batch.entries:
        record = entry.record
        lines.append(f"  - 编号: {record.id}")
        if record.index_number:
            lines.append(f"    索引号: {_q(record.index_number)}")
        if not baseline:  # the 目录表 row as the 两馆 sign for it (a baseline made no 目录表)
            lines.append(f"    题名: {_q(record.title)}")
            lines += [f"    文号: {_q(record.doc_number)}"] if record.doc_number else []
            lines += [f"    页数: {record.pages}"] if record.pages is not None else []
        if entry.files:
            lines.append("    文件:")
            for sent in entry.files:
                lines += [f"      - 文件: {_q(sent.source)}", f"        sha256: {sent.sha256}"]
                kept = [r.id for r in batch.recipients if not baseline and sent in entry.withheld_from(r)]
                lines += [f"        未送: [{', '.join(kept)}]"] if kept else []
        if entry.remark and not baseline:
            lines.append(f"    备注: {_q(entry.remark)}")
    lines += [] if baseline else _recall_lines(batch)
    if baseline:
        lines.append(f"备注: {BASELINE_NOTE}")
    elif batch.empty:
        lines.append(f"备注: {EMPTY_NOTE}")
    return "\n".join(lines) + "\n"


def _recall_lines(batch: Batch) -> list[str]:
    """The ledger's 撤换 block: each record the batch's 撤换公函 named, so no later batch names it again."""
    if not batch.recalls:
        return []
    lines = ["撤换:"]
    for recall in batch.recalls:
        lines.append(f"  - 编号: {recall.record.id}")
        if recall.record.index_number:
            lines.append(f"    索引号: {_q(recall.record.index_number)}")
        lines += [f"    方式: {recall.action}", f"    原批次: {recall.sent_in.isoformat()}"]
        if recall.replacement_id:
            lines.append(f"    替代信息: {recall.replacement_id}")
    return lines
