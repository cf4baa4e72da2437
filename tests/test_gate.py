"""One gate decides what may leave the building: every publisher takes its records from gongkai.gate.

Two checks: the publishers' code never reads records past the gate, and the real commands, run on a catalog
with a record of each kind, put only the admitted one anywhere in what they write.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from conftest import RECORD, CatalogDir

SRC = Path(__file__).resolve().parents[1] / "src" / "gongkai"
# Everything that writes for the public or for the library: the site (pages, feeds, open data), its search index,
# the handover to the 两馆, and the exports of the directory.
PUBLISHERS = ["site", "search", "handover", "interchange", "portal", "printing"]
PAST_THE_GATE = re.compile(r"catalog\.records\b|models\(\s*[\"']record[\"']\s*\)|\.files\.values\(\)")


def publisher_modules() -> list[Path]:
    return sorted(p for package in PUBLISHERS for p in (SRC / package).rglob("*.py"))


# Packages that call the gate without publishing: inspect shows the inspector what the public sees.
NOT_PUBLISHERS = {"gate", "inspect"}


def test_publishers_are_enumerated():
    """Every package that takes records from the gate is a publisher checked here, and every publisher exists."""
    callers = {p.relative_to(SRC).parts[0] for p in SRC.rglob("*.py") if "gongkai.gate" in p.read_text(encoding="utf-8")}
    assert callers - NOT_PUBLISHERS <= set(PUBLISHERS), sorted(callers - NOT_PUBLISHERS - set(PUBLISHERS))
    assert {p.relative_to(SRC).parts[0] for p in publisher_modules()} == set(PUBLISHERS)


def test_no_publisher_reads_records_past_the_gate():
    offenders = [
        f"{path.relative_to(SRC)}:{number}: {line.strip()}"
        for path in publisher_modules()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if PAST_THE_GATE.search(line)
    ]
    assert offenders == []


def test_records_that_take_records_use_the_gate():
    users = [p for p in publisher_modules() if "admit(" in p.read_text(encoding="utf-8")]
    assert {p.parent.name for p in users} >= {"site", "handover", "portal", "printing"}


def _secret(title: str, number: str, rid: str, attribute: str, index: str) -> str:
    text = RECORD.replace("R2026-001", rid).replace("测试县民政局关于2026年第三季度低保对象名单的公示", title)
    text = text.replace("测民〔2026〕1号", number).replace("350524-MZ-2026-00001", index)
    if attribute != "主动公开":
        text = text.replace("公开属性: 主动公开", f"公开属性: {attribute}").replace("公开日期: 2026-09-03\n", "")
        text = text.replace("正文: |\n  经审核，现将名单予以公示。\n", "")
    if attribute == "不予公开":
        text += "不予公开理由: 过程性信息\n"
    return text


def _published_bytes(folder: Path) -> bytes:
    """Every byte written under *folder*, with xlsx and other zip files opened up."""
    chunks = []
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                data += b"".join(archive.read(name) for name in archive.namelist())
        chunks.append(data)
    return b"\n".join(chunks)


def test_only_admitted_records_leave_the_building(gk, cat: CatalogDir, tmp_path):
    (cat.root / "files/2026").mkdir(parents=True)
    cat.write("records/2026/R2026-002.yaml", _secret("依申请甲号文件", "测民〔2026〕902号", "R2026-002", "依申请公开", "X-902"))
    cat.write("records/2026/R2026-003.yaml", _secret("不予公开乙号文件", "测民〔2026〕903号", "R2026-003", "不予公开", "X-903"))
    leaked = _secret("含身份证号丙号名单", "测民〔2026〕904号", "R2026-004", "主动公开", "350524-MZ-2026-00004")
    cat.write("records/2026/R2026-004.yaml", leaked.replace("经审核，现将名单予以公示。", "张三 身份证号 11010519491231002X"))

    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    out = tmp_path / "handover"
    assert gk("handover", "--date", "2026-10-09", "--force", "--allow-incomplete", "-C", cat.root, "--out", out).code == 0
    exports = tmp_path / "exports"
    exports.mkdir()
    gk("export", "xlsx", "-C", cat.root, "-o", exports / "directory.xlsx")
    gk("export", "csv", "-C", cat.root, "-o", exports / "directory.csv")

    site_bytes = _published_bytes(site)
    clean = "测试县民政局关于2026年第三季度低保对象名单的公示".encode()
    assert clean in site_bytes and clean in _published_bytes(out)  # the gate admits the clean one
    everything = site_bytes + _published_bytes(out) + _published_bytes(exports)
    for secret in ("依申请甲号文件", "测民〔2026〕902号", "不予公开乙号文件", "测民〔2026〕903号", "含身份证号丙号名单",
                   "测民〔2026〕904号", "11010519491231002X", "R2026-002", "R2026-003", "R2026-004"):
        assert secret.encode() not in everything, secret
