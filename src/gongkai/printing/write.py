"""Write the sheets: one HTML file per sheet plus an index, CSS inline, nothing loaded from anywhere."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from gongkai.catalog import Catalog
from gongkai.files_io import replace_dir
from gongkai.portal.write import refuse_personal_data
from gongkai.printing.sheets import PrintRun
from gongkai.site.render import cn_date

TEMPLATES = "templates/print"
# Body type by paper: a sheet on the board is read from a step away, often by older people.
TYPE_SIZE = {"A4": "16pt", "A3": "22pt"}


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("gongkai", TEMPLATES), autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters["cn_date"] = cn_date
    return env


def render_print(run: PrintRun) -> dict[str, bytes]:
    """Every file of the run by its path: index.html and <unit>/<record>.html."""
    env, common = _environment(), {"run": run, "size": run.size.value, "type_size": TYPE_SIZE[run.size.value]}
    files = {"index.html": env.get_template("index.html").render(common, groups=run.by_unit()).encode("utf-8")}
    for sheet in run.sheets:
        page = env.get_template("sheet.html").render(common, sheet=sheet, record=sheet.admission.record, root="../")
        files[sheet.path] = page.encode("utf-8")
    return files


def write_print(catalog: Catalog, run: PrintRun, out: Path) -> int:
    """Write the run to *out* (replacing it whole); the number of sheets."""
    files = render_print(run)
    refuse_personal_data(catalog, files)
    with replace_dir(out) as staging:
        for path, data in files.items():
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return len(run.sheets)
