"""pydantic's validation errors as Chinese problems pointing at a field path."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import replace
from typing import Any

from pydantic import BaseModel, ValidationError

from gongkai.catalog.normalize import FIELDS, TICKED, UNTICKED, Note
from gongkai.characters import cut_short
from gongkai.days import DayError, has_time, read_day
from gongkai.model import vocab
from gongkai.model.record import UNKNOWN_KEY_HINTS, Record
from gongkai.model.request import (
    BLOCK_HINTS,
    CONFIRMED_HINT,
    ONCE_ONLY_HINTS,
    ONE_RESULT_HINT,
    applicant_choice,
    column_hint,
    shown_in_register,
    withheld,
)


def model_aliases(model: type[BaseModel], path: tuple[str | int, ...], required: bool = False) -> list[str]:
    """The Chinese keys allowed at *path* inside *model* (nested models followed by alias); only those that must be
    written, with *required*."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        field = next((f for f in current.model_fields.values() if f.alias == part), None)
        if field is None:
            return []
        current = _model_in(field.annotation)
        if current is None:
            return []
    return [f.alias for f in current.model_fields.values() if f.alias and (f.is_required() or not required)]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def near_miss(key: str, allowed: list[str], lacking: tuple[str, ...] = ()) -> str | None:
    """The allowed key a mistyped *key* most likely meant: a required key the file lacks before one it has (「文钟」 beside
    a missing 文种 is 文种, not 正文), the fewest characters changed first, and a key typed in pinyin (wenzhong) read."""
    wanted = [k for k in allowed if k in lacking]
    for pool in (wanted, allowed):
        for candidate in pool:
            if candidate in key or key in candidate:
                return candidate
        matches = difflib.get_close_matches(key, pool, n=5, cutoff=0.5)
        if matches:
            return min(matches, key=lambda m: _edits(key, m))  # min keeps difflib's order among equals
    return _in_pinyin(key, allowed)


