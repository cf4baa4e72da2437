"""Thirty-fourth hostile pass: publish where and while the law allows — 公示 periods as the text tells them, and the
channels a 公众号 article sends its reader to (issue 12; DOMAIN.md §10–12; README 「只发布可以发布的」).

Every day below is typed by hand from the State Council's 2026 holiday notice (国办发明电〔2025〕7号): November 2026
has no holiday; 2026-11-16 is a Monday, so a 公示期 of 7 working days from it runs 16–20 and 23–24 November (last day
Tue 11-24). A list its 正文 tells the public runs 16–20 November comes down on Sat 11-21: on Mon 11-23 no output may
carry a name of it.

Found by this pass:
1. A 公示 whose 正文 tells the public its period in the words many notices use — 「公示起止时间：2026年11月16日至
   2026年11月20日」, 「公示时限：…」, 「自2026年11月16日至11月20日在湖三村村务公开栏进行公示」, 「在2026年11月16日至20日
   公示期间」, 「现将名单予以公示，时间从…至…」, or its last day alone, 「公示截止时间为2026年11月20日」 — was not read
   (only 「公示期」「公示时间」「公示期限」「公示日期」 followed by the days were): the names stayed on the web, the board
   and the 公众号 to the 11-24 its 公示期 gave, past the day the public was told, and validate said nothing (GK420).
   These forms are read now: the list comes down after the earlier day (11-20), every output follows (site pages and
   search, print's 「请撤下」), and GK420 names the words. A range that is not the 公示's days (「11月1日至15日受理申请，
   现予公示」) or an earlier 公示's (「对2026年10月1日至10月31日公示的名单更正如下」) is not read.
2. (gongkai wechat) The article of a list told the reader 「名单见…和公示栏张贴、发布的公示」 whatever the record's
   channels: a list published on the web and the 公众号 only (or the 公众号 alone) sent a citizen to a village board that
   never carried it. The article now names the record's page when it is on the web and each place among its channels
   that carries the list (公示栏, 公开查阅点, 便民服务站, 政务服务中心), and no place when there is none.
3. An item's 公开时限 promising its 公示 as 「进行为期7天的公示」, 「公示期一般为7天」, 「公示期间为7个工作日」 or 「公示期为
   不少于7个工作日」 set no minimum (the first said nothing, the others only GK401), so a 公示 of three days passed
   validate; these are read now (GK412 asks for 公示截止 2026-11-22, the 7th day counting 11-16 as the first). 「公示半个
   月」 set none and said nothing: like 「一个月」, half a month is no count of days, and GK401 now says it cannot be read.
4. A 通知 (of an item whose content is no list) naming the people it gives relief to in a sentence the way a county
   writes it — 「经审核，同意向何金水、蔡阿妹、许阿森3户发放临时救助金」, 「对曾水生、彭秀英、叶阿土3户给予临时救助」 — was
   no list of people: it stayed on the web for good, its names in the site search, the sitemap and the portal's 概述
   (「同意陈水生、林阿妹、王建国3户纳入低保」 was read already). 「向」 now leads into a list as 「同意」「对」 do, and
   发放, 给予, 予以, 发给, 拨付 are what is done for them: the record is a list without a period (GK611), never indexed,
   and its names leave every output after its 公开日期.
5. A 公示 registered for the web after the period its 正文 tells the public had ended (the board's 「公示期：2026年11月16日
   至2026年11月20日」, 公开日期 Mon 11-23) was on the web and printed for the board on 11-23, its names with it, though
   GK420 said 「名单在 2026-11-20 之后撤下」: only a 公示截止 before the 公开日期 (GK419) kept a list from ever being
   shown. A told period over before the 公开日期 does so too now: the page says only that the 公示 has ended, and
   `gongkai deadline explain` says the list is on no channel (it said 「2026-11-24 起名单从各渠道撤下」, for both).
6. A record's 公示期 written in Chinese numerals as the 公开时限 beside it writes them — 「公示期: 七」, 「七个工作日」, 「十五」
   — was a type error (GK103 「应为整数」): the file was not read and the 公示 reached no channel at all, not the web, not
   the board. These are read as 7 and 15 working days now (a 公示期 of 「七个工作日」 from Mon 11-16 ends Tue 11-24);
   「一周」, 「半个月」 get the message a period in other units gets (「按工作日计，「一周」不是工作日数」, write 公示截止).
7. (gongkai export portal) The day after a 公示 ended, the 更新 told the webmaster to delete its attachments by their
   名称 as written — 「删除门户上它的附件：陈金水、林阿妹申请材料（R2026-051.pdf）」 — in portal.xlsx and on the terminal
   (a CI job's log): the names left the web and stayed in the export. The 公众号 article masked only the names the
   record gives elsewhere (林阿妹, named only in the 名称, stayed whole). Both now mask every name the record gives and
   each the 名称 gives as a title does: 「陈*水、林*妹申请材料（R2026-051.pdf）」.
8. (gongkai export portal) The notice to delete a 公示's attachments from the portal once it ended named only those
   the record has now: a list exported during the 公示 and then replaced (a corrected list under another name) or
   taken off the record (moved into the text) was never named — the export after the end said only 「请把门户上的正文
   换成…」, and the list with its names stayed on the portal for good. Every ended 更新 now says to delete all of the
   record's attachments on the portal: 「并删除门户上它的全部附件，包括：…」, or 「…全部附件（如有）」 when it has none now.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path

import openpyxl
import pytest

from conftest import AGENCY, ITEM, RECORD, text_pdf
from gongkai.cli import main
from test_hostile22_periods import _text

BASE = "https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/"
BOARD = "社区/企事业单位/村公示栏（电子屏）"

# An item whose content is a list of people and which sets no minimum period: a 公示 of five days is no error here.
AID_ITEM = (ITEM.replace("编号: SHJZ-001", "编号: SHJZ-002").replace("一级事项: 最低生活保障", "一级事项: 临时救助")
            .replace("二级事项: 审批信息", "二级事项: 审核审批信息").replace("  - 低保对象名单及相关信息", "  - 临时救助对象名单")
            .replace(f"公开渠道: [政府网站, {BOARD}]", f"公开渠道: [政府网站, 两微一端, {BOARD}, 公开查阅点]"))


def _record(number: int, name: str, body: str, channels: str | None = None) -> str:
    text = (RECORD.replace("R2026-001", f"R2026-{number:03d}").replace("00001", f"{number:05d}")
            .replace("〔2026〕1号", f"〔2026〕{number}号").replace("关于2026年第三季度低保对象名单的公示", f"{number}号临时救助对象公示")
            .replace("事项: SHJZ-001", "事项: SHJZ-002").replace("成文日期: 2026-09-01", "成文日期: 2026-11-13")
            .replace("审查日期: 2026-09-01", "审查日期: 2026-11-13").replace("公开日期: 2026-09-03", "公开日期: 2026-11-16")
            .replace("公示截止: 2026-12-31\n", "公示期: 7\n" + (f"公开渠道: [{channels}]\n" if channels else ""))
            .replace("  经审核，现将名单予以公示。\n", ""))
    table = f"| 姓名 | 所在村（社区） | 救助金额 |\n|---|---|---|\n| {name} | 湖头镇湖三村 | 2000元 |\n"
    return text + "".join(f"  {line}\n" for line in f"{body}\n\n{table}".splitlines())


# (编号, the name its list holds, how its 正文 tells the period): each says 16–20 November (the last alone for 15).
TOLD = [
    (11, "陈金水", "经审核，现将名单予以公示。公示起止时间：2026年11月16日至2026年11月20日。"),
    (12, "林阿妹", "经审核，现将名单予以公示。公示时限：11月16日至11月20日。"),
    (13, "苏阿森", "自2026年11月16日至11月20日在湖头镇湖三村村务公开栏进行公示。"),
    (14, "黄细妹", "在2026年11月16日至20日公示期间，如有异议，请向湖头镇民政办反映。"),
    (15, "郑水生", "经审核，现将名单予以公示，公示截止时间为2026年11月20日。"),
    (16, "王秀英", "现将名单予以公示，时间从2026年11月16日至11月20日。"),
]
# 5. Registered for the web on 11-23, after the board's 公示 the 正文 tells of had ended: never shown.
LATE = (20, "邓阿福", "经审核，现将名单予以公示。公示期：2026年11月16日至2026年11月20日。")
# A range that is not the 公示's days: the list stays to the 11-24 its 公示期 gives.
NOT_TOLD = (17, "吴阿土", "2026年11月1日至11月15日受理申请，经审核，现予公示。")
# … nor the days of an earlier 公示 a correction refers to.
EARLIER = (22, "卢阿金", "经复核，对2026年10月1日至10月31日公示的名单更正如下。")
GONE = [name for _, name, _ in TOLD] + ["邓阿福"]
# 4. 通知 of an item that lists no one, naming the people given relief in a sentence (published 11-16, no period).
POLICY_ITEM = (AID_ITEM.replace("编号: SHJZ-002", "编号: SHJZ-003").replace("二级事项: 审核审批信息", "二级事项: 政策法规文件")
               .replace("  - 临时救助对象名单", "  - 临时救助政策文件"))
IN_PROSE = [
    (18, ["何金水", "蔡阿妹", "许阿森"], "经审核，同意向何金水、蔡阿妹、许阿森3户发放临时救助金，每户2000元。"),
    (19, ["曾水生", "彭秀英", "叶阿土"], "经研究，对曾水生、彭秀英、叶阿土3户给予临时救助。"),
]


def _notice_of_relief(number: int, body: str) -> str:
    text = (RECORD.replace("R2026-001", f"R2026-{number:03d}").replace("00001", f"{number:05d}")
            .replace("〔2026〕1号", f"〔2026〕{number}号").replace("关于2026年第三季度低保对象名单的公示", f"关于发放{number}号临时救助金的通知")
            .replace("文种: 公示", "文种: 通知").replace("事项: SHJZ-001", "事项: SHJZ-003")
            .replace("成文日期: 2026-09-01", "成文日期: 2026-11-13").replace("审查日期: 2026-09-01", "审查日期: 2026-11-13")
            .replace("公开日期: 2026-09-03", "公开日期: 2026-11-16").replace("公示截止: 2026-12-31\n", ""))
    return text.replace("  经审核，现将名单予以公示。\n", f"  {body}\n")


def _catalog(root: Path, records: bool = True) -> None:
    """The agency and its three items, and (with *records*) every record above; without, an empty records/2026/."""
    files = {"gongkai.yaml": AGENCY, "items/shjz/SHJZ-001.yaml": ITEM, "items/shjz/SHJZ-002.yaml": AID_ITEM,
             "items/shjz/SHJZ-003.yaml": POLICY_ITEM}
    (root / "records/2026").mkdir(parents=True, exist_ok=True)
    if records:
        files.update(_records())
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _records() -> dict[str, str]:
    """Each record above by its path: periods told, not told and earlier, relief named in prose, the late one."""
    files: dict[str, str] = {}
    for number, name, body in [*TOLD, NOT_TOLD, EARLIER]:
        files[f"records/2026/R2026-{number:03d}.yaml"] = _record(number, name, body)
    for number, _, body in IN_PROSE:
        files[f"records/2026/R2026-{number:03d}.yaml"] = _notice_of_relief(number, body)
    number, name, body = LATE
    files[f"records/2026/R2026-{number:03d}.yaml"] = _record(number, name, body).replace("公开日期: 2026-11-16",
                                                                                         "公开日期: 2026-11-23")
    return files


def _run(*args: str | Path, today: str) -> tuple[int, str]:
    """The real CLI on *today* (GONGKAI_TODAY, as a scheduled job sets it: print and wechat have no --today)."""
    said = io.StringIO()
    before = os.environ.get("GONGKAI_TODAY")
    os.environ["GONGKAI_TODAY"] = today
    try:
        with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
            code = main([str(a) for a in args])
    finally:
        if before is None:
            del os.environ["GONGKAI_TODAY"]
        else:
            os.environ["GONGKAI_TODAY"] = before
    return code, said.getvalue()


@pytest.fixture(scope="module")
def told(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The catalog, validated, built and printed on Mon 2026-11-23 (once for the module)."""
    top = tmp_path_factory.mktemp("told")
    root = top / "catalog"
    _catalog(root)
    found: dict[str, object] = {"root": root, "site": top / "site", "print": top / "print"}
    found["validate"] = _run("validate", root, "--format", "json", today="2026-11-23")
    found["build"] = _run("build-site", root, "--out", top / "site", today="2026-11-23")
    found["printed"] = _run("print", root, "--from", "2026-11-01", "--out", top / "print", today="2026-11-23")
    return found


