"""Expected problems that stop a command: their text is Chinese and shown as is (exit 2)."""

from __future__ import annotations

import errno
import traceback
from pathlib import Path

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl+C
INTERRUPTED = "已中断，未完成的输出没有写入，原来的文件保持不变。"


# What the command has moved into place (the new site, …): from then on a Ctrl+C changes nothing on disk, and saying
# 「原来的文件保持不变」 would be untrue. The library notes it; the CLI reads it when Ctrl+C ends a command.
_IN_PLACE: list[str] = []


def output_in_place(what: str) -> None:
    """Note that the command's output is in place (*what*: a sentence for the reader, 「网站已换成新生成的版本」)."""
    _IN_PLACE.append(what)


def outputs_in_place() -> list[str]:
    """What the running command has moved into place so far."""
    return list(_IN_PLACE)


def forget_outputs() -> None:
    """A new command starts (a process that runs several: the tests)."""
    _IN_PLACE.clear()


def interrupted(exc: BaseException) -> bool:
    """True for Ctrl+C, also when Python wrapped it in another error on the way out (Ctrl+C inside a class being
    created while a module is imported comes out as RuntimeError: Error calling __set_name__ …), or an error tells of
    it in its text (a library reporting a worker's Ctrl+C, seen in CI as an error whose message ends 「KeyboardInterrupt:」:
    Ctrl+C goes to the whole process group, workers included)."""
    seen: set[int] = set()
    found: BaseException | None = exc
    while found is not None and id(found) not in seen:
        if isinstance(found, KeyboardInterrupt) or "KeyboardInterrupt" in _text(found):
            return True
        seen.add(id(found))
        found = found.__cause__ or found.__context__
    return False


def _text(exc: BaseException) -> str:
    try:
        return str(exc)
    except Exception:  # noqa: BLE001 - an error whose text cannot be made tells nothing
        return ""


_PACKAGE = Path(__file__).resolve().parent


def crash_summary(exc: BaseException) -> str:
    """What a report of gongkai's own crash may say: the kind of error and where in gongkai's code it happened
    (「ValueError，位于 gongkai/site/make.py 第 120 行（build）」) — never the error's text, which can hold the record
    being processed: a requester's or a 公示 list's name, a 不予公开 record's title, a 详细住址. The crash report is
    printed in CI logs and sent to the maintainers as it is; GONGKAI_DEBUG shows the whole traceback."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [frame for frame in frames if _inside_package(frame.filename)]
    kind = type(exc).__qualname__
    if not ours:
        return kind
    frame = ours[-1]
    where = Path(frame.filename).resolve().relative_to(_PACKAGE.parent).as_posix()
    return f"{kind}，位于 {where} 第 {frame.lineno} 行（{frame.name}）"


def _inside_package(filename: str) -> bool:
    try:
        return Path(filename).resolve().is_relative_to(_PACKAGE)
    except (OSError, ValueError):
        return False


class UsageProblem(Exception):
    """The user asked for something impossible: a missing catalog, an unknown rule, a bad date…"""


def quote_slip(path: object) -> str:
    """Why a path the user typed holds a 「"」, which no Windows file name can: "D:\\政务 公开\\目录\\" — a backslash
    before the closing quote (cmd.exe's habit, Windows PowerShell's tab completion) — reaches the program as
    「D:\\政务 公开\\目录"」, with the words after it; empty for a path without one."""
    if '"' not in str(path):
        return ""
    return ("路径中有英文双引号「\"」：在 Windows 的命令提示符和 PowerShell 中，结束引号前的反斜杠「\\」会让引号连同"
            "后面的内容成为路径的一部分。请删去结束引号前的「\\」（文件夹路径的末尾不必写「\\」），如 \"D:\\政务 公开\\catalog\"")


