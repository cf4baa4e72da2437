"""The one check an attachment passes before anything reads, scans, copies or hands it over.

An attachment (附件: - 文件: files/…) must be a plain relative path under the catalog's files/ folder, every part of
it a real folder or file (no symbolic link, even one pointing inside files/), the last part a regular file, in an
allowed format, whose content matches its extension. validate reports a failure at the 附件 entry (GK606–GK609), the
gate blocks the record, and publishers read attachments only through read_attachment(), which refuses the same
files: no publisher can copy what the check refused.
"""

from __future__ import annotations

import functools
import os
import posixpath
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from gongkai.catalog import Catalog
from gongkai.catalog.skipped import windows_name_problem, windows_path_hint
from gongkai.catalog.sources import SKIP_DIRS
from gongkai.characters import cut_short
from gongkai.errors import PublicationStopped, describe_os_error
from gongkai.privacy.formats import HEAD_BYTES, TAIL_BYTES, ZIP_END, mismatch, refusal

FOLDER = "files"

TWIN_HINT = "给两个文件起不同的名字（如 R2026-012.pdf 和 R2026-012-2.pdf），删除多余的一个，并改正附件路径。"
PATH_HINT = "附件只能是目录文件夹中 files/ 下的普通文件，写相对路径，用 / 分隔，如 files/2026/R2026-012.pdf。"


@dataclass(frozen=True)
class FileProblem:
    """Why an attachment may not be published: the rule, a Chinese sentence saying which problem, and a fix."""

    code: str
    reason: str
    hint: str


class AttachmentRefused(PublicationStopped):
    """An attachment that failed the check was asked for; str() is the Chinese reason."""

    def __init__(self, path: str, problem: FileProblem) -> None:
        super().__init__(f"附件「{path}」不能公开：{problem.reason}")
        self.problem = problem


