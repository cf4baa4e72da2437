"""Twenty-eighth hostile pass: 依申请公开 — the citizen who asks, and the clock the law runs (《政府信息公开条例》第三十条、
第三十二条、第三十三条; README 「依申请公开登记」; DOMAIN.md §4, §8).

Every date is typed by hand from the State Council's 2026 holiday notice: 春节 2月15日至23日放假、2月14日（周六）和
28日（周六）上班; 清明 4月4日至6日放假; 劳动节 5月1日至5日放假、5月9日（周六）上班; 国庆 10月1日至7日放假、10月10日
（周六）上班. The day a request (or its 补正) arrives is not counted; day 1 is the next working day (README).

Found by this pass:
1. A consultation of a third party begun after the 20 working days had run out still moved the deadline: received
   2026-03-02 (due 03-30), consulted 03-31 to 04-17, answered 04-17 — GK703 was silent and `deadline explain` said
   「在期限 2026-04-17 内」; with no 「结束」 yet, the clock was said to be stopped and GK701 never fired. 第三十三条第三款
   takes the consultation's time out of a running period only: the deadline now stays 2026-03-30, the reply is
   逾期答复 (GK703), an unanswered one is overdue (GK701, 14 working days on 04-20), and explain says why.
2. A consultation while the 补正 was awaited (the clock not running) was taken out of the period again: received
   03-02, 补正 received 03-20, consulted 03-04 to 03-10 — due 04-27 instead of 2026-04-20. The same for a consultation
   begun on the day of receipt, which is not in the period (one working day more than the law gives): consulted
   03-02 to 03-06 now takes out 4 working days, not 5 (tests/test_deadline_requests.py's hand count changed with it).
3. `deadline explain` of a request answered before it was received (答复日期 2026-02-27, 收到日期 2026-03-02) said
   「2026-02-27 答复，在期限 2026-03-30 内」; of a record published before it was formed, 「在期限内」 too. It now says
   the date is before the 收到日期 (成文日期) and names GK707 (GK404).
4. `gongkai diff` and `gongkai log` (pull-request comments, CI logs) printed a register's 理由 or 办理结果 as written —
   「理由：新填「涉及陈金水个人隐私」」 — where validate shows 「……」 since the twenty-fifth pass. A register's value
   that is not a word of the register (不予公开, 属于四类过程性信息, 当面, dates, numbers) is now withheld in every
   format: 「理由：新填（非主动公开的信息，内容不在此显示）」.
5. A 补正日期 or a consultation's 结束 typed in the future (2026-12-05 for 2026-03-20, 2062 for 2026) pushed the
   deadline with it, and nothing was said: GK701 never fired and GK717 looked at 收到日期 and 答复日期 only. GK717 now
   names every step dated after today (补正's 通知日期 and 补正日期, the consultation's 开始 and 结束, the extension's
   批准日期), at its line and column.
6. 「补正: 2026-03-05」 or 「延期: 20」 written on one line was answered 「补正只能一次性告知，「补正」只写一次（不是列表）」:
   it is no list, and the clerk was not told what to write. A list still gets that answer; a value on one line is now
   told how to write the block (「通知日期: YYYY-MM-DD」, then 「补正日期」; 批准人, 批准日期, 延长工作日; 开始, then 结束).
The mutation group 「requests」 (tools/mutation.py: rules/requests.py and model/request.py, new in this pass) showed
what no test held, and the tests below hold it now, every figure typed by hand: the edges of GK701 (one working day
late on the Monday after a Friday deadline), GK702 (5 working days left warns, 6 does not; 「今天到期」), GK718 (15
working days of consultation is not yet too long, 16 is) and GK709 (a 补正 notice on the 7th working day is in time,
on the 8th late); table 三 from annual/<year>.yaml's 上年结转, column by column; a channel and an applicant type
written in their short forms (网上申请, 律师事务所); a ground of table 三 (属于过程性信息) shown in a diff, since it names
no one; a decision copied as written into 结果 (「复议决定：撤销……」, 「判决驳回原告的诉讼请求」) counted in table 四;
a late reply to a provisional deadline said 暂定; GK707 for each order of a register's dates at its line (the same
day is in order); GK805 where a year without a calendar was needed (a request of 1998, a consultation begun in 1999),
never 「内部错误」; GK701 over a weekend (「期限已过1天」) and across the year turn (「已逾期11个工作日（暂定）」).
(Checked, not defects: requests received on the eve of 国庆 and 春节, on a 调休 Saturday, a 补正 returned on a holiday,
the provisional 2027 calendar; table 三 of the annual report against a hand-counted register; the applicant's name,
身份证号 and phone in validate's text, github, json and sarif output, report annual, scorecard and inspect.)
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import AGENCY, ITEM, RECORD, CatalogDir, git

LEAD = "申请渠道: 网上\n申请人类型: 自然人\n申请人: 陈金水\n申请内容: 陈金水本人的低保审批材料\n"
REQUESTS = {
    "YSQ-2026-501": "收到日期: 2026-03-02\n征求第三方意见:\n  开始: 2026-03-31\n  结束: 2026-04-17\n"
                    "答复日期: 2026-04-17\n办理结果: 予以公开\n",
    "YSQ-2026-502": "收到日期: 2026-03-02\n征求第三方意见:\n  开始: 2026-03-31\n",
    "YSQ-2026-503": "收到日期: 2026-03-02\n补正:\n  通知日期: 2026-03-03\n  补正日期: 2026-03-20\n"
                    "征求第三方意见:\n  开始: 2026-03-04\n  结束: 2026-03-10\n答复日期: 2026-04-24\n办理结果: 部分公开\n",
    "YSQ-2026-504": "收到日期: 2026-03-02\n答复日期: 2026-02-27\n办理结果: 予以公开\n",
    "YSQ-2026-505": "收到日期: 2026-03-02\n补正:\n  通知日期: 2026-03-03\n  补正日期: 2026-12-05\n",
    "YSQ-2026-506": "收到日期: 2026-03-02\n征求第三方意见:\n  开始: 2026-03-05\n  结束: 2062-03-10\n",
    "YSQ-2026-507": "收到日期: 2026-09-30\n",  # the eve of 国庆
    "YSQ-2026-508": "收到日期: 2026-02-13\n答复日期: 2026-03-19\n办理结果: 予以公开\n",  # the eve of 春节
    "YSQ-2026-509": "收到日期: 2026-09-28\n补正:\n  通知日期: 2026-09-29\n  补正日期: 2026-10-06\n",  # back in 国庆
    "YSQ-2026-510": "收到日期: 2026-10-10\n",  # a 调休 Saturday, worked
    "YSQ-2026-511": "收到日期: 2026-03-02\n征求第三方意见:\n  开始: 2026-03-16\n  结束: 2026-03-20\n"
                    "延期:\n  批准人: 詹辉儒\n  批准日期: 2026-04-03\n  延长工作日: 10\n",
    # the edges of GK702, GK701, GK718 and GK709 on Monday 2026-04-20:
    "YSQ-2026-512": "收到日期: 2026-03-27\n",  # due 4/27: 4/21–4/24, 4/27 — 5 working days left
    "YSQ-2026-513": "收到日期: 2026-03-30\n",  # due 4/28: 6 left
    "YSQ-2026-514": "收到日期: 2026-03-20\n",  # due 4/20: today
    "YSQ-2026-515": "收到日期: 2026-03-19\n",  # due 4/17 (Friday): one working day late on Monday
    "YSQ-2026-516": "收到日期: 2026-03-20\n征求第三方意见:\n  开始: 2026-03-27\n",  # 3/30–4/3, 4/7–4/10, 4/13–4/17, 4/20: 15
    "YSQ-2026-517": "收到日期: 2026-03-20\n征求第三方意见:\n  开始: 2026-03-26\n",  # 16
    "YSQ-2026-518": "收到日期: 2026-03-02\n补正:\n  通知日期: 2026-03-11\n  补正日期: 2026-03-12\n",  # 3/3–3/6, 3/9–3/11: 7th
    "YSQ-2026-519": "收到日期: 2026-03-02\n补正:\n  通知日期: 2026-03-12\n  补正日期: 2026-03-13\n",  # the 8th
    # GK707, each order and its edge (the same day is in order):
    "YSQ-2026-520": "收到日期: 2026-03-02\n答复日期: 2026-03-02\n办理结果: 予以公开\n",
    "YSQ-2026-521": "收到日期: 2026-03-10\n补正:\n  通知日期: 2026-03-09\n  补正日期: 2026-03-09\n",
    "YSQ-2026-522": "收到日期: 2026-03-10\n补正:\n  通知日期: 2026-03-10\n  补正日期: 2026-03-09\n",
    "YSQ-2026-523": "收到日期: 2026-03-10\n征求第三方意见:\n  开始: 2026-03-10\n  结束: 2026-03-10\n",
    "YSQ-2026-524": "收到日期: 2026-03-10\n征求第三方意见:\n  开始: 2026-03-09\n  结束: 2026-03-08\n",
    "YSQ-2026-525": "收到日期: 2026-03-10\n延期:\n  批准人: 詹辉儒\n  批准日期: 2026-03-10\n  延长工作日: 5\n",
    "YSQ-2026-526": "收到日期: 2026-03-10\n延期:\n  批准人: 詹辉儒\n  批准日期: 2026-03-09\n  延长工作日: 5\n",
    "YSQ-2026-527": "收到日期: 2026-03-02\n补正:\n  通知日期: 2026-03-11\n答复日期: 2026-03-10\n办理结果: 予以公开\n",
    "YSQ-2026-528": "收到日期: 2026-03-02\n补正:\n  通知日期: 2026-03-10\n答复日期: 2026-03-10\n办理结果: 其他处理\n"
                    "理由: 逾期不补正\n",
    "YSQ-2026-531": "收到日期: 2026-03-02\n征求第三方意见:\n  开始: 2026-05-01\n",
    "YSQ-2026-532": "收到日期: 2026-03-02\n延期:\n  批准人: 詹辉儒\n  批准日期: 2026-03-20\n  延长工作日: 5\n"
                    "答复日期: 2026-03-10\n办理结果: 予以公开\n",
    "YSQ-2026-533": "收到日期: 2026-03-02\n补正:\n  通知日期: 2026-03-03\n答复日期: 2026-03-02\n办理结果: 予以公开\n",
    "YSQ-2026-534": "收到日期: 2026-03-02\n征求第三方意见:\n  开始: 2026-03-30\n  结束: 2026-04-01\n"
                    "答复日期: 2026-04-02\n办理结果: 予以公开\n",  # consulted from the 20th working day on
    "YSQ-2026-535": "收到日期: 2026-03-02\n征求第三方意见:\n  开始: 2026-03-04\n  结束: 2026-03-06\n",  # a Wednesday to a Friday
    "YSQ-2026-536": "收到日期: 2026-03-02\n征求第三方意见:\n  开始: 1999-03-05\n",  # a year typed wrong, no calendar
    # the day after the 20th working day (3/30): an extension approved then, a reply sent then
    "YSQ-2026-529": "收到日期: 2026-03-02\n延期:\n  批准人: 詹辉儒\n  批准日期: 2026-03-31\n  延长工作日: 5\n"
                    "答复日期: 2026-04-03\n办理结果: 予以公开\n",
    "YSQ-2026-530": "收到日期: 2026-03-02\n答复日期: 2026-03-31\n办理结果: 予以公开\n",
}
EARLY = RECORD.replace("R2026-001", "R2026-002").replace("成文日期: 2026-09-01", "成文日期: 2026-09-10")


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> CatalogDir:
    cat = CatalogDir(tmp_path_factory.mktemp("h28") / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.record(RECORD)
    cat.write("records/2026/R2026-002.yaml", EARLY.replace("文号: 测民〔2026〕1号", "文号: 测民〔2026〕2号")
              .replace("350524-MZ-2026-00001", "350524-MZ-2026-00002"))
    for number, text in REQUESTS.items():
        cat.write(f"requests/2026/{number}.yaml", f"编号: {number}\n{text}{LEAD}")
    cat.write("requests/1998/YSQ-1998-001.yaml", f"编号: YSQ-1998-001\n收到日期: 1998-03-02\n{LEAD}")
    return cat


@pytest.fixture
def checked(gk, register: CatalogDir, monkeypatch: pytest.MonkeyPatch) -> str:
    """validate's text output on 2026-04-20 (a Monday)."""
    monkeypatch.setenv("GONGKAI_TODAY", "2026-04-20")
    run = gk("validate", register.root, "--no-cache")
    assert run.code == 1, run.err
    return run.out


