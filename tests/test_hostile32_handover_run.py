"""Thirty-second hostile pass: bugs planted in the handover run itself — the date checked and the batch planned
(handover/run.py), the bags built aside and swapped in before the ledger is recorded (deliver.py), the 撤换 of
records the 两馆 hold (recall.py) and its 公函 (letter.py), the 公示名单 kept from the 图书馆 (lists.py), what a
decision for a past day would publish again (gate/past.py), the command's words (cli/handover.py) — must make a
test fail.

No mutation group covered these modules; tools/mutation.py now has the group "handover_run" (docs/mutation.md,
thirty-second pass). Every expected value below is typed by hand: the handover days from the 2026 holiday notice
(the 5th and 20th; 2026-09-20 is a Sunday worked, 10-05 moves over 国庆 to Thu 10-08, 12-05 a Saturday to Mon
12-07), the ledgers, 目录表 and letters from the records written here (R2026-001 published 09-03 and R2026-002
09-15, both 公示 of names running to 12-31, handed over on 2026-09-20 to the 档案馆 whole and to the 图书馆 as
目录表 entries only).

Found by this pass:
1. A record handed over and then deleted from the catalog — the way a clerk in Notepad takes back a record published
   by mistake — left the 两馆 holding it for good: the next batch was made and recorded (exit 0) with no 撤换公函 and
   not a word, and so was every later one (validate's GK508 said 「不存在」, handover never looked). Now the batch
   stops (exit 1, nothing written, no ledger) with GK508 at the ledger's line: 「台账列出的信息 R2026-002 不存在：它已随
   2026-09-20 的批次送交两馆，删去它的信息文件，两馆的馆藏里仍有它，撤换公函却无从列出」, saying to restore the file and
   write its 撤回; restored so, the letter asks it back. A record asked back by a letter's 撤回 may go.
2. A record the 两馆 hold that was replaced (a letter's 替代 sent: they keep the original marked replaced) and then
   withdrawn as published by mistake, or re-judged 依申请公开, was never asked back: any 撤换 asked since it was sent
   counted as done, so the 两馆 kept a withdrawn document for good. Now only the same 撤换 counts: the next letter
   asks for it back (撤回), once.
3. A 馆 added to gongkai.yaml after a record was handed over (a 方志馆, a second reading room) received a 撤换公函
   「送交贵馆的下列……」 asking it to take out copies it never had. Now each letter names only what the batch that sent
   it sent to that 馆; a 馆 concerned by none gets no letter, and the terminal names the bags that hold one.
4. `--out handover` (the clerk taking the ledger folder for the output) was refused naming the ledger handover had
   just staged there — 「已有不是 gongkai 生成的文件（如「.2026-10-08.yaml.x1y2z3.tmp」）」, a hidden file she cannot
   find. Now the output is checked before the ledger is staged: a real file is named (「2026-09-20.yaml」), and on a
   first batch, the folder in the catalog (「在目录文件夹……里面」).
5. `--force` said nothing of what it let through: a batch on a day that is not a handover day, and one dated after
   today, which hands the 两馆 records whose 公开日期 has not come (the 图书馆 lends them to the public) — as did a
   --today later than the real date. Now the run says 「注意：2026-11-27 不是移交日……按 --force 生成。」 and 「注意：这一批
   的日期 2026-12-07 晚于今天（2026-11-27），是提前生成的：台账记载 2026-12-07 送交，请在那天送交两馆。其中 1 件信息今天
   还没有公开，不能提前送出：」 naming each record and its 公开日期.
6. A batch made late (补做: --date 2026-10-08 on 10-12) dated its 撤换公函 2026年10月8日, four days before it was
   written and sent: a 公函 back-dated under the bureau's seal. Now the letter bears the day it goes out (the bag's
   Bagging-Date), 「本函随2026年10月8日移交批次送达」 still naming its batch.

The tests also hold, at the CLI (or at gate/past.py's functions, as build-site and export portal call them), what a
planted bug in these modules changes (the survivors of the mutation screens, docs/mutation.md): what the gate of an
earlier day lets out that the real date keeps in (a 公示 ended, withdrawn on its last day or the day after, 失效
inside its period, the 公示栏's list apart from the web's) and what a later day's gate does early; `handover schedule`
in text and JSON, with a catalog notice that moves a day; the next handover named at the turn of a year without a
notice, the day after a handover day, for a county handing over on the 10th, and before 2004; a batch not due yet and
a --today the ledgers contradict; a batch for an earlier --today holding records withdrawn since (today included);
a baseline's words; a 撤换 asked once, a repeal without replacement (no letter), a replacement named before it exists
and published on the batch day; a record delivered by hand before gongkai asked back as such; the 图书馆's letter
and 备注 (each list file it did not receive, a 公示 ended before the batch).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document

from test_handover import add
from test_hostile18_calendar_validate import OFFICIAL_2026
from test_hostile24_handover import copy_of, sent  # noqa: F401 - the same delivered catalog
from test_handover_recall import REASON, letter_text, withdraw
from tests.conftest import ITEM, CatalogDir

LETTER = "data/recall-letter.docx"
TITLE = "测试县民政局关于2026年第三季度低保对象名单的公示"


def ledgers(cat: CatalogDir) -> list[str]:
    return sorted(p.name for p in (cat.root / "handover").iterdir())


def table_rows(path: Path) -> list[list[str]]:
    """The rows of a letter's table after its header."""
    return [[cell.text for cell in row.cells] for row in Document(str(path)).tables[0].rows[1:]]


