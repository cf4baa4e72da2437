"""A table row to an item's fields, cell by cell: lists, boxes, ticks and units, every problem at its cell."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from gongkai.days import chinese_number
from gongkai.interchange.cells import (ETC, NO_WORDS, YES_WORDS, Boxes, other_channels, read_boxes, split_list,
                                      split_names, tick_state, unnumbered)
from gongkai.interchange.columns import LIST_KEYS, OTHER_CHANNEL, PARENT
from gongkai.interchange.headers import Choice, headers, norm
from gongkai.interchange.read import ImportProblem, Row, find_domain, shown
from gongkai.model.deadline import parse_deadline

TEXT_KEYS = ("编号", "公开时限", "公开主体", "咨询电话", "备注", "空白说明")
NAME_KEYS = ("一级事项", "二级事项", "三级事项")


def row_fields(row: Row, units: dict[str, str], domains: list[str],
               agency: str = "") -> tuple[dict[str, Any], list[ImportProblem]]:
    """The item fields a row states (YAML keys → values), and its problems with their cells; *agency* is the
    机关's name, which a 责任单位 cell may write before the unit's (县民政局社会救助股)."""
    problems: list[ImportProblem] = []
    cells = row.cells
    fields: dict[str, Any] = {"领域": _domain(row, domains, problems)}
    for key in TEXT_KEYS:
        if key in cells:
            fields[key] = _ONE_LINE.get(key, str)(cells[key]) or None
    if fields.get("公开时限") and parse_deadline(fields["公开时限"]) is None:
        problems.append(_vague_deadline(fields["公开时限"], row.ref("公开时限")))
    if fields.get("编号"):  # typed with the input method in full-width: ＳＨＪＺ－００１ is SHJZ-001
        fields["编号"] = unicodedata.normalize("NFKC", fields["编号"]).strip()
    for key in NAME_KEYS:
        if key in cells:
            fields[key] = unnumbered("".join(cells[key].split("\n")).strip()) or None
    for key in LIST_KEYS:
        if cells.get(key):
            fields[key] = [e for text in (cells[key], *row.more.get(key, ())) for e in split_list(text)]
    for choice in headers().choices.values():
        fields.update(_choice(row, choice, problems))
    if cells.get("其他渠道"):
        extras = [e for e in split_names(cells["其他渠道"]) if e not in fields.get("其他渠道", [])]
        fields["其他渠道"] = [*fields.get("其他渠道", []), *extras]
        if "公开渠道" in fields and "其他" not in fields["公开渠道"]:
            fields["公开渠道"] = [*fields["公开渠道"], "其他"]  # the channels named there are ticked under 其他
    if cells.get("责任单位"):
        fields["责任单位"] = _unit(cells["责任单位"], units, agency, row.ref("责任单位"), problems)
    if not fields.get("一级事项") and not fields.get("编号"):  # with a 编号: 「不改」 for an item it has (plan.py)
        problems.append(ImportProblem(row.ref("一级事项"), LEVEL1_BLANK))
    return fields, problems


LEVEL1_BLANK = "一级事项为空：每一行都要有事项名称（合并单元格也可以）"


def _deadline_line(text: str) -> str:
    """A 公开时限 broken over lines in its cell as one sentence: a line that is a deadline of its own is followed by
    「，」 (「……10个工作日内」「公示7个工作日」), a line broken mid-phrase joins the next as it stands."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    joined = lines[0] if lines else ""
    for line in lines[1:]:
        joined += ("，" if joined[-1] not in _PUNCTUATION and parse_deadline(joined) else "") + line
    return joined


