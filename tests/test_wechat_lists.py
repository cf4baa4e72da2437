"""A 公众号 article of a record that lists people carries no name (DOMAIN.md §12: a list may not be findable by name
through search engines, and WeChat's and other engines index 公众号 articles; a post stays up until the clerk deletes
it). Found by the twenty-third hostile pass (channels): `gongkai wechat` copied the whole list into the article. Now
each table gives way to where the list is posted, and a name given in a sentence is masked as a title's (陈*生)."""

from __future__ import annotations

from conftest import ITEM, RECORD

ON_WECHAT = ITEM.replace("公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]",
                         "公开渠道: [政府网站, 两微一端, 社区/企事业单位/村公示栏（电子屏）]")
LISTED = RECORD.replace("  经审核，现将名单予以公示。\n",
                        "  经审核，陈水生、林玉燕等2户符合低保条件，现将名单予以公示。\n\n"
                        "  | 姓名 | 村 | 保障人数 |\n  |---|---|---|\n  | 陈水生 | 经兜村 | 3 |\n  | 林玉燕 | 湖头村 | 1 |\n\n"
                        "  公示期间如有异议，请与社会救助股联系。\n")
STANDARDS = ON_WECHAT.replace("编号: SHJZ-001", "编号: SHJZ-002").replace("二级事项: 审批信息", "二级事项: 政策文件").replace(
    "  - 低保对象名单及相关信息", "  - 低保标准")
FEES = RECORD.replace("事项: SHJZ-001", "事项: SHJZ-002").replace("编号: R2026-001", "编号: R2026-002").replace(
    "题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: 测试县低保标准调整的通知").replace(
    "文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", "").replace(
    "索引号: 350524-MZ-2026-00001", "索引号: 350524-MZ-2026-00002").replace("测民〔2026〕1号", "测民〔2026〕2号").replace(
    "  经审核，现将名单予以公示。\n", "  | 类别 | 标准 |\n  |---|---|\n  | 城市 | 900元 |\n  | 农村 | 720元 |\n")


def _articles(gk, cat, tmp_path, monkeypatch):
    monkeypatch.setenv("GONGKAI_TODAY", "2026-09-10")
    cat.item(ON_WECHAT)
    cat.record(LISTED)
    cat.item(STANDARDS, "items/SHJZ-002.yaml")
    cat.record(FEES, "records/2026/R2026-002.yaml")
    out = tmp_path / "wechat"
    run = gk("wechat", cat.root, "--from", "2026-09-01", "--to", "2026-09-30", "--out", out)
    assert run.code == 0, run.out + run.err
    return {p.name: p.read_text(encoding="utf-8") for p in out.glob("R*.html")}


def test_a_list_of_people_reaches_the_article_without_a_name(gk, cat, tmp_path, monkeypatch):
    article = _articles(gk, cat, tmp_path, monkeypatch)["R2026-001.html"]
    for name in ("陈水生", "林玉燕"):
        assert name not in article
    assert "<table" not in article and "经兜村" not in article
    assert "经审核，陈*生、林*燕等2户符合低保条件" in article
    assert "名单从略：为防止姓名被搜索引擎收录，公众号文章不转载名单。名单见本机关政府信息公开栏目（" in article
    assert "公示期间如有异议，请与社会救助股联系。" in article  # the rest of the notice is there


def test_a_table_of_a_list_record_that_names_no_one_stays(gk, cat, tmp_path, monkeypatch):
    cat.item(ON_WECHAT)
    cat.record(LISTED.replace("  公示期间如有异议", "  | 受理时间 | 受理窗口 |\n  |---|---|\n  | 工作日上午 | 社会救助股窗口 |\n\n  公示期间如有异议"))
    monkeypatch.setenv("GONGKAI_TODAY", "2026-09-10")
    out = tmp_path / "wechat"
    assert gk("wechat", cat.root, "--from", "2026-09-01", "--to", "2026-09-30", "--out", out).code == 0
    article = (out / "R2026-001.html").read_text(encoding="utf-8")
    assert "陈水生" not in article and "林玉燕" not in article and article.count("名单从略") == 1
    assert article.count("<table") == 1 and "社会救助股窗口" in article


def test_a_table_that_lists_no_one_stays(gk, cat, tmp_path, monkeypatch):
    article = _articles(gk, cat, tmp_path, monkeypatch)["R2026-002.html"]
    assert "<table" in article and "900元" in article and "名单从略" not in article


def test_the_site_still_shows_the_list_on_a_page_no_engine_indexes(gk, cat, tmp_path):
    cat.item(ON_WECHAT)
    cat.record(LISTED)
    run = gk("build-site", cat.root, "--out", tmp_path / "site", "--today", "2026-09-10", "--no-search")
    assert run.code == 0, run.out + run.err
    page = (tmp_path / "site/records/R2026-001.html").read_text(encoding="utf-8")
    assert "<td>陈水生</td>" in page and 'content="noindex, nofollow"' in page
