"""政府信息公开工作年度报告 in the format of 国办公开办函〔2021〕30号: tables 二, 三, 四 and the check 一+二=三(七)+四."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from gongkai.catalog import Catalog
from gongkai.days import year_slip
from gongkai.diagnostics import Location, Severity
from gongkai.model.request import APPLICANT_TYPES, OUTCOME_LABELS, OUTCOMES, AnnualData, Appeal, Request, canonical_reason
from gongkai.model.record import Record
from gongkai.model.vocab import OUT_OF_FORCE  # table 二 (本年废止件数, 现行有效件数)
from gongkai.privacy import annual_findings, placed
from gongkai.privacy.mask import mask_log
from gongkai.publication.standing import validity_on
from gongkai.reports.fees import fee_findings
from gongkai.reports.published import (
    COLUMNS,
    TABLE4_HEADINGS,
    TABLE4_NAMES,
    PublishedTable,
    carried_over,
    differing,
    read_table3,
)

NORMATIVE = "规范性文件"
RESULTS = ("维持", "纠正", "其他", "尚未审结")
RESULT_HEADINGS = dict(zip((*RESULTS, "总计"), TABLE4_HEADINGS, strict=True))  # table 四's own words
CHINESE_NUMBERS = "一二三四五六七"


@dataclass(frozen=True)
class Table3Row:
    """One row of table 三: a number, a label, how deep it is indented, and counts per applicant type."""

    number: str
    label: str
    depth: int
    counts: dict[str, int] | None  # None for a heading row without figures

    @property
    def total(self) -> int | None:
        return sum(self.counts.values()) if self.counts is not None else None


@dataclass
class Table2:
    """Table 二: 规章 and 行政规范性文件 (issued / repealed / in force), and the yearly figures of the bureau.

    The figures only annual/<year>.yaml gives (规章, 许可, 处罚, 强制, 收费) are None without that file: a 0 in a
    published report says the bureau decided nothing, which nobody has said.
    """

    regulations: tuple[int, int, int] | None
    normative: tuple[int, int, int]
    licensing: int | None
    penalty: int | None
    enforcement: int | None
    fees: float | None


@dataclass
class AnnualReport:
    """Everything the annual report of one year shows."""

    year: int
    agency: str
    data: AnnualData | None
    table2: Table2
    table3: list[Table3Row]
    table4: dict[str, dict[str, int]]  # 行政复议 / 未经复议直接起诉 / 复议后起诉 → result → count (with 总计)
    problems: list[str] = field(default_factory=list)  # the figures are wrong or incomplete: fix before publishing
    notes: list[str] = field(default_factory=list)  # worth knowing, not wrong: no annual/<year>.yaml, year not over

    @property
    def balanced(self) -> bool:
        return not self.problems


def build_annual(catalog: Catalog, year: int, today: dt.date | None = None) -> AnnualReport:
    """Compute the annual report of *year* from records, registers and annual/<year>.yaml; *today*, when given, says
    whether the year is over."""
    data, gap = annual_data(catalog, year)
    requests: list[tuple[str, Request]] = catalog.models("request")
    appeals: list[tuple[str, Appeal]] = catalog.models("appeal")
    table3 = _table3([r for _, r in requests], year, data)
    # (the 机关名称 as the report shows it: a number typed into it is masked before the title glues the year to it,
    # 测试县民政局13905951234 + 2026年 being fifteen digits no mask finds; the file is refused by GK602 anyway)
    report = AnnualReport(year, mask_log(catalog.name), data, _table2(catalog, year, data), table3,
                          _table4([a for _, a in appeals], year))
    report.problems = [*_unread(catalog), *_twice(requests), *_twice(appeals), *_slipped(requests, year),
                       *_unplaced(requests, year),
                       *check_balance(table3), *_unrouted(appeals, year), *_unsettled(appeals, year),
                       *_unlike_last_report(catalog, year, table3),
                       *_carryover_unlike_register(catalog, requests, year, data)]
    report.notes.extend(_paused(requests, year))
    fee_problems, fee_notes = fee_findings(requests, data, year, annual_field(catalog, year, "其他需要报告的事项"))
    report.problems.extend(fee_problems)
    report.notes.extend(fee_notes)
    if (adopted := catalog.agency.adopted if catalog.agency else None) is not None and adopted > dt.date(year, 1, 1):
        # (the registers hold what was entered: before gongkai, requests were kept on paper, if at all)
        report.notes.append(f"gongkai.yaml 的启用日期是 {adopted}：{year}年在这一天之前收到或答复的申请、复议诉讼，没有补登到 requests/、"
                            f"appeals/ 的，表三、表四中没有它们。核对纸质登记簿，补登后再生成（上年结转也可写在 annual/{year}.yaml 的「上年结转」中）")
        if not any(r.formed < adopted for r in _own_normative(catalog)):  # table 二 counts the records entered too
            report.notes.append(f"gongkai.yaml 的启用日期是 {adopted}，启用前制发的行政规范性文件一件也没有登记：表二「行政规范性文件」"
                                "的本年制发件数、现行有效件数只算登记了的，启用前的不在其中。把本年制发的和仍然有效的补登为"
                                "「文种: 规范性文件」的信息（写「补录」）后再生成；确实没有的，不必理会")
    if data is not None and (unfilled := unfilled_figures(data)):
        report.notes.append(f"annual/{year}.yaml 没有写{''.join(f'「{name}」' for name in unfilled)}：表二中这几格写着「待填写」，"
                            "填上本年的数字后再生成（本年没有的，写 0）")
    if today is not None and (unfinished := year_not_over(year, today)):
        report.notes.append(unfinished)
    if data is None and gap.startswith("没有"):
        report.notes.append(f"{gap}：总体情况等文字和规章、行政许可、处罚、强制、收费的数字空缺，表中写「待填写」："
                            f"建 annual/{year}.yaml 填写后再生成")
    elif data is None:
        report.problems.append(f"{gap}：表二的规章、行政许可、处罚、强制、收费和第一、五、六部分没有取到，改正后再生成")
    elif unwritten := [f"「{name}」" for name, text in (("总体情况", data.overview), ("存在的主要问题及改进情况", data.problems),
                                                      ("其他需要报告的事项", data.other)) if not (text or "").strip()]:
        report.notes.append(f"annual/{year}.yaml 没有写{''.join(unwritten)}：报告中这几部分写着「待填写」，写上后再生成"
                            "（没有要报告的，也写明「本年度无……」）")
    return report


def year_not_over(year: int, today: dt.date) -> str:
    """What a reader of *year*'s figures must know when *today* is within it (or before it): they are not the year's."""
    if today > dt.date(year, 12, 31):
        return ""
    return f"{year}年还没有过完：表中的数字截至 {today}，不是全年的；年度报告在次年1月编制"


def unfilled_figures(data: AnnualData) -> list[str]:
    """The figures of table 二 that annual/<year>.yaml leaves out (规章 … 行政事业性收费): 待填写 in the report, not 0."""
    figures = (("规章", data.regulations), ("行政许可", data.licensing), ("行政处罚", data.penalty),
               ("行政强制", data.enforcement), ("行政事业性收费", data.fees))
    return [name for name, value in figures if value is None]


def annual_data(catalog: Catalog, year: int) -> tuple[AnnualData | None, str]:
    """annual/<year>.yaml's data, found by the file's name as GK714 says; else None and why (no such file, an error
    in it, or a 年度 of another year). A second file that says 年度: <year> (a copy, a draft) is not read."""
    name = str(year)
    for path, data in catalog.models("annual"):
        if PurePosixPath(path).stem == name:
            if data.year == year:
                return data, ""
            return None, f"{_field_at(catalog, path, '年度')}写的是 {data.year}，与文件名不一致（应为 {year}）"
    wrong = sorted((d for d in catalog.load_diagnostics if (d.path or "").startswith("annual/")
                    and PurePosixPath(d.path or "").stem == name and d.severity is Severity.ERROR),
                   key=lambda d: (d.path or "", d.line or 0, d.column or 0))
    if not wrong:
        return None, f"没有 annual/{year}.yaml"
    first = wrong[0]
    return None, f"{first.path} 第{first.line}行第{first.column}列有错误（{first.message}）"


def annual_field(catalog: Catalog, year: int, name: str) -> str:
    """Where the field *name* of annual/<year>.yaml is, as a clerk finds it in Notepad: 「annual/2027.yaml 第10行第1列
    「上年结转」」 (the file and the field alone when it is not written there)."""
    path = next((p for p, data in catalog.models("annual") if PurePosixPath(p).stem == str(year) and data.year == year),
                f"annual/{year}.yaml")
    return _field_at(catalog, path, name)


def _field_at(catalog: Catalog, path: str, name: str) -> str:
    _, line, column = catalog.locate(Location(path, None, (name,)), prefer_key=True)
    return f"{path} 第{line}行第{column}列「{name}」" if line and column else f"{path} 的「{name}」"


def personal_data(catalog: Catalog, year: int) -> list[tuple[str, str, str]]:
    """(where, kind, masked value) of the personal data in annual/<year>.yaml, whose texts (总体情况 …) the report of
    *year* prints: the scan of the written file finds numbers only, so a 详细住址 there went out in the 年报."""
    return [(placed(catalog, found, path=path), found.label, found.masked_value) for path, found in annual_findings(catalog)
            if PurePosixPath(path).stem == str(year)]


def _unread(catalog: Catalog) -> list[str]:
    """Register, record and agency files that could not be read: what they hold is in no table, and which year it belongs
    to is unknown. A record may be a 规范性文件 of the bureau (文种: 行政规范性文件, the format's own word, is not the catalog's):
    table 二 counted it nowhere and the report said nothing."""
    lost = {"request": "这件登记没有计入表三", "appeal": "这件登记没有计入表四",
            "record": "它如果是本机关的规范性文件，没有计入表二的「行政规范性文件」",
            # (the title then names （未命名机关）, and a 规范性文件 whose 责任者 names the bureau is not known for its own)
            "agency": "报告标题中的机关名称写成了「（未命名机关）」，写了「责任者」的本机关规范性文件没有计入表二"}
    return [f"{path} 有错误，读不出来，{lost[parsed.kind]}：运行 gongkai validate 改正后再生成"
            for path, parsed in sorted(catalog.files.items()) if parsed.kind in lost and parsed.model is None]


def _twice(entries: list[tuple[str, Request]] | list[tuple[str, Appeal]]) -> list[str]:
    """编号 registered in more than one file (GK710): a copied file counts the same request or case twice."""
    paths: dict[str, list[str]] = {}
    for path, entry in entries:
        paths.setdefault(entry.id, []).append(path)
    return [f"编号 {number} 登记了 {len(found)} 次（{'、'.join(found)}），表中按 {len(found)} 件统计："
            "是同一件的，删去多余的文件；不是的，改正编号" for number, found in paths.items() if len(found) > 1]


def _slipped(requests: list[tuple[str, Request]], year: int) -> list[str]:
    """Requests counted in *year* whose 收到日期 is a year before their 编号's (GK719): typed in January with last
    year's number, they swell this year's 本年新收 and 结转下年度."""
    return [f"{path}：编号是{slipped}年的，收到日期却是 {request.received}，算进了{year}年的表三：核对收到日期的年份（GK719）"
            for path, request in requests
            if request.received.year == year and (slipped := year_slip(request.id, request.received)) is not None]


def _unplaced(requests: list[tuple[str, Request]], year: int) -> list[str]:
    """Requests answered in *year* that fit no row of 三、本年度办理结果, and results without a reply date, which
    leave a request open (GK704–GK706 say why)."""
    found = []
    for path, request in requests:
        if request.replied is None and request.outcome is not None and request.received.year <= year:
            found.append(f"{path}：写了办理结果，没有写答复日期，按「结转下年度继续办理」统计（运行 gongkai validate 查看改法）")
        if request.replied is not None and request.replied < request.received and year in (request.replied.year,
                                                                                             request.received.year):
            # (a slip of the year: counted as answered in one year and received in another, 一+二 ≠ 三+四 in both)
            found.append(f"{path}：答复日期 {request.replied} 早于收到日期 {request.received}，表三不平衡：核对登记簿和答复书，"
                         "改正日期（GK707）")
            continue
        if request.replied is None or request.replied.year != year:
            continue
        category = request.category
        if category is None:
            why = "没有写办理结果" if request.outcome is None else "办理结果不是表三的类别"
        elif OUTCOMES[category] and canonical_reason(category, request.reason) is None:
            why = "理由不是表三所列的具体情形" if request.reason else f"{category}没有写理由"
        elif (unlike := request.reason_unlike_register) is not None:
            found.append(f"{path}：{unlike[1]}，登记自相矛盾，表三却按（六）其他处理统计：核对后改正（GK705，运行 gongkai validate 查看改法）")
            continue
        else:
            continue
        found.append(f"{path}：{why}，没有计入「三、本年度办理结果」（运行 gongkai validate 查看改法）")
    return found


def _paused(requests: list[tuple[str, Request]], year: int) -> list[str]:
    """Requests carried into the next year because their clock stopped (补正 awaited, a third party consulted, a fee
    unpaid) and was never started again: nothing else says so, and such a request is carried in table 三's 四 year after
    year."""
    end = dt.date(year, 12, 31)
    found = []
    for path, request in requests:
        if request.received > end or (request.replied is not None and request.replied <= end):
            continue
        correction, consultation = request.correction, request.consultation
        if correction is not None and correction.notified <= end and (correction.corrected is None
                                                                      or correction.corrected > end):
            found.append(f"{path}：申请 {request.id} 在 {correction.notified} 通知补正，到年底没有收到补正，按「结转下年度继续办理」"
                         "统计。申请人逾期不补正的，写「办理结果: 其他处理」「理由: 逾期不补正」和不再处理的日期（《条例》第三十条）")
        elif consultation is not None and consultation.start <= end and (consultation.end is None
                                                                         or consultation.end > end):
            found.append(f"{path}：申请 {request.id} 自 {consultation.start} 征求第三方意见，到年底没有结束，按「结转下年度继续办理」"
                         "统计。第三方应在15个工作日内提出意见，逾期未提出的由本机关决定是否公开（《条例》第三十二条）："
                         "写上「结束」日期，期限接着计算")
        elif (fee := request.fee) is not None and fee.notified <= end and (fee.paid is None or fee.paid > end):
            found.append(f"{path}：申请 {request.id} 在 {fee.notified} 送达收费通知，到年底没有缴费，按「结转下年度继续办理」"
                         "统计。申请人收到收费通知之日起20个工作日内未缴费的，写「办理结果: 其他处理」「理由: 逾期未缴费」"
                         "和不再处理的日期（国办函〔2020〕109号）")
    return found


def _unlike_last_report(catalog: Catalog, year: int, table3: list[Table3Row]) -> list[str]:
    """二、上年结转 of *year* against 四、结转下年度继续办理 of the report on the year before, as the catalog's 年度报告
    record prints it: the same requests at the same midnight, so a reader of both reports finds the same figures."""
    carried = next(r for r in table3 if r.number == "二")
    cells = (*((carried.counts or {}).get(t) for t in APPLICANT_TYPES), carried.total)
    found = []
    for record in sorted(catalog.records.values(), key=lambda r: r.id):
        if record.reported_year != year - 1 or (table := read_table3(record.body or "")) is None:
            continue
        where = catalog.path_of("record", record.id) or record.id
        found += [f"{where}（{year - 1}年度报告）与本年表三对不上，{text}：两份报告说的是同一批申请，应一致。核对登记簿中"
                  f"{year}年1月1日还没答复的以前年度申请（或 annual/{year}.yaml 的「上年结转」），或更正上一年度的报告"
                  for text in carried_over(table, (COLUMNS, cells))]
    return found


def _carried(requests: list[Request], year: int) -> list[Request]:
    """The requests of the years before *year* not yet answered on its 1 January: table 三's 二、上年结转."""
    start = dt.date(year, 1, 1)
    return [r for r in requests if r.received < start and (r.replied is None or r.replied >= start)]


