"""What every catalog model shares: Chinese aliases, no unknown keys, numbers accepted as text."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints
from pydantic_core import PydanticCustomError

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ObjectId = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]


_DATE_FORMS = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


class DayError(ValueError):
    """Not a date: *no_such_day* when the form is right but the day is not real (2026-02-30), else the form is wrong."""

    def __init__(self, value: Any, no_such_day: bool) -> None:
        super().__init__(value)
        self.value = value
        self.no_such_day = no_such_day


def read_day(value: Any) -> dt.date:
    """A calendar date as people type it: 2026-03-02, 2026/3/2, 2026.3.2 or 2026年3月2日; else DayError."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        if len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        match = _DATE_FORMS.match(value.strip())
        if match:
            try:
                return dt.date(*(int(g) for g in match.groups()))
            except ValueError:
                raise DayError(value, no_such_day=True) from None
    raise DayError(value, no_such_day=False)


def parse_day(value: Any) -> dt.date:
    """read_day for pydantic: the same forms, the errors as pydantic errors with Chinese messages."""
    try:
        return read_day(value)
    except DayError as exc:
        if exc.no_such_day:
            raise PydanticCustomError("date_value", "日期不存在：{value}", {"value": value}) from None
        raise PydanticCustomError(
            "date_form", "日期格式应为 YYYY-MM-DD，如 2026-03-02，而不是「{value}」", {"value": value}
        ) from None


Day = Annotated[dt.date, BeforeValidator(parse_day)]

_WEB = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d+)?(/[^\s\"'<>\\`]*)?$")


def check_web_address(value: str) -> str:
    """An address that becomes a link must be http(s)://host/…: never javascript:, data: or a relative path."""
    if not _WEB.match(value):
        raise PydanticCustomError(
            "web_address", "网址应以 http:// 或 https:// 开头，且不含空格和引号，而不是「{value}」", {"value": value}
        )
    return value


WebAddress = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(check_web_address)]


class CatalogModel(BaseModel):
    """Base of all models read from catalog YAML: keys are the official Chinese names."""

    model_config = ConfigDict(
        populate_by_name=True,
        extra="forbid",
        coerce_numbers_to_str=True,
        frozen=True,
        str_strip_whitespace=True,
    )
