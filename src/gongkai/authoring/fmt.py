"""gongkai fmt: rewrite catalog YAML in house style without losing anything (comments kept, atomic writes)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError
from ruamel.yaml.tokens import ScalarToken, ValueToken

from gongkai.authoring import document
from gongkai.authoring.escapes import SameKey, remove_escaped, squeeze_keys
from gongkai.catalog import invisible
from gongkai.catalog.dates import apply_fixes, date_fixes
from gongkai.catalog.decode import BOM, MAX_FILE_BYTES, any_text, decode_raw
from gongkai.catalog.files import quoted_in, spec_of
from gongkai.catalog.kinds import YAML_SUFFIXES, kind_of
from gongkai.catalog.listing import catalog_root_of
from gongkai.catalog.normalize import FIELDS, normalize
from gongkai.catalog.yamlio import (BLOCK_START, FULL_WIDTH_DASH, INDENT_SPACES, YamlFailure, YamlProblem,
                                    aligned_indent, blank_line_odd_space, child_indent, parse_fast, parse_positional,
                                    refuse_before_round_trip, short_text_line, text_key_column,
                                    unindented_text_line)
from gongkai.errors import describe_os_error
from gongkai.files_io import ReadOnlyFile, write_atomic


@dataclass(frozen=True)
class Formatted:
    """The outcome for one file: its new bytes (None when it cannot be formatted) and why it changes."""

    path: Path
    new: bytes | None
    reasons: tuple[str, ...] = ()
    problem: str | None = None

    @property
    def changed(self) -> bool:
        return bool(self.reasons) and self.new is not None


def _all_keys(model: type[BaseModel], seen: set[str]) -> set[str]:
    for name, info in model.model_fields.items():
        seen.add(info.alias or name)
        for candidate in document._types(info.annotation):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                _all_keys(candidate, seen)
    return seen


def _list_keys(model: type[BaseModel], seen: set[str]) -> set[str]:
    """The keys of *model* and its nested models whose value is a list (公开渠道, 移交日, 方式 …)."""
    for name, info in model.model_fields.items():
        kinds = document._types(info.annotation)
        if any(getattr(kind, "__origin__", kind) is list for kind in kinds):
            seen.add(info.alias or name)
        for candidate in kinds:
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                _list_keys(candidate, seen)
    return seen


_KNOWN = sorted({k for m in document.MODELS.values() for k in _all_keys(m, set())}, key=len, reverse=True)
# The keys whose value is never a list: 「题名: ［更正］关于……的公示［第2批］」 is a title in brackets, not ［甲，乙］.
_TEXT_KEYS = frozenset(_KNOWN) - {k for m in document.MODELS.values() for k in _list_keys(m, set())}
# A known key, also with spaces (half-width, full-width, no-break) typed between its characters: 「题 名:」.
_SPACED_KEY = "|".join(r"[^\S\n]*".join(map(re.escape, key)) for key in _KNOWN)
_KEY_LINE = re.compile(r"^(\s*(?:-\s+)?)(" + _SPACED_KEY + r")(\s*)([:：])(\s*)(.*)$")
_VALUE_LINE = re.compile(r"^(\s*(?:-\s+)?[^\s:#][^:#]*:\s+)(.*)$")
_FULL_LIST = re.compile(r"^[［\[](.*)[］\]](\s*#.*)?$")
_FULL_WIDTH_LIST = re.compile(r"[［］，、；]")


def fix_text(text: str) -> tuple[str, list[str]]:
    """Line fixes YAML cannot parse around: full-width or tab indentation, ＃ for #, 键：值, ［列表，项］."""
    reasons: set[str] = set()
    lines = []
    block: int | None = None  # indentation of the key that opened a block scalar (| or >)
    inner: int | None = None  # the block's own indentation, from its first line of text
    text_key: int | None = None  # the column of the key that opened the block
    previous: str | None = None  # the last line with content outside 「|」 texts, as fixed
    inside: dict[int, str] | None = None  # the lines YAML reads as the 2nd or later line of a text (_texts_inside)
    text_lines = text.split("\n")
    for number, line in enumerate(text_lines):
        indent = len(line) - len(line.lstrip(INDENT_SPACES))
        if block is not None and not line.strip(INDENT_SPACES):
            if blank_line_odd_space(line, inner if inner is not None else block + 1) is not None:
                line = ""  # an empty paragraph pasted from Word: 「　」 or a no-break space YAML does not take for blank
                reasons.add("多行文字中空行里的全角空格、不间断空格或 Tab 删去")
            lines.append(line)
            continue
        if block is not None and (odd := unindented_text_line(line, block, inner)) is not None:
            inner = inner if inner is not None else block + 2
            lines.append(" " * inner + line[odd:])  # 「　　」 or the Tab stays: the paragraph's first-line indent
            reasons.add("多行文字中以 Tab、全角空格开头的行前补上半角空格缩进（段首缩进照原样保留）")
            continue
        if block is not None and text_key is not None and short_text_line(line, text_key, inner):
            lines.append(" " * inner + line.lstrip(" "))  # type: ignore[operator]
            reasons.add("多行文字中缩进少了的行与上面的文字对齐")
            continue
        if block is not None and indent > block:
            inner = len(line) - len(line.lstrip(" ")) if inner is None else inner  # YAML counts half-width spaces
            lines.append(line)
            continue
        block = indent if BLOCK_START.search(line) else None
        text_key = text_key_column(line) if block is not None else None
        inner = None
        typed = line[:indent].strip(" ")  # Tab, full-width or no-break spaces typed for indentation
        if "\u3000" in line[:indent]:
            line = line[:indent].replace("\u3000", "  ") + line[indent:]
            reasons.add("全角空格缩进改为半角空格")
        if "\u00a0" in line[:indent]:  # copied from a web page or Word: one column wide, as a space
            line = line[:indent].replace("\u00a0", " ") + line[indent:]
            reasons.add("不间断空格缩进改为半角空格")
        if "\t" in line[:indent]:
            line = line[:indent].replace("\t", "  ") + line[indent:]
            reasons.add("Tab 缩进改为半角空格")
        if typed and ((aligned := aligned_indent(previous, line)) is not None  # 「⇥文种: 公示」 under 「索引号: …」
                      or (aligned := child_indent(previous, line, _next_content(text_lines, number))) is not None):
            line = " " * aligned + line.lstrip(" ")  # 「　　审查人」 under 「保密审查:」, above 「  审查日期」
        said: set[str] = set()
        fixed = _content_fixed(line, said)
        if fixed != line:
            inside = _texts_inside(text) if inside is None else inside
            if number in inside:  # 「题名: "……\n  地址：人民路1号"」: the fixes would rewrite the text itself
                if inside[number] == "" and line.lstrip(" ").startswith("＃"):  # a comment typed with ＃ (GK019)
                    line = line.replace("＃", "#", 1)
                    reasons.add("全角井号「＃」改为注释符号「#」")
                lines.append(line)
                continue
        reasons |= said
        line = fixed
        lines.append(line)
        if line.strip() and not line.lstrip().startswith("#"):
            previous = line
    return "\n".join(lines), sorted(reasons)


