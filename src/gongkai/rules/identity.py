"""Ids, index numbers and references: every id unique and stable, every reference resolves."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath

from gongkai.diagnostics import Location, Severity
from gongkai.model import Record
from gongkai.model.base import number_key, page_key
from gongkai.publication.handover import LEDGER_NAME_HINT, RECIPIENT_CLASH_HINT, ledger_misnamed, recipient_clash
from gongkai.rules.base import FILE, KEYED, VIEW, Context, Finding, record_part, rule
from gongkai.rules.patterns import user_pattern

E, W = Severity.ERROR, Severity.WARNING


_HELD = {"record": "两条都不发布", "item": "两个事项下的信息都不发布"}


@rule("GK201", "duplicate-id", "编号重复", E,
      what="检查事项、信息的编号是否唯一。",
      why="编号是事项和信息永久的身份，网站链接、目录调整记录和移交台账都靠它；重复会让两条内容互相覆盖。",
      example="items/shjz/SHJZ-001.yaml 和 items/shjz/SHJZ-001-copy.yaml 都写「编号: SHJZ-001」",
      instead="给复制出来的文件改用下一个空闲编号（gongkai new 会自动分配）。",
      scope=KEYED)
def duplicate_ids(ctx: Context) -> Iterator[Finding]:
    for kind, label in (("item", "事项"), ("record", "信息")):
        claimed: dict[str, tuple[str, str]] = {}  # page_key → (编号, path) of the first file declaring it
        models = ctx.catalog.models(kind)
        # the file named by its 编号 is the one that stands, whatever sorts first: Explorer's 「R2026-005 - 副本.yaml」
        # sorts before R2026-005.yaml (a space before the dot), and renumbering the original would move its page
        named = {model.id: path for path, model in reversed(models) if _stem(path) == model.id}
        for path, model in models:
            first = ctx.catalog.path_of(kind, model.id)
            if first is not None and _stem(first) != model.id:
                first = named.get(model.id, first)
            if first != path:
                yield Finding(Location(path, model.id, ("编号",)), f"{label}编号「{model.id}」重复，已在 {first} 中使用",
                              "每个编号只能用一次：这个文件若是复制来登记新信息的，改用一个新的编号（文件按新编号改名）；"
                              "若是多余的副本，删除它。")
                continue
            other, where = claimed.setdefault(page_key(model.id), (model.id, path))
            if other != model.id:
                yield Finding(Location(path, model.id, ("编号",)),
                              f"{label}编号「{model.id}」与 {where} 中的「{other}」只差大小写：网站上的两个页面在不分"
                              f"大小写的服务器（Windows、IIS）和门户网站上是同一个文件，一个会覆盖另一个；{_HELD[kind]}",
                              "给其中一个改用新的编号（文件名一起改），不要只改大小写。")


@rule("GK202", "duplicate-index-number", "索引号重复", E,
      what="检查信息的索引号是否在本机关内唯一。",
      why="索引号印在主动公开文件上，是档案馆、图书馆和公众查找文件的依据，必须一号一件。",
      example="两条信息都写「索引号: 350524-MZ-2026-00012」",
      instead="给后登记的信息分配下一个索引号。",
      scope=KEYED)
def duplicate_index_numbers(ctx: Context) -> Iterator[Finding]:
    holders = ctx.catalog.index_holders
    for path, record in ctx.catalog.models("record"):
        number = record.index_number
        holder = holders[number_key(number)] if number is not None else record.id
        if number is not None and holder != record.id:  # 350524-mz-2026-00001, ３５０５２４-MZ-…: one number on paper
            first = ctx.catalog.records.get(holder)
            yield Finding(Location(path, record.id, ("索引号",)), f"索引号「{number}」重复，信息 {holder} 已使用"
                          + _written_as(first.index_number if first else None, number, "索引号"),
                          "索引号在本机关内必须唯一，请改用新的索引号。")


def _written_as(first: str | None, written: str, field: str) -> str:
    """What a duplicate's message adds when the first holder wrote the number otherwise (case, width, brackets)."""
    if first is None or first == written:
        return ""
    return f"（写作「{first}」：只是写法不同（全角半角、大小写、空格、括号、「第」、前导零），仍是同一个{field}）"


