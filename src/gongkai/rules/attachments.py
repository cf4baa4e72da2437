"""附件: only regular files inside files/, in a format a bureau may publish, whose content gongkai can read in full.

One check (gongkai.privacy.attachments) decides for validate, for the gate and for every publisher.
"""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.diagnostics import Location, Severity
from gongkai.model.record import Record
from gongkai.privacy import attachment_problem, mask_log, same_file
from gongkai.privacy.links import body_links, linked_paths
from gongkai.rules.base import FILE, FIRST, KEYED, REGISTRY, Context, Finding, rule
from gongkai.rules.privacy import source_findings

E = Severity.ERROR
XSS = ("网页、SVG 和脚本放在门户网站上会被浏览器当作网页执行（存储型跨站脚本），可以冒充门户、窃取登录信息；"
       "可执行文件和压缩包无法检查。")
WITHHELD_HINT = ("这条信息不是主动公开，附件不发布，也不必登记（GK309）：删去这个附件；要保留时，按文件中「文件」那一行改正路径"
                 "（不是主动公开的信息，路径不在此显示）。")
_MEMO = "attachment-problems"  # in Context.extras: every attachment's problem, found once per run (_all_problems)
_LINKS = "body-links"  # in Context.extras: each record's body_links, read once per run (GK612, GK908, GK909)


def _problems(ctx: Context, code: str) -> Iterator[Finding]:
    for code_found, finding in _all_problems(ctx):
        if code_found == code:
            yield finding


def _all_problems(ctx: Context) -> list[tuple[str, Finding]]:
    """(code, finding) of every attachment that may not be published: each attachment checked once in a run, not
    once for each of the five rules that report a kind of problem (100,000 records: a second)."""
    if _MEMO not in ctx.extras:
        catalog = ctx.catalog
        found: list[tuple[str, Finding]] = []
        for path, record in catalog.models("record"):
            for index, attachment in enumerate(record.attachments):
                problem = attachment_problem(catalog, attachment.file)
                if problem is None:
                    continue
                location = Location(path, record.id, ("附件", index, "文件"))
                if record.is_public:
                    found.append((problem.code, Finding(location, f"附件「{mask_log(attachment.file)}」{problem.reason}",
                                                        problem.hint)))
                else:  # its file name is withheld with the record (diff, the line shown): 「林某信访材料.pdf」
                    # (the reason too may name the file: 「文件名太长：「林某…」」): the rule's title says what is wrong
                    said = f"附件第{index + 1}项：{REGISTRY[problem.code].title}"
                    found.append((problem.code, Finding(location, said, WITHHELD_HINT)))
        ctx.extras[_MEMO] = found
    problems: list[tuple[str, Finding]] = ctx.extras[_MEMO]
    return problems


@rule("GK606", "attachment-path-unsafe", "附件路径不安全", E,
      what="检查每条信息的附件路径：必须是目录 files/ 文件夹下的相对路径（用 / 分隔），不能是绝对路径、含「..」或反斜杠，"
           "不能在隐藏文件夹（「.」开头）或 node_modules 等 gongkai 不读取的文件夹中，路径中的任何一级都不能是符号链接（即使指向 files/ 之内），实际位置（realpath）必须在 files/ 之内；"
           "文件名和文件夹名不能是 Windows 的设备名（aux.pdf、CON）、不能含 \\ : * ? \" < > |、不能以点或空格结尾。",
      why="附件会被原样复制到网站和移交两馆的包里。一个指向 /etc/passwd 或机关内部文件的符号链接、一个 ../ 路径，"
          "就会把不该公开的文件发布出去；县政府网站的服务器和两馆的电脑多是 Windows，Windows 存不下的文件名复制时失败，"
          "网页上的附件成为断链。",
      example="附件:\n  - 文件: ../内部/干部名册.xlsx",
      instead="附件:\n  - 文件: files/2026/R2026-012.pdf",
      scope=FILE)
def attachment_path_unsafe(ctx: Context) -> Iterator[Finding]:
    yield from _problems(ctx, "GK606")


@rule("GK607", "attachment-missing", "附件文件不存在或不是普通文件", E,
      what="检查每个附件在 files/ 中确实存在，而且是普通文件（不是文件夹、设备或管道）。",
      why="登记了却找不到的附件在网站上是断链（年度检查扣分），移交两馆时电子件与纸质件数量对不上。",
      example="附件:\n  - 文件: files/2026",
      instead="附件:\n  - 文件: files/2026/R2026-012.pdf",
      scope=FILE)
def attachment_missing(ctx: Context) -> Iterator[Finding]:
    yield from _problems(ctx, "GK607")


@rule("GK608", "attachment-format-refused", "附件格式不允许公开", E,
      what="附件只能是：PDF、OFD、CEB（公文）；DOCX、XLSX、XLS、CSV（名单和表格）；JPG、PNG（图片）。"
           "网页（html、htm、svg）、脚本（js）、程序（exe）、压缩包（zip、rar、7z）一律拒绝；"
           "doc、wps、et 等 gongkai 不能读全文字的格式也拒绝，请另存为 docx、xlsx 或 PDF。",
      why=XSS + "移交两馆只收 PDF 或 CEB（闽政办函〔2016〕42号）；OFD 是国家电子公文版式标准（GB/T 33190-2016）。",
      example="附件:\n  - 文件: files/2026/名单.html",
      instead="附件:\n  - 文件: files/2026/R2026-012.pdf",
      scope=FILE)
