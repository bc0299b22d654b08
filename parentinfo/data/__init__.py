"""Council data: value types, typed facts, the council schema, loading and YAML."""
