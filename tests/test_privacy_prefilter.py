"""The pre-filter of the detectors only ever saves work: it never turns away a text the full path flags.

find() first asks may_hold_personal_data(): one search in C over the raw text. When it says no, the text is not
normalized or matched at all. These tests compare find() (pre-filter, then the full path) with find_unfiltered() (the
full path alone) over the corpus, over every corpus text with a character of the corpus alphabets put anywhere in it,
and over texts hypothesis builds from the corpus alphabets and the pieces of the corpus.
"""

from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

from gongkai.privacy.detect import find, find_unfiltered
from gongkai.privacy.normalize import SEPARATE, may_hold_personal_data
from test_privacy_detect import NEGATIVES, POSITIVES

CORPUS = [text for text, _ in POSITIVES] + NEGATIVES
# Every character the corpus is written in, and the forms a digit or a separator takes (normalize.py's tables):
# full-width, circled, superscript and subscript digits, Chinese numerals, look-alike letters, every width of space and
# dash, invisible characters, entity and tag characters, and what an address is written with.
FORMS = ("0123456789０１２３４５６７８９①③⑧⑴⒈❶¹²³⁴₁₂٣𝟑〇零○◯一壹幺二贰两三叁四肆五伍六陆七柒八捌九玖OoIlＯｌXx×ΧХⅩ"
         " \t\n\u00a0\u2009\u3000-\u2010\u2014\uff0d\u2212./／·_＿*＊`~\\，、。：:•+()（）"
         "\u200b\u00ad\ufeff\u202e\u2066\u3164\u2800\U000e0020🄂&#;<>!bnsp号室楼栋幢座单元组路街巷弄大道村社区之"
         ",EeＥ＋段后洋元¥")
ALPHABET = sorted(set("".join(CORPUS)) | set(FORMS))
MOBILE, ID = "13812345678", "350524198503151236"


def flagged(text: str) -> list[tuple[str, str, int, int]]:
    return sorted((h.kind, h.value, h.start, h.end) for h in find_unfiltered(text))


def test_the_pre_filter_lets_every_positive_of_the_corpus_through():
    for text, kinds in POSITIVES:
        assert may_hold_personal_data(text), text
    assert all(flagged(text) for text, _ in POSITIVES)


def test_the_pre_filter_turns_away_the_plain_texts_fields_are_mostly_made_of():
    # What the saving is for: dates, 索引号, names, amounts; hand-picked, each holds nothing.
    for text in ["2026-11-27", "350524-MZ-2026-00012", "安溪县民政局", "政府网站", "保障金额 1144 元", "第1页 共3页",
                 "2026年3月2日", "主动公开", "12,345.00元", "安民〔2025〕1号",
                 "关于殡葬管理工作的公告（第3号）", "国务院令第649号"]:
        assert not may_hold_personal_data(text), text


def test_find_and_the_full_path_agree_on_the_corpus():
    for text in CORPUS:
        assert sorted((h.kind, h.value, h.start, h.end) for h in find(text)) == flagged(text), text


def test_one_character_of_any_form_put_anywhere_in_a_flagged_text_does_not_hide_it_from_the_pre_filter():
    checked = 0
    for text, _ in POSITIVES[::3]:
        for position in range(0, len(text) + 1, 4):
            for char in FORMS:
                changed = text[:position] + char + text[position:]
                if not may_hold_personal_data(changed):
                    assert flagged(changed) == [], repr(changed)
                checked += 1
    assert checked > 10_000


PIECES = st.one_of(
    st.sampled_from(CORPUS),
    st.sampled_from([MOBILE, ID, "138", "1234", "5678", "350524", "19850315", "1236", "幺三八", "一二三四", "五六七八",
                     "&#51;", "&#x33;", "&nbsp;", "&sup1;", "<b>", "</b>", "<!--", "-->", "**", "12号", "3栋", "301室",
                     "凤城镇大同路", "湖二村", "３号楼", "社区", "组", "单元", "号楼", "大道", "街", "巷", "弄", "之",
                     "13,805,951,234", "1.38059512E10", "E+17", "3.50524198503151", "联中村后洋", "东段", "2幢", "1201"]),
    st.text(alphabet=ALPHABET, max_size=6),
)


@settings(max_examples=600)
@given(st.lists(PIECES, max_size=8).map("".join))
@example("&sup1;&sup3;&sup1;" * 4)
@example("3\u200b号")
@example("13８１２3④⑤⑥⑦⑧")
@example("某花园1203\u200b室")
@example("凤城镇大同路\u00ad118\u200b号")
@example("城厢镇3号\u2060楼")
@example("联中村\u200b后\u00ad洋４１\u200b号")
@example("1.3\u200b8059512\u200bＥ\u200b1０")
@example("新安路东段\u200b2-3号")
def test_the_pre_filter_never_turns_away_a_text_the_full_path_flags(text):
    if not may_hold_personal_data(text):
        assert flagged(text) == []
    assert sorted((h.kind, h.value, h.start, h.end) for h in find(text)) == flagged(text)


