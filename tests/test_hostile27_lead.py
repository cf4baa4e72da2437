"""Hostile pass 27 (lead): odd input that ended in 「内部错误」 (exit 3) or a dropped request.

1. A 公开时限 whose number of days is a Chinese numeral written wrong — 「二十二十个工作日」「十十个工作日」「九九个工作日」
   — stopped validate and inspect with 「内部错误」 (exit 3, a KeyError in the reader of 公开时限): now GK401 at the
   item's 公开时限 (line 10, column 7), a warning, and the other checks run.
2. The same for a 公示 period inside it (「……20个工作日内，公示七七天」): it was an internal error too, and read wrong it
   would have been ignored without a word; now GK401 says the 公示 period is not read and how to write it.
3. A 成文日期 in Chinese numerals with a month or day written wrong (二〇二六年十十月三日) was an internal error; now
   GK106 says the date is not in YYYY-MM-DD, as for any other text (a right one, 二〇二六年十二月三十一日, is still told
   as 2026-12-31).
4. `gongkai serve` answered an address holding a NUL (/%00, /index.html%00.txt) with nothing (the connection dropped)
   and printed 「请求没有完成（ValueError）」: now 404 with the Chinese not-found page, nothing printed.
5. A 机关名称 of more than 255 characters stopped build-site (and the handover letter) with 「内部错误」: Word's core
   properties hold 255 characters; the 申请表's author is now cut there with an ellipsis.

Expected numbers are typed by hand: how a number of days is read aloud (二十 is 20, 十五 is 15, 两 is 2, 九十九 is 99).
"""

from __future__ import annotations

import pytest

from conftest import ITEM, RECORD

from gongkai.days import chinese_number
from gongkai.model.deadline import notice_period, parse_deadline

READ = {"一": 1, "两": 2, "九": 9, "十": 10, "十五": 15, "二十": 20, "二十五": 25, "三十一": 31, "九十九": 99}
UNREAD = ["十十", "九九", "二十二十", "一百", "十二十", "十零", "二十十", ""]


@pytest.mark.parametrize("text", sorted(READ))
def test_a_chinese_number_of_days(text: str) -> None:
    assert chinese_number(text) == READ[text]


@pytest.mark.parametrize("text", UNREAD)
def test_a_numeral_no_one_writes_is_no_number(text: str) -> None:
    assert chinese_number(text) is None


@pytest.mark.parametrize("limit, days, workdays", [
    ("自信息形成之日起二十个工作日内", 20, True), ("自信息形成之日起十五日内", 15, False),
    ("自信息形成之日起两个工作日内", 2, True), ("自信息形成之日起20个工作日内", 20, True)])
def test_a_deadline_in_chinese_numerals(limit: str, days: int, workdays: bool) -> None:
    deadline = parse_deadline(limit)
    assert deadline is not None and (deadline.days, deadline.workdays) == (days, workdays)


@pytest.mark.parametrize("limit", ["自信息形成之日起二十二十个工作日内", "自信息形成之日起十十个工作日内",
                                   "自信息形成之日起九九个工作日内"])
def test_a_deadline_in_numerals_no_one_writes_is_not_understood(limit: str) -> None:
    assert parse_deadline(limit) is None


def test_a_notice_period_in_numerals() -> None:
    assert notice_period("自信息形成之日起20个工作日内，公示七天") == (7, False)
    assert notice_period("公示期为十个工作日") == (10, True)
    assert notice_period("自信息形成之日起20个工作日内，公示七七天") is None


def _item(limit: str) -> str:
    return ITEM.replace("公开时限: 制定或获取信息之日起10个工作日内", f"公开时限: {limit}")


@pytest.mark.parametrize("limit", ["自信息形成之日起二十二十个工作日内", "自信息形成之日起十十个工作日内"])
def test_validate_warns_of_a_deadline_it_cannot_read(gk, cat, limit: str) -> None:
    cat.item(_item(limit))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 0, run.out + run.err
    assert "items/shjz/SHJZ-001.yaml" in run.out and "10:7 警告 GK401" in run.out
    assert f"无法识别公开时限「{limit}」" in run.out and "内部错误" not in run.out + run.err


def test_validate_warns_of_a_notice_period_it_cannot_read(gk, cat) -> None:
    cat.item(_item("自信息形成之日起20个工作日内，公示七七天"))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 0, run.out + run.err
    assert "10:7 警告 GK401" in run.out and "中的公示期" in run.out and "公示7个工作日" in run.out


def test_a_right_notice_period_is_no_warning(gk, cat) -> None:
    cat.item(_item("自信息形成之日起20个工作日内，公示七天"))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 0 and "GK401" not in run.out


def test_inspect_runs_with_a_deadline_it_cannot_read(gk, cat) -> None:
    cat.item(_item("自信息形成之日起二十二十个工作日内，公示七七天"))
    run = gk("inspect", cat.root, "--today", "2026-11-27")
    assert run.code in (0, 1) and "内部错误" not in run.out + run.err


def test_a_date_in_numerals_no_one_writes_is_a_date_error(gk, cat) -> None:
    cat.record(RECORD.replace("成文日期: 2026-09-01", "成文日期: 二〇二六年十十月三日"))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 1 and "内部错误" not in run.out + run.err
    assert "13:7 错误 GK106" in run.out and "「二〇二六年十十月三日」" in run.out


def test_a_right_date_in_numerals_is_told_as_its_day(gk, cat) -> None:
    cat.record(RECORD.replace("成文日期: 2026-09-01", "成文日期: 二〇二六年八月三十一日"))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 1 and "即 2026-08-31" in run.out


@pytest.mark.parametrize("address", ["/%00", "/index.html%00.txt", "/records/%00/x.html"])
def test_the_preview_answers_an_address_with_a_nul_with_not_found(tmp_path, capsys, address: str) -> None:
    """Was no answer at all (the file system's ValueError for an embedded NUL) and 「请求没有完成（ValueError）」 on the
    terminal of `gongkai serve`."""
    import functools
    import http.client
    import threading

    from gongkai.cli.site import PreviewServer, QuietHandler

    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    server = PreviewServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(tmp_path)))
    server.daemon_threads = False
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        client = http.client.HTTPConnection(*server.server_address, timeout=10)
        client.request("GET", address)
        answer = client.getresponse()
        assert answer.status == 404 and "找不到网页" in answer.read().decode("utf-8")
        client.close()
    finally:
        server.shutdown()
        server.server_close()
    assert capsys.readouterr().err == ""


def test_a_name_longer_than_a_word_property_holds_builds_the_site(gk, cat, tmp_path) -> None:
    """Was 「内部错误 … ValueError（docx_bytes）」 from build-site for a 机关名称 of more than 255 characters: Word's core
    properties hold 255 at most and python-docx refused the 申请表's author. Now cut there with an ellipsis."""
    import zipfile

    from conftest import AGENCY

    name = "测试县民政局" + "甲" * 300
    cat.write("gongkai.yaml", AGENCY.replace("名称: 测试县民政局", f"名称: {name}", 1))
    run = gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search", "--today", "2026-11-27")
    assert run.code in (0, 1) and "内部错误" not in run.out + run.err, run.out + run.err
    with zipfile.ZipFile(tmp_path / "site" / "zhinan" / "shenqingbiao.docx") as form:
        core = form.read("docProps/core.xml").decode("utf-8")
    assert f"<dc:creator>{name[:254]}…</dc:creator>" in core
