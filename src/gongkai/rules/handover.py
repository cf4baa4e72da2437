"""移交两馆: what a 主动公开 record needs to be handed over, and the ledgers of batches already delivered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from gongkai.catalog import Catalog
from gongkai.diagnostics import Location, Severity
from gongkai.holidays import calendar_of
from gongkai.model.base import number_key
from gongkai.model.ledger import WITHDRAWN, holdings, ledger_path

AGAIN = (WITHDRAWN, "更换")  # the 撤换 after which a record is sent again
from gongkai.model.record import Record
from gongkai.publication.handover import (
    ALTERED_HINT,
    FORMATS,
    LEDGER_CUT_RISK,
    LEDGER_DATES_HINT,
    PUBLISHED_AFTER_HINT,
    RENUMBERED_HINT,
    altered,
    handed_over,
    handover_gaps,
    held_marks,
    held_under_another,
    ledger_cut,
    ledger_cut_hint,
    ledger_dates,
    published_after,
    renumbered,
    sha256_of,
)
from gongkai.publication.schedule import missed, unsettled
from gongkai.rules.base import FILE, KEYED, VIEW, Context, Finding, Rule, register, rule
from gongkai.workdays.days import PROVISIONAL_MARK, provisional_note

E, W = Severity.ERROR, Severity.WARNING
RULE_SOURCE = "闽政办函〔2016〕42号"


def _waiting(ctx: Context) -> Iterator[tuple[str, Record]]:
    """主动公开 records published and not yet handed over — once the catalog keeps ledgers at all. A record withdrawn
    by today is not waiting: no batch sends it (gongkai handover leaves it out without a word), and telling the clerk
    to 「补送」 it, or to give it a PDF, would never end.

    A catalog whose bureau does not (yet) hand over with gongkai has no ledger; warning about every record there
    would drown everything else, and gongkai handover reports the same gaps when the first batch is made.
    """
    if not ctx.catalog.models("ledger"):
        return
    sent = holdings(ledger for _, ledger in ctx.catalog.models("ledger"))  # asked back and public again: waiting
    for path, record in ctx.catalog.models("record"):
        if (record.is_public and record.published is not None and record.id not in sent
                and not record.withdrawn_by(ctx.today)):
            yield path, record


def _gap_rule(code: str, slug: str, title: str, what: str, example: str, instead: str) -> None:
    def check(ctx: Context) -> Iterator[Finding]:
        for path, record in _waiting(ctx):
            for gap in handover_gaps(ctx.catalog, record):
                if gap.code == code:
                    yield Finding(Location(path, record.id, gap.field), gap.message, gap.hint)

    why = (f"{RULE_SOURCE}：主动公开的政府信息每月两次送交同级档案馆、图书馆，纸质件与电子件同时报送、数量一致，"
           "电子件只收 PDF 或 CEB；缺少的，gongkai handover 会停下（或用 --allow-incomplete 在备注中注明）。")
    register(Rule(code, slug, title, W, what, why, example, instead, check, scope=KEYED))


_gap_rule("GK501", "handover-attachment-missing", "主动公开信息没有电子文件",
          "检查尚未移交的主动公开信息是否登记了附件（送交两馆的电子文件）；目录中有移交台账后才检查。",
          "公开属性: 主动公开（没有「附件」）", "附件:\n  - 文件: files/2026/R2026-012.pdf")
_gap_rule("GK502", "handover-file-not-found", "附件文件不存在",
          "检查尚未移交的主动公开信息登记的附件文件是否确实在目录文件夹中。",
          "附件:\n  - 文件: files/2026/R2026-012.pdf（文件不存在）", "把 PDF 放到 files/2026/R2026-012.pdf")
_gap_rule("GK503", "handover-format", "附件不是 PDF 或 CEB",
          "检查尚未移交的主动公开信息是否至少有一个 PDF 或 CEB 格式的附件。",
          "附件:\n  - 文件: files/2026/R2026-012.docx", "附件:\n  - 文件: files/2026/R2026-012.pdf")
_gap_rule("GK504", "handover-pages-missing", "缺少页数",
          "检查尚未移交的主动公开信息是否填写了页数（目录表的「页数」栏）。",
          "（信息文件中没有「页数」）", "页数: 3")
register(Rule(
    "GK505", "handover-index-missing", "移交的信息缺少索引号", E,
    "gongkai handover 检查本批每条信息是否有索引号（validate 由 GK307 检查）。",
    f"{RULE_SOURCE}：目录表按索引号登记，原件印有索引号和主动公开标识。",
    "公开属性: 主动公开（没有「索引号」）", "索引号: 350524-MZ-2026-00012",
))


@rule("GK506", "handover-late", "移交两馆超过20个工作日", W,
      what="检查台账中每条信息的送交日期距成文日期是否超过「移交 → 时限工作日」（默认20个工作日）。",
      why="福建省要求主动公开的政府信息自形成或变更之日起20个工作日内送交同级档案馆、图书馆。",
      example="成文日期: 2026-03-02，2026-04-20 才送交",
      instead="在成文后20个工作日内的移交日送交；已超期的在目录表备注中说明。",
      scope=VIEW)
def handover_late(ctx: Context) -> Iterator[Finding]:
    limit = ctx.catalog.agency.handover.limit_workdays if ctx.catalog.agency else 20
    records = ctx.catalog.records
    for record_id, batches in handed_over(ctx.catalog).items():
        record, (path, ledger) = records.get(record_id), batches[0]
        if record is None or ledger.baseline:  # sent before gongkai, on a day nobody recorded
            continue
        formed, sent = record.formed, ledger.delivered
        day_field = "生成日期" if ledger.made is not None else "批次日期"
        # a batch made in January before the new year's notice is entered counts its January days provisionally
        counted = ctx.dated(lambda calendar: (calendar.count_between(formed, sent),
                                              calendar.provisional_years(formed, sent)),
                            Location(path, ledger.id, (day_field,)))
        if counted is not None and counted[0] > limit:
            used, guessed = counted
            index = ledger.record_ids().index(record_id)
            yield Finding(Location(path, ledger.id, ("信息", index, "编号")),
                          f"信息 {record_id} 成文于 {record.formed}，{sent} 才送交两馆，"
                          f"用了{used}个工作日{PROVISIONAL_MARK if guessed else ''}，超过{limit}个工作日",
                          "目录表备注已注明；今后请在时限内的移交日送交。" + provisional_note(guessed))


@rule("GK507", "handover-overdue", "应送交两馆而未送交", W,
      what="检查已公开、尚未移交的主动公开信息，按今天计算是否已超过送交两馆的时限。",
      why="福建省要求主动公开的政府信息自形成或变更之日起20个工作日内送交同级档案馆、图书馆（" + RULE_SOURCE + "）。",
      example="成文日期: 2026-03-02，今天 2026-04-20，台账中没有这条信息",
      instead="在下一个移交日运行 gongkai handover --date …，补送这条信息。",
      scope=KEYED)
def handover_overdue(ctx: Context) -> Iterator[Finding]:
    limit = ctx.catalog.agency.handover.limit_workdays if ctx.catalog.agency else 20
    for path, record in _waiting(ctx):
        here, formed = Location(path, record.id, ("成文日期",)), record.formed
        due = ctx.dated(lambda calendar: calendar.due(formed, limit), here)
        if due is not None and ctx.today > due.date:
            yield Finding(here, f"信息成文于 {record.formed}，应于 {due} 前送交两馆，至今（{ctx.today}）尚未送交",
                          _overdue_hint(record, ctx.today) + due.note())


def _overdue_hint(record: Record, today: dt.date) -> str:
    """What to do: send it with the next batch — unless its 公开日期 is still to come, when no batch can send it yet
    (gongkai handover sends only what is out by the batch day) and 「补送」 sent the clerk to a batch without it."""
    if record.out_by(today):
        return "在下一个移交日运行 gongkai handover --date 移交日，补送这条信息。"
    return (f"它的公开日期 {record.published} 还没到，公开以前不能送交两馆：公开后的第一个移交日，gongkai handover 会把它"
            "列入那一批；公开日期写错的，请改正。")


@rule("GK508", "ledger-record-not-public", "台账中有不可移交的信息", E,
      what="检查移交台账中的每条信息是否存在、是否为主动公开，公开日期是否不晚于送交它的批次。",
      why="只有主动公开的政府信息才能送交两馆；依申请公开、不予公开的信息出现在台账中，说明有信息被误送。",
      example="信息:\n  - 编号: R2026-020（公开属性: 依申请公开）",
      instead="立即联系两馆撤回误送的文件，并更正台账。",
      scope=KEYED)
def ledger_record_not_public(ctx: Context) -> Iterator[Finding]:
    records = ctx.catalog.records
    # a record re-judged after it was sent is asked back by the next batch's 撤换公函 (handover.recall): once asked, done
    recalled = {entry.id for _, ledger in ctx.catalog.models("ledger") for entry in ledger.recalls}
    numbered = ctx.catalog.index_holders  # (answered from the facts store in an incremental run: no record is read)
    unread = ctx.catalog.unreadable("record")
    for path, ledger in ctx.catalog.models("ledger"):
        for index, record_id in enumerate(ledger.record_ids()):
            record = records.get(record_id)
            if record is not None and not record.is_public and record_id in recalled:
                continue
            if record is None and record_id in unread:  # the file is there: 「不存在」 sent the clerk looking for it
                yield Finding(Location(path, ledger.id, ("信息", index, "编号")),
                              f"台账列出的信息 {record_id} 的信息文件读不出来，无法核对它能否移交",
                              f"先改正 {record_id} 的信息文件中的错误（见本次校验对该文件的报告）；它已送交两馆，不要删除它。")
            elif record is None or not record.is_public:
                state = "不存在" if record is None else f"的公开属性是「{record.attribute or '未标识'}」"
                hint = ("核对台账与信息登记；确已改判的，下一次 gongkai handover 会在撤换公函中向两馆撤回。" if record is not None
                        else "核对台账与信息登记；误送的文件应向两馆撤回。")
                renamed = numbered.get(number_key(ledger.records[index].index_number or "")) if record is None else None
                if renamed is not None:  # its 索引号 is now another record's: most likely the same one, renamed
                    state += f"（它送交时的索引号 {ledger.records[index].index_number} 现在是信息 {renamed} 的）"
                    hint = f"{renamed} 若是它改了编号的，把编号（和信息文件名）改回 {record_id}；否则核对信息登记。"
                yield Finding(Location(path, ledger.id, ("信息", index, "编号")), f"台账列出的信息 {record_id} {state}", hint)
            elif (later := published_after(record, ledger.date)) is not None:
                yield Finding(Location(path, ledger.id, ("信息", index, "编号")), later, PUBLISHED_AFTER_HINT)


@rule("GK509", "handover-twice", "同一信息移交了两次", E,
      what="检查同一条信息是否出现在两个移交台账中；尚未送交的信息是否用了两馆已收到的信息的索引号（改了编号，会被再送一次）。",
      why="每条主动公开信息只送交两馆一次；重复送交会让两馆的馆藏重复、台账对不上。更换已送文件应另行发函撤换。",
      example="handover/2026-03-05.yaml 和 handover/2026-03-20.yaml 都列出 R2026-012",
      instead="从后一个台账中删去重复的一条，台账开头的「件数」相应减少。",
      scope=KEYED)
def handover_twice(ctx: Context) -> Iterator[Finding]:
    ledgers = [ledger for _, ledger in ctx.catalog.models("ledger")]
    for record_id, batches in handed_over(ctx.catalog).items():
        before = batches[0][1].date
        for path, ledger in batches[1:]:
            # sent again after a batch's 撤换公函 asked the 两馆 for it back (撤回, then restored), or with the letter
            # that replaces the copy they hold by its changed file (更换): not twice
            if not any(before < other.date <= ledger.date and any(e.id == record_id and e.action in AGAIN
                                                                   for e in other.recalls) for other in ledgers):
                index = ledger.record_ids().index(record_id)
                yield Finding(Location(path, ledger.id, ("信息", index, "编号")),
                              f"信息 {record_id} 已在 {before} 的批次中送交，不应再次送交",
                              "删去重复的一条，并把这个台账开头「件数」中的信息和电子文件减去这一条的（否则 GK514）。")
            before = ledger.date
    # not sent yet, but under the 索引号 of a record the 两馆 hold: renamed after it was sent, the next batch would send
    # it again (gongkai handover stops on the same finding)
    marks = held_marks(ledgers)
    records = ctx.catalog.records
    gone = any(held.id not in records for held in marks.values())  # files are read only when a held record is gone
    for path, record in _waiting(ctx):
        files = [(a.file.rsplit("/", 1)[-1], sha256_of(ctx.catalog, a.file)) for a in record.attachments
                 if gone and a.suffix in FORMATS and ctx.catalog.has_file(a.file)]
        if (twice := held_under_another(record, marks, lambda i: i in records, files)) is not None:
            yield Finding(Location(path, record.id, ("编号",)), *twice)


@rule("GK510", "handover-file-changed", "已送交的文件被修改", W,
      what="检查已送交两馆的电子文件，目录中的版本是否与台账记录的 SHA-256 一致；信息的索引号，以及目录表的题名、文号、页数是否仍是送交时的。",
      why="送交后的文件如需更换，应以撤换函单独报送（" + RULE_SOURCE + "）；悄悄改动会让两馆的版本与网站不一致。",
      example="files/2026/R2026-012.pdf 送交后被替换",
      instead="恢复原文件；确需更换的，另行发函撤换，并登记为新的信息。",
      scope=VIEW)
def handover_file_changed(ctx: Context) -> Iterator[Finding]:
    catalog = ctx.catalog
    held = holdings(ledger for _, ledger in catalog.models("ledger"))
    for path, ledger in catalog.models("ledger"):
        for i, sent in enumerate(ledger.records):
            if held.get(sent.id, ledger.date) != ledger.date:
                continue  # a later batch sent it again (更换, or restored after 撤回): the 两馆 hold that copy
            record = catalog.records.get(sent.id)
            if record is not None and (changed := renumbered(record, sent.index_number, ledger.date)) is not None:
                yield Finding(Location(path, ledger.id, ("信息", i, "索引号")), changed, RENUMBERED_HINT)
            if record is not None and record.is_public:
                for _, label, why in altered(record, sent, ledger.date):
                    yield Finding(Location(path, ledger.id, ("信息", i, label)), why, ALTERED_HINT)
            for j, file in enumerate(sent.files):
                if catalog.has_file(file.file):
                    if sha256_of(catalog, file.file) != file.sha256:
                        yield Finding(Location(path, ledger.id, ("信息", i, "文件", j, "sha256")),
                                      f"{file.file} 与 {ledger.date} 送交时的版本不同",
                                      "恢复原文件；确需更换的，下一批会送交新版本并在撤换公函中请两馆替换（更换）。")
                elif record is not None and record.is_public and not _kept_under_another_name(catalog, record, file.sha256):
                    # renamed and changed at once (or deleted): the 两馆 hold a version the catalog no longer has
                    yield Finding(Location(path, ledger.id, ("信息", i, "文件", j, "文件")),
                                  f"{file.file}（{ledger.date} 送交两馆）已不在目录中，信息 {sent.id} 现在的附件里也没有送交时的版本",
                                  "恢复原文件；确需更换的，另行发函撤换。")


def _kept_under_another_name(catalog: Catalog, record: Record, sha256: str) -> bool:
    """True when one of *record*'s attachments is the file handed over (same content), renamed since."""
    return any(catalog.has_file(a.file) and sha256_of(catalog, a.file) == sha256 for a in record.attachments)


