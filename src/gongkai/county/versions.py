"""Which gongkai a department's CI installs: the county reads every catalog with one gongkai, each bureau's CI
validates with the one it pins (`gongkai init` pins the version that made the catalog; older catalogs install the
newest of the day). Two versions may judge one catalog differently: the county's notes say where they differ."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from gongkai import __version__
from gongkai.catalog.listing import CatalogNotFound, find_root

# `pip install gongkai==0.1.0`, `pip install "gongkai[xlsx]==0.2.0"`, or unpinned `pip install gongkai`
_INSTALL = re.compile(r"\bpip3?\s+install\b[^\n#]*?(?<![\w.-])gongkai(?:\[[^\]\s]*\])?(?:\s*==\s*([0-9][\w.+!-]*))?"
                      r"(?![\w.-])")


@dataclass(frozen=True)
class Pin:
    """One install of gongkai in a CI file: the version (None: unpinned, the newest of the day), where it is."""

    version: str | None
    file: str  # relative to the repository
    line: int


def ci_pins(folder: Path) -> tuple[Pin, ...]:
    """Every install of gongkai in the CI files (GitHub workflows, .gitlab-ci.yml) beside the department's catalog."""
    try:
        root = find_root(folder)
    except (CatalogNotFound, OSError):
        return ()
    for top in (root.parent, root) if root.name == "catalog" else (root,):
        files = sorted((top / ".github" / "workflows").glob("*.y*ml")) + [top / ".gitlab-ci.yml"]
        pins = tuple(pin for path in files if path.is_file() for pin in _pins(path, top))
        if pins:
            return pins
    return ()


def _pins(path: Path, top: Path) -> list[Pin]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    where = path.relative_to(top).as_posix()
    return [Pin(found.group(1), where, text.count("\n", 0, found.start()) + 1) for found in _INSTALL.finditer(text)]


def version_note(name: str, pins: tuple[Pin, ...]) -> str | None:
    """What the county's notes say when the department's CI runs another gongkai than this one, or None."""
    other = [p for p in pins if p.version != __version__]
    if not other:
        return None
    first = other[0]
    where = f"{first.file} 第{first.line}行"
    if first.version is None:
        return (f"gongkai 版本：{name} 的 CI（{where}）安装 gongkai 时没有写版本号，每次运行用当天最新的版本，可能与本次汇总用的 "
                f"{__version__} 检查的不同：请把该行改为 pip install gongkai=={__version__}（各处一起改）")
    return (f"gongkai 版本：{name} 的 CI（{where}）安装的是 gongkai {first.version}，本次汇总用的是 {__version__}："
            f"两个版本检查的可能不同，本表按 {__version__} 计算。请统一版本：把该部门 CI 中的版本号改为 {__version__}"
            f"（先在本机运行 gongkai validate），或县里改用 gongkai {first.version}")
