"""From the answers to a complete plan of the new catalog: defaults filled in, the 区划代码 and 乡镇 checked."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from pypinyin import Style, lazy_pinyin

from gongkai.catalog.schema_errors import division_hint
from gongkai.errors import UsageProblem
from gongkai.model import Unit
from gongkai.model.agency import Domain, Leader, RequestDesk
from gongkai.model.vocab import TOWN_UNIT_KIND
from gongkai.setup.answers import Answers, CiChoice, DeskAnswer
from gongkai.setup.divisions import (County, Town, counties, county, named, normal_code, rare_characters,
                                     towns_of, written_for)
from gongkai.setup.guidelines import Guideline, guideline_for, guidelines, guidelines_of

OFFICE = ("bgs", "办公室")
TOWN_OFFICE = ("dzb", "党政办")  # a 乡镇人民政府's general office
TOWN_UNIT_DEPARTMENT = "民政"  # the 乡镇民政办 units are the 民政 department's own
TOWNSHIP_ENDINGS = ("人民政府", "政府", "街道办事处", "办事处")  # a 乡镇人民政府's (街道办事处's) own name ends so
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
    town: Town | None = None  # set when a 乡镇人民政府 adopts gongkai: its items are the 乡级 rows

    @property
    def division_code(self) -> str:
        """The agency's own 区划代码: the county's, or the 乡镇's 9 digits."""
        return self.town.code if self.town else self.county.code

    @property
    def name(self) -> str:
        return self.answers.name or ""


def check_code(code: str, name: str = "") -> str | None:
    """Why *code* is neither a county-level nor a bundled 乡镇 区划代码, or None when it is one; also when the
    机关名称 *name* holds another county's (or 乡镇's) name than the code's: a code copied from a neighbour's catalog
    would give the bureau that county's 乡镇, 两馆, 复议机关 and 索引号."""
    code = normal_code(code)
    if not re.fullmatch(r"[0-9]{6}([0-9]{3})?", code):
        if places := named(code):  # typed at the question: the county's name where its code goes
            return f"区划代码写的是县（市、区）名「{code}」，要写它的6位代码：" + "；".join(f"{c.full_name}是 {c.code}" for c in places)
        return f"区划代码「{code}」不对：{division_hint(code)}"
    if county(code[:6]) is None:
        return (f"区划代码「{code[:6]}」不在 GB/T 2260 县级行政区划代码表中（gongkai 自带国家统计局2023年版）："
                "请核对本县的6位代码，如 350525（福建省泉州市永春县）；区划调整（撤销、合并、更名）后请用新的代码")
    if len(code) == 9 and _town(code) is None:
        listed = "、".join(f"{t.code} {t.name}" for t in towns_of(code[:6])) or "自带的乡镇表中没有本县"
        return f"区划代码「{code}」不是本县的乡镇（{listed}）"
    return _other_place(code, name)


