"""The command line: the only part of gongkai that prints, exits, or imports typer and rich."""

import importlib
import pkgutil

from gongkai.cli.app import app, main, run

# Every other module of this package defines commands; importing it registers them.
for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    if _module not in {"app", "zh", "options"}:
        importlib.import_module(f"{__name__}.{_module}")

__all__ = ["app", "main", "run"]
