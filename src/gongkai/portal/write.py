"""Write an export: the folder is built aside and swapped in whole, and the ledger written with it (both or neither)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from gongkai.catalog import Catalog
from gongkai.errors import PublicationStopped, output_in_place
from gongkai.gate import directory_findings
from gongkai.files_io import replace_dir, write_atomic
from gongkai.model.portal import FORMAT_ID
from gongkai.portal import formats
from gongkai.portal.plan import PortalExport, ledger_records
from gongkai.privacy.scan import allowed_of
from gongkai.privacy.outputs import check_tree, scan_output
from gongkai.processes import interrupts_deferred
from gongkai.site.attachments import read_attachment
from gongkai.site.render import without_overrides

# what every export writes: a folder holding it is an earlier export's, which an export may replace
MARKS = ("portal.json",)
LEDGER_HEADER = "# 门户导出台账：由 gongkai export portal 写入，记录导出到县政府门户网站的信息。请勿手工修改。"


def write_export(catalog: Catalog, root: Path, export: PortalExport, out: Path) -> bool:
    """Write *export* to *out* (replacing it) and its ledger under *root*, both or neither; True when a ledger was
    written."""
    outputs = {"portal.json": formats.to_json(export), "portal.xml": formats.to_xml(export)}
    refuse_personal_data(catalog, outputs)
    ledger = root / export.ledger_path

    def record() -> None:  # the ledger goes with the export: both or neither
        if export.empty:
            ledger.unlink(missing_ok=True)  # a rerun of the day found nothing after all: no export to remember
        else:
            write_atomic(ledger, ledger_text(export))
        output_in_place(f"门户导出文件（{out}）已写入" + ("" if export.empty else "，台账已记录"))

    with replace_dir(out, then=record, guard=interrupts_deferred, marks=MARKS) as staging:
        for name, data in outputs.items():
            (staging / name).write_bytes(data)
        (staging / "portal.xlsx").write_bytes(formats.to_xlsx(export))
        for entry in export.entries:
            if entry.body_path is not None:
                _write(staging / entry.body_path, without_overrides(entry.fragment.html).encode("utf-8") + b"\n")
            for file in entry.files:
                _write(staging / file.path, read_attachment(catalog, file.source))
        # Defence in depth over everything assembled (the xlsx, the body fragments, the copied attachments), not only
        # the two files scanned above: a finding leaves the old export in place.
        check_tree(staging, None, allowed_of(catalog.agency))
    return not export.empty


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def refuse_personal_data(catalog: Catalog, outputs: dict[str, bytes], shown: Sequence[tuple[str, str, str]] = (),
                         shown_from: str = "") -> None:
    """Defence in depth: the gate scanned the sources; what was assembled is scanned again before it is written.

    As for build-site, nothing is written while a public item or gongkai.yaml holds personal data: the scan of the
    outputs looks for numbers only, and an item's 详细住址 went out in the directory's csv. *shown* are the source
    findings (where, kind, masked value) of another source the outputs print, named *shown_from* (the annual
    report's texts: a 详细住址 in annual/<year>.yaml went out in the 年报)."""
    found = directory_findings(catalog) + list(shown)
    if found:
        origin = f"公开事项、gongkai.yaml 或 {shown_from}" if shown else "公开事项或 gongkai.yaml"
        listed = "；".join(f"{where}：{label}「{masked}」" for where, label, masked in found[:20])
        raise PublicationStopped(f"{origin} 中有未遮盖的个人信息，没有写入任何文件：{listed}。"
                                 "请遮盖或删除后运行 gongkai validate 检查。")
    refuse_outputs(outputs, allowed_of(catalog.agency))


def refuse_outputs(outputs: dict[str, bytes], allowed: frozenset[str]) -> None:
    """PublicationStopped naming each output (by name) that holds unmasked personal data other than *allowed*."""
    found = [finding for name, data in outputs.items() for finding in scan_output(name, data, allowed)]
    if found:
        listed = "；".join(f"{f.name}：{f.label}「{f.masked}」" for f in found[:20])
        raise PublicationStopped(f"生成的文件中有未遮盖的个人信息，没有写入任何文件：{listed}。"
                                 "请运行 gongkai validate 找到来源并遮盖（gongkai mask），再重新生成。")


def _q(text: str) -> str:
    # JSON strings are valid YAML double-quoted scalars: safe for any title or index number.
    return json.dumps(text, ensure_ascii=False)


def ledger_text(export: PortalExport) -> str:
    """The ledger file of an export: Chinese keys, deterministic, one record per block."""
    lines = [LEDGER_HEADER, f"导出日期: {export.date.isoformat()}", f"格式: {FORMAT_ID}"]
    if export.since is not None:
        lines.append(f"起始日期: {export.since.isoformat()}")
    rows = ledger_records(export)
    lines.append(f"件数: {len(rows)}")  # above the list: a ledger cut short keeps what tells it (GK522)
    lines.append("信息:" if rows else "信息: []")
    for row in rows:
        lines.append(f"  - 编号: {row.id}")
        if row.index_number:
            lines.append(f"    索引号: {_q(row.index_number)}")
        lines += [f"    标题: {_q(row.title)}", f"    操作: {row.action}"]
        if row.fingerprint:
            lines.append(f"    指纹: \"{row.fingerprint}\"")
    return "\n".join(lines) + "\n"
