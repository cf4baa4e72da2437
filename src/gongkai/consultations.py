"""The consultation register (consultations/<year>/<id>.yaml): a kind of catalog file that no publisher reads.

The catalog lists consultations/ (catalog.kinds) and imports this module when it first reads one.
"""

from __future__ import annotations

from gongkai.catalog.files import FileKind, pydantic_builder, register_kind
from gongkai.catalog.kinds import LABELS
from gongkai.model.inquiry import Inquiry

register_kind(FileKind("inquiry", LABELS["inquiry"], pydantic_builder(Inquiry), model=Inquiry))
