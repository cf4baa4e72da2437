"""What reaches the terminal besides our own output: a console that cannot show Chinese, libraries' warnings, and
control characters hidden in catalog text."""

from __future__ import annotations

import codecs
import io
import logging
import os
import re
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console


ESCAPE = "gongkai-escape"


def _escape(error: UnicodeError) -> tuple[str, int]:
    """What the console cannot encode, as JSON's (and Python's) \\uXXXX escapes: a character beyond U+FFFF (𠮷) as its
    two UTF-16 halves \\ud842\\udfb7, one below U+0100 (the · in 阿卜杜·热合曼) as \\u00b7. Python's own
    backslashreplace writes \\U00020bb7 and \\xb7, which no JSON reader takes: `--format json` and sarif broke."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    units = error.object[error.start:error.end].encode("utf-16-be", "surrogatepass")
    return "".join(f"\\u{int.from_bytes(units[i:i + 2], 'big'):04x}" for i in range(0, len(units), 2)), error.end


codecs.register_error(ESCAPE, _escape)


def tolerate_any_console() -> None:
    """Never crash on a console that cannot encode Chinese (PYTHONIOENCODING=ascii, an old cmd.exe code page, a
    pipe in GBK): what it cannot show is written as \\uXXXX escapes instead (valid in JSON too). Chinese that the
    encoding has (GBK, cp936) is shown as it is. Under LANG=C (LC_ALL=C without UTF-8 mode) Python opens the console in
    ascii with errors="surrogateescape", which fails on Chinese just the same: it is degraded too."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors in ("strict", "surrogateescape"):
            stream.reconfigure(errors=ESCAPE)


def _reader_gone(console: Console) -> None:
    """A reader that closed the pipe early (`gongkai validate | head`, a CI step piping into a command that stops
    reading): what is left to print goes nowhere, and the command runs to its end with its own exit code. rich's own
    handling raised SystemExit(1) — 「有错误」 to a CI step for a clean catalog, or a command stopped half-way."""
    console.quiet = True
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, (sys.stderr if console.stderr else sys.stdout).fileno())
    except (OSError, ValueError, AttributeError):  # no stream to replace: nothing is written to it again
        pass
    finally:
        os.close(devnull)


Console.on_broken_pipe = _reader_gone  # type: ignore[method-assign,assignment]  # every console, typer's help too


@contextmanager
def quiet_libraries() -> Iterator[None]:
    """Drop what libraries print on their own (pypdf's "invalid pdf header", openpyxl's UserWarnings): English,
    and nothing the user can act on that gongkai does not already report as a diagnostic. GONGKAI_DEBUG shows it."""
    if "GONGKAI_DEBUG" in os.environ:
        yield
        return
    root = logging.getLogger()
    silent = logging.NullHandler()
    root.addHandler(silent)  # with a handler on the root, logging no longer falls back to printing on stderr
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            yield
        finally:
            root.removeHandler(silent)


# Control characters (ESC starts sequences that clear the screen, retitle the window, write the clipboard (OSC 52)
# or fake links; CR overwrites a line) and bidi overrides (‮gnp.exe reads exe.png) in a title or a file name
# would act on the user's terminal or CI log instead of being shown: each is shown as � instead.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# A line of catalog text that starts with :: would be a GitHub Actions workflow command (::add-mask::,
# ::stop-commands::) in a CI log; only our own annotations (::error, ::warning, ::notice) may start so.
_WORKFLOW_COMMAND = re.compile(r"^(\s*)::(?!(?:error|warning|notice) (?:file|title)=)", re.MULTILINE)


def inert(text: str) -> str:
    """*text* safe to print on a terminal or in a CI log: control characters shown as �, workflow commands broken."""
    if _CONTROL.search(text):
        text = _CONTROL.sub("\ufffd", text)
    return _WORKFLOW_COMMAND.sub(lambda m: m.group(1) + "：:", text) if "::" in text else text
