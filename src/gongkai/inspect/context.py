"""What every indicator looks at: the catalog, the day, the thresholds, and the records the gate puts on the web."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from gongkai import consultations  # noqa: F401 - reads consultations/
from gongkai.catalog import Catalog
from gongkai.holidays import calendar_of
from gongkai.gate import Admission, Gate, Output, admit
from gongkai.publication.columns import web_columns
from gongkai.inspect.thresholds import KindRule, Thresholds
from gongkai.model import Item, Record
from gongkai.workdays import WorkdayCalendar


FALLBACK_KIND = "基本信息"  # no clock: updated when something changes


def column_kind(item: Item, rules: list[KindRule]) -> str:
    """The item's 栏目类型: as written, else inferred from its names, the most specific level first."""
    if item.column_kind:
        return str(item.column_kind)
    for name in (n for n in (item.level3, item.level2, item.level1) if n):
        for rule in rules:
            if rule.matches(name):
                return str(rule.kind)
    return FALLBACK_KIND


@dataclass
class Inspection:
    """One run of gongkai inspect: inputs shared by the indicator modules."""

    catalog: Catalog
    today: dt.date
    thresholds: Thresholds
    site: Path | None = None

    @cached_property
    def gate(self) -> Gate:
        return admit(self.catalog, self.today)

    @cached_property
    def web(self) -> list[Admission]:
        """What the website shows on the day: the inspection judges what is published, nothing else."""
        return self.gate.to(Output.WEB)

    @cached_property
    def web_records(self) -> list[Record]:
        return [a.record for a in self.web]

    @cached_property
    def web_by_id(self) -> dict[str, Record]:
        return {r.id: r for r in self.web_records}

    @cached_property
    def shown(self) -> list[Record]:
        """Records whose body and attachments the website shows (a 公示 that has ended keeps only a short notice)."""
        return [a.record for a in self.web if a.shows_content]

    @cached_property
    def by_item(self) -> dict[str, list[dt.date]]:
        """Item id → 公开日期 of its records on the web, oldest first."""
        found: dict[str, list[dt.date]] = defaultdict(list)
        for record in self.web_records:
            if record.item and record.published:
                found[record.item].append(record.published)
        return {k: sorted(v) for k, v in found.items()}

    @cached_property
    def on_web(self) -> dict[str, int]:
        """Item id and unit id → how many of its records are on the web."""
        found: dict[str, int] = defaultdict(int)
        for record in self.web_records:
            found[record.unit] += 1
            if record.item:
                found[record.item] += 1
        return found

    @cached_property
    def columns(self) -> list[Item]:
        """The columns of the website to be kept up (publication.columns.web_columns)."""
        return web_columns(self.catalog)

    @cached_property
    def kinds(self) -> dict[str, str]:
        """Item id → its 栏目类型, written or inferred once."""
        return {i.id: column_kind(i, self.thresholds.kind_rules) for i in self.catalog.items.values()}

    @cached_property
    def calendar(self) -> WorkdayCalendar:
        return calendar_of(self.catalog)

    def path(self, kind: str, object_id: str) -> str | None:
        """The catalog file of an item or record, for evidence."""
        return self.catalog.path_of(kind, object_id)