# 1. A record handed over, then deleted.
def test_a_record_deleted_after_handover_stops_the_batch_until_restored_and_withdrawn(gk, sent, tmp_path):
    cat = copy_of(sent, tmp_path)
    record = cat.root / "records/2026/R2026-002.yaml"
    kept = record.read_text("utf-8")
    record.unlink()
    out = tmp_path / "o"
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", out)
    assert run.code == 1
    assert ("handover/2026-09-20.yaml\n  18:9 错误 GK508 台账列出的信息 R2026-002 不存在：它已随 2026-09-20 的批次送交两馆，"
            "删去它的信息文件，两馆的馆藏里仍有它，撤换公函却无从列出［2026-09-20］") in run.err
    assert ("改正：不要删除送交过两馆的信息：恢复 R2026-002 的信息文件（如从 git 历史中恢复），误发布的在其中写「撤回」（日期、原因），"
            "这一批的撤换公函会请两馆撤出；若是改了编号，把编号（和信息文件名）改回。") in run.err
    assert "这一批没有生成：请先改正上面的错误" in run.err
    assert not out.exists() and ledgers(cat) == ["2026-09-20.yaml"]
    # --allow-incomplete does not let it through: it is no gap
    assert gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "--allow-incomplete", "-C", cat.root,
              "--out", out).code == 1
    # restored and withdrawn: the letter asks it back, and once asked back it may go
    record.write_text(kept, encoding="utf-8")
    withdraw(cat, "R2026-002", "2026-10-01")
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", out)
    assert run.code == 0, run.err
    assert table_rows(out / "dag" / LETTER) == [["1", TITLE, "350524-MZ-2026-00002", "测民〔2026〕2号", "2026-09-20",
                                                  "撤回", "2026-10-01", REASON, ""]]
    # the 图书馆 received its 目录表 entry only (a list of people): it is told so
    assert table_rows(out / "tsg" / LETTER)[0][7] == (f"{REASON}；贵馆只收到目录表登记，未收到其纸质件和电子件（公示名单未送），"
                                                      "请在目录表中注明")
    record.unlink()
    run = gk("handover", "--date", "2026-10-20", "--today", "2026-10-20", "-C", cat.root, "--out", tmp_path / "o2")
    assert run.code == 0, run.err
    assert "GK508" not in run.err and "撤换公函" not in run.out


def test_a_deleted_record_stops_a_dry_run_too_at_its_own_line(gk, sent, tmp_path):
    cat = copy_of(sent, tmp_path)
    (cat.root / "records/2026/R2026-001.yaml").unlink()
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "--dry-run", "-C", cat.root,
             "--out", tmp_path / "o")
    assert run.code == 1
    assert "handover/2026-09-20.yaml\n  9:9 错误 GK508 台账列出的信息 R2026-001 不存在：它已随 2026-09-20 的批次送交两馆" in run.err
    assert "R2026-002 不存在" not in run.err


# 2. Replaced, then withdrawn.
def test_a_replaced_record_withdrawn_later_is_asked_back_once(gk, sent, tmp_path):
    cat = copy_of(sent, tmp_path)
    old = cat.root / "records/2026/R2026-002.yaml"
    old.write_text(old.read_text("utf-8") + "有效性: 失效\n有效性日期: 2026-10-12\n被替代: R2026-004\n", encoding="utf-8")
    add(cat, 4, "2026-10-12", formed="2026-10-09")
    new = cat.root / "records/2026/R2026-004.yaml"
    new.write_text(new.read_text("utf-8") + "替代: [R2026-002]\n", encoding="utf-8")
    run = gk("handover", "--date", "2026-10-20", "--today", "2026-10-20", "-C", cat.root, "--out", tmp_path / "a")
    assert run.code == 0, run.err
    assert [row[5] for row in table_rows(tmp_path / "a/dag" / LETTER)] == ["替换"]
    # asked once: the next batch does not ask again
    run = gk("handover", "--date", "2026-11-05", "--today", "2026-11-05", "-C", cat.root, "--out", tmp_path / "n")
    assert run.code == 0, run.err
    assert "撤换公函" not in run.out and not (tmp_path / "n/dag" / LETTER).exists()
    withdraw(cat, "R2026-002", "2026-11-10")
    run = gk("handover", "--date", "2026-11-20", "--today", "2026-11-20", "-C", cat.root, "--out", tmp_path / "b")
    assert run.code == 0, run.err
    assert "撤回于 2026-11-10，由 R2026-004 替代（2026-09-20 批次送交）" in run.out
    assert table_rows(tmp_path / "b/dag" / LETTER) == [["1", TITLE, "350524-MZ-2026-00002", "测民〔2026〕2号",
                                                        "2026-09-20", "撤回", "2026-11-10", REASON, "信息 R2026-004"]]
    ledger = (cat.root / "handover/2026-11-20.yaml").read_text("utf-8")
    assert ("撤换:\n  - 编号: R2026-002\n    索引号: \"350524-MZ-2026-00002\"\n    方式: 撤回\n    原批次: 2026-09-20\n"
            "    替代信息: R2026-004\n") in ledger
    run = gk("handover", "--date", "2026-12-07", "--today", "2026-12-07", "-C", cat.root, "--out", tmp_path / "c")
    assert run.code == 0, run.err
    assert "撤换公函" not in run.out and not (tmp_path / "c/dag" / LETTER).exists()


