"""Twenty-fifth hostile pass, over a 依申请公开 request's whole life as a clerk registers it (README 「依申请公开登记」;
《政府信息公开条例》第三十条、第三十一条、第三十三条; DOMAIN.md §4, §8).

Every date is typed by hand from the State Council's 2026 holiday notice (国办发明电〔2025〕7号): 春节 2月15日至23日
放假、2月14日（周六）和28日（周六）上班; 清明 4月4日至6日放假; 中秋 9月25日至27日放假、9月20日（周日）上班;
国庆 10月1日至7日放假、10月10日（周六）上班. The day a request (or its 补正) arrives is not counted (README 「依申请
公开登记」: 收到的当天不算); the 20 working days are the working days after it, so a request received on a Saturday
counts from Monday, day 1 — the same as one received on the Friday before. (This pass first counted a day off as
received on the next working day, that day not counted — one day more than the law's 「自收到申请之日起20个工作日内」
gives; the lead kept the literal reading, which the twentieth pass's hand-worked deadlines also follow.)

Found by this pass:
1. (Checked, not a defect.) A request received on a day off: day 1 is the next working day, a 调休 working Sunday
   included — Saturday 03-07 → due 2026-04-03; Sunday 2026-02-15 (春节) → due 2026-03-20; Saturday 2026-09-19 → from
   the working Sunday 09-20, due 2026-10-22; a 补正 received Saturday 2026-03-14 → due 2026-04-13; the 补正 notice of a
   request received Saturday 03-07 is due within 7 working days, by 2026-03-17.
2. An extension approved after the 20 working days had run out still extended the deadline: GK708 warned, yet GK703
   stayed silent for a reply 15 working days late and `deadline explain` called it 「在期限 2026-04-28 内」. An
   extension approved too late now extends nothing (第三十三条第二款): the deadline stays 2026-03-30, the reply of
   2026-04-20 is 逾期答复 (GK703), and explain says the extension does not count. One approved on the last day does.
3. 补正 (or 延期) written twice, as a list, was answered 「「补正」下面的内容要换行并缩进两个空格」, which the clerk
   had done; the law allows one 补正 (第三十条 一次性告知) and one extension (第三十三条). The hint now says so and what
   to write instead (补正后仍不明确 → 无法提供).
4. A name typed into a register field that is not the requester's — 申请渠道, 申请人类型, 承办单位, 办理结果, 理由 (「涉及
   第三人陈金水的个人隐私」) — was quoted in validate's message and shown on the line under it, in the console and in
   the CI log (GitHub annotations, json): the register is internal and never leaves the building. Such a value is now
   quoted as 「……」 and its line shows 「（内部登记，不在此显示）」; words of the register (当面, 不予公开, 属于四类过程性
   信息 …), dates and numbers are shown as before. A wrong 承办单位 says to write a unit's 编号 (was 「请按说明填写」).
"""

from __future__ import annotations

import pytest

from tests.conftest import CatalogDir

