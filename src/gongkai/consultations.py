"""The consultation register (consultations/<year>/<id>.yaml): a kind of catalog file that no publisher reads.

The catalog itself knows nothing of consultations: importing this module (the rules and gongkai inspect do) is what
makes it read consultations/.
"""

from __future__ import annotations

from gongkai.catalog.files import FileKind, pydantic_builder, register_kind
from gongkai.model.inquiry import Inquiry

register_kind(FileKind("inquiry", "咨询留言登记", pydantic_builder(Inquiry)), folder="consultations")
