"""One record as the county portal takes it: the directory's fields, the body as a fragment, the attachments.

Fields follow 安溪县's 政府信息公开目录 (DOMAIN.md §10): 索引号, 主题分类, 发布机构, 文号, 成文日期, 标题, 概述,
有效性, 发布时间. How the two that the catalog does not hold are derived:
- 主题分类: the 领域's own 主题分类 from gongkai.yaml when set, else 「领域/一级事项」 of the record's item; a record
  without an item takes its 文种.
- 概述: the first paragraph of the body as plain text, at most 120 characters; the title when there is no body. A
  record that lists people shows it with every name it gives masked, as its title (a directory field).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import Any

from gongkai.catalog import Catalog
from gongkai.gate import Admission, State
from gongkai.model import Item, Record
from gongkai.model.agency import Agency
from gongkai.model.portal import ADDED, WITHDRAWN
from gongkai.portal.fragment import Fragment, masked_label, names_given, notice_fragment, record_fragment, summary
from gongkai.privacy.mask import mask_text
from gongkai.publication.subject import subject_of
from gongkai.site.attachments import read_attachment
from gongkai.site.record_links import WebDay
from gongkai.site.render import cn_date

# The county directory's fields, in its order; every entry carries them (empty text when a record has none).
DIRECTORY_FIELDS = ("索引号", "主题分类", "发布机构", "文号", "成文日期", "标题", "概述", "有效性", "发布时间")
NOT_ON_WEB = "该信息已不在政府网站公开（公开属性、公开渠道或公开审核已变化）"


@dataclass(frozen=True)
class ExportFile:
    """An attachment as exported: where it is in the catalog, its path in the export, and its checksum."""

    source: str
    path: str
    name: str
    format: str
    size: int
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        return {"名称": self.name, "文件": self.path, "格式": self.format, "字节数": self.size, "sha256": self.sha256}


@dataclass(frozen=True)
class PortalEntry:
    """One record of an export: what to do with it, its fields, body and files."""

    action: str
    record_id: str
    fields: dict[str, str]
    kind: str = ""
    fragment: Fragment = field(default_factory=lambda: Fragment(""))
    files: tuple[ExportFile, ...] = ()
    notice_end: str | None = None
    notice_over: bool = False
    withdrawn_on: str | None = None
    reason: str | None = None
    # a 公示 that has ended: the names of the attachments (its list) the portal may still hold from the export made
    # during the period — an 更新 entered by hand changes the text and leaves uploaded files, so they are named
    files_down: tuple[str, ...] = ()

    @property
    def body_path(self) -> str | None:
        """Where the fragment is written on its own (for entry by hand); withdrawals have none."""
        return None if self.action == WITHDRAWN else f"bodies/{self.record_id}.html"

    def to_dict(self) -> dict[str, Any]:
        """The entry as the JSON and XML formats carry it (keys in the documented order)."""
        data: dict[str, Any] = {"操作": self.action, "编号": self.record_id}
        if self.action == WITHDRAWN:
            return {**data, "索引号": self.fields["索引号"], "标题": self.fields["标题"],
                    "撤回日期": self.withdrawn_on, "撤回原因": self.reason}
        data.update(self.fields)
        data.update({"文种": self.kind, "公示截止": self.notice_end, "公示已结束": self.notice_over,
                     "正文": self.fragment.html, "正文文件": self.body_path, "附件": [f.to_dict() for f in self.files]})
        return data

    @property
    def fingerprint(self) -> str:
        """SHA-256 of everything exported except the action: a changed fingerprint means the portal must update."""
        content = {k: v for k, v in self.to_dict().items() if k != "操作"}
        return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode()).hexdigest()

    def as_action(self, action: str) -> PortalEntry:
        return replace(self, action=action)

    @property
    def files_note(self) -> str:
        """What to delete from the portal once the 公示 has ended: every attachment it holds of the record — those of
        earlier exports that the record no longer has too (a list replaced during the 公示 by a corrected one under
        another name, or moved into the text; hostile pass 34: they were never named and stayed on the portal with the
        names), naming those gongkai knows."""
        known = f"，包括：{'、'.join(self.files_down)}" if self.files_down else "（如有）"
        return f"删除门户上它的全部附件{known}"


def web_entry(catalog: Catalog, agency: Agency, admission: Admission, on_web: WebDay) -> PortalEntry:
    """The entry of an admitted web record; a 公示 whose period is over keeps only the short notice. Its body's links
    to other records are those of the site's page on the day (*on_web*: site.record_links)."""
    record, item = admission.record, admission.item
    over = admission.state is State.ENDED
    if over and admission.notice_end is not None:
        fragment = notice_fragment(f"公示已于{cn_date(admission.notice_end)}结束")
        files: tuple[ExportFile, ...] = ()
        down = _files_down(catalog, agency, admission, on_web)
    else:
        fragment = record_fragment(admission, agency, on_web)
        files, down = _files(catalog, record), ()
    fields = {
        "索引号": record.index_number or "",
        "主题分类": subject_of(agency, str(record.kind), item),
        "发布机构": record.author or agency.org.name,
        "文号": record.doc_number or "",
        "成文日期": record.formed.isoformat(),
        "标题": record.title,
        "概述": _summary(catalog, admission, fragment),
        "有效性": admission.validity,
        "发布时间": record.published.isoformat() if record.published else "",
    }
    end = admission.notice_end.isoformat() if admission.lists_people and admission.notice_end else None
    return PortalEntry(ADDED, record.id, fields, record.kind, fragment, files, end, over, files_down=down)


