"""Timing of the search index: full index at 10k and 100k records, a few changed records at 100k, the first query on
a cold page at 100k (bytes transferred, time once loaded), and a full 10k build with search against Hugo + Pagefind.

    .venv/bin/python benchmarks/bench_search.py [--small 10000] [--large 100000] [--skip-large] [--skip-hugo]

Each figure is one run in a fresh process (peak memory is that process's ru_maxrss). The catalogs come from
benchmarks/generate.py; the pages' SearchDocs are made once from the catalog (as the site build makes them) and kept
in benchmarks/out/docs-N.jsonl so that the index is timed alone. The Hugo + Pagefind reference needs Debian's hugo
and pagefind's own binary (pip package pagefind[extended], installed for the benchmark only):
    python3 -m venv benchmarks/out/pagefind-venv && benchmarks/out/pagefind-venv/bin/pip install "pagefind[extended]==1.5.2"
Not run by the tests.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import http.server
import json
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from gongkai.search import SearchDoc, update_index

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
TODAY = dt.date(2026, 11, 27)
PAGEFIND = OUT / "pagefind-venv" / "bin" / "python"
QUERIES = ["特困人员救助供养", "临时救助", "安民〔2026〕1234号", "高龄津贴", "民政", "公积金", "tkry"]


def catalog(records: int) -> Path:
    """The synthetic catalog of *records* records (generated once)."""
    target = OUT / f"site-{records}"
    if not (target / "gongkai.yaml").is_file():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(target), "--records", str(records)], check=True)
    return target


def built_site(records: int) -> tuple[Path, float]:
    """The whole site of the catalog, built fresh with search by the real command; and how long it took."""
    site = OUT / f"site-{records}-full"
    shutil.rmtree(site, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "gongkai", "build-site", str(catalog(records)), "--out", str(site),
                    "--no-cache", "--today", TODAY.isoformat()], check=True, capture_output=True)
    return site, time.perf_counter() - started


def docs_file(records: int) -> Path:
    """The SearchDocs the build passed for the catalog's pages, one JSON line each (read back from a built site)."""
    target = OUT / f"docs-{records}.jsonl"
    if target.is_file():
        return target
    from gongkai.search import files
    from gongkai.search.doc import from_entries

    site = OUT / f"site-{records}-full"
    if not (site / files.META).is_file():
        built_site(records)
    tables = range(files.read(site, files.META)["docs"])  # the page table, url → [page, digest], in shards
    pages = [page for n in tables for page, _ in files.read(site, files.docs_path(n)).values()]
    groups: dict[int, Any] = {}
    with target.open("w", encoding="utf-8") as handle:
        for page in sorted(pages):
            group = groups.get(page // files.GROUP) or groups.setdefault(
                page // files.GROUP, files.read(site, files.group_path(page // files.GROUP)))
            doc = from_entries(group[str(page)], files.read(site, files.text_path(page))[str(page)])
            handle.write(json.dumps(dataclasses.asdict(doc), ensure_ascii=False, default=str) + "\n")
    return target


def read_docs(path: Path) -> list[SearchDoc]:
    docs = []
    for line in path.read_text("utf-8").splitlines():
        raw = json.loads(line)
        raw["date"] = dt.date.fromisoformat(raw["date"]) if raw["date"] else None
        raw["pinyin_terms"] = tuple(raw["pinyin_terms"])
        docs.append(SearchDoc(**raw))
    return docs


def write(site: Path, files: dict[str, bytes], removed: list[str]) -> None:
    for path, payload in files.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(payload)
    for path in removed:
        (site / path).unlink(missing_ok=True)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_s() -> float:
    """CPU seconds of this process and its finished workers (the machine is shared: wall time depends on others)."""
    mine, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + workers.ru_utime + workers.ru_stime


def workers_peak_mb() -> float:
    """The largest peak of the forked workers (each runs beside this process)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


# ---- run in a fresh process each: python bench_search.py _index N SITE / _patch N SITE ----

def _index(records: int, site: Path) -> dict[str, Any]:
    docs = read_docs(docs_file(records))
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    started, cpu = time.perf_counter(), cpu_s()
    update = update_index(site, {d.url: d for d in docs})
    seconds, cpu = time.perf_counter() - started, cpu_s() - cpu
    written = time.perf_counter()
    write(site, update.files, update.removed)
    return {"index_s": seconds, "cpu_s": cpu, "write_s": time.perf_counter() - written, "pages": update.pages,
            "files": len(update.files), "mb": sum(map(len, update.files.values())) / 1e6, "peak_mb": peak_mb(),
            "workers_mb": workers_peak_mb()}


def _patch(records: int, site: Path) -> dict[str, Any]:
    """Three records edited, one added, one removed: what a build with a few changed records passes."""
    docs = [d for d in read_docs(docs_file(records)) if d.kind == "record"]
    middle = len(docs) // 2
    changed: dict[str, SearchDoc | None] = {
        d.url: dataclasses.replace(d, title=d.title + "（更正）", text="（更正）" + d.text) for d in docs[middle:middle + 3]}
    changed[docs[middle + 3].url] = None
    new = dataclasses.replace(docs[0], url="records/R2027-000001.html", title="安溪县民政局关于2027年高龄津贴发放的通知",
                              date=dt.date(2027, 1, 5), doc_number="安民〔2027〕1号", index_number="350524-MZ-2027-000001")
    changed[new.url] = new
    started, cpu = time.perf_counter(), cpu_s()
    update = update_index(site, changed)
    seconds, cpu = time.perf_counter() - started, cpu_s() - cpu
    undo = {url: next((d for d in docs if d.url == url), None) for url in changed}
    write(site, update.files, update.removed)
    back = update_index(site, undo)  # put the index back as it was for the next run
    write(site, back.files, back.removed)
    return {"patch_s": seconds, "cpu_s": cpu, "changed": update.changed, "files": len(update.files), "removed": len(update.removed),
            "kb": sum(map(len, update.files.values())) / 1e3, "peak_mb": peak_mb()}


def fresh(mode: str, records: int, site: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, mode, str(records), str(site)], capture_output=True, text=True,
                          check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# ---- the first query on a cold page ----

def query_site(records: int, index_site: Path) -> Path:
    """The 100k index with the search page and its assets (taken from a build of the bundled catalog)."""
    small = OUT / "bundled-site"
    if not (small / "search/index.html").is_file():
        subprocess.run([sys.executable, "-m", "gongkai", "build-site", str(HERE.parent / "catalog"), "--out",
                        str(small), "--today", TODAY.isoformat()], check=True, capture_output=True)
    (index_site / "search").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(small / "search/index.html", index_site / "search/index.html")
    shutil.copytree(HERE.parent / "src/gongkai/templates/site/assets", index_site / "assets", dirs_exist_ok=True)
    return index_site


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript"}

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        return


def cold_queries(site: Path) -> list[dict[str, Any]]:
    """Per query: bytes transferred by a cold page until the results show, and the time of the same search again."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    found = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                     args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for query in QUERIES:
            context = browser.new_context()
            tab = context.new_page()
            started = time.perf_counter()
            tab.goto(f"{base}search/index.html?q={query}")
            tab.wait_for_function("document.getElementById('search-status').textContent.length > 0", timeout=60000)
            cold = time.perf_counter() - started
            # bytes on the wire (headers included) of the page and of everything it fetched
            sizes = tab.evaluate("performance.getEntriesByType('navigation').concat("
                                 "performance.getEntriesByType('resource')).map(e => e.transferSize)")
            status = tab.inner_text("#search-status")
            again = tab.evaluate("async q => { const t = performance.now(); await window.gongkaiSearch.run(q, []);"
                                 " return performance.now() - t; }", query)
            found.append({"query": query, "kb": sum(sizes) / 1e3, "requests": len(sizes), "cold_s": cold,
                          "loaded_ms": again, "status": status})
            context.close()
        browser.close()
    server.shutdown()
    return found


# ---- a full 10k build with search, against Hugo + Pagefind on the same records ----

def builds(records: int) -> None:
    site, ours = built_site(records)
    print(f"{records} records: gongkai build-site, whole command, fresh, with search  {ours:8.2f} s")
    if shutil.which("hugo") is None or not PAGEFIND.is_file():
        print("    (Hugo + Pagefind skipped: needs Debian's hugo and benchmarks/out/pagefind-venv, see the docstring)")
        return
    import bench_site_hugo
    hugo_site = bench_site_hugo.export(records)
    started = time.perf_counter()
    subprocess.run(["hugo", "--quiet", "--source", str(hugo_site)], check=True)
    hugo = time.perf_counter() - started
    started = time.perf_counter()
    subprocess.run([str(PAGEFIND), "-m", "pagefind", "--site", str(hugo_site / "public"), "--silent"], check=True)
    pagefind = time.perf_counter() - started
    print(f"{records} records: hugo {hugo:.2f} s + pagefind {pagefind:.2f} s = {hugo + pagefind:.2f} s; "
          f"gongkai / (hugo + pagefind) = {ours / (hugo + pagefind):.2f}")


# ---- the alternative: pagefind's Python API with custom records carrying our own keys ----

PAGEFIND_RUN = """
import asyncio, json, resource, sys, time
from pagefind.index import IndexConfig, PagefindIndex
async def main(path, out):
    started = time.perf_counter()
    async with PagefindIndex(IndexConfig(output_path=out)) as index:
        for line in open(path, encoding="utf-8"):
            doc = json.loads(line)
            await index.add_custom_record(url="/" + doc["url"], content=doc["keys"], language="zh",
                                          meta={"title": doc["title"]}, filters={k: [v] for k, v in doc["filters"].items()})
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": time.perf_counter() - started, "peak_mb": children}))
asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


def pagefind_custom(records: int) -> None:
    """Pagefind's documented custom records, each carrying the same keys as gongkai's index (content = keys)."""
    from gongkai.search.keys import doc_keys

    keyed = OUT / f"pagefind-keys-{records}.jsonl"
    with keyed.open("w", encoding="utf-8") as handle:
        for doc in read_docs(docs_file(records)):
            keys = doc_keys(doc)
            handle.write(json.dumps({"url": doc.url, "title": doc.title, "filters": doc.filters,
                                     "keys": " ".join(sorted(keys.head | keys.text))}, ensure_ascii=False) + "\n")
    out = OUT / f"pagefind-{records}"
    shutil.rmtree(out, ignore_errors=True)
    done = subprocess.run([str(PAGEFIND), "-c", PAGEFIND_RUN, str(keyed), str(out)], capture_output=True, text=True,
                          check=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 1e6
    print(f"{records} records: pagefind custom records with gongkai's keys {figures['seconds']:.2f} s, "
          f"peak {figures['peak_mb']:.0f} MB (its service), {size:.1f} MB written; no incremental update")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--skip-hugo", action="store_true")
    parser.add_argument("--pagefind", action="store_true", help="also time pagefind's custom records (the alternative)")
    args = parser.parse_args()
    if args.pagefind:
        pagefind_custom(args.small)
    sizes = [args.small] + ([] if args.skip_large else [args.large])
    for records in sizes:
        docs_file(records)  # made here, so that the index's process holds only what it needs
        figures = fresh("_index", records, OUT / f"search-{records}")
        print(f"{records} records: full index {figures['index_s']:.2f} s, CPU {figures.get('cpu_s', 0):.2f} s "
              f"(+ writing {figures['write_s']:.2f} s), "
              f"{figures['pages']} pages, {figures['files']} files, {figures['mb']:.1f} MB, "
              f"peak {figures['peak_mb']:.0f} MB (workers {figures['workers_mb']:.0f} MB each at most)")
    if not args.skip_large:
        large = OUT / f"search-{args.large}"
        figures = fresh("_patch", args.large, large)
        print(f"{args.large} records: 5 changed records (3 edited, 1 new, 1 removed) {figures['patch_s']:.2f} s, "
              f"CPU {figures.get('cpu_s', 0):.2f} s, "
              f"{figures['files']} files written ({figures['kb']:.0f} KB), {figures['removed']} removed, "
              f"peak {figures['peak_mb']:.0f} MB")
        for row in cold_queries(query_site(args.large, large)):
            print(f"{args.large} records: cold query {row['query']!r}: {row['kb']:.0f} KB in {row['requests']} "
                  f"requests, shown after {row['cold_s']:.2f} s; once loaded {row['loaded_ms']:.0f} ms — {row['status']}")
    if not args.skip_hugo:
        builds(args.small)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1].startswith("_"):
        action = _index if sys.argv[1] == "_index" else _patch
        print(json.dumps(action(int(sys.argv[2]), Path(sys.argv[3]))))
    else:
        main()