def _next_content(lines: list[str], number: int) -> str | None:
    """The first line after line *number* (from 0) that is neither blank nor a comment, with its indentation as
    fix_text turns it into half-width spaces (「　」 and Tab two, a no-break space one)."""
    found = next((x for x in lines[number + 1:] if x.strip() and not x.lstrip().startswith(("#", "＃"))), None)
    if found is None:
        return None
    indent = len(found) - len(found.lstrip(INDENT_SPACES))
    return found[:indent].replace("\u3000", "  ").replace("\t", "  ").replace("\u00a0", " ") + found[indent:]


def _content_fixed(line: str, reasons: set[str]) -> str:
    """*line* with the fixes of fix_text that change what is written, not only its indentation: 「－ 」, 「＃」, 「：」,
    「［，］」."""
    if FULL_WIDTH_DASH.match(line):  # 「－ 名称: …」
        line = FULL_WIDTH_DASH.sub(r"\1-", line, count=1)
        line = line[:line.index("-") + 1] + " " + line[line.index("-") + 1:].lstrip(" \u3000")
        reasons.add("列表项前的全角「－」改为「- 」")
    if line.lstrip(" ").startswith("＃"):  # a comment typed with the Chinese input method on
        line = line.replace("＃", "#", 1)
        reasons.add("全角井号「＃」改为注释符号「#」")
    return _fix_flow_list(_fix_key(line, reasons), reasons)


