"""Deliver a planned batch: build every recipient's bag aside, swap it into place, and only then record the ledger."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.catalog import Catalog
from gongkai.files_io import replace_dir, write_atomic
from gongkai.handover import bag
from gongkai.handover.plan import EMPTY_NOTE, Batch
from gongkai.privacy.outputs import check_tree
from gongkai.privacy.scan import allowed_of


def deliver(catalog: Catalog, root: Path, batch: Batch, out: Path) -> bool:
    """Write the batch to *out* (replacing it whole), then the ledger under *root*; True when a ledger was written."""
    with replace_dir(out) as staging:
        for recipient in batch.settings.recipients:
            bag.write_bag(staging / recipient.id, catalog, batch, recipient)
        # Defence in depth: what was written is scanned on its own before it replaces the old batch.
        check_tree(staging, None, allowed_of(catalog.agency), sources(batch))
    if batch.recorded:
        return False
    write_atomic(root / batch.ledger_path, ledger_text(batch))
    return True


def sources(batch: Batch) -> dict[str, str]:
    """Each copied file of the batch (as a path in the output folder) → the record it belongs to."""
    return {f"{recipient.id}/data/files/{sent.name}": entry.record.id
            for recipient in batch.settings.recipients for entry in batch.entries for sent in entry.files}


BASELINE_NOTE = "启用 gongkai 之前已送交两馆，补登台账；没有由 gongkai 生成送交文件"


def record_baseline(root: Path, batch: Batch) -> bool:
    """Record, without sending anything, that *batch* was already delivered before gongkai; False if recorded."""
    if batch.recorded:
        return False
    write_atomic(root / batch.ledger_path, ledger_text(batch, baseline=True))
    return True


def _q(text: str) -> str:
    # JSON strings are valid YAML double-quoted scalars: safe for any remark or index number.
    return json.dumps(text, ensure_ascii=False)


def ledger_text(batch: Batch, baseline: bool = False) -> str:
    """The ledger file of a batch: Chinese keys, deterministic, one record per block."""
    lines = [
        "# 移交台账：由 gongkai handover 在送交两馆后写入。请勿手工修改；更正请另行撤换。",
        f"批次日期: {batch.date.isoformat()}",
        "覆盖期间:",
        f"  开始: {batch.start.isoformat()}",
        f"  结束: {batch.date.isoformat()}",
        f"接收单位: [{', '.join(r.id for r in batch.settings.recipients)}]",
    ]
    if baseline:
        lines.append("补登: true")
    lines.append("信息:" if batch.entries else "信息: []")
    for entry in batch.entries:
        record = entry.record
        lines.append(f"  - 编号: {record.id}")
        if record.index_number:
            lines.append(f"    索引号: {_q(record.index_number)}")
        if entry.files:
            lines.append("    文件:")
            for sent in entry.files:
                lines += [f"      - 文件: {_q(sent.source)}", f"        sha256: {sent.sha256}"]
        if entry.remark and not baseline:
            lines.append(f"    备注: {_q(entry.remark)}")
    if baseline:
        lines.append(f"备注: {BASELINE_NOTE}")
    elif batch.empty:
        lines.append(f"备注: {EMPTY_NOTE}")
    return "\n".join(lines) + "\n"
