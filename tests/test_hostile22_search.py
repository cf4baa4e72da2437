"""The search index tried a twenty-second time, as a citizen and an inspector would: a record page shows its
attachments by name (「附件」: 养老服务设施分布一览表), yet a search for that name found nothing — the index held the
title, 文号, 索引号 and body only. The names now are lines of the record's text (「附件：…」), so the snippet shows and
marks them; a list of people stays out of the index whole, names of its attachments too.

Expectations are read by hand from the bundled catalog (catalog/records/…): R2026-012's only attachment is
files/2026/R2026-012.pdf, named 安民〔2026〕21号 there; this module names it 养老服务设施分布一览表, which no other
file of the catalog writes. Keys are typed by hand (tokens.py: a CJK character as itself; a query of four or more
characters is the chain of its triples).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from gongkai.site import build_site
from tests.conftest import BUNDLED
from tests.test_search import pages_with, read

TODAY = dt.date(2026, 11, 27)
SHEET = "养老服务设施分布一览表"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("h22")
    catalog = root / "catalog"
    shutil.copytree(BUNDLED, catalog, ignore=shutil.ignore_patterns(".gongkai-cache"))
    record = catalog / "records/2026/R2026-012.yaml"
    text = record.read_text("utf-8")
    assert "    名称: 安民〔2026〕21号\n" in text
    record.write_text(text.replace("    名称: 安民〔2026〕21号\n", f"    名称: {SHEET}\n"), "utf-8")
    # a list of people (R2026-020, 临时救助对象名单公示) whose attachment is named with a word of its own
    listing = catalog / "records/2026/R2026-020.yaml"
    text = listing.read_text("utf-8")
    assert "    名称: 安溪县2026年7月临时救助对象名单公示\n" in text
    listing.write_text(text.replace("    名称: 安溪县2026年7月临时救助对象名单公示\n", "    名称: 湖上村救助花名册\n"), "utf-8")
    out = root / "site"
    build_site(catalog, out, TODAY, use_cache=False)
    return out


def test_an_attachment_name_finds_its_record(site: Path) -> None:
    """Pieces of the name that no other page writes, in its middle and at its end, finds R2026-012 and no other page."""
    for key in ("设施分", "施分布", "分布一", "布一览", "一览表"):
        assert pages_with(site, key) == {"records/R2026-012.html"}, key
    assert pages_with(site, "览表") == {"records/R2026-012.html"}


def test_the_attachment_name_is_a_line_of_the_text(site: Path) -> None:
    """The snippet is cut from the text: the name stands there on a line of its own, after the body, labelled; no key
    runs from the body's last line into it (the body of R2026-012 ends with the line 「2026年5月22日」)."""
    meta = read(site, "search/meta.json.gz")
    texts: dict[str, dict[str, object]] = {}
    for path in (site / "search/t").iterdir():
        texts.update(read(site, f"search/t/{path.name}"))  # type: ignore[arg-type]
    bodies = [str(entry["x"]) for entry in texts.values()]
    holding = [b for b in bodies if SHEET in b]
    # then the dates its 文件信息 table shows (tokenizer rules 8, test_hostile35_search_citizen)
    assert len(holding) == 1 and holding[0].endswith(f"\n附件：{SHEET}\n成文日期：2026年5月22日\n公开日期：2026年5月26日")
    assert pages_with(site, "日附件") == set() and pages_with(site, "日附") == set()
    assert meta["pages"] == len(texts)  # type: ignore[index]


def test_a_list_of_people_stays_out_with_its_attachment_names(site: Path) -> None:
    assert pages_with(site, "湖上村") == set()
    assert pages_with(site, "花名册") == set()