def _of(output: str, number: str) -> list[str]:
    return [line.strip() for line in output.splitlines() if f"［{number}］" in line]


@pytest.mark.parametrize("number, lines", [
    # 3/3–3/6 (4), 3/9–3/13 (9), 3/16–3/20 (14), 3/23–3/27 (19), 3/30 (20): the consultation began on 3/31
    ("YSQ-2026-501", ["征求第三方意见 2026-03-31 才开始，答复期限 2026-03-30 已过：期限不暂停", "数20个工作日",
                      "→ 2026-03-30", "2026-04-17 答复，晚于期限 2026-03-30。"]),
    # begun on the 20th working day (3/30), so within the period: 3/30, 3/31, 4/1 taken out, 4/2 is the 20th
    ("YSQ-2026-534", ["征求第三方意见（2026-03-30至2026-04-01）的3个工作日不计算在内", "→ 2026-04-02",
                      "2026-04-02 答复，在期限 2026-04-02 内。"]),
    # 3/4, 3/5, 3/6 taken out (not 3/3, the day before it began): 20 + 3 = 23 working days after 3/2, 3/30 + 3 = 4/2
    ("YSQ-2026-535", ["征求第三方意见（2026-03-04至2026-03-06）的3个工作日不计算在内", "数23个工作日", "→ 2026-04-02"]),
    ("YSQ-2026-502", ["征求第三方意见 2026-03-31 才开始，答复期限 2026-03-30 已过", "尚未答复；期限是 2026-03-30。"]),
    # from the 补正 of 3/20: 3/23–3/27 (5), 3/30–4/3 (10), 4/4–4/6 清明, 4/7–4/10 (14), 4/13–4/17 (19), 4/20 (20)
    ("YSQ-2026-503", ["征求第三方意见（2026-03-04至2026-03-10）在答复期限从 2026-03-20 起算之前", "从 2026-03-20 起（当天不计）数20个工作日",
                      "→ 2026-04-20", "2026-04-24 答复，晚于期限 2026-04-20。"]),
    ("YSQ-2026-504", ["答复日期 2026-02-27 早于收到日期 2026-03-02：日期有误", "GK707"]),
    # 10/1–10/7 off, 10/8 (1), 10/9 (2), Sat 10/10 worked (3), 10/12–10/16 (8), 10/19–10/23 (13), 10/26–10/30 (18),
    # 11/2 (19), 11/3 (20)
    ("YSQ-2026-507", ["2026-10-08（周四）  第 1个工作日", "2026-10-10（周六）  第 3个工作日", "→ 2026-11-03"]),
    # Sat 2/14 worked (1), 2/15–2/23 off, 2/24–2/27 (5), Sat 2/28 (6), 3/2–3/6 (11), 3/9–3/13 (16), 3/16–3/19 (20)
    ("YSQ-2026-508", ["2026-02-14（周六）  第 1个工作日", "2026-02-23（周一）  跳过", "→ 2026-03-19",
                      "2026-03-19 答复，在期限 2026-03-19 内。"]),
    # the 补正 came back on 10/6 (国庆): 10/7 off, then as YSQ-2026-507
    ("YSQ-2026-509", ["从 2026-10-06 起（当天不计）数20个工作日", "2026-10-07（周三）  跳过", "→ 2026-11-03"]),
    # received on the worked Saturday 10/10 (not counted): 10/12–10/16 (5), 10/19–10/23 (10), 10/26–10/30 (15),
    # 11/2–11/6 (20)
    ("YSQ-2026-510", ["2026-10-12（周一）  第 1个工作日", "→ 2026-11-06"]),
    # 3/16–3/20 consulted (5), within the period: 3/3–3/6 (4), 3/9–3/13 (9), [3/16–3/20], 3/23–3/27 (14), 3/30–4/3 (19),
    # 4/7 (20) — the first period ends 4/7, so the extension approved 4/3 counts: + 10, 4/8–4/10 (3), 4/13–4/17 (8),
    # 4/20–4/21 (10); 20 + 5 + 10 = 35 working days after 3/2
    ("YSQ-2026-511", ["经詹辉儒批准延长10个工作日", "的5个工作日不计算在内", "数35个工作日", "→ 2026-04-21"]),
])
def test_deadline_explain_runs_the_clock_only_while_it_runs(gk, register, number, lines):
    run = gk("deadline", "explain", number, "-C", register.root)
    assert run.code == 0, run.err
    for line in lines:
        assert line in run.out, (line, run.out)
    assert "在期限 2026-03-30 内" not in run.out


