"""The delivery for one recipient: a BagIt bag holding the 目录表 (xlsx, html, csv) and the PDF/CEB files."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import bagit

from gongkai.catalog import Catalog
from gongkai.errors import UsageProblem
from gongkai.handover import manifest as manifests
from gongkai.handover.letter import LETTER_FILE, Letter, recalls_for, to_docx
from gongkai.handover.plan import Batch
from gongkai.model.agency import Recipient
from gongkai.model.ledger import Ledger, ledger_path
from gongkai.privacy import read_attachment
from gongkai.publication.handover import LEDGER_NAME_HINT, ledger_cut, ledger_cut_hint, ledger_misnamed

# what every batch holds, a bag per recipient: a folder holding one is an earlier batch, which may be replaced
MARKS = ("*/bagit.txt",)
MANIFEST_FILES = ("manifest.xlsx", "manifest.html", "manifest.csv")
AGENT = "gongkai（基层政务公开工具）"


def write_bag(folder: Path, catalog: Catalog, batch: Batch, recipient: Recipient) -> None:
    """Write the recipient's 目录表 and files into *folder* and turn it into a BagIt bag (SHA-256)."""
    sheet = manifests.Manifest(batch, recipient)
    folder.mkdir(parents=True)
    (folder / "manifest.xlsx").write_bytes(manifests.to_xlsx(sheet))
    (folder / "manifest.html").write_bytes(manifests.to_html(sheet))
    (folder / "manifest.csv").write_bytes(manifests.to_csv(sheet))
    if recalls_for(batch, recipient):
        (folder / LETTER_FILE).write_bytes(to_docx(Letter(batch, recipient)))
    for entry in batch.entries:
        for sent in entry.files_for(recipient):
            target = folder / "files" / sent.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(read_attachment(catalog, sent.source))
    bagit.make_bag(str(folder), _bag_info(batch, recipient), checksums=["sha256"])
    _sort_tag_manifest(folder)


def _bag_info(batch: Batch, recipient: Recipient) -> dict[str, str]:
    org, settings = batch.agency.org, batch.settings
    count = sum(len(e.files_for(recipient)) for e in batch.entries)
    kept = sum(e.keeps_back(recipient) for e in batch.entries)
    info = {
        "Source-Organization": org.name,
        "Contact-Name": settings.contact or org.contact or "",
        "Contact-Phone": settings.phone or org.phone or "",
        "External-Identifier": f"{batch.date.isoformat()}-{recipient.id}",
        "External-Description": f"送交{recipient.name}的主动公开政府信息：{len(batch.entries)}件，电子文件{count}个"
                                f"{f'，其中{kept}件的公示名单含个人信息未送' if kept else ''}（覆盖{batch.period}）",
        # the day the bag was prepared for transfer (RFC 8493 §2.2.2): a batch made late (补做) was bagged that day;
        # the batch it belongs to is the group
        "Bagging-Date": batch.delivered.isoformat(),
        "Bag-Group-Identifier": batch.date.isoformat(),
        "Bag-Software-Agent": AGENT,
    }
    return {key: value for key, value in info.items() if value}


def _sort_tag_manifest(folder: Path) -> None:
    # bagit lists tag files in directory order; sort them so that the same batch gives the same bytes.
    lines = []
    for name in sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith("tagmanifest-")):
        lines.append(f"{hashlib.sha256((folder / name).read_bytes()).hexdigest()} {name}\n")
    (folder / "tagmanifest-sha256.txt").write_text("".join(lines), encoding="utf-8")


