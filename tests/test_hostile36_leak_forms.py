"""Hostile pass 36 (thirty-eighth session), 「leak forms」: a name past its 公示 period and a home's house number
written where the earlier passes had not put them, looked for in every output (site, portal export, validate's
messages and the line shown under them, `gongkai mask`).

Found by this pass:
1. The name a 公示's title gives after a word the reader did not know before a name — 给, 确定, 撤销, 增发, or a kind of
   person (关于孤儿吴淑珍基本生活费发放的公示) — stayed in the title on the home page, the item's page and the county
   portal's export for good after the list came down (DOMAIN.md §12). A name is now read from either side: before what
   a 公示 says is done for the person (低保, 资格, 发放, 为低保对象 …) too; the title shows 「关于撤销郑*玲低保资格的公示」.
   A 通知 so titled (关于撤销郑美玲低保资格的通知) showed the name on the site (with 取消 in its place it did not): its
   title now gives the name as that one's does, 郑*玲 in every output.
2. A house number after 住址 / 家住 / 户籍地 was found only when the place before it had a known ending (路, 村, 花园):
   「住址：凤城镇城东工业区12号」, 「家住玉田小区12栋」, 「住址：湖二村 12 号」 (spaces typed round the number) passed
   validate and were published. The word says it is someone's home: the place it introduces is now read to the first
   house, building or room number of the clause, whatever it ends with (not a date: 每月12号前). Without such a word, a
   village's house number with a space typed round it (湖二村后厝 12号) is read as the one without is.
3. The same under a table column headed 住址 / 家庭住址 (the commonest form of a list someone forgot to cut down): a
   cell 「东门外 12 号」 is read as 「住址：东门外 12 号」 is (validate, the gate, `gongkai mask`), and the line shown under
   its finding shows the house number as stars (the cell alone is no address to the detector).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from conftest import RECORD, CatalogDir, Run


def _every_byte(folder: Path) -> str:
    """Every file under *folder* as text, zip members unpacked, file names included."""
    texts = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        texts.append(str(path.relative_to(folder)))
        if data[:2] == b"PK":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                texts += [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
        else:
            texts.append(data.decode("utf-8", "replace"))
    return "\n".join(texts)


def _notice(number: int, title: str) -> str:
    """A 公示 with *title* whose period ended on 2026-09-20 (before the pinned today, 2026-11-27)."""
    return (RECORD.replace("R2026-001", f"R2026-{number:03d}").replace("00001", f"{number:05d}")
            .replace("测民〔2026〕1号", f"测民〔2026〕{number}号")
            .replace("测试县民政局关于2026年第三季度低保对象名单的公示", title)
            .replace("公示截止: 2026-12-31", "公示截止: 2026-09-20"))


# ---------------------------------------------------------------- 1. a name in a 公示's title, from either side

TITLES = {  # the title as written → as every output shows it once the list is down (typed by hand)
    "关于给李春花发放临时救助金的公示": "关于给李*花发放临时救助金的公示",
    "关于拟确定刘桂兰为低保对象的公示": "关于拟确定刘*兰为低保对象的公示",
    "关于增发赵志强低保金的公示": "关于增发赵*强低保金的公示",
    "关于孤儿吴淑珍基本生活费发放的公示": "关于孤儿吴*珍基本生活费发放的公示",
    "关于撤销郑美玲低保资格的公示": "关于撤销郑*玲低保资格的公示",
    "关于注销王建国低保证的公示": "关于注销王*国低保证的公示",
    "关于停保何宝山的公示": "关于停保何*山的公示",
    # titles naming no one keep every word
    "关于孤儿和事实无人抚养儿童基本生活费发放名单的公示": "关于孤儿和事实无人抚养儿童基本生活费发放名单的公示",
    "关于发放临时价格补贴的公示": "关于发放临时价格补贴的公示",
}
NAMES = ("李春花", "刘桂兰", "赵志强", "吴淑珍", "郑美玲", "王建国", "何宝山")


def test_a_name_a_title_gives_after_any_word_is_masked_once_the_list_is_down(gk: Callable[..., Run], cat: CatalogDir,
                                                                              tmp_path: Path) -> None:
    """Before: the portal's 标题 and the site's lists read 「关于撤销郑美玲低保资格的公示」 two months after the 公示."""
    for number, title in enumerate(TITLES, start=1):
        cat.record(_notice(number, title), rel=f"records/2026/R2026-{number:03d}.yaml")
    site, portal = tmp_path / "site", tmp_path / "portal"
    built = gk("build-site", cat.root, "--out", site)
    exported = gk("export", "portal", cat.root, "--since", "2026-01-01", "--out", portal)
    assert built.code == exported.code == 0, built.err + exported.err
    shown = {entry["编号"]: entry["标题"] for entry in json.loads((portal / "portal.json").read_text("utf-8"))["信息"]}
    assert shown == {f"R2026-{n:03d}": masked for n, masked in enumerate(TITLES.values(), start=1)}
    home = (site / "index.html").read_text("utf-8")
    assert "关于撤销郑*玲低保资格的公示" in home
    everything = _every_byte(site) + _every_byte(portal) + built.out + built.err + exported.out + exported.err
    assert [name for name in NAMES if name in everything] == []


def test_a_notice_about_one_household_named_after_a_new_verb_is_a_list_of_people(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Before: 「关于撤销郑美玲低保资格的通知」 (取消 was known, 撤销 not) stood on the site with the name, while GK411 said
    it lists people; now its title gives the name as the same title with 取消 did: every output shows 郑*玲."""
    cat.record(RECORD.replace("测试县民政局关于2026年第三季度低保对象名单的公示", "关于撤销郑美玲低保资格的通知")
               .replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", "")
               .replace(_BODY, "  特此通知。\n"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert "5:1 错误 GK411 名单类信息没有写明公示期［R2026-001］" in run.out
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    everything = _every_byte(site)
    assert "关于撤销郑*玲低保资格的通知" in everything and "郑美玲" not in everything


# ---------------------------------------------------------------- 2. a house number after 住址, 家住 …

_BODY = "  经审核，现将名单予以公示。\n"


def test_a_house_number_after_a_home_word_is_found_whatever_the_place_ends_with(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Before: validate found nothing, and build-site published the three house numbers on the record's page."""
    cat.record(RECORD.replace(_BODY, _BODY + "\n  申请人林秀英，住址：凤城镇城东工业区12号；黄阿宝家住玉田小区12栋。\n"
                                             "\n  陈金水住址：凤城镇东门外 15 号。\n"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert ("20:1 错误 GK604 正文第3行有未遮盖的详细住址「凤城镇城东工业区**号」（已遮盖显示）［R2026-001］\n"
            "       20 |   申请人林秀英，住址：凤城镇城东工业区**号；黄阿宝家住玉田小区**栋。") in run.out
    assert "20:1 错误 GK604 正文第3行有未遮盖的详细住址「玉田小区**栋」（已遮盖显示）［R2026-001］" in run.out
    assert ("22:1 错误 GK604 正文第5行有未遮盖的详细住址「凤城镇东门外 ** 号」（已遮盖显示）［R2026-001］\n"
            "       22 |   陈金水住址：凤城镇东门外 ** 号。") in run.out
    site = tmp_path / "site"
    built = gk("build-site", cat.root, "--out", site)
    assert built.code == 0
    assert ("R2026-001 没有发布：正文第3行：详细住址「凤城镇城东工业区**号」；正文第3行：详细住址「玉田小区**栋」；"
            "正文第5行：详细住址「凤城镇东门外 ** 号」") in built.err
    assert not (site / "records" / "R2026-001.html").exists()
    everything = _every_byte(site) + run.out + built.err
    assert "工业区12号" not in everything and "小区12栋" not in everything and "15 号" not in everything


def test_a_house_number_with_spaces_typed_round_it_is_an_address(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: 「湖二村后厝 12号」 and 「湖一村　3　号」 (a space, a full-width space) were no address to any reader."""
    cat.record(RECORD.replace(_BODY, _BODY + "\n  经核实，陈金水户在湖二村后厝 12号，林秀英户在湖一村　3　号。\n"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert "20:1 错误 GK604 正文第3行有未遮盖的详细住址「二村后厝 **号」（已遮盖显示）［R2026-001］" in run.out
    assert "20:1 错误 GK604 正文第3行有未遮盖的详细住址「一村 * 号」（已遮盖显示）［R2026-001］" in run.out


def test_a_day_or_a_deadline_after_a_home_word_is_no_address(gk: Callable[..., Run], cat: CatalogDir,
                                                               tmp_path: Path) -> None:
    cat.record(RECORD.replace(_BODY, _BODY + "\n  家庭住址变动的，于每月12号前申报；陈金水家住湖二村，2026年3月12号申请。\n"
                                             "\n  居住满3年的，按安民〔2026〕12号文件办理。\n"))
    run = gk("validate", cat.root)
    assert "GK604" not in run.out
    built = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert built.code == 0
    assert "于每月12号前申报" in (tmp_path / "site" / "records" / "R2026-001.html").read_text("utf-8")


# ---------------------------------------------------------------- 3. under a column headed 住址


def test_a_house_number_under_a_home_column_is_an_address_and_shown_as_stars(gk: Callable[..., Run],
                                                                               cat: CatalogDir) -> None:
    """Before: 「| 陈金水 | 东门外 12 号 |」 was only the GK605 warning about the column; the list went out with it."""
    cat.record(RECORD.replace(_BODY, _BODY + "\n  | 姓名 | 家庭住址 |\n  |---|---|\n  | 陈金水 | 东门外 12 号 |\n"
                                             "  | 林秀英 | 湖一村12-3 |\n  | 黄阿宝 | 湖三村 |\n  | 何宝山 | 湖四村8号 |\n"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert ("22:1 错误 GK604 正文表格第2行有未遮盖的详细住址「东门外 ** 号」（已遮盖显示）［R2026-001］\n"
            "       22 |   | 陈*水 | 东门外 ** 号 |") in run.out
    assert ("23:1 错误 GK604 正文表格第3行有未遮盖的详细住址「湖一村**-*」（已遮盖显示）［R2026-001］\n"
            "       23 |   | 林*英 | 湖一村**** |") in run.out
    assert "25:1 错误 GK604 正文表格第4行第2列（家庭住址）有未遮盖的详细住址「四村*号」（已遮盖显示）［R2026-001］" in run.out
    assert run.out.count("GK604") == 3  # (湖三村: a village, no house; 湖四村8号, an address alone too, once)
    assert "12 号" not in run.out and "12-3" not in run.out and "8号" not in run.out


def test_mask_masks_a_house_number_under_a_home_column(gk: Callable[..., Run], tmp_path: Path) -> None:
    listed = tmp_path / "名单.csv"
    listed.write_text("姓名,所在村（社区）,家庭住址\n陈金水,湖二村,东门外 12 号\n林秀英,湖一村,玉田小区12栋\n"
                      "黄阿宝,湖三村,湖三村\n", encoding="utf-8")
    run = gk("mask", listed)
    assert run.code == 0
    assert "名单.csv 第1行第3列：详细住址 → 东门外 ** 号" in run.out
    assert "名单.csv 第2行第3列：详细住址 → 玉田小区**栋" in run.out
    assert listed.read_text("utf-8") == ("姓名,所在村（社区）,家庭住址\n陈金水,湖二村,东门外 ** 号\n林秀英,湖一村,玉田小区**栋\n"
                                         "黄阿宝,湖三村,湖三村\n")
