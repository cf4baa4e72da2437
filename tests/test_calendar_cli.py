"""gongkai workdays add and gongkai deadline explain: every step shown, skipped days with their reason."""

from __future__ import annotations


def test_workdays_add_over_national_day(gk, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no catalog here: chinesecalendar alone
    run = gk("workdays", "add", "2026-09-30", "10")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[-1].strip().startswith("→ 2026-10-20")
    oct1 = next(x for x in lines if "2026-10-01" in x)
    assert "跳过" in oct1 and "国庆节" in oct1
    sat = next(x for x in lines if "2026-10-10" in x)
    assert "第 3个工作日" in sat and "调休上班日" in sat
    assert "跳过10天" in lines[-1]


def test_workdays_add_zero_and_bad_input(gk, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert "→ 2026-09-30" in gk("workdays", "add", "2026-09-30", "0").out
    assert gk("workdays", "add", "2026-13-01", "3").code == 2
    run = gk("workdays", "add", "2003-03-03", "3")  # before chinesecalendar's years: never guessed
    assert run.code == 2 and "calendar/2003.yaml" in run.err and "gongkai calendar import" in run.err


def test_workdays_add_into_a_year_without_a_notice_is_provisional(gk, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = gk("workdays", "add", "2026-12-30", "3")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    # 12/31 Thu = 1; 2027-01-01 元旦 (statutory), 1/2–1/3 weekend; 1/4 Mon = 2, 1/5 Tue = 3.
    assert next(x for x in lines if "2026-12-31" in x).endswith("第 1个工作日  工作日")
    assert "跳过" in next(x for x in lines if "2027-01-01" in x) and "元旦假期" in run.out
    assert "→ 2027-01-05（暂定）" in run.out
    assert "暂定：2027年的节假日安排尚未录入" in run.out and "gongkai calendar import" in run.out


def test_workdays_add_uses_the_catalog_notice(gk, cat):
    cat.write("calendar/2027.yaml", "年度: 2027\n通知: 测试通知\n放假:\n  - 名称: 春节\n    开始: 2027-02-05\n"
                                    "    结束: 2027-02-11\n调休上班: [2027-02-20]\n")
    run = gk("workdays", "add", "2027-02-04", "1", "-C", cat.root)
    assert run.code == 0, run.err
    assert "→ 2027-02-12" in run.out and "春节假期（calendar/2027.yaml）" in run.out


def test_deadline_explain_shows_each_step(gk, cat):
    run = gk("deadline", "explain", "R2026-001", "-C", cat.root)
    assert run.code == 0, run.err
    assert "成文日期 2026-09-01" in run.out
    assert "数10个工作日" in run.out and "→ 2026-09-15" in run.out  # 9/5-9/6 weekend skipped
    assert "2026-09-03 公开，在期限 2026-09-15 内" in run.out
    assert "移交两馆时限" in run.out and "→ 2026-09-29" in run.out  # 9/20 working Sunday counts, 9/25-27 off
    assert "2026-09-05（周六）  跳过" in run.out


def test_deadline_explain_unknown_record(gk, cat):
    run = gk("deadline", "explain", "R9999-999", "-C", cat.root)
    assert run.code == 2 and "R9999-999" in run.err
