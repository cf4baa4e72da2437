"""Twenty-sixth hostile pass: every message a user reads (help, usage errors, diagnostics) — Chinese, at the right
place, saying how to fix it, never a traceback.

How the pass was run: every code of `gongkai rules` (128) was triggered — the failing fixture of tests/test_rules.py
for 72 of them, the tests named in its ELSEWHERE for the other 56 — and each message and hint read in text and json
for English words, Python's spellings (None, True, repr quotes) and a missing line or column; `gongkai rule CODE` for
all 128; `--help` of every command and sub-command (37); about 90 usage errors (missing argument, unknown option, bad
choice, missing path, 2026-13-01 and 2026/1/5 to --today/--to/--since/--date, 「三」 to an integer option, a typo'd
command); the console under TERM=dumb, NO_COLOR, a pipe, GBK and ASCII encodings. No code is dead: every one was
reported by some catalog. Lines and columns below are counted by hand from the fixtures (conftest's AGENCY has 37
lines; RECORD's 公示截止 is line 15, 页数 line 16).

Found by this pass:
1. What a user typed reached rich's markup: a folder, a command, an option or a value containing 「[/]」 or 「[/red]」
   (`gongkai "[/red]"`, `gongkai validate D:\\目录[/]`, `gongkai mask --[/]`) ended in a Python traceback
   (MarkupError, exit 1 from Python itself), and one containing 「[red]」 was shown with it silently cut out
   (「c[red]d」 shown as 「cd」 — not the folder the user has). Every error the CLI prints (用法错误, 错误, 已停止发布)
   now shows what was typed as text, exit 2 (or 1), no traceback.
2. Usage errors quoted in Python's repr quotes and spacing: 「没有这个命令 'valdate'，是否想输入 'validate'？」,
   「'--format' / '-f': 'xml' 不是可选值之一： 'text', 'json', …」. They now quote with 「」 like every other message:
   「没有这个命令「valdate」，是否想输入「validate」？」, 「「xml」不是可选值之一：「text」、「json」、「github」、「sarif」」.
3. An option typed without its value (`gongkai validate 目录 --strict=yes`) sent the user to
   「运行 gongkai validate 目录 --help」 — the catalog folder taken for a sub-command. Now 「运行 gongkai validate --help」.
4. The help showed number bounds in programmers' notation: 「[x>=0]」, 「[1<=x<=65535]」. Now 「[不小于 0]」, 「[1—65535]」.
5. A negative number (`gongkai workdays add 2026-01-10 -3`) was answered 「没有这个选项：-3」 only; it now also says
   「「-3」是负数，不是选项：这里的数字不能为负，请写 0 或正整数」.
6. A yes/no written where text or a date goes was echoed in Python's spelling: 「「True」不是有效的「有效性」」,
   「日期格式应为 YYYY-MM-DD …，而不是「False」」. Shown now as written in YAML: 「true」, 「false」.
7. 「题名: true」 (text read by YAML as yes/no) got the hint 「请检查「题名」的值。」, which says nothing; the hint now
   says that unquoted true/false are read as 是/否 and to put the value in quotes.
8. In 「检查 → 严重程度」 a code no rule has (「GK9O2: 警告」, letter O for zero; 「GK999: off」) was silently ignored —
   the warning the clerk meant to silence stayed, with no word why. It is now a warning GK104 at its line: 「「GK9O2」不是
   规则编号，这一行不起作用」 with how to fix it (a warning: the line harms nothing, and CI stays green); 「902: off」 is
   asked 「是否想写「GK902」？」. The severities as every message shows them (错误、警告、提示、关闭) are taken
   as well as error/warning/info/off (「GK405: 警告」 was refused although `gongkai rules` shows 「警告」), and a
   lower-case code (gk405) applies; `gongkai rule CODE` and the GK104 hint say so.
9. GK610 for a photo said 「gongkai 无法读取PNG 图片中的文字（没有文字识别；CEB 是封闭格式）」 — CEB has nothing to do
   with a PNG. It now gives the reason of the format at hand: 「（gongkai 没有文字识别）」 for a picture, 「（CEB 是封闭
   格式）」 for a CEB.
10. `gongkai diff 2026-13-01` (a date where a revision goes) told the user to write 「gongkai diff --since 2026-13-01」,
    a day that does not exist; it now says the date does not exist and gives the form to write.
11. `gongkai fmt 不存在的文件`, `gongkai county --config 不存在.yaml`, `gongkai init --answers`/`--from-xlsx` with a
    missing file said only 「找不到「…」」; they now say how to fix it like every other missing input (check the folder and
    file name, quote a path with spaces; a file of the same name whose extension Windows hides is named).
12. A yes/no question (`gongkai import` 「写入以上修改？」, `gongkai init` 「为每个乡镇建立乡镇民政办？」) took only y/n and
    answered 「是」 with 「Error: invalid input」 (typer's English), again and again. It now takes 是/否 (好、对、不要 …) as well
    as y/n, shows 「[是/否，y/n；直接回车为「否」]」, and anything else gets 「请回答「是」或「否」……」.
13. `gongkai serve`: a browser that left a page while an attachment was still downloading put a Python traceback
    (「Exception occurred during processing of request from …」) on the preview's terminal. A closed connection is now
    no error; any other failure of one request is one Chinese line, and the preview goes on.
14. A GONGKAI_TODAY that is no date (set in a CI job or a scheduled task) was reported as 「--today：日期不存在……」 — an
    option nobody typed. It is now 「环境变量 GONGKAI_TODAY（不用时删去这个变量）：日期不存在……」; a typed --today is named
    as before.
15. GK009 (a file that is a list or a single value) sent the clerk to 「docs/catalog-format.md」, a file in gongkai's
    source that is not in the bureau's catalog folder; the hint now points at the other files of the same folder and at
    `gongkai rule GK009`.
16. `gongkai print -C 目录` (as `gongkai export`, `handover`, `new` take it) was answered 「没有这个选项：-C」 only; a
    command that takes the catalog folder as it is now adds 「这个命令的目录文件夹直接写在命令后面，不加 -C，如 gongkai
    print catalog」.

Seen and left alone: a console that can show no Chinese at all (PYTHONIOENCODING=ascii, or LC_ALL=C with UTF-8 mode
turned off) gets \\uXXXX escapes (earlier passes' choice; Python's own C locale coerces to UTF-8); `--today 2026/1/5`
is taken as 2026-01-05 (the same forms GK110 accepts in files); NO_COLOR keeps bold (the NO_COLOR convention is
about colour only).
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
from pathlib import Path

import pytest

from gongkai.cli import main
from tests.conftest import AGENCY, ITEM, RECORD, CatalogDir

TODAY = "2026-11-27"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"  # a real PNG's first bytes: GK609 (content) is satisfied


def _record(rid: str, index: int, **lines: str) -> str:
    text = RECORD.replace("R2026-001", rid).replace("350524-MZ-2026-00001", f"350524-MZ-2026-{index:05d}")
    for old, new in lines.items():
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def values(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Records with a yes/no where a date, a word of a vocabulary or a text goes, and a photo attachment."""
    cat = CatalogDir(tmp_path_factory.mktemp("h26v") / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.record(_record("R2026-001", 1, **{"公示截止: 2026-12-31": "公示截止: false"}))
    cat.record(_record("R2026-002", 2, **{"题名: 测试县民政局关于2026年第三季度低保对象名单的公示": "题名: true"})
               + "有效性: true\n", rel="records/2026/R2026-002.yaml")
    cat.write("files/2026/photo.png", PNG)
    cat.record(_record("R2026-003", 3, **{"页数: 1": "页数: 1\n附件:\n  - 名称: 照片\n    文件: files/2026/photo.png"}),
               rel="records/2026/R2026-003.yaml")
    cat.write("records/2026/R2026-004.yaml", "- 编号: R2026-004\n- 题名: 名单\n")  # a list, not 「键: 值」
    return cat.root


@pytest.fixture(scope="module")
def values_json(values: Path) -> list[dict]:
    """`gongkai validate --format json` of *values*, run once for the module."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["validate", str(values), "--format", "json", "--no-cache", "--today", TODAY])
    assert code == 1
    return json.loads(out.getvalue())["diagnostics"]


def _find(diags: list[dict], code: str, path: str) -> dict:
    hits = [d for d in diags if d["code"] == code and d["path"] == path]
    assert len(hits) == 1, diags
    return hits[0]


@pytest.mark.parametrize(("code", "path", "line", "column", "phrase"), [
    ("GK106", "records/2026/R2026-001.yaml", 15, 7, "而不是「false」"),
    ("GK104", "records/2026/R2026-002.yaml", 19, 6, "「true」不是有效的「有效性」"),
    ("GK103", "records/2026/R2026-002.yaml", 2, 5, "而这里是「true」"),
    ("GK610", "records/2026/R2026-003.yaml", 19, 9, "PNG 图片中的文字（gongkai 没有文字识别）"),
])
def test_a_value_is_quoted_as_written_at_its_place(values_json, code, path, line, column, phrase):
    found = _find(values_json, code, path)
    assert (found["line"], found["column"]) == (line, column)
    assert phrase in found["message"]
    for python in ("True", "False", "None", "CEB"):
        assert python not in found["message"], found["message"]


def test_text_read_as_yes_or_no_says_to_quote_it(values_json):
    hint = _find(values_json, "GK103", "records/2026/R2026-002.yaml")["hint"]
    assert "会被读成「是/否」" in hint and "加引号" in hint and "请检查" not in hint


def test_a_file_of_the_wrong_shape_points_at_what_the_user_has(values_json):
    """Was 「参照 docs/catalog-format.md 的样例」: a file in gongkai's source, not in the bureau's catalog folder."""
    found = _find(values_json, "GK009", "records/2026/R2026-004.yaml")
    assert (found["line"], found["column"]) == (1, 1)
    assert "参照同一文件夹中其他文件的写法（运行 gongkai rule GK009 可看样例）" in found["hint"]
    assert "docs/" not in found["hint"]


def test_the_text_output_shows_the_same(gk, values):
    run = gk("validate", values, "--no-cache", "--today", TODAY)
    assert run.code == 1
    assert "15:7 错误 GK106 「公示截止」日期格式应为 YYYY-MM-DD，如 2026-03-02，而不是「false」［R2026-001］" in run.out
    assert "「True」" not in run.out and "「False」" not in run.out


# ---- 检查 → 严重程度 ----------------------------------------------------------------------------------------

SEVERITIES = "检查:\n  严重程度:\n    gk405: 关闭\n    GK402: 提示\n    GK9O2: 警告\n    902: off\n"  # lines 38–43


@pytest.fixture(scope="module")
def severities(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A record published after today and late (GK402, GK405), severities set in Chinese, one code mistyped."""
    cat = CatalogDir(tmp_path_factory.mktemp("h26s") / "catalog")
    cat.write("gongkai.yaml", AGENCY + SEVERITIES)
    cat.item(ITEM)
    cat.record(RECORD.replace("公开日期: 2026-09-03", "公开日期: 2026-12-03"))
    return cat.root


def test_severities_in_chinese_apply_and_a_mistyped_code_is_reported(gk, severities):
    run = gk("validate", severities, "--format", "json", "--no-cache", "--today", TODAY)
    diags = json.loads(run.out)["diagnostics"]
    codes = {d["code"]: d for d in diags}
    assert "GK405" not in codes  # gk405: 关闭
    assert codes["GK402"]["severity"] == "info"  # GK402: 提示
    typo, number = [d for d in diags if d["code"] == "GK104"]
    assert (typo["path"], typo["line"], typo["column"]) == ("gongkai.yaml", 42, 5)
    assert typo["message"] == "「GK9O2」不是规则编号，这一行不起作用"
    assert typo["severity"] == "warning"  # the line changes nothing: CI is not turned red by it
    assert "gongkai rules" in typo["hint"] and "删去这一行" in typo["hint"] and "是否想写" not in typo["hint"]
    assert (number["line"], number["column"], number["message"]) == (43, 5, "「902」不是规则编号，这一行不起作用")
    assert number["hint"].startswith("是否想写「GK902」？")
    assert run.code == 0


def test_a_wrong_severity_says_the_chinese_words_too(gk, tmp_path):
    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY + "检查:\n  严重程度:\n    GK402: 严重\n")
    cat.item(ITEM)
    cat.record(RECORD)
    run = gk("validate", cat.root, "--no-cache", "--today", TODAY)
    assert run.code == 1
    assert "40:12 错误 GK104 「严重」不是有效的「GK402」" in run.out
    assert "可选的值：error、warning、info、off。也可写中文：错误、警告、提示、关闭。" in run.out


