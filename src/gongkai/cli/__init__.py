"""The command line: the only part of gongkai that prints, exits, or imports typer and rich.

Each other module of this package defines commands. Only the module of the command being run is imported, so
`gongkai validate` does not pay for openpyxl, bagit or jinja2; `--help` and unknown commands load them all.
"""

from __future__ import annotations

import atexit
import gc
import importlib
import os
import pkgutil
import re
import sys
from functools import cache
from pathlib import Path
from typing import NoReturn

from gongkai.cli.app import app, say_interrupted
from gongkai.cli.app import main as _run_app
from gongkai.cli.zh import half_width_options
from gongkai.errors import EXIT_INTERRUPTED, interrupted

GC_YOUNG = 100_000  # allocations between collections of the youngest generation (Python's default: 700)
_INFRASTRUCTURE = {"app", "zh", "options", "listing"}
_DECLARATION = re.compile(r'@app\.command\("([^"]+)"\)|app\.add_typer\([^)]*name="([^"]+)"')
# A module that adds sub-commands to another module's group says so: EXTENDS = "export".
_EXTENSION = re.compile(r'^EXTENDS = "([^"]+)"', re.MULTILINE)


def _modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name not in _INFRASTRUCTURE)


def _source(module: str) -> str:
    return (Path(__file__).parent / f"{module}.py").read_text(encoding="utf-8")


@cache
def command_modules() -> dict[str, str]:
    """Top-level command name → the module that declares it, read from the modules' source without importing."""
    found: dict[str, str] = {}
    for module in _modules():
        for command, group in _DECLARATION.findall(_source(module)):
            found[command or group] = module
    return found


@cache
def extension_modules() -> dict[str, list[str]]:
    """Top-level group name → the modules that add sub-commands to it (imported after the group's own module)."""
    found: dict[str, list[str]] = {}
    for module in _modules():
        for group in _EXTENSION.findall(_source(module)):
            found.setdefault(group, []).append(module)
    return found


def load_commands(argv: list[str] | None = None) -> None:
    """Import the module of the command in *argv*, or every command module when that is not clear."""
    words = [a for a in (argv if argv is not None else sys.argv[1:]) if not a.startswith("-")]
    module = command_modules().get(words[0]) if words else None
    for name in [module, *extension_modules().get(words[0], [])] if module else _modules():
        importlib.import_module(f"{__name__}.{name}")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI with *argv* (default sys.argv[1:]); returns the exit code."""
    args = half_width_options(argv if argv is not None else sys.argv[1:])
    if _lists_commands(args):
        from gongkai.cli.listing import listing_app  # noqa: PLC0415 - only the top-level help needs it

        return _run_app(args, listing_app(_modules()))
    load_commands(args)
    _settle_gc()
    return _run_app(args)


def _settle_gc() -> None:
    """One command per process: what is imported lives until the end, and so does the catalog once loaded.

    Frozen objects are never walked by the cyclic collector again; a larger first generation keeps it from walking
    the young catalog objects again and again while a large catalog is loaded and checked.
    """
    from gongkai.catalog.listing import SETTLED  # noqa: PLC0415 - light, and read by every command that loads

    gc.freeze()
    gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])
    if gc.freeze not in SETTLED:  # and a whole catalog, once loaded
        SETTLED.append(gc.freeze)


def _lists_commands(args: list[str]) -> bool:
    """True for `gongkai`, `gongkai --help`, `gongkai -h` and `gongkai --version`: the top-level help, which lists
    commands only, and the version, which needs none of them."""
    return all(a in ("--help", "-h", "--version", "-V") for a in args)


def run() -> NoReturn:
    """Console-script entry point. Ctrl+C while a command's modules are still being imported is an interruption too."""
    from gongkai.cli.app import hold_to_the_end  # noqa: PLC0415

    hold_to_the_end()  # one command, then os._exit: nothing it built needs freeing
    try:
        code = main()
    except BaseException as exc:
        if not interrupted(exc):
            raise
        say_interrupted()
        code = EXIT_INTERRUPTED
    _end(code)


def _end(code: int) -> NoReturn:
    """Exit with *code* once what was printed is out and the exit handlers have run, without taking apart what the
    command built: freeing a loaded catalog object by object (100,000 records: about 0.4 s) is work nobody waits for."""
    atexit._run_exitfuncs()  # noqa: SLF001 - what the interpreter runs at exit (locks, temporary folders …)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (gongkai … | head): nothing more can reach it
            pass
        except AttributeError:  # started with the stream closed (`>&-`, a scheduled task): Python made it None
            pass
    os._exit(code)


__all__ = ["app", "command_modules", "extension_modules", "load_commands", "main", "run"]