_REASONS_BY_NAME = {
    "EACCES": "没有权限", "EPERM": "没有权限", "EROFS": "文件夹是只读的", "ENOSPC": "磁盘空间不足",
    "EDQUOT": "超出磁盘配额", "ENOENT": "找不到文件或文件夹", "ENOTDIR": "路径中有同名的文件挡住了文件夹",
    "EISDIR": "这是一个文件夹，不是文件", "EEXIST": "已经存在", "ENAMETOOLONG": "文件名太长",
    "EBUSY": "文件正被占用", "EMFILE": "同时打开的文件太多", "EIO": "读写磁盘出错",
    "ENOTEMPTY": "文件夹不是空的", "EXDEV": "不能跨磁盘移动", "EINVAL": "文件名或路径无效",
    "EADDRINUSE": "端口已被别的程序占用", "EADDRNOTAVAIL": "本机没有这个地址",
    "ELOOP": "符号链接（快捷方式）绕回了自己，形成循环",
}
# Not every system defines every name (Windows has no EDQUOT): keep those it has.
_OS_REASONS = {getattr(errno, name): text for name, text in _REASONS_BY_NAME.items() if hasattr(errno, name)}


def describe_os_error(exc: OSError) -> str:
    """Why an operating-system call failed, in Chinese (the system's own text may be English)."""
    if exc.strerror and not exc.strerror.isascii():  # gongkai's own reason (files_io.ReadOnlyFile: 文件是只读的)
        reason = exc.strerror
    elif exc.errno is None:
        reason = "读写出错"
    else:
        reason = _OS_REASONS.get(exc.errno, f"系统错误 {errno.errorcode.get(exc.errno, exc.errno)}")
    # a rename names the hidden file written aside first and then the file the user named: the user's is shown
    name = exc.filename2 or exc.filename
    return f"{reason}：{name}" if name else reason


_ADVICE_BY_NAME = {
    "ENOSPC": "请腾出磁盘空间（删去不用的文件，或用 --out 写到空间足够的磁盘）后再运行一次",
    "EDQUOT": "请腾出磁盘空间（删去不用的文件，或用 --out 写到空间足够的磁盘）后再运行一次",
    "EACCES": "请确认您有这个文件（文件夹）的读写权限，或用 --out 换一个文件夹",
    "EPERM": "请确认您有这个文件（文件夹）的读写权限，或用 --out 换一个文件夹",
    "EROFS": "这个磁盘只能读不能写：请用 --out 换到可写的文件夹",
    "ENOTDIR": "请把挡住的同名文件移走或改名，或换一个路径",
    "EISDIR": "这里要的是文件：请换一个文件名，或把同名的文件夹移走",
    "ENOENT": "请检查路径是否写对、文件是否还在",
    "ENAMETOOLONG": "请换一个短一些的路径",
    "EIO": "磁盘或网络盘可能有故障：请检查磁盘后再运行一次",
    "ELOOP": "请删去这个链接，或让它指向真正的文件（文件夹）",
}
_OS_ADVICE = {getattr(errno, name): text for name, text in _ADVICE_BY_NAME.items() if hasattr(errno, name)}


def advise_os_error(exc: OSError) -> str:
    """What to do about a failed operating-system call, in Chinese."""
    return quote_slip(exc.filename or "") or _OS_ADVICE.get(exc.errno or 0, "请检查这个路径后再运行一次")


def naming(exc: OSError, path: object) -> OSError:
    """*exc*, naming *path* when the system did not say which file it was about (a write on a full disk names none)."""
    return exc if exc.filename is not None else renamed(exc, path)


def renamed(exc: OSError, path: object) -> OSError:
    """*exc* about *path* instead of the file it names (a hidden one gongkai made aside to write *path*)."""
    named = OSError(exc.errno, exc.strerror, str(path))
    named.__cause__ = exc
    return named


class PublicationStopped(Exception):
    """Something that must not leave the building was found in what a command was about to publish (exit 1).

    str() is a Chinese message that names the output file and the record, with every personal number masked.
    """
