"""The optional 基层 monitoring profile seen in practice: enough records per column, none silent for too long.

Not a national indicator and not part of the verdict: counties use such rules in their routine monitoring of
grassroots disclosure. Columns whose 空白说明 explains that there is nothing to publish are left out.
"""

from __future__ import annotations

from gongkai.inspect.clock import within
from gongkai.inspect.context import Inspection
from gongkai.inspect.sheet import Check, Evidence, Status
from gongkai.publication.columns import explains


def check_monitoring(run: Inspection) -> list[Check]:
    """Three rules per column over the look-back months: count, days since the last record, longest gap."""
    settings = run.thresholds.monitoring
    few, silent, gaps = [], [], []
    for item in run.columns:
        all_dates = run.by_item.get(item.id, [])
        if not all_dates and explains(item.blank_note, run.today):  # (a promised day passed explains nothing)
            continue
        recent = [n for n, d in enumerate(all_dates) if within(d, settings.months, run.today)]
        dates = all_dates[recent[0]:] if recent else []
        where = run.path("item", item.id)
        if len(dates) < settings.minimum:
            few.append(Evidence(f"{item.name}：近{settings.months}个月公开{len(dates)}条", item.id, where))
        last = all_dates[-1] if all_dates else None
        if last is None or (run.today - last).days > settings.since_days:
            text = f"最近一次公开 {last}，距今{(run.today - last).days}天" if last else "从未公开"
            silent.append(Evidence(f"{item.name}：{text}", item.id, where))
        # a gap that runs into the period counts too: from the last record before it to the first one in it
        spans = all_dates[max(recent[0] - 1, 0):] if recent else []
        longest = max(((b - a).days, a, b) for a, b in zip(spans, spans[1:])) if len(spans) > 1 else None
        if longest and longest[0] > settings.gap_days:
            gaps.append(Evidence(f"{item.name}：{longest[1]} 至 {longest[2]} 相隔{longest[0]}天", item.id, where))
    return [
        _rule("monitor-count", f"每个栏目近{settings.months}个月至少公开{settings.minimum}条", few, settings.source),
        _rule("monitor-since", f"最近一次公开距今不超过{settings.since_days}天", silent, settings.source),
        _rule("monitor-gap", f"相邻两次公开相隔不超过{settings.gap_days}天", gaps, settings.source),
    ]


def _rule(key: str, point: str, evidence: list[Evidence], source: str) -> Check:
    return Check(key, "基层监测", point, "不符合的栏目列出（不计入结论）", source,
                 Status.FAIL if evidence else Status.PASS, evidence, len(evidence))
