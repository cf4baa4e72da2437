"""The reports as text a person reads: scorecard rows, the annual report in Markdown and HTML (jinja2 templates)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cache

import jinja2
from markupsafe import Markup, escape

from gongkai.model.request import APPLICANT_TYPES
from gongkai.reports.annual import RESULT_HEADINGS, RESULTS, AnnualReport, Table3Row
from gongkai.reports.scorecard import Scorecard, UnitScore
from gongkai.workdays.days import PROVISIONAL_MARK, provisional_note

SCORECARD_HEADERS: tuple[str, ...] = (
    "单位", "类型", "负责事项", "公开信息", "按时公开率", "定期事项漏报", "按时移交率", "错误", "警告",
)
TABLE4_GROUPS: tuple[str, ...] = ("行政复议", "未经复议直接起诉", "复议后起诉")
# Header cells as 国办公开办函〔2021〕30号 words them, the same in the Markdown, the HTML and the workbook.
TABLE3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
FEE_HEADER = "本年收费金额（单位：万元）"
# A figure of table 二 that only annual/<year>.yaml gives, when there is no such file: never printed as 0.
UNFILLED = "待填写"
RESULT_LABELS: dict[str, str] = RESULT_HEADINGS


def percent(share: float | Fraction | None) -> str:
    """A share as a percentage with one decimal rounded half up (四舍五入: 13/16 is 81.3%, not 81.2%), or — when there
    is nothing to measure."""
    if share is None:
        return "—"
    exact = (Decimal(share.numerator) / share.denominator if isinstance(share, Fraction) else Decimal(repr(share))) * 100
    return f"{half_up(exact, '0.1')}%"


def fraction(done: int | None, total: int | None, provisional: bool = False) -> str:
    """done/total as 50.0%（1/2）, marked 暂定 when a provisional date went into it; — when there is nothing."""
    if not total:
        return "—"
    return f"{percent(Fraction(done or 0, total))}（{done}/{total}）" + (PROVISIONAL_MARK if provisional else "")


def scorecard_row(score: UnitScore) -> list[str]:
    """One unit's row as text, in the order of SCORECARD_HEADERS; shares counted on a 暂定 date say so."""
    guessed = score.provisional > 0
    return [score.name, score.kind, str(score.items), str(score.published),
            fraction(score.on_time, score.checkable, guessed), str(len(score.missed)),
            fraction(score.handed_on_time, score.handed, guessed), str(score.errors), str(score.warnings)]


def scorecard_rows(card: Scorecard) -> list[list[str]]:
    return [scorecard_row(score) for score in card.units]


def unrecorded_note(card: Scorecard) -> str | None:
    """Handover days passed since 启用日期 with no ledger at all, and how to make good each (DOMAIN.md §6)."""
    days = card.unrecorded
    if not days:
        return None
    span = f"{days[0]}" if len(days) == 1 else f"{days[0]} 至 {days[-1]}"
    since = (f"最近一批台账是 {card.last_batch} 的，此后{card.year}年已过 {len(days)} 个移交日（{span}），没有台账"
             if card.last_batch else f"没有移交台账：自启用日期 {card.handover_since} 起，{card.year}年已过 {len(days)} "
             f"个移交日（{span}），一批的台账也没有")
    return (f"{since}；每个移交日都要向两馆送交目录表（本期没有信息也要送），没有的按逾期计。"
            f"已人工送交的，用 gongkai handover baseline --through {days[-1]} 补登；没有送交的，"
            f"从 gongkai handover --date {days[0]} 开始逐批补做。"
            + ("" if card.last_batch else "按时移交率只计启用日期以后到期的信息。"))


