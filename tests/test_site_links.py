"""Every page's links lead somewhere: the header and footer every page repeats are made once per depth of a page."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from posixpath import dirname, normpath

from tests.conftest import Run

Gk = Callable[..., Run]
LINK = re.compile(rb'(?:href|src)="([^"#?]*)[^"]*"')


def test_every_relative_link_of_every_page_resolves(bundled: Path, gk: Gk, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert gk("build-site", bundled, "--out", site, "--no-search").code == 0
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert {"index.html", "records/R2026-012.html", "towns/mzb-100/index.html", "directory/shjz/index.html"} <= set(pages)
    broken = []
    for page in pages:
        for target in LINK.findall((site / page).read_bytes()):
            link = target.decode()
            if link and not re.match(r"[a-z]+:", link):
                resolved = normpath(f"{dirname(page)}/{link}" if dirname(page) else link)
                if not (site / resolved).is_file():
                    broken.append((page, link))
    assert broken == []
    # the header as a page two folders deep shows it, typed by hand
    town = (site / "towns/mzb-100/index.html").read_text("utf-8")
    assert '<link rel="stylesheet" href="../../assets/site.css">' in town
    assert '<li><a href="../../zhinan/index.html">政府信息公开指南</a></li>' in town
    assert '<a href="../../towns/index.html">乡镇公开</a>' in town