def test_a_record_published_before_it_was_formed_is_not_in_time(gk, register):
    run = gk("deadline", "explain", "R2026-002", "-C", register.root)
    assert run.code == 0, run.err
    assert "公开日期 2026-09-03 早于成文日期 2026-09-10：日期有误，核对后改正（gongkai validate 报 GK404）" in run.out
    assert "在期限" not in run.out


def test_validate_judges_a_late_consultation_and_a_consultation_before_the_clock(checked):
    assert "6:7 警告 GK703 答复日期 2026-04-17 晚于答复期限 2026-03-30［YSQ-2026-501］" in _of(checked, "YSQ-2026-501")
    # overdue since 3/30: 3/31–4/3 (4), 4/7–4/10 (8), 4/13–4/17 (13), 4/20 (14)
    assert "2:7 错误 GK701 申请 YSQ-2026-502 应于 2026-03-30 前答复，已逾期14个工作日［YSQ-2026-502］" in _of(checked, "YSQ-2026-502")
    assert "9:7 警告 GK703 答复日期 2026-04-24 晚于答复期限 2026-04-20［YSQ-2026-503］" in _of(checked, "YSQ-2026-503")
    assert "3:7 错误 GK707 答复日期 2026-02-27 早于收到日期 2026-03-02［YSQ-2026-504］" in _of(checked, "YSQ-2026-504")
    # the extension in time (no GK708): due 4/21, one working day left on 4/20
    assert _of(checked, "YSQ-2026-511") == ["2:7 警告 GK702 申请 YSQ-2026-511 应于 2026-04-21 前答复，还剩1个工作日［YSQ-2026-511］"]
    assert not [line for line in _of(checked, "YSQ-2026-508") if "GK70" in line]


