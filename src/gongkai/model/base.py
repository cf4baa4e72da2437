"""What every catalog model shares: Chinese aliases, no unknown keys, numbers accepted as text."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints
from pydantic_core import PydanticCustomError

from gongkai.days import YEARS, DayError, read_day

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ObjectId = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]


def parse_day(value: Any) -> dt.date:
    """read_day for pydantic: the same forms, the errors as pydantic errors with Chinese messages."""
    try:
        return read_day(value)
    except DayError as exc:
        kind = "date_value" if exc.no_such_day else "date_form"
        raise PydanticCustomError(kind, exc.message) from None  # no context given: the text is not formatted


Day = Annotated[dt.date, BeforeValidator(parse_day)]

_WEB = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d+)?(/[^\s\"'<>\\`]*)?$")


def check_web_address(value: str) -> str:
    """An address that becomes a link must be http(s)://host/…: never javascript:, data: or a relative path."""
    if not _WEB.fullmatch(value):
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