@rule("GK511", "ledger-recipient-unknown", "台账的接收单位未登记", W,
      what="检查移交台账的接收单位是否是 gongkai.yaml「移交 → 接收单位」中的编号。",
      why="台账是两馆签收的凭据，接收单位必须能对应到具体的馆。",
      example="接收单位: [dangan]",
      instead="接收单位: [dag, tsg]",
      scope=FILE)
def ledger_recipient_unknown(ctx: Context) -> Iterator[Finding]:
    agency = ctx.catalog.agency
    known = {r.id for r in agency.handover.recipients} if agency else set()
    for path, ledger in ctx.catalog.models("ledger"):
        for index, recipient in enumerate(ledger.recipients):
            if recipient not in known:
                yield Finding(Location(path, ledger.id, ("接收单位", index)), f"接收单位「{recipient}」未在 gongkai.yaml 登记",
                              f"可用的编号：{'、'.join(sorted(known)) or '（无）'}")


@rule("GK512", "ledger-dates", "台账的覆盖期间与批次日期不符", E,
      what="检查移交台账自己的日期是否一致：覆盖期间结束于批次日期、开始不晚于结束，生成日期不早于批次日期。",
      why=f"{RULE_SOURCE}：目录表写明批次和覆盖期间，两馆按此签收；台账被手工改动后，按台账重新生成的目录表会写出两馆"
          "没有签收过的期间。",
      example="批次日期: 2026-09-20\n覆盖期间:\n  开始: 2026-09-25\n  结束: 2026-09-10",
      instead="批次日期: 2026-09-20\n覆盖期间:\n  开始: 2026-09-08\n  结束: 2026-09-20",
      scope=FILE)