# 3. A 馆 added since.
def test_a_recipient_added_after_the_handover_gets_no_letter_for_what_it_never_held(gk, sent, tmp_path):
    cat = copy_of(sent, tmp_path)
    agency = cat.root / "gongkai.yaml"
    agency.write_text(agency.read_text("utf-8").replace(
        "      名称: 测试县图书馆\n", "      名称: 测试县图书馆\n    - 编号: fzg\n      名称: 测试县方志馆\n"), encoding="utf-8")
    withdraw(cat, "R2026-002", "2026-10-01")
    out = tmp_path / "o"
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", out)
    assert run.code == 0, run.err
    assert ("撤换公函（recall-letter.docx，在测试县档案馆（dag）、测试县图书馆（tsg）的包的 data/ 中，请核对后加盖公章送达）："
            "1 件已送交的信息") in run.out
    assert (out / "dag" / LETTER).is_file() and (out / "tsg" / LETTER).is_file()
    assert not (out / "fzg" / LETTER).exists()
    assert sorted(p.name for p in (out / "fzg/data").iterdir()) == ["manifest.csv", "manifest.html", "manifest.xlsx"]


def test_every_recipient_that_held_it_is_told_the_letter_is_in_each_bag(gk, sent, tmp_path):
    cat = copy_of(sent, tmp_path)
    withdraw(cat, "R2026-001", "2026-10-02")
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "--dry-run", "-C", cat.root,
             "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert "撤换公函（recall-letter.docx，在每个包的 data/ 中，请核对后加盖公章送达）：1 件已送交的信息" in run.out


# 4. --out on the ledger folder.
def test_the_ledger_folder_as_output_is_refused_naming_a_file_the_clerk_can_see(gk, sent, tmp_path):
    cat = copy_of(sent, tmp_path)
    before = ledgers(cat)
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root,
             "--out", cat.root / "handover")
    assert run.code == 2
    assert "中已有不是 gongkai 生成的文件（如「2026-09-20.yaml」）" in run.err and ".tmp" not in run.err
    assert ledgers(cat) == before == ["2026-09-20.yaml"]


def test_the_ledger_folder_of_a_first_batch_as_output_is_a_folder_in_the_catalog(gk, cat, tmp_path):
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", cat.root,
             "--out", cat.root / "handover")
    assert run.code == 2
    assert f"「{cat.root / 'handover'}」在目录文件夹「{cat.root}」里面" in run.err and ".tmp" not in run.err
    assert not (cat.root / "handover").exists()


