"""撤换公函: the draft letter asking a 馆 to withdraw or replace copies it holds, as an editable Word document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from gongkai.days import chinese_day
from gongkai.handover.plan import Batch
from gongkai.handover.recall import WITHDRAW, Recall
from gongkai.model.agency import Recipient
from gongkai.ooxml import add_line, docx_bytes, set_font

LETTER_FILE = "recall-letter.docx"
TITLE = "关于撤换已送交政府信息的函"
COLUMNS = ("序号", "题名", "索引号", "文号", "原送交批次", "撤换方式", "日期", "原因", "替代信息")
COPY_TO = "县人民政府办公室（县政务公开办）"
SOURCE = "闽政办函〔2016〕42号"


def cn_date(day: dt.date) -> str:
    """A date as a letter writes it: 2026年12月7日."""
    return chinese_day(day)


@dataclass(frozen=True)
class Letter:
    """The 撤换公函 of one batch to one recipient, as plain data."""

    batch: Batch
    recipient: Recipient

    @property
    def opening(self) -> str:
        org = self.batch.agency.org.name
        return (f"我局（{org}）按{SOURCE}送交贵馆的下列主动公开政府信息，因撤回或被新文件替代，需要撤换。"
                "请将撤回的信息的纸质件和电子件撤出馆藏；被替代的信息，请以替代文件为准，并将原件标注为已被替代。")

    @property
    def closing(self) -> list[str]:
        settings, org = self.batch.settings, self.batch.agency.org
        contact = settings.contact or org.contact or "＿＿＿＿"
        phone = settings.phone or org.phone or "＿＿＿＿"
        return [f"本函随{cn_date(self.batch.date)}移交批次送达，纸质件、电子件各一式两份。",
                f"联系人：{contact}；联系电话：{phone}。", "特此函告。"]

    @property
    def rows(self) -> list[list[str]]:
        return [_row(number, recall, self.batch, self.recipient)
                for number, recall in enumerate(recalls_for(self.batch, self.recipient), 1)]


def recalls_for(batch: Batch, recipient: Recipient) -> list[Recall]:
    """The 撤换 of *batch* that concern *recipient*: the records the batch that sent them sent to it. A 馆 added to
    gongkai.yaml since was never sent them: a letter asking it to take them out would name copies it does not hold."""
    return [recall for recall in batch.recalls if not recall.sent_to or recipient.id in recall.sent_to]


# a 馆 that received the record's 目录表 entry only (its list of people kept back) has no copy to take out
ENTRY_ONLY = "贵馆只收到目录表登记，未收到其纸质件和电子件（公示名单未送），请在目录表中注明"


def _row(number: int, recall: Recall, batch: Batch, recipient: Recipient) -> list[str]:
    record = recall.record
    sent = recall.sent_in.isoformat() + ("（启用前送交，补登）" if recall.sent_before_gongkai else "")
    action = "撤回" if recall.action == WITHDRAW else "替换"
    reason = f"{recall.reason}；{ENTRY_ONLY}" if recipient.id in recall.entry_only else recall.reason
    return [str(number), record.title, record.index_number or "", record.doc_number or "", sent, action,
            recall.date.isoformat(), reason, _replacement(recall, batch)]


def _replacement(recall: Recall, batch: Batch) -> str:
    new = recall.replacement
    if new is None:
        return f"信息 {recall.replacement_id}" if recall.replacement_id else ""
    named = f"《{new.title}》（索引号 {new.index_number or '无'}）"
    if recall.replacement_sent == batch.date:
        return f"{named}，随本批送交"
    if recall.replacement_sent is not None:
        return f"{named}，已于{recall.replacement_sent.isoformat()}批次送交"
    return f"{named}，将随后续批次送交"


def to_docx(letter: Letter) -> bytes:
    """The letter as .docx bytes on A4, byte-stable for the same batch."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    add_line(document, TITLE, 18, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    add_line(document, f"{letter.recipient.name}：", 14)
    add_line(document, "　　" + letter.opening, 14)
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style, table.alignment = "Table Grid", WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, COLUMNS):
        set_font(cell.paragraphs[0].add_run(text), 9, bold=True)
    for row in letter.rows:
        for cell, text in zip(table.add_row().cells, row):
            set_font(cell.paragraphs[0].add_run(text), 9)
    for text in letter.closing:
        add_line(document, "　　" + text, 14)
    org = letter.batch.agency.org.name
    add_line(document, f"{org}（公章）", 14, align=WD_ALIGN_PARAGRAPH.RIGHT)
    # dated the day it goes out: a batch made late (补做) sends its letter then, not on the batch's day
    add_line(document, cn_date(letter.batch.delivered), 14, align=WD_ALIGN_PARAGRAPH.RIGHT)
    add_line(document, f"抄送：{COPY_TO}。", 12)
    stamp = dt.datetime.combine(letter.batch.delivered, dt.time())
    return docx_bytes(document, TITLE, org, stamp)

