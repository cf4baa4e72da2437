"""The lead's part of the thirty-fifth pass: a number split by Markdown link marks in a field shown as plain text.

1. A title (or any field shown as typed) written 「咨询[13918](#)[781396](#)」 passed `validate`: between the two
   groups of the mobile stand five marks or more (「](#)[」), and the detector joins groups at most four marks apart.
   The site showed it as typed — 13918 and 781396 a few marks apart, a number anyone reads off — and where Markdown
   is rendered (the search's index of the page, a snippet, an article pasted into an editor) the two links stand side
   by side: 13918781396. `build-site` with search stopped at its output scan (「search/s/0.json.gz：手机号码」) with
   no pointer to the record; `build-site --no-search` published it. The end of a link and the start of the next
   (inline, with a title, reference style, images) are now read as the footnote references of pass 23 are: marks
   beside the number. GK602 at the record's 题名, the record held back.
2. A 公示 whose 正文 tells the public its period in Chinese numerals, as an older template or a village clerk writes
   dates (「公示期：二〇二六年九月三日至九月十日」, 「公示截止时间为二〇二六年九月十日」), was not read: the names stayed on
   the web and the boards to the registered 公示截止, past the day the public was told, and GK420 said nothing. The
   numeral years, months and days are read as digits now; GK420 quotes the words as written.
3. A 公示 (or a record of an item listing people) whose only channel is 两微一端 was shown nowhere — the article leaves
   the list out (名单从略, so that search engines never index names) and no page or board carries the record — and
   nothing said so. GK421 warns now, naming the fix (add 政府网站 or a 公示栏 among the item's channels).
4. `gongkai import xlsx`: an item's elements typed one a row under it and numbered in a numbering of their own —
   「（1）」「（2）」, 「(1)」, 「①」「②」, 「⑴」 under the item's 「1」, as 公文 number the points under a heading — were each
   「一级事项为空」, the whole table refused (「1.1」 under 「1」 was read already, pass 34). They go on with the item now,
   said so as 1.1 is; items numbered so themselves (「（2）」 under 「（1）」) stay an error.

Seen and left alone: the output scan of the built files still reads 「](」 as two marks (in the search index's JSON
「][」 separates values); validate, which reads every field, holds such a record back before it is built.

Today is conftest's day, 2026-11-27.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ITEM, RECORD, CatalogDir, Run
from sheets import workbook

TITLE = "题名: 测试县民政局关于2026年第三季度低保对象名单的公示"


@pytest.mark.parametrize("written", [
    "咨询[13918](#)[781396](#)",
    "咨询[13918](https://example.org/a) [781396](https://example.org/b)",
    '咨询[13918](# "电话")[781396](#)',
    "咨询[13918][a][781396][b]",
    "咨询[13918] [a] [781396] [b]",
    "咨询![13918](a.png)![781396](b.png)",
    "咨询[139](#)[1878](#)[1396](#)",
])
def test_a_mobile_split_into_links_in_a_title_is_found_and_held_back(gk: Callable[..., Run], cat: CatalogDir,
                                                                      tmp_path: Path, written: str) -> None:
    cat.record(RECORD.replace(TITLE, f"题名: '{TITLE[4:]}{written}'"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert "错误 GK602 「题名」有未遮盖的手机号码「139****1396」" in run.out
    assert "13918" not in run.out and "781396" not in run.out
    site = tmp_path / "site"
    gk("build-site", cat.root, "--no-search", "-o", site)
    shown = "".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file())
    assert "R2026-001" not in shown  # held back: no page, no list entry
    assert "781396" not in shown


@pytest.mark.parametrize("written", [
    "（详见[第12号](x)[附件3](y)）",
    "（[2026](x)[12](y)号）",
    "（[一](#)[二](#)[三](#)）",
])
def test_links_side_by_side_without_a_number_are_no_finding(gk: Callable[..., Run], cat: CatalogDir,
                                                             written: str) -> None:
    cat.record(RECORD.replace(TITLE, f"题名: '{TITLE[4:]}{written}'"))
    run = gk("validate", cat.root)
    assert "GK602" not in run.out, run.out


@pytest.mark.parametrize(("told", "quoted"), [
    ("公示期：二〇二六年九月三日至九月十日。", "公示期：二〇二六年九月三日至九月十日"),
    ("公示时间为二〇二六年九月三日至二〇二六年九月十日。", "公示时间为二〇二六年九月三日至二〇二六年九月十日"),
    ("自二○二六年九月三日至九月十日在湖三村村务公开栏进行公示。", "二○二六年九月三日至九月十日在湖三村村务公开栏进行公示"),
    ("公示截止时间为二〇二六年九月十日。", "公示截止时间为二〇二六年九月十日"),
])
def test_a_period_told_in_chinese_numerals_ends_the_list(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path,
                                                          told: str, quoted: str) -> None:
    cat.record(RECORD.replace("经审核，现将名单予以公示。", f"经审核，现将名单予以公示。{told}"))
    run = gk("validate", cat.root, "--format", "json")
    messages = [d["message"] for d in run.json()["diagnostics"] if d["code"] == "GK420"]
    assert len(messages) == 1 and f"正文写的是「{quoted}」（到 2026-09-10）" in messages[0], messages
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--no-search", "-o", site).code == 0
    page = (site / "records/R2026-001.html").read_text(encoding="utf-8")
    assert "公示已于2026年9月10日结束" in page
    assert "经审核" not in page  # the list (here its 正文) is down


def test_numerals_that_are_no_date_leave_the_period_unread(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.record(RECORD.replace("经审核，现将名单予以公示。", "经审核，现将名单予以公示，统一月报，一日一报。"))
    run = gk("validate", cat.root, "--format", "json")
    assert [d for d in run.json()["diagnostics"] if d["code"] == "GK420"] == []


@pytest.mark.parametrize(("item_channels", "own", "warned"), [
    ("[两微一端]", "", True),  # the item's only channel, taken by the record
    ("[两微一端, 政府网站]", "公开渠道: [两微一端]\n", True),
    ("[两微一端, 政府网站]", "公开渠道: [两微一端, 政府网站]\n", False),
    ("[两微一端, 便民服务站]", "公开渠道: [两微一端, 便民服务站]\n", False),  # printed for the station's board
    ("[两微一端, 政府网站]", "", False),
])
def test_a_list_published_on_wechat_alone_is_said_to_be_shown_nowhere(gk: Callable[..., Run], cat: CatalogDir,
                                                                      tmp_path: Path, item_channels: str, own: str,
                                                                      warned: bool) -> None:
    cat.item(ITEM.replace("公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]", f"公开渠道: {item_channels}"))
    cat.record(RECORD.replace("公示截止: 2026-12-31\n", f"公示截止: 2026-12-31\n{own}"))
    found = [d for d in gk("validate", cat.root, "--format", "json").json()["diagnostics"] if d["code"] == "GK421"]
    assert bool(found) == warned
    if warned:
        assert found[0]["message"] == ("名单类信息只在两微一端发布：公众号文章不转载名单，网站和公示栏也没有这条信息，"
                                       "名单在哪里都看不到")
        # … and indeed: the article leaves the list out and names no place that shows it
        article = gk("wechat", cat.root, "--from", "2026-09-01", "--to", "2026-09-30", "-o", tmp_path / "w")
        assert article.code == 0
        text = (tmp_path / "w/R2026-001.html").read_text(encoding="utf-8")
        assert "公示栏" not in text and "政府信息公开栏目" not in text


IMPORT_HEAD = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式",
               "公开层级", "编号"]
ITEM_ROW = ["最低生活保障", "审批信息", "低保对象名单", "《社会救助暂行办法》（国务院令第649号）", "制定或获取信息之日起10个工作日内",
            "县级人民政府民政部门", "政府网站", "全社会", "主动", "县级", None]


@pytest.mark.parametrize("marks", [("（1）", "（2）"), ("(1)", "(2)"), ("①", "②"), ("⑴", "⑵"), ("（１）", "（２）")])
def test_elements_numbered_in_their_own_numbering_go_on_with_their_item(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path, marks: tuple[str, str]) -> None:
    table = workbook(tmp_path / "目录.xlsx", [IMPORT_HEAD, [1, *ITEM_ROW], [marks[0], None, None, "低保金额"],
                                              [marks[1], None, None, "救助事由"]], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--dry-run")
    assert run.code == 0, run.out + run.err
    assert "  公开内容：低保对象名单及相关信息 → 低保对象名单；低保金额；救助事由\n" in run.out
    assert f"社会救助!A3: 第3行的序号「{marks[0]}」是第2行事项的一小项，没有事项名称和编号，只写了公开内容" in run.err
    assert "一级事项为空" not in run.err


def test_an_item_numbered_so_itself_is_no_element_of_the_one_above(gk: Callable[..., Run], cat: CatalogDir,
                                                                    tmp_path: Path) -> None:
    table = workbook(tmp_path / "目录.xlsx", [IMPORT_HEAD, ["（1）", *ITEM_ROW], ["（2）", None, None, "低保金额"]],
                     sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--dry-run")
    assert run.code == 1
    assert "社会救助!B3: 一级事项为空" in run.err
