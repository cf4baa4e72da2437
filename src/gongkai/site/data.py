"""What the site shows: the directory and the records the gate admits to the website, indexed for the pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import quote

from gongkai.catalog import Catalog
from gongkai.gate import Admission, Gate, Output, admit
from gongkai.gate.replacements import Replacements
from gongkai.model import Item
from gongkai.site.record_links import files_shown
from gongkai.model.agency import Agency, Domain, Unit
from gongkai.model.vocab import (ANNUAL_REPORT_KIND, FIVE_DISCLOSURES, IN_FORCE, PROACTIVE_MODE, RULES_KIND,
                                 TOWN_UNIT_KIND)

FIVE_SLUGS: dict[str, str] = dict(zip(FIVE_DISCLOSURES, ("juece", "zhixing", "guanli", "fuwu", "jieguo"), strict=True))
TOWN_LEVEL = "乡级"


@dataclass
class SiteData:
    """The directory and the web admissions, with the look-ups every page needs."""

    agency: Agency
    today: dt.date
    items: list[Item]
    records: list[Admission]  # admitted to the website, newest first
    next_change: dt.date | None = None
    blobs: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) → content hash of its file
    by_id: dict[str, Admission] = field(default_factory=dict)
    by_item: dict[str, list[Admission]] = field(default_factory=dict)
    by_unit: dict[str, list[Admission]] = field(default_factory=dict)
    by_kind: dict[str, list[Admission]] = field(default_factory=dict)  # 文种 → its records, newest first
    interpreted: dict[str, list[Admission]] = field(default_factory=dict)  # 解读 id → the documents it explains
    replaced: dict[str, list[Admission]] = field(default_factory=dict)  # id → the documents it replaced
    replacements: Replacements = field(default_factory=lambda: Replacements({}, {}))  # the web records' 替代 chains

    def blob(self, kind: str, object_id: str | None) -> str:
        """The content hash of the file defining *object_id*: part of a page's inputs."""
        return self.blobs.get((kind, object_id or ""), "")

    @property
    def title(self) -> str:
        return self.agency.site.title or f"{self.agency.org.name}政府信息公开"

    @property
    def base_url(self) -> str:
        """The column's address on the county portal (the model's ColumnAddress: encoded, ending in /); "" when not
        configured."""
        return self.agency.site.base_url or ""

    @property
    def feed_id(self) -> str:
        """The Atom feed's id, before its entries' ids: the column's address, else a URN naming the county and the
        bureau (a county's bureaus share its 区划代码: by that alone, two bureaus' feeds and their R2026-001 would be one
        feed and one entry to a reader or to the portal's aggregator, which keeps one of the two documents)."""
        org = self.agency.org
        return self.base_url or f"urn:gongkai:{org.division_code}:{quote(org.name, safe='')}:"

    @property
    def updated(self) -> dt.date | None:
        """The newest 公开日期 on the site (never the build time, so builds are reproducible)."""
        return self.records[0].facts.published if self.records else None

    @cached_property
    def web_files(self) -> frozenset[str]:
        """The catalog files on the web (what a body's link to files/ may open): read when a page links one."""
        return files_shown(self.records)

    @cached_property
    def item_by_id(self) -> dict[str, Item]:
        return {i.id: i for i in self.items}

    def domain_items(self, domain: Domain) -> list[Item]:
        return [i for i in self.items if i.domain == domain.name]

    def five_items(self, five: str) -> list[Item]:
        return [i for i in self.items if i.five == five]

    def category_items(self, category: str) -> list[Item]:
        """The items 法定主动公开内容 lists under *category*: 主动 only (an 依申请 item marked so is GK907)."""
        return [i for i in self.items if i.law_category == category and i.mode == PROACTIVE_MODE]

    @property
    def towns(self) -> list[Unit]:
        return [u for u in self.agency.units if u.kind == TOWN_UNIT_KIND]

    @cached_property
    def town_items(self) -> list[Item]:
        return [i for i in self.items if TOWN_LEVEL in i.levels]

    def unit_name(self, unit_id: str) -> str:
        unit = self.agency.unit(unit_id)
        return unit.name if unit else unit_id

    def related(self, ids: Sequence[str]) -> list[Admission]:
        """The web admissions among *ids*; a record not on the web leaves nothing behind."""
        return [self.by_id[i] for i in ids if i in self.by_id] if ids else []

    def replacement(self, admission: Admission) -> Admission | None:
        """The web record a reader of this one should turn to, if any (gate.replacements: the one in force along the
        chain of replacements)."""
        return self.replacements.current(admission)

    def predecessors(self, admission: Admission) -> list[Admission]:
        """The web records this one replaced (named on either side)."""
        named, naming = self.related(admission.facts.replaces), self.replaced.get(admission.id)
        if not named and not naming:
            return []
        found = {a.id: a for a in named}
        found.update((a.id, a) for a in naming or [])
        return sorted(found.values(), key=lambda a: a.id)

    def of_kind(self, kind: str) -> list[Admission]:
        return self.by_kind.get(kind, [])

    @property
    def rules(self) -> list[Admission]:
        """政府信息公开制度: the bureau's own rules, those in force first."""
        return in_force_first(self.of_kind(RULES_KIND))

    @cached_property
    def unfiled(self) -> list[Admission]:
        """The web records that belong to no item and to no part of the column by their 文种 (a 通知 or 公告 written
        without 事项): the item pages, the towns' pages and the parts list none of them, and the home page only the
        newest 20, so the 21st would be linked from no page. Those in force first, each group newest first."""
        return in_force_first([a for a in self.records
                               if not a.facts.item and a.facts.kind not in (RULES_KIND, ANNUAL_REPORT_KIND)])

    @property
    def annual_reports(self) -> list[Admission]:
        """政府信息公开工作年度报告, newest year first."""
        return sorted(self.of_kind(ANNUAL_REPORT_KIND), key=lambda a: (report_year(a), a.id), reverse=True)


