"""gongkai init: start a new bureau's catalog (prompts in Chinese, flags, or an answers file)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from collections.abc import Callable
from typing import Annotated, Any

import typer

from gongkai.cli.app import EXIT_FINDINGS, EXIT_OK, app, err, out
from gongkai.cli.quoting import shell_quote
from gongkai.cli.zh import confirm
from gongkai.cli.options import TodayOpt, missing_file, parse_date, today
from gongkai.days import BEIJING
from gongkai.diagnostics import Report, Severity
from gongkai.errors import UsageProblem
from gongkai.interchange.read import WHOLE_FILE
from gongkai.output.excerpt import source_lines
from gongkai.output.text import render_text
from gongkai.catalog.sources import WorkingTree
from gongkai.setup.answers import Answers, merge, read_answers
from gongkai.setup.create import InitResult, baseline, baseline_problem, init_catalog, refuse_existing
from gongkai.setup.divisions import county, normal_code, towns_of
from gongkai.setup.guidelines import guidelines, guidelines_of
from gongkai.setup.repo import enclosing_repository
from gongkai.setup.resolve import (DEFAULT_HOURS, REQUIRED, check_code, default_index_prefix, fujian_default_note,
                                   leader_title, resolve, unknown_towns)

HANDOVER_CHOICES = {"1": [5, 20], "2": [5]}


def _pairs(values: list[str] | None, sep: str, keys: tuple[str, str], flag: str) -> list[dict[str, str]] | None:
    """「a=b」 flag values as mappings {keys[0]: a, keys[1]: b}."""
    if not values:
        return None
    found = []
    for value in values:
        left, mark, right = value.replace("：", ":").replace("＝", "=").partition(sep)
        if not mark or not left.strip() or not right.strip():
            raise UsageProblem(f"{flag} 的写法是「{keys[0]}{sep}{keys[1]}」，如 {flag} {_EXAMPLES[flag]}，而不是「{value}」")
        found.append({keys[0]: left.strip(), keys[1]: right.strip()})
    return found


_EXAMPLES = {"--leader": "陈明:局长", "--unit": "shjzg=社会救助股", "--domain": "社会救助=SHJZ"}


def _days(text: str | None) -> list[int] | None:
    if not text:
        return None
    try:
        return [int(part) for part in text.replace("，", ",").replace("、", ",").split(",") if part.strip()]
    except ValueError:
        raise UsageProblem(f"--handover 写每月的几日，用逗号分隔，如 5,20（福建）或 5（每月5日），而不是「{text}」") from None


@app.command("init")
def init_command(
    folder: Annotated[Path, typer.Argument(metavar="文件夹", help="新目录仓库的文件夹（不存在时新建），默认当前文件夹", show_default=False)] = Path("."),
    answers_file: Annotated[Path | None, typer.Option("--answers", "-a", help="答案文件（YAML），格式见 README「新机关启用」", show_default=False)] = None,
    from_xlsx: Annotated[Path | None, typer.Option("--from-xlsx", help="从本机关已发布的目录表（xlsx 或 xls）建立事项，代替标准指引", show_default=False)] = None,
    name: Annotated[str | None, typer.Option("--name", help="机关名称，如 永春县民政局", show_default=False)] = None,
    code: Annotated[str | None, typer.Option("--code", help="行政区划代码：县级机关6位，如 350525；乡镇人民政府9位，如 350525100", show_default=False)] = None,
    address: Annotated[str | None, typer.Option("--address", help="机关地址", show_default=False)] = None,
    postcode: Annotated[str | None, typer.Option("--postcode", help="邮编", show_default=False)] = None,
    contact: Annotated[str | None, typer.Option("--contact", help="联系人（政务公开专职工作人员）", show_default=False)] = None,
    phone: Annotated[str | None, typer.Option("--phone", help="联系电话", show_default=False)] = None,
    email: Annotated[str | None, typer.Option("--email", help="电子邮箱", show_default=False)] = None,
    leader: Annotated[list[str] | None, typer.Option("--leader", help="领导「姓名:职务」，可写多次", show_default=False)] = None,
    unit: Annotated[list[str] | None, typer.Option("--unit", help="股室「编号=名称」，可写多次；不写为办公室和各领域的股室", show_default=False)] = None,
    town: Annotated[list[str] | None, typer.Option("--town", help="乡镇名称，可写多次；不写为自带乡镇表中本县的全部乡镇", show_default=False)] = None,
    no_towns: Annotated[bool, typer.Option("--no-towns", help="不设乡镇民政办")] = False,
    guideline: Annotated[list[str] | None, typer.Option("--guideline", help="按哪个领域的标准指引生成事项，可写多次；不写为全部", show_default=False)] = None,
    domain: Annotated[list[str] | None, typer.Option("--domain", help="另外的领域「名称=代码」，可写多次", show_default=False)] = None,
    handover: Annotated[str | None, typer.Option("--handover", help="每月移交两馆的日子：5,20（福建，默认）、5（每月5日）或自定的几日", show_default=False)] = None,
    archive: Annotated[str | None, typer.Option("--archive", help="接收的档案馆，默认「县名档案馆」", show_default=False)] = None,
    library: Annotated[str | None, typer.Option("--library", help="接收的图书馆，默认「县名图书馆」", show_default=False)] = None,
    index_prefix: Annotated[str | None, typer.Option("--index-prefix", help="索引号前缀，默认「区划代码-机关简称的拼音首字母」，如 350525-MZ", show_default=False)] = None,
    index_pattern: Annotated[str | None, typer.Option("--index-pattern", help="索引号格式（正则表达式），默认按前缀生成", show_default=False)] = None,
    base_url: Annotated[str | None, typer.Option("--base-url", help="本栏目在县政府门户网站上的地址（基础地址）", show_default=False)] = None,
    desk_office: Annotated[str | None, typer.Option("--desk-office", help="依申请公开受理机构，默认「机关名称办公室」", show_default=False)] = None,
    desk_hours: Annotated[str | None, typer.Option("--desk-hours", help="依申请公开办公时间", show_default=False)] = None,
    online: Annotated[str | None, typer.Option("--online-url", help="网上申请地址（县政府依申请公开系统）", show_default=False)] = None,
    review_body: Annotated[str | None, typer.Option("--review-body", help="行政复议机关，默认「县名人民政府」（市辖区带市名）",
                                                    show_default=False)] = None,
    court: Annotated[str | None, typer.Option("--court", help="行政诉讼法院，默认「县名人民法院」（市辖区带市名）", show_default=False)] = None,
    ci: Annotated[str | None, typer.Option("--ci", help="CI 模板：github（默认）、gitlab 或 无", show_default=False)] = None,
    through: Annotated[str | None, typer.Option("--baseline", help="启用前最后一次人工送交两馆的日期：补登台账（handover baseline）", show_default=False)] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="不询问：没写的用默认值（在脚本、CI 中运行时也不询问）")] = False,
    when: TodayOpt = None,
) -> int:
    """建立新机关的政务公开目录：gongkai.yaml、按标准指引生成的事项、CI、pre-commit、编辑器设置，并 git init、第一次提交。

    在终端中运行时逐项询问（中文）；也可用选项或答案文件（--answers）一次写全。已有目录时拒绝，不会覆盖。

    例：gongkai init 永春县民政局（逐项回答）；gongkai init 德化县民政局 --answers 答案.yaml；gongkai init 永春县人社局 --name 永春县人力资源和社会保障局 --code 350525 --from-xlsx 标准目录.xlsx --domain 就业创业=JYCY。
    """
    refuse_existing(folder)
    base = _from_file(answers_file) if answers_file else None
    desk = {"受理机构": desk_office, "办公时间": desk_hours, "网上申请地址": online, "复议机关": review_body, "诉讼法院": court}
    given: dict[str, Any] = {
        "机关名称": name, "区划代码": code, "地址": address, "邮编": postcode, "联系人": contact, "联系电话": phone,
        "电子邮箱": email, "领导": _pairs(leader, ":", ("姓名", "职务"), "--leader"),
        "单位": _pairs(unit, "=", ("编号", "名称"), "--unit"), "乡镇": [] if no_towns else town, "指引": guideline,
        "领域": _pairs(domain, "=", ("名称", "代码"), "--domain"), "移交日": _days(handover), "档案馆": archive,
        "图书馆": library, "索引号前缀": index_prefix, "索引号格式": index_pattern, "基础地址": base_url,
        "CI": "无" if ci in ("none", "无") else ci, "补登移交至": through,
    }
    if any(desk.values()):
        given["依申请公开"] = {**((base.desk.model_dump(by_alias=True, exclude_none=True)) if base and base.desk else {}),
                           **{k: v for k, v in desk.items() if v}}
    if from_xlsx and guideline is None and not (base and base.guidelines is not None):
        given["指引"] = []  # the table replaces the guidelines
    # a wrong value of the desk is named by its own flag when that flag gave it (else by the file or the five flags)
    answers = merge(base, given, {**FLAGS, **{f"依申请公开.{k}": DESK_FLAGS[k] for k, v in desk.items() if v}})
    if not yes and sys.stdin.isatty():
        answers = merge(answers, _ask(answers), None)
    table = _read_table(from_xlsx) if from_xlsx else None
    now = _now(today(when))
    if answers.baseline is not None and (problem := baseline_problem(answers.baseline, now.date())):
        raise UsageProblem(problem)  # before anything is written
    setup = resolve(answers, {**FLAGS, "领导": "--leader 姓名:职务"}, now.year)
    outer = enclosing_repository(folder)
    result = init_catalog(folder, setup, now, table, from_xlsx.name if from_xlsx else "目录表")
    _show(result, from_xlsx)
    if outer is not None:
        out.print(f"注意：「{folder}」在另一个 git 仓库「{outer}」之中。这里新建的是一个独立的目录仓库：要单独推送到县里的 git "
                  "服务器，CI 也按它单独运行；外面的仓库 git add 时只记下一个链接，不带上其中的文件。", markup=False)
    later = _baseline(result, answers, now, interactive=not yes and sys.stdin.isatty())
    _next_steps(result, later, fujian_default_note(setup, str(result.catalog / "gongkai.yaml")))
    # A warning the new catalog cannot clear by itself (in December: next year's holiday notice, not yet out or not yet
    # entered) is shown with its next step; the catalog was still written, so only an error fails the run.
    return EXIT_FINDINGS if result.report.has_errors() else EXIT_OK


# The required answers asked as text (the 区划代码 and the 领导 have their own questions, asked until right)
REQUIRED_KEYS = tuple(label for _, label in REQUIRED if label not in ("区划代码", "领导"))
FLAGS = {"机关名称": "--name", "区划代码": "--code", "地址": "--address", "邮编": "--postcode", "联系人": "--contact",
         "联系电话": "--phone", "电子邮箱": "--email", "领导": "--leader", "单位": "--unit", "乡镇": "--town",
         "指引": "--guideline", "领域": "--domain", "移交日": "--handover", "档案馆": "--archive", "图书馆": "--library",
         "索引号前缀": "--index-prefix", "索引号格式": "--index-pattern", "基础地址": "--base-url",
         "依申请公开": "--desk-office、--desk-hours、--online-url、--review-body、--court", "CI": "--ci",
         "补登移交至": "--baseline"}
DESK_FLAGS = {"受理机构": "--desk-office", "办公时间": "--desk-hours", "网上申请地址": "--online-url", "复议机关": "--review-body",
              "诉讼法院": "--court"}


def _from_file(path: Path) -> Answers:
    """The answers file, or exit 1 with its problems shown at their lines."""
    if not path.is_file():
        raise missing_file(path, "答案文件")
    parsed = read_answers(path)
    if parsed.model is None:
        report = Report(parsed.diagnostics, files_checked=1)
        err.print(render_text(report, source_lines(WorkingTree(path.parent))), end="", markup=False)
        err.print(f"答案文件 {path} 有错误，没有建立目录。", markup=False)
        raise typer.Exit(EXIT_FINDINGS)
    return parsed.model  # type: ignore[no-any-return]


def _read_table(path: Path) -> bytes:
    if not path.is_file():
        raise missing_file(path, "目录表")
    return path.read_bytes()


def _now(day: dt.date) -> dt.datetime:
    """The moment of the first commit: now, on *day* (--today) when that is another day."""
    clock = dt.datetime.now(BEIJING)
    return clock if clock.date() == day else clock.replace(year=day.year, month=day.month, day=day.day)


def _ask(answers: Answers) -> dict[str, Any]:
    """Ask in Chinese for what the flags and the answers file left open; every answer is checked at once."""
    got: dict[str, Any] = {}

    def ask(key: str, read: Callable[[], Any]) -> Any:
        """Ask until the answer is one init takes: a wrong one (a 网址 without https://, 代码 in small letters) is said
        and asked again, instead of ending the session after every question has been answered."""
        while True:
            try:
                value = read()
                merge(answers, {**got, key: value}, None)  # typed at a prompt: no flag to name
            except UsageProblem as exc:
                err.print(str(exc), markup=False)
                continue
            got[key] = value
            return value

    def text(key: str, label: str, default: str | None = None) -> str | None:
        current = _value(answers, key)
        if current is not None:
            return str(current)
        while True:
            typed: str | None = ask(key, lambda: str(typer.prompt(label, default=default or "",
                                                                  show_default=bool(default))).strip() or None)
            if typed or key not in REQUIRED_KEYS:
                return typed
            # asked again at once: else every answer after it is typed in vain, and init ends with 「缺少……」
            err.print(f"「{key}」不能为空，请输入（必填：{'、'.join(REQUIRED_KEYS)}）", markup=False)

    name = text("机关名称", "机关名称（如 永春县民政局）") or ""
    code = _value(answers, "区划代码")
    while code is None or check_code(code, name):
        if code is not None:
            err.print(check_code(code, name), markup=False)
        code = normal_code(typer.prompt("行政区划代码（县级机关6位，如 350525；乡镇人民政府9位，如 350525100）"))
        got["区划代码"] = code
    place = county(code[:6])
    assert place is not None
    out.print(f"  → {place.full_name}", markup=False)
    if answers.towns is None and len(code) == 6 and guidelines_of(name):
        while True:  # a 乡镇 not of the county is said at once, not after every other question
            typed = _ask_towns(code)
            if not (problem := unknown_towns(towns_of(code), merge(answers, {"乡镇": typed}, None).towns or [])):
                break
            err.print(problem, markup=False)
        got["乡镇"] = typed
    if len(code) == 6 and not guidelines_of(name) and answers.guidelines is None and not answers.domains:
        ask("领域", lambda: _ask_domains(name))
    for key, label in (("地址", "机关地址"), ("邮编", "邮编（可不填）"), ("联系人", "联系人（政务公开专职工作人员）"),
                       ("联系电话", "联系电话"), ("电子邮箱", "电子邮箱")):
        text(key, label)
    if not answers.leaders:
        title = leader_title(name, code)  # a 镇's head is its 镇长: Enter must not make him a 局长 on the website
        ask("领导", lambda: [{"姓名": typer.prompt("主要负责人姓名（领导信息）").strip(),
                              "职务": typer.prompt("职务", default=title or "", show_default=bool(title)).strip()}])
    if answers.handover_days is None:
        choice = typer.prompt("移交两馆：1 每月5日、20日（福建）；2 每月5日；3 自定", default="1").strip()
        ask("移交日", lambda: HANDOVER_CHOICES.get(choice) or _days(typer.prompt("每月几日（用逗号分隔，如 10,25）")))
    text("档案馆", "接收的档案馆", f"{place.formal_name}档案馆")
    text("图书馆", "接收的图书馆", f"{place.formal_name}图书馆")
    text("索引号前缀", "索引号前缀（索引号为「前缀-年份-00001」）", default_index_prefix(name, code))
    text("基础地址", "本栏目在县政府门户网站上的地址（https://…，可不填）")
    if answers.desk is None:
        ask("依申请公开", lambda: {k: v for k, v in {
            "办公时间": typer.prompt("依申请公开办公时间", default=DEFAULT_HOURS).strip(),
            "网上申请地址": typer.prompt("网上申请地址（可不填）", default="", show_default=False).strip() or None,
        }.items() if v})
    text("CI", "CI 模板：github、gitlab 或 无", "github")
    return got


def _value(answers: Answers, alias: str) -> Any:
    """The value of the field whose YAML key is *alias*."""
    name = next(n for n, f in Answers.model_fields.items() if f.alias == alias)
    return getattr(answers, name)


def _ask_domains(name: str) -> list[dict[str, str]] | None:
    """A bureau no shipped guideline fits names its 领域 (its items come later, by new item or import)."""
    out.print(f"gongkai 自带的标准指引（{'、'.join(g.domain for g in guidelines())}）不适用于「{name}」。", markup=False)
    typed = typer.prompt("本机关的领域，写成「名称=代码」，用「、」分隔（如 就业创业=JYCY、社会保险=SHBX；"
                         "直接回车则不建立，改用 --from-xlsx 从目录表开始）", default="", show_default=False)
    entries = [t.strip() for t in typed.replace("，", "、").split("、") if t.strip()]
    return _pairs(entries, "=", ("名称", "代码"), "--domain")


def _ask_towns(code: str) -> list[str]:
    listed = towns_of(code)
    if listed:
        out.print(f"自带的乡镇表中本县有 {len(listed)} 个乡镇：{'、'.join(t.name for t in listed)}", markup=False)
        if confirm("为每个乡镇建立乡镇民政办？", default=True):
            return [t.name for t in listed]
        typed = typer.prompt("要建立的乡镇（用「、」分隔，直接回车为不设）", default="", show_default=False)
    else:
        typed = typer.prompt("自带的乡镇表中没有本县。请输入本县的乡镇（用「、」分隔，直接回车为不设）",
                             default="", show_default=False)
    return [t.strip() for t in typed.replace("，", "、").split("、") if t.strip()]


def _show(result: InitResult, table: Path | None) -> None:
    out.print(f"已建立目录：{result.root}（git 仓库；第一次提交 {result.commit[:7]}，启用日期 {result.adopted.isoformat()}）",
              markup=False)
    source = "从目录表导入" if result.imported is not None else "按" + "、".join(result.sources) if result.sources else "无"
    out.print(f"  事项 {result.items} 个（{source}），写入 {len(result.files)} 个文件", markup=False)
    if result.imported is not None and table is not None:  # as gongkai import xlsx says them: at the table's cells
        for problem in result.imported.warnings:
            where = table.name if problem.cell == WHOLE_FILE else problem.cell
            err.print(f"{where}: {problem.message}", markup=False)
    errors, warnings = result.report.count(Severity.ERROR), result.report.count(Severity.WARNING)
    unconfirmed = sum(d.code == "GK550" for d in result.report.diagnostics)
    if errors or warnings:  # the notes to confirm (GK550) are many and listed by gongkai validate: counted only
        shown = Report([d for d in result.report.diagnostics if d.severity is not Severity.INFO], files_checked=result.report.files_checked)
        err.print(render_text(shown, source_lines(WorkingTree(result.catalog))), end="", markup=False)
    out.print(f"校验：{errors} 个错误，{warnings} 个警告；{unconfirmed} 条生成的空白说明待确认（GK550）", markup=False)


def _next_steps(result: InitResult, baseline_later: str | None, handover_note: str | None = None) -> None:
    # (a catalog of no items — another bureau's, started with --domain — has no note to confirm)
    confirm = ["核实标有「# 待确认」的空白说明，核实后删去注释（gongkai validate 列出它们）"] \
        if any(d.code == "GK550" for d in result.report.diagnostics) else []
    steps = [*confirm, f"gongkai build-site {shell_quote(result.catalog)} 生成网站；gongkai new record 登记信息"]
    # GK802 names calendar/<year>.yaml: next year's notice in December, this year's when adopted in January
    for year in sorted({Path(d.path).stem for d in result.report.diagnostics if d.code == "GK802" and d.path}):
        when = (f"今年（{year}年）的节假日安排还没有录入：" if year == str(result.adopted.year)
                else "下一年的节假日安排发布后，")
        steps.insert(0, f"{when}把通知原文存为文本文件，运行 gongkai calendar import 通知.txt -C "
                        f"{shell_quote(result.catalog)}（录入前 gongkai validate --strict 会因警告 GK802 不通过）")
    if not result.items:  # no guideline and no table: a record needs an item to belong to (GK201)
        where = shell_quote(result.catalog)
        steps.insert(0, f"先添加本机关的公开事项：gongkai new item -C {where}；或导入本机关的目录表："
                        f"gongkai import xlsx 目录表.xlsx -C {where}")
    if handover_note:
        steps.insert(0, handover_note)
    if baseline_later:
        steps.append(baseline_later)
    out.print("下一步：\n" + "\n".join(f"  {n}. {step}" for n, step in enumerate(steps, 1)), markup=False)


def _baseline(result: InitResult, answers: Answers, now: dt.datetime, interactive: bool) -> str | None:
    """handover baseline at adoption: from --baseline, or asked; else the next step that does it later."""
    through = answers.baseline
    while through is None and interactive:  # the catalog is made by now: a wrong answer is asked again
        typed = typer.prompt("启用前最后一次人工送交两馆是哪一天？（YYYY-MM-DD，直接回车跳过）", default="", show_default=False)
        if not typed.strip():
            break
        try:
            through = parse_date(typed.strip(), "送交日期")
        except UsageProblem as exc:
            err.print(str(exc), markup=False)
            continue
        if problem := baseline_problem(through, now.date()):
            err.print(problem, markup=False)
            through = None
    if through is None:
        return f"启用前已人工送交两馆的，补登台账：gongkai handover baseline --through 最后送交日期 -C {shell_quote(result.catalog)}"
    sha, count = baseline(result.root, through, now, answers.contact or "", answers.email or "")
    out.print(f"已补登台账：至 {through.isoformat()} 人工送交两馆的 {count} 件信息（提交 {sha[:7]}）", markup=False)
    return None
