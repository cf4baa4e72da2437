"""The detectors against a corpus of positives and negatives; precision and recall are measured and asserted.

Every number here is typed by hand: the 身份证号 come from the law's examples (DOMAIN.md §7) or were checked by hand
with GB 11643-1999 (S = Σ aᵢ·Wᵢ, W = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; S mod 11 → 1 0 X 9 8 7 6 5 4 3 2), the
card numbers by hand with Luhn. Nothing is built with the code under test.
"""

from __future__ import annotations

import pytest

from gongkai.privacy.detect import bureau_values, classify, find
from gongkai.privacy.numbers import valid_id
from gongkai.privacy.mask import mask_log, mask_text, mask_value

# One valid 身份证号 for each of the 11 check-digit values, with S and S mod 11.
IDS = {
    "0": "350524196612033010",  # S = 254, 254 mod 11 = 1 → 0
    "1": "350524199001011051",  # S = 220, mod 11 = 0 → 1
    "2": "350524201005014022",  # S = 219, mod 11 = 10 → 2
    "3": "350524199001011043",  # S = 218, mod 11 = 9 → 3
    "4": "440524188001010014",  # the law's example; S = 195, mod 11 = 8 → 4
    "5": "350524195503121025",  # S = 238, mod 11 = 7 → 5
    "6": "350524198503151236",  # S = 281, mod 11 = 6 → 6
    "7": "350524195001011117",  # S = 192, mod 11 = 5 → 7
    "8": "350524198810103218",  # S = 257, mod 11 = 4 → 8
    "9": "350524199302280079",  # S = 289, mod 11 = 3 → 9
    "X": "11010519491231002X",  # the law's example; S = 167, mod 11 = 2 → X
}
ALSO_VALID = ["34052419800101001X"]  # the law's third example
# Near misses: one digit off the check digit (or a transposition), so the check fails.
NEAR_MISSES = ["350524196612033011", "350524199001011052", "350524201005014020", "350524199001011049",
               "440524188001010015", "350524195503121026", "350524198503151237", "350524195001011118",
               "350524198810103219", "350524199302280070", "110105194912310021", "340524198001010011",
               "350524198503151263"]
CARD16 = "6222021234567894"  # Luhn by hand: 6 2 2 2 0 2 1 2 3 4 5 6 7 8 9 4
CARD19 = "6217001234123412346"
CARD_GROUPED = "6228 4800 1234 5678 903"
BAD_CARD = "6222021234567890"
ID = IDS["6"]
MOBILE = "13812345678"
AGENCY_PHONES = ["0595-23222516", "13905950000"]
BUREAU_ADDRESS = "福建省泉州市安溪县凤城镇河滨北路168号"

