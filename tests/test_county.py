"""gongkai county: many departments' catalogs at once; a broken one is reported and does not stop the others."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import Run
from tests.test_init import YONGCHUN

DEHUA = ["--name", "德化县民政局", "--code", "350526", "--address", "福建省泉州市德化县浔中镇龙浔路1号", "--contact", "郑丽",
         "--phone", "0595-23521234", "--email", "dhmzj@example.gov.cn", "--leader", "苏伟:局长", "--no-towns", "-y"]

REQUEST = """\
编号: {id}
收到日期: {received}
申请渠道: 网上
申请人类型: {who}
申请内容: 2026年城乡最低生活保障标准
"""
REPLY = "办理结果: {outcome}\n答复日期: {replied}\n"


def _request(catalog: Path, number: str, received: str, who: str, outcome: str | None = None,
             replied: str | None = None) -> None:
    text = REQUEST.format(id=number, received=received, who=who)
    if outcome:
        text += REPLY.format(outcome=outcome, replied=replied)
    path = catalog / "requests" / "2026" / f"{number}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def county(gk: Callable[..., Run], tmp_path: Path) -> tuple[Path, Path, Path]:
    """Three departments: 永春 (two requests), 德化 (one), and a folder whose gongkai.yaml is not YAML."""
    yongchun, dehua, broken = tmp_path / "ycmzj", tmp_path / "dhmzj", tmp_path / "broken"
    assert gk("init", yongchun, *YONGCHUN).code == 0
    assert gk("init", dehua, *DEHUA).code == 0
    _request(yongchun / "catalog", "YSQ-2026-001", "2026-03-02", "自然人", "予以公开", "2026-03-10")
    _request(yongchun / "catalog", "YSQ-2026-002", "2026-11-20", "商业企业")  # not answered at the year's end
    _request(dehua / "catalog", "YSQ-2026-001", "2026-05-06", "自然人", "部分公开", "2026-05-20")
    broken.mkdir()
    (broken / "gongkai.yaml").write_text("机关:\n  名称: [坏了\n", encoding="utf-8")
    return yongchun, dehua, broken


def test_county_over_three_catalogs_one_broken(gk: Callable[..., Run], county: tuple[Path, Path, Path],
                                               tmp_path: Path) -> None:
    out = tmp_path / "county-out"
    result = gk("county", *county, "--year", "2026", "--out", out)
    assert result.code == 1  # one department could not be read
    assert "永春县民政局" in result.out and "德化县民政局" in result.out
    assert f"无法读取 {county[2]}：gongkai.yaml 第2行第7列：这里开始的方括号列表没有闭合或格式不对" in result.out
    assert "共 3 个部门，1 个无法读取。" in result.out

    review = load_workbook(out / "review-2026.xlsx")
    assert review.sheetnames == ["永春县民政局", "德化县民政局"]
    assert review["永春县民政局"]["A1"].value == "永春县民政局社会救助领域基层政务公开标准目录"
    assert review["永春县民政局"]["B4"].value == "综合业务"  # first row of 民办函〔2019〕52号 社会救助
    scorecard = load_workbook(out / "scorecard-2026.xlsx")["部门考核"]
    rows = [[c for c in row] for row in scorecard.iter_rows(min_row=3, max_row=5, values_only=True)]
    # counts are numbers, so that the 政务公开办 can sum and sort them in Excel
    assert rows[0][:3] == ["永春县民政局", 19, 0] and rows[1][:3] == ["德化县民政局", 19, 0]
    # gongkai inspect: no 单项否决 fails; 5 points off for the 2025 年报 a bureau adopted in 2026 has not published.
    assert rows[0][8] == "合格（95分）" and rows[0][9] == "平衡"
    assert rows[2][:2] == [str(county[2]), "无法读取（见表下说明）"]

    annual = load_workbook(out / "annual-2026.xlsx")
    table3 = {row[0]: row[1:] for row in annual["表三 依申请公开"].iter_rows(min_row=2, values_only=True)}
    # columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计
    assert table3["一、本年新收政府信息公开申请数量"] == (2, 1, 0, 0, 0, 0, 3)
    assert table3["　（一）予以公开"] == (1, 0, 0, 0, 0, 0, 1)
    assert table3["　（二）部分公开（区分处理的，只计这一情形，不计其他情形）"] == (1, 0, 0, 0, 0, 0, 1)
    assert table3["　（七）总计"] == (2, 0, 0, 0, 0, 0, 2)
    assert table3["四、结转下年度继续办理"] == (0, 1, 0, 0, 0, 0, 1)
    checks = [row for row in annual["勾稽检查"].iter_rows(values_only=True) if row[0]]
    assert ("永春县民政局", "平衡") in checks and ("德化县民政局", "平衡") in checks


def test_county_reports_an_unbalanced_department(gk: Callable[..., Run], county: tuple[Path, Path, Path],
                                                 tmp_path: Path) -> None:
    # Replied without an outcome: counted in neither 三 nor 四, so 一 + 二 ≠ 三(七) + 四 for 自然人.
    path = county[1] / "catalog" / "requests" / "2026" / "YSQ-2026-001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("办理结果: 部分公开\n", ""), encoding="utf-8")
    result = gk("county", county[0], county[1], "--year", "2026", "--format", "json", "--out", tmp_path / "o")
    data = result.json()
    assert data["annual_checks"]["永春县民政局"] == "平衡"  # type: ignore[index]
    assert "表三「自然人」列不平衡" in data["annual_checks"]["德化县民政局"]  # type: ignore[index]
    assert data["annual_balanced"] is False  # type: ignore[index]


def test_county_nothing_changed_writes_nothing(gk: Callable[..., Run], county: tuple[Path, Path, Path],
                                               tmp_path: Path) -> None:
    out = tmp_path / "o"
    first = gk("county", county[0], county[1], "--out", out)
    assert first.code == 0 and "已写入" in first.err
    stamp = (out / "review-2026.xlsx").stat().st_mtime_ns
    again = gk("county", county[0], county[1], "--out", out)
    assert again.code == 0 and "没有变化，未重写" in again.err
    assert (out / "review-2026.xlsx").stat().st_mtime_ns == stamp
    _request(county[1] / "catalog", "YSQ-2026-002", "2026-06-01", "其他", "予以公开", "2026-06-05")
    changed = gk("county", county[0], county[1], "--out", out, "--format", "json")
    assert "已写入" in changed.err
    entry = changed.json()["departments"][1]  # type: ignore[index]
    assert entry["name"] == "德化县民政局" and entry["ok"] is True


def test_county_config_lists_folders_and_cloned_repositories(gk: Callable[..., Run], county: tuple[Path, Path, Path],
                                                             tmp_path: Path) -> None:
    config = tmp_path / "county.yaml"
    config.write_text(f"""\