def test_rule_explains_the_chinese_severities(gk):
    run = gk("rule", "GK402")
    assert run.code == 0 and "GK402: error | warning | info | off（也可写 错误、警告、提示、关闭）" in run.out


# ---- usage errors -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal catalog in a git repository with one commit."""
    top = tmp_path_factory.mktemp("h26u")
    cat = CatalogDir(top / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.record(RECORD)
    for args in (["init", "-q", "-b", "main"], ["add", "-A"],
                 ["-c", "user.name=测试", "-c", "user.email=t@example.gov.cn", "commit", "-q", "-m", "初始目录"]):
        subprocess.run(["git", *args], cwd=top, check=True, capture_output=True)
    return cat.root


@pytest.mark.parametrize(("args", "expected"), [
    (["valdate"], "用法错误：没有这个命令「valdate」，是否想输入「validate」？"),
    (["validate", "{root}", "--format", "xml"],
     "用法错误：取值无效：「--format」/「-f」：「xml」不是可选值之一：「text」、「json」、「github」、「sarif」。"),
    (["validate", "{root}", "--formt", "json"], "用法错误：没有这个选项：--formt（可能是：--format）。"),
    (["rule"], "用法错误：缺少参数「规则编号」。"),
    (["validate", "{root}", "--strict=yes"], "用法错误：选项「--strict」不需要值。\n运行 gongkai validate --help 查看用法。"),
    (["workdays", "add", "2026-01-10", "-3"], "「-3」是负数，不是选项：这里的数字不能为负，请写 0 或正整数。"),
    (["serve", "--port", "三"], "用法错误：取值无效：「--port」/「-p」：应为整数，而这里是「三」。"),
    (["print", "-C", "{root}"], "用法错误：没有这个选项：-C。\n这个命令的目录文件夹直接写在命令后面，不加 -C，如 "),
    (["build-site", "--catalog", "{root}"], "这个命令的目录文件夹直接写在命令后面，不加 --catalog，如 "),
])
def test_usage_errors_quote_in_chinese(gk, plain, args, expected):
    run = gk(*[a.replace("{root}", str(plain)) for a in args])
    assert run.code == 2
    assert expected in run.err
    assert "'" not in run.err.split("\n")[0], run.err


@pytest.mark.parametrize(("args", "shown"), [
    (["[/red]"], "用法错误：没有这个命令「[/red]」"),
    (["mask", "--[/]"], "用法错误：没有这个选项：--[/]。"),
    (["validate", "{tmp}/目录[/]"], "错误：「{tmp}/目录[/]」不是目录文件夹：找不到 gongkai.yaml。"),
    (["validate", "{tmp}/c[red]d"], "错误：「{tmp}/c[red]d」不是目录文件夹：找不到 gongkai.yaml。"),
    (["rule", "[/]"], "错误：没有规则「[/]」。运行 gongkai rules 查看全部规则编号。"),
    (["report", "scorecard", "{root}", "--unit", "[/x]"], "错误：没有编号为「[/x]」的单位"),
])
def test_what_was_typed_is_shown_as_typed(gk, plain, tmp_path, args, shown):
    """Was a MarkupError traceback (「[/red]」, 「[/]」) or the 「[red]」 cut out of the folder's name."""
    run = gk(*[a.replace("{tmp}", str(tmp_path)).replace("{root}", str(plain)) for a in args])
    assert run.code == 2, run.err
    assert shown.replace("{tmp}", str(tmp_path)) in run.err


@pytest.mark.parametrize(("args", "bounds"), [
    (["workdays", "add", "--help"], "<整数> [不小于 0]"),
    (["serve", "--help"], "<整数> [1—65535]"),
    (["calendar", "import", "--help"], "<整数> [1949—2199]"),
])
def test_help_shows_number_bounds_in_chinese(gk, args, bounds):
    run = gk(*args)
    assert run.code == 0 and bounds in run.out and "x>=" not in run.out and "<=x" not in run.out


def test_a_date_that_does_not_exist_where_a_revision_goes(gk, plain):
    run = gk("diff", "-C", plain, "2026-13-01")
    assert run.code == 2
    assert "「2026-13-01」：这像是一个日期，但日期不存在：2026-13-01（一年只有12个月）" in run.err
    assert "--since 2026-13-01" not in run.err and "gongkai diff --since 2026-01-01" in run.err


def test_a_real_date_where_a_revision_goes_still_names_it(gk, plain):
    run = gk("diff", "-C", plain, "2026/2/3")
    assert run.code == 2 and "请写 gongkai diff --since 2026-02-03" in run.err


@pytest.mark.parametrize(("args", "what"), [
    (["fmt", "{tmp}/不在.yaml"], "找不到文件或文件夹「{tmp}/不在.yaml」：请检查文件夹和文件名"),
    (["county", "--config", "{tmp}/county.yaml"], "找不到县里的配置文件「{tmp}/county.yaml」：请检查文件夹和文件名"),
    (["init", "{tmp}/新目录", "--answers", "{tmp}/答案.yaml"], "找不到答案文件「{tmp}/答案.yaml」：请检查文件夹和文件名"),
])
def test_a_missing_input_says_how_to_fix_it(gk, tmp_path, args, what):
    run = gk(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert run.code == 2
    assert what.replace("{tmp}", str(tmp_path)) in run.err


def test_the_editors_schema_takes_the_chinese_severities(gk, tmp_path):
    """VS Code underlined 「GK402: 警告」 while validate took it: the schema lists the same words."""
    run = gk("schema", "--out", tmp_path)
    assert run.code == 0
    schema = json.loads((tmp_path / "gongkai.schema.json").read_text(encoding="utf-8"))
    found = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "严重程度" in node:
                found.append(node["严重程度"]["additionalProperties"]["enum"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert found == [["error", "warning", "info", "off", "错误", "警告", "提示", "关闭", "不检查"]]


@pytest.mark.parametrize(("typed", "default", "answer"), [
    ("是\n", False, True), ("否\n", True, False), ("y\n", False, True), ("不要\n", True, False),
    ("\n", True, True), ("\n", False, False), ("x\n好\n", False, True),
])
def test_a_yes_no_question_takes_chinese(monkeypatch, capsys, typed, default, answer):
    """Was typer's confirm: 「是」 refused with 「Error: invalid input」 (English), over and over."""
    from gongkai.cli.zh import confirm

    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    assert confirm("写入以上修改？", default=default) is answer
    said = capsys.readouterr()
    assert "[是/否，y/n；直接回车为「" in said.out and "Error" not in said.out + said.err
    if typed.startswith("x"):
        assert "请回答「是」或「否」（也可以输入 y 或 n），而不是「x」。" in said.err


def test_a_cancelled_download_prints_no_traceback_in_the_preview(tmp_path, capsys):
    """Was socketserver's 「Exception occurred during processing of request … Traceback」 on the terminal of
    `gongkai serve` each time the browser left a page before a large attachment had arrived."""
    import functools
    import socket
    import struct
    import threading

    from gongkai.cli.site import PreviewServer, QuietHandler

    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "big.pdf").write_bytes(b"\0" * 20_000_000)
    server = PreviewServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(tmp_path)))
    server.daemon_threads = False  # server_close() then waits for every request's thread: all it printed is here
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        client = socket.create_connection(server.server_address)
        client.sendall(b"GET /big.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert client.recv(12) == b"HTTP/1.0 200"
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset, as a tab closed
        client.close()
        with socket.create_connection(server.server_address) as after:  # served on: the next request is answered
            after.sendall(b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            assert after.recv(12) == b"HTTP/1.0 200"
    finally:
        server.shutdown()
        server.server_close()
    said = capsys.readouterr()
    assert "Traceback" not in said.err and "Exception" not in said.err and said.err == ""


def test_a_bad_today_from_the_environment_names_the_variable(gk, plain, monkeypatch):
    """Was 「--today：日期不存在：2026-13-01」 for a GONGKAI_TODAY set in a CI job: nobody had typed --today."""
    monkeypatch.setenv("GONGKAI_TODAY", "2026-13-01")
    run = gk("validate", plain)
    assert run.code == 2
    assert "错误：环境变量 GONGKAI_TODAY（不用时删去这个变量）：日期不存在：2026-13-01（一年只有12个月）" in run.err
    typed = gk("validate", plain, "--today", "2026-02-30")  # what is typed is named as typed, and wins
    assert typed.code == 2 and "错误：--today：日期不存在：2026-02-30（2026年2月只有28天）" in typed.err


def test_a_command_without_a_catalog_folder_gets_no_such_advice(gk):
    run = gk("rules", "-C", "catalog")
    assert run.code == 2 and "没有这个选项：-C。" in run.err and "直接写在命令后面" not in run.err
