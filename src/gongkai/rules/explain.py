"""The text of `gongkai rules` and `gongkai rule CODE`, from the one rule table."""

from __future__ import annotations

import unicodedata

from gongkai.rules.base import REGISTRY, Rule


def find_rule(typed: str) -> Rule | None:
    """The rule *typed* names as people write it: GK301, gk301, ＧＫ３０１ (full width), 301, or its slug."""
    text = unicodedata.normalize("NFKC", typed).strip()
    code = "GK" + text if text.isdigit() else text.upper()
    return REGISTRY.get(code) or next((r for r in REGISTRY.values() if r.slug == text.lower()), None)


def rule_table() -> str:
    """Every rule, one line each, grouped by family."""
    lines: list[str] = []
    family = None
    for rule in sorted(REGISTRY.values(), key=lambda r: r.code):
        if rule.family != family:
            family = rule.family
            lines.append(f"\n{family}")
        lines.append(f"  {rule.code}  {rule.severity.label}  {rule.title}（{rule.slug}）")
    return "\n".join(lines).lstrip("\n")


def explain_rule(rule: Rule) -> str:
    """One rule in four sections: 规则作用 / 为什么 / 示例 / 改为."""
    indent = "\n    "
    return (
        f"{rule.code} {rule.title}（{rule.slug}）\n"
        f"类别：{rule.family}    默认严重程度：{rule.severity.label}\n\n"
        f"规则作用\n    {rule.what}\n\n"
        f"为什么\n    {rule.why}\n\n"
        f"示例\n    {rule.example.replace(chr(10), indent)}\n\n"
        f"改为\n    {rule.instead.replace(chr(10), indent)}\n\n"
        f"可在 gongkai.yaml 的「检查 → 严重程度」中调整：{rule.code}: error | warning | info | off（也可写 错误、警告、提示、关闭）\n"
    )
