"""The command line as a user meets it: Chinese help everywhere, exit codes, output formats, rule explanations."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUNDLED, ROOT, RECORD
from gongkai.cli import app, command_modules, load_commands
from gongkai.rules import REGISTRY
from gongkai.rules.base import FAMILIES

CJK = re.compile(r"[\u4e00-\u9fff]")


def command_paths() -> list[list[str]]:
    """Every command and sub-command of the app, as argv prefixes."""
    import typer.main  # noqa: PLC0415

    load_commands([])

    root = typer.main.get_command(app)
    found: list[list[str]] = []

    def walk(command, prefix: list[str]) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            found.append(prefix + [name])
            walk(sub, prefix + [name])

    walk(root, [])
    return found


def test_top_help_is_chinese(gk):
    run = gk("--help")
    assert run.code == 0
    assert "用法" in run.out and "命令" in run.out and "选项" in run.out
    assert "Show this message" not in run.out and "Usage:" not in run.out


@pytest.mark.parametrize("argv", command_paths(), ids=lambda a: " ".join(a))
def test_every_command_has_chinese_help(gk, argv):
    run = gk(*argv, "--help")
    assert run.code == 0, run.err
    description = run.out.split("选项")[0]
    assert CJK.search(description), run.out
    assert "Show this message" not in run.out


def test_every_command_is_documented_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [" ".join(a) for a in command_paths() if f"gongkai {' '.join(a)}" not in readme]
    assert not missing, missing


def test_each_top_level_command_is_found_without_importing_every_module():
    """gongkai imports only the module of the command being run; the map from name to module must be complete."""
    top = {path[0] for path in command_paths()}
    assert top == set(command_modules())
    for name, module in command_modules().items():
        run = subprocess.run([sys.executable, "-c", f"import sys; from gongkai.cli import load_commands; "
                              f"load_commands(['{name}']); print(sorted(m for m in sys.modules if m.startswith('gongkai.cli.')))"],
                             capture_output=True, text=True, check=True)
        assert f"gongkai.cli.{module}" in run.stdout


def test_python_dash_m_works(tmp_path):
    run = subprocess.run([sys.executable, "-m", "gongkai", "rule", "GK301"], capture_output=True, text=True)
    assert run.returncode == 0 and "退回重新办理" in run.stdout


def test_exit_codes(gk, cat, tmp_path):
    assert gk("validate", cat.root).code == 0
    assert gk("validate", tmp_path / "nowhere").code == 2
    assert gk("validate", cat.root, "--format", "yaml").code == 2
    assert gk("validate", cat.root, "--today", "明天").code == 2
    cat.record(RECORD.replace("公开属性: 主动公开\n", ""))
    assert gk("validate", cat.root).code == 1


def test_strict_makes_warnings_fail(gk, cat):
    cat.record(RECORD.replace("公开日期: 2026-09-03", "公开日期: 2026-09-30"))  # late: a warning
    assert gk("validate", cat.root).code == 0
    assert gk("validate", cat.root, "--strict").code == 1


def test_missing_catalog_message_is_chinese(gk, tmp_path):
    run = gk("validate", tmp_path)
    assert run.code == 2 and "gongkai.yaml" in run.err and "Traceback" not in run.err


def test_severity_override_in_gongkai_yaml(gk, cat):
    cat.record(RECORD.replace("公开日期: 2026-09-03", "公开日期: 2026-09-30"))
    agency = (cat.root / "gongkai.yaml").read_text(encoding="utf-8")
    cat.write("gongkai.yaml", agency + "检查:\n  严重程度:\n    GK402: error\n")
    assert gk("validate", cat.root).code == 1
    cat.write("gongkai.yaml", agency + "检查:\n  严重程度:\n    GK402: 'off'\n")
    run = gk("validate", cat.root, "--strict", "--format", "json")
    assert run.code == 0 and run.json()["diagnostics"] == []


def test_text_output_groups_by_file_and_shows_the_line(gk, cat):
    cat.record(RECORD.replace("页数: 1", "页数: 三"))
    run = gk("validate", cat.root)
    lines = run.out.splitlines()
    assert lines[0] == "records/2026/R2026-001.yaml"
    assert re.match(r"\s+16:5 错误 GK103 ", lines[1])
    assert "页数: 三" in lines[2] and lines[3].rstrip().endswith("^")
    assert "改正：" in run.out


def test_json_shape(gk, cat):
    cat.record(RECORD.replace("页数: 1", "页数: 三"))
    data = gk("validate", cat.root, "--format", "json").json()
    assert data["version"] == 1
    assert data["summary"] == {"files": 3, "errors": 1, "warnings": 0, "infos": 0}
    (diag,) = data["diagnostics"]
    assert set(diag) == {"code", "severity", "message", "path", "line", "column", "end_line", "end_column", "id",
                         "field", "hint"}
    assert (diag["path"], diag["line"], diag["column"], diag["id"], diag["field"]) == (
        "records/2026/R2026-001.yaml", 16, 5, "R2026-001", "页数")


def test_github_annotations(gk, cat):
    cat.record(RECORD.replace("页数: 1", "页数: 三"))
    run = gk("validate", cat.root, "--format", "github")
    assert run.out.startswith("::error file=records/2026/R2026-001.yaml,line=16,col=5,title=GK103::")


def test_sarif_declares_every_rule(gk, cat):
    cat.record(RECORD.replace("页数: 1", "页数: 三"))
    log = gk("validate", cat.root, "--format", "sarif").json()
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == set(REGISTRY)
    (result,) = run["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (result["ruleId"], region["startLine"], region["startColumn"]) == ("GK103", 16, 5)
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "GK103"


def test_every_rule_is_complete():
    for rule in REGISTRY.values():
        assert re.fullmatch(r"GK\d{3}", rule.code), rule.code
        assert rule.code[:3] in FAMILIES
        for section in (rule.title, rule.what, rule.why, rule.example, rule.instead):
            assert section.strip(), (rule.code, section)
        for section in (rule.title, rule.what, rule.why):  # each in Chinese on its own (例 and 改为 may be pure YAML)
            assert CJK.search(section), (rule.code, section)
        assert re.fullmatch(r"[a-z0-9-]+", rule.slug), rule.slug


def test_rule_explains_with_four_sections(gk):
    run = gk("rule", "gk302")
    assert run.code == 0
    for section in ("规则作用", "为什么", "示例", "改为"):
        assert section in run.out
    assert "第十四" in run.out or "第十六" in run.out


def test_unknown_rule_is_a_usage_error(gk):
    run = gk("rule", "GK999")
    assert run.code == 2 and "gongkai rules" in run.err


def test_rules_lists_every_code(gk):
    run = gk("rules")
    for code in REGISTRY:
        assert code in run.out


def test_schema_files(gk, tmp_path):
    run = gk("schema", "--out", tmp_path / "schema")
    assert run.code == 0
    item = json.loads((tmp_path / "schema" / "item.schema.json").read_text(encoding="utf-8"))
    assert item["title"].startswith("公开事项")
    assert "公开渠道" in item["properties"] and item["additionalProperties"] is False
    channels = item["properties"]["公开渠道"]["items"]["enum"]
    assert channels[0] == "政府网站" and len(channels) == 13
    assert (tmp_path / "schema" / "record.schema.json").exists()


def test_bundled_catalog_validates_clean(gk):
    run = gk("validate", BUNDLED, "--strict", "--no-cache")
    assert run.code == 0, run.out