def test_a_period_told_in_other_words_ends_the_list_on_every_file_of_the_site(told):
    code, said = told["build"]
    assert code == 0, said
    site = told["site"]
    assert isinstance(site, Path)
    every = {p.relative_to(site).as_posix(): _text(p.read_bytes()) for p in site.rglob("*") if p.is_file()}
    assert any(p.startswith("search/") and p.endswith(".gz") for p in every)  # the shards were read too
    for name in GONE:
        assert [p for p, text in every.items() if name in text] == [], name
    for number, _, _ in TOLD:
        page = every[f"records/R2026-{number:03d}.html"]
        assert "公示已于2026年11月20日结束" in page, number
    # 5. the page of a 公示 over before its 公开日期 never shows it (nor says it ended before it was published)
    assert "公示已于2026年11月23日结束" in every["records/R2026-020.html"]
    # the range that is no 公示 period: the list stays to 11-24
    assert "吴阿土" in every["records/R2026-017.html"] and "卢阿金" in every["records/R2026-022.html"]
    # 4. the names a 通知 gives in a sentence left with the day after its 公开日期; its page says so
    for number, names, _ in IN_PROSE:
        assert [p for p, text in every.items() if any(name in text for name in names)] == [], number
        assert "公示已于2026年11月16日结束" in every[f"records/R2026-{number:03d}.html"], number


