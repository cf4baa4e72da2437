"""What every catalog model shares: Chinese aliases, no unknown keys, numbers accepted as text."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Any
from urllib.parse import quote

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints, field_validator
from pydantic_core import PydanticCustomError

from gongkai.characters import CONTROL_CHARACTERS
from gongkai.days import YEARS, DayError, read_day

# Characters no page, feed, XML or spreadsheet can carry (gongkai.characters): a value holding one is an error where
# it is read (a catalog file has them taken out before: catalog.invisible).
_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")


def check_printable(value: str) -> str:
    """*value* unchanged, or a Chinese error naming the first invisible control character in it."""
    found = _CONTROL.search(value)
    if found is not None:
        raise PydanticCustomError(
            "control_character", "含有看不见的控制字符 U+{code}（第{position}个字符，常见于从 Word 或网页复制的换行）",
            {"code": f"{ord(found.group()):04X}", "position": found.start() + 1})
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(check_printable)]
Body = Annotated[str, AfterValidator(check_printable)]  # Markdown: blank lines and indentation are its own
# A 编号 names files and folders of every output: records/<编号>.html, items/<编号>.html, towns/<编号>/ on the site the
# county's webmaster copies to a Windows/IIS server, the 两馆's folders (<编号>/), the portal export. Windows cannot
# hold a name whose part before the first dot is a device name (CON, aux, nul.x, COM1), nor one ending in a dot (it
# drops the dot: towns/mzb-102./ is towns/mzb-102/); and a name over 255 bytes fails on every system (Linux, the
# web server), so one over-long 编号 used to stop the whole build-site.
MAX_ID_LENGTH = 64
_DEVICE_NAME = re.compile(r"(?i:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?")


def check_windows_name(value: str) -> str:
    """*value* unchanged when it can name a file or folder on Windows (no device name, no dot at the end)."""
    if _DEVICE_NAME.fullmatch(value):
        device = value.split(".", 1)[0].upper()
        raise PydanticCustomError(
            "windows_name", "「{value}」在 Windows 上是保留的设备名 {device}：以它命名的网页、文件夹在县政府网站的 Windows "
            "服务器和两馆的电脑上无法保存", {"value": value, "device": device})
    if value.endswith("."):
        raise PydanticCustomError(
            "windows_name", "「{value}」以「.」结尾：Windows 会去掉末尾的点，以它命名的网页、文件夹在县政府网站的服务器上"
            "是另一个名字", {"value": value})
    return value


def check_object_id(value: str) -> str:
    """A 编号 every output can name a file after: see MAX_ID_LENGTH."""
    if len(value) > MAX_ID_LENGTH:
        raise PydanticCustomError(
            "id_too_long", "太长（{length} 个字符）：网站的网页和两馆的文件夹以编号命名，编号最多 {limit} 个字符",
            {"length": len(value), "limit": MAX_ID_LENGTH})
    return check_windows_name(value)


ObjectId = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$"),
                     AfterValidator(check_object_id)]


def page_key(object_id: str) -> str:
    """The form in which two 编号 name the same page: the site names a page after its 编号 (records/R2026-001.html),
    and Windows/IIS servers and many portals do not tell upper from lower case, so R2026-001 and r2026-001 are one
    file there (one page overwrites the other)."""
    return object_id.lower()


# The brackets a 文号's year is typed in (〔2026〕 is the standard's; [2026], （2026）, 【2026】 are the same number on
# paper) and the spaces Notepad users type inside a number: number_key does not tell them apart.
_SAME_ON_PAPER = str.maketrans({"[": "〔", "(": "〔", "【": "〔", "〖": "〔", "]": "〕", ")": "〕", "】": "〕", "〗": "〕",
                                " ": None, "\u3000": None, "\t": None})


# 安民2026年12号 is 安民〔2026〕12号 typed without brackets; 第12号 and 012号 are 12号 (the site's search reads 文号 so too)
_YEAR_NIAN = re.compile(r"(?<![0-9])([0-9]{4})年(?=第?[0-9])")
_ORDINAL = re.compile(r"第(?=[0-9]+号)")
_ZEROS = re.compile(r"(?<![0-9])0+(?=[0-9]+号)")


def number_key(number: str) -> str:
    """The form in which two 索引号 (or two 文号) are one number on paper, to the archives, the library and a reader:
    full-width and half-width characters (３５０５２４, －), upper and lower case (MZ, mz), spaces, the brackets of a
    文号's year or none (安民〔2026〕12号, 安民[2026]12号, 安民2026年12号), 第 and leading zeros (第12号, 012号)."""
    folded = unicodedata.normalize("NFKC", number).casefold().translate(_SAME_ON_PAPER)
    return _ZEROS.sub("", _ORDINAL.sub("", _YEAR_NIAN.sub(r"〔\1〕", folded)))


