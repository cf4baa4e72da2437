"""互动回应差: a working consultation channel, and no message left unanswered for more than three months."""

from __future__ import annotations

import datetime as dt

from gongkai.inspect.clock import add_months, within
from gongkai.inspect.context import Inspection
from gongkai.inspect.sheet import Check, Evidence, Status
from gongkai.model.inquiry import Inquiry


def _channel(run: Inspection) -> str | None:
    """The consultation channel the site shows (phone or e-mail of the bureau or its request desk), if any."""
    agency = run.catalog.agency
    if agency is None:
        return None
    desk = agency.requests
    for value in (agency.org.phone, agency.org.email, desk.phone if desk else None, desk.email if desk else None,
                  desk.online if desk else None):
        if value:
            return value
    return None


def unanswered(run: Inspection) -> list[tuple[str, Inquiry]]:
    """Messages that waited more than the allowed months for an answer, the wait ending within the look-back year."""
    settings = run.thresholds.interaction
    found = []
    for path, inquiry in run.catalog.models("inquiry"):
        if inquiry.received > run.today:
            continue
        end = answered(inquiry, run.today) or run.today
        if end > add_months(inquiry.received, settings.months) and within(end, settings.lookback, run.today):
            found.append((path, inquiry))
    return found


def answered(inquiry: Inquiry, today: dt.date) -> dt.date | None:
    """The day the message was answered, as known on *today*: a 答复日期 after today is no answer yet."""
    return inquiry.replied if inquiry.replied is not None and inquiry.replied <= today else None


def _evidence(run: Inspection, path: str, inquiry: Inquiry) -> Evidence:
    """The message by its 编号 and channel, never its 主题: a 主题 often names who wrote (林某某询问其父亲低保), and the
    sheet goes to CI logs, files and the county's workbook; masking catches numbers, not names (as validate quotes a
    request by its 编号, not its 申请内容). The clerk opens the file by its path."""
    months = run.thresholds.interaction.months
    replied = answered(inquiry, run.today)
    received = f"{inquiry.received} 收到的{inquiry.channel}（主题见 consultations/ 中的登记文件）"
    if replied is None:
        text = f"{received}，至今未答复（已{(run.today - inquiry.received).days}天，超过{months}个月）"
    else:
        text = f"{received}，{replied} 才答复（{(replied - inquiry.received).days}天，超过{months}个月）"
    return Evidence(text, inquiry.id, path)


def check_interaction(run: Inspection) -> Check:
    """互动回应差 as one 否决 item."""
    settings = run.thresholds.interaction
    evidence = [_evidence(run, p, i) for p, i in unanswered(run)]
    channel = _channel(run)
    if channel is None:
        evidence.insert(0, Evidence("gongkai.yaml 没有写机关或依申请公开受理机构的联系电话、电子邮箱、网上申请地址：网站上没有有效的咨询渠道",
                                    None, "gongkai.yaml"))
    note = None if run.catalog.models("inquiry") else "consultations/ 中没有咨询留言登记：收到过留言的，登记后才能核对答复是否及时"
    return Check("interaction", "互动回应差", f"有效咨询渠道；近{settings.lookback}个月内没有超过{settings.months}个月未回应的留言",
                 "没有有效咨询渠道，或存在超过时限未回应的留言，即单项否决", settings.source,
                 Status.FAIL if evidence else Status.PASS, evidence, len(evidence), note)
