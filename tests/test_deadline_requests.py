"""`gongkai deadline explain YSQ-…`: a request's reply period counted day by day, as GK701 counts it — 20 working days
from receipt (《条例》第三十三条), from the 补正 received instead (第三十条), plus an approved extension, plus the working
days a third party was consulted (第三十二条). Days typed by hand from the 2026 holiday notice (春节 2/15–2/23 off,
Saturdays 2/14 and 2/28 worked; 清明 4/4–4/6 off)."""

from __future__ import annotations

import pytest

from tests.conftest import CatalogDir

LEAD = "申请渠道: 网上\n申请人类型: 自然人\n申请内容: 城乡低保标准\n"
REQUESTS = {
    "YSQ-2026-101": "收到日期: 2026-02-06\n延期:\n  批准人: 詹辉儒\n  批准日期: 2026-03-12\n  延长工作日: 20\n"
                    "答复日期: 2026-04-13\n办理结果: 予以公开\n",
    "YSQ-2026-102": "收到日期: 2026-02-02\n补正:\n  通知日期: 2026-02-03\n  补正日期: 2026-02-13\n",
    "YSQ-2026-103": "收到日期: 2026-02-02\n补正:\n  通知日期: 2026-02-03\n",
    "YSQ-2026-104": "收到日期: 2026-03-02\n征求第三方意见:\n  开始: 2026-03-02\n  结束: 2026-03-06\n"
                    "答复日期: 2026-04-07\n办理结果: 予以公开\n",
    "YSQ-2026-105": "收到日期: 2026-03-02\n征求第三方意见:\n  开始: 2026-03-02\n",
}


@pytest.fixture
def register(cat: CatalogDir) -> CatalogDir:
    for number, text in REQUESTS.items():
        cat.write(f"requests/2026/{number}.yaml", f"编号: {number}\n{text}{LEAD}")
    return cat


@pytest.mark.parametrize("number, lines", [
    # 2/9–2/13 (5), Sat 2/14 (6), 2/15–2/23 off, 2/24–2/27 (10), Sat 2/28 (11), 3/2–3/6 (16), 3/9–3/12 (20); +20:
    # 3/13 (21) … 4/3 (36), 4/4–4/6 off, 4/7–4/10 (40)
    ("YSQ-2026-101", ["答复期限：20个工作日（《条例》第三十三条），经詹辉儒批准延长20个工作日：从 2026-02-06 起（当天不计）数40个工作日",
                      "2026-02-14（周六）  第 6个工作日", "2026-02-16（周一）  跳过", "2026-04-06（周一）  跳过",
                      "→ 2026-04-10", "2026-04-13 答复，晚于期限 2026-04-10。"]),
    # from the 补正 received Fri 2/13: Sat 2/14 (1), 2/24–2/27 (5), Sat 2/28 (6), 3/2–3/6 (11), 3/9–3/13 (16), 3/16–3/19 (20)
    ("YSQ-2026-102", ["2026-02-03 通知补正，2026-02-13 收到补正：答复期限从收到补正之日起计算", "从 2026-02-13 起（当天不计）数20个工作日",
                      "2026-02-14（周六）  第 1个工作日", "→ 2026-03-19", "尚未答复；期限是 2026-03-19。"]),
    # 3/3–3/6 (4), 3/9–3/13 (9), 3/16–3/20 (14), 3/23–3/27 (19), 3/30 (20); + 3/3–3/6 consulted (4; the day of receipt
    # 3/2 is not in the period, so consulting on it takes nothing out: twenty-eighth pass): 3/31–4/3 (24)
    ("YSQ-2026-104", ["征求第三方意见（2026-03-02至2026-03-06）的4个工作日不计算在内：从 2026-03-02 起（当天不计）数24个工作日",
                      "→ 2026-04-03", "2026-04-07 答复，晚于期限 2026-04-03。"]),
])
def test_a_request_deadline_is_counted_day_by_day(gk, register, number, lines):
    run = gk("deadline", "explain", number, "-C", register.root)
    assert run.code == 0, run.err
    assert run.out.startswith(f"{number}  依申请公开申请，")
    for line in lines:
        assert line in run.out, (line, run.out)
    assert "城乡低保标准" not in run.out  # what is asked (often naming who asks) is not printed


@pytest.mark.parametrize("number, said", [
    ("YSQ-2026-103", "2026-02-03 通知补正，还没有收到补正：答复期限暂停，从收到补正之日起重新计算"),
    ("YSQ-2026-105", "2026-03-02 起征求第三方意见，还没有结束：这段时间不计入答复期限"),
])
def test_a_stopped_clock_is_said_and_not_counted(gk, register, number, said):
    run = gk("deadline", "explain", number, "-C", register.root)
    assert run.code == 0, run.err
    assert said in run.out and "个工作日  工作日" not in run.out and "→" not in run.out


def test_an_unknown_number_names_both_kinds(gk, register):
    run = gk("deadline", "explain", "YSQ-2026-999", "-C", register.root)
    assert run.code == 2
    assert "找不到编号为「YSQ-2026-999」的信息或依申请公开申请" in run.err and "YSQ-2026-001（申请）" in run.err
