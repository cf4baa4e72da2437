"""Twentieth hostile round, a leak audit of every output: for each way data leaves gongkai (the site, the portal
export, print, wechat, handover bags, reports, exports, every line printed), a catalog holding each kind of thing that
must not leave, and a grep of every byte written — zip and gzip members unpacked, file names included.

What each output may hold (DOMAIN.md §7, §10–12): the site, the portal export, print, wechat, the 年报 and the handover
bags are public or leave the bureau; `export xlsx|csv` is the bureau's working copy of the standard directory, but it is
the table the county publishes, so it is held to the same rule (README 「输出扫描」). Printed lines are read in CI logs.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import RECORD, CatalogDir, Run, text_pdf

ID = "350524198503151236"
MOBILE = "13805951234"
# a 详细住址 as DOMAIN.md §7 masks it: every digit of 门牌、楼号、单元、室号
ADDRESS = "城厢镇经兜村12号3号楼2单元301室"
ADDRESS_MASKED = "城厢镇经兜村**号*号楼*单元***室"


def texts(name: str, data: bytes, depth: int = 0) -> Iterator[tuple[str, str]]:
    """(name, text) of one written file and of everything inside it: its own name, gzip unpacked, every zip member
    (xlsx, docx, ofd, a bag) by name, and the bytes read as UTF-8, UTF-16 or GB18030."""
    yield name, name
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if data[:4] == b"PK\x03\x04" and depth < 3:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                yield from texts(f"{name}!{member}", archive.read(member), depth + 1)
        return
    for encoding in ("utf-8", "utf-16", "gb18030"):
        try:
            yield name, data.decode(encoding)
            return
        except UnicodeDecodeError:
            continue
    yield name, data.decode("latin-1")


def holding(secret: str, *paths: Path, printed: str = "") -> list[str]:
    """Every written file (under each of *paths*, a file or a folder) and the printed text that hold *secret*."""
    found = ["（屏幕输出）"] if secret in printed else []
    for path in paths:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) if path.exists() else []
        for file in files:
            found += sorted({name for name, text in texts(str(file), file.read_bytes()) if secret in text})
    return found


def annual(cat: CatalogDir, remark: str) -> None:
    cat.write("annual/2026.yaml", f"年度: 2026\n总体情况: |\n  全年主动公开信息12条。\n其他需要报告的事项: |\n  {remark}\n")


# ---------------------------------------------------------------- the 年报: texts of annual/<year>.yaml


def test_the_annual_report_file_is_not_written_with_a_detailed_address(gk: Callable[..., Run], cat: CatalogDir,
                                                                       tmp_path: Path) -> None:
    """Before: `report annual -f html|markdown -o` wrote the 年报 (published under 条例第五十条) with an unmasked 详细住址
    typed in annual/2026.yaml (validate: GK604), since the scan of the written file finds numbers only; on the screen
    the same text was masked. Now nothing is written, exit 1, and the message names the file, the field, the masked
    value and what to do."""
    annual(cat, f"来访群众可到{ADDRESS}咨询。")
    for fmt, suffix in (("html", "html"), ("markdown", "md"), ("xlsx", "xlsx")):
        target = tmp_path / f"annual.{suffix}"
        run = gk("report", "annual", cat.root, "--year", "2026", "-f", fmt, "-o", target)
        assert run.code == 1, (fmt, run.out, run.err)
        assert not target.exists(), fmt
        said = run.out + run.err
        assert "annual/2026.yaml" in said and "其他需要报告的事项" in said and "*号楼*单元***室" in said, said
        assert "没有写入任何文件" in said and "gongkai validate" in said, said
        assert "12号" not in said and "301室" not in said, said
    assert gk("validate", cat.root).code == 1  # the source rule says the same (GK604)


def test_the_annual_report_file_is_written_with_the_address_masked(gk: Callable[..., Run], cat: CatalogDir,
                                                                   tmp_path: Path) -> None:
    """The edge: the same sentence masked as DOMAIN.md §7 says is published as written."""
    annual(cat, f"来访群众可到{ADDRESS_MASKED}咨询。")
    target = tmp_path / "annual.html"
    run = gk("report", "annual", cat.root, "--year", "2026", "-f", "html", "-o", target)
    assert run.code == 0, run.out + run.err
    assert holding(ADDRESS_MASKED, target) == [str(target)]
    assert holding("12号", target) == []


def test_another_years_annual_data_does_not_stop_this_years_report(gk: Callable[..., Run], cat: CatalogDir,
                                                                     tmp_path: Path) -> None:
    """Only the texts the report prints stop it: an address in annual/2025.yaml is GK604 in validate, but the 2026
    report does not show it."""
    annual(cat, "全年未收取信息处理费。")
    cat.write("annual/2025.yaml", f"年度: 2025\n其他需要报告的事项: |\n  来访可到{ADDRESS}。\n")
    target = tmp_path / "annual.html"
    run = gk("report", "annual", cat.root, "--year", "2026", "-f", "html", "-o", target)
    assert run.code == 0, run.out + run.err
    assert target.exists() and holding("12号", target) == []


# ---------------------------------------------------------------- export portal for a past --today

ENDED = RECORD.replace("公示截止: 2026-12-31", "公示截止: 2026-11-20").replace(
    "经审核，现将名单予以公示。", "经审核，现将名单予以公示。\n\n  | 姓名 | 村 |\n  |---|---|\n  | 陈金水 | 湖二村 |")
WITHDRAWN = (RECORD.replace("R2026-001", "R2026-002").replace("00001", "00002").replace("〔2026〕1号", "〔2026〕2号")
             .replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", "")
             .replace("测试县民政局关于2026年第三季度低保对象名单的公示", "测试县民政局关于误发通知的撤回")
             .replace("正文: |", "撤回:\n  日期: 2026-11-25\n  原因: 误将过程性信息作为主动公开信息发布\n正文: |"))


def test_a_portal_export_for_a_past_day_does_not_send_what_has_come_down_since(gk: Callable[..., Run],
                                                                              cat: CatalogDir, tmp_path: Path) -> None:
    """Before: on 2026-11-27, `export portal --today 2026-11-10` sent the list of a 公示 that ended on 2026-11-20 (the
    names in portal.json, portal.xml and the body fragment) and a record withdrawn on 2026-11-25, and recorded both in
    the ledger as on the portal — no word said. build-site warns for a past day (a preview in another folder), but the
    portal export is loaded onto the portal as it is. Now it is refused (exit 2): nothing written, no ledger, and the
    message names each record and why."""
    cat.record(ENDED)
    cat.record(WITHDRAWN, "records/2026/R2026-002.yaml")
    out = tmp_path / "portal"
    run = gk("export", "portal", cat.root, "--out", out, "--today", "2026-11-10")
    assert run.code == 2, run.out + run.err
    assert not out.exists() and not (cat.root / "portal").exists()
    said = run.out + run.err
    assert "R2026-001" in said and "公示已于2026年11月20日结束" in said, said
    assert "R2026-002" in said and "已于2026年11月25日撤回" in said, said
    assert "去掉 --today" in said and "陈金水" not in said, said


def test_a_portal_export_on_its_own_day_sends_the_running_list(gk: Callable[..., Run], cat: CatalogDir,
                                                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The edge: made on 2026-11-20 itself (the 公示's last day, the day before the withdrawal), the same export sends
    the list and the record: nothing has come down yet."""
    monkeypatch.setenv("GONGKAI_TODAY", "2026-11-20")
    cat.record(ENDED)
    cat.record(WITHDRAWN, "records/2026/R2026-002.yaml")
    out = tmp_path / "portal"
    run = gk("export", "portal", cat.root, "--out", out, "--today", "2026-11-20")
    assert run.code == 0, run.out + run.err
    assert holding("陈金水", out) and holding("测试县民政局关于误发通知的撤回", out / "portal.json")


