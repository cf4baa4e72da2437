"""Bytes to text as Windows users save it: UTF-8 with or without BOM, CRLF; GBK is named and refused."""

from __future__ import annotations

from dataclasses import dataclass

MAX_FILE_BYTES = 2_000_000
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class DecodeProblem:
    """Why the bytes are not usable text, with the position of the first bad byte."""

    code: str
    message: str
    hint: str
    line: int
    column: int


RESAVE_HINT = (
    "用记事本打开该文件，选择「文件 → 另存为」，在「编码」中选「UTF-8」后保存；"
    "或运行 gongkai fmt 自动转换为 UTF-8。"
)


def _position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    column = len(before[start:].decode("utf-8", errors="replace")) + 1
    return line, column


def decode(data: bytes) -> tuple[str | None, DecodeProblem | None]:
    """Decode catalog file bytes to text with LF line ends, or say why that is impossible."""
    if len(data) > MAX_FILE_BYTES:
        return None, DecodeProblem(
            "GK008", f"文件过大（{len(data) // 1024} KB），超过 {MAX_FILE_BYTES // 1000} KB 的上限",
            "一个文件只写一个事项或一条信息；大段正文请放到附件中。", 1, 1,
        )
    if data.startswith(BOM):
        data = data[len(BOM):]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _position(data, nul)
        return None, DecodeProblem(
            "GK003", "文件含有二进制内容（空字节），不是文本文件",
            "目录里只能放 YAML 文本；若是误存的文件请删除，或用记事本重新保存为 UTF-8 文本。", line, column,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, _not_utf8(data, exc)
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def _not_utf8(data: bytes, exc: UnicodeDecodeError) -> DecodeProblem:
    line, column = _position(data, exc.start)
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return DecodeProblem(
            "GK003", "文件不是 UTF-8 编码的文本，含有无法识别的字节", RESAVE_HINT, line, column,
        )
    return DecodeProblem(
        "GK002", "文件是 GBK/GB18030 编码（Windows 记事本的「ANSI」），gongkai 只读 UTF-8", RESAVE_HINT, line, column,
    )
