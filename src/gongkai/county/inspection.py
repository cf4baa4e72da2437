"""SEAM: the yearly website inspection's results (gongkai inspect) in the county scorecard, where available.

gongkai inspect (package gongkai.inspect, the 国办秘函〔2019〕19号 checks of a department's column) is being built
in parallel and is not on main yet. Until it lands, inspection_of() returns None and the county scorecard shows
「未检查」. To switch it on, make inspection_of() call the inspect library on the loaded catalog and fill an
Inspection from its result; nothing else in gongkai.county needs to change (the scorecard, its xlsx and the json
output already carry the three fields below).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gongkai.catalog import Catalog


@dataclass(frozen=True)
class Inspection:
    """A department's inspection result: passed or not, its score (of 100) and the 单项否决 items it failed."""

    passed: bool
    score: float | None
    vetoes: int

    @property
    def text(self) -> str:
        """合格（92分） / 不合格（单项否决 2 项）, for tables."""
        points = f"{self.score:g}分" if self.score is not None else ""
        if self.passed:
            return f"合格（{points}）" if points else "合格"
        reasons = [r for r in (points, f"单项否决 {self.vetoes} 项" if self.vetoes else "") if r]
        return f"不合格（{'，'.join(reasons)}）" if reasons else "不合格"


def inspection_of(catalog: Catalog, today: dt.date) -> Inspection | None:
    """The department's inspection result as of *today*, or None where inspect is not available (today: always)."""
    return None