def _publisher_line(text: str) -> str:
    """公开主体 written one body a line (「县级人民政府民政部门」「乡镇人民政府（街道办事处）」) as the directory writes them,
    parted by 「、」; a line that goes on with the body above (「县级人民政府」「民政部门」) joins it."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    joined = lines[0] if lines else ""
    for line in lines[1:]:
        joined += ("、" if joined[-1] not in _PUNCTUATION and _BODY_START.match(line) else "") + line
    return joined


_PUNCTUATION = "、，,；;：:。（("
# The start of a body's name: a level of government (县、乡镇、街道、村 …) or a place ending in one (测试县民政局).
_BODY_START = re.compile(r"[县乡镇市区省村各]|街道|社区|国家|国务院|[\u4e00-\u9fff]{1,6}?[县市区省](?!级)")
_ONE_LINE = {"公开时限": _deadline_line, "公开主体": _publisher_line}


def _vague_deadline(text: str, ref: str) -> ImportProblem:
    """A warning at a 公开时限 cell validate will not understand (GK401), named here at its cell: 「20」「及时更新」."""
    # the number of days typed, kept in the hint (not 20 for 「15个工作日内」, nor for 「十五个工作日内」)
    bare = _BARE_DAYS.fullmatch(text.strip())
    number = (int(bare[1]) if bare[1].isdigit() else chinese_number(bare[1])) if bare else None
    days = (f"{number}日" if bare[2] in ("日", "天") else f"{number}个工作日") if bare and number else "20个工作日"
    return ImportProblem(ref, (
        f"公开时限「{shown(text)}」看不出从何时起、多少天内公开（gongkai validate 会警告 GK401，不能核对是否按时）：请写成"
        f"「自信息形成或者变更之日起{days}内」「……，公示7个工作日」「实时公开」「每季度」这样的说法"), warning=True)


_BARE_DAYS = re.compile(r"(?:在|于)?(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*个?\s*(工作日|日|天)?\s*(?:以?内)?(?:公开)?[。.]?")


def _domain(row: Row, domains: list[str], problems: list[ImportProblem]) -> str:
    listed = "、".join(domains)
    if row.cells.get("领域"):
        found = find_domain(row.cells["领域"], domains)
        if found:
            return found
        problems.append(ImportProblem(row.ref("领域"), f"领域「{shown(row.cells['领域'])}」不在 gongkai.yaml 中（可选：{listed}）"))
    if row.cells.get(PARENT):
        found = find_domain(row.cells[PARENT], domains)
        if found:
            return found
        problems.append(ImportProblem(row.ref(PARENT), (
            f"一级事项左边的「{shown(row.cells[PARENT])}」不是 gongkai.yaml 中的领域，这一列已忽略"
            f"（一级事项取「一级事项」列）"), warning=True))
    if not row.domain and row.cells.get("领域") == "":  # the column is there, the cell blank, and none above says it
        problems.append(ImportProblem(row.ref("领域"), f"领域为空，看不出这一行属于哪个领域：请填写领域（可选：{listed}）"))
    elif not row.domain:
        problems.append(ImportProblem(row.ref("一级事项"), f"看不出这一行属于哪个领域：请加一列「领域」（可选：{listed}）"))
    return row.domain


def _choice(row: Row, choice: Choice, problems: list[ImportProblem]) -> dict[str, Any]:
    """A tick field from its own column (boxes or names) or from one sub-column per option."""
    if row.cells.get(choice.field):
        return _from_boxes(row, choice, problems)
    subs = [k for k in row.cells if k.startswith(choice.field + "=")
            or (choice.field == "公开渠道" and k.startswith(OTHER_CHANNEL + "="))]
    return _from_subcolumns(row, choice, subs, problems) if subs else {}


def _from_boxes(row: Row, choice: Choice, problems: list[ImportProblem]) -> dict[str, Any]:
    ref = row.ref(choice.field)
    boxes = read_boxes(row.cells[choice.field], choice)
    if _tick_alone(row.cells[choice.field], boxes):  # 「√」 under 公开对象: a tick, but of which option?
        names = "或".join(choice.names) if not choice.many else "、".join(choice.names)
        problems.append(ImportProblem(ref, (
            f"单元格只写了「{shown(row.cells[choice.field])}」，没有写明勾选的是{choice.title}的哪一项：请写选项名称"
            f"（{names}），或把表头分成「{'」「'.join(choice.names)}」各一小列，在小列中勾选")))
        return {}
    if _box_problems(boxes, choice, ref, problems):
        return {}  # already reported with what the cell holds: no second message that could contradict it
    problems.extend(ImportProblem(ref, (
        f"「{shown(named)}」括号里的说明没有导入：事项文件的{choice.title}只记名称；要留下说明，请写在「备注」列"), warning=True)
        for named in boxes.remarks)
    empty = (f"单元格里的 {len(boxes.unticked)} 个方框都没有勾选（■、☑、√ 表示勾选）" if boxes.marked
             else f"单元格里没有{choice.title}的名称")
    return _settle(choice, boxes.ticked, boxes.extras, ref, empty, problems)


def _from_subcolumns(row: Row, choice: Choice, subs: list[str], problems: list[ImportProblem]) -> dict[str, Any]:
    chosen: list[str] = []
    extras: list[str] = []
    unreadable = False
    for key in subs:
        field, _, named = key.partition("=")
        options = ("其他",) if field == OTHER_CHANNEL else tuple(named.split("+"))
        state = tick_state(row.cells[key], (named,) if field == OTHER_CHANNEL else options, choice)
        if state and field == OTHER_CHANNEL:
            extras.append(named)  # 「服务中心」 column ticked: 其他, naming it
        if state is None and options == ("其他",) and (listed := other_channels(row.cells[key])):
            state = True  # 「其他」 column naming the channels: 12345政务服务热线, √（政务公开专区）
            extras.extend(e for e in listed if e not in extras)
        unreadable = unreadable or state is None
        if state is None:
            problems.append(ImportProblem(row.ref(key), (
                f"{choice.title}「{named.replace('+', '、')}」栏应为 ■（勾选）或 □（未勾选），"
                f"这里写的是「{shown(row.cells[key])}」")))
        elif state:
            chosen.extend(o for o in options if o not in chosen)
    if unreadable:
        return {}
    labels = "、".join(k.split("=", 1)[1] for k in subs)
    empty = f"{labels}{'两' if len(subs) == 2 else '各'}栏都没有勾选（■ 或 √ 表示勾选）"
    own = {option: row.ref(key) for key in subs for option in key.partition("=")[2].split("+")}
    return _settle(choice, chosen, extras, row.ref(subs[0]), empty, problems, own)


def _tick_alone(text: str, boxes: Boxes) -> bool:
    """A cell of a field's own column holding only marks (√, ■, □) or a yes/no word (是, 否), naming no option."""
    named = boxes.ticked or boxes.unticked or boxes.extras or boxes.unmarked
    return not named and (bool(boxes.stray) and not boxes.unknown or norm(text) in YES_WORDS | NO_WORDS)


