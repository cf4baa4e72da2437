"""Hand-typed tokenizer expectations, shared by the Python tests and the browser test of search.js."""

from __future__ import annotations

# query text → the keys a page must hold (tokens.query_keys and search.js's keys() must both give these)
QUERY_KEYS: dict[str, list[str]] = {
    "低保": ["低保"],
    "特困人员": ["特困人", "困人员"],
    "救助供养": ["救助供", "助供养"],
    "低": [],
    "安民〔2026〕12号": ["安民2026 ", "民2026 12 ", "2026 12 号"],
    "安民[2026]12号": ["安民2026 ", "民2026 12 ", "2026 12 号"],
    "安民(2026)12号": ["安民2026 ", "民2026 12 ", "2026 12 号"],
    "安民（２０２６）12号": ["安民2026 ", "民2026 12 ", "2026 12 号"],
    "安民2026年12号": ["安民2026 ", "民2026 12 ", "2026 12 号"],
    "安民2026年1号": ["安民2026 ", "民2026 1 ", "2026 1 号"],  # a number of one digit after the 年, too
    "安民〔2026〕1号": ["安民2026 ", "民2026 1 ", "2026 1 号"],
    "安民〔2026〕012号": ["安民2026 ", "民2026 12 ", "2026 12 号"],  # leading zeros before 号 do not count
    "安民〔2026〕0012号": ["安民2026 ", "民2026 12 ", "2026 12 号"],  # however many
    "第00号": ["第0 号"],
    # a date's month and day alike with and without leading zeros (2026年06月26日 is 2026年6月26日), as a 文号's number
    "2026年06月26日": ["2026 6 月", "6 月26 ", "月26 日"],
    "2026年6月26日": ["2026 6 月", "6 月26 ", "月26 日"],
    "06月05日": ["6 月5 ", "月5 日"],
    "2026年10月": ["2026 10 月"],  # a zero that is no leading zero stays
    "安民〔2026〕012": ["安民2026 ", "民2026 012 "],  # without 号 a number is taken as written
    "安民〔2026〕12": ["安民2026 ", "民2026 12 "],
    "安民〔2026〕": ["安民2026 "],
    "2026年度": ["2026 年度"],
    "350524-MZ-2026-00007": ["350524 mz 2026 ", "mz 2026 00007 "],
    "MZ": ["mz "],
    "dibao": ["dibao "],
    "LÜSHI": ["lvshi "],  # ü is typed v on a phone keyboard, and pypinyin writes it so
    "fa lü": ["fa lv "],
    "湖头": ["湖头"],
    "救助。供养": ["救助供", "助供养"],
    "\uf900": [],  # a compatibility ideograph is one character: too short
    "豈〇": ["岂〇"],  # 豈 is traditional, searched as 岂 (hant.py)
}