def _carryover_unlike_register(catalog: Catalog, requests: list[tuple[str, Request]], year: int,
                               data: AnnualData | None) -> list[str]:
    """「上年结转」 typed in annual/<year>.yaml against the register's own: the report prints the typed figures in 二 while
    三 and 四 count the register, so a figure that differs leaves the table unbalanced for a reason the balance check
    cannot name (and when it does balance, one of them is still wrong)."""
    if data is None or data.carryover is None:
        return []
    carried = sorted(_carried([r for _, r in requests], year), key=lambda r: r.id)
    typed, counted = data.carryover.by_type(), _count(carried)
    if typed == counted:
        return []
    where = annual_field(catalog, year, "上年结转")
    if not carried:
        return [f"{where}写的是{_figures(typed)}，登记簿（requests/）中没有{year}年1月1日还没答复的以前年度申请：这几件申请"
                "本年的办理结果和结转不在表三的三、四中，表三不平衡。把它们补登到 requests/（收到日期写原来的日期），"
                "再删去「上年结转」（登记簿会算出上年结转）"]
    listed = f"{'、'.join(r.id for r in carried[:5])}{'等' if len(carried) > 5 else ''}"
    return [f"{where}写的是{_figures(typed)}，登记簿中{year}年1月1日还没答复的以前年度申请是{_figures(counted)}（{listed}）："
            "表三的三、四按登记簿统计，二也应一致。登记簿中的申请齐全的，删去「上年结转」；不齐全的，补登后删去"]


