"""互动回应差: a working consultation channel, and no message left unanswered for more than three months."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from gongkai.diagnostics import Location
from gongkai.inspect.clock import add_months, within
from gongkai.inspect.context import Inspection
from gongkai.inspect.sheet import Check, Evidence, Status
from gongkai.model.contacts import dialable, has_address
from gongkai.model.inquiry import Inquiry

AGENCY_FILE = "gongkai.yaml"


def _channels(run: Inspection) -> list[tuple[tuple[str, str], str, bool]]:
    """The consultation channels gongkai.yaml writes (phone or e-mail of the bureau or its request desk, the online
    request system): (keys, what is written, whether a person can use it). A phone with no number in it
    (「见办公室公告」) or an e-mail field with no address (「暂未开通」) is on the site as plain text that leads nowhere
    (model.contacts): it is no channel."""
    agency = run.catalog.agency
    if agency is None:
        return []
    desk = agency.requests
    written: list[tuple[tuple[str, str], str | None, Callable[[str | None], bool]]] = [
        (("机关", "联系电话"), agency.org.phone, dialable), (("机关", "电子邮箱"), agency.org.email, has_address)]
    if desk is not None:
        written += [(("依申请公开", "电话"), desk.phone, dialable), (("依申请公开", "电子邮箱"), desk.email, has_address),
                    (("依申请公开", "网上申请地址"), desk.online, _opens)]
    return [(keys, str(value), bool(usable(value))) for keys, value, usable in written if value]


def _opens(text: str | None) -> bool:
    """A 网上申请地址 always opens: the model takes only http(s) addresses."""
    return bool(text)


def _no_channel(run: Inspection) -> Evidence | None:
    """Why the site shows no working consultation channel, naming each field written that leads nowhere and its line;
    None when one works."""
    channels = _channels(run)
    if any(usable for _, _, usable in channels):
        return None
    said = []
    for keys, value, _ in channels:
        _, line, column = run.catalog.locate(Location(AGENCY_FILE, None, keys))
        where = f"{AGENCY_FILE}:{line}:{column}" if line else AGENCY_FILE
        wrong = "不是电子邮件地址" if keys[1] == "电子邮箱" else "中没有可以拨打的号码"
        said.append(f"{where} 「{' → '.join(keys)}」写的「{value}」{wrong}")
    written = ("；".join(said) + "，网站上只显示文字，不能点击拨打或发送" if said
               else f"{AGENCY_FILE} 没有写机关或依申请公开受理机构的联系电话、电子邮箱、网上申请地址")
    return Evidence(f"{written}：网站上没有有效的咨询渠道；写上区号加号码（如「0595-23222516」）或完整的电子邮箱",
                    None, AGENCY_FILE)


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
    missing = _no_channel(run)
    if missing is not None:
        evidence.insert(0, missing)
    note = None if run.catalog.models("inquiry") else "consultations/ 中没有咨询留言登记：收到过留言的，登记后才能核对答复是否及时"
    return Check("interaction", "互动回应差", f"有效咨询渠道；近{settings.lookback}个月内没有超过{settings.months}个月未回应的留言",
                 "没有有效咨询渠道，或存在超过时限未回应的留言，即单项否决", settings.source,
                 Status.FAIL if evidence else Status.PASS, evidence, len(evidence), note)
