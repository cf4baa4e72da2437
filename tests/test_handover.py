"""gongkai handover: schedule against the official notices, batches, ledger, idempotence, interruption, verify."""

from __future__ import annotations

import csv
import errno
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import RECORD, CatalogDir, docx, text_pdf

PDF = text_pdf("test document")

# Built by hand from the State Council notices (not from chinesecalendar):
# 2025 (国办发明电〔2024〕12号): off 1/1, 1/28-2/4, 4/4-4/6, 5/1-5/5, 5/31-6/2, 10/1-10/8;
#      make-up working days 1/26 (Sun), 2/8 (Sat), 4/27 (Sun), 9/28 (Sun), 10/11 (Sat).
# 2026 (notice of 2025-11-04): off 1/1-1/3, 2/15-2/23, 4/4-4/6, 5/1-5/5, 6/19-6/21, 9/25-9/27, 10/1-10/7;
#      make-up working days 1/4 (Sun), 2/14 (Sat), 2/28 (Sat), 5/9 (Sat), 9/20 (Sun), 10/10 (Sat).
# nominal day -> the day the handover actually happens (5th and 20th, moved to the next working day).
HANDOVER_2025 = {
    "01-05": "01-06", "01-20": "01-20", "02-05": "02-05", "02-20": "02-20", "03-05": "03-05", "03-20": "03-20",
    "04-05": "04-07", "04-20": "04-21", "05-05": "05-06", "05-20": "05-20", "06-05": "06-05", "06-20": "06-20",
    "07-05": "07-07", "07-20": "07-21", "08-05": "08-05", "08-20": "08-20", "09-05": "09-05", "09-20": "09-22",
    "10-05": "10-09", "10-20": "10-20", "11-05": "11-05", "11-20": "11-20", "12-05": "12-05", "12-20": "12-22",
}
HANDOVER_2026 = {
    "01-05": "01-05", "01-20": "01-20", "02-05": "02-05", "02-20": "02-24", "03-05": "03-05", "03-20": "03-20",
    "04-05": "04-07", "04-20": "04-20", "05-05": "05-06", "05-20": "05-20", "06-05": "06-05", "06-20": "06-22",
    "07-05": "07-06", "07-20": "07-20", "08-05": "08-05", "08-20": "08-20", "09-05": "09-07", "09-20": "09-20",
    "10-05": "10-08", "10-20": "10-20", "11-05": "11-05", "11-20": "11-20", "12-05": "12-07", "12-20": "12-21",
}

# A whole year (a notice without one of the seven festivals is refused), 春节 shortened to 2/5–2/11 for the tests.
NOTICE_2027 = """\
年度: 2027
通知: 国务院办公厅关于2027年部分节假日安排的通知（测试用）
放假:
  - 名称: 元旦
    开始: 2027-01-01
    结束: 2027-01-03
  - 名称: 春节
    开始: 2027-02-05
    结束: 2027-02-11
  - 名称: 清明节
    开始: 2027-04-03
    结束: 2027-04-05
  - 名称: 劳动节
    开始: 2027-05-01
    结束: 2027-05-05
  - 名称: 端午节
    开始: 2027-06-09
    结束: 2027-06-09
  - 名称: 中秋节
    开始: 2027-09-15
    结束: 2027-09-15
  - 名称: 国庆节
    开始: 2027-10-01
    结束: 2027-10-07
调休上班: [2027-02-20, 2027-04-25, 2027-05-08, 2027-09-26, 2027-10-09]
"""


