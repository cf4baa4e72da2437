"""个人信息保护: no unmasked 身份证号, phone, bank card or detailed address in what is published (DOMAIN.md §7).

Every message carries the value already masked: a CI log never shows the full number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.catalog import Catalog
from gongkai.diagnostics import Location, Severity
from gongkai.privacy import (PrivacyFinding, agency_findings, annual_findings, catalog_scan, item_findings,
                             standing_on)
from gongkai.publication.periods import is_notice
from gongkai.rules.base import FIRST, Context, Finding, rule

E, W = Severity.ERROR, Severity.WARNING
WHY = ("《政府信息公开条例》第十五条：涉及个人隐私的政府信息，公开会对第三方合法权益造成损害的，不予公开；"
       "国办2018年政务公开工作要点要求对涉及个人信息的内容去标识化。低保、特困、临时救助名单公示中，"
       "全部身份证号、银行账号、电话和详细住址都不得公开（DOMAIN.md §7）。")
UNREADABLE_HINT = ("gongkai 读不全的文件不能公开（无法确认其中没有个人信息）：把公文另存为有文字的 PDF（不是扫描件）"
                   "或 docx/xlsx，去掉密码，再登记为附件。")
MASK_HINT = "按遮盖格式改写：手机号 138****1234，身份证号 35*************123；表格附件可运行 gongkai mask 文件 自动遮盖。"
# (a 15-digit ID of before 1999: the same first two and last three, fifteen characters, not eighteen)
MASK_HINT_ID15 = "按遮盖格式改写：15位身份证号 35**********123（留前两位、后三位，共15位）；表格附件可运行 gongkai mask 文件 自动遮盖。"
# (a bank card or account: the first four and last four digits, as every bank prints it on a receipt)
MASK_HINT_BANK = ("按遮盖格式改写：银行卡号只留前四位、后四位，如 6222***********0128（名单不需要账号的，删去这一列）；"
                  "表格附件可运行 gongkai mask 文件 自动遮盖。")
# (a landline under a list's phone column: the person's home phone)
MASK_HINT_PHONE = "删去名单中个人的联系电话一列，或遮盖为 0595****1234；监督、咨询电话写本机关的办公电话（在 gongkai.yaml 登记）。"
# (an address: no stars make a house number public; the address stops at the village)
MASK_HINT_ADDRESS = ("住址只写到村（社区），如「剑斗镇剑斗村」，删去其后的门牌号、楼号、单元和室号；"
                     "本机关的地址在 gongkai.yaml 登记后不算。")
# (a run of base64 or hexadecimal bytes: anyone can decode it; masking the letters means nothing, the run has to go)
ENCODED_HINT = "删去这段{}的文字（任何人解码即得完整号码）；需要公开的内容按遮盖格式写明文，如 138****1234。"
_ENCODED = re.compile(r"（(.+编码)）$")
_KIND_HINTS = {"id15": MASK_HINT_ID15, "bank": MASK_HINT_BANK, "phone": MASK_HINT_PHONE, "address": MASK_HINT_ADDRESS}
AGENCY_FILE = "gongkai.yaml"


def _everything(catalog: Catalog) -> Iterator[tuple[Location, PrivacyFinding]]:
    """Every source-scan finding with where it is: 主动公开 records, items, gongkai.yaml, annual/<year>.yaml."""
    # (nearly every record finds nothing: only those that do are sorted and located, once per GK60x rule)
    for record_id, scan in sorted((key, scan) for key, scan in catalog_scan(catalog).items() if scan.findings):
        path = catalog.path_of("record", record_id)
        for found in scan.findings:
            yield Location(path, record_id, found.field), found
    for item_id, item in sorted(catalog.items.items()):
        path = catalog.path_of("item", item_id)
        for found in item_findings(catalog, item):
            yield Location(path, item_id, found.field), found
    # (gongkai.yaml read only for its settings beside the files an incremental check re-reads: its findings are kept)
    for found in agency_findings(catalog) if AGENCY_FILE not in catalog.context else ():
        yield Location(AGENCY_FILE, None, found.field), found
    for path, found in annual_findings(catalog):
        yield Location(path, None, found.field), found


def source_findings(ctx: Context, code: str) -> Iterator[Finding]:
    catalog = ctx.catalog
    for location, found in _everything(catalog):
        if found.rule != code or not standing_on((found,), ctx.today):  # (a rounded ID: born by the day checked)
            continue
        if found.kind == "file":
            message, hint = f"{found.where}{found.detail}", UNREADABLE_HINT
        else:
            message = f"{found.where}有未遮盖的{found.label}「{found.masked_value}」（已遮盖显示）"
            encoded = _ENCODED.search(found.label)
            hint = ENCODED_HINT.format(_spaced(encoded.group(1))) if encoded is not None else \
                _KIND_HINTS.get(found.kind, MASK_HINT)
        yield Finding(location, message, hint, line_offset=catalog.block_offset(location, found.line))


def _spaced(words: str) -> str:
    """*words* as they stand in a Chinese sentence: a space before a Latin word (这段 base64 编码)."""
    return f" {words}" if words[0].isascii() else words


@rule("GK601", "id-number-published", "公开内容含有完整身份证号", E,
      what="检查将要公开的全部文字中是否有完整的公民身份号码（18位且校验码正确，GB 11643-1999；或15位旧号码）："
           "主动公开信息的每个字段（题名、文号、责任者、索引号、附件名称和文件名……）、显示后的正文、每个附件的全部文字"
           "（PDF 的文字和文档属性，docx 的正文、页眉页脚、批注、脚注，xlsx/xls 的每个工作表（含隐藏的）、批注、名称，"
           "CSV、OFD），以及公开事项、gongkai.yaml 和年度报告数据（annual/年份.yaml）的每个字段。全角数字、空格、横线、"
           "逗号、分号、竖线、括号等任何标点符号、零宽字符、HTML 实体、Markdown 强调拆开的号码同样识别。"
           "已遮盖的写法（35*************123）不算；同一号码在一条信息的几处遮盖的位置不同、合起来露出太多的"
           "（一处露出出生年份、另一处露出后四位）算。残疾人证号（身份证号加残疾类别、等级两位）中的身份证号同样算。",
      why=WHY,
      example="| 陈水生 | 350524194912310017 | 1 | 1144 |",  # (GB 11643: the check digit of 35052419491231001 is 7)
      instead="删除身份证号一列；确需列出时遮盖为 35*************017。",
      scope=FIRST)
def id_number_published(ctx: Context) -> Iterator[Finding]:
    yield from source_findings(ctx, "GK601")


@rule("GK602", "mobile-published", "公开内容含有完整手机号码", E,
      what="检查主动公开信息中是否有完整的手机号码（1 开头、第二位 3—9 的 11 位数字）。"
           "gongkai.yaml 中登记的本机关电话不算；已遮盖的写法（138****1234）不算，与另一处的遮盖合起来露出号码的"
           "（一处遮中间四位、另一处遮后四位）算。",
      why=WHY,
      example="联系人：林玉燕，电话 13805951234",
      instead="联系电话写本机关的办公电话（在 gongkai.yaml 登记），或遮盖为 138****1234。",
      scope=FIRST)
def mobile_published(ctx: Context) -> Iterator[Finding]:
    yield from source_findings(ctx, "GK602")


@rule("GK603", "bank-card-published", "公开内容含有银行卡号", E,
      what="检查主动公开信息中是否有银行卡号或账号：13—19 位数字、通过 Luhn 校验（可按四位一组书写）。"
           "同一行「户名：」后写的是单位（测试县慈善总会、测试县民政局）的账号是单位账户（募捐、捐赠账户），不算。",
      why=WHY,
      example="| 王阿福 | 6222 0212 3456 7890 128 |",
      instead="删除银行账号一列；确需列出时遮盖为 6222***********0128。",
      scope=FIRST)
def bank_card_published(ctx: Context) -> Iterator[Finding]:
    yield from source_findings(ctx, "GK603")


@rule("GK604", "address-published", "公开内容含有村（社区）以下的详细住址", E,
      what="检查主动公开信息中是否有村、社区以下的详细住址：门牌号（XX路12号、XX村12号）、X号楼、X栋X单元、X室。"
           "gongkai.yaml 中登记的本机关地址（连同紧接着写的楼层、房间）不算；紧接单位名称写的单位地址"
           "（测试县殡仪馆（地址：城关镇砖文村13号）、不列人员的表格中同一行写着单位名称的地址）也不算：法人不是个人。",
      why=WHY,
      example="| 黄秀珍 | 剑斗镇剑斗村12号 |",
      instead="住址只写到村（社区）：| 黄秀珍 | 剑斗镇剑斗村 |",
      scope=FIRST)
def address_published(ctx: Context) -> Iterator[Finding]:
    yield from source_findings(ctx, "GK604")


@rule("GK605", "list-column-not-allowed", "公示名单含有允许范围以外的列", W,
      what="检查文种为「公示」的信息中列出人员的表格（有「姓名」列）：只应有姓名、保障人数、保障金额、所在村（社区）、"
           "救助类别/事由、日期等列（另可有序号、乡镇、备注）。",
      why="低保公示只公开姓名、保障人数、保障金额、所在村（社区）和日期，不公开身份证号、银行账号、电话和详细住址"
          "（DOMAIN.md §7）；多出的列常常就是泄露个人信息的地方。",
      example="| 姓名 | 身份证号 | 保障金额 |",
      instead="| 姓名 | 保障人数 | 保障金额（元/月） | 所在村（社区） | 救助类别 | 日期 |",
      scope=FIRST)
def list_column_not_allowed(ctx: Context) -> Iterator[Finding]:
    catalog = ctx.catalog
    for record_id, scan in sorted(catalog_scan(catalog).items()):
        path = catalog.path_of("record", record_id)
        for item in scan.columns:
            location = Location(path, record_id, item.field)
            yield Finding(location, f"公示名单{item.where}「{item.column}」不在允许公开的列中",
                          "删除这一列；公示名单只列姓名、保障人数、保障金额、所在村（社区）、救助类别/事由、日期。",
                          line_offset=catalog.block_offset(location, item.line))


@rule("GK611", "people-list-not-notice", "列有人员名单的信息没有公示期", E,
      what="检查主动公开的信息中，正文或附件里有列出人员的表格（有「姓名」「户主姓名」列，或「救助对象」「受助学生」这类列下"
           "写的是姓名）或逐一列出受助人姓名的文字（「以下人员获得临时救助：陈水生、林阿妹、王建国」，逗号、空格隔开的，"
           "一两个人的，一行一个姓名的）、但文种不是「公示」、所属事项也不是名单类、也没有写公示期的：这样的名单与没有写"
           "公示期的公示一样，gongkai 在公开日期当天之后就把名单从网站上撤下（页面只留一句说明），也不放进站内搜索和网站地图。",
      why="名单类信息按规定期限公示，期满后名单不再公开，也不能通过搜索按姓名找到（DOMAIN.md §7、§12）；"
          "发放救助金的通知附上领取人名单，没有公示期就等于把名单长期公开，所以不能按通知一直挂在网站上。",
      example="文种: 通知\n正文: |\n  | 姓名 | 村（社区） | 金额（元） |",
      instead="名单另登记为「文种: 公示」并写明公示期（或在本信息中写明「公示期: 7」）；通知正文只写人数和总金额。",
      scope=FIRST)
def people_list_not_notice(ctx: Context) -> Iterator[Finding]:
    catalog = ctx.catalog
    for record_id, scan in sorted(catalog_scan(catalog).items()):
        record = catalog.records.get(record_id)
        if not scan.people or record is None or is_notice(record, catalog.items.get(record.item or "")):
            continue
        day = f"（{record.published}）" if record.published is not None else ""
        yield Finding(Location(catalog.path_of("record", record_id), record_id, ("文种",)),
                      f"信息 {record_id} 列有人员名单（表格的姓名列，或逐一列出的姓名），但文种是「{record.kind}」、没有公示期："
                      f"名单在公开日期{day}之后就从网站上撤下",
                      "把名单另登记为「文种: 公示」并写明「公示期」或「公示截止」（或在本信息中写明公示期）；"
                      "本信息只写人数和金额，或删去名单；通报、更正里只提到个别人的，把姓名写成「陈某某」或「该户」。",
                      prefer_key=True)


def masked_summary(findings: list[PrivacyFinding]) -> str:
    """One line per finding, masked: for publishers that report why a record was held back."""
    return "；".join(f.summary for f in findings)
