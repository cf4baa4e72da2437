"""What table headers and tick options mean: the data table headers.yaml, merged with the model's vocabularies."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

from gongkai.catalog.yamlio import parse_fast
from gongkai.model import vocab

_TRAILING = re.compile(r"[：:*＊★☆]+$")
_REQUIRED = re.compile(r"^[*＊★☆※▲△]+")  # a required column marked before its name: 「*一级事项」「★公开内容」
BASE = re.compile(r"（[^（）]*）$|\[[^\[\]]*\]$|〔[^〔〕]*〕$")  # a trailing remark in brackets: （工作日）【要素】〔必填〕
# A level written in brackets after an item name's header: 「事项名称（二级）」 is the 二级事项, not (by its base
# 「事项名称」) a second 一级事项 column.
_LEVEL = re.compile(r"（([一二三])级(?:事项|目录)?）$")
_LEVELS = ("一级事项", "二级事项", "三级事项")
_BRACKETS = str.maketrans({"(": "（", ")": "）", "／": "/", "［": "[", "］": "]", "【": "[", "】": "]"})
# Zero-width space and BOM pasted from web pages; the variation selectors a phone or new Office puts after ✔ ☑ (✔️):
# the mark is the same.
_INVISIBLE = str.maketrans({"\u200b": None, "\ufeff": None, "\ufe0e": None, "\ufe0f": None})
_SPACES = str.maketrans({"\u00a0": " ", "\u3000": " "})


def visible(text: str) -> str:
    """Cell text without zero-width characters (pasted from web pages), every other character as typed."""
    return text.translate(_INVISIBLE)


def tidy(text: str) -> str:
    """Cell text with one spelling of brackets and slashes, and no invisible characters (spaces kept)."""
    return visible(text).translate(_SPACES).translate(_BRACKETS)


def norm(text: str) -> str:
    """A header or option as compared: no spaces or line breaks, full-width brackets, no trailing colon or *."""
    return _TRAILING.sub("", "".join(tidy(text).split()))


@dataclass(frozen=True)
class Choice:
    """A field filled by ticking options: its names, whether several may be ticked, and every spelling."""

    field: str
    names: tuple[str, ...]
    many: bool
    required: bool
    spellings: dict[str, tuple[str, ...]]  # normalised spelling → canonical names (several for 县乡两级)
    unmodelled: frozenset[str] = frozenset()  # options real tables have and gongkai does not (市级)

    def lookup(self, text: str) -> tuple[str, ...] | None:
        """The option(s) *text* spells, or None."""
        return self.spellings.get(norm(text))

    @cached_property
    def _by_first(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for spelling in sorted(self.spellings, key=len, reverse=True):
            index.setdefault(spelling[0], []).append(spelling)
        return index

    def spelling_at(self, text: str, pos: int) -> str | None:
        """The longest spelling of an option that *text* (tidied) holds at *pos*, or None."""
        return next((s for s in self._by_first.get(text[pos:pos + 1], ()) if text.startswith(s, pos)), None)

    @property
    def title(self) -> str:
        return "公开渠道和载体" if self.field == "公开渠道" else self.field


# (field, names, aliases of the model, several may be ticked, a row must tick one)
_MODEL: tuple[tuple[str, tuple[str, ...], dict[str, str], bool, bool], ...] = (
    ("公开对象", vocab.AUDIENCES, vocab.AUDIENCE_ALIASES, False, True),
    ("公开方式", vocab.MODES, vocab.MODE_ALIASES, False, True),
    ("公开层级", vocab.LEVELS, vocab.LEVEL_ALIASES, True, True),
    ("公开渠道", vocab.CHANNELS, vocab.CHANNEL_ALIASES, True, True),
    ("五公开", vocab.FIVE_DISCLOSURES, vocab.FIVE_DISCLOSURE_ALIASES, False, False),
    ("公开格式", vocab.FORMATS, {}, True, False),
    ("栏目类型", vocab.COLUMN_KINDS, {}, False, False),
    ("法定类别", vocab.LAW_CATEGORY_NAMES, {}, False, False),
)


@dataclass(frozen=True)
class HeaderTable:
    """Header spellings → field, and the tick fields with their options."""

    fields: dict[str, str]
    choices: dict[str, Choice]

    def field_of(self, label: str, loose: bool = True) -> str | None:
        """The field a header names (「二级事项名称」 is 「二级事项」); *loose*: 「公开时限（工作日）」 falls back to
        「公开时限」 when only the base is known."""
        text = _REQUIRED.sub("", norm(label))
        found = self.fields.get(text) or self.fields.get(text.removesuffix("名称") if text.endswith("事项名称") else "")
        if not found and (level := _LEVEL.search(text)) and self.field_of(text[:level.start()], loose) in _LEVELS:
            return f"{level.group(1)}级事项"
        return found or (self.fields.get(BASE.sub("", text)) if loose and text else None)

    def option_of(self, label: str) -> tuple[str, tuple[str, ...]] | None:
        """(field, options) when *label* alone names an option of exactly one tick field (全社会, 依申请公开 …)."""
        found = [(c.field, opts) for c in self.choices.values() if (opts := c.lookup(label))]
        groups = [f for f, _ in found if f in ("公开对象", "公开方式", "公开层级")]
        return found[0] if len(found) == 1 and groups else None


def _data() -> dict[str, Any]:
    text = resources.files("gongkai.interchange").joinpath("headers.yaml").read_text(encoding="utf-8")
    data = parse_fast(text)
    assert isinstance(data, dict)
    return data


@cache
def headers() -> HeaderTable:
    """The header table, read once from headers.yaml."""
    data = _data()
    fields = {norm(spelling): name for name, spellings in data["列"].items() for spelling in [name, *spellings]}
    extra: dict[str, dict[str, list[str]]] = data["勾选"]
    unmodelled = frozenset(norm(s) for s in data["不分的层级"])
    choices = {}
    for field, names, aliases, many, required in _MODEL:
        spellings: dict[str, tuple[str, ...]] = {norm(n): (n,) for n in names}
        spellings.update({norm(a): (n,) for a, n in aliases.items()})
        for option, words in (extra.get(field) or {}).items():
            spellings.update({norm(w): tuple(option.split("+")) for w in [option, *words]})
        if field == "公开渠道":
            spellings.update({norm(w): ("其他", w) for w in vocab.OTHER_CHANNEL_EXAMPLES})
        if field == "公开层级":
            spellings.update({s: (s,) for s in unmodelled})
        choices[field] = Choice(field, names, many, required, spellings, unmodelled if field == "公开层级" else frozenset())
    return HeaderTable(fields, choices)