def record(number: int, published: str, formed: str | None = None, attribute: str = "主动公开",
           pages: str = "页数: 2\n", attach: bool = True) -> str:
    """A record text based on the conftest one, with its own id, dates and a PDF attachment."""
    rid = f"R2026-{number:03d}"
    formed = formed or published
    text = (RECORD.replace("R2026-001", rid).replace("00001", f"{number:05d}").replace("1号", f"{number}号")
            .replace("2026-09-01", formed).replace("公开日期: 2026-09-03", f"公开日期: {published}")
            .replace("页数: 1\n", pages).replace("公开属性: 主动公开", f"公开属性: {attribute}"))
    if attribute != "主动公开":
        text = text.replace(f"索引号: 350524-MZ-2026-{number:05d}\n", "")
    if attach:
        text += f"附件:\n  - 文件: files/2026/{rid}.pdf\n"
    return text


def add(cat: CatalogDir, number: int, published: str, **kwargs: object) -> str:
    rid = f"R2026-{number:03d}"
    cat.write(f"records/2026/{rid}.yaml", record(number, published, **kwargs))  # type: ignore[arg-type]
    cat.write(f"files/2026/{rid}.pdf", PDF + rid.encode())
    return rid


@pytest.fixture
def ho(cat: CatalogDir) -> CatalogDir:
    """The minimal catalog with handover-ready records: two 主动公开 and one 依申请公开 (never to be sent)."""
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    add(cat, 2, "2026-09-15", formed="2026-09-10")
    add(cat, 3, "2026-09-04", formed="2026-09-01", attribute="依申请公开")
    return cat


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def ledgers(cat: CatalogDir) -> list[str]:
    folder = cat.root / "handover"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# ---------------------------------------------------------------- schedule


@pytest.mark.parametrize(("year", "table"), [(2025, HANDOVER_2025), (2026, HANDOVER_2026)])
def test_schedule_matches_the_official_notices(gk, cat, year, table):
    run = gk("handover", "schedule", "--year", str(year), "--format", "json", "-C", cat.root)
    assert run.code == 0, run.err
    got = {d["nominal"][5:]: d["actual"][5:] for d in run.json()}
    assert got == table
    assert all(bool(d["reason"]) == d["moved"] for d in run.json())


def test_schedule_text_says_why_a_day_moved(gk, cat):
    run = gk("handover", "schedule", "--year", "2026", "-C", cat.root)
    assert run.code == 0
    line = next(x for x in run.out.splitlines() if "2026-10-05" in x)
    assert "2026-10-08" in line and "国庆节" in line and "顺延" in line
    sunday = next(x for x in run.out.splitlines() if "2026-09-20" in x)
    assert "→  2026-09-20（周日）" in sunday and "顺延" not in sunday