def _texts_inside(text: str) -> dict[int, str]:
    """The lines (from 0) that YAML, reading *text* as written, takes for the second or later line of one text in
    quotes (\" or ') or without (the value of a key, 「题名: ……\n  地址：人民路1号」), each with its quote ("" for none).
    A 「：」 or 「＃」 there is part of the text: turning it into 「: 」 or a comment would rewrite the 题名 or make a
    valid file unreadable. Lines after the first place YAML cannot read are not known, and are fixed as before."""
    inside: dict[int, str] = {}
    after_key = False
    try:
        for token in document.yaml().scan(text):
            if isinstance(token, ScalarToken) and token.end_mark.line > token.start_mark.line \
                    and (token.style in ('"', "'") or (token.style is None and after_key)):
                lines = range(token.start_mark.line + 1, token.end_mark.line + 1)
                inside.update(dict.fromkeys(lines, token.style or ""))
            after_key = isinstance(token, ValueToken)
    except (YAMLError, ValueError):
        pass
    return inside


def _fix_key(line: str, reasons: set[str]) -> str:
    """题名：值, 题名:值, 题名　: 值, 题 名: 值 (a space, full-width or no-break, that YAML keeps in the key) as 题名: 值."""
    match = _KEY_LINE.match(line)
    if match is None:
        return line
    indent, written, before, colon, after, rest = match.groups()
    key = "".join(written.split())
    # After YAML's own 「: 」 the value has begun: a 「　」 there is the value's (「题名: 　关于……」 reads so), not a space
    # typed between the key and its value, and stays.
    value = after.lstrip(" ") + rest if colon == ":" and after.startswith(" ") else rest
    if key != written:
        reasons.add("删去键名中间的空格")
    elif colon == ":" and not before and (after.startswith(" ") or not after and not rest):
        return line  # already YAML (more spaces than one after the colon are the YAML writer's to tidy)
    if colon == "：" or before or (after and not after.startswith(" ")) or (rest and not after):
        reasons.add("键名后的全角冒号改为「: 」" if colon == "：" else "键名和冒号前后的空格改为「: 」")
    return f"{indent}{key}:" + (f" {value}" if value else "")


def _fix_flow_list(line: str, reasons: set[str]) -> str:
    """［甲，乙］ or [甲、乙] as [甲, 乙]; a list already in half-width punctuation is left to the YAML writer, and a
    comment after it keeps its spacing, so that a second run changes nothing."""
    match = _VALUE_LINE.match(line)
    value = _FULL_LIST.match(match.group(2)) if match else None
    if match is None or value is None or match.group(1).strip(" -:\t") in _TEXT_KEYS:
        return line
    listed = match.group(2)[: len(match.group(2)) - len(value.group(2) or "")]  # the brackets and what is inside
    if not _FULL_WIDTH_LIST.search(listed):
        return line
    if any(q in value.group(1) for q in "\"'"):
        return line  # quoted elements may hold commas of their own: splitting would change them
    fixed_inner = ", ".join(p.strip() for p in re.split(r"[，、,；;]", value.group(1)) if p.strip())
    reasons.add("列表中的全角括号、逗号、顿号改为半角")
    return f"{match.group(1)}[{fixed_inner}]" + (value.group(2) or "")


def decode_any(data: bytes) -> tuple[str | None, list[str]]:
    """Text of UTF-8 (BOM or not), UTF-16/32 or GBK/GB18030 bytes, and what was converted."""
    raw, reasons = _decoded(data)
    return (_visible(raw, reasons) if raw is not None else None), reasons


def _decoded(data: bytes) -> tuple[str | None, list[str]]:
    """decode_any(), the invisible characters left in."""
    text, encoding = any_text(data)
    reasons = ["去掉 BOM"] if data.startswith(BOM) else []
    if encoding is not None:
        reasons.append(f"{encoding} 编码转为 UTF-8")
    if text is None:
        return None, reasons
    if "\r" in text.replace("\r\n", ""):  # a line ended by CR alone (pasted from an old Mac file) among CRLF or LF
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n" if "\r\n" in text else "\n")
        reasons.append("统一换行符")
    return text, reasons


