"""Reporters only format: `check`'s reporters are `render(findings, rules) -> Iterator[str]`, chunks of text
made as the findings come, so that a check of any size streams; the CLI writes and exits."""
