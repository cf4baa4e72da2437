"""The one Diagnostic type and the Report that collects them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import Enum


class Severity(str, Enum):
    """How serious a finding is; error blocks, warning informs, info hints."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        """The Chinese word shown to people."""
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Location:
    """What a rule points at: the object's id and a field path inside it, or a file directly."""

    path: str | None = None
    object_id: str | None = None
    field: tuple[str | int, ...] = ()


@dataclass(frozen=True)
class Diagnostic:
    """One finding: code, severity, Chinese message, where, and how to fix it."""

    code: str
    severity: Severity
    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    object_id: str | None = None
    hint: str | None = None
    field: tuple[str | int, ...] = ()
    end_line: int | None = None
    end_column: int | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path or "", self.line or 0, self.column or 0, self.code, self.message)

    def with_severity(self, severity: Severity) -> Diagnostic:
        return replace(self, severity=severity)

    def as_tuple(self) -> tuple[str | None, int | None, str]:
        """Compact form for assertions: (path, line, code)."""
        return (self.path, self.line, self.code)

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "id": self.object_id,
            "field": ".".join(str(p) for p in self.field) or None,
            "hint": self.hint,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Diagnostic:
        field_text = data.get("field")
        parts: tuple[str | int, ...] = ()
        if isinstance(field_text, str) and field_text:
            parts = tuple(int(p) if p.isdigit() else p for p in field_text.split("."))
        return cls(
            code=str(data["code"]),
            severity=Severity(str(data["severity"])),
            message=str(data["message"]),
            path=_opt_str(data.get("path")),
            line=_opt_int(data.get("line")),
            column=_opt_int(data.get("column")),
            end_line=_opt_int(data.get("end_line")),
            end_column=_opt_int(data.get("end_column")),
            object_id=_opt_str(data.get("id")),
            hint=_opt_str(data.get("hint")),
            field=parts,
        )


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _opt_int(value: object) -> int | None:
    return value if isinstance(value, int) else None


@dataclass
class Report:
    """All diagnostics of one run, sorted by file and position."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_checked: int = 0

    def extend(self, items: Iterable[Diagnostic]) -> None:
        self.diagnostics.extend(items)

    def add(self, item: Diagnostic) -> None:
        self.diagnostics.append(item)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self.diagnostics)

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.diagnostics), key=Diagnostic.sort_key)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity is Severity.ERROR]

    def has_errors(self, strict: bool = False) -> bool:
        """True when the run must fail: any error, or any warning under --strict."""
        if strict:
            return any(d.severity is not Severity.INFO for d in self.diagnostics)
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def flat(self) -> list[tuple[str | None, int | None, str]]:
        """[(path, line, code), …] for compact assertions."""
        return [d.as_tuple() for d in self.sorted()]

    def codes(self) -> set[str]:
        return {d.code for d in self.diagnostics}
