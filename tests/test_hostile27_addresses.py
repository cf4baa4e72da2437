"""Hostile pass 27 (lead): home addresses in forms the detector did not read, a masked ID misread.

1. A house in a numbered lane off a road — 中山街5巷3号, 中山路3巷12-1号, 新华路南3巷5号 (the lane named 南3巷),
   中山路北二巷十二号 — passed validate and went out: the address shapes knew 弄 between the road and the house
   (88弄3号) but not 巷. Now GK604, and build-site holds the record back.
2. A road's numbered section — 新安路二段12号, 新安路2段12号 — was read only when the section was 东/西/南/北/中段.
3. A compound's district before the building and room — 新城小区B区12-502, 阳光小区2区1201 — was read only after a
   期 (阳光花园二期3-302), not after a 区.
4. A flat in the bureau's own compound — 家住人民路1号3幢1201室 — was the bureau's address (the rooms of its building
   are where its letters go) even when the text says someone lives there: now an address when 家住, 居住, 现住,
   住址, 户籍地 or 家庭住址 comes before it in the same clause; the bureau's rooms stay its own otherwise.
5. A 15-digit 身份证号 masked too little in the middle (35052485031*12*) was reported as the mobile 130****5053 — its
   first eleven digits read backwards, a number the text does not hold, so the clerk could not find what to mask. A
   run of digits glued to mask marks is part of a masked number, never a number written backwards: now GK601 with
   35**********12*.

Expected values are typed by hand: a house, building and room number masked digit by digit, as DOMAIN.md §7 asks
for every detail below 村/乡镇; the words of the address stay.
"""

from __future__ import annotations

import pytest

from conftest import RECORD
from test_hostile7_gate import assert_held_back

from gongkai.privacy.detect import bureau_values, find

HOMES = {
    "凤城镇中山街5巷3号": "中山街*巷*号",
    "中山路3巷12-1号": "中山路*巷**-*号",
    "中山路3巷12-1": "中山路*巷**-*",
    "东岳社区新华路南3巷5号": "新华路南*巷*号",
    "凤城镇中山街五巷三号": "中山街*巷*号",
    "凤城镇新安路二段12号": "新安路*段**号",
    "新安路2段12号": "新安路*段**号",
    "二环路新城小区B区12-502": "小区B区**-***",
    "阳光小区2区1201": "小区*区****",
}
# Words that hold a lane, a section or a district and a number, and are no one's home
NOT_HOMES = ["全县3巷改造12号工程", "第二段12号", "国道324线二段12公里", "小区3区共1200户", "阳光小区2区1200平方米",
             "中山路3巷改造", "二期工程12号", "按照县里12号文件"]
BUREAU = bureau_values(["0595-23000000"], ["测试县城关镇人民路1号"])


@pytest.mark.parametrize("written", sorted(HOMES))
def test_a_home_in_a_lane_a_section_or_a_district_is_found(written: str) -> None:
    assert [(hit.kind, hit.masked) for hit in find(f"住址：{written}。")] == [("address", HOMES[written])]


@pytest.mark.parametrize("text", NOT_HOMES)
def test_these_stay_words(text: str) -> None:
    assert list(find(f"说明：{text}。")) == []


@pytest.mark.parametrize("text", ["家住测试县人民路1号3幢1201室", "陈水生，居住地：人民路1号3幢1201室",
                                  "户籍所在地人民路1号", "家庭住址：城关镇人民路1号民政大楼302室"])
def test_someone_living_in_the_bureaus_compound_is_a_home(text: str) -> None:
    assert {hit.kind for hit in find(text, BUREAU)} == {"address"}  # (人民路1号 and 302室 may be read apart)


@pytest.mark.parametrize("text", ["测试县人民路1号3幢1201室", "办公地址：人民路1号3幢1201室",
                                  "陈水生，家住城关镇，单位地址人民路1号3幢1201室", "来信请寄人民路1号民政大楼302室"])
def test_the_bureaus_own_rooms_stay_its_own(text: str) -> None:
    assert list(find(text, BUREAU)) == []


def test_a_home_in_a_lane_is_held_back_everywhere(gk, cat, tmp_path) -> None:
    cat.record(RECORD.replace("经审核，现将名单予以公示。", "经审核，现将名单予以公示。申请人住城关镇中山街5巷3号。"))
    run = gk("validate", cat.root)
    assert run.code == 1 and "GK604" in run.out and "中山街*巷*号" in run.out
    assert "中山街5巷3号" not in run.out + run.err
    assert_held_back(gk, cat, tmp_path, "5巷3号")


def test_a_masked_id_is_not_read_backwards_as_a_mobile() -> None:
    assert [(hit.kind, hit.masked) for hit in find("身份证号35052485031*12*")] == [("id15", "35**********12*")]
    assert [(hit.kind, hit.masked) for hit in find("手机43215950831")] == [("mobile", "138****1234")]  # still read


def test_validate_names_the_masked_id_as_written(gk, cat) -> None:
    cat.record(RECORD.replace("经审核，现将名单予以公示。", "经审核，现将名单予以公示。陈水生，身份证号35052485031*12*。"))
    run = gk("validate", cat.root)
    assert run.code == 1 and "GK601" in run.out and "35**********12*" in run.out and "130****5053" not in run.out
