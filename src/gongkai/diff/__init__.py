"""Semantic diff of two states of a catalog: what changed, in words, matched by id, classed 实质性 or 文字性."""

from gongkai.diff.compare import compare_files
from gongkai.diff.model import SCHEMA, SUBSTANTIVE_FIELDS, CatalogDiff, Change, FieldChange, Side
from gongkai.diff.render import RENDERERS, render_json, render_markdown, render_text
from gongkai.diff.revisions import WORKTREE, diff_catalog, parse_range

__all__ = [
    "RENDERERS", "SCHEMA", "SUBSTANTIVE_FIELDS", "WORKTREE", "CatalogDiff", "Change", "FieldChange", "Side",
    "compare_files", "diff_catalog", "parse_range", "render_json", "render_markdown", "render_text",
]
