"""错链/断链 and 附件下载: every internal link of the built site resolves to a file in it; no network.

Every href/src of every page (and the links of feed.xml and sitemap.xml) is resolved against the page. A link under
the site's base address (gongkai.yaml 网站 → 基础地址, e.g. https://www.fjax.gov.cn/…/mzj/), or root-relative under
its path, is internal and must name a file of the site; a link elsewhere on the same portal cannot be checked offline
and is listed for review; links to other hosts found in 正文 are listed for review too.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from gongkai.errors import UsageProblem
from gongkai.inspect.context import Inspection
from gongkai.inspect.sheet import Check, Deduction, Evidence, Status
from gongkai.privacy.links import shown_links
from gongkai.search.files import META, SEARCH_DIR
from gongkai.site.store import Store

SKIPPED_SCHEMES = {"data", "mailto", "tel", "javascript", "sms"}
# gongkai's own pages quote every attribute; a regular expression reads 9,000 pages several times faster than a parser.
_HTML_LINK = re.compile(r"""\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_XML_LINK = re.compile(r'href="([^"]*)"|<loc>([^<]*)</loc>')
_ANCHOR = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
SEARCH_PAGE = f"{SEARCH_DIR}/index.html"
TOP = "top"  # 「#top」 scrolls to the top of any page (HTML: the indicated part of the document)


def page_links(text: str, xml: bool = False) -> list[str]:
    """The URLs a page (href, src) or a feed and sitemap (href, <loc>) links to, entities decoded."""
    pattern = _XML_LINK if xml else _HTML_LINK
    return [html.unescape(a or b).strip() for a, b in pattern.findall(text)]


@dataclass(frozen=True)
class Base:
    """Where the site is deployed: host and path of its base address (path "/" when none is set)."""

    host: str | None
    path: str

    @staticmethod
    def of(address: str | None) -> Base:
        if not address:
            return Base(None, "/")
        parts = urlsplit(address)
        path = unquote(parts.path)  # links are compared decoded (classify): /zwgk/部门/ and /zwgk/%E9%83%A8%E9%97%A8/ alike
        path = path if path.endswith("/") else path + "/"
        return Base(parts.hostname, path)


