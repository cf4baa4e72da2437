"""Which documents owe the public a 政策解读 of the bureau's own (三同步, 国办发〔2016〕80号: 谁起草、谁解读): a 规范性文件
or 政策文件 the bureau drafted, alone or jointly. A 转发 adds nothing to explain, and the document it forwards — or any
other body's document the column republishes (责任者 福建省民政厅) — is explained by the body that drafted it."""

from __future__ import annotations

from gongkai.model import Record
from gongkai.model.vocab import POLICY_KINDS


def owes_interpretation(record: Record, agency_name: str | None) -> bool:
    """True when *record* is a policy the bureau drafted: not a 转发, and its 责任者 (the bureau when not written) names
    the bureau — alone, jointly (「安溪县民政局 安溪县财政局」) or for short (「县民政局」)."""
    if record.kind not in POLICY_KINDS or record.forwards is not None:
        return False
    author = (record.author or "").strip()
    return not author or not agency_name or agency_name in author or author in agency_name
