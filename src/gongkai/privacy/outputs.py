"""Defence in depth: scan what was actually written — every page, feed, data file, manifest, copied attachment —
before it is swapped in, independently of the source scan (which it never consults).

Files are read by what they are, not by their names: gzip is decompressed, zip containers (xlsx, docx, ofd) are
opened member by member, PDF text and metadata are extracted; everything else is text decoded leniently, with
tags stripped, entities and JSON escapes decoded. A cheap prefilter on the raw bytes skips files that have no run
of eleven digits (in any form: 3, ３, &#51;, \\u0033, split by spaces, dashes, invisible characters or inline tags):
nearly every page is passed over without being parsed.
"""

from __future__ import annotations

import functools
import hashlib
import html
import io
import os
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from gongkai.bounded import Bounded
from gongkai.errors import PublicationStopped
from gongkai.privacy.detect import KINDS, Hit, find
from gongkai.privacy.documents import (MAX_UNPACKED, gunzipped, ole_file_segments, pdf_segments, quiet,
                                       shown_readings, word_styles, xlsx_shown, zip_surroundings)
from gongkai.privacy.extract import FORMULA_STARTS, Segment, Unreadable, csv_formula_texts, decode_text
from gongkai.privacy.markup import markup_text
from gongkai.privacy.normalize import (ESCAPES, SEPARATE, STARRED, encoded_may_hold_number, may_hold_number,
                                      percent_decoded, unescaped, without_markdown_marks)
from gongkai.privacy.organisations import ACCOUNT_LINES, account_of_body
from gongkai.privacy.pictures import LOCATED, is_picture, located_within, picture_texts

MAX_DEPTH = 4
_D = (rb"(?:[0-9]|\xef\xbc[\x90-\x99]|\xd9[\xa0-\xa9]|\xdb[\xb0-\xb9]|\xe0\xa5[\xa6-\xaf]|\xf0\x9d\x9f[\x8e-\xbf]"
      rb"|&#[xX]?0*[0-9a-fA-F]{1,6};?|\\u[0-9a-fA-F]{4}|%3[0-9]|&sup[123];?"
      rb"|\\x3[0-9]|=3[0-9])")  # (a digit escaped as C writes a byte, or quoted-printable: \x31, =31)
_BLOCK_TAG = (rb"/?(?:p|div|td|th|tr|li|hr|h[1-6]|table|thead|tbody|section|article|header|footer|nav|main|ul|ol|dt|dd"
              rb"|title|option|head|body|html|entry|loc|row|c|si|v)\b")
_J = (rb"(?:[\s\-./_*`~\\]|\xe2\x80[\x80-\x95\xa8-\xaf]|\xe2\x81[\xa0-\xaf]|\xe2\x88\x92|\xc2[\xa0\xad\xb7]|\xe3\x80\x80"
      rb"|\xef\xbb\xbf|\xef\xbc[\x8a\x8d\x8e\x8f]|\xef\xbc\xbf|\xef\xb9\xa3|\xc3\x97"
      rb"|&[A-Za-z][A-Za-z0-9]{1,31};|&[A-Za-z]{2,8}|%[0-9A-Fa-f]{2}"  # (&ZeroWidthSpace; has fifteen letters)
      rb"|[:+()OoIl]|\xef\xbc[\x8c\x9a\x88\x89]|\xe3\x80[\x81\x82]|\xe2\x80\xa2"  # ，：（）、。•
      rb"|\xe3\x85\xa4|\xe2\xa0\x80|\xe1\x85[\x9f\xa0]|\xef\xbe\xa0"  # fillers drawn as nothing
      rb"|[\"']|\xe2\x80[\x98\x99\x9c\x9d]|\xe3\x80[\x8c-\x8f]|\xef\xbc[\x82\x87]"  # quotes: " ' ‘ ’ “ ” 「 」 『 』 ＂ ＇
      rb"|&#[xX]?0*[0-9a-fA-F]{1,6};?"  # (a reference kept as written: &#34; is a quote)
      rb"|=\r?\n|\\x[0-9a-fA-F]{2}|=[0-9a-fA-F]{2}"  # (bytes escaped between digits; quoted-printable's soft break)
      rb"|<!\[CDATA\[|\]\]>"  # (a CDATA section's text is the text: 138<![CDATA[0595]]>1234)
      rb"|<!--.{0,200}?-->|<(?!" + _BLOCK_TAG + rb")[A-Za-z/][^<>]{0,2000}>)")