def _figures(counts: dict[str, int]) -> str:
    """「自然人 2 件、商业企业 1 件」, or 「0 件」."""
    return "、".join(f"{kind} {n} 件" for kind, n in counts.items() if n) or "0 件"


def _own_normative(catalog: Catalog) -> list[Record]:
    """The bureau's own 行政规范性文件: 第二十条第（一）项 counts those, not a provincial one kept in the catalog to be
    forwarded (责任者: 福建省民政厅). 责任者 defaults to the bureau; a joint one names it."""
    return [r for r in catalog.records.values()
            if r.kind == NORMATIVE and (r.author is None or catalog.name in r.author)]


def _table2(catalog: Catalog, year: int, data: AnnualData | None) -> Table2:
    end = dt.date(year, 12, 31)
    normative = _own_normative(catalog)
    issued = sum(r.formed.year == year for r in normative)
    # 有效性 (or the older 废止日期) on 31 December, judged as the site judges it on its day (publication.standing)
    at_end = [validity_on(r, end) for r in normative if r.formed <= end]
    repealed = sum(validity in OUT_OF_FORCE and since is not None and since.year == year for validity, since in at_end)
    in_force = sum(validity not in OUT_OF_FORCE for validity, _ in at_end)
    if data is None:
        return Table2(None, (issued, repealed, in_force), None, None, None, None)
    rules = None if data.regulations is None else (data.regulations.issued, data.regulations.repealed,
                                                   data.regulations.in_force)
    return Table2(rules, (issued, repealed, in_force),
                  data.licensing, data.penalty, data.enforcement, data.fees)