@record_part("文号")
def _doc_number(ctx: Context, record: Record) -> tuple[str, str, tuple[str, ...]]:
    """(number_key of the 文号, or "" without one; the 文号 as written; the records it is linked to: the one it forwards,
    replaces or is replaced by)."""
    number = record.doc_number
    # a 解读 often quotes its policy's 文号; 「无」「—」「暂无」 say there is none (a 文号 has its year and number); a record
    # withdrawn (撤回) is no longer the document's registration: the corrected one registered again keeps its 文号
    key = number_key(number) if number is not None and record.kind != "政策解读" and record.withdrawn is None else ""
    if not any(c.isdigit() for c in key):
        return "", "", ()
    linked = (record.forwards, *record.replaces, record.replaced_by)
    return key, number or "", tuple(other for other in linked if other)


@rule("GK212", "duplicate-document-number", "文号重复", W,
      what="检查两条信息是否写了同一个文号（全角与半角、大小写、空格、年份的括号〔〕[]（）或不写括号（2026年）、"
           "「第」和前导零（第12号、012号）不同也算同一个）。"
           "政策解读常写所解读文件的文号，不算；转发文件与被转发的原文件之间、替代与被替代的两条之间、已撤回的信息也不算。",
      why="文号（发文字号）由发文机关代字、年份和发文顺序号组成（《党政机关公文处理工作条例》第九条），一个文号只对应一份公文；"
          "网站、移交两馆的目录表和档案都按文号查找。"
          "两条信息同一个文号，多半是复制文件后忘了改文号，或同一份公文登记了两次：公众和档案馆会看到两份不同的文件"
          "用同一个文号。",
      example="R2026-001 和 R2026-004 都写「文号: 测民〔2026〕1号」",
      instead="核对原件，把后登记的一条改为它自己的文号；同一份公文只登记一次。",
      scope=VIEW)
def duplicate_document_numbers(ctx: Context) -> Iterator[Finding]:
    first: dict[str, tuple[str, str, str, tuple[str, ...]]] = {}  # number_key → (path, 编号, 文号 as written, linked)
    seen: set[str] = set()
    for path, object_id, (key, number, linked) in ctx.record_parts("文号"):
        if object_id in seen:
            continue  # a second file of one 编号 is GK201's finding
        seen.add(object_id)
        if not key:
            continue
        where, holder, written, its_linked = first.setdefault(key, (path, object_id, number, linked))
        if holder != object_id and object_id not in its_linked and holder not in linked:
            yield Finding(Location(path, object_id, ("文号",)),
                          f"文号「{number}」重复，信息 {holder}（{where}）已使用" + _written_as(written, number, "文号"),
                          "核对原件：复制来的文件改为本公文自己的文号；同一份公文登记了两次的，删去后登记的一条。")


@rule("GK203", "file-name-mismatch", "文件名与编号不一致", E,
      what="检查文件名（不含 .yaml）是否等于文件里的编号；移交台账的文件名是否等于它的「批次日期」。",
      why="看文件名就能找到事项或信息；复制文件后忘记改编号是最常见的重复来源。",
      example="文件 records/2026/R2026-013.yaml 里写「编号: R2026-012」",
      instead="把文件改名为 R2026-012.yaml，或把编号改为 R2026-013（若这是一条新信息）。",
      scope=FILE)
def file_name_matches_id(ctx: Context) -> Iterator[Finding]:
    for kind in ("item", "record"):
        for path, model in ctx.catalog.models(kind):
            stem = _stem(path)
            if stem != model.id and stem.startswith(model.id) and (copy := _COPY_NAME.fullmatch(stem[len(model.id):])):
                yield Finding(Location(path, model.id, ("编号",)),
                              f"文件名「{stem}」与编号「{model.id}」不一致：这是 {model.id}.yaml 复制出来的副本"
                              f"（复制粘贴或另存时加上的「{copy.group(0).strip()}」）",
                              f"不要把它改名为 {model.id}.yaml（会覆盖原来的文件）：若要登记一条新信息，把编号改为一个新的编号，"
                              "文件按新编号改名（gongkai new 会自动分配编号）；若是多余的副本，删除它。")
            elif stem != model.id:
                yield Finding(Location(path, model.id, ("编号",)), f"文件名「{stem}」与编号「{model.id}」不一致",
                              f"把文件改名为 {model.id}.yaml，或改正编号。")
    for path, ledger in ctx.catalog.models("ledger"):
        stem = _stem(path)
        if stem != ledger.id:  # gongkai handover names the file by the date: one of the two was changed by hand
            yield Finding(Location(path, ledger.id, ("批次日期",)), ledger_misnamed(stem, ledger.id), LEDGER_NAME_HINT)


