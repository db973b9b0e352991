"""winact-lint: a translation consistency linter for localized documentation articles."""

__version__ = "0.1.0"
