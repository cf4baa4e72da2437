"""Let typer's help load without rich.markdown and rich.traceback, which it imports up front and gongkai never uses.

typer.rich_utils imports `Markdown` (with markdown-it and its whole parser) for help written in markdown mode and
`Traceback` for pretty crash reports; gongkai writes help in rich markup and prints its own crash message. Together
they are about a third of what `gongkai --help` costs. Until something really uses one, its module is a stand-in
whose class (or any other name) loads the real module on first use, so behaviour is unchanged when it is used.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

import rich

DEFERRED = {"rich.markdown": "Markdown", "rich.traceback": "Traceback"}


def defer_unused_rich() -> None:
    """Put stand-ins for the modules in DEFERRED, unless something already imported the real ones."""
    for module, name in DEFERRED.items():
        if module not in sys.modules:
            stand_in = _stand_in(module, name)
            sys.modules[module] = stand_in
            setattr(rich, module.rpartition(".")[2], stand_in)


def _stand_in(module: str, name: str) -> types.ModuleType:
    stand_in = types.ModuleType(module, "gongkai: the real module is loaded on first use (gongkai.cli.deferred)")

    def real() -> types.ModuleType:
        if sys.modules.get(module) is stand_in:
            del sys.modules[module]
        return importlib.import_module(module)

    class Deferred:
        def __new__(cls, *args: Any, **kwargs: Any) -> Any:
            return getattr(real(), name)(*args, **kwargs)

        @classmethod
        def from_exception(cls, *args: Any, **kwargs: Any) -> Any:  # how typer makes a Traceback
            return getattr(real(), name).from_exception(*args, **kwargs)

    Deferred.__name__ = Deferred.__qualname__ = name
    setattr(stand_in, name, Deferred)
    setattr(stand_in, "__getattr__", lambda attribute: _other(real, attribute))
    return stand_in


def _other(real: Any, attribute: str) -> Any:
    """Any other name asked of a stand-in loads the real module; the import system's own questions do not."""
    if attribute.startswith("__"):  # `from m import x` asks for __path__: the stand-in is no package
        raise AttributeError(attribute)
    return getattr(real(), attribute)
