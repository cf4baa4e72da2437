"""Long lists of records in pages of PAGE_SIZE, as the county portal's own lists are: 第1页 stays at the list's
address, 第n页 lies beside it (``zhidu/index.html`` → ``zhidu/2.html``; ``items/<编号>.html`` →
``items/<编号>/2.html``, a folder no 编号 can name, for an 编号 has no「/」). Every page says which page it is and
links the others."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

PAGE_SIZE = 20  # the portal's lists show 20 a page; a 低保 item of 24 乡镇 × 12 months would else be one page

T = TypeVar("T")


@dataclass(frozen=True)
class Pager:
    """Where one page stands among the pages of its list (paths from the site's root)."""

    number: int
    paths: tuple[str, ...]
    total: int  # entries in the whole list

    @property
    def count(self) -> int:
        return len(self.paths)

    @property
    def inputs(self) -> tuple[str, ...]:
        """What a page shows of its list beyond its own entries (a page's key changes when the list grows a page)."""
        return (f"page:{self.number}/{self.count}:{self.total}",) if self.count > 1 else ()

    def path(self, number: int) -> str:
        return self.paths[number - 1]

    def numbers(self) -> list[int | None]:
        """The page numbers the pager links: the first, the last and two either side of this one (None: 「…」), so
        that a list of 70 pages still fits a phone's line or two."""
        near = {1, self.count, *range(self.number - 2, self.number + 3)}
        shown = [n for n in range(1, self.count + 1) if n in near]
        out: list[int | None] = []
        for n in shown:
            if out and n - (out[-1] or 0) > 1:
                out.append(None)
            out.append(n)
        return out


def page_path(first: str, number: int) -> str:
    """The address of page *number* of the list whose first page is *first*."""
    if number == 1:
        return first
    stem = first.removesuffix(".html")
    return f"{stem.removesuffix('/index')}/{number}.html"


def paged(first: str, entries: Sequence[T], size: int = PAGE_SIZE) -> list[tuple[str, Sequence[T], Pager]]:
    """The pages of *entries*, in order: (path, the entries it shows, its pager); an empty list is one empty page."""
    count = max(1, -(-len(entries) // size))
    paths = tuple(page_path(first, n) for n in range(1, count + 1))
    return [(paths[n], entries[n * size:(n + 1) * size], Pager(n + 1, paths, len(entries))) for n in range(count)]
