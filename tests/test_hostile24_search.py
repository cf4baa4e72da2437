"""The search index tried a twenty-fourth time, as citizens with queries we were not shown (the page's own behaviour:
tests/browser/test_hostile24_search.py).

Bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what follows them: 附表 U+202E 表计统fdp.exe
U+202C reads 「附表exe.pdf统计表」. The build takes them out of every page it publishes (render.without_overrides),
but the search index — published too, and laid out by the reader's browser in a result's title and snippet — kept
them in titles, text, item contents and pinyin terms. Now a page's index entry is what the page shows.

Expectations are typed by hand: the title of R2026-027 as the bundled catalog writes it, with the characters the
page drops taken out.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import shutil
from pathlib import Path

import pytest

from gongkai.site import build_site
from tests.conftest import BUNDLED
from tests.test_search import pages_with, read

TODAY = dt.date(2026, 11, 27)
RLO, PDF, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
TITLE = "安溪县民政局关于2026年社会组织“双随机、一公开”抽查结果的公告"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("h24")
    catalog = root / "catalog"
    shutil.copytree(BUNDLED, catalog, ignore=shutil.ignore_patterns(".gongkai-cache"))
    record = catalog / "records/2026/R2026-027.yaml"
    text = record.read_text("utf-8")
    assert text.count(f"题名: {TITLE}\n") == 1 and text.count("正文: |\n") == 1
    text = text.replace(f"题名: {TITLE}\n", f"题名: 安溪县民政局{LRI}关于{PDI}2026年社会组织“双随机、一公开”抽查结果的公告\n")
    text = text.replace("正文: |\n", f"正文: |\n  附表见茗城{RLO}表计统fdp.exe{PDF}文件\n\n")
    record.write_text(text, "utf-8")
    item = catalog / "items/shzz/SHZZ-006.yaml"
    text = item.read_text("utf-8")
    assert text.count("  - 行政处罚决定\n") == 1
    item.write_text(text.replace("  - 行政处罚决定\n", f"  - 行政处罚{RLO}定决\n"), "utf-8")
    out = root / "site"
    build_site(catalog, out, TODAY, use_cache=False)
    return out


def test_no_bidi_control_in_any_index_file(site: Path) -> None:
    found = []
    for path in sorted((site / "search").rglob("*.json.gz")):
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
        found += [f"{path.relative_to(site)}: {m.group()!r}" for m in BIDI.finditer(text)]
    assert found == []
    page = (site / "records/R2026-027.html").read_text("utf-8")
    assert not BIDI.search(page)  # as the page itself (render.without_overrides)


def test_the_title_and_text_are_those_the_page_shows(site: Path) -> None:
    entries: dict[str, list[object]] = {}
    for path in (site / "search/m").iterdir():
        entries.update(json.loads(gzip.decompress(path.read_bytes())))
    titles = {str(e[0]): e[1] for e in entries.values()}
    assert titles["records/R2026-027.html"] == TITLE
    texts: dict[str, dict[str, object]] = {}
    for path in (site / "search/t").iterdir():
        texts.update(read(site, f"search/t/{path.name}"))  # type: ignore[arg-type]
    bodies = [str(t["x"]) for t in texts.values() if "茗城" in str(t["x"])]
    assert len(bodies) == 1 and bodies[0].startswith("附表见茗城表计统fdp.exe文件\n")
    items = [t for t in texts.values() if "行政处罚定决" in str(t["x"])]
    assert len(items) == 1 and "行政处罚定决" in items[0]["p"]  # type: ignore[operator]


def test_the_words_are_found_as_the_page_writes_them(site: Path) -> None:
    assert pages_with(site, "表计统") == {"records/R2026-027.html"}
    assert pages_with(site, "处罚定") == {"items/SHZZ-006.html"}
