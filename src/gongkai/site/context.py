"""What the site shows: the catalog's directory and the records the gate admits, indexed for the pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gongkai.catalog import Catalog
from gongkai.gate import Output, admit
from gongkai.model import Item, Record
from gongkai.model.agency import Agency, Domain, Unit
from gongkai.model.vocab import FIVE_DISCLOSURES

FIVE_SLUGS: dict[str, str] = dict(zip(FIVE_DISCLOSURES, ("juece", "zhixing", "guanli", "fuwu", "jieguo"), strict=True))
TOWN_KIND = "乡镇民政办"
TOWN_LEVEL = "乡级"


@dataclass
class SiteData:
    """The directory and the admitted records, with the look-ups every page needs."""

    agency: Agency
    items: list[Item]
    records: list[Record]  # admitted only, newest first
    by_id: dict[str, Record] = field(default_factory=dict)
    by_item: dict[str, list[Record]] = field(default_factory=dict)
    by_unit: dict[str, list[Record]] = field(default_factory=dict)
    item_by_id: dict[str, Item] = field(default_factory=dict)
    interpreted: dict[str, list[Record]] = field(default_factory=dict)  # 解读 id → the documents it interprets
    blobs: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) → content hash of its file
    unsearchable: set[str] = field(default_factory=set)  # lists of people and ended 公示: never in the search index

    def blob(self, kind: str, object_id: str | None) -> str:
        """The content hash of the file defining *object_id*: a page's inputs key without serialising models."""
        return self.blobs.get((kind, object_id or ""), "")

    @property
    def title(self) -> str:
        return self.agency.site.title or f"{self.agency.org.name}政务公开"

    @property
    def date(self) -> dt.date | None:
        """The site's date: the newest 公开日期 (never the build time, so builds are reproducible)."""
        return self.records[0].published if self.records else None

    def domain_items(self, domain: Domain) -> list[Item]:
        return [i for i in self.items if i.domain == domain.name]

    def five_items(self, five: str) -> list[Item]:
        return [i for i in self.items if i.five == five]

    @property
    def towns(self) -> list[Unit]:
        return [u for u in self.agency.units if u.kind == TOWN_KIND]

    @property
    def town_items(self) -> list[Item]:
        return [i for i in self.items if TOWN_LEVEL in i.levels]

    def unit_name(self, unit_id: str) -> str:
        unit = self.agency.unit(unit_id)
        return unit.name if unit else unit_id

    def related(self, ids: list[str]) -> list[Record]:
        """The admitted records among *ids*; a non-public one leaves nothing behind."""
        return [self.by_id[i] for i in ids if i in self.by_id]


def site_data(catalog: Catalog, today: dt.date) -> SiteData:
    """SiteData for *catalog*; records come from the publishing gate and nowhere else."""
    agency = catalog.agency
    if agency is None:
        raise ValueError("catalog has no valid gongkai.yaml")
    order = {d.name: n for n, d in enumerate(agency.domains)}
    items = sorted(catalog.items.values(), key=lambda i: (order.get(i.domain, len(order)), i.domain, i.id))
    admitted = admit(catalog, today).to(Output.WEB)
    records = [a.record for a in admitted]
    data = SiteData(agency, items, records)
    data.unsearchable = {a.id for a in admitted if a.lists_people or not a.shows_content}
    data.item_by_id = {i.id: i for i in items}
    data.blobs = {key: catalog.files[path].blob for key, path in catalog.paths.items()}
    for record in records:
        data.by_id[record.id] = record
        if record.item:
            data.by_item.setdefault(record.item, []).append(record)
        data.by_unit.setdefault(record.unit, []).append(record)
        for interpretation in record.interpretations:
            data.interpreted.setdefault(interpretation, []).append(record)
    return data