def _zero() -> dict[str, int]:
    return dict.fromkeys(APPLICANT_TYPES, 0)


def _count(requests: list[Request]) -> dict[str, int]:
    counts = _zero()
    for request in requests:
        counts[request.applicant_type] += 1
    return counts


def _table3(requests: list[Request], year: int, data: AnnualData | None) -> list[Table3Row]:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    new = [r for r in requests if r.received.year == year]
    carried = _carried(requests, year)
    carried_counts = data.carryover.by_type() if data and data.carryover else _count(carried)
    handled = [r for r in requests if r.replied is not None and start <= r.replied <= end]
    pending = [r for r in new + carried if r.replied is None or r.replied > end]
    rows = [Table3Row("一", "本年新收政府信息公开申请数量", 0, _count(new)),
            Table3Row("二", "上年结转政府信息公开申请数量", 0, carried_counts),
            Table3Row("三", "本年度办理结果", 0, None)]
    rows.extend(_outcome_rows(handled))
    rows.append(Table3Row("四", "结转下年度继续办理", 0, _count(pending)))
    return rows


def _outcome_rows(handled: list[Request]) -> list[Table3Row]:
    """（一）…（六） and （七）总计. A category with numbered rows shows its own total on its line as well."""
    rows: list[Table3Row] = []
    total = _zero()
    for index, (category, reasons) in enumerate(OUTCOMES.items()):
        number = f"（{CHINESE_NUMBERS[index]}）"
        of_category = [r for r in handled if r.category == category]
        subs = [_count([r for r in of_category if canonical_reason(category, r.reason) == reason])
                for reason in reasons]
        counts = {k: sum(sub[k] for sub in subs) for k in APPLICANT_TYPES} if reasons else _count(of_category)
        rows.append(Table3Row(number, OUTCOME_LABELS.get(category, category), 1, counts))
        rows.extend(Table3Row(str(n), reason, 2, sub) for n, (reason, sub) in enumerate(zip(reasons, subs), 1))
        total = {k: total[k] + counts[k] for k in total}
    rows.append(Table3Row("（七）", "总计", 1, total))
    return rows


