"""What a 主动公开 record needs before it is handed over to the 两馆 (闽政办函〔2016〕42号).

Shared by the handover (which stops the batch or notes the gap in 备注) and the rules (which warn ahead of time).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from gongkai.catalog import Catalog
from gongkai.model.base import number_key
from gongkai.model.ledger import Ledger, SentRecord, holdings
from gongkai.model.record import Record

FORMATS = ("pdf", "ceb")  # the only electronic formats the 两馆 accept
GAP_CODES = frozenset({"GK501", "GK502", "GK503", "GK504", "GK505"})  # what --allow-incomplete lets through (备注)


@dataclass(frozen=True)
class Gap:
    """Something a record lacks for the handover: the rule, the field, the message, a hint, the 备注 text."""

    code: str
    field: tuple[str | int, ...]
    message: str
    hint: str
    remark: str


def handed_over(catalog: Catalog) -> dict[str, list[tuple[str, Ledger]]]:
    """Record id → every (ledger path, ledger) that lists it, oldest batch first."""
    found: dict[str, list[tuple[str, Ledger]]] = {}
    for path, ledger in sorted(catalog.models("ledger"), key=lambda pl: pl[1].date):
        for record_id in ledger.record_ids():
            found.setdefault(record_id, []).append((path, ledger))
    return found


@dataclass(frozen=True)
class Delivery:
    """Where a 主动公开 record stands with the 两馆 on a day, as validate judges it: the batch that first sent it
    (GK506 times that one), or why none will (withdrawn first), or that it waits (GK507 once past its time)."""

    ledger: str | None = None  # the ledger of the batch that first sent it
    day: dt.date | None = None  # the day that batch was really handed over (its 生成日期 when made late)
    by_hand: bool = False  # a 补登 ledger: sent by hand before gongkai, on no day anyone timed
    withdrawn: dt.date | None = None  # withdrawn before any batch sent it: no batch ever will
    kept: bool = True  # whether the catalog keeps ledgers at all (without them nothing is known either way)
    not_out: dt.date | None = None  # a 公开日期 still to come: no batch sends it before


def delivery_of(catalog: Catalog, record: Record, today: dt.date) -> Delivery:
    """Whether and when *record* was handed over to the 两馆, as of *today*."""
    batches = handed_over(catalog).get(record.id)
    if batches:
        path, ledger = batches[0]
        return Delivery(path, ledger.delivered, ledger.baseline)
    if record.withdrawn is not None and record.withdrawn_by(today):
        return Delivery(withdrawn=record.withdrawn.date)
    later = record.published if record.published is not None and not record.out_by(today) else None
    return Delivery(kept=bool(catalog.models("ledger")), not_out=later)


def handover_gaps(catalog: Catalog, record: Record) -> list[Gap]:
    """What *record* lacks to be handed over: a PDF/CEB attachment that exists, 页数, 索引号."""
    gaps: list[Gap] = []
    if not record.attachments:
        gaps.append(Gap("GK501", ("编号",), f"信息「{record.title}」没有附件，无法向两馆送交电子文件",
                        # (its own file as the example: a clerk who copies the path copies no other record's PDF)
                        f"在「附件」中登记 PDF 或 CEB 文件，如 files/{record.formed.year}/{record.id}.pdf。", "缺电子文件"))
    for i, attachment in enumerate(record.attachments):
        if not catalog.has_file(attachment.file):
            gaps.append(Gap("GK502", ("附件", i, "文件"), f"附件文件「{attachment.file}」不存在",
                            "把文件放到目录文件夹中的这个位置，或改正路径。", f"电子文件{attachment.file}缺失"))
    if record.attachments and not any(a.suffix in FORMATS for a in record.attachments):
        gaps.append(Gap("GK503", ("附件",), "附件没有 PDF 或 CEB 格式的文件，两馆只接收 PDF 或 CEB",
                        "把公文另存为 PDF（或 CEB）并登记为附件。", "无PDF/CEB电子文件"))
    if record.pages is None:
        gaps.append(Gap("GK504", ("编号",), "没有填写「页数」，目录表需要页数", "填写纸质文件的页数，如「页数: 3」。",
                        "缺页数"))
    if not record.index_number:
        gaps.append(Gap("GK505", ("编号",), "没有索引号，目录表按索引号登记", "填写本机关的索引号。", "缺索引号"))
    return gaps


def published_after(record: Record, batch: dt.date) -> str | None:
    """Why *record*, listed in the ledger of the batch of *batch*, could not have been in it: its 公开日期 is now later
    than the batch (changed after it was handed over, or a date typed wrong); None when it is not."""
    if record.published is None or record.published <= batch:
        return None
    return (f"台账 {batch} 这一批送交了信息 {record.id}，但它现在的公开日期 {record.published} 晚于这一批："
            "送交两馆的只能是已经公开的信息")


def renumbered(record: Record, sent_as: str | None, batch: dt.date) -> str | None:
    """Why *record* no longer matches the 索引号 it was handed over under in the batch of *batch*; None when it does.
    The 两馆 register what they receive by its 索引号: renumbering afterwards leaves them holding a number that is
    nowhere in the catalog."""
    if sent_as is None or record.index_number == sent_as:
        return None
    now = f"现在是 {record.index_number}" if record.index_number else "现在没有索引号"
    return f"信息 {record.id} 在 {batch} 的批次中以索引号 {sent_as} 送交两馆，{now}：两馆按索引号登记，送交后不能再改"


# The 目录表 fields a ledger keeps as the 两馆 signed for them: (attribute of SentRecord and Record, name in Chinese)
SIGNED_FIELDS = (("title", "题名"), ("doc_number", "文号"), ("pages", "页数"))


def altered(record: Record, sent: SentRecord, batch: dt.date) -> list[tuple[str, str, str]]:
    """(attribute, field, why) for each 目录表 field of *record* (题名, 文号, 页数) that differs from what the ledger of
    the batch of *batch* recorded (*sent*): the 两馆 registered the old words, and a batch made again prints them. A
    ledger written before these fields were kept records none, and nothing is said."""
    found: list[tuple[str, str, str]] = []
    for attribute, label in SIGNED_FIELDS:
        was, now = getattr(sent, attribute), getattr(record, attribute)
        if was is not None and was != now and not _as_shown(was, now):
            # (a title is not quoted as it is now: the ledger has it as shown, with a name masked; the catalog not)
            now_text = "现在的已不同" if attribute == "title" else f"现在是「{now}」" if now is not None else "现在没有填写"
            found.append((attribute, label, f"信息 {record.id} 在 {batch} 的批次中以{label}「{was}」送交两馆，{now_text}："
                                 f"两馆的目录表登记的是送交时的{label}"))
    return found


def _as_shown(was: object, now: object) -> bool:
    """True when the ledger's *was* is *now* as every output shows it: the gate masks a name its list holds (or a
    number) in a title character for character with 「*」 (关于陈*生家庭…), and the 目录表 — and so the ledger — has the
    title shown; the catalog keeps it whole."""
    return (isinstance(was, str) and isinstance(now, str) and len(was) == len(now)
            and all(a == b or a == "*" for a, b in zip(was, now, strict=True)))


ALTERED_HINT = ("送交的文件没有更正的，把这一栏改回送交时的样子（按台账重新生成的目录表照台账所记）；文件本身更正了的，"
                "把更正后的 PDF 作为附件，下一批会送交新版本，并在撤换公函中请两馆更换。")


@dataclass(frozen=True)
class Held:
    """A record the 两馆 hold (model.ledger.holdings): the 编号 it was handed over under, the batch, its 索引号."""

    id: str
    batch: dt.date
    index_number: str | None


def held_marks(ledgers: Iterable[Ledger]) -> dict[tuple[str, str], Held]:
    """What the 两馆 know each record they hold by: ("索引号", number_key) — the number they registered it by — and
    ("sha256", checksum) for each of its electronic files."""
    ledgers = list(ledgers)
    held = holdings(ledgers)
    marks: dict[tuple[str, str], Held] = {}
    for ledger in ledgers:
        for sent in ledger.records:
            if held.get(sent.id) == ledger.date:
                holder = Held(sent.id, ledger.date, sent.index_number)
                marks.update({("sha256", f.sha256): holder for f in sent.files})
                if sent.index_number:  # 350524-mz-2026-00002 is the number the 两馆 registered as 350524-MZ-2026-00002
                    marks["索引号", number_key(sent.index_number)] = holder
    return marks


def held_under_another(record: Record, marks: Mapping[tuple[str, str], Held], present: Callable[[str], bool],
                       files: Iterable[tuple[str, str]] = ()) -> tuple[str, str] | None:
    """(why, hint) when *record*, not yet handed over, is one the 两馆 already hold under another 编号 (*marks*:
    held_marks): it carries that record's 索引号, or — that record gone from the catalog — one of its files (*files*:
    name and SHA-256 of *record*'s PDF/CEB). A record whose 编号 (and 索引号) was changed after it was sent would
    otherwise go to the 两馆 a second time, as a new record. None otherwise."""
    held = marks.get(("索引号", number_key(record.index_number or "")))
    if held is not None and held.id != record.id:
        why = (f"信息 {record.id} 的索引号 {record.index_number} 已在 {held.batch} 的批次中随信息 {held.id} 送交两馆，"
               "再送就是同一份文件送了两次")
        if present(held.id):
            return why, f"两条信息不能用同一个索引号：给 {record.id} 填写它自己的索引号。"
        return why, (f"{record.id} 是 {held.id} 改了编号的：把编号（和信息文件名）改回 {held.id}，台账按编号记下两馆收到的"
                     "信息；确是另一份信息的，给它填写自己的索引号。")
    for name, sha256 in files:
        held = marks.get(("sha256", sha256))
        if held is not None and held.id != record.id and not present(held.id):
            number = f"、索引号 {held.index_number}" if held.index_number else ""
            return (f"信息 {record.id} 的电子文件 {name} 与 {held.batch} 的批次中随信息 {held.id}{number} 送交两馆的文件内容相同，"
                    f"而 {held.id} 已不在目录中：再送就是同一份文件送了两次",
                    f"{record.id} 是 {held.id} 改了编号（和索引号）的：把编号和信息文件名改回 {held.id}"
                    f"{f'，索引号改回 {held.index_number}' if held.index_number else ''}（两馆按送交时的登记收存）；"
                    "确是另一份信息的，附上它自己的文件。")
    return None


def ledger_dates(ledger: Ledger) -> list[tuple[tuple[str, ...], str]]:
    """Where a ledger's own dates contradict each other (a ledger edited by hand), as (field, Chinese sentence): the
    period a batch covers ends on its batch day and starts no later; a batch made after its day (生成日期) is not made
    before it. The 目录表 made again from such a ledger would print a period the 两馆 never signed for."""
    found: list[tuple[tuple[str, ...], str]] = []
    start, end, day = ledger.period.start, ledger.period.end, ledger.date
    if end != day:
        found.append((("覆盖期间", "结束"), f"台账的覆盖期间结束于 {end}，与批次日期 {day} 不同：每一批覆盖到批次日期为止"))
    if start > min(end, day):
        found.append((("覆盖期间", "开始"), f"台账的覆盖期间开始于 {start}，晚于结束的 {min(end, day)}"))
    if ledger.made is not None and ledger.made < day:
        found.append((("生成日期",), f"台账的生成日期 {ledger.made} 早于批次日期 {day}：gongkai 只为晚于批次日期才补做的批次"
                                     "写生成日期"))
    return found


def ledger_cut(ledger: Ledger) -> str | None:
    """Why a ledger's lists fall short of (or exceed) the 件数 gongkai wrote above them, or None: a ledger cut short
    loads as a smaller batch, and what it lost was sent again by the next batch as never sent (a record the 两馆 hold
    twice, a 撤换公函 sent twice). A ledger written before gongkai counted has no 件数 and is taken as it is."""
    counted = ledger.counts
    if counted is None:
        return None
    listed = ledger.listed()
    wrong = [f"{name}{getattr(counted, field)}件、所列{getattr(listed, field)}件"
             for field, name in (("records", "信息"), ("files", "电子文件"), ("recalls", "撤换"))
             if getattr(counted, field) != getattr(listed, field)]
    if not wrong:
        return None
    return f"台账的件数与所列的不符（{'，'.join(wrong)}）：台账被截断或删改过"


# what a cut ledger means for the next batch: validate's GK514 and the handover that stops on it say the same
LEDGER_CUT_RISK = "，gongkai 无从知道这一批实际送交了哪些，照常生成会把缺少的再送一次"


def ledger_cut_hint(path: str) -> str:
    """How to mend the ledger *path* that ledger_cut() found short."""
    return (f"台账是两馆签收的记录，不要手工修改：用 git 恢复原样（git log -- {path} 找到 gongkai handover 写入它的那次提交，"
            f"再 git checkout 那次提交 -- {path}），或对照两馆签收的目录表补齐缺少的部分。")

LEDGER_DATES_HINT = ("台账由 gongkai handover 写入，请勿手工修改：用 git 恢复这个文件（如 git checkout -- handover/），"
                     "或把日期改回生成时的样子。")


def recipient_clash(number: str) -> str:
    """Why a second recipient may not have the 编号 *number* (HandoverSettings.clashing_recipients): validate's GK210
    and the handover that stops on it say the same."""
    return f"接收单位编号「{number}」重复（不区分大小写：每个接收单位一个同名文件夹，两个单位会写进同一个文件夹）"


def ledger_misnamed(stem: str, day: str) -> str:
    """Why a ledger named *stem* whose 批次日期 is *day* is wrong (one of the two edited by hand): validate's GK203 and
    the handover that stops on it say the same."""
    return f"移交台账的文件名「{stem}」与批次日期「{day}」不一致"


LEDGER_NAME_HINT = "台账由 gongkai handover 写入，文件名就是批次日期：把改动的一处改回（请勿手工修改台账；git checkout -- handover/ 恢复原样）。"
RECIPIENT_CLASH_HINT = "每个接收单位用不同的编号，如 dag（档案馆）、tsg（图书馆）。"
RENUMBERED_HINT = "把「索引号」改回送交时的号码；确需更正的，另行发函撤换。"
PUBLISHED_AFTER_HINT = "把「公开日期」改回送交时的日期；公开日期确实写错、需要更正的，另行发函撤换。"


def fingerprint(catalog: Catalog, path: str) -> tuple[str, int]:
    """The SHA-256 of a catalog file and its size in bytes (the 目录表's 电子文件清单: what the 馆 can check)."""
    data = catalog.source.read(path)
    return hashlib.sha256(data).hexdigest(), len(data)


def sha256_of(catalog: Catalog, path: str) -> str:
    """The SHA-256 of a catalog file."""
    return fingerprint(catalog, path)[0]


def rejudged(catalog: Catalog) -> dict[str, Record]:
    """The records a ledger says went to the 两馆 that are no longer 主动公开 (re-judged 依申请公开 or 不予公开), by id.
    Not published anywhere: only the next batch's 撤换公函 names them, to ask the 两馆 for their copies back (the
    图书馆's reading room is public; handover.recall), and GK508 reports them until a ledger's 撤换 does."""
    sent = {record_id for _, ledger in catalog.models("ledger") for record_id in ledger.record_ids()}
    found = ((record_id, catalog.records.get(record_id)) for record_id in sorted(sent))
    return {record_id: record for record_id, record in found if record is not None and not record.is_public}