def test_a_step_dated_after_today_is_named_where_it_is(checked):
    assert "5:9 警告 GK717 补正日期 2026-12-05 在今天（2026-04-20）之后［YSQ-2026-505］" in _of(checked, "YSQ-2026-505")
    assert ("5:7 警告 GK717 征求第三方意见的结束日期 2062-03-10 在今天（2026-04-20）之后［YSQ-2026-506］"
            in _of(checked, "YSQ-2026-506"))
    assert ("4:7 警告 GK717 征求第三方意见的开始日期 2026-05-01 在今天（2026-04-20）之后［YSQ-2026-531］"
            in _of(checked, "YSQ-2026-531"))
    assert "陈金水" not in checked


ASKED = "编号: YSQ-2026-601\n收到日期: 2026-03-02\n" + LEAD + "答复日期: 2026-03-10\n办理结果: 予以公开\n"


@pytest.mark.parametrize("form", ["text", "markdown", "json"])
def test_diff_and_log_show_no_register_value_that_names_someone(gk, cat, form):
    top = cat.root.parent
    cat.write("requests/2026/YSQ-2026-601.yaml", ASKED)
    cat.write("requests/2026/YSQ-2026-602.yaml", ASKED.replace("601", "602"))
    cat.write("requests/2026/YSQ-2026-603.yaml", ASKED.replace("601", "603"))
    git(top, "init", "-q", "-b", "main")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "登记")
    cat.write("requests/2026/YSQ-2026-601.yaml", ASKED.replace("办理结果: 予以公开", "办理结果: 不予公开\n理由: 涉及陈金水个人隐私"))
    cat.write("requests/2026/YSQ-2026-602.yaml", ASKED.replace("601", "602").replace("予以公开", "已答复陈金水本人"))
    cat.write("requests/2026/YSQ-2026-603.yaml", ASKED.replace("601", "603").replace("予以公开", "不予公开\n理由: 属于过程性信息"))
    git(top, "commit", "-q", "-am", "答复")
    run = gk("diff", "HEAD~1", "HEAD", "-C", cat.root, "--format", form)
    assert run.code == 0, run.err
    assert "陈金水" not in run.out + run.err
    if form == "json":
        fields = {(c["id"], f["field"]): f for c in json.loads(run.out)["changes"] for f in c["fields"]}
        assert (fields[("YSQ-2026-601", "办理结果")]["old"], fields[("YSQ-2026-601", "办理结果")]["new"]) == ("予以公开", "不予公开")
        assert fields[("YSQ-2026-601", "理由")]["new"] is None and fields[("YSQ-2026-602", "办理结果")]["new"] is None
    else:
        assert "办理结果：「予以公开」→「不予公开」" in run.out
        assert "理由：新填（非主动公开的信息，内容不在此显示）" in run.out
        assert "理由：新填「属于过程性信息」" in run.out  # a ground of table 三, as validate shows it
    log = gk("log", "YSQ-2026-602", "-C", cat.root)
    assert log.code == 0, log.err
    assert "陈金水" not in log.out + log.err and "办理结果：已修改（非主动公开的信息，内容不在此显示）" in log.out