def suffix_of(path: str) -> str:
    """The extension of *path*, lower case, without the dot ("" when there is none)."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name.strip(".") else ""


def resolved(path: str) -> str:
    """*path* as a file system resolves it: «\\» separates folders (Windows), empty and «.» parts are nothing, «..» goes
    up. A record that writes files\\2026\\名单.pdf, ./files/2026/名单.pdf or files/2026//名单.pdf names files/2026/名单.pdf,
    whatever path_problem says of how it is written."""
    return posixpath.normpath(path.replace("\\", "/")) if path else path


def same_file(path: str) -> str:
    """What the paths of two attachments that are one file on some computer have in common: resolved, and the same up
    to case and Unicode form (Windows and macOS open 名单.PDF for 名单.pdf). Records are compared by this, never by the
    path as written."""
    return unicodedata.normalize("NFC", resolved(path)).casefold()


def path_problem(path: str) -> FileProblem | None:
    """What is wrong with how *path* is written, before the file system is asked."""
    unsafe = "GK606"
    if "\\" in path:  # 「files\\2026\\名单.pdf」, 「C:\\Users\\张三\\名单.pdf」: what to write instead
        return FileProblem(unsafe, "路径含有反斜杠「\\」", windows_path_hint("文件", path))
    if len(path) > 1 and path[1] == ":":
        return FileProblem(unsafe, "是绝对路径，不在目录文件夹中", windows_path_hint("文件", path))
    if path.startswith("/"):
        return FileProblem(unsafe, "是绝对路径，不在目录文件夹中", PATH_HINT)
    parts = path.split("/")
    if ".." in parts:
        return FileProblem(unsafe, "路径含有「..」，指向 files/ 之外", PATH_HINT)
    if any(p in ("", ".") for p in parts) or any(ord(c) < 32 for c in path):
        return FileProblem(unsafe, "路径写法不规范（含空的部分、「.」或控制字符）", PATH_HINT)
    if parts[0] != FOLDER or len(parts) < 2:
        return FileProblem(unsafe, "不在目录的 files/ 文件夹中", PATH_HINT)
    # a folder the catalog's listing skips (catalog.sources): a change of a file in it would change no fingerprint,
    # and a build or the gate's memo would go on with what it decided from the file before
    if (hidden := next((p for p in parts[:-1] if p.startswith(".") or p in SKIP_DIRS), None)) is not None:
        return FileProblem(unsafe, f"在隐藏文件夹或 gongkai 不读取的文件夹「{hidden}」中", PATH_HINT)
    return None


def attachment_problem(catalog: Catalog, path: str) -> FileProblem | None:
    """The one check of an attachment: path, symbolic links, regular file, format, content; None when it passes."""
    problem = path_problem(path) or _name_too_long(path)
    if problem is not None:
        return problem
    root = getattr(catalog.source, "root", None)
    if root is None:  # a git revision: no links to follow, the listing is the truth
        if not catalog.source.exists(path):
            return FileProblem("GK607", "文件不存在", _missing_hint(path))
        return _format_problem(path) or _content_problem(path, catalog.source.read(path))
    problem = _on_disk(Path(root), path) or _format_problem(path)
    if problem is not None:
        return problem
    with open(os.path.join(root, path), "rb") as handle:
        head = handle.read(HEAD_BYTES)
        handle.seek(max(handle.seek(0, os.SEEK_END) - TAIL_BYTES, 0))
        tail = handle.read()
    # the head tells a format; a zip archive (docx, xlsx, ofd, or one on the end of another file) is read whole
    needs_all = suffix_of(path) in ("docx", "xlsx", "ofd", "csv") or ZIP_END in tail
    return _content_problem(path, _read(Path(root), path) if needs_all else head)


# The longest file name Linux keeps (the web server, CI, an archive unpacked there): 255 bytes of UTF-8, which
# 85 Chinese characters exceed, while Windows allows 255 of them. A document's whole title as its file name does.
MAX_NAME_BYTES = 255


# The longest path Windows opens without long-path support (MAX_PATH, 260 with the closing NUL: 259 characters), less
# the folder the column or the catalog sits in there: the county's IIS server keeps the column at
# C:\inetpub\wwwroot\zwgk\zfxxgkzl\bmzfxxgk\mzj\ (45 characters), a clerk's PC the catalog at
# C:\Users\<name>\Documents\gongkai\catalog\ and the 两馆 a batch in a dated folder. A longer attachment path
# (folders within folders: files/2026/社会救助股/低保/第三季度/…) cannot be copied there, and its link is broken.
MAX_PATH_CHARS = 200


def _name_too_long(path: str) -> FileProblem | None:
    name = next((part for part in path.split("/") if len(part.encode("utf-8")) > MAX_NAME_BYTES), None)
    if name is None:
        if len(path) <= MAX_PATH_CHARS:
            return None
        return FileProblem("GK607", f"路径太长（{len(path)} 个字符）：Windows 的完整路径最多 259 个字符，县政府网站的服务器、"
                           f"同事和两馆的电脑上放网站或目录的文件夹还要占去几十个，超过 {MAX_PATH_CHARS} 个字符的附件路径在那里"
                           "无法复制、打开，网页上的附件成为断链",
                           "把文件移到 files/<年份>/ 下（少套几层文件夹），文件名短一些（如 R2026-012.pdf；要显示的标题写在"
                           "「名称: ……」中），并改正这里的路径。")
    return FileProblem("GK607", f"文件名太长：「{cut_short(name, 20)}」有 {len(name)} 个字（{len(name.encode('utf-8'))} 字节），"
                       f"超过 Linux 服务器（网站、CI）能存的 {MAX_NAME_BYTES} 字节：在 Windows 上能保存，检出或解压到服务器上就丢了",
                       "把文件改名为短一些的名字（如 R2026-012.pdf；要显示的标题写在「名称: ……」中），并改正这里的路径。")


def _format_problem(path: str) -> FileProblem | None:
    """A format not allowed (GK608), else a name Windows cannot hold (GK606): 「list.pdf.」 is said to have no format."""
    reason = refusal(suffix_of(path))
    if reason is None:
        return _windows_problem(path)
    return FileProblem("GK608", reason, "把文件另存为允许的格式（公文用 PDF 或 OFD，名单用 xlsx 或 csv），并改正附件路径。")


def _windows_problem(path: str) -> FileProblem | None:
    """The site, the portal export and the 两馆's batch are copied to Windows (the county's IIS server, the 馆's PCs): a
    file Windows cannot hold fails the copy there, or is served as another (GK018 names the file itself)."""
    found = windows_name_problem(path)
    if found is None:
        return None
    reason, hint = found
    return FileProblem("GK606", f"的文件名在 Windows 上无效，县政府网站的服务器和两馆的电脑无法保存：{reason}", hint)


def _content_problem(path: str, data: bytes) -> FileProblem | None:
    reason = mismatch(suffix_of(path), data)
    if reason is None:
        return None
    return FileProblem("GK609", f"扩展名是 .{suffix_of(path)}，但{reason}",
                       "确认登记的是正确的文件；用原程序重新另存为该格式，不要只改扩展名。")


def _missing_hint(path: str, folder: Path | None = None) -> str:
    cut = _cut_by_comment(path, folder) if folder is not None else None
    if cut is not None:
        return (f"文件夹里有「{cut}」：YAML 把「 #」和它后面的文字当作注释，路径只读到了「{path}」。请给路径加上引号："
                f'文件: "{path.rsplit("/", 1)[0]}/{cut}"，或把文件改名，去掉「#」。')
    return f"把文件放到目录文件夹中的 {path}，或改正附件路径。"


def _cut_by_comment(path: str, folder: Path) -> str | None:
    """The file in *folder* whose name YAML cut at 「 #」 (a comment) down to *path*'s last part, if there is one:
    「文件: files/2026/名单 #2.pdf」 reads as files/2026/名单."""
    name = path.rsplit("/", 1)[-1]
    try:
        return next((entry.name for entry in sorted(folder.iterdir())
                     if entry.name.startswith((f"{name} #", f"{name}\t#"))), None)
    except OSError:
        return None


