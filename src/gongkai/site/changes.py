"""目录调整记录: substantive changes of the directory, from the diff capability once it exists."""

from __future__ import annotations

import importlib
from typing import Any

from gongkai.catalog import Catalog


def directory_changes(catalog: Catalog) -> list[Any]:
    """The directory's recorded changes, newest first; empty until gongkai.history provides them."""
    for name in ("gongkai.history", "gongkai.diff"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        finder = getattr(module, "directory_changes", None)
        if finder is not None:
            return list(finder(catalog))
    return []
