"""Fortieth-session hostile pass (h192): the inspector of issue 12 — where a record is published (its 公开渠道) and
while it may be (有效性). The real CLI on small catalogs in tmp_path; every expected line, column and message typed by
hand. The item of conftest lists the website and the 公示栏; its record is a 公示 of 2026-09-03 running to 2026-12-31.

Found by this pass (before the fix → now):
1. An item's 公开渠道 copied whole from the official table's cell of boxes (DOMAIN.md §3: 「■政府网站 □政府公报 ■两微一端 …
   ■社区/企事业单位/村公示栏（电子屏） □精准推送 □其他」, in a row or one a line) was a GK103 error: the item unread, its
   records on no channel at all — the 公示 neither on the web nor on the board — and the hint said the full-width
   brackets were typed by mistake (「按 Shift+空格 切换到半角」), which is the standard name's own 「（电子屏）」. Now the
   ticked boxes are its channels (GK107 says so, `gongkai fmt` writes the list); a cell whose ticked box names no
   channel, or with no box ticked, says what to write, and no list error asks for half-width brackets unless
   half-width makes it a list (「［政府网站，两微一端］」).
2. 有效性 as the national 法律法规数据库 and county portals write it (「现行有效」「已废止」「已修订」) was GK104: the document
   unread and gone from every channel; 「部分失效」 was told 「是否想写「失效」？」 (the whole document lapsed), 「施行日期」
   「是否想写「成文日期」？」, 「生效日期」 「有效性日期」. Now the unambiguous words read as the standard one (GK105, fmt),
   the others say what to write.
3. The 解读 of a document that lapsed (the 2025 低保 standard's, 「提高到每人每月880元」) said 「有效性 有效」 on its page, in
   the item's list, the feed, search, the portal and the 公众号, its lapsed document named only at the foot of its page.
   Now a 解读 whose every document is 失效 or 废止 takes that 有效性 from the same day (gate.interpreted): its page says
   「本解读所解读的文件已失效（…），现行文件为《…》」, lists and the feed mark it 【失效】; a 解读 of a document 已修改 keeps
   its own. Incremental builds as --today passes the day equal --no-cache.

Seen and left alone: see the report of h192 (a 撤换公函 for a document already marked 失效 when it was sent is h177's
decision; the handover's 撤换 of a 解读 is not asked).
"""

from __future__ import annotations

import pytest

from conftest import ITEM, RECORD

CHANNELS = "公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]"
ROW = ("■政府网站 □政府公报 □两微一端 □发布会/听证会 □广播电视 □纸质媒体 □公开查阅点 □政务服务中心 □便民服务站 "
       "□入户/现场 ■社区/企事业单位/村公示栏（电子屏） □精准推送 □其他")
TITLE = "测试县民政局关于2026年第三季度低保对象名单的公示"


# 1. The table's cell of boxes, copied whole.
@pytest.mark.parametrize("written", [
    f"公开渠道: {ROW}",
    "公开渠道: |\n  ■政府网站\n  □两微一端\n  ■村公示栏\n",  # one a line, a name as the county writes it
    "公开渠道: ■ 政府网站、□ 两微一端、■ 公示栏",
])
def test_the_tables_cell_of_boxes_reads_as_its_ticked_channels(gk, cat, tmp_path, written):
    cat.item(ITEM.replace(CHANNELS, written))
    checked = gk("validate", cat.root)
    assert checked.code == 0, checked.out
    assert ("是表格里的一整格勾选框：按勾选（■）的读作 [政府网站, 社区/企事业单位/村公示栏（电子屏）]，没有勾选（□）的不算"
            "［SHJZ-001］") in checked.out, checked.out
    assert "改正：写成 [政府网站, 社区/企事业单位/村公示栏（电子屏）]（只写勾选的名称），或运行 gongkai fmt 自动改正。" in checked.out
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert TITLE in (site / "records/R2026-001.html").read_text(encoding="utf-8")
    printed = gk("print", cat.root, "--out", tmp_path / "print", "--from", "2026-09-01")
    assert printed.code == 0, printed.err
    assert TITLE in (tmp_path / "print/shjzg/R2026-001.html").read_text(encoding="utf-8")
    wechat = gk("wechat", cat.root, "--out", tmp_path / "wechat", "--from", "2026-09-01")
    assert not list((tmp_path / "wechat").rglob("R2026-001*")), wechat.out  # 两微一端 not ticked


