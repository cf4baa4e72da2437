"""Hostile pass 21 (issues 6 and 11): text fields, masks and names.

Found, each a hole of a class (expected values typed by hand from DOMAIN.md §7 and §12):
- **Masks read together.** One number masked one way in a table and another way in a sentence (or the body and an
  attachment, or two fields of an item): each mask alone hides enough, together they show the number.
  3505**********1236 (table) and 3505241985******** (sentence) are 3505241985****1236 to a reader of the page: a year's
  days, ten for each other starred digit, the check digit one in eleven — 365·10/11, about 330 guesses (fewer than a
  card's mask leaves, the threshold of the eleventh pass). 138****5678 and 1380595···· are 13805955678. validate said
  nothing, the gate published both.
- **Look-alike mask marks.** A mask typed with a middle dot, another star or a cross (1380595··34, 1380595∗∗34,
  1380595✕✕34, 1380595××34 — two hidden digits, a hundred guesses) was read as a separator: the groups 1380595 and 34
  make no number, so nothing was found. One × between numbers stays a product (15000×12000).
- **Logs.** A line printed under any finding (a misspelt key 撤回原因 holding 「林某138****5678（1380595····）」) showed
  both masks, so the CI log held the number. Now every masked number is printed in the masking format (138********).
- **Masked too little, in groups.** 3505241985 0315 **** (the birth date in full) and 138 0595 **34 (two digits
  hidden) passed: the eighth pass read a mask only when written as one run. Now the groups a number is written in
  (3-4-4, 6-8-4, in fours …) are joined first.
- **Names a list writes otherwise.** Slashes or a comma and space between names (陈水生/林阿妹/王建国, 陈明, 林华, 王强纳入…),
  two-character names padded to the width of three (陈　明), minority names with a middle dot (阿依古丽·买买提) —
  in a 通知 about aid, these made no list of people: no GK611, the names indexed and never taken down; such a name in a
  公示's title was shown unmasked.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, RECORD, TODAY, CatalogDir
from test_hostile7_gate import holding

from gongkai.cli import main

NOTICE = (RECORD.replace("文种: 公示", "文种: 通知").replace("事项: SHJZ-001\n", "").replace("公示截止: 2026-12-31\n", "")
          .replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: 测试县民政局关于发放2026年第三季度临时救助金的通知"))
BODY = "正文: |\n  经审核，现将名单予以公示。\n"


def _record(template: str, number: int, body: str, extra: str = "") -> str:
    """*template* as record R2026-0NN (its own 索引号 and 文号) with *body* (lines of the 正文 block)."""
    text = (template.replace("R2026-001", f"R2026-{number:03d}")
            .replace("350524-MZ-2026-00001", f"350524-MZ-2026-{number:05d}")
            .replace("测民〔2026〕1号", f"测民〔2026〕{number}号"))
    block = "正文: |\n" + "".join(f"  {line}\n" if line else "\n" for line in body.split("\n"))
    return text.replace(BODY, extra + block)


# R2026-001: an ID masked two ways in one body. Lines of the 正文 (1-based): 1 经审核…, 2 blank, 3 header, 4 rule,
# 5 the row, 6 blank, 7 the sentence.
ID_TWO_WAYS = _record(RECORD, 1, "经审核，现将名单予以公示。\n\n| 姓名 | 保障金额 | 备注 |\n|---|---|---|\n"
                                 "| 陈*生 | 500 | 3505**********1236 |\n\n如有异议，陈*生（3505241985********）请与村委会联系。")
# R2026-002: a mobile masked as the format says in the body, and from its end in the attachment (look-alike dots)
MOBILE_TWO_WAYS = _record(RECORD, 2, "经审核，现将名单予以公示。监督电话：林某 138****5678。",
                          "附件:\n  - 名称: 名单\n    文件: files/2026/名单.csv\n")
LIST_CSV = "姓名,保障金额,联系人电话\n陈*生,500,1380595····\n"
# R2026-003, 004: two digits hidden with look-alike marks (a hundred guesses)
DOTS = _record(NOTICE, 3, "如对临时救助有疑问，请联系林某1380595··34。")
CROSSES = _record(NOTICE, 4, "如对临时救助有疑问，请联系林某1380595××34，或林某1380595✕✕34。")
# R2026-011: masked too little, written in groups (the birth date in full; two digits of a mobile hidden)
GROUPED = _record(NOTICE, 11, "临时救助对象陈*生，身份证号 3505241985 0315 ****，电话 138 0595 **34。")
# R2026-005: masked one way everywhere, products with one ×: nothing to find
MASKED_ALIKE = _record(NOTICE, 5, "经费15000×12000元，场地1920×1080。\n"
                                  "陈*生身份证号35*************123，复核35*************123；电话138****5678，另138****5678。\n"
                                  "林*妹电话138••••1234。")
# R2026-006 … 009: lists of people in a 通知 about aid, written as a clerk may
NAME_LISTS = {
    6: "经审核，以下人员获得临时救助：陈水生/林阿妹/王建国。",
    7: "经审核，以下人员获得临时救助：阿依古丽·买买提、热依拉·吐尔逊、艾力·买买提。",
    8: "经审核，以下人员获得临时救助：陈　明、林　华、王　强。",
    9: "经审核，陈明, 林华, 王强纳入最低生活保障。",
}
# R2026-010: a 公示 naming a minority household in its title
TITLED = (_record(RECORD, 10, "经审核，该户符合最低生活保障条件，现予公示。")
          .replace("测试县民政局关于2026年第三季度低保对象名单的公示", "关于阿依古丽·买买提家庭申请最低生活保障的公示"))
# SHJZ-002: an item whose 备注 and 公开内容 mask one contact two ways
ITEM_TWO_WAYS = (ITEM.replace("SHJZ-001", "SHJZ-002").replace("二级事项: 审批信息", "二级事项: 办理信息")
                 .replace("  - 低保对象名单及相关信息\n", "  - 办理结果\n  - 咨询：林某1380595****\n")
                 + "备注: 林某电话138****5678\n")


def _run(*args: str | Path) -> tuple[int, str]:
    out = io.StringIO()
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue() + err.getvalue()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, object]], Path]:
    """One catalog holding every case, validated (json) and built once: (diagnostics, site)."""
    root = tmp_path_factory.mktemp("h21")
    cat = CatalogDir(root / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item()
    for number, text in [(1, ID_TWO_WAYS), (2, MOBILE_TWO_WAYS), (3, DOTS), (4, CROSSES), (5, MASKED_ALIKE),
                         (10, TITLED), (11, GROUPED), *((n, _record(NOTICE, n, body)) for n, body in NAME_LISTS.items())]:
        cat.record(text, f"records/2026/R2026-{number:03d}.yaml")
    cat.write("files/2026/名单.csv", LIST_CSV)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_TODAY", TODAY)
        patch.setenv("COLUMNS", "200")
        code, out = _run("validate", cat.root, "--format", "json")
        assert code == 1, out
        site = root / "site"
        built_code, built_out = _run("build-site", cat.root, "--out", site, "--no-search")
        assert built_code == 0, built_out
    return json.loads(out)["diagnostics"], site


def _of(diagnostics: list[dict[str, object]], owner: str, code: str) -> list[dict[str, object]]:
    return [d for d in diagnostics if d["id"] == owner and d["code"] == code]


def test_an_id_masked_two_ways_in_one_body_is_unmasked(built) -> None:
    diagnostics, site = built
    found = _of(diagnostics, "R2026-001", "GK601")
    assert len(found) == 1, found
    message = str(found[0]["message"])
    # at the second place (正文第7行), naming the first, with the format to use; the value in the masking format
    assert message.startswith("正文第7行与正文表格第1行第3列（备注）的遮盖合起来有未遮盖的身份证号"), message
    assert "35*************236" in message and "「35*************123」的格式" in message
    assert "3505241985" not in message and found[0]["path"] == "records/2026/R2026-001.yaml"
    assert not (site / "records" / "R2026-001.html").exists()


def test_a_mobile_masked_two_ways_in_body_and_attachment_is_unmasked(built) -> None:
    diagnostics, site = built
    found = _of(diagnostics, "R2026-002", "GK602")
    assert len(found) == 1, found
    message = str(found[0]["message"])
    assert "附件「files/2026/名单.csv」" in message and "正文第1行" in message and "138****5678" in message, message
    assert "13805955678" not in message and "1380595" not in message
    assert not (site / "records" / "R2026-002.html").exists()


@pytest.mark.parametrize("owner", ["R2026-003", "R2026-004"])
def test_two_digits_hidden_with_look_alike_marks_is_too_little(built, owner: str) -> None:
    diagnostics, site = built
    assert _of(diagnostics, owner, "GK602"), [d for d in diagnostics if d["id"] == owner]
    assert not (site / "records" / f"{owner}.html").exists()


def test_a_number_masked_too_little_in_groups_is_found(built) -> None:
    diagnostics, site = built
    assert _of(diagnostics, "R2026-011", "GK601") and _of(diagnostics, "R2026-011", "GK602"), \
        [d for d in diagnostics if d["id"] == "R2026-011"]
    assert not (site / "records" / "R2026-011.html").exists()


def test_masks_alike_and_products_pass(built) -> None:
    diagnostics, site = built
    assert [d for d in diagnostics if d["id"] == "R2026-005" and str(d["code"]).startswith("GK60")] == []
    page = (site / "records" / "R2026-005.html").read_text(encoding="utf-8")
    assert "15000×12000" in page and "138••••1234" in page


def test_an_item_masking_one_contact_two_ways_is_unmasked(gk, cat: CatalogDir, tmp_path: Path) -> None:
    cat.item(ITEM_TWO_WAYS, "items/shjz/SHJZ-002.yaml")
    run = gk("validate", cat.root, "--format", "json")
    found = _of(run.json()["diagnostics"], "SHJZ-002", "GK602")  # type: ignore[index]
    assert run.code == 1 and len(found) == 1, run.out
    assert "「备注」与「公开内容」第2项的遮盖合起来" in str(found[0]["message"]), found
    # (an item with personal data stops the whole site: DOMAIN.md §7, README 「输出扫描」)
    assert gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search").code == 1


@pytest.mark.parametrize("number", sorted(NAME_LISTS))
def test_names_a_list_writes_otherwise_make_a_list_of_people(built, number: int) -> None:
    diagnostics, site = built
    owner = f"R2026-{number:03d}"
    assert _of(diagnostics, owner, "GK611"), [d for d in diagnostics if d["id"] == owner]
    assert owner not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_no_name_of_the_lists_is_left_on_the_site(built) -> None:
    _, site = built
    # published on 2026-09-03 with no 公示 period: taken down after that day (GK611); the 公示 title masked
    names = ["陈水生", "林阿妹", "王建国", "阿依古丽·买买提", "热依拉·吐尔逊", "艾力·买买提", "陈　明", "林　华"]
    assert holding(site, *names) == []


def test_a_minority_name_in_a_title_is_masked(built) -> None:
    _, site = built
    page = (site / "records" / "R2026-010.html").read_text(encoding="utf-8")
    assert "关于阿******提家庭申请最低生活保障的公示" in page
    assert "阿依古丽" not in (site / "index.html").read_text(encoding="utf-8")


def test_a_log_never_shows_more_of_a_number_than_the_format(gk, cat: CatalogDir) -> None:
    cat.record(RECORD.replace("页数: 1\n", "页数: 1\n撤回原因: 误将林某138****5678（1380595····）公开\n"))
    run = gk("validate", cat.root)
    assert run.code == 1 and "GK102" in run.out, run.out
    assert "1380595" not in run.out and "138****5678（138********）" in run.out, run.out
