"""The `gongkai` command and `python -m gongkai`."""

from __future__ import annotations

import sys

from gongkai.errors import EXIT_INTERRUPTED, INTERRUPTED, interrupted


def main() -> None:
    """Run the CLI. Ctrl+C even while Python is still loading it ends with 「已中断」 and exit 130, never a traceback."""
    sys.unraisablehook = _quiet_interrupt
    _stops_as_interrupts()
    try:
        from gongkai.cli import run  # noqa: PLC0415 - the import itself is what Ctrl+C may interrupt
    except BaseException as exc:
        if not interrupted(exc):
            raise
        print(INTERRUPTED, file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    run()


def _stops_as_interrupts() -> None:
    """SIGTERM and SIGHUP (kill, timeout, a service stopped, the terminal closed) while Python is still loading the CLI
    end as Ctrl+C does, 「已中断」 and exit 130 (gongkai.processes.stops_as_interrupts keeps them so while the command
    runs): the first second of every run ended silently with exit 143. One ignored (nohup) stays ignored."""
    import signal  # noqa: PLC0415 - built in; see _quiet_interrupt

    for name in ("SIGTERM", "SIGHUP"):  # gongkai.processes.STOPS, which loads too much to import this early
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) == signal.SIG_DFL:
            signal.signal(number, _stopped)


def _stopped(_number: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _quiet_interrupt(unraisable: sys.UnraisableHookArgs) -> None:
    """Ctrl+C that lands in a callback Python cannot raise from (an import lock's cleanup, a finaliser) would print
    「Exception ignored in …」 with a traceback and be lost; press it again for the code that runs next, which ends
    with 「已中断」 as everywhere else. (From a moment later and another thread: raised here, it would be lost again.)"""
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        import _thread  # noqa: PLC0415 - built in; imported here so nothing is loaded before main() can catch Ctrl+C

        _thread.start_new_thread(_press_again, (_thread.get_ident(),))
        return
    sys.__unraisablehook__(unraisable)


def _press_again(thread: int) -> None:
    """Ctrl+C again, to the thread that lost it, as the terminal sends it: a real signal, so it waits while that
    thread holds Ctrl+C back (gongkai.processes does while it starts workers)."""
    import signal  # noqa: PLC0415 - see above
    import time  # noqa: PLC0415

    time.sleep(0.05)
    signal.pthread_kill(thread, signal.SIGINT)


if __name__ == "__main__":
    main()