def ledger_dates_disagree(ctx: Context) -> Iterator[Finding]:
    for path, ledger in ctx.catalog.models("ledger"):
        for where, message in ledger_dates(ledger):
            yield Finding(Location(path, ledger.id, where), message, LEDGER_DATES_HINT)


@rule("GK514", "ledger-cut", "台账的件数与所列不符", E,
      what="gongkai handover 在台账开头写下这一批的件数（信息、电子文件、撤换）；检查台账所列的是否与件数相符。",
      why=f"{RULE_SOURCE}：台账是两馆签收的记录。被截断（合并冲突、复制中断）或删去几条的台账，读起来是一个少了几件的批次："
          "少了的信息下一批当作没有送交再送一次，两馆收到同一索引号两次；按它重新生成的目录表也不是两馆签收的那一份。",
      example="件数: {信息: 31, 电子文件: 31, 撤换: 1}\n（信息: 下只列了 30 条：最后一条被删去了）",
      instead="用 git 恢复 gongkai handover 写入的台账原样",
      scope=FILE)
def ledger_counts_disagree(ctx: Context) -> Iterator[Finding]:
    for path, ledger in ctx.catalog.models("ledger"):
        if (why := ledger_cut(ledger)) is not None:
            yield Finding(Location(path, ledger.id, ("件数",)), why + LEDGER_CUT_RISK, ledger_cut_hint(path))