def classify(page: str, url: str, base: Base) -> tuple[str, str]:
    """("skip" | "internal" | "case" | "portal" | "external", site-relative path or the URL) for one link on *page*.

    "case": the site's path in other letters (「/ZWGK/MZJ/…」 for 「/zwgk/mzj/」) — meant for the site, but a path is
    case-sensitive (RFC 3986; most portal servers answer it with 404), so it is a broken link, not another column.

    The path is percent-decoded before anything else, as the server does: 「%2E%2E/」 climbs like 「../」, and
    「/zwgk/%6Dzj/」 is under 「/zwgk/mzj/」."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    path = unquote(parts.path)
    if not url or url.startswith("#") or scheme in SKIPPED_SCHEMES:
        return "skip", url
    if scheme or url.startswith("//"):
        if base.host is None or (parts.hostname or "").lower() != base.host.lower():
            return "external", url
        return _under_base(path or "/", base, url)
    if path.startswith("/"):
        return _under_base(path, base, url) if base.host else ("internal", _target(path.lstrip("/")))
    if not path:
        return "skip", url  # ?query or the page itself
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if joined == ".." or joined.startswith("../"):
        return ("portal", url) if base.host else ("internal", joined)
    return "internal", _target(joined + ("/" if path.endswith("/") else ""))


def _under_base(path: str, base: Base, url: str) -> tuple[str, str]:
    path = posixpath.normpath(path) + ("/" if path.endswith("/") and path != "/" else "")
    if path.startswith(base.path) or path + "/" == base.path:
        return "internal", _target(path[len(base.path):])
    head = path[:len(base.path)].lower()
    if head == base.path.lower() or path.lower() + "/" == base.path.lower():
        return "case", _target(path[len(base.path):])
    return "portal", url


def _target(path: str) -> str:
    """The file a (decoded) site path names: a folder means its index.html."""
    if path in ("", ".", "./"):
        return "index.html"
    return path + "index.html" if path.endswith("/") else path


def site_files(site: Path) -> dict[str, int]:
    """Site-relative path → size of every file of the built site."""
    if not site.is_dir():
        raise UsageProblem(f"--site 指定的文件夹「{site}」不存在：先运行 gongkai build-site 生成网站，再检查")
    found: dict[str, int] = {}
    for folder, _, names in os.walk(site):
        rel = os.path.relpath(folder, site).replace(os.sep, "/")
        for name in names:
            path = name if rel == "." else f"{rel}/{name}"
            found[path] = os.path.getsize(os.path.join(folder, name))
    return found


DOWNLOADS = frozenset({"pdf", "doc", "docx", "xls", "xlsx", "et", "wps", "ofd", "csv", "txt", "zip", "rar", "7z"})


@dataclass(frozen=True)
class Broken:
    """An internal link that does not resolve: the target, the first page linking it, and on how many pages."""

    target: str
    url: str
    page: str
    pages: int
    why: str


def crawl(site: Path, base: Base) -> tuple[list[Broken], list[tuple[str, str]]]:
    """Broken internal links of the built site (a #fragment must name an id or name on its page), and (page, URL) of
    links elsewhere on the portal."""
    files = site_files(site)
    broken: dict[str, Broken] = {}
    portal: dict[str, str] = {}  # URL → the first page linking it
    anchors: dict[str, set[str]] = {}  # page → the ids and names in it
    aimed: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (page, fragment) → (URL, linking page) …
    seen: dict[tuple[str, str], tuple[str, str, str | None]] = {}  # (folder, URL) → kind, target, why broken
    for page in sorted(p for p in files if p.endswith((".html", ".xml")) and not p.startswith(("pagefind/", "."))):
        text = (site / page).read_text(encoding="utf-8", errors="replace")
        folder = posixpath.dirname(page)
        if page.endswith(".html"):
            anchors[page] = {html.unescape(a or b) for a, b in _ANCHOR.findall(text)}
        for url in dict.fromkeys(page_links(text, xml=page.endswith(".xml"))):
            if (folder, url) not in seen:  # every page repeats the navigation: resolve each link once per folder
                kind, target = classify(page, url, base)
                why = _missing(target, files) if kind == "internal" else _case(base) if kind == "case" else None
                seen[folder, url] = (kind, target, why)
            kind, target, why = seen[folder, url]
            if kind == "portal":
                portal.setdefault(url, page)
            elif why:
                _add(broken, Broken(target, url, page, 1, why))
            elif kind in ("internal", "skip") and (fragment := _fragment(url)):
                aimed.setdefault((page if url.startswith("#") else target, fragment), []).append((url, page))
    for (target, fragment), links in aimed.items():
        if target in anchors and fragment not in anchors[target]:
            for url, page in links:
                _add(broken, Broken(f"{target}#{fragment}", url, page, 1, f"页面中没有「{fragment}」这个位置"))
    if SEARCH_PAGE in files and _missing(META, files):
        # the search page's script reads the index (no href names it): without it every page's 「搜索」 finds nothing
        _add(broken, Broken(META, META, SEARCH_PAGE, 1, "是搜索页要读的搜索索引，网站中没有（或是空的）：网站上的「搜索」不能使用，"
                            "网站是用 --no-search 生成的；不带 --no-search 重新运行 gongkai build-site 后再部署"))
    return sorted(broken.values(), key=lambda b: b.target), [(page, url) for url, page in portal.items()]


def _fragment(url: str) -> str:
    """The #fragment a link aims at, decoded; "" for none, for 「#」 and for 「#top」."""
    fragment = unquote(urlsplit(url).fragment)
    return "" if fragment.lower() == TOP else fragment


def _add(broken: dict[str, Broken], found: Broken) -> None:
    """Count a broken link once per target: the first page linking it, and on how many pages."""
    first = broken.get(found.target)
    broken[found.target] = replace(found, page=first.page, pages=first.pages + 1) if first else found


def _case(base: Base) -> str:
    return f"路径的大小写与网站地址「{base.path}」不同：网址的路径区分大小写，多数服务器上打不开"


def _missing(target: str, files: dict[str, int]) -> str | None:
    """Why a site path cannot be opened, or None when it can."""
    if target.startswith("../"):
        return "指向网站文件夹以外"
    size = files.get(target, files.get(target.rstrip("/") + "/index.html"))
    if size is None:
        return "文件不存在"
    if size == 0:  # an empty 申请表 or open-data file cannot be downloaded either; an empty page shows nothing
        return "文件为空，无法下载" if is_download(target) else "页面是空的（0字节），打开是一片空白"
    return None


def is_download(target: str) -> bool:
    """True for a file a reader downloads (附件下载): an attachment under files/, or a document elsewhere on the site
    (the 指南's 申请表, the open data), as against a page."""
    return target.startswith("files/") or target.rsplit(".", 1)[-1].lower() in DOWNLOADS


def body_links(run: Inspection, base: Base) -> Iterator[tuple[str, str, str]]:
    """(record id, URL, kind) of every link in a published 正文 that leaves the site, or names it in other letters: the
    links its page makes (an address pasted as raw HTML, in a code span or typed bare is words there, not a link)."""
    for record in run.shown:
        for url in shown_links(record.body):
            if url.lower().startswith(("http://", "https://")) and (kind := classify("", url, base)[0]) != "internal":
                yield record.id, url, kind


def catalog_attachments(run: Inspection) -> dict[str, Evidence]:
    """Attachments shown on the web that are empty files in the catalog, by path (the gate keeps out missing ones)."""
    sizes = {path: size for path, size, _, _ in run.catalog.attachment_stats}
    found: dict[str, Evidence] = {}
    for record in run.shown:
        for attachment in record.attachments:
            if sizes.get(attachment.file) == 0:
                found.setdefault(attachment.file, Evidence(f"「{record.title}」的附件 {attachment.file} 是空文件",
                                                           record.id, run.path("record", record.id)))
    return found


# What a link typed into a 正文 is to the reviewer: a page elsewhere on the county portal is not another website
_REVIEW = {"external": "正文链接到其他网站：{url}", "portal": "正文链接到门户网站本栏目以外（离线无法核对）：{url}",
           "case": "正文链接「{url}」{case}"}


def check_links(run: Inspection) -> tuple[Deduction, Deduction, Check]:
    """错链/断链 and 附件无法下载 (扣分), and the links to review by hand (a warning)."""
    agency = run.catalog.agency
    base = Base.of(agency.site.base_url or agency.org.website if agency else None)
    settings = run.thresholds.deductions
    attachments = catalog_attachments(run)
    found = list(body_links(run, base))
    review = [Evidence(_REVIEW[kind].format(url=readable(url), case=_case(base)), record_id,
                       run.path("record", record_id))
              for record_id, url, kind in found if kind != "case" or run.site is None]
    if run.site is None:
        note = "没有给出 --site：网站的链接未检查。先运行 gongkai build-site，再用 gongkai inspect --site site 检查"
        links = settings.links.deduction("links", "网站可用性", [], note, checked=False)
        files = settings.attachments.deduction("attachments", "服务实用情况", list(attachments.values()),
                                               "没有给出 --site：只核对了目录 files/ 中的附件不是空文件")
        return links, files, _review(run, review)
    broken, portal = crawl(run.site, base)  # (a folder that is not there is refused first)
    stale = _site_of(run, run.site)
    for item in (b for b in broken if is_download(b.target)):
        attachments.setdefault(item.target, _evidence(item))
    links = settings.links.deduction("links", "网站可用性",
                                     [_evidence(b) for b in broken if not is_download(b.target)], stale)
    files = settings.attachments.deduction("attachments", "服务实用情况", list(attachments.values()))
    named = {url for _, url, kind in found if kind == "portal"}  # (the page of that record links it too)
    review += [Evidence(f"链接到门户网站本栏目以外（离线无法核对）：{readable(url)}", None, page)
               for page, url in portal if url not in named]
    return links, files, _review(run, review)


def _site_of(run: Inspection, site: Path) -> str | None:
    """Whether *site* is this catalog's site as built today: a site where no record on the web today has a page with its
    title is another catalog's (UsageProblem); one missing some, holding the page of a record that is off the web today
    (withdrawn, no longer 主动公开 or on the web), or built for a day after which the gate decides otherwise (a 公示
    ended: its list of names still on the page), is older than the catalog (a note saying what must come down)."""
    missing = [r.id for r in run.web_records if not _shows(site / "records" / f"{r.id}.html", r.title)]
    if run.web_records and len(missing) == len(run.web_records):
        raise UsageProblem(f"--site 指定的文件夹「{site}」中没有本目录任何一条已公开信息的页面：它不是由本目录生成的网站。"
                           "先运行 gongkai build-site 本目录 --out 文件夹，再用 --site 检查该文件夹")
    said = []
    if missing:
        said.append(f"缺少今天已公开的 {len(missing)} 条信息的页面（{_some(missing)}）")
    extra = _off_the_web(run, site)
    if extra:
        said.append(f"还有今天不应在网站上的 {len(extra)} 条信息的页面（{_some(extra)}）")
    head, _ = Store.read_head(site)
    if head.built_on is not None and head.next_change is not None and head.built_on < run.today \
            and head.next_change <= run.today:
        said.append(f"网站是按 {head.built_on} 生成的，{head.next_change} 起就应重新生成（公示期满的名单、撤回的信息、"
                    "失效的文件在这个文件夹中还是生成时的样子）")
    if not said:
        return None
    return (f"网站文件夹{'；'.join(said)}：网站不是按今天的目录生成的，链接检查的是旧网站，部署在门户网站上的"
            "也是这样。先运行 gongkai build-site 重新生成，再部署到门户网站")


def _some(ids: list[str]) -> str:
    return "、".join(ids[:10]) + ("……" if len(ids) > 10 else "")


def _off_the_web(run: Inspection, site: Path) -> list[str]:
    """The records whose page the site folder holds though they are not on the web today: withdrawn, no longer 主动公开,
    no longer published on the web, or gone from the catalog. By 编号 only: a withdrawn record's title may be why."""
    try:
        names = [p.name for p in (site / "records").iterdir()]
    except OSError:
        return []
    on_web = {r.id for r in run.web_records}
    withdrawn = {r.id for r in run.gate.withdrawn}
    pages = sorted(n.removesuffix(".html") for n in names if n.endswith(".html"))
    return [f"{i}（已撤回）" if i in withdrawn else i for i in pages if i not in on_web]


def _shows(page: Path, title: str) -> bool:
    """True when the site's *page* exists and shows *title*."""
    try:
        text = page.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return html.escape(title, quote=False) in text or title in html.unescape(text)


def _evidence(broken: Broken) -> Evidence:
    more = f" 等{broken.pages}个页面" if broken.pages > 1 else ""
    return Evidence(f"链接「{readable(broken.url)}」{broken.why}（{broken.page}{more}）", None, broken.page)


def readable(url: str) -> str:
    """*url* as a person reads it: a page writes a Chinese file name percent-encoded (../files/2026/%E4%BD%8E….pdf),
    the sheet names it in characters (../files/2026/低保办事指南.pdf), as the catalog and the file manager do."""
    return unquote(url, errors="replace") if "%" in url else url


def _review(run: Inspection, evidence: list[Evidence]) -> Check:
    return Check("review-links", "网站可用性", "需人工核对的链接（其他网站、门户本栏目以外）",
                 "离线不访问外部网站：请人工打开核对（不计分）", run.thresholds.deductions.links.source,
                 Status.FAIL if evidence else Status.PASS, evidence, len(evidence))