_PREFILTER = re.compile(_D + rb"(?:" + _J + rb"{0,8}" + _D + rb"){10}", re.DOTALL)
# The same for a line whose digits are all ASCII (nearly every line): a tag of any kind counts as a separator here,
# which only lets more lines through to the detector.
_J_ASCII = _J.replace(rb"<(?!" + _BLOCK_TAG + rb")", rb"<")
_ASCII_PREFILTER = re.compile(rb"(?<![0-9])[0-9](?:" + _J_ASCII + rb"{0,8}+[0-9]){10}", re.DOTALL)
# The same with the letters the detector reads as digits among them (normalize: l38O5951234 is 13805951234), for an
# ASCII line holding both: there they count as digits, not as what joins them.
_LOOKALIKES = b"IOlo"
_J_BESIDE = _J_ASCII.replace(rb"[:+()OoIl]", rb"[:+()]")
# (only a letter touching a digit is read so here — l38O…, 138l…; one joined to digits by a space or a tag is left to
# the source scan, which reads every form: asking the whole run of every line of every page costs a fifth of the scan)
_LOOKALIKE_BESIDE_DIGIT = re.compile(rb"[IOlo][0-9]|[0-9][IOlo]")
_LOOKALIKE_PREFILTER = re.compile(rb"[0-9IOlo](?:" + _J_BESIDE + rb"{0,8}+[0-9IOlo]){10}", re.DOTALL)
# Digits no byte test above sees: Chinese numerals (一三八…, 壹叁捌…, 〇, ○) and circled, parenthesized,
# superscript and subscript digits (①, ⑴, ¹, ₁). A line holding one is decoded and looked at as text (a character
# class is far cheaper there than byte alternatives); seven of them close together send it to the detector.
_RARE = "〇零○◯一壹幺二贰貳两三叁參四肆五伍六陆陸七柒八捌九玖" + "".join(
    chr(c) for first, last in ((0x00B2, 0x00B9), (0x2070, 0x2089), (0x2460, 0x24FF), (0x2776, 0x2793))
    for c in range(first, last + 1))
_ANY_RARE = re.compile(f"[{_RARE}]")
_RARE_JOIN = r"(?:[^\w<]|[OoIl_\u3164\u115f\u1160\uffa0]|<[^<>]{0,200}>)"
# Seven of them, digits allowed between (138幺二三四五六七八): eleven counting digits would send every line with a
# date to the detector.
_RARE_RUN = re.compile(rf"[{_RARE}](?:(?:{_RARE_JOIN}|\d){{0,8}}[{_RARE}]){{6}}")
_FULL_WIDTH_DIGIT = re.compile(rb"\xef\xbc[\x90-\x99]")  # ０–９
# Every byte but the lead bytes of Arabic-Indic (\xd9, \xdb), Indic (\xe0) and supplementary-plane (\xf0) characters.
_COMMON_BYTES = bytes(b for b in range(256) if b not in (0xD9, 0xDB, 0xE0, 0xF0))
# Markup is cut where a tag ends a line (a block's end): a number wrapped inside a paragraph stays in one piece.
_LINE_END = b">\n"
# A part of an Office file is one line of XML: a worksheet's rows, a workbook's shared strings and a Word document's
# paragraphs are the lines its reader sees (a cell's number stays whole within its row).
_PART_ENDS = (b"</row>", b"</si>", b"</w:p>")
_ANY_TAG = re.compile(r"<[^<>]{0,2000}>")
# Fifteen letters, digits, «+» «/» «-» «_» in a row (encoded.MIN_RUN): a line that may hold a run of base64.
_BASE64_RUN = re.compile(rb"[A-Za-z0-9+/_\-]{15}")
# The fewest ASCII characters a suspicious line holds: eleven digits, or eleven characters from 1[3-9] to the last
# of a number masked too little (13800*38000); references, escapes and base64 take more.
_SHORTEST = 11
# A digit before a mask mark (normalize.MASK_MARKS: * # ? X x ● ■ ◆ ★ ※, and ＊; the low line of AMBIGUOUS_MARKS, whose
# ○ and 〇 the tests above read as digits): a number masked too little
# (13800*38000) holds fewer than eleven digits; such a line is decoded and asked normalize.STARRED, as find() asks it.
# (or after one: a mobile masked from its start, ****5951234, holds seven)
_MARK_BYTES = rb"(?:[*#?Xx_]|\xe2\x97\x8f|\xe2\x96\xa0|\xe2\x97\x86|\xe2\x98\x85|\xe2\x80\xbb|\xef\xbc\x8a)"
_DIGIT_MARK = re.compile(rb"[0-9]" + _MARK_BYTES + rb"|" + _MARK_BYTES + rb"[0-9]")
_FEWEST_STARRED_DIGITS = 7
_HEXADECIMAL = re.compile(rb"0[xX][0-9A-Fa-f]{8}")
_HIDDEN = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xef\xbf\xbd")  # what decoding left in place of what was shown


