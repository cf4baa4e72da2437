"""What an earlier run put up: the sheets and articles it left in its output folder.

gongkai cannot see a 公示栏 or a 公众号, but the folder of the last print or wechat run (print-out/, wechat-out/ by
default) holds what it gave the clerk to post. The next run into the same folder compares: a record posted then that
no channel of this kind carries now (its channels, 公开属性 or 审核 changed, or it left the catalog) is listed to take
down; one whose content changed since is made again, to replace the old sheet or article.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol, TypeVar

from gongkai.catalog import Catalog
from gongkai.gate import Admission, Output, State, due_ahead
from gongkai.printing.takedown import Takedown, ended
from gongkai.privacy.mask import mask_text

# what an index.html lists as on the boards or in the 公众号 (this run's and the earlier ones still up)
_LISTED = re.compile(r'<li data-record="([^"]+)" data-unit="([^"]*)" data-digest="([0-9a-f]{64})?"'
                     r'(?: data-published="(\d{4}-\d{2}-\d{2})?")?>(.*?)</li>', re.S)
_NAMED = re.compile(r"<(a|span)[^>]*>(.*?)</\1>", re.S)  # the title in a listed line
_DIGEST = re.compile(r'<meta name="gongkai-digest" content="([0-9a-f]{64})">')
_TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
NOT_CARRIED = "已不在这一渠道公开（公开渠道、公开属性或公开审核已改变，或信息已从目录中删除）"


@dataclass(frozen=True)
class Posted:
    """A sheet or article an earlier run made: its record, the unit whose board carries it (None for an article),
    its title as posted (masked) and the digest of what it showed (None from a run before digests)."""

    record_id: str
    unit: str | None
    title: str
    digest: str | None
    published: dt.date | None = None  # its 公开日期 when it was made (None from a run before this was written)


def posted_in(out: Path, by_unit: bool) -> dict[str, Posted]:
    """Record id → what the earlier run in *out* made for it: <unit>/<id>.html sheets when *by_unit*, else <id>.html
    articles. Empty when *out* holds no earlier run (no index.html)."""
    if not (out / "index.html").is_file():
        return {}
    found: dict[str, Posted] = {}
    index = (out / "index.html").read_text(encoding="utf-8", errors="replace")
    for record_id, unit, digest, published, title in _LISTED.findall(index):
        if _ID.fullmatch(record_id) and (_ID.fullmatch(unit) if by_unit else not unit):  # a sheet has its unit
            named = _NAMED.search(title)
            found[record_id] = Posted(record_id, unit if by_unit else None, _shown(named.group(2) if named else title,
                                                                                  record_id), digest or None,
                                      _day(published))
    pages = out.glob("*/*.html") if by_unit else out.glob("*.html")
    for page in sorted(pages):
        record_id = page.stem
        if page.is_symlink() or not page.is_file() or record_id == "index" or record_id.endswith("-screen"):
            continue
        unit = page.parent.name if by_unit else None
        if not _ID.fullmatch(record_id) or (unit is not None and not _ID.fullmatch(unit)):
            continue
        text = page.read_text(encoding="utf-8", errors="replace")
        title, digest = _TITLE.search(text), _DIGEST.search(text)
        found.setdefault(record_id, Posted(record_id, unit, _shown(title.group(1) if title else "", record_id),
                                           digest.group(1) if digest else None))
    return found


def _day(written: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(written) if written else None
    except ValueError:  # an index edited by hand: not a day it was made for
        return None


def _shown(markup: str, record_id: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", "", markup)).strip()
    return mask_text(text)[0] if text else record_id


def since_posted(posted: Mapping[str, Posted], carried: Mapping[str, Admission], day: dt.date, listed: set[str],
                 unit_of: Mapping[str, str | None], gone: Mapping[str, Takedown]
                 ) -> tuple[list[Takedown], list[tuple[Posted, Admission]]]:
    """What became of what an earlier run posted, on *day*: to take down (no channel of the kind carries it now, its
    公示 is over, or another unit carries it now), and what is still carried (the caller compares its digest).
    *listed*: records already listed to take down; *unit_of*: where each carried record is posted now; *gone*: why and
    from which day a record left the channel, when the rule says (takedown.gone_from: withdrawn on its 撤回日期, held
    back with a list that came down), before the days of the run as well: it came down then, not on *day*."""
    down: list[Takedown] = []
    still: list[tuple[Posted, Admission]] = []
    for was in posted.values():
        if was.record_id in listed:
            continue
        admission = carried.get(was.record_id)
        if admission is None:
            known = gone.get(was.record_id)
            down.append(Takedown(was.record_id, was.title, was.unit, known.day if known else day,
                                 known.reason if known else NOT_CARRIED))
        elif admission.state is State.ENDED and admission.notice_end is not None:
            end = admission.notice_end
            down.append(Takedown(was.record_id, was.title, was.unit, end + dt.timedelta(days=1),
                                 ended(end, admission.notice_provisional)))
        elif was.unit is not None and unit_of.get(was.record_id) != was.unit:
            down.append(Takedown(was.record_id, was.title, was.unit, day, "责任单位已改变，改由新的责任单位张贴"))
            still.append((replace(was, digest=""), admission))  # made again for the new unit's board
        else:
            still.append((was, admission))  # the caller keeps it listed, or makes it again when it changed
    return down, still


def due_later(catalog: Catalog, posted: Mapping[str, Posted], carried: Mapping[str, Admission], day: dt.date,
              output: Output) -> dict[str, Posted]:
    """What an earlier run made ahead (its --to after *day*) for a record not out yet on *day*: 主动公开, published
    after *day* on the 公开日期 it was made for, not withdrawn before it, its channels still leading to *output* (for a
    sheet, still its unit's).
    Neither gone nor changed: it stays listed until its day, when the gate judges it (a run for today used to tell the
    clerk to take it down as 「已不在这一渠道公开」)."""
    ahead = due_ahead(catalog, [record_id for record_id in posted if record_id not in carried], day, output)
    return {record_id: was for record_id, was in posted.items()
            if (due := ahead.get(record_id)) is not None and due.published == was.published and was.unit in (None, due.unit)}


class _Piece(Protocol):
    """A sheet or an article: the record it shows, and a digest of what it shows."""

    @property
    def admission(self) -> Admission: ...

    @property
    def digest(self) -> str: ...


Piece = TypeVar("Piece", bound=_Piece)


def sort_out(still: list[tuple[Posted, Admission]], pieces: list[Piece], make: Callable[[Admission], Piece],
             kept: list[Posted], replaced: list[Piece]) -> None:
    """What an earlier run posted and a channel still carries: kept in the list when it shows the same, else made again
    (whatever its 公开日期) into *pieces* to replace the old sheet or article, and named in *replaced*."""
    made = {piece.admission.id: piece for piece in pieces}
    for was, admission in still:
        piece = made.get(admission.id) or make(admission)
        if was.digest is None or was.digest == piece.digest:
            if admission.id not in made:
                kept.append(was)
            continue
        replaced.append(piece)
        if admission.id not in made:
            pieces.append(piece)
