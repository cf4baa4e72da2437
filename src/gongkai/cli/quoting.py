"""Paths in the commands our hints suggest, quoted so that they can be pasted into the user's shell as they are."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

# What needs no quotes: in POSIX shells (a backslash escapes), and in cmd.exe and PowerShell (, ; = separate).
_SAFE_POSIX = re.compile(r"[A-Za-z0-9_@+=:,./-]+")
_SAFE_WINDOWS = re.compile(r"[A-Za-z0-9_+:./\\-]+")


def shell_quote(path: Path | str, windows: bool | None = None) -> str:
    """*path* as one argument: single quotes for POSIX shells, double quotes for cmd.exe and PowerShell (which both
    take them; Windows file names cannot contain a double quote). A path that starts with "-" gets "./" so that it is
    not read as an option."""
    on_windows = os.name == "nt" if windows is None else windows
    text = str(path)
    if text.startswith("-"):
        text = (".\\" if on_windows else "./") + text
    if (_SAFE_WINDOWS if on_windows else _SAFE_POSIX).fullmatch(text):
        return text
    return f'"{text}"' if on_windows else shlex.quote(text)
