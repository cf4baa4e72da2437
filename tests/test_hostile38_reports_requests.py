"""Fortieth session, hostile pass h199: reports_requests — the clerk filling the annual report (国办公开办函〔2021〕30号,
表一 to 表四) from the request register, and the inspector comparing the two.

How the pass was run: the bundled catalog copied to a tmp dir, through the real CLI — a request received before 春节
2026 with a 补正, a 征求第三方意见 across the holiday and a 延期, answered on its last day (`deadline explain` counts
20 + 20 working days and the 12 of the consultation, 调休 Saturdays included: right); a 答复日期 before the 收到日期
(GK707, right); a request of 2025 answered in 2026 (二 and 四 of both years agree); the xlsx (numbers are numbers);
申请人类型 written the ways a 登记簿 writes it.

Found by this pass (each test below failed before its fix):
1. 「申请人类型」 written as the register's clerks write it — 企业法人, 有限公司, 公民个人, 基金会, 法律援助中心, 律所 —
   was refused (GK104) with the applicant's type masked as a possible name (「……」不是有效的「申请人类型」) and no
   suggestion, and the report left the request out. These name one column of table 三 and are now counted in it (as
   公民, 企业, 律师事务所 were). 律师, 个体工商户, 社会组织 (and 法人或其他组织) may be two columns (or five): they are
   still refused, now shown, with how to choose between the columns; as a key of 「上年结转」 the same.
   test_applicant_types_written_another_way_are_counted_or_explained.
2. A wrong value of a register withheld from a message (it may name someone) was taken out of the whole message and
   hint, the register's own words included: 「起诉方式: 直接起诉」 got 「可选的值：未经复议……、复议后起诉」, 「类型: 复议」
   「可选的值：行政……、行政诉讼」, 「起诉方式: 复议后起」 「未经复议直接起诉、……诉。是否想写「……诉」？」 — the clerk was not
   told what to write. The value is now withheld everywhere but within the registers' words and fields' names
   (model/request.py withheld, used by catalog/schema_errors.py and catalog/files.py).
   test_a_withheld_value_leaves_the_choices_whole.
3. Table 四's kind and route written short — 「类型: 复议」「类型: 诉讼」「起诉方式: 直接起诉」「起诉方式: 复议后」 — were
   refused and the case left out of 表四; they are now read as 行政复议, 行政诉讼, 未经复议直接起诉, 复议后起诉.
   test_appeal_kind_and_route_written_short_are_counted.
4. 「办理结果」 written with its ground in the same line — 「不予公开（过程性信息）」「无法提供：本机关不掌握」 — got only
   「改为以下之一：予以公开、部分公开……」, not that the ground goes in 「理由」; 「同意公开」「不公开」「部分予以公开」 were
   refused. GK704 now says to write the category alone and move the ground to 「理由」 (listing its choices), without
   quoting what was written; the three spellings are counted as 予以公开, 不予公开, 部分公开.
   test_an_outcome_with_its_ground_in_the_same_line.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import CatalogDir, Run

TODAY = "2027-01-15"
TEXTS = "总体情况: 甲\n存在的主要问题及改进情况: 乙\n其他需要报告的事项: 无\n"
FIGURES = "规章: {本年制发: 0, 本年废止: 0, 现行有效: 0}\n行政许可: 1\n行政处罚: 0\n行政强制: 0\n行政事业性收费: 0\n"


def _request(number: int, applicant: str) -> str:
    return (f"编号: YSQ-2026-{number:03d}\n收到日期: 2026-03-02\n申请渠道: 当面\n申请人类型: {applicant}\n"
            "申请人: 张三丰\n申请内容: 2026年城乡最低生活保障标准\n办理结果: 予以公开\n答复日期: 2026-03-10\n")


def _row(text: str, label: str) -> list[str]:
    return next([c.strip() for c in line.strip().strip("|").split("|")][1:]
                for line in text.splitlines() if line.startswith(f"| {label}"))


def test_applicant_types_written_another_way_are_counted_or_explained(gk: Callable[..., Run],
                                                                      cat: CatalogDir) -> None:
    cat.write("annual/2026.yaml", f"年度: 2026\n{TEXTS}{FIGURES}")
    # one column each: 自然人 1, 商业企业 2, 科研机构 1, 社会公益组织 1, 法律服务机构 2
    for number, applicant in enumerate(("公民个人", "企业法人", "有限公司", "研究所", "基金会", "法律援助中心", "律所"),
                                       start=1):
        cat.write(f"requests/2026/YSQ-2026-{number:03d}.yaml", _request(number, applicant))
    run = gk("validate", cat.root)
    assert "申请人类型" not in run.out + run.err
    run = gk("report", "annual", cat.root, "--year", "2026", "--today", TODAY)
    assert run.code == 0, run.err
    assert _row(run.out, "一、") == ["1", "2", "1", "1", "2", "0", "7"]
    assert _row(run.out, "　（一）予以公开") == ["1", "2", "1", "1", "2", "0", "7"]

    # two columns it may be: refused, the word shown (it names no one), how to choose said; never the applicant
    cat.write("requests/2026/YSQ-2026-008.yaml", _request(8, "律师"))
    cat.write("requests/2026/YSQ-2026-009.yaml", _request(9, "个体工商户"))
    cat.write("requests/2026/YSQ-2026-010.yaml", _request(10, "社会组织"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert "4:8 错误 GK104 「律师」不是有效的「申请人类型」［YSQ-2026-008］" in run.out
    assert ("「律师」可以计入表三的不同列，不能替您选：律师以本人名义申请的，计入「自然人」；"
            "以律师事务所名义（所函）申请的，计入「法律服务机构」。") in run.out
    assert "4:8 错误 GK104 「个体工商户」不是有效的「申请人类型」［YSQ-2026-009］" in run.out
    assert "以个体工商户的字号（营业执照）名义申请的，计入「商业企业」；经营者以本人名义申请的，计入「自然人」" in run.out
    assert "4:8 错误 GK104 「社会组织」不是有效的「申请人类型」［YSQ-2026-010］" in run.out
    assert "行业协会、商会等其他社会组织计入「其他」" in run.out
    assert "是否想写「社会公益组织」" not in run.out  # a guess of one of the two would count it wrong
    assert "张三丰" not in run.out + run.err
    run = gk("report", "annual", cat.root, "--year", "2026", "--today", TODAY)
    assert run.code == 1
    assert "张三丰" not in run.out + run.err

    # the same words as keys of 上年结转
    for number in (8, 9, 10):
        (cat.root / f"requests/2026/YSQ-2026-{number:03d}.yaml").unlink()
    cat.write("annual/2026.yaml", f"年度: 2026\n{TEXTS}{FIGURES}上年结转: {{律师: 1}}\n")
    run = gk("validate", cat.root)
    assert run.code == 1
    assert ("「律师」可以计入表三的不同列，不能替您选：律师以本人名义申请的，计入「自然人」；以律师事务所名义（所函）申请的，"
            "计入「法律服务机构」：把键名改为其中一列，按实际情况分开计数。") in run.out
    cat.write("annual/2026.yaml", f"年度: 2026\n{TEXTS}{FIGURES}上年结转: {{企业法人: 1}}\n")
    run = gk("validate", cat.root)
    assert "表三的列名是「商业企业」：把键名改为「商业企业」。" in run.out


def _appeal(number: int, kind: str, route: str | None = None) -> str:
    return (f"编号: FY-2026-{number:03d}\n类型: {kind}\n" + (f"起诉方式: {route}\n" if route else "")
            + "收到日期: 2026-05-06\n结果: 维持\n结案日期: 2026-07-01\n")


def test_a_withheld_value_leaves_the_choices_whole(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.write("appeals/2026/FY-2026-001.yaml", _appeal(1, "行政诉讼", "复议后起"))
    cat.write("appeals/2026/FY-2026-002.yaml", _appeal(2, "行政诉讼", "王小明"))
    cat.write("appeals/2026/FY-2026-003.yaml", _appeal(3, "行政诉讼", "复议后起诉王小明"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert "3:7 错误 GK104 「……」不是有效的「起诉方式」［FY-2026-001］" in run.out
    assert "改正：可选的值：未经复议直接起诉、复议后起诉。是否想写「复议后起诉」？（登记簿的内容不在检查结果中显示" in run.out
    assert "3:7 错误 GK104 「……」不是有效的「起诉方式」［FY-2026-002］" in run.out
    assert "3:7 错误 GK104 「……」不是有效的「起诉方式」［FY-2026-003］" in run.out
    assert "复议后起」" not in run.out
    assert "王小明" not in run.out + run.err
    assert "……诉" not in run.out
    # a 申请渠道 that is part of the channels' names: the list of channels stays whole
    cat.write("requests/2026/YSQ-2026-001.yaml", "编号: YSQ-2026-001\n收到日期: 2026-03-02\n申请渠道: 电子\n"
              "申请人类型: 自然人\n申请内容: 甲\n")
    run = gk("validate", cat.root)
    assert "3:7 错误 GK104 「……」不是有效的「申请渠道」［YSQ-2026-001］" in run.out
    assert "可选的值：当面、邮寄、网上、传真、电子邮件、其他。" in run.out


def test_appeal_kind_and_route_written_short_are_counted(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.write("annual/2026.yaml", f"年度: 2026\n{TEXTS}{FIGURES}")
    cat.write("appeals/2026/FY-2026-001.yaml", _appeal(1, "复议"))
    cat.write("appeals/2026/FY-2026-002.yaml", _appeal(2, "诉讼", "直接起诉"))
    cat.write("appeals/2026/FY-2026-003.yaml", _appeal(3, "行政诉讼", "复议后"))
    cat.write("appeals/2026/FY-2026-004.yaml", _appeal(4, "起诉", "经复议后起诉"))
    run = gk("validate", cat.root)
    assert "GK104" not in run.out
    run = gk("report", "annual", cat.root, "--year", "2026", "--today", TODAY)
    assert run.code == 0, run.err
    figures = next(line for line in run.out.splitlines() if line.startswith("| 1 |") or line.startswith("| 0 |"))
    assert figures == "| 1 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 2 |"


def _answered(number: int, outcome: str, reason: str | None = None) -> str:
    return (f"编号: YSQ-2026-{number:03d}\n收到日期: 2026-03-02\n申请渠道: 当面\n申请人类型: 自然人\n申请内容: 甲\n"
            f"办理结果: {outcome}\n" + (f"理由: {reason}\n" if reason else "") + "答复日期: 2026-03-10\n")


def test_an_outcome_with_its_ground_in_the_same_line(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.write("requests/2026/YSQ-2026-001.yaml", _answered(1, "不予公开（涉及王小明的隐私）"))
    cat.write("requests/2026/YSQ-2026-002.yaml", _answered(2, "无法提供：本机关不掌握"))
    cat.write("requests/2026/YSQ-2026-003.yaml", _answered(3, "予以公开（已邮寄）"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert ("6:7 错误 GK704 申请 YSQ-2026-001 的办理结果不是年度报告表三的类别［YSQ-2026-001］\n" in run.out)
    assert ("改正：「办理结果」只写表三的类别：改为「办理结果: 不予公开」，把后面的具体情形移到下一行「理由: ……」中（可选：属于国家秘密；"
            "其他法律行政法规禁止公开；危及“三安全一稳定”；保护第三方合法权益；属于三类内部事务信息；属于四类过程性信息；"
            "属于行政执法案卷；属于行政查询事项）。") in run.out
    assert ("改正：「办理结果」只写表三的类别：改为「办理结果: 无法提供」，把后面的具体情形移到下一行「理由: ……」中（可选：本机关不掌握"
            "相关政府信息；没有现成信息需要另行制作；补正后申请内容仍不明确）。") in run.out
    assert "改正：「办理结果」只写表三的类别：改为「办理结果: 予以公开」，后面的说明写入「备注」。" in run.out
    assert "王小明" not in run.out + run.err

    cat.write("annual/2026.yaml", f"年度: 2026\n{TEXTS}{FIGURES}")
    cat.write("requests/2026/YSQ-2026-001.yaml", _answered(1, "同意公开"))
    cat.write("requests/2026/YSQ-2026-002.yaml", _answered(2, "不公开", "过程性信息"))
    cat.write("requests/2026/YSQ-2026-003.yaml", _answered(3, "部分予以公开"))
    run = gk("validate", cat.root)
    assert "GK704" not in run.out
    run = gk("report", "annual", cat.root, "--year", "2026", "--today", TODAY)
    assert run.code == 0, run.err
    assert _row(run.out, "　（一）予以公开") == ["1", "0", "0", "0", "0", "0", "1"]
    assert _row(run.out, "　（二）部分公开") == ["1", "0", "0", "0", "0", "0", "1"]
    assert _row(run.out, "　（三）不予公开") == ["1", "0", "0", "0", "0", "0", "1"]
    assert _row(run.out, "　　6. 属于四类过程性信息") == ["1", "0", "0", "0", "0", "0", "1"]
