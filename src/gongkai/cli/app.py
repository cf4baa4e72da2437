"""The typer application and the one place that maps outcomes to exit codes."""

from __future__ import annotations

import re
import sys
import weakref

import traceback
from typing import Annotated, Any, NoReturn

import typer
import typer.main
from rich.console import Console
from typer import exceptions as typer_exceptions
from typer._click import exceptions as click_exceptions

from gongkai import __version__
from gongkai.cli.console import inert, quiet_libraries, tolerate_any_console
from gongkai.cli.zh import localize, usage_message
from gongkai.errors import (EXIT_INTERRUPTED, INTERRUPTED, PublicationStopped, UsageProblem, advise_os_error,
                            crash_summary, describe_os_error, forget_outputs, interrupted, outputs_in_place)
from gongkai.files_io import NotAnOutput, ReadOnlyFile
from gongkai.processes import stops_as_interrupts

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
_NEGATIVE = re.compile(r"-[0-9]+(\.[0-9]+)?")  # a number click took for an option: 「workdays add 2026-03-02 -3」

localize()


def new_app() -> typer.Typer:
    """The top-level typer application, as `gongkai` and its command listing both build it."""
    made = typer.Typer(
        name="gongkai",
        help="gongkai：基层政务公开工具。管理政务公开事项标准目录和公开信息登记，校验、生成网站、移交两馆。",
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode="rich",
        context_settings={"help_option_names": ["-h", "--help"]},
        pretty_exceptions_enable=False,
    )
    made.callback()(_root)
    return made


def _version(shown: bool) -> None:
    """`gongkai --version`: the installed version, then exit (our own constant: nothing to mask, so not through `out`,
    whose masking would load the detector's tables)."""
    if shown:
        try:
            typer.echo(f"gongkai {__version__}")
        except BrokenPipeError:  # `gongkai --version | true`: typer would make it exit 1 (console.py's _reader_gone)
            pass
        raise typer.Exit(EXIT_OK)


def _root(version: Annotated[bool, typer.Option(
        "--version", "-V", is_eager=True, callback=_version,
        help="显示 gongkai 的版本号并退出（CI 里固定版本、报告问题时用）。")] = False) -> None:
    """gongkai：基层政务公开工具。管理政务公开事项标准目录和公开信息登记，校验、生成网站、移交两馆。"""


app = new_app()


class MaskedConsole(Console):
    """A console that never shows a full personal number nor lets catalog text act on the terminal: everything
    printed goes through the one masking function, then loses its control characters."""

    def print(self, *objects: Any, **kwargs: Any) -> None:  # noqa: D102 - rich's print, masked
        from gongkai.privacy.mask import mask_log  # the detector's tables: not needed by a command that prints nothing

        super().print(*(inert(mask_log(o)) if isinstance(o, str) else o for o in objects), **kwargs)


out = MaskedConsole(soft_wrap=True, highlight=False)
err = MaskedConsole(stderr=True, soft_wrap=True, highlight=False)


# What a command built, held until the process ends: the console command ends with os._exit (cli._end), so a
# loaded catalog is never freed object by object. Only there: tests run many commands in one process.
HELD: list[object] = []
_holding: list[bool] = []


def hold_to_the_end() -> None:
    """From now on keep() holds what it is given: the process ends with os._exit (the console command)."""
    _holding.append(True)


def keep(value: object) -> None:
    """Hold *value* until the process ends, when it is the console command (see HELD)."""
    if _holding:
        HELD.append(value)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print a Chinese error and exit with *code*."""
    say("错误：", message)
    raise typer.Exit(code)


def say(label: str, message: str) -> None:
    """An error on stderr: *label* in red, then *message* as it is. What the user typed (a path, a command, an option)
    is in the message: a 「[/]」 or 「[red]」 in it is text, not rich's markup (which crashed or swallowed it)."""
    err.print(f"[red]{label}[/]", markup=True, end="")
    err.print(message, markup=False)


def main(argv: list[str] | None = None, application: typer.Typer | None = None) -> int:
    """Run the CLI (or *application*, the command listing): problems exit 1 or 2 in Chinese, crashes exit 3 — never a traceback."""
    tolerate_any_console()
    forget_outputs()
    with quiet_libraries(), stops_as_interrupts():
        try:
            return _run(argv, application or app)
        finally:
            _close_caches()


def _typed_command(argv: list[str] | None, application: typer.Typer) -> str:
    """The command as typed, for an error click raises before it knows the command (「选项「--format」需要一个值」):
    gongkai validate, gongkai new record — its words only, not the catalog folder typed after them."""
    return _typed(argv, application)[0]