@dataclass(frozen=True)
class OutputFinding:
    """Personal data in a written output: the file, where inside it, the kind, the value masked, and the record."""

    file: str
    kind: str
    masked_value: str
    where: str = ""
    record_id: str | None = None

    @property
    def label(self) -> str:
        return KINDS.get(self.kind, "无法检查的内容")

    @property
    def name(self) -> str:
        return self.file

    @property
    def masked(self) -> str:
        return self.masked_value

    @property
    def sentence(self) -> str:
        """One Chinese line for the user, masked."""
        inside = f"（{self.where}）" if self.where else ""
        record = f"，来自信息 {self.record_id}" if self.record_id else ""
        value = f"「{self.masked_value}」" if self.masked_value else ""
        return f"{self.file}{inside}：{self.label}{value}{record}"


class OutputLeak(PublicationStopped):
    """Personal data was found in an assembled output: nothing was swapped in. str() lists the findings, masked."""

    def __init__(self, findings: list[OutputFinding]) -> None:
        shown = "\n".join(f"  {f.sentence}" for f in findings[:50])
        more = f"\n  ……共 {len(findings)} 处" if len(findings) > 50 else ""
        super().__init__("输出中发现未遮盖的个人信息，已停止，旧的输出保持不变：\n" + shown + more +
                         "\n请先改正来源（gongkai validate 会指出位置；它没有指出的，请打开上面列出的信息或文件，找到这个号码遮盖或删去），"
                         "再重新生成。")
        self.findings = findings


def scan_output(name: str, data: bytes, allowed: frozenset[str]) -> list[OutputFinding]:
    """Personal data in one output file *name* with content *data* (the bureau's own numbers in *allowed* pass)."""
    with quiet():
        return list(_scan(name, data, "", allowed, 0))


def scan_tree(folder: Path, names: Iterable[str] | None, allowed: frozenset[str],
              records: Mapping[str, str] | None = None) -> list[OutputFinding]:
    """Scan the files *names* (relative to *folder*; every file under it when None); *records* maps a file to the
    record it came from, so a finding names it.

    Pages share most of their lines (navigation, footer, list rows): text files are cut into lines, each distinct
    line is prefiltered once, and only files holding a suspicious line are scanned in full. A document written twice
    (a handover's PDF in the 档案馆's bag and in the 图书馆's) is read once: the same bytes hold the same findings.
    """
    paths = sorted(names) if names is not None else _files(folder)
    found: list[OutputFinding] = []
    texts: list[tuple[str, bytes]] = []
    with quiet():
        for name in paths:
            with open(os.path.join(folder, name), "rb") as handle:
                data = handle.read()
            if _is_container(data):
                found.extend(replace(f, file=name) for f in _container_findings(name, data, allowed))
            else:
                texts.append((name, _utf8(data)))
        bad = _bad_lines([data for _, data in texts], allowed)
        for name, data in texts:
            if bad and not bad.keys().isdisjoint(lines := _lines(data)):
                found.extend(_line_findings(name, data, lines, bad, ""))
            found.extend(_csv_formulas(name, data, "", allowed))
    return [OutputFinding(f.file, f.kind, f.masked_value, f.where, (records or {}).get(f.file)) for f in found]


