"""The parse floor: one Python process that only reads the Markdown files below a folder and parses them with mistune."""

from __future__ import annotations

import os
import sys

import mistune


def main(root: str) -> int:
    markdown = mistune.create_markdown(renderer=None, plugins=["table"])
    parsed = 0
    for folder, _, names in os.walk(root):
        for name in sorted(names):
            if name.endswith(".md"):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    markdown(handle.read())
                parsed += 1
    print(parsed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