def _other_place(code: str, name: str) -> str | None:
    """Why the 机关名称 does not fit the code: it names a county (or, for a 乡镇人民政府, a 乡镇) the code is not."""
    place = county(code[:6])
    assert place is not None
    if not name or place.name in name:
        named = None
    else:  # the longest county names first: 霍邱县 holds 邱县, 长沙县 holds 沙县
        found = sorted((c for c in counties().values() if len(c.name) > 1 and c.name in name), key=lambda c: -len(c.name))
        named = found[0] if found else _bare_named(place, name)
    if named is not None:
        same = [c.code for c in counties().values() if c.name == named.name]
        return (f"机关名称「{name}」写的是{named.name}，而区划代码 {code} 是{place.full_name}：请核对。"
                f"{named.name}的代码是 {'、'.join(same)}（写 --code {same[0]}）；若代码是对的，请改正机关名称。")
    if len(code) == 6 and (own := _township_of(code, name)) is not None:
        # a 乡镇人民政府 under its county's code would become a county bureau: the county's 乡镇 as its units
        spelt = spelling(name, own)
        return (f"机关名称「{name}」是乡镇人民政府（街道办事处），要写本乡镇的9位区划代码：{own.name}是 {own.code}"
                f"（写 --code {own.code}）；6位代码 {code} 是{place.full_name}的，给县级机关用。"
                + (f"机关名称中的{spelt}，请一并改正机关名称。" if spelt else ""))
    town = _town(code)
    if town is None or not name or _town_bare(town.name) in name:
        return None
    others = sorted((t for t in towns_of(code[:6]) if t.name in name and t.code != town.code), key=lambda t: -len(t.name))
    if others:
        return (f"机关名称「{name}」写的是{others[0].name}，而区划代码 {code} 是{town.name}：请核对。"
                f"{others[0].name}的代码是 {others[0].code}；若代码是对的，请改正机关名称。")
    if spelt := spelling(name, town):  # the 乡镇's own government, its name typed without the rare character
        fixed = name.replace(written_for(name, town.name) or "", town.name)
        return (f"区划代码 {code} 是{town.name}的9位代码，机关名称「{name}」中的{spelt}：请把机关名称写作「{fixed}」"
                "（名称用在网站、两馆的目录和公函上，要与区划代码表一致）；若不是这个乡镇，请核对区划代码。")
    # 德化县民政局 with the 9 digits of the 镇 it sits in: it would become a 乡镇人民政府's catalog (乡级 items only)
    return (f"区划代码 {code} 是{town.name}的9位代码，而机关名称「{name}」中没有{town.name}：9位代码只给乡镇人民政府"
            f"（街道办事处）用；县级机关写县的6位代码 {code[:6]}（写 --code {code[:6]}）。")


def _bare_named(place: County, name: str) -> County | None:
    """The county whose name without 县 (区, 市, 旗) begins the 机关名称 (永春民政局, 泉州市永春民政局) when the code's own
    county is named neither way: 安溪民政局 is 安溪县's. A 乡镇's or 街道's government is left to the checks of 乡镇, and
    a name the bare name leaves one character of is no such name (公安局 is not 公安县's)."""
    if (own := _bare(place.name)) and own in name or name.endswith(TOWNSHIP_ENDINGS):
        return None
    starts = [c for c in counties().values()
              if (bare := _bare(c.name)) and re.match(re.escape(bare) + "[^县区市旗镇乡街道村].", _in_county(name, c))]
    return max(starts, key=lambda c: len(c.name), default=None)


def _in_county(name: str, place: County) -> str:
    """The 机关名称 after the province and prefecture of *place* written before it (泉州市永春民政局 → 永春民政局)."""
    for part in (place.province, place.prefecture):
        if part and name.startswith(part):
            name = name[len(part):]
    return name


def _township_of(code: str, name: str) -> Town | None:
    """The 乡镇 of the county whose own government (人民政府, 街道办事处) *name* is, if it is one."""
    if not name.endswith(TOWNSHIP_ENDINGS):
        return None
    place = county(code)  # 湖头人民政府 is 湖头镇's, as it may shorten its name; the county's own name is not a 乡镇's
    rest = name.replace(place.name, "") if place else name
    named = sorted((t for t in towns_of(code) if t.name in rest or _town_bare(t.name) in rest),
                   key=lambda t: -len(t.name))
    # else 湖父镇人民政府: 湖㳇镇's, its rare character typed as another one (the messages say how it is spelled)
    named = named or [t for t in towns_of(code) if written_for(rest, t.name)]
    return named[0] if named else None