def check_balance(rows: list[Table3Row]) -> list[str]:
    """一 + 二 = 三(七) + 四, column by column."""
    by_number = {r.number: r.counts for r in rows if r.depth < 2 and r.counts is not None}
    one, two, seven, four = (by_number[n] for n in ("一", "二", "（七）", "四"))
    problems = []
    for column in (*APPLICANT_TYPES, "总计"):
        left = sum(one.values()) + sum(two.values()) if column == "总计" else one[column] + two[column]
        right = sum(seven.values()) + sum(four.values()) if column == "总计" else seven[column] + four[column]
        if left != right:
            problems.append(f"表三「{column}」列不平衡：本年新收 + 上年结转 = {left}，办理结果总计 + 结转下年度 = {right}"
                            "（应相等；检查未写办理结果或理由的申请、上年结转数）")
    return problems


def _unrouted(appeals: list[tuple[str, Appeal]], year: int) -> list[str]:
    """行政诉讼 of *year* without 起诉方式 (GK711): table 四 counts them as 未经复议直接起诉, which may be wrong."""
    return [f"{path}：行政诉讼没有写起诉方式，表四暂按「未经复议直接起诉」统计：写明「起诉方式: 未经复议直接起诉」"
            "或「起诉方式: 复议后起诉」" for path, appeal in appeals
            if appeal.received.year == year and appeal.kind == "行政诉讼" and appeal.route is None]