# The findings of a document already scanned, by its bytes (SHA-256), the numbers allowed and whether its name makes
# it a CSV file (what _scan reads of the name): a document written again unchanged — the same PDF in two handover
# bags, the 申请表 and the directory's workbook in each build of a process that builds many times (`gongkai county`,
# the tests) — is read once.
_SCANNED: Bounded[tuple[bytes, frozenset[str], bool], tuple[OutputFinding, ...]] = Bounded(64)


def _container_findings(name: str, data: bytes, allowed: frozenset[str]) -> tuple[OutputFinding, ...]:
    key = (hashlib.sha256(data).digest(), allowed, _CSV_NAME.search(name) is not None)
    return _SCANNED.made(key, lambda: tuple(_scan(name, data, "", allowed, 0)))


def check_tree(folder: Path, names: Iterable[str] | None, allowed: frozenset[str],
               records: Mapping[str, str] | None = None) -> None:
    """scan_tree, raising OutputLeak when anything is found: call it before swapping an output in."""
    found = scan_tree(folder, names, allowed, records)
    if found:
        raise OutputLeak(found)


def _files(folder: Path) -> list[str]:
    """Every regular file under *folder* (links are not followed), as sorted relative POSIX paths."""
    found: list[str] = []
    for top, dirs, files in os.walk(folder):
        prefix = os.path.relpath(top, folder).replace(os.sep, "/")
        found.extend(name if prefix == "." else f"{prefix}/{name}" for name in files
                     if not os.path.islink(os.path.join(top, name)))
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(top, d))]
    return sorted(found)


def _is_container(data: bytes) -> bool:
    return (data[:2] == b"\x1f\x8b" or data[:4] == b"PK\x03\x04" or b"%PDF-" in data[:1024]
            or is_picture(data) or data.startswith(_OLE))


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE2 compound file: an Excel 97-2003 workbook (.xls)


def _bad_lines(datas: list[bytes], allowed: frozenset[str]) -> dict[bytes, list[Hit]]:
    """The distinct lines of *datas* holding personal data, with what they hold: each line is looked at once."""
    lines: set[bytes] = set()
    for data in datas:
        lines.update(_lines(data))
    bad: dict[bytes, list[Hit]] = {}
    for line in lines:
        if _suspicious(line):
            hits = list(find(_readable(line), allowed, data=True))
            if hits:
                bad[line] = hits
    return bad


def _line_findings(name: str, data: bytes, lines: list[bytes], bad: dict[bytes, list[Hit]],
                   where: str) -> Iterator[OutputFinding]:
    """The findings of the pieces *lines* of *data* that are *bad*, each at the line of *data* it stands on."""
    seen: set[tuple[str, str]] = set()
    separator = _separator(data)
    offset, step = 0, len(separator)
    data = _unescaped_json(data, separator)
    for at, line in enumerate(lines):
        for hit in bad.get(line, ()):
            if hit.kind == "bank" and _account_above(lines, at, hit):
                continue
            if (hit.kind, hit.value) not in seen:
                seen.add((hit.kind, hit.value))
                number = data.count(b"\n", 0, offset) + 1
                yield OutputFinding(name, hit.kind, hit.masked, f"{where} 第{number}行".strip())
        offset += len(line) + step


def _account_above(lines: list[bytes], at: int, hit: Hit) -> bool:
    """True when the account *hit* on lines[at] is the organisation's whose 户名 a line above gives (a page sets
    户名, 开户行 and 账号 a paragraph each: organisations.account_of_body)."""
    if not any(b"\xe6\x88\xb7\xe5\x90\x8d" in line for line in lines[max(0, at - ACCOUNT_LINES + 1):at]):  # 户名
        return False
    # (a page's pieces end in a tag cut at its «>»: «<p>户名：测试县慈善总会</p»)
    above = "\n".join(_TAG_LEFT.sub("", _readable(line)) for line in lines[max(0, at - ACCOUNT_LINES + 1):at])
    text = f"{above}\n{_readable(lines[at])[:hit.start]}".replace(SEPARATE, "")  # (where tags were)
    return account_of_body(text, len(text))


