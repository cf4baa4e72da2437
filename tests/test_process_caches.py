"""What one process keeps between commands (the tests, `gongkai county`): it must answer as a new process would.

Three things are made once and kept: the click command typer makes of the application (cli.app._command), the
依申请公开 申请表 of an agency (guide.form), and the output scan's findings in a document (privacy.outputs). Each is
asked here in a way a wrong key would answer from the first asking: a command whose module is imported after the
first command ran, two agencies with different telephone numbers, the same document with and without the bureau's own
number allowed, and the same gzip bytes named .csv.gz and .txt.gz. (Twenty-ninth session) and the privacy pre-filter,
built once a process has read enough to pay for it — in the parent before a scan forks its workers.
"""

from __future__ import annotations

import gzip
import json
import io
import subprocess
import sys
import zipfile
from pathlib import Path

from docx import Document

from conftest import BUNDLED, RECORD, ROOT
from gongkai.catalog import load_catalog
from gongkai.guide.form import application_form_docx, application_form_pdf
from gongkai.privacy.outputs import scan_tree

PHONE = "13805951234"  # a mobile number typed by hand: 138 0595 1234


def test_a_command_imported_after_the_first_command_ran_is_found() -> None:
    """`workdays --help` imports one command module; `validate` then imports its own, which registers a command the
    application did not have when its click command was first made."""
    script = ("import sys\nfrom gongkai.cli import main\n"
              "first = main(['workdays', '--help'])\n"
              f"second = main(['validate', {str(BUNDLED)!r}])\n"
              "print('codes', first, second)\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "codes 0 0" in run.stdout
    assert "没有这个命令" not in run.stdout + run.stderr
    assert "检查了" in run.stdout  # validate's own summary line


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    return "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for r in t.rows for c in r.cells])


def test_each_agency_gets_its_own_form() -> None:
    anxi = load_catalog(BUNDLED, use_cache=False).agency
    assert anxi is not None and anxi.requests is not None
    other = anxi.model_copy(update={"requests": anxi.requests.model_copy(update={"phone": "0595-23999999"})})
    first, second = application_form_docx(anxi), application_form_docx(other)
    assert "电话：0595-23222516" in _docx_text(first)
    assert "电话：0595-23999999" in _docx_text(second) and "0595-23222516" not in _docx_text(second)
    assert application_form_docx(anxi) == first  # asked again: the same bytes
    assert application_form_pdf(anxi) != application_form_pdf(other)


def _docx_with(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", f'<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>{text}'
                                              "</w:t></w:r></w:p></w:body></w:document>")
    return buffer.getvalue()


def test_a_document_scanned_before_is_scanned_again_under_other_allowed_numbers(tmp_path: Path) -> None:
    (tmp_path / "form.docx").write_bytes(_docx_with(f"联系电话：{PHONE}"))
    assert scan_tree(tmp_path, ["form.docx"], frozenset({PHONE})) == []  # the bureau's own number
    found = scan_tree(tmp_path, ["form.docx"], frozenset())
    assert [(f.file, f.kind, f.masked_value) for f in found] == [("form.docx", "mobile", "138****1234")]
    assert scan_tree(tmp_path, ["form.docx"], frozenset({PHONE})) == []


def test_the_same_gzip_bytes_are_a_spreadsheet_only_under_a_csv_name(tmp_path: Path) -> None:
    """=13805951*1000+234 is what Excel shows as 13805951234: a formula of a CSV file, text anywhere else."""
    data = gzip.compress("名称,值\n甲,=13805951*1000+234\n".encode(), mtime=0)
    for first, second in (("a.txt.gz", "b.csv.gz"), ("c.csv.gz", "d.txt.gz")):
        (tmp_path / first).write_bytes(data)
        (tmp_path / second).write_bytes(data)
        assert {f.file for f in scan_tree(tmp_path, [first], frozenset())} == ({first} if "csv" in first else set())
        assert {f.file for f in scan_tree(tmp_path, [second], frozenset())} == ({second} if "csv" in second else set())


def test_a_scan_forked_into_workers_builds_the_prefilter_once_in_the_parent(cat) -> None:
    """The pre-filter is built once a process has read 100,000 characters (normalize.prefilter_pays); a scan of many
    records forks workers, which would each read their first 100,000 by the full path and build it again: the parent
    builds it before forking (they share it). Three records here stand for the thousand that fork, in a fresh process
    (one that has scanned a record remembers it and would not scan it again; a test's worker may not fork)."""
    for number in (2, 3):
        cat.record(RECORD.replace("R2026-001", f"R2026-00{number}").replace("2026-00001", f"2026-0000{number}")
                   .replace("测民〔2026〕1号", f"测民〔2026〕{number}号"), rel=f"records/2026/R2026-00{number}.yaml")
    script = ("import json; from gongkai.privacy import normalize, scan; scan.MIN_PARALLEL = 2; "
              f"from gongkai.cli import main; code = main(['validate', {str(cat.root)!r}, '--no-cache']); "
              "print(json.dumps([code, normalize._prefilter.cache_info().currsize > 0, "
              "normalize._read_without_prefilter[0] < 100_000]))")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(run.stdout.splitlines()[-1]) == [0, True, True], run.stdout + run.stderr
