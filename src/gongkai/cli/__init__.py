"""The command line: the only part of gongkai that prints, exits, or imports typer and rich."""

from gongkai.cli import rules, schema, validate  # noqa: F401 - importing registers the commands
from gongkai.cli.app import app, main, run

__all__ = ["app", "main", "run"]