def test_validate_names_the_words_that_told_the_public_another_period(told):
    code, out = told["validate"]
    report = json.loads(out)
    told_otherwise = {d["path"]: d["message"] for d in report["diagnostics"] if d["code"] == "GK420"}
    assert sorted(told_otherwise) == [f"records/2026/R2026-{n:03d}.yaml" for n, _, _ in [*TOLD, LATE]]
    assert ("正文写的是「公示起止时间：2026年11月16日至2026年11月20日」（到 2026-11-20），按公示期7个工作日算到 2026-11-24："
            "两者不一致，名单在 2026-11-20 之后撤下") == told_otherwise["records/2026/R2026-011.yaml"]
    assert "「公示截止时间为2026年11月20日」（到 2026-11-20）" in told_otherwise["records/2026/R2026-015.yaml"]
    assert "「2026年11月16日至11月20日在湖头镇湖三村村务公开栏进行公示」" in told_otherwise["records/2026/R2026-013.yaml"]
    # 4. each 通知 naming people in a sentence is a list without a period
    without = sorted(d["path"] for d in report["diagnostics"] if d["code"] == "GK611")
    assert without == ["records/2026/R2026-018.yaml", "records/2026/R2026-019.yaml"]


def test_explain_says_a_notice_over_before_its_publication_is_shown_nowhere(told):
    code, said = _run("deadline", "explain", "R2026-020", "-C", told["root"], today="2026-11-23")
    assert code == 0, said
    assert ("  公示期：「公示截止」或正文写的公示期在公开日期 2026-11-23 之前已结束（GK419、GK420），名单不在任何渠道公开。"
            in said.splitlines()), said
    assert "撤下" not in said