# 5. What --force let through.
def test_a_forced_batch_on_a_day_that_is_not_a_handover_day_says_so(gk, sent, tmp_path):
    cat = copy_of(sent, tmp_path)
    run = gk("handover", "--date", "2026-11-27", "--force", "-C", cat.root, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert ("注意：2026-11-27 不是移交日（每月5、20日，节假日顺延）。最近的移交日：前一个 2026-11-20，后一个 2026-12-07"
            "（12月5日顺延）。按 --force 生成。\n") in run.out
    assert "提前生成" not in run.out
    # made again from its ledger, it is no longer news
    again = gk("handover", "--date", "2026-11-27", "--force", "-C", cat.root, "--out", tmp_path / "o")
    assert again.code == 0 and "注意" not in again.out


def test_a_batch_made_before_its_day_names_what_is_not_public_yet(gk, sent, tmp_path):
    cat = copy_of(sent, tmp_path)
    ahead = "注意：这一批的日期 2026-12-07 晚于今天（2026-11-27），是提前生成的：台账记载 2026-12-07 送交，请在那天送交两馆。"
    run = gk("handover", "--date", "2026-12-07", "--force", "--dry-run", "-C", cat.root, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert ahead + "\n" in run.out and "其中" not in run.out
    add(cat, 4, "2026-12-03", formed="2026-11-25")
    add(cat, 5, "2026-11-26", formed="2026-11-25")
    add(cat, 6, "2026-11-27", formed="2026-11-25")  # public today
    add(cat, 7, "2026-12-07", formed="2026-11-25")
    run = gk("handover", "--date", "2026-12-07", "--force", "--dry-run", "-C", cat.root, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert (ahead + f"其中 2 件信息今天还没有公开，不能提前送出：\n  R2026-004「{TITLE}」：公开日期是2026年12月3日\n"
            f"  R2026-007「{TITLE}」：公开日期是2026年12月7日\n") in run.out
    assert run.out.count("        测试县图书馆（tsg）：公示名单含个人信息，按规定公示期满后不再公开（公示期至2026年12月31日），未送图书馆\n") == 4
    assert "不是移交日" not in run.out
    # a --today after the real date is the same early batch
    run = gk("handover", "--date", "2026-12-07", "--today", "2026-12-07", "--dry-run", "-C", cat.root,
             "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert "注意：这一批的日期 2026-12-07 晚于今天（2026-11-27），是提前生成的" in run.out and "R2026-004「" in run.out
    # on its day, nothing to say
    run = gk("handover", "--date", "2026-11-20", "--dry-run", "-C", cat.root, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert "注意" not in run.out


# 6. The letter of a batch made late.
def test_the_letter_of_a_batch_made_late_is_dated_the_day_it_goes_out(gk, sent, tmp_path):
    cat = copy_of(sent, tmp_path)
    withdraw(cat, "R2026-002", "2026-10-01")
    out = tmp_path / "o"
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-12", "-C", cat.root, "--out", out)
    assert run.code == 0, run.err
    document = Document(str(out / "dag" / LETTER))
    lines = [p.text for p in document.paragraphs]
    assert lines[-3:] == ["测试县民政局（公章）", "2026年10月12日", "抄送：县人民政府办公室（县政务公开办）。"]
    assert "　　本函随2026年10月8日移交批次送达，纸质件、电子件各一式两份。" in lines
    assert document.core_properties.created == dt.datetime(2026, 10, 12, tzinfo=dt.timezone.utc)
    assert "Bagging-Date: 2026-10-12\n" in (out / "dag/bag-info.txt").read_text("utf-8")
    # on its own day it is dated that day
    cat2 = copy_of(sent, tmp_path / "b")
    withdraw(cat2, "R2026-002", "2026-10-01")
    assert gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat2.root,
              "--out", tmp_path / "o2").code == 0
    assert [p.text for p in Document(str(tmp_path / "o2/dag" / LETTER)).paragraphs][-2] == "2026年10月8日"


# ---------------------------------------------------------------- what planted bugs change (the mutation screen)

# gate/past.py, as build-site and export portal call it: the gate of an earlier or a later day against the real date.
# On the 2026 calendar a 公示期 of 7 working days from Mon 11-02 runs 11-02…06, 09, 10 (ends Tue 11-10); from Tue
# 11-24: 11-24…27, 30, 12-01, 12-02 (ends Wed 12-02).
@pytest.fixture(scope="module")
def days_apart(tmp_path_factory: pytest.TempPathFactory):
    from gongkai.catalog import load_catalog
    from portal_catalog import BOARD, LIST, agency, record

    cat = CatalogDir(tmp_path_factory.mktemp("past") / "catalog")
    cat.write("gongkai.yaml", agency())
    cat.item(ITEM.replace("政府网站, 社区/企事业单位/村公示栏（电子屏）", f"政府网站, {BOARD}"))
    listed = "现将初审对象公示如下。\n\n" + LIST
    records = {
        "R2026-041": record("R2026-041", "已结束甲号公示", kind="公示", channels="政府网站", item="SHJZ-001",
                            extra="公示期: 7\n", body=listed.format(name="苏阿森")),
        "R2026-042": record("R2026-042", "已撤回乙号通知", channels="政府网站",
                            extra="撤回:\n  日期: 2026-11-20\n  原因: 误发\n"),
        "R2026-043": record("R2026-043", "已废止丙号通知", channels="政府网站", extra="废止日期: 2026-11-15\n"),
        "R2026-044": record("R2026-044", "将公开丁号通知", published="2026-12-03", channels="政府网站"),
        "R2026-045": record("R2026-045", "公示中戊号公示", kind="公示", published="2026-11-24", channels="政府网站",
                            item="SHJZ-001", extra="公示期: 7\n", body=listed.format(name="林秀治")),
        "R2026-046": record("R2026-046", "将废止己号通知", channels="政府网站", extra="废止日期: 2026-12-04\n"),
        "R2026-047": record("R2026-047", "公示栏专用庚号公示", kind="公示", channels=BOARD, item="SHJZ-001",
                            extra="公示期: 7\n", body=listed.format(name="陈金水")),
        # 失效 from 11-06, inside its period: its last day is 11-05
        "R2026-048": record("R2026-048", "已失效辛号公示", kind="公示", channels="政府网站", item="SHJZ-001",
                            extra="公示期: 7\n有效性: 失效\n有效性日期: 2026-11-06\n", body=listed.format(name="黄水仙")),
        # withdrawn on its period's last day (11-10): taken down by the withdrawal; the day after: it had ended
        "R2026-050": record("R2026-050", "末日撤回壬号公示", kind="公示", channels="政府网站", item="SHJZ-001",
                            extra="公示期: 7\n撤回:\n  日期: 2026-11-10\n  原因: 误发\n", body=listed.format(name="吴阿土")),
        "R2026-051": record("R2026-051", "期满次日撤回癸号公示", kind="公示", channels="政府网站", item="SHJZ-001",
                            extra="公示期: 7\n撤回:\n  日期: 2026-11-11\n  原因: 误发\n", body=listed.format(name="郑来福")),
    }
    for rid, text in records.items():
        cat.write(f"records/2026/{rid}.yaml", text)
    return load_catalog(cat.root)


def test_a_gate_of_an_earlier_day_names_what_the_real_date_keeps_in(days_apart):
    from gongkai.gate import admit
    from gongkai.gate.past import Republished, relapsed, republished
    from gongkai.publication.channels import Output

    then = admit(days_apart, dt.date(2026, 11, 5))
    assert republished(then, dt.date(2026, 11, 27)) == [
        Republished("R2026-041", "已结束甲号公示", "公示已于2026年11月10日结束，名单已撤下"),
        Republished("R2026-042", "已撤回乙号通知", "已于2026年11月20日撤回"),
        Republished("R2026-048", "已失效辛号公示", "公示已于2026年11月5日结束，名单已撤下"),
        Republished("R2026-050", "末日撤回壬号公示", "已于2026年11月10日撤回"),
        Republished("R2026-051", "期满次日撤回癸号公示", "公示已于2026年11月10日结束，名单已撤下")]
    # the last day of a 公示 is still up; the day of a withdrawal is down
    assert [r.id for r in republished(then, dt.date(2026, 11, 6))] == ["R2026-048"]
    assert [r.id for r in republished(then, dt.date(2026, 11, 10))] == ["R2026-048", "R2026-050"]
    assert [r.id for r in republished(then, dt.date(2026, 11, 11))] == ["R2026-041", "R2026-048", "R2026-050",
                                                                     "R2026-051"]
    assert [r.why for r in republished(then, dt.date(2026, 11, 20))][:2] == ["公示已于2026年11月10日结束，名单已撤下",
                                                                            "已于2026年11月20日撤回"]
    # the 公示栏's own list is not the web's, and the other way round
    assert [r.id for r in republished(then, dt.date(2026, 11, 27), frozenset({Output.PRINT}))] == ["R2026-047"]
    assert republished(then, dt.date(2026, 11, 5)) == republished(then, dt.date(2026, 11, 4)) == []
    assert relapsed(then, dt.date(2026, 11, 27)) == [
        Republished("R2026-043", "已废止丙号通知", "网站上已标明自2026年11月15日起废止，会重新显示为有效"),
        Republished("R2026-048", "已失效辛号公示", "网站上已标明自2026年11月6日起失效，会重新显示为有效")]
    assert [r.id for r in relapsed(then, dt.date(2026, 11, 14))] == ["R2026-048"]
    assert [r.id for r in relapsed(then, dt.date(2026, 11, 15))] == ["R2026-043", "R2026-048"]
    assert relapsed(then, dt.date(2026, 11, 5)) == []


def test_a_gate_of_a_later_day_names_what_it_does_before_the_law_lets_it(days_apart):
    from gongkai.gate import admit
    from gongkai.gate.past import Republished, early, published_early
    from gongkai.publication.channels import Output

    ahead = admit(days_apart, dt.date(2026, 12, 7))
    now = dt.date(2026, 11, 27)
    assert published_early(ahead, now) == [Republished("R2026-044", "将公开丁号通知", "公开日期是2026年12月3日，今天还不能公开")]
    assert published_early(ahead, now, frozenset({Output.PRINT})) == []
    assert published_early(ahead, dt.date(2026, 12, 3)) == []
    assert [r.id for r in published_early(ahead, dt.date(2026, 12, 2))] == ["R2026-044"]
    assert published_early(ahead, dt.date(2026, 12, 7)) == published_early(ahead, dt.date(2026, 12, 8)) == []
    assert early(ahead, now) == [
        Republished("R2026-044", "将公开丁号通知", "公开日期是2026年12月3日，今天还不能公开"),
        Republished("R2026-045", "公示中戊号公示", "公示到2026年12月2日才结束，名单会提前撤下"),
        Republished("R2026-046", "将废止己号通知", "自2026年12月4日起才废止，会提前标明")]
    assert [r.id for r in early(ahead, dt.date(2026, 12, 3))] == ["R2026-046"]
    assert [r.id for r in early(ahead, dt.date(2026, 12, 2))] == ["R2026-044", "R2026-045", "R2026-046"]
    assert early(ahead, dt.date(2026, 12, 4)) == early(ahead, dt.date(2026, 12, 7)) == []


# handover schedule: the days of 2026 as the notice moves them, in text and JSON, and a catalog's own notice.
def test_the_schedule_of_2026_in_text_and_json(gk, cat):
    run = gk("handover", "schedule", "--year", "2026", "-C", cat.root)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "2026年移交两馆日期（24次）"
    assert lines[1] == "  2026-01-05  →  2026-01-05（周一）"
    assert lines[4].startswith("  2026-02-20  →  2026-02-24（周二）  ")
    assert lines[18] == "  2026-09-20  →  2026-09-20（周日）  9月20日是调休上班日，照常移交"
    assert lines[24].startswith("  2026-12-20  →  2026-12-21（周一）  ")
    assert len(lines) == 25 and "注意" not in run.out
    run = gk("handover", "schedule", "--year", "2026", "--format", "json", "-C", cat.root)
    assert run.code == 0, run.err
    assert run.out.startswith('[\n  {\n    "nominal": "2026-01-05",\n    "actual": "2026-01-05",\n')
    assert '"nominal": "2026-10-05",\n    "actual": "2026-10-08",\n    "moved": true,\n    "reason": "' in run.out
    assert "国庆节" in run.out


def test_the_schedule_names_the_days_a_catalog_notice_counts_otherwise(gk, cat):
    # the 2026 notice with 元旦 typed from 1月2日, and a day off added on Mon 12-21: both differ from the State
    # Council's notice as chinesecalendar holds it, and the catalog's wins: Sun 12-20 moves to Tue 12-22
    cat.write("calendar/2026.yaml", CALENDAR_2026)
    run = gk("handover", "schedule", "--year", "2026", "-C", cat.root)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[24].startswith("  2026-12-20  →  2026-12-22（周二）  ")
    assert lines[-1].startswith("注意：这里按目录中的 calendar/2026.yaml 计算，有2天与 chinesecalendar 收录的国务院办公厅通知不同：")
    assert "2026-01-01" in lines[-1] and "2026-12-21" in lines[-1]
    run = gk("handover", "schedule", "--year", "2028", "-C", cat.root)
    assert run.code == 2
    assert run.err == ("错误：没有2028年的节假日安排（chinesecalendar 收录2004—2026年，目录中有2026年的通知）。把国务院办公厅关于2028年部分节假日安排的"
                       "通知的原文复制到一个文本文件，运行 gongkai calendar import 通知.txt 录入 calendar/2028.yaml。\n")


# The official 2026 notice (test_hostile18_calendar_validate) with 元旦 from 01-02 and a one-day 「测试」 holiday on 12-21
CALENDAR_2026 = (OFFICIAL_2026
                 .replace("通知: 国务院办公厅关于2026年部分节假日安排的通知\n文号: 国办发明电〔2025〕7号\n",
                          "通知: 国务院办公厅关于2026年部分节假日安排的通知（测试用，元旦和12月21日与原文不同）\n")
                 .replace("    开始: 2026-01-01\n", "    开始: 2026-01-02\n")
                 .replace("调休上班:", "  - 名称: 测试\n    开始: 2026-12-21\n    结束: 2026-12-21\n调休上班:"))


# lists.py: a file of a 公示 is read by its last suffix (「R2026-006.说明.pdf」 is a PDF): read as 「说明.pdf」 it was taken
# for a file that cannot be read and kept from the 图书馆 with the list.
def _notice_with(cat: CatalogDir, files: dict[str, bytes]) -> None:
    """R2026-006, a 公示 published on 2026-09-16, with *files* (names under files/2026/ → content) as its attachments."""
    from test_handover import record as handover_record

    text = handover_record(6, "2026-09-16", formed="2026-09-14", attach=False)
    cat.write("records/2026/R2026-006.yaml", text + "附件:\n" + "".join(f"  - 文件: files/2026/{n}\n" for n in files))
    for name, data in files.items():
        cat.write(f"files/2026/{name}", data)


def test_a_cover_letter_with_a_dot_in_its_name_reaches_the_library(gk, cat, tmp_path):
    from test_hostile20_handover import COVER_PDF, LIST_PDF

    _notice_with(cat, {"R2026-006.说明.pdf": COVER_PDF, "名单.pdf": LIST_PDF})
    (cat.root / "records/2026/R2026-001.yaml").unlink()
    out = tmp_path / "o"
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", cat.root, "--out", out)
    assert run.code == 0, run.err
    assert sorted(p.name for p in (out / "dag/data/files/R2026-006").iterdir()) == ["R2026-006.说明.pdf", "名单.pdf"]
    assert [p.name for p in (out / "tsg/data/files/R2026-006").iterdir()] == ["R2026-006.说明.pdf"]


# run.py: a batch not due yet, and a --today before what the ledgers record as delivered.
def test_a_batch_not_due_yet_and_a_today_the_ledgers_contradict(gk, sent, tmp_path):
    cat = copy_of(sent, tmp_path)
    out = tmp_path / "o"
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-09-20", "-C", cat.root, "--out", out)
    assert run.code == 2
    assert run.err.startswith("错误：移交批次的日期 2026-10-08 晚于今天（2026-09-20）：这一批到 2026-10-08 当天才到期（还有 18 天），"
                              "届时才能包括到那天为止公开的信息。")
    assert run.err.rstrip().endswith("确需提前生成，请加 --force。")
    assert gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", out).code == 0
    run = gk("handover", "--date", "2026-10-20", "--today", "2026-09-19", "-C", cat.root, "--out", tmp_path / "p")
    assert run.code == 2
    assert run.err == ("错误：台账 handover/2026-10-08.yaml 记载 2026-10-08 已有一批送交两馆，晚于今天（2026-09-19）：今天的日期不对。"
                       "请核对 --today 或 GONGKAI_TODAY（不写时用系统日期，也请核对电脑的日期）；"
                       "要按台账重新生成已送交的批次，--today 写送交那天或之后的日期。\n")


def test_a_baseline_names_its_option_and_refuses_a_day_to_come(gk, cat):
    run = gk("handover", "baseline", "--through", "2026-13-01", "-C", cat.root)
    assert run.code == 2 and run.err.startswith("错误：--through：日期不存在：2026-13-01（一年只有12个月）。")
    run = gk("handover", "baseline", "--through", "2026-12-01", "-C", cat.root)
    assert run.code == 2
    assert run.err.startswith("错误：补登的日期 2026-12-01 晚于今天（2026-11-27）：")
    assert run.err.rstrip().endswith("补登的是已经人工送交的批次，--through 写最后一次送交的日期。")
    assert not (cat.root / "handover").exists()


# run.py at the turn of the year, 2027 having no holiday notice here: the next handover is named by its nominal day.
def test_the_next_handover_at_the_turn_of_a_year_without_a_notice(gk, cat, tmp_path):
    out = tmp_path / "o"
    run = gk("handover", "--date", "2027-01-05", "--today", "2027-01-01", "-C", cat.root, "--out", out)
    assert run.code == 2
    assert run.err == ("错误：移交批次的日期 2027-01-05 晚于今天（2027-01-01）：这一批到 2027-01-05 当天才到期（还有 4 天），"
                       "届时才能包括到那天为止公开的信息。下一个移交日是 2027-01-05（名义日期：2027年的节假日安排还没有，"
                       "是否顺延要录入后才能确定）。确需提前生成，请加 --force。\n")
    # on a handover day (Sun 12-20 moved to Mon 12-21) that day is the next one
    run = gk("handover", "--date", "2027-01-05", "--today", "2026-12-21", "-C", cat.root, "--out", out)
    assert "下一个移交日是 2026-12-21（12月20日顺延）。确需提前生成，请加 --force。" in run.err
    # the day after a handover day, that day is past; in a year without a notice, no next day is named
    run = gk("handover", "--date", "2027-01-05", "--today", "2026-12-22", "-C", cat.root, "--out", out)
    assert "下一个移交日是 2027-01-05（名义日期：2027年的节假日安排还没有，是否顺延要录入后才能确定）。" in run.err
    run = gk("handover", "--date", "2027-01-05", "--today", "2027-01-02", "-C", cat.root, "--out", out)
    assert run.err.endswith("届时才能包括到那天为止公开的信息。确需提前生成，请加 --force。\n")
    # a county handing over monthly on the 10th
    agency = cat.root / "gongkai.yaml"
    agency.write_text(agency.read_text("utf-8").replace("  移交日: [5, 20]", "  移交日: [10]"), encoding="utf-8")
    run = gk("handover", "--date", "2026-12-28", "--today", "2026-12-28", "-C", cat.root, "--out", out)
    assert run.code == 2
    assert run.err == ("错误：2026-12-28 不是移交日（每月10日，节假日顺延）。最近的移交日：前一个 2026-12-10，后一个 2027-01-10"
                       "（名义日期：2027年的节假日安排还没有，是否顺延要录入后才能确定）。确需在这天移交，请加 --force。\n"
                       "没有2027年的节假日安排（chinesecalendar 收录2004—2026年）。把国务院办公厅关于2027年部分节假日安排的通知的原文"
                       "复制到一个文本文件，运行 gongkai calendar import 通知.txt 录入 calendar/2027.yaml。\n")
    assert not out.exists()
    run = gk("handover", "--date", "2026-12-10", "--today", "2026-11-27", "-C", cat.root, "--out", out)
    assert "（还有 13 天），届时才能包括到那天为止公开的信息。下一个移交日是 2026-12-10。确需提前生成" in run.err
    run = gk("handover", "schedule", "--year", "2026", "-C", cat.root)
    assert run.out.splitlines()[0] == "2026年移交两馆日期（12次）"
    assert run.out.splitlines()[1] == "  2026-01-10  →  2026-01-12（周一）  1月10日至11日是周末，节假日顺延至1月12日"
    # before the first year any notice is known, there is no handover before
    run = gk("handover", "--date", "2004-01-02", "-C", cat.root, "--out", out)
    assert run.err == ("错误：2004-01-02 不是移交日（每月10日，节假日顺延）。最近的移交日：前一个 （无），后一个 2004-01-12（1月10日顺延）。"
                       "确需在这天移交，请加 --force。\n")


# recall.py: a record replaced by one not registered yet waits for it; the day it is replaced is the replacement's
# 公开日期 when it has no 有效性日期 of its own.
def test_a_replacement_named_before_it_exists_waits_then_dates_the_letter(gk, sent, tmp_path):
    cat = copy_of(sent, tmp_path)
    old = cat.root / "records/2026/R2026-002.yaml"
    old.write_text(old.read_text("utf-8") + "被替代: R2026-009\n", encoding="utf-8")
    # repealed with no replacement (R2026-001): the 两馆 keep it as it is, no letter
    first = cat.root / "records/2026/R2026-001.yaml"
    first.write_text(first.read_text("utf-8") + "有效性: 废止\n有效性日期: 2026-10-01\n", encoding="utf-8")
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", tmp_path / "a")
    assert run.code == 0, run.err
    assert "撤换公函" not in run.out and not (tmp_path / "a/dag" / LETTER).exists()
    # published on the batch day, it replaces that day
    add(cat, 9, "2026-10-20", formed="2026-10-09")
    new = cat.root / "records/2026/R2026-009.yaml"
    new.write_text(new.read_text("utf-8") + "替代: [R2026-002]\n", encoding="utf-8")
    run = gk("handover", "--date", "2026-10-20", "--today", "2026-10-20", "-C", cat.root, "--out", tmp_path / "b")
    assert run.code == 0, run.err
    assert table_rows(tmp_path / "b/dag" / LETTER) == [[
        "1", TITLE, "350524-MZ-2026-00002", "测民〔2026〕2号", "2026-09-20", "替换", "2026-10-20", "已被新文件替代（有效性：失效）",
        f"《{TITLE}》（索引号 350524-MZ-2026-00009），随本批送交"]]


# lists.py: the 图书馆's 备注 names each file of the list it did not receive.
def test_the_library_remark_names_each_list_file_kept_back(gk, cat, tmp_path):
    from test_hostile20_handover import COVER_PDF, LIST_PDF, rows
    from test_handover import record as handover_record

    _notice_with(cat, {"通知.pdf": COVER_PDF, "名单.pdf": LIST_PDF, "名单二.pdf": LIST_PDF + b"\n%2\n"})
    # a 公示 that ended before the batch day: no date to give
    cat.record(handover_record(1, "2026-09-16", formed="2026-09-14").replace("公示截止: 2026-12-31", "公示截止: 2026-09-18"))
    cat.write("files/2026/R2026-001.pdf", LIST_PDF + b"\n%1\n")
    out = tmp_path / "o"
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", cat.root, "--out", out)
    assert run.code == 0, run.err
    assert rows(out, "tsg")[0][8:] == ["0", "", "", "公示名单含个人信息，按规定公示期满后不再公开，未送图书馆"]
    assert rows(out, "tsg")[1][8:] == ["2", "通知.pdf", "PDF", "公示名单（名单.pdf、名单二.pdf）含个人信息，按规定公示期满后不再公开"
                                                          "（公示期至2026年12月31日），未送图书馆"]
    assert rows(out, "dag")[1][8:] == ["2", "通知.pdf；名单.pdf；名单二.pdf", "PDF", ""]


# letter.py: a record the 两馆 received by hand before gongkai (补登) is asked back naming that batch as such.
def test_a_record_delivered_by_hand_before_gongkai_is_asked_back_as_such(gk, cat, tmp_path):
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    path = cat.root / "records/2026/R2026-001.yaml"
    path.write_text(path.read_text("utf-8").replace("文号: 测民〔2026〕1号\n", ""), encoding="utf-8")  # a 公示 has none
    assert gk("handover", "baseline", "--through", "2026-09-20", "-C", cat.root).code == 0
    withdraw(cat, "R2026-001", "2026-10-01")
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert table_rows(tmp_path / "o/dag" / LETTER) == [["1", TITLE, "350524-MZ-2026-00001", "",
                                                        "2026-09-20（启用前送交，补登）", "撤回", "2026-10-01", REASON, ""]]


# run.py: a batch made now for an earlier --today would carry what was withdrawn since; withdrawn today counts.
def test_a_batch_for_an_earlier_today_refuses_what_was_withdrawn_since(gk, sent, tmp_path):
    cat = copy_of(sent, tmp_path)
    add(cat, 5, "2026-10-05", formed="2026-10-01")
    add(cat, 6, "2026-10-06", formed="2026-10-01")
    withdraw(cat, "R2026-005", "2026-11-01")
    withdraw(cat, "R2026-006", "2026-11-27")
    out = tmp_path / "o"
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", out)
    assert run.code == 2
    assert run.err == ("错误：按 --today 2026-10-08 生成的这一批有今天（2026-11-27）已经撤回的信息，没有生成：\n"
                       f"  R2026-005「{TITLE}」：已于2026年11月1日撤回\n  R2026-006「{TITLE}」：已于2026年11月27日撤回\n"
                       "移交材料今天送出，撤回的信息不能再送交两馆。请按今天的日期生成（去掉 --today）。\n")
    assert not out.exists() and ledgers(cat) == ["2026-09-20.yaml"]
