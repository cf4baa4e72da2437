"""The 政府信息公开 column as 国办公开办函〔2019〕61号 shapes it: the home page and its four parts.

政府信息公开指南 · 政府信息公开制度 · 法定主动公开内容 · 政府信息公开年报, one click from the home page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from gongkai.gate import Admission
from gongkai.model.vocab import LAW_CATEGORIES
from gongkai.site.artifact import Artifact, admitted, page
from gongkai.site.data import SiteData
from gongkai.site.guide import directory_channels, guide_context
from gongkai.site.pages.paging import paged
from gongkai.site.search_docs import page_doc

NEWEST = 20
GUIDE = "zhinan/index.html"
RULES = "zhidu/index.html"
LAW = "fdzdgknr/index.html"
REPORTS = "nianbao/index.html"
OTHERS = "qita/index.html"  # 其他公开信息: the records of no item and no part (SiteData.unfiled); only when there are
FORMS = ("zhinan/shenqingbiao.docx", "zhinan/shenqingbiao.pdf")


def column_artifacts(data: SiteData, common: dict[str, Any], forms: dict[str, Callable[[], bytes]]) -> Iterator[Artifact]:
    """The home page, the four parts of the column, and the 申请表 the 指南 offers for download."""
    newest = data.records[:NEWEST]
    reports = data.annual_reports
    others = data.unfiled
    yield page("index.html", "home.html", (*admitted(newest), *admitted(reports[:1]),
                                          f"updated:{data.updated}", f"others:{len(others)}"),
               lambda: {"newest": newest, "latest_report": reports[0] if reports else None,
                        "others": len(others), "others_page": OTHERS}, common)
    if others:
        yield from _listed(OTHERS, "others.html", "others", others, common)
    request_items = [i for i in data.items if i.mode == "依申请"]

    def guide() -> dict[str, Any]:
        return guide_context(data, request_items, sorted(forms))

    channels = "channels:" + "、".join(directory_channels(data))  # every item's channels, not only the 依申请 ones'
    yield page(GUIDE, "guide.html", (*_items(request_items, data), *sorted(forms), channels), guide, common,
               search=lambda: page_doc(GUIDE, "政府信息公开指南", guide()["text"]))
    for path, make in sorted(forms.items()):
        yield Artifact(path, (f"form:{path}",), make)
    yield from _listed(RULES, "rules.html", "rules", data.rules, common)
    categories = [(name, article, data.category_items(name)) for name, article in LAW_CATEGORIES]
    categorised = [i for _, _, items in categories for i in items]
    yield page(LAW, "law.html", _items(categorised, data), lambda: {"categories": categories}, common)
    yield from _listed(REPORTS, "reports.html", "reports", reports, common)


def _listed(first: str, template: str, name: str, records: list[Admission],
            common: dict[str, Any]) -> Iterator[Artifact]:
    """A part of the column that lists records, 20 a page (gongkai.site.pages.paging)."""
    for path, shown, pager in paged(first, records):
        yield page(path, template, (*admitted(shown), *pager.inputs), partial(dict, {name: shown}, pager=pager), common)


def _items(items: list[Any], data: SiteData) -> tuple[str, ...]:
    return tuple(f"item:{i.id}:{data.blob('item', i.id)}" for i in items)