_TAG_LEFT = re.compile(r"</?[A-Za-z][^<>\n]*>?$")


def _lines(data: bytes) -> list[bytes]:
    """A text file in the pieces that are judged one by one: markup at block ends (an Office part at its rows, strings
    or paragraphs), JSON at its quotes (each string apart: a quote between two strings separates values, so no number
    the detector reads spans it), other text at line ends. A search index or data file is one line of JSON: in pieces,
    the detector reads only the few that may hold a number, not the whole file.

    A JSON string's escapes are what a program reading it gets: 138\\"0595\\"1234 is 138"0595"1234 (a quote inside
    a string, which joins the groups), 138\\t0595\\n1234 has a tab and a line break between them. They are written
    as \\uXXXX escapes before the file is cut at its quotes, and read so (_readable)."""
    separator = _separator(data)
    pieces = _unescaped_json(data, separator).split(separator)
    if separator == _LINE_END and b"<br" in data:
        # a line break inside a paragraph (Markdown's hard break is «<br />⏎») ends no block: the lines read on
        pieces = _joined_at_breaks(pieces)
    return pieces


def _joined_at_breaks(pieces: list[bytes]) -> list[bytes]:
    joined: list[bytes] = []
    for piece in pieces:
        if joined and joined[-1].endswith(_BREAKS):
            joined[-1] += _LINE_END + piece
        else:
            joined.append(piece)
    return joined


_BREAKS = (b"<br", b"<br/", b"<br /", b"<BR", b"<BR/", b"<BR /")


def _unescaped_json(data: bytes, separator: bytes) -> bytes:
    """*data* with the escapes of a JSON file's strings as \\uXXXX (the pieces _lines cuts it into, as they lie)."""
    if separator != b'"' or b"\\" not in data:
        return data
    return _JSON_ESCAPE.sub(lambda match: _JSON_ESCAPES[match.group(1)], data)


_JSON_ESCAPE = re.compile(rb'\\(["\\bfnrt])')
_JSON_ESCAPES = {bytes([c]): b"\\u%04x" % ord(v) for c, v in zip(b'"\\bfnrt', '"\\\b\f\n\r\t')}


def _separator(data: bytes) -> bytes:
    start = data.lstrip()[:1]
    if start == b"<":
        return next((end for end in _PART_ENDS if end in data), _LINE_END)
    return b'"' if start in (b"{", b"[") else b"\n"


def _suspicious(line: bytes) -> bool:
    """Eleven digit units stand close together in *line*: cheap tests first, the full prefilter only when needed."""
    if len(line) < _SHORTEST and line.isascii():
        return False  # every test below needs eleven ASCII characters or more (most pieces of a JSON file)
    if b"[^" in line and (unmarked := without_markdown_marks(line.decode("utf-8", errors="replace"))) != line.decode(
            "utf-8", errors="replace") and _suspicious(unmarked.encode()):
        return True
    if b"&#" in line and (decoded := _references_decoded(line)) != line:
        return _suspicious(decoded)
    # (and as written, when decoding hid something: «%13805951234» on a page shows its digits, decoded the first two
    # are a control character)
    if b"%" in line and (decoded := _percents_decoded(line)) != line:
        if _suspicious(decoded):
            return True
        if _HIDDEN.search(decoded) is None:
            return False
    if b"\\u" in line and (decoded := _escapes_decoded(line)) != line:
        if _suspicious(decoded):
            return True
        if _HIDDEN.search(decoded) is None:
            return False
    if _other_digits(line) and _PREFILTER.search(line) is not None:
        return True
    if not line.isascii():
        text = line.decode("utf-8", errors="replace")
        if _ANY_RARE.search(text) is not None and _RARE_RUN.search(text) is not None:
            return True
        # Every other form the detector reads (・ ‧ 〜 ー ─ … between the groups, ¹ Ⅲ 〡 ㈠ among ASCII digits, Cyrillic
        # О): the detector's own tables decide, so the two scans never disagree on what may be a number.
        if may_hold_number(_ANY_TAG.sub("", text)):
            return True
    ascii_digits = len(line) - len(line.translate(None, b"0123456789"))
    # (a mobile masked too little keeps seven digits or more: 1380013**00, ****5951234)
    if ascii_digits >= _FEWEST_STARRED_DIGITS and _DIGIT_MARK.search(line) is not None and STARRED.search(
            line.decode("utf-8", errors="replace")) is not None:
        return True
    if ascii_digits >= 11 and _ASCII_PREFILTER.search(line) is not None:
        return True
    # (a line outside ASCII was asked may_hold_number(), which reads these letters as the detector does)
    if ascii_digits and line.isascii() and ascii_digits + len(line) - len(line.translate(None, _LOOKALIKES)) >= 11 and (
            _LOOKALIKE_BESIDE_DIGIT.search(line) is not None and _LOOKALIKE_PREFILTER.search(line) is not None):
        return True
    # a number in hexadecimal notation (0x336E61902: detect._HEXADECIMAL) holds few decimal digits
    if (b"0x" in line or b"0X" in line) and _HEXADECIMAL.search(line) is not None:
        return True
    # a run of base64 whose text holds a number (the detector decodes it as the pre-filter does); the line itself was
    # judged above (a hex digest's «762e918» is no number in scientific notation here: eleven digits are needed)
    return _BASE64_RUN.search(line) is not None and line.isascii() and encoded_may_hold_number(line.decode("ascii"))


