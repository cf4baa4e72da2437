"""What gongkai init asks: the answers model (an answers file, flags or prompts fill it), read with positions."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from gongkai.catalog.files import FileKind, ParsedFile, parse_file, pydantic_builder, register_kind
from gongkai.catalog.schema_errors import explain_errors
from gongkai.catalog.sources import blob_id
from gongkai.errors import UsageProblem
from gongkai.model.agency import Domain, Leader, MonthDay
from gongkai.model.base import CatalogModel, ColumnAddress, Day, ObjectId, Text, WebAddress
from gongkai.setup.divisions import named, normal_code

CiChoice = Literal["github", "gitlab", "无"]

# A list pasted from Word or typed at one prompt: 「桃城镇、五里街镇，一都镇」, 「桃城镇 五里街镇」 (no name of a 乡镇
# or a 领域 holds a space), or one name a line.
_RUN_ON = re.compile(r"[，、,；;\s\u3000]+")


# A line break in an answer (a name copied out of a narrow Word table cell: 「德化县\n民政局」), with the spaces
# around it; every answer is one line in gongkai.yaml and on the website.
_BREAK = re.compile(r"[ \t\u3000]*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+\s*")
_PARAGRAPHS = ("分工", "简历")  # a leader's may run to several lines, as in gongkai.yaml
_ONE_A_LINE = ("乡镇", "指引")  # lists that may be written one name a line (_names splits them there)


def _one_line(value: object, key: object = None) -> object:
    """*value* with each line break in its texts taken out: between Chinese characters nothing is left (德化县民政局),
    between letters or digits one space; a leader's 分工 and 简历, and the lists of names, keep theirs."""
    if isinstance(value, dict):
        return {k: _one_line(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_one_line(v, key) for v in value]
    if not isinstance(value, str) or key in _PARAGRAPHS or key in _ONE_A_LINE:
        return value
    return _BREAK.sub(lambda m: " " if _ascii_around(value, m) else "", value.strip())


def _ascii_around(text: str, found: re.Match[str]) -> bool:
    before, after = text[found.start() - 1:found.start()], text[found.end():found.end() + 1]
    return before.isascii() and after.isascii() and bool(before) and bool(after)


def _half_width(value: object) -> object:
    """A number or address as typed with the input method's full-width mode on (０５９５－２３８８１２３４,
    ｍｚｊ＠ｅｘａｍｐｌｅ．ｃｎ), in the half-width characters a phone dials and a mail program sends to (NFKC)."""
    return unicodedata.normalize("NFKC", value).strip() if isinstance(value, str) else value


def _names(value: object) -> object:
    """A list of names (乡镇, 指引) written as one text, or with several names in one entry, as one name an entry."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return value
    return [part.strip() for entry in value for part in (_RUN_ON.split(entry) if isinstance(entry, str) else [entry])
            if not isinstance(part, str) or part.strip()]


class UnitAnswer(CatalogModel):
    """A 股室 of the bureau as the clerk names it."""

    id: ObjectId = Field(alias="编号", title="单位编号", description="英文字母和数字，如 shjzg")
    name: Text = Field(alias="名称", title="单位名称")
    phone: Text | None = Field(None, alias="联系电话", title="联系电话")

    _contact = field_validator("phone", mode="before")(_half_width)


class DeskAnswer(CatalogModel):
    """The 依申请公开 desk; what is left out is taken from the bureau's own answers."""

    office: Text | None = Field(None, alias="受理机构", description="不填为「机关名称」加「办公室」")
    address: Text | None = Field(None, alias="地址", description="不填为机关地址")
    postcode: Text | None = Field(None, alias="邮编")
    phone: Text | None = Field(None, alias="电话", description="不填为机关联系电话")
    fax: Text | None = Field(None, alias="传真")
    email: Text | None = Field(None, alias="电子邮箱", description="不填为机关电子邮箱")
    hours: Text | None = Field(None, alias="办公时间")
    ways: list[Text] | None = Field(None, alias="方式", description="如 [当面提交, 邮寄, 电子邮件, 网上申请]")
    online: WebAddress | None = Field(None, alias="网上申请地址")
    review_body: Text | None = Field(None, alias="复议机关", description="不填为本县人民政府")
    court: Text | None = Field(None, alias="诉讼法院", description="不填为本县人民法院")

    _contact = field_validator("postcode", "phone", "fax", "email", mode="before")(_half_width)


class Answers(CatalogModel):
    """Everything gongkai init needs to know; every key may come from the answers file, a flag or a prompt."""

    name: Text | None = Field(None, alias="机关名称", description="如 永春县民政局")
    division_code: str | None = Field(None, alias="区划代码", pattern=r"^[0-9]{6}([0-9]{3})?$",
                                      description="行政区划代码：县级机关6位，乡镇人民政府9位")
    address: Text | None = Field(None, alias="地址")
    postcode: Text | None = Field(None, alias="邮编")
    contact: Text | None = Field(None, alias="联系人", description="政务公开专职工作人员")
    phone: Text | None = Field(None, alias="联系电话")
    email: Text | None = Field(None, alias="电子邮箱")
    leaders: list[Leader] | None = Field(None, alias="领导")
    units: list[UnitAnswer] | None = Field(None, alias="单位", description="股室；不填为办公室和各指引的股室")
    towns: list[Text] | None = Field(None, alias="乡镇", description="不填为自带乡镇表中本县的全部乡镇；[] 为不设乡镇")
    guidelines: list[Text] | None = Field(None, alias="指引", description="按哪些领域的标准指引生成目录；不填为全部")
    domains: list[Domain] | None = Field(None, alias="领域", description="另外的领域（名称、代码），如 --from-xlsx 的表格中的")
    handover_days: list[MonthDay] | None = Field(None, alias="移交日", min_length=1,
                                                 description="[5, 20]（福建）或 [5]（每月5日）；每月的几日，1—31")
    archive: Text | None = Field(None, alias="档案馆", description="不填为「县名」加「档案馆」")
    library: Text | None = Field(None, alias="图书馆", description="不填为「县名」加「图书馆」")
    index_prefix: Text | None = Field(None, alias="索引号前缀", description="不填为「区划代码-MZ」")
    index_pattern: Text | None = Field(None, alias="索引号格式", description="正则表达式；不填按前缀生成")
    base_url: ColumnAddress | None = Field(None, alias="基础地址", description="本栏目在县政府门户网站上的地址")
    desk: DeskAnswer | None = Field(None, alias="依申请公开")
    ci: CiChoice | None = Field(None, alias="CI", description="github、gitlab 或 无")
    baseline: Day | None = Field(None, alias="补登移交至", description="启用前最后一次人工送交两馆的日期")

    _contact = field_validator("postcode", "phone", "email", mode="before")(_half_width)
    _lists = field_validator("towns", "guidelines", mode="before")(_names)

    @model_validator(mode="before")
    @classmethod
    def _lines_joined(cls, value: object) -> object:
        return _one_line(value)

    @field_validator("division_code", mode="before")
    @classmethod
    def _ascii_code(cls, value: object) -> object:
        if isinstance(value, str) and (places := named(value)):  # the county's name where its code goes
            raise PydanticCustomError(
                "division_named", "写的是县（市、区）名「{typed}」，要写它的6位代码：{codes}",
                {"typed": value.strip(), "codes": "；".join(f"{c.full_name}是 {c.code}" for c in places)})
        return normal_code(value) if isinstance(value, str) else value


ANSWERS_KIND = FileKind("answers", "初始化答案", pydantic_builder(Answers))
register_kind(ANSWERS_KIND)


def read_answers(path: Path) -> ParsedFile:
    """The answers file as a model, or its problems with line and column (the same reader as catalog files)."""
    data = path.read_bytes()
    return parse_file(path.name, ANSWERS_KIND.name, blob_id(data), data)


def merge(base: Answers | None, given: dict[str, object], origin: dict[str, str] | None = None) -> Answers:
    """*base* (from the answers file) with every value *given* (flags, prompts) laid over it, validated again.

    *origin* names where each given key came from (a flag such as --code), for the message when it is wrong.
    """
    values = base.model_dump(by_alias=True, exclude_none=True) if base else {}
    values.update({k: v for k, v in given.items() if v is not None})
    try:
        return Answers.model_validate(values)
    except ValidationError as exc:
        notes = explain_errors(exc, Answers)
        lines = [f"{n.message}{_origin(n.field, origin)}：{n.hint}" for n in notes]
        raise UsageProblem("填写的内容有误：\n" + "\n".join(lines)) from None


def _origin(field: tuple[str | int, ...], origin: dict[str, str] | None) -> str:
    """The flag the wrong value came from: a section's own key first (依申请公开.网上申请地址 is --online-url)."""
    keys = [".".join(str(part) for part in field[:2]), str(field[0])] if field else []
    return next((f"（{origin[key]}）" for key in keys if origin and key in origin), "")
