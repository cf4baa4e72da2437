"""gongkai new item|record, gongkai fmt: writing the catalog by tool instead of by hand."""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated, Any

import typer

from gongkai.authoring.fmt import format_paths
from gongkai.authoring.new import (Item, Record, chosen, chosen_list, item_id, item_path, new_item_fields,
                                   new_record_fields, record_path, write_new)
from gongkai.catalog import Catalog, find_root, load_catalog
from gongkai.catalog.listing import catalog_root_of
from gongkai.catalog.normalize import normalize
from gongkai.cli.app import EXIT_FINDINGS, EXIT_OK, app, err, out
from gongkai.cli.options import CatalogOpt, TodayOpt, missing_file, parse_date, today
from gongkai.diagnostics import Report
from gongkai.errors import UsageProblem
from gongkai.locking import catalog_lock
from gongkai.model import vocab
from gongkai.model.agency import Agency
from gongkai.output.text import render_text
from gongkai.validate import validate

new_app = typer.Typer(help="新建公开事项或公开信息：自动编号，选项来自标准词表，写入后立即校验。", no_args_is_help=True)
app.add_typer(new_app, name="new")

DEFAULT_CONCLUSION = "不涉及国家秘密，同意主动公开"
InteractiveOpt = Annotated[bool, typer.Option("--interactive", "-i", help="逐项询问（在终端中运行时默认如此）")]
Many = Annotated[list[str] | None, typer.Option(show_default=False)]
One = Annotated[str | None, typer.Option(show_default=False)]


class Asker:
    """Fills fields from flags, else by asking (interactive), else from defaults; collects what is missing."""

    def __init__(self, interactive: bool) -> None:
        self.interactive = interactive
        self.missing: list[str] = []

    def one(self, value: str | None, label: str, flag: str, choices: tuple[str, ...] = (), default: str | None = None,
            check: Callable[[str], object] | None = None) -> str | None:
        """*check* refuses an answer (UsageProblem) as it is given: asked again, the answers before it are kept; the
        text it returns is the answer as read. Without one, an answer must be one of *choices* (chosen: 「主动」 is
        主动公开)."""
        if value:
            return value
        if check is None and choices:
            check = functools.partial(chosen, label, names=choices)
        while self.interactive:
            hint = f"（{' / '.join(choices)}）" if choices else ""
            answer = typer.prompt(f"{label}{hint}", default=default or "", show_default=bool(default)).strip()
            try:
                if answer and check is not None and isinstance(read := check(answer), str):
                    answer = read
            except UsageProblem as problem:
                err.print(str(problem).replace("未新建；", "").replace("，未新建", "") + "。请重新输入。", markup=False)
                continue
            return answer or None
        if default is None:
            self.missing.append(f"{flag}（{label}）")
        return default

    def many(self, values: list[str] | None, label: str, flag: str, choices: tuple[str, ...] = (),
             default: list[str] | None = None) -> list[str] | None:
        if values:
            return values

        def each(joined: str) -> str:  # every part one of *choices*, in its standard name
            return "、".join(chosen_list(label, joined, choices))

        joined = self.one(None, f"{label}，多项用「、」分隔", flag, choices, "、".join(default) if default else None,
                          check=each if choices else None)
        return _parts(joined) if joined else None

    def finish(self) -> None:
        if self.missing:
            raise UsageProblem("缺少：" + "、".join(self.missing) + "。请用选项写明，或加 -i 逐项填写")


def _parts(joined: str) -> list[str]:
    """The answers of one line, written 「、」 「，」 or 「,」 between them."""
    return [p.strip() for p in joined.replace("，", "、").replace(",", "、").split("、") if p.strip()]


def _open(catalog: Path) -> tuple[Path, Catalog, Agency]:
    root = find_root(catalog)
    loaded = load_catalog(root)  # for the choices offered and the answers checked; ids are taken under the lock
    if loaded.agency is None:
        raise UsageProblem("gongkai.yaml 无效：请先运行 gongkai validate 修正")
    return root, loaded, loaded.agency