def _edits(a: str, b: str) -> int:
    """Characters inserted, deleted or replaced to turn *a* into *b* (Levenshtein)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def _nearest_choice(value: str, choices: list[str]) -> str | None:
    """The one choice fewest characters from *value*, at most half of them changed; None when two are as near (「公式」
    is as near to 公告 as to 公示: a guess would mislead)."""
    distances = sorted((_edits(value, choice), choice) for choice in choices)
    if not distances or distances[0][0] > len(value) // 2 or len(distances) > 1 and distances[1][0] == distances[0][0]:
        return None
    return distances[0][1]


_LATIN_KEY = re.compile(r"[A-Za-z][A-Za-z _-]*")


def _in_pinyin(key: str, allowed: list[str]) -> str | None:
    """The allowed key whose pinyin *key* is (「wenzhong」「Gongkai_Shuxing」), one letter off at most per syllable."""
    if not _LATIN_KEY.fullmatch(key):
        return None
    from pypinyin import lazy_pinyin  # half a second to import: only for a key written in Latin letters

    typed = re.sub(r"[ _-]", "", key).lower()
    spelled = {"".join(lazy_pinyin(k)).lower(): k for k in allowed}
    found = difflib.get_close_matches(typed, list(spelled), n=1, cutoff=0.85)
    return spelled[found[0]] if found else None


def explain_errors(exc: ValidationError, model: type[BaseModel], private: bool = False) -> list[Note]:
    """Every pydantic error of one file as a Note with a Chinese message and how to fix it.

    A key written wrong (「题 名」, 「标题」) is one finding: the required key it stands for is not reported missing too.
    In an internal register (*private*: 依申请公开, 复议诉讼, 咨询留言) a wrong value is not quoted when it holds more than
    letters and digits: a requester's name typed into 申请渠道 or 申请人类型 would reach the CI log.
    """
    errors = exc.errors(include_url=False)
    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    unknown = {tuple(e["loc"]): _unknown_key(tuple(e["loc"]), model, missing)
               for e in errors if e["type"] == "extra_forbidden"}
    covered = {meant for _, meant in unknown.values() if meant}
    notes = [(unknown[loc][0] if loc in unknown else _with_slip(_explain(error, model), error.get("input"), error),
              error.get("input"))
             for error in errors if (loc := tuple(error["loc"])) not in covered or error["type"] != "missing"]
    return [_unquoted(note, value) if private else note for note, value in notes]


REGISTER_VALUE = "……"
REGISTER_VALUE_HINT = "（登记簿的内容不在检查结果中显示，请按行号、列号打开文件查看。）"


def register_key_shown(key: str, allowed: list[str]) -> bool:
    """Whether a key written in a register (*allowed*: the register's keys at that place) may be quoted in a finding or
    the line under it: one of its keys (spaces aside), a key mistyped (near_miss finds which), letters and digits, or a
    word of the registers' own. Anything else may be a name: 「王小明: 同意公开」 under 征求第三方意见 names the third
    party consulted, and a CI log never carries it."""
    return bare_key(key) in allowed or shown_in_register(key) or near_miss(key, allowed) is not None


def register_keys(model: type[BaseModel]) -> list[str]:
    """The keys of a register, its blocks' own among them (延期's 批准人, 征求第三方意见's 开始)."""
    return [*(top := model_aliases(model, ())), *(key for block in top for key in model_aliases(model, (block,)))]


def register_field(model: type[BaseModel], field: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """*field* (a register's finding's path) with each key that may name someone (register_key_shown) as 「……」."""
    return tuple(part if isinstance(part, int) or register_key_shown(part, model_aliases(model, field[:depth]))
                 else REGISTER_VALUE for depth, part in enumerate(field))


def unnamed(note: Note, model: type[BaseModel]) -> Note:
    """A register's *note* without the keys of its field that may name someone (register_field), in its field and
    wherever its message or hint quotes them (未知字段「……」)."""
    shown = register_field(model, note.field)
    if shown == note.field:
        return note
    message, hint = note.message, note.hint
    for written, said in zip(note.field, shown):
        if written != said:
            message, hint = message.replace(f"「{written}」", f"「{said}」"), hint.replace(f"「{written}」", f"「{said}」")
    return replace(note, message=message, hint=hint + REGISTER_VALUE_HINT, field=shown)


def _unquoted(note: Note, value: Any) -> Note:
    """*note* without the register's value it quotes, when that value may name someone (it is not plain ASCII).

    Not within the register's own words (withheld): 「复议」 taken out of the whole hint took it out of the choices too
    (「可选的值：行政……、行政诉讼」), and the clerk was not told what to write."""
    if not isinstance(value, str) or shown_in_register(value):
        return note
    said = (_shown(value), value, value.strip())
    message, hint = note.message, note.hint
    for text in said:
        message, hint = withheld(message, text, REGISTER_VALUE), withheld(hint, text, REGISTER_VALUE)
    return replace(note, message=message, hint=hint + REGISTER_VALUE_HINT) if message != note.message else note


# What a Chinese input method types where YAML wants ASCII: quotes around a value, ＃ for a comment.
_CHINESE_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", "＂": "＂", "＇": "＇"}


def _with_slip(note: Note, value: Any, error: Any = None) -> Note:
    """*note*, its hint saying first what the Chinese input method did to the value, when that is why it is wrong:
    「“主动公开”」 keeps its quotes (YAML knows only " and '), 「shjzg ＃ 社会救助股」 keeps its comment."""
    if not isinstance(value, str) or not value:
        return note
    if _CHINESE_QUOTES.get(value[0]) == value[-1] and len(value) > 1:
        slip = (f"值两边的「{value[0]}{value[-1]}」是中文引号，不是引号，会被当作值的一部分：删去这对引号"
                f"（文件中要加引号时用英文半角的 \" 或 '）。")
    elif "＃" in value:
        slip = "值中的「＃」是全角井号，不是注释，会被当作值的一部分：注释要用半角「#」，前面留一个空格。"
    elif "\u3000#" in value or "\u00a0#" in value:  # the input method's space: YAML starts a comment only after its own
        slip = "值中「#」前面的空格是全角空格（或不间断空格），注释没有生效，会被当作值的一部分：把这个空格改为半角空格。"
    elif (wide := "".join(dict.fromkeys(c for c in value if "\uff01" <= c <= "\uff5e" or c in "—–－"))) \
            and "半角" not in note.hint and _half_width_is_a_choice(note, value, error):  # a hint that already
        # asks for half-width characters says it once
        slip = (f"「{value}」中的「{wide}」是全角字符（中文输入法的全角模式打出来的）：按 Shift+空格 切换到半角，"
                "再重新输入这个值。")
    else:
        return note
    return replace(note, hint=slip + note.hint)


def _label(loc: tuple[str | int, ...]) -> str:
    names = [p for p in loc if isinstance(p, str)]
    return names[-1] if names else "内容"


def _under(loc: tuple[str | int, ...]) -> str | None:
    """Where a nested field belongs, as a clerk finds it in the file: 「机关」下, 「领导」第1项中; None at the top."""
    parents = loc[:-1]
    if not parents or not isinstance(parents[0], str):
        return None
    words = "".join(f"第{p + 1}项" if isinstance(p, int) else f"「{p}」" for p in parents)
    return words + ("中" if isinstance(parents[-1], int) else "下")


def _explain(error: Any, model: type[BaseModel]) -> Note:
    loc = tuple(error["loc"])
    kind = error["type"]
    label = _label(loc)
    value = error.get("input")
    if kind == "missing":
        if (under := _under(loc)) is None:
            return Note("GK101", f"缺少必填字段「{label}」", f"请添加一行「{label}: ……」。", loc)
        # 「机关」下的「区划代码」: written at the top of the file it would be an unknown key, so say where it goes
        return Note("GK101", f"{under}缺少必填字段「{label}」",
                    f"在{under}添加一行「{label}: ……」（与这一层的其他字段左对齐）。", loc)
    if kind == "invalid_key":  # 「~:」「1.5:」「true:」「? [甲, 乙]」: YAML reads these keys as no text
        return Note("GK102", f"这一行的键不是文字，读出来是{_key_kind(value)}",
                    "键名要写成中文字段名，如「题名: ……」：写错了的改正，多余的一行删去。", loc, at_key=True)
    blank = isinstance(value, str) and not value.strip() and kind in _ONE_VALUE  # 「公开属性: ""」, 「成文日期: 　」
    if value is None or blank or (isinstance(value, (list, dict)) and kind in _ONE_VALUE):
        note = _not_one_value(kind, label, loc, value, _choices(error))
        if isinstance(value, list) and label in ("办理结果", "理由"):  # several results: counted as one (部分公开)
            note = replace(note, hint=ONE_RESULT_HINT)
        return note
    if kind in ("literal_error", "enum"):
        names = _choices(error)
        hint = f"可选的值：{names}。"
        if isinstance(value, str) and (meant := _ambiguous(value, names)):  # 「第三方合法权益」: 商业秘密 or 个人隐私
            hint = (f"「{value.strip()}」可以是{'，也可以是'.join(f'「{m}」' for m in meant)}，不能替您选："
                    f"按实际情况写其中一个。" + hint)
        elif label == "申请人类型" and isinstance(value, str) and (choose := applicant_choice(value)):
            hint = f"{choose}。" + hint  # 律师, 个体工商户: two columns of table 三, not a guess's one
        elif label == "有效性" and isinstance(value, str) and (unsaid := vocab.VALIDITY_UNSAID.get(vocab.spelling(value))):
            hint = f"「{value.strip()}」不是四种有效性之一，不能替您选：{unsaid}" + hint  # 部分失效 is not 失效
        elif isinstance(value, str) and value.strip()[:1] in UNTICKED and value.strip():  # 「□两微一端」 from the table
            hint = (f"「{value.strip()[0]}」是表格里没有勾选的框：没有勾选的不是这一项的{label}，删去这一项"
                    f"（勾选的只写名称，不写「■」）。") + hint
        elif isinstance(value, str) and any(c in value for c in "，、"):
            # an element of a list may be split into a list; a field of one value (公开属性, 公开对象, 不予公开理由…)
            # takes one: 「写成列表」 there would be the next error
            hint = ("多项要写成列表，用半角逗号分隔，如 [甲, 乙]；" if isinstance(loc[-1], int)
                    else f"「{label}」{_ONE_VALUE_ONLY}，不能写成几项或列表：请选其中一个。") + hint
        elif isinstance(value, str) and (guess := _nearest_choice(value, names.split("、"))):
            hint += f"是否想写「{guess}」？"  # 「主動公開」 in traditional characters, 「依申请公布」
        if loc[:2] == ("检查", "严重程度"):  # the severities as every message shows them are taken too
            hint += "也可写中文：错误、警告、提示、关闭。"
        return Note("GK104", f"「{_shown(value)}」不是有效的「{label}」", hint, loc)
    if kind == "date_value":  # the form is right, the day is not: 2026-02-30
        return Note("GK106", f"「{label}」{error['msg']}", "请对照原件核对这个日期，写成实际有的一天，如 2026-03-02。", loc)
    if kind in ("date_form", "date_from_datetime_parsing", "date_parsing", "date_type"):
        # 「收到日期: 2026-12-04 22:30」: an online request sent after hours is received the day it is confirmed
        received = label == "收到日期" and model.__name__ == "Request" and has_time(value)
        return Note("GK106", f"「{label}」{error['msg']}",
                    "日期写成 2026-03-02 这样的格式。" + (CONFIRMED_HINT if received else ""), loc)
    if kind == "key_without_colon":
        return Note("GK001", error["msg"], f"写成「{error['ctx']['written']}」：键名后面是半角冒号和一个空格。", loc)
    if kind == "notice_days_unit":
        return Note("GK103", f"「{label}」{error['msg']}", NOTICE_DAYS_HINT, loc)
    if kind == "web_address":
        return Note("GK112", f"「{label}」的{error['msg']}", "写成完整的网址，如 https://www.fjax.gov.cn/zwgk/（域名只用"
                    "英文字母、数字、点和横线，不能留着「…」这样的占位符；不能是 javascript:、data: 或相对路径，不含空格和引号）。",
                    loc)
    if kind in ("windows_name", "id_too_long"):
        return Note("GK103", f"「{label}」{error['msg']}", _windows_name_hint(label), loc)
    if kind == "division_named":  # 区划代码: 安溪县 — the county's name where its code goes (gongkai init)
        return Note("GK103", f"「{label}」{error['msg']}", "把县名换成它的区划代码，用半角数字；乡镇人民政府写本乡镇的9位代码。",
                    loc)
    if kind == "handover_days_twice":
        return Note("GK103", f"「{label}」{error['msg']}", "删去重复的一个，或改成本来要写的日子，如 移交日: [5, 20]。", loc)
    if kind == "control_character":
        return Note("GK103", f"「{label}」{error['msg']}", f"删去这个字符：在编辑器中把「{label}」重新输入一遍，"
                    "需要换行的正文用空行分段。", loc)
    if kind in ("string_too_short", "too_short"):
        if label == "公开渠道" and model.__name__ == "Record":  # 「公开渠道: []」 read as its item's every channel
            return Note("GK101", "「公开渠道」是空列表：不知道是不在任何渠道公开，还是按所属事项的渠道公开", _NO_CHANNEL, loc)
        return Note("GK101", f"「{label}」不能为空", f"请填写「{label}」。", loc)
    if kind == "string_pattern_mismatch":
        return Note("GK103", f"「{label}」的写法不对：「{value}」", _pattern_hint(label, value), loc)
    if kind in ("greater_than_equal", "less_than_equal"):  # say the bound: 「请检查」 alone does not say what to write
        bound = error.get("ctx", {}).get("ge" if kind == "greater_than_equal" else "le")
        side = "小于" if kind == "greater_than_equal" else "大于"
        return Note("GK103", f"「{label}」的类型不对：{_type_text(kind, value)}", f"「{label}」不能{side} {bound}。", loc)
    if kind == "string_type" and isinstance(value, bool):  # 「题名: true」: YAML read a yes/no, not the text
        return Note("GK103", f"「{label}」的类型不对：{_type_text(kind, value)}", _quote_hint(label), loc)
    return Note("GK103", f"「{label}」的类型不对：{_type_text(kind, value)}",
                _type_hint(kind, label, value, model_aliases(model, loc, required=True)), loc)


_ONE_VALUE_ONLY = "只能写一个值"


def _half_width_is_a_choice(note: Note, value: str, error: Any) -> bool:
    """Whether typing *value* in half-width characters makes it right: always, but for a vocabulary's value (GK104),
    only when it then is one of the choices (「ｅｒｒｏｒ」); for a date (GK106), only when it then reads as a
    date. 「其他（12345热线）」 and 「主动，依申请」 stay wrong so: saying
    「按 Shift+空格 切换到半角」 sent the clerk after the wrong fix."""
    if note.code == "GK106":  # a date: 「2026-3-5（星期四）」 stays no date in half-width 「(星期四)」
        try:
            read_day(unicodedata.normalize("NFKC", value))
        except DayError:
            return False
        return True
    if error is not None and error.get("type") in ("int_parsing", "notice_days_unit"):  # 「7（天）」 stays no number
        return unicodedata.normalize("NFKC", value).strip().isdigit()
    if error is not None and error.get("type") == "list_type":  # 「［甲，乙］」 is a list in half-width; 「（电子屏）」 is a
        # standard name's own brackets, and a cell of boxes in half-width is no list either (hostile pass 38)
        typed = unicodedata.normalize("NFKC", value).strip()
        return typed.startswith("[") and typed.endswith("]")
    if note.code != "GK104" or error is None:
        return True
    return unicodedata.normalize("NFKC", value).strip() in _choices(error).split("、")


def _ambiguous(value: str, names: str) -> tuple[str, ...]:
    """The choices among *names* a word standing for several of them means (vocab.AMBIGUOUS_GROUNDS)."""
    meant = vocab.AMBIGUOUS_GROUNDS.get(vocab.spelling(value), ())
    return meant if all(m in names.split("、") for m in meant) else ()


def _quote_hint(label: str) -> str:
    """What to write when YAML read text as yes or no (true, false, True, FALSE …)."""
    return f"不加引号的 true、false（不论大小写）会被读成「是/否」，而不是文字：要写的是文字的，给整个值加引号，如「{label}: \"……\"」。"


_NO_CHANNEL = ("写明这条信息的渠道，如「公开渠道: [社区/企事业单位/村公示栏（电子屏）]」；按所属事项的全部渠道公开的，删去这一行；"
               "不公开的，把「公开属性」改为依申请公开或不予公开。")

# The kinds of a field that holds one value: a list or 「键: 值」 written there is no value of it (「文号: [甲, 乙]」).
_ONE_VALUE = {"string_type", "literal_error", "enum", "date_form", "date_value", "date_type", "int_type",
              "int_parsing", "float_type", "float_parsing", "bool_type", "bool_parsing"}


def _choices(error: Any) -> str:
    expected = error.get("ctx", {}).get("expected", "")
    return str(expected).replace(chr(39), '').replace(' or ', '、').replace(', ', '、')


def _not_one_value(kind: str, label: str, loc: tuple[str | int, ...], value: Any, choices: str) -> Note:
    """A field left empty (「题名:」「题名: ~」), or written as a list or 「键: 值」 where it holds one value: said so in
    the words of the file, not as Python's None or ['甲', '乙']. An entry of a list is named by its number."""
    if kind.startswith("date"):
        example = "2026-03-02"
    elif kind.startswith(("int", "float")):
        example = "3"
    else:
        example = choices.split("、")[0] if choices else "……"
    also = f"，可选的值：{choices}" if choices else ""
    entry = isinstance(loc[-1], int)
    where = f"第{loc[-1] + 1}项" if isinstance(loc[-1], int) else ""
    if entry:
        fill = f"在「- 」后面只写一个值{also}"
    elif kind == "list_type":
        fill = f"写成「{label}: [甲, 乙]」，或在下面每项一行「- 」"
    else:
        fill = f"写成「{label}: {example}」{also}"
    if value is None or isinstance(value, str):
        said = "是空的" if entry else "没有填写（冒号后面是空的）"
        return Note("GK101", f"「{label}」{where}{said}", ("删去这个空项，或" if entry else "") + f"{fill}。", loc)
    if isinstance(value, list):
        fix = "去掉这一项外面的方括号，其中每个值单独作为一项" if entry else f"只保留一个值，{fill}"
        return Note("GK103", f"「{label}」{where}只能写一个值，这里写成了列表（{len(value)}项）", f"{fix}。", loc)
    return Note("GK103", f"「{label}」{where}只能写一个值，这里写成了「键: 值」",
                f"把值写在冒号后面的同一行，{fill}；值里有「: 」（冒号加空格）时，整个值用引号括起来，"
                f"如「{label}: \"……: ……\"」。", loc)


_SPACE_NAMES = {"\u3000": "全角空格", "\u00a0": "不间断空格（从网页、Word 复制来的）"}


def bare_key(key: str) -> str:
    """*key* as Notepad shows it to the eye: without spaces (half-width, full-width, no-break: YAML keeps them in a
    key), and with each character that only looks like another (⾴ KANGXI RADICAL LEAF, 﨑, ｐ from a PDF or the input
    method's full-width mode) as that character (NFKC)."""
    return "".join(unicodedata.normalize("NFKC", key).split())


def _unknown_key(loc: tuple[str | int, ...], model: type[BaseModel],
                 missing: set[tuple[str | int, ...]]) -> tuple[Note, tuple[str | int, ...] | None]:
    """The finding for a key the model does not know, and the field it stands for when that is a required key the file
    lacks (so that the lack is not a second finding)."""
    key = str(loc[-1])
    allowed = model_aliases(model, loc[:-1])
    squeezed = bare_key(key)
    if "：" in key or ":" in key:
        hint = "键名中有冒号：键和值之间要用半角冒号加一个空格，如「题名: ……」。"
    elif squeezed in allowed and "".join(key.split()) != squeezed:  # 「⾴数」: a KANGXI RADICAL copied from a PDF
        odd = "、".join(dict.fromkeys(f"「{c}」" for c in key if unicodedata.normalize("NFKC", c) != c and not c.isspace()))
        return Note("GK102", f"键名「{key}」中的{odd}只是样子像，是另一个字符（多是从 PDF 复制来的康熙部首、兼容汉字，或全角字母），"
                    f"应为「{squeezed}」", f"把键名重新输入为「{squeezed}」；gongkai fmt 会自动改正。", loc), \
            _if_in((*loc[:-1], squeezed), missing)
    elif squeezed in allowed:  # 「题名　:」「题 名:」: a space, full-width or no-break, which YAML keeps in the key
        spaces = "、".join(dict.fromkeys(_SPACE_NAMES.get(c, "空格") for c in key if c.isspace()))
        said = f"键名「{squeezed}」的前后多了{spaces}" if key.strip() == squeezed else \
            f"键名「{key}」中间多了{spaces}，应为「{squeezed}」"
        return Note("GK102", said, f"删去这个空格，写成「{squeezed}: ……」（冒号紧跟键名，冒号后一个半角空格）；"
                    "gongkai fmt 会自动改正。", loc), _if_in((*loc[:-1], squeezed), missing)
    elif model is Record and (told := UNKNOWN_KEY_HINTS.get(squeezed)) is not None:  # 施行日期: no 成文日期
        return Note("GK102", f"未知字段「{key}」", told, loc), None
    elif (column := column_hint(key, allowed)) is not None:  # 上年结转: {法人或其他组织: 2} is five columns, not 其他
        return Note("GK102", f"未知字段「{key}」", column, loc), None
    else:
        guess = near_miss(key, allowed, tuple(str(m[-1]) for m in missing if m[:-1] == loc[:-1]))
        meant = (*loc[:-1], guess) if guess else None
        if meant in missing:
            return Note("GK102", f"未知字段「{key}」，因此缺少必填字段「{guess}」",
                        f"是否想写「{guess}」？把键名改为「{guess}」。", loc), meant
        hint = f"是否想写「{guess}」？" if guess else f"可用的字段：{'、'.join(allowed)}。"
    return Note("GK102", f"未知字段「{key}」", hint, loc), None


def _if_in(field: tuple[str | int, ...], missing: set[tuple[str | int, ...]]) -> tuple[str | int, ...] | None:
    return field if field in missing else None


def _key_kind(key: Any) -> str:
    if key is None:
        return "空值"
    if isinstance(key, bool):
        return "true 或 false"
    if isinstance(key, int | float):
        return f"数字「{_shown(key)}」"
    if isinstance(key, list | tuple):
        return "列表"
    return f"「{_shown(key)}」"


def _windows_name_hint(label: str) -> str:
    """How to write a 编号 (or a 领域's 代码) that every output can name a file or folder after."""
    refused = "CON、PRN、AUX、NUL、COM1—COM9、LPT1—LPT9 在 Windows 上是设备名，不能用"
    if label == "代码":
        return f"领域代码用2—8个大写英文字母，如 SHJZ（社会救助）、JYCY（就业创业）；{refused}。"
    return (f"换一个编号：英文字母、数字和 - _ .，不以「.」结尾，不超过64个字符，如 R2026-012、SHJZ-001、mzb-102；"
            f"{refused}（也不能是第一个点之前的部分，如 aux.1）。文件名与编号一致的，文件一起改名；引用它的地方也一起改。")


def _pattern_hint(label: str, value: Any = None) -> str:
    if label in ("承办单位", "关联申请"):
        return f"「{label}」写编号：承办单位写 gongkai.yaml「单位」中的编号，如 shjzg；关联申请写申请的编号，如 YSQ-2026-003。"
    if label in ("编号", "责任单位", "事项", "转发", "解读"):
        return "编号只能用英文字母、数字和 - _ .，如 SHJZ-001、R2026-012、shjzg。"
    if "区划代码" in label:
        return division_hint(str(value or "").strip())
    if label == "代码":  # a 领域's code: the item ids and items/ folders are made of it
        return "领域代码用2—8个大写英文字母（不用中文、数字和空格），如 SHJZ（社会救助）、JYCY（就业创业）。"
    return "请按说明填写。"


def division_hint(code: str) -> str:
    """What to write instead: a 12-digit 统计用区划代码 is cut to the 乡镇's 9 or the county's 6 digits."""
    if re.fullmatch(r"[0-9]{12}", code):
        return (f"「{code}」是12位的统计用区划代码：乡镇人民政府（街道办事处）写前9位 {code[:9]}，"
                f"县级机关写前6位 {code[:6]}。")
    return '区划代码写6位数字（县级机关，如 "350524"）或9位数字（乡镇人民政府，如 "350524100"），用半角数字。'


def _type_text(kind: str, value: Any) -> str:
    names = {
        "string_type": "应为文字",
        "list_type": "应为列表（每项一行「- 」，或写成 [甲, 乙]）",
        "dict_type": "应为若干「键: 值」",
        "model_type": "应为若干「键: 值」",
        "model_attributes_type": "应为若干「键: 值」",
        "int_type": "应为整数",
        "int_parsing": "应为整数",
        "int_from_float": "应为整数",
        "float_type": "应为数字",
        "float_parsing": "应为数字",
        "bool_type": "应为 true 或 false",
        "bool_parsing": "应为 true 或 false",
        "greater_than_equal": "数值太小",
        "less_than_equal": "数值太大",
    }
    return names.get(kind, "不符合要求") + (f"，而这里是「{_shown(value)}」" if not isinstance(value, (dict, list)) else "")


def _shown(value: Any) -> str:
    """A value as quoted in a message: short, and never too big to print (Python refuses huge integers)."""
    if isinstance(value, bool):  # as the file has it, not Python's True
        return "true" if value else "false"
    if isinstance(value, int) and value.bit_length() > 100:
        return "（很长的数字）"
    text = str(value)
    return cut_short(text, 40)


NOTICE_DAYS_HINT = ("只写工作日数，如「公示期: 7」（公开日期当天算第1个工作日）；按天、周、月或年计的公示，"
                    "改写最后一天：「公示截止: YYYY-MM-DD」。")


# Yes and no as a clerk types them into a true-or-false field (公开考核表, 接收名单): the hint says which word to write.
_CHINESE_YES = frozenset(("是", "对", "有", "要", "需要", "同意", "公开", "开", "开启", "打开", "√", "✓", "✔", "Y", "y"))
_CHINESE_NO = frozenset(("否", "不", "不是", "无", "没有", "不要", "不需要", "不同意", "不公开", "关", "关闭", "×", "✗",
                         "✘", "N", "n"))


def _type_hint(kind: str, label: str, value: Any = None, keys: list[str] | None = None) -> str:
    """How to write *label* (its nested *keys*, when it holds 「键: 值」 lines) for a value of the wrong type."""
    if label == "公示期":
        return NOTICE_DAYS_HINT
    if label in ("办理结果", "理由") and kind == "string_type":
        return ONE_RESULT_HINT
    if kind == "list_type" and isinstance(value, str) and value.strip()[:1] in TICKED + UNTICKED and label in FIELDS:
        # a cell of the table's boxes it could not read (normalize reads one whose ticked boxes name choices)
        return (f"这是表格里的一整格勾选框：只写勾选（■）的{label}，写成 [甲, 乙]，名称用可选的值"
                f"（{'、'.join(FIELDS[label].names)}）；没有勾选任何一项的，写上实际的{label}。")
    if kind == "list_type" and keys:  # 「附件: 名单.pdf」: each item holds 「键: 值」 lines of its own
        first, *rest = keys
        return f"「{label}」下面换行，每项以「- 」开头，缩进两个空格：「  - {first}: ……」" + \
            "".join(f"「    {key}: ……」" for key in rest) + "。"
    if kind == "list_type":
        return f"「{label}」下每项一行，以「- 」开头。"
    if kind in ("dict_type", "model_type", "model_attributes_type") and label in ONCE_ONLY_HINTS and isinstance(value, list):
        return ONCE_ONLY_HINTS[label]
    if kind in ("dict_type", "model_type", "model_attributes_type") and label in BLOCK_HINTS:
        return BLOCK_HINTS[label]
    if kind in ("dict_type", "model_type", "model_attributes_type") and keys:  # 「撤回: 否」, 「保密审查: 已审查」
        lines = "".join(f"「{key}: ……」" for key in keys)
        none = f"；没有{label}的，删去「{label}」这一行" if isinstance(value, str) and value.strip() in _CHINESE_NO else ""
        return f"「{label}」下面换行，缩进两个空格各写一行：{lines}{none}。"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"「{label}」下面的内容要换行并缩进两个空格。"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"只写一个整数，用半角阿拉伯数字，不带单位和小数，如「{label}: 3」。"
    if kind in ("bool_type", "bool_parsing"):
        said = str(value).strip().strip("\"'“”‘’「」") if isinstance(value, str) else ""
        meant = "true" if said in _CHINESE_YES else "false" if said in _CHINESE_NO else ""
        if meant:  # 「公开考核表: 是」: the example is the word meant, not always true
            return f"「{said}」要写成 {meant}：「{label}: {meant}」（YAML 只认 true 和 false，true 是「是」，false 是「否」）。"
        return f"只写 true（是）或 false（否），如「{label}: true」。"
    if kind in ("float_type", "float_parsing"):
        if label == "行政事业性收费":  # 万元, as table 二 of the annual report has it: 「1,200」「1200元」 are refused
            return "只写一个数，单位是万元，用半角阿拉伯数字，不带单位和千位分隔符：1200 元写作「行政事业性收费: 0.12」，没有收费写 0。"
        return f"只写一个数，用半角阿拉伯数字，不带单位和千位分隔符，如「{label}: 0.5」。"
    return f"请检查「{label}」的值。"
