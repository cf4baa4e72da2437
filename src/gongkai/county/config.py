"""county.yaml: the departments' catalogs the 县政务公开办 reviews (local folders, or git repositories already cloned)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from gongkai.catalog.files import FileKind, ParsedFile, parse_file, pydantic_builder, register_kind
from gongkai.catalog.sources import blob_id
from gongkai.model.base import CatalogModel, Text


# 「目录：../mzj」「目录 ../mzj」「仓库　https://…」: a key of a department written with a full-width colon or none.
_KEY_SLIP = re.compile(r"(目录|仓库|名称)(\s*：\s*|[ \t\u3000\u00a0]+)(\S.*)", re.DOTALL)


class DepartmentEntry(CatalogModel):
    """One department: its catalog folder, or the git repository it was cloned from and where."""

    name: Text | None = Field(None, alias="名称", description="不填时用该目录 gongkai.yaml 中的机关名称")
    folder: Text | None = Field(None, alias="目录", description="目录文件夹（或其上一级的仓库文件夹），相对于 county.yaml")
    repository: Text | None = Field(None, alias="仓库", description="git 仓库地址；须先 git clone 到「目录」或「克隆目录」下")

    @model_validator(mode="before")
    @classmethod
    def _folder_alone(cls, value: object) -> object:
        """「- ../mzj」 as a webmaster writes a list of folders: the department's 目录. 「- 目录：../mzj」 (a full-width
        colon) and 「- 目录 ../mzj」 (no colon) read as one text too, but were meant as the key: no folder is named so."""
        if not isinstance(value, str):
            return value
        if (slip := _KEY_SLIP.match(value)) is not None:
            key, between, rest = slip.groups()
            raise PydanticCustomError("key_without_colon", "「{value}」像是「{key}」的一行，但{what}，读出来是一个文件夹名",
                                      {"value": value, "key": key, "written": f"{key}: {rest}",
                                       "what": "冒号是全角的「：」" if "：" in between else "键名后面少了冒号"})
        return {"目录": value}


class CountyConfig(CatalogModel):
    """The whole of county.yaml."""

    title: Text | None = Field(None, alias="名称", description="如 安溪县政务公开办")
    clones: Text | None = Field(None, alias="克隆目录", description="git 仓库克隆到的文件夹，相对于 county.yaml")
    departments: list[DepartmentEntry] = Field(alias="部门", min_length=1,
                                               description="每个部门写「目录: 文件夹」或「仓库: 地址」；只写文件夹时可简写为「- ../mzj」")


COUNTY_KIND = FileKind("county", "县级汇总设置", pydantic_builder(CountyConfig))
register_kind(COUNTY_KIND)


@dataclass(frozen=True)
class Department:
    """Where one department's catalog is: a folder, and for a repository the address it was cloned from."""

    label: str
    folder: Path
    repository: str | None = None
    name: str | None = None
    problem: str | None = None  # why county.yaml does not say where it is


def read_config(path: Path) -> ParsedFile:
    """county.yaml as a model, or its problems with line and column."""
    data = path.read_bytes()
    return parse_file(path.name, COUNTY_KIND.name, blob_id(data), data)


def departments_of(config: CountyConfig, base: Path) -> list[Department]:
    """The departments of *config*, their folders resolved against *base* (the folder of county.yaml)."""
    found = []
    for number, entry in enumerate(config.departments, start=1):
        folder = base / _local(entry.folder) if entry.folder else None
        if folder is None and entry.repository:
            # https://host/ax/mzj.git, git@host:mzj.git (scp-like, no slash): git clone names the folder mzj
            stem = re.split(r"[/:]", entry.repository.rstrip("/"))[-1].removesuffix(".git")
            folder = base / _local(config.clones or ".") / stem
        label = entry.name or entry.folder or entry.repository or f"第{number}个部门"
        unset = None if folder else (f"county.yaml「部门」的第{number}项没有写「目录」或「仓库」：请写明目录文件夹"
                                     "（如 目录: ../rsj）或已克隆的 git 仓库地址（如 仓库: https://…/rsj.git）")
        found.append(Department(label, folder or base / f"（第{number}个部门）", entry.repository, entry.name, unset))
    return found


def _local(folder: str) -> Path:
    """A folder as written in county.yaml, in this system's form: 「..\\mzj」 written on Windows is ../mzj elsewhere, and
    「~/repos/mzj」 is in the home folder (no shell expands it in a YAML file)."""
    written = folder if os.sep == "\\" or "\\" not in folder else PureWindowsPath(folder).as_posix()
    return Path(written).expanduser()


def departments_from_paths(paths: list[Path]) -> list[Department]:
    """Departments given on the command line, one folder each."""
    return [Department(str(p), p) for p in paths]
