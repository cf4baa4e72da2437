"""The earlier revisions of a PDF saved by incremental updates (privacy.documents): each is read page by page, up to
sixteen updates (seventeen versions); a file with more is refused, since the earliest would go unread. Two planted bugs
had survived every test: the first revision skipped (the file's own bytes still held its text, so only the place said
changed) and one update more let through."""

from __future__ import annotations

import pytest

from conftest import text_pdf
from gongkai.privacy.documents import document_segments
from gongkai.privacy.extract import Unreadable
from test_gate_hostile import incremental_update

MOBILE = "13805951234"


def _updated(times: int) -> bytes:
    data = text_pdf(f"tel {MOBILE}")
    for n in range(times):
        data = incremental_update(data, f"version {n + 2}")
    return data


def test_the_first_revision_is_read_as_its_pages_were() -> None:
    segments, _ = document_segments("pdf", _updated(2), "附件「通知.pdf」")
    pages = {s.where: s.text for s in segments if "早先版本" in s.where}
    assert MOBILE in pages["附件「通知.pdf」 早先版本1 第1页"]
    assert "version 2" in pages["附件「通知.pdf」 早先版本2 第1页"]
    assert "附件「通知.pdf」 早先版本3 第1页" not in pages  # the third version is the file as it stands


def test_sixteen_updates_are_read_and_seventeen_are_refused() -> None:
    segments, _ = document_segments("pdf", _updated(16), "附件「通知.pdf」")
    assert MOBILE in next(s.text for s in segments if s.where.endswith("早先版本1 第1页"))
    with pytest.raises(Unreadable, match="17 次增量修改（保存了 18 个版本），超过 gongkai 逐一检查的 17 个"):
        document_segments("pdf", _updated(17), "附件「通知.pdf」")
