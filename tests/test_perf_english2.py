"""Faster forms of the English analysis' patterns and tests; each must answer as the plainer form it replaces."""

import random
import re

from lint.english import mask_not_prose

_PLAIN_NOT_PROSE = re.compile(
    r"https?://\S+|www\.\S+"
    r"|0[xX][0-9A-Fa-f]{8}"
    r"|<[^<>\s][^<>]{0,80}>"
    r"|(?<![\w/])[/-]{1,2}[A-Za-z][\w:=-]*"
    r"|\b\w++(?:[.\\:]\w++)++\b"
    r"|\b[^\W\d_]*+[\d_]\w*+"
)
_PIECES = ["http", "https://", "www.", "0x", "0X", "1234ABCD", "<", ">", "/", "-", "--", "a", "Fb", "_", "7", ".", "\\", ":"]
_PIECES += ["=", " ", "\t", "\n", "é", "注", "x", "'"]


def test_mask_not_prose_agrees_with_the_plain_pattern_on_random_texts() -> None:
    rng = random.Random(11)
    for _ in range(20000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(1, 12)))
        assert mask_not_prose(text) == _PLAIN_NOT_PROSE.sub(lambda m: " " * len(m.group()), text), text
