"""The files of a new catalog repository besides the catalog: .gitignore, CI, pre-commit, editor settings, items."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from typing import Any

from gongkai import __version__
from gongkai.authoring import document
from gongkai.model import Item
from gongkai.model.vocab import CHANNELS
from gongkai.schema_export import schema_files
from gongkai.setup.agency_file import CONFIRM, agency_document, blank_note
from gongkai.setup.answers import CiChoice
from gongkai.setup.guidelines import seed_rows
from gongkai.setup.resolve import Setup

CATALOG = "catalog"
WEB = CHANNELS[0]  # 政府网站
CI_FILES: dict[CiChoice, tuple[str, str]] = {
    "github": ("github-actions.yml", ".github/workflows/gongkai.yml"),
    "gitlab": ("gitlab-ci.yml", ".gitlab-ci.yml"),
}
IGNORE = ".gitignore"
PUSHED = "branches: [main]"  # the GitHub template's main branch (GitLab's names $CI_DEFAULT_BRANCH)
GITIGNORE = """\
# gongkai 生成的、不放进 git 的文件
.gongkai-cache/
site/
handover-out/
portal-out/
print-out/
wechat-out/
county-out/
.venv/
"""
PRE_COMMIT = """\
# 提交前自动检查目录（需要先安装 pre-commit：pip install pre-commit，再在本文件夹运行 pre-commit install）。
# 用本机已安装的 gongkai 检查；校验不通过或 YAML 没有整理时不能提交。
repos:
  - repo: local
    hooks:
      - id: gongkai-validate
        name: gongkai validate（校验政务公开目录）
        entry: gongkai validate catalog
        language: system
        files: ^catalog/
        pass_filenames: false
      - id: gongkai-fmt-check
        name: gongkai fmt --check（检查 YAML 是否已整理）
        entry: gongkai fmt --check catalog
        language: system
        files: ^catalog/
        pass_filenames: false
"""


def merged_ignore(existing: str, ours: str) -> str:
    """A repository's own .gitignore with gongkai's lines it lacks added at the end (its own lines kept as they are)."""
    have = {line.strip() for line in existing.splitlines()}
    missing = [line for line in ours.splitlines()
               if line.strip() and not line.startswith("#") and line.strip() not in have]
    if not missing:
        return existing
    head = ours.splitlines()[0]
    return existing + ("" if existing.endswith("\n") or not existing else "\n") + "\n".join(["", head, *missing]) + "\n"


def needs_blank_note(item: Item) -> bool:
    """An item the website shows as a column: it needs a 空白说明 until something is published in it (GK902)."""
    return item.mode == "主动" and WEB in item.channels and not item.blank_note


def item_text(fields: dict[str, Any], adopted: dt.date) -> str:
    """An item file in house style; a 空白说明 marked 待确认 when the website would show the column empty."""
    tree = document.new_document(fields, Item)
    mark_blank(tree, Item.model_validate(fields), adopted)
    return document.dump(tree)


def mark_blank(tree: Any, item: Item, adopted: dt.date) -> bool:
    """Add a generated 空白说明 (with the 待确认 comment) to *tree* when *item* needs one; True if added."""
    if not needs_blank_note(item):
        return False
    tree["空白说明"] = blank_note(adopted)
    tree.yaml_add_eol_comment(CONFIRM, "空白说明")
    return True


def repository_files(setup: Setup, adopted: dt.date, branch: str = "main") -> dict[str, str]:
    """Path in the new repository → text, for every file init writes (items from the seeded guidelines).

    *branch* is the one the catalog is committed on: GitHub runs the workflow on pushes to that branch only.
    """
    files = {
        IGNORE: GITIGNORE,
        ".pre-commit-config.yaml": PRE_COMMIT,
        ".vscode/settings.json": _editor_settings(),
        f"{CATALOG}/gongkai.yaml": document.dump(agency_document(setup, adopted)),
    }
    files.update({f"schema/{name}": text for name, text in schema_files().items()})
    if setup.ci in CI_FILES:
        template, target = CI_FILES[setup.ci]
        text = _pinned(resources.files("gongkai").joinpath("templates", "ci", template).read_text(encoding="utf-8"))
        pushed = f"branches: [{json.dumps(branch, ensure_ascii=False)}]"
        files[target] = text.replace(PUSHED, pushed) if branch != "main" else text
    for seed in setup.seeds:
        for fields in seed_rows(seed.guideline, seed.unit_id, setup.town is not None):
            path = f"{CATALOG}/items/{seed.guideline.code.lower()}/{fields['编号']}.yaml"
            files[path] = item_text(fields, adopted)
    return files


def _pinned(template: str) -> str:
    """The CI template as a new catalog keeps it: its CI runs the gongkai that made the catalog, not whatever is newest
    that day (a new release could fail every bureau's CI at once, or validate one bureau otherwise than the county)."""
    head, _, rest = template.partition("\n")  # 「复制到目录仓库的……」: said to whoever copies the template by hand
    note = (f"# 由 gongkai init 写入。gongkai 固定为建立目录时的版本 {__version__}：升级时把下面各处的版本号一起改掉，"
            "先在本机用新版本运行 gongkai validate。")
    return note + "\n" + rest.replace("pip install gongkai\n", f"pip install gongkai=={__version__}\n")


def _editor_settings() -> str:
    """VS Code (with Red Hat's YAML extension): check and complete the catalog files against the JSON Schema."""
    schemas = {"schema/item.schema.json": f"{CATALOG}/items/**/*.yaml",
               "schema/record.schema.json": f"{CATALOG}/records/**/*.yaml",
               "schema/gongkai.schema.json": f"{CATALOG}/gongkai.yaml"}
    settings = {"yaml.schemas": schemas, "files.encoding": "utf8", "editor.insertSpaces": True,
                "[yaml]": {"editor.tabSize": 2}}
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"
