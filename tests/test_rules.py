"""Every rule has a failing and a passing fixture; the messages of the failing ones are kept as a golden file."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ITEM, RECORD, CatalogDir
from gongkai.rules import REGISTRY

GOLDEN = Path(__file__).parent / "goldens" / "rules.txt"
Mutation = Callable[[CatalogDir], None]


def rec(**changes: str) -> str:
    """RECORD with lines replaced: key=new line (or '' to drop)."""
    text = RECORD
    for old, new in changes.items():
        text = re.sub(rf"^{old}:.*\n", new + ("\n" if new else ""), text, flags=re.M)
    return text


def second_record(cat: CatalogDir, text: str, rid: str = "R2026-002") -> None:
    cat.record(text.replace("R2026-001", rid), rel=f"records/2026/{rid}.yaml")


POLICY = rec(文种="文种: 规范性文件")


def _withheld_pair(cat: CatalogDir, shown: str) -> None:
    cat.write("files/2026/名单.csv", "村（社区）,人数\n经兜村,12\n")
    cat.write("files/2026/通知.csv", "村（社区）,金额\n经兜村,18000\n")
    attach = "页数: 1\n附件:\n  - 名称: 名单\n    文件: {}"
    cat.record(RECORD.replace("页数: 1", attach.format(shown)))
    second_record(cat, rec(索引号="索引号: X-2", 公开属性="公开属性: 不予公开\n不予公开理由: 个人隐私")
                  .replace("页数: 1", attach.format("files/2026/名单.csv")))
NOTICE = rec(文种="文种: 通知", 事项="", 公示截止="")
INTERPRETATION = rec(文种="文种: 政策解读", 索引号="索引号: 350524-MZ-2026-00002", 文号="")
NOTICE_2027 = """年度: 2027
通知: 测试用通知（虚构）
放假:
  - 名称: 元旦
    开始: 2027-01-01
    结束: 2027-01-01