def _unit_id(agency: Agency, typed: str) -> str:
    """The id of the unit *typed* names, by id or name as import reads 责任单位; refused before anything is written, and
    when two units share the name typed (GK210): the record would go to either without a word."""
    from gongkai.interchange.convert import unit_of  # as `import` matches a 责任单位 cell

    wide = unicodedata.normalize("NFKC", typed).strip().casefold()  # 「SHJZG」「ｓｈｊｚｇ」 for shjzg
    by_id = next((u.id for u in agency.units if u.id.casefold() == wide), None)
    if by_id is not None:  # each id, though two units share a name (a name → id table keeps one of them)
        return by_id
    found = unit_of(typed, {u.name: u.id for u in agency.units}, agency.org.name)
    if found is None:
        listed = "、".join(f"{u.name}（{u.id}）" for u in agency.units)
        said = f"责任单位「{typed}」不在 gongkai.yaml 的「单位」中" if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", typed) \
            else f"「责任单位」的写法不对：「{typed}」既不是单位的编号，也不是单位的名称"
        raise UsageProblem(f"{said}，未新建：请写其中一个单位的编号或名称（{listed}），或先在 gongkai.yaml 的「单位」中加上它")
    name = next(u.name for u in agency.units if u.id == found)
    same = [u.id for u in agency.units if u.name == name]
    if len(same) > 1:
        raise UsageProblem(f"「{typed}」是 gongkai.yaml 中{len(same)}个单位的名称（编号 {'、'.join(same)}），未新建：请写其中"
                           "一个的编号，并给这几个单位改用不同的名称（gongkai validate 在 GK210 指出它们）")
    return found


def _interactive(flag: bool) -> bool:
    return flag or sys.stdin.isatty()


@new_app.command("item")
def new_item(
    domain: Annotated[str | None, typer.Option("--domain", help="领域名称，如 社会救助", show_default=False)] = None,
    level1: Annotated[str | None, typer.Option("--level1", help="一级事项", show_default=False)] = None,
    level2: Annotated[str | None, typer.Option("--level2", help="二级事项（可省略）", show_default=False)] = None,
    five: Annotated[str | None, typer.Option("--five", help="五公开：决策公开、执行公开、管理公开、服务公开、结果公开", show_default=False)] = None,
    content: Annotated[list[str] | None, typer.Option("--content", help="公开内容（要素），可写多次", show_default=False)] = None,
    basis: Annotated[list[str] | None, typer.Option("--basis", help="公开依据，可写多次", show_default=False)] = None,
    deadline: Annotated[str | None, typer.Option("--deadline", help="公开时限", show_default=False)] = None,
    publisher: Annotated[str | None, typer.Option("--publisher", help="公开主体，默认为机关名称", show_default=False)] = None,
    channel: Annotated[list[str] | None, typer.Option("--channel", help="公开渠道，可写多次，默认 政府网站", show_default=False)] = None,
    audience: Annotated[str | None, typer.Option("--audience", help="公开对象：全社会 或 特定群体", show_default=False)] = None,
    mode: Annotated[str | None, typer.Option("--mode", help="公开方式：主动 或 依申请", show_default=False)] = None,
    level: Annotated[list[str] | None, typer.Option("--level", help="公开层级：县级、乡级，可写两次", show_default=False)] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="责任单位编号，如 shjzg", show_default=False)] = None,
    interactive: InteractiveOpt = False,
    catalog: CatalogOpt = Path("."),
    when: TodayOpt = None,
) -> int:
    """新建公开事项：编号自动取该领域的下一个（如 SHJZ-014），写入 items/<领域代码>/。"""
    root, _, agency = _open(catalog)
    ask = Asker(_interactive(interactive))
    fields: dict[str, Any] = {"领域": ask.one(domain, "领域", "--domain", tuple(d.name for d in agency.domains))}
    fields["五公开"] = ask.one(five, "五公开", "--five", vocab.FIVE_DISCLOSURES)
    fields["一级事项"] = ask.one(level1, "一级事项", "--level1")
    fields["二级事项"] = level2 if level2 or not ask.interactive else ask.one(None, "二级事项（可空）", "--level2", default="")
    fields["公开内容"] = ask.many(content, "公开内容（要素）", "--content")
    fields["公开依据"] = ask.many(basis, "公开依据", "--basis", default=["《中华人民共和国政府信息公开条例》（国务院令第711号）"])
    fields["公开时限"] = ask.one(deadline, "公开时限", "--deadline", default="自信息形成或者变更之日起20个工作日内")
    fields["公开主体"] = ask.one(publisher, "公开主体", "--publisher", default=agency.org.name)
    fields["公开渠道"] = ask.many(channel, "公开渠道", "--channel", vocab.CHANNELS, default=["政府网站"])
    fields["公开对象"] = ask.one(audience, "公开对象", "--audience", vocab.AUDIENCES, default="全社会")
    fields["公开方式"] = ask.one(mode, "公开方式", "--mode", vocab.MODES, default="主动")
    fields["公开层级"] = ask.many(level, "公开层级", "--level", vocab.LEVELS, default=["县级"])
    fields["责任单位"] = ask.one(unit, "责任单位编号", "--unit", tuple(u.id for u in agency.units if u.kind == "股室"),
                             check=lambda typed: _unit_id(agency, typed))
    ask.finish()
    fields["责任单位"] = _unit_id(agency, fields["责任单位"]) if fields["责任单位"] else None
    given = {k: v for k, v in normalize(fields)[0].items() if v}  # 「服务」「社会公众」「县级、乡级」 as the loader reads them

    def place(current: Catalog) -> tuple[str, dict[str, Any]]:
        from gongkai.interchange.match import refuse_twin  # matched as import matches rows; only `new item` needs it

        numbered = new_item_fields(current, given)
        refuse_twin(current, numbered)
        return item_path(current, numbered), numbered

    return _written(root, place, Item, when, "gongkai new item")


