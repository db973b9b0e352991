"""Reporters only format: each `render(findings, rules) -> str`; the CLI writes and exits."""
