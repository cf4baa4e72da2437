"""A rule: code, slug, Chinese title, default severity, a four-part explanation, and a check that yields findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from gongkai.catalog import Catalog
from gongkai.diagnostics import Location, Severity
from gongkai.holidays import calendar_of
from gongkai.workdays import CalendarMissing, WorkdayCalendar

T = TypeVar("T")


@dataclass(frozen=True)
class Finding:
    """What a rule found: where (id and field), what, and how to fix it. The catalog supplies line and column."""

    location: Location
    message: str
    hint: str | None = None
    prefer_key: bool = False
    line_offset: int = 0  # lines below the located value, e.g. a line inside a 正文 block


@dataclass
class Context:
    """What rules look at: the catalog, today's date, and the working-day calendar."""

    catalog: Catalog
    today: dt.date
    extras: dict[str, Any] = field(default_factory=dict)
    unknown_years: dict[int, Location] = field(default_factory=dict)  # years no calendar covers, and who needed them
    # Every (year, needed by) in the order met: an incremental run rebuilds unknown_years from the parts it reuses.
    year_needs: list[tuple[int, Location]] = field(default_factory=list)

    @cached_property
    def calendar(self) -> WorkdayCalendar:
        """The catalog's calendar; a year without a notice yet is computed provisionally (暂定), not refused."""
        return calendar_of(self.catalog).provisional()

    def dated(self, compute: Callable[[WorkdayCalendar], T], needed_by: Location) -> T | None:
        """compute(calendar), or None when a date lies in a year not even a provisional calendar covers.

        The one place rules meet CalendarMissing: the year is remembered and GK805 reports it once.
        """
        try:
            return compute(self.calendar)
        except CalendarMissing as missing:
            self.unknown_years.setdefault(missing.year, needed_by)
            self.year_needs.append((missing.year, needed_by))
            return None

    def record_parts(self, name: str) -> list[tuple[str, str, Any]]:
        """(path, id, part) of every valid record, by path: what the VIEW rule reads of each record (RECORD_PARTS)."""
        key = f"part:{name}"
        if key not in self.extras:
            part = RECORD_PARTS[name]
            self.extras[key] = [(path, record.id, part(self, record)) for path, record in self.catalog.models("record")]
        found: list[tuple[str, str, Any]] = self.extras[key]
        return found


Check = Callable[[Context], Iterable[Finding]]

# What a rule's findings about a file depend on, so that validate re-checks only what an edit touches:
# FILE   — that file's parsed content (every file of its kind), its attachments, gongkai.yaml, the calendar, the date;
# FIRST  — the same, but only the first file of each id is looked at (rules that read catalog.records / .items);
#          a record's item may be read too (catalog.items.get(record.item)): a change to it re-checks the record;
# KEYED  — each finding lies in the file it checks, and depends on that file, on every file that is not a record, and
#          on the records it shares an id, a reference or a 索引号 with (recheck.view.keys_of): it looks others up only
#          by id (catalog.records.get / in / [], catalog.path_of, catalog.index_holders, catalog.unreadable), or
#          compares the records it checks by a key of recheck.view.COMPARED (a page name, an attachment);
# VIEW   — reads files that are not records, and records only by id (as KEYED) or through Context.record_parts:
#          it never iterates the records (catalog.models("record"), catalog.records.values());
# CATALOG — anything in the catalog (other files: ids, references, ledgers…). The default: when in doubt, CATALOG.
FILE, FIRST, KEYED, VIEW, CATALOG = "file", "first", "keyed", "view", "catalog"

# What a VIEW rule reads of each record: name → part(ctx, record), a value of str, int, bool, None and tuples of them
# (kept with the file between runs). A part may read the record, files that are not records, the calendar and the date.
Part = Callable[[Context, Any], Any]
RECORD_PARTS: dict[str, Part] = {}


def record_part(name: str) -> Callable[[Part], Part]:
    """Decorator: register *part* as what a VIEW rule reads of each record under *name*."""

    def wrap(part: Part) -> Part:
        RECORD_PARTS[name] = part
        return part

    return wrap


def first_parts(parts: list[tuple[str, str, Any]]) -> Iterator[Any]:
    """The part of the first record (by path) of each id: what catalog.records.values() would give."""
    seen: set[str] = set()
    for _, object_id, value in parts:
        if object_id not in seen:
            seen.add(object_id)
            yield value


@dataclass(frozen=True)
class Rule:
    """One registered rule. Load-phase rules (file, YAML, schema) have no check: the loader applies them."""

    code: str
    slug: str
    title: str
    severity: Severity
    what: str
    why: str
    example: str
    instead: str
    check: Check | None = None
    runs_last: bool = False  # reads what the other rules left in the Context (GK805)
    scope: str = CATALOG  # FILE, FIRST, KEYED, VIEW or CATALOG (above)

    @property
    def family(self) -> str:
        return FAMILIES.get(self.code[:4]) or FAMILIES.get(self.code[:3], "其他")


FAMILIES = {
    "GK0": "文件与 YAML 格式",
    "GK1": "字段与取值",
    "GK2": "编号与引用",
    "GK3": "公开属性与保密审查",
    "GK4": "时限与三同步",
    "GK5": "移交两馆",
    "GK52": "门户导出",  # GK520–GK549: the portal export's ledgers, a band inside GK5
    "GK53": "门户导出",
    "GK54": "门户导出",
    "GK55": "新机关启用",  # GK550–GK579: what gongkai init generated, a band inside GK5
    "GK56": "新机关启用",
    "GK57": "新机关启用",
    "GK6": "个人信息保护",
    "GK7": "依申请公开办理",
    "GK8": "节假日安排",
    "GK9": "政府信息公开栏目",
    "GK95": "咨询留言登记",  # GK950–GK999 within GK9
}

REGISTRY: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Add a rule to the registry; codes are never reused."""
    if rule.code in REGISTRY:
        raise ValueError(f"duplicate rule code {rule.code}")
    REGISTRY[rule.code] = rule
    return rule


def rule(code: str, slug: str, title: str, severity: Severity, *, what: str, why: str, example: str,
         instead: str, runs_last: bool = False, scope: str = CATALOG) -> Callable[[Check], Check]:
    """Decorator: register *check* as the rule *code*."""

    def wrap(check: Check) -> Check:
        register(Rule(code, slug, title, severity, what, why, example, instead, check, runs_last, scope))
        return check

    return wrap
