"""Reference: Hugo (Debian's hugo) building the same admitted records as Markdown pages.

    .venv/bin/python benchmarks/bench_site_hugo.py [--records 10000]

Writes benchmarks/out/hugo-N/ (content/records/<id>.md with front matter, a minimal single/list layout) and times
`hugo --quiet`. Same content as gongkai build-site renders for records; not run by the tests.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import time
from pathlib import Path

from gongkai.catalog import load_catalog
from gongkai.site.data import site_data

HERE = Path(__file__).resolve().parent
LAYOUT = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><p>{{ .Params.docnumber }} {{ .Params.published }}</p>{{ .Content }}</main></body></html>
"""
LIST = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
"""


def export(records: int, source: Path | None = None, target: Path | None = None) -> Path:
    """The generated catalog's admitted records as a Hugo site."""
    catalog = load_catalog(source or HERE / "out" / f"site-{records}")
    target = target or HERE / "out" / f"hugo-{records}"
    shutil.rmtree(target, ignore_errors=True)
    (target / "content/records").mkdir(parents=True)
    (target / "layouts/_default").mkdir(parents=True)
    (target / "layouts/_default/single.html").write_text(LAYOUT, "utf-8")
    (target / "layouts/_default/list.html").write_text(LIST, "utf-8")
    (target / "hugo.toml").write_text('baseURL = "/"\nlanguageCode = "zh-CN"\ntitle = "bench"\n'
                                      'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n', "utf-8")
    for admission in site_data(catalog, __import__("datetime").date(2026, 11, 27)).records:
        record = admission.record
        front = {"title": record.title, "docnumber": record.doc_number or "", "published": str(record.published)}
        (target / f"content/records/{record.id}.md").write_text(
            json.dumps(front, ensure_ascii=False) + "\n\n" + (record.body or ""), "utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    args = parser.parse_args()
    site = export(args.records)
    started = time.perf_counter()
    subprocess.run(["hugo", "--quiet", "--source", str(site)], check=True)
    print(f"hugo, {args.records} records: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