def _typed(argv: list[str] | None, application: typer.Typer) -> tuple[str, Any]:
    """The command's words as typed (gongkai new record) and the click command they name."""
    words: list[str] = []
    command = found = _command(application)
    for arg in argv if argv is not None else sys.argv[1:]:
        command = getattr(command, "commands", {}).get(arg)
        if arg.startswith("-") or command is None:
            break
        words.append(arg)
        found = command
    return " ".join(["gongkai", *words]), found


def _takes_catalog_option(command: Any) -> bool:
    """Whether *command* takes its catalog folder after -C (export, new, handover …), not as it is (validate)."""
    return any("--catalog" in getattr(p, "opts", ()) for p in getattr(command, "params", ()))


def _catalog_example(exc: UsageProblem, argv: list[str] | None, application: typer.Typer) -> str:
    """「，如 gongkai build-site "D:\\政务 公开\\catalog"」: the command the user ran, with the catalog folder where that
    command takes it and quoted to be pasted; the folder is the one a CatalogNotFound names (none: nothing to add)."""
    folder = getattr(exc, "folder", None)
    if folder is None:
        return ""
    from gongkai.cli.quoting import shell_quote  # noqa: PLC0415 - only for this message

    words, command = _typed(argv, application)
    return f"，如 {words}{' -C' if _takes_catalog_option(command) else ''} {shell_quote(folder)}"


def _catalog_typed_bare(argv: list[str] | None, ctx: Any) -> str | None:
    """What to say of a catalog folder typed on its own (「gongkai export xlsx catalog」) to a command that takes it
    after -C: click called it an extra argument, or no such sub-command (「gongkai handover catalog」)."""
    args = argv if argv is not None else sys.argv[1:]
    if ctx is None or not _takes_catalog_option(ctx.command) or any(
            a in ("-C", "--catalog") or a.startswith("--catalog=") for a in args):
        return None
    bare = next((a for a in args if not a.startswith("-") and _holds_catalog(a)), None)
    if bare is None:
        return None
    from gongkai.cli.quoting import shell_quote  # noqa: PLC0415 - only for this message

    return f"「{bare}」是目录文件夹：这个命令的目录文件夹要写在 -C 后面，如 {ctx.command_path} -C {shell_quote(bare)}。"


def _holds_catalog(typed: str) -> bool:
    """Whether *typed* names a catalog folder (or the folder above one): it or its catalog/ holds gongkai.yaml."""
    from pathlib import Path  # noqa: PLC0415 - only for this message

    try:
        return any((Path(typed) / inner / "gongkai.yaml").is_file() for inner in ("", "catalog"))
    except (OSError, ValueError):  # a name too long, a NUL in it: no folder at all
        return False


def _close_caches() -> None:
    """Close the catalog caches the command opened: a process that runs many commands (the tests) keeps no descriptors."""
    cache = sys.modules.get("gongkai.catalog.cache")  # not imported: nothing opened (and --help stays light)
    if cache is not None:
        cache.close_caches()


# The click command typer makes of an application, kept while its commands stay the same: typer makes it again on
# every call (each command's signature and type hints read anew, ~0.1 s), and a process running many commands (the
# tests, `gongkai county`) would pay it each time. Keyed by the tree of registered commands, which grows when a
# command's module is imported later (cli.load_commands).
_COMMANDS: weakref.WeakKeyDictionary[typer.Typer, tuple[object, Any]] = weakref.WeakKeyDictionary()


def _shape(application: typer.Typer) -> object:
    """What typer reads to make the command: the commands and groups registered, to any depth."""
    return (tuple(id(c) for c in application.registered_commands),
            tuple((id(g), _shape(g.typer_instance)) for g in application.registered_groups if g.typer_instance),
            id(application.registered_callback))


def _command(application: typer.Typer) -> Any:
    shape = _shape(application)
    kept = _COMMANDS.get(application)
    if kept is None or kept[0] != shape:
        kept = _COMMANDS[application] = (shape, typer.main.get_command(application))
    return kept[1]


