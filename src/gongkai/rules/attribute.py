"""公开属性源头认定 and 保密审查: every document marked, reviewed, and consistent with its item."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.diagnostics import Location, Severity
from gongkai.model import vocab
from gongkai.publication.review import conclusion_problem
from gongkai.rules.base import FILE, KEYED, Context, Finding, rule

E, W = Severity.ERROR, Severity.WARNING
GROUNDS = "、".join(f"{g.name}（{g.article}）" for g in vocab.WITHHOLDING_GROUNDS)


@rule("GK301", "attribute-missing", "未标识公开属性", E,
      what="检查每条信息是否标明了公开属性：主动公开、依申请公开或不予公开。",
      why="公开属性源头认定制度：公文在制作时由起草股室进行保密审查并明确标识公开属性，"
          "未标识公开属性的，应退回重新办理（安溪县民政局基层政务公开标准化规范化试点工作实施方案）。",
      example="（信息文件中没有「公开属性」）",
      instead="公开属性: 主动公开\n保密审查:\n  审查人: ……\n  审查日期: ……\n  结论: ……",
      scope=FILE)
def attribute_missing(ctx: Context) -> Iterator[Finding]:
    for path, record in ctx.catalog.models("record"):
        if record.attribute is None:  # 「公开属性:」 written and left empty is shown where it is, else at the 编号
            where = ("公开属性",) if "attribute" in record.model_fields_set else ("编号",)
            # not its 题名: a record without 公开属性 is not public (the gate, diff), and this is read in CI logs
            yield Finding(Location(path, record.id, where),
                          "这条信息未标识公开属性，按规定应退回起草股室重新办理（退回重新办理）",
                          "由起草股室进行保密审查后填写「公开属性: 主动公开 / 依申请公开 / 不予公开」。")


@rule("GK302", "withheld-without-ground", "不予公开缺少法定理由", E,
      what="检查不予公开的信息是否写明了《政府信息公开条例》第十四至十六条规定的理由。",
      why="不予公开必须有法定依据（《条例》第十四、十五、十六条）；没有依据的不予公开违反「以公开为常态、不公开为例外」。",
      example="公开属性: 不予公开",
      instead="公开属性: 不予公开\n不予公开理由: 过程性信息",
      scope=FILE)
def withheld_without_ground(ctx: Context) -> Iterator[Finding]:
    for path, record in ctx.catalog.models("record"):
        if record.attribute == vocab.WITHHELD and record.ground is None:
            yield Finding(Location(path, record.id, ("公开属性",)), "不予公开的信息没有写明不予公开理由",
                          f"添加「不予公开理由: ……」，可选：{GROUNDS}。")
        if record.ground is not None and record.attribute != vocab.WITHHELD:
            yield Finding(Location(path, record.id, ("不予公开理由",)),
                          f"信息的公开属性是「{record.attribute or '未标识'}」，却写了不予公开理由",
                          "若确应不予公开，把公开属性改为「不予公开」；否则删除「不予公开理由」。")


@rule("GK303", "review-missing", "主动公开未经保密审查", E,
      what="检查主动公开的信息是否记录了保密审查（审查人、审查日期、结论），结论是否同意主动公开。没有审查、结论没有同意公开"
           "（涉及秘密、不予公开、暂缓、依申请公开、待审查，或没有写「同意」「可以公开」）的信息哪里都不发布。",
      why="《政府信息公开条例》第十七条：行政机关应当建立健全政府信息公开审查机制；公开前必须先审查。",
      example="公开属性: 主动公开（没有「保密审查」）",
      instead="保密审查:\n  审查人: 何隆遐\n  审查日期: 2026-03-02\n  结论: 不涉及国家秘密，同意主动公开",
      scope=FILE)
def review_missing(ctx: Context) -> Iterator[Finding]:
    for path, record in ctx.catalog.models("record"):
        if record.is_public and record.review is None:
            yield Finding(Location(path, record.id, ("公开属性",)), "主动公开的信息没有保密审查记录",
                          "添加「保密审查」，写明审查人、审查日期和结论。")
        elif record.is_public and (problem := conclusion_problem(record.review.conclusion)) is not None:
            yield Finding(Location(path, record.id, ("保密审查", "结论")), f"{problem}，这条信息不会发布",
                          "经保密审查同意公开后，把结论写成「不涉及国家秘密，同意主动公开」；否则把公开属性改为依申请公开或不予公开。")


@rule("GK304", "published-before-review", "先公开后审查", E,
      what="检查公开日期是否早于保密审查日期，审查日期是否早于成文日期。",
      why="《政府信息公开条例》第十七条：先审查、后公开；公开后才审查等于没有审查。",
      example="公开日期: 2026-03-02\n保密审查:\n  审查日期: 2026-03-05",
      instead="审查日期不晚于公开日期：审查日期: 2026-03-02",
      scope=FILE)
def published_before_review(ctx: Context) -> Iterator[Finding]:
    for path, record in ctx.catalog.models("record"):
        review = record.review
        if review is None:
            continue
        if record.published is not None and review.date > record.published:
            yield Finding(Location(path, record.id, ("保密审查", "审查日期")),
                          f"保密审查日期 {review.date} 晚于公开日期 {record.published}：先公开后审查",
                          "公开前必须完成保密审查；请核对两个日期。")
        if review.date < record.formed:
            yield Finding(Location(path, record.id, ("保密审查", "审查日期")),
                          f"保密审查日期 {review.date} 早于成文日期 {record.formed}",
                          "审查的是成文的文件，审查日期不应早于成文日期；请核对。")


@rule("GK305", "proactive-under-on-request-item", "主动公开信息挂在依申请事项下", W,
      what="检查主动公开的信息是否挂在公开方式为「依申请」的事项下。",
      why="事项的公开方式决定这一类信息怎么公开；两者不一致，说明事项的公开方式或信息的公开属性有一个标错了。",
      example="事项 SHZZ-006 公开方式: 依申请；其下信息 公开属性: 主动公开",
      instead="核对后改正其中一个：把信息挂到正确的事项，或调整事项的公开方式（目录调整须报审）。",
      scope=KEYED)
def proactive_under_on_request(ctx: Context) -> Iterator[Finding]:
    items = ctx.catalog.items
    for path, record in ctx.catalog.models("record"):
        item = items.get(record.item or "")
        if item is not None and record.is_public and item.mode == "依申请":
            yield Finding(Location(path, record.id, ("事项",)),
                          f"主动公开的信息挂在公开方式为「依申请」的事项「{item.name}」下",
                          "把信息挂到公开方式为「主动」的事项下，或核对公开属性。")


@rule("GK306", "forward-attribute-differs", "转发文件的公开属性与原文件不同", E,
      what="检查转发文件的公开属性是否与被转发的原文件一致。原文件不是主动公开的，转发件（以及转发它的转发件）不发布。",
      why="转发文件的公开属性随原文件而定：原文件主动公开，转发件也应主动公开；原文件不公开，转发件不得公开。",
      example="原文件 公开属性: 依申请公开；转发件 公开属性: 主动公开",
      instead="转发件 公开属性: 依申请公开（与原文件一致）",
      scope=KEYED)
def forward_attribute(ctx: Context) -> Iterator[Finding]:
    records = ctx.catalog.records
    for path, record in ctx.catalog.models("record"):
        original = records.get(record.forwards or "")
        if original is not None and original.attribute and record.attribute and original.attribute != record.attribute:
            yield Finding(Location(path, record.id, ("公开属性",)),
                          f"转发件的公开属性「{record.attribute}」与原文件 {original.id} 的「{original.attribute}」不同",
                          f"改为「{original.attribute}」，与所转发的原文件一致。")


@rule("GK307", "index-number-missing", "主动公开信息缺少索引号", E,
      what="检查主动公开的信息是否有索引号。",
      why="主动公开的文件须印有索引号，移交档案馆、图书馆的目录表按索引号登记。",
      example="公开属性: 主动公开（没有「索引号」）",
      instead="索引号: 350524-MZ-2026-00012",
      scope=FILE)
def index_number_missing(ctx: Context) -> Iterator[Finding]:
    for path, record in ctx.catalog.models("record"):
        if record.is_public and not record.index_number:
            yield Finding(Location(path, record.id, ("公开属性",)), "主动公开的信息没有索引号",
                          "添加「索引号: ……」；gongkai new record 会分配下一个索引号。")


@rule("GK308", "publish-date-missing", "主动公开信息缺少公开日期", W,
      what="检查主动公开的信息是否写了公开日期。",
      why="公开日期用于核对公开时限和移交两馆批次；没有公开日期的信息不会进入网站最新信息和移交清单。",
      example="公开属性: 主动公开（没有「公开日期」）",
      instead="公开日期: 2026-03-05",
      scope=FILE)
def publish_date_missing(ctx: Context) -> Iterator[Finding]:
    for path, record in ctx.catalog.models("record"):
        if record.is_public and record.published is None:
            yield Finding(Location(path, record.id, ("公开属性",)), "主动公开的信息没有公开日期",
                          "发布后填写「公开日期」；尚未发布的信息，发布时再填写。")


@rule("GK309", "non-public-content", "非主动公开信息带有正文、附件或公开渠道", W,
      what="检查依申请公开、不予公开的信息是否登记了正文、附件或公开渠道。",
      why="非主动公开的信息只登记元数据（题名、文号、日期、理由）；正文和附件留在公文系统，减少误公开的可能。"
          "它不在任何渠道发布（网站、公众号、公示栏都没有），写了公开渠道会让人以为已经张贴或发布。",
      example="公开属性: 不予公开\n正文: ……\n公开渠道: [社区/企事业单位/村公示栏（电子屏）]",
      instead="删除「正文」「附件」和「公开渠道」，只保留登记信息。",
      scope=FILE)
def non_public_content(ctx: Context) -> Iterator[Finding]:
    for path, record in ctx.catalog.models("record"):
        if record.attribute in (vocab.ON_REQUEST, vocab.WITHHELD) and (record.body or record.attachments):
            field = "正文" if record.body else "附件"
            yield Finding(Location(path, record.id, (field,)),
                          f"{record.attribute}的信息登记了{field}", "只保留登记信息，删除正文和附件。",
                          prefer_key=True)
        if record.attribute in (vocab.ON_REQUEST, vocab.WITHHELD) and record.channels:
            yield Finding(Location(path, record.id, ("公开渠道",)),
                          f"{record.attribute}的信息登记了公开渠道「{'、'.join(record.channels)}」，但它不在任何渠道发布",
                          "删除「公开渠道」；确应在这些渠道公开的，把「公开属性」改为主动公开并经保密审查。",
                          prefer_key=True)
