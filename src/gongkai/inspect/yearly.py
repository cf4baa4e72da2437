"""The yearly duties: last year's 政府信息公开工作年度报告 on the web by 31 January (《条例》第四十九条), and the figures
gongkai can give for the 政府网站工作年度报表 (国办函〔2018〕12号) that the 信息报送系统 asks for."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from gongkai.inspect.context import Inspection
from gongkai.inspect.interaction import answered
from gongkai.inspect.sheet import Check, Deduction, Evidence, Figure, Figures, Status
from gongkai.model import Record
from gongkai.model.inquiry import Inquiry
from gongkai.model.request import Appeal, Request
from gongkai.model.vocab import INTERPRETATION_KIND
from gongkai.reports.annual import build_annual, compare_table4_with, compare_with
from gongkai.reports.published import carried_over, check_sums, check_table4, read_table3, read_table4
from gongkai.reports.render import half_up

FIGURES_SOURCE = "《政府网站工作年度报表》（国办函〔2018〕12号）中 gongkai 能从目录算出的栏"
RESPONSE_KIND = "回应关切"
REPORT_TABLES_SOURCE = "国办公开办函〔2021〕30号（表三：第一项加第二项之和，等于第三项加第四项之和）"
ANNUAL_REPORT = "annual-report"  # the 扣分 item's key
REPORT_YEARS_SOURCE = "国办公开办函〔2019〕61号（「政府信息公开年报」栏目）；《政府信息公开条例》第四十九条"


def due_date(run: Inspection, year: int) -> dt.date:
    """The day the report on *year* must be public: 年报截止 (01-31) of the year after."""
    month, day = (int(p) for p in run.thresholds.annual_due.split("-"))
    return dt.date(year + 1, month, day)


def report_year(run: Inspection) -> int:
    """The latest year whose report is already due: last year's from 1 February, else the year before."""
    last = run.today.year - 1
    return last if run.today > due_date(run, last) else last - 1


def figures_year(run: Inspection) -> int:
    """The year whose 报表 is due next: last year's until 31 January, then this year's so far."""
    last = run.today.year - 1
    return last if run.today <= due_date(run, last) else run.today.year


def _reports(run: Inspection, year: int) -> list[Record]:
    return [r for r in run.web_records if r.reported_year == year and not _too_early(r)]


def _too_early(record: Record) -> bool:
    """A report published before the year it reports on ended cannot be that year's (its figures run to 31 December):
    its 报告年度 or its 公开日期 is wrong."""
    year = record.reported_year
    return year is not None and record.published is not None and record.published.year <= year


def check_annual_report(run: Inspection) -> Deduction:
    """年报 not on the web, or put there after the due date."""
    year = report_year(run)
    due = due_date(run, year)
    reports = _reports(run, year)
    evidence = []
    early = [r for r in run.web_records if r.reported_year == year and _too_early(r)]
    if not reports and early:
        first = early[0]
        evidence.append(Evidence(f"「{first.title}」报告年度 {year}，公开日期却是 {first.published}，在{year}年结束之前，"
                                 f"不可能是{year}年度的报告：核对 {run.path('record', first.id) or first.id} 中的「报告年度」和「公开日期」",
                                 first.id, run.path("record", first.id)))
    elif not reports:
        evidence.append(_missing_report(run, year, due))
    elif all(r.published and r.published > due for r in reports):
        first = min(reports, key=lambda r: r.published or due)
        evidence.append(Evidence(f"「{first.title}」{first.published} 才公开，晚于{due}", first.id,
                                 run.path("record", first.id)))
    return run.thresholds.deductions.annual.deduction(ANNUAL_REPORT, "信息公开年报", evidence)


def _missing_report(run: Inspection, year: int, due: dt.date) -> Evidence:
    """No report on *year* on the web: say so, and when one is registered but kept off the web, which and where."""
    registered = sorted((r for r in run.catalog.records.values() if r.reported_year == year), key=lambda r: r.id)
    text = f"网站上没有{year}年政府信息公开工作年度报告（应于{due}前公开；文种: 年度报告，报告年度: {year}）"
    if not registered:
        return Evidence(text)
    first = registered[0]
    path = run.path("record", first.id)
    return Evidence(f"{text}：「{first.title}」已登记（{path or first.id}），但今天不在网站上——核对它的「公开属性」"
                    "「公开日期」「撤回」和公开渠道（要有「政府网站」），或运行 gongkai validate 查看公开把关拦下的原因",
                    first.id, path)


def missing_report_years(run: Inspection) -> list[int]:
    """The years before the one the deduction judges whose report is not in the 年报 column: every year from the
    earliest report on the web, or from the first report that fell due after the 启用日期, whichever is earlier
    (61号文: the column holds the bureau's reports of every year; a gap is what the inspector sees)."""
    judged = report_year(run)
    years = {y for r in run.web_records if (y := r.reported_year) is not None and not _too_early(r)}
    starts = [min(years)] if years else []
    adopted = run.catalog.agency.adopted if run.catalog.agency else None
    if adopted is not None:
        starts.append(adopted.year - 1 if adopted <= due_date(run, adopted.year - 1) else adopted.year)
    return [y for y in range(min(starts), judged) if y not in years] if starts else []


# The year a report's 题名 names (测试县民政局2025年政府信息公开工作年度报告): a file copied from last year's keeps it.
_TITLE_YEAR = re.compile(r"(\d{4})\s*年")


