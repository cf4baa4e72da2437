"""Articles for the 两微一端 channel: one page per record to paste into the WeChat editor, and what to take down.

A WeChat post cannot be withdrawn by a build: when a 公示 ends or a record is withdrawn, the run lists it so the
clerk deletes the post by hand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping
from html import escape
from dataclasses import dataclass, field

from gongkai.catalog import Catalog
from gongkai.errors import UsageProblem
from gongkai.gate import Admission, Output, State, admit, unread_records
from gongkai.gate.replacements import Replacements
from gongkai.model.agency import Agency
from gongkai.model.vocab import BOARD
from gongkai.portal.address import record_address
from gongkai.portal.fragment import TABLES, masked_label, names_given, record_fragment, table_people
from gongkai.printing.posted import Posted, due_later, since_posted, sort_out
from gongkai.printing.sheets import claimed_in, contents_of, file_names, held_in, replacement_title
from gongkai.privacy.mask import mask_names
from gongkai.printing.takedown import Takedown, check_days, gone_from, in_order, standing_day
from gongkai.site.record_links import WebDay, web_records

# The channels whose list a reader can go and see, as the article names them (the 公示栏 box as people call it).
_PLACES = {BOARD: "公示栏", "公开查阅点": "公开查阅点", "便民服务站": "便民服务站", "政务服务中心": "政务服务中心"}

# The WeChat editor keeps inline styles only.
INLINE = {
    "table": "border-collapse:collapse;width:100%;margin:8px 0;",
    "th": "border:1px solid #bbbbbb;padding:4px 8px;background:#f4f1ec;text-align:left;",
    "td": "border:1px solid #bbbbbb;padding:4px 8px;text-align:left;",
    "p": "margin:0 0 12px 0;",
}
_TAG = re.compile(r"<(table|th|td|p)(\s[^>]*)?>")


@dataclass(frozen=True)
class Article:
    """One record as a WeChat article: its body with inline styles, and its web address when it is on the web."""

    admission: Admission
    body: str
    address: str | None
    replacement: str | None = None  # the title of the document in force that replaced it (被替代), when it is out
    files: tuple[str, ...] = ()  # the attachments' names, for the editor to add to the post (the list is often one)
    contents: tuple[str, ...] = ()  # their content hashes (sheets.contents_of)

    @property
    def path(self) -> str:
        return f"{self.admission.id}.html"

    @property
    def digest(self) -> str:
        """What the article shows, hashed: an article made earlier with another digest is out of date."""
        record, admission = self.admission.record, self.admission
        shown: list[object] = [record.title, record.author, record.doc_number, str(record.published), record.index_number,
                 admission.validity_note, str(admission.validity_date), str(admission.notice_end),
                 admission.notice_provisional, self.body, self.address, self.replacement]
        if self.files:  # kept out when none: the digests of articles without attachments stay what earlier runs wrote
            shown += [list(self.files), list(self.contents)]
        return hashlib.sha256(json.dumps(shown, ensure_ascii=False).encode()).hexdigest()


@dataclass
class WechatRun:
    """The articles of records for 两微一端 published from *start* to *end*, and the posts to take down then."""

    agency: Agency
    start: dt.date
    end: dt.date
    articles: list[Article] = field(default_factory=list)
    takedowns: list[Takedown] = field(default_factory=list)
    kept: list[Posted] = field(default_factory=list)  # made by an earlier run, still up and unchanged
    replaced: list[Article] = field(default_factory=list)  # articles whose content changed since an earlier run
    replacements: Replacements = field(default_factory=lambda: Replacements({}, {}))  # the records out on the day
    unread: list[tuple[str, str]] = field(default_factory=list)  # (path, why) records on no account: unread, held back
    on_web: WebDay = field(default_factory=lambda: WebDay({}, frozenset()))  # what a body's links may open


def plan_wechat(catalog: Catalog, start: dt.date, end: dt.date, today: dt.date,
                posted: Mapping[str, Posted] | None = None) -> WechatRun:
    """What the 两微一端 channel needs for the days *start* to *end*, as the gate decides on *today* or *end*, whichever
    is later (standing_day); with *posted* (the earlier run's articles), also what it made that is gone or changed."""
    agency = catalog.agency
    if agency is None:
        raise UsageProblem("gongkai.yaml 有错误，无法生成公众号文章。请先运行 gongkai validate 修正。")
    check_days(start, end)
    day = standing_day(end, today)
    gate, run = admit(catalog, day), WechatRun(agency, start, end)
    run.unread = list(unread_records(catalog))  # on no channel: the clerk is told which, and why
    run.unread += held_in(catalog, gate, Output.WECHAT, start, end)
    run.unread += claimed_in(catalog, gate, Output.WECHAT, start, end)
    run.replacements, run.on_web = Replacements.of(gate.admitted), web_records(gate)
    for admission in gate.to(Output.WECHAT):
        record = admission.record
        if admission.state is not State.ENDED and record.published is not None and start <= record.published <= end:
            run.articles.append(_article(catalog, run, admission))
    gone = gone_from(catalog, gate, Output.WECHAT)
    run.takedowns = [t for t in gone if start <= t.day <= day]
    _since_posted(catalog, run, gate.to(Output.WECHAT), posted or {}, today, {t.record_id: t for t in gone})
    run.articles.sort(key=lambda a: (a.admission.record.published, a.admission.id))
    run.takedowns = in_order(run.takedowns)
    return run


def _since_posted(catalog: Catalog, run: WechatRun, carried: list[Admission], posted: Mapping[str, Posted], day: dt.date,
                  gone: Mapping[str, Takedown]) -> None:
    """Add the earlier run's articles no 公众号 carries now to the takedowns, and those changed since to the run."""
    current = {a.id: a for a in carried}
    later = due_later(catalog, posted, current, standing_day(run.end, day), Output.WECHAT)  # made ahead, not due yet
    run.kept += later.values()
    posted = {k: v for k, v in posted.items() if k not in later}
    down, still = since_posted(posted, current, day, {t.record_id for t in run.takedowns}, {}, gone)
    run.takedowns += down
    sort_out(still, run.articles, lambda admission: _article(catalog, run, admission), run.kept, run.replaced)


def _article(catalog: Catalog, run: WechatRun, admission: Admission) -> Article:
    agency = run.agency
    address = record_address(agency, admission.id) if admission.reaches(Output.WEB) else None
    html = record_fragment(admission, agency, run.on_web).html
    files = file_names(admission)
    if admission.lists_people:
        names = names_given(catalog, admission, html)
        html = _without_names(html, names, address, admission.channels)
        files = tuple(masked_label(name, names) for name in files)
    styled = _TAG.sub(lambda m: f'<{m.group(1)} style="{INLINE[m.group(1)]}">', html)
    return Article(admission, styled, address, replacement_title(admission, run.replacements), files,
                   contents_of(catalog, admission))


def _without_names(html: str, names: frozenset[str], address: str | None, channels: tuple[str, ...]) -> str:
    """The article of a record that lists people, without the people: 公众号 articles are indexed by WeChat's and other
    search engines, and a list may not be findable by name while its 公示 runs (DOMAIN.md §12) — nor after, and a post
    stays until the clerk deletes it. Each table with a column of names gives way to where the list is posted (a
    table of times or places stays); a name given in a sentence (陈水生、林玉燕等2户) is masked as a title's (陈*生)."""
    places = _posted_at(address, channels)
    where = "和".join(filter(None, ("、".join(places[:-1]), places[-1]))) if places else ""
    note = ("<p>（名单从略：为防止姓名被搜索引擎收录，公众号文章不转载名单。"
            + (f"名单见{where}张贴、发布的公示。）</p>" if where else "）</p>"))
    return mask_names(TABLES.sub(lambda m: note if table_people(m.group()).named else m.group(), html), names)


def _posted_at(address: str | None, channels: tuple[str, ...]) -> list[str]:
    """Where the article sends a reader for the list: the record's page when it is on the web, and each place the
    record is posted at among its channels (its own, within its item's: Admission.channels) — never a 公示栏 that does
    not carry it (hostile pass 34: a list for the web and the 公众号 only was said to be on the village board)."""
    where = [f"本机关政府信息公开栏目（{escape(address)}，该页面不被搜索引擎收录）"] if address else []
    return where + [_PLACES[c] for c in channels if c in _PLACES]
