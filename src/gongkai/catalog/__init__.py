"""Reading the catalog: sources, decoding, YAML with positions, caching, loading.

The names below are imported on first use: listing the catalog (catalog.listing) must not import the models that
loading it needs (catalog.loader), so that a validate answered from the cache stays light.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gongkai.catalog.listing import CatalogNotFound, Listing, find_root, open_catalog, scan
    from gongkai.catalog.loader import Catalog, load, load_catalog

_HOME = {"CatalogNotFound": "listing", "Listing": "listing", "find_root": "listing", "open_catalog": "listing",
         "scan": "listing", "Catalog": "loader", "load": "loader", "load_catalog": "loader"}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(import_module(f"gongkai.catalog.{_HOME[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Catalog", "CatalogNotFound", "Listing", "find_root", "load", "load_catalog", "open_catalog", "scan"]