名称: 泉州市某县政务公开办
克隆目录: repos
部门:
  - 目录: {county[0].name}
  - 名称: 德化县民政局（仓库）
    仓库: https://git.example.org/dhmzj.git
""", encoding="utf-8")
    result = gk("county", "--config", config, "--format", "json", "--out", tmp_path / "o")
    assert result.code == 1
    data = result.json()
    departments = data["departments"]  # type: ignore[index]
    assert departments[0]["name"] == "永春县民政局" and departments[0]["ok"] is True
    assert departments[1]["ok"] is False
    assert "git clone https://git.example.org/dhmzj.git" in departments[1]["problem"]
    (tmp_path / "repos").mkdir()
    county[1].rename(tmp_path / "repos" / "dhmzj")
    cloned = gk("county", "--config", config, "--format", "json", "--out", tmp_path / "o")
    assert cloned.code == 0 and cloned.json()["departments"][1]["ok"] is True  # type: ignore[index]


def test_county_config_errors_point_at_line_and_column(gk: Callable[..., Run], tmp_path: Path) -> None:
    config = tmp_path / "county.yaml"
    config.write_text("部门:\n  - 目录: a\n    仓卡: b\n", encoding="utf-8")
    result = gk("county", "--config", config)
    assert result.code == 2
    assert "3:5 错误 GK102 未知字段「仓卡」" in result.err


def test_county_needs_folders_or_a_config(gk: Callable[..., Run]) -> None:
    result = gk("county")
    assert result.code == 2 and "二者选一" in result.err


def test_county_json_is_stable(gk: Callable[..., Run], county: tuple[Path, Path, Path], tmp_path: Path) -> None:
    result = gk("county", county[0], "--year", "2026", "--format", "json", "--out", tmp_path / "o")
    data = json.loads(result.out)
    assert data["schema"] == "gongkai.county/1" and data["year"] == 2026 and data["today"] == "2026-11-27"
    entry = data["departments"][0]
    assert entry["事项"] == "19" and entry["网站检查"] == "合格（95分）" and entry["totals"]["items"] == 19


def test_county_review_says_when_a_department_has_no_items(gk: Callable[..., Run], tmp_path: Path) -> None:
    """A 人社局 started with its 领域 only: its review sheet says the directory is empty instead of being blank."""
    bureau = tmp_path / "ycrsj"
    made = gk("init", bureau, "--name", "永春县人力资源和社会保障局", "--code", "350525", "--domain", "就业创业=JYCY",
              *YONGCHUN[4:])
    assert made.code == 0, made.err
    result = gk("county", bureau, "--year", "2026", "--out", tmp_path / "o")
    assert result.code == 0, result.out
    review = load_workbook(tmp_path / "o" / "review-2026.xlsx")
    assert review["永春县人力资源和社会保障局"]["A1"].value == "永春县人力资源和社会保障局的目录中还没有事项。"
    scorecard = load_workbook(tmp_path / "o" / "scorecard-2026.xlsx")["部门考核"]
    assert [c.value for c in scorecard[3]][:3] == ["永春县人力资源和社会保障局", 0, 0]


def test_county_reads_in_worker_processes_in_the_given_order(gk: Callable[..., Run], county: tuple[Path, Path, Path],
                                                             tmp_path: Path) -> None:
    """Five folders (enough for the worker pool), three of them unreadable: each reported, in the order given."""
    yongchun, dehua, broken = county
    missing, empty = tmp_path / "no-such-folder", tmp_path / "empty"
    empty.mkdir()
    folders = [broken, yongchun, missing, dehua, empty]
    pooled = gk("county", *folders, "--year", "2026", "--jobs", "2", "--format", "json", "--out", tmp_path / "a")
    assert pooled.code == 1
    departments = pooled.json()["departments"]  # type: ignore[index]
    assert [d["folder"] for d in departments] == [str(f) for f in folders]
    assert [d["ok"] for d in departments] == [False, True, False, True, False]
    assert [d["name"] for d in departments if d["ok"]] == ["永春县民政局", "德化县民政局"]
    assert departments[0]["problem"].startswith("gongkai.yaml 第2行第7列")
    assert departments[2]["problem"] == f"找不到文件夹「{missing}」"
    one_by_one = gk("county", *folders, "--year", "2026", "--jobs", "1", "--format", "json", "--out", tmp_path / "b")
    assert one_by_one.json()["departments"] == departments  # type: ignore[index]


def test_county_workbooks_keep_their_borders_and_header_styles(gk: Callable[..., Run], county: tuple[Path, Path, Path],
                                                               tmp_path: Path) -> None:
    """Every cell of a table is framed; headers are bold and centred, body cells wrap (styles are shared, not copied)."""
    out = tmp_path / "o"
    gk("county", county[0], county[1], "--year", "2026", "--out", out)
    sheet = load_workbook(out / "review-2026.xlsx")["德化县民政局"]
    last = sheet.max_row
    for cell in (sheet["A2"], sheet["C3"], sheet["A4"], sheet["D4"], sheet[f"D{last}"]):
        assert (cell.border.left.style, cell.border.right.style, cell.border.top.style, cell.border.bottom.style) == (
            "thin", "thin", "thin", "thin"), cell.coordinate
    assert sheet["C3"].font.bold and sheet["C3"].alignment.horizontal == "center"
    assert not sheet["D4"].font.bold and sheet["D4"].alignment.wrap_text and sheet["D4"].alignment.horizontal is None
    assert sheet["A4"].alignment.horizontal == "center"  # 序号
    scorecard = load_workbook(out / "scorecard-2026.xlsx")["部门考核"]
    header, body = scorecard["B2"], scorecard["B3"]
    assert header.font.bold and not body.font.bold
    assert header.border.bottom.style == body.border.left.style == "thin" and body.alignment.wrap_text
