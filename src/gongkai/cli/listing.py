"""`gongkai --help` without importing every command: names and help read from the command modules' source.

Listing the commands is all the top-level help does, yet importing the modules that define them costs most of a
second (pydantic models, the rules, openpyxl, jinja2 …). The help is built from the same declarations typer would
read — `@app.command("name")` with its docstring or help=, `app.add_typer(group, name=…)` with the group's help=.
A test compares this help with the one typer prints after importing every module.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import typer

from gongkai.cli.app import new_app

# Keyword arguments of a declaration that change how the command is listed.
LISTED = ("help", "short_help", "hidden", "deprecated", "rich_help_panel")


def listing_app(modules: list[str]) -> typer.Typer:
    """An app holding every top-level command of *modules* by name and help only, in declaration order."""
    app = new_app()
    for module in modules:
        tree = ast.parse((Path(__file__).parent / f"{module}.py").read_text(encoding="utf-8"))
        for name, group, listed in _declarations(tree):
            if group:
                app.add_typer(typer.Typer(**listed), name=name)
            else:
                app.command(name, **listed)(_placeholder(name))
    return app


def _declarations(tree: ast.Module) -> Iterator[tuple[str, bool, dict[str, Any]]]:
    """(name, is a group, listing keywords) of each command the module adds to the top-level app."""
    groups = {target.id: _keywords(node.value) for node in tree.body if isinstance(node, ast.Assign)
              and _is_call(node.value, "typer", "Typer") for target in node.targets if isinstance(target, ast.Name)}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                if _is_call(decorator, "app", "command") and isinstance(decorator, ast.Call):
                    listed = _keywords(decorator)
                    listed.setdefault("help", ast.get_docstring(node))
                    yield ast.literal_eval(decorator.args[0]), False, listed
        elif isinstance(node, ast.Expr) and _is_call(node.value, "app", "add_typer") and isinstance(node.value, ast.Call):
            call = node.value
            listed = _keywords(call)
            name = listed.pop("name")
            first = call.args[0]
            declared = groups.get(first.id, {}) if isinstance(first, ast.Name) else {}
            yield name, True, {**declared, **listed}


def _is_call(node: ast.expr, owner: str, attribute: str) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == attribute
            and isinstance(node.func.value, ast.Name) and node.func.value.id == owner)


def _keywords(call: ast.expr) -> dict[str, Any]:
    assert isinstance(call, ast.Call)
    return {k.arg: ast.literal_eval(k.value) for k in call.keywords if k.arg in (*LISTED, "name")}


def _placeholder(name: str) -> Callable[[], None]:
    def run() -> None:  # never run: any word after `gongkai` imports the real command first
        raise AssertionError(f"listing placeholder for {name} was run")

    return run