def test_print_lists_each_for_taking_down_from_the_day_after_the_told_end(told):
    code, said = told["printed"]
    assert code == 0, said
    for number, _, _ in TOLD:
        assert (f"请从社会救助股的公示栏、查阅点和电子屏撤下：测试县民政局{number}号临时救助对象公示（2026-11-21 起，"
                f"公示已于2026年11月20日结束）") in said, number
    folder = told["print"]
    assert isinstance(folder, Path)
    sheets = "".join(p.read_text(encoding="utf-8") for p in folder.rglob("*.html"))
    assert "吴阿土" in sheets and not any(name in sheets for name in GONE)
    assert not (folder / "shjzg/R2026-020.html").exists()  # 5. nothing to post on 11-23 of a 公示 over on 11-20


# 2. Where the 公众号 article sends a reader for the list: only where the record is published.
@pytest.mark.parametrize(("channels", "note"), [
    (f"政府网站, 两微一端, {BOARD}",
     f"名单见本机关政府信息公开栏目（{BASE}records/R2026-021.html，该页面不被搜索引擎收录）和公示栏张贴、发布的公示。）"),
    ("政府网站, 两微一端",
     f"名单见本机关政府信息公开栏目（{BASE}records/R2026-021.html，该页面不被搜索引擎收录）张贴、发布的公示。）"),
    ("两微一端, 公开查阅点", "名单见公开查阅点张贴、发布的公示。）"),
    ("两微一端", "公众号文章不转载名单。）"),
])
def test_the_article_sends_the_reader_only_where_the_list_is(tmp_path, channels, note):
    root = tmp_path / "catalog"
    _catalog(root, records=False)
    record = _record(21, "陈金水", "经审核，现将名单予以公示。", channels)
    (root / "records/2026/R2026-021.yaml").write_text(record, encoding="utf-8")
    code, said = _run("wechat", root, "--from", "2026-11-01", "--out", tmp_path / "wx", today="2026-11-18")
    assert code == 0, said
    article = (tmp_path / "wx/R2026-021.html").read_text(encoding="utf-8")
    assert "陈金水" not in article and note in article
    assert ("公示栏" in article) == (BOARD in channels)


