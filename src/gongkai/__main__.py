"""python -m gongkai."""

from gongkai.cli import run

run()
