"""Reading the catalog: sources, decoding, YAML with positions, caching, loading."""

from gongkai.catalog import consultations, notices  # noqa: F401 - register consultations/ and calendar/ files
from gongkai.catalog.load import Catalog, CatalogNotFound, Listing, find_root, load, load_catalog, open_catalog, scan

__all__ = ["Catalog", "CatalogNotFound", "Listing", "find_root", "load", "load_catalog", "open_catalog", "scan"]
