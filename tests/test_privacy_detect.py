"""The detectors against a corpus of positives and negatives; precision and recall are measured and asserted."""

from __future__ import annotations

import pytest

from gongkai.privacy.detect import allowed_values, classify, find, id_check_digit, luhn, valid_id
from gongkai.privacy.mask import mask_text, mask_value


def with_luhn(prefix: str) -> str:
    """*prefix* plus the digit that makes it pass Luhn."""
    return next(prefix + d for d in "0123456789" if luhn(prefix + d))


def with_bad_luhn(prefix: str) -> str:
    return next(prefix + d for d in "0123456789" if not luhn(prefix + d))


def id_of(first17: str) -> str:
    return first17 + id_check_digit(first17)


def bad_id(first17: str) -> str:
    good = id_check_digit(first17)
    return first17 + next(c for c in "0123456789X" if c != good)


CARD16, CARD19 = with_luhn("622202123456789"), with_luhn("621700123412341234")
CARD_GROUPED = " ".join([CARD16[i:i + 4] for i in range(0, 16, 4)])
AGENCY = "机关:\n  地址: 福建省泉州市安溪县凤城镇河滨北路168号\n  联系电话: \"0595-23222516\"\n  值班手机: \"13905950000\"\n"
ALLOWED = allowed_values(AGENCY)

# (text, kind of every piece of personal data in it)
POSITIVES: list[tuple[str, list[str]]] = [
    ("11010519491231002X", ["id"]),
    ("440524188001010014", ["id"]),
    ("34052419800101001X", ["id"]),
    ("身份证号：34052419800101001x。", ["id"]),
    (f"| 陈水生 | {id_of('35052419661203301')} | 1 | 1144 |", ["id"]),
    (f"公民身份号码{id_of('35052420100501402')}，户主", ["id"]),
    ("旧身份证 350524490101123", ["id15"]),
    ("联系电话13812345678", ["mobile"]),
    ("手机：199 1234 5678", ["mobile"]),
    ("电话 +86 150-0595-1234", ["mobile"]),
    ("（17750591234）", ["mobile"]),
    (f"银行卡号{CARD16}", ["bank"]),
    (f"账号：{CARD19}", ["bank"]),
    (f"卡号 {CARD_GROUPED}", ["bank"]),
    ("住址：剑斗镇经兜村12号", ["address"]),
    ("龙门镇榜寨村3组15号", ["address"]),
    ("凤城镇大同路118号", ["address"]),
    ("城厢镇某小区3号楼2单元301室", ["address"]),
    ("5栋2单元", ["address"]),
    ("某花园1203室", ["address"]),
    (f"林玉燕，{id_of('35052419550312102')}，13805951234，湖头镇湖二村7号", ["id", "mobile", "address"]),
]

NEGATIVES: list[str] = [
    "110105194912310021",  # wrong check digit
    "440524188001010015",
    "340524198001010011",
    bad_id("35052419661203301"),
    "安民〔2026〕12号",
    "闽民养老函〔2019〕126号",
    "《社会救助暂行办法》（国务院令第649号）",
    "索引号：350524-MZ-2026-00012",
    "350524-MZ-2025-00004",
    "2026-03-02",
    "2026年3月2日",
    "20260302",
    "成文日期 20260302，时间 20260302123000",
    "保障金额 1144 元",
    "27915.20 万元",
    "12,345,678.90元",
    "1234567890123元",
    "35*************123",
    "138****1234",
    "手机 138****1234，身份证 35*************123",
    "6222***********0128",
    "咨询电话：0595-23222516",
    "059523222516",
    "值班手机 13905950000",
    "办公地址：福建省泉州市安溪县凤城镇河滨北路168号",
    "统一社会信用代码 52350524MJD123456X",
    "邮编362400",
    "建成3座农村幸福院，第2栋楼已封顶",
    "2号文件",
    "12345政务服务热线",
    "12月31日前完成",
    "城乡最低生活保障标准由每人每月840元提高到每人每月880元",
    with_bad_luhn("622202123456789"),
    "订单号 1234567890",
    "1.3812345678",
    "版本 13812345678.5",
]


def kinds(text: str) -> list[str]:
    return sorted(hit.kind for hit in find(text, ALLOWED))


def measure() -> tuple[float, float, int, int]:
    """(precision, recall, true positives, false positives) over the corpus."""
    expected = sum(len(k) for _, k in POSITIVES)
    true_pos = sum(len(set(kinds(t)) & set(k)) for t, k in POSITIVES)
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


def test_check_digit_of_the_domain_examples():
    assert all(valid_id(v) for v in ("11010519491231002X", "440524188001010014", "34052419800101001X"))
    assert classify("11010519491231002X") == "id"
    assert classify("110105194912310021") is None


@pytest.mark.parametrize(("kind", "value", "masked"), [
    ("id", "11010519491231002X", "11*************02X"),
    ("id", "350524196612033013", "35*************013"),
    ("id15", "350524490101123", "35**********123"),
    ("mobile", "13812341234", "138****1234"),
    ("mobile", "138 1234 1234", "138****1234"),
    ("bank", "6222021234567890128", "6222***********0128"),
    ("address", "3号楼2单元301室", "*号楼*单元***室"),
])
def test_masking_format(kind, value, masked):
    assert mask_value(kind, value) == masked


def test_masked_text_passes_the_detectors():
    text = f"陈水生 11010519491231002X 13812345678 {CARD16} 经兜村12号"
    masked, done = mask_text(text)
    assert [k for k, _ in done] == ["id", "mobile", "bank", "address"]
    assert kinds(masked) == []
    assert "11010519491231002X" not in masked and "13812345678" not in masked
