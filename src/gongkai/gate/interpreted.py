"""A 解读 stands with the document it explains: when that is repealed or lapsed, so is what explains it.

The 2025 低保 standard's 解读 says 「自2025年7月1日起……提高到每人每月880元」; once the 2026 standard replaced it, a reader
who finds the 解读 (site search, the column's list, the feed, the portal, the 公众号) must see that it no longer holds,
as the document says where a reader sees it (DOMAIN.md §12). Before hostile pass 38 the 解读 said 「有效性 有效」 on
every channel, its lapsed document named only at the foot of its page.
"""

from __future__ import annotations

from dataclasses import replace

from gongkai.gate.admission import Admission
from gongkai.model.vocab import OUT_OF_FORCE


def follow_interpreted(admitted: list[Admission]) -> list[Admission]:
    """*admitted* with each 解读 in force whose every document out names it and is 废止 or 失效 taking that 有效性
    from the day the last of them lapsed. A 解读 of a document 已修改 (it stands as amended), or of one document
    among several still in force, keeps its own."""
    explained: dict[str, list[Admission]] = {}
    for admission in admitted:
        for interpretation in admission.facts.interpretations:
            explained.setdefault(interpretation, []).append(admission)
    if not explained:
        return admitted

    def following(admission: Admission) -> Admission:
        documents = explained.get(admission.id)
        if not documents or not admission.in_force or any(d.validity not in OUT_OF_FORCE for d in documents):
            return admission
        last = max(documents, key=lambda d: (d.validity_date is not None, d.validity_date or d.facts.published))
        return replace(admission, validity=last.validity, validity_date=last.validity_date)

    return [following(admission) for admission in admitted]