def spelling(text: str, town: Town, whole: bool = False) -> str:
    """What to say when *text* (a 机关名称; with *whole*, a --town: all of it, 湖父 for 湖㳇 too) writes the 乡镇 with
    another character for a rare one of its name (湖父镇 for 湖㳇镇): how the code table spells it, to copy."""
    typed, spelt = written_for(text, town.name), town.name
    if whole and typed != text:
        typed, spelt = written_for(text, _town_bare(town.name)), _town_bare(town.name)
    if typed is None or (whole and typed != text):
        return ""
    rare = "、".join(f"「{ch}」" for ch in dict.fromkeys(rare_characters(town.name)))
    return f"「{typed}」在区划代码表中写作「{spelt}」（{rare}是生僻字，可以从这里复制）"


def _town_bare(name: str) -> str:
    """A 乡镇's name as its government may shorten it: 浔中镇 → 浔中, 浆洗街街道 → 浆洗街."""
    for kind in ("街道", "民族乡", "镇", "乡", "苏木"):
        if name.endswith(kind) and len(name) > len(kind) + 1:
            return name[: -len(kind)]
    return name


def _town(code: str) -> Town | None:
    """The 乡镇 whose 9-digit code this is (a 乡镇人民政府 adopting gongkai itself), or None."""
    return next((t for t in towns_of(code[:6]) if t.code == code), None) if len(code) == 9 else None


def default_index_prefix(name: str, code: str) -> str:
    """区划代码 and the pinyin initials of the bureau's first two characters (永春县民政局 → 350525-MZ); a 乡镇: its code."""
    if len(code) == 9:
        return code
    place = county(code[:6])
    short = name
    # 泉州市德化县民政局, 德化民政局 (the county without 县): what follows the place is the bureau's own name
    for part in (place.province, place.prefecture, place.name, _bare(place.name)) if place else ():
        if part and short.startswith(part):
            short = short[len(part):]
    short = "".join(ch for ch in short if ch.isalnum())  # 「德化县 民政局」「德化县（民政局）」: the spaces and brackets are no part
    letters = "".join(lazy_pinyin(short[:2], style=Style.FIRST_LETTER)).upper()
    return f"{code}-{letters}" if re.fullmatch(r"[A-Z]{2}", letters) else code


def leader_title(name: str, code: str) -> str | None:
    """The 职务 a bureau's head most likely holds, offered when init asks for the 领导: a 乡镇人民政府's is its 镇长 or
    乡长 (not a 局长), a 街道办事处's or a 委员会's its 主任; None when the name does not tell."""
    own = name.rstrip()
    for ending in TOWNSHIP_ENDINGS:
        if own.endswith(ending):
            if ending.endswith("办事处"):
                return "主任"
            town = _town(normal_code(code)) or _township_of(normal_code(code)[:6], own)
            kind = (town.name if town else own[: -len(ending)])[-1:]
            return {"镇": "镇长", "乡": "乡长", "道": "主任", "县": "县长", "区": "区长", "市": "市长", "旗": "旗长"}.get(kind)
    for ending, title in (("局", "局长"), ("委员会", "主任"), ("办公室", "主任"), ("中心", "主任"), ("委", "主任"),
                          ("办", "主任"), ("院", "院长")):
        if own.endswith(ending):
            return title
    return None


def fujian_default_note(setup: Setup, settings: str) -> str | None:
    """What to check (in *settings*, the new gongkai.yaml) when a county outside Fujian took the handover days by
    default: they are Fujian's rule."""
    if setup.answers.handover_days is not None or setup.county.province == "福建省":
        return None
    return (f"移交两馆的日子是按福建的规定（闽政办函〔2016〕42号）默认的每月5日、20日，{setup.county.full_name}不在福建："
            f"请按本地的规定核对 {settings} 的「移交」（移交日、时限工作日；如每月5日写「移交日: [5]」）")


def domain_code(name: str) -> str:
    """A 领域代码 to offer for a 领域 named *name*: the pinyin initials of its first four characters (社会事务 → SHSW;
    区划地名 → QHDM), or DOMAIN when they are no letters (a character pypinyin does not know)."""
    letters = "".join(lazy_pinyin("".join(ch for ch in name if ch.isalnum())[:4], style=Style.FIRST_LETTER)).upper()
    return letters if re.fullmatch(r"[A-Z]{2,8}", letters) else "DOMAIN"


