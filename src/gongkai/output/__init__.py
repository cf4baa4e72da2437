"""Rendering a Report: human text, json, GitHub annotations, SARIF. Returns strings; never prints."""

from __future__ import annotations

from collections.abc import Callable

from importlib import import_module
from typing import Any

from gongkai.diagnostics import Report
from gongkai.output.text import LineReader, render_text

# The other formats are imported when asked for: github masks with the privacy detector, slow to import.
_LAZY = {"render_github": "gongkai.output.github", "render_json": "gongkai.output.json",
         "render_sarif": "gongkai.output.sarif"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(name)


# Each takes the report, the reader of the lines shown beside findings, and the catalog folder's path inside its
# repository: GitHub places an annotation, and code scanning a result, only on a path from the repository's top.
FORMATS: dict[str, Callable[[Report, LineReader, str], str]] = {
    "text": lambda report, line, _: render_text(report, line),
    "json": lambda report, _, __: __getattr__("render_json")(report),
    "github": lambda report, _, prefix: __getattr__("render_github")(report, prefix),
    "sarif": lambda report, _, prefix: __getattr__("render_sarif")(report, prefix),
}

__all__ = ["FORMATS", "LineReader", "render_github", "render_json", "render_sarif", "render_text"]