# What Windows Explorer (「 - 副本」「 - Copy」, then 「 (2)」), a browser or WeChat download (「(1)」) and WPS (「_副本」)
# add to the name of a copy of R2026-005.yaml.
_COPY_NAME = re.compile(r"\s*(?:[-_－]\s*)?(?:副本|复件|拷贝|copy|Copy|COPY)(?:\s*[(（]\d+[)）])?|\s*[(（]\d+[)）]")


def _stem(path: str) -> str:
    """PurePosixPath(path).stem of a listed catalog path, without building a path object for each of 100,000 files."""
    name = path.rsplit("/", 1)[-1]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _unit_ids(ctx: Context) -> set[str]:
    agency = ctx.catalog.agency
    return {u.id for u in agency.units} if agency else set()


@rule("GK204", "unknown-unit", "责任单位不存在", E,
      what="检查事项和信息的「责任单位」是否为 gongkai.yaml 中登记的单位编号。",
      why="每个事项都要落实到具体股室或乡镇民政办（责任分工），考核和乡镇页面都按单位统计。",
      example="责任单位: 社会救助股",
      instead="责任单位: shjzg（gongkai.yaml「单位」中的编号）",
      scope=FILE)
def unknown_units(ctx: Context) -> Iterator[Finding]:
    units = _unit_ids(ctx)
    if not units:
        return
    for kind in ("item", "record"):
        for path, model in ctx.catalog.models(kind):
            if model.unit not in units:
                yield Finding(Location(path, model.id, ("责任单位",)), f"责任单位「{model.unit}」不在 gongkai.yaml 的单位中",
                              _case_slip(model.unit, units) or "填写 gongkai.yaml「单位」中的编号，如 bgs、shjzg、mzb-100。")


def _case_slip(written: str, ids: Iterable[str]) -> str | None:
    """The hint for an id written in the wrong case (SHJZG for shjzg, shjz-001 for SHJZ-001), else None."""
    found = next((i for i in ids if i.casefold() == written.casefold()), None)
    return f"编号区分大小写：写成「{found}」。" if found is not None else None


@rule("GK205", "unknown-item", "所属事项不存在", E,
      what="检查信息的「事项」是否为目录中已有的事项编号。",
      why="信息要挂在标准目录的事项下，网站按事项列出已公开的信息，考核按事项核对公开时限。",
      example="事项: SHJZ-099（目录中没有这个事项）",
      instead="事项: SHJZ-003",
      scope=KEYED)
def unknown_items(ctx: Context) -> Iterator[Finding]:
    items, broken = ctx.catalog.items, ctx.catalog.unreadable("item")
    for path, record in ctx.catalog.models("record"):
        if record.item is not None and record.item not in items and record.item not in broken:
            yield Finding(Location(path, record.id, ("事项",)), f"事项「{record.item}」在目录中不存在",
                          _case_slip(record.item, items) or "填写 items/ 下某个事项的编号；用 gongkai new record 可从列表中选择。")


@rule("GK206", "unknown-interpretation", "解读不存在", E,
      what="检查「解读」列出的信息编号是否存在，且该信息的文种是「政策解读」。",
      why="发布、解读、回应要关联（三同步）；链接到不存在的解读，公众点开就是空页面。",
      example="解读: [R2026-099]",
      instead="解读: [R2026-013]（一条文种为「政策解读」的信息）",
      scope=KEYED)