def _visible(text: str, reasons: list[str]) -> str:
    cleaned = invisible.remove(text)
    if cleaned != text:
        reasons.append("删去看不见的字符" if invisible.find(text) else "删去文件末尾的 Ctrl+Z")
    return cleaned


def format_bytes(data: bytes, kind: str | None) -> tuple[bytes | None, list[str], str | None]:
    """(new bytes, reasons, problem) for one file's bytes; new is None when the file cannot be read."""
    raw, reasons = _decoded(data) if len(data) <= MAX_FILE_BYTES else (None, [])
    if raw is None:  # what validate says of it (GK008 for a file too large to read), at the same place
        problem = decode_raw(data)[1]
        where = f"第 {problem.line} 行第 {problem.column} 列：" if problem else ""
        said = f"{problem.message}。{problem.hint}" if problem else "文件不是 UTF-8、UTF-16 或 GBK 文本"
        return None, [], f"{where}{said}"
    text = _visible(raw, reasons)
    crlf = "\r\n" in text
    fixed, more = fix_text(text.replace("\r\n", "\n"))
    try:
        refuse_before_round_trip(fixed)  # an alias bomb would be written out value by value; deep nesting takes long
        if not reasons and not more and _already_canonical(fixed, kind):
            return data, [], None
        tree = document.load(fixed)
    except YamlFailure as failure:
        return None, [], _placed(failure.problem, fixed, text.replace("\r\n", "\n"), raw.replace("\r\n", "\n"), kind)
    except Exception:  # noqa: BLE001 - any parse failure is explained by the positional parser below
        return None, [], _explain(fixed, text.replace("\r\n", "\n"), raw.replace("\r\n", "\n"), kind)
    try:
        reasons += more + _canonical(tree, kind, fixed)
    except SameKey as clash:
        return None, [], str(clash)
    out = document.dump(tree) if tree is not None else fixed
    if crlf:
        out = out.replace("\n", "\r\n")
    new = out.encode("utf-8")
    if new != data and not reasons:
        reasons.append("统一缩进和排版")
    return new, list(dict.fromkeys(reasons)), None  # invisible characters typed and written by escapes: said once


def _already_canonical(text: str, kind: str | None) -> bool:
    """True when a fast parse shows keys in order and no alias: no need for the slow round trip."""
    model = document.MODELS.get(kind or "")
    try:
        tree = parse_fast(text)
    except YamlFailure:
        return False
    if not isinstance(tree, dict):
        return model is None
    if "\\" in text and invisible.clean_tree(tree)[1]:
        return False
    dated = _dated_model(kind)
    if dated is not None and date_fixes(tree, dated):
        return False
    if model is None:
        return True
    if kind in ("item", "record") and normalize(tree)[1]:
        return False
    return _in_order(tree, model)


def _dated_model(kind: str | None) -> type[BaseModel] | None:
    """The model whose Day fields say which values of a *kind* file are dates (every model-read kind)."""
    spec = spec_of(kind) if kind else None  # calendar/ and consultations/ are read by a capability: imported here
    return spec.model if spec is not None else None


def _in_order(mapping: Any, model: type[BaseModel]) -> bool:
    if not isinstance(mapping, dict):
        return True
    order = document.key_order(model)
    keys = list(mapping)
    if keys != sorted(keys, key=lambda k: (order.index(k) if k in order else len(order), keys.index(k))):
        return False
    for key, value in mapping.items():
        child = document._nested(model, key)
        values = value if isinstance(value, list) else [value]
        if child is not None and not all(_in_order(v, child) for v in values):
            return False
    return True


def _explain(fixed: str, read: str, raw: str, kind: str | None = None) -> str:
    """Why *fixed* (the text after fix_text) is no YAML, at the line and column of the file (*raw*, as Notepad counts:
    on a line fix_text left as *read* had it, an invisible character taken out still takes its place)."""
    try:
        parse_positional(fixed)
    except YamlFailure as failure:
        return _placed(failure.problem, fixed, read, raw, kind)
    return "YAML 格式错误（请先改正，再运行 gongkai fmt）"


def _placed(p: YamlProblem, fixed: str, read: str, raw: str, kind: str | None = None) -> str:
    """*p* at the line and column of the file as Notepad counts them (see _explain), and what to do; of a register or
    a withheld record, without what validate does not quote of the line either (`fmt --check` runs in CI)."""
    column = p.column
    if read != raw and _line(fixed, p.line) == _line(read, p.line):
        column = invisible.RawColumns(raw).column(p.line, p.column)
    message, hint = quoted_in(kind, fixed.split("\n"), p.line, p.message, p.hint)
    return f"第 {p.line} 行第 {column} 列：{message}（{hint}改正后再运行 gongkai fmt）"