def attachment_format_refused(ctx: Context) -> Iterator[Finding]:
    yield from _problems(ctx, "GK608")


@rule("GK609", "attachment-content-mismatch", "附件内容与扩展名不符", E,
      what="按文件内容（文件头）核对格式：PDF 以 %PDF- 开头，docx/xlsx/ofd 是含相应部件的 zip，xls 是 OLE2 复合文档，"
           "JPG、PNG 有各自的文件头，CSV 是文本；不是 zip 格式的文件（PDF、XLS、图片、CEB）末尾不能还接着一个 zip 压缩包。",
      why="把网页改名为 .pdf 或 .png 就能绕过格式限制；浏览器按内容显示文件时，它仍会作为网页执行。" + XSS,
      example="files/2026/通知.pdf（实际是改了扩展名的 HTML 网页）",
      instead="用原程序另存为 PDF，不要只改扩展名。",
      scope=FILE)
def attachment_content_mismatch(ctx: Context) -> Iterator[Finding]:
    yield from _problems(ctx, "GK609")


@rule("GK610", "attachment-unreadable", "附件无法读取，不能确认没有个人信息", E,
      what="主动公开信息的每个附件都要读出全部文字检查个人信息。读不出的附件阻止整条信息发布（宁可不发）："
           "损坏或加密的文件、扫描件（PDF 中只有图片没有文字的页）、图片（JPG、PNG，没有文字识别）、CEB（封闭格式）；"
           "文档中带有拍摄地点（GPS 经纬度）的照片也阻止发布（个人行踪信息）。",
      why="读不出文字就无法证明没有身份证号、银行卡号；过去正是扫描的名单把完整身份证号贴到了网上（DOMAIN.md §7）。",
      example="附件:\n  - 文件: files/2026/名单扫描件.pdf",
      instead="登记有文字的 PDF（由 Word/WPS 直接导出）或 xlsx 名单；已遮盖后再公开。",
      scope=FIRST)
def attachment_unreadable(ctx: Context) -> Iterator[Finding]:
    yield from source_findings(ctx, "GK610")


@rule("GK612", "attachment-of-withheld-record", "主动公开的信息链接了不公开的信息的附件", E,
      what="检查主动公开的信息的附件，和正文链接的本目录文件（[材料](../files/2026/名单.pdf)、门户上的完整网址），"
           "是否也是依申请公开、不予公开（或没有标明公开属性）的信息的附件（同一个文件路径；"
           "files\\2026\\名单.pdf、./files/2026/名单.pdf、只差大小写的写法都算同一个文件）。"
           "这样的附件不会发布，链接它的主动公开信息也不发布（build-site 另按内容比对：同一份文件另存为别的名字也一样）。",
      why="附件按路径复制到网站：同一个文件挂在主动公开的信息下，不予公开的名单、内部材料就会上网（《政府信息公开条例》"
          "第十四条至第十六条）；两条信息对同一份文件的公开属性认定互相矛盾。",
      example="R2026-002 公开属性: 不予公开，附件 files/2026/内部名单.csv；R2026-001 主动公开，附件也是 files/2026/内部名单.csv",
      instead="主动公开的信息删去这个附件；或经保密审查确认可以公开后，把另一条信息改为主动公开。",
      scope=KEYED)
def attachment_of_withheld_record(ctx: Context) -> Iterator[Finding]:
    withheld = withheld_files(ctx)
    for path, record in ctx.catalog.models("record"):
        if not record.is_public:
            continue
        for index, attachment in enumerate(record.attachments):
            other = withheld.get(same_file(attachment.file))
            if other is not None:
                yield Finding(Location(path, record.id, ("附件", index, "文件")),
                              f"附件「{mask_log(attachment.file)}」也是信息 {other}的附件：两条信息的公开属性矛盾，本信息不会发布",
                              "删去本信息的这个附件；或经保密审查确认可以公开后，把另一条信息改为主动公开。")
        linked = {same_file(file): file for file in linked_paths(links_of(ctx, path, record), withheld)}  # (once)
        for file in (file for key, file in linked.items() if key in withheld):
            yield Finding(Location(path, record.id, ("正文",)),
                          f"正文链接的文件「{mask_log(file)}」是信息 {withheld[same_file(file)]}的附件：读者点开链接就能下载，"
                          "本信息不会发布",
                          "删去正文中的这个链接；或经保密审查确认可以公开后，把另一条信息改为主动公开。")


def withheld_files(ctx: Context) -> dict[str, str]:
    """same_file() of every attachment of a record that is not 主动公开 → 「编号（公开属性）」 of the first such record:
    what GK612 names and GK908 leaves to it."""
    withheld: dict[str, str] = {}
    for _, record in ctx.catalog.models("record"):
        if not record.is_public:
            for attachment in record.attachments:
                withheld.setdefault(same_file(attachment.file), f"{record.id}（{record.attribute or '未标明公开属性'}）")
    return withheld


def links_of(ctx: Context, path: str, record: Record) -> tuple[str, ...]:
    """body_links of the record in *path*, rendered once per run however many rules read them (a body with a link
    is rendered as its page is: about a millisecond)."""
    memo: dict[str, tuple[str, ...]] = ctx.extras.setdefault(_LINKS, {})
    if path not in memo:
        memo[path] = body_links(record.body)
    return memo[path]