ANNUAL = {  # (收到日期, extra lines, 申请人类型)
    "YSQ-2025-001": ("2025-12-10", "答复日期: 2026-01-08\n办理结果: 予以公开\n", "自然人"),  # carried in, answered
    "YSQ-2025-002": ("2025-03-02", "答复日期: 2025-03-10\n办理结果: 予以公开\n", "自然人"),  # last year's only
    "YSQ-2025-003": ("2025-12-29", "补正:\n  通知日期: 2025-12-30\n", "商业企业"),  # carried in, carried on
    "YSQ-2026-001": ("2026-02-02", "答复日期: 2026-02-10\n办理结果: 予以公开\n", "自然人"),
    "YSQ-2026-002": ("2026-03-02", "答复日期: 2026-03-10\n办理结果: 部分公开\n", "商业企业"),
    "YSQ-2026-003": ("2026-04-01", "答复日期: 2026-04-10\n办理结果: 不予公开\n理由: 属于过程性信息\n", "自然人"),
    "YSQ-2026-004": ("2026-05-06", "答复日期: 2026-05-08\n办理结果: 撤回\n", "自然人"),  # withdrawn: （六）3. 其他
    "YSQ-2026-005": ("2026-06-01", "答复日期: 2026-06-10\n办理结果: 无法提供\n理由: 本机关不掌握\n", "法律服务机构"),
    "YSQ-2026-006": ("2026-12-28", "", "自然人"),  # carried on
}


