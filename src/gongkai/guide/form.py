"""The 依申请公开 申请表 for the 指南 page: docx to fill in on a computer, PDF to print.

Both are drawn from one layout (guide/layout.py) whose fields match the request register; the bytes depend only on
the agency (no run time inside), so the site build stays reproducible.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from gongkai.bounded import Bounded
from gongkai.guide.form_docx import form_docx
from gongkai.guide.form_pdf import form_pdf
from gongkai.guide.layout import application_form
from gongkai.model.agency import Agency

# The documents carry this fixed time: the form does not change with the day it is built.
STAMP = dt.datetime(2020, 1, 1)


# The forms made, by the agency's settings (its JSON) and the format: a process building many sites (`gongkai county`,
# the tests) makes each once.
_MADE: Bounded[tuple[str, str], bytes] = Bounded(16)


def application_form_docx(agency: Agency) -> bytes:
    """《政府信息公开申请表》 of *agency* as a Word document (.docx)."""
    return _made(agency, "docx", lambda: form_docx(application_form(agency), STAMP))


def application_form_pdf(agency: Agency) -> bytes:
    """《政府信息公开申请表》 of *agency* as a PDF (A4)."""
    return _made(agency, "pdf", lambda: form_pdf(application_form(agency)))


def _made(agency: Agency, kind: str, make: Callable[[], bytes]) -> bytes:
    return _MADE.made((agency.model_dump_json(), kind), make)


__all__ = ["application_form_docx", "application_form_pdf"]
