"""Twenty-third hostile round, 「nothing leaves that should not」 across every command: a catalog holding the worst a
bureau has (a 不予公开 and a 依申请公开 record, a withdrawn one, a 公示 past its period, a record with an unmasked 身份证号
and mobile in its title, body, attachment text and attachment file name, a request register naming the requester, an
appeal), every output grepped for strings typed here by hand.

Forbidden everywhere a person reads (screen, CI log, crash report, files written): the full ID number and mobile in
any form; wherever the record's own text is not the output's subject: the requester's name, the 公示 names, the titles
of records that are not public.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from pathlib import Path

import pytest

from conftest import RECORD, CatalogDir, Run

ID = "350524198503151236"
MOBILE = "13805951234"
REQUESTER = "林申请"
LISTED = "陈金水"
SECRET_TITLE = "关于秘密事项甲乙丙的请示"
ADDRESS = "城厢镇经兜村12号3号楼2单元301室"

WITHHELD = (RECORD.replace("R2026-001", "R2026-002").replace("00001", "00002").replace("〔2026〕1号", "〔2026〕2号")
            .replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", "")
            .replace("测试县民政局关于2026年第三季度低保对象名单的公示", SECRET_TITLE)
            .replace("公开属性: 主动公开", "公开属性: 不予公开\n不予公开理由: 内部事务信息")
            .replace("公开日期: 2026-09-03\n", "").replace("正文: |\n  经审核，现将名单予以公示。\n", ""))
REQUEST = f"""\
编号: YSQ-2026-001
收到日期: 2026-10-12
申请渠道: 当面
申请人类型: 自然人
申请人: {REQUESTER}（身份证{ID}，电话{MOBILE}，住{ADDRESS}）
申请内容: {SECRET_TITLE}
承办单位: shjzg
办理结果: 不予公开
理由: 内部事务信息
答复日期: 2026-10-20
"""


def _worst(cat: CatalogDir) -> None:
    cat.record(RECORD.replace("经审核，现将名单予以公示。",
                              f"经审核，现将名单予以公示。\n\n  | 姓名 | 所在村（社区） |\n  |---|---|\n  | {LISTED} | 湖二村 |"))
    cat.record(WITHHELD, "records/2026/R2026-002.yaml")
    cat.write("requests/2026/YSQ-2026-001.yaml", REQUEST)


def _crashing(message: str) -> Callable[..., None]:
    def crash(*args: object, **kwargs: object) -> None:
        raise ValueError(message)
    return crash


def _reveals(text: str) -> list[str]:
    """What of the forbidden strings *text* holds: each typed by hand, the numbers also as parts a mask leaves."""
    forbidden = (ID, MOBILE, "19850315", "0595", REQUESTER, LISTED, SECRET_TITLE, "秘密事项", "经兜村12号", "301室")
    return [secret for secret in forbidden if secret in text]


# ---------------------------------------------------------------- the crash path


def test_a_crash_report_holds_nothing_of_the_record_being_processed(gk: Callable[..., Run], cat: CatalogDir,
                                                                   tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: gongkai's own crash (exit 3) printed the error's last line, 「ValueError: 记录 关于秘密事项甲乙丙的请示
    申请人林申请 35*************236 …」 — numbers masked, but the requester's name, a 不予公开 title and any text the
    failing code put in its error went to the CI log and to the maintainers, whom the message asks to send it to.
    Now the report names the kind of error and where in gongkai's code, and how to get the rest (GONGKAI_DEBUG)."""
    _worst(cat)
    monkeypatch.delenv("GONGKAI_DEBUG", raising=False)
    monkeypatch.setattr("gongkai.site.make.check_tree", _crashing(
        f"记录 {SECRET_TITLE} 申请人{REQUESTER} {ID} {MOBILE} {ADDRESS} 名单 {LISTED}"))
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 3, run.out + run.err
    said = run.out + run.err
    assert "内部错误" in said and "ValueError" in said and "gongkai/site/make.py" in said, said
    assert "GONGKAI_DEBUG=1" in said, said
    assert _reveals(said) == [], said