def test_table_three_matches_the_register_counted_by_hand(gk, cat, monkeypatch):
    for number, (received, lines, kind) in ANNUAL.items():
        cat.write(f"requests/{number[4:8]}/{number}.yaml", f"编号: {number}\n收到日期: {received}\n{lines}"
                  + LEAD.replace("自然人", kind))
    monkeypatch.setenv("GONGKAI_TODAY", "2027-01-10")
    run = gk("report", "annual", cat.root, "--year", "2026")
    assert run.code == 0, run.err
    assert "陈金水" not in run.out + run.err
    rows = {line.split(" | ")[0].strip("| 　"): line.split(" | ")[1:] for line in run.out.splitlines()
            if line.startswith("| ") and " | " in line}
    #            自然人 商业企业 科研 公益 法律服务 其他 总计
    expected = {
        "一、本年新收政府信息公开申请数量": ["4", "1", "0", "0", "1", "0", "6 |"],
        "二、上年结转政府信息公开申请数量": ["1", "1", "0", "0", "0", "0", "2 |"],
        "（一）予以公开": ["2", "0", "0", "0", "0", "0", "2 |"],
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": ["0", "1", "0", "0", "0", "0", "1 |"],
        "（三）不予公开": ["1", "0", "0", "0", "0", "0", "1 |"],
        "6. 属于四类过程性信息": ["1", "0", "0", "0", "0", "0", "1 |"],
        "（四）无法提供": ["0", "0", "0", "0", "1", "0", "1 |"],
        "1. 本机关不掌握相关政府信息": ["0", "0", "0", "0", "1", "0", "1 |"],
        "（六）其他处理": ["1", "0", "0", "0", "0", "0", "1 |"],
        "3. 其他": ["1", "0", "0", "0", "0", "0", "1 |"],
        "（七）总计": ["4", "1", "0", "0", "1", "0", "6 |"],
        "四、结转下年度继续办理": ["1", "1", "0", "0", "0", "0", "2 |"],
    }
    for row, cells in expected.items():
        assert rows[row] == cells, (row, rows.get(row))


def test_the_annual_file_s_carryover_is_row_two_and_aliases_find_their_column(gk, cat, monkeypatch):
    """上年结转 written in annual/2026.yaml (a register kept on paper last year) replaces the register's count, column by
    column; 「律师事务所」 is 法律服务机构's column and 「网上申请」 a channel (the register's own short words)."""
    cat.write("annual/2026.yaml", "年度: 2026\n上年结转: {自然人: 1, 法律服务机构: 2}\n")
    cat.write("requests/2026/YSQ-2026-001.yaml", "编号: YSQ-2026-001\n收到日期: 2026-02-02\n答复日期: 2026-02-10\n"
              "办理结果: 公开\n" + LEAD.replace("网上", "网上申请").replace("自然人", "律师事务所"))
    monkeypatch.setenv("GONGKAI_TODAY", "2027-01-10")
    run = gk("report", "annual", cat.root, "--year", "2026")
    assert run.code == 1  # the three carried in are answered nowhere in the register: 一 + 二 ≠ 三 + 四
    assert "| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 1 | 0 | 1 |" in run.out
    assert "| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 2 | 0 | 3 |" in run.out
    assert "| 　（一）予以公开 | 0 | 0 | 0 | 0 | 1 | 0 | 1 |" in run.out
    assert "表三「法律服务机构」列不平衡：本年新收 + 上年结转 = 3，办理结果总计 + 结转下年度 = 1" in run.err


def test_a_decision_copied_as_written_is_counted_in_table_four(gk, cat, monkeypatch):
    """结果 copied from the decision — 「复议决定：撤销……」 after its colon, 「判决驳回原告的诉讼请求」 — is 纠正 and 维持."""
    cat.write("appeals/2026/FY-2026-001.yaml", "编号: FY-2026-001\n类型: 行政复议\n收到日期: 2026-05-06\n"
              "结果: 复议决定：撤销被申请人作出的答复，责令重新答复\n结案日期: 2026-07-01\n")
    cat.write("appeals/2026/SS-2026-001.yaml", "编号: SS-2026-001\n类型: 行政诉讼\n起诉方式: 未经复议直接起诉\n"
              "收到日期: 2026-06-01\n结果: 判决驳回原告的诉讼请求\n结案日期: 2026-09-01\n")
    monkeypatch.setenv("GONGKAI_TODAY", "2027-01-25")
    run = gk("report", "annual", cat.root, "--year", "2026")
    assert run.code == 0, run.err
    # 行政复议: 维持 纠正 其他 尚未审结 总计 | 直接起诉: the same five | 复议后起诉: the same five
    assert "| 0 | 1 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |" in run.out


