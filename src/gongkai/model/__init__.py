"""Pydantic models of the catalog: agency, items, records; the vocabularies; deadlines."""

from gongkai.model.agency import Agency, Unit
from gongkai.model.item import Item
from gongkai.model.record import Record

__all__ = ["Agency", "Item", "Record", "Unit"]
