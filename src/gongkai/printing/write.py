"""Write the sheets: one HTML file per sheet plus an index, CSS inline, nothing loaded from anywhere."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from gongkai.catalog import Catalog
from gongkai.errors import output_in_place
from gongkai.files_io import Mark, replace_dir
from gongkai.portal.write import refuse_personal_data
from gongkai.printing.sheets import PrintRun
from gongkai.printing.wechat import WechatRun
from gongkai.processes import interrupts_deferred
from gongkai.site.render import cn_date

TEMPLATES = "templates/print"
# what every run writes: a folder holding it is an earlier run's, which a run may replace
# (files_io.refuse_foreign_output); known by its title, since a website (and the other kind of run) has one too
PRINT_MARKS = (Mark("index.html", "<h1>公示栏和查阅点打印清单</h1>"),)
WECHAT_MARKS = (Mark("index.html", "<h1>公众号文章</h1>"),)
# Body type by paper: a sheet on the board is read from a step away, often by older people.
TYPE_SIZE = {"A4": "16pt", "A3": "22pt"}


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("gongkai", TEMPLATES), autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters["cn_date"] = cn_date
    return env


def render_print(run: PrintRun) -> dict[str, bytes]:
    """Every file of the run by its path: index.html, <unit>/<record>.html and its 电子屏 version."""
    env, common = _environment(), {"run": run, "size": run.size.value, "type_size": TYPE_SIZE[run.size.value]}
    files = {"index.html": env.get_template("index.html").render(common, groups=run.by_unit(), removals=run.removals()).encode("utf-8")}
    for sheet in run.sheets:
        for path, template in ((sheet.path, "sheet.html"), (sheet.screen_path, "screen.html")):
            if path is None:  # not for the 电子屏
                continue
            page = env.get_template(template).render(common, sheet=sheet, record=sheet.admission.record, root="../")
            files[path] = page.encode("utf-8")
    return files


def render_wechat(run: WechatRun) -> dict[str, bytes]:
    """index.html (with the posts to delete) and one article per record."""
    env = _environment()
    files = {"index.html": env.get_template("wechat_index.html").render(run=run, size="A4", type_size="12pt").encode()}
    for article in run.articles:
        page = env.get_template("wechat.html").render(article=article, record=article.admission.record, agency=run.agency)
        files[article.path] = page.encode("utf-8")
    return files


def write_print(catalog: Catalog, run: PrintRun, out: Path) -> int:
    """Write the run to *out* (replacing it whole); the number of sheets."""
    _write(catalog, render_print(run), out, PRINT_MARKS)
    return len(run.sheets)


def write_wechat(catalog: Catalog, run: WechatRun, out: Path) -> int:
    """Write the articles to *out* (replacing it whole); the number of articles."""
    _write(catalog, render_wechat(run), out, WECHAT_MARKS)
    return len(run.articles)


def _write(catalog: Catalog, files: dict[str, bytes], out: Path, marks: tuple[Mark, ...]) -> None:
    refuse_personal_data(catalog, files)
    with replace_dir(out, then=lambda: output_in_place(f"输出文件夹（{out}）已写入"), guard=interrupts_deferred,
                     marks=marks) as staging:
        for path, data in files.items():
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