@dataclass
class BagCheck:
    """The result of checking one delivered bag."""

    path: Path
    files: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what differs but is no problem (a tag file's line endings)

    @property
    def ok(self) -> bool:
        return not self.problems


def find_bags(folder: Path) -> list[Path]:
    """The bags of a delivered batch: *folder* itself, or its sub-folders that are bags."""
    if (folder / "bagit.txt").is_file():
        return [folder]
    # a sub-folder that was a bag and lost its bagit.txt is checked too (and said to be incomplete), not passed over
    bags = sorted(p for p in folder.iterdir() if (p / "bagit.txt").is_file() or _was_a_bag(p)) if folder.is_dir() else []
    if not bags and folder.is_file() and folder.suffix.lower() in {".zip", ".rar", ".7z", ".tar", ".gz"}:
        raise UsageProblem(f"「{folder}」是压缩文件，不是移交批次文件夹：请先解压（中文文件名请用支持 UTF-8 的解压工具），"
                           "再核对解压出的文件夹，如 gongkai handover verify 2026-12-07。")
    if not bags:
        raise UsageProblem(f"「{folder}」不是移交批次文件夹：找不到 bagit.txt。请写明 gongkai handover 输出的文件夹。")
    return bags


# What bagit raises on a bag it cannot read, besides its own errors: a tag file saved by Notepad in GBK or UTF-16
# (UnicodeError), a Payload-Oxum without its dot or a line of fetch.txt without its three parts (ValueError), a link
# in data/ to nothing (OSError). Each is a finding about that bag, never a crash that leaves the other bags unchecked.
_UNREADABLE = (bagit.BagError, UnicodeError, ValueError, OSError)


def check_bag(path: Path) -> BagCheck:
    """Check a bag's files against its SHA-256 checksums; problems are Chinese sentences."""
    result = BagCheck(path)
    try:
        bag = bagit.Bag(str(path))
    except _UNREADABLE as exc:
        result.problems = [_unreadable(exc, path)]
        return result
    result.files = len(bag.payload_entries())
    try:
        bag.validate()
    except bagit.BagValidationError as exc:
        details = exc.details or _compare(path, bag)
        renamed = _renamed(path, bag, details)
        result.problems += [f"{old}：文件名被改成「{new}」，内容与校验值一致（中文文件名的包用 GBK 编码的压缩工具打包、"
                            "在另一种编码的系统上解压时常会这样）。请把文件名改回，或用支持 UTF-8 文件名的工具重新压缩、解压"
                            for old, new in renamed.items()]
        gone = {*renamed, *renamed.values()}
        for detail in (d for d in details if getattr(d, "path", None) not in gone):
            name = str(getattr(detail, "path", ""))
            how = _text_only(path / name, detail.expected) if isinstance(detail, bagit.ChecksumMismatch) else None
            if how is not None and name.startswith("data/") and how == LINE_ENDS:
                # RFC 8493 §2.1: a tag file's lines may end in LF, CR or CRLF; a copy through Windows (git's
                # autocrlf, an FTP text transfer) changes them and nothing else. A document so changed is not the
                # one delivered: a PDF does not survive it.
                result.problems.append(f"{name}：只有换行符被改动（LF 与 CRLF 互换，多见于 git 的 autocrlf 或 "
                                       "FTP 的文本方式传送），文字与原件相同，但已不是送交的原件；PDF 等文件经过这样的"
                                       "转换会损坏。请用二进制方式重新复制或压缩这个包后再核对")
            elif how is not None and name == "bagit.txt" and how != LINE_ENDS:
                result.problems.append(f"bagit.txt：{how}，其余内容与校验值一致，但 BagIt 标准不允许 bagit.txt 带 BOM。"
                                       "请用记事本把它另存为「UTF-8」（不是「带有 BOM 的 UTF-8」），或向送交方要回原件")
            elif how is not None and not name.startswith("data/"):
                result.notes.append(f"{name}：{how}，内容与校验值一致")
            else:
                result.problems.append(_explain(detail))
        if not details:
            result.problems = [f"校验失败：{_bag_error(exc, path)}"]
    except _UNREADABLE as exc:
        result.problems = [_unreadable(exc, path)]
    return result


def _unreadable(exc: Exception, path: Path) -> str:
    """A bag bagit could not open or read to the end, in Chinese: a file it could not read named as a file."""
    if isinstance(exc, OSError) and exc.filename:
        name, bag = Path(os.fsdecode(exc.filename)), Path(os.path.abspath(path))  # (bagit names it from the bag's
        shown = name.relative_to(bag).as_posix() if name.is_relative_to(bag) else name.name  # absolute path)
        return (f"{shown}：无法读取（指向不存在的文件的链接，或没有读取权限）。包中只应有送交的文件：请删去它，"
                "或向送交方要回原件")
    return f"不是完整的 BagIt 包：{_bag_error(exc, path)}"


def check_against_ledger(path: Path, catalog: Catalog) -> list[str]:
    """What the bag at *path* holds that its batch's ledger in *catalog* does not record, in Chinese: a bag whose files
    were changed and whose checksum lists were then made again agrees with itself, not with the ledger the bureau
    keeps (handover/<批次日期>.yaml: each file's SHA-256, and what a 馆 did not receive, 未送)."""
    info = _bag_fields(path / "bag-info.txt")
    day, named = info.get("Bag-Group-Identifier", ""), info.get("External-Identifier", "")
    # the bag names its recipient (External-Identifier: 2026-09-20-tsg), whatever its folder was renamed to
    recipient = named[len(day) + 1:] if day and named.startswith(f"{day}-") else path.name
    ledgers = {ledger.id: (where, ledger) for where, ledger in catalog.models("ledger")}
    if day not in ledgers and (unread := catalog.unread_file(day, ("ledger",))) is not None:
        where, first = unread  # a ledger edited by hand is there, and is no missing one
        at = f"第{first.line}行第{first.column}列" if first is not None and first.line else ""
        why = f"（{at}{first.message}）" if first is not None else ""
        return [f"台账 {where} 读不出来{why}：无法与送交记录核对。请用 git 恢复原样（git checkout -- {where}），"
                f"或运行 gongkai validate 按指出的行列改正后再核对"]
    redated = next((ledger for where, ledger in catalog.models("ledger") if where == _ledger_path_of(day)), None)
    if day not in ledgers and redated is not None:  # the ledger is there, its 批次日期 edited by hand (GK203)
        return [f"{ledger_misnamed(day, redated.id)}：无法与送交记录核对。{LEDGER_NAME_HINT}"]
    if day not in ledgers:
        return [f"目录中没有这一批的台账（{_ledger_path_of(day)}）：无法与送交记录核对"]
    where, ledger = ledgers[day]
    if (cut := ledger_cut(ledger)) is not None:  # what the ledger lost would be blamed on the bag
        return [f"台账 {where} {cut.removeprefix('台账')}，无法与送交记录核对。{ledger_cut_hint(where)}"]
    if recipient not in ledger.recipients:
        return [f"台账 {where} 的接收单位中没有「{recipient}」"]
    expected = _sent_to(ledger, recipient)
    found: dict[str, set[str]] = {}
    strange: dict[str, list[str]] = {}  # record id → the bag's files of it whose content the ledger does not know
    files = path / "data" / "files"
    for file in sorted(files.rglob("*")) if files.is_dir() else []:
        if file.is_file():
            record_id = file.relative_to(files).parts[0]
            digest = hashlib.sha256(file.read_bytes()).hexdigest()
            found.setdefault(record_id, set()).add(digest)
            if digest not in expected.get(record_id, set()):
                strange.setdefault(record_id, []).append(file.relative_to(path).as_posix())
    problems = []
    for record_id in sorted({*strange, *expected}):
        missing = len(expected.get(record_id, set()) - found.get(record_id, set()))
        for name in strange.get(record_id, []):
            if missing:  # a document of the record is there with other content: changed, cut short, replaced
                missing -= 1
                problems.append(f"{name}：内容与台账 {where} 记录送交「{recipient}」的版本不同（被改动、不完整或换成了另一个文件）")
            else:
                problems.append(f"{name}：台账 {where} 没有记录把这个版本送交「{recipient}」（内容被替换，或不属于这一批）")
        if missing:
            problems.append(f"信息 {record_id}：台账 {where} 记录送交的 {missing} 个文件不在包中")
    return problems


def _ledger_path_of(day: str) -> str:
    try:
        return ledger_path(dt.date.fromisoformat(day))
    except ValueError:
        return "handover/<批次日期>.yaml"


def _sent_to(ledger: Ledger, recipient: str) -> dict[str, set[str]]:
    return {sent.id: {f.sha256 for f in sent.files if recipient not in f.withheld_from} for sent in ledger.records
            if any(recipient not in f.withheld_from for f in sent.files)}


def _bag_fields(path: Path) -> dict[str, str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def _was_a_bag(folder: Path) -> bool:
    return folder.is_dir() and ((folder / "data").is_dir() or any(folder.glob("manifest-*.txt")))


# bagit's English for a bag it cannot open, in Chinese (the file names are the bag's own).
_BAG_ERRORS = (
    (re.compile(r"Expected bagit.txt does not exist"), "缺少 bagit.txt（包的说明文件被删去了）"),
    (re.compile(r"Missing required tag in bagit.txt: (.*)"), "bagit.txt 缺少必需的项：{0}"),
    # (the file by its name; the line as it is written, a path in it too: 「见 data/files」 was shown as 「files」)
    (re.compile(r"(?:\S*/)?(\S+) contains invalid tag: (.*)"), "{0} 中有一行不是「名称: 值」：「{1}」"),
    (re.compile(r"Bag version numbers|Unsupported bag version"), "bagit.txt 中的 BagIt-Version 无效"),
    (re.compile(r"is unsafe"), "校验清单中有指向包外的路径"),
    (re.compile(r"multiple times"), "校验清单中同一个文件列了不止一次"),
    (re.compile(r"Payload-Oxum validation failed\. Expected (\d+) files and (\d+) bytes but found (\d+) files and "
                r"(\d+) bytes"), "bag-info.txt 中的 Payload-Oxum 记录 {0} 个文件、{1} 字节，包中实有 {2} 个文件、{3} 字节"),
    (re.compile(r"Payload-Oxum"), "bag-info.txt 中的 Payload-Oxum（文件数和字节数）无效"),
    (re.compile(r"Malformed URL in fetch\.txt"), "fetch.txt 中有一行的网址无效"),
    (re.compile(r"Expected data directory"), "缺少 data 文件夹（送交的文件和目录表都在其中）"),
    (re.compile(r"No manifest files found"), "缺少校验清单 manifest-sha256.txt"),
    (re.compile(r"Unsupported encoding: (.*)"), "bagit.txt 写的编码「{0}」无效"),
    (re.compile(r"byte-order mark"), "bagit.txt 开头有字节顺序标记（BOM，多见于用记事本打开后保存），BagIt 标准不允许"),
)


def _bag_error(exc: Exception, path: Path) -> str:
    """What bagit could not open, in Chinese, and what to do."""
    return f"{_said(exc, path)}。这一包被改动过或不完整：请向送交方要回原件，或用 gongkai handover 重新生成这一批"


def _said(exc: Exception, path: Path) -> str:
    """What is wrong with the bag at *path*, in Chinese, from what bagit raised (its English is never shown)."""
    if isinstance(exc, UnicodeError):
        return _undecodable(path)
    text = str(exc)
    said = next((chinese.format(*m.groups()) for pattern, chinese in _BAG_ERRORS if (m := pattern.search(text))), None)
    if said is not None:
        return said
    oxum = _bag_fields(path / "bag-info.txt").get("Payload-Oxum")
    if isinstance(exc, ValueError) and oxum is not None and not re.fullmatch(r"\d+\.\d+", oxum):
        return "bag-info.txt 中的 Payload-Oxum（文件数和字节数）无效"  # bagit splits it at its dot unchecked
    if isinstance(exc, ValueError) and (path / "fetch.txt").is_file():
        return "fetch.txt 中有一行不是「网址 大小 文件名」"
    return "包的说明文件或校验清单有误"


def _undecodable(path: Path) -> str:
    """The tag file of the bag at *path* that is not in the encoding bagit.txt declares, named."""
    declared = _bag_fields(path / "bagit.txt").get("Tag-File-Character-Encoding") or "UTF-8"
    for file in sorted(p for p in path.glob("*.txt") if p.is_file()):
        encoding = "UTF-8" if file.name == "bagit.txt" else declared
        try:
            file.read_bytes().decode(encoding)
        except (UnicodeError, LookupError):
            return (f"{file.name} 不是 {encoding} 编码（多见于用记事本打开后另存为 ANSI 或 Unicode；gongkai 生成的包"
                    "都是 UTF-8）")
    return "有说明文件不是 UTF-8 编码（多见于用记事本打开后另存为 ANSI 或 Unicode）"


def _compare(path: Path, bag: bagit.Bag) -> list[object]:
    """Each file against its checksum: bagit stops at the byte-count summary (Payload-Oxum) before saying which."""
    details: list[object] = []
    for name, hashes in sorted(bag.entries.items()):
        expected = hashes.get("sha256")
        target = path / name
        if expected is None:  # (a tag file too: bag-info.txt edited, so its Payload-Oxum no longer holds, is named)
            continue
        if not target.is_file():
            details.append(bagit.FileMissing(name))
        elif (found := hashlib.sha256(target.read_bytes()).hexdigest()) != expected:
            details.append(bagit.ChecksumMismatch(name, "sha256", expected, found))
    details += [bagit.UnexpectedFile(name) for name in sorted(bag.payload_files()) if name not in bag.entries]
    return details


def _renamed(path: Path, bag: bagit.Bag, details: list[object]) -> dict[str, str]:
    """Each missing file (as the manifest names it) → the unexpected file that has its content: the same document
    under another name (a name mangled by an unzip tool that read it in another encoding)."""
    wanted: dict[str, str] = {}
    for detail in details:
        if isinstance(detail, bagit.FileMissing):
            wanted.setdefault(bag.entries.get(detail.path, {}).get("sha256", ""), detail.path)
    found: dict[str, str] = {}
    for detail in details:
        if isinstance(detail, bagit.UnexpectedFile) and wanted:
            try:
                digest = hashlib.sha256((path / detail.path).read_bytes()).hexdigest()
            except OSError:
                continue
            if (old := wanted.pop(digest, None)) is not None:
                found[old] = detail.path
    return found


LINE_ENDS = "换行符被改为另一种格式（LF 与 CRLF 互换）"
BOM = "开头被加上了字节顺序标记（BOM，多见于用记事本打开后保存）"


def _text_only(file: Path, expected: str) -> str | None:
    """How *file* differs from the version whose SHA-256 is *expected* when only its line endings or a byte-order
    mark put before it (Notepad's UTF-8) changed, in Chinese; None when its text changed too."""
    try:
        text = file.read_bytes()
    except OSError:
        return None
    bare = text.removeprefix(b"\xef\xbb\xbf")
    lf = bare.replace(b"\r\n", b"\n").replace(b"\r", b"\n")  # called on a mismatch: the bytes as found do not match
    if expected not in {hashlib.sha256(variant).hexdigest() for variant in (lf, lf.replace(b"\n", b"\r\n"))}:
        return None
    if bare == text:
        return LINE_ENDS
    return BOM if hashlib.sha256(bare).hexdigest() == expected else f"{BOM}，{LINE_ENDS}"


def _explain(detail: object) -> str:
    if isinstance(detail, bagit.ChecksumMismatch):
        return f"{detail.path}：内容与校验值不符（应为 {detail.expected}，实为 {detail.found}）"
    if isinstance(detail, bagit.FileMissing):
        return f"{detail.path}：文件缺失"
    if isinstance(detail, bagit.UnexpectedFile):
        return f"{detail.path}：清单之外多出的文件"
    return str(detail)
