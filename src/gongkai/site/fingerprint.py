"""The templates' and the search index's fingerprints: part of every build's stamp, so they are read without loading
jinja2, Markdown or the search code."""

from __future__ import annotations

import hashlib
from importlib import resources
from typing import Any

TEMPLATES = "templates/site"
SEARCH = "search"  # the index's code: its format (files.FORMAT) and tokenizer rules (files.TOKENS) are written there


def templates_fingerprint() -> str:
    """A hash of every template and asset, by its name inside the package: a changed template re-renders every
    page; the same templates installed elsewhere (another virtualenv, another folder) do not."""
    digest = hashlib.sha256()
    for name, entry in sorted(_walk(resources.files("gongkai").joinpath(TEMPLATES), "")):
        digest.update(name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()


def search_fingerprint() -> str:
    """A hash of the search index's source files, by name inside the package: an index made by other rules (an older
    gongkai of the same version number) is looked at by the next build even when nothing else changed, and rebuilt
    when its rules differ (gongkai.search.update_index); the same code installed elsewhere gives the same hash."""
    digest = hashlib.sha256()
    for name, entry in sorted(_walk(resources.files("gongkai").joinpath(SEARCH), "")):
        if name.endswith(".py"):
            digest.update(name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()


def _walk(node: Any, prefix: str) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for child in node.iterdir():
        if child.is_dir():
            found.extend(_walk(child, f"{prefix}{child.name}/"))
        elif not child.name.endswith(".pyc"):
            found.append((prefix + child.name, child))
    return found
