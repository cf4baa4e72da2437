"""Shared fixtures: small real catalogs in temp dirs, the real CLI, real git repos."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from gongkai.cli import main

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "catalog"
TODAY = "2026-11-27"

# Timing belongs in benchmarks/: on a loaded 2-core machine a test case may take longer than any deadline.
settings.register_profile("gongkai", deadline=None)
settings.load_profile("gongkai")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> object:
        return json.loads(self.out)


@pytest.fixture
def gk(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """Run the real CLI in-process, as a user would type it; today is pinned."""
    monkeypatch.setenv("GONGKAI_TODAY", TODAY)
    monkeypatch.setenv("COLUMNS", "200")

    def run(*args: str | Path) -> Run:
        capsys.readouterr()
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


AGENCY = """\
机关:
  名称: 测试县民政局
  区划代码: "350524"
  联系人: 张三
  联系电话: 0595-23000000
领域:
  - 名称: 社会救助
    代码: SHJZ
单位:
  - 编号: bgs
    名称: 办公室
    类型: 股室
  - 编号: shjzg
    名称: 社会救助股
    类型: 股室
移交:
  接收单位:
    - 编号: dag
      名称: 测试县档案馆
    - 编号: tsg
      名称: 测试县图书馆
  移交日: [5, 20]
  份数: 2
依申请公开:
  受理机构: 测试县民政局办公室
  地址: 测试县城关镇人民路1号
  电话: 0595-23000000
  电子邮箱: gk@example.gov.cn
  办公时间: 工作日上午8:00—12:00，下午14:30—17:30
  方式: [当面提交, 邮寄]
  复议机关: 测试县人民政府
  诉讼法院: 测试县人民法院
领导:
  - 姓名: 王局长
    职务: 局长
网站:
  基础地址: https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/
"""

ITEM = """\
编号: SHJZ-001
领域: 社会救助
五公开: 结果公开
一级事项: 最低生活保障
二级事项: 审批信息
公开内容:
  - 低保对象名单及相关信息
公开依据:
  - 《社会救助暂行办法》（国务院令第649号）
公开时限: 制定或获取信息之日起10个工作日内
公开主体: 县级人民政府民政部门
公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]
公开对象: 全社会
公开方式: 主动
公开层级: [县级, 乡级]
责任单位: shjzg
"""

RECORD = """\
编号: R2026-001
题名: 测试县民政局关于2026年第三季度低保对象名单的公示
文号: 测民〔2026〕1号
索引号: 350524-MZ-2026-00001
文种: 公示
责任单位: shjzg
事项: SHJZ-001
公开属性: 主动公开
保密审查:
  审查人: 张三
  审查日期: 2026-09-01
  结论: 不涉及国家秘密，同意主动公开
成文日期: 2026-09-01
公开日期: 2026-09-03
公示截止: 2026-12-31
页数: 1
正文: |
  经审核，现将名单予以公示。
"""


class CatalogDir:
    """A small real catalog in a temp dir, with helpers to write files."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def item(self, text: str = ITEM, rel: str = "items/shjz/SHJZ-001.yaml") -> Path:
        return self.write(rel, text)

    def record(self, text: str = RECORD, rel: str = "records/2026/R2026-001.yaml") -> Path:
        return self.write(rel, text)


@pytest.fixture
def cat(tmp_path: Path) -> CatalogDir:
    """A minimal valid catalog: agency, one item, one 主动公开 record."""
    catalog = CatalogDir(tmp_path / "catalog")
    catalog.write("gongkai.yaml", AGENCY)
    catalog.item()
    catalog.record()
    return catalog


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """A copy of the bundled 安溪县民政局 catalog, safe to modify."""
    target = tmp_path / "catalog"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns(".gongkai-cache"))
    return target


def git(cwd: Path, *args: str) -> str:
    """Run git in *cwd* with a fixed identity; returns stdout."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "测试", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(cat: CatalogDir) -> Path:
    """The minimal catalog inside a real git repository with one commit."""
    top = cat.root.parent
    git(top, "init", "-q", "-b", "main")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "初始目录")
    return top


def add_fields(path: Path, lines: str) -> None:
    """Add fields to the record file at *path* before its 正文 (a record that is not 主动公开 has none: at the end);
    nothing when the file is gone."""
    if path.exists():
        text = path.read_text("utf-8")
        at = text.find("正文:")
        path.write_text(text[:at] + lines + text[at:] if at >= 0 else text + lines, "utf-8")


def text_pdf(*pages: str, info: str = "") -> bytes:
    """A minimal text PDF that pypdf reads: one line of ASCII text per page; *info* is the body of its /Info
    dictionary (document properties), e.g. "/Author (13812345678)"."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", ""]
    kids = []
    for text in pages:
        content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
        page_no, content_no = len(objects) + 1, len(objects) + 2
        kids.append(f"{page_no} 0 R")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_no} 0 R "
                       f"/Resources << /Font << /F1 {len(pages) * 2 + 3} 0 R >> >> >>")
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content.decode()}\nendstream")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    info_ref = ""
    if info:
        objects.append(f"<< {info} >>")
        out += f"{len(objects)} 0 obj\n<< {info} >>\nendobj\n".encode()
        offsets.append(xref)
        xref = len(out)
        info_ref = f" /Info {len(objects)} 0 R"
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info_ref} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def docx(body: str, **parts: str) -> bytes:
    """A minimal Word document: *body* as one paragraph; *parts* adds parts by name (header1, comments, core …)
    whose text is one paragraph each, e.g. docx("通知", header1="联系人 13812345678")."""
    import io
    import zipfile

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph = "<w:p><w:r><w:t>{}</w:t></w:r></w:p>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types '
                         'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr("word/document.xml", f"<w:document {ns}><w:body>{paragraph.format(body)}</w:body></w:document>")
        for name, text in parts.items():
            if name == "core":
                archive.writestr("docProps/core.xml", f"<cp:coreProperties><dc:creator>{text}</dc:creator>"
                                                      "</cp:coreProperties>")
            else:
                archive.writestr(f"word/{name}.xml", f"<w:{name} {ns}>{paragraph.format(text)}</w:{name}>")
    return buffer.getvalue()


@pytest.fixture
def terminal_ctrl_c() -> Iterator[None]:
    """Ctrl+C raises KeyboardInterrupt in this process, as in a clerk's terminal: a test run started in the background
    (`make test &`, a CI runner without job control) inherits SIGINT ignored, and a test that sends itself SIGINT would
    then see nothing happen."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    blocked = signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT}) if hasattr(signal, "pthread_sigmask") else None
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if blocked is not None and signal.SIGINT in blocked:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


def ctrl_c_when_renamed_to(monkeypatch: pytest.MonkeyPatch, out: Path, building: bool = False) -> list[str]:
    """Send SIGINT to this process from inside the rename of a folder to *out* (with *building*, only of a staging
    folder «.out.building.…»), as a terminal would send it at that moment; the names of the folders renamed so far."""
    seen: list[str] = []
    real = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst) == out and (not building or ".building." in Path(src).name):
            seen.append(Path(src).name)
            os.kill(os.getpid(), signal.SIGINT)  # delivered at once unless held
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return seen


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium through Playwright, one for the session (a second sync Playwright in the same process fails:
    「using Playwright Sync API inside the asyncio loop」), for tests/browser and for a browser test beside the tests
    of its command (mark it `browser`: `make test` runs every test so marked, wherever it is)."""
    from tests.browser.conftest import ARGS, CHROMIUM, _require_chromium  # noqa: PLC0415 — browser tests only

    _require_chromium()
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()
