"""gongkai inspect, fourteenth hostile round: the clerk's own inspect.yaml, links typed into 正文 with the portal's
path in other letters, and records that entered the history only in a merge commit.

Today is 2026-11-27 (a Friday) unless a test says otherwise.
"""

from __future__ import annotations

import pytest

from test_inspect import icat  # noqa: F401 - a fixture

TODAY = "2026-11-27"


@pytest.mark.parametrize(("text", "where", "said"), [
    # a list replaces the shipped one: its element lacks 类型 because the key was typed 「类 型」
    ("栏目类型推定:\n  - 类 型: 动态要闻\n    关键词: [动态]\n", "inspect.yaml:2:5", "键名「类 型」中间多了空格，应为「类型」"),
    ("栏目类型推定:\n  - 种类: 动态要闻\n    关键词: [动态]\n", "inspect.yaml:2:5", "未知字段「种类」"),
])
def test_a_key_written_wrong_in_inspect_yaml_is_named_not_an_internal_error(gk, icat, text, where, said):  # noqa: F811
    """Before (with one finding per wrong key): 「内部错误」, exit 3 — the explanations no longer paired one to one
    with pydantic's errors."""
    icat.write("inspect.yaml", text)
    run = gk("inspect", icat.root, "--today", TODAY)
    assert run.code == 2 and "内部错误" not in run.err
    assert f"{where}：{said}" in run.err