# 3. The 公示 period an item's 公开时限 promises, in the words directories use.
@pytest.mark.parametrize(("deadline", "code", "message"), [
    ("制定或获取信息之日起10个工作日内，进行为期7天的公示", "GK412", "公示期只有3天，少于规定的7天"),
    ("制定或获取信息之日起10个工作日内，公示期一般为7天", "GK412", "公示期只有3天，少于规定的7天"),
    ("制定或获取信息之日起10个工作日内，公示期间为7个工作日", "GK412", "公示期只有3个工作日，少于规定的7个工作日"),
    ("制定或获取信息之日起10个工作日内，公示半个月", "GK401",
     "无法识别公开时限「制定或获取信息之日起10个工作日内，公示半个月」中的公示期"),
])
def test_a_promised_period_in_other_words_is_read_or_told(tmp_path, deadline, code, message):
    root = tmp_path / "catalog"
    _catalog(root, records=False)
    item = root / "items/shjz/SHJZ-002.yaml"
    item.write_text(AID_ITEM.replace("公开时限: 制定或获取信息之日起10个工作日内", f"公开时限: {deadline}"), encoding="utf-8")
    record = _record(31, "陈金水", "经审核，现将名单予以公示。").replace("公示期: 7", "公示期: 3")
    (root / "records/2026/R2026-031.yaml").write_text(record, encoding="utf-8")
    run, out = _run("validate", root, "--format", "json", today="2026-11-18")
    found = [d for d in json.loads(out)["diagnostics"] if d["code"] in ("GK401", "GK412")]
    assert [d["code"] for d in found] == [code]
    assert found[0]["message"].startswith(message), found[0]["message"]
    if code == "GK412" and "天" in message.split("，")[0]:
        assert found[0]["hint"] == "改为「公示截止: 2026-11-22」（公开日期当天算第1天）。"


# 6. 公示期 in Chinese numerals.
@pytest.mark.parametrize(("written", "found"), [
    ("七", "按公示期7个工作日算到 2026-11-24"),
    ("七个工作日", "按公示期7个工作日算到 2026-11-24"),
    ("十五", "按公示期15个工作日算到 2026-12-04"),  # 16–20, 23–27, 30 Nov–4 Dec
    ("一周", "「公示期」按工作日计，「一周」不是工作日数"),
    ("半个月", "「公示期」按工作日计，「半个月」不是工作日数"),
])
def test_a_period_in_chinese_numerals_is_read(tmp_path, written, found):
    root = tmp_path / "catalog"
    _catalog(root, records=False)
    record = _record(41, "陈金水", "公示期：2026年11月16日至11月23日。").replace("公示期: 7", f"公示期: {written}")
    (root / "records/2026/R2026-041.yaml").write_text(record, encoding="utf-8")
    run, out = _run("validate", root, "--format", "json", today="2026-11-18")
    said = [d["message"] for d in json.loads(out)["diagnostics"] if d["code"] in ("GK103", "GK420")]
    assert len(said) == 1 and found in said[0], said


