"""What a Word or Excel file fetches from elsewhere as it is opened: hostile in a file the county's portal hands out.

A part's relationships (its .rels part) name other parts, and with TargetMode="External" an address outside the file:
a link the reader clicks (a hyperlink: harmless, as a link on a page is), or something Word and Excel load themselves
as the file opens — a template (attachedTemplate: \\\\host\\share\\t.dotm, the reader's Windows login sent to that
host), an object (oleObject: http://…/x.html!, the Follina attack, CVE-2022-30190), a picture (every reader counted by
that host, the canary-token trick), a frame, a sub-document, another workbook's values. A published file must load
nothing from anywhere (DESIGN.md: the site loads nothing from other hosts), as a PDF with a script is not published.
A path on the clerk's own disk (file:///D:/模板/公文.dotx: Word notes the template a 公文 was made from) loads nothing
on a reader's computer, which has no such file, and is left alone.
"""

from __future__ import annotations

import re
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
