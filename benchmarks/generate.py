"""Generate a synthetic catalog of N records (~1.5 KB of realistic Chinese each) plus items, for benchmarks.

    python benchmarks/generate.py OUT_DIR --records 100000 [--items 400] [--seed 1]

The agency file is the bundled 安溪县民政局 gongkai.yaml; items and records are valid, so a clean catalog
validates without findings and every cost measured is the cost of real work. The real paths run: about 1 record in
80 has a PDF attachment (copied from the bundled catalog, so the privacy scan reads its text), 公示 lists with
tables and a 公示期 that ends, items and records published only on the 公示栏 (not on the web), records of the
townships' 民政办, and policy documents with their 解读 and 有效性.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOMAINS = [("社会救助", "SHJZ", "shjzg"), ("养老服务", "YLFW", "ylfwg"), ("社会事务", "SHSW", "shswg"),
           ("区划地名", "QHDM", "shswg"), ("社会组织", "SHZZ", "xzspck"), ("机关信息", "JGXX", "bgs")]
TOWNS = ["mzb-100", "mzb-101", "mzb-102", "mzb-103", "mzb-104", "mzb-105"]
TOPICS = ["城乡最低生活保障", "特困人员救助供养", "临时救助", "高龄津贴", "养老服务补贴", "养老机构备案", "婚姻登记",
          "殡葬管理", "残疾人两项补贴", "流浪乞讨人员救助", "社会组织年度检查", "地名命名"]
KINDS = ["通知", "公告", "工作动态", "方案", "报告", "统计数据"]
SENTENCE = ("根据《社会救助暂行办法》和《福建省最低生活保障实施办法》有关规定，经乡镇人民政府审核、县民政局审批，"
            "现将{topic}有关事项通知如下，请各乡镇民政办认真贯彻落实，确保政策落实到位、群众应享尽享。")
FIVE = ["决策公开", "执行公开", "管理公开", "服务公开", "结果公开"]
WEB = "[政府网站, 两微一端, 社区/企事业单位/村公示栏（电子屏）]"
BOARD = "[社区/企事业单位/村公示栏（电子屏）]"
NAMES = ["陈水生", "林玉燕", "王阿福", "黄秀珍", "李清泉", "张美华", "刘金土", "苏丽娟"]
ATTACHMENT_EVERY = 80  # one public record in this many has a PDF attachment
POLICY_EVERY = 100  # record numbers ≡ 0 (mod this) are 政策文件, the one two numbers on is its 解读


def item_text(code: str, domain: str, unit: str, number: int, rng: random.Random) -> str:
    """An item; every 8th is published on the 公示栏 only, every 9th is a list of people (its records are 公示)."""
    topic = rng.choice(TOPICS)
    board_only, people = number % 8 == 0, number % 9 == 0
    contents = "  - 初审对象名单及相关信息\n" if people else f"  - {topic}政策文件\n  - 办理条件\n  - 办理流程\n"
    blank = "空白说明: 本事项的信息在村（社区）公示栏公示，不在网站发布。\n" if board_only or people else ""
    return (
        f"编号: {code}-{number:03d}\n领域: {domain}\n五公开: {rng.choice(FIVE)}\n一级事项: {topic}\n"
        f"二级事项: 第{number}项\n公开内容:\n{contents}"
        "公开依据:\n  - 《中华人民共和国政府信息公开条例》（国务院令第711号）\n"
        "公开时限: 自信息形成或者变更之日起20个工作日内\n公开主体: 县级人民政府民政部门\n"
        f"公开渠道: {BOARD if board_only else WEB}\n公开对象: 全社会\n公开方式: 主动\n"
        f"公开层级: [县级, 乡级]\n责任单位: {unit}\n{blank}"
    )


def dates(count: int, rng: random.Random) -> dict[int, tuple[dt.date, dt.date]]:
    """(成文日期, 公开日期) per record number; a 解读 shares its policy document's dates."""
    found: dict[int, tuple[dt.date, dt.date]] = {}
    for number in range(1, count + 1):
        year = 2025 if number % 2 else 2026
        formed = dt.date(year, 1, 5) + dt.timedelta(days=rng.randrange(0, 300))
        formed -= dt.timedelta(days=max(0, formed.weekday() - 4))
        published = formed + dt.timedelta(days=1 if formed.weekday() < 4 else 3)
        found[number] = found.get(number - 2, (formed, published)) if number % POLICY_EVERY == 2 else (formed, published)
    return found


def is_policy(number: int, last: int) -> bool:
    """Record numbers ≡ 0 (mod POLICY_EVERY) are 政策文件 when their 解读 (two numbers on) exists."""
    return number > 0 and number % POLICY_EVERY == 0 and number + 2 <= last


def record_id(number: int) -> str:
    return f"R{2025 if number % 2 else 2026}-{number:06d}"