# 7. An attachment named after the people it lists, exported during the 公示 (11-18) and the day after it (11-25).
def test_the_names_an_attachment_is_named_after_leave_with_the_list(tmp_path):
    root = tmp_path / "catalog"
    _catalog(root, records=False)
    record = _record(51, "陈金水", "经审核，现将名单予以公示。", "政府网站, 两微一端").replace(
        "页数: 1\n", "页数: 1\n附件:\n  - 文件: files/2026/R2026-051.pdf\n    名称: 陈金水、林阿妹申请材料\n")
    (root / "records/2026/R2026-051.yaml").write_text(record, encoding="utf-8")
    (root / "files/2026").mkdir(parents=True)
    (root / "files/2026/R2026-051.pdf").write_bytes(text_pdf("申请材料"))
    code, said = _run("wechat", root, "--from", "2026-11-01", "--out", tmp_path / "wx", today="2026-11-18")
    assert code == 0, said
    article = (tmp_path / "wx/R2026-051.html").read_text(encoding="utf-8")
    assert "附件：陈*水、林*妹申请材料（含名单，请不要添加到公众号文章中）" in article and "林阿妹" not in article
    code, said = _run("export", "portal", root, "--out", tmp_path / "during", today="2026-11-18")
    assert code == 0, said
    code, said = _run("export", "portal", root, "--out", tmp_path / "after", today="2026-11-25")
    assert code == 0, said
    assert "并删除门户上它的全部附件，包括：陈*水、林*妹申请材料（R2026-051.pdf）" in said
    assert "陈金水" not in said and "林阿妹" not in said
    after = {p.name: _text(p.read_bytes()) for p in (tmp_path / "after").rglob("*") if p.is_file()}
    sheet = openpyxl.load_workbook(tmp_path / "after/portal.xlsx").worksheets[0]
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "公示已结束，请删除门户上它的全部附件，包括：陈*水、林*妹申请材料（R2026-051.pdf）" in cells
    assert [n for n, text in after.items() if "陈金水" in text or "林阿妹" in text] == []


# 8. A list exported during the 公示 (11-18), then taken off the record (the list is in the text): after the end (11-25)
# the portal is told to delete every attachment it holds of the record.
def test_a_list_taken_off_during_the_notice_is_deleted_from_the_portal_after_it(tmp_path):
    root = tmp_path / "catalog"
    _catalog(root, records=False)
    record = _record(52, "陈金水", "经审核，现将名单予以公示。")
    attached = record.replace("页数: 1\n", "页数: 1\n附件:\n  - 文件: files/2026/R2026-052.pdf\n    名称: 低保名单\n")
    path = root / "records/2026/R2026-052.yaml"
    path.write_text(attached, encoding="utf-8")
    (root / "files/2026").mkdir(parents=True)
    (root / "files/2026/R2026-052.pdf").write_bytes(text_pdf("名单"))
    code, said = _run("export", "portal", root, "--out", tmp_path / "during", today="2026-11-18")
    assert code == 0 and "files/R2026-052/R2026-052.pdf" in (tmp_path / "during/portal.json").read_text(encoding="utf-8")
    path.write_text(record, encoding="utf-8")  # the attachment taken off the record on 11-19
    code, said = _run("export", "portal", root, "--out", tmp_path / "after", today="2026-11-25")
    assert code == 0, said
    assert "公示已结束：请把门户上的正文换成「公示已于2026年11月24日结束」，并删除门户上它的全部附件（如有）" in said
    sheet = openpyxl.load_workbook(tmp_path / "after/portal.xlsx").worksheets[0]
    assert "公示已结束，请删除门户上它的全部附件（如有）" in [c for row in sheet.iter_rows(values_only=True) for c in row]
