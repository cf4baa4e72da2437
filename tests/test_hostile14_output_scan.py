"""Fourteenth hostile pass over the output scan, the last look at every page, feed and data file before it is swapped in.

Found: numbers the page shows (or a program reading the file gets) that the scan read apart —
- quotes between the groups (138"0595"1234, 138“0595”1234, 138「0595」1234; '138'+'0595'+'1234' in a script): in what
  gongkai writes quotes were taken for the separators of data values;
- a JSON string's escapes (138\\"0595\\"1234, 138\\t0595\\n1234) and a surrogate pair (\\uD835\\uDFCF is 𝟏): the file was
  cut at every quote, escaped ones too, and each half of a pair read as U+FFFD;
- entities named with more than ten letters (&ZeroWidthSpace;, &NegativeMediumSpace;, &InvisibleTimes;), which the
  cheap test before the detector did not count as separators, and CDATA sections (138<![CDATA[0595]]>1234);
- an attribute value without quotes (<a title=13805951234>), which only quoted values were read from;
- a line break inside a paragraph (138<br />⏎0595<br />⏎1234), read as the end of a block.
Each reaches the site only past the source scan, which reads all of them; these tests hold the output scan alone to it.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from gongkai.errors import PublicationStopped
from gongkai.privacy.detect import find
from gongkai.privacy.outputs import check_tree, scan_output

MOBILE = "13805951234"
MASKED = "138****1234"

PAGES = {
    "double quotes": '<p>电话 "138"0595"1234"</p>\n',
    "single quotes": "<p>电话 138'0595'1234</p>\n",
    "curly quotes": "<p>电话 138“0595”1234</p>\n",
    "corner brackets": "<p>电话 138「0595」1234</p>\n",
    "quote references": "<p>电话 138&#34;0595&quot;1234</p>\n",
    "script": "<script>var a='138'+'0595'+'1234';</script>\n",
    "CDATA between": "<item><title>138<![CDATA[0595]]>1234</title></item>\n",
    "CDATA sections": "<item><title><![CDATA[138]]><![CDATA[0595]]><![CDATA[1234]]></title></item>\n",
    "&ZeroWidthSpace;": "<p>138&ZeroWidthSpace;0595&ZeroWidthSpace;1234</p>\n",
    "&NegativeMediumSpace;": "<p>138&NegativeMediumSpace;0595&NegativeMediumSpace;1234</p>\n",
    "&InvisibleTimes;": "<p>138&InvisibleTimes;0595&it;1234</p>\n",
    "entity in an attribute": '<img alt="138&ZeroWidthSpace;0595&ZeroWidthSpace;1234">\n',
    "attribute without quotes": "<a title=13805951234>联系我们</a>\n",
    "attribute without quotes, grouped": "<a title=138-0595-1234>联系我们</a>\n",
    "line breaks": "<p>联系电话：138<br />\n0595<br />\n1234</p>\n",
    "line breaks, one line": "<p>138<br>0595<BR/>1234</p>\n",
}
DATA = {
    "escaped quotes": '{"x": "联系电话138\\"0595\\"1234"}',
    "escaped tab and line break": '{"x": "138\\t0595\\n1234"}',
    "surrogate pair": '{"x": "\\uD835\\uDFCF\\uD835\\uDFD18 0595 1234"}',
    "escapes in an array": '["a", "138\\"0595\\"1234"]',
    "escaped backslash before a quote": '{"x": "138\\\\", "y": "05951234"}',
}


@pytest.mark.parametrize("case", sorted(PAGES))
def test_a_number_a_page_shows_is_found(case: str) -> None:
    found = scan_output("page.html", PAGES[case].encode(), frozenset())
    assert [(f.kind, f.masked_value) for f in found] == [("mobile", MASKED)], case


@pytest.mark.parametrize("case", sorted(set(DATA) - {"escaped backslash before a quote"}))
def test_a_number_a_program_reads_from_a_json_string_is_found(case: str) -> None:
    found = scan_output("search/x.json", DATA[case].encode(), frozenset())
    assert [(f.kind, f.masked_value) for f in found] == [("mobile", MASKED)], case
    packed = scan_output("search/x.json.gz", gzip.compress(DATA[case].encode()), frozenset())
    assert [f.kind for f in packed] == ["mobile"]


def test_an_escaped_backslash_ends_the_string_before_the_quote():
    # "138\\" is the string 138\ ; the quote after it ends it, and "05951234" is another value
    assert scan_output("x.json", DATA["escaped backslash before a quote"].encode(), frozenset()) == []


@pytest.mark.parametrize("text", [
    '["1380","1234","567"]',  # a list of values, each its own string
    '{"p": [1380, 1234, 5678]}',
    '"138","0595","1234"\n',  # three CSV fields
    "<p>\"第1380号\"与\"第1234号\"</p>\n",  # quotes around short groups in a sentence
    "<tr><td>138</td><td>05951234</td></tr>\n",  # two cells
    "<p>主持人：王局长<br>\n2026年11月27日</p>\n",
])
def test_what_separates_values_still_does(text: str) -> None:
    name = "data.csv" if text.startswith('"138"') else "page.html"
    assert scan_output(name, text.encode(), frozenset()) == []


def test_the_line_of_a_finding_is_the_line_of_the_file(tmp_path: Path) -> None:
    page = "<html>\n<body>\n<p>介绍</p>\n<p>联系电话：138<br />\n0595<br />\n1234</p>\n</body>\n</html>\n"
    found = scan_output("page.html", page.encode(), frozenset())
    assert [(f.masked_value, f.where) for f in found] == [(MASKED, "第4行")]


def test_check_tree_stops_on_each_of_them(tmp_path: Path) -> None:
    for number, text in enumerate([*PAGES.values(), *(v for k, v in DATA.items() if "backslash" not in k)]):
        (tmp_path / f"{number}.html").write_text(text, encoding="utf-8")
    with pytest.raises(PublicationStopped) as stopped:
        check_tree(tmp_path, None, frozenset())
    assert MOBILE not in str(stopped.value)
    assert str(stopped.value).count(MASKED) == len(PAGES) + len(DATA) - 1


@pytest.mark.parametrize("text", [r"电话\uD835\uDFCF\uD835\uDFD18 0595 1234", "tel:%uD835%uDFCF%uD835%uDFD18 0595 1234"])
def test_the_source_scan_reads_a_surrogate_pair_as_one_character_too(text: str) -> None:
    # (JSON and JavaScript write a character beyond U+FFFF so: 𝟏 is \uD835\uDFCF)
    assert [(hit.kind, hit.value) for hit in find(text)] == [("mobile", MOBILE)]
