"""Hostile pass 38 (fortieth session), 「gate attack」: the attacker and the careless clerk against the publishing
gate (issue 11: nothing private or hostile leaves the building; issue 6: the privacy guard), where the earlier passes
had not looked.

Each test runs the real CLI on a small catalog in tmp_path; the expected values are typed by hand. Today is
conftest's day, 2026-11-27.

Found by this pass (before the fix → now):
1. A 民政局's own 公告 of its 社会组织's yearly inspection lists each organisation with its 统一社会信用代码; one in ten
   all-digit codes (older organisations keep their old 组织机构代码: 513505245001237752) passes a bank card's Luhn
   check, and validate called it 「未遮盖的银行卡号」(GK603) — the 公告 could not be published, and 「mask」 would
   have starred an organisation's public code. Now a code whose GB 32100 check digit is right (privacy.numbers.
   credit_code) is no card; an account so written after 「账号」 and a card that fails that check still are.
"""

from __future__ import annotations

from conftest import ITEM, RECORD, CatalogDir
from test_publication import everything

SHZZ_ITEM = ITEM.replace("低保对象名单及相关信息", "社会组织年度检查结果")

INSPECTION = RECORD.replace("文种: 公示", "文种: 公告").replace("公示截止: 2026-12-31\n", "").replace(
    "题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: 测试县民政局关于2025年度社会组织年度检查结果的公告")


def gk6(run) -> list[str]:
    return [line.strip() for line in run.out.splitlines() if " GK6" in line]


def announcing(cat: CatalogDir, body: str) -> None:
    cat.item(SHZZ_ITEM)
    cat.record(INSPECTION.replace("  经审核，现将名单予以公示。\n", body))


CODES = """\
  | 社会组织名称 | 统一社会信用代码 | 年检结论 |
  |---|---|---|
  | 测试县老年人体育协会 | 513505245001234940 | 合格 |
  | 测试县慈善总会 | 513505245001237752 | 合格 |
  | 测试县阳光社会工作服务中心 | 523505245001236746 | 基本合格 |

  测试县某某物业管理有限公司（统一社会信用代码913505245001234496）承接服务。
"""


def test_organisations_credit_codes_are_no_bank_cards(gk, cat, tmp_path):
    announcing(cat, CODES)
    run = gk("validate", cat.root)
    assert gk6(run) == [] and run.code == 0, run.out
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0, run.out + run.err
    site = everything(tmp_path / "site")
    assert "513505245001237752" in site and "913505245001234496" in site


def test_a_card_with_a_credit_code_s_shape_but_not_its_check_is_still_a_card(gk, cat):
    # passes Luhn; its GB 32100 check digit would be 0
    announcing(cat, "  | 社会组织名称 | 统一社会信用代码 | 年检结论 |\n  |---|---|---|\n"
                    "  | 测试县老年人体育协会 | 513505245001234908 | 合格 |\n")
    run = gk("validate", cat.root)
    assert run.code == 1
    assert gk6(run) == ["19:1 错误 GK603 正文表格第1行第2列（统一社会信用代码）有未遮盖的银行卡号「51*************908」"
                        "（已遮盖显示）［R2026-001］"]


def test_an_account_after_its_label_is_reported_whatever_its_check(gk, cat):
    announcing(cat, "  捐赠请汇入陈水生个人账号：513505245001237752。\n")
    run = gk("validate", cat.root)
    assert run.code == 1
    assert [line[:40] for line in gk6(run)] == ["17:1 错误 GK603 正文第1行有未遮盖的银行卡号「51*********"]