def unit_code(name: str) -> str:
    """A unit 编号 to offer for a 股室 named *name*: the pinyin initials in lower case (行政审批窗口 → xzspck)."""
    letters = "".join(lazy_pinyin("".join(ch for ch in name if ch.isalnum()), style=Style.FIRST_LETTER)).lower()
    return letters if re.fullmatch(r"[a-z]{1,16}", letters) else "unit"


def _bare(name: str) -> str:
    """A county's name without its last character when that is its kind (德化县 → 德化; 武侯区 → 武侯)."""
    return name[:-1] if len(name) > 2 and name[-1] in "县区市旗" else ""


def index_pattern(prefix: str) -> str:
    """The 索引号格式 that matches <prefix>-<year>-<five digits> (a hyphen in the prefix is left readable)."""
    return "^" + re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", prefix) + r"-\d{4}-\d{5}$"


def resolve(answers: Answers, flags: Mapping[str, str] | None = None, year: int | None = None) -> Setup:
    """The complete plan, or UsageProblem listing every answer that is missing or wrong.

    *flags* names the option each answer is given by (地址: --address), for a missing one: init run in CI with
    every answer as an option learns which option to add, not only the key of the answers file. *year* is the one
    the first 索引号 will be of (<前缀>-<year>-00001): checked against an 索引号格式 written with the prefix.
    """
    problems = [f"缺少「{label}」" + (f"（选项 {flags[label]}，或答案文件中的「{label}」）" if flags and label in flags else "")
                for name, label in REQUIRED if not getattr(answers, name)]
    code = (answers.division_code or "").strip()
    if code and (why := check_code(code, answers.name or "")):
        problems.append(why)
    answers = _without_repeats(answers, problems)
    town = _town(code) if not problems else None
    picked = _guidelines(answers, town, problems)
    towns = _towns(answers, town, picked, problems) if code and not problems else []
    if problems:
        raise UsageProblem("初始化所需的内容不全或有误：\n  " + "\n  ".join(problems)
                           + "\n请在答案文件或命令行选项中补上（gongkai init --help 列出全部选项），或在终端中运行 gongkai init 逐项回答。")
    place = county(code[:6])
    assert place is not None
    units, seeds = _units(answers, picked, town is not None)
    prefix = answers.index_prefix or default_index_prefix(answers.name or "", code)
    pattern = answers.index_pattern
    if pattern and year is not None and (problem := _numbering_problem(prefix, pattern, year)):
        raise UsageProblem(problem)
    return Setup(
        answers=answers, county=place, towns=towns, units=units + _town_units(towns, picked), seeds=seeds,
        domains=_domains(answers, picked), handover_days=sorted(set(answers.handover_days or [5, 20])),
        desk=_desk(answers, place), index_prefix=prefix,
        index_pattern=answers.index_pattern or index_pattern(prefix),
        ci=answers.ci or "github", leaders=list(answers.leaders or []), town=town,
    )


def _numbering_problem(prefix: str, pattern: str, year: int) -> str | None:
    """Why the 索引号 gongkai new record numbers with *prefix* would not fit the 索引号格式 *pattern* written with it
    (every record's 索引号 then fails validate, GK209), or None. A pattern that is no regular expression is said by
    validate (GK211) when init checks what it wrote."""
    first = f"{prefix}-{year}-00001"
    try:
        fits = re.fullmatch(pattern, first) is not None
    except re.error:
        return None
    if fits:
        return None
    return (f"索引号前缀「{prefix}」编出的索引号（第一个是「{first}」）不符合索引号格式「{pattern}」：gongkai new record "
            "编的每一个索引号都会被校验为格式不对（GK209）。请改正 --index-prefix 或 --index-pattern（答案文件的「索引号前缀」"
            "「索引号格式」）使两者一致；只写前缀时，格式按前缀生成。没有建立目录")


