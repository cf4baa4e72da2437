"""Defence in depth: every file a build is about to publish is scanned for personal numbers before it moves in.

Independent of the gate's scan of the sources: it reads the assembled outputs themselves, so a bug in one of the two
cannot open the gate alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from gongkai.errors import PublicationStopped
from gongkai.privacy.outputs import OutputFinding, scan_output


def check_outputs(folder: Path, paths: Iterable[str], allowed: frozenset[str], sources: Mapping[str, str]) -> None:
    """Raise PublicationStopped naming every output file (and the record it came from) with unmasked personal data."""
    found: list[tuple[str, OutputFinding]] = []
    for path in paths:
        found.extend((path, f) for f in scan_output(path, (folder / path).read_bytes(), allowed))
    if found:
        raise PublicationStopped(describe(found, sources))


def describe(found: list[tuple[str, OutputFinding]], sources: Mapping[str, str]) -> str:
    lines = [f"生成的文件中发现未遮盖的个人信息，网站没有更新（旧网站保持不变）："]
    for path, finding in found[:50]:
        origin = f"（来自 {sources[path]}）" if path in sources else ""
        lines.append(f"  {path}{origin}：{finding.label}「{finding.masked}」")
    if len(found) > 50:
        lines.append(f"  ……共 {len(found)} 处")
    lines.append("请改正来源文件中的个人信息（遮盖或删除），再运行 gongkai validate 和 gongkai build-site。")
    return "\n".join(lines)
