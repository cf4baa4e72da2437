"""保密审查 before publication (条例第十七条, DOMAIN.md §5): a 主动公开 record leaves the building only once it has been
reviewed, on or before the day, with a conclusion that lets it out. Shared by the gate and the GK303 rule."""

from __future__ import annotations

import datetime as dt
import functools
import re

from gongkai.model import Record

# Words that end a clause clearing the document: an approval, or the start of a refusal (不同意, 暂不, 待定 …), so that
# 「不涉及国家秘密同意主动公开」 and 「不涉密但不同意公开」 written without a comma are read as two clauses.
_CLAUSE_END = r"(?!同意|可以|可予|可主动|准予|予以|主动公开|不|未|暂|待|拟|非|但)"
# A clause that clears the document (不涉及国家秘密、商业秘密和个人隐私; 不涉密; 未发现涉密内容; 无密级): a negation, then
# up to the first word of a secret, then on to the end of the clause. Removed before the conclusion is read for a
# secret.
_CLEARED = re.compile(r"(?:不|未|没有|无)[^，。；,;：:\s]*?(?:秘密|涉密|密级|密|隐私)"
                      rf"(?:{_CLAUSE_END}[^，。；,;：:\s])*")
# What says the document holds a secret, or that it may not (yet) be published as it is: a refusal, or an approval
# on a condition still to be met — something to delete, hide or change first (「删除个人信息后同意公开」, 「可公开，但需
# 隐去姓名」, 「同意主动公开（脱敏处理后）」): the file as registered is the one not yet changed, and the names in it would go
# out. A change already made (「已删除个人信息，同意公开」, 「经脱敏处理后，同意公开」, 「已对姓名遮盖后，同意公开」) or not
# needed (「无需修改」) is no condition.
_CHANGE = r"删除|删去|删减|隐去|隐藏|去除|遮盖|遮挡|屏蔽|脱敏|脱密|修改"
_SECRET = re.compile(r"秘密|涉密|密级|绝密|机密|内部|敏感")
_REFUSED = re.compile(r"不同意|不宜|不得|不予|不能|不可|不应|暂缓|暂不|禁止|未通过|不通过|待定|待审|未审|尚未|缓发|撤回|"
                      r"依申请|处理后再|不[^，。；,;]{0,3}公开|非公开")
_CONDITION = re.compile(rf"(?<![无不])(?:需|须|需要|应|应当|请)[^，。；,;]{{0,6}}?(?:{_CHANGE}|处理)|"
                        rf"(?:^|(?<=[，。；,;（(]))[^，。；,;（(已经]*?(?:{_CHANGE})[^，。；,;）)]{{0,10}}?后")
# Every conclusion that lets a document out says so (同意主动公开, 可以公开, 可主动公开, 准予公开, 无异议), or is the
# bare decision (主动公开, 公开).
_APPROVED = re.compile(r"同意|可以|可予|可主动|可公开|准予|予以|无异议|通过|(?:^|[，。；,;])(?:主动)?公开(?:发布)?[。.]?$")


def review_problem(record: Record, today: dt.date) -> str | None:
    """Why *record* may not leave the building on *today* for want of a 保密审查 (in Chinese), or None: no review
    recorded, one dated after *today* (not done yet), or a conclusion that does not let it out."""
    review = record.review
    if review is None:
        return "没有保密审查记录（GK303），未经保密审查的信息不能公开"
    if review.date > today:
        return f"保密审查日期 {review.date} 还没有到（GK304），审查之前不能公开"
    problem = conclusion_problem(review.conclusion)
    return None if problem is None else f"{problem}（GK303），不能公开"


@functools.lru_cache(maxsize=1024)  # the same few conclusions, record after record
def conclusion_problem(conclusion: str) -> str | None:
    """Why a 保密审查 *conclusion* does not let the document out, or None when it does."""
    text = _CLEARED.sub("", re.sub(r"\s+", "", conclusion))
    if _SECRET.search(text) or _REFUSED.search(text) or not _APPROVED.search(text):
        return f"保密审查结论「{conclusion.strip()}」没有同意主动公开"
    if (condition := _CONDITION.search(text)) is not None:
        return f"保密审查结论「{conclusion.strip()}」要先改（「{condition.group(0)}」）才同意公开，没有同意按现在登记的内容主动公开"
    return None