LEAD = "申请渠道: 网上\n申请人类型: 自然人\n申请内容: 城乡低保标准\n"
EXTENSION = "延期:\n  批准人: 詹辉儒\n  批准日期: {day}\n  延长工作日: 20\n"
REQUESTS = {
    "YSQ-2026-201": "收到日期: 2026-03-07\n",  # Saturday
    "YSQ-2026-202": "收到日期: 2026-02-15\n答复日期: 2026-03-20\n办理结果: 予以公开\n",  # 春节
    "YSQ-2026-203": "收到日期: 2026-09-19\n答复日期: 2026-10-22\n办理结果: 予以公开\n",  # Saturday before a worked Sunday
    "YSQ-2026-204": "收到日期: 2026-03-02\n补正:\n  通知日期: 2026-03-03\n  补正日期: 2026-03-14\n"
                    "答复日期: 2026-04-13\n办理结果: 部分公开\n",
    "YSQ-2026-205": "收到日期: 2026-03-07\n补正:\n  通知日期: 2026-03-17\n  补正日期: 2026-03-19\n"
                    "答复日期: 2026-03-20\n办理结果: 予以公开\n",
    "YSQ-2026-206": "收到日期: 2026-03-02\n" + EXTENSION.format(day="2026-04-10")
                    + "答复日期: 2026-04-20\n办理结果: 予以公开\n",
    "YSQ-2026-207": "收到日期: 2026-03-02\n" + EXTENSION.format(day="2026-03-30")
                    + "答复日期: 2026-04-28\n办理结果: 予以公开\n",
}


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> CatalogDir:
    from tests.conftest import AGENCY, ITEM, RECORD

    cat = CatalogDir(tmp_path_factory.mktemp("h25") / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.record(RECORD)
    for number, text in REQUESTS.items():
        cat.write(f"requests/2026/{number}.yaml", f"编号: {number}\n{text}{LEAD}")
    return cat


def _findings(run, number: str) -> str:
    return "\n".join(line for line in run.out.splitlines() if f"［{number}］" in line)


@pytest.mark.parametrize("number, lines", [
    # Sat 3/7, then 3/9–3/13 (5), 3/16–3/20 (10), 3/23–3/27 (15), 3/30–4/3 (20)
    ("YSQ-2026-201", ["从 2026-03-07 起（当天不计）数20个工作日", "→ 2026-04-03"]),
    # 春节 2/15–2/23 off: 2/24–2/27 (4), Sat 2/28 worked (5), 3/2–3/6 (10), 3/9–3/13 (15), 3/16–3/20 (20)
    ("YSQ-2026-202", ["→ 2026-03-20", "2026-03-20 答复，在期限 2026-03-20 内。"]),
    # Sun 9/20 worked (1), 9/21–9/24 (5), 9/25–9/27 off, 9/28–9/30 (8), 10/1–10/7 off, 10/8–10/9 (10), Sat 10/10 (11),
    # 10/12–10/16 (16), 10/19–10/22 (20)
    ("YSQ-2026-203", ["→ 2026-10-22", "在期限 2026-10-22 内。"]),
    # 补正 Sat 3/14: 3/16–3/20 (5), 3/23–3/27 (10), 3/30–4/3 (15), 4/4–4/6 off, 4/7–4/10 (19), 4/13 (20)
    ("YSQ-2026-204", ["从 2026-03-14 起（当天不计）数20个工作日", "→ 2026-04-13", "在期限 2026-04-13 内。"]),
    # 3/3–3/6 (4), 3/9–3/13 (9), 3/16–3/20 (14), 3/23–3/27 (19), 3/30 (20): approved 4/10, too late
    ("YSQ-2026-206", ["延期 2026-04-10 才批准，晚于原答复期限：延期不算，期限不延长", "数20个工作日", "→ 2026-03-30",
                      "2026-04-20 答复，晚于期限 2026-03-30。"]),
    # approved on the last day 3/30: +20 — 3/31–4/3 (4), 4/7–4/10 (8), 4/13–4/17 (13), 4/20–4/24 (18), 4/27–4/28 (20)
    ("YSQ-2026-207", ["经詹辉儒批准延长20个工作日", "数40个工作日", "→ 2026-04-28", "在期限 2026-04-28 内。"]),
])
def test_deadline_explain_counts_from_the_right_day(gk, register, number, lines):
    run = gk("deadline", "explain", number, "-C", register.root)
    assert run.code == 0, run.err
    for line in lines:
        assert line in run.out, (line, run.out)


def test_validate_judges_by_the_right_deadline(gk, register, monkeypatch):
    monkeypatch.setenv("GONGKAI_TODAY", "2026-04-07")
    run = gk("validate", register.root, "--no-cache")
    # received on a Saturday, due 04-03 (Friday); 4/4–4/6 清明, so 04-07 is the first working day past it
    assert "GK701 申请 YSQ-2026-201 应于 2026-04-03 前答复，已逾期1个工作日" in _findings(run, "YSQ-2026-201")
    # answered on the last lawful day: on time
    for number in ("YSQ-2026-202", "YSQ-2026-203", "YSQ-2026-204", "YSQ-2026-207"):
        assert "GK703" not in _findings(run, number), run.out
    # 补正 notice 2026-03-17 within 7 working days of Saturday 03-07 (3/9–3/13, 3/16–3/17)
    assert "GK709" not in _findings(run, "YSQ-2026-205")
    late = _findings(run, "YSQ-2026-206")
    assert "GK708 延期批准日期 2026-04-10 晚于原答复期限 2026-03-30" in late
    assert "GK703 答复日期 2026-04-20 晚于答复期限 2026-03-30" in late


@pytest.mark.parametrize("block, said", [
    ("补正:\n  - 通知日期: 2026-03-03\n    补正日期: 2026-03-05\n  - 通知日期: 2026-03-06\n    补正日期: 2026-03-10\n",
     "补正只能一次性告知，「补正」只写一次（不是列表）"),
    ("延期:\n  - 批准人: 詹辉儒\n    批准日期: 2026-03-20\n    延长工作日: 10\n"
     "  - 批准人: 詹辉儒\n    批准日期: 2026-04-10\n    延长工作日: 10\n",
     "答复期限只能延长一次，最长20个工作日，「延期」只写一次（不是列表）"),
])
def test_a_second_correction_or_extension_is_refused_by_the_law(gk, cat, block, said):
    cat.write("requests/2026/YSQ-2026-301.yaml", f"编号: YSQ-2026-301\n收到日期: 2026-03-02\n{block}{LEAD}")
    run = gk("validate", cat.root)
    assert run.code == 1
    assert said in run.out and "下面的内容要换行并缩进两个空格" not in run.out


NAMED = ("编号: YSQ-2026-401\n收到日期: 2026-03-02\n申请渠道: 陈金水 13812345678\n申请人类型: 陈金水\n申请内容: 低保\n"
         "答复日期: 2026-03-10\n办理结果: 不予公开\n承办单位: 陈金水\n")
REASON = ("编号: YSQ-2026-402\n收到日期: 2026-03-02\n申请渠道: 当面\n申请人类型: 自然人\n申请内容: 低保\n"
          "答复日期: 2026-03-10\n办理结果: 不予公开\n理由: 涉及第三人陈金水的个人隐私\n")
OUTCOME = ("编号: YSQ-2026-403\n收到日期: 2026-03-02\n申请渠道: 当面\n申请人类型: 自然人\n申请内容: 低保\n"
           "答复日期: 2026-03-10\n办理结果: 已答复陈金水本人\n")
REASONLESS = ("编号: YSQ-2026-404\n收到日期: 2026-03-02\n申请渠道: 当面\n申请人类型: 自然人\n申请内容: 低保\n"
              "答复日期: 2026-03-10\n办理结果: 不予公开\n")  # a word of the register: its line is shown


@pytest.mark.parametrize("form", ["text", "github", "json"])
def test_a_name_in_a_register_field_stays_out_of_the_log(gk, cat, form):
    for text in (NAMED, REASON, OUTCOME, REASONLESS):
        number = text.split("\n", 1)[0].removeprefix("编号: ")
        cat.write(f"requests/2026/{number}.yaml", text)
    run = gk("validate", cat.root, "--format", form)
    assert run.code == 1
    said = run.out + run.err
    assert "陈金水" not in said and "13812345678" not in said
    for code in ("GK104", "GK103", "GK704", "GK705"):
        assert code in said
    if form == "text":
        assert "「……」不是有效的「申请渠道」" in said and "「……」不是有效的「申请人类型」" in said
        assert "申请渠道: （内部登记，不在此显示）" in said and "办理结果: （内部登记，不在此显示）" in said
        assert "理由: （内部登记，不在此显示）" in said
        assert "承办单位写 gongkai.yaml「单位」中的编号，如 shjzg" in said
        assert "不予公开写的理由不是表三所列的具体情形" in said
        assert "不予公开没有写明表三所列的具体情形" in said and "| 办理结果: 不予公开" in said
