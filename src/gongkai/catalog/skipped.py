"""Files in the catalog's YAML folders that gongkai does not read, and file names that break on Windows: each is
named in validate's output with why, so nothing the user put there disappears silently."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.catalog.kinds import folder_label
from gongkai.catalog.sources import Entry
from gongkai.diagnostics import Diagnostic, Severity

SEVERITY = {"GK011": Severity.WARNING, "GK012": Severity.ERROR, "GK013": Severity.WARNING}
_NOTEPAD_TXT = (".yaml.txt", ".yml.txt")


@dataclass(frozen=True)
class FileNote:
    """Something about a file as a whole (not a line in it): code, Chinese message and hint."""

    path: str
    code: str
    message: str
    hint: str

    def diagnostic(self) -> Diagnostic:
        return Diagnostic(self.code, SEVERITY[self.code], self.message, self.path, hint=self.hint)


def not_read(entry: Entry, kind: str | None) -> FileNote | None:
    """Why a file in a YAML folder is not read; None when it is read or lies outside those folders."""
    if kind is not None and not entry.special:
        return None  # the common case, decided without looking at the path
    label = folder_label(entry.path)
    if label is None:
        return None
    name = entry.path.rsplit("/", 1)[-1]
    if entry.special in ("link", "dangling"):
        target = "指向不存在的文件" if entry.special == "dangling" else "指向别处的文件或文件夹"
        return FileNote(entry.path, "GK012", f"「{name}」是符号链接（{target}），gongkai 不跟随链接读取",
                        f"删除这个链接，把{label}文件本身放在这里。")
    if entry.special == "folder":
        return FileNote(entry.path, "GK011", f"「{name}」是一个文件夹，不是{label}文件，没有读取",
                        f"{label}文件应是文件：删除这个文件夹，用记事本新建文件并保存为 {name}（「保存类型」选「所有文件」）；"
                        "或运行 gongkai new 生成。")
    if entry.special:
        return FileNote(entry.path, "GK011", f"「{name}」不是普通文件，没有读取", "删除它；这里只放 .yaml 文件。")
    if name.lower().endswith(_NOTEPAD_TXT):
        return FileNote(entry.path, "GK011", f"「{name}」的扩展名是 .txt（记事本保存时加上的），没有作为{label}读取",
                        f"把文件改名为 {name[:-4]}；用记事本「另存为」时，「保存类型」选「所有文件」。")
    return FileNote(entry.path, "GK011", f"「{name}」不是 .yaml 文件，没有作为{label}读取",
                    f"{label}文件以 .yaml 结尾，如 R2026-012.yaml；附件请放到 files/ 下，误放的文件请删除。")


def undecodable(path: str) -> FileNote | None:
    """A file whose name is not UTF-8 (the system handed its bytes over as surrogates): a zip made on Chinese Windows
    and unpacked elsewhere names files in GBK. It is named as it would read in GBK, and not read."""
    if not any("\udc80" <= c <= "\udcff" for c in path):
        return None
    raw = path.encode("utf-8", "surrogateescape")
    try:
        shown = raw.decode("gb18030")
    except UnicodeDecodeError:
        shown = raw.decode("utf-8", "replace")
    name = shown.rsplit("/", 1)[-1]
    return FileNote(shown, "GK011", f"文件名「{name}」不是 UTF-8 编码（多是在 Windows 上打包、在别处解开的压缩包），没有读取",
                    "把文件改名为只用字母、数字和连字符的名字（如 R2026-012.yaml），或在 Windows 上用 git 或资源管理器复制，"
                    "不要经过压缩包。")


def name_problem(path: str) -> FileNote | None:
    """A file name with Chinese or full-width characters in a YAML folder (DESIGN.md: file names are ASCII)."""
    if path.isascii() or folder_label(path) is None:
        return None
    return FileNote(path, "GK013", f"文件名「{path}」含有中文或全角字符",
                    "文件名只用字母、数字和连字符，如 R2026-012.yaml：中文文件名在 GBK 编码的 Windows 和压缩软件中会变成乱码。")
