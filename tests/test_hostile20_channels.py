"""Twentieth hostile pass over the channels outside the website (issue 12): the 公示栏 sheets and 电子屏 of gongkai print,
the 公众号 articles of gongkai wechat and the county portal's feed of gongkai export portal, as a village clerk, a
公众号 editor and the county webmaster use them. Each test runs the real CLI on a small catalog in tmp_path; the days
are typed by hand from the 2026 holiday notice (国办发明电〔2025〕7号: 国庆 10月1日至7日放假，9月20日（周日）、10月10日
（周六）上班).
"""

from __future__ import annotations

import pytest

from conftest import ITEM, RECORD

EVERYWHERE = ITEM.replace("公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]",
                          "公开渠道: [政府网站, 两微一端, 社区/企事业单位/村公示栏（电子屏）]")
TITLE = "测试县民政局关于2026年第三季度低保对象名单的公示"
SAID = {"print": "请从社会救助股的公示栏、查阅点和电子屏撤下：", "wechat": "请在公众号中删除："}


def _posted_in_september(gk, cat, out, command):
    """The clerk's September run (the 公示 of 2026-09-03 is made for its channel) into *out*."""
    cat.item(EVERYWHERE)
    run = gk(command, cat.root, "--from", "2026-09-01", "--to", "2026-09-30", "--out", out)
    assert run.code == 0 and TITLE in run.out, run.out + run.err


# 1. A record posted, then withdrawn on a day before the next run's days. Found by this pass: the next run into the
# same folder (November, today 2026-11-27) told the clerk to take it down「2026-11-27 起，已不在这一渠道公开（公开渠道、
# 公开属性或公开审核已改变……）」: the wrong day (the rule takes a withdrawn record down on its 撤回日期, here the 调休
# Saturday 2026-10-10, seven weeks earlier) and the wrong reason (nothing about channels changed: it was withdrawn, and
# the clerk must know why). Now the day and reason are the withdrawal's, whatever the run's --from.
WITHDRAWN = RECORD + "撤回:\n  日期: 2026-10-10\n  原因: 误将过程性信息作为主动公开信息发布\n"


@pytest.mark.parametrize("command", ["print", "wechat"])
def test_a_posted_record_withdrawn_before_the_runs_days_comes_down_from_its_withdrawal_day(gk, cat, tmp_path, command):
    out = tmp_path / "out"
    _posted_in_september(gk, cat, out, command)
    cat.record(WITHDRAWN)
    run = gk(command, cat.root, "--from", "2026-11-01", "--to", "2026-11-30", "--out", out)
    assert run.code == 0, run.err
    said = [line for line in run.out.splitlines() if line.startswith(SAID[command])]
    assert said == [f"{SAID[command]}{TITLE}（2026-10-10 起，撤回：误将过程性信息作为主动公开信息发布）"], run.out
