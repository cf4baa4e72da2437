"""信息处理费 in the annual report: part 六 (其他需要报告的事项) tells how much was charged under 《政府信息公开信息处理费
管理办法》（国办函〔2020〕109号）, as 国办公开办函〔2021〕30号 asks; the register knows which fees were paid."""

from __future__ import annotations

import re

from gongkai.model.request import AnnualData, Request

# 「本年度未收取信息处理费」, 「没有收取信息处理费」, 「不收取信息处理费」: part 六 saying none was charged.
_NONE_CHARGED = re.compile(r"(未|没有|无|不)(收取|收|产生)(任何)?(政府信息公开)?信息处理费")


def fee_findings(requests: list[tuple[str, Request]], data: AnnualData | None, year: int,
                 where: str) -> tuple[list[str], list[str]]:
    """(problems, notes) on part 六 against the fees paid in *year*: a text saying none was charged while the register
    holds a fee paid is a wrong statement about to be published; a text silent on the fees is worth a word. *where*
    names part 六 in annual/<year>.yaml (file, line, column)."""
    paid = sorted(request.id for _, request in requests
                  if request.fee is not None and request.fee.paid is not None and request.fee.paid.year == year)
    if not paid or data is None:
        return [], []
    text = data.other or ""
    listed = f"{'、'.join(paid[:5])}{'等' if len(paid) > 5 else ''}"
    if _NONE_CHARGED.search(text):
        return [f"{where}写着没有收取信息处理费，登记簿中却有 {len(paid)} 件申请在{year}年缴费"
                f"（{listed}，「收费」的「缴费日期」）：改写信息处理费的收取情况（件数、金额），或核对缴费日期"], []
    if "信息处理费" not in text:
        return [], [f"{year}年有 {len(paid)} 件申请缴纳了信息处理费（{listed}），{where}"
                    "没有写信息处理费的收取情况：写明件数和金额（国办函〔2020〕109号、国办公开办函〔2021〕30号）"]
    return [], []
