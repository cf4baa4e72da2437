"""The names of the people a record lists, kept out of what a log shows.

A list of people comes down when its 公示 ends (DOMAIN.md §12); a CI log, a pull request's annotations and a terminal's
scrollback stay. A finding on such a record quoted its title (「关于陈水生、林阿妹等2户享受低保的公示」没有附件) and showed
the row of its table under a finding of a phone number, name and all: the gate masked the names on every page while
validate printed them into the log. Here each record file shown under a finding is read for the names it lists — as
the gate reads them: its table's name column, names enumerated in its text, and for a record that lists people those
its title gives — and a finding's message, hint and lines show them masked (陈*生), as diff and log do.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from gongkai.catalog.kinds import kind_of
from gongkai.catalog.sources import Source
from gongkai.diagnostics import Diagnostic, Report

if TYPE_CHECKING:
    from gongkai.model import Record


_TITLE_LINE = re.compile(r"^[ \t\ufeff]*题名[ \t\u3000]*[:：][ \t\u3000]*(.+)$", re.MULTILINE)


class ListedNames:
    """The names each record file of *source* lists (none for a file that is no record, or lists no one); each file is
    read once. With the files' *blobs* (path → content hash), the names *remembered* by content from an earlier run
    are taken as they are: a validate with a thousand warnings on records reads no record again for them when
    nothing changed; *used* is what to remember for the next run."""

    def __init__(self, source: Source, blobs: Mapping[str, str] | None = None,
                 remembered: Mapping[str, frozenset[str]] | None = None) -> None:
        self.source = source
        self._blobs = blobs or {}
        self._remembered = remembered or {}
        self._known: dict[str, frozenset[str]] = {}
        self.used: dict[str, frozenset[str]] = {}  # blob → names, of the files asked for

    @property
    def changed(self) -> bool:
        """Whether what to remember differs from what was remembered."""
        return self.used != self._remembered

    def __call__(self, path: str | None) -> frozenset[str]:
        if path is None or kind_of(path) != "record":
            return frozenset()
        if path not in self._known:
            blob = self._blobs.get(path)
            names = self._remembered.get(blob) if blob is not None else None
            self._known[path] = names = self._read(path) if names is None else names
            if blob is not None:
                self.used[blob] = names
        return self._known[path]

    def _read(self, path: str) -> frozenset[str]:
        from gongkai.catalog.decode import display_text
        from gongkai.catalog.files import parse_file
        from gongkai.model import Record
        from gongkai.privacy.listed import body_people

        try:
            data = self.source.read(path)
        except (OSError, KeyError):
            return frozenset()
        record = parse_file(path, "record", "", data).model
        if isinstance(record, Record):
            return record_names(record)
        # a file that does not load (a YAML mistake on its 题名 line): the names its text lists, and those its title
        # line gives when it is a list's
        text = display_text(data)
        listed = body_people(text)
        title = _TITLE_LINE.search(text)
        if title is None:
            return listed.names
        from gongkai.privacy.titles import listed_in_title, listed_title_names

        written = title.group(1).strip().strip("\"'“”")
        people = listed.people or "公示" in written or bool(listed_in_title(written))
        return (listed.names | listed_title_names(written)) if people else listed.names


def record_names(record: Record) -> frozenset[str]:
    """The names *record* lists, as the gate reads them: its table's name column and names enumerated in its text,
    and for a record that lists people (those, a 公示, a period declared, a title saying aid is given to named people)
    those its title gives."""
    from gongkai.privacy.listed import body_people
    from gongkai.privacy.titles import listed_in_title, listed_title_names
    from gongkai.publication.periods import is_notice

    listed = body_people(record.body)
    people = listed.people or is_notice(record, None) or bool(listed_in_title(record.title))
    return (listed.names | listed_title_names(record.title)) if people else listed.names


def unnamed_diagnostic(item: Diagnostic, names: ListedNames) -> Diagnostic:
    """*item* with the names its record lists masked in its message and hint."""
    text = item.message + (item.hint or "")
    known = names(item.path)
    if not any(name in text for name in known):
        return item
    from gongkai.privacy.mask import mask_names

    return replace(item, message=mask_names(item.message, known),
                   hint=mask_names(item.hint, known) if item.hint else item.hint)


def unnamed(report: Report, names: ListedNames) -> Report:
    """*report* with every finding as unnamed_diagnostic() shows it."""
    return Report([unnamed_diagnostic(item, names) for item in report.diagnostics], report.files_checked)