def _run(argv: list[str] | None, application: typer.Typer) -> int:
    try:
        result = _command(application)(args=argv, standalone_mode=False)
        if result == EXIT_INTERRUPTED:  # typer turns Ctrl+C into a silent Exit(130)
            return _interrupted()
        return int(result) if isinstance(result, int) else EXIT_OK
    except typer.Exit as exit_:
        return int(exit_.exit_code)
    except click_exceptions.NoArgsIsHelpError:
        return EXIT_USAGE
    except click_exceptions.UsageError as exc:
        hint = f"运行 {exc.ctx.command_path if exc.ctx else _typed_command(argv, application)} --help 查看用法。"
        bare = _catalog_typed_bare(argv, exc.ctx)
        if bare is not None:  # learnt from `gongkai validate catalog`: not an extra argument nor a sub-command
            hint = bare + hint
        elif "unexpected extra argument" in exc.format_message():  # 「标准目录 2026.xlsx」 typed without quotes
            hint = "路径或文字中有空格时，整个要用引号括起来，如 \"标准目录 2026.xlsx\"。" + hint
        if isinstance(exc, click_exceptions.NoSuchOption) and _NEGATIVE.fullmatch(exc.option_name):
            hint = f"「{exc.option_name}」是负数，不是选项：这里的数字不能为负，请写 0 或正整数。" + hint  # workdays add … -3
        if isinstance(exc, click_exceptions.NoSuchOption) and exc.option_name in ("-C", "--catalog") and exc.ctx \
                and any(getattr(p, "metavar", None) == "目录文件夹" for p in exc.ctx.command.params):
            # `gongkai export … -C 目录` taught it; `gongkai print`, `build-site`, `inspect` take the folder as it is
            hint = f"这个命令的目录文件夹直接写在命令后面，不加 {exc.option_name}，如 {exc.ctx.command_path} catalog。" + hint
        say("用法错误：", f"{usage_message(exc.format_message())}\n{hint}")
        return EXIT_USAGE
    except typer_exceptions.Abort:  # Ctrl+C or Ctrl+D at a question: typer's prompt turns both into Abort
        if outputs_in_place():  # a question asked once the output is in place (init's 补登): the command is done
            return _interrupted()
        err.print("已中止。")
        return EXIT_USAGE
    except UsageProblem as exc:
        say("错误：", str(exc) + _catalog_example(exc, argv, application))
        return EXIT_USAGE
    except PublicationStopped as exc:
        say("已停止发布：", str(exc))
        return EXIT_FINDINGS
    except (ReadOnlyFile, NotAnOutput) as exc:  # a read-only file, an output that is not ours: left as it is
        say("错误：", str(exc))
        return EXIT_USAGE
    except OSError as exc:  # a file or folder the user named cannot be read or written: not gongkai's bug
        say("错误：", f"无法读写文件（{describe_os_error(exc)}）。{advise_os_error(exc)}。")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return _interrupted()
    except Exception as exc:  # noqa: BLE001 - the one crash handler: exit 3, never a traceback on screen
        if interrupted(exc):  # Ctrl+C that Python wrapped in another error (while importing a module)
            return _interrupted()
        return _internal_error(exc)


def _interrupted() -> int:
    """Ctrl+C: nothing was changed (exit 130), or it came once the output was in place — then the command is done."""
    done = outputs_in_place()
    if done:
        err.print(f"已中断，但{'；'.join(done)}，不受影响。", markup=False)
        return EXIT_OK
    say_interrupted()
    return EXIT_INTERRUPTED


def say_interrupted() -> None:
    """「已中断……」 written as it is, importing nothing: a Ctrl+C that stopped an import half-way leaves that module
    broken for every import after it — the console's masking (mask_log) imports the detector's tables, which import
    html.entities — and this message of ours holds nothing to mask."""
    tolerate_any_console()
    try:
        sys.stderr.write(INTERRUPTED + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # a closed pipe, or no stderr at all (None): nothing can reach it
        pass


def _internal_error(exc: BaseException) -> int:
    """The crash report: the kind of error and where in gongkai, never its text (errors.crash_summary); the whole
    traceback only under GONGKAI_DEBUG, which the maintainers ask for."""
    err.print("[red]内部错误：[/]gongkai 自身出了问题（不是您的文件的问题）。请把下面的信息发给维护人员。", markup=True)
    err.print(f"{crash_summary(exc)}（gongkai {__version__}）", markup=False)
    if "GONGKAI_DEBUG" in __import__("os").environ:
        err.print(traceback.format_exc(), markup=False)
    else:
        err.print("出错时正在处理的内容没有显示（其中可能有个人信息）；维护人员需要时，设置环境变量 GONGKAI_DEBUG=1 再运行一次，"
                  "把完整信息检查、删去个人信息后再发出。", markup=False)
    return EXIT_INTERNAL


