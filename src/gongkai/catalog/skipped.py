"""Files in the catalog's YAML folders that gongkai does not read, and file names that break on Windows: each is
named in validate's output with why, so nothing the user put there disappears silently."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from gongkai.catalog.kinds import AGENCY_SLIPS, FOLDERS, LABELS, YAML_SUFFIXES, folder_label
from gongkai.catalog.sources import Entry
from gongkai.diagnostics import Diagnostic, Severity

SEVERITY = {"GK011": Severity.WARNING, "GK012": Severity.ERROR, "GK013": Severity.WARNING, "GK018": Severity.ERROR}
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


_LINKS = {"dangling": "指向不存在的文件", "loop": "绕回自己，形成循环，什么也读不到", "link": "指向别处的文件或文件夹"}


def not_read(entry: Entry, kind: str | None) -> FileNote | None:
    """Why a file in a YAML folder is not read; None when it is read or lies outside those folders."""
    if kind is not None and not entry.special:
        return None  # the common case, decided without looking at the path
    label = folder_label(entry.path)
    if label is None:
        return None if entry.special else _outside_the_folders(entry.path)
    name = entry.path.rsplit("/", 1)[-1]
    if entry.special in _LINKS:
        target = _LINKS[entry.special]
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
    if slips := _name_slips(name):  # 「R2026-012.yaml 」, 「R2026-012。yaml」: it reads as .yaml in Notepad's list
        meant, what = slips
        return FileNote(entry.path, "GK011", f"「{name}」的文件名中{what}，不是以 .yaml 结尾，没有作为{label}读取",
                        f"把文件改名为 {meant}（切换到英文输入法输入「.」，文件名中不留空格）。")
    return FileNote(entry.path, "GK011", f"「{name}」不是 .yaml 文件，没有作为{label}读取",
                    f"{label}文件以 .yaml 结尾，如 R2026-012.yaml；附件请放到 files/ 下，误放的文件请删除。")


def _name_slips(name: str) -> tuple[str, str] | None:
    """The .yaml name *name* was meant to be, and what was typed instead (a space, a Chinese 「。」, full-width letters
    of an input method), or None when it is no YAML file's name mistyped."""
    meant = "".join(unicodedata.normalize("NFKC", name.replace("。", ".")).split())
    if meant == name or not meant.lower().endswith(YAML_SUFFIXES):
        return None
    what = [said for found, said in ((any(c.isspace() for c in name), "有空格"), ("。" in name, "用了中文句号「。」"),
                                     (unicodedata.normalize("NFKC", name) != name, "有全角字符")) if found]
    return meant, "、".join(what)


def _outside_the_folders(path: str) -> FileNote | None:
    """A YAML file meant for the catalog that lies where gongkai reads nothing: gongkai.yaml saved by Notepad under
    another name beside it (gongkai.yaml.txt, gongkai.yml: what the clerk changed there changes nothing), or a folder
    named as a YAML folder in other letters (Records/, ITEMS/: Windows shows it as records/, and on Windows git checks
    it out into records/, where the clerk sees the file, while every command on the server passes it over)."""
    slash = path.find("/")
    if slash < 0:
        if path.lower() != "gongkai.yaml" and "".join(path.lower().split()) in AGENCY_SLIPS:  # GONGKAI.YAML: GK018
            return FileNote(path, "GK011", f"「{path}」没有读取：机关设置只从 gongkai.yaml 读取，写在「{path}」中的内容不起作用",
                            f"把要改的内容写进 gongkai.yaml，再删去「{path}」；用记事本「另存为」时，文件名写 gongkai.yaml，"
                            "「保存类型」选「所有文件」。")
        return None
    top = path[:slash]
    kind = FOLDERS.get(top.lower()) if not top.islower() else None
    if kind is None or not path.lower().endswith(YAML_SUFFIXES):
        return None
    folder = top.lower()
    return FileNote(path, "GK011", f"「{path}」在文件夹「{top}」中，没有作为{LABELS[kind]}读取：gongkai 只读全小写的"
                    f"「{folder}」文件夹", f"把它移到「{folder}」下：git mv \"{path}\" \"{folder}{path[slash:]}\"（Windows 不分"
                    f"大小写，在资源管理器中「{top}」和「{folder}」是同一个文件夹，要用 git 改名）。")


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


# Names Windows cannot hold (git for Windows refuses to check them out, Explorer cannot copy them): a device name as
# the part before the first dot (CON, aux.pdf, nul.tar.gz, COM¹), a character Windows forbids, or a name ending in
# a dot or a space (Windows drops it, and the file is another's or none). One search over all the paths (100,000
# files in every command) finds whether any is there; only then is each path looked at.
_DEVICE = "(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])"
_ANY_WINDOWS_TROUBLE = re.compile(f"(?:^|/){_DEVICE} *(?:\\.[^/\n]*)?(?=/|$)|[. ](?=/|$)|[<>:\"|?*\\\\\x01-\x1f]",
                                  re.IGNORECASE | re.MULTILINE)
_DEVICE_NAME = re.compile(f"{_DEVICE} *(?:\\..*)?", re.IGNORECASE)
_FORBIDDEN = re.compile("[<>:\"|?*\\\\\x01-\x1f]")