def _files_down(catalog: Catalog, agency: Agency, admission: Admission,
                on_web: WebDay) -> tuple[str, ...]:
    """The attachments of a 公示 that has ended, as the webmaster is told to delete them from the portal: their 名称 and
    file name, each name of a person the record gives masked (hostile pass 34: 「陈水生、林玉燕申请材料」 reached the
    xlsx and the terminal — a CI log — whole, after the period in which the names might be shown)."""
    record = admission.record
    shown = record_fragment(admission, agency, on_web).html
    names = names_given(catalog, admission, shown)
    found = (f"{a.name}（{name}）" if a.name and a.name != name else name
             for a in record.attachments if (name := PurePosixPath(a.file).name))
    return tuple(masked_label(text, names) for text in found)


def _summary(catalog: Catalog, admission: Admission, fragment: Fragment) -> str:
    """概述 — a directory field: the portal lists and searches it as it does the title, page marked noindex or not. A
    record that lists people shows it with every name it gives masked, as its title (the first paragraph of a 公示
    names the households as often as not: 「现将陈水生、林玉燕等2户名单予以公示。」)."""
    names = names_given(catalog, admission, fragment.html) if admission.lists_people else frozenset()
    return summary(fragment, admission.record.title, names)


def withdrawal(record_id: str, index_number: str | None, title: str, day: str, reason: str) -> PortalEntry:
    """A take-down: only what the webmaster needs to find the record, personal data masked."""
    fields = {"索引号": index_number or "", "标题": mask_text(title)[0]}
    return PortalEntry(WITHDRAWN, record_id, fields, withdrawn_on=day, reason=mask_text(reason)[0])


def _files(catalog: Catalog, record: Record) -> tuple[ExportFile, ...]:
    found: list[ExportFile] = []
    taken: dict[str, str] = {}  # export path, case folded → the catalog file written there
    for attachment in record.attachments:
        data = read_attachment(catalog, attachment.file)  # only files inside files/: the site's rule, not a copy
        name = PurePosixPath(attachment.file).name
        found.append(ExportFile(attachment.file, _export_path(f"files/{record.id}", attachment.file, taken),
                                attachment.name or name, attachment.suffix.upper(), len(data),
                                hashlib.sha256(data).hexdigest()))
    return tuple(found)


def _export_path(folder: str, source: str, taken: dict[str, str]) -> str:
    """Where *source* goes in the export: <folder>/<its file name>, as every export wrote it — but a second file of
    the same name (files/2026/甲村/名单.pdf and files/2026/乙村/名单.pdf, or 名单.PDF beside 名单.pdf, one file on a
    Windows disk) is 名单-2.pdf: written to one path, the second replaced the first and the portal got one list twice."""
    file = PurePosixPath(source)
    name, copy = file.name, 1
    while taken.setdefault(f"{folder}/{name}".casefold(), source) != source:
        copy += 1
        name = f"{file.stem}-{copy}{file.suffix}"
    return f"{folder}/{name}"
