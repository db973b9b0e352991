"""Cost of the untranslated-English detector (WL401–WL403) per file, beside the cost of parsing it.

    python benchmarks/english.py [FOLDER] [--repeat 20] [--held-out]

Times are the fastest of --repeat runs (a shared machine only ever adds time). The detector time
covers the whole analysis of a group: alignment, names learnt from the group, spans, glosses.
--held-out also counts false positives on the translations of the machine's gettext catalogues
(/usr/share/locale, 3,000 strings of three words or more per language) and how many of their
English originals are found: terse UI strings, harder than documentation prose.
"""

from __future__ import annotations

import argparse
import gettext
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lint.english import LOOSE, STRICT, english_spans, mask_not_prose
from lint.group import ArticleGroup
from lint.parse import read_article
from lint.untranslated import GroupEnglish

LATIN = ("fr", "es", "de", "it", "pt_BR", "nl", "pl", "sv")
NON_LATIN = ("ru", "ja", "zh_CN", "ko")


def fastest(work: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default="corpus")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--held-out", action="store_true")
    args = parser.parse_args(argv)
    paths = sorted(str(p) for p in Path(args.folder).glob("*.md") if p.name != "README.md")
    articles = tuple(read_article(path) for path in paths)
    parse = fastest(lambda: [read_article(path) for path in paths], max(args.repeat // 4, 1))
    detect = fastest(lambda: GroupEnglish(ArticleGroup("bench", articles)).fragments, args.repeat)
    blocks = sum(1 for article in articles for _ in article.blocks())
    print(f"{len(paths)} files, {blocks} blocks")
    print(f"parse     {parse * 1000 / len(paths):7.2f} ms per file")
    print(f"detector  {detect * 1000 / len(paths):7.2f} ms per file ({detect * 1e6 / blocks:.1f} µs per block)")
    if args.held_out:
        held_out()
    return 0


def held_out() -> None:
    for language in LATIN + NON_LATIN:
        pairs = catalogue(language)
        latin = language in LATIN
        code, limits = language.split("_")[0], (STRICT,) if latin else (STRICT, LOOSE)  # as lint.untranslated uses them
        false = sum(bool(english_spans(mask_not_prose(text), code, latin, thresholds=limits)) for _, text in pairs)
        found = sum(bool(english_spans(mask_not_prose(english), code, latin, thresholds=limits)) for english, _ in pairs)
        print(f"{language:6} {len(pairs):5} strings: {false} false positives; English originals found {found}")


def catalogue(language: str, size: int = 3000) -> list[tuple[str, str]]:
    pairs = []
    for path in sorted(Path(f"/usr/share/locale/{language}/LC_MESSAGES").glob("*.mo")):
        try:
            with path.open("rb") as handle:
                messages = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
        except (OSError, ValueError, UnicodeDecodeError):
            continue
        pairs += [(k, v) for k, v in messages.items() if isinstance(k, str) and isinstance(v, str) and k and v != k]
    pairs = [pair for pair in pairs if len(pair[1].split()) >= 3]
    random.Random(0).shuffle(pairs)
    return pairs[:size]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