# A numeric character reference (&#51;, &#x4E00;) is judged by the character it stands for: the prefilter reads every
# reference as a digit, and a workbook or a feed writing its Chinese text as references (&#23433;&#28330;…) would
# otherwise send every line to the detector. The references of markup characters stay as they are (a decoded «<»
# could start a tag that hides the digits after it).
_NUMERIC_REFERENCE = re.compile(rb"&#(?:[xX]0*[0-9a-fA-F]{1,6}|0*[0-9]{1,7})(?![0-9a-fA-F]);?")
_MARKUP = frozenset("<>&\"'")


def _references_decoded(line: bytes) -> bytes:
    """*line* with each numeric character reference replaced by its character as a browser reads it (html.unescape:
    &#150; is the en dash of Windows-1252), except references of markup characters."""
    return _NUMERIC_REFERENCE.sub(lambda match: _character(match.group()), line)


@functools.lru_cache(maxsize=65536)  # a workbook's Chinese text: the same few thousand references over and over
def _character(reference: bytes) -> bytes:
    shown = html.unescape(reference.decode("ascii"))
    return reference if shown in _MARKUP else shown.encode("utf-8", errors="surrogatepass")


# A run of percent-encoded bytes or %uXXXX escapes, judged by what it stands for as the detector decodes it (UTF-8,
# else GBK: %A3%B1 is １; %uFF11 too): the byte tests below know only %30–%39. Runs standing for a markup character
# stay as they are, as references do.
_PERCENT_RUN = re.compile(rb"(?:%(?:[uU][0-9A-Fa-f]{4}|[0-9A-Fa-f]{2}))+")


def _percents_decoded(line: bytes) -> bytes:
    return _PERCENT_RUN.sub(lambda match: _percent_run(match.group()), line)


@functools.lru_cache(maxsize=4096)
def _percent_run(run: bytes) -> bytes:
    shown = percent_decoded(run.decode("ascii"))
    return run if _MARKUP.intersection(shown) else shown.encode("utf-8")


# A run of \\uXXXX escapes (JSON's, or a JSON string's escapes as _lines writes them) likewise, by what it stands for.
_ESCAPE_RUN = re.compile(rb"(?:\\u[0-9A-Fa-f]{4})+")


def _escapes_decoded(line: bytes) -> bytes:
    return _ESCAPE_RUN.sub(lambda match: _escape_run(match.group()), line)


@functools.lru_cache(maxsize=4096)
def _escape_run(run: bytes) -> bytes:
    shown = unescaped(run.decode("ascii"))
    return run if _MARKUP.intersection(shown) else shown.encode("utf-8", errors="surrogatepass")


