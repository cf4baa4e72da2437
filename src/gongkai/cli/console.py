"""What reaches the terminal besides our own output: a console that cannot show Chinese, and libraries' warnings."""

from __future__ import annotations

import io
import logging
import os
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager


def tolerate_any_console() -> None:
    """Never crash on a console that cannot encode Chinese (PYTHONIOENCODING=ascii, an old cmd.exe code page, a
    pipe in GBK): what it cannot show is written as \\uXXXX escapes instead. Chinese that the encoding has (GBK,
    cp936) is shown as it is."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


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
