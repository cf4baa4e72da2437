"""What a spreadsheet program shows in a cell where the file holds something else: a formula's result and a number
shown through a number format that adds digits of its own.

- A formula of plain arithmetic on literals (`=13805951*1000+234`, `="1380"&"5951234"`,
  `=CONCATENATE("1380","5951234")`) is computed by Excel and WPS when the file is opened: formula_result() computes
  it too, with a small evaluator over a whitelist of Python `ast` nodes (never eval). A formula that refers to other
  cells, calls another function or is too large (length, nesting, exponent, result) is not computed: None.
- A number format may carry literal text, digits included, shown around the value (`"1380"#` on 5951234 shows
  13805951234; `"350524"@` on a text): format_readings() gives what the cell shows, and, generously, the literal
  parts joined before and after the value.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

from gongkai.privacy.normalize import SEPARATE

MAX_FORMULA = 8192  # characters: Excel's own limit (a longer formula could pad a number past a smaller one)
MAX_TOKENS = 4096
MAX_NESTING = 64  # parentheses and function calls inside one another: Excel's own limit
MAX_BITS = 1024  # a number computed beyond Excel's largest (about 1.8E+308) refuses the formula (9^9^9)
MAX_FORMAT = 1024  # characters of a number format (Excel's limit is 255)
MAX_TEXT = 4000  # characters of a text computed
FUNCTIONS = frozenset({"SUM", "CONCATENATE", "CONCAT", "TEXT"})

_TOKEN = re.compile(r"""
    \s+
  | (?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<text>"(?:[^"]|"")*")
  | (?P<name>[A-Za-z_][A-Za-z0-9_.]*(?=\s*\())
  | (?P<op>[-+*/^&(),%])
""", re.VERBOSE)
_OPERATORS = {"^": "**", "%": "/100"}


class _Refused(Exception):
    """The formula is not plain arithmetic on literals, or too large: it is not computed."""


Value = int | float | str


def formula_result(formula: str) -> str | None:
    """What Excel shows for *formula* (with or without its leading «=»), when it is plain arithmetic on literals;
    None when it is not computed. A whole number is shown whole: no «.0», no exponent."""
    text = formula.strip()
    text = text[1:] if text[:1] in ("=", "@") else text
    if not text or len(text) > MAX_FORMULA:
        return None
    try:
        source = _python(text)
        tree = ast.parse(source, mode="eval")
        return _shown(_evaluate(tree.body, 0))
    except (_Refused, SyntaxError, ValueError, ArithmeticError, MemoryError, RecursionError):
        return None


# (fifteenth pass) A formula gongkai does not compute may still show a number it builds: =CHAR(49)&CHAR(51)&…,
# =HEX2DEC("336E61902"), =A2&B2 (two cells each holding half), =A2*10000+B2. Such a formula keeps its file from being
# published (fail closed, GK610); only the forms that show a value the scan reads already, or a small one, pass: a
# reference to a cell (=B2, =名单!B2), a total over cells (=SUM(D2:D20), =ROUND(AVERAGE(D2:D9),2), =COUNTA(B:B)), a row
# number (=ROW()-1), the date (=TODAY()), a link whose texts are written out (=HYPERLINK("https://…","办事指南")).
_REFERENCE = r"(?:(?:'[^']+'|[\w\u4e00-\u9fff.]+)!)?(?:\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)"
_REFERENCES = rf"{_REFERENCE}(?:\s*,\s*{_REFERENCE})*"
_TOTALS = "SUM|AVERAGE|COUNT|COUNTA|COUNTBLANK|MAX|MIN|MEDIAN"
_TOTAL = rf"(?:{_TOTALS})\(\s*{_REFERENCES}\s*\)|SUBTOTAL\(\s*\d{{1,3}}\s*,\s*{_REFERENCES}\s*\)"
_LITERAL = r'(?:"(?:[^"]|"")*"|\d+(?:\.\d+)?)'
_SHOWS_KNOWN = re.compile(
    rf"\s*(?:{_REFERENCE}|{_TOTAL}|ROUND(?:UP|DOWN)?\(\s*(?:{_TOTAL}|{_REFERENCE})\s*,\s*-?\d\s*\)"
    rf"|(?:ROW|COLUMN)\(\s*(?:{_REFERENCE})?\s*\)(?:\s*[-+]\s*\d{{1,6}})?|TODAY\(\s*\)|NOW\(\s*\)"
    rf"|HYPERLINK\(\s*{_LITERAL}\s*(?:,\s*{_LITERAL}\s*)?\))\s*", re.IGNORECASE)
_BUILDS = re.compile(rf"[A-Za-z_][A-Za-z0-9_.]*\s*\(|&|{_REFERENCE}")


def builds_unread(formula: str) -> bool:
    """Whether *formula* (with its leading «=», «@», «+» or «-») may show a number that neither its text nor
    formula_result() reads: it calls a function or joins or computes with other cells, is not computed, and is none of
    the forms above."""
    text = formula.strip()
    text = text[1:] if text[:1] in ("=", "@", "+", "-") else text
    text = re.sub(r"(?i)_xlfn\.", "", text)
    if _BUILDS.search(text) is None or formula_result(formula) is not None:
        return False
    return _SHOWS_KNOWN.fullmatch(text) is None


def _python(text: str) -> str:
    """The formula in Python's syntax, token by token: numbers and quoted texts as literals, ^ as **, & as & (whose
    precedence in Python, below + and -, is Excel's), a whitelisted function's name. Anything else refuses it.

    Two differences of precedence are left: Excel reads -2^2 as (-2)^2 and 2^3^2 as (2^3)^2; both change a sign
    or the size of a power, never which digits a formula of a hidden number spells."""
    out: list[str] = []
    position = depth = count = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise _Refused  # a cell reference, a comparison, a name, a sheet: not computed
        position = match.end()
        kind, value = match.lastgroup, match.group()
        if kind is None:
            continue
        count += 1
        if count > MAX_TOKENS:
            raise _Refused
        if kind == "number":
            out.append(value)
        elif kind == "text":
            out.append(repr(value[1:-1].replace('""', '"')))
        elif kind == "name":
            if value.upper().removeprefix("_XLFN.") not in FUNCTIONS:
                raise _Refused
            out.append(value.upper().removeprefix("_XLFN."))
        else:
            depth += value == "("
            depth -= value == ")"
            if depth > MAX_NESTING:
                raise _Refused
            out.append(_OPERATORS.get(value, value))
    return " ".join(out)


def _evaluate(node: ast.AST, depth: int) -> Value:
    if depth > 2 * MAX_NESTING + 10:  # parentheses are limited to MAX_NESTING; a chain a+b+c… is followed in a loop
        raise _Refused
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str)) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        operand = _number(_evaluate(node.operand, depth + 1))
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp):
        chain: list[ast.BinOp] = []
        left: ast.AST = node
        while isinstance(left, ast.BinOp):  # a+b+c is ((a+b)+c): as deep as it is long
            chain.append(left)
            left = left.left
        value = _evaluate(left, depth + 1)
        for link in reversed(chain):
            value = _operate(link.op, value, _evaluate(link.right, depth + 1))
        return value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
        arguments = [_evaluate(a, depth + 1) for a in node.args]
        name = node.func.id
        if name == "SUM":
            return _bounded(sum((_number(a) for a in arguments), 0))
        if name in ("CONCATENATE", "CONCAT"):
            return _bounded_text("".join(_shown(a) for a in arguments))
        if name == "TEXT" and len(arguments) == 2:
            readings = format_readings(_number(arguments[0]), _shown(arguments[1]), shown_only=True)
            return _bounded_text(readings[0] if readings else _shown(arguments[0]))
    raise _Refused  # names, attributes, subscripts, comparisons, lambdas, anything else


def _operate(operator: ast.operator, left: Value, right: Value) -> Value:
    if isinstance(operator, ast.BitAnd):
        return _bounded_text(_shown(left) + _shown(right))
    operation = _ARITHMETIC.get(type(operator))
    if operation is None:
        raise _Refused
    return _bounded(operation(_number(left), _number(right)))


def _power(base: int | float, exponent: int | float) -> int | float:
    if abs(exponent) > 4096 or (isinstance(exponent, int) and exponent > 0 and
                                abs(int(base)).bit_length() * exponent > MAX_BITS):
        raise _Refused
    result: int | float = base ** exponent
    if isinstance(result, complex):
        raise _Refused
    return result


def _divide(left: int | float, right: int | float) -> int | float:
    if isinstance(left, int) and isinstance(right, int) and right and left % right == 0:
        return left // right
    return left / right


_ARITHMETIC: dict[type[ast.operator], Callable[[int | float, int | float], int | float]] = {
    ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
    ast.Div: _divide, ast.Pow: _power,
}


def _number(value: Value) -> int | float:
    """A value as Excel takes it for arithmetic: a text that is a number is one ("1380"*1 is 1380)."""
    if isinstance(value, str):
        stripped = value.strip()
        if not re.fullmatch(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", stripped):
            raise _Refused
        return int(stripped) if stripped.lstrip("+-").isdigit() else float(stripped)
    return value


def _bounded(value: int | float) -> int | float:
    if isinstance(value, float) and (value != value or abs(value) == float("inf")):
        raise _Refused
    if isinstance(value, int) and value.bit_length() > MAX_BITS:
        raise _Refused
    return value


def _bounded_text(text: str) -> str:
    if len(text) > MAX_TEXT:
        raise _Refused
    return text


def _shown(value: Value) -> str:
    """A value as Excel shows it in General format, a whole number in full (no «.0», no exponent)."""
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.15g}" if abs(value) >= 1e-4 else f"{value:.15f}".rstrip("0")
    return str(value)


# Number formats ---------------------------------------------------------------------------------------------------

_FORMAT_PART = re.compile(r'"(?P<quoted>[^"]*)"?|\\(?P<escaped>.)|\[(?P<bracket>[^\]]*)\]?|[_*](?P<spacing>.)?'
                          r"|(?P<general>(?i:general))|(?P<placeholder>[0#?])|(?P<other>.)", re.DOTALL)
_DATE_CODES = set("yYmMdDhHsSeEgGbB")  # an unquoted letter of these makes a date or time format (or exponent E)


def _literal_digits(code: str) -> bool:
    """True when *code* shows a digit of its own: quoted, escaped, a currency's text ([$1380-804] shows «1380»), or a
    bare 1-9 outside brackets."""
    for match in _FORMAT_PART.finditer(code):
        literal = match.group("quoted") or match.group("escaped") or _currency(match.group("bracket"))
        other = match.group("other") or ""
        if any(c.isdigit() for c in literal) or other in "123456789" and other:
            return True
    return False


def _sections(code: str) -> list[str]:
    """The sections of a format code split at «;» outside quotes, escapes and brackets."""
    sections, start = [], 0
    for match in _FORMAT_PART.finditer(code):
        if match.group("other") == ";":
            sections.append(code[start:match.start()])
            start = match.end()
    sections.append(code[start:])
    return sections


def format_readings(value: int | float | str, code: str, shown_only: bool = False) -> list[str]:
    """What a cell holding *value* shows under the number format *code* when the format shows digits of its own
    (otherwise nothing: the value alone is read already). The section that applies first; then, generously, every
    other section, and the format's literal parts joined before and after the value. *shown_only*: the first only."""
    if not code or len(code) > MAX_FORMAT or (not shown_only and not _literal_digits(code)):
        return []
    sections = _sections(code)
    if isinstance(value, str):
        order = [sections[3]] if len(sections) > 3 else [s for s in sections if "@" in s]
    else:
        index = 0 if value > 0 or len(sections) == 1 else 1 if value < 0 else 2 if len(sections) > 2 else 0
        order = [sections[min(index, len(sections) - 1)]]
    readings = [_render(section, value) for section in order]
    if shown_only:
        return readings[:1]
    readings += [_render(s, value) for s in sections if s not in order and (isinstance(value, str) or "@" not in s)]
    literals = "".join(_literals(code))
    plain = _shown(value if isinstance(value, str) else abs(value))
    readings += [literals + plain, plain + literals]
    return list(dict.fromkeys(r for r in readings if r))


def _literals(code: str) -> list[str]:
    return [m.group("quoted") or m.group("escaped") or _currency(m.group("bracket")) or (m.group("other") or "")
            for m in _FORMAT_PART.finditer(code)
            if m.group("quoted") or m.group("escaped") or _currency(m.group("bracket"))
            or (m.group("other") or "") not in ("", ";", ",", ".", "%", "@")]


def _render(section: str, value: int | float | str) -> str:
    """*value* shown through one section of a format: literals where the format has them, the value's digits in its
    placeholders (right to left, the digits left over in the first one), a text at «@», the value at «General».
    Thousands separators, colours and conditions are left out; a date or scientific format shows the value as it is,
    after its literals."""
    parts = list(_FORMAT_PART.finditer(section))
    if isinstance(value, str):
        return "".join(value if m.group("other") == "@" or m.group("general") else _literal(m) for m in parts)
    shown = _shown(abs(value))
    if any(m.group("general") for m in parts):
        return "".join(shown if m.group("general") else _literal(m) for m in parts)
    bare = [m.group("other") for m in parts if m.group("other")]
    if any(c in _DATE_CODES for c in bare):
        return "".join(_literal(m) for m in parts) + shown
    number = abs(value) * (100 if "%" in bare else 1)
    point = next((i for i, m in enumerate(parts) if m.group("other") == "."), len(parts))
    decimals = sum(1 for m in parts[point:] if m.group("placeholder"))
    whole, _, fraction = f"{number:.{decimals}f}".partition(".")
    slots = [i for i, m in enumerate(parts[:point]) if m.group("placeholder")]
    if whole == "0" and not any(parts[i].group("placeholder") == "0" for i in slots):
        whole = ""
    filled: dict[int, str] = {}
    for position, index in enumerate(reversed(slots)):
        placeholder = parts[index].group("placeholder")
        taken, whole = (whole, "") if position == len(slots) - 1 else (whole[-1:], whole[:-1])
        filled[index] = taken or ("0" if placeholder == "0" else " " if placeholder == "?" else "")
    for index in (i for i, m in enumerate(parts[point:], start=point) if m.group("placeholder")):
        filled[index], fraction = (fraction[:1] or "0"), fraction[1:]
    if point < len(parts):
        filled[point] = "." if decimals else ""
    return "".join(filled[i] if i in filled else _literal(m) for i, m in enumerate(parts))


def _literal(match: re.Match[str]) -> str:
    """The text a part of a format shows of its own: quoted and escaped text, and symbols such as - ( ) ¥ 元."""
    if match.group("quoted") is not None:
        return match.group("quoted")
    if match.group("escaped") is not None:
        return match.group("escaped")
    if match.group("bracket") is not None:  # [Red], [>100], [$-804]: nothing shown; [$¥-804]: the currency symbol
        return _currency(match.group("bracket"))
    other = match.group("other") or ""
    return "" if other in (",", "%", "@", ";") else other


def _currency(bracket: str | None) -> str:
    """The text a bracket of a number format shows: a currency's, [$text-LCID] or [$text] («¥» of [$¥-804], and any
    text at all: [$1380-804]0 shows 5951234 as 13805951234); nothing for a colour, a condition or a locale ([$-804])."""
    if not bracket or not bracket.startswith("$"):
        return ""
    text, dash, locale = bracket[1:].rpartition("-")
    return text if dash and re.fullmatch(r"[0-9A-Fa-f]{1,8}", locale) else bracket[1:]


# Headers and footers ----------------------------------------------------------------------------------------------

_HEADER_FOOTER = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(?:odd|even|first)(?:Header|Footer)(?:\s[^>]*)?>([^<]*)<",
                            re.DOTALL)