@rule("GK513", "handover-missed", "移交日已过而没有送交", W,
      what="检查最近一次有台账的批次之后、今天之前的每个移交日是否都有台账（目录中有台账后才检查）。",
      why=f"{RULE_SOURCE}：每月5日、20日（节假日顺延）送交；本期没有信息也要送一份写明「本期无主动公开政府信息」的"
          "目录表，没有送交的目录表按逾期计。",
      example="台账只有 handover/2026-09-20.yaml，今天 2026-10-21（10月8日、10月20日两个移交日没有台账）",
      instead="gongkai handover --date 2026-10-20（补做的批次目录表写明含未按时移交的批次）",
      scope=VIEW)
def handover_missed(ctx: Context) -> Iterator[Finding]:
    ledgers = [ledger.date for _, ledger in ctx.catalog.models("ledger")]
    agency = ctx.catalog.agency
    if not ledgers or agency is None:
        return
    last, calendar = max(ledgers), calendar_of(ctx.catalog)
    files = {path for path, _ in ctx.catalog.models("ledger")}  # a ledger named otherwise than its date is GK203's
    # the strict calendar: a handover day is never placed on a provisional (暂定) one, so a year without a notice adds none
    for day in (d for d in missed(last, ctx.today, calendar, agency.handover.days) if ledger_path(d) not in files):
        yield Finding(Location(ledger_path(day)),
                      f"移交日 {day} 已过，没有这一批的台账：这一期的送交信息目录表（本期没有信息也要送）没有送交两馆",
                      f"今天补做：gongkai handover --date {day}（台账记下生成日期），或在下一个移交日生成的一批中一并送交"
                      "（目录表写明含这一批）；这一批已人工送交的，用 gongkai handover baseline 补登。")
    for day, missing in unsettled(last, ctx.today, calendar, agency.handover.days):
        yield Finding(Location(ledger_path(day)),
                      f"移交日 {day}（暂定）已过，没有这一批的台账：{missing.year}年的节假日安排"
                      f"{f'（{missing.broken}）有错误' if missing.broken else '还没有录入'}，"
                      "gongkai handover 不能生成这一批，这一期的送交信息目录表没有送交两馆",
                      f"{missing}然后补做：gongkai handover --date 移交日（录入后用 gongkai handover schedule --year "
                      f"{missing.year} 查看）；这一批已人工送交的，用 gongkai handover baseline 补登。")