def test_working_sunday_is_a_handover_day(gk, ho, tmp_path):
    run = gk("handover", "--date", "2026-09-20", "--dry-run", "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert not (tmp_path / "o").exists() and ledgers(ho) == []


def test_year_without_notice_fails_clearly(gk, ho, tmp_path):
    run = gk("handover", "schedule", "--year", "2027", "-C", ho.root)
    assert run.code == 2
    assert "calendar/2027.yaml" in run.err and "2027" in run.err
    run = gk("handover", "--date", "2027-01-05", "-C", ho.root, "--out", tmp_path / "o", "--today", "2027-01-05")
    assert run.code == 2 and "calendar/2027.yaml" in run.err
    assert "Traceback" not in run.err


def test_year_with_a_notice_in_the_catalog(gk, ho):
    ho.write("calendar/2027.yaml", NOTICE_2027)
    run = gk("handover", "schedule", "--year", "2027", "--format", "json", "-C", ho.root)
    assert run.code == 0, run.err
    got = {d["nominal"]: d["actual"] for d in run.json()}
    assert got["2027-01-05"] == "2027-01-05"
    assert got["2027-02-05"] == "2027-02-12"  # 春节 2/5-2/11 in the test notice
    assert got["2027-02-20"] == "2027-02-20"  # a make-up Saturday stays


def test_refuses_a_day_that_is_not_a_handover_day(gk, ho, tmp_path):
    run = gk("handover", "--date", "2026-09-08", "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 2
    assert "不是移交日" in run.err and "2026-09-07" in run.err and "2026-09-20" in run.err and "--force" in run.err
    run = gk("handover", "--date", "2026-09-08", "--force", "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert ledgers(ho) == ["2026-09-08.yaml"]


# ---------------------------------------------------------------- batches


def test_batch_writes_bags_manifests_and_ledger(gk, ho, tmp_path):
    out = tmp_path / "out"
    run = gk("handover", "--date", "2026-09-20", "-C", ho.root, "--out", out)
    assert run.code == 0, run.err
    assert sorted(p.name for p in out.iterdir()) == ["dag", "tsg"]
    files = tree(out / "dag")
    for name in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "data/manifest.xlsx", "data/manifest.html",
                 "data/manifest.csv", "data/files/R2026-001/R2026-001.pdf", "data/files/R2026-002/R2026-002.pdf"):
        assert name in files
    assert files["data/files/R2026-001/R2026-001.pdf"] == PDF + b"R2026-001"
    # made on 2026-11-27 (today, pinned), the bag was prepared then; the batch it belongs to is 2026-09-20
    assert b"Bagging-Date: 2026-11-27" in files["bag-info.txt"]
    assert b"Bag-Group-Identifier: 2026-09-20" in files["bag-info.txt"]
    sheet = load_workbook(out / "dag/data/manifest.xlsx").active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "送交信息目录表" in cells and "350524-MZ-2026-00001" in cells and "测民〔2026〕2号" in cells
    assert any("测试县档案馆" in c for c in cells) and any("联系人：张三" in c for c in cells)
    html = files["data/manifest.html"].decode()
    assert "@page" in html and "A4" in html and "公章" in html and html.count('class="copy"') == 2
    assert "接收人签收" in html and "测试县民政局" in html
    rows = list(csv.reader(io.StringIO(files["data/manifest.csv"].decode("utf-8-sig"))))
    assert rows[5][:3] == ["序号", "索引号", "题名"] and [r[1] for r in rows[6:]] == ["350524-MZ-2026-00001",
                                                                                    "350524-MZ-2026-00002"]
    ledger = (ho.root / "handover/2026-09-20.yaml").read_text(encoding="utf-8")
    assert "批次日期: 2026-09-20" in ledger and "R2026-001" in ledger and "R2026-002" in ledger
    assert gk("validate", ho.root).code == 0


def test_on_request_records_never_reach_a_manifest(gk, ho, tmp_path):
    out = tmp_path / "out"
    assert gk("handover", "--date", "2026-09-20", "-C", ho.root, "--out", out).code == 0
    for path, data in tree(out).items():
        assert "R2026-003" not in path
        if path.endswith((".html", ".csv", ".txt")):
            assert "R2026-003" not in data.decode("utf-8-sig") and "00003" not in data.decode("utf-8-sig")
    assert "R2026-003" not in (ho.root / "handover/2026-09-20.yaml").read_text(encoding="utf-8")


def test_same_date_again_is_identical_and_not_recorded_twice(gk, ho, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert gk("handover", "--date", "2026-09-20", "-C", ho.root, "--out", first).code == 0
    ledger = (ho.root / "handover/2026-09-20.yaml").read_bytes()
    add(ho, 4, "2026-09-18", formed="2026-09-17")  # registered late: belongs to the next batch, not this one
    run = gk("handover", "--date", "2026-09-20", "-C", ho.root, "--out", second)
    assert run.code == 0, run.err
    assert "未重复记录" in run.out
    assert tree(first) == tree(second)
    assert (ho.root / "handover/2026-09-20.yaml").read_bytes() == ledger and ledgers(ho) == ["2026-09-20.yaml"]
    nxt = gk("handover", "--date", "2026-10-08", "--dry-run", "-C", ho.root, "--out", tmp_path / "n")
    assert "350524-MZ-2026-00004" in nxt.out and "00001" not in nxt.out and "00002" not in nxt.out


def test_catch_up_after_a_missed_batch(gk, ho, tmp_path):
    # The batch of 2026-09-07 was never run: 2026-09-20 carries R2026-001 (published 09-03) as well.
    run = gk("handover", "--date", "2026-09-20", "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 0
    assert "00001" in run.out and "00002" in run.out
    assert "开始: 2026-09-03" in (ho.root / "handover/2026-09-20.yaml").read_text(encoding="utf-8")
    add(ho, 5, "2026-10-09", formed="2026-10-09")
    run = gk("handover", "--date", "2026-10-20", "-C", ho.root, "--out", tmp_path / "p")
    assert run.code == 0
    text = (ho.root / "handover/2026-10-20.yaml").read_text(encoding="utf-8")
    assert "R2026-005" in text and "R2026-001" not in text and "开始: 2026-09-21" in text


def test_empty_period_still_has_a_manifest(gk, ho, tmp_path):
    assert gk("handover", "--date", "2026-09-20", "-C", ho.root, "--out", tmp_path / "a").code == 0
    run = gk("handover", "--date", "2026-10-08", "-C", ho.root, "--out", tmp_path / "b")
    assert run.code == 0, run.err
    for recipient in ("dag", "tsg"):
        data = tmp_path / "b" / recipient / "data"
        assert "本期无主动公开政府信息" in (data / "manifest.html").read_text(encoding="utf-8")
        assert "本期无主动公开政府信息" in (data / "manifest.csv").read_text(encoding="utf-8-sig")
        cells = [c.value for row in load_workbook(data / "manifest.xlsx").active.iter_rows() for c in row]
        assert "本期无主动公开政府信息" in cells
        assert not (data / "files").exists()
    ledger = (ho.root / "handover/2026-10-08.yaml").read_text(encoding="utf-8")
    assert "信息: []" in ledger and "本期无主动公开政府信息" in ledger
    assert gk("validate", ho.root).code == 0


def test_incomplete_records_stop_the_batch(gk, ho, tmp_path):
    add(ho, 6, "2026-09-16", pages="")
    ho.write("records/2026/R2026-007.yaml", record(7, "2026-09-16", attach=False))
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 1
    assert "GK504" in run.err and "GK501" in run.err and "--allow-incomplete" in run.err
    assert not (tmp_path / "o").exists() and ledgers(ho) == []
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "--allow-incomplete", "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    rows = list(csv.reader(io.StringIO((tmp_path / "o/dag/data/manifest.csv").read_text(encoding="utf-8-sig"))))
    remarks = {r[1]: r[-1] for r in rows[6:]}
    assert remarks["350524-MZ-2026-00006"] == "缺页数" and remarks["350524-MZ-2026-00007"] == "缺电子文件"


def test_not_a_pdf_stops_the_batch(gk, ho, tmp_path):
    ho.write("records/2026/R2026-008.yaml", record(8, "2026-09-16", attach=False)
             + "附件:\n  - 文件: files/2026/R2026-008.docx\n")
    ho.write("files/2026/R2026-008.docx", docx("关于养老服务补贴的通知"))
    run = gk("handover", "--date", "2026-09-20", "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 1 and "GK503" in run.err


def test_late_handover_is_noted(gk, ho, tmp_path):
    add(ho, 9, "2026-09-16", formed="2026-07-01")
    assert gk("handover", "--date", "2026-09-20", "-C", ho.root, "--out", tmp_path / "o").code == 0
    csv_text = (tmp_path / "o/dag/data/manifest.csv").read_text(encoding="utf-8-sig")
    assert "超过20个工作日时限" in csv_text
    run = gk("validate", ho.root, "--format", "json")
    assert "GK506" in run.out


def test_interrupted_run_leaves_old_output_and_no_ledger(gk, ho, tmp_path, monkeypatch):
    out = tmp_path / "o"
    (out / "dag").mkdir(parents=True)  # the last batch: a bag (a folder not a batch is refused: test_hostile17_out_folders)
    (out / "dag" / "bagit.txt").write_text("BagIt-Version: 1.0\n", encoding="utf-8")
    (out / "old.txt").write_text("上一次的输出", encoding="utf-8")
    from gongkai.handover import manifest

    calls = []
    real = manifest.to_html

    def crash_on_second(sheet):  # the second recipient's page: the first bag is already written
        calls.append(sheet)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(sheet)

    monkeypatch.setattr(manifest, "to_html", crash_on_second)
    run = gk("handover", "--date", "2026-09-20", "-C", ho.root, "--out", out)
    assert run.code == 2 and "磁盘空间不足" in run.err  # the disk, not gongkai: a Chinese message, no exit 3
    assert tree(out) == {"dag/bagit.txt": b"BagIt-Version: 1.0\n", "old.txt": "上一次的输出".encode()}
    assert ledgers(ho) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".o.")] == []


def test_dry_run_writes_nothing(gk, ho, tmp_path):
    run = gk("handover", "--date", "2026-09-20", "--dry-run", "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 0
    assert "350524-MZ-2026-00001" in run.out and "00003" not in run.out and "没有写入" in run.out
    assert not (tmp_path / "o").exists() and ledgers(ho) == []


# ---------------------------------------------------------------- verify


def test_verify_accepts_a_delivered_batch_and_finds_tampering(gk, ho, tmp_path):
    out = tmp_path / "o"
    assert gk("handover", "--date", "2026-09-20", "-C", ho.root, "--out", out).code == 0
    run = gk("handover", "verify", out)
    assert run.code == 0 and "全部通过" in run.out
    (out / "tsg/data/manifest.csv").write_bytes(b"changed")  # the 图书馆 holds no copy of the 公示 list itself
    (out / "dag/data/files/R2026-002/R2026-002.pdf").unlink()
    run = gk("handover", "verify", out)
    assert run.code == 1
    assert "内容与校验值不符" in run.out and "文件缺失" in run.out and "2 个未通过" in run.out
    assert gk("handover", "verify", tmp_path).code == 2


def test_validate_warns_about_gaps_once_ledgers_exist(gk, ho, tmp_path):
    ho.write("records/2026/R2026-010.yaml", record(10, "2026-11-02", pages=""))  # no 页数, attachment file missing
    codes = [d["code"] for d in gk("validate", ho.root, "--format", "json").json()["diagnostics"]]
    assert "GK607" in codes  # a missing attachment is an error whether or not the catalog hands over
    assert not {"GK502", "GK504", "GK507"} & set(codes)  # no ledger yet: the catalog does not hand over with gongkai
    ho.write("handover/2026-09-07.yaml", "批次日期: 2026-09-07\n覆盖期间: {开始: 2026-08-21, 结束: 2026-09-07}\n"
                                         "接收单位: [dag, tsg]\n信息:\n  - 编号: R2026-001\n  - 编号: R2026-003\n"
                                         "  - 编号: R2026-001\n")
    codes = [d["code"] for d in gk("validate", ho.root, "--format", "json").json()["diagnostics"]]
    assert {"GK502", "GK504", "GK507", "GK508", "GK509"} <= set(codes)
    assert gk("validate", ho.root).code == 1  # GK508/GK509 are errors: something went to the 两馆 that should not


# ---------------------------------------------------------------- baseline: deliveries made before gongkai


def test_baseline_records_past_deliveries_without_sending_anything(gk, ho, tmp_path):
    add(ho, 9, "2026-09-16", formed="2026-07-01")  # sent late, by hand, before gongkai
    run = gk("handover", "baseline", "--through", "2026-09-20", "-C", ho.root)
    assert run.code == 0, run.err
    assert ledgers(ho) == ["2026-09-20.yaml"]
    text = (ho.root / "handover/2026-09-20.yaml").read_text(encoding="utf-8")
    assert "补登: true" in text and "R2026-001" in text and "R2026-009" in text and "R2026-003" not in text
    assert "超过" not in text  # nobody knows when they were really sent: no late remark is invented
    assert not (tmp_path / "handover-out").exists()
    data = gk("validate", ho.root, "--format", "json").json()
    assert data["summary"]["errors"] == 0 and "GK506" not in {d["code"] for d in data["diagnostics"]}


def test_after_a_baseline_only_later_records_are_sent(gk, ho, tmp_path):
    gk("handover", "baseline", "--through", "2026-09-20", "-C", ho.root)
    add(ho, 4, "2026-09-25", formed="2026-09-24")
    out = tmp_path / "o"
    assert gk("handover", "--date", "2026-10-08", "-C", ho.root, "--out", out).code == 0
    manifest = (out / "dag/data/manifest.csv").read_text(encoding="utf-8-sig")
    assert "350524-MZ-2026-00004" in manifest and "350524-MZ-2026-00001" not in manifest


def test_baseline_is_not_recorded_twice(gk, ho):
    assert gk("handover", "baseline", "--through", "2026-09-20", "-C", ho.root).code == 0
    run = gk("handover", "baseline", "--through", "2026-09-20", "-C", ho.root)
    assert run.code == 2 and "已经存在" in run.err


# ---------------------------------------------------------------- edges of the batch and the ledger rules


def test_a_record_published_on_the_batch_day_goes_in_that_batch(gk, ho, tmp_path):
    add(ho, 4, "2026-09-19", formed="2026-09-18")  # the day before
    add(ho, 5, "2026-09-20", formed="2026-09-18")  # the batch day itself (a working Sunday)
    add(ho, 6, "2026-09-21", formed="2026-09-18")  # the day after: the next batch
    run = gk("handover", "--date", "2026-09-20", "--dry-run", "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert "350524-MZ-2026-00004" in run.out and "350524-MZ-2026-00005" in run.out
    assert "350524-MZ-2026-00006" not in run.out


def _validate_codes(gk, cat: CatalogDir) -> list[str]:
    return [d["code"] for d in gk("validate", cat.root, "--format", "json", "--no-cache").json()["diagnostics"]]


LEDGER_0907 = ("批次日期: 2026-09-07\n覆盖期间: {{开始: 2026-08-21, 结束: 2026-09-07}}\n接收单位: [{recipients}]\n"
               "信息:\n  - 编号: R2026-001\n")


def test_gk505_the_batch_stops_on_a_record_without_index_number(gk, ho, tmp_path):
    run = gk("handover", "--date", "2026-09-20", "--dry-run", "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 0 and "GK505" not in run.out + run.err
    text = record(8, "2026-09-16").replace("索引号: 350524-MZ-2026-00008\n", "")
    ho.write("records/2026/R2026-008.yaml", text)
    ho.write("files/2026/R2026-008.pdf", PDF + b"R2026-008")
    run = gk("handover", "--date", "2026-09-20", "-C", ho.root, "--out", tmp_path / "o")
    assert run.code == 1 and "GK505" in run.err, run.out + run.err
    assert not (tmp_path / "o").exists() and ledgers(ho) == []


def test_gk510_a_delivered_file_changed_afterwards(gk, ho, tmp_path):
    assert gk("handover", "--date", "2026-09-20", "-C", ho.root, "--out", tmp_path / "o").code == 0
    assert "GK510" not in _validate_codes(gk, ho)
    ho.write("files/2026/R2026-001.pdf", PDF + b"changed after delivery")
    assert _validate_codes(gk, ho).count("GK510") == 1


def test_gk511_a_ledger_recipient_not_in_gongkai_yaml(gk, ho):
    ho.write("handover/2026-09-07.yaml", LEDGER_0907.format(recipients="dag, tsg"))
    assert "GK511" not in _validate_codes(gk, ho)
    ho.write("handover/2026-09-07.yaml", LEDGER_0907.format(recipients="dangan, tsg"))
    assert _validate_codes(gk, ho).count("GK511") == 1
