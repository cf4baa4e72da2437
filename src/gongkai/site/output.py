"""Writing the site into a staging folder: unchanged files are hard-linked from the old site, never rewritten."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MANIFEST = ".gongkai-build.json"
VERSION = 2


def digest(data: bytes | str) -> str:
    """A 128-bit content hash (hex): plenty to tell versions of a page apart, half the manifest size."""
    return hashlib.blake2b(data.encode("utf-8") if isinstance(data, str) else data, digest_size=16).hexdigest()


@dataclass
class Manifest:
    """What the last build wrote: per file, the hash of its inputs and of its bytes."""

    fingerprint: str = ""
    files: dict[str, list[str]] = field(default_factory=dict)  # path → [inputs hash, content hash]

    @classmethod
    def read(cls, site: Path) -> Manifest:
        try:
            raw: dict[str, Any] = json.loads((site / MANIFEST).read_text("utf-8"))
        except (OSError, ValueError):
            return cls()
        if raw.get("version") != VERSION:
            return cls()
        return cls(str(raw.get("fingerprint", "")), dict(raw.get("files", {})))

    @staticmethod
    def stamp(site: Path) -> str:
        """The last build's fingerprint, from the manifest's first line only (the fast no-change check)."""
        try:
            with (site / MANIFEST).open(encoding="utf-8") as handle:
                head = json.loads(handle.readline().rstrip().removesuffix('"files":{').rstrip(",") + "}")
        except (OSError, ValueError):
            return ""
        return str(head.get("fingerprint", "")) if head.get("version") == VERSION else ""

    def dumps(self) -> str:
        payload = {"version": VERSION, "fingerprint": self.fingerprint, "files": dict(sorted(self.files.items()))}
        # one file per line keeps the manifest diffable; no indent= so that json uses its C encoder
        lines = [f"{json.dumps(k, ensure_ascii=False)}:{json.dumps(v)}" for k, v in payload["files"].items()]
        head = f'{{"version":{VERSION},"fingerprint":{json.dumps(self.fingerprint)},"files":{{\n'
        return head + ",\n".join(lines) + "\n}}\n"


@dataclass
class Emitter:
    """Puts files into *staging*, reusing the old site's file whenever the inputs or the bytes are the same."""

    old_site: Path
    staging: Path
    old: Manifest
    new: Manifest = field(default_factory=Manifest)
    in_place: bool = False  # True: staging holds only changed files, unchanged ones stay where they are
    written: int = 0
    reused: int = 0
    changed: list[str] = field(default_factory=list)
    _dirs: set[Path] = field(default_factory=set)

    def reuse(self, path: str, inputs: str) -> bool:
        """Keep the old file when its inputs hash is unchanged; True if done (nothing rendered)."""
        previous = self.old.files.get(path)
        if not inputs or previous is None or previous[0] != inputs or not self._keep(path):
            return False
        self.new.files[path] = previous
        self.reused += 1
        return True

    def emit(self, path: str, data: bytes, inputs: str = "") -> None:
        """Write *data* at *path*, or link the old file when the bytes are identical."""
        content = digest(data)
        self.new.files[path] = [inputs, content]
        previous = self.old.files.get(path)
        if previous is not None and previous[1] == content and self._keep(path):
            self.reused += 1
            return
        target = self._target(path)
        target.write_bytes(data)
        self.changed.append(path)
        self.written += 1

    def copy(self, path: str, source: Path) -> None:
        """Copy a file (an attachment) keyed by its size and mtime; reuse the old copy when they match."""
        stat = source.stat()
        inputs = f"{stat.st_size}:{stat.st_mtime_ns}"
        if self.reuse(path, inputs):
            return
        shutil.copyfile(source, self._target(path))
        self.new.files[path] = [inputs, inputs]
        self.changed.append(path)
        self.written += 1

    def _target(self, path: str) -> Path:
        target = self.staging / path
        if target.parent not in self._dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(target.parent)
        return target

    def _keep(self, path: str) -> bool:
        return True if self.in_place else self._link(path)

    def _link(self, path: str) -> bool:
        try:
            os.link(self.old_site / path, self._target(path))
        except OSError:
            return False
        return True

    def link_tree(self, folder: str) -> bool:
        """Hard-link a whole folder of the old site (the search index when no page changed)."""
        source = self.old_site / folder
        if not source.is_dir():
            return False
        shutil.copytree(source, self.staging / folder, copy_function=os.link, dirs_exist_ok=True)
        return True
