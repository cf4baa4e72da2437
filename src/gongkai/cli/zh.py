"""Chinese for the parts of typer's help and errors that it prints in English."""

from __future__ import annotations

import re
import sys
import unicodedata
from typing import Any

from gongkai.cli.deferred import defer_unused_rich

defer_unused_rich()  # before typer.rich_utils imports them

import typer  # noqa: E402
import typer.rich_utils as rich_utils  # noqa: E402
from rich import _wrap as rich_wrap  # noqa: E402
from rich.text import Text  # noqa: E402
from typer._click import core as click_core  # noqa: E402
from typer._click import exceptions as click_exceptions  # noqa: E402
from typer._click import formatting  # noqa: E402

HELP_TEXT = "显示本帮助并退出。"


def localize() -> None:
    """Patch typer's fixed English strings once, before the app runs."""
    rich_utils.ARGUMENTS_PANEL_TITLE = "参数"
    rich_utils.OPTIONS_PANEL_TITLE = "选项"
    rich_utils.COMMANDS_PANEL_TITLE = "命令"
    rich_utils.ERRORS_PANEL_TITLE = "错误"
    rich_utils.ABORTED_TEXT = "已中止。"
    rich_utils.DEFAULT_STRING = "[默认: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[必填]"
    rich_utils.ENVVAR_STRING = "[环境变量: {}]"
    rich_utils.DEPRECATED_STRING = "（已弃用）"
    rich_utils.RICH_HELP = "运行 [blue]'{command_path} {help_option}'[/] 查看帮助。"
    _patch_usage()
    _patch_wrapping()
    _patch_help_option()
    _patch_usage_pieces()
    _patch_value_kinds()
    _patch_number_ranges()
    _patch_prompt_input()
    _patch_typed_values()
    _patch_command_suggestions()


