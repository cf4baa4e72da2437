"""What the source scan reports: personal data found, columns a 公示 list may not carry, attachments it refuses."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from gongkai.privacy.detect import KINDS, Hit, find, masked_numbers, may_be_masked
from gongkai.privacy.extract import Segment
from gongkai.privacy.fields import FieldPath, describe, list_runs, model_texts
from gongkai.privacy.mask_format import mask_value
from gongkai.privacy.normalize import SEPARATE, may_hold_personal_data, prefilter_pays
from gongkai.privacy.numbers import combined_mask, revealed, undermasked
from gongkai.privacy.organisations import names_body

# The rule that reports each kind of finding.
CODES = {"id": "GK601", "id15": "GK601", "mobile": "GK602", "phone": "GK602", "bank": "GK603", "address": "GK604"}
UNREADABLE = "GK610"


@dataclass(frozen=True)
class PrivacyFinding:
    """Something that keeps a record (item, gongkai.yaml) from being published, already masked for any log.

    Personal data: *kind* (id, id15, mobile, bank, address), *masked_value*. An attachment that cannot be published:
    kind "file", *code* GK606–GK610 and *detail* saying why.
    """

    record_id: str
    kind: str
    where: str
    masked_value: str
    field: FieldPath = ()
    line: int | None = None  # 0-based line inside the body or the field's text, when it is there
    label: str = ""
    code: str = ""
    detail: str = ""
    born: dt.date | None = None  # an ID a float rounded: the birth date it shows (standing_on)

    @property
    def rule(self) -> str:
        return self.code or CODES[self.kind]

    @property
    def summary(self) -> str:
        """One masked sentence: where, and what."""
        if self.kind == "file":
            return f"{self.where}：{self.detail}"
        return f"{self.where}：{self.label}「{self.masked_value}」"


@dataclass(frozen=True)
class ColumnWarning:
    """A column that a 公示 list of people may not carry (the allow-list of DOMAIN.md §7)."""

    record_id: str
    column: str
    where: str
    field: FieldPath = ()
    line: int | None = None


def segment_findings(owner: str, path: FieldPath, segments: list[Segment],
                     allowed: frozenset[str], within: bool = False) -> list[PrivacyFinding]:
    """Personal data in *segments*, each value reported once per field (the first place it shows); with *within*, a
    finding in a segment of several lines is placed at its line (0-based), as a literal block (总体情况: |) lays a
    field's lines out in its file: the clerk is sent to the line, not to the top of twenty."""
    found: list[PrivacyFinding] = []
    seen: set[tuple[str, str]] = set()
    for segment in segments:
        for hit in _cell_hits(segment, allowed):
            if (hit.kind, hit.value) in seen:
                continue
            seen.add((hit.kind, hit.value))
            line = segment.text.count("\n", 0, hit.start) if within and segment.line is None else segment.line
            found.append(PrivacyFinding(owner, hit.kind, segment.where, hit.masked, path, line, hit.label,
                                        born=hit.born))
    return found


def _cell_hits(segment: Segment, allowed: frozenset[str]) -> Iterator[Hit]:
    """What find() finds in a segment; an address in a table cell is the organisation's whose name a cell before it
    in the row holds (a table that lists no people: extract.Segment.row), an account in a line the organisation's
    whose 户名 a line above gives (extract.Segment.above)."""
    hits = list(find(segment.text, allowed))
    if segment.above and any(hit.kind == "bank" for hit in hits):  # (户名：测试县慈善总会⏎账号：…)
        start = len(segment.above) + 1
        kept = {(hit.start - start, hit.end - start) for hit in find(f"{segment.above}\n{segment.text}", allowed)
                if hit.kind == "bank" and hit.start >= start}
        hits = [hit for hit in hits if hit.kind != "bank" or (hit.start, hit.end) in kept]
    if not segment.row or all(hit.kind != "address" for hit in hits):  # (most cells: read once)
        return iter(hits)
    body = next((cell for cell in reversed(segment.row.split(SEPARATE)) if names_body(cell)), None)
    if body is None:
        return iter(hits)
    # (read as the text would say it: 测试县社会福利中心，城关镇解放路12号)
    start = len(body) + 1
    owned = {(hit.start - start, hit.end - start) for hit in find(f"{body}，{segment.text}", allowed)
             if hit.kind == "address" and hit.start >= start}
    return (hit for hit in hits if hit.kind != "address" or (hit.start, hit.end) in owned)


