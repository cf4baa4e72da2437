"""Hostile pass 34, 「a personal number in any output and any message」: every way text leaves gongkai besides the
site's pages — validate in its four formats (the CI log, the SARIF file uploaded to code scanning), `log`, `county`'s
screen, json and workbooks, `mask` — fed with numbers written where the earlier passes had not put them: a file or
folder named after the person, a name ending in a numeral percent-encoded in a link, a long value cut short in a
message, control characters between the groups of a number. The oracle is the digits typed here, looked for in every
byte each command wrote after this file's own small normaliser (full width to ASCII, separators and control characters
removed, xlsx members unzipped).

Found by this pass:
1. A name ending in a Chinese numeral (张三, 王五, 刘一) written percent-encoded, as a reference or as a \\u escape right
   before a number (a link copied from the old portal: …/files/%E5%BC%A0%E4%B8%8913812345678.pdf) hid the number from
   every reader of the detector: 三 was read as one more digit (313812345678, no number), because the detector asked
   the source's character — 「%」 — whether it was a numeral. `validate` was silent, `build-site` published the link
   (the browser shows 张三13812345678.pdf in its status bar) and the output scan let it through. The detector now asks
   the decoded character: GK602 「138****5678」, the record held back.
2. A value longer than 40 characters was cut short in its message before the message was masked: 「页数」「公开属性」
   with an ID or a mobile near the 40th character read 「……身份证号码1101051949…」 (region and birth year) and
   「……1381234…」 in the text, json, github and sarif outputs (the line under it, masked whole, was fine); a formula
   gongkai cannot compute (GK610) showed 「"13812345…」. A cut now never ends on part of a number: the part is left
   out with the rest (「……身份证号码…」).
3. `gongkai county` given a department's folder named after whoever sent it (「张三13812345678」) refused to write any
   department's workbook (「已停止发布：……scorecard-2026.xlsx：手机号码」, pointing at validate, which cannot see a
   folder name): the folder stood unmasked in the notes under the table and in the json. So did county.yaml's own
   名称 with the office's contact in it (the title of every workbook). The folder and label of a department and the
   title are now masked as a department's name is; the three workbooks are written.
4. Control characters between the groups of a number (ESC, BEL, backspace, DEL, C1) were no part of it to the detector:
   a CSV attachment 「电话138<ESC>12345678」 passed validate and was published on the site (a spreadsheet and an editor
   draw nothing there), and a commit message with them was shown by `gongkai log` as 「电话138�1234�5678」 on the screen
   and 「138\\u001b1234\\u00075678」 in its json. They are now invisible to the detector as zero-width characters are
   (NUL stays gongkai's own separator): GK602, held back, 「138****5678」 in every output, and `gongkai mask` masks it.
5. GitHub annotations and the SARIF file were escaped before they were masked: a number written percent-encoded
   (「成文日期: 见%31%33%38…」, masked 「见138****5678」 in text and json) went to the CI log as 「见%2531%2533…」,
   which GitHub shows as 「见%31%33%38…」; a file named so, and 「张三13812345678.yaml」, were the SARIF uris
   「%2531%2533%2536…」 and 「%E5%BC%A0%E4%B8%8913812345678.yaml」 uploaded to GitHub's code scanning. Each text is now
   masked first: 「见138****5678」, 「records/2026/136****5678.yaml」, 「%E5%BC%A0%E4%B8%89138****5678.yaml」.

Seen and left alone: a commit message naming a requester (「登记林申请的申请」) is shown by `log` as written, while
the register's 申请人 in the same entry is masked — the message is in the repository's history for anyone who can
read the log at all; `diff`/`log` of a 主动公开 公示 show its list with the names as the PR reviewer must see them (a
public record's content; the site masks the names in the title); `gongkai mask` on a workbook whose sheet name, data
validation or hyperlink holds a number lists them and exits 1 rather than rewriting (documented: fix by hand); a NUL
between the groups of a number (no file name, commit message or cell can hold one) is still no join.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from conftest import RECORD, CatalogDir, Run, git

MOBILE, OTHER_MOBILE, ID = "13812345678", "13712345678", "11010519491231002X"


def _plain(text: str) -> str:
    """*text* as a person reads its digits: full width as ASCII, spaces, dashes, zero-width and control characters
    (and the � a terminal shows for one) taken out. (This test's own, not gongkai's.)"""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\-\u200b-\u200f\u2060\ufeff\x00-\x1f\x7f-\x9f\ufffd]", "", text).upper()


def _shows(text: str, *numbers: str) -> list[str]:
    """Which of *numbers*, or of their first digits that tell more than a mask does (the first seven of a mobile, the
    first ten of an ID: region and year of birth), *text* shows."""
    plain = _plain(text)
    return [part for number in numbers for part in (number, number[:7] if len(number) == 11 else number[:10])
            if part in plain]


def _every_byte(folder: Path) -> str:
    """Every file under *folder* as text, zip members (xlsx) unpacked, file names included."""
    texts = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        texts.append(str(path.relative_to(folder)))
        if data[:2] == b"PK":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                texts += [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
        else:
            texts.append(data.decode("utf-8", "replace"))
    return "\n".join(texts)


def _with_body(cat: CatalogDir, extra: str) -> None:
    cat.record(RECORD.replace("  经审核，现将名单予以公示。", "  经审核，现将名单予以公示。\n\n" + extra))


# ---------------------------------------------------------------- 1. a numeral percent-encoded before a number


def test_a_name_ending_in_a_numeral_encoded_before_a_number_is_found_and_held_back(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Before: the link was published on the record's page, 张三 taken for the digit 3 of a 12-digit run."""
    _with_body(cat, "  [名单](https://www.example.gov.cn/files/%E5%BC%A0%E4%B8%8913812345678.pdf)\n\n"
                    "  联系 \\u5f20\\u4e0913712345678")
    run = gk("validate", cat.root)
    assert run.code == 1
    assert "20:1 错误 GK602 正文第3行有未遮盖的手机号码「138****5678」（已遮盖显示）［R2026-001］" in run.out
    assert "%E5%BC%A0%E4%B8%89138****5678.pdf" in run.out
    assert "22:1 错误 GK602 正文第5行有未遮盖的手机号码「137****5678」（已遮盖显示）［R2026-001］" in run.out
    site = tmp_path / "site"
    built = gk("build-site", cat.root, "--out", site)
    assert built.code == 0
    assert "R2026-001 没有发布：正文第3行：手机号码「138****5678」；正文第5行：手机号码「137****5678」" in built.err
    assert not (site / "records" / "R2026-001.html").exists()
    assert _shows(_every_byte(site) + run.out + run.err + built.out + built.err, MOBILE, OTHER_MOBILE) == []


