"""gongkai rules / gongkai rule CODE: the rule table and one rule's explanation."""

from __future__ import annotations

from typing import Annotated

import typer

from gongkai.cli.app import app, out
from gongkai.errors import UsageProblem
from gongkai.rules.explain import explain_rule, find_rule, rule_table


@app.command("rules")
def rules_command() -> None:
    """列出全部校验规则：编号、默认严重程度、名称。"""
    out.print(rule_table(), markup=False)


@app.command("rule")
def rule_command(code: Annotated[str, typer.Argument(metavar="规则编号", help="规则编号，如 GK301", show_default=False)]) -> None:
    """解释一条规则：规则作用、为什么（法规依据）、示例、改为。"""
    rule = find_rule(code)
    if rule is None:
        raise UsageProblem(f"没有规则「{code}」。运行 gongkai rules 查看全部规则编号。")
    out.print(explain_rule(rule), markup=False)
