"""gongkai inspect: the yearly 政府网站与政务新媒体检查 (国办秘函〔2019〕19号), passed before the inspectors come.

Internal only: nothing here reaches the site. Every indicator judges what the publishing gate puts on the web.
"""

from gongkai.inspect.run import inspect_catalog
from gongkai.inspect.sheet import SCHEMA, Check, Deduction, Evidence, Figure, Figures, Sheet, Status
from gongkai.inspect.thresholds import Thresholds, load_thresholds

__all__ = ["SCHEMA", "Check", "Deduction", "Evidence", "Figure", "Figures", "Sheet", "Status", "Thresholds",
           "inspect_catalog", "load_thresholds"]