# Codes of a header or footer (ECMA-376 §18.3.1.39) that show nothing of their own: bold, italic, underline … a
# colour (&KFF0000, &K01+000) or a font (&"宋体,加粗"); the font size (&12) is read as one, two and three digits.
_HEADER_FORMAT = r'&(?:[BIUESXYOH]|K(?:[0-9A-Fa-f]{6}|\d\d[-+]\d{3})|"[^"]*"?)'
_HEADER_FIELD = re.compile(r"&[PNDTAFZG](?:[-+]\d+)?")  # page, pages, date, time, sheet, file, path, picture
_HEADER_SECTION = re.compile(r"&[LCR]")  # left, centre, right: apart on the page


def header_footer_shown(xml: str) -> list[str]:
    """The headers and footers of a worksheet's XML as Excel prints them: the codes that change the font, size or
    colour are not shown, so «1380595&B1234&B» prints 13805951234 (half of it bold); a field (&P page, &D date) shows
    something else, and the left, centre and right parts stand apart. One reading for each length of a font size."""
    import html

    texts = [html.unescape(text) for text in _HEADER_FOOTER.findall(xml) if "&" in html.unescape(text)]
    readings: list[str] = []
    for size in (1, 2, 3):
        codes = re.compile(rf"{_HEADER_FORMAT}|&\d{{{size}}}")
        for text in texts:
            shown = text.replace("&&", "\x01")
            shown = _HEADER_SECTION.sub(SEPARATE, _HEADER_FIELD.sub(" ", codes.sub("", shown)))
            readings.append(shown.replace("\x01", "&"))
    return list(dict.fromkeys(readings))


