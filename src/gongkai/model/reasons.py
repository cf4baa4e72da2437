"""Whether a free-text explanation says anything: a 空白说明 or a 补录 reason of 「无」, 「—」 or a zero-width space
explains nothing, and an inspector reads such a column as blank and such a record as undeclared.

Shared by the site's blank columns (validate GK902, gongkai inspect) and the 伪造发稿日期 check.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

# What people type when a form insists on a reason they do not give (compared without spaces and punctuation).
PLACEHOLDERS = frozenset({
    "无", "暂无", "没有", "暂没有", "无说明", "暂无说明", "无原因", "暂无原因", "无信息", "暂无信息", "略", "空", "待定", "待补",
    "待补充", "待填", "不详", "同上", "见上", "详见", "是", "否", "有", "补录", "空白", "说明", "原因",
    "空缺", "暂缺", "缺", "未填", "未填写", "不填", "无内容", "无此项", "暂不填",
    "none", "null", "nil", "na", "n/a", "tbd", "todo", "true", "false", "yes", "no", "x", "xx", "xxx",
})


# 「暂无」 dressed up: 「本栏目暂无信息」「暂无相关信息」「暂无主动公开的信息」 — what the site itself used to print on a
# blank page, which the yearly inspection reads as a blank column. It says that nothing is there, never why (compare
# 「本机关本年度未产生此类信息」, which does). Matched on the letters only (_letters).
_NOTHING_HERE = re.compile(
    r"^(?:本栏目|该栏目|此栏目|本页面?|本事项|本单位|本机关|本局|本乡镇|本镇|本乡|本股室|本科室)?(?:目前|当前|现在?)?"
    r"(?:暂无|暂未有|暂时没有|暂没有|无|没有|尚无)(?:任何)?(?:相关|此类|该类|这类|可公开的?)?(?:主动)?(?:公开)?的?(?:政府)?"
    r"(?:信息|内容|数据|记录|文件|资料)?$")


# 「栏目建设中」「正在更新」「信息整理中」「待更新」「暂未公开」「敬请期待」: a column under construction, the commonest
# blank column the inspections name (有栏目无内容, 「正在建设中」). It says work is under way, never why nothing is there;
# the site's own empty 制度 and 领导信息 parts say 「正在整理」 and inspect counts them blank.
_UNDER_WAY = re.compile(
    r"^(?:本栏目|该栏目|此栏目|栏目|本页面?|该页面?|页面|本事项|本单位|本机关|本局|本乡镇|本镇|本乡)?(?:信息|内容|数据)?"
    r"(?:目前|当前|现在?)?(?:正在|尚在|仍在|暂未|尚未|暂无|待|未)?(?:相关)?(?:信息|内容|数据)?"
    r"(?:建设|更新|整理|完善|维护|筹建|制作|编制|上传|录入|收集|发布|公开|补充|添加)中?(?:信息|内容|数据)?"
    r"(?:敬请期待|请稍候|谢谢)?$|^敬请期待$")


def under_way(text: str | None) -> bool:
    """True when *text* only says the column is being built, updated or put together (「栏目建设中」「待更新」)."""
    return bool(_UNDER_WAY.match(_letters(text or "")))


def _letters(text: str) -> str:
    """*text* in NFKC without spaces, punctuation, symbols and invisible characters."""
    return "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c)[0] in "LN").casefold()


def written(text: str | None) -> str:
    """*text* as a reader sees it: spaces collapsed, invisible characters (a zero-width space) gone; "" if nothing."""
    return " ".join("".join(c for c in text or "" if unicodedata.category(c) not in ("Cf", "Cc", "Co", "Cn")).split())


def says_something(text: str | None) -> bool:
    """True when *text* holds letters or digits and is not merely a placeholder such as 「无」 or 「暂无」."""
    core = _letters(text or "")
    return bool(core) and core not in PLACEHOLDERS


def says_why(text: str | None) -> bool:
    """True when *text* gives a reason: some letters (「1」 is none), not merely a placeholder, and not merely saying
    that there is nothing (「本栏目暂无信息」)."""
    core = _letters(text or "")
    return (says_something(text) and any(unicodedata.category(c)[0] == "L" for c in core)
            and not _NOTHING_HERE.match(core) and not _UNDER_WAY.match(core))


# A 空白说明 that names when the column will be filled (「本事项按季度公开，下次公开时间为2027年1月10日前」) explains the
# blank only until that day: after it, with still nothing published, the page says something no longer true and the
# inspector reads the column as blank. Only a promise counts (「…日前」, 「将于/预计/计划/下次公开…」): a date that says
# since when nothing was formed (「自2020年1月1日起未产生此类信息」) is no promise.
_DAY = r"(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*(?:[月.\-/]\s*(\d{1,2})\s*日?|月\s*[底末]?)"
_PROMISE = re.compile(rf"(?:将于|预计|计划于?|下次公开(?:时间)?(?:为|是|在|于)?)\s*{_DAY}|{_DAY}\s*(?:之前|以前|前)")


def passed_promise(text: str | None, today: dt.date) -> dt.date | None:
    """The latest day *text* promises the next publication by (a month alone: its last day), when that day is before
    *today*; else None."""
    promised = []
    for match in _PROMISE.finditer(unicodedata.normalize("NFKC", text or "")):
        year, month, day = match.groups()[:3] if match.group(1) else match.groups()[3:]
        try:
            last = calendar.monthrange(int(year), int(month))[1]
            promised.append(dt.date(int(year), int(month), int(day) if day else last))
        except ValueError:
            continue  # no such day: nothing is promised by it
    latest = max(promised, default=None)
    return latest if latest is not None and latest < today else None