@new_app.command("record")
def new_record(
    title: Annotated[str | None, typer.Option("--title", help="题名", show_default=False)] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="文种，如 通知、公示、政策文件", show_default=False)] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="责任单位编号", show_default=False)] = None,
    item: Annotated[str | None, typer.Option("--item", help="所属公开事项：编号如 SHJZ-003，或名称如 最低生活保障/审批信息",
                                             show_default=False)] = None,
    attribute: Annotated[str | None, typer.Option("--attribute", help="公开属性：主动公开、依申请公开、不予公开", show_default=False)] = None,
    ground: Annotated[str | None, typer.Option("--ground", help="不予公开理由（不予公开时必填）", show_default=False)] = None,
    doc_number: Annotated[str | None, typer.Option("--doc-number", help="文号，如 安民〔2026〕12号", show_default=False)] = None,
    formed: Annotated[str | None, typer.Option("--formed", help="成文日期，默认今天", show_default=False)] = None,
    published: Annotated[str | None, typer.Option("--published", help="公开日期（主动公开），默认同成文日期", show_default=False)] = None,
    reviewer: Annotated[str | None, typer.Option("--reviewer", help="保密审查人（审查过才写，与 --review-date 一起）", show_default=False)] = None,
    review_date: Annotated[str | None, typer.Option("--review-date", help="保密审查日期，如 2026-03-02", show_default=False)] = None,
    conclusion: Annotated[str | None, typer.Option("--review-conclusion", help=f"保密审查结论，默认「{DEFAULT_CONCLUSION}」",
                                                   show_default=False)] = None,
    interactive: InteractiveOpt = False,
    catalog: CatalogOpt = Path("."),
    when: TodayOpt = None,
) -> int:
    """新建公开信息：编号（R年份-序号）和索引号自动取下一个，成文日期默认今天，写入 records/<年份>/。"""
    root, loaded, agency = _open(catalog)
    ask = Asker(_interactive(interactive))
    day = today(when).isoformat()
    fields: dict[str, Any] = {"题名": ask.one(title, "题名", "--title")}
    fields["文号"] = doc_number
    fields["文种"] = ask.one(kind, "文种", "--kind", vocab.DOCUMENT_KINDS)
    fields["责任单位"] = ask.one(unit, "责任单位编号", "--unit", tuple(u.id for u in agency.units if u.kind == "股室"),
                             check=lambda typed: _unit_id(agency, typed))
    fields["事项"] = ask.one(item, "所属公开事项（编号或名称）", "--item", default="" if ask.interactive else None,
                           check=lambda typed: item_id(loaded, typed)) or None
    fields["公开属性"] = ask.one(attribute, "公开属性", "--attribute", vocab.ATTRIBUTES)
    fields["成文日期"] = parse_date(ask.one(formed, "成文日期", "--formed", default=day,
                                        check=lambda typed: parse_date(typed, "成文日期")) or day, "--formed")
    ask.finish()
    fields["责任单位"] = _unit_id(agency, fields["责任单位"]) if fields["责任单位"] else None
    fields = normalize(fields)[0]  # 「主动」「依申请」 are 主动公开, 依申请公开: the defaults below depend on it
    fields.update(_disclosure(fields, ask, ground, published))
    if fields["公开属性"] == "主动公开":
        fields["保密审查"] = _review(ask, reviewer, review_date, conclusion)
    given = {k: v for k, v in fields.items() if v}

    def place(current: Catalog) -> tuple[str, dict[str, Any]]:
        numbered = new_record_fields(current, given, today(when))
        return record_path(numbered), numbered

    return _written(root, place, Record, when, "gongkai new record")