# Charts -----------------------------------------------------------------------------------------------------------

_CHART_CODE = re.compile(r"""formatCode\s*=\s*(?:"([^"]*)"|'([^']*)')|<(?:[A-Za-z_][\w.-]*:)?formatCode>([^<]*)<""")
_CHART_VALUE = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?v>\s*([-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*<")
MAX_CHART_READINGS = 100_000  # values × formats of one chart part read so (a chart of 10,000 points and 10 formats)


def chart_shown(xml: str) -> list[str]:
    """What a chart (DrawingML, in a workbook or a Word document) shows of its values through the number formats of
    its data labels and axes when they show digits of their own: a label «"1380"0» on the value 5951234 shows
    13805951234. Which format applies to which value is not worked out: every value through every such format."""
    import html

    codes = {html.unescape(next(g for g in match.groups() if g is not None)) for match in _CHART_CODE.finditer(xml)}
    codes = {code for code in codes if code and _literal_digits(code)}
    if not codes:
        return []
    values = list(dict.fromkeys(match.group(1) for match in _CHART_VALUE.finditer(xml)))
    readings: list[str] = []
    for value in values[:max(1, MAX_CHART_READINGS // len(codes))]:
        number = float(value)
        shown = int(number) if number.is_integer() and abs(number) < 1e15 else number
        for code in sorted(codes):
            readings += format_readings(shown, code)
    return readings
