"""Rendering a Report: human text, json, GitHub annotations, SARIF. Returns strings; never prints."""

from __future__ import annotations

from collections.abc import Callable

from gongkai.diagnostics import Report
from gongkai.output.github import render_github
from gongkai.output.json import render_json
from gongkai.output.sarif import render_sarif
from gongkai.output.text import LineReader, render_text

FORMATS: dict[str, Callable[[Report, LineReader], str]] = {
    "text": render_text,
    "json": lambda report, _: render_json(report),
    "github": lambda report, _: render_github(report),
    "sarif": lambda report, _: render_sarif(report),
}

__all__ = ["FORMATS", "LineReader", "render_github", "render_json", "render_sarif", "render_text"]
