"""GitHub Actions workflow commands: one ::error/::warning/::notice line per finding."""

from __future__ import annotations

from gongkai.diagnostics import Diagnostic, Report, Severity
from gongkai.privacy.mask import mask_log

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _line(item: Diagnostic, prefix: str) -> str:
    """One annotation, its texts masked before they are escaped: GitHub shows %25 as 「%」, so a number written
    percent-encoded (见%31%33%38…) read 「见%2531%2533…」 to the masking, which let it through to the CI log."""
    props = []
    if item.path:
        props.append(f"file={_escape(mask_log(prefix + item.path), True)}")
    if item.line:
        props.append(f"line={item.line}")
    if item.column:
        props.append(f"col={item.column}")
    props.append(f"title={_escape(item.code, True)}")
    message = mask_log(item.message + (f"（改正：{item.hint}）" if item.hint else ""))
    return f"::{LEVELS[item.severity]} {','.join(props)}::{_escape(message)}"


def render_github(report: Report, prefix: str = "") -> str:
    """Annotations for a GitHub Actions log; *prefix* is the catalog's path inside the repository."""
    return mask_log("".join(_line(d, prefix) + "\n" for d in report.sorted()))
