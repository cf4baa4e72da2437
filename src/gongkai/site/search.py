"""Chinese search: extra n-gram tokens for pagefind, and running pagefind on the built site."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from gongkai.errors import UsageProblem

CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def ngrams(*texts: str | None) -> str:
    """Every 2-character substring of the CJK runs in *texts* (and 2-character runs), first seen first.

    Pagefind's index-time segmentation keeps 特困人员 as one word, so a search for 供养 or 人员救助 would miss;
    indexing the pairs as well lets any term of two or more characters match: the search box cuts a longer
    query into the same overlapping pairs. 、 separates them so that the segmenter cannot glue them together.
    """
    runs = CJK_RUN.findall(" ".join(t for t in texts if t))
    return "、".join(dict.fromkeys(run[i:i + 2] for run in runs for i in range(len(run) - 1)))


def index_site(site: Path) -> None:
    """Run pagefind (the bundled extended binary, offline) over *site*, writing site/pagefind/."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--force-language", "zh", "--silent"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise UsageProblem(f"生成搜索索引失败（pagefind）：{(done.stderr or done.stdout).strip()[-500:]}")
