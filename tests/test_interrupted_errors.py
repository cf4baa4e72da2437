"""Ctrl+C reaches the process group, workers included: an error that only reports it is an interruption (exit 130,
「已中断」), never 「内部错误」 (exit 3). CI saw build-site end with 「内部错误 … KeyboardInterrupt:」 once, Ctrl+C 0.3 s in."""

from __future__ import annotations

from gongkai.errors import interrupted


def test_ctrl_c_itself_and_wrapped():
    assert interrupted(KeyboardInterrupt())
    try:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as inner:
            raise RuntimeError("Error calling __set_name__ on '_Field' instance") from inner
    except RuntimeError as outer:
        assert interrupted(outer)


def test_an_error_reporting_a_workers_ctrl_c_in_its_text():
    assert interrupted(RuntimeError('worker failed:\n  File "x.py", line 3, in work\n  KeyboardInterrupt: '))


def test_other_errors_are_not_interruptions():
    assert not interrupted(RuntimeError("division by zero"))
    assert not interrupted(ValueError())