def windows_trouble(paths: Iterable[str]) -> Iterator[FileNote]:
    """A note for each of *paths* (catalog-relative) that Windows cannot hold, naming the part and how to rename it,
    and for each that differs from another only in case (Windows keeps one of the two)."""
    listed = list(paths)
    joined = "/" + "//".join(listed) + "/"  # each path between slashes: a name's start and end are found by text
    lower = joined.lower() if joined.isascii() else joined.casefold()
    if _maybe_windows_trouble(joined, lower):
        yield from (_windows_note(path) for path in listed if _ANY_WINDOWS_TROUBLE.search(path))
    folded = lower[1:-1].split("//")
    if len(set(folded)) != len(folded):
        first: dict[str, str] = {}
        for path, key in zip(listed, folded):
            if first.setdefault(key, path) != path:
                yield _case_note(path, first[key])


_CONTROL = re.compile("[\x01-\x1f]")
_TROUBLE_TEXTS = ('<', '>', ':', '"', '|', '?', '*', '\\', " /", "./")
_DEVICE_STARTS = ("/con", "/prn", "/aux", "/nul", "/com", "/lpt")


def _maybe_windows_trouble(joined: str, lower: str) -> bool:
    """Whether the paths, each between slashes (「/a/b.pdf//c.yaml/」, *lower* in lower case), may hold a name Windows
    cannot: substring searches in C, milliseconds for 100,000 paths, where the full pattern takes a tenth of a second."""
    if any(text in joined for text in _TROUBLE_TEXTS):
        return True
    if not joined.isprintable() and _CONTROL.search(joined):
        return True
    return any(start in lower for start in _DEVICE_STARTS)


def _case_note(path: str, other: str) -> FileNote:
    folder, _, name = path.rpartition("/")
    stem, dot, suffix = name.partition(".")
    return FileNote(path, "GK018", f"「{path}」与「{other}」只差大小写：Windows 不分大小写，在 Windows 上检出或复制时，"
                    "一个会覆盖另一个", f"把其中一个改名（如「{stem}-2{dot}{suffix}」），登记它的「文件:」一起改；"
                    "是同一份文件的，删去一个。")


def _windows_note(path: str) -> FileNote:
    reason, hint = windows_name_problem(path) or ("", "")
    return FileNote(path, "GK018", reason, hint)


def windows_name_problem(path: str) -> tuple[str, str] | None:
    """Why Windows cannot hold *path* (a device name, a forbidden character, a name ending in a dot or a space), and
    how to rename it; None when it can. The one test of a name: for the catalog's files (GK018) and for an attachment
    the gate would copy into the site, the portal export and the 两馆's batch (on the county's Windows/IIS server
    「aux.pdf」 cannot be copied or served, and 「名单?.pdf」 cannot even be saved)."""
    if not _ANY_WINDOWS_TROUBLE.search(path):
        return None
    part = next(p for p in path.split("/") if _ANY_WINDOWS_TROUBLE.search(p) or _DEVICE_NAME.fullmatch(p))
    rename = "改名后，登记它的一行（「文件: ……」，或与编号一致的文件名）也要一起改正。"
    if _DEVICE_NAME.fullmatch(part):
        base, dot, rest = part.partition(".")
        return (f"「{part}」在 Windows 上是保留的设备名 {base.strip().upper()}，这个文件在 Windows 上"
                "无法打开、复制，也无法从 git 检出（同事的电脑、两馆的电脑都是 Windows）",
                f"换一个名字，如「{base.strip()}-1{dot}{rest}」；{rename}")
    if found := _FORBIDDEN.findall(part):
        shown = "".join(dict.fromkeys("\\" if c == "\\" else c if c.isprintable() else "控制字符" for c in found))
        return (f"「{part}」含有 Windows 不允许用在文件名中的字符「{shown}」，这个文件在 Windows 上"
                "无法打开、复制，也无法从 git 检出", f"把这些字符换成 - 或删去（\\ / : * ? \" < > | 都不能用）；{rename}")
    end = "点" if part.endswith(".") else "空格"
    return (f"「{part}」以{end}结尾：Windows 会去掉末尾的{end}，这个文件在 Windows 上无法打开，"
            "也无法从 git 检出", f"删去末尾的{end}，改名为「{part.rstrip('. ')}」；{rename}")


_LOCAL = re.compile(r"^(?:[A-Za-z]:[\\/]|[\\/]{2})")  # C:\…, D:/…, \\server\…: a file of this computer or a share


def windows_path_hint(key: str, written: str) -> str:
    """What to write for an attachment named by a Windows path (「files\\2026\\名单.pdf」, 「C:\\Users\\张三\\名单.pdf」):
    the path with 「/」, or, for a file of this computer or a share, its copy under files/."""
    slashed = re.sub(r"(?<=[^/])/{2,}", "/", written.replace("\\", "/"))
    if _LOCAL.match(written):
        return ("这是本机上的路径，别人和网站都打不开：把文件复制到目录文件夹的 files/ 下（如 files/<年份>/），"
                f"写成目录中的路径，用 / 分隔、不加引号，如「{key or '文件'}: files/<年份>/{slashed.rsplit('/', 1)[-1]}」。")
    return f"路径用 / 分隔、不加引号：写成「{key}: {slashed}」。" if key else f"路径用 / 分隔、不加引号：写成「- {slashed}」。"