# (text, kind of every piece of personal data in it): one line per form a person (or an IME) writes a number in.
POSITIVES: list[tuple[str, list[str]]] = [
    *((value, ["id"]) for value in IDS.values()),
    *((value, ["id"]) for value in ALSO_VALID),
    ("身份证号：34052419800101001x。", ["id"]),
    (f"| 陈水生 | {IDS['0']} | 1 | 1144 |", ["id"]),
    ("旧身份证 350524490101123", ["id15"]),
    # full width (NFKC): a Chinese IME in full-width mode
    ("身份证 ３５０５２４１９８５０３１５１２３６", ["id"]),
    ("１１０１０５１９４９１２３１００２Ｘ", ["id"]),
    ("１３８１２３４５６７８", ["mobile"]),
    ("11010519491231002×", ["id"]),
    # separators between digit groups: spaces of every width, dots, dashes of every width, slashes, underscores
    ("350524 19850315 1236", ["id"]),
    ("350524\u300019850315\u30001236", ["id"]),
    ("350524\u00a019850315\u00a01236", ["id"]),
    ("350524\u200919850315\u20091236", ["id"]),
    ("3505 2419 8503 1512 36", ["id"]),
    ("350524.19850315.1236", ["id"]),
    *((f"350524{d}19850315{d}1236", ["id"]) for d in "-\u2010\u2011\u2012\u2013\u2014\u2015\uff0d\ufe63\u2212"),
    ("350524/19850315/1236", ["id"]),
    ("350524／19850315／1236", ["id"]),
    ("350524_19850315_1236", ["id"]),
    ("138 1234 5678", ["mobile"]),
    ("138-1234-5678", ["mobile"]),
    ("138—1234—5678", ["mobile"]),
    ("138.1234.5678", ["mobile"]),
    ("手机：199 1234 5678", ["mobile"]),
    ("电话 +86 150-0595-1234", ["mobile"]),
    ("（17750591234）", ["mobile"]),
    # invisible characters between the digits
    *((f"3505241985{c}03151236", ["id"]) for c in "\u200b\u200c\u200d\u2060\u00ad\ufeff\u200e\u200f\u202e\u2066"),
    ("138\u200b1234\u200b5678", ["mobile"]),
    # Markdown and HTML splitting or encoding a number
    ("3505**24**198503151236", ["id"]),
    ("350524\\_198503151236", ["id"]),
    ("`3505`24198503151236", ["id"]),
    ("3505~~24~~198503151236", ["id"]),
    ("3505<b></b>24198503151236", ["id"]),
    ("3505<!-- x -->24198503151236", ["id"]),
    ("&#51;50524198503151236", ["id"]),
    ("&#x33;50524198503151236", ["id"]),
    ("&#xFF13;50524198503151236", ["id"]),
    ("138&nbsp;1234&nbsp;5678", ["mobile"]),
    # in names, ids and paths
    ("files/2026/350524198503151236.pdf", ["id"]),
    ("R350524198503151236", ["id"]),
    ("ID350524198503151236", ["id"]),
    (f"银行卡号{CARD16}", ["bank"]),
    (f"账号：{CARD19}", ["bank"]),
    (f"卡号 {CARD_GROUPED}", ["bank"]),
    ("卡号 ６２２２０２１２３４５６７８９４", ["bank"]),
    ("住址：剑斗镇经兜村12号", ["address"]),
    ("龙门镇榜寨村3组15号", ["address"]),
    ("凤城镇大同路118号", ["address"]),
    ("城厢镇某小区3号楼2单元301室", ["address"]),
    ("城厢镇某小区３号楼２单元３０１室", ["address"]),
    ("5栋2单元", ["address"]),
    ("某花园1203室", ["address"]),
    (f"林玉燕，{IDS['5']}，13805951234，湖头镇湖二村7号", ["id", "mobile", "address"]),
    ("13812345678\n13912345678", ["mobile", "mobile"]),
    # issue 11, second pass: Chinese numerals (read out, handwritten, capitals), other digit forms, look-alikes
    ("联系电话一三八一二三四五六七八", ["mobile"]),
    ("幺三八 幺二三四 五六七八", ["mobile"]),
    ("壹叁捌壹贰叁肆伍陆柒捌", ["mobile"]),
    ("三五〇五二四一九八五〇三一五一二三六", ["id"]),
    ("三五○五二四一九八五○三一五一二三六", ["id"]),
    ("138幺二三四五六七八", ["mobile"]),
    ("联系人王五一三八零五九五一二三四", ["mobile"]),
    ("张三13805951234", ["mobile"]),
    ("①③⑧①②③④⑤⑥⑦⑧", ["mobile"]),
    ("¹³⁸¹²³⁴⁵⁶⁷⁸", ["mobile"]),
    ("11010519491231002\u03a7", ["id"]),
    ("11010519491231002\u0425", ["id"]),
    ("11010519491231002\u2169", ["id"]),
    # glued prefixes and punctuation between the groups
    ("+8613812345678", ["mobile"]),
    ("008613812345678", ["mobile"]),
    ("(86)13812345678", ["mobile"]),
    ("013812345678", ["mobile"]),
    ("138，1234，5678", ["mobile"]),
    ("138、1234、5678", ["mobile"]),
    ("138。1234。5678", ["mobile"]),
    ("138:1234:5678", ["mobile"]),
    ("(138)1234-5678", ["mobile"]),
    ("（138）1234 5678", ["mobile"]),
    ("138•1234•5678", ["mobile"]),
    ("138+1234+5678", ["mobile"]),
    ("138      1234      5678", ["mobile"]),
    ("138\u31641234\u31645678", ["mobile"]),
    ("138\u28001234\u28005678", ["mobile"]),
    ("350524\u3164198503151236", ["id"]),
    # a check digit standing apart; letters read as digits between digits
    ("34052419800101001 X", ["id"]),
    ("34052419800101001-x", ["id"]),
    ("3505241985O3151236", ["id"]),
    ("138l2345678", ["mobile"]),
    ("138I2345678", ["mobile"]),
    # a number a spreadsheet wrote as a float (13812345678.0): the zero fraction is not a decimal part
    ("联系电话 13812345678.0", ["mobile"]),
    ("| 陈水生 | 6222021234567894.0 |", ["bank"]),
    ("手机13812345678.00，", ["mobile"]),
    # the same float tail after a number written in groups (138 1234 5678.0): the whole number, not its last group
    ("电话 138 1234 5678.0", ["mobile"]),
    ("手机 138-1234-5678.00", ["mobile"]),
    ("身份证 350524 19881010 3218.0", ["id"]),
    ("卡号 6228 4800 1234 5678 903.00", ["bank"]),
    # hostile pass 7: thousands grouping (Excel's 千位分隔样式), scientific notation, a float's lost check digit
    ("联系电话 13,805,951,234", ["mobile"]),
    ("手机 13,805,951,234.00", ["mobile"]),
    ("卡号 6,222,021,234,567,894", ["bank"]),
    ("1.3805951234E+10", ["mobile"]),
    ("1.3805951234E10", ["mobile"]),
    ("1.3805951234e+10", ["mobile"]),
    ("电话 1.38059512E10", ["mobile"]),  # Java's Double.toString drops the zeros of 13805951200
    ("身份证号 3.50524198503151E+17", ["id"]),
    ("3.5052419850315123E+17", ["id"]),
    ("350524198503151000", ["id"]),
    # rural and urban addresses: 村 + 自然村 + 号, 弄, a room without 室, a road section
    ("蓬莱镇联中村后洋41号", ["address"]),
    ("官桥镇赤岭村赤岭78号", ["address"]),
    ("魁斗镇莲美村顶坂32-1号", ["address"]),
    ("凤城镇大同路88弄3号", ["address"]),
    ("凤城镇金谷花园2幢1201", ["address"]),
    ("凤城镇新安路东段2-3号", ["address"]),
]