def record_text(number: int, when: tuple[dt.date, dt.date], item: tuple[str, str, bool, bool],
                rng: random.Random, last: int) -> str:
    """A record; its 文种, channels, 公示期, attachment and relations follow its number and its item."""
    item_id, unit, board_only, people = item
    year, (formed, published) = when[0].year, when
    topic = rng.choice(TOPICS)
    policy, interpretation = is_policy(number, last), is_policy(number - 2, last)
    kind = "政策文件" if policy else "政策解读" if interpretation else "公示" if people else rng.choice(KINDS)
    public = policy or interpretation or people or rng.random() < 0.85
    unit = TOWNS[number % len(TOWNS)] if number % 7 == 0 and not (policy or interpretation) else unit
    head = (
        f"编号: {record_id(number)}\n题名: 安溪县民政局关于{topic}工作的{kind}（第{number}号）\n"
        f"文号: 安民〔{year}〕{number}号\n索引号: 350524-MZ-{year}-{number:06d}\n文种: {kind}\n"
        f"责任单位: {unit}\n事项: {item_id}\n"
    )
    if not public:
        return head + f"公开属性: 依申请公开\n成文日期: {formed}\n"
    text = head + (
        f"公开属性: 主动公开\n保密审查:\n  审查人: 何隆遐\n  审查日期: {formed}\n  结论: 不涉及国家秘密，同意主动公开\n"
        f"成文日期: {formed}\n公开日期: {published}\n公开渠道: {BOARD if board_only else '[政府网站]'}\n页数: 2\n"
    )
    if people:
        text += "公示期: 7\n"
    if policy:
        text += f"有效性: 有效\n解读: [{record_id(number + 2)}]\n"
    if number % ATTACHMENT_EVERY == 0:
        text += f"附件:\n  - 文件: files/{year}/{record_id(number)}.pdf\n    名称: {topic}工作文件\n"
    return text + "正文: |\n" + _body(topic, people, rng) + "\n"


def _body(topic: str, people: bool, rng: random.Random) -> str:
    text = "\n".join("  " + SENTENCE.format(topic=topic) for _ in range(4))
    if not people:
        return text
    rows = "\n".join(f"  | {rng.choice(NAMES)} | {rng.randrange(1, 5)} | {rng.randrange(300, 900)} | 城厢村 |"
                     for _ in range(5))
    return text + "\n\n  | 姓名 | 保障人数 | 保障金额（元/月） | 所在村（社区） |\n  |---|---|---|---|\n" + rows


def generate(out: Path, records: int, items: int, seed: int = 1) -> None:
    """Write a synthetic catalog into *out* (replaced if it exists)."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    agency = (ROOT / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    (out / "gongkai.yaml").write_text(agency.replace("索引号格式", "# 索引号格式"), encoding="utf-8")
    item_ids: list[tuple[str, str, bool, bool]] = []
    for index in range(items):
        domain, code, unit = DOMAINS[index % len(DOMAINS)]
        number = index // len(DOMAINS) + 1
        folder = out / "items" / code.lower()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{code}-{number:03d}.yaml").write_text(item_text(code, domain, unit, number, rng), encoding="utf-8")
        item_ids.append((f"{code}-{number:03d}", unit, number % 8 == 0, number % 9 == 0))
    # The bundled PDFs of records that are not 公示 lists: a list attached to a 通知 is an error (GK611), and a clean
    # catalog measures the work of a clean one.
    bundled = ROOT / "catalog" / "records" / "2026"
    pdfs = [pdf for pdf in sorted((ROOT / "catalog" / "files" / "2026").glob("*.pdf"))
            if "文种: 公示" not in (bundled / f"{pdf.stem}.yaml").read_text(encoding="utf-8")]
    when = dates(records, rng)
    for number in range(1, records + 1):
        year = 2025 if number % 2 else 2026
        item = item_ids[number % len(item_ids)]
        if is_policy(number, records) or is_policy(number - 2, records):  # policy documents and their 解读 on the web, under a plain item
            item = next(i for i in item_ids[number % len(item_ids):] + item_ids if not (i[2] or i[3]))
        folder = out / "records" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        text = record_text(number, when[number], item, rng, records)
        (folder / f"R{year}-{number:06d}.yaml").write_text(text, encoding="utf-8")
        if "附件:" in text:
            (out / "files" / str(year)).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pdfs[number % len(pdfs)], out / "files" / str(year) / f"{record_id(number)}.pdf")


def main() -> None:
    parser = argparse.ArgumentParser(description="生成用于性能测试的合成目录")
    parser.add_argument("out", type=Path)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.records, args.items, args.seed)
    print(f"已生成 {args.records} 条信息、{args.items} 个事项：{args.out}")


if __name__ == "__main__":
    main()
