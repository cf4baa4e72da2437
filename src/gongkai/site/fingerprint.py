"""The templates' fingerprint: part of every build's stamp, so it is read without loading jinja2 or Markdown."""

from __future__ import annotations

import hashlib
from importlib import resources
from typing import Any

TEMPLATES = "templates/site"


def templates_fingerprint() -> str:
    """A hash of every template and asset, by its name inside the package: a changed template re-renders every
    page; the same templates installed elsewhere (another virtualenv, another folder) do not."""
    digest = hashlib.sha256()
    for name, entry in sorted(_walk(resources.files("gongkai").joinpath(TEMPLATES), "")):
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