def _disclosure(fields: dict[str, Any], ask: Asker, ground: str | None, published: str | None) -> dict[str, Any]:
    if fields["公开属性"] == "不予公开":
        names = tuple(g.name for g in vocab.WITHHOLDING_GROUNDS)
        return {"不予公开理由": ask.one(ground, "不予公开理由", "--ground", names)}
    if fields["公开属性"] != "主动公开":
        return {}
    return {"公开日期": parse_date(published, "--published") if published else fields["成文日期"]}


def _review(ask: Asker, reviewer: str | None, date: str | None, conclusion: str | None) -> dict[str, Any] | None:
    """The 保密审查 as the reviewer gave it, or None: a review is never filled in on anyone's behalf."""
    if ask.interactive and not reviewer:
        reviewer = ask.one(None, "保密审查人（尚未审查请直接回车）", "--reviewer", default="")
    if ask.interactive and reviewer and not date:
        date = ask.one(None, "保密审查日期（YYYY-MM-DD）", "--review-date",
                       check=lambda typed: parse_date(typed, "保密审查日期"))
    if not reviewer and not date:
        return None
    if not reviewer or not date:
        raise UsageProblem("保密审查要写明审查人和审查日期：--reviewer 和 --review-date 一起使用；尚未审查的，两个都不写。")
    return {"审查人": reviewer, "审查日期": parse_date(date, "--review-date"), "结论": conclusion or DEFAULT_CONCLUSION}


def _written(root: Path, place: Callable[[Catalog], tuple[str, dict[str, Any]]], model: Any, when: str | None,
             what: str) -> int:
    """Take the next free id and write the file, under the catalog's lock; then show what validate says of it."""
    with catalog_lock(root, what):
        path, fields = place(load_catalog(root))
        write_new(root, path, fields, model)
    out.print(f"已新建 {fields['编号']}：{path}", markup=False)
    if model is Record and fields.get("公开属性") == "主动公开" and "保密审查" not in fields:
        out.print("没有填写保密审查：请审查人审查后在文件中填写「保密审查」（审查人、审查日期、结论），"
                  "或用 --reviewer 和 --review-date 写明；审查前这条信息不能公开（GK303）。", markup=False)
    result = validate(root, today(when), use_cache=False)
    mine = Report()
    mine.files_checked = 1  # the summary line says 「检查了 1 个文件」: the new one, whose findings are shown
    mine.extend(d for d in result.report if d.path == path)
    if len(mine):
        out.print(render_text(mine, result.line), end="", markup=False)
    return EXIT_FINDINGS if mine.has_errors() else EXIT_OK


@app.command("fmt")
def fmt_command(
    paths: Annotated[list[Path] | None, typer.Argument(metavar="文件或文件夹", help="要整理的文件或文件夹，默认为目录文件夹", show_default=False)] = None,
    check: Annotated[bool, typer.Option("--check", help="只检查不改写：有需要整理的文件时退出码为 1（用于 CI）")] = False,
) -> int:
    """整理 YAML：键按官方顺序、别称改为标准名称、全角标点改为半角、GBK 转 UTF-8；保留注释，原子写入。"""
    targets = paths or [find_root(Path("."))]
    for target in targets:
        if not target.exists():
            raise missing_file(target, "文件或文件夹")
    with ExitStack() as stack:
        if not check:
            for root in sorted({r for r in map(catalog_root_of, targets) if r is not None}):
                stack.enter_context(catalog_lock(root, "gongkai fmt"))
        results = format_paths(targets, write=not check)
    changed = [r for r in results if r.changed]
    for result in results:
        if result.problem:
            err.print(f"{result.path}: 无法整理：{result.problem}", markup=False)
        elif result.changed:
            verb = "需要整理" if check else "已整理"
            out.print(f"{verb} {result.path}：{'；'.join(result.reasons)}", markup=False)
    broken = sum(1 for r in results if r.problem)
    out.print(f"共 {len(results)} 个文件，{'需要整理' if check else '已整理'} {len(changed)} 个" +
              (f"，{broken} 个无法整理" if broken else "") + "。", markup=False)
    return EXIT_FINDINGS if broken or (check and changed) else EXIT_OK
