"""The GB/T 2260 county-level codes and the 乡镇 of each county, shipped as package data (see the files' headers)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class County:
    """A county-level division: 6-digit code, name, and the prefecture and province it belongs to."""

    code: str
    name: str
    prefecture: str
    province: str

    @property
    def full_name(self) -> str:
        """Province, prefecture and county, as addresses are written: 福建省泉州市永春县."""
        return f"{self.province}{self.prefecture}{self.name}"

    @property
    def formal_name(self) -> str:
        """The name its government, court, archives and library carry: a 市辖区's with its city (成都市武侯区人民政府,
        北京市朝阳区人民法院; there are six 鼓楼区 and two 新城区), a county's or a county-level city's alone (安溪县,
        宜兴市), as is 神农架林区, under no city."""
        if not self.name.endswith("区"):
            return self.name
        city = self.prefecture or (self.province if self.province.endswith("市") else "")
        return city + self.name


@dataclass(frozen=True)
class Town:
    """A 乡镇 (or 街道) of a county: 9-digit code and name."""

    code: str
    name: str


# Full-width digits (an IME left in full-width mode) are the same code: ５１０１０７ is 510107.
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def normal_code(code: str) -> str:
    """A 区划代码 as typed, in ASCII digits and without spaces around or inside it."""
    return "".join(code.translate(_DIGITS).split())


def _lines(name: str) -> list[list[str]]:
    text = resources.files("gongkai.setup").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def counties() -> dict[str, County]:
    """Every county-level division by code."""
    return {code: County(code, name, prefecture, province) for code, name, prefecture, province in _lines("counties.tsv")}


@cache
def _towns() -> dict[str, str]:
    return {code: rest for code, rest in _lines("towns.tsv")}


def named(text: str) -> list[County]:
    """The counties *text* names, when a name was written where the code goes (安溪县, 安溪, 福建省泉州市安溪县)."""
    text = "".join(text.split())
    if len(text) < 2:
        return []
    return [c for c in counties().values()
            if text in (c.name, c.full_name, c.prefecture + c.name) or (len(c.name) > 2 and text == c.name[:-1])]


# County names that are also everyday phrases of an official text: 「县民政局会同县财政局」 (together with), 「老城区
# 改造」. Taken as the county only when written after its prefecture (怀化市会同县, 洛阳市老城区).
_PHRASES = frozenset({"会同县", "老城区", "新城区", "城中区", "城东区", "城西区", "城北区", "市中区", "新市区", "城关区"})


@cache
def _counties_of(province: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern finding every county of *province* a text names (three characters or more: not 城区, 郊区, which
    are words too), longest first, and the county each way of writing it names."""
    written = {}
    for c in counties().values():
        if c.province == province and len(c.name) >= 3:
            written[c.prefecture + c.name if c.name in _PHRASES else c.name] = c.name
    ordered = sorted(written, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered)) or "(?!)"), written


def other_counties_in(text: str, own: County) -> list[str]:
    """The names of the counties of *own*'s province other than *own* that *text* writes: 「安溪县婚姻登记处」 in a 德化县
    bureau's item came with the neighbour's table (a county named like *own* is taken to be *own*). Only the province's:
    a neighbour's table is of the same province, and a name of a county far away is more often a phrase."""
    pattern, written = _counties_of(own.province)
    return list(dict.fromkeys(name for found in pattern.findall(text) if (name := written[found]) != own.name))


def county(code: str) -> County | None:
    """The county-level division with this 6-digit code, or None when the code is not in the list."""
    return counties().get(code.strip())


def towns_of(code: str) -> list[Town]:
    """The county's 乡镇 and 街道 in code order; empty when the bundled list has none for it."""
    entries = _towns().get(code, "")
    return [Town(code + entry[:3], entry[3:]) for entry in entries.split(" ") if entry]


def rare_characters(name: str) -> str:
    """The characters of a division's *name* outside GB 2312, the set every input method types (㳇 of 湖㳇镇)."""
    return "".join(ch for ch in name if not _common(ch))


def _common(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def written_for(text: str, name: str) -> str | None:
    """What *text* writes for the division *name* with its rare characters typed as other ones (湖父镇 for 湖㳇镇, the
    way it is often written where 㳇 cannot be typed), or None: the official spelling, or nothing like it."""
    if not rare_characters(name):
        return None
    pattern = "".join("." if not _common(ch) else re.escape(ch) for ch in name)
    found = re.search(pattern, text)
    return found.group(0) if found and found.group(0) != name else None