def report_year(admission: Admission) -> int:
    """The year an annual report reports on: 报告年度, else the year before it was formed."""
    return admission.facts.report_year


def in_force_first(admissions: list[Admission]) -> list[Admission]:
    """Lists show documents in force first, each group newest first (the order given is kept within a group)."""
    ended = [a for a in admissions if a.validity != IN_FORCE]
    return [a for a in admissions if a.validity == IN_FORCE] + ended if ended else admissions


def site_data(catalog: Catalog, today: dt.date, gate: Gate | None = None) -> SiteData:
    """SiteData for *catalog* on *today*; records come from the publishing gate and nowhere else."""
    agency = catalog.agency
    if agency is None:
        raise ValueError("catalog has no valid gongkai.yaml")
    # the 指南, the 申请表 and 领导信息 leave out what says nothing (「无」「待定」: GK901, GK905)
    agency = agency.model_copy(update={"requests": agency.requests and agency.requests.said(agency.org.name),
                                       "leaders": agency.named_leaders})
    gate = gate or admit(catalog, today)
    order = {d.name: n for n, d in enumerate(agency.domains)}
    items = sorted(catalog.items.values(), key=lambda i: (order.get(i.domain, len(order)), i.domain, i.order))
    data = SiteData(agency, today, items, gate.to(Output.WEB), gate.next_change)
    data.blobs = {key: catalog.files[path].blob for key, path in catalog.paths.items() if key[0] != "record"}
    by_id, by_item, by_unit, by_kind = data.by_id, data.by_item, data.by_unit, data.by_kind
    for admission in data.records:  # 100,000 times on every build
        record = admission.facts
        by_id[record.id] = admission
        if record.item:
            by_item.setdefault(record.item, []).append(admission)
        by_unit.setdefault(record.unit, []).append(admission)
        by_kind.setdefault(record.kind, []).append(admission)
        for interpretation in record.interpretations:
            data.interpreted.setdefault(interpretation, []).append(admission)
        if record.replaced_by:
            data.replaced.setdefault(record.replaced_by, []).append(admission)
    data.replacements = Replacements.of(data.records)
    for lists in (data.by_item, data.by_unit):
        for key in list(lists):
            lists[key] = in_force_first(lists[key])
    return data
