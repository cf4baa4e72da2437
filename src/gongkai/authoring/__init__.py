"""Writing the catalog by tool: new items and records, formatting (fmt), the YAML both share."""