NEGATIVES: list[str] = [
    *NEAR_MISSES,
    # from a false-positive hunt of the seventh pass's rules
    "分别为13，805，951，234户",  # the Chinese comma is a clause comma, never a thousands separator
    "农村低保对象分别为13，105，210，316户",
    "资金13,805,951,234（元）",  # money: its unit in brackets
    "乡村振兴1号工程",  # 乡村 names no village
    "农村危房改造12号",
    "各村支书5号前上报",
    "2幢2023、2024年",  # years, not a room
    "3座1200千瓦",
    "1.38E+10",  # a round value
    "安民〔2026〕12号",
    "闽民养老函〔2019〕126号",
    "《社会救助暂行办法》（国务院令第649号）",
    "索引号：350524-MZ-2026-00012",
    "350524-MZ-2025-00004",
    "350524－MZ－2026－00012",
    "2026-03-02",
    "2026年3月2日",
    "20260302",
    "2026-03-02至2026-03-09",
    "2026.03.02-2026.03.09",
    "2026-09-01 12:30:45",
    "成文日期 20260302，时间 20260302123000",
    "保障金额 1144 元",
    "27915.20 万元",
    "1,320.00元",
    "12,345,678.90元",
    "1234567890123元",
    "1234567890123.00元",
    "合计 1 234.0 元",  # a grouped amount with a zero fraction: short of a number's length
    "面积 12 345.00 平方米",
    "622202123456789.00 元",  # fifteen digits: an amount may still be that long (sixteen: tests/test_hostile6_*)
    "35*************123",
    "３５＊＊＊＊＊＊＊＊＊＊＊＊＊１２３",
    "138****1234",
    "手机 138****1234，身份证 35*************123",
    "6222***********0128",
    "咨询电话：0595-23222516",
    "0595－2322 2516",
    "(0595)23222516",
    "0595 2322 2516",
    "059523222516",
    "值班手机 13905950000",
    "值班手机 139 0595 0000",
    "办公地址：福建省泉州市安溪县凤城镇河滨北路168号",
    "统一社会信用代码 52350524MJD123456X",
    "邮编362400",
    "建成3座农村幸福院，第2栋楼已封顶",
    "2号文件",
    "12345政务服务热线",
    "12月31日前完成",
    "城乡最低生活保障标准由每人每月840元提高到每人每月880元",
    BAD_CARD,
    "订单号 1234567890",
    "1.3812345678",
    "版本 13812345678.5",
    "3.14159265358979323",
    "192.168.100.200",
    "sha256: 0f3c13812345678a9e4b7d2c1350524198503151236ffa0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d",
    "第1页 共3页",
    "| 1 | 陈水生 | 3 | 1144 | 2026-09-01 |",
    # issue 11, second pass: numerals that are words and dates, lists, codes
    "二〇二六年十一月二十七日",
    "二○二六年十二月一日起施行",
    "依照第一、二、三条，一一对应",
    "一二三四五六七八九十",
    "2024、2025、2026年连续三年",
    "第5、6、7、8、9、10、11、12批",
    "合计 1，320.00元",
    "办理时间 8:30—12:00，14:30—17:30",
    "第138期（总第1234期）",
    "村代码350524101201",
    "编号513401001001",
    "（2026）12号、（2025）138号",
    "13:00:00 至 17:30:00",
    "Windows 10 X 11",
    "5 x 6 米",
    "2026O1批次",
    # hostile pass 7: amounts in thousands grouping, numbers in scientific notation, 文号 and titles near 村
    "13,805,951,234元",
    "￥13,805,951,234",
    "金额：13,805,951,234",
    "13,805,951,234.50",
    "第1,13,805,951,234条",
    "12,345,678,901",
    "1.38059512345E+10",
    "3.50524E+17",
    "350524198503151232",
    "村委会〔2026〕3号",
    "各村按照2026年1号文件",
    "各村按照第1号文件",
    "村委会公告3号",
    "2026年第3号公告",
    "新建2栋1200平方米",
]


