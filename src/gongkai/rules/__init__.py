"""Lint rules, one family per module, registered by code."""

import importlib
import pkgutil

from gongkai.rules.base import REGISTRY, Context, Finding, Rule

# Every other module of this package is a rule family; importing it registers its rules.
for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    if _module not in {"base", "explain"}:
        importlib.import_module(f"{__name__}.{_module}")

__all__ = ["REGISTRY", "Context", "Finding", "Rule"]
