"""The search index tried a twenty-fourth time, as citizens with queries we were not shown (the page's own behaviour:
tests/browser/test_hostile24_search.py).

Bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what follows them: 附表 U+202E 表计统fdp.exe
U+202C reads 「附表exe.pdf统计表」. The build takes them out of every page it publishes (render.without_overrides),
but the search index — published too, and laid out by the reader's browser in a result's title and snippet — kept
them in titles, text, item contents and pinyin terms. Now a page's index entry is what the page shows.

Expectations are typed by hand: the title and body as the record writes them, with the characters the page drops
taken out.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from pathlib import Path

import pytest

from gongkai.site import build_site
from tests.conftest import AGENCY, ITEM, RECORD, CatalogDir
from tests.test_search import pages_with, read

TODAY = dt.date(2026, 11, 27)
RLO, PDF, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
TITLE = "测试县民政局关于印发2026年第三季度低保工作要点的通知"
TITLE_WRITTEN = f"测试县民政局{LRI}关于{PDI}印发2026年第三季度低保工作要点的通知"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalog of one item and one 通知 (conftest's minimal catalog, neither a list of people), built once."""
    root = tmp_path_factory.mktemp("h24")
    catalog = CatalogDir(root / "catalog")
    catalog.write("gongkai.yaml", AGENCY)
    assert ITEM.count("  - 低保对象名单及相关信息\n") == 1
    # the item's content no list of people (a 名单 would keep its records out of the index whole)
    catalog.item(ITEM.replace("  - 低保对象名单及相关信息\n", f"  - 低保政策文件\n  - 行政处罚{RLO}定决\n"))
    record = RECORD.replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示\n", f"题名: {TITLE_WRITTEN}\n")
    record = record.replace("文种: 公示\n", "文种: 通知\n").replace("公示截止: 2026-12-31\n", "")
    record = record.replace("  经审核，现将名单予以公示。\n", f"  附表见茗城{RLO}表计统fdp.exe{PDF}文件\n\n  请各乡镇认真执行。\n")
    assert TITLE_WRITTEN in record and "表计统" in record and "公示" not in record
    catalog.record(record)
    out = root / "site"
    build_site(catalog.root, out, TODAY, use_cache=False)
    return out


def test_no_bidi_control_in_any_index_file(site: Path) -> None:
    found = []
    for path in sorted((site / "search").rglob("*.json.gz")):
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
        found += [f"{path.relative_to(site)}: {m.group()!r}" for m in BIDI.finditer(text)]
    assert found == []
    page = (site / "records/R2026-001.html").read_text("utf-8")
    assert not BIDI.search(page)  # as the page itself (render.without_overrides)


def test_the_title_and_text_are_those_the_page_shows(site: Path) -> None:
    entries: dict[str, list[object]] = {}
    for path in (site / "search/m").iterdir():
        entries.update(json.loads(gzip.decompress(path.read_bytes())))
    titles = {str(e[0]): e[1] for e in entries.values()}
    assert titles["records/R2026-001.html"] == TITLE
    texts: dict[str, dict[str, object]] = {}
    for path in (site / "search/t").iterdir():
        texts.update(read(site, f"search/t/{path.name}"))  # type: ignore[arg-type]
    bodies = [str(t["x"]) for t in texts.values() if "茗城" in str(t["x"])]
    assert len(bodies) == 1 and bodies[0].startswith("附表见茗城表计统fdp.exe文件\n")
    items = [t for t in texts.values() if "行政处罚定决" in str(t["x"])]
    assert len(items) == 1 and "行政处罚定决" in items[0]["p"]  # type: ignore[operator]


def test_the_words_are_found_as_the_page_writes_them(site: Path) -> None:
    assert pages_with(site, "表计统") == {"records/R2026-001.html"}
    assert pages_with(site, "处罚定") == {"items/SHJZ-001.html"}
