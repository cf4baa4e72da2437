"""Reading the catalog: sources, decoding, YAML with positions, caching, loading."""

from gongkai.catalog.load import Catalog, CatalogNotFound, Listing, find_root, load, load_catalog, open_catalog, scan

__all__ = ["Catalog", "CatalogNotFound", "Listing", "find_root", "load", "load_catalog", "open_catalog", "scan"]
