"""The lines of catalog files shown under findings: decoded as people saved them, personal data masked."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Annotated, Any

from gongkai.catalog.decode import display_text
from gongkai.catalog.kinds import PRIVATE_KEYS, SHOWN_WHEN_WITHHELD, kind_of
from gongkai.catalog.sources import Source
from gongkai.privacy.mask import mask_line, mask_names

if TYPE_CHECKING:
    from gongkai.output.names import ListedNames


class SourceLines:
    """A reader of line *number* of catalog file *path*, for showing next to a finding; each file is read once.

    A CI log never carries personal data, whatever rule points at the line (DOMAIN.md §7), nor the part of a number
    that goes on over the next line, nor a name the record lists (*names*: also what render_text masks in messages)."""

    def __init__(self, source: Source, names: ListedNames | None = None) -> None:
        self.files: dict[str, list[str] | None] = {}
        self.source = source
        self._names = names

    @property
    def names(self) -> ListedNames:
        if self._names is None:
            from gongkai.output.names import ListedNames  # (here: a validate with nothing to show reads no names)

            self._names = ListedNames(self.source)
        return self._names

    def __call__(self, path: str, number: int) -> str | None:
        if path not in self.files:
            self.files[path] = _lines(self.source, path)
        lines = self.files[path]
        if lines is None or not 0 < number <= len(lines):
            return None
        kind = kind_of(path)
        private = PRIVATE_KEYS.get(kind or "") or (_withheld_content() if kind == "record" and _withheld(lines) else None)
        shown = _unsaid(lines, number - 1, kind, private) if kind and private else mask_line(lines, number - 1)
        return mask_names(shown, self.names(path)) if kind == "record" else shown


def source_lines(source: Source, names: ListedNames | None = None) -> SourceLines:
    """The lines of *source*'s files as shown next to a finding (SourceLines)."""
    return SourceLines(source, names)


HIDDEN = "（内部登记，不在此显示）"
WITHHELD = "（非主动公开的信息，内容不在此显示）"


def _withheld(lines: list[str]) -> bool:
    """Whether the record file does not say it is 主动公开 (依申请公开, 不予公开, or no 公开属性 at all): the gate keeps
    its content inside the building, and a CI log shows its lines as a diff does (SHOWN_WHEN_WITHHELD), not its 题名 or
    正文."""
    from gongkai.catalog.files import withheld_lines  # (here: a validate with nothing to show loads no model)

    return withheld_lines(lines)


def _withheld_content() -> frozenset[str]:
    """The record's own keys a line of a record that is not 主动公开 does not show."""
    from gongkai.catalog.files import spec_of
    from gongkai.catalog.schema_errors import model_aliases

    spec = spec_of("record")
    keys = model_aliases(spec.model, ()) if spec is not None and spec.model is not None else []
    return frozenset(keys) - SHOWN_WHEN_WITHHELD
_KEY = re.compile(r"^(\s*([^\s:：#][^:：]*?)\s*[:：])")


def _unsaid(lines: list[str], index: int, kind: str, private: frozenset[str]) -> str:
    """Line *index* of a register file as it may be shown: only a line whose key, and the key of every block it sits
    in, is a field of the register that names no one (编号, 收到日期, 延期 → 批准日期 …) shows its value, masked as any
    line is, and the lines that go on such a text. A key that names the requester (申请人, 申请内容 …) or that the
    register does not have (申请人姓名, 联系方式: a clerk's own field for who asked) shows its key only; a comment, and
    a line inside what such a key holds, nothing (「  住址 经兜村12号: …」 under 申请人 reads as a key to YAML)."""
    line = lines[index]
    if not line.strip():
        return line
    own = _KEY.match(line)
    blocks = _blocks_above(lines, index)
    if own is not None and _shown(kind, private, [*blocks, _name(own)], block=None) \
            and (kind == "record" or _names_no_one(kind, [*blocks, _name(own)], line[own.end():])):
        return _uncommented(mask_line(lines, index), kind)
    if own is None and blocks and _shown(kind, private, blocks, block=False) \
            and (kind == "record" or line.isascii()):
        return _uncommented(mask_line(lines, index), kind)  # the next line of a text that may be shown
    if own is not None and (not blocks or _shown(kind, private, blocks, block=True)) \
            and (kind == "record" or _key_names_no_one(kind, blocks, _name(own))):
        return own.group(1) + " " + _hidden(kind)
    return line[:_indent(line)] + _hidden(kind)


