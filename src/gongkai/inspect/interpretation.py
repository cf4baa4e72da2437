"""解读 linked both ways (三同步): every policy on the web links a 解读 on the web, every 解读 is linked from its document.

The site draws both links from one field: the document's 解读 list. So a policy whose 解读 is missing, not public or
withdrawn has no link, and a 解读 that no published document lists shows no link back to what it explains.
"""

from __future__ import annotations

from gongkai.inspect.context import Inspection
from gongkai.inspect.sheet import Deduction, Evidence
from gongkai.model.vocab import INTERPRETATION_KIND, POLICY_KINDS


def unlinked(run: Inspection) -> list[Evidence]:
    """Policies on the web without a 解读 on the web, and 解读 on the web that no published document links."""
    # only a 政策解读 on the web interprets: a policy listing itself, or a 通知, as its 解读 has none
    on_web = {r.id for r in run.web_records if r.kind == INTERPRETATION_KIND}
    found: list[Evidence] = []
    linked: set[str] = set()
    for record in run.web_records:
        shown = [i for i in record.interpretations if i in on_web and i != record.id]
        linked.update(shown)
        if record.kind in POLICY_KINDS and not shown:
            why = (f"所列解读 {'、'.join(record.interpretations)} 不是网站上的政策解读" if record.interpretations
                   else "没有关联政策解读")
            found.append(Evidence(f"{record.kind}「{record.title}」{why}", record.id, run.path("record", record.id)))
    for record in run.web_records:
        if record.kind == INTERPRETATION_KIND and record.id not in linked:
            found.append(Evidence(f"政策解读「{record.title}」没有被网站上的任何文件关联（看不到所解读的文件）",
                                  record.id, run.path("record", record.id)))
    return found


def check_interpretation(run: Inspection) -> Deduction:
    """政策文件与解读未相互关联 as a 扣分 item."""
    return run.thresholds.deductions.interpretation.deduction("interpretation", "解读回应", unlinked(run))
