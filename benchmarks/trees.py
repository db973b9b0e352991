"""Synthetic docs trees built from the corpus: N articles x its locales, `ROOT/<locale>/<area>/<article>.md`."""

from __future__ import annotations

import os
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ARTICLES_PER_AREA = 100
_TITLE = re.compile(r"^(title:.*)$", re.M)
_FIRST_HEADING = re.compile(r"^(# .*)$", re.M)


def corpus_texts() -> dict[str, str]:
    """Each corpus locale's file text, by locale (`fr-FR`)."""
    return {path.name.split(".")[-2]: path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.*-*.md"))}


def varied(text: str, index: int) -> str:
    """The corpus text made a little different per article: numbered title and heading, one more paragraph."""
    text = _TITLE.sub(lambda m: f"{m.group(1)} {index}", text, count=1)
    text = _FIRST_HEADING.sub(lambda m: f"{m.group(1)} {index}", text, count=1)
    return f"{text.rstrip()}\n\nArticle {index} ({'x' * (index % 7)}).\n"


def article_path(root: Path, locale: str, index: int) -> Path:
    return root / locale.lower() / f"area-{index // ARTICLES_PER_AREA:03d}" / f"article-{index:05d}.md"


def build_tree(root: Path, articles: int) -> list[Path]:
    """Write `articles` article groups under `root` in the docs-repo layout; the files written."""
    written = []
    for locale, text in corpus_texts().items():
        for index in range(articles):
            path = article_path(root, locale, index)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(varied(text, index), encoding="utf-8")
            written.append(path)
    return written


def build_flat(tree: Path, flat: Path, articles: int) -> None:
    """The same files hard-linked into one folder, `article-00001.fr-FR.md`: the one-folder layout."""
    flat.mkdir(parents=True, exist_ok=True)
    for locale in corpus_texts():
        for index in range(articles):
            os.link(article_path(tree, locale, index), flat / f"article-{index:05d}.{locale}.md")