def _without_repeats(answers: Answers, problems: list[str]) -> Answers:
    """The answers with what was written twice alike (a flag repeated) once; two different things under one 编号 or
    name are a problem to correct, not a choice gongkai makes."""
    units = list({(u.id, u.name, u.phone): u for u in answers.units or []}.values())
    domains = list({(d.name, d.code): d for d in answers.domains or []}.values())
    picked = [g for g in guidelines() if g.domain in (answers.guidelines or [])]
    _clashes([(u.id, u.name) for u in units], "单位编号", "--unit 或「单位」", problems)
    every = [(d.code, d.name) for d in domains] + [(g.code, g.domain) for g in picked]
    _clashes(every, "领域代码", "--domain 或「领域」", problems)
    _clashes([(name, code) for code, name in every], "领域", "--domain 或「领域」", problems)
    return answers.model_copy(update={
        "units": units if answers.units is not None else None,
        "domains": domains if answers.domains is not None else None,
        "towns": list(dict.fromkeys(answers.towns)) if answers.towns is not None else None,
        "guidelines": list(dict.fromkeys(answers.guidelines)) if answers.guidelines is not None else None,
    })


def _clashes(pairs: list[tuple[str, str]], what: str, where: str, problems: list[str]) -> None:
    """A problem for every key given with two different values (「bgs」 as 办公室 and as 财务股)."""
    seen: dict[str, list[str]] = {}
    for key, value in pairs:
        if value not in seen.setdefault(key, []):
            seen[key].append(value)
    problems.extend(f"{what}「{key}」写了{len(values)}次，分别是{'、'.join(values)}：每个{what}只能用一次，请改正（{where}）"
                    for key, values in seen.items() if len(values) > 1)


def _guidelines(answers: Answers, town: Town | None, problems: list[str]) -> list[Guideline]:
    """The guidelines named, else those the bureau falls under (a 乡镇人民政府: all of them, at 乡级)."""
    if answers.guidelines is None:
        fitting = list(guidelines()) if town else guidelines_of(answers.name or "")
        code = normal_code(answers.division_code or "")
        # a 乡镇人民政府 takes every guideline once its 9-digit code is written (told where a 6-digit one is)
        township = len(code) == 9 or (len(code) == 6 and _township_of(code, answers.name or "") is not None)
        if not fitting and not township and not answers.domains and answers.name:
            problems.append(_no_guideline(answers.name))
        return fitting
    picked = []
    for name in answers.guidelines:
        found = guideline_for(name)
        if found is None:
            known = "、".join(g.domain for g in guidelines())
            problems.append(f"没有「{name}」领域的标准指引数据（自带：{known}）；其他领域可用 --from-xlsx 从本机关的目录表导入")
        else:
            picked.append(found)
    return picked


def _no_guideline(name: str) -> str:
    by_department: dict[str, list[str]] = {}
    for g in guidelines():
        by_department.setdefault(g.department, []).append(g.domain)
    departments = "、".join(f"{d}（{'、'.join(domains)}）" for d, domains in by_department.items())
    return (f"gongkai 自带的标准指引只有这些部门的：{departments}，「{name}」不属于其中任何一个，不能按指引生成事项。"
            "请用 --from-xlsx 从本机关已发布的目录表开始；或用 --domain 名称=代码（可写多次，如 --domain 就业创业=JYCY）"
            "写明本机关的领域，以后用 gongkai new item 添加事项；确要用某个领域的指引时写 --guideline 领域")


