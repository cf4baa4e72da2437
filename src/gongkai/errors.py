"""Expected problems that stop a command: their text is Chinese and shown as is (exit 2)."""

from __future__ import annotations


class UsageProblem(Exception):
    """The user asked for something impossible: a missing catalog, an unknown rule, a bad date…"""


class PublishingBlocked(Exception):
    """Something that may not leave the building was found while publishing; nothing was written (exit 1)."""
