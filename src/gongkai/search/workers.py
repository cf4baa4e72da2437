"""Forked workers for the index's longest loops (writing shards): gongkai.forking's, which ignore Ctrl+C and die
with the build."""

from __future__ import annotations

from gongkai.forking import in_parallel, ranges, shared

__all__ = ["in_parallel", "ranges", "shared"]
