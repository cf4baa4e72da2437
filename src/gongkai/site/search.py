"""Chinese search: extra n-gram tokens for pagefind, and running pagefind on the built site."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from gongkai.errors import UsageProblem

CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def ngrams(*texts: str | None) -> str:
    """Every 2- and 3-character substring of the CJK runs in *texts*, space-separated, first seen first.

    Pagefind's index-time segmentation keeps 特困人员 as one word, so a search for 供养 or 人员救助 would miss;
    indexing the n-grams as well lets any term of two or more characters match (the search box splits a
    longer query into overlapping pairs).
    """
    seen: dict[str, None] = {}
    for text in texts:
        for run in CJK_RUN.findall(text or ""):
            for size in (2, 3):
                for start in range(len(run) - size + 1):
                    seen.setdefault(run[start:start + size], None)
    return "、".join(seen)


def index_site(site: Path) -> None:
    """Run pagefind (the bundled extended binary, offline) over *site*, writing site/pagefind/."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--force-language", "zh", "--silent"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise UsageProblem(f"生成搜索索引失败（pagefind）：{(done.stderr or done.stdout).strip()[-500:]}")
