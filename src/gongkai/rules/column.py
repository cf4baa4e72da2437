"""The 政府信息公开 column (国办公开办函〔2019〕61号): a complete 指南, no blank columns, the 年报 every year."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from gongkai.diagnostics import Location, Severity
from gongkai.publication import Output
from gongkai.publication.columns import blank_columns, blank_reason
from gongkai.publication.standing import standing
from gongkai.model.record import Record
from gongkai.model.vocab import PROACTIVE_MODE
from gongkai.model.agency import RequestDesk
from gongkai.model.contacts import dialable, has_address
from gongkai.model.reasons import passed_promise, says_something, written
from gongkai.privacy import mask_log, same_file
from gongkai.privacy.links import FOLDER, body_links, linked_pages
from gongkai.rules.attachments import links_of, withheld_files
from gongkai.rules.base import FILE, KEYED, VIEW, Context, Finding, first_parts, record_part, rule

W, I = Severity.WARNING, Severity.INFO
AGENCY = "gongkai.yaml"
RENEW = "公开这一期的信息；确实没有的，改写「空白说明」写明原因和下次公开时间。"
# What the 指南 says in place of a field of 「依申请公开」 that says nothing (site/guide.py; the rest are left out).
INSTEAD = {"review_body": "指南只写「本级人民政府」", "court": "指南只写「有管辖权的人民法院」", "fee": "指南按国办函〔2020〕109号写明"}


@rule("GK901", "guide-incomplete", "政府信息公开指南缺少内容", W,
      what="检查 gongkai.yaml「依申请公开」是否写全了指南要告诉公众的内容：受理机构、通信地址、电话、电子邮箱、办公时间、"
           "行政复议机关、行政诉讼法院；申请方式含「网上申请」「电子邮件」「传真」的，要写网上申请地址、电子邮箱、传真号码；要写明申请方式；"
           "只写了「无」「待定」「——」等没有内容的，指南中按没有写处理，也要改正。",
      why="《政府信息公开条例》第十二条：政府信息公开指南包括政府信息的分类、编排体系、获取方式和"
          "政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等内容；第二十九条规定申请的"
          "方式和内容；第五十一条规定救济途径。",
      example="依申请公开:\n  受理机构: 县民政局办公室\n  方式: [当面提交, 网上申请]",
      instead="依申请公开:\n  受理机构: 县民政局办公室\n  地址: ……\n  电话: \"0595-…\"\n  电子邮箱: …\n  办公时间: ……\n"
              "  网上申请地址: https://…\n  复议机关: ……县人民政府\n  诉讼法院: ……县人民法院",
      scope=FILE)
def guide_incomplete(ctx: Context) -> Iterator[Finding]:
    agency = ctx.catalog.agency
    if agency is None:
        return
    desk = agency.requests
    if desk is None:
        yield Finding(Location(AGENCY, None, ("机关",)), "没有「依申请公开」设置，政府信息公开指南无法写明受理机构和申请方式",
                      "在 gongkai.yaml 中加上「依申请公开:」一节（受理机构、地址、电话、电子邮箱、办公时间等）。", prefer_key=True)
        return
    for label in desk.unwritten():
        yield Finding(Location(AGENCY, None, ("依申请公开",)), f"「依申请公开」没有写「{label}」，指南中将缺少这一项",
                      f"在「依申请公开:」下加上「{label}: ……」。", prefer_key=True)
    for name in desk.silent_fields():
        value, key = getattr(desk, name), RequestDesk.model_fields[name].alias or name
        shown = f"指南写成「{agency.org.name}」" if name == "office" else INSTEAD.get(name, "指南中不列这一项")
        yield Finding(Location(AGENCY, None, ("依申请公开", key)), f"「依申请公开」的「{key}」只写了「{value}」，没有实际内容，{shown}",
                      f"把「{value}」改成实际的{key}" + ("，如「……办公室」。" if name == "office" else "；确实没有的，删去这一行。"))
    for index, way in enumerate(desk.ways):
        if not says_something(way):
            yield Finding(Location(AGENCY, None, ("依申请公开", "方式", index)), f"申请方式「{way}」不是一种申请方式，指南中不列出",
                          "删去它，写实际的方式，如「当面提交」「邮寄」「网上申请」「电子邮件」。")
    if not desk.ways:
        yield Finding(Location(AGENCY, None, ("依申请公开",)),
                      "「依申请公开」没有写申请方式，指南不能告诉公众怎样提交申请（《条例》第二十九条）",
                      "在「依申请公开:」下加上「方式: [当面提交, 邮寄]」，开通了的再加「网上申请」「电子邮件」并写明地址。",
                      prefer_key=True)
    if desk.phone is not None and says_something(desk.phone) and not dialable(desk.phone):
        yield Finding(Location(AGENCY, None, ("依申请公开", "电话")), f"「依申请公开」的电话「{desk.phone}」中没有可以拨打的号码，"
                      "指南中不能点击拨打", "写成区号加号码，如「0595-23222516」；分机写「转8001」，几个号码用「；」隔开。")
    if desk.email is not None and says_something(desk.email) and not has_address(desk.email):
        yield Finding(Location(AGENCY, None, ("依申请公开", "电子邮箱")), f"「依申请公开」的电子邮箱「{desk.email}」不是电子邮件地址，"
                      "指南中不能点击发送邮件", "写成完整的邮件地址，如「axmzjzwgk@163.com」。")
    for index, way, key in desk.missing_contacts():
        example = "https://……」（县政府依申请公开系统的网址）" if key == "网上申请地址" else "……」"
        yield Finding(Location(AGENCY, None, ("依申请公开", "方式", index)), f"申请方式有「{way}」，但没有写{key}，指南中不会列出这种方式",
                      f"加上「{key}: {example}，或从「方式」中删去「{way}」。")


@record_part("web-columns")
def _web_columns(ctx: Context, record: Record) -> tuple[str, ...]:
    """The columns (事项, 单位) where *record* is on the website today; none when it is not."""
    found = standing(record, ctx.catalog.items.get(record.item or ""), ctx.today, ctx.calendar)
    return (record.item or "", record.unit) if found is not None and Output.WEB in found.outputs else ()


@rule("GK902", "blank-column", "栏目没有公开信息也没有空白说明", W,
      what="检查每个主动公开事项（和每个乡镇页面）在网站上是否有已公开的信息；没有的，须写「空白说明」说明原因。"
           "只通过公示栏等渠道、不上网站的事项，网站会自动写明公开渠道，不算空白。",
      why="《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）：空白栏目5个以上的网站为不合格；"
          "确实没有信息的栏目，应在页面上作出说明。",
      example="事项 SHSW-007 没有任何公开信息，也没有空白说明",
      instead="空白说明: 本机关本年度未产生此类信息",
      scope=VIEW)
def blank_column(ctx: Context) -> Iterator[Finding]:
    catalog = ctx.catalog
    if catalog.unreadable("record"):
        return  # a record that could not be read may well belong to the column: its own error comes first
    on_web: dict[str, int] = {}
    for keys in first_parts(ctx.record_parts("web-columns")):
        for key in keys:
            on_web[key] = on_web.get(key, 0) + 1
    blanks = blank_columns(catalog, on_web, ctx.today)
    for item in blanks.items:
        passed = passed_promise(item.blank_note, ctx.today)
        empty = not passed and bool(written(item.blank_note))  # 「本栏目暂无信息」, 「空缺」: written, but gives no reason
        yield Finding(Location(catalog.path_of("item", item.id), item.id, ("空白说明",) if passed or empty else ("编号",)),
                      f"事项 {item.id}「{item.name}」在网站上没有公开信息，" + blank_reason(item.blank_note, ctx.today),
                      RENEW if passed else
                      ("把「空白说明」改写成说明原因的话，" if empty else "加上「空白说明: ……」，")
                      + "如「本机关本年度未产生此类信息」「本事项按季度公开，下次公开时间为……」。")
    for index, unit in blanks.towns:
        passed = passed_promise(unit.blank_note, ctx.today)
        empty = not passed and bool(written(unit.blank_note))
        yield Finding(Location(AGENCY, None, ("单位", index, "空白说明") if passed or empty else ("单位", index)),
                      f"{unit.name}在网站上没有公开信息，" + blank_reason(unit.blank_note, ctx.today),
                      RENEW if passed else
                      ("把这个单位的「空白说明」改写成说明原因的话，" if empty else "在这个单位下加上「空白说明: ……」，")
                      + "如「本乡镇民政办的公示在各村公示栏张贴，不在网站发布」。", prefer_key=True)


@record_part("annual-report")
def _annual_report(ctx: Context, record: Record) -> tuple[int, int | None]:
    """The year *record* was formed, and the year it reports on if it is an annual report on the website as of today
    (registered is not published: it must be out; and out on the 年报 column, not only on a board, as inspect judges)."""
    return record.formed.year, record.reported_year if _web_columns(ctx, record) else None


@rule("GK903", "annual-report-missing", "上一年度的政府信息公开工作年度报告还没有公开", W,
      what="每年2月1日起，检查是否已登记并在网站上公开上一年度的政府信息公开工作年度报告（文种「年度报告」，报告年度为上一年，公开渠道有「政府网站」）。"
           "只检查本目录当年已在使用的年度（启用日期在那一年或更早，或有那一年成文的信息）。",
      why="《政府信息公开条例》第四十九条：行政机关应当于每年1月31日前公布本机关上一年度政府信息公开工作年度报告。",
      example="今天 2027-02-03，没有报告年度为2026的年度报告",
      instead="登记一条 文种: 年度报告 / 报告年度: 2026 / 公开日期不晚于1月31日 的信息",
      scope=VIEW)
def annual_report_missing(ctx: Context) -> Iterator[Finding]:
    year = ctx.today.year - 1
    if ctx.today.month == 1 or not _kept_in(ctx, year):
        return
    if any(reported == year for _, reported in first_parts(ctx.record_parts("annual-report"))):
        return
    yield Finding(Location(AGENCY, None, ("机关",)), f"还没有在网站上公开{year}年度政府信息公开工作年度报告（应于{year + 1}年1月31日前公布）",
                  f"登记并公开报告：文种: 年度报告，报告年度: {year}，公开渠道要有「政府网站」（年报栏目在网站上）；"
                  "数据可用 gongkai report annual 生成。", prefer_key=True)


@rule("GK906", "annual-report-twice", "同一年度有两份年度报告", W,
      what="检查同一报告年度是否有两条以上已公开的年度报告（文种「年度报告」，撤回的不算）。",
      why="网站「政府信息公开年报」栏目把每一份都列出：同一年度两份报告，公众不知道哪一份算数，年度检查时也会被问到。"
          "多半是重新上传了一份，旧的一份应撤回（撤回: 日期、原因）或删去。",
      example="R2026-001 和 R2026-002 的报告年度都是 2025",
      instead="把旧的一份撤回：撤回:\n  日期: 2026-01-20\n  原因: 重新上传了修订后的报告",
      scope=VIEW)
def annual_report_twice(ctx: Context) -> Iterator[Finding]:
    first: dict[int, str] = {}
    for path, object_id, (_, reported) in ctx.record_parts("annual-report"):
        if reported is None:
            continue
        if reported not in first:
            first[reported] = object_id
        elif first[reported] != object_id:
            yield Finding(Location(path, object_id, ("报告年度",)),
                          f"{reported}年度已有一份年度报告（{first[reported]}），这是第二份：网站年报栏目两份都会列出",
                          f"如果这一份是修订后重新上传的，把 {first[reported]} 撤回（撤回: 日期、原因）；"
                          "如果报告年度写错了，改正「报告年度」。", prefer_key=True)


@rule("GK904", "base-address-missing", "没有设置网站基础地址", I,
      what="检查 gongkai.yaml「网站: 基础地址」是否写明本栏目在县政府门户网站上的地址。",
      why="部门政府信息公开栏目设在县政府门户网站上（国办发〔2017〕47号）；网站地图、订阅、门户导出和二维码都需要完整网址，"
          "没有基础地址时 build-site 不生成 sitemap.xml。",
      example="网站:\n  标题: ……",
      instead="网站:\n  基础地址: https://www.fjax.gov.cn/zwgk/zfxxgkzl/bmzfxxgk/mzj/",
      scope=FILE)
def base_address_missing(ctx: Context) -> Iterator[Finding]:
    agency = ctx.catalog.agency
    if agency is not None and agency.site.base_url is None:
        yield Finding(Location(AGENCY, None, ("网站",)),
                      "没有设置「网站: 基础地址」，不会生成 sitemap.xml，订阅和导出中的链接不是完整网址",
                      "在「网站:」下加上「基础地址: https://……/」。", prefer_key=True)


@rule("GK905", "leaders-missing", "没有登记领导信息", W,
      what="检查 gongkai.yaml 是否有「领导」：姓名、职务（可加分工、简历），在「法定主动公开内容 → 领导信息」中公开；"
           "姓名或职务只写了「待定」「无」的，网站不列这一位。",
      why="《政府信息公开条例》第二十条第（二）项：行政机关应当主动公开机关职能、机构设置、办公地址、办公时间、"
          "联系方式、负责人姓名；领导信息栏目空白是年度检查中常见的扣分项。",
      example="（gongkai.yaml 没有「领导」）",
      instead="领导:\n  - 姓名: 赵崇宏\n    职务: 局长\n    分工: 主持全面工作",
      scope=FILE)
def leaders_missing(ctx: Context) -> Iterator[Finding]:
    agency = ctx.catalog.agency
    if agency is None:
        return
    if not agency.leaders:
        yield Finding(Location(AGENCY, None, ("机关",)), "没有登记领导信息，「法定主动公开内容 → 领导信息」将是空的",
                      "在 gongkai.yaml 中加上「领导:」，每位领导写姓名、职务。", prefer_key=True)
    for index, leader in enumerate(agency.leaders):
        for key, value in (("姓名", leader.name), ("职务", leader.title)):
            if not says_something(value):
                yield Finding(Location(AGENCY, None, ("领导", index, key)),
                              f"第{index + 1}位领导的{key}只写了「{value}」，「法定主动公开内容 → 领导信息」不列这一位"
                              + ("，栏目将是空的" if not agency.named_leaders else ""),
                              f"写上实际的{key}；职位空缺的，删去这一位。")



@rule("GK907", "law-category-on-request", "依申请公开的事项标了法定主动公开内容类别", W,
      what="检查「法定类别」（《条例》第二十条的类别，如 规范性文件、财政预决算）是否标在了公开方式为「依申请」的事项上。",
      why="《政府信息公开条例》第二十条列的是行政机关应当主动公开的政府信息，网站「法定主动公开内容」栏目只列主动公开的事项；"
          "依申请公开的事项标了法定类别，说明法定类别或公开方式有一个标错了。网站不把它列在「法定主动公开内容」中。",
      example="公开方式: 依申请\n法定类别: 规范性文件",
      instead="公开方式: 主动\n法定类别: 规范性文件\n（或删去「法定类别」）",
      scope=FILE)
def law_category_on_request(ctx: Context) -> Iterator[Finding]:
    for path, item in ctx.catalog.models("item"):
        if item.law_category is not None and item.mode != PROACTIVE_MODE:
            yield Finding(Location(path, item.id, ("法定类别",)),
                          f"事项 {item.id}「{item.name}」公开方式为「{item.mode}」，却标了法定类别「{item.law_category}」："
                          "《条例》第二十条的内容应当主动公开，网站「法定主动公开内容」不列这个事项",
                          "核对后改正其中一个：公开方式改为「主动」（目录调整须报审），或删去「法定类别」。")


def _kept_in(ctx: Context, year: int) -> bool:
    """True when the catalog was kept in *year*: adopted by then, or holding records formed that year."""
    agency = ctx.catalog.agency
    if agency is not None and agency.adopted is not None:
        return agency.adopted.year <= year
    return any(formed == year for formed, _ in first_parts(ctx.record_parts("annual-report")))


@rule("GK908", "body-link-not-on-site", "正文链接的本目录文件不在网站上", W,
      what="主动公开的信息的正文链接到目录 files/ 中的文件（[申请表](../files/2026/申请表.docx)，或照附件的写法"
           "files/2026/申请表.docx）时，检查这个文件是不是一条主动公开的信息的附件。网站只复制主动公开的信息的附件"
           "（发布前检查过其中的个人信息），别的文件不上网，正文中的这个链接只显示文字；路径写错、文件不存在，或与附件登记的"
           "写法只差大小写、斜杠的，也一样。",
      why="读者点不开链接、下载不到材料，年度检查算作服务不实用；放进 files/ 却没有登记为附件的文件没有经过保密审查和个人信息"
          "检查，不能发布（《政府信息公开条例》第十七条）。",
      example="正文: |\n  请下载[申请表](../files/2026/申请表.docx)填写。\n（申请表.docx 不是任何信息的附件）",
      instead="附件:\n  - 文件: files/2026/申请表.docx\n    名称: 申请表\n（登记为本信息的附件，经保密审查后随本信息发布；"
              "或改正链接的路径，与附件登记的写法一致）",
      scope=KEYED)
def body_link_not_on_site(ctx: Context) -> Iterator[Finding]:
    catalog = ctx.catalog
    shown: set[str] = set()
    written: dict[str, str] = {}  # same_file() → the path a public record's 附件 writes
    withheld = withheld_files(ctx)
    public = [(path, record) for path, record in catalog.models("record") if record.is_public]
    for _, record in public:
        shown.update(attachment.file for attachment in record.attachments)
        written.update((same_file(attachment.file), attachment.file) for attachment in record.attachments)
    for path, record in public:
        for file in dict.fromkeys(link for link in links_of(ctx, path, record) if link[:6].casefold() == FOLDER):
            if file in shown or same_file(file) in withheld:  # (a withheld record's file: GK612, an error)
                continue
            if (attached := written.get(same_file(file))) is not None:
                why = f"与附件登记的「{mask_log(attached)}」写法不同（大小写或斜杠），网站上是两个地址"
            elif file not in catalog.attachments:
                why = "目录中没有这个文件（路径写错了，或文件没有放进 files/）"
            else:
                why = "它不是任何主动公开的信息的附件，网站不复制它"
            location = Location(path, record.id, ("正文",))
            yield Finding(location, f"正文链接的文件「{mask_log(file)}」不会出现在网站上：{why}；网站上这个链接只显示文字",
                          "把这个文件登记为本信息的附件（附件: - 文件: …），经保密审查后随本信息发布；"
                          "或改正链接的路径，与附件登记的写法一致。",
                          line_offset=catalog.block_offset(location, _line_of(record.body, file, list)))


def _line_of(body: str, target: str, read: Callable[[tuple[str, ...]], list[str]]) -> int | None:
    """The first line (0-based) of *body* whose links, *read* from body_links, name *target* by themselves (a
    reference link's address may stand on another line: None)."""
    return next((n for n, line in enumerate(body.splitlines()) if target in read(body_links(line))), None)


@rule("GK909", "body-link-to-missing-record", "正文链接的信息不在网站上", W,
      what="主动公开的信息的正文链接本栏目另一条信息的页面（[通知](R2026-003.html)、records/R2026-003.html）时，检查目录中有没有"
           "这个编号的信息、它是不是主动公开。没有这条信息（编号写错了），或它是依申请公开、不予公开的，网站、门户、公众号和公示栏"
           "上这个链接都只显示文字（不透露不公开的信息是否存在）。还没到公开日期、已撤回的信息不在此列：公开那天链接自动出现，"
           "撤回后只显示文字是应有的样子。",
      why="读者点不开链接，年度检查时这样的链接算错链；编号写错的链接在网站上不显示，不检查就发现不了。",
      example="正文: |\n  详见[低保标准的通知](R2026-0031.html)。\n（目录中没有 R2026-0031，应为 R2026-031）",
      instead="正文: |\n  详见[低保标准的通知](R2026-031.html)。",
      scope=KEYED)
def body_link_to_missing_record(ctx: Context) -> Iterator[Finding]:
    catalog = ctx.catalog
    for path, record in catalog.models("record"):
        if not record.is_public:
            continue
        for linked in dict.fromkeys(linked_pages(links_of(ctx, path, record))):
            target = catalog.records.get(linked) if linked != record.id else record
            if target is not None and target.is_public:
                continue
            why = ("目录中没有这个编号的信息（编号写错了？）" if target is None else
                   f"它是「{target.attribute or '没有标明公开属性'}」的信息")
            location = Location(path, record.id, ("正文",))
            yield Finding(location, f"正文链接的信息「{linked}」不在网站上：{why}；网站上这个链接只显示文字",
                          "核对编号后改正链接（写成 编号.html，如 R2026-031.html）；链接不公开的信息的，删去这个链接。",
                          line_offset=catalog.block_offset(location, _line_of(record.body, linked, linked_pages)))