def unknown_interpretations(ctx: Context) -> Iterator[Finding]:
    records, broken = ctx.catalog.records, ctx.catalog.unreadable("record")
    for path, record in ctx.catalog.models("record"):
        for index, target in enumerate(record.interpretations):
            found = records.get(target)
            if found is None:
                if target not in broken:
                    yield Finding(Location(path, record.id, ("解读", index)), f"解读「{target}」不存在",
                                  "填写一条已登记的政策解读信息的编号。")
            elif found.kind != "政策解读":
                yield Finding(Location(path, record.id, ("解读", index)),
                              f"解读「{target}」的文种是「{found.kind}」，不是「政策解读」",
                              "把解读信息的文种改为「政策解读」，或改正编号。")


@rule("GK207", "unknown-forward", "转发的文件不存在", E,
      what="检查「转发」的信息编号是否存在。",
      why="转发文件的公开属性随原文件而定，原文件必须登记才能核对。",
      example="转发: R2026-098",
      instead="先登记上级原文件（责任者写上级机关），再填写它的编号。",
      scope=KEYED)
def unknown_forwards(ctx: Context) -> Iterator[Finding]:
    records, broken = ctx.catalog.records, ctx.catalog.unreadable("record")
    for path, record in ctx.catalog.models("record"):
        if record.forwards is not None and record.forwards not in records and record.forwards not in broken:
            yield Finding(Location(path, record.id, ("转发",)), f"转发的文件「{record.forwards}」不存在",
                          "登记被转发的原文件，或改正编号。")
        if record.forwards == record.id:
            yield Finding(Location(path, record.id, ("转发",)), "信息不能转发它自己", "填写被转发的原文件的编号。")


@rule("GK208", "unknown-domain", "领域不存在", E,
      what="检查事项的「领域」是否为 gongkai.yaml「领域」中的名称，且文件放在该领域的文件夹下。",
      why="标准目录按领域编制和公布，网站、导出的表格都按领域分页。",
      example="领域: 救助（gongkai.yaml 中是「社会救助」）",
      instead="领域: 社会救助，文件放在 items/shjz/ 下",
      scope=FILE)
def unknown_domains(ctx: Context) -> Iterator[Finding]:
    agency = ctx.catalog.agency
    if agency is None:
        return
    for path, item in ctx.catalog.models("item"):
        domain = agency.domain(item.domain)
        names = "、".join(d.name for d in agency.domains)
        if domain is None:
            yield Finding(Location(path, item.id, ("领域",)), f"领域「{item.domain}」不在 gongkai.yaml 的领域中",
                          f"可选的领域：{names}。")
        elif PurePosixPath(path).parent.name != domain.slug:
            yield Finding(Location(path, item.id, ("领域",)), f"领域「{item.domain}」的事项应放在 items/{domain.slug}/ 下",
                          f"把文件移到 items/{domain.slug}/。")


@rule("GK209", "index-number-format", "索引号格式不对", W,
      what="按 gongkai.yaml「检查 → 索引号格式」检查索引号的写法。",
      why="索引号按统一规则编制，档案馆和图书馆才能按号排序、查找。",
      example="索引号: 2026-12",
      instead="索引号: 350524-MZ-2026-00012",
      scope=FILE)
def index_number_format(ctx: Context) -> Iterator[Finding]:
    agency = ctx.catalog.agency
    pattern = agency.lint.index_pattern if agency else None
    if not pattern or user_pattern(pattern).problem:  # an unusable pattern is GK211's finding
        return
    compiled = user_pattern(pattern)
    for path, record in ctx.catalog.models("record"):
        if record.index_number and not compiled.fullmatch(record.index_number):
            yield Finding(Location(path, record.id, ("索引号",)), f"索引号「{record.index_number}」不符合规定的格式",
                          f"应符合 gongkai.yaml 中的格式 {pattern}。")


@rule("GK211", "index-pattern-invalid", "索引号格式不是可用的正则表达式", E,
      what="检查 gongkai.yaml「检查 → 索引号格式」能否作为正则表达式使用。",
      why="格式写错时索引号无法核对；gongkai 用线性时间的 RE2 引擎匹配，任何写法都不会让校验卡住，"
          "但不支持反向引用（\\1）和向前、向后查找。",
      example="检查:\n  索引号格式: '^(\\d{6}-MZ'",
      instead="检查:\n  索引号格式: '^\\d{6}-MZ-\\d{4}-\\d{5}$'",
      scope=FILE)