def model_findings(owner: str, model: BaseModel, allowed: frozenset[str], skip: frozenset[str] = frozenset(),
                   together: tuple[tuple[str, ...], ...] = (), masks: bool = True) -> list[PrivacyFinding]:
    """Personal data in every field of *model* but *skip*, each value reported once per field; and in the fields of
    each group of *together* read one after another, as the outputs show them side by side (a list's 题名 and 文号);
    with *masks*, a number its fields mask in different ways (masks_together: a record reads them with its body and
    attachments instead)."""
    fields = model_texts(model, skip)
    found = fields_findings(owner, fields, allowed, together)
    if masks:
        found.extend(masks_together(owner, [(path, Segment(text, describe(path))) for path, text in fields], allowed))
    return found


def fields_findings(owner: str, fields: list[tuple[FieldPath, str]], allowed: frozenset[str],
                    together: tuple[tuple[str, ...], ...] = ()) -> list[PrivacyFinding]:
    """model_findings over the texts of a model already walked (fields.model_texts), without masks_together."""
    top = {path[0]: text for path, text in fields if len(path) == 1}
    beside: list[list[tuple[FieldPath, str]]] = [[((key,), top[key]) for key in group if top.get(key)]
                                                 for group in together]
    runs = [(run, "\n".join(text for _, text in run)) for run in list_runs(fields) + beside if len(run) > 1]
    # Most models hold nothing: one pre-filter search over all their texts decides (SEPARATE joins no two of them; the
    # entries of a list are read one under another, as a page shows them).
    texts = SEPARATE.join([*(text for _, text in fields), *(joined for _, joined in runs)])
    if prefilter_pays(texts) and not may_hold_personal_data(texts):
        return []
    found: list[PrivacyFinding] = []
    for path, text in fields:
        if next(find(text, allowed), None) is not None:  # a field is described for people only when it holds some
            found.extend(segment_findings(owner, path, [Segment(text, describe(path))], allowed, within=True))
    for run, joined in runs:
        found.extend(_across_entries(owner, run, joined, allowed, {(f.kind, f.masked_value) for f in found}))
    return found


def _across_entries(owner: str, run: list[tuple[FieldPath, str]], joined: str, allowed: frozenset[str],
                    seen: set[tuple[str, str]]) -> list[PrivacyFinding]:
    """Personal data that only the entries of a list read one under another hold (「咨询电话1380595」, 「1234」), or
    fields shown side by side (「关于林某1380595」 and 文号 「1234号」): reported at the entry (field) it starts in,
    naming the one it ends in."""
    found: list[PrivacyFinding] = []
    starts = list(itertools.accumulate((len(text) + 1 for _, text in run[:-1]), initial=0))
    for hit in find(joined, allowed):
        first = bisect.bisect_right(starts, hit.start) - 1
        last = bisect.bisect_right(starts, max(hit.end - 1, hit.start)) - 1
        if first == last or (hit.kind, hit.masked) in seen:
            continue  # (a value inside one entry is reported there)
        seen.add((hit.kind, hit.masked))
        path, end = run[first][0], run[last][0]
        at = next(n for n, (a, b) in enumerate(zip(path, end)) if a != b)  # the position of the entry's index
        one, other = path[at], end[at]
        if isinstance(one, int) and isinstance(other, int):
            inside = f"的{describe(path[at + 1:])}" if path[at + 1:] else ""
            where = f"{describe(path[:at])}第{one + 1}项与第{other + 1}项{inside}连起来"
        else:  # two fields shown side by side
            where = f"{describe(path)}与{describe(end)}连起来"
        found.append(PrivacyFinding(owner, hit.kind, where, hit.masked, path, None, hit.label, born=hit.born))
    return found


