"""build-site answers "nothing changed" before loading the catalog, and notices every kind of change."""

from __future__ import annotations

from conftest import RECORD, git, text_pdf


def test_unchanged_catalog_is_not_loaded_again(gk, cat, tmp_path):
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0
    page = site / "records" / "R2026-001.html"
    before = page.stat().st_mtime_ns
    (cat.root / "records/2026/R2026-001.yaml").touch()  # same content, new mtime
    run = gk("build-site", cat.root, "--out", site, "--no-search")
    assert run.code == 0 and "网站没有变化" in run.out
    assert page.stat().st_mtime_ns == before


def test_an_edit_is_noticed(gk, cat, tmp_path):
    site = tmp_path / "site"
    gk("build-site", cat.root, "--out", site, "--no-search")
    cat.record(RECORD.replace("经审核，现将名单予以公示。", "经审核，现将第二批名单予以公示。"))
    run = gk("build-site", cat.root, "--out", site, "--no-search")
    assert "网站没有变化" not in run.out
    assert "第二批名单" in (site / "records" / "R2026-001.html").read_text(encoding="utf-8")


def test_an_attachment_edit_is_noticed(gk, cat, tmp_path):
    site = tmp_path / "site"
    cat.write("files/2026/R2026-001.pdf", text_pdf("first"))
    cat.record(RECORD + "附件:\n  - 文件: files/2026/R2026-001.pdf\n")
    gk("build-site", cat.root, "--out", site, "--no-search")
    cat.write("files/2026/R2026-001.pdf", text_pdf("second version"))
    run = gk("build-site", cat.root, "--out", site, "--no-search")
    assert "网站没有变化" not in run.out
    assert (site / "files/2026/R2026-001.pdf").read_bytes() == text_pdf("second version")


def test_a_commit_of_an_already_built_edit_updates_the_adjustment_page(gk, repo, tmp_path):
    """The working tree does not change when an edit is committed, but the 目录调整记录 page must."""
    site, catalog = tmp_path / "site", repo / "catalog"
    item = catalog / "items/shjz/SHJZ-001.yaml"
    item.write_text(item.read_text(encoding="utf-8").replace("公开方式: 主动", "公开方式: 依申请"), encoding="utf-8")
    gk("build-site", catalog, "--out", site, "--no-search")
    page = site / "changes" / "index.html"
    before = page.read_text(encoding="utf-8")
    git(repo, "commit", "-q", "-am", "调整公开方式")
    gk("build-site", catalog, "--out", site, "--no-search")
    after = page.read_text(encoding="utf-8")
    assert after != before and "公开方式" in after and "公开方式" not in before
