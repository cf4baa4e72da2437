"""政府信息公开指南: what the 条例 requires it to tell the public, from gongkai.yaml and the catalog.

主动公开 (scope, channels, time limits, how to find things); 依申请公开 (受理机构, address, hours, phone, e-mail, post,
the 申请表, the county's online system); 信息处理费 (国办函〔2020〕109号); remedies (行政复议, 行政诉讼, 投诉举报).
"""

from __future__ import annotations

from typing import Any

from gongkai.model import Item
from gongkai.model.vocab import CHANNELS
from gongkai.publication.channels import WEB_CHANNEL
from gongkai.site.data import SiteData

# 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）, as a bureau tells the public about it.
FEE_TEXT = (
    "依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，"
    "本机关可以收取信息处理费（《条例》第四十二条）。收费按照《政府信息公开信息处理费管理办法》"
    "（国办函〔2020〕109号）执行：按件计收的，同一申请人一个自然月内累计申请10件以下（含10件）不收费，"
    "11—30件（含30件）的部分每件收费100元，31件以上的部分以10件为一档、每增加10件每件收费标准提高100元；"
    "按量计收的，同一申请中30页以下（含30页）不收费，31—100页（含100页）的部分每页10元，"
    "101—200页（含200页）的部分每页20元，201页以上的部分每页40元。按件计收和按量计收只能择一适用。"
)
REVIEW_DAYS = "60日"  # 《中华人民共和国行政复议法》（2023年修订）第二十条
# 2023年修订的行政复议法第二十四条: 县级以上地方人民政府管辖对本级人民政府工作部门的行政行为不服的复议案件; the old
# choice of 上一级主管部门 is gone (only vertically led bodies keep it, 第二十七条, and they write 复议机关 themselves).
REVIEW_BODY = "本级人民政府"
LAWSUIT_MONTHS = "6个月"  # 《中华人民共和国行政诉讼法》第四十六条


def guide_context(data: SiteData, request_items: list[Item], forms: list[str]) -> dict[str, Any]:
    """Everything guide.html shows, and its plain text for the search index."""
    agency = data.agency
    desk = agency.requests
    ways = desk.usable_ways if desk else []
    review_body = (desk.review_body if desk else None) or REVIEW_BODY
    court = (desk.court if desk else None) or "有管辖权的人民法院"
    fee = (desk.fee if desk else None) or FEE_TEXT
    channels = directory_channels(data)
    text = " ".join(["政府信息公开指南 主动公开 依申请公开 申请表 信息处理费 行政复议 行政诉讼",
                     desk.office if desk else agency.org.name, *channels])
    return {"desk": desk, "ways": ways, "review_body": review_body, "court": court, "fee": fee,
            "review_days": REVIEW_DAYS, "lawsuit_months": LAWSUIT_MONTHS, "forms": forms,
            "request_items": request_items, "channels": channels, "text": text}


def directory_channels(data: SiteData) -> list[str]:
    """The channels the directory's items name, in the order of the standard table, then the 其他 channels they spell
    out (「县电视台」) in the order first named (the 指南 lists them: an input of its page). A directory naming none
    (no item yet, as `init` may leave it) still publishes this column's 制度 and 年报 on the web: the 指南 said
    「通过以下渠道公开：。」."""
    named = {c for i in data.items for c in i.channels}
    others = dict.fromkeys(o for i in data.items if "其他" in i.channels for o in i.other_channels)
    return [c for c in CHANNELS if c in named and c != "其他"] + list(others) or [WEB_CHANNEL]