def test_the_crash_report_shows_the_whole_error_when_the_maintainers_ask(gk: Callable[..., Run], cat: CatalogDir,
                                                                        tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The edge: under GONGKAI_DEBUG (typed by whoever debugs) the traceback is shown, its numbers still masked."""
    monkeypatch.setenv("GONGKAI_DEBUG", "1")
    monkeypatch.setattr("gongkai.site.make.check_tree", _crashing(f"号码 {ID} 出错点甲"))
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 3 and "出错点甲" in run.err and "Traceback" in run.err, run.err
    assert ID not in run.err and "35*************236" in run.err, run.err


def test_a_departments_crash_in_county_holds_nothing_of_its_records(gk: Callable[..., Run], cat: CatalogDir,
                                                                    tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: `gongkai county` reported one department's crash as 「无法读取 …：gongkai 内部错误（不是该部门文件的问题）：
    ValueError: …」 with the error's text, on screen and in the notes under the county's scorecard (a workbook sent to
    the 县政务公开办, which no output scan reads). Now the kind and place only; the other department is tabled."""
    import shutil

    import gongkai.county.department as department
    other = tmp_path / "other"
    shutil.copytree(cat.root, other)
    _worst(cat)
    scorecard = department.build_scorecard

    def crash_on_registers(catalog: Any, *args: Any, **kwargs: Any) -> Any:
        if catalog.models("request"):
            raise ValueError(f"登记 {REQUESTER} {SECRET_TITLE} 名单 {LISTED}")  # no number: no output scan stops it
        return scorecard(catalog, *args, **kwargs)

    monkeypatch.setattr("gongkai.county.department.build_scorecard", crash_on_registers)
    out = tmp_path / "county"
    run = gk("county", cat.root, other, "--out", out, "--no-cache", "--jobs", "1")
    said = run.out + run.err
    assert run.code == 3 and "内部错误" in said and "ValueError" in said, said
    assert "gongkai/county/department.py" in said, said
    assert _reveals(said) == [], said
    written = sorted(p for p in out.rglob("*") if p.is_file())
    assert [p.name for p in written if p.suffix == ".xlsx"], written
    for path in written:
        assert _reveals(_unpacked(path)) == [], path


def _unpacked(path: Path) -> str:
    """The text of a written file, every member of a zip (xlsx) read too."""
    import zipfile
    data = path.read_bytes()
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    return data.decode("utf-8", "replace")


# ---------------------------------------------------------------- lines of the internal registers under a finding

MISKEYED = f"""\
编号: YSQ-2026-002
收到日期: 2026-10-12
申请渠道: 电话咨询
申请人类型: 自然人
申请人姓名: {REQUESTER}
申请内容: 本人的低保审批材料
联系方式: 城厢镇经兜村12号
延期:
  批准人: 詹辉儒
  批准日期: 2026-10-30
  延长工作日: 10
  经办: {REQUESTER}
"""
RUN_ON = f"""\
编号: YSQ-2026-003
收到日期: 2026-10-12
申请渠道: 当面
申请人类型: 自然人
申请人: 某某
  {REQUESTER} 经兜村12号: 3号楼
申请内容: 本人的低保审批材料
"""
APPEAL = f"""\
编号: FY-2026-001
类型: 行政复议
收到日期: 2026-11-02
案由: 不服不予公开答复
申请人: {REQUESTER}
结果: 尚未审结
"""


@pytest.mark.parametrize("fmt", ["text", "sarif"])
def test_a_register_line_under_a_key_it_does_not_have_is_not_shown(gk: Callable[..., Run], cat: CatalogDir,
                                                                   fmt: str) -> None:
    """Before: the register's own keys that name who asked (申请人, 申请内容, 备注, 案由) were hidden under a finding, but a
    key the register does not have was shown with its value — 「申请人姓名: 林申请」「联系方式: 城厢镇经兜村**号」, an
    appeal's 「申请人: 林申请」, 「经办: 林申请」 inside 延期, and a line of 申请人 that YAML reads as a key
    (「林申请 经兜村**号: 3号楼」) — in the CI log of validate (GK102, GK001). Now only the register's own fields that
    name no one show their value; the finding still names the file, line and column."""
    cat.write("requests/2026/YSQ-2026-002.yaml", MISKEYED)
    cat.write("requests/2026/YSQ-2026-003.yaml", RUN_ON)
    cat.write("appeals/2026/FY-2026-001.yaml", APPEAL)
    run = gk("validate", cat.root, "--format", fmt)
    said = run.out + run.err
    assert run.code == 1, said
    assert "YSQ-2026-002.yaml" in said and "YSQ-2026-003.yaml" in said and "FY-2026-001.yaml" in said, said
    assert REQUESTER not in said and "经兜村" not in said, said
    if fmt == "text":  # the edge: a field of the register that names no one is shown as it is, the others by key
        # (round 25: a value that is no word of the register — 「电话咨询」, or a name typed there — is not shown either)
        assert "3 | 申请渠道: （内部登记，不在此显示）" in said, said
        assert "5 | 申请人姓名: （内部登记，不在此显示）" in said, said
        # (thirtieth pass) a key the register does not have, nor one mistyped, is not shown either: it may be a name
        # (「王小明: 同意公开」 under 征求第三方意见); the finding says 未知字段「……」 at its line and column
        assert "12 |   （内部登记，不在此显示）" in said and "12:3 错误 GK102 未知字段「……」" in said, said
        assert "6 |   （内部登记，不在此显示）" in said, said


# ---------------------------------------------------------------- what `git add .` takes in a repository init made


@pytest.mark.parametrize("existing", ["", "# Python\n*.pyc\nsite/\n"])
def test_every_default_output_folder_is_kept_out_of_the_repository(tmp_path: Path, existing: str) -> None:
    """Before: the .gitignore `gongkai init` writes (or adds to a clone's own) left out wechat-out/, the default folder
    of `gongkai wechat`: a `git add .` committed the articles — a 公示's names among them — and the repository's
    history kept them after the 公示 period ended. Now each command's default output folder (README: site/,
    handover-out/, portal-out/, print-out/, wechat-out/, county-out/) and the cache are ignored."""
    import subprocess

    from gongkai.setup.scaffold import GITIGNORE, merged_ignore
    (tmp_path / ".gitignore").write_text(merged_ignore(existing, GITIGNORE) if existing else GITIGNORE, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    outputs = ["site/index.html", "handover-out/2026-12-07/a.html", "portal-out/2026-11-27/portal.json",
               "print-out/index.html", "wechat-out/index.html", "county-out/review-2026.xlsx",
               "catalog/.gongkai-cache/cache.sqlite3"]
    done = subprocess.run(["git", "check-ignore", "--no-index", *outputs], cwd=tmp_path, capture_output=True, text=True)
    assert sorted(done.stdout.split()) == sorted(outputs), done.stdout


# ---------------------------------------------------------------- lines of a record that is not 主动公开


@pytest.mark.parametrize("attribute", ["公开属性: 不予公开\n不予公开理由: 内部事务信息", "公开属性: 依申请", ""])
def test_a_line_of_a_record_that_is_not_public_shows_no_content(gk: Callable[..., Run], cat: CatalogDir,
                                                               attribute: str) -> None:
    """Before: `gongkai diff` and `gongkai log` never showed the 题名, 文号 or 正文 of a record that is not 主动公开
    (「非主动公开，题名不显示」), but validate printed them in the same CI log under any finding on their line: a 题名
    written twice (GK004), a 正文 kept on a 不予公开 record (GK309), a Tab in its 正文 (GK007). Now such a line shows
    its key; the fields a diff shows of it (编号, 公开属性, dates …) are shown as before. A record without 公开属性 is
    not public either (the gate, diff)."""
    withheld = WITHHELD.replace("公开属性: 不予公开\n不予公开理由: 内部事务信息\n", attribute and attribute + "\n")
    cat.record(withheld.replace("文号: 测民〔2026〕2号\n", f"文号: 测民〔2026〕2号\n题名: {SECRET_TITLE}（重发）\n"),
               "records/2026/R2026-002.yaml")
    cat.record(withheld.replace("R2026-002", "R2026-003").replace("00002", "00003").replace("〔2026〕2号", "〔2026〕3号")
               + f"正文: |\n  {REQUESTER}信访事项，经查\n\t属实\n", "records/2026/R2026-003.yaml")
    run = gk("validate", cat.root)
    said = run.out + run.err
    assert run.code == 1 and "records/2026/R2026-002.yaml" in said and "records/2026/R2026-003.yaml" in said, said
    assert "GK004" in said and "GK007" in said, said
    assert "4 | 题名: （非主动公开的信息，内容不在此显示）" in said, said
    assert SECRET_TITLE not in said and "秘密事项" not in said and REQUESTER not in said and "属实" not in said, said


def test_a_line_of_a_public_record_is_shown_under_its_finding(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """The edge: the same finding on a 主动公开 record shows its line as written (masked as any line is)."""
    cat.record(RECORD.replace("文号: 测民〔2026〕1号\n", "文号: 测民〔2026〕1号\n文号: 测民〔2026〕9号\n"))
    run = gk("validate", cat.root)
    assert run.code == 1 and "4 | 文号: 测民〔2026〕9号" in run.out + run.err, run.out + run.err


# ---------------------------------------------------------------- diff: the file name of a withheld record's attachment

PETITION = f"files/2026/{REQUESTER}信访材料.pdf"


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_a_diff_does_not_name_the_file_of_a_withheld_records_attachment(gk: Callable[..., Run], repo: Path,
                                                                       fmt: str) -> None:
    """Before: a diff (posted as a pull-request comment) said of a 依申请公开 record 「附件：新填（非主动公开的信息，内容不
    在此显示）」 and, three lines up, 「新增 附件 files/2026/林申请信访材料.pdf」: the file name it had just withheld. Now
    the attachment is named by its record (「R2026-002 的附件（非主动公开，文件名不显示）」)."""
    from conftest import git, text_pdf
    cat = CatalogDir(repo / "catalog")
    cat.write(PETITION, text_pdf("petition"))
    cat.record(WITHHELD.replace("公开属性: 不予公开\n不予公开理由: 内部事务信息", "公开属性: 依申请公开")
               + f"附件:\n  - 文件: {PETITION}\n    名称: 信访材料\n", "records/2026/R2026-002.yaml")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "登记")
    run = gk("diff", "HEAD~1", "HEAD", "-C", cat.root, "-f", fmt)
    said = run.out + run.err
    assert run.code == 0, said
    assert "R2026-002 的附件" in said and REQUESTER not in said and "信访材料" not in said, said
    if fmt == "text":
        assert "新增 附件 R2026-002 的附件（非主动公开，文件名不显示）" in said, said


def test_a_diff_names_the_file_of_a_public_records_attachment(gk: Callable[..., Run], repo: Path) -> None:
    """The edge: the attachment of a 主动公开 record is named by its path, as before."""
    from conftest import git, text_pdf
    cat = CatalogDir(repo / "catalog")
    cat.write("files/2026/R2026-001.pdf", text_pdf("list"))
    cat.record(RECORD.replace("正文: |", "附件:\n  - 文件: files/2026/R2026-001.pdf\n    名称: 名单\n正文: |"))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "附件")
    run = gk("diff", "HEAD~1", "HEAD", "-C", cat.root)
    assert "新增 附件 files/2026/R2026-001.pdf" in run.out, run.out + run.err


def test_a_record_without_its_marking_is_sent_back_without_its_title(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: GK301 said 「信息「关于秘密事项甲乙丙的请示」未标识公开属性…」 — in the CI log, the 题名 of a record the gate
    and diff treat as not public. Now the finding names the record by its 编号 and file only."""
    cat.record(WITHHELD.replace("公开属性: 不予公开\n不予公开理由: 内部事务信息\n", ""), "records/2026/R2026-002.yaml")
    run = gk("validate", cat.root)
    said = run.out + run.err
    assert run.code == 1 and "GK301 这条信息未标识公开属性" in said and "R2026-002" in said, said
    assert SECRET_TITLE not in said and "秘密事项" not in said, said


def test_a_withheld_records_attachment_problem_does_not_name_its_file(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: GK607 and GK606 on a 依申请公开 record said 「附件「files/2026/林申请信访材料.pdf」文件不存在」 and 「附件
    「../林申请/x.pdf」路径含有「..」」 in the CI log, the line under them withheld. Now they name the entry (附件第1项)
    and the rule's title; the hint says to delete it (GK309) or correct the 「文件」 line. A 主动公开 record's attachment
    is named by its path, as before (the edge)."""
    cat.record(WITHHELD.replace("公开属性: 不予公开\n不予公开理由: 内部事务信息", "公开属性: 依申请公开")
               + f"附件:\n  - 文件: {PETITION}\n    名称: 信访材料\n  - 文件: ../{REQUESTER}/x.pdf\n    名称: x\n",
               "records/2026/R2026-002.yaml")
    cat.record(RECORD.replace("正文: |", "附件:\n  - 文件: files/2026/名单.pdf\n    名称: 名单\n正文: |"))
    run = gk("validate", cat.root)
    said = run.out + run.err
    assert run.code == 1, said
    assert "GK607 附件第1项：附件文件不存在或不是普通文件［R2026-002］" in said, said
    assert "GK606 附件第2项：附件路径不安全［R2026-002］" in said, said
    assert REQUESTER not in said and "信访材料" not in said, said
    assert "GK607 附件「files/2026/名单.pdf」文件不存在［R2026-001］" in said, said
