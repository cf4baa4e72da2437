"""Thirty-third hostile pass, on a new bureau's first hour with `gongkai init` (src/gongkai/setup/answers.py).

Expected values are typed by hand: 永春县 is 350525; its first three 乡镇 are 桃城镇 350525100, 五里街镇 350525101 and
一都镇 350525102 (the bundled list, DOMAIN.md §9), whose 乡镇民政办 are mzb-100, mzb-101 and mzb-102.

Found by this pass:
1. A phone number, 邮编 or e-mail address typed with the input method's full-width mode on
   (「０５９５－２３８８１２３４」, 「３６２６００」, 「ｍｚｊ＠ｅｘａｍｐｌｅ．ｃｎ」 — in the answers file, a flag or at a
   prompt) went into gongkai.yaml as typed. The site's 政府信息公开指南 and footer then showed 「０５９５」 and
   「２３８８１２３４」 as two separate tel: links (a citizen tapping one dialled 0595), the 邮编 in full-width, and the
   e-mail address as text with warning GK901 (so `gongkai validate --strict` failed on the catalog init had just
   made). Every number and address of the answers (机关 and 依申请公开 联系电话, 邮编, 传真, 电子邮箱, a 单位's 联系电话)
   is now written in half-width: 「0595-23881234」, 「362600」, 「mzj@example.cn」, one tel:0595-23881234 link.
2. 乡镇 pasted from Word as one text (「乡镇: 桃城镇、五里街镇，一都镇」) was refused with advice to switch the comma to
   half-width (which would not have helped: it is still one text); 「--town 桃城镇、五里街镇」 was refused as 「不是本县的
   乡镇」. The prompt itself takes names separated by 、 and ，. The answers file and the flags now take them as the
   prompt does (、，,；; and line or tab breaks), for 乡镇 and 指引 alike: the three 乡镇民政办 are made.
3. `gongkai init 德化县民政局 --from-xlsx 表.xlsx` with the table a neighbour (永春) exported with gongkai — the way a
   county passes its 标准目录 on — warned at every row 「编号「SHJZ-001」的事项在导出表格时还在目录中，之后事项文件被删去了
   …删去是对的，请在表格中删去这一行」 (19 warnings telling the clerk to delete every row of the table): the export's
   record of 永春's items was read as the new catalog's own. init now imports with no base (a new catalog exported
   nothing): no such warning.
4. The same table carried 永春's generated 空白说明 「本栏目自2026年3月2日启用，暂未产生此类信息。」 into 德化's items,
   adopted 2026-12-07, unmarked: 德化's site told citizens its columns had run empty since March, and nothing asked the
   clerk to check it (「0 条生成的空白说明待确认」). A 空白说明 generated on another day is now generated anew:
   「本栏目自2026年12月7日启用，暂未产生此类信息。  # 待确认」.
5. A wrong value given by one of the desk's flags (`--online-url www.yc.gov.cn/ysq`, no https://) was said with all
   five flags as its source 「（--desk-office、--desk-hours、--online-url、--review-body、--court）」; it is now named by
   its own flag 「（--online-url）」.
"""

from __future__ import annotations

from pathlib import Path

import pytest

BASE = """\
机关名称: 永春县民政局
区划代码: "350525"
联系人: 张三
地址: 永春县桃城镇八二三路1号
领导:
  - 姓名: 陈明
    职务: 局长
"""
WIDE = BASE + """\
联系电话: "０５９５－２３８８１２３４"
邮编: "３６２６００"
电子邮箱: ｍｚｊ＠ｅｘａｍｐｌｅ．ｃｎ
乡镇: [桃城镇]
"""


def _init(gk, tmp_path: Path, answers: str, *flags: str):
    path = tmp_path / "答案.yaml"
    path.write_text(answers, encoding="utf-8")
    return gk("init", tmp_path / "永春 民政局", "--answers", path, "--yes", "--ci", "无", *flags)