def _other_digits(line: bytes) -> bool:
    """True when *line* may hold a digit written otherwise than in ASCII: references, escapes, other scripts."""
    if b"\\u" in line or b"%3" in line or b"&sup" in line or b"\\x3" in line or b"=3" in line or (
            b"&#" in line and b"&#" in line.replace(b"&#34;", b"").replace(b"&#39;", b"")):
        return True
    full_width = b"\xef\xbc" in line and _FULL_WIDTH_DIGIT.search(line) is not None
    return full_width or bool(line.translate(None, _COMMON_BYTES))


def _scan(name: str, data: bytes, where: str, allowed: frozenset[str], depth: int) -> Iterator[OutputFinding]:
    if depth > MAX_DEPTH:
        yield OutputFinding(name, "unreadable", "", f"{where} 嵌套过深")
        return
    if data[:2] == b"\x1f\x8b":
        yield from _gzip(name, data, where, allowed, depth)
    elif data[:4] == b"PK\x03\x04":
        yield from _zip(name, data, where, allowed, depth)
    elif b"%PDF-" in data[:1024]:
        yield from _pdf(name, data, where, allowed)
    elif is_picture(data):
        yield from _picture(name, data, where, allowed)
    elif data.startswith(_OLE):
        yield from _workbook97(name, data, where, allowed)
    elif located_within(data):  # (a picture of a kind with no reader here: a HEIC photo in a document)
        yield OutputFinding(name, "unreadable", "", f"{where} {LOCATED}".strip())
    else:
        text = _utf8(data)
        yield from _line_findings(name, text, _lines(text), _bad_lines([text], allowed), where)
        yield from _csv_formulas(name, text, where, allowed)


_CSV_NAME = re.compile(r"\.csv(?:\.gz)?$", re.IGNORECASE)


def _csv_formulas(name: str, data: bytes, where: str, allowed: frozenset[str]) -> Iterator[OutputFinding]:
    """What Excel shows for the formulas of a CSV file it opens (=13805951*1000+234 shows 13805951234)."""
    if _CSV_NAME.search(name) is None or not any(start.encode() in data for start in FORMULA_STARTS):
        return
    yield from _segment_findings(name, (Segment(text, f"{where} 公式计算结果") for text in csv_formula_texts(data)),
                                 allowed)


def _gzip(name: str, data: bytes, where: str, allowed: frozenset[str], depth: int) -> Iterator[OutputFinding]:
    try:
        unpacked = gunzipped(data)  # (a second member was unpacked without the budget: a bomb there was not stopped)
    except Unreadable:
        yield OutputFinding(name, "unreadable", "", f"{where} gzip 无法解压或解压后过大".strip())
        return
    yield from _scan(name, unpacked, f"{where} 解压后".strip(), allowed, depth + 1)


def _zip(name: str, data: bytes, where: str, allowed: frozenset[str], depth: int) -> Iterator[OutputFinding]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if sum(i.file_size for i in infos) > MAX_UNPACKED:
                raise zipfile.BadZipFile("too large")
            members = [(i.filename, archive.read(i)) for i in infos]
            styles = word_styles(archive)
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, NotImplementedError):
        yield OutputFinding(name, "unreadable", "", f"{where} zip 无法打开".strip())
        return
    for member, content in members:
        yield from _scan(name, content, f"{where} {member}".strip(), allowed, depth + 1)
        # a Word part as Word shows it, an OFD page laid out, an RTF chunk: what the source scan reads too
        yield from _segment_findings(name, shown_readings(member, content, f"{where} {member}".strip(), styles),
                                     allowed)
    try:  # (the comments, the parts' names, bytes outside every part: any zip tool shows them)
        beside = zip_surroundings(data, where)
    except Exception:  # noqa: BLE001 - what the scanner cannot read is not published: fail closed
        yield OutputFinding(name, "unreadable", "", f"{where} zip 中部件之外的数据无法读取".strip())
        return
    yield from _segment_findings(name, beside, allowed)
    if any(member == "xl/workbook.xml" for member, _ in members):
        yield from _workbook(name, data, where, allowed)


