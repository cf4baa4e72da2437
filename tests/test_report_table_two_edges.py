"""Table 二 of the annual report (国办公开办函〔2021〕30号, 第二十条第（一）项) at the edges of the year, worked by hand:
行政规范性文件 本年制发件数 (formed in the year, whatever its 公开属性), 本年废止件数 (out of force from a day in the year:
废止 or 失效), 现行有效件数 (formed by 31 December and in force on that day).

Bugs planted in reports/annual.py that the report tests did not catch (twenty-second session): 制发 counted only for
主动公开 documents, 废止 counted whatever the year it took effect, a document formed on 31 December left out of the
documents in force.
"""

from __future__ import annotations


def _normative(number: int, formed: str, attribute: str = "主动公开", validity: str = "") -> str:
    published = f"公开日期: {formed}\n" if attribute == "主动公开" else ""
    review = ("保密审查:\n  审查人: 张三\n  审查日期: 2020-01-02\n  结论: 不涉及国家秘密，同意主动公开\n"
              if attribute == "主动公开" else "")
    ground = "不予公开理由: 内部事务信息\n" if attribute == "不予公开" else ""
    return (f"编号: R2026-{number:03d}\n题名: 测试县民政局关于第{number}项事务的规定\n文号: 测民规〔2026〕{number}号\n"
            f"索引号: 350524-MZ-2026-{number:05d}\n文种: 规范性文件\n责任单位: shjzg\n事项: SHJZ-001\n"
            f"公开属性: {attribute}\n{ground}{review}成文日期: {formed}\n{published}页数: 1\n{validity}"
            f"正文: |\n  第一条 为规范第{number}项事务，制定本规定。\n")


# number → (成文日期, 公开属性, 有效性), and what each adds to (制发, 废止, 现行有效) of 2026, by hand
DOCUMENTS = {
    2: ("2026-12-31", "主动公开", ""),  # formed on the last day: issued in 2026 and in force at its end → (1, 0, 1)
    3: ("2026-03-02", "依申请公开", ""),  # issued whatever its 公开属性 → (1, 0, 1)
    4: ("2025-05-06", "主动公开", "有效性: 废止\n有效性日期: 2026-03-01\n"),  # repealed in 2026 → (0, 1, 0)
    5: ("2024-05-06", "主动公开", "有效性: 废止\n有效性日期: 2025-12-31\n"),  # repealed the year before → (0, 0, 0)
    6: ("2025-02-03", "主动公开", "有效性: 失效\n有效性日期: 2026-12-31\n"),  # lapsed on the last day → (0, 1, 0)
    7: ("2025-02-03", "主动公开", "有效性: 废止\n有效性日期: 2027-01-01\n"),  # repealed next year: in force → (0, 0, 1)
    8: ("2025-07-08", "主动公开", ""),  # formed the year before, in force → (0, 0, 1)
}
# the fixture's own record R2026-001 is a 公示, no 规范性文件


def test_table_two_at_the_edges_of_the_year(gk, cat):
    for number, (formed, attribute, validity) in DOCUMENTS.items():
        cat.record(_normative(number, formed, attribute, validity), f"records/2026/R2026-{number:03d}.yaml")
    run = gk("report", "annual", cat.root, "--year", "2026")
    assert run.code == 0, run.out + run.err
    #                       制发 废止 现行有效
    assert "| 行政规范性文件 | 2 | 2 | 4 |" in run.out


def test_table_two_of_the_year_before(gk, cat):
    # 2025 by hand: formed in 2025 are 4 (05-06), 6 and 7 (02-03) and 8 (07-08) → 制发 4; 2 and 3 are 2026's, 5 is
    # 2024's. Out of force from a day in 2025: 5 (2025-12-31) → 废止 1. In force on 2025-12-31: 4, 6, 7, 8 (their
    # dates are later) → 4; 5 is repealed that day, 2 and 3 are not yet formed.
    for number, (formed, attribute, validity) in DOCUMENTS.items():
        cat.record(_normative(number, formed, attribute, validity), f"records/2026/R2026-{number:03d}.yaml")
    run = gk("report", "annual", cat.root, "--year", "2025")
    assert run.code == 0, run.out + run.err
    assert "| 行政规范性文件 | 4 | 1 | 4 |" in run.out
