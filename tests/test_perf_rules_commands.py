"""A command's plain-text pattern is built by str.split on its placeholders, not re.split, which compiled a pattern."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.mentions import _PLACEHOLDER, _plain_command_pattern

_COMMANDS = st.lists(st.sampled_from(["<…>", "slmgr", " ", "/atp", "cmd.exe", "<", ">", "…", "\\", "a-b", "é"]), max_size=8).map("".join)


def _pattern_by_re_split(command: str) -> str:
    parts = (_PLACEHOLDER.pattern if part == "<…>" else re.escape(part).replace(r"\ ", r"\s+") for part in re.split("(<…>)", command))
    return rf"(?<![\w.\\/-]){''.join(parts)}(?![\w\\/-])"


@settings(max_examples=3000, deadline=None)
@given(command=_COMMANDS)
def test_plain_command_pattern_is_built_as_by_re_split(command: str) -> None:
    assert _plain_command_pattern(command) == _pattern_by_re_split(command)
