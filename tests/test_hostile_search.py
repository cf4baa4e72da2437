"""gongkai.search tried as an inspector would: what an upgrade of gongkai leaves in a site's index."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from gongkai.search import SearchDoc, files, update_index

DOCS = [SearchDoc("records/R2026-001.html", "关于调整低保标准的通知", doc_number="安民〔2026〕012号",
                  text="各乡镇：现将有关事项通知如下。"),
        SearchDoc("records/R2026-002.html", "特困人员救助供养", text="落实特困人员救助供养制度。")]


def _write(site: Path, written: dict[str, bytes]) -> None:
    for path, data in written.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(data)


def _meta(site: Path) -> dict[str, object]:
    loaded: dict[str, object] = json.loads(gzip.decompress((site / files.META).read_bytes()))
    return loaded


def test_an_index_cut_by_older_rules_is_rebuilt_even_when_no_page_changed(tmp_path: Path) -> None:
    """After an upgrade that changes how text is cut (012号 = 12号), search.js cuts queries the new way: an index
    left as the older gongkai cut it would no longer find what it holds. An unchanged site must not keep it."""
    site = tmp_path / "site"
    _write(site, update_index(None, {d.url: d for d in DOCS}).files)
    meta = _meta(site)
    meta["tokens"] = 1  # as the gongkai before tokenizer rules 2 wrote it
    (site / files.META).write_bytes(gzip.compress(json.dumps(meta, ensure_ascii=False).encode("utf-8")))
    update = update_index(site, {}, lambda: DOCS)  # a build in which no page changed
    assert update.rebuilt
    _write(site, update.files)
    assert _meta(site)["tokens"] == files.TOKENS == 8
    for changed in ({}, {DOCS[0].url: DOCS[0]}):  # and then it stays as it is
        assert update_index(site, changed, lambda: DOCS).files == {}