def _towns(answers: Answers, town: Town | None, picked: list[Guideline], problems: list[str]) -> list[Town]:
    """The chosen 乡镇: from the bundled list of the county where it has them, else as typed (no code).

    By default every 乡镇 of the county gets a 乡镇民政办 — for a 民政局 only: a 乡镇人民政府 is itself the 乡镇, and
    another bureau's township offices are not in the bundled list.
    """
    code = answers.division_code or ""
    if town is not None and answers.towns:  # not a 乡镇民政办 of itself, nor of its neighbours
        problems.append(f"{town.name}人民政府（9位区划代码 {town.code}）本身就是乡镇，不设下属的乡镇单位："
                        "请删去 --town（或答案文件中的「乡镇」）")
        return []
    listed = towns_of(code[:6]) if not town else []
    if answers.towns is None:
        return listed if any(g.department == TOWN_UNIT_DEPARTMENT for g in picked) and not town else []
    if problem := unknown_towns(listed, answers.towns):
        problems.append(problem)
    return _chosen(listed, answers.towns)


def _chosen(listed: list[Town], names: list[str]) -> list[Town]:
    """The 乡镇 *names* are, from the county's *listed* ones (no code: a name not in the list), each once."""
    bare = [_town_bare(t.name) for t in listed]  # 「浔中」 for 浔中镇, where no other 乡镇 of the county shortens alike
    by_name = {b: t for b, t in zip(bare, listed) if bare.count(b) == 1} | {t.name: t for t in listed}
    return list({t.name: t for t in (by_name.get(name, Town("", name)) for name in names)}.values())


def unknown_towns(listed: list[Town], names: list[str]) -> str | None:
    """Why some of *names* are no 乡镇 of the county whose bundled list is *listed* (none when it has no list)."""
    unknown = [t.name for t in _chosen(listed, names) if not t.code]
    if not listed or not unknown:
        return None
    spelt = "；".join(said for name in unknown for t in listed if (said := spelling(name, t, whole=True)))
    return (f"「{'、'.join(unknown)}」不是本县的乡镇（自带的乡镇表：{'、'.join(t.name for t in listed)}）"
            + (f"。{spelt}" if spelt else ""))


def _units(answers: Answers, picked: list[Guideline], township: bool) -> tuple[list[Unit], list[Seed]]:
    """The bureau's 股室 (given, or 办公室 plus each guideline's) and which one takes each guideline's 领域."""
    office = TOWN_OFFICE if township else OFFICE
    given = [(u.id, u.name, u.phone) for u in answers.units or []] or [(*office, None)]
    units = [Unit.model_validate({"编号": i, "名称": n, "类型": "股室", **({"联系电话": p} if p else {})}) for i, n, p in given]
    seeds = []
    for guideline in picked:
        owner = next((u for u in units if guideline.domain in u.name), None)
        default = guideline.town_unit if township else guideline.unit
        owner = owner or next((u for u in units if u.id == default.id), None)
        if owner is None:
            owner = Unit.model_validate({"编号": default.id, "名称": default.name, "类型": "股室"})
            units.append(owner)
        seeds.append(Seed(guideline, owner.id))
    return units, seeds


def _town_units(towns: list[Town], picked: list[Guideline]) -> list[Unit]:
    """One 民政办 per 乡镇: mzb- and the last three digits of its code (mzb-01 … for a typed one).

    A bureau other than 民政 that names 乡镇 gets one unit of kind 其他 per 乡镇, named after it.
    """
    civil = any(g.department == TOWN_UNIT_DEPARTMENT for g in picked)
    units = []
    for number, town in enumerate(towns, start=1):
        unit_id = f"{'mzb' if civil else 'xz'}-{town.code[-3:]}" if town.code else f"{'mzb' if civil else 'xz'}-{number:02d}"
        values = {"编号": unit_id, "名称": f"{town.name}民政办" if civil else town.name,
                  "类型": TOWN_UNIT_KIND if civil else "其他"}
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
        "网上申请地址": given.online, "复议机关": given.review_body or f"{place.formal_name}人民政府",
        "诉讼法院": given.court or f"{place.formal_name}人民法院",
    }
    return RequestDesk.model_validate({k: v for k, v in values.items() if v is not None})
