"""gongkai import xlsx|xls: header layouts as real directories print them, one test per variant class."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import AGENCY, CatalogDir, Run
from gongkai.interchange.headers import headers
from sheets import BASIS, DEADLINE, PUBLISHER, load, with_second_domain, workbook

FIXTURES = Path(__file__).parent / "fixtures"
SHJZ = "items/shjz/SHJZ-00{}.yaml"


def test_single_row_header_choices_written_in_one_column(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [
        ["序号", "一级目录", "二级目录", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式", "公开层级"],
        [1, "临时救助", "办事指南", "办理事项、办理条件、申请材料", BASIS, DEADLINE, PUBLISHER, "政府网站 政务服务中心",
         "特定群众", "依申请公开", "县级、乡、村级"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    item = load(cat.root / SHJZ.format(2))
    assert item["一级事项"] == "临时救助" and item["二级事项"] == "办事指南"
    assert item["公开内容"] == ["办理事项", "办理条件", "申请材料"]
    assert item["公开渠道"] == ["政府网站", "政务服务中心"]
    assert (item["公开对象"], item["公开方式"], item["公开层级"]) == ("特定群体", "依申请", ["县级", "乡级"])


def test_flat_option_columns_without_group_row(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [
        ["一级事项", "二级事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
         "全社会", "特定群体", "主动", "依申请", "县级政府", "乡（镇）村级"],
        ["临时救助", "政策法规文件", "国发〔2014〕47号", BASIS, DEADLINE, PUBLISHER, "■政府网站", "√", "", "√", "", "", "√"],
    ], sheet="社会救助")
    assert gk("import", "xlsx", table, "--yes", "-C", cat.root).code == 0
    item = load(cat.root / SHJZ.format(2))
    assert (item["公开对象"], item["公开方式"], item["公开层级"]) == ("全社会", "主动", ["乡级"])


def test_extra_level1_directory_column_names_the_domain(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    cat.write("gongkai.yaml", with_second_domain(AGENCY))
    table = workbook(tmp_path / "t.xlsx", [
        ["序号", "一级目录", "公开事项", None, "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
         "公开对象", "公开方式", "公开层级"],
        [None, None, "一级事项", "二级事项"],
        [1, "社会救助", "临时救助", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"],
        [2, "养老服务", "养老机构投资指南", None, "审批流程", "信息公开规定", DEADLINE, PUBLISHER, "政府网站", "全社会",
         "主动", "县级"],
    ], merges=["A1:A2", "B1:B2", "C1:D1"] + [f"{c}1:{c}2" for c in "EFGHIJKL"])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert load(cat.root / SHJZ.format(2))["一级事项"] == "临时救助"
    pension = load(cat.root / "items/ylfw/YLFW-001.yaml")
    assert pension["领域"] == "养老服务" and pension["一级事项"] == "养老机构投资指南" and "二级事项" not in pension


def test_extra_level1_column_that_is_no_domain_is_reported(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [
        ["测试县民政局社会救助领域基层政务公开标准目录"],
        ["序号", "事项类别", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象",
         "公开方式", "公开层级"],
        [1, "民政综合", "临时救助", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"],
    ])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0
    assert "Sheet1!B3: 一级事项左边的「民政综合」不是 gongkai.yaml 中的领域，这一列已忽略" in run.err
    assert load(cat.root / SHJZ.format(2))["一级事项"] == "临时救助"


def test_level3_column_after_level2(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    header = ["序号", "公开事项", None, None, "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象",
              "公开方式", "公开层级"]
    table = workbook(tmp_path / "t.xlsx", [
        header, [None, "一级事项", "二级事项", "三级事项"],
        [1, "临时救助", "办事指南", "急难型", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"],
        [2, "临时救助", "办事指南", "支出型", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"],
    ], sheet="社会救助", merges=["B1:D1"])
    assert gk("import", "xlsx", table, "--yes", "-C", cat.root).code == 0
    assert load(cat.root / SHJZ.format(2))["三级事项"] == "急难型"
    assert load(cat.root / SHJZ.format(3))["三级事项"] == "支出型"
    again = gk("import", "xlsx", table, "-C", cat.root)
    assert "新增 0 项，更新 0 项，未变 2 项" in again.out


def test_columns_in_any_order_title_rows_blank_rows_repeated_header(gk: Callable[..., Run], cat: CatalogDir,
                                                                    tmp_path: Path) -> None:
    header = ["公开层级", "公开渠道和载体", "二级事项", "公开主体", "一级事项", "公开时限", "公开依据", "公开内容", "公开方式",
              "公开对象", "序号"]
    table = workbook(tmp_path / "t.xlsx", [
        ["测试县民政局"], ["社会救助领域基层政务公开标准目录"], [],
        header,
        ["县级", "政府网站", "办事指南", PUBLISHER, "临时救助", DEADLINE, BASIS, "办理条件", "主动", "全社会", 1],
        [], [],
        header,
        ["乡级", "村公示栏", "审核审批信息", PUBLISHER, "临时救助", DEADLINE, BASIS, "救助对象名单", "主动", "全社会", 2],
    ])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 2 项" in run.out
    listing = load(cat.root / SHJZ.format(3))
    assert listing["二级事项"] == "审核审批信息" and listing["公开层级"] == ["乡级"]
    assert listing["公开渠道"] == ["社区/企事业单位/村公示栏（电子屏）"]


def test_unknown_column_reported_by_cell_and_dry_run_shows_mapping(gk: Callable[..., Run], cat: CatalogDir,
                                                                  tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [
        ["测试县民政局社会救助领域基层政务公开标准目录"], [],
        ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式",
         "公开层级", "责任科室", "联系人"],
        [1, "临时救助", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级", "社会救助股", "张三"],
    ])
    run = gk("import", "xlsx", table, "--dry-run", "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "Sheet1!M3: 不认识的列「联系人」，已忽略" in run.err
    assert "Sheet1!A3「序号」→ 序号（不导入）" in run.out
    assert "Sheet1!I3「公开对象」→ 公开对象" in run.out
    assert "Sheet1!L3「责任科室」→ 责任单位" in run.out
    assert "Sheet1!M3「联系人」→ 不认识的列，已忽略" in run.out
    assert not (cat.root / SHJZ.format(2)).exists()


def test_city_level_reported_and_never_dropped_silently(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    rows = [
        ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式",
         "公开层级", None, None],
        [None] * 10 + ["市级", "县级", "乡、村级"],
        [1, "临时救助", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "√", "√", ""],
    ]
    merges = [f"{c}1:{c}2" for c in "ABCDEFGHIJ"] + ["K1:M1"]
    table = workbook(tmp_path / "t.xlsx", rows, sheet="社会救助", merges=merges)
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助!K3: 勾选了「市级」：gongkai 的公开层级只分县级、乡级，「市级」没有导入" in run.err
    assert load(cat.root / SHJZ.format(2))["公开层级"] == ["县级"]
    only_city = workbook(tmp_path / "c.xlsx", rows[:2] + [
        [1, "临时救助", "审核审批信息", "名单", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "√", "", ""]],
        sheet="社会救助", merges=merges)
    refused = gk("import", "xlsx", only_city, "--yes", "-C", cat.root)
    assert refused.code == 1 and "社会救助!K3: 公开层级只勾选了市级" in refused.err
    assert not (cat.root / SHJZ.format(3)).exists()


def test_local_columns_five_format_unit_phone_note_and_new_fields(gk: Callable[..., Run], cat: CatalogDir,
                                                                  tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [
        ["一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式", "公开层级",
         "五公开", "公开格式", "责任股室", "咨询电话", "备注", "栏目类型", "法定类别", "空白说明"],
        ["临时救助", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级",
         "□决策 □执行 □管理 ■服务 □结果", "文本、图表", "办公室", "0595-23222617", "每年复核", "办事服务", "民生政策",
         "本年度未产生此类信息"],
    ], sheet="社会救助")
    assert gk("import", "xlsx", table, "--yes", "-C", cat.root).code == 0
    item = load(cat.root / SHJZ.format(2))
    assert (item["五公开"], item["公开格式"], item["责任单位"], item["咨询电话"]) == ("服务公开", ["文本", "图表"], "bgs",
                                                                            "0595-23222617")
    assert (item["备注"], item["栏目类型"], item["法定类别"], item["空白说明"]) == ("每年复核", "办事服务", "民生政策",
                                                                        "本年度未产生此类信息")
    assert gk("validate", cat.root).code == 0


def test_two_row_header_typed_without_merging(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [
        ["序号", "公开事项", "", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "", "公开方式", "",
         "公开层级", ""],
        ["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请", "县级", "乡级"],
        [1, "临时救助", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "", "■", "", "■", "■", "■"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    item = load(cat.root / SHJZ.format(2))
    assert (item["一级事项"], item["二级事项"]) == ("临时救助", "办事指南")
    assert (item["公开对象"], item["公开方式"], item["公开层级"]) == ("特定群体", "依申请", ["县级", "乡级"])


def test_channels_as_one_sub_column_per_box(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [
        ["一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体", None, None, "公开对象",
         "公开方式", "公开层级"],
        [None, None, None, None, None, None, "政府网站", "政务服务中心", "村公示栏"],
        ["临时救助", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "√", "", "√", "全社会", "主动", "县级"],
    ], sheet="社会救助", merges=["G1:I1"] + [f"{c}1:{c}2" for c in "ABCDEFJKL"])
    assert gk("import", "xlsx", table, "--yes", "-C", cat.root).code == 0
    assert load(cat.root / SHJZ.format(2))["公开渠道"] == ["政府网站", "社区/企事业单位/村公示栏（电子屏）"]


def test_section_rows_switch_domain_and_notes_are_reported(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    cat.write("gongkai.yaml", with_second_domain(AGENCY))
    header = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式", "公开层级"]
    line = ["办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"]
    table = workbook(tmp_path / "t.xlsx", [
        header, ["一、社会救助"], [1, "临时救助", "办事指南", *line], ["二、养老服务"], [2, "养老机构备案", "办事指南", *line],
        ["注：■表示勾选。"],
    ], merges=["A2:K2", "A4:K4", "A6:K6"])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert load(cat.root / "items/ylfw/YLFW-001.yaml")["一级事项"] == "养老机构备案"
    assert load(cat.root / SHJZ.format(2))["一级事项"] == "临时救助"
    assert "Sheet1!A6: 这一行没有事项名称、公开内容或编号，不是事项，已跳过" in run.err


def test_old_excel_xls(gk: Callable[..., Run], cat: CatalogDir) -> None:
    # county-2003.xls: the official layout (title, two-row merged header with 特定群众 / 依申请公开 / 乡、村级, 一级事项
    # merged over two rows, √ and 口 ticks) built with openpyxl and saved as Excel 97 by LibreOffice 7.4:
    #   soffice --headless --convert-to xls:"MS Excel 97" county.xlsx
    run = gk("import", "xls", FIXTURES / "county-2003.xls", "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    guide = load(cat.root / SHJZ.format(2))
    assert (guide["一级事项"], guide["二级事项"]) == ("临时救助", "办事指南")
    assert guide["公开内容"] == ["办理事项", "办理条件", "申请材料"]
    assert guide["公开渠道"] == ["政府网站", "政务服务中心"] and guide["公开层级"] == ["县级", "乡级"]
    listing = load(cat.root / SHJZ.format(3))
    assert listing["一级事项"] == "临时救助" and listing["公开对象"] == "特定群体" and listing["公开层级"] == ["县级"]
    assert listing["公开内容"] == ["支出型临时救助对象名单", "救助金额", "救助事由"]
    assert gk("import", "xlsx", FIXTURES / "county-2003.xls", "-C", cat.root).out.count("未变 2 项") == 1


HEADERS = [("序号", "序号"), ("一级事项", "一级事项"), ("一级目录", "一级事项"), ("事项类别", "一级事项"),
           ("二级事项", "二级事项"), ("二级目录", "二级事项"), ("三级事项", "三级事项"), ("公开内容", "公开内容"),
           ("公开内容（要素）", "公开内容"), ("公开内容(要素)", "公开内容"), ("公开内容\n（要素）", "公开内容"),
           ("公开依据", "公开依据"), ("公 开 时 限", "公开时限"), ("公开主体：", "公开主体"), ("公开渠道", "公开渠道"),
           ("公开渠道和载体", "公开渠道"), ("公开方式（渠道）", "公开渠道"), ("五公开", "五公开"), ("公开格式", "公开格式"),
           ("责任单位", "责任单位"), ("责任科室", "责任单位"), ("责任股室", "责任单位"), ("咨询电话", "咨询电话"),
           ("备注", "备注"), ("公开时限（工作日）", "公开时限"), ("栏目类型", "栏目类型"), ("法定类别", "法定类别"),
           ("空白说明", "空白说明")]
OPTIONS = [("公开对象", "全社会", ("全社会",)), ("公开对象", "特定群体", ("特定群体",)), ("公开对象", "特定群众", ("特定群体",)),
           ("公开方式", "主动", ("主动",)), ("公开方式", "依申请", ("依申请",)), ("公开方式", "依申请公开", ("依申请",)),
           ("公开层级", "县级", ("县级",)), ("公开层级", "县级政府", ("县级",)), ("公开层级", "乡级", ("乡级",)),
           ("公开层级", "乡镇级", ("乡级",)), ("公开层级", "乡、村级", ("乡级",)), ("公开层级", "乡(镇)村级", ("乡级",)),
           ("公开层级", "市级", ("市级",)), ("公开渠道", "政府服务中心", ("政务服务中心",)),
           ("公开渠道", "镇村公示公开栏", ("社区/企事业单位/村公示栏（电子屏）",))]


@pytest.mark.parametrize(("label", "field"), HEADERS)
def test_header_table_knows_the_published_spellings(label: str, field: str) -> None:
    assert headers().field_of(label) == field


@pytest.mark.parametrize(("field", "label", "options"), OPTIONS)
def test_header_table_knows_the_option_spellings(field: str, label: str, options: tuple[str, ...]) -> None:
    assert headers().choices[field].lookup(label) == options


def test_spelling_variants_and_compound_option_headers(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [
        ["事项类别", "二级目录", "公开内容\n（要素）", "公开依据(法律法规)", "公开时限（工作日）", "公开主体：", "公开方式（渠道）",
         "公开对象（全社会）", "公开对象（特定群众）", "公开方式", "公开层级", "责任股室"],
        ["临时救助", "审核审批信息", "①救助对象名单②救助金额", BASIS, DEADLINE, PUBLISHER, "□政府网站 ■村公示栏", "", "√",
         "主动公开", "乡镇级", "社会救助股"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "不认识" not in run.err
    item = load(cat.root / SHJZ.format(2))
    assert (item["一级事项"], item["二级事项"], item["公开内容"]) == ("临时救助", "审核审批信息", ["救助对象名单", "救助金额"])
    assert (item["公开渠道"], item["公开对象"], item["公开方式"]) == (["社区/企事业单位/村公示栏（电子屏）"], "特定群体", "主动")
    assert (item["公开层级"], item["责任单位"]) == (["乡级"], "shjzg")


def test_damaged_workbooks_are_named_not_crashed_on(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    (tmp_path / "半截.xls").write_bytes((FIXTURES / "county-2003.xls").read_bytes()[:3000])
    run = gk("import", "xls", tmp_path / "半截.xls", "-C", cat.root)
    assert run.code == 1 and run.out == ""
    assert "半截.xls: 无法作为 xls 表格打开：文件可能已损坏" in run.err and "Error" not in run.err
