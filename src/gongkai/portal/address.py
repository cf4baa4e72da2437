"""Addresses on the county portal: the department's column (网站.基础地址) and a record's page inside it."""

from __future__ import annotations

from gongkai.model.agency import Agency

RECORD_PAGE = "records/{id}.html"  # where the site puts a record's page, relative to the column


def column_address(agency: Agency) -> str | None:
    """网站.基础地址 as every output writes it (one slash at the end, the path encoded: the model's
    ColumnAddress), or None when it is not set."""
    return agency.site.base_url


def record_address(agency: Agency, record_id: str) -> str | None:
    """The absolute address of a record's web page, or None without a 基础地址."""
    base = column_address(agency)
    return base + RECORD_PAGE.format(id=record_id) if base else None
