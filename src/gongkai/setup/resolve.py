"""From the answers to a complete plan of the new catalog: defaults filled in, the 区划代码 and 乡镇 checked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gongkai.errors import UsageProblem
from gongkai.model import Unit
from gongkai.model.agency import Domain, Leader, RequestDesk
from gongkai.model.vocab import TOWN_UNIT_KIND
from gongkai.setup.answers import Answers, CiChoice, DeskAnswer
from gongkai.setup.divisions import County, Town, county, towns_of
from gongkai.setup.guidelines import Guideline, guideline_for, guidelines

OFFICE = ("bgs", "办公室")
DEFAULT_HOURS = "工作日上午8:00—12:00，下午14:30—17:30"
DEFAULT_WAYS = ("当面提交", "邮寄", "电子邮件")
REQUIRED = (("name", "机关名称"), ("division_code", "区划代码"), ("address", "地址"), ("contact", "联系人"),
            ("phone", "联系电话"), ("email", "电子邮箱"), ("leaders", "领导"))


@dataclass(frozen=True)
class Seed:
    """One guideline to seed, and the unit its 领域 goes to."""

    guideline: Guideline
    unit_id: str


@dataclass
class Setup:
    """Everything the new catalog will hold, decided."""

    answers: Answers
    county: County
    towns: list[Town]
    units: list[Unit]
    seeds: list[Seed]
    domains: list[Domain]
    handover_days: list[int]
    desk: RequestDesk
    index_prefix: str
    index_pattern: str
    ci: CiChoice
    leaders: list[Leader] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.answers.name or ""


def check_code(code: str) -> str | None:
    """Why *code* is not a county-level 区划代码, or None when it is one."""
    if not re.fullmatch(r"\d{6}", code.strip()):
        return f"区划代码「{code}」应为6位数字，如 350525（永春县）"
    if county(code) is None:
        return (f"区划代码「{code}」不在 GB/T 2260 县级行政区划代码表中（gongkai 自带国家统计局2023年版）："
                "请核对本县的6位代码，如 350525（福建省泉州市永春县）")
    return None


def index_pattern(prefix: str) -> str:
    """The 索引号格式 that matches <prefix>-<year>-<five digits> (a hyphen in the prefix is left readable)."""
    return "^" + re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", prefix) + r"-\d{4}-\d{5}$"


def resolve(answers: Answers) -> Setup:
    """The complete plan, or UsageProblem listing every answer that is missing or wrong."""
    problems = [f"缺少「{label}」" for name, label in REQUIRED if not getattr(answers, name)]
    code = answers.division_code
    if code and (why := check_code(code)):
        problems.append(why)
    picked = _guidelines(answers, problems)
    towns = _towns(answers, problems) if code and not problems else []
    if problems:
        raise UsageProblem("初始化所需的内容不全或有误：\n  " + "\n  ".join(problems)
                           + "\n请在答案文件或命令行选项中补上（gongkai init --help 列出全部选项），或在终端中运行 gongkai init 逐项回答。")
    place = county(code or "")
    assert place is not None
    units, seeds = _units(answers, picked)
    prefix = answers.index_prefix or f"{place.code}-MZ"
    return Setup(
        answers=answers, county=place, towns=towns, units=units + _town_units(towns), seeds=seeds,
        domains=_domains(answers, picked), handover_days=sorted(set(answers.handover_days or [5, 20])),
        desk=_desk(answers, place), index_prefix=prefix,
        index_pattern=answers.index_pattern or index_pattern(prefix),
        ci=answers.ci or "github", leaders=list(answers.leaders or []),
    )


def _guidelines(answers: Answers, problems: list[str]) -> list[Guideline]:
    if answers.guidelines is None:
        return list(guidelines())
    picked = []
    for name in answers.guidelines:
        found = guideline_for(name)
        if found is None:
            known = "、".join(g.domain for g in guidelines())
            problems.append(f"没有「{name}」领域的标准指引数据（自带：{known}）；其他领域可用 --from-xlsx 从本机关的目录表导入")
        else:
            picked.append(found)
    return picked


def _towns(answers: Answers, problems: list[str]) -> list[Town]:
    """The chosen 乡镇: from the bundled list of the county where it has them, else as typed (no code)."""
    listed = towns_of(answers.division_code or "")
    if answers.towns is None:
        return listed
    by_name = {t.name: t for t in listed}
    chosen = [by_name.get(name, Town("", name)) for name in answers.towns]
    if listed and (unknown := [t.name for t in chosen if not t.code]):
        names = "、".join(t.name for t in listed)
        problems.append(f"「{'、'.join(unknown)}」不是本县的乡镇（自带的乡镇表：{names}）")
    return chosen


def _units(answers: Answers, picked: list[Guideline]) -> tuple[list[Unit], list[Seed]]:
    """The bureau's 股室 (given, or 办公室 plus each guideline's) and which one takes each guideline's 领域."""
    given = [(u.id, u.name, u.phone) for u in answers.units or []] or [(*OFFICE, None)]
    units = [Unit.model_validate({"编号": i, "名称": n, "类型": "股室", **({"联系电话": p} if p else {})}) for i, n, p in given]
    seeds = []
    for guideline in picked:
        owner = next((u for u in units if guideline.domain in u.name), None)
        if owner is None:
            owner = Unit.model_validate({"编号": guideline.unit.id, "名称": guideline.unit.name, "类型": "股室"})
            units.append(owner)
        seeds.append(Seed(guideline, owner.id))
    return units, seeds


def _town_units(towns: list[Town]) -> list[Unit]:
    """One 民政办 per 乡镇: mzb- and the last three digits of its code (mzb-01 … for a typed one)."""
    units = []
    for number, town in enumerate(towns, start=1):
        unit_id = f"mzb-{town.code[-3:]}" if town.code else f"mzb-{number:02d}"
        values = {"编号": unit_id, "名称": f"{town.name}民政办", "类型": TOWN_UNIT_KIND}
        units.append(Unit.model_validate({**values, **({"区划代码": town.code} if town.code else {})}))
    return units


def _domains(answers: Answers, picked: list[Guideline]) -> list[Domain]:
    seen = {g.domain for g in picked}
    extra = [d for d in answers.domains or [] if d.name not in seen]
    return [Domain.model_validate({"名称": g.domain, "代码": g.code}) for g in picked] + extra


def _desk(answers: Answers, place: County) -> RequestDesk:
    given = answers.desk or DeskAnswer.model_validate({})
    ways = list(given.ways or DEFAULT_WAYS)
    if given.online and "网上申请" not in ways:
        ways.append("网上申请")
    values = {
        "受理机构": given.office or f"{answers.name}办公室", "地址": given.address or answers.address,
        "邮编": given.postcode or answers.postcode, "电话": given.phone or answers.phone, "传真": given.fax,
        "电子邮箱": given.email or answers.email, "办公时间": given.hours or DEFAULT_HOURS, "方式": ways,
        "网上申请地址": given.online, "复议机关": given.review_body or f"{place.name}人民政府",
        "诉讼法院": given.court or f"{place.name}人民法院",
    }
    return RequestDesk.model_validate({k: v for k, v in values.items() if v is not None})
