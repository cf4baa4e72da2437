"""The `gongkai` command and `python -m gongkai`."""

from __future__ import annotations

import _thread
import sys
import threading

from gongkai.errors import EXIT_INTERRUPTED, INTERRUPTED


def main() -> None:
    """Run the CLI. Ctrl+C even while Python is still loading it ends with 「已中断」 and exit 130, never a traceback."""
    sys.unraisablehook = _quiet_interrupt
    try:
        from gongkai.cli import run  # noqa: PLC0415 - the import itself is what Ctrl+C may interrupt
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    run()


def _quiet_interrupt(unraisable: sys.UnraisableHookArgs) -> None:
    """Ctrl+C that lands in a callback Python cannot raise from (an import lock's cleanup, a finaliser) would print
    「Exception ignored in …」 with a traceback and be lost; press it again for the code that runs next, which ends
    with 「已中断」 as everywhere else. (From a moment later and another thread: raised here, it would be lost again.)"""
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        again = threading.Timer(0.05, _thread.interrupt_main)
        again.daemon = True
        again.start()
        return
    sys.__unraisablehook__(unraisable)


if __name__ == "__main__":
    main()