def _workbook(name: str, data: bytes, where: str, allowed: frozenset[str]) -> Iterator[OutputFinding]:
    """What Excel shows of a workbook beyond the values it stores: number formats that add digits, formulas."""
    try:
        segments = xlsx_shown(data, where)
    except Exception:  # noqa: BLE001 - a workbook the scanner cannot open is not published: fail closed
        yield OutputFinding(name, "unreadable", "", f"{where} 工作簿无法解析".strip())
        return
    yield from _segment_findings(name, segments, allowed)


def _segment_findings(name: str, segments: Iterable[Segment], allowed: frozenset[str]) -> Iterator[OutputFinding]:
    """Each number found in *segments* (read from the file *name*), once."""
    seen: set[tuple[str, str]] = set()
    for segment in segments:
        for hit in find(segment.text, allowed, data=True):
            if (hit.kind, hit.value) not in seen:
                seen.add((hit.kind, hit.value))
                yield OutputFinding(name, hit.kind, hit.masked, segment.where.strip())


def _workbook97(name: str, data: bytes, where: str, allowed: frozenset[str]) -> Iterator[OutputFinding]:
    """An Excel 97-2003 workbook as Excel shows it (cells through their number formats) and the text of its streams,
    any other OLE2 file (an object embedded in a docx: a Word 97 document, an equation) stream by stream: the source
    scan's reading."""
    try:
        segments = ole_file_segments(data, where)
    except Unreadable as exc:
        yield OutputFinding(name, "unreadable", "", f"{where} {exc}".strip())
        return
    except Exception:  # noqa: BLE001 - a workbook the scanner cannot open is not published: fail closed
        yield OutputFinding(name, "unreadable", "", f"{where} Excel 97-2003 工作簿无法解析".strip())
        return
    yield from _segment_findings(name, segments, allowed)


def _pdf(name: str, data: bytes, where: str, allowed: frozenset[str]) -> Iterator[OutputFinding]:
    try:
        segments = pdf_segments(data, where)
    except Unreadable as exc:
        yield OutputFinding(name, "unreadable", "", f"{where} {exc}".strip())
        return
    except Exception:  # noqa: BLE001 - a PDF the scanner cannot parse is not published: fail closed
        yield OutputFinding(name, "unreadable", "", f"{where} PDF 无法解析".strip())
        return
    yield from _segment_findings(name, segments, allowed)


def _picture(name: str, data: bytes, where: str, allowed: frozenset[str]) -> Iterator[OutputFinding]:
    """The text of a picture's properties (EXIF, XMP, comments, PNG text chunks); its pixels are not read."""
    try:
        texts = picture_texts(data)
    except Unreadable as exc:
        yield OutputFinding(name, "unreadable", "", f"{where} {exc}".strip())
        return
    yield from _segment_findings(name, (Segment(text, f"{where} 图片属性") for text in texts), allowed)


def _utf8(data: bytes) -> bytes:
    """Text in UTF-8, so the prefilter sees its digits: UTF-16 (a BOM, or NUL bytes between ASCII characters) and
    GB18030 (「ANSI」 on Chinese Windows) are converted; anything else is left as it is."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace").encode()
    # UTF-16 without a byte-order mark as the source scan reads it (extract.decode_text: the NUL bytes of its first
    # characters), so the two scans never read one file differently: a short list of one line has too few of them for
    # the test below
    if b"\x00" in data[:40] and (text := decode_text(data)) is not None:
        return text.encode()
    if data[1:200:2].count(0) > 20 and data[0:200:2].count(0) < 5:
        return data.decode("utf-16-le", errors="replace").encode()
    if data[0:200:2].count(0) > 20 and data[1:200:2].count(0) < 5:
        return data.decode("utf-16-be", errors="replace").encode()
    if data.isascii():
        return data
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace").encode()
    return data


def _readable(raw: bytes) -> str:
    """Bytes as text a reader or a program would take from them: markup stripped, escapes decoded."""
    text = raw.decode("utf-8", errors="replace")
    if "\\u" in text:
        text = ESCAPES.sub(lambda m: unescaped(m.group()), text)
    return markup_text(text) if "<" in text else text
