"""依申请公开 registers: the 20 + 20 working-day reply deadline of 《条例》第三十三条, outcomes as in table 三, appeals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath

from gongkai.days import year_slip
from gongkai.diagnostics import Location, Severity
from gongkai.model.request import (
    CORRECTION_NOTICE_WORKDAYS,
    ONE_RESULT_HINT,
    OUTCOMES,
    Appeal,
    Due,
    Request,
    canonical_reason,
    outcome_before_ground,
)
from gongkai.rules.base import FILE, VIEW, Context, Finding, rule
from gongkai.workdays import IMPORT_COMMAND, DueDate
from gongkai.workdays.days import PROVISIONAL_MARK, provisional_note

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO
SOON_WORKDAYS = 5
CATEGORIES = "、".join(OUTCOMES)


def _requests(ctx: Context) -> list[tuple[str, Request]]:
    return ctx.catalog.models("request")


def _shown(due: Due) -> DueDate:
    """A running clock's deadline as the calendar's typed date: printed with 暂定 when it is provisional."""
    assert due.date is not None
    return DueDate(due.date, due.provisional)


# A request is named by its 编号 in every message, never by its 申请内容: what is asked often names the requester
# (「陈金水本人的低保审批材料」), and validate's messages go to CI logs and pull-request annotations. Nor is a 办理结果 or
# 理由 that is not one of table 三's quoted: 「已答复陈金水本人」, 「涉及第三人陈金水的个人隐私」 name someone too.


def _counted_since(ctx: Context, start: dt.date, here: Location) -> tuple[int | None, tuple[int, ...]]:
    """Working days in (start, today], and the years among them counted on the provisional calendar: a day of December
    counted to a day of January before the new year's notice is entered (1月1日 and the weekends only) is said to be
    暂定, never given as final."""
    counted = ctx.dated(lambda calendar: (calendar.count_between(start, ctx.today),
                                          calendar.provisional_years(start, ctx.today)), here)
    return (None, ()) if counted is None else counted


def _paused_past(ctx: Context, paused_since: Callable[[Request], dt.date | None], at: tuple[str, ...],
                 limit: int) -> Iterator[tuple[Request, dt.date, Location, int, tuple[int, ...]]]:
    """Unanswered requests whose reply clock has stood paused (*paused_since*: the day the pause began, None when it
    has ended or none was made) for more than *limit* working days: (request, that day, where it is written, working
    days since, the provisional years among them). One reading for every pause the law bounds (第三方意见, 收费)."""
    for path, request in _requests(ctx):
        start = paused_since(request) if request.replied is None else None
        if start is None:
            continue
        here = Location(path, request.id, at)
        passed, guessed = _counted_since(ctx, start, here)
        if passed is not None and passed > limit:
            yield request, start, here, passed, guessed


def _open_due(ctx: Context) -> Iterator[tuple[str, Request, DueDate, int]]:
    """Unanswered requests with a running clock: (path, request, due date, working days left)."""
    for path, request in _requests(ctx):
        if request.replied is not None:
            continue
        here = Location(path, request.id, ("收到日期",))
        due = ctx.dated(request.due, here)
        if due is None or due.date is None:
            continue
        end = due.date
        left = ctx.dated(lambda calendar: calendar.count_between(ctx.today, end), here)
        if left is not None:
            yield path, request, _shown(due), left


@rule("GK701", "request-overdue", "依申请公开逾期未答复", E,
      what="按工作日计算依申请公开的答复期限（收到申请或补正之日起20个工作日，经批准延长的加上延长的工作日，"
           "征求第三方意见的时间不计算在内），检查今天是否已过期限而仍未答复。",
      why="《政府信息公开条例》第三十三条：能够当场答复的当场答复；不能当场答复的，应当自收到申请之日起20个工作日内"
          "予以答复；需要延长的，经负责人同意并告知申请人，延长的期限最长不得超过20个工作日。",
      example="收到日期: 2026-10-09（没有「答复日期」，今天 2026-11-27）",
      instead="答复日期: 2026-11-05\n办理结果: 予以公开",
      scope=FILE)
def request_overdue(ctx: Context) -> Iterator[Finding]:
    for path, request, due, _ in _open_due(ctx):
        here = Location(path, request.id, ("收到日期",))
        late, guessed = _counted_since(ctx, due.date, here)
        if due.date < ctx.today and late is not None:
            since = () if due.provisional else guessed  # a provisional deadline carries the mark already
            # The day after a Friday deadline is a Saturday: overdue, yet no working day has passed since.
            overdue = (f"已逾期{late}个工作日{PROVISIONAL_MARK if since else ''}" if late
                       else f"期限已过{(ctx.today - due.date).days}天（逾期的工作日从下一个工作日算起）")
            note = due.note() or (provisional_note(since) if late else "")
            yield Finding(here, f"申请 {request.id} 应于 {due} 前答复，{overdue}",
                          "立即答复并填写「答复日期」「办理结果」；确需延长的，延期须在原期限内经负责人批准。" + note)


@rule("GK702", "request-due-soon", "依申请公开即将到期", W,
      what=f"提醒答复期限在{SOON_WORKDAYS}个工作日内（含今天）到期而尚未答复的申请。",
      why="《政府信息公开条例》第三十三条规定了答复期限；提前提醒，留出审核、签发和送达的时间。",
      example="收到日期: 2026-10-30（今天 2026-11-24，期限 2026-11-27）",
      instead="按期答复，或在期限内办理延期审批并告知申请人。",
      scope=FILE)
def request_due_soon(ctx: Context) -> Iterator[Finding]:
    for path, request, due, left in _open_due(ctx):
        if due.date >= ctx.today and left <= SOON_WORKDAYS:
            when = "今天到期" if due.date == ctx.today else f"还剩{left}个工作日"
            yield Finding(Location(path, request.id, ("收到日期",)),
                          f"申请 {request.id} 应于 {due} 前答复，{when}",
                          "按期答复；确需延长的，在期限内经负责人批准并告知申请人（最长20个工作日）。" + due.note())


@rule("GK703", "request-replied-late", "依申请公开逾期答复", W,
      what="检查已答复的申请，答复日期是否晚于答复期限。",
      why="《政府信息公开条例》第三十三条；逾期答复应在年度报告和考核中如实反映。",
      example="收到日期: 2026-03-02\n答复日期: 2026-04-20（期限 2026-03-30）",
      instead="按期答复；已逾期的，在备注中写明原因。",
      scope=FILE)
def request_replied_late(ctx: Context) -> Iterator[Finding]:
    for path, request in _requests(ctx):
        if request.replied is None:
            continue
        here = Location(path, request.id, ("答复日期",))
        due = ctx.dated(request.due, here)
        if due is not None and due.date is not None and request.replied > due.date:
            yield Finding(here, f"答复日期 {request.replied} 晚于答复期限 {_shown(due)}",
                          "核对收到日期、补正、延期和征求第三方意见的日期；确属逾期的，在「备注」中写明原因。"
                          + _shown(due).note())


@rule("GK704", "request-outcome-unknown", "办理结果不是年度报告的类别", E,
      what=f"检查「办理结果」是否为年度报告表三的类别之一：{CATEGORIES}。",
      why="国办公开办函〔2021〕30号规定的年度报告格式按这些类别统计申请的办理结果；不在类别中的结果无法进入表三。",
      example="办理结果: 已答复",
      instead="办理结果: 予以公开",
      scope=FILE)
def request_outcome_unknown(ctx: Context) -> Iterator[Finding]:
    for path, request in _requests(ctx):
        if request.outcome is not None and request.category is None:
            yield Finding(Location(path, request.id, ("办理结果",)),  # (what is written is not quoted: see below)
                          f"申请 {request.id} 的办理结果不是年度报告表三的类别", _outcome_hint(request.outcome))


def _outcome_hint(outcome: str) -> str:
    """How to write a 办理结果 that is no category: one result for several; the category alone, its ground in 理由,
    for 「不予公开（过程性信息）」; else the categories."""
    if sum(category in outcome for category in OUTCOMES) > 1:  # 「予以公开、不予公开」
        return ONE_RESULT_HINT
    if (opening := outcome_before_ground(outcome)) is None:
        return f"改为以下之一：{CATEGORIES}。"
    if not OUTCOMES[opening]:  # 「予以公开（已邮寄）」: nothing for 理由
        return f"「办理结果」只写表三的类别：改为「办理结果: {opening}」，后面的说明写入「备注」。"
    return (f"「办理结果」只写表三的类别：改为「办理结果: {opening}」，把后面的具体情形移到下一行「理由: ……」中"
            f"（可选：{'；'.join(OUTCOMES[opening])}）。")


@rule("GK705", "request-reason-invalid", "办理结果的具体情形有误", E,
      what="不予公开、无法提供、不予处理须在「理由」中写明表三所列的具体情形；其他处理的理由可写逾期不补正、逾期未缴费，"
           "不写的（如申请人撤回申请）计入「3. 其他」；予以公开、部分公开不写理由。理由是逾期不补正、却写了补正日期，"
           "或理由是逾期未缴费、却写了缴费日期的，也是错误。",
      why="年度报告表三按具体情形分行统计（如不予公开的8种情形）；《条例》第三十六条要求告知申请人理由。",
      example="办理结果: 不予公开",
      instead="办理结果: 不予公开\n理由: 属于四类过程性信息",
      scope=FILE)
def request_reason_invalid(ctx: Context) -> Iterator[Finding]:
    for path, request in _requests(ctx):
        category = request.category
        if category is None:
            continue
        reasons = OUTCOMES[category]
        if reasons and canonical_reason(category, request.reason) is None:
            said = "写的理由不是" if request.reason else "没有写明"  # 「涉及第三人陈金水的个人隐私」: not quoted
            yield Finding(Location(path, request.id, ("理由" if request.reason else "办理结果",)),
                          f"{category}{said}表三所列的具体情形",
                          f"写「理由: ……」，可选：{'；'.join(reasons)}。")  # （六）'s own names hold 、
        elif not reasons and request.reason is not None:
            yield Finding(Location(path, request.id, ("理由",)), f"办理结果「{category}」不需要写理由",
                          "删除「理由」，或把说明写入「备注」。")
        elif (unlike := request.reason_unlike_register) is not None:
            field, what, fix = unlike
            yield Finding(Location(path, request.id, field), f"申请 {request.id} 的{what}，表三会计入（六）其他处理",
                          f"{fix}。")


@rule("GK706", "request-reply-incomplete", "答复日期与办理结果不全", E,
      what="检查已答复的申请同时写了「答复日期」和「办理结果」。",
      why="年度报告表三按答复日期所在年度统计办理结果；只写其中一项，申请既不算办结也不算结转，表三无法平衡。",
      example="答复日期: 2026-05-06（没有「办理结果」）",
      instead="答复日期: 2026-05-06\n办理结果: 予以公开",
      scope=FILE)
def request_reply_incomplete(ctx: Context) -> Iterator[Finding]:
    for path, request in _requests(ctx):
        if request.replied is not None and request.outcome is None:
            yield Finding(Location(path, request.id, ("答复日期",)), "写了答复日期，却没有写办理结果",
                          f"添加「办理结果: ……」，可选：{CATEGORIES}。")
        if request.outcome is not None and request.replied is None:
            yield Finding(Location(path, request.id, ("办理结果",)), "写了办理结果，却没有写答复日期",
                          "添加「答复日期: YYYY-MM-DD」（答复书送达申请人的日期）。")


def _order_problems(request: Request) -> Iterator[tuple[tuple[str, ...], str]]:
    received = request.received
    if request.replied is not None and request.replied < received:
        yield ("答复日期",), f"答复日期 {request.replied} 早于收到日期 {received}"
    correction = request.correction
    if correction is not None:
        if correction.notified < received:
            yield ("补正", "通知日期"), f"补正通知日期 {correction.notified} 早于收到日期 {received}"
        if correction.corrected is not None and correction.corrected < correction.notified:
            yield ("补正", "补正日期"), f"补正日期 {correction.corrected} 早于补正通知日期 {correction.notified}"
    consultation = request.consultation
    if consultation is not None:
        if consultation.start < received:
            yield ("征求第三方意见", "开始"), f"征求第三方意见的开始日期 {consultation.start} 早于收到日期 {received}"
        if consultation.end is not None and consultation.end < consultation.start:
            yield ("征求第三方意见", "结束"), f"征求第三方意见的结束日期 {consultation.end} 早于开始日期 {consultation.start}"
    fee = request.fee
    if fee is not None:
        if fee.notified < received:
            yield ("收费", "通知日期"), f"收费通知日期 {fee.notified} 早于收到日期 {received}"
        if fee.paid is not None and fee.paid < fee.notified:
            yield ("收费", "缴费日期"), f"缴费日期 {fee.paid} 早于收费通知日期 {fee.notified}"
    if request.extension is not None and request.extension.approved < received:
        yield ("延期", "批准日期"), f"延期批准日期 {request.extension.approved} 早于收到日期 {received}"
    yield from _after_reply(request)


def _steps(request: Request) -> list[tuple[tuple[str, ...], str, dt.date | None]]:
    """The dated steps between receipt and reply that move the deadline (补正, consultation, fee, extension): (field,
    what it is called, its day or None)."""
    correction, consultation, extension, fee = request.correction, request.consultation, request.extension, request.fee
    return [(("补正", "通知日期"), "补正通知日期", correction.notified if correction else None),
            (("补正", "补正日期"), "补正日期", correction.corrected if correction else None),
            (("征求第三方意见", "开始"), "征求第三方意见的开始日期", consultation.start if consultation else None),
            (("征求第三方意见", "结束"), "征求第三方意见的结束日期", consultation.end if consultation else None),
            (("收费", "通知日期"), "收费通知日期", fee.notified if fee else None),
            (("收费", "缴费日期"), "缴费日期", fee.paid if fee else None),
            (("延期", "批准日期"), "延期批准日期", extension.approved if extension else None)]


def _after_reply(request: Request) -> Iterator[tuple[tuple[str, ...], str]]:
    """Steps dated after the reply that ended them: a typo that moves the deadline (补正, consultation, fee,
    extension)."""
    replied = request.replied
    if replied is None or replied < request.received:
        return
    for field, label, day in _steps(request):
        if day and day > replied:
            yield field, f"{label} {day} 晚于答复日期 {replied}"


@rule("GK707", "request-dates-out-of-order", "申请登记的日期先后颠倒", E,
      what="检查收到、补正、征求第三方意见、收费通知和缴费、延期批准和答复的日期先后是否合理：都不早于收到日期，也不晚于答复日期。",
      why="答复期限从收到（或补正）之日起算；日期颠倒通常是录入错误，会把期限算错。",
      example="收到日期: 2026-05-06\n答复日期: 2026-05-02",
      instead="核对登记簿和答复书，改正日期。",
      scope=FILE)
def request_dates_out_of_order(ctx: Context) -> Iterator[Finding]:
    for path, request in _requests(ctx):
        for field, message in _order_problems(request):
            yield Finding(Location(path, request.id, field), message, "核对登记簿和相关文书，改正日期。")


@rule("GK708", "extension-approved-late", "延期在原期限届满后才批准", W,
      what="检查延期答复是否在原20个工作日期限内经批准（征求第三方意见的时间不计算在内，原期限相应顺延）。",
      why="《政府信息公开条例》第三十三条第二款：需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人；"
          "期限届满后才延期，等于逾期答复。",
      example="收到日期: 2026-03-02\n延期: {批准人: 詹辉儒, 批准日期: 2026-04-10, 延长工作日: 20}",
      instead="在原期限（2026-03-30）前办理延期审批并告知申请人。",
      scope=FILE)
def extension_approved_late(ctx: Context) -> Iterator[Finding]:
    for path, request in _requests(ctx):
        if request.extension is None:
            continue
        here = Location(path, request.id, ("延期", "批准日期"))
        first = ctx.dated(request.first_due, here)
        if first is not None and first.date is not None and request.extension.approved > first.date:
            yield Finding(here, f"延期批准日期 {request.extension.approved} 晚于原答复期限 {_shown(first)}",
                          "延期须在原期限内经负责人批准并告知申请人；核对批准日期。" + _shown(first).note())


@rule("GK709", "correction-notice-late", "补正通知超过7个工作日", W,
      what=f"检查要求补正的申请，补正通知是否在收到申请之日起{CORRECTION_NOTICE_WORKDAYS}个工作日内发出。",
      why="《政府信息公开条例》第三十条：申请内容不明确的，应当给予指导和释明，并自收到申请之日起7个工作日内"
          "一次性告知申请人作出补正。",
      example="收到日期: 2026-03-02\n补正: {通知日期: 2026-03-20}",
      instead="补正: {通知日期: 2026-03-06, 补正日期: 2026-03-12}",
      scope=FILE)
def correction_notice_late(ctx: Context) -> Iterator[Finding]:
    for path, request in _requests(ctx):
        if request.correction is None:
            continue
        here, received = Location(path, request.id, ("补正", "通知日期")), request.received
        limit = ctx.dated(lambda calendar: calendar.due(received, CORRECTION_NOTICE_WORKDAYS), here)
        if limit is not None and request.correction.notified > limit.date:
            yield Finding(here, f"补正通知日期 {request.correction.notified} 晚于收到申请后"
                                f"{CORRECTION_NOTICE_WORKDAYS}个工作日（{limit}）",
                          "补正通知应在7个工作日内一次性发出；核对通知日期。" + limit.note())


@rule("GK710", "register-file-name-mismatch", "登记文件名与编号不一致", E,
      what="检查 requests/、appeals/ 下的文件名（不含 .yaml）是否等于文件里的编号，且编号不重复。",
      why="看文件名就能找到登记；复制文件后忘记改编号会让两条登记互相覆盖。",
      example="文件 requests/2026/YSQ-2026-002.yaml 里写「编号: YSQ-2026-001」",
      instead="把文件改名为 YSQ-2026-001.yaml，或把编号改为 YSQ-2026-002。",
      scope=VIEW)
def register_file_names(ctx: Context) -> Iterator[Finding]:
    yield from misnamed(ctx, ("request", "appeal"))


def misnamed(ctx: Context, kinds: tuple[str, ...]) -> Iterator[Finding]:
    """Register files whose name is not their 编号, and 编号 used twice (the first file keeps it)."""
    for kind in kinds:
        seen: dict[str, str] = {}
        for path, model in ctx.catalog.models(kind):
            stem = PurePosixPath(path).stem
            if stem != model.id:
                yield Finding(Location(path, model.id, ("编号",)), f"文件名「{stem}」与编号「{model.id}」不一致",
                              f"把文件改名为 {model.id}.yaml，或改正编号。")
            elif model.id in seen:
                yield Finding(Location(path, model.id, ("编号",)), f"编号「{model.id}」重复，已在 {seen[model.id]} 中使用",
                              "每个编号只能用一次。")
            seen.setdefault(model.id, path)


@rule("GK711", "appeal-route", "行政诉讼未写起诉方式", E,
      what="行政诉讼须写「起诉方式」（未经复议直接起诉 或 复议后起诉）；行政复议不写。",
      why="年度报告表四把行政诉讼分为「未经复议直接起诉」和「复议后起诉」两组统计。",
      example="类型: 行政诉讼",
      instead="类型: 行政诉讼\n起诉方式: 复议后起诉",
      scope=FILE)
def appeal_route(ctx: Context) -> Iterator[Finding]:
    appeals: list[tuple[str, Appeal]] = ctx.catalog.models("appeal")
    for path, appeal in appeals:
        if appeal.kind == "行政诉讼" and appeal.route is None:
            yield Finding(Location(path, appeal.id, ("类型",)), "行政诉讼没有写起诉方式",
                          "添加「起诉方式: 未经复议直接起诉」或「起诉方式: 复议后起诉」。")
        if appeal.kind == "行政复议" and appeal.route is not None:
            yield Finding(Location(path, appeal.id, ("起诉方式",)), "行政复议不需要写起诉方式",
                          "删除「起诉方式」；若这是行政诉讼，把类型改为「行政诉讼」。")


@rule("GK712", "appeal-result-inconsistent", "复议诉讼结果与结案日期不符", E,
      what="已审结（维持、纠正、其他）的案件须写结案日期；尚未审结的不写结案日期；结案日期不早于收到日期。",
      why="年度报告表四按年底时的状态统计「尚未审结」；结案日期决定案件在哪一年算作审结。",
      example="结果: 维持（没有「结案日期」）",
      instead="结果: 维持\n结案日期: 2026-08-14",
      scope=FILE)
def appeal_result_inconsistent(ctx: Context) -> Iterator[Finding]:
    for path, appeal in ctx.catalog.models("appeal"):
        if appeal.result != "尚未审结" and appeal.closed is None:
            yield Finding(Location(path, appeal.id, ("结果",)), f"结果为「{appeal.result}」，却没有结案日期",
                          "添加「结案日期: YYYY-MM-DD」。")
        elif appeal.result == "尚未审结" and appeal.closed is not None:
            yield Finding(Location(path, appeal.id, ("结案日期",)), "写了结案日期，结果却是「尚未审结」",
                          "写明结果：维持、纠正或其他。")
        if appeal.closed is not None and appeal.closed < appeal.received:
            yield Finding(Location(path, appeal.id, ("结案日期",)),
                          f"结案日期 {appeal.closed} 早于收到日期 {appeal.received}", "核对并改正日期。")


@rule("GK713", "appeal-request-unknown", "关联申请不存在", W,
      what="检查复议诉讼的「关联申请」是否为 requests/ 中登记的申请编号。",
      why="复议诉讼多因依申请公开的答复而起；关联到登记的申请，才能追溯答复是否合法、是否按期。",
      example="关联申请: YSQ-2026-099（没有这条登记）",
      instead="关联申请: YSQ-2026-003",
      scope=VIEW)
def appeal_request_unknown(ctx: Context) -> Iterator[Finding]:
    known = {request.id for _, request in _requests(ctx)}
    for path, appeal in ctx.catalog.models("appeal"):
        if appeal.request is not None and appeal.request not in known:
            yield Finding(Location(path, appeal.id, ("关联申请",)), f"关联申请「{appeal.request}」没有登记",
                          "填写 requests/ 中已登记的申请编号，或先登记该申请。")


@rule("GK714", "annual-year-mismatch", "年度报告数据的年度与文件名不一致", E,
      what="检查 annual/<年份>.yaml 中的「年度」是否与文件名一致。",
      why="gongkai report annual --year 按文件名找数据；年度写错会把别的年份的数字写进报告。",
      example="文件 annual/2026.yaml 里写「年度: 2025」",
      instead="年度: 2026",
      scope=FILE)
def annual_year_mismatch(ctx: Context) -> Iterator[Finding]:
    for path, data in ctx.catalog.models("annual"):
        stem = PurePosixPath(path).stem
        if stem != str(data.year):
            yield Finding(Location(path, None, ("年度",)), f"文件名「{stem}」与年度「{data.year}」不一致",
                          f"把文件改名为 annual/{data.year}.yaml，或改正年度。")


@rule("GK715", "request-unknown-unit", "承办单位不存在", E,
      what="检查申请的「承办单位」是否为 gongkai.yaml 中登记的单位编号。",
      why="考核按单位统计依申请公开的办理情况。",
      example="承办单位: 社会救助股",
      instead="承办单位: shjzg",
      scope=FILE)
def request_unknown_unit(ctx: Context) -> Iterator[Finding]:
    yield from unknown_units(ctx, "request")


def unknown_units(ctx: Context, kind: str) -> Iterator[Finding]:
    """Register entries whose 承办单位 is not a unit of gongkai.yaml."""
    agency = ctx.catalog.agency
    units = {u.id for u in agency.units} if agency else set()
    for path, entry in ctx.catalog.models(kind):
        if units and entry.unit is not None and entry.unit not in units:
            yield Finding(Location(path, entry.id, ("承办单位",)), f"承办单位「{entry.unit}」不在 gongkai.yaml 的单位中",
                          "填写 gongkai.yaml「单位」中的编号。")


@rule("GK716", "request-calendar-missing", "答复期限暂定：缺少节假日安排", W,
      what="尚未答复的申请，答复期限落在还没有录入国务院节假日安排的年份时提示：期限暂按周末和法定节假日计算。",
      why="答复期限按工作日计算（《政府信息公开条例》第三十三条）；下一年的调休要等国务院办公厅的通知，"
          "录入前算出的期限可能提前或推后，只能作为暂定。",
      example="收到日期: 2026-12-20（没有 calendar/2027.yaml，期限落在2027年1月）",
      instead=f"通知发布后运行 {IMPORT_COMMAND} 录入 calendar/2027.yaml，期限按正式安排重新计算。",
      scope=FILE)
def request_calendar_missing(ctx: Context) -> Iterator[Finding]:
    for path, request, due, _ in _open_due(ctx):
        if due.provisional:
            yield Finding(Location(path, request.id, ("收到日期",)),
                          f"申请 {request.id} 的答复期限暂定为 {due.date}",
                          due.note())


THIRD_PARTY_WORKDAYS = 15  # 《条例》第三十二条: the third party answers within 15 working days of the letter


@rule("GK718", "request-consultation-open", "征求第三方意见超过15个工作日仍未结束", W,
      what=f"尚未答复的申请，征求第三方意见从「开始」起已过{THIRD_PARTY_WORKDAYS}个工作日，仍没有写「结束」时提醒："
           "结束日期空着，答复期限一直暂停，这件申请年年结转。",
      why="《政府信息公开条例》第三十二条：第三方应当自收到征求意见书之日起15个工作日内提出意见；第三方逾期未提出意见的，"
          "由行政机关依照本条例的规定决定是否公开。征求意见的时间不计入答复期限（第三十三条第三款），但不能无限期暂停。",
      example="征求第三方意见:\n  开始: 2026-03-02（没有「结束」，今天 2026-03-24）",
      instead="征求第三方意见:\n  开始: 2026-03-02\n  结束: 2026-03-23",
      scope=FILE)
def request_consultation_open(ctx: Context) -> Iterator[Finding]:
    def open_since(request: Request) -> dt.date | None:
        consultation = request.consultation
        return consultation.start if consultation is not None and consultation.end is None else None

    for request, start, here, passed, guessed in _paused_past(ctx, open_since, ("征求第三方意见", "开始"),
                                                               THIRD_PARTY_WORKDAYS):
        yield Finding(here, f"申请 {request.id} 自 {start} 征求第三方意见，已过{passed}个工作日"
                            f"{PROVISIONAL_MARK if guessed else ''}仍没有「结束」，答复期限一直暂停",
                      "收到第三方意见的，写上「结束」日期；第三方15个工作日内没有提出意见的，由本机关决定是否公开，"
                      "写上期满之日为「结束」，答复期限接着计算（《条例》第三十二条）。" + provisional_note(guessed))


FEE_PAYMENT_WORKDAYS = 20  # 国办函〔2020〕109号: the fee is paid within 20 working days of the 收费通知


@rule("GK720", "request-fee-unpaid", "收费通知送达已过20个工作日仍未缴费", W,
      what=f"尚未答复的申请，收费通知从「通知日期」起已过{FEE_PAYMENT_WORKDAYS}个工作日，仍没有写「缴费日期」时提醒："
           "缴费日期空着，答复期限一直暂停，这件申请年年结转。",
      why="《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）：申请人应当在收到收费通知之日起20个工作日内缴纳费用，"
          "逾期未缴纳的视为放弃申请，行政机关不再处理；收费通知送达至缴费完成的时间不计算在答复期限内。",
      example="收费:\n  通知日期: 2026-03-02（没有「缴费日期」，今天 2026-04-01）",
      instead="办理结果: 其他处理\n理由: 逾期未缴费\n答复日期: 2026-04-01",
      scope=FILE)
def request_fee_unpaid(ctx: Context) -> Iterator[Finding]:
    def unpaid_since(request: Request) -> dt.date | None:
        fee = request.fee
        return fee.notified if fee is not None and fee.paid is None else None

    for request, notified, here, passed, guessed in _paused_past(ctx, unpaid_since, ("收费", "通知日期"),
                                                                  FEE_PAYMENT_WORKDAYS):
        yield Finding(here, f"申请 {request.id} 在 {notified} 送达收费通知，已过{passed}个工作日"
                            f"{PROVISIONAL_MARK if guessed else ''}仍没有「缴费日期」，答复期限一直暂停",
                      "申请人已缴费的，写上「缴费日期」，答复期限接着计算；20个工作日内没有缴费的，视为放弃申请，"
                      "写「办理结果: 其他处理」「理由: 逾期未缴费」和不再处理的日期（国办函〔2020〕109号）。"
                      + provisional_note(guessed))


@rule("GK717", "request-dated-in-future", "申请登记的日期在今天之后", W,
      what="检查收到日期、答复日期，以及补正、征求第三方意见、收费通知和缴费、延期批准的日期是否晚于今天。",
      why="登记的是已经发生的事；未来的日期多是年份或月份输错了。补正日期、征求意见的结束日期写成以后的日子，"
          "答复期限就跟着推到以后，逾期也不会报出来。",
      example="收到日期: 2062-03-05",
      instead="收到日期: 2026-03-05",
      scope=FILE)
def request_dated_in_future(ctx: Context) -> Iterator[Finding]:
    yield from dated_in_future(ctx, "request")
    for path, request in _requests(ctx):
        for field, label, day in _steps(request):
            if day is not None and day > ctx.today:
                yield Finding(Location(path, request.id, field), f"{label} {day} 在今天（{ctx.today}）之后",
                              "核对年份和月份；还没有发生的（如尚未收到补正、征求意见还没有结束），先不写这个日期：期限暂停计算。")


@rule("GK719", "request-year-slip", "收到日期比编号的年份早了近一年", W,
      what="检查收到日期是否在编号所写年份的上一年12月之前（如编号 YSQ-2027-001，收到日期 2026-01-05）。",
      why="每年1月最容易把新年份写成上一年；这样一件申请会算进上一年度报告表三的「本年新收」和「结转下年度」，"
          "年度报告正是1月编制的，答复期限也被说成已逾期几百个工作日。",
      example="编号: YSQ-2027-001 / 收到日期: 2026-01-05",
      instead="收到日期: 2027-01-05",
      scope=FILE)
def request_year_slip(ctx: Context) -> Iterator[Finding]:
    for path, entry in _requests(ctx):
        year = year_slip(entry.id, entry.received)
        if year is not None:
            yield Finding(Location(path, entry.id, ("收到日期",)),
                          f"编号 {entry.id} 是{year}年的，收到日期却是 {entry.received}：是不是把{year}年写成了{entry.received.year}年？"
                          f"这样它算在{entry.received.year}年度报告的表三中",
                          f"核对收到日期的年份；申请确实是{entry.received.year}年收到的，改正编号（和文件名）。")


def dated_in_future(ctx: Context, kind: str) -> Iterator[Finding]:
    """Register entries received or answered after today."""
    for path, entry in ctx.catalog.models(kind):
        for key, value in (("收到日期", entry.received), ("答复日期", entry.replied)):
            if value is not None and value > ctx.today:
                yield Finding(Location(path, entry.id, (key,)), f"{key} {value} 在今天（{ctx.today}）之后",
                              "核对年份和月份。")
