"""The fast path (yaml-rs) and the positional path (ruamel) read the same data; the cache never changes a result."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import ITEM, RECORD
from gongkai.catalog.files import parse_file
from gongkai.catalog.yamlio import YamlFailure, parse_fast, parse_positional, to_plain

# YAML 1.1 and 1.2 disagree on these; both paths must read them the YAML 1.2 way, and dates stay text.
TRICKY = [
    "a: yes", "a: no", "a: on", "a: off", "a: y", "a: True", "a: 010", "a: 0o10", "a: 0x1F", "a: 1_000",
    "a: ~", "a: null", "a: 1e3", "a: 1.5", "a: .inf", "a: 12:30", "a: 1:20:30", "a: 3.10", "a: +1", "a: -0",
    "a: 2026-01-05", "a: 2026-1-5", "a: 2026-01-05T10:00:00", "a: '2026-01-05'", "a: 0595-23222333",
    "a: 350524", "a: \"350524\"", "a: [县级, 乡级]", "a: |\n  多行\n  正文\n", "a: >\n  折叠\n  正文\n",
    "a:\n  - 1\n  - 二\n", "a: {b: 1, c: [x, y]}", "a: 安民〔2026〕12号", "a: 35*************123",
    # a number that starts with its point and has an exponent: a float to yaml-rs, text to ruamel (hypothesis found
    # 编号: .0e0); both paths now give the text
    "a: .0e0", "a: .5e1", "a: -.0E0", "a: +.5e-1",
]


@pytest.mark.parametrize("text", TRICKY)
def test_fast_and_positional_paths_agree(text):
    assert parse_fast(text) == to_plain(parse_positional(text))


def test_dates_are_text_on_both_paths():
    assert parse_fast("a: 2026-01-05") == {"a": "2026-01-05"}
    assert to_plain(parse_positional("a: 2026-01-05")) == {"a": "2026-01-05"}


@pytest.mark.parametrize("text", [ITEM, RECORD])
def test_real_files_agree(text):
    assert parse_fast(text) == to_plain(parse_positional(text))


yaml_scalars = st.one_of(
    st.text(alphabet="安溪民政0123456789abcyesnoYNtrue-:.,~ ", max_size=12),
    st.integers(-10**6, 10**6),
    st.sampled_from(["yes", "no", "on", "off", "010", "0o7", "1_0", "2026-02-30", "~", "null", ".nan"]),
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.dictionaries(st.sampled_from(["编号", "题名", "a", "b", "页数"]), yaml_scalars, max_size=5))
@example(mapping={"编号": ".0e0"})
def test_generated_documents_agree_or_both_fail(mapping):
    text = "".join(f"{k}: {v}\n" for k, v in mapping.items())
    try:
        fast = parse_fast(text)
    except YamlFailure:
        with pytest.raises(YamlFailure):
            parse_positional(text)
        return
    assert repr(fast) == repr(to_plain(parse_positional(text)))  # repr: NaN equals itself


def test_diagnostics_equal_with_and_without_cache(gk, bundled):
    """Break a few files; the report from a cold run, a warm run and a --no-cache run is identical."""
    (bundled / "items/shjz/SHJZ-002.yaml").write_text(ITEM.replace("公开方式: 主动", "公开方式: 主动发布"), encoding="utf-8")
    record = next((bundled / "records/2026").glob("*.yaml"))
    record.write_text(record.read_text(encoding="utf-8").replace("页数:", "页数: 三\n备用:"), encoding="utf-8")
    cold = gk("validate", bundled, "--format", "json")
    warm = gk("validate", bundled, "--format", "json")
    fresh = gk("validate", bundled, "--format", "json", "--no-cache")
    assert cold.out == warm.out == fresh.out
    assert json.loads(cold.out)["summary"]["errors"] >= 3


def test_changed_file_is_read_again(gk, cat):
    assert gk("validate", cat.root).code == 0
    path = cat.root / "records/2026/R2026-001.yaml"
    path.write_text(RECORD.replace("页数: 1", "页数: 三"), encoding="utf-8")
    assert gk("validate", cat.root).code == 1
    path.write_text(RECORD, encoding="utf-8")
    assert gk("validate", cat.root).code == 0


def test_moved_file_keeps_its_findings_at_the_new_path(gk, cat):
    bad = RECORD.replace("页数: 1", "页数: 三")
    cat.record(bad)
    assert gk("validate", cat.root).code == 1
    (cat.root / "records/2026/R2026-001.yaml").rename(cat.root / "records/2026/R2026-001.yml")
    data = gk("validate", cat.root, "--format", "json").json()
    assert {d["path"] for d in data["diagnostics"] if d["code"] == "GK103"} == {"records/2026/R2026-001.yml"}


def test_parse_file_never_raises_on_random_bytes():
    @settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
    @given(st.binary(max_size=400))
    def check(data: bytes) -> None:
        result = parse_file("records/2026/R2026-001.yaml", "record", "x", data)
        assert result.model is not None or result.diagnostics

    check()


def test_parse_file_never_raises_on_random_yaml_text():
    alphabet = st.sampled_from(list("编号题名公开属性：:，,-[]{}&*!|>'\"# \n\t\u3000abc123"))

    @settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
    @given(st.text(alphabet=alphabet, max_size=200))
    def check(text: str) -> None:
        result = parse_file("items/shjz/SHJZ-001.yaml", "item", "x", text.encode("utf-8"))
        assert result.model is not None or result.diagnostics
        for diag in result.diagnostics:
            assert diag.line is not None and diag.line >= 1 and diag.message

    check()
