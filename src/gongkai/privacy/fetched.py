"""What an attachment fetches from elsewhere or runs as it is opened: hostile in a file the county's portal hands out.

A part's relationships (its .rels part) name other parts, and with TargetMode="External" an address outside the file:
a link the reader clicks (a hyperlink: harmless, as a link on a page is), or something Word and Excel load themselves
as the file opens — a template (attachedTemplate: \\\\host\\share\\t.dotm, the reader's Windows login sent to that
host), an object (oleObject: http://…/x.html!, the Follina attack, CVE-2022-30190), a picture (every reader counted by
that host, the canary-token trick), a frame, a sub-document, another workbook's values. A published file must load
nothing from anywhere (DESIGN.md: the site loads nothing from other hosts), as a PDF with a script is not published.
A path on the clerk's own disk (file:///D:/模板/公文.dotx: Word notes the template a 公文 was made from) loads nothing
on a reader's computer, which has no such file, and is left alone.

Word does the same by its fields: DDE and DDEAUTO start another program (the 2017 DDE attack: cmd.exe from a
document, no macro), INCLUDEPICTURE, INCLUDETEXT and LINK load a picture, text or object from the address they name.

A PDF does the same by its actions: it runs a program (/Launch), sends or loads form data (/SubmitForm, /ImportData),
opens a file on another computer (/GoToR, /GoToE), or an address as it opens, without a click (/OpenAction, /AA).
A link the reader clicks (an annotation's /URI) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

from gongkai.characters import cut_short
from gongkai.privacy.extract import Unreadable

_RELATIONSHIP = re.compile(r"<(?:[\w.-]+:)?Relationship\b([^>]*)>")
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# what each kind of relationship has Word or Excel load, by the last word of its Type
_LOADED = {"attachedtemplate": "模板", "oleobject": "嵌入对象", "image": "图片", "frame": "框架中的网页",
           "subdocument": "子文档", "externallinkpath": "外部工作簿的数据", "externallink": "外部工作簿的数据",
           "package": "嵌入的文件", "video": "视频", "audio": "音频", "media": "音视频"}


def refuse_fetched(part: str, source: str) -> None:
    """Unreadable when the relationships part *part* (its text *source*) has the file load anything from an address
    outside it; a hyperlink the reader clicks is left alone."""
    for element in _RELATIONSHIP.finditer(source):
        attributes = {m.group(1).rsplit(":", 1)[-1].lower(): m.group(2) if m.group(2) is not None else m.group(3)
                      for m in _ATTRIBUTE.finditer(element.group(1))}
        if attributes.get("targetmode", "").strip().lower() != "external":
            continue
        kind = attributes.get("type", "").rstrip("/").rsplit("/", 1)[-1].lower()
        target = attributes.get("target", "").strip()
        if kind == "hyperlink" or not remote(target):
            continue
        what = _LOADED.get(kind, "内容")
        target = cut_short(target, 60)
        raise Unreadable(f"文档的「{part}」让 Word、Excel 打开文件时从文件以外的地址「{target}」载入{what}：读者一打开文件，"
                         "电脑就会访问这个地址（可能把读者的登录凭据发给对方，或载入恶意内容），不能公开；请在 Word、"
                         "Excel 中把链接的图片、对象改为嵌入，去掉链接的模板（「文件 → 选项 → 加载项 → 模板」）或外部链接"
                         "（「数据 → 编辑链接 → 断开链接」），另存后再登记")


# a scheme (http:, ftp:, mhtml:, ms-word: …); in a file: address, a host, or a share after its 「//」 (file:////host/x)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]+):", re.IGNORECASE)
_LOCAL_HOST = re.compile(r"(?:localhost|[a-z][:|])?", re.IGNORECASE)  # (a drive letter: file://C:/x)


def remote(target: str) -> bool:
    """Whether a relationship's target is an address on another computer: a web address, a network share
    (\\\\host\\share, //host/share, file://host/share); not a path on the computer that opens the file."""
    address = unquote(target).strip().replace("\\", "/")
    if address.startswith("//"):
        return True
    scheme = _SCHEME.match(address)
    if scheme is None:
        return False
    if scheme.group(1).lower() != "file":
        return True
    rest = address[scheme.end():]
    if not rest.startswith("//"):
        return False
    host, _, path = rest[2:].partition("/")
    return _LOCAL_HOST.fullmatch(host) is None or (not host and path.startswith("/"))


# a Word field's type and what follows it: its first argument, quoted or not
_FIELD = re.compile(r'\s*(\w+)\s*(?:"([^"]*)"|(\S*))')
_FIELD_LOADS = {"includepicture": "图片", "includetext": "文字", "link": "对象", "import": "图片"}


def refuse_fetching_fields(part: str, codes: list[str]) -> None:
    """Unreadable when a field of the Word part *part* (its *codes*, wordml.field_codes) starts a program or loads
    what it shows from another computer."""
    for code in codes:
        field = _FIELD.match(code)
        if field is None:
            continue
        kind, target = field.group(1).lower(), field.group(2) if field.group(2) is not None else field.group(3)
        if kind in ("dde", "ddeauto"):
            raise Unreadable(f"文档的「{part}」中有 {field.group(1).upper()} 域「{cut_short(code.strip(), 40)}」：Word 打开文件时"
                             "会启动其他程序，不能公开；请删除这个域（按 Alt+F9 显示域代码后删去），另存后再登记")
        if kind in _FIELD_LOADS and remote(target):
            raise Unreadable(f"文档的「{part}」中的 {field.group(1).upper()} 域让 Word 从文件以外的地址「{cut_short(target, 60)}」"
                             f"载入{_FIELD_LOADS[kind]}：读者一打开文件，电脑就会访问这个地址，不能公开；请把它换成嵌入的"
                             "图片或文字（选中后按 Ctrl+Shift+F9 把域转为结果），另存后再登记")


# PDF actions that run or send something whatever they are attached to, and what each does
_PDF_RUNS = {"/Launch": "运行电脑上的程序", "/SubmitForm": "把表单中填写的内容发送到别处", "/ImportData": "从文件以外载入表单数据"}


def pdf_action_problem(node: Any) -> str | None:
    """Why a PDF whose dictionary *node* this is may not be published (pdf_action_problem sees every dictionary of the
    file, pypdf's objects), or None."""
    kind = node.get("/S")
    if kind in _PDF_RUNS:
        return f"PDF 中有{_PDF_RUNS[kind]}的动作（{kind[1:]}）"
    if kind in ("/GoToR", "/GoToE") and remote(target := _file_name(node.get("/F"))):
        return f"PDF 中有打开另一台电脑上的文件「{cut_short(target, 60)}」的动作"
    for key in ("/OpenAction", "/AA"):  # (what happens as the file or a page opens, or the pointer passes)
        for action in _actions(_resolved(node.get(key)), key == "/AA"):
            if action.get("/S") == "/URI":
                return f"PDF 一打开就访问地址「{cut_short(str(_resolved(action.get('/URI'))), 60)}」（不经读者点击）"
    return None


def _actions(value: Any, triggers: bool) -> Iterator[Any]:
    """The action dictionaries of an /OpenAction (*triggers*: of an /AA, one per trigger), along their /Next chains."""
    todo = [_resolved(v) for v in value.values()] if triggers and hasattr(value, "values") else [value]
    seen = 0
    while todo and seen < 1000:
        action = _resolved(todo.pop())
        seen += 1
        if hasattr(action, "get"):
            yield action
            following = _resolved(action.get("/Next"))
            todo.extend(following if isinstance(following, list) else [following] if following is not None else [])


def _file_name(spec: Any) -> str:
    """The file a PDF file specification names: a string, or a dictionary's /UF, /F or /DOS."""
    spec = _resolved(spec)
    if hasattr(spec, "get"):
        return next((str(_resolved(spec.get(k))) for k in ("/UF", "/F", "/DOS", "/Unix") if spec.get(k)), "")
    return str(spec) if spec is not None else ""


def _resolved(value: Any) -> Any:
    return value.get_object() if hasattr(value, "get_object") else value