def scorecard_notes(card: Scorecard) -> list[str]:
    """What a reader of the scorecard must know: batches never recorded, 暂定 years, years not counted at all."""
    notes = [note] if (note := unrecorded_note(card)) else []
    if card.provisional:
        notes.append("标「暂定」的比例用到了暂定的期限：" + provisional_note(card.provisional))
    if card.uncomputed:
        years = "、".join(f"{y}年" for y in sorted(card.uncomputed))
        notes.append(f"{years}没有节假日数据，相关信息的时限未计入。")
    rest = card.unplaced
    if rest.items or rest.published:  # the rows add up to less than the catalog holds: say which and how to fix
        counted = "、".join(part for part in (f"{rest.items} 个事项" if rest.items else "",
                                               f"{rest.published} 条公开信息" if rest.published else "") if part)
        notes.append(f"另有 {counted}的「责任单位」不是 gongkai.yaml「单位」中的编号（GK204），没有计入表中各单位"
                     "（县政务公开办的考核表计入本机关）：改为单位的编号，运行 gongkai validate 查看是哪些文件。")
    errors, warnings = card.unowned
    if errors or warnings:  # the rows add up to less than validate says: say where the rest are
        notes.append(f"另有 {errors} 个错误、{warnings} 个警告不属于表中的单位（gongkai.yaml、年度报告数据、没有写承办单位或"
                     "承办单位写错的申请等），没有计入各单位：运行 gongkai validate 查看。")
    return notes


def scorecard_missed(card: Scorecard) -> list[tuple[str, str]]:
    """(unit name, "item period") for every missed period."""
    return [(score.name, text) for score in card.units for text in score.missed]


@cache
def _environment(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("gongkai", "templates/reports"), autoescape=autoescape,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             trim_blocks=False, lstrip_blocks=False)
    env.globals.update(types=APPLICANT_TYPES, groups=TABLE4_GROUPS, results=(*RESULTS, "总计"),
                       labels=RESULT_LABELS, money=_money, figure=figure, sep=separator, corner=TABLE3_CORNER, fee_header=FEE_HEADER)
    return env


def separator(row: Table3Row) -> str:
    """What follows a row number in table 三: 一、 … （一） … 1. …"""
    return "、" if row.depth == 0 else ("" if row.depth == 1 else ". ")


def fee_amount(value: float) -> Decimal:
    """万元 to the 元 (four places), rounded half up as accounts are: 0.004 (40 元) is not 0."""
    return half_up(Decimal(repr(value)), "0.0001")


def half_up(value: Decimal, step: str) -> Decimal:
    """*value* to the *step* (「0.1」, 「0.0001」), rounded half up as people and accounts round (四舍五入): 2.25 is 2.3,
    where Python's round() on a binary float gives 2.2."""
    return value.quantize(Decimal(step), rounding=ROUND_HALF_UP)


def figure(value: int | None) -> str:
    """A count of table 二, or 待填写 when annual/<year>.yaml was not there to give it."""
    return UNFILLED if value is None else str(value)


def _money(value: float | None) -> str:
    if value is None:
        return UNFILLED
    exact = fee_amount(value)
    return f"{exact:f}".rstrip("0").rstrip(".") if exact else "0"


def _text(value: str | None) -> str:
    return value.strip() if value else "（待填写：在 annual/<年份>.yaml 中填写。）"


def _paragraphs(value: str | None) -> Markup:
    parts = [p.strip() for p in _text(value).split("\n\n") if p.strip()]
    return Markup("\n").join(Markup("<p>{}</p>").format(escape(p).replace("\n", Markup("<br>"))) for p in parts)


def annual_markdown(report: AnnualReport) -> str:
    """The annual report as Markdown (also fit for the 正文 of the 年度报告 record)."""
    return _environment(False).get_template("annual.md.j2").render(r=report, text=_text)


def annual_html(report: AnnualReport) -> str:
    """The annual report as a standalone HTML page."""
    return _environment(True).get_template("annual.html.j2").render(r=report, paragraphs=_paragraphs)


def scorecard_html(card: Scorecard) -> str:
    """The scorecard as a standalone HTML page (internal; not part of the public site)."""
    return _environment(True).get_template("scorecard.html.j2").render(
        card=card, headers=SCORECARD_HEADERS, rows=scorecard_rows(card), missed=scorecard_missed(card),
        notes=scorecard_notes(card))
