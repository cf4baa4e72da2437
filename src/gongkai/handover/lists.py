"""公示名单 and the 两馆 (DOMAIN.md §6, §12): which files of a handed-over record hold its list of people.

The 档案馆 is a closed archive and keeps the record complete; the 图书馆's reading room is open to the public and keeps
what it receives for good, while no name may stay public past its 公示 period. So a 馆 that does not take lists
(`移交 → 接收单位 → 接收名单`, Recipient.takes_lists) receives the record's 目录表 entry and only the files shown to hold
no list, and its 备注 says why the rest is not there.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

from gongkai.catalog import Catalog
from gongkai.days import chinese_day
from gongkai.model.agency import Recipient
from gongkai.model.record import Attachment, Record
from gongkai.privacy import AttachmentRefused, listed_title_names, mask_names, mask_text, read_attachment, scan_record
from gongkai.privacy.documents import document_segments
from gongkai.privacy.extract import Unreadable


def list_files(catalog: Catalog, record: Record, lists_people: bool,
               names: frozenset[str] | None = None) -> frozenset[str]:
    """The attachments (paths) of *record* that hold, or may hold, its list of people; none when the gate does not
    take the record for a list of people (Admission.lists_people: a 公示, a record of an item whose content is a
    list, a table of names, a link to a running list).

    A file is free of the list only when another file of the record was found holding it and this one's text was
    read and names nobody: a 公示 whose 正文 document is itself the list, or whose list cannot be told apart from
    its cover letter (a scanned PDF has no text to read), keeps every file back. Nor is a file whose name gives a
    name (*names*: the list's, Gate.hidden_names; 关于陈水生家庭低保的通知.pdf): the 馆 would keep the name on its
    shelf, in its 目录表 and file list, whatever the file holds — and a name in a file name cannot be masked, 「*」
    is no letter of a Windows file name. (*names* None: a batch made again keeps back what its ledger says.)
    """
    if not lists_people:
        return frozenset()
    paths = [a.file for a in record.attachments]
    holding = {a.file for a in record.attachments if _names_people(catalog, record, a)}
    if not holding:
        return frozenset(paths)
    named = {p for p in paths if names is not None and _gives_a_name(PurePosixPath(p).name, names)}
    return frozenset(p for p in paths if p in holding or p in named or not _has_text(catalog, p))


def _gives_a_name(name: str, names: frozenset[str]) -> bool:
    return shown_file_name(name, names) != name


def _names_people(catalog: Catalog, record: Record, attachment: Attachment) -> bool:
    alone = record.model_copy(update={"title": "", "body": None, "attachments": [attachment]})
    return scan_record(catalog, alone).people


def _has_text(catalog: Catalog, path: str) -> bool:
    try:
        segments, _ = document_segments(path.rsplit(".", 1)[-1].lower(), read_attachment(catalog, path), path)
    except (AttachmentRefused, Unreadable, KeyError):
        return False
    return any(segment.text.strip() for segment in segments)


def shown_file_name(name: str, names: frozenset[str]) -> str:
    """*name*, the name of a file kept back from a 馆 that does not take lists, as that 馆's 目录表 may give it: the
    names of the list (*names*, Gate.hidden_names) and those the file name gives as a 公示's title does
    (陈水生、林阿妹等2户低保名单.pdf), and every number, masked — the 图书馆 keeps its 目录表 for good, open to the
    public, and the file was kept back for the names it holds."""
    return mask_text(mask_names(name, names | listed_title_names(name)))[0]


def withheld_remark(recipient: Recipient, withheld: list[str], every: bool, running_to: dt.date | None,
                    provisional: bool = False) -> str:
    """The 备注 of a 馆 that did not receive *withheld* (file names; *every* file of the record): why, in the words of
    the rule, and the last day of a 公示 still running on the batch day (*running_to*)."""
    which = "公示名单" if every else f"公示名单（{'、'.join(withheld)}）"
    # a 公示 running into a year whose holiday notice is not entered yet ends on a 暂定 day: the signed 目录表 is kept
    # for good, and must not give that day as final
    running = (f"（公示期至{chinese_day(running_to)}{'，按暂定的节假日安排计算' if provisional else ''}）"
               if running_to is not None else "")
    return f"{which}含个人信息，按规定公示期满后不再公开{running}，未送{recipient.short_name}"