def _key_names_no_one(kind: str, blocks: list[str], key: str) -> bool:
    """Whether a register's *key* (under *blocks*) may be shown: a key of the register there, mistyped or not, or a
    word of the registers' own (schema_errors.register_key_shown); not 「王小明」 under 征求第三方意见."""
    from gongkai.catalog.files import spec_of
    from gongkai.catalog.schema_errors import model_aliases, register_key_shown

    spec = spec_of(kind)
    return spec is None or spec.model is None or register_key_shown(key, model_aliases(spec.model, tuple(blocks)))


_COMMENT = re.compile(r"\s#")


def _uncommented(shown: str, kind: str) -> str:
    """A line of a register or of a record that is not 主动公开, shown, without the comment after its value: a clerk's
    note there names whom it is about as often as not (「收到日期: 2026-10-13  # 林申请补正」)."""
    comment = _COMMENT.search(shown)
    return shown if comment is None else shown[:comment.start()] + " # " + _hidden(kind)


def _hidden(kind: str) -> str:
    return WITHHELD if kind == "record" else HIDDEN


def _name(key: re.Match[str]) -> str:
    return key.group(2).strip().removeprefix("-").strip()


def _blocks_above(lines: list[str], index: int) -> list[str]:
    """The keys of the blocks line *index* sits in, the outermost first (延期 for 「  批准人: …」)."""
    indent = _indent(lines[index])
    keys: list[str] = []
    for above in reversed(lines[:index]):
        if not indent:
            break
        if not above.strip() or above.lstrip().startswith("#") or _indent(above) >= indent:
            continue
        indent = _indent(above)
        key = _KEY.match(above)
        keys.insert(0, _name(key) if key is not None else "")
    return keys


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _shown(kind: str, private: frozenset[str], path: list[str], block: bool | None) -> bool:
    """Whether *path* (keys from the top of the file) is a field of the *kind* register that names no one: the top key
    is not private and each key is one the register's model has there; a *block* holds fields (延期), a value does not
    (None: either)."""
    from gongkai.catalog.files import spec_of
    from gongkai.catalog.schema_errors import model_aliases

    if path[0] in private:
        return False
    spec = spec_of(kind)
    if spec is None or spec.model is None:
        return block is not True
    model = spec.model
    if not all(key in model_aliases(model, tuple(path[:depth])) for depth, key in enumerate(path)):
        return False
    return block is None or bool(model_aliases(model, tuple(path))) == block


def _names_no_one(kind: str, path: list[str], written: str) -> bool:
    """Whether the value *written* after a register's key can be shown: letters, digits and dates, or a word of the
    register's own (当面, 商业企业, 不予公开, 属于四类过程性信息 …). Anything else in a field that names no one — a name
    typed into 申请人类型, 「已答复陈金水本人」 as 办理结果 — is what the finding under it is about, and may name the
    requester."""
    value = written.split(" #", 1)[0].strip().strip("\"'").strip()
    if value.isascii():  # (before the models are imported: a date, a number, most lines of a register)
        return True
    from gongkai.model.request import shown_in_register

    if shown_in_register(value):
        return True
    adapter = _constrained(kind, path[0]) if len(path) == 1 else None
    return adapter is not None and _accepts(adapter, value)


@functools.lru_cache(maxsize=64)  # the few fields of the registers, asked for every line shown under a finding
def _constrained(kind: str, key: str) -> Any:
    """The validator of the *kind* register's top-level field *key* when it takes only some words (a date, a unit's
    编号), or None: no such field, or free text, which takes any words — a name, whoever's."""
    from pydantic import TypeAdapter

    from gongkai.catalog.files import spec_of

    spec = spec_of(kind)
    model = spec.model if spec is not None else None
    field = next((f for f in model.model_fields.values() if f.alias == key), None) if model is not None else None
    if field is None:
        return None
    annotation: Any = Annotated[field.annotation, *field.metadata] if field.metadata else field.annotation
    adapter: TypeAdapter[Any] = TypeAdapter(annotation)
    return None if _accepts(adapter, "某某") else adapter


def _accepts(adapter: Any, value: str) -> bool:
    from pydantic import ValidationError

    try:
        adapter.validate_python(value)
    except ValidationError:
        return False
    return True


def _lines(source: Source, path: str) -> list[str] | None:
    try:
        data = source.read(path)
    except (OSError, KeyError):
        return None
    # Shown whatever the encoding, so the person sees which line of a GBK or UTF-16 file is meant.
    return display_text(data).split("\n")