def parse_day(value: Any) -> dt.date:
    """read_day for pydantic: the same forms, the errors as pydantic errors with Chinese messages."""
    try:
        return read_day(value)
    except DayError as exc:
        kind = "date_value" if exc.no_such_day else "date_form"
        raise PydanticCustomError(kind, exc.message) from None  # no context given: the text is not formatted


Day = Annotated[dt.date, BeforeValidator(parse_day)]


def numbers_not_true_or_false(*fields: str, kind: str = "int_type") -> Any:
    """A validator refusing true/false in the number *fields* of a model (kind float_type for amounts of money).

    pydantic reads true as 1: 「行政事业性收费: true」 put 1 万元 in the annual report and 「份数: true」 one copy, without
    a word. (A field validator, not an annotated type: the bounds stay minimum/maximum in the editors' JSON Schema.)
    """
    def check(cls: type, value: Any) -> Any:
        if isinstance(value, bool):
            raise PydanticCustomError(kind, "是 true 或 false，这里要写数字")
        return value
    return field_validator(*fields, mode="before")(check)


_WEB = re.compile(r"^(?i:https?)://[A-Za-z0-9.-]+(:\d+)?(/[^\s\"'<>\\`]*)?$")


def check_web_address(value: str) -> str:
    """An address that becomes a link must be http(s)://host/…: never javascript:, data: or a relative path."""
    if not _WEB.fullmatch(value):
        raise PydanticCustomError(
            "web_address", "网址应以 http:// 或 https:// 开头，且不含空格和引号，而不是「{value}」", {"value": value}
        )
    return value


WebAddress = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(check_web_address)]

_PATH_SAFE = "/:@!$&'()*+,;=-._~%"
_LONE_PERCENT = re.compile("%(?![0-9A-Fa-f]{2})")


def column_address(value: str) -> str:
    """网站.基础地址 in the one form every output writes: scheme and host in lower case, the path percent-encoded
    (中文 as UTF-8 %XX, what a sitemap must hold), ending in one slash so that a page's path is appended to it.

    It names a folder: a query (?…) or fragment (#…) written after it is dropped, as a browser resolving a page's
    address against it would (it used to end up in the middle of every address: …/mzj?a=1/records/R….html)."""
    check_web_address(value)
    scheme, rest = value.split("://", 1)
    rest = re.split("[?#]", rest, maxsplit=1)[0]
    host, _, path = rest.partition("/")
    path = quote(_LONE_PERCENT.sub("%25", path), safe=_PATH_SAFE)
    path = "/".join(_folder(path.split("/")))
    path = _ESCAPE.sub(lambda m: m.group().upper(), path)
    scheme, host = scheme.lower(), host.lower()
    host = host.removesuffix(_DEFAULT_PORT[scheme])  # https://host:443/ is https://host/ to a browser
    return f"{scheme}://{host}/" + (path + "/" if path else "")


# The page a portal serves for a folder: an address copied from the browser's bar often ends in it
# (…/mzj/index.shtml), and a page's address appended to it would name nothing (…/mzj/index.shtml/records/R….html).
_INDEX_PAGE = re.compile(r"(?i:(?:index|default)\.(?:s?html?|jhtml|jsp|php|aspx?))")
_ESCAPE = re.compile("%[0-9a-f]{2}")
_DEFAULT_PORT = {"http": ":80", "https": ":443"}


def _folder(segments: list[str]) -> list[str]:
    """The folder a path names, as a browser resolves it: . and .. taken out (RFC 3986 §5.2.4), empty segments
    (//) dropped, and a folder's own index page (index.html, index.shtml, default.aspx …) at the end left off."""
    if segments and _INDEX_PAGE.fullmatch(segments[-1]):
        segments = segments[:-1]
    folder: list[str] = []
    for segment in segments:
        dots = segment.lower().replace("%2e", ".")  # %2e is a dot to a browser (WHATWG URL)
        if dots == "..":
            folder = folder[:-1]
        elif dots not in ("", "."):
            folder.append(segment)
    return folder


ColumnAddress = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(column_address)]


class CatalogModel(BaseModel):
    """Base of all models read from catalog YAML: keys are the official Chinese names."""

    model_config = ConfigDict(
        populate_by_name=True,
        extra="forbid",
        coerce_numbers_to_str=True,
        frozen=True,
        str_strip_whitespace=True,
    )
