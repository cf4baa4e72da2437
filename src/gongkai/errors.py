"""Expected problems that stop a command: their text is Chinese and shown as is (exit 2)."""

from __future__ import annotations


class UsageProblem(Exception):
    """The user asked for something impossible: a missing catalog, an unknown rule, a bad date…"""


class PublicationStopped(Exception):
    """Something that must not leave the building was found in what a command was about to publish (exit 1).

    str() is a Chinese message that names the output file and the record, with every personal number masked.
    """
