"""Hostile pass 37 (thirty-ninth session), 「gate attack」: the attacker and the careless clerk against the publishing
gate (issue 11: nothing private or hostile leaves the building), where the earlier passes had not looked.

Each test runs the real CLI on a small catalog in tmp_path; the expected values are typed by hand. Today is
conftest's day, 2026-11-27.

Found by this pass (before the fix → now):
1. A 转发件 marked 主动公开 whose original is 依申请公开 or 不予公开 (the clerk marks the covering letter 主动公开, as
   most are): validate said GK306, and build-site, the portal export, print and the 两馆's handover published it all the
   same — the letter, and the forwarded document it attaches, went out, though a 转发 document has the attribute of
   the one it forwards (DOMAIN.md §4). Now the gate holds it back (along a chain of 转发 too: A forwards B, which
   forwards C), says why (「它转发的原文件 R2026-002 是「不予公开」……」), and the incremental build agrees with a
   whole one when only the original's attribute changes.
"""

from __future__ import annotations

from pathlib import Path

from conftest import ITEM, CatalogDir, text_pdf
from test_publication import everything, files

POLICY_ITEM = ITEM.replace("低保对象名单及相关信息", "社会救助政策文件")

ORIGINAL = """\
编号: R2026-002
题名: 测试县民政局关于社会救助内部审核流程的通知
文号: 测民〔2026〕2号
文种: 通知
责任单位: shjzg
事项: SHJZ-001
公开属性: 不予公开
不予公开理由: 内部事务信息
成文日期: 2026-09-01
附件:
  - 文件: files/2026/neibu.pdf
    名称: 内部审核流程
"""

FORWARD = """\
编号: R2026-001
题名: 测试县民政局转发关于社会救助内部审核流程的通知
文号: 测民〔2026〕5号
索引号: 350524-MZ-2026-00001
文种: 通知
责任单位: shjzg
事项: SHJZ-001
公开属性: 主动公开
保密审查:
  审查人: 张三
  审查日期: 2026-09-01
  结论: 不涉及国家秘密，同意主动公开
成文日期: 2026-09-01
公开日期: 2026-09-03
转发: R2026-002
附件:
  - 文件: files/2026/zhuanfa.pdf
    名称: 内部审核流程
正文: |
  现将《关于社会救助内部审核流程的通知》转发给你们，请认真贯彻执行。
"""

SECRET = "NEIBU SHENHE LIUCHENG"


def forwarding(cat: CatalogDir, original: str = ORIGINAL) -> None:
    """A 转发件 (R2026-001, 主动公开) of *original* (R2026-002), attaching its own copy of the forwarded text."""
    cat.item(POLICY_ITEM)
    cat.record(FORWARD)
    cat.record(original, "records/2026/R2026-002.yaml")
    cat.write("files/2026/neibu.pdf", text_pdf(SECRET))
    cat.write("files/2026/zhuanfa.pdf", text_pdf(SECRET, "ZHUANFA"))  # its own copy: not the same bytes


def built(gk, cat: CatalogDir, out: Path, *args: str):
    run = gk("build-site", cat.root, "--out", out, *args)
    assert run.code == 0, run.out + run.err
    return run


def test_a_forward_of_a_withheld_record_is_not_published(gk, cat, tmp_path):
    forwarding(cat)
    run = built(gk, cat, tmp_path / "site")
    text = everything(tmp_path / "site")
    assert "R2026-001" not in text and "转发关于社会救助内部审核流程" not in text and SECRET not in text
    assert not (tmp_path / "site/files/2026/zhuanfa.pdf").exists()
    assert ("R2026-001 没有发布：它转发的原文件 R2026-002 是「不予公开」：转发件的公开属性随原文件（GK306），不能主动公开"
            in run.err + run.out)


def test_a_forward_of_a_record_on_request_is_not_published(gk, cat, tmp_path):
    forwarding(cat, ORIGINAL.replace("公开属性: 不予公开\n不予公开理由: 内部事务信息\n", "公开属性: 依申请公开\n"))
    run = built(gk, cat, tmp_path / "site")
    assert not (tmp_path / "site/records/R2026-001.html").exists()
    assert "它转发的原文件 R2026-002 是「依申请公开」" in run.err + run.out


def test_a_forward_of_a_forward_of_a_withheld_record_is_not_published(gk, cat, tmp_path):
    forwarding(cat, ORIGINAL.replace("R2026-002", "R2026-003"))  # R2026-003: 不予公开
    cat.write("records/2026/R2026-003.yaml", ORIGINAL.replace("R2026-002", "R2026-003"))
    middle = FORWARD.replace("R2026-001", "R2026-002").replace("转发: R2026-002", "转发: R2026-003").replace(
        "00001", "00002").replace("5号", "6号").replace("zhuanfa.pdf", "zhuanfa2.pdf")
    cat.record(middle, "records/2026/R2026-002.yaml")
    cat.write("files/2026/zhuanfa2.pdf", text_pdf(SECRET, "ZHUANFA 2"))
    run = built(gk, cat, tmp_path / "site")
    assert not (tmp_path / "site/records/R2026-001.html").exists()
    assert not (tmp_path / "site/records/R2026-002.html").exists()
    assert "它转发的原文件 R2026-003（经 R2026-002 转发） 是「不予公开」" in run.err + run.out


def test_a_forward_of_a_public_record_is_published(gk, cat, tmp_path):
    public = FORWARD.replace("R2026-001", "R2026-002").replace("转发: R2026-002\n", "").replace(
        "00001", "00002").replace("5号", "2号").replace("zhuanfa.pdf", "neibu.pdf")
    forwarding(cat, public)
    built(gk, cat, tmp_path / "site")
    assert (tmp_path / "site/records/R2026-001.html").is_file()
    assert (tmp_path / "site/files/2026/zhuanfa.pdf").is_file()


def test_the_incremental_build_follows_the_original_s_attribute(gk, cat, tmp_path):
    """Only the original's file changes: the 转发件's remembered outcome must not stand."""
    public = FORWARD.replace("R2026-001", "R2026-002").replace("转发: R2026-002\n", "").replace(
        "00001", "00002").replace("5号", "2号").replace("zhuanfa.pdf", "neibu.pdf")
    forwarding(cat, public)
    site = tmp_path / "site"
    built(gk, cat, site)
    assert (site / "records/R2026-001.html").is_file()
    cat.record(ORIGINAL, "records/2026/R2026-002.yaml")  # now 不予公开
    built(gk, cat, site)
    assert not (site / "records/R2026-001.html").exists() and not (site / "files/2026/zhuanfa.pdf").exists()
    built(gk, cat, tmp_path / "whole", "--no-cache")
    assert files(site) == files(tmp_path / "whole")


def test_the_portal_export_leaves_it_out_too(gk, cat, tmp_path):
    forwarding(cat)
    run = gk("export", "portal", cat.root, "--out", tmp_path / "portal")
    assert run.code == 0, run.out + run.err
    exported = everything(tmp_path / "portal")
    assert "R2026-001" not in exported and SECRET not in exported