def _titled_otherwise(run: Inspection) -> list[Evidence]:
    """Reports on the web whose 题名 names a year other than their 报告年度: the column shows the title, so a reader
    finds two reports of one year and none of the other (the figures are of the 报告年度)."""
    found = []
    for record in sorted(run.web_records, key=lambda r: r.id):
        named = {int(y) for y in _TITLE_YEAR.findall(record.title)}
        if record.reported_year is not None and named and record.reported_year not in named:
            path = run.path("record", record.id)
            found.append(Evidence(f"「{record.title}」的题名写的是{'、'.join(f'{y}年' for y in sorted(named))}，「报告年度」却是 "
                                  f"{record.reported_year}：栏目中显示题名，读者找不到{record.reported_year}年度的报告。核对 "
                                  f"{path or record.id} 中的「题名」和「报告年度」", record.id, path))
    return found


def check_report_years(run: Inspection) -> Check:
    """A warning naming each earlier year missing from the 年报 column (the 扣分 item judges last year's report only),
    and each report whose title names another year than the one it reports on."""
    evidence = [Evidence(f"网站「政府信息公开年报」栏目中没有{year}年度的政府信息公开工作年度报告（应于{due_date(run, year)}前公布）："
                         f"已公布的，登记为「文种: 年度报告」「报告年度: {year}」的主动公开信息，启用前公布的写「补录」和原因")
                for year in missing_report_years(run)] + _titled_otherwise(run)
    return Check("report-years", "信息公开年报", "政府信息公开年报栏目缺少的年度（栏目应有历年的年度报告）",
                 f"缺少的年度逐一提醒（不计分；{report_year(run)}年度的报告是否按时公开在扣分指标中计）", REPORT_YEARS_SOURCE,
                 Status.FAIL if evidence else Status.PASS, evidence, len(evidence))


def check_report_tables(run: Inspection) -> Check:
    """A warning for each figure of tables 三 and 四 in a report on the web that breaks the format's sums, differs from
    what the register gives (for a year the register was kept), or whose 上年结转 is not last year's report's 结转下年度:
    the checks a 政务公开办 makes reading it line by line."""
    requests: list[tuple[str, Request]] = run.catalog.models("request")
    appeals: list[tuple[str, Appeal]] = run.catalog.models("appeal")
    kept, cases = {r.received.year for _, r in requests}, {a.received.year for _, a in appeals}
    evidence = []
    tables = {r.id: (r, t) for r in run.web_records if r.reported_year is not None
              and (t := read_table3(r.body or "")) is not None}
    for record, table in (tables[k] for k in sorted(tables)):
        year = record.reported_year or 0
        computed = build_annual(run.catalog, year) if year in kept | cases else None
        problems = check_sums(table)
        if computed is not None and year in kept:
            problems += compare_with(table, computed.table3)
        carried = next((r for r in table.rows if r.key == "二"), None)
        for before, last in (tables[k] for k in sorted(tables) if tables[k][0].reported_year == year - 1):
            problems += [f"{text}（「{before.title}」）" for text in
                         (carried_over(last, (table.columns, carried.cells)) if carried else [])]
        problems = [f"表三{p}" for p in problems]
        if groups := read_table4(record.body or ""):
            problems += [f"表四{p}" for p in check_table4(groups)]
            if computed is not None and year in cases:
                problems += [f"表四{p}" for p in compare_table4_with(groups, computed.table4)]
        path = run.path("record", record.id)
        evidence += [Evidence(f"「{record.title}」{problem}：核对登记簿后改正 {path or record.id} 的正文"
                              f"（gongkai report annual --year {year} 重新生成表格）", record.id, path)
                     for problem in problems]
    return Check("report-tables", "信息公开年报", "网站上年度报告表三、表四的数字（各项之和、总计，表三的勾稽关系：第一项加第二项之和等于第三项加第四项之和）",
                 "对不上的逐项提醒（不计分）", REPORT_TABLES_SOURCE, Status.FAIL if evidence else Status.PASS, evidence,
                 len(evidence))


def website_figures(run: Inspection) -> Figures:
    """The 报表 figures of the report year: what the site published, 解读 and 回应, and the consultation register."""
    year = figures_year(run)
    published = [r for r in run.web_records if r.published and r.published.year == year]
    kinds = {r.id: run.kinds.get(r.item or "") for r in published}
    rows = [
        Figure("信息发布", "总数", len(published), "条"),
        Figure("信息发布", "其中：概况类信息（栏目类型 基本信息）", sum(k == "基本信息" for k in kinds.values()), "条"),
        Figure("信息发布", "其中：政务动态信息（栏目类型 动态要闻）", sum(k == "动态要闻" for k in kinds.values()), "条"),
        Figure("信息发布", "其中：信息公开目录信息（属于标准目录事项的）", sum(bool(r.item) for r in published), "条"),
        Figure("解读回应", "解读信息发布总数", sum(r.kind == INTERPRETATION_KIND for r in published), "条"),
        Figure("解读回应", "回应公众关注热点或重大舆情数量", sum(r.kind == RESPONSE_KIND for r in published), "次"),
    ]
    rows += _messages(run, year)
    until = f"；截至 {run.today}" if year == run.today.year else ""
    return Figures(year, FIGURES_SOURCE + until, rows)


def _messages(run: Inspection, year: int) -> list[Figure]:
    inquiries: list[Inquiry] = [i for _, i in run.catalog.models("inquiry") if i.received <= run.today]
    received = [i for i in inquiries if i.received.year == year]
    done = [(i.received, day) for i in inquiries if (day := answered(i, run.today)) is not None and day.year == year]
    days = sum(max((day - received).days, 0) for received, day in done)  # to a tenth, half up (四舍五入): 2.25 is 2.3
    average = float(half_up(Decimal(days) / len(done), "0.1")) if done else None
    return [
        Figure("互动交流", "收到留言数量", len(received), "条"),
        Figure("互动交流", "办结留言数量", len(done), "条"),
        Figure("互动交流", "平均办理时间", average, "天"),
    ]