@settings(max_examples=300)
@given(st.lists(st.lists(PIECES, max_size=4).map("".join), max_size=6))
@example(["138 1234", "5678"])
@example(["3", "号"])
@example(["13812345", "\u200b678"])
def test_a_model_s_fields_joined_pass_the_pre_filter_exactly_when_one_of_them_does(texts):
    # model_findings() looks at a record's fields only when their join passes: no field may pass alone and be missed.
    assert may_hold_personal_data(SEPARATE.join(texts)) == any(map(may_hold_personal_data, texts))


def test_no_character_is_both_a_digit_and_a_joiner_to_the_pre_filter():
    # The pre-filter takes what joins two digits possessively: exact only while no character can be both (a digit is
    # \d or digit-like; a joiner \s, joining or invisible). ○ and ◯ (symbols and zeros) must be digits only.
    from gongkai.privacy.normalize import _INVISIBLE_RANGES, digits_and_joiners

    invisible = {chr(code) for first, last in _INVISIBLE_RANGES for code in range(first, last + 1)}
    for lists in (True, False):
        digits, joiners = digits_and_joiners(lists)
        both = [hex(code) for code in range(0x110000) if (chr(code).isdecimal() or chr(code) in digits)
                and (chr(code).isspace() or chr(code) in joiners or chr(code) in invisible)]
        assert both == []
    assert "○" in digits and "◯" in digits


@example("1○○○○○○○○○○")  # ○ is a zero and a symbol: as a digit, the joiners must not swallow it
@example("138○○○1234○")
@example("1◯3◯8◯1◯2◯3")
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789○◯〇 -,;，、·", min_size=11, max_size=30))
def test_circles_between_digits_are_read_as_the_full_path_reads_them(text):
    assert sorted((h.kind, h.value, h.start, h.end) for h in find(text)) == flagged(text)
    if flagged(text):
        assert may_hold_personal_data(text)


# Short-form flat addresses, each flagged by the full path: the pre-filter skips to a digit or a letter and looks
# behind it for the Chinese character (or the invisible one) it needs; typed by hand, with the value the detector finds.
SHORT_ADDRESSES = [
    ("幸福小区5#楼1202", "5#楼1202"),
    ("幸福小区5＃楼1202", "5#楼1202"),
    ("城东新村7-302", "新村7-302"),
    ("城东新村\u200b7-302", "新村7-302"),
    ("阳光花园\u200b12-301", "花园12-301"),
    ("阳光花园\u200b3-2-301", "3-2-301"),
    ("阳光花园B1-301", "花园B1-301"),
    ("城东新村\u200bB1-301", "新村B1-301"),
    ("金山小区\u200bB座1201", "B座1201"),
]


def test_short_form_addresses_pass_the_pre_filter_with_or_without_an_invisible_character():
    for text, value in SHORT_ADDRESSES:
        assert [(h.kind, h.value) for h in find_unfiltered(text)] == [("address", value)], text
        assert may_hold_personal_data(text), text
        assert may_hold_personal_data(f"第3页\x00{text}\x00共5页"), text


# normalize.STARRED, by hand: a mobile with one to three runs of marks in it (138****1234), or masked from its start —
# one to four marks, not after a digit or another mark, then seven to ten digits (*3805951234, ****5951234).
STARRED_CASES = [
    ("*3805951234", True), ("****5951234", True), ("电话：*3805951234。", True), ("138****1234", True),
    ("１３8●●●●1234", True), ("编号*1234567", True), ("13805951234", False), ("5*3805951234", False),
    ("*****3805951234", False), ("*123456", False), ("28****1234", False), ("联系人陈*生", False), ("", False),
]


def test_starred_finds_what_a_mobile_masked_in_the_middle_or_from_its_start_needs_and_nothing_else():
    from gongkai.privacy.normalize import STARRED

    assert [(text, STARRED.search(text) is not None) for text, _ in STARRED_CASES] == STARRED_CASES


def test_find_answers_alike_before_the_pre_filter_is_built_and_after():
    # A fresh process reads its first 100,000 characters by the full path alone (building the pre-filter costs more
    # than that: validate after one edit, a message masked before printing), then builds it: the same hits either way.
    import json
    import subprocess
    import sys

    texts = ["请致电13805951234", "身份证号350524198503151236", "通知如下，请认真贯彻落实", "住址：城厢镇解放路12号",
             "１３８ ０５９５ １２３４", "MTM4MDU5NTEyMzQ="]
    script = ("import json, sys; from gongkai.privacy.detect import find; from gongkai.privacy import normalize; "
              "T = json.loads(sys.argv[1]); ask = lambda: [[[h.kind, h.value] for h in find(t)] for t in T]; "
              "built = lambda: normalize._prefilter.cache_info().currsize > 0; before = (ask(), built()); "
              "[list(find('根据有关规定，现将有关事项通知如下。' * 50)) for _ in range(200)]; "
              "print(json.dumps([before, (ask(), built())]))")
    run = subprocess.run([sys.executable, "-c", script, json.dumps(texts)], capture_output=True, text=True, check=True)
    expected = [[["mobile", "13805951234"]], [["id", "350524198503151236"]], [], [["address", "解放路12号"]],
                [["mobile", "13805951234"]], [["mobile", "13805951234"]]]
    assert json.loads(run.stdout) == [[expected, False], [expected, True]]