def _on_disk(root: Path, path: str) -> FileProblem | None:
    """Walk the path part by part without following links: every part must exist, none may be a link."""
    current = root
    parts = path.split("/")
    for index, part in enumerate(parts):
        current = current / part
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            last = index == len(parts) - 1
            return FileProblem("GK607", "文件不存在", _missing_hint(path, current.parent if last else None))
        except OSError as exc:
            return FileProblem("GK607", f"无法读取（{describe_os_error(exc)}）", _missing_hint(path))
        if stat.S_ISLNK(info.st_mode):
            where = "文件" if index == len(parts) - 1 else f"其中的文件夹「{'/'.join(parts[:index + 1])}」"
            return FileProblem("GK606", f"{where}是符号链接（快捷方式），公开的可能是别处的文件",
                               "把真正的文件复制到 files/ 中，删除符号链接。")
        twin = _twin(current.parent, part)
        if twin is not None:
            return FileProblem("GK606", f"与「{'/'.join([*parts[:index], twin])}」只差大小写或 Unicode 写法，在 Windows 和 macOS "
                               "上是同一个文件：检出后公开的可能是另一个", TWIN_HINT)
        if index < len(parts) - 1 and not stat.S_ISDIR(info.st_mode):
            return FileProblem("GK607", "文件不存在（路径中的「" + part + "」不是文件夹）", _missing_hint(path))
    if stat.S_ISDIR(info.st_mode):
        return FileProblem("GK607", "是文件夹，不是文件", "附件应写到具体的文件，如 files/2026/R2026-012.pdf。")
    if not stat.S_ISREG(info.st_mode):
        return FileProblem("GK607", "不是普通文件（是设备、管道或套接字）", PATH_HINT)
    if info.st_nlink > 1:  # a hard link shares its content with a file elsewhere, which may change it at any time
        return FileProblem("GK606", f"是硬链接（与另外 {info.st_nlink - 1} 处的文件是同一个文件），公开的可能是别处的文件",
                           "把文件复制一份（不要用硬链接）放到 files/ 中。")
    real = Path(os.path.realpath(root / path))
    if not real.is_relative_to(Path(os.path.realpath(root / FOLDER))):
        return FileProblem("GK606", "实际位置不在目录的 files/ 文件夹中", PATH_HINT)
    return None


def _twin(folder: Path, name: str) -> str | None:
    """Another entry of *folder* that Windows and macOS take for *name* (the same up to case and Unicode form)."""
    try:
        changed = os.stat(folder).st_mtime_ns
    except OSError:
        return None
    return _twins(str(folder), changed).get(name)


@functools.lru_cache(maxsize=256)
def _twins(folder: str, changed: int) -> dict[str, str]:
    """Each name in *folder* that has a twin, with one twin; cached per folder until the folder changes."""
    groups: dict[str, list[str]] = {}
    for name in os.listdir(folder):
        groups.setdefault(unicodedata.normalize("NFC", name).casefold(), []).append(name)
    return {name: next(other for other in names if other != name)
            for names in groups.values() if len(names) > 1 for name in names}


def _read(root: Path, path: str) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(os.path.join(root, path), flags)
    with os.fdopen(descriptor, "rb") as handle:
        return handle.read()


def read_attachment(catalog: Catalog, path: str) -> bytes:
    """The bytes of an attachment that passes the check; AttachmentRefused otherwise. Publishers read only this way."""
    root = getattr(catalog.source, "root", None)
    problem = path_problem(path)
    if problem is None and root is not None:
        problem = _on_disk(Path(root), path)
    problem = problem or _format_problem(path)
    if problem is None:
        try:
            data = _read(Path(root), path) if root is not None else catalog.source.read(path)
        except (OSError, KeyError):
            raise AttachmentRefused(path, FileProblem("GK607", "文件不存在", _missing_hint(path))) from None
        problem = _content_problem(path, data)
    if problem is not None:
        raise AttachmentRefused(path, problem)
    return data
