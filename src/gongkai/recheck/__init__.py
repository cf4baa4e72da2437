"""Incremental validate: re-check what an edit touched, reuse the rest of the last run's results."""

from gongkai.recheck.run import recheck

__all__ = ["recheck"]
