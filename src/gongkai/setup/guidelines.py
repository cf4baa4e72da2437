"""The standard-directory rows of the ministries' guidelines, shipped as data: one file per 领域 and guideline."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from gongkai.catalog.yamlio import parse_fast
from pydantic import Field

from gongkai.model.base import CatalogModel, ObjectId, Text
from gongkai.model.vocab import LEVELS

FOLDER = ("data", "guidelines")
TOWN_LEVEL = LEVELS[1]  # 乡级


class GuidelineUnit(CatalogModel):
    """The 股室 a new catalog gives the 领域 to, unless the bureau names one of its own."""

    id: ObjectId = Field(alias="编号")
    name: Text = Field(alias="名称")


class Guideline(CatalogModel):
    """One guideline's rows for one 领域 (e.g. 社会救助 of 民办函〔2019〕52号)."""

    title: Text = Field(alias="指引")
    number: Text = Field(alias="文号")
    issuer: Text = Field(alias="发布机关")
    department: Text = Field(alias="部门")  # a bureau whose name holds it (民政局) falls under the guideline
    domain: Text = Field(alias="领域")
    code: str = Field(alias="代码", pattern=r"^[A-Z]{2,8}$")
    unit: GuidelineUnit = Field(alias="责任单位")
    town_unit: GuidelineUnit = Field(alias="乡镇责任单位")  # the office of a 乡镇人民政府 that takes the 领域
    rows: list[dict[str, Any]] = Field(alias="事项", min_length=1)

    @property
    def citation(self) -> str:
        """How the guideline is cited in a 公开依据: 《…》（文号）."""
        return f"《{self.title}》（{self.number}）"


@cache
def guidelines() -> tuple[Guideline, ...]:
    """Every shipped guideline, in file-name order."""
    folder = resources.files("gongkai.setup").joinpath(*FOLDER)
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)
    return tuple(Guideline.model_validate(parse_fast(f.read_text(encoding="utf-8"))) for f in files)


def guideline_for(domain: str) -> Guideline | None:
    """The shipped guideline of a 领域, or None."""
    return next((g for g in guidelines() if g.domain == domain), None)


# The word of a 部门 inside a longer word that is not that 部门: 人民政府, 人民政协, 便民政务, 惠民政策 all hold 民政.
_NOT_DEPARTMENT = "府务协策"


def guidelines_of(agency_name: str) -> list[Guideline]:
    """The shipped guidelines a bureau falls under, by the 部门 its name holds (民政局 → the 民政 guidelines; not
    安溪县城厢镇人民政府, whose 人民政府 holds 民政 too)."""
    return [g for g in guidelines()
            if re.search(re.escape(g.department) + f"(?![{_NOT_DEPARTMENT}])", agency_name)]


def seed_rows(guideline: Guideline, unit_id: str, township: bool = False) -> list[dict[str, Any]]:
    """The guideline's rows as item fields with 编号, 领域 and 责任单位 filled in, numbered from 001.

    For a 乡镇人民政府 (*township*) only the rows published at 乡级 are its own, and only at 乡级.
    """
    rows = [row for row in guideline.rows if not township or TOWN_LEVEL in row.get("公开层级", [])]
    return [{"编号": f"{guideline.code}-{n:03d}", "领域": guideline.domain, **row, "责任单位": unit_id,
             **({"公开层级": [TOWN_LEVEL]} if township else {})}
            for n, row in enumerate(rows, start=1)]
