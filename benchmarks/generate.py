"""Generate a synthetic catalog of N records (~1.5 KB of realistic Chinese each) plus items, for benchmarks.

    python benchmarks/generate.py OUT_DIR --records 100000 [--items 400] [--seed 1]

The agency file is the bundled 安溪县民政局 gongkai.yaml; items and records are valid, so a clean catalog
validates without findings and every cost measured is the cost of real work.
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
TOPICS = ["城乡最低生活保障", "特困人员救助供养", "临时救助", "高龄津贴", "养老服务补贴", "养老机构备案", "婚姻登记",
          "殡葬管理", "残疾人两项补贴", "流浪乞讨人员救助", "社会组织年度检查", "地名命名"]
KINDS = ["通知", "公告", "公示", "工作动态", "方案", "报告", "统计数据"]
SENTENCE = ("根据《社会救助暂行办法》和《福建省最低生活保障实施办法》有关规定，经乡镇人民政府审核、县民政局审批，"
            "现将{topic}有关事项通知如下，请各乡镇民政办认真贯彻落实，确保政策落实到位、群众应享尽享。")
FIVE = ["决策公开", "执行公开", "管理公开", "服务公开", "结果公开"]


def item_text(code: str, domain: str, unit: str, number: int, rng: random.Random) -> str:
    topic = rng.choice(TOPICS)
    return (
        f"编号: {code}-{number:03d}\n领域: {domain}\n五公开: {rng.choice(FIVE)}\n一级事项: {topic}\n"
        f"二级事项: 第{number}项\n公开内容:\n  - {topic}政策文件\n  - 办理条件\n  - 办理流程\n"
        "公开依据:\n  - 《中华人民共和国政府信息公开条例》（国务院令第711号）\n"
        "公开时限: 自信息形成或者变更之日起20个工作日内\n公开主体: 县级人民政府民政部门\n"
        "公开渠道: [政府网站, 两微一端, 社区/企事业单位/村公示栏（电子屏）]\n公开对象: 全社会\n公开方式: 主动\n"
        f"公开层级: [县级, 乡级]\n责任单位: {unit}\n"
    )


def record_text(number: int, year: int, item_id: str, unit: str, rng: random.Random) -> str:
    formed = dt.date(year, 1, 5) + dt.timedelta(days=rng.randrange(0, 300))
    formed -= dt.timedelta(days=max(0, formed.weekday() - 4))
    published = formed + dt.timedelta(days=1 if formed.weekday() < 4 else 3)
    topic = rng.choice(TOPICS)
    body = "\n".join("  " + SENTENCE.format(topic=topic) for _ in range(4))
    public = rng.random() < 0.85
    head = (
        f"编号: R{year}-{number:06d}\n题名: 安溪县民政局关于{topic}工作的{rng.choice(KINDS)}（第{number}号）\n"
        f"文号: 安民〔{year}〕{number}号\n索引号: 350524-MZ-{year}-{number:06d}\n文种: {rng.choice(KINDS)}\n"
        f"责任单位: {unit}\n事项: {item_id}\n"
    )
    if not public:
        return head + f"公开属性: 依申请公开\n成文日期: {formed}\n"
    return head + (
        f"公开属性: 主动公开\n保密审查:\n  审查人: 何隆遐\n  审查日期: {formed}\n  结论: 不涉及国家秘密，同意主动公开\n"
        f"成文日期: {formed}\n公开日期: {published}\n公开渠道: [政府网站]\n页数: 2\n正文: |\n{body}\n"
    )


def generate(out: Path, records: int, items: int, seed: int = 1) -> None:
    """Write a synthetic catalog into *out* (replaced if it exists)."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    agency = (ROOT / "catalog" / "gongkai.yaml").read_text(encoding="utf-8")
    (out / "gongkai.yaml").write_text(agency.replace("索引号格式", "# 索引号格式"), encoding="utf-8")
    item_ids: list[tuple[str, str]] = []
    for index in range(items):
        domain, code, unit = DOMAINS[index % len(DOMAINS)]
        number = index // len(DOMAINS) + 1
        folder = out / "items" / code.lower()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{code}-{number:03d}.yaml").write_text(item_text(code, domain, unit, number, rng), encoding="utf-8")
        item_ids.append((f"{code}-{number:03d}", unit))
    for number in range(1, records + 1):
        year = 2025 if number % 2 else 2026
        item_id, unit = item_ids[number % len(item_ids)]
        folder = out / "records" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        text = record_text(number, year, item_id, unit, rng)
        (folder / f"R{year}-{number:06d}.yaml").write_text(text, encoding="utf-8")


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
