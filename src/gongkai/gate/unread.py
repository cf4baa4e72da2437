"""Files the gate never sees because they could not be read, and what that does to the records that name them.

A record file with an error is on no channel; an item file with an error takes its row off the site's directory and
leaves its records on no channel (their channels and 公示 period are the item's). Each output says which file, where
the error is and what to do, rather than go quiet or send the clerk after a 事项 number that is right.
"""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.catalog import Catalog
from gongkai.diagnostics import Diagnostic, Severity
from gongkai.privacy import mask_text

_MEND = "请运行 gongkai validate 改正后重新生成"


def unread_records(catalog: Catalog) -> Iterator[tuple[str, str]]:
    """(path, why) of every record file that could not be read: the gate never sees it, so it is on no channel, and
    each output says so — a 公示 whose 公示截止 was typed 「12月7日」 left the web and the board without a word, days
    before its period ended."""
    for path, error in _unread(catalog, "record"):
        yield path, f"文件有错误，没有读入，不在任何渠道公开（{_where(error)}{_MEND}）"


def unread_items(catalog: Catalog) -> Iterator[tuple[str, str]]:
    """(path, why) of every item file that could not be read: its row is not in the site's directory, and its records
    are on no channel — an item whose 公开渠道 was typed 「村委会公示栏」 left the site without a word."""
    for path, error in _unread(catalog, "item"):
        yield path, (f"事项文件有错误，没有读入：这个事项不在网站的标准目录中，它的信息也不在任何渠道公开"
                     f"（{_where(error)}{_MEND}）")


def no_item_reason(catalog: Catalog, item_id: str) -> str:
    """Why a record naming the item *item_id*, which the catalog does not hold, goes nowhere: the item's file has an
    error (named, with where), or there is no such item (GK205)."""
    unread = catalog.unread_file(item_id, ("item",))
    if unread is not None:
        path, error = unread
        return (f"它的事项 {item_id} 的文件 {path} 有错误，没有读入，不知道从哪些渠道公开（{_where(error)}"
                "请改正这个事项文件，不是信息的「事项」，见 gongkai validate）")
    if catalog.unreadable("item"):  # the item may be declared in a file of another name that could not be read
        return (f"它的事项 {item_id} 不在目录中，或事项文件有错误没有读入（GK205，见 gongkai validate），"
                "不知道从哪些渠道公开")
    return f"它的事项 {item_id} 在目录中不存在，不知道从哪些渠道公开（GK205：请改正「事项」，见 gongkai validate）"


def _unread(catalog: Catalog, kind: str) -> Iterator[tuple[str, Diagnostic | None]]:
    for path, parsed in sorted(catalog.files.items()):
        if parsed.kind == kind and parsed.model is None:
            yield path, next((d for d in parsed.diagnostics if d.severity is Severity.ERROR), None)


def _where(error: Diagnostic | None) -> str:
    """第20行第5列，<the error, masked>；— or nothing when the error has no place."""
    return f"第{error.line}行第{error.column}列，{mask_text(error.message)[0]}；" if error and error.line else ""