def test_a_portal_export_for_a_past_day_with_nothing_down_since_is_made(gk: Callable[..., Run], cat: CatalogDir,
                                                                        tmp_path: Path) -> None:
    """A past --today is refused only for what came down since: on 2026-11-27, an export for 2026-11-26 of a catalog
    whose 公示 runs to 2026-12-31 is made as before."""
    out = tmp_path / "portal"
    run = gk("export", "portal", cat.root, "--out", out, "--today", "2026-11-26")
    assert run.code == 0, run.out + run.err
    assert (out / "portal.json").exists() and (cat.root / "portal" / "2026-11-26.yaml").exists()


# ---------------------------------------------------------------- every output, a catalog of what must not leave


def other(number: int, title: str, extra: str = "", attribute: str = "主动公开", published: str | None = "2026-09-03",
          body: str = "现将有关事项通知如下。") -> str:
    """A 通知 of the conftest item, R2026-<number>, with a PDF attachment files/2026/att-<number>.pdf."""
    lines = [f"编号: R2026-{number:03d}", f"题名: {title}", "文种: 通知", "责任单位: shjzg", "事项: SHJZ-001",
             f"公开属性: {attribute}", "成文日期: 2026-09-01", "页数: 1",
             "附件:", f"  - 文件: files/2026/att-{number:03d}.pdf", f"    名称: {title}附件"]
    if attribute == "主动公开":
        lines += [f'索引号: "350524-MZ-2026-{number:05d}"', "保密审查:", "  审查人: 张三", "  审查日期: 2026-09-01",
                  "  结论: 不涉及国家秘密，同意主动公开"]
        lines += [f"公开日期: {published}"] if published else []
    if attribute == "不予公开":
        lines.append("不予公开理由: 内部事务信息")
    return "\n".join(lines) + "\n" + extra + f"正文: |\n  {body}\n"


