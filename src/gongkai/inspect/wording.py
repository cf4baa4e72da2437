"""严重表述错误: the bureau's lexicon of wrong formulations, and leaders' names and titles, in titles and bodies.

The lexicon is gongkai.yaml 检查 → 错误表述 ({错误, 正确}). Leaders come from gongkai.yaml 领导 (姓名, 职务): a leader's
name written next to a title that is not theirs (「赵崇宏副局长」 when he is 局长) is an error, and so is a name one
character off a leader's name written next to a leader's title (「赵崇洪局长」).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from importlib import resources

from gongkai.inspect.context import Inspection
from gongkai.inspect.sheet import Check, Evidence, Status
from gongkai.model.agency import Leader
from gongkai.model.base import Text

_SPLIT = re.compile(r"[、，,；;/\s]+")
_MARKUP = frozenset("*_~`")  # Markdown emphasis written inside a word: 五**保**户


@cache
def _simplified() -> dict[int, str]:
    """繁体 → 简体, one character for one (inspect/traditional.tsv, from OpenCC)."""
    text = resources.files("gongkai.inspect").joinpath("traditional.tsv").read_text(encoding="utf-8")
    pairs = "".join(line.strip() for line in text.splitlines() if not line.startswith("#"))
    return {ord(t): s for t, s in zip(pairs[0::2], pairs[1::2], strict=True)}


def plain(text: str, lines: bool = False) -> str:
    """*text* as the wording check compares it: full-width and compatibility forms folded (NFKC), spaces, invisible
    characters and emphasis marks inside words dropped, 繁体 written as 简体 — so 「五 保 戶」 is 「五保户」. With
    *lines* line breaks stay (a name ending one line is not written next to a title starting the next)."""
    folded = unicodedata.normalize("NFKC", text).translate(_simplified())
    kept = "\n" if lines else ""
    return "".join(c for c in folded if c in kept or (c not in _MARKUP and unicodedata.category(c)[0] not in "ZC")
                   ).casefold()


def titles_of(leader: Leader) -> set[str]:
    """The titles in a leader's 职务: 「党组书记、局长」 → {党组书记, 局长}."""
    return {t for t in _SPLIT.split(leader.title) if t}


def _near(a: str, b: str) -> bool:
    """Same length and exactly one character different: a likely misspelt name."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


class LeaderCheck:
    """Finds leaders' names written with a title that is not theirs, and misspelt names next to a leader's title."""

    def __init__(self, leaders: list[Leader]) -> None:
        self.titles = {plain(leader.name): {plain(t) for t in titles_of(leader)} for leader in leaders}  # as compared
        self.lengths = sorted({len(name) for name in self.titles})
        words = sorted({t for ts in self.titles.values() for t in ts}, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, words))) if words else None

    def problems(self, text: str) -> Iterator[str]:
        """What is wrong with the leaders' names and titles in *text*."""
        for match in self.pattern.finditer(text) if self.pattern else ():
            title = match.group()
            around = [text[match.start() - n:match.start()] for n in self.lengths if match.start() >= n]
            around += [text[match.end():match.end() + n] for n in self.lengths]
            problem = self._judge(title, around)
            if problem:
                yield problem

    def _judge(self, title: str, around: list[str]) -> str | None:
        """A title is fine when a name beside it holds it; else name the leader beside it, or the name it resembles."""
        if any(title in self.titles.get(name, ()) for name in around):
            return None
        for name in around:
            if name in self.titles:
                return f"「{name}」的职务是「{'、'.join(sorted(self.titles[name]))}」，文中写作「{title}」"
        for name in around:
            for real, held in self.titles.items():
                if title in held and _near(name, real):
                    return f"「{name}{title}」疑似把「{real}」的姓名写错"
        return None


def _lexicon(run: Inspection) -> list[tuple[str, Text, Text | None]]:
    """(the wrong form as compared, as written, the right form) of each entry of the lexicon."""
    agency = run.catalog.agency
    return [(plain(w.wrong), w.wrong, w.right) for w in agency.lint.wording if plain(w.wrong)] if agency else []


def check_wording(run: Inspection) -> Check:
    """严重表述错误 as one 否决 item."""
    agency = run.catalog.agency
    leaders = LeaderCheck(agency.named_leaders if agency else [])  # 「姓名: 待定」 names no one to misspell
    lexicon = _lexicon(run)
    evidence = []
    shown = {r.id for r in run.shown}
    for record in run.web_records:  # an ended 公示 still shows its title, no longer its body
        for field, written in (("题名", record.title), ("正文", record.body or "" if record.id in shown else "")):
            text = plain(written)
            found = [f"「{wrong}」应为「{right}」" if right else f"不应使用「{wrong}」" for key, wrong, right in lexicon
                     if key in text]
            found += sorted(set(leaders.problems(plain(written, lines=True))))
            evidence += [Evidence(f"「{record.title}」{field}：{p}", record.id, run.path("record", record.id)) for p in found]
    source = run.thresholds.wording.source
    note = None if lexicon or (agency and agency.leaders) else \
        "gongkai.yaml 没有「检查 → 错误表述」词表，也没有「领导」：只能检查到写进去的内容"
    return Check("wording", "严重错误", "严重表述错误（错误表述词表、领导姓名和职务）", "出现即单项否决", source,
                 Status.FAIL if evidence else Status.PASS, evidence, len(evidence), note)