def _patch_usage() -> None:
    original = formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original(self, prog, args, "用法: " if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    rich_utils.highlighter.highlights = [  # type: ignore[misc]
        h.replace("Usage: ", "用法: ") for h in getattr(rich_utils.highlighter, "highlights", [])
    ]


def _patch_wrapping() -> None:
    """Help text folds onto the next line in a narrow console instead of ending in 「…」.

    rich breaks lines at spaces only and crops a longer run with 「…」 in typer's tables; a Chinese sentence has no
    spaces, so at 80 columns (cmd.exe's default) and below most option and command descriptions were cut off.
    """
    original = rich_utils._make_rich_text

    def make_rich_text(*, text: str, style: str = "", markup_mode: Any) -> Any:
        made = original(text=text, style=style, markup_mode=markup_mode)
        if isinstance(made, Text):
            made.overflow = "fold"
        return made

    rich_utils._make_rich_text = make_rich_text
    help_of = rich_utils._get_parameter_help

    def parameter_help(*args: Any, **kwargs: Any) -> Any:
        """The default, environment variable and 「必填」 beside an option's help fold too: 「[默认: county-out]」
        ended in 「county-o…」 at 40 columns."""
        made = help_of(*args, **kwargs)
        for item in getattr(made, "renderables", ()):
            if isinstance(item, Text) and item.overflow is None:
                item.overflow = "fold"
        return made

    rich_utils._get_parameter_help = parameter_help
    rich_utils.highlighter = _folding(rich_utils.highlighter)  # option names too: --no-monitoring
    rich_utils.negative_highlighter = _folding(rich_utils.negative_highlighter)
    rich_wrap.re_word = CHINESE_WORD


# Closing punctuation a Chinese line may not start with, opening punctuation it may not end with (避头尾).
_NO_START = "，。、：；！？）」』》〉】〕”’…—％·"
_NO_END = "（「『《〈【〔“‘"
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026\u2014"
# What rich may break a line between: a run of other letters (a word, 「YAML」, 「138****1234」, a path with its
# 「<年份>」) or one Chinese character, with the opening punctuation before it and the closing punctuation after it.
# rich's own 「\s*\S+\s*」 breaks at spaces only: 「整理 YAML：键按官方顺序……」 left 「整理」 alone on its line, and a
# line could start with 「，」 or 「）」.
CHINESE_WORD = re.compile(rf"\s*[{_NO_END}]*(?:(?:[^\s{_WIDE}<]+|<[^\s<>]*>)+|[{_WIDE}]|\S)[{_NO_START}]*\s*")


def _folding(shown: Any) -> Any:
    """*shown* (a highlighter of typer's help), its text folding onto the next line rather than ending in 「…」."""

    class Folding(type(shown)):  # type: ignore[misc]
        def __call__(self, text: Any) -> Any:
            made = super().__call__(text)
            if made.overflow is None:
                made.overflow = "fold"
            return made

    folding = Folding()
    folding.highlights = shown.highlights  # as _patch_usage left them
    return folding


def _patch_help_option() -> None:
    original = click_core.Command.get_help_option

    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original(self, ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    click_core.Command.get_help_option = get_help_option  # type: ignore[method-assign]


_PIECES = {"[OPTIONS]": "[选项]", "COMMAND [ARGS]...": "命令 [参数]..."}


def _patch_usage_pieces() -> None:
    from typer import core as typer_core  # noqa: PLC0415 - patched only when localising

    for cls in (click_core.Command, typer_core.TyperGroup):
        original = cls.collect_usage_pieces

        def collect(self: Any, ctx: Any, _original: Any = original) -> list[str]:
            return [_PIECES.get(piece, piece) for piece in _original(self, ctx)]

        cls.collect_usage_pieces = collect  # type: ignore[method-assign]


# What the value of an option is, as the help shows it beside the option: typer writes Python's type names
# (<str>, <bool>, <list[Path]>, <int range>). A flag takes no value, so it shows none.
VALUE_KINDS = {"str": "文字", "Path": "路径", "path": "路径", "file": "文件", "directory": "文件夹", "int": "整数",
               "int range": "整数", "float": "数字", "float range": "数字", "datetime": "日期"}


def value_kind(shown: str | None) -> str | None:
    """typer's 「<list[str]>」 as 「<文字>」; None for 「<bool>」 (a flag); choices (<text|json>) as they are typed."""
    if shown is None or not (shown.startswith("<") and shown.endswith(">")):
        return shown
    inner = shown[1:-1]
    while inner.startswith("list[") and inner.endswith("]"):
        inner = inner[5:-1]
    if inner == "bool":
        return None
    return f"<{VALUE_KINDS.get(inner, inner)}>"


def _patch_value_kinds() -> None:
    from typer import core as typer_core  # noqa: PLC0415 - patched only when localising

    original = typer_core._TyperParameter.display_type

    def display_type(self: Any, ctx: Any) -> str | None:
        return value_kind(original(self, ctx))

    typer_core._TyperParameter.display_type = display_type  # type: ignore[method-assign,assignment]


def number_range(low: float | None, high: float | None) -> str | None:
    """The bounds of a number the help shows beside it: 「不小于 0」「1—65535」, not typer's 「x>=0」「1<=x<=65535」."""
    if low is None and high is None:
        return None
    if low is None:
        return f"不大于 {high}"
    return f"不小于 {low}" if high is None else f"{low}—{high}"


def _patch_number_ranges() -> None:
    from typer import core as typer_core  # noqa: PLC0415 - patched only when localising

    typer_core.describe_number_range = number_range  # type: ignore[attr-defined,assignment]


_QUOTED_AT_MOST = 40  # characters of a value quoted back in its error


def _patch_typed_values() -> None:
    """A number or a choice typed the Chinese way is read as what it is: full-width digits (「--year ２０２６」, 「--port
    ８０００」) as the dates beside them are, 「--format ｊｓｏｎ」 as json; a value that is still no number is quoted in the
    error (「应为整数，而这里是「2026年」」)."""
    from typer import core as typer_core  # noqa: PLC0415 - patched only when localising
    from typer._typing import get_args, is_number_type  # noqa: PLC0415

    original = typer_core._TyperParameter.process_value

    def process_value(self: Any, ctx: Any, value: Any) -> Any:
        annotation = self.type_descriptor.annotation
        if not isinstance(value, str) or not (self.type_descriptor.is_choice or any(
                map(is_number_type, (annotation, *get_args(annotation))))):
            return original(self, ctx, value)
        typed, value = value, unicodedata.normalize("NFKC", value).strip()
        if self.type_descriptor.is_choice and value.lower() in _choice_values(self.type_descriptor.choices):
            value = value.lower()  # 「-f JSON」 with Caps Lock on: every choice of gongkai is in small letters
        try:
            return original(self, ctx, value)
        except typer.BadParameter as exc:
            if not typed.strip() or len(typed) > _QUOTED_AT_MOST or self.type_descriptor.is_choice:
                raise  # nothing to quote, 5,000 digits no help to read back; a choice's error quotes it already
            raise typer.BadParameter(f"{exc.message}，而这里是「{typed}」", ctx=exc.ctx, param=exc.param) from None

    typer_core._TyperParameter.process_value = process_value  # type: ignore[method-assign]


def _patch_command_suggestions() -> None:
    from typer import core as typer_core  # noqa: PLC0415 - patched only when localising

    original = typer_core.TyperGroup.resolve_command

    def resolve_command(self: Any, ctx: Any, args: list[str]) -> Any:
        try:
            return original(self, ctx, args)
        except click_exceptions.UsageError as exc:
            near = meant_commands(self.commands, args[0]) if args and "Did you mean" not in exc.message else []
            if near:  # said in click's words: usage_message puts them into Chinese with click's own suggestions
                exc.message = f"{exc.message.rstrip('.')}. Did you mean {', '.join(map(repr, near))}?"
            raise

    typer_core.TyperGroup.resolve_command = resolve_command  # type: ignore[method-assign]


def meant_commands(commands: dict[str, Any], typed: str) -> list[str]:
    """The commands a word that is none of them may mean, where click's spelling suggestions find none: the command in
    other letters (Caps Lock: 「VALIDATE」, full-width: 「ｖａｌｉｄａｔｅ」), or the commands whose help begins with (else
    names in its first words) the Chinese typed — 「校验」 is validate, 「移交」 handover, 「导出」 export."""
    word = unicodedata.normalize("NFKC", typed).strip().lower()
    if word in commands:
        return [word]
    if word.isascii() or not word:
        return []
    heads = {name: (command.help or "").split("：")[0] for name, command in commands.items() if not command.hidden}
    return ([name for name, head in heads.items() if head.startswith(word)]
            or [name for name, head in heads.items() if word in head])[:3]


def _choice_values(choices: Any) -> set[str]:
    return {str(getattr(choice, "value", choice)) for choice in choices or ()}


def half_width_options(args: list[str]) -> list[str]:
    """*args* with each option typed the Chinese way written as the option it is: the dashes of the input method in
    full-width mode (「－－today」) or of its Chinese punctuation (「——today」, Shift+减号), Word's 「—strict」 (it
    turns -- into a dash), full-width letters (「－－ｓｔｒｉｃｔ」) and a full-width 「＝」 before the value. Typed so,
    click read them as a stray argument (「多余的参数」) or an option that does not exist. Values are left as typed."""
    written: list[str] = []
    for at, arg in enumerate(args):
        if arg == "--":  # what follows is no option
            return [*written, *args[at:]]
        typed = _CHINESE_OPTION.fullmatch(arg)
        if typed and not arg.isascii() and typed.group(1) != "-":  # 「-y２０２６」: -y, its value as typed
            written.append(_half_width_option(*typed.groups()) or arg)
        else:
            written.append(arg)
    return written


def _half_width_option(dashes: str, name: str, value: str | None) -> str | None:
    """「－－today」「——today」「—today」 (Word's dash for --) as --today, 「－f」 as -f; None for no option's name."""
    if len(dashes) == 1 and dashes not in "\u2014\u2013":  # one dash of the input method: a short option
        letter = unicodedata.normalize("NFKC", name[0])
        return f"-{letter}{name[1:]}{value or ''}" if _OPTION_NAME.fullmatch(letter) else None
    name = unicodedata.normalize("NFKC", name)
    return f"--{name}{'=' + value[1:] if value else ''}" if _OPTION_NAME.fullmatch(name) else None


# An option: a run of dashes of any kind, a name, maybe 「=」 (or 「＝」) and its value.
_CHINESE_OPTION = re.compile("([-\uff0d\u2014\u2013\u2015\u2010\u2011\ufe63\u2212]+)([^=\uff1d]+)([=\uff1d].*)?", re.S)
_OPTION_NAME = re.compile("[A-Za-z][A-Za-z0-9-]*")


def _patch_prompt_input() -> None:
    """A question asked with no input at all (started with stdin closed: `<&-`, a scheduled task) ends as the end of
    input does (「已中止。」, exit 2); Python's input() raised RuntimeError 「lost sys.stdin」, an internal error."""
    from typer._click import termui  # noqa: PLC0415 - patched only when localising

    original = termui.visible_prompt_func

    def read_line(prompt: str) -> str:
        if sys.stdin is None:
            raise EOFError
        return original(prompt)

    termui.visible_prompt_func = read_line


YES = frozenset({"y", "yes", "是", "是的", "好", "对", "确定", "要"})
NO = frozenset({"n", "no", "否", "不", "不是", "不要", "取消"})


def confirm(question: str, default: bool = False) -> bool:
    """A yes/no question answered in Chinese or as y/n; typer's confirm refused 「是」 and said 「Error: invalid input」.
    End of input (Ctrl+Z, a closed pipe) aborts, as typer's does (「已中止。」)."""
    shown = f"[是/否，y/n；直接回车为「{'是' if default else '否'}」]"
    while True:
        answer = str(typer.prompt(f"{question} {shown}", default="", show_default=False)).strip().lower()
        if not answer:
            return default
        if answer in YES or answer in NO:
            return answer in YES
        typer.echo(f"请回答「是」或「否」（也可以输入 y 或 n），而不是「{answer}」。", err=True)


USAGE_MESSAGES: tuple[tuple[str, str], ...] = (
    # pydantic's words for values typer could not convert (typer validates option values with pydantic)
    ("Value error, ", ""),
    ("Input should be a valid integer, unable to parse string as an integer", "应为整数"),
    ("Input should be a valid integer, got a number with a fractional part", "应为整数"),
    ("Input should be a valid integer", "应为整数"),
    ("Unable to parse input string as an integer, exceeded maximum size", "数字太长"),
    ("embedded null byte", "含有空字符（\\0）"),
    ("Input should be a valid number, unable to parse string as a number", "应为数字"),
    ("Input should be a valid number", "应为数字"),
    ("Input should be a valid boolean, unable to interpret input", "应为 true 或 false"),
    ("Input should be a valid boolean", "应为 true 或 false"),
    ("Input should be greater than or equal to ", "应不小于 "),
    ("Input should be less than or equal to ", "应不大于 "),
    ("Input should be greater than ", "应大于 "),
    ("Input should be less than ", "应小于 "),
    ("String should have at least 1 character", "不能为空"),
    ("Input should be ", "应为 "),
    ("Possible options: ", "可能是："),
    ("does not take a value", "不需要值"),
    ("Option ", "选项 "),
    ("Error: ", ""),
    ("No such option: ", "没有这个选项："),
    ("No such command", "没有这个命令"),
    ("Missing argument", "缺少参数"),
    ("Missing option", "缺少选项"),
    ("Invalid value for ", "取值无效："),
    ("Invalid value: ", "取值无效："),
    ("Got unexpected extra argument(s)", "多余的参数"),
    ("Got unexpected extra arguments", "多余的参数"),
    ("Got unexpected extra argument", "多余的参数"),
    ("requires an argument", "需要一个值"),
    ("is not one of", "不是可选值之一："),
    ("is not a valid", "不是有效的"),
    ("does not exist", "不存在"),
    (". Did you mean", "，是否想输入"),
    ("Did you mean", "是否想输入"),
)


def usage_message(text: str) -> str:
    """A click usage error in Chinese (best effort; option names stay as typed), what it names in 「」 as every other
    message has it: click's 'valdate' and 「 'text', 'json'」 are Python's quotes."""
    for english, chinese in USAGE_MESSAGES:
        text = text.replace(english, chinese)
    text = text.rstrip(".").replace("(", "（").replace(")", "）")
    text = _QUOTED.sub(r"「\1」", text).replace("」, 「", "」、「").replace("」 / 「", "」/「").replace("」: ", "」：")
    text = _SPACE_BESIDE_CHINESE.sub("", text)
    return text[:-1] + "？" if text.endswith("?") else text + "。"


_QUOTED = re.compile(r"'([^'\n]*)'")
# click puts a space between words; Chinese has none beside 「」 and full-width punctuation (「没有这个命令 「x」」).
_SPACE_BESIDE_CHINESE = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) +(?=[「（])|(?<=」) +(?=[\u4e00-\u9fff（])"
                                   r"|(?<=[^\s]) +(?=（)")
