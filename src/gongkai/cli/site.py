"""gongkai build-site and gongkai serve: the public website."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path
from typing import Annotated

import typer

from gongkai.catalog import load, open_catalog, scan
from gongkai.cli.app import EXIT_OK, app, err, out
from gongkai.cli.options import CatalogArg, NoCacheOpt, TodayOpt, today
from gongkai.cli.quoting import shell_quote
from gongkai.errors import UsageProblem
from gongkai.locking import output_lock
from gongkai.site import build_site, quick_stamp, remember_build, unchanged_since_last_build

OutOpt = Annotated[Path, typer.Option("--out", "-o", help="网站输出文件夹，默认 site/")]


@app.command("build-site")
def build_site_command(
    catalog: CatalogArg = Path("."),
    out_dir: OutOpt = Path("site"),
    no_search: Annotated[bool, typer.Option("--no-search", help="不生成搜索索引（更快，用于预览）")] = False,
    no_cache: NoCacheOpt = False,
    when: TodayOpt = None,
) -> int:
    """生成政务公开网站（静态网页、搜索索引、订阅、开放数据）。只发布通过公开把关的主动公开信息。

    先在旁边生成，完成后一次替换；失败时旧网站保持不变。没有变化的页面不会重写。
    """
    with output_lock(out_dir, "gongkai build-site"):
        return _build(catalog, out_dir, no_search, no_cache, when)


def _build(catalog: Path, out_dir: Path, no_search: bool, no_cache: bool, when: str | None) -> int:
    source, cache = open_catalog(catalog, use_cache=not no_cache)
    listing = scan(source, cache)
    stamp = quick_stamp(listing, search=not no_search)
    if unchanged_since_last_build(out_dir, stamp):
        out.print(f"网站没有变化：{out_dir}（目录、附件和模板都与上次生成时相同，没有写入任何文件）", markup=False)
        return EXIT_OK
    loaded = load(source, listing, cache)
    if loaded.agency is None:
        raise UsageProblem("gongkai.yaml 有错误，无法生成网站。请先运行 gongkai validate 修正。")
    result = build_site(loaded, out_dir, today(when), search=not no_search)
    remember_build(out_dir, stamp)
    for refused in result.refused:
        err.print(f"警告：附件路径不在目录的 files/ 文件夹内，已拒绝：{refused}", markup=False)
    if result.unchanged:
        out.print(f"网站没有变化：{out_dir}（目录、附件和模板都与上次生成时相同，没有写入任何文件）", markup=False)
        return EXIT_OK
    out.print(f"已生成网站：{out_dir}（{result.pages} 个页面，写入 {result.written} 个文件，"
              f"沿用 {result.reused} 个未变文件）", markup=False)
    if not result.xlsx:
        out.print("提示：Excel 格式的目录暂未生成（需要 gongkai.interchange.xlsx）。", markup=False)
    out.print(f"预览：gongkai serve --dir {shell_quote(out_dir)}，然后打开 http://127.0.0.1:8000/", markup=False)
    return EXIT_OK


@app.command("serve")
def serve_command(
    site_dir: Annotated[Path, typer.Option("--dir", "-d", help="网站文件夹，默认 site/")] = Path("site"),
    port: Annotated[int, typer.Option("--port", "-p", help="端口（1—65535），默认 8000", min=1, max=65535)] = 8000,
) -> int:
    """在本机预览网站（只监听 127.0.0.1，按 Ctrl+C 停止）。"""
    if not (site_dir / "index.html").is_file():
        raise UsageProblem(f"「{site_dir}」里没有网站。请先运行 gongkai build-site --out {shell_quote(site_dir)}。")
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        raise UsageProblem(f"无法在端口 {port} 上预览（{exc.strerror}）。请换一个端口，如 --port 8001") from None
    with server:
        out.print(f"正在预览 {site_dir}：http://127.0.0.1:{port}/ （按 Ctrl+C 停止）", markup=False)
        server.serve_forever()
    return EXIT_OK


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site without logging every request to the terminal."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                      ".xml": "application/xml", ".pf_meta": "application/octet-stream"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        return
