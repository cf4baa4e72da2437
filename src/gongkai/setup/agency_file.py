"""The new gongkai.yaml as a round-trip document, with the comments a clerk needs to keep it (like catalog/gongkai.yaml)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from gongkai.authoring import document
from gongkai.days import chinese_day as _cn
from gongkai.model import Unit
from gongkai.model.vocab import TOWN_UNIT_KIND
from gongkai.setup.resolve import Setup

CONFIRM = "待确认"  # the comment on every generated 空白说明 until the clerk has checked it (rule GK550)

INIT_MARK = "总配置（由 gongkai init 于"  # on the first line of every gongkai.yaml init writes
HEADER = "{name} 政务公开目录 " + INIT_MARK + """ {day} 生成）
修改说明（给维护本文件的同志）：
  1. 冒号后面要有一个空格；缩进一律用两个空格，不要用 Tab 键。
  2. 区划代码、邮编、电话号码请加英文双引号，避免被当成数字。
  3. 以 # 开头的内容是说明文字，不影响程序运行，可以保留。
  4. 「单位」的编号一经使用就不要再改，事项和信息的「责任单位」都填这个编号。
  5. 行尾注释「# 待确认」的空白说明是 gongkai init 生成的：核实（或改写）后删去这条注释。
  6. 改完运行 gongkai validate 检查。"""


UNITS_CIVIL = "局机关股室和乡镇民政办。类型只能填：股室、乡镇民政办、其他。\n乡镇民政办：编号为 mzb- 加乡镇区划代码后三位。"
UNITS_OTHER = "本机关的股室（内设机构）。类型填：股室，或其他。"


def blank_note(day: dt.date) -> str:
    """The generated 空白说明 of an item that has nothing published yet."""
    return f"本栏目自{_cn(day)}启用，暂未产生此类信息。"


def another_day_note(text: object, day: dt.date) -> bool:
    """Whether *text* is the 空白说明 gongkai init generated for another catalog or another day (a table exported from
    a neighbour's catalog carries its adoption day: 「本栏目自2026年3月2日启用」 is not when this one started)."""
    return isinstance(text, str) and text != blank_note(day) and _GENERATED.fullmatch(text.strip()) is not None


_GENERATED = re.compile(r"本栏目自\d{4}年\d{1,2}月\d{1,2}日启用，暂未产生此类信息。")


def town_blank_note(day: dt.date) -> str:
    """The generated 空白说明 of a 乡镇 page."""
    return f"本乡镇自{_cn(day)}启用，暂无在网站发布的信息。"


def _q(value: str | None) -> DoubleQuotedScalarString | None:
    return DoubleQuotedScalarString(value) if value is not None else None


def _map(pairs: list[tuple[str, Any]]) -> CommentedMap:
    """A mapping of the pairs whose value is set, in the given order."""
    return CommentedMap((k, v) for k, v in pairs if v is not None)


def agency_document(setup: Setup, adopted: dt.date) -> CommentedMap:
    """The whole of gongkai.yaml for *setup*, adopted on *adopted*."""
    a = setup.answers
    doc = CommentedMap()
    doc["机关"] = _map([("名称", a.name), ("区划代码", _q(setup.division_code)), ("地址", a.address),
                      ("邮编", _q(a.postcode)), ("联系人", a.contact), ("联系电话", _q(a.phone)), ("电子邮箱", a.email)])
    doc["领域"] = CommentedSeq(_map([("名称", d.name), ("代码", d.code)]) for d in setup.domains)
    doc["单位"] = _units(setup.units, adopted)
    doc["移交"] = _handover(setup)
    doc["依申请公开"] = _desk(setup)
    doc["领导"] = CommentedSeq(_map([("姓名", p.name), ("职务", p.title), ("分工", p.duties)]) for p in setup.leaders)
    doc["启用日期"] = adopted
    doc["网站"] = _map([("标题", f"{a.name}政府信息公开"), ("基础地址", a.base_url)])
    doc["检查"] = _map([("严重程度", CommentedMap()), ("解读时限工作日", 3),
                      ("索引号格式", SingleQuotedScalarString(setup.index_pattern)),
                      ("索引号前缀", setup.index_prefix)])
    _comment(doc, setup)
    return doc


def _units(units: list[Unit], adopted: dt.date) -> CommentedSeq:
    seq = CommentedSeq()
    for unit in units:
        town = unit.kind == TOWN_UNIT_KIND
        entry = _map([("编号", unit.id), ("名称", unit.name), ("类型", unit.kind), ("区划代码", _q(unit.division_code)),
                      ("联系电话", _q(unit.phone)), ("空白说明", town_blank_note(adopted) if town else None)])
        if town:
            entry.yaml_add_eol_comment(CONFIRM, "空白说明")
        seq.append(entry)
    return seq


def _handover(setup: Setup) -> CommentedMap:
    a = setup.answers
    recipients = CommentedSeq([_map([("编号", "dag"), ("名称", a.archive or f"{setup.county.formal_name}档案馆")]),
                               _map([("编号", "tsg"), ("名称", a.library or f"{setup.county.formal_name}图书馆")])])
    return _map([("接收单位", recipients), ("移交日", document.as_yaml_value("移交日", setup.handover_days)), ("份数", 2), ("联系人", a.contact),
                 ("联系电话", _q(a.phone)), ("时限工作日", 20)])


def _desk(setup: Setup) -> CommentedMap:
    d = setup.desk
    return _map([("受理机构", d.office), ("地址", d.address), ("邮编", _q(d.postcode)), ("电话", _q(d.phone)),
                 ("传真", _q(d.fax)), ("电子邮箱", d.email), ("办公时间", d.hours), ("方式", document.as_yaml_value("方式", list(d.ways))),
                 ("网上申请地址", d.online), ("复议机关", d.review_body), ("诉讼法院", d.court)])


def _comment(doc: CommentedMap, setup: Setup) -> None:
    """The section comments and the notes at the end of lines that explain a value."""
    doc.yaml_set_start_comment(HEADER.format(name=setup.name, day=doc["启用日期"].isoformat()))
    before = {
        "领域": "标准目录的业务领域。代码用大写字母，事项编号以代码开头（如 SHJZ-001），\n"
                "事项文件放在 items/ 下同名的小写文件夹里（如 items/shjz/）。",
        "单位": UNITS_CIVIL if any(u.kind == TOWN_UNIT_KIND for u in setup.units) else UNITS_OTHER,
        "移交": "主动公开信息定期移交县“两馆”（档案馆、图书馆）。移交日是每月几日，遇节假日顺延到下一个工作日；\n"
                "没有文件也要送一份盖章的目录表。",
        "依申请公开": "依申请公开的受理渠道，会显示在网站的“政府信息公开指南”上。复议机关、诉讼法院按本县填写。",
        "领导": "领导信息（《政府信息公开条例》第二十条），在网站“法定主动公开内容 → 领导信息”中公开。",
        "启用日期": "开始用 gongkai 登记的日期（第一次提交的日期）；此前公开的信息是人工送交两馆的。",
        "网站": "本栏目在县政府门户网站上的地址（基础地址）：网站地图、订阅和二维码中的链接都以它开头。",
        "检查": "需要调整某条检查规则的严重程度时，按“规则编号: 级别”填写，级别可填 error、warning、info、off（或 错误、警告、提示、关闭）。\n"
                "索引号：gongkai new record 按「索引号前缀-年份-五位流水号」编号，校验按「索引号格式」检查。",
    }
    for key, text in before.items():
        doc.yaml_set_comment_before_after_key(key, before="\n" + text, indent=0)
    doc["机关"].yaml_add_eol_comment("政务公开专职工作人员", "联系人")
    doc["移交"].yaml_add_eol_comment("纸质件份数，与电子件数量一致", "份数")
    doc["移交"].yaml_add_eol_comment("成文后多少个工作日内送交两馆", "时限工作日")
    doc["检查"].yaml_add_eol_comment("政策文件公开后几个工作日内须公开解读（“三同步”）", "解读时限工作日")
