"""The people a text lists: a table with a name column (not of officials in office), or names enumerated in prose
(「同意向陈水生、林阿妹、黄明德3户发放临时救助金」). The gate reads them in a record's body and attachments
(scan._Lists); a diff reads them in a record's body, to show neither the list nor a name from it (diff.compare)."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.privacy.columns import TablePeople, people_of
from gongkai.privacy.extract import Table, markdown_tables
from gongkai.privacy.titles import enumerated_names


@dataclass(frozen=True)
class Listed:
    """What texts list of people: whether they list any, the names, and each table read (its header, name columns)."""

    people: bool
    names: frozenset[str]
    tables: tuple[TablePeople, ...]


def people_listed(texts: list[str], tables: list[Table]) -> Listed:
    """The people *texts* list in prose and *tables* list in a name column."""
    listed = {name for text in texts for name in enumerated_names(text)}
    read = tuple(people_of([table.header, *table.rows]) for table in tables)
    return Listed(bool(listed) or any(r.private for r in read), frozenset(listed.union(*(r.names for r in read))), read)


def body_people(body: str | None) -> Listed:
    """The people a Markdown body lists."""
    if not body:
        return Listed(False, frozenset(), ())
    return people_listed([body], markdown_tables(body) if "|" in body else [])