def kinds(text: str) -> list[str]:
    # The bureau's own values are worked out on every call, not once at import: mutation testing sees them too.
    allowed = bureau_values(AGENCY_PHONES, [BUREAU_ADDRESS])
    return sorted(hit.kind for hit in find(text, allowed))


def measure() -> tuple[float, float, int, int]:
    """(precision, recall, true positives, false positives) over the corpus."""
    expected = sum(len(k) for _, k in POSITIVES)
    true_pos = sum(min(kinds(t).count(kind), k.count(kind)) for t, k in POSITIVES for kind in set(k))
    false_pos = sum(len(kinds(t)) for t in NEGATIVES)
    false_pos += sum(max(0, len(kinds(t)) - len(k)) for t, k in POSITIVES)
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    return precision, true_pos / expected, true_pos, false_pos


def test_precision_and_recall_over_the_corpus(capsys):
    precision, recall, true_pos, false_pos = measure()
    with capsys.disabled():
        print(f"\nprivacy corpus: {len(POSITIVES)} positive texts, {len(NEGATIVES)} negative texts; "
              f"precision {precision:.3f}, recall {recall:.3f} (TP {true_pos}, FP {false_pos})")
    assert recall == 1.0
    assert precision >= 0.95


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_positive(text, expected):
    assert kinds(text) == sorted(expected)


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative(text):
    assert kinds(text) == []