def _unsettled(appeals: list[tuple[str, Appeal]], year: int) -> list[str]:
    """Cases of *year* whose 结果 and 结案日期 disagree (GK712): table 四 counts them as 尚未审结 when they may have been
    decided, or as decided on a day before they came in."""
    end = dt.date(year, 12, 31)
    found = []
    for path, appeal in appeals:
        if appeal.received.year != year:
            continue
        if appeal.result != "尚未审结" and appeal.closed is None:
            found.append(f"{path}：结果是「{appeal.result}」，没有写结案日期，表四按「尚未审结」统计：写上「结案日期」（GK712）")
        elif appeal.result == "尚未审结" and appeal.closed is not None and appeal.closed <= end:
            found.append(f"{path}：写了结案日期 {appeal.closed}，没有写结果，表四按「尚未审结」统计：照决定书、判决书写明"
                         "「结果: 维持」「纠正」或「其他」（GK712）")
        elif appeal.closed is not None and appeal.closed < appeal.received:
            found.append(f"{path}：结案日期 {appeal.closed} 早于收到日期 {appeal.received}：核对并改正日期（GK712）")
    return found


def _table4(appeals: list[Appeal], year: int) -> dict[str, dict[str, int]]:
    end = dt.date(year, 12, 31)
    table = {name: dict.fromkeys((*RESULTS, "总计"), 0) for name in ("行政复议", "未经复议直接起诉", "复议后起诉")}
    for appeal in appeals:
        if appeal.received.year != year:
            continue
        group = "行政复议" if appeal.kind == "行政复议" else (appeal.route or "未经复议直接起诉")
        result = "尚未审结" if appeal.closed is None or appeal.closed > end else appeal.result
        table[group][result] += 1
        table[group]["总计"] += 1
    return table


def compare_with(table: PublishedTable, computed: list[Table3Row]) -> list[str]:
    """Cells of the published table that differ from the table the register gives (gongkai report annual): every
    cell in the 2021 layout, the 总计 column of a condensed one."""
    keys: dict[str, list[int | None]] = {}
    category = ""
    for row in computed:
        if row.counts is None:
            continue
        if row.depth == 1:
            category = row.label.split("（")[0] if row.number != "（七）" else ""
        key = row.number if row.depth == 0 or row.number == "（七）" else (
            category if row.depth == 1 else f"{category}/{row.label}")
        every: list[int | None] = [*(row.counts[t] for t in APPLICANT_TYPES), row.total]
        total: list[int | None] = [*([None] * (len(table.columns) - 1)), row.total]
        keys[key] = every if table.columns == COLUMNS else total
    return [text for r in table.rows if r.key in keys for text in differing(table, "登记簿算出的", r, keys[r.key])]


def compare_table4_with(groups: dict[str, tuple[int | None, ...]], computed: dict[str, dict[str, int]]) -> list[str]:
    """Figures of a published table 四 that differ from the table the register gives."""
    return [f"「{TABLE4_NAMES[group]}」的「{RESULT_HEADINGS[key]}」是 {got}，登记簿算出的是 {computed[group][key]}"
            for group, figures in groups.items() for key, got in zip(RESULT_HEADINGS, figures, strict=True)
            if got is not None and got != computed[group][key]]