def test_a_late_reply_to_a_provisional_deadline_says_so(gk, cat, monkeypatch):
    """Received Sunday 2026-12-20: 12/21–12/25 (5), 12/28–12/31 (9), 2027-01-01 元旦 off, 1/4–1/8 (14), 1/11–1/15 (19),
    1/18 (20) — counted without the 2027 notice, so the deadline is 暂定 wherever it is said."""
    cat.write("requests/2026/YSQ-2026-701.yaml", "编号: YSQ-2026-701\n收到日期: 2026-12-20\n答复日期: 2027-01-20\n"
              "办理结果: 予以公开\n" + LEAD)
    monkeypatch.setenv("GONGKAI_TODAY", "2027-01-25")
    run = gk("validate", cat.root, "--no-cache")
    assert "3:7 警告 GK703 答复日期 2027-01-20 晚于答复期限 2027-01-18（暂定）［YSQ-2026-701］" in run.out


def test_the_edges_of_the_reminders(checked):
    assert _of(checked, "YSQ-2026-512") == ["2:7 警告 GK702 申请 YSQ-2026-512 应于 2026-04-27 前答复，还剩5个工作日［YSQ-2026-512］"]
    assert _of(checked, "YSQ-2026-513") == []
    assert _of(checked, "YSQ-2026-514") == ["2:7 警告 GK702 申请 YSQ-2026-514 应于 2026-04-20 前答复，今天到期［YSQ-2026-514］"]
    assert _of(checked, "YSQ-2026-515") == ["2:7 错误 GK701 申请 YSQ-2026-515 应于 2026-04-17 前答复，已逾期1个工作日［YSQ-2026-515］"]
    assert _of(checked, "YSQ-2026-516") == []
    assert _of(checked, "YSQ-2026-517") == ["4:7 警告 GK718 申请 YSQ-2026-517 自 2026-03-26 征求第三方意见，已过16个工作日仍没有「结束」，"
                                            "答复期限一直暂停［YSQ-2026-517］"]
    # a stopped clock (YSQ-2026-516, 517) does not end the look at the requests after it: 4/3, 4/7–4/10, 4/13–4/17, 4/20
    assert "2:7 错误 GK701 申请 YSQ-2026-535 应于 2026-04-02 前答复，已逾期11个工作日［YSQ-2026-535］" in _of(checked, "YSQ-2026-535")
    assert [line for line in _of(checked, "YSQ-2026-518") if "GK709" in line] == []
    assert [line for line in _of(checked, "YSQ-2026-519") if "GK709" in line] == [
        "4:9 警告 GK709 补正通知日期 2026-03-12 晚于收到申请后7个工作日（2026-03-11）［YSQ-2026-519］"]


@pytest.mark.parametrize("line, hint", [
    ("补正: 2026-03-05", "「补正」下面换行，缩进两个空格写「通知日期: YYYY-MM-DD」（发出补正通知的日期）；收到补正后再写一行「补正日期: YYYY-MM-DD」。"),
    ("延期: 20", "「延期」下面换行，缩进两个空格各写一行：「批准人: ……」「批准日期: YYYY-MM-DD」「延长工作日: 20」（最多20）。"),
    ("征求第三方意见: 2026-03-05", "「征求第三方意见」下面换行，缩进两个空格写「开始: YYYY-MM-DD」；结束后再写一行「结束: YYYY-MM-DD」。"),
])
def test_a_step_written_on_one_line_is_told_how_to_write_its_block(gk, cat, line, hint):
    """「补正: 2026-03-05」 was told 「补正只写一次（不是列表）」: it is no list, and the clerk learnt nothing."""
    cat.write("requests/2026/YSQ-2026-801.yaml", f"编号: YSQ-2026-801\n收到日期: 2026-03-02\n{line}\n{LEAD}")
    run = gk("validate", cat.root, "--no-cache")
    assert run.code == 1
    assert f"改正：{hint}" in run.out and "不是列表" not in run.out
    assert "3:" in run.out.split("GK103")[0].splitlines()[-1]  # at the step's line


