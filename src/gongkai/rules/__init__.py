"""Lint rules, one family per module, registered by code."""

from gongkai.rules import attribute, identity, loading, timing  # noqa: F401 - importing registers the rules
from gongkai.rules.base import REGISTRY, Context, Finding, Rule

__all__ = ["REGISTRY", "Context", "Finding", "Rule"]
