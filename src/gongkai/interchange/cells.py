"""Reading one cell by meaning: lists written in one cell, and boxes ticked in any arrangement."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from gongkai.interchange.headers import Choice, norm, tidy, visible

TICKS = frozenset("■☑✓✔√▣✅●◆▲☒")
UNTICKS = frozenset("□☐○×✗✘◇✖❌❎⬜")
OCR_BOX = "口"  # OCR and some typists write 口 for □: a box only where a box can stand
MARKS = TICKS | UNTICKS
YES_WORDS = frozenset({"是", "有", "Y", "y", "1", "对", "勾选", "TRUE", "True", "true"})
NO_WORDS = frozenset({"否", "无", "N", "n", "0", "不", "不勾选", "FALSE", "False", "false"})
# What tables put in a cell that does not apply (「—」 for no 二级事项, 「/」 for no 公开依据, 「无」): an empty cell.
_PLACEHOLDER = re.compile(r"[\s\-—–－―/／\\]+|无|暂无|空")

# Half-width brackets too: list elements keep the brackets they were typed with (they are what the item file holds).
_OPEN, _CLOSE = "《（(〔[「“‘〈{", "》）)〕]」”’〉}"
_BULLETS = "●•·▪◆◇○■□▶►-*"
_NUMBER_MARK = (r"\d{1,2}\s*[.、．）)](?!\d)|[（(]\s*\d{1,2}\s*[）)]|[①-⑳]"
                r"|[一二三四五六七八九十]{1,3}\s*、|[（(][一二三四五六七八九十]{1,3}[）)]")
_LINE_MARK = re.compile(r"^\s*(?:[" + re.escape(_BULLETS) + r"]|" + _NUMBER_MARK + r")\s*")
_NAME_NUMBER = re.compile(r"^\s*(?:" + _NUMBER_MARK + r")\s*")
_CONTINUED = re.compile(r"\s*[（(]\s*续(?:表|上页|前页)?\s*[）)]\s*$")
_INLINE_NUMBER = re.compile(r"(?<!\d)(?:(\d{1,2})\s*[.、．）)](?!\d)|[（(](\d{1,2})[）)])")
_CN_MARK = re.compile(r"[（(]([一二三四五六七八九十]{1,3})[）)]|(?<![一二三四五六七八九十第])([一二三四五六七八九十]{1,3})、")
_CN_ORDER = {name: n for n, name in enumerate(
    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"] + [f"十{d}" for d in "一二三四五六七八九"], start=1)}
_INLINE_BULLETS = "●•·▪◆"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _outside(text: str) -> list[bool]:
    """For each character: True when it stands outside 《…》, （…） and other brackets."""
    depth, flags = 0, []
    for ch in text:
        flags.append(depth == 0)
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            flags[-1] = False
    return flags


def _split_outside(text: str, separators: str) -> list[str]:
    parts, start, flags = [], 0, _outside(text)
    for index, ch in enumerate(text):
        if ch in separators and flags[index]:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _inline_numbered(line: str) -> list[str] | None:
    """「1.甲 2.乙 3.丙」or「①甲②乙」on one line, split at the numbers (which must count up from 1)."""
    flags = _outside(line)
    if any(ch in _CIRCLED for ch in line):
        cuts = [i for i, ch in enumerate(line) if ch in _CIRCLED and flags[i]]
        if len(cuts) < 2 or line[: cuts[0]].strip():
            return None
        return [p for p in _cut(line, cuts) if p]
    found = [m for m in _INLINE_NUMBER.finditer(line) if flags[m.start()]]
    numbers = [int(next(g for g in m.groups() if g)) for m in found]
    # counting up from the first: a list continued from the row above (「10.救助金额 11.救助事由」) starts past 1
    if len(found) < 2 or numbers != list(range(numbers[0], numbers[0] + len(found))) or line[: found[0].start()].strip():
        return None
    return [p for p in _cut(line, [m.start() for m in found]) if p]


def _chinese_numbered(line: str) -> list[str] | None:
    """「（一）甲（二）乙」or「一、甲 二、乙」on one line, split at the marks of the first one's style that count up from
    一; a 「一、」 inside the text (统一、规范) is passed over, as is 「第一、」."""
    flags = _outside(line)
    marks = [m for m in _CN_MARK.finditer(line) if flags[m.start()]]
    if not marks or marks[0].start() != len(line) - len(line.lstrip()):
        return None
    bracketed = marks[0].group(1) is not None
    cuts: list[int] = []
    for mark in marks:
        if (mark.group(1) is not None) == bracketed and _CN_ORDER.get(mark.group(1) or mark.group(2)) == len(cuts) + 1:
            cuts.append(mark.start())
    return [p for p in _cut(line, cuts) if p] if len(cuts) >= 2 else None


def _cut(line: str, cuts: list[int]) -> list[str]:
    bounds = [*cuts, len(line)]
    return [_LINE_MARK.sub("", line[a:b], count=1).strip().rstrip("；;，,、") for a, b in zip(bounds, bounds[1:])]


def _bulleted(line: str) -> list[str] | None:
    """「●甲●乙」on one line: the parts between the bullets."""
    parts = [p.rstrip("；;，,") for p in _split_outside(line, _INLINE_BULLETS)]
    return parts if len(parts) > 1 else None


def _unmarked(line: str) -> str:
    return _LINE_MARK.sub("", line, count=1).strip().rstrip("；;，,")


def unnumbered(name: str) -> str:
    """A 事项 name without the list number some tables put before it, nor the 「（续）」 a table continued on the next
    page puts after it: 「（一）最低生活保障」 and 「最低生活保障（续）」 are 最低生活保障."""
    bare = _CONTINUED.sub("", _NAME_NUMBER.sub("", name, count=1)).strip()
    return bare or name


def split_list(text: str) -> list[str]:
    """The elements of a list in one cell: lines, bullets and numbers first, then ；, then 、 (never inside 《》（））.

    Each element is as typed (half-width brackets stay half-width): an unchanged cell must read as the file's value.
    """
    lines = _rewrapped([_enclosed_mark(line.strip()) for line in visible(text).split("\n") if line.strip()])
    if len(lines) == 1:
        line = lines[0]
        found = _inline_numbered(line) or _chinese_numbered(line) or _bulleted(line)
        if found:
            return found
        if _LINE_MARK.match(line):
            return [_unmarked(line)]
        parts = _split_outside(line, "；;")
        if len(parts) == 1:
            parts = _split_enumeration(line)
        return [ref for part in parts for ref in _references(part)]
    elements: list[str] = []
    for line in lines:
        if _LINE_MARK.match(line):
            elements.extend(_bulleted(line) or [_unmarked(line)])
        else:
            elements.extend(ref for p in _split_outside(line, "；;") for ref in _references(p.rstrip("，,")))
    return [e for e in elements if e]


def _rewrapped(lines: list[str]) -> list[str]:
    """The lines of a list cell, each line that closes a 《》 or （） the line above left open joined to it: a title
    broken by Alt+Enter or pasted from a PDF (「《中华人民共和国政府信息公开⏎条例》」) is one entry. (A line without a
    bullet among bulleted ones stays an entry: the end of one wrapped, or one added without its ●, nobody can tell.)"""
    joined: list[str] = []
    for line in lines:
        if joined and _depth(joined[-1] + line) < _depth(joined[-1]):
            joined[-1] += line
        else:
            joined.append(line)
    return joined


def _depth(text: str) -> int:
    """How many brackets *text* leaves open at its end."""
    depth = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
    return depth


# Numbers in one character, as Word and PDF converters leave them: ⑴ is （1）, ⒈ is 1., ㈠ is （一）.
_ENCLOSED = {**{0x2474 + n: f"（{n + 1}）" for n in range(20)}, **{0x2488 + n: f"{n + 1}." for n in range(20)},
             **{0x3220 + n: f"（{c}）" for n, c in enumerate("一二三四五六七八九十")}}


def _enclosed_mark(line: str) -> str:
    """*line* with its numbers in one character spelt out when it starts with one (elsewhere they are text)."""
    return line.translate(_ENCLOSED) if line and ord(line[0]) in _ENCLOSED else line


# What follows the 「、」 of 「第十九条、第二十条」 or 「第1、2项」: more articles of the same document, not another element.
_ARTICLE = re.compile(r"第?\s*[\d一二三四五六七八九十百零〇]+\s*[条款项章节目]")
# A 文号 (国发〔2014〕47号): a reference that ends where the next one starts, with only a space between them.
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\s*第?\d+\s*号")


def _split_enumeration(line: str) -> list[str]:
    """*line* split at 「、」 outside brackets, except before the articles of the same document (「第十条、第十一条」)."""
    parts: list[str] = []
    for part in _split_outside(line, "、"):
        if parts and _ARTICLE.match(part):
            parts[-1] += "、" + part
        else:
            parts.append(part)
    return parts


def _references(text: str) -> list[str]:
    """References written one after the other with nothing or a space between (「《甲》《乙》」, 「《甲》（文号）《乙》」,
    「国发〔2014〕47号 民发〔2018〕23号」), one each; any other text as it is."""
    if not (text.startswith("《") or _DOC_NUMBER.match(text)):
        return [text]
    flags, cuts = _outside(text), []
    for index in range(1, len(text)):
        if not flags[index] or text[index].isspace() or not text[index - 1].isspace() and text[index] != "《":
            continue
        before = text[:index].rstrip()
        if before and before[-1] in "》）)号" and (text[index] == "《" or _DOC_NUMBER.match(text, index)):
            cuts.append(index)
    return [p.strip() for p in _cut_at(text, cuts)] if cuts else [text]


def _cut_at(text: str, cuts: list[int]) -> list[str]:
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]


@dataclass
class Boxes:
    """What a box cell says: names ticked, names left empty, extras of 其他, and what could not be read."""

    ticked: list[str] = field(default_factory=list)
    unticked: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # ticked (or listed) text that is no option
    unmarked: list[str] = field(default_factory=list)  # names without a box in a cell where others have one
    stray: int = 0  # boxes with no name next to them
    marked: bool = False
    remarks: list[str] = field(default_factory=list)  # 「政府网站（县政府门户网站）」: what a ticked name's brackets add


@dataclass(frozen=True)
class _Token:
    kind: str  # "mark", "name", "unknown"
    text: str
    ticked: bool = False
    names: tuple[str, ...] = ()
    extras: tuple[str, ...] = ()
    remark: str = ""


_SEPARATORS = frozenset("、，,；;。/|•·▪\n\t ")
_JOINT = re.compile(r"以及|及|和|与")  # between two option names: 「政府网站及村公示栏」 is two channels
ETC = frozenset({"等", "等等", "等渠道", "等方式"})  # after the names (「政府网站等」): more, but which is not said
_NUMBERING = re.compile(r"\d{1,2}\s*[.、．）)](?!\d)|（\d{1,2}）|[①-⑳]")
_BRACKETED_MARK = re.compile(r"[（\[]\s*([" + re.escape("".join(sorted(MARKS))) + r"])\s*[）\]]")
_EMPTY_BRACKETS = re.compile(r"[（\[]\s*[）\]]")  # 「政务新媒体（ ）」 beside 「政府网站（√）」: the box left empty


def read_boxes(text: str, choice: Choice) -> Boxes:
    """Boxes in any arrangement: one per line or all on one line, box before or after its name, or names only."""
    tidied = _rejoined(tidy(text), choice)
    if _BRACKETED_MARK.search(tidied):  # a form of 「名称（√）」 and 「名称（ ）」: empty brackets are the empty boxes
        tidied = _EMPTY_BRACKETS.sub("□", _BRACKETED_MARK.sub(r"\1", tidied))
    if by_line := _boxes_by_line(tidied, choice):
        return by_line
    tokens = _tokens(tidied, choice)
    boxes = Boxes(marked=any(t.kind == "mark" for t in tokens))
    if not boxes.marked:
        for token in tokens:
            _take(boxes, token, True)
        return boxes
    leading = tokens[0].kind == "mark"
    pairs: list[tuple[_Token, bool]] = []
    pending: _Token | None = None
    for token in tokens if leading else reversed(tokens):  # a box belongs to the name after it, or before it
        if token.kind == "mark":
            boxes.stray += pending is not None
            pending = token
        elif pending is None:
            boxes.unmarked.append(token.text)
        else:
            pairs.append((token, pending.ticked))
            pending = None
    boxes.stray += pending is not None
    for token, ticked in pairs if leading else reversed(pairs):
        _take(boxes, token, ticked)
    if not leading:
        boxes.unmarked.reverse()
    return boxes


_WORD = re.compile(r"[^\s" + re.escape("".join(sorted(_SEPARATORS | MARKS))) + r"]+")


def _rejoined(text: str, choice: Choice) -> str:
    """*text* with the line breaks and spaces taken out of an option's name broken by them in a narrow column
    (「主动⏎公开」「依申请 公开」「全社⏎会」): where the two words around them spell an option together and not each."""
    words = list(_WORD.finditer(text))
    cuts = [(a.end(), b.start()) for a, b in zip(words, words[1:])
            if not text[a.end():b.start()].strip() and choice.lookup(a.group() + b.group()) is not None
            and (choice.lookup(a.group()) is None or choice.lookup(b.group()) is None)]
    for start, end in reversed(cuts):
        text = text[:start] + text[end:]
    return text


def _boxes_by_line(text: str, choice: Choice) -> Boxes | None:
    """A cell of one name a line, each with its box before or after it or none: every box belongs to the name on its
    own line (「政府网站⏎□政务新媒体」: 政府网站 has none, not the □ of the next line). None for other arrangements."""
    lines = [_tokens(line, choice) for line in text.split("\n") if line.strip()]
    marks = [[t for t in line if t.kind == "mark"] for line in lines]
    names = [[t for t in line if t.kind != "mark"] for line in lines]
    if len(lines) < 2 or not any(marks) or any(len(m) > 1 or len(n) != 1 for m, n in zip(marks, names)):
        return None
    boxes = Boxes(marked=True)
    for mark, (name,) in zip(marks, names):
        if mark:
            _take(boxes, name, mark[0].ticked)
        else:
            boxes.unmarked.append(name.text)
    return boxes


def _take(boxes: Boxes, token: _Token, ticked: bool) -> None:
    if token.kind == "unknown":
        if ticked:
            boxes.unknown.append(token.text)
        return
    target = boxes.ticked if ticked else boxes.unticked
    target.extend(n for n in token.names if n not in target)
    if ticked:
        boxes.extras.extend(e for e in token.extras if e not in boxes.extras)
        if token.remark:
            boxes.remarks.append(token.text)


def _tokens(text: str, choice: Choice) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    while pos < len(text):
        ch = text[pos]
        numbering = _NUMBERING.match(text, pos)
        if ch in _SEPARATORS or ch.isspace():
            pos += 1
        elif numbering and (pos == 0 or text[pos - 1] in _SEPARATORS or text[pos - 1] in MARKS):
            pos = numbering.end()
        elif ch in MARKS or (ch == OCR_BOX and _box_at(text, pos, choice)):
            tokens.append(_Token("mark", ch, ticked=ch in TICKS))
            pos += 1
        elif spelling := choice.spelling_at(text, pos):
            pos = _name(text, pos, spelling, choice, tokens)
        elif (joint := _JOINT.match(text, pos)) and tokens and tokens[-1].kind == "name" and (
                _name_follows(text, joint.end(), choice) or text[joint.end():].lstrip()[:1] in MARKS):
            pos = joint.end()  # 「政府网站及村公示栏」「■县级和■乡级」: a conjunction between two names parts them as 、 does
        else:
            end = _unknown_end(text, pos, choice)
            tokens.append(_Token("unknown", text[pos:end].strip()))
            pos = end
    return tokens


def _box_at(text: str, pos: int, choice: Choice) -> bool:
    """口 is a box when a name follows it, or it stands alone between separators (not the 口 of 窗口)."""
    if _name_follows(text, pos + 1, choice):
        return True
    before = text[pos - 1] if pos else "\n"
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    known_before = any(text.endswith(s, 0, pos) for s in choice.spellings)
    return (before in _SEPARATORS or before in MARKS or known_before) and (after in _SEPARATORS or after in MARKS)


def _name(text: str, pos: int, spelling: str, choice: Choice, tokens: list[_Token]) -> int:
    names = choice.spellings[spelling]
    end = pos + len(spelling)
    extras: tuple[str, ...] = ()
    if names == ("其他",):
        end, extras = _other_extras(text, end)
    canonical = tuple(n for n in names if n in choice.names or n in choice.unmodelled)
    extras += tuple(n for n in names if n not in canonical)
    remark = ""
    if names != ("其他",) and text.startswith("（", end) and (close := _closing(text[end:])) > 0:
        remark, end = text[end:end + close + 1], end + close + 1  # a remark on the name: 政府网站（www.……）
    tokens.append(_Token("name", text[pos:end], names=canonical, extras=extras, remark=remark))
    return end


def _other_extras(text: str, end: int) -> tuple[int, tuple[str, ...]]:
    """「其他（12345政务服务热线、政务公开专区）」or「其他：…」: the channels written after 其他."""
    rest = text[end:]
    stripped = rest.lstrip(" \n")
    skipped = len(rest) - len(stripped)
    if stripped.startswith("（"):
        close = _closing(stripped)  # 「其他（12345热线（24小时））」: the bracket that closes the first
        inner, length = (stripped[1:close], close + 1) if close >= 0 else (stripped[1:], len(stripped))
    elif stripped[:1] in ("：", ":") and skipped == 0:
        stop = re.search(r"[\n" + re.escape("".join(sorted(MARKS))) + "]", stripped[1:])
        length = 1 + (stop.start() if stop else len(stripped) - 1)
        inner = stripped[1:length]
    else:
        return end, ()
    return end + skipped + length, tuple(split_names(inner))


def _closing(text: str) -> int:
    """The index of the bracket closing the one *text* starts with, or -1."""
    depth = 0
    for index, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if not depth:
                return index
    return -1


def split_names(text: str) -> list[str]:
    """Names listed on one line (其他渠道): at 「；」 when there is one (a name may hold a 「、」), else at 、，,."""
    flags = _outside(text)
    if any(ch in "；;" and flags[i] for i, ch in enumerate(text)):
        return _split_outside(text, "；;\n")
    return _split_outside(text, "、，,\n")


def _name_follows(text: str, pos: int, choice: Choice) -> bool:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos < len(text) and choice.spelling_at(text, pos) is not None


def _unknown_end(text: str, pos: int, choice: Choice) -> int:
    end = pos + 1
    while end < len(text):
        ch = text[end]
        if ch in _SEPARATORS or ch.isspace() or ch in MARKS:
            break
        if ch == OCR_BOX and _name_follows(text, end + 1, choice):
            break
        end += 1
    return end


def other_channels(text: str) -> list[str]:
    """The channels a cell of the 「其他」 column names (「12345政务服务热线」「√（政务公开专区）」「其他：…」), none when it is
    only a box or a yes/no, or starts with an empty box."""
    value = tidy(text).strip()
    if value[:1] in UNTICKS or value[:1] == OCR_BOX:
        return []
    value = value.lstrip("".join(TICKS) + " ").removeprefix("其他").strip(" ：:")
    if value.startswith("（") and value.endswith("）"):
        value = value[1:-1]
    named = split_names(value)
    return [] if not named or norm(value) in YES_WORDS | NO_WORDS else named


_LEVEL_MARKS = "—–－―/／"  # between 一级事项 and 二级事项 typed in one cell: 「最低生活保障—办事指南」「临时救助/审批信息」


def joined_levels(text: str) -> list[str] | None:
    """「一级—二级」 (or 「一级/二级」, 「一级—二级—三级」, a hyphen between Chinese characters, a dash doubled as
    「——」): the names, two or three, when the cell holds so many separated by such marks outside brackets; else None."""
    flags = _outside(text)
    cuts: list[tuple[int, int]] = []
    index = 0
    while index < len(text):
        ch = text[index]
        hyphen = ch == "-" and 0 < index < len(text) - 1 and _cjk(text[index - 1]) and _cjk(text[index + 1])
        if flags[index] and (ch in _LEVEL_MARKS or hyphen):
            end = index + 1
            while end < len(text) and text[end] == ch:
                end += 1
            cuts.append((index, end))
            index = end
            continue
        index += 1
    if not cuts:
        return None
    bounds = [0] + [b for cut in cuts for b in cut] + [len(text)]
    parts = [text[bounds[i]:bounds[i + 1]].strip() for i in range(0, len(bounds), 2)]
    return parts if 2 <= len(parts) <= 3 and all(parts) else None


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def placeholder(text: str) -> bool:
    """True when *text* only says that the cell does not apply: a dash, a slash, 「无」."""
    return _PLACEHOLDER.fullmatch(text.strip()) is not None


_LETTER_TICKS = frozenset("vV")  # typed for √ where no input method gives one


def tick_state(text: str, own: tuple[str, ...], choice: Choice) -> bool | None:
    """A tick sub-column's cell: True ticked, False empty or □, None when it is neither."""
    value = unicodedata.normalize("NFKC", norm(text)).replace("〇", "○")  # 「１」「Ｙ」 typed in full width; 〇 for ○
    if not value and visible(text).strip():
        return None  # only a mark norm() drops from headers (★ ☆ ： *): no empty cell, and no tick either
    if not value or value in UNTICKS or value == OCR_BOX or value in NO_WORDS:
        return False
    if value in TICKS or value in YES_WORDS or value in _LETTER_TICKS:
        return True
    if choice.lookup(value) == own:
        return True  # the option's own name written in its column
    if value[0] in MARKS and choice.lookup(value[1:]) == own:
        return value[0] in TICKS
    return None
