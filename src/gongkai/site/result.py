"""What a build did: the one result the CLI reports, whether the build made everything, something or nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class BuildResult:
    """What a build did."""

    out: Path
    pages: int = 0  # files on the site
    made: int = 0  # files made again because their inputs changed
    written: int = 0  # files whose bytes changed
    removed: int = 0
    taken_down: list[str] = field(default_factory=list)  # pages and attachments gone since the last build
    index_dropped: int = 0  # files of the last build's search index removed by a build without one (--no-search)
    unchanged: bool = False  # nothing to do: the catalog and the gate's decision are as at the last build
    blocked: dict[str, str] = field(default_factory=dict)  # record id → why it was held back (masked)
    next_change: dt.date | None = None  # build again on this day (a 公示 ends, a record's 公开日期 comes)
    next_change_provisional: bool = False  # that day is the end of a 公示 counted on the 暂定 calendar
    search_seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    # What the build read and made (the catalog, the gate's decisions, the pages), held by the result: a command that
    # exits right after keeps it to the end (cli.keep) rather than freeing 100,000 objects one by one (0.2–0.3 s).
    held: Any = field(default=None, repr=False, compare=False)