SECRETS = f"申请人身份证号{ID}，手机{MOBILE}"
NEVER = {  # what no public output holds: title marks, their files, the names of an ended list
    "依申请甲": other(2, "关于依申请甲的答复", attribute="依申请公开", body=SECRETS),
    "不予公开乙": other(3, "关于不予公开乙的请示", attribute="不予公开", body=SECRETS),
    "撤回丙": other(4, "关于撤回丙的通知", extra="撤回:\n  日期: 2026-11-20\n  原因: 误将过程性信息作为主动公开信息发布\n"),
    "未到丁": other(5, "关于未到丁的通知", published="2026-12-15"),
    "草稿戊": other(6, "关于草稿戊的通知", published=None),
    "期满己": other(7, "关于期满己的公示", extra="公示截止: 2026-11-20\n",
                 body="现予公示。\n\n  | 姓名 | 村 |\n  |---|---|\n  | 赵期满 | 湖二村 |"),
    "公示栏庚": other(8, "关于公示栏庚的通知", extra="公开渠道: [社区/企事业单位/村公示栏（电子屏）]\n"),
}


def test_nothing_that_may_not_leave_is_in_any_output(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """A guard over every public output, each file grepped with zip and gzip members unpacked and its name: a 依申请公开
    and a 不予公开 record (their bodies holding an ID and a mobile), a withdrawn one, one published later, a draft, a
    公示 whose period has ended and one for the 村公示栏 only — on 2026-11-27 none of them (but the ended 公示's
    title), nor their files, nor the ended list's names, is on the site, in the portal export or the WeChat articles;
    the board-only one is printed;
    the running 公示's names are on its page but in no search file, feed or sitemap; no ID or mobile is in any file or
    printed line."""
    cat.record(RECORD.replace("经审核，现将名单予以公示。",
                              "经审核，现将名单予以公示。\n\n  | 姓名 | 村 |\n  |---|---|\n  | 孙公示中 | 湖二村 |"))
    for number, (mark, text) in enumerate(NEVER.items(), start=2):
        cat.record(text, f"records/2026/R2026-{number:03d}.yaml")
        cat.write(f"files/2026/att-{number:03d}.pdf", text_pdf(f"PDF{number:03d}"))
    site, portal, wechat, paper = (tmp_path / name for name in ("site", "portal", "wechat", "print"))
    printed = ""
    for args in (("build-site", cat.root, "-o", site), ("export", "portal", cat.root, "-o", portal),
                 ("wechat", cat.root, "--from", "2026-09-01", "-o", wechat),
                 ("print", cat.root, "--from", "2026-09-01", "-o", paper), ("validate", cat.root)):
        run = gk(*args)
        assert run.code in (0, 1), (args, run.out, run.err)
        printed += run.out + run.err
    for mark in NEVER:  # an ended 公示 stays on the web as 「公示已于…结束」 under its title; the names go
        assert mark == "期满己" or holding(mark, site, portal, wechat) == [], mark
    for mark in ("依申请甲", "不予公开乙", "未到丁", "草稿戊"):  # the board: the withdrawn and ended only to take down
        assert holding(mark, paper) == [], mark
    for number in range(2, 8):
        assert holding(f"att-{number:03d}", site, portal, wechat) == [], number
    assert holding("赵期满", site, portal, wechat, paper) == []
    assert holding("关于公示栏庚的通知", paper)  # its sheet
    assert holding("孙公示中", site) == [str(site / "records/R2026-001.html")]
    assert holding("孙公示中", site / "search", site / "feed.xml", site / "sitemap.xml") == []
    for secret in (ID, MOBILE):
        assert holding(secret, site, portal, wechat, paper, printed=printed) == [], secret


# ---------------------------------------------------------------- handover for a past --today

LETTER = (RECORD.replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", "")
          .replace("测试县民政局关于2026年第三季度低保对象名单的公示", "测试县民政局关于误发通知甲的通知")
          .replace("页数: 1", "页数: 1\n附件:\n  - 文件: files/2026/R2026-001.pdf\n    名称: 通知甲"))


def withdrawn_on(day: str) -> str:
    return LETTER.replace("正文: |", f"撤回:\n  日期: {day}\n  原因: 误将过程性信息作为主动公开信息发布\n正文: |")


def test_a_handover_for_a_past_day_does_not_send_a_record_withdrawn_since(gk: Callable[..., Run], cat: CatalogDir,
                                                                         tmp_path: Path) -> None:
    """Before: on 2026-11-27, `handover --date 2026-09-20 --today 2026-09-21` put a record withdrawn on 2026-10-16 into
    both bags (the 图书馆's copy is lent to the public) and the ledger: the gate of 2026-09-21 still admits it, while a
    batch made on the real date leaves it out. The bags are delivered now: refused (exit 2), nothing written, no
    ledger, the record named with its withdrawal day."""
    cat.record(withdrawn_on("2026-10-16"))
    cat.write("files/2026/R2026-001.pdf", text_pdf("R2026-001"))
    out = tmp_path / "bags"
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-09-21", "-C", cat.root, "--out", out)
    assert run.code == 2, run.out + run.err
    said = run.out + run.err
    assert "R2026-001" in said and "已于2026年10月16日撤回" in said and "去掉 --today" in said, said
    assert not out.exists() and not (cat.root / "handover").exists()
    # made without --today, the batch leaves the record out, as before
    run = gk("handover", "--date", "2026-09-20", "-C", cat.root, "--out", out)
    assert run.code == 0, run.out + run.err
    assert holding("误发通知甲", out) == [] and holding("R2026-001.pdf", out) == []


def test_a_handover_for_a_past_day_sends_a_record_withdrawn_after_today(gk: Callable[..., Run], cat: CatalogDir,
                                                                        tmp_path: Path) -> None:
    """The edge: withdrawn on 2026-11-28, the day after the real date, the record is still published today and goes."""
    cat.record(withdrawn_on("2026-11-28"))
    cat.write("files/2026/R2026-001.pdf", text_pdf("R2026-001"))
    out = tmp_path / "bags"
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-09-21", "-C", cat.root, "--out", out)
    assert run.code == 0, run.out + run.err
    assert holding("误发通知甲", out / "dag" / "data" / "manifest.csv")
