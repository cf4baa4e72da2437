"""The `gongkai` command and `python -m gongkai`."""

from __future__ import annotations

import sys

from gongkai.errors import EXIT_INTERRUPTED, INTERRUPTED


def main() -> None:
    """Run the CLI. Ctrl+C even while Python is still loading it ends with 「已中断」 and exit 130, never a traceback."""
    try:
        from gongkai.cli import run  # noqa: PLC0415 - the import itself is what Ctrl+C may interrupt
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    run()


if __name__ == "__main__":
    main()