def index_pattern_invalid(ctx: Context) -> Iterator[Finding]:
    agency = ctx.catalog.agency
    pattern = agency.lint.index_pattern if agency else None
    problem = user_pattern(pattern).problem if pattern else None
    if problem:
        yield Finding(Location("gongkai.yaml", None, ("检查", "索引号格式")),
                      f"索引号格式「{pattern}」不是可用的正则表达式：{problem}",
                      "改正 gongkai.yaml「检查 → 索引号格式」，如 '^\\d{6}-MZ-\\d{4}-\\d{5}$'（用单引号括起来）。")


@rule("GK210", "duplicate-unit", "单位编号重复", E,
      what="检查 gongkai.yaml 中单位、领域和接收单位的编号和名称是否唯一。",
      why="事项和信息用编号指向单位；编号重复时无法判断指的是哪一个。",
      example="两个单位都写「编号: mzb-100」",
      instead="每个单位一个编号，乡镇民政办用 mzb-加乡镇代码后三位。",
      scope=FILE)
def duplicate_units(ctx: Context) -> Iterator[Finding]:
    agency = ctx.catalog.agency
    if agency is None:
        return
    groups = (("单位", [u.id for u in agency.units]), ("领域", [d.code for d in agency.domains]))
    for index, value in agency.handover.clashing_recipients():
        yield Finding(Location("gongkai.yaml", None, ("移交", "接收单位", index, "编号")), recipient_clash(value),
                      RECIPIENT_CLASH_HINT)
    for key, ids in groups:
        positions: dict[str, list[int]] = defaultdict(list)
        for index, value in enumerate(ids):
            positions[page_key(value)].append(index)  # a township's page is towns/<编号>/: mzb-100 and MZB-100 are one
        for where in positions.values():
            for index in where[1:]:
                field: tuple[str | int, ...] = (key, "接收单位", index) if key == "移交" else (key, index)
                value, first = ids[index], ids[where[0]]
                yield (Finding(Location("gongkai.yaml", None, field), f"编号「{value}」重复", "每个编号只能用一次。")
                       if value == first else
                       Finding(Location("gongkai.yaml", None, field),
                               f"编号「{value}」与「{first}」只差大小写：乡镇的网页文件夹 towns/{value}/ 与 towns/{first}/ "
                               "在不分大小写的服务器（Windows、IIS）和门户网站上是同一个，一个会覆盖另一个",
                               "给其中一个单位改用新的编号（如 mzb-加乡镇代码后三位），不要只改大小写。"))
    for key, names in (("单位", [u.name for u in agency.units]), ("领域", [d.name for d in agency.domains]),
                       ("接收单位", [r.name for r in agency.handover.recipients])):
        for index, name in enumerate(names):
            if name in names[:index]:
                field = ("移交", key, index, "名称") if key == "接收单位" else (key, index, "名称")
                yield Finding(Location("gongkai.yaml", None, field),
                              f"{key}名称「{name}」写了两次（第 {names.index(name) + 1} 个和第 {index + 1} 个{key}）",
                              SAME_NAME_HINTS[key])


# What a name written twice in gongkai.yaml does, and what to do (GK210).
SAME_NAME_HINTS = {
    "单位": "gongkai new、导入目录表都按名称找责任单位，两个同名时信息会记到其中一个名下而不说：给其中一个写全称"
            "（如「社会救助股」「社会事务股」），或删去重复的一个。",
    "领域": "事项的「领域」写的是名称，同名的两个领域分不开（网站上会有两个列出同样事项的标准目录）："
            "改正其中一个的名称，或删去重复的一个。",
    "接收单位": "每批移交给每个接收单位各做一份目录表和一个文件夹，同名的两个会各做一份，备注里分不出是哪一个："
            "删去重复的一个；确是两个单位的，写各自的全称。",
}
