"""gongkai build-site and gongkai serve: the public website."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import sys
import urllib.parse
from pathlib import Path
from typing import Annotated, Any

import typer

from gongkai.cli.app import EXIT_OK, app, err, keep, out
from gongkai.cli.options import CatalogArg, NoCacheOpt, TodayOpt, real_today, today
from gongkai.cli.quoting import shell_quote
from gongkai.catalog.listing import find_root
from gongkai.errors import UsageProblem, crash_summary, describe_os_error
from gongkai.locking import output_lock
from gongkai.site import build_site
from gongkai.workdays import notice_path

OutOpt = Annotated[Path, typer.Option("--out", "-o", help="网站输出文件夹，默认 site/")]


@app.command("build-site")
def build_site_command(
    catalog: CatalogArg = Path("."),
    out_dir: OutOpt = Path("site"),
    no_search: Annotated[bool, typer.Option("--no-search", help="不生成搜索索引（更快，用于预览）")] = False,
    no_cache: NoCacheOpt = False,
    when: TodayOpt = None,
) -> int:
    """生成本机关的政府信息公开栏目（静态网页、搜索索引、订阅、开放数据）。

    只发布公开把关放行、公开渠道含“政府网站”的主动公开信息；公示期满的名单自动撤下，所以网站内容取决于日期
    （--today，默认今天）。先在旁边生成，全部成功并通过个人信息复查后才替换；失败时旧网站保持不变。
    """
    with output_lock(out_dir, "gongkai build-site"):
        result = build_site(catalog, out_dir, today(when), search=not no_search, use_cache=not no_cache,
                            now=real_today())
    keep(result)
    if result.blocked:  # one print: a catalog with hundreds held back prints them in a few milliseconds
        err.print("\n".join(f"警告：{record_id} 没有发布：{reason}" for record_id, reason in result.blocked.items()),
                  markup=False)
    for warning in result.warnings:
        err.print(f"提示：{warning}", markup=False)
    if result.unchanged:
        out.print(f"网站没有变化：{out_dir}（目录、附件、模板和公示状态都与上次生成时相同，没有写入任何文件）", markup=False)
    else:
        out.print(f"已生成网站：{out_dir}（{result.pages} 个文件；重新生成 {result.made} 个，"
                  f"写入 {result.written} 个，删除 {result.removed} 个）", markup=False)
    if result.taken_down:
        out.print(f"已从网站撤下 {len(result.taken_down)} 个文件（撤回、公示期满、改了编号、渠道改变、公开日期删去或改晚、"
                  "不再通过公开审核，或事项、乡镇从目录中删去；"
                  "部署到门户网站的副本中也请删除）：", markup=False)
        for path in result.taken_down:
            out.print(f"  {path}", markup=False)
    if result.next_change is not None:
        year = (result.next_change - dt.timedelta(days=1)).year  # the year of the 公示's last day
        provisional = ""
        if result.next_change_provisional:
            path = notice_path(year)
            if (find_root(catalog) / path).is_file():  # there, yet the day is provisional: it has errors, not used
                why = f"{path} 有错误，没有使用），改正后会变（运行 gongkai validate 查看并改正）"
            else:
                why = f"{year}年的节假日安排尚未录入），录入通知后会变"
            provisional = f"这一天是按暂定的节假日安排算出的公示期满次日（{why}；"
        out.print(f"下次变化：{result.next_change.isoformat()}{'（暂定）' if provisional else ''}（公示期满、到达公开日期、"
                  f"撤回日期或有效性日期），{provisional}请在这一天重新生成网站。", markup=False)
    out.print(f"预览：gongkai serve --dir {shell_quote(out_dir)}，然后打开 http://127.0.0.1:8000/", markup=False)
    return EXIT_OK


@app.command("serve")
def serve_command(
    site_dir: Annotated[Path, typer.Option("--dir", "-d", help="网站文件夹，默认 site/")] = Path("site"),
    port: Annotated[int, typer.Option("--port", "-p", help="端口（1—65535），默认 8000", min=1, max=65535)] = 8000,
) -> int:
    """在本机预览网站（只监听 127.0.0.1，按 Ctrl+C 停止）。"""
    if not (site_dir / "index.html").is_file():
        if (site_dir / "gongkai.yaml").is_file():  # the catalog: build-site would refuse it as --out
            raise UsageProblem(f"「{site_dir}」是目录文件夹（有 gongkai.yaml），不是网站。请先运行 "
                               f"gongkai build-site {shell_quote(site_dir)} --out site，再运行 gongkai serve --dir site。")
        raise UsageProblem(f"「{site_dir}」里没有网站。请先运行 gongkai build-site --out {shell_quote(site_dir)}。")
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    try:
        server = PreviewServer(("127.0.0.1", port), handler)
    except OSError as exc:
        other = port + 1 if port < 65535 else 8001
        raise UsageProblem(f"无法在端口 {port} 上预览（{describe_os_error(exc)}）。请换一个端口，如 --port {other}") from None
    with server:
        out.print(f"正在预览 {site_dir}：http://127.0.0.1:{port}/ （按 Ctrl+C 停止）", markup=False)
        try:
            server.serve_forever()
        except KeyboardInterrupt:  # the way to stop that the line above gives: a preview ended, nothing interrupted
            out.print("已停止预览。", markup=False)
    return EXIT_OK


class PreviewServer(http.server.ThreadingHTTPServer):
    """The preview's server: a browser that goes away mid-page is no error, and nothing prints a traceback."""

    def handle_error(self, request: object, client_address: object) -> None:
        """socketserver printed a Python traceback on the terminal each time a download was cancelled."""
        exc = sys.exc_info()[1]
        if exc is None or isinstance(exc, (ConnectionError, TimeoutError)):  # the browser closed the connection
            return
        err.print(f"预览时有一个请求没有完成（{crash_summary(exc)}）：网站文件没有受影响，刷新页面即可重试。", markup=False)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site without logging every request to the terminal."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                      ".xml": "application/xml", ".pf_meta": "application/octet-stream"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        return

    def send_head(self) -> Any:
        """An address holding a NUL (/%00) is no file: 404, where the file system's ValueError dropped the request."""
        if "\x00" in urllib.parse.unquote(self.path):
            self.send_error(404)
            return None
        return super().send_head()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The error page a person reads, in Chinese (http.server's is English); the status line keeps the standard
        reason phrase, which HTTP writes in ASCII."""
        title, text = NOT_FOUND if code == 404 else OTHER_ERROR
        self.error_message_format = ERROR_PAGE.format(title=title, text=text)
        super().send_error(code)

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        """A folder without index.html is no page: the portal lists no folder either, so the preview does not."""
        self.send_error(404)


ERROR_PAGE = ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
              '<title>%(code)d - {title}</title>\n</head>\n<body>\n<h1>%(code)d</h1>\n<p>{text}</p>\n'
              '<p><a href="/">返回首页</a></p>\n</body>\n</html>\n')
NOT_FOUND = ("找不到网页", "网站里没有这个地址：可能已经撤下，或者地址写错了。请从首页进入，或用搜索查找。")
OTHER_ERROR = ("无法处理", "无法处理这个请求。请从首页进入。")