def test_full_width_contacts_are_written_half_width(gk, tmp_path: Path) -> None:
    run = _init(gk, tmp_path, WIDE, "--phone", "０５９５－２３８８１２３４")
    assert run.code == 0, run.out + run.err
    text = (tmp_path / "永春 民政局" / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert '  联系电话: "0595-23881234"' in text
    assert '  邮编: "362600"' in text
    assert "  电子邮箱: mzj@example.cn" in text
    assert "０" not in text and "＠" not in text
    assert "GK901" not in run.out + run.err
    catalog = tmp_path / "永春 民政局" / "catalog"
    assert gk("validate", catalog).code == 0
    site = tmp_path / "site"
    assert gk("build-site", catalog, "--out", site).code == 0
    guide = (site / "zhinan" / "index.html").read_text(encoding="utf-8")
    assert 'href="tel:0595-23881234"' in guide
    assert 'href="mailto:mzj@example.cn"' in guide
    assert "tel:０" not in guide


def test_desk_and_unit_numbers_half_width(gk, tmp_path: Path) -> None:
    answers = BASE + """\
联系电话: "0595-23881234"
电子邮箱: mzj@example.cn
乡镇: []
单位:
  - 编号: shjzg
    名称: 社会救助股
    联系电话: "０５９５－２３８８５６７８"
依申请公开:
  传真: "０５９５－２３８８９９９９"
  电子邮箱: ｇｋ＠ｅｘａｍｐｌｅ．ｃｎ
"""
    run = _init(gk, tmp_path, answers)
    assert run.code == 0, run.out + run.err
    text = (tmp_path / "永春 民政局" / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert '联系电话: "0595-23885678"' in text
    assert '传真: "0595-23889999"' in text
    assert "电子邮箱: gk@example.cn" in text


@pytest.mark.parametrize("towns", ["乡镇: 桃城镇、五里街镇，一都镇\n", '乡镇: "桃城镇\\t五里街镇\\n一都镇"\n',
                                   "乡镇: [桃城镇、五里街镇, 一都镇]\n"])
def test_towns_pasted_as_one_text(gk, tmp_path: Path, towns: str) -> None:
    run = _init(gk, tmp_path, BASE + '联系电话: "0595-23881234"\n电子邮箱: mzj@example.cn\n' + towns)
    assert run.code == 0, run.out + run.err
    text = (tmp_path / "永春 民政局" / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert [line.strip() for line in text.splitlines() if "编号: mzb-" in line] == \
        ["- 编号: mzb-100", "- 编号: mzb-101", "- 编号: mzb-102"]
    assert "名称: 桃城镇民政办" in text and "名称: 五里街镇民政办" in text and "名称: 一都镇民政办" in text


def test_town_and_guideline_flags_with_several_names(gk, tmp_path: Path) -> None:
    run = _init(gk, tmp_path, BASE + '联系电话: "0595-23881234"\n电子邮箱: mzj@example.cn\n',
                "--town", "桃城镇、五里街镇", "--town", "一都镇", "--guideline", "社会救助，")
    assert run.code == 0, run.out + run.err
    text = (tmp_path / "永春 民政局" / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    assert [line.strip() for line in text.splitlines() if "编号: mzb-" in line] == \
        ["- 编号: mzb-100", "- 编号: mzb-101", "- 编号: mzb-102"]
    assert "代码: SHJZ" in text and "代码: YLFW" not in text


DEHUA = """\
机关名称: 德化县民政局
区划代码: "350526"
联系人: 李四
联系电话: "0595-23521234"
电子邮箱: dh@example.cn
地址: 德化县浔中镇
领导:
  - 姓名: 王五
    职务: 局长
"""


def test_neighbours_exported_table_starts_a_new_catalog(gk, tmp_path: Path) -> None:
    yongchun = _init(gk, tmp_path, BASE + '联系电话: "0595-23881234"\n电子邮箱: mzj@example.cn\n', "--today", "2026-03-02")
    assert yongchun.code == 0, yongchun.out + yongchun.err
    table = tmp_path / "永春 标准目录.xlsx"
    assert gk("export", "xlsx", "-C", tmp_path / "永春 民政局" / "catalog", "-o", table).code == 0
    answers = tmp_path / "德化.yaml"
    answers.write_text(DEHUA, encoding="utf-8")
    run = gk("init", tmp_path / "德化", "--answers", answers, "--from-xlsx", table, "--yes", "--ci", "无",
             "--today", "2026-12-07")
    assert run.code == 0, run.out + run.err
    assert "被删去了" not in run.out + run.err and "删去这一行" not in run.out + run.err
    items = tmp_path / "德化" / "catalog" / "items"
    first = (items / "shjz" / "SHJZ-001.yaml").read_text(encoding="utf-8")
    assert "空白说明: 本栏目自2026年12月7日启用，暂未产生此类信息。  # 待确认" in first
    assert not [p.name for p in items.rglob("*.yaml") if "2026年3月2日" in p.read_text(encoding="utf-8")]
    assert "条生成的空白说明待确认" in run.out and "0 条生成的空白说明待确认" not in run.out


def test_wrong_desk_flag_is_named_by_itself(gk, tmp_path: Path) -> None:
    run = _init(gk, tmp_path, BASE + '联系电话: "0595-23881234"\n电子邮箱: mzj@example.cn\n',
                "--online-url", "www.yc.gov.cn/ysq", "--desk-hours", "工作日 8:00—12:00")
    assert run.code == 2
    assert "而不是「www.yc.gov.cn/ysq」（--online-url）" in run.err
    assert "--desk-office" not in run.err
    assert not (tmp_path / "永春 民政局").exists()