def test_a_cell_of_boxes_of_levels_reads_the_same(gk, cat):
    cat.item(ITEM.replace("公开层级: [县级, 乡级]", "公开层级: ■县级 □乡级"))
    checked = gk("validate", cat.root)
    assert checked.code == 0, checked.out
    assert ("  15:7 警告 GK107 「■县级 □乡级」是表格里的一整格勾选框：按勾选（■）的读作 [县级]，没有勾选（□）的不算"
            "［SHJZ-001］") in checked.out, checked.out


def test_fmt_writes_the_ticked_boxes_as_the_list(gk, cat):
    path = cat.item(ITEM.replace(CHANNELS, f"公开渠道: {ROW}"))
    run = gk("fmt", path)
    assert run.code == 0, run.err
    assert "公开渠道:\n  - 政府网站\n  - 社区/企事业单位/村公示栏（电子屏）\n公开对象" in path.read_text(encoding="utf-8")
    assert "GK107" not in gk("validate", cat.root).out


@pytest.mark.parametrize("written", ["■政府网站 □政府公报 ■村民微信群 □社区/企事业单位/村公示栏（电子屏）",
                                     "□政府网站 □社区/企事业单位/村公示栏（电子屏）"])
def test_a_cell_of_boxes_it_cannot_read_says_what_to_write_not_half_width(gk, cat, written):
    cat.item(ITEM.replace(CHANNELS, f"公开渠道: {written}"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert (f"  12:7 错误 GK103 「公开渠道」的类型不对：应为列表（每项一行「- 」，或写成 [甲, 乙]），而这里是「{written}」"
            "［SHJZ-001］") in run.out, run.out
    assert ("改正：这是表格里的一整格勾选框：只写勾选（■）的公开渠道，写成 [甲, 乙]，名称用可选的值（政府网站、政府公报、"
            "两微一端、发布会/听证会、广播电视、纸质媒体、公开查阅点、政务服务中心、便民服务站、入户/现场、"
            "社区/企事业单位/村公示栏（电子屏）、精准推送、其他）；没有勾选任何一项的，写上实际的公开渠道。") in run.out, run.out
    assert "Shift+空格" not in run.out


def test_a_list_in_full_width_brackets_still_gets_the_half_width_hint(gk, cat):
    cat.item(ITEM.replace(CHANNELS, "公开渠道: ［政府网站，两微一端］"))
    run = gk("validate", cat.root)
    assert "中的「［，］」是全角字符（中文输入法的全角模式打出来的）：按 Shift+空格 切换到半角" in run.out, run.out


# 2. 有效性 as the national 法律法规数据库 and county portals write it (「现行有效」「已废止」「已修订」) was GK104: the
# document unread and gone from the website, the feed and the account; 「已废止」 was told 「是否想写「废止」？」 and
# 「部分失效」 「是否想写「失效」？」 — which says the whole document lapsed. Now the unambiguous words read as the standard
# one (GK105, fmt writes it); 部分失效, 尚未生效 and 修订 say what to write instead of guessing.
POLICY = (RECORD.replace("文种: 公示", "文种: 规范性文件").replace("公示截止: 2026-12-31\n", "")
          .replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: 测试县最低生活保障实施办法"))
POLICY_ITEM = ITEM.replace("低保对象名单及相关信息", "地方配套政策法规文件")


@pytest.mark.parametrize(("written", "standard", "shown"), [
    ("有效性: 现行有效", "有效", "有效"),
    ("有效性: 已废止\n有效性日期: 2026-10-01", "废止", "本文件已废止"),
    ("有效性: 已修订\n有效性日期: 2026-10-01", "已修改", "本文件已修改"),
])
def test_validity_as_portals_write_it_is_read_and_published(gk, cat, tmp_path, written, standard, shown):
    cat.item(POLICY_ITEM)
    path = cat.record(POLICY + written + "\n")
    word = written.split("\n")[0].removeprefix("有效性: ")
    checked = gk("validate", cat.root)
    assert checked.code == 0, checked.out
    assert f"提示 GK105 「{word}」是有效性的别称，按标准名称「{standard}」处理［R2026-001］" in checked.out, checked.out
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    page = (site / "records/R2026-001.html").read_text(encoding="utf-8")
    assert "测试县最低生活保障实施办法" in page and shown in page
    assert gk("fmt", path).code == 0
    assert f"有效性: {standard}\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("word", "told"), [
    ("部分失效", "文件只有一部分不再执行的，写「已修改」，并写「有效性日期」和修改它的文件（「被替代」）；"
                 "整个文件不再执行的才写「失效」或「废止」。"),
    ("尚未生效", "文件公布后、施行日期前写「有效」：施行日期写在正文中（如「本办法自2027年1月1日起施行」）；不要写成「失效」。"),
    ("修订", "被修订的旧文件写「已修改」，并写「有效性日期」和修订后的新文件（「被替代」）；修订后的新文件写「有效」。"),
])
def test_a_validity_that_is_none_of_the_four_says_what_to_write_not_a_guess(gk, cat, word, told):
    cat.record(POLICY + f"有效性: {word}\n")
    run = gk("validate", cat.root)
    assert run.code == 1
    assert f"  18:6 错误 GK104 「{word}」不是有效的「有效性」［R2026-001］" in run.out, run.out
    assert f"改正：「{word}」不是四种有效性之一，不能替您选：{told}可选的值：有效、失效、废止、已修改。" in run.out, run.out
    assert "是否想写" not in run.out


# 3. Keys of a record that are no field of it were guessed by spelling: 「施行日期」 → 「是否想写「成文日期」？」 (the day it was
# signed: a clerk who followed it made the document later than it was, its handover and 解读 deadlines with it),
# 「生效日期」 → 「有效性日期」 (the day it lapses), 「撤回日期」 → 「撤回」 (without how). Now each says what to write.
@pytest.mark.parametrize(("line", "told"), [
    ("施行日期: 2026-10-01", "改正：文件自哪天起施行，写在正文中（如「本办法自2027年1月1日起施行」），不另登记：「成文日期」是签发的"
                           "日期，「有效性日期」是失效、废止或修改的日期，都不是施行日期。删去这一行。"),
    ("生效日期: 2026-10-01", "改正：文件自哪天起施行，写在正文中（如「本办法自2027年1月1日起施行」），不另登记"),
    ("撤回日期: 2026-10-01", "改正：撤回写成一块：「撤回:」下面换行，缩进两个空格各写一行「日期: YYYY-MM-DD」（撤下的日期）和"
                           "「原因: ……」。"),
    ("失效日期: 2026-10-01", "改正：写成「有效性日期: YYYY-MM-DD」，并写「有效性: 失效」（或 废止、已修改）。"),
])
def test_a_date_key_that_is_no_field_says_where_that_date_goes(gk, cat, line, told):
    cat.record(POLICY + "有效性: 有效\n" + line + "\n")
    run = gk("validate", cat.root)
    assert f"  19:1 错误 GK102 未知字段「{line.split(':')[0]}」［R2026-001］" in run.out, run.out
    assert told in run.out, run.out
    assert "是否想写" not in run.out


# 4. A 解读 lapses with the document it explains.
OLD, NEW = "测试县最低生活保障标准（2025年）", "测试县最低生活保障标准（2026年）"
EXPLAINS = f"《{OLD}》政策解读"


def _document(cat, number: int, title: str, kind: str, extra: str, published: str = "2026-09-03") -> None:
    text = (POLICY.replace("R2026-001", f"R2026-{number:03d}").replace("00001", f"{number:05d}")
            .replace("文号: 测民〔2026〕1号\n", "").replace("测试县最低生活保障实施办法", title)
            .replace("文种: 规范性文件", f"文种: {kind}").replace("公开日期: 2026-09-03", f"公开日期: {published}")
            .replace("经审核，现将名单予以公示。", "自2025年7月1日起，标准提高到每人每月880元。"))
    cat.record(text + extra, f"records/2026/R2026-{number:03d}.yaml")


@pytest.fixture
def explained(cat):
    """R2026-001 (the 2025 standard) 失效 from 2026-10-01, replaced by R2026-002; R2026-003 explains R2026-001."""
    cat.item(POLICY_ITEM)
    _document(cat, 1, OLD, "规范性文件", "有效性: 失效\n有效性日期: 2026-10-01\n被替代: R2026-002\n解读: [R2026-003]\n")
    _document(cat, 2, NEW, "规范性文件", "有效性: 有效\n替代: [R2026-001]\n", published="2026-10-01")
    _document(cat, 3, EXPLAINS, "政策解读", "")
    return cat


def test_the_explanation_of_a_lapsed_document_says_so_on_every_web_output(gk, explained, tmp_path):
    site = tmp_path / "site"
    assert gk("build-site", explained.root, "--out", site).code == 0
    page = (site / "records/R2026-003.html").read_text(encoding="utf-8")
    assert ('<p class="invalid-note" role="note"><strong>本解读所解读的文件已失效</strong>（2026年10月1日），现行文件为'
            f'<a href="../records/R2026-002.html">《{NEW}》</a>。</p>') in page, page
    assert '<th scope="row">有效性</th><td class="invalid">失效</td>' in page
    listed = (site / "items/SHJZ-001.html").read_text(encoding="utf-8")
    assert f'R2026-003.html">{EXPLAINS}</a> <span class="invalid">【失效】' in listed, listed
    assert f"<title>{EXPLAINS}【失效】</title>" in (site / "feed.xml").read_text(encoding="utf-8")


def test_the_explanation_lapses_on_the_day_incrementally_as_from_scratch(gk, explained, tmp_path):
    site, fresh = tmp_path / "site", tmp_path / "fresh"
    assert gk("build-site", explained.root, "--out", site, "--today", "2026-09-30").code == 0
    before = (site / "records/R2026-003.html").read_text(encoding="utf-8")
    assert '<th scope="row">有效性</th><td>有效</td>' in before and "invalid-note" not in before
    assert gk("build-site", explained.root, "--out", site, "--today", "2026-10-01").code == 0
    assert gk("build-site", explained.root, "--out", fresh, "--today", "2026-10-01", "--no-cache").code == 0
    for path in ("records/R2026-003.html", "items/SHJZ-001.html", "feed.xml"):
        assert (site / path).read_bytes() == (fresh / path).read_bytes(), path
    assert "本解读所解读的文件已失效" in (site / "records/R2026-003.html").read_text(encoding="utf-8")


def test_the_explanation_of_an_amended_document_keeps_its_own_validity(gk, explained, tmp_path):
    _document(explained, 1, OLD, "规范性文件", "有效性: 已修改\n有效性日期: 2026-10-01\n被替代: R2026-002\n解读: [R2026-003]\n")
    site = tmp_path / "site"
    assert gk("build-site", explained.root, "--out", site).code == 0
    page = (site / "records/R2026-003.html").read_text(encoding="utf-8")
    assert '<th scope="row">有效性</th><td>有效</td>' in page and "invalid-note" not in page


# 5. 「有效性: 有效」 beside a 废止日期 (or an 有效性日期) was no finding: the site, the portal and the 公众号 showed the
# document 现行有效 on every day while its file said it was repealed on 2026-10-01. Now GK413 says so at the date's line.
@pytest.mark.parametrize("field", ["废止日期", "有效性日期"])
def test_in_force_beside_a_date_of_repeal_is_an_error_at_the_date(gk, cat, field):
    cat.item(POLICY_ITEM)
    cat.record(POLICY + f"有效性: 有效\n{field}: 2026-10-01\n")
    run = gk("validate", cat.root)
    assert run.code == 1
    assert (f"  19:{len(field) + 3} 错误 GK413 写了{field} 2026-10-01，有效性却是「有效」：网站、门户和公众号一直把它当作"
            "现行有效的文件［R2026-001］") in run.out, run.out
    assert ("改正：2026-10-01起废止（失效、修改）的，把「有效性」改为废止（失效、已修改）；仍然有效的，删去"
            f"「{field}」（施行日期写在正文中）。") in run.out
