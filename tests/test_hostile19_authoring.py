"""Hostile pass on the schema, validate and authoring (issues 2 and 7), as a clerk who writes YAML in Notepad on
Windows would try them. Expected keys, lines, columns and words are typed by hand from the files written here."""

from __future__ import annotations

import pytest

from tests.conftest import RECORD, CatalogDir


def _diags(gk, cat: CatalogDir) -> list[dict]:
    run = gk("validate", cat.root, "--format", "json", "--no-cache")
    assert run.code in (0, 1), run.err
    return run.json()["diagnostics"]  # type: ignore[index,no-any-return]


def _where(diags: list[dict], code: str) -> list[tuple[str, int, int]]:
    return [(d["path"], d["line"], d["column"]) for d in diags if d["code"] == code]


# ------------------------------------------------------------------ a key typed one character off, or in pinyin


@pytest.mark.parametrize("typed", ["文钟", "wenzhong", "WenZhong", "wen_zhong"])
def test_a_key_one_character_off_or_in_pinyin_is_taken_for_the_key_the_file_lacks(gk, cat, typed):
    # 「文钟」 is one character from 文种 and two from 正文: it was suggested as 「正文」 and 文种 reported missing apart
    cat.record(RECORD.replace("文种: 公示", f"{typed}: 公示"))
    diags = _diags(gk, cat)
    unknown = [d for d in diags if d["code"] == "GK102"]
    assert len(unknown) == 1
    assert unknown[0]["message"] == f"未知字段「{typed}」，因此缺少必填字段「文种」"
    assert unknown[0]["hint"] == "是否想写「文种」？把键名改为「文种」。"
    assert (unknown[0]["line"], unknown[0]["column"]) == (5, 1)
    assert not any(d["code"] == "GK101" for d in diags)


def test_a_key_in_pinyin_whose_field_is_not_required_is_named(gk, cat):
    cat.record(RECORD.replace("页数: 1", "yeshu: 1"))
    unknown = [d for d in _diags(gk, cat) if d["code"] == "GK102"]
    assert [(d["message"], d["hint"], d["line"]) for d in unknown] == [("未知字段「yeshu」", "是否想写「页数」？", 16)]
