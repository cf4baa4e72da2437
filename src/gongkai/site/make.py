"""build_catalog: make the site's files from a loaded catalog (gongkai.site.build decides whether there is work)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from gongkai.catalog import Catalog
from gongkai.catalog.cache import code_salt
from gongkai.catalog.listing import quiet_gc
from gongkai.errors import PublicationStopped, UsageProblem
from gongkai.gate import Gate, admit, unread_items, unread_records
from gongkai.gate.memo import NOTHING_KEPT, Since
from gongkai.gate.past import Republished, early, relapsed, republished
from gongkai.privacy.outputs import OutputFinding, OutputLeak, check_tree, scan_tree
from gongkai.privacy.scan import allowed_of
from gongkai.site.artifact import Artifact
from gongkai.site.attachments import identity, read_attachment
from gongkai.site.carried import carrier
from gongkai.site.changes import directory_changes
from gongkai.site.data import SiteData, site_data
from gongkai.site.pages import FileSource, site_artifacts
from gongkai.site import parallel
from gongkai.site.parallel import Batch, Made, Write, make_all
from gongkai.site.fingerprint import templates_fingerprint
from gongkai.site.search_index import index_changes
from gongkai.search import SearchDoc, is_index_file
from gongkai.search.workers import in_parallel, ranges, shared
from gongkai.site.result import BuildResult
from gongkai.site.staging import Staging
from gongkai.site.store import Store, digest
from gongkai.site.tree import Tree, files_in


def build_catalog(catalog: Catalog, out: Path, today: dt.date, search: bool = True, stamp: str = "",
                  store: Store | None = None, gate: Gate | None = None, since: Since = NOTHING_KEPT,
                  now: dt.date | None = None, found: Tree | None = None) -> BuildResult:
    """Build from a loaded catalog (*gate*: its decision on *today*, when already made: then *catalog* may hold only
    the records that changed since the decisions the gate remembered, as *since* tells); the old site stays untouched
    unless everything succeeded. A site is not taken back to an earlier day: when *store* was built for a day after
    *today*, a list whose 公示 had ended or a record withdrawn by then does not come back (the build is refused).
    *now*: the real date, when *today* may be before it: what has left the web since is named in a warning. *found*: the folder as it
    is, when build_site walked it and found it holds what the store says (gongkai.site.tree); None: every file is made
    again and the folder replaced (a first build, or a folder changed by hand since the last one)."""
    if catalog.agency is None:
        raise UsageProblem("gongkai.yaml 有错误，无法生成网站。请先运行 gongkai validate 修正。")
    store = store if store is not None else Store.read(out)
    full = not store.files or not out.is_dir() or found is None
    # gongkai's own code and the libraries beside it (code_salt), not its version number, which stayed 0.1.0 through
    # every mend: a page an older gongkai wrote (a footnote as a 404, headings skipping levels) is made again after an
    # upgrade, as the stamp has the build look again, instead of carried over because its inputs are the same
    chrome = digest("\n".join([code_salt(), templates_fingerprint(), catalog.agency.model_dump_json()]))
    with quiet_gc(settle=True):  # the day's decisions and every file's inputs: many small objects that all stay
        gate = gate if gate is not None else admit(catalog, today)
        _stop_on_directory_findings(gate)
        _stop_going_back(gate, store, out, now)
        data = site_data(catalog, today, gate)
        carry = None if full else carrier(store, chrome, since)
        artifacts = list(site_artifacts(data, _files(catalog), directory_changes(catalog), _forms(data),
                                        _xlsx(catalog), carry))
    result = BuildResult(out, pages=len(artifacts), next_change=gate.next_change,
                         next_change_provisional=gate.next_change_provisional)
    result.blocked = {rid: "；".join(f.summary for f in found)  # (an unreadable attachment: its reason, not 「」)
                      for rid, found in sorted(gate.blocked.items())}
    result.blocked.update((rid, "；".join(found)) for rid, found in sorted(gate.unsafe.items()))
    result.blocked.update(sorted(gate.held.items()))
    result.blocked.update((rid, gate.no_item_why.get(rid, "")) for rid in gate.no_item)
    result.blocked.update(unread_records(catalog))
    result.blocked.update(unread_items(catalog))
    if now is not None and (past := republished(gate, now)):
        result.warnings.append(f"--today {today.isoformat()} 早于今天（{now.isoformat()}）：生成的是过去那一天的网站，其中有今天已"
                               f"不能公开的内容（{_listed(past)}）。请不要部署到门户网站；要更新网站，请去掉 --today。")
    if now is not None and (ahead := early(gate, now)):
        result.warnings.append(f"--today {today.isoformat()} 晚于今天（{now.isoformat()}）：生成的是将来那一天的网站，与今天应有的"
                               f"不同（{_listed(ahead)}）。请不要部署到门户网站；要更新网站，请去掉 --today。")
    if not data.base_url:
        result.warnings.append("gongkai.yaml 没有设置「网站: 基础地址」，没有生成 sitemap.xml，订阅中的链接不是完整网址。")
    new = Store(stamp or digest(str(time.time())), today, gate.next_change, gate=since.written, chrome=chrome,
                next_change_provisional=gate.next_change_provisional,
                named=_named_on_the_web(data))
    _make(catalog, data, artifacts, out, search, chrome, store, new, result, None if full else found)
    result.held = (catalog, gate, data, artifacts)
    return result


def _named_on_the_web(data: SiteData) -> list[str]:
    """The 编号 of web records another web record names (as its 解读 or replacement): their pages are not carried over
    (site.carried). Only web records: the build record is in site/ and goes to the portal with it, and a 解读 or 被替代
    may name a record that is 依申请 or 不予公开, whose 编号 must leave no trace there (a page it has not, it is never
    carried either)."""
    named = data.interpreted.keys() | data.replaced.keys() | data.replacements.naming.keys()
    return sorted(named & data.by_id.keys())


def _make(catalog: Catalog, data: SiteData, artifacts: list[Artifact], out: Path, search: bool, chrome: str,
          store: Store, new: Store, result: BuildResult, walked: Tree | None) -> None:
    full = walked is None  # a first build, or the folder was changed by hand since the last one
    staging = Staging(out, store, full, walked)
    try:
        todo = _plan(artifacts, chrome, store, full, new)
        allowed, sources = allowed_of(catalog.agency), _Sources(data)
        # A first build indexes every page anew, beside the pages (on another core): the pages need not hand over
        # their search entries. A later build patches the index with the entries of the pages made again.
        whole = _whole_index(artifacts, staging.write) if search and full else None
        batch = make_all(todo, staging.write, search and not full, lambda made: scan_tree(
            staging.folder, [m.path for m in made if staging.needs(m.path, m.content)], allowed, sources), whole)
        made = batch.made
        _note(made, staging, new)
        result.search_seconds = batch.beside_seconds
        # a full build replaces the folder: what the last one had and this one has not is gone with it, and is told;
        # so is what the folder held that no store names (a store deleted, damaged or an older gongkai's names
        # nothing, a page added by hand is in none): the portal's copy may have it all
        removed = [p for p in store.files if p not in new.files]
        if full and staging.out.is_dir():
            removed = sorted((files_in(staging.out) | set(removed)) - new.files.keys())
        if search and not full:
            started = time.perf_counter()
            found = index_changes(out, made, removed, staging.write, _search_docs(artifacts))
            _note(found, staging, new, store)
            removed = [p for p in store.files if p not in new.files]
            result.search_seconds = time.perf_counter() - started
        _scan_outputs(staging, batch, allowed, sources)  # defence in depth
        staging.commit(new, removed)
    except BaseException:
        staging.discard()
        raise
    result.made, result.written, result.removed = len(todo), len(staging.changed), len(removed)
    # A copy deployed to the portal keeps a file deleted here: the person deploying needs the list — every file. A file
    # of the search index is removed when the pages it held have left (a text file, a group, a shard); the page of an
    # item or a town taken out of the directory, a list's last page, still link what has gone: left on the portal, each
    # still gives what the column no longer shows (and the yearly inspection counts its dead links).
    # A build without a search index (--no-search, a preview) removes the last one from this folder only: the portal's
    # copy keeps its index, which matches its pages; told apart, not listed among the files to delete there.
    dropped = set() if search else {p for p in removed if is_index_file(p)}
    result.taken_down = sorted(set(removed) - dropped)
    result.index_dropped = len(dropped)


def _scan_outputs(staging: Staging, batch: Batch, allowed: frozenset[str], sources: Mapping[str, str]) -> None:
    """Every file this build wrote is scanned before it is moved in: by the worker that made it, or here (the
    search index's files, on every core when there are many)."""
    rest = [path for path in staging.changed if path not in batch.checked]
    parts = ranges(len(rest), len(rest) >= parallel.MIN_PARALLEL)
    if len(parts) == 1 and not batch.findings:
        check_tree(staging.folder, rest, allowed, sources)
        return
    found = [f for part in in_parallel(_scan_part, parts, (staging.folder, rest, allowed, sources)) for f in part]
    if batch.findings or found:
        raise OutputLeak(sorted(batch.findings, key=lambda f: f.file) + found)


def _scan_part(part: range) -> list[OutputFinding]:
    folder, names, allowed, sources = shared()
    return scan_tree(folder, names[part.start:part.stop], allowed, sources)


def _plan(artifacts: list[Artifact], chrome: str, store: Store, full: bool, new: Store) -> list[tuple[Artifact, str]]:
    """The artifacts whose key changed; the others keep their entry in the new store."""
    todo: list[tuple[Artifact, str]] = []
    for artifact in artifacts:
        key = artifact.carried or artifact.key(chrome)  # written out: 100,000 pages are carried after one edit
        previous = store.files.get(artifact.path)
        if not full and previous is not None and previous[0] == key:
            new.files[artifact.path] = previous
        else:
            todo.append((artifact, key))
    return todo


def _note(made: list[Made], staging: Staging, new: Store, old: Store | None = None) -> None:
    for item in made:
        if item.content:
            new.files[item.path] = [item.key, item.content]
            staging.note(item.path, item.content)
        else:  # a file the search index dropped
            new.files.pop(item.path, None)
    if old is not None:  # the index files this build did not touch stay on the site
        dropped = {item.path for item in made if not item.content}
        new.files.update((path, entry) for path, entry in old.files.items()
                         if is_index_file(path) and path not in new.files and path not in dropped)


def _whole_index(artifacts: list[Artifact], write: Write) -> Callable[[], list[Made]]:
    """The job that writes a new index of every page (a first build)."""
    return lambda: index_changes(None, [], [], write, _search_docs(artifacts))


def _search_docs(artifacts: list[Artifact]) -> Callable[[], list[SearchDoc]]:
    """Every page's search entry: what the index is built from when the old one cannot be patched."""
    def everything() -> list[SearchDoc]:
        return [doc for a in artifacts if a.search is not None for doc in [a.search()] if doc is not None]
    return everything


def _stop_on_directory_findings(gate: Gate) -> None:
    if gate.directory_findings:
        lines = "\n".join(f"  {where}：{label}「{masked}」" for where, label, masked in gate.directory_findings)
        raise PublicationStopped(f"公开事项或 gongkai.yaml 中有未遮盖的个人信息，网站没有更新：\n{lines}\n"
                                 "请遮盖或删除后运行 gongkai validate 检查。")


def _stop_going_back(gate: Gate, store: Store, out: Path, now: dt.date | None) -> None:
    """Refuse a build for a day before the one the site in *out* was built for that would publish again what had left
    it by then, or show in force a document it had labelled not in force (gate.past): the site in the output folder is
    the one deployed, names once taken down never come back, and a lapsed standard never applies again. A site built
    for a day after the real date *now* (--today ahead) took down early what still stands today: the day it is held
    to is *now*, so the daily build of today puts back a 公示 still running rather than being refused until then."""
    last = store.built_on if now is None or store.built_on is None else min(store.built_on, now)
    found = sorted([*republished(gate, last), *relapsed(gate, last)]) if last is not None else []
    if found and last is not None:
        lines = "\n".join(f"  {r.id}「{r.title}」：{r.why}" for r in found)
        raise UsageProblem(f"网站「{out}」上次按 {(store.built_on or last).isoformat()} 生成；按更早的 --today {gate.today.isoformat()} 生成，"
                           f"这些已经从网站撤下或已标明不再有效的内容会退回过去，网站没有更新：\n{lines}\n"
                           "公示期满的名单和撤回的信息不能回到网站上，已失效（废止、已修改）的文件不能再显示为有效。"
                           "请按今天的日期生成（去掉 --today）；要查看过去某天的网站，请输出到另一个文件夹（--out），不要部署。")


def _listed(found: list[Republished]) -> str:
    return "；".join(f"{r.id}：{r.why}" for r in found)


def _files(catalog: Catalog) -> FileSource:
    return FileSource(getattr(catalog.source, "root", None), lambda path: read_attachment(catalog, path),
                      lambda path: identity(catalog, path))


# The 申请表 and the directory's xlsx are made only when their inputs changed: their writers (openpyxl, the docx and
# PDF makers) are imported then, not by every build (half a second).

def _forms(data: SiteData) -> dict[str, Callable[[], bytes]]:
    agency = data.agency

    def docx() -> bytes:
        from gongkai.guide.form import application_form_docx  # noqa: PLC0415

        return application_form_docx(agency)

    def pdf() -> bytes:
        from gongkai.guide.form import application_form_pdf  # noqa: PLC0415

        return application_form_pdf(agency)

    return {"zhinan/shenqingbiao.docx": docx, "zhinan/shenqingbiao.pdf": pdf}


def _xlsx(catalog: Catalog) -> Callable[[], bytes]:
    def xlsx() -> bytes:
        from gongkai.interchange.xlsx import export_directory_xlsx  # noqa: PLC0415

        return export_directory_xlsx(catalog)

    return xlsx


class _Sources(Mapping[str, str]):
    """Output file → the record it came from, for the output scan's message: made only when a finding asks."""

    def __init__(self, data: SiteData) -> None:
        self._data = data
        self._found: dict[str, str] | None = None

    def _map(self) -> dict[str, str]:
        if self._found is None:
            self._found = {f"records/{a.id}.html": a.id for a in self._data.records}
            for admission in self._data.records:
                for path in admission.facts.attachments:
                    self._found.setdefault(path, admission.id)
        return self._found

    def __getitem__(self, key: str) -> str:
        return self._map()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._map())

    def __len__(self) -> int:
        return len(self._map())
