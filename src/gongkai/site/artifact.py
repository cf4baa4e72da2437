"""One file of the site: its path, the inputs it is made from, and how to make its bytes.

The build keys every file by a hash of its declared inputs and makes exactly the files whose key changed; a full
build is the same code with an empty store. A page's inputs name everything its template reads beyond the site's
chrome (the templates, gongkai's code and gongkai.yaml, which every page's header and footer show).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any, NamedTuple

from gongkai.gate import Admission
from gongkai.site.render import render
from gongkai.site.store import digest

SearchSource = Callable[[], Any]  # gives a gongkai.search SearchDoc, or None


class Artifact(NamedTuple):
    """A file of the site: where it goes, what it depends on, and how to make it (a tuple: at 100,000 records
    one is declared for every page on every build, and a frozen dataclass takes four times as long to make)."""

    path: str
    inputs: tuple[str, ...]
    make: Callable[[], bytes]
    sitemap: bool = False  # listed in sitemap.xml (pages for the public, never lists of people)
    search: SearchSource | None = None  # what the page gives the search index
    carried: str = ""  # the key of a page carried over from the last build (gongkai.site.carried), not declared

    def key(self, chrome: str) -> str:
        """The hash of everything the file is made from."""
        return self.carried or digest("\n".join((chrome, self.path, *self.inputs)))


_token = attrgetter("token")


def admitted(admissions: Iterable[Admission]) -> tuple[str, ...]:
    """Inputs naming admitted records as a list shows them: id, file content and state on the day (Admission.token)."""
    return tuple(map(_token, admissions))


def page(path: str, template: str, inputs: Iterable[str], context: Callable[[], dict[str, Any]],
         common: dict[str, Any], sitemap: bool = True, search: SearchSource | None = None) -> Artifact:
    """An HTML page rendered from *template*; links inside it are relative to *path*."""
    root = "../" * path.count("/")

    def make() -> bytes:
        return render(template, {**common, **context(), "root": root})

    return Artifact(path, (f"template:{template}", *inputs), make, sitemap, search)
