"""Parse time per megabyte of hostile layouts, and a 5 MB article through every rule.

    python benchmarks/bad_input.py [--size 300000] [--repeat 3]

The parser is linear in the size of a file, so the size limit (`max-file-size`, 5 MiB by default)
bounds the time of every file; this prints the slope for the densest layouts found, the ones a
hang would come from. Times are the fastest of --repeat runs (a shared machine only ever adds time).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from lint.config import Config
from lint.parse import parse_text
from lint.runner import lint

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ARTICLE = (CORPUS / "activation-error-codes.fr-FR.md").read_text(encoding="utf-8")
LAYOUTS = {
    "the corpus article": ARTICLE[ARTICLE.index("\n# ") :],
    "one-character list items": "- a\n",
    "one-character paragraphs": "a\n\n",
    "one-line quotes": "> a\n\n",
    "headings": "# a\n",
    "table rows of links": "|[0x8007232B](#a) |**b** |`c` |\n",
    "short lines in one paragraph": "word\n",
    "bold spans": "**a** " * 50 + "\n\n",
    "nested emphasis (200 deep)": "*a " * 200 + "b" + " c*" * 200 + "\n\n",
    "nested links (200 deep)": "[a " * 200 + "b" + "](x)" * 200 + "\n\n",
    "links": "[a](#b) " * 50 + "\n\n",
    "one long line": "Le serveur KMS 0x8007232B ne répond pas. ",
}


def fastest(action: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=300_000, help="bytes of each layout (default: 300000)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{'layout':32} {'s per MB':>9}")
    for name, unit in LAYOUTS.items():
        text = unit * max(1, args.size // len(unit.encode()))
        seconds = fastest(partial(parse_text, "x.md", text), args.repeat)
        print(f"{name:32} {seconds / len(text.encode()) * 1e6:9.1f}")
    with tempfile.TemporaryDirectory() as folder:
        big = ARTICLE + LAYOUTS["the corpus article"] * (5_000_000 // len(LAYOUTS["the corpus article"].encode()))
        path = Path(folder, "guide.fr-FR.md")
        path.write_text(big, encoding="utf-8")
        Path(folder, "guide.ja-JP.md").write_bytes((CORPUS / "activation-error-codes.ja-JP.md").read_bytes())
        seconds = fastest(lambda: lint([str(path)], Config(), jobs=1), args.repeat)
        print(f"\n{len(big.encode()) / 1e6:.1f} MB article (the corpus file repeated), every rule: {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