def _box_problems(boxes: Boxes, choice: Choice, ref: str, problems: list[ImportProblem]) -> bool:
    """Report names that are no option and names without a box; True when there were any."""
    for text in boxes.unknown + [t for t in boxes.unmarked if t in ETC]:  # 「■政府网站 ■两微一端等」: no box of its own
        if text in ETC:
            problems.append(ImportProblem(ref, (
                f"{choice.title.removesuffix('和载体')}写了「{shown(text)}」，看不出还有哪些：请逐个写明（或勾选）全部"
                f"{choice.title.removesuffix('和载体')}，去掉「{shown(text)}」字")))
            continue
        hint = ("应是 13 个标准渠道之一，其他渠道请写在「其他（……）」里" if choice.field == "公开渠道"
                else f"应是{'、'.join(choice.names)}之一")
        problems.append(ImportProblem(ref, f"不认识的{choice.title.removesuffix('和载体')}「{shown(text)}」：{hint}"))
    for text in (t for t in boxes.unmarked if t not in ETC):
        problems.append(ImportProblem(ref, (
            f"「{shown(text)}」前后没有方框，而同一格的其他名称有：看不出是否勾选。请写成「■{shown(text)}」或「□{shown(text)}」")))
    if boxes.stray:
        problems.append(ImportProblem(ref, f"有 {boxes.stray} 个方框旁边没有名称，已忽略", warning=True))
    return bool(boxes.unknown or boxes.unmarked)


def _settle(choice: Choice, chosen: list[str], extras: list[str], ref: str, empty: str,
            problems: list[ImportProblem], own: dict[str, str] | None = None) -> dict[str, Any]:
    """The field's value from the options ticked; levels gongkai does not model are reported, never dropped: at the
    cell of their own sub-column where they have one (*own*: option → cell)."""
    dropped = [c for c in chosen if c in choice.unmodelled]
    known = [c for c in chosen if c in choice.names]
    for level in dropped:
        problems.append(ImportProblem((own or {}).get(level, ref), (
            f"勾选了「{level}」：gongkai 的{choice.title}只分{'、'.join(choice.names)}，「{level}」没有导入"), warning=True))
    if not known:
        if dropped:
            problems.append(ImportProblem(ref, f"{choice.title}只勾选了{'、'.join(dropped)}：请至少勾选{'、'.join(choice.names)}之一"))
        elif choice.required:
            problems.append(ImportProblem(ref, f"{choice.title}一项也没有勾选：{empty}"))
        return {}
    if not choice.many and len(known) > 1:
        problems.append(ImportProblem(ref, (
            f"{choice.title}只能勾选一项，这里勾选了{'、'.join(known)}：请只留一项；两种都有的，请分成两个事项各写一行"
            "（如二级事项分别写明）")))
        return {}
    if choice.field in ("公开渠道", "公开层级"):
        known = [n for n in choice.names if n in known]  # printed order: the order carries no meaning
    if choice.field == "公开渠道":
        if extras and "其他" not in known:
            known.append("其他")
        return {"公开渠道": known, "其他渠道": extras}
    return {choice.field: known if choice.many else known[0]}


def _unit(text: str, units: dict[str, str], agency: str, ref: str, problems: list[ImportProblem]) -> str | None:
    found = unit_of(text, units, agency)
    if found is not None:
        return found
    listed = "、".join(f"{name}（{unit_id}）" for name, unit_id in units.items())
    problems.append(ImportProblem(ref, (
        f"责任单位「{shown(text)}」不在 gongkai.yaml 的「单位」中：请填其中一个单位的名称或编号（{listed}），"
        "或先在 gongkai.yaml 的「单位」中加上它")))
    return None


def unit_of(text: str, units: dict[str, str], agency: str) -> str | None:
    """The unit's id from its name or id (units: name → id), spaces, case and character widths aside; the name may
    follow the 机关's own, whole or shortened (测试县民政局社会救助股, 县民政局 社会救助股, 民政局社会救助股)."""
    if text in units.values():
        return text
    typed = norm(text)
    wide = unicodedata.normalize("NFKC", typed).casefold()  # 「SHJZG」「ｓｈｊｚｇ」 for shjzg
    for name, unit_id in units.items():
        if typed == norm(name) or (typed.endswith(norm(name)) and norm(agency).endswith(typed[:-len(norm(name))])):
            return unit_id
        if wide == unit_id.casefold():
            return unit_id
    return None