def _line(text: str, number: int) -> str | None:
    lines = text.split("\n")
    return lines[number - 1] if 0 < number <= len(lines) else None


def _canonical(tree: Any, kind: str | None, text: str) -> list[str]:
    if not isinstance(tree, CommentedMap):
        return []
    # first: "2026/3/1\u200b" is a date only without the escape
    reasons = ["删去看不见的字符"] if "\\" in text and remove_escaped(tree, text) else []
    reasons += squeeze_keys(tree, text, _KNOWN)  # 「'文种 ': 公示」 in quotes (fix_text mends unquoted keys), 「⽂种」
    reasons += _dates(tree, kind)
    model = document.MODELS.get(kind or "")
    if model is None:
        return reasons
    if kind in ("item", "record"):
        normalized, notes = normalize(dict(tree))
        changed = [k for k in FIELDS if k in tree and normalized[k] != tree[k]]
        document.update(tree, {k: normalized[k] for k in changed}, model)
        # said as it was done: a run-on list split is no alias renamed (「公开渠道: 政府网站、政务服务中心」)
        for code, said in (("GK105", "别称改为标准名称："), ("GK107", "改写成列表：")):
            if named := [k for k in changed if any(n.code == code and n.field[0] == k for n in notes)]:
                reasons.append(said + "、".join(named))
    if document.reorder(tree, model):
        reasons.append("键按官方顺序排列")
    return reasons


def _dates(tree: CommentedMap, kind: str | None) -> list[str]:
    model = _dated_model(kind)
    fixes = date_fixes(tree, model) if model is not None else []
    apply_fixes(tree, fixes, as_dates=True)
    return ["日期改为 YYYY-MM-DD：" + "、".join(f"{f.written} → {f.canonical}" for f in fixes)] if fixes else []


def kind_for(path: Path) -> str | None:
    """The catalog kind of a file, from its place under the nearest folder holding gongkai.yaml."""
    root = catalog_root_of(path)
    return kind_of((path.parent.resolve() / path.name).relative_to(root).as_posix()) if root else None


def collect(paths: Iterable[Path]) -> list[Path]:
    """The YAML files to format: given files as they are; folders searched for catalog files."""
    found: list[Path] = []
    for path in paths:
        if path.is_file():
            found.append(path)
            continue
        for candidate in sorted(p for p in path.rglob("*") if p.name.lower().endswith(YAML_SUFFIXES)):
            rel = candidate.relative_to(path).parts
            if candidate.is_symlink() or not candidate.is_file() or any(part.startswith(".") for part in rel):
                continue  # validate names links and folders named *.yaml; rewriting a link would copy its target
            if kind_for(candidate) is not None:
                found.append(candidate)
    # a file named twice (「gongkai fmt catalog catalog/records」) is formatted and counted once
    once: dict[Path, Path] = {}
    for path in found:
        once.setdefault(path.resolve(), path)
    return list(once.values())


def format_paths(paths: Iterable[Path], write: bool) -> list[Formatted]:
    """Format every catalog file under *paths*; with *write*, replace the changed ones atomically."""
    results = []
    for path in collect(paths):
        try:
            data = path.read_bytes()
        except OSError as exc:  # one unreadable file does not stop the others
            results.append(Formatted(path, None, (), f"无法读取（{describe_os_error(exc)}）"))
            continue
        new, reasons, problem = format_bytes(data, kind_for(path))
        result = Formatted(path, new, tuple(reasons) if new != data else (), problem)
        if write and result.changed and result.new is not None:
            try:
                write_atomic(path, result.new)
            except ReadOnlyFile as exc:
                result = Formatted(path, None, (), exc.advice)
            except OSError as exc:  # a full disk, a folder it may not write in: said for this file, the others go on
                result = Formatted(path, None, (), f"无法写入（{describe_os_error(exc)}），这个文件没有改动；"
                                                   "腾出磁盘空间或取得这个文件夹的写权限后再运行一次")
        results.append(result)
    return results