调休上班: [{makeup}]
"""

# code → (failing mutation, passing mutation that is close to the failing one)
CASES: dict[str, tuple[Mutation, Mutation]] = {
    "GK001": (lambda c: c.item("编号: [SHJZ-001\n"), lambda c: c.item("编号: '[SHJZ-001]'\n" + ITEM[15:])),
    "GK002": (lambda c: c.item(ITEM.encode("gbk")), lambda c: c.item(ITEM.encode("utf-8-sig"))),
    "GK003": (lambda c: c.item(b"\x00\x01"), lambda c: c.item(ITEM.encode())),
    "GK004": (lambda c: c.item(ITEM + "公开方式: 主动\n"), lambda c: c.item(ITEM)),
    "GK005": (lambda c: c.item(ITEM + "备注: *x\n"), lambda c: c.item(ITEM + "备注: '*x'\n")),
    "GK006": (lambda c: c.item(ITEM.replace("  - 低保", "\u3000- 低保")), lambda c: c.item(ITEM)),
    "GK007": (lambda c: c.item(ITEM.replace("  - 低保", "\t- 低保")), lambda c: c.item(ITEM)),
    "GK008": (lambda c: c.item(ITEM + "备注: " + "很" * 800_000 + "\n"), lambda c: c.item(ITEM + "备注: 很长\n")),
    "GK009": (lambda c: c.item("- 编号: SHJZ-001\n"), lambda c: c.item(ITEM)),
    "GK010": (lambda c: c.item(ITEM.encode("utf-16")), lambda c: c.item(ITEM.encode("utf-8-sig"))),
    "GK011": (lambda c: c.write("records/2026/R2026-002.yaml.txt", RECORD), lambda c: c.write("files/R2026-002.txt", "x")),
    "GK012": (lambda c: c.root.joinpath("records/2026/R2026-002.yaml").symlink_to("/nonexistent/R2026-002.yaml"),
              lambda c: None),
    "GK013": (lambda c: c.record(RECORD, rel="records/2026/公示.yaml"), lambda c: c.record(RECORD)),
    "GK014": (lambda c: c.item(ITEM + "备注: " + "[" * 40 + "]" * 40 + "\n"),
              lambda c: c.item(ITEM + "备注: " + "[" * 3 + "]" * 3 + "\n")),
    "GK101": (lambda c: c.item(ITEM.replace("公开时限: 制定或获取信息之日起10个工作日内\n", "")), lambda c: c.item(ITEM)),
    "GK102": (lambda c: c.item(ITEM + "公开期限: 长期\n"), lambda c: c.item(ITEM + "备注: 长期\n")),
    "GK103": (lambda c: c.record(rec(页数="页数: 三")), lambda c: c.record(rec(页数="页数: 3"))),
    "GK104": (lambda c: c.item(ITEM.replace("公开对象: 全社会", "公开对象: 群众")),
              lambda c: c.item(ITEM.replace("公开对象: 全社会", "公开对象: 特定群体"))),
    "GK105": (lambda c: c.item(ITEM.replace("[政府网站,", "[政府服务中心,")), lambda c: c.item(ITEM)),
    "GK106": (lambda c: c.record(rec(成文日期="成文日期: 2026-13-01")), lambda c: c.record(rec(成文日期="成文日期: 2026/9/1"))),
    "GK107": (lambda c: c.item(ITEM.replace("公开层级: [县级, 乡级]", "公开层级: 县级、乡级")), lambda c: c.item(ITEM)),
    "GK110": (lambda c: c.record(rec(成文日期="成文日期: 2026/9/1")), lambda c: c.record(rec(成文日期="成文日期: 2026-09-01"))),
    "GK111": (lambda c: c.record(rec(页数="页数: " + "9" * 5000)), lambda c: c.record(rec(页数="页数: 999"))),
    "GK112": (lambda c: agency(c, "基础地址: https://www.example.gov.cn/", "基础地址: javascript:alert(1)//www.example.gov.cn/"),
              lambda c: None),
    "GK201": (lambda c: c.item(ITEM, rel="items/shjz/SHJZ-001-copy.yaml"), lambda c: None),
    "GK202": (lambda c: second_record(c, RECORD), lambda c: second_record(c, rec(索引号="索引号: 350524-MZ-2026-00002"))),
    "GK203": (lambda c: c.record(RECORD, rel="records/2026/R2026-009.yaml"), lambda c: None),
    "GK204": (lambda c: c.record(rec(责任单位="责任单位: jiuzhugu")), lambda c: c.record(rec(责任单位="责任单位: bgs"))),
    "GK205": (lambda c: c.record(rec(事项="事项: SHJZ-099")), lambda c: c.record(rec(事项="事项: SHJZ-001"))),
    "GK206": (lambda c: c.record(RECORD + "解读: [R2026-099]\n"),
              lambda c: (c.record(RECORD + "解读: [R2026-002]\n"), second_record(c, INTERPRETATION))),
    "GK207": (lambda c: c.record(RECORD + "转发: R2026-099\n"),
              lambda c: (c.record(RECORD + "转发: R2026-002\n"), second_record(c, rec(索引号="索引号: X-2")))),
    "GK208": (lambda c: c.item(ITEM.replace("领域: 社会救助", "领域: 救助")),
              lambda c: c.item(ITEM.replace("领域: 社会救助", "领域:  社会救助"))),
    "GK209": (lambda c: c.write("gongkai.yaml", c.root.joinpath("gongkai.yaml").read_text() + "检查:\n  索引号格式: '^X-\\d+$'\n"),
              lambda c: c.write("gongkai.yaml", c.root.joinpath("gongkai.yaml").read_text()
                                + "检查:\n  索引号格式: '^\\d{6}-MZ-\\d{4}-\\d{5}$'\n")),
    "GK211": (lambda c: c.write("gongkai.yaml", c.root.joinpath("gongkai.yaml").read_text() + "检查:\n  索引号格式: '^(\\d{6}'\n"),
              lambda c: c.write("gongkai.yaml", c.root.joinpath("gongkai.yaml").read_text() + "检查:\n  索引号格式: '^(\\d+)+$'\n")),
    "GK210": (lambda c: c.write("gongkai.yaml", c.root.joinpath("gongkai.yaml").read_text().replace("编号: shjzg", "编号: bgs")
                                .replace("责任单位: shjzg", "")),
              lambda c: None),
    "GK301": (lambda c: c.record(rec(公开属性="")), lambda c: c.record(rec(公开属性="公开属性: 主动"))),
    "GK302": (lambda c: c.record(rec(公开属性="公开属性: 不予公开", 公开日期="")),
              lambda c: c.record(rec(公开属性="公开属性: 不予公开\n不予公开理由: 过程性信息", 公开日期=""))),
    "GK303": (lambda c: c.record(re.sub(r"保密审查:\n(  .*\n)+", "", RECORD)),
              lambda c: c.record(re.sub(r"保密审查:\n(  .*\n)+", "", rec(公开属性="公开属性: 依申请公开", 公开日期="")))),
    "GK304": (lambda c: c.record(RECORD.replace("审查日期: 2026-09-01", "审查日期: 2026-09-04")),
              lambda c: c.record(RECORD.replace("审查日期: 2026-09-01", "审查日期: 2026-09-03"))),
    "GK305": (lambda c: c.item(ITEM.replace("公开方式: 主动", "公开方式: 依申请")),
              lambda c: (c.item(ITEM.replace("公开方式: 主动", "公开方式: 依申请")),
                         c.record(rec(公开属性="公开属性: 依申请公开", 公开日期=""))) ),
    "GK306": (lambda c: (c.record(RECORD + "转发: R2026-002\n"),
                         second_record(c, rec(公开属性="公开属性: 依申请公开", 索引号="索引号: X-2", 公开日期=""))),
              lambda c: (c.record(RECORD + "转发: R2026-002\n"), second_record(c, rec(索引号="索引号: X-2")))),
    "GK307": (lambda c: c.record(rec(索引号="")), lambda c: c.record(rec(索引号="", 公开属性="公开属性: 依申请公开", 公开日期=""))),
    "GK308": (lambda c: c.record(rec(公开日期="")), lambda c: c.record(rec(公开日期="公开日期: 2026-09-02"))),
    "GK309": (lambda c: c.record(rec(公开属性="公开属性: 依申请公开", 公开日期="")),
              lambda c: c.record(rec(公开属性="公开属性: 依申请公开", 公开日期="", 正文="").replace("  经审核，现将名单予以公示。\n", ""))),
    "GK401": (lambda c: c.item(ITEM.replace("制定或获取信息之日起10个工作日内", "尽快公开")),
              lambda c: c.item(ITEM.replace("制定或获取信息之日起10个工作日内", "每季度"))),
    # 2026-09-01 + 10 working days = 2026-09-15; the National Day week is not involved.
    "GK402": (lambda c: c.record(rec(公开日期="公开日期: 2026-09-16")), lambda c: c.record(rec(公开日期="公开日期: 2026-09-15"))),
    "GK403": (lambda c: c.record(POLICY),
              lambda c: (c.record(POLICY + "解读: [R2026-002]\n"), second_record(c, INTERPRETATION))),
    "GK404": (lambda c: c.record(rec(公开日期="公开日期: 2026-08-31")), lambda c: c.record(rec(公开日期="公开日期: 2026-09-01"))),
    "GK405": (lambda c: c.record(rec(公开日期="公开日期: 2026-11-30")), lambda c: c.record(rec(公开日期="公开日期: 2026-09-02"))),
    "GK410": (lambda c: c.record(RECORD + "公开渠道: [两微一端]\n"), lambda c: c.record(RECORD + "公开渠道: [政府网站]\n")),
    "GK411": (lambda c: c.record(rec(公示截止="")), lambda c: c.record(rec(公示截止="公示期: 7"))),
    # 最低生活保障: at least 7 working days, counting 公开日期 (2026-09-03) as the first.
    "GK412": (lambda c: c.record(rec(公示截止="公示截止: 2026-09-10")),
              lambda c: c.record(rec(公示截止="公示截止: 2026-09-11"))),
    "GK413": (lambda c: c.record(POLICY), lambda c: c.record(POLICY + "有效性: 有效\n")),
    # (fortieth session) the 正文's own term ran out on 2024-03-31; a term to 2029-03-31 has not
    "GK422": (lambda c: c.record(POLICY + "  本办法自2019年4月1日起施行，有效期5年。\n有效性: 有效\n"),
              lambda c: c.record(POLICY + "  本办法自2019年4月1日起施行，有效期10年。\n有效性: 有效\n")),
    # R2026-002 is 不予公开 and has files/2026/名单.csv; R2026-001 (主动公开) links the same file, or another one
    "GK612": (lambda c: _withheld_pair(c, "files/2026/名单.csv"), lambda c: _withheld_pair(c, "files/2026/通知.csv")),
    # a 通知 outside any item that names who received relief in a table: a list of people with no period
    "GK611": (lambda c: c.record(NOTICE + "  | 姓名 | 村（社区） | 金额（元） |\n  | --- | --- | --- |\n  | 陈水生 | 经兜村 | 1500 |\n"),
              lambda c: c.record(NOTICE + "  | 村（社区） | 人数 | 金额（元） |\n  | --- | --- | --- |\n  | 经兜村 | 12 | 18000 |\n")),
    "GK414": (lambda c: c.record(RECORD + "有效性: 有效\n被替代: R2026-002\n"),
              lambda c: (c.record(RECORD + "有效性: 失效\n有效性日期: 2026-10-01\n被替代: R2026-002\n"),
                         second_record(c, rec(索引号="索引号: X-2") + "替代: [R2026-00X]\n"),
                         c.record(c.root.joinpath("records/2026/R2026-002.yaml").read_text("utf-8").replace(
                             "R2026-00X", "R2026-001"), rel="records/2026/R2026-002.yaml"))),
    "GK415": (lambda c: c.record(RECORD + "撤回:\n  日期: 2026-09-02\n  原因: 误发布\n"),
              lambda c: c.record(RECORD + "撤回:\n  日期: 2026-09-03\n  原因: 误发布\n")),
    # 2026-09-03 (Thursday) + 7 working days counting that day: 3, 4, 7, 8, 9, 10, 11 September.
    "GK417": (lambda c: c.record(RECORD.replace("页数: 1", "页数: 1\n有效性: 失效\n有效性日期: 2026-08-31")),
              lambda c: c.record(RECORD.replace("页数: 1", "页数: 1\n有效性: 失效\n有效性日期: 2026-09-01"))),
    "GK416": (lambda c: c.record(rec(公示截止="公示期: 7\n公示截止: 2026-09-10")),
              lambda c: c.record(rec(公示截止="公示期: 7\n公示截止: 2026-09-11"))),
    # 公开日期 2026-09-03: a list stays up to 2027-09-02 at the latest (a year); 2062 is a slip of the pen for 2026
    "GK418": (lambda c: c.record(rec(公示截止="公示截止: 2062-12-31")),
              lambda c: c.record(rec(公示截止="公示截止: 2027-09-02"))),
    # 公开日期 2026-09-03: a 公示 ends on that day at the earliest
    "GK419": (lambda c: c.record(rec(公示截止="公示截止: 2026-09-02")),
              lambda c: c.record(rec(公示截止="公示截止: 2026-09-03\n公示期: 1"))),
    # the body tells the public the 公示 ends on 11 September; 公示截止 says 31 December
    "GK420": (lambda c: c.record(RECORD + "  公示期：2026年9月3日至9月11日。\n"),
              lambda c: c.record(RECORD + "  公示期：2026年9月3日至12月31日。\n")),
    # a 公示 whose only channel is 两微一端: the article never carries the list, no page or board shows it
    "GK421": (lambda c: (c.item(ITEM.replace("公开渠道: [政府网站, ", "公开渠道: [两微一端, 政府网站, ")),
                         c.record(RECORD + "公开渠道: [两微一端]\n")),
              lambda c: (c.item(ITEM.replace("公开渠道: [政府网站, ", "公开渠道: [两微一端, 政府网站, ")),
                         c.record(RECORD + "公开渠道: [政府网站, 两微一端]\n"))),
    # A 空白说明 gongkai init wrote keeps its 待确认 comment until the clerk has checked it.
    "GK550": (lambda c: c.item(ITEM + "空白说明: 本栏目暂未产生此类信息。  # 待确认\n"),
              lambda c: c.item(ITEM + "空白说明: 本栏目暂未产生此类信息。  # 已核实\n")),
    "GK801": (lambda c: c.write("calendar/2027.yaml", NOTICE_2027.format(makeup="2027-02-08")),
              lambda c: c.write("calendar/2027.yaml", NOTICE_2027.format(makeup="2027-02-06"))),
    "GK802": (lambda c: None, lambda c: c.write("calendar/2027.yaml", NOTICE_2027.format(makeup="2027-02-06"))),
    "GK901": (lambda c: agency(c, "  电子邮箱: gk@example.gov.cn\n", ""), lambda c: None),
    "GK902": (lambda c: c.item(ITEM.replace("SHJZ-001", "SHJZ-002"), "items/shjz/SHJZ-002.yaml"),
              lambda c: c.item(ITEM.replace("SHJZ-001", "SHJZ-002") + "空白说明: 本机关本年度未产生此类信息\n",
                               "items/shjz/SHJZ-002.yaml")),
    "GK903": (lambda c: agency(c, "领导:", "启用日期: 2026-01-01\n领导:"),
              lambda c: second_record(c, rec(文种="文种: 年度报告", 索引号="索引号: X-2", 公示截止="") + "报告年度: 2026\n")),
    # two published annual reports for 2025 (withdrawn ones do not count), or one for 2025 and one for 2024
    # a 正文 linking a file of files/ that no public record attaches: the site shows the words alone
    "GK908": (lambda c: (c.write("files/2026/申请表.csv", "村（社区）,人数\n经兜村,12\n"),
                         c.record(RECORD + "  请下载[申请表](../files/2026/申请表.csv)填写。\n")),
              lambda c: (c.write("files/2026/申请表.csv", "村（社区）,人数\n经兜村,12\n"),
                         c.record(RECORD.replace("页数: 1", "页数: 1\n附件:\n  - 名称: 申请表\n    文件: files/2026/申请表.csv")
                                  + "  请下载[申请表](../files/2026/申请表.csv)填写。\n"))),
    # a 正文 linking the page of a record that is not 主动公开 (R2026-002 不予公开): words alone on every exit
    "GK909": (lambda c: (c.record(RECORD + "  另见[名单](R2026-002.html)。\n"),
                         second_record(c, rec(索引号="索引号: X-2", 公开属性="公开属性: 不予公开\n不予公开理由: 个人隐私"))),
              lambda c: (c.record(RECORD + "  另见[名单](R2026-002.html)。\n"), second_record(c, rec(索引号="索引号: X-2")))),
    "GK906": (lambda c: (c.record(rec(文种="文种: 年度报告", 公示截止="") + "报告年度: 2025\n"),
                         second_record(c, rec(文种="文种: 年度报告", 索引号="索引号: X-2", 公示截止="") + "报告年度: 2025\n")),
              lambda c: (c.record(rec(文种="文种: 年度报告", 公示截止="") + "报告年度: 2025\n"),
                         second_record(c, rec(文种="文种: 年度报告", 索引号="索引号: X-2", 公示截止="") + "报告年度: 2024\n"))),
    "GK904": (lambda c: agency(c, "网站:\n  基础地址: https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/\n", ""), lambda c: None),
    "GK905": (lambda c: agency(c, "领导:\n  - 姓名: 王局长\n    职务: 局长\n", ""), lambda c: None),
    # 2004 is chinesecalendar's first year; 2003 has no data and is never guessed. Counting starts the day after.
    "GK805": (lambda c: c.record(rec(成文日期="成文日期: 2003-12-30", 公开日期="公开日期: 2004-01-05")),
              lambda c: c.record(rec(成文日期="成文日期: 2003-12-31", 公开日期="公开日期: 2004-01-05"))),
}
# Every other rule: the test module that holds its failing and its passing test (typed by hand, one line per family;
# a rule added to the registry without tests makes test_every_rule_has_a_failing_and_a_passing_test fail).
ELSEWHERE = {
    **{f"GK50{n}": "test_handover.py" for n in range(1, 10)}, "GK510": "test_handover.py", "GK511": "test_handover.py", "GK512": "test_hostile22_handover.py", "GK513": "test_hostile22_handover.py",
    "GK520": "test_portal.py", "GK521": "test_portal.py", "GK514": "test_hostile38_lead.py", "GK522": "test_hostile38_lead.py",
    **{f"GK60{n}": "test_privacy.py" for n in range(1, 6)},
    **{f"GK60{n}": "test_privacy_files.py" for n in range(6, 10)}, "GK610": "test_privacy_files.py",
    **{f"GK70{n}": "test_requests.py" for n in range(1, 10)},
    **{f"GK71{n}": "test_requests.py" for n in range(0, 8) if n != 6}, "GK716": "test_provisional.py",
    "GK718": "test_hostile21_reports_inspect.py",
    "GK803": "test_calendar_import.py", "GK804": "test_calendar_import.py", "GK806": "test_hostile18_calendar_validate.py",
    "GK015": "test_hostile_round3.py", "GK016": "test_hostile_round3.py", "GK017": "test_hostile13_front_door.py",
    "GK018": "test_hostile17_front_door.py", "GK019": "test_hostile21_authoring.py",
    "GK020": "test_hostile38_front_door.py",
    **{f"GK95{n}": "test_consultations.py" for n in range(4)},
    "GK907": "test_hostile17_column_inspect.py",
    "GK212": "test_hostile27_rules_mutants.py",
    "GK807": "test_hostile28_year2027.py", "GK719": "test_hostile28_year2027.py",
    "GK406": "test_hostile28_year2027.py",
    "GK720": "test_hostile35_requests_reports.py",
    "GK721": "test_hostile36_deadlines_holidays.py",
}
# GK802 looks at today: from 1 December a missing notice for next year is reported; GK903 from 1 February.
TODAY = {"GK802": "2026-12-01", "GK903": "2027-02-01"}
WHOLE_FILE = {"GK011", "GK012", "GK013"}  # about a file as a whole (not read, a link, its name): no line to point at


def agency(cat: CatalogDir, old: str, new: str) -> None:
    """gongkai.yaml with *old* replaced by *new* (the text must be there)."""
    text = cat.root.joinpath("gongkai.yaml").read_text("utf-8")
    assert old in text
    cat.write("gongkai.yaml", text.replace(old, new))


def run_case(gk, cat: CatalogDir, code: str, mutation: Mutation) -> list[dict]:
    mutation(cat)
    run = gk("validate", cat.root, "--format", "json", "--no-cache", "--today", TODAY.get(code, "2026-11-27"))
    assert run.code in (0, 1), run.err
    return json.loads(run.out)["diagnostics"]


def test_every_rule_has_a_failing_and_a_passing_test():
    untested = sorted(set(REGISTRY) - set(CASES) - set(ELSEWHERE))
    assert untested == [], f"rules without a failing and a passing test: {untested}"
    assert sorted((set(CASES) | set(ELSEWHERE)) - set(REGISTRY)) == []  # no fixture for a rule that is gone
    assert set(CASES).isdisjoint(ELSEWHERE)
    for code, module in ELSEWHERE.items():
        assert f'"{code}"' in (Path(__file__).parent / module).read_text(encoding="utf-8"), (code, module)


@pytest.mark.parametrize("code", sorted(CASES))
def test_failing_fixture_reports_the_rule(gk, cat, code):
    diags = run_case(gk, cat, code, CASES[code][0])
    hits = [d for d in diags if d["code"] == code]
    assert hits, diags
    for hit in hits:
        assert hit["message"] and hit["hint"]
        if hit["path"] and not hit["path"].startswith("calendar/2027") and code not in WHOLE_FILE:
            assert hit["line"] and hit["column"], hit


@pytest.mark.parametrize("code", sorted(CASES))
def test_passing_fixture_does_not(gk, cat, code):
    diags = run_case(gk, cat, code, CASES[code][1])
    assert [d for d in diags if d["code"] == code] == []


def test_golden_messages(gk, tmp_path, update_goldens):
    """The text output of every failing fixture, with file:line:col, against tests/goldens/rules.txt."""
    chunks = []
    for code in sorted(CASES):
        root = tmp_path / code / "catalog"
        root.mkdir(parents=True)
        cat = CatalogDir(root)
        from conftest import AGENCY  # noqa: PLC0415

        cat.write("gongkai.yaml", AGENCY)
        cat.item()
        cat.record()
        CASES[code][0](cat)
        run = gk("validate", root, "--no-cache", "--today", TODAY.get(code, "2026-11-27"))
        lines = [line for line in run.out.splitlines() if code in line or line.startswith(("items", "records", "calendar", "gongkai.yaml"))]
        chunks.append(f"== {code}\n" + "\n".join(lines) + "\n")
    text = "".join(chunks)
    if update_goldens:
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    assert GOLDEN.exists(), "tests/goldens/rules.txt is missing: run pytest --update-goldens and review the file"
    assert text == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", ["records/2026/R2026-001.yaml", "items/x/JGXX-001.YML", "records/.yaml", "records/a.",
                                  "records/a.b.yaml", "records/noext", "records/x..yaml", "gongkai.yaml", "a/b/c"])
def test_the_stem_gk203_compares_is_the_path_objects_stem(path):
    from pathlib import PurePosixPath

    from gongkai.rules.identity import _stem

    assert _stem(path) == PurePosixPath(path).stem