@pytest.mark.parametrize(("check", "value"), sorted(IDS.items()))
def test_every_check_digit_value(check, value):
    assert value[-1] == check and valid_id(value) and classify(value) == "id"


@pytest.mark.parametrize("value", NEAR_MISSES)
def test_near_misses_fail_the_check(value):
    assert not valid_id(value) and classify(value) is None


def test_a_hit_points_at_the_users_own_characters():
    text = "户主 ３５０５２４\u200b１９８５０３１５１２３６ 住凤城镇"
    [hit] = find(text)
    assert text[hit.start:hit.end] == "３５０５２４\u200b１９８５０３１５１２３６"
    assert hit.value == ID and hit.masked == "35*************236"


@pytest.mark.parametrize(("kind", "value", "masked"), [
    ("id", "11010519491231002X", "11*************02X"),
    ("id", "350524196612033010", "35*************010"),
    ("id15", "350524490101123", "35**********123"),
    ("mobile", "13812341234", "138****1234"),
    ("mobile", "138 1234 1234", "138****1234"),
    ("bank", "6222021234567890128", "6222***********0128"),
    ("address", "3号楼2单元301室", "*号楼*单元***室"),
])
def test_masking_format(kind, value, masked):
    assert mask_value(kind, value) == masked


def test_masked_text_passes_the_detectors():
    text = f"陈水生 11010519491231002X 13812345678 {CARD16} 经兜村12号 ３５０５２４ １９８５０３１５ １２３６"
    masked, done = mask_text(text)
    assert [k for k, _ in done] == ["id", "mobile", "bank", "address", "id"]
    assert kinds(masked) == []
    assert masked == "陈水生 11*************02X 138****5678 6222********7894 经兜村**号 35*************236"


def test_mask_log_hides_every_form():
    for text, _ in POSITIVES:
        assert kinds(mask_log(text)) == [], text


@pytest.mark.parametrize("text", [
    '"records/R2025-000863-slide.html":["18703021955e01e3f1b8a6c5b050c892", "aa7f364de52973690ead1f9e17d7bd54"],',
    "4146333301189058edc9745715afd660",
    "sha256 13812345678abcdef0123456789abcd",
])
def test_checksums_are_not_numbers(text):
    assert kinds(text) == []


# The edges of a 身份证号's shape (GB 11643-1999): the first digit is a region 1–8, the birth date lies between
# 1880-01-01 and 2100-12-31. Check digits worked out by hand as above (S, S mod 11).
@pytest.mark.parametrize(("value", "kind"), [
    ("950524198503151238", None),  # region 9 does not exist (S = 323, mod 11 = 4 → 8)
    ("050524198503151235", None),  # nor 0 (S = 260, mod 11 = 7 → 5)
    ("350524188001010012", "id"),  # born 1880-01-01, the first day (S = 197, mod 11 = 10 → 2)
    ("350524187912310011", None),  # born 1879-12-31, the day before (S = 264, mod 11 = 0 → 1)
    ("350524210012310019", "id"),  # born 2100-12-31, the last day (S = 190, mod 11 = 3 → 9)
    ("350524210101010018", None),  # born 2101-01-01, the day after (S = 147, mod 11 = 4 → 8)
    ("350524491231123", "id15"),  # 15 digits: born (19)49-12-31
    ("950524491231123", None),  # 15 digits in region 9
    ("350524491331123", None),  # 15 digits: month 13
])
def test_the_edges_of_an_id_number(value, kind):
    assert classify(value) == kind


def test_the_bureaus_own_numbers_and_address_are_allowed_and_nothing_else():
    allowed = bureau_values(AGENCY_PHONES, [BUREAU_ADDRESS])
    assert allowed == frozenset({"13905950000", "滨北路168号"})  # an address hit runs back to the road name