@pytest.mark.parametrize("number, found", [
    ("YSQ-2026-520", []),
    ("YSQ-2026-521", ["4:9 错误 GK707 补正通知日期 2026-03-09 早于收到日期 2026-03-10［YSQ-2026-521］"]),
    ("YSQ-2026-522", ["5:9 错误 GK707 补正日期 2026-03-09 早于补正通知日期 2026-03-10［YSQ-2026-522］"]),
    ("YSQ-2026-523", []),
    ("YSQ-2026-524", ["4:7 错误 GK707 征求第三方意见的开始日期 2026-03-09 早于收到日期 2026-03-10［YSQ-2026-524］",
                      "5:7 错误 GK707 征求第三方意见的结束日期 2026-03-08 早于开始日期 2026-03-09［YSQ-2026-524］"]),
    ("YSQ-2026-525", []),
    ("YSQ-2026-526", ["5:9 错误 GK707 延期批准日期 2026-03-09 早于收到日期 2026-03-10［YSQ-2026-526］"]),
    ("YSQ-2026-527", ["4:9 错误 GK707 补正通知日期 2026-03-11 晚于答复日期 2026-03-10［YSQ-2026-527］"]),
    ("YSQ-2026-528", []),
    ("YSQ-2026-532", ["5:9 错误 GK707 延期批准日期 2026-03-20 晚于答复日期 2026-03-10［YSQ-2026-532］"]),
    ("YSQ-2026-533", ["4:9 错误 GK707 补正通知日期 2026-03-03 晚于答复日期 2026-03-02［YSQ-2026-533］"]),  # answered the day received
])
def test_dates_out_of_order_are_named_at_their_line(checked, number, found):
    assert [line for line in _of(checked, number) if "GK707" in line] == found


def test_a_year_without_a_calendar_is_named_where_it_was_needed(gk, register, checked):
    """A request received in 1998, a consultation begun in 1999 (a slip of the year): no calendar holds those years, so
    no working day is counted, and GK805 says where the year was needed — never 「内部错误」."""
    assert "2:7 警告 GK805 1998年没有节假日数据，这里的工作日期限无法计算［YSQ-1998-001］" in _of(checked, "YSQ-1998-001")
    assert "4:7 警告 GK805 1999年没有节假日数据，这里的工作日期限无法计算［YSQ-2026-536］" in _of(checked, "YSQ-2026-536")


def test_a_day_after_the_twentieth_working_day_is_late(checked):
    # 3/3–3/6 (4), 3/9–3/13 (9), 3/16–3/20 (14), 3/23–3/27 (19), 3/30 (20): an extension approved 3/31 extends nothing,
    # so the reply of 4/3 is late (with 5 more days it would have been due 4/7, after 清明)
    assert _of(checked, "YSQ-2026-529") == [
        "5:9 警告 GK708 延期批准日期 2026-03-31 晚于原答复期限 2026-03-30［YSQ-2026-529］",
        "7:7 警告 GK703 答复日期 2026-04-03 晚于答复期限 2026-03-30［YSQ-2026-529］"]
    assert _of(checked, "YSQ-2026-534") == []  # consulted from the last day of the period: in time
    assert _of(checked, "YSQ-2026-530") == ["3:7 警告 GK703 答复日期 2026-03-31 晚于答复期限 2026-03-30［YSQ-2026-530］"]


@pytest.mark.parametrize("today, number, said, note", [
    # due Friday 4/17; on Saturday no working day has passed since, yet the deadline has
    ("2026-04-18", "YSQ-2026-541", "应于 2026-04-17 前答复，期限已过1天（逾期的工作日从下一个工作日算起）", ""),
    # due 12/18 (11/23–11/27, 11/30–12/4, 12/7–12/11, 12/14–12/18); late 12/21–12/25 (5), 12/28–12/31 (9), 2027-01-01
    # off, 1/4–1/5 (11), counted without the 2027 notice
    ("2027-01-05", "YSQ-2026-542", "应于 2026-12-18 前答复，已逾期11个工作日（暂定）", "2027年的节假日安排尚未录入"),
])
def test_overdue_says_how_long_as_the_calendar_knows_it(gk, cat, monkeypatch, today, number, said, note):
    cat.write("requests/2026/YSQ-2026-541.yaml", f"编号: YSQ-2026-541\n收到日期: 2026-03-19\n{LEAD}")
    cat.write("requests/2026/YSQ-2026-542.yaml", f"编号: YSQ-2026-542\n收到日期: 2026-11-20\n{LEAD}")
    monkeypatch.setenv("GONGKAI_TODAY", today)
    run = gk("validate", cat.root, "--no-cache")
    finding = run.out.split(f"GK701 申请 {number} ", 1)[1]
    assert finding.startswith(said + f"［{number}］")
    hint = next(line for line in finding.splitlines() if line.strip().startswith("改正："))
    assert (note in hint) if note else hint.strip().endswith("延期须在原期限内经负责人批准。")
