"""The public website: build site/ from a catalog, taking records only from the publishing gate."""

from __future__ import annotations

from gongkai.site.build import BuildResult, build_site, quick_stamp, remember_build, unchanged_since_last_build

__all__ = ["BuildResult", "build_site", "quick_stamp", "remember_build", "unchanged_since_last_build"]