def test_a_percent_encoded_number_is_masked_before_it_is_escaped(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: 「::error …::……而不是「见%2531%2533%2538…」」 — GitHub shows %25 as 「%」: 见%31%33%38%31…, the number for
    anyone who decodes it (text, json and sarif showed 「见138****5678」); a file named so was the SARIF uri
    「%2531%2533%2536…」, and 「张三13812345678.yaml」 (masked in text, json and github) the uri
    「%E5%BC%A0%E4%B8%8913812345678.yaml」, uploaded to GitHub's code scanning."""
    encoded = "".join(f"%{ord(digit):X}" for digit in MOBILE)  # %31%33%38…, typed by a clerk or pasted from a link
    assert encoded.startswith("%31%33%38%31")
    cat.record(RECORD.replace("成文日期: 2026-09-01", f"成文日期: 见{encoded}"))
    cat.write(f"records/2026/{encoded.replace('%38', '%36', 1)}.yaml", "编号: [\n")  # 136…, a file of its own
    cat.write(f"records/2026/张三{MOBILE}.yaml", "编号: [\n")  # (finding 1: 三 percent-encoded in the uri)
    github = gk("validate", cat.root, "--format", "github")
    sarif = gk("validate", cat.root, "--format", "sarif")
    assert github.code == sarif.code == 1
    assert ("::error file=records/2026/R2026-001.yaml,line=13,col=7,title=GK106::「成文日期」日期格式应为 "
            "YYYY-MM-DD，如 2026-03-02，而不是「见138****5678」（改正：日期写成 2026-03-02 这样的格式。）") in github.out
    assert "::error file=records/2026/136****5678.yaml,line=2,col=1,title=GK001::" in github.out
    uris = {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for result in json.loads(sarif.out)["runs"][0]["results"]}
    assert {"records/2026/136****5678.yaml", "records/2026/%E5%BC%A0%E4%B8%89138****5678.yaml"} <= uris
    assert all("%25" not in uri for uri in uris)
    assert "::warning file=records/2026/张三138****5678.yaml,title=GK013::" in github.out
    assert _shows(github.out + github.err + sarif.out, MOBILE, "136" + MOBILE[3:]) == []


# ---------------------------------------------------------------- 2. a value cut short in a message


def test_a_long_value_cut_in_a_message_shows_no_first_digits_of_a_number(gk: Callable[..., Run],
                                                                         cat: CatalogDir) -> None:
    """Before: 「……而这里是「共计页数请联系经办人张三核实后填写身份证号码是多少呢请问一下1101051949…」」 and
    「「共计……谢谢您1381234…」不是有效的「公开属性」」 in every format: forty characters kept, then masked."""
    pages = "共计页数请联系经办人张三核实后填写身份证号码是多少呢请问一下"  # 30 characters, then the ID
    kind = "共计页数请联系经办人张三核实后填写身份证号码是多少呢请问一下谢谢您"  # 33, then the mobile
    before_x = "公示期请联系经办人张三核实后填写的身份证号码是"  # 23 characters: the ID's X is the 41st
    whole = "通知请联系经办人张三核实后填写身份证号码是多少呢请问一下谢谢您啦啦啦啦啦啦啦啦啦"  # 40: shown whole
    assert (len(pages), len(kind), len(before_x), len(whole)) == (30, 33, 23, 40)
    cat.record(RECORD.replace("页数: 1", f"页数: {pages}{ID}").replace("公开属性: 主动公开", f"公开属性: {kind}{MOBILE}")
               .replace("公示截止: 2026-12-31", f"公示期: {before_x}{ID}").replace("文种: 公示", f"文种: {whole}"))
    shown = {form: gk("validate", cat.root, "--format", form) for form in ("text", "json", "github")}
    assert all(run.code == 1 for run in shown.values())
    messages = {(d["code"], d["field"]): d["message"] for d in shown["json"].json()["diagnostics"]}  # type: ignore[index]
    assert shown["json"].json()["summary"] == {"files": 3, "errors": 4, "warnings": 0, "infos": 0}  # type: ignore[index]
    assert shown["json"].json()["version"] == 1  # type: ignore[index]
    assert shown["text"].out.endswith("\n检查了 3 个文件：4 个错误，0 个警告，0 个提示。\n")
    assert messages[("GK103", "页数")] == f"「页数」的类型不对：应为整数，而这里是「{pages}…」"
    assert messages[("GK104", "公开属性")] == f"「{kind}…」不是有效的「公开属性」"
    assert messages[("GK103", "公示期")] == f"「公示期」的类型不对：应为整数，而这里是「{before_x}…」"  # (X is the ID's)
    assert messages[("GK104", "文种")] == f"「{whole}」不是有效的「文种」"
    assert _shows("".join(run.out + run.err for run in shown.values()), ID, MOBILE) == []


def test_a_formula_quoted_in_a_message_shows_no_part_of_a_number(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: 「的公式「=CONCATENATE(A2,"请联系经办人张三核实身份","13812345…」gongkai 不能计算」 (GK610)."""
    cat.write("files/2026/list.csv", '姓名,所在村（社区）,备注\n陈金水,湖二村,"=CONCATENATE(A2,""请联系经办人张三核实身份"",'
                                     f'""{MOBILE}"")"\n')
    cat.record(RECORD.replace("正文: |", "附件:\n  - 名称: 名单\n    文件: files/2026/list.csv\n正文: |"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert '第1行第3列（备注）的公式「=CONCATENATE(A2,"请联系经办人张三核实身份…」gongkai 不能计算' in run.out
    assert _shows(run.out + run.err, MOBILE) == []


# ---------------------------------------------------------------- 3. county: a department's folder


def test_county_writes_every_workbook_when_a_folder_is_named_with_a_number(gk: Callable[..., Run], cat: CatalogDir,
                                                                          tmp_path: Path) -> None:
    """Before: exit 1 and 「已停止发布：生成的文件中有未遮盖的个人信息，没有写入任何文件：scorecard-2026.xlsx：手机号码
    「138****5678」」 — no department's workbooks, for the name of a folder."""
    sent = tmp_path / f"张三{MOBILE}"
    sent.mkdir()
    (sent / "gongkai.yaml").write_text("机关:\n  名称: [坏了\n", encoding="utf-8")
    out = tmp_path / "county-out"
    run = gk("county", cat.root, sent, "--year", "2026", "--out", out)
    assert run.code == 1  # one department cannot be read
    assert f"无法读取 {tmp_path}/张三138****5678：gongkai.yaml 第2行第7列：这里开始的方括号列表没有闭合或格式不对" in run.out
    assert sorted(p.name for p in out.iterdir() if p.suffix == ".xlsx") == [
        "annual-2026.xlsx", "review-2026.xlsx", "scorecard-2026.xlsx"]
    as_json = gk("county", cat.root, sent, "--year", "2026", "--out", out, "--format", "json")
    broken = as_json.json()["departments"][1]  # type: ignore[index]
    assert (broken["label"], broken["folder"]) == (f"{tmp_path}/张三138****5678",) * 2
    assert _shows(_every_byte(out) + run.out + run.err + as_json.out + as_json.err, MOBILE) == []


def test_county_writes_every_workbook_when_its_own_title_holds_a_number(gk: Callable[..., Run], cat: CatalogDir,
                                                                         tmp_path: Path) -> None:
    """Before: county.yaml's 名称 (the title of every workbook) with the office's contact in it stopped all three
    workbooks, 「请运行 gongkai validate 找到来源」 — validate does not read county.yaml. Now the title is masked as a
    department's name is (「测试县政务公开办（联系人张三 137****5678）2026年政务公开考核表……」)."""
    config = tmp_path / "county.yaml"
    config.write_text(f"名称: 测试县政务公开办（联系人张三 {OTHER_MOBILE}）\n部门:\n  - 目录: {cat.root.name}\n",
                      encoding="utf-8")
    out = tmp_path / "county-out"
    run = gk("county", "--config", config, "--year", "2026", "--out", out)
    assert run.code == 0
    scorecard = load_workbook(out / "scorecard-2026.xlsx").active
    assert scorecard["A1"].value == "测试县政务公开办（联系人张三 137****5678）2026年政务公开考核表（截至2026-11-27）"
    assert _shows(_every_byte(out) + run.out + run.err, OTHER_MOBILE) == []


# ---------------------------------------------------------------- 4. control characters between the groups


def test_a_control_character_between_the_groups_of_a_number_is_no_hiding_place(gk: Callable[..., Run],
                                                                                cat: CatalogDir,
                                                                                tmp_path: Path) -> None:
    """Before: validate clean, the CSV published as it was; now GK602 at its cell and the record held back."""
    cat.write("files/2026/list.csv", f"姓名,所在村（社区）,备注\n陈金水,湖二村,电话138\x1b{MOBILE[3:]}\n".encode())
    cat.record(RECORD.replace("正文: |", "附件:\n  - 名称: 名单\n    文件: files/2026/list.csv\n正文: |"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert ("19:9 错误 GK602 附件「files/2026/list.csv」 第1行第3列（备注）有未遮盖的手机号码「138****5678」"
            "（已遮盖显示）［R2026-001］") in run.out
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert not (site / "files" / "2026" / "list.csv").exists()
    assert _shows(_every_byte(site), MOBILE) == []
    copy = tmp_path / "名单.csv"
    copy.write_bytes((cat.root / "files/2026/list.csv").read_bytes())
    masked = gk("mask", copy)
    assert masked.code == 0
    assert "名单.csv 第1行第3列：手机号码 → 138****5678" in masked.out
    assert copy.read_text(encoding="utf-8").endswith("陈金水,湖二村,电话138****5678\n")


def test_log_masks_a_commit_message_with_control_characters_in_the_number(gk: Callable[..., Run],
                                                                         repo: Path) -> None:
    """Before: 「> 电话138�1234�5678」 on the screen (a CI log) and 「"message": "电话138\\u001b1234\\u00075678"」."""
    record = repo / "catalog" / "records" / "2026" / "R2026-001.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("经审核", "经审查"), encoding="utf-8")
    git(repo, "commit", "-qam", f"电话138\x1b{MOBILE[3:7]}\x07{MOBILE[7:]}")
    text = gk("log", "R2026-001", "-C", repo / "catalog")
    as_json = gk("log", "R2026-001", "-C", repo / "catalog", "--format", "json")
    assert text.code == as_json.code == 0
    assert "  > 电话138****5678\n" in text.out
    assert as_json.json()["entries"][0]["message"] == "电话138****5678"  # type: ignore[index]
    assert _shows(text.out + text.err + as_json.out + as_json.err, MOBILE) == []
    assert subprocess.run(["git", "log", "-1", "--format=%B"], cwd=repo, capture_output=True, text=True,
                          check=True).stdout.startswith("电话138\x1b1234\x075678")  # (the message as committed)