def file_finding(owner: str, path: FieldPath, where: str, code: str, detail: str) -> PrivacyFinding:
    """An attachment that may not be published, and why."""
    return PrivacyFinding(owner, "file", where, "", path, None, "附件", code, detail)


def standing_on(findings: Iterable[PrivacyFinding], today: dt.date | None) -> list[PrivacyFinding]:
    """The *findings* that stand on *today*, the day of the command (None: all): 18 digits a float rounded are a
    身份证号 only of someone born by that day (350524202701151000 is a serial before 2027-01-15, an ID from then)."""
    return [f for f in findings if f.born is None or today is None or f.born <= today]


# Masked numbers of one record compared in pairs at most this often: a list masked one way repeats its pattern, and
# two patterns meet by their shared digits (a dictionary), so this bounds only a hostile record's cost.
_MOST_MASKS = 20_000
_FORMAT = {"id": "35*************123", "id15": "35**********123", "mobile": "138****1234", "phone": "0595****5678",
           "bank": "6222***********0128"}


def masks_together(owner: str, places: list[tuple[FieldPath, Segment]],
                   allowed: frozenset[str] = frozenset()) -> list[PrivacyFinding]:
    """Numbers that several places of one record mask differently, so that together they show more than the masking
    format allows (DOMAIN.md §7): 3505**********1236 in a table and 3505241985******** in a sentence are
    3505241985****1236 to a reader of both — a few hundred guesses. Reported at the second place, naming the first.
    A record whose places all mask one way (35*************123, 138****1234) shows nothing more together."""
    if not may_be_masked(SEPARATE.join(segment.text for _, segment in places)):  # most records: one search decides
        return []
    first: dict[str, tuple[FieldPath, Segment]] = {}
    for path, segment in places:
        for token in masked_numbers(segment.text):
            first.setdefault(token, (path, segment))
    if len(first) < 2 or len(first) > _MOST_MASKS:
        return []
    found: list[PrivacyFinding] = []
    seen: set[str] = set()
    for one, other in _compatible_pairs(list(first)):
        together = combined_mask(one, other)
        if together is None or together in seen:
            continue
        kind = revealed(together)
        if kind is None or undermasked(one) is not None or undermasked(other) is not None:
            continue  # (a mask too little alone is reported where it is)
        if any(len(v) == len(together) and all(a in ("*", b) for a, b in zip(together, v)) for v in allowed):
            continue  # (the bureau's own number, masked two ways, is the bureau's still)
        seen.add(together)
        (path_a, a), (path_b, b) = sorted((first[one], first[other]), key=lambda p: places.index(p))
        where = b.where if a.where == b.where else f"{b.where}与{a.where}"
        shown = sum(c != "*" for c in together)
        found.append(PrivacyFinding(owner, kind, f"{where}的遮盖合起来", mask_value(kind, together), path_b, b.line,
                                    f"{KINDS[kind]}（两处遮盖的位置不同，合起来露出{shown}位；请两处都按"
                                    f"「{_FORMAT[kind]}」的格式遮盖）"))
    return found


def _compatible_pairs(tokens: list[str]) -> list[tuple[str, str]]:
    """The pairs of *tokens* (the same length, masked in two patterns) that agree wherever both show a digit."""
    by_pattern: dict[tuple[int, ...], list[str]] = {}
    for token in tokens:
        by_pattern.setdefault(tuple(i for i, c in enumerate(token) if c != "*"), []).append(token)
    pairs: list[tuple[str, str]] = []
    patterns = list(by_pattern)
    for n, shown in enumerate(patterns):
        for other in patterns[n + 1:]:
            if len(by_pattern[shown][0]) != len(by_pattern[other][0]):
                continue
            both = sorted(set(shown) & set(other))
            meet: dict[str, list[str]] = {}
            for token in by_pattern[shown]:
                meet.setdefault("".join(token[i].upper() for i in both), []).append(token)
            for token in by_pattern[other]:
                pairs.extend((one, token) for one in meet.get("".join(token[i].upper() for i in both), ()))
    return pairs
