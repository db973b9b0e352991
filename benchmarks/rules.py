"""Where the time goes, rule by rule, in one process: the cost of each rule per article group, and how
it grows with the size of a file (a rule linear in the file grows as the file does; a quadratic one, as its square).

    python benchmarks/rules.py [--articles 100] [--scale 8]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from trees import build_tree, corpus_texts

from lint.config import Config
from lint.discover import discover, plan_groups
from lint.group import ArticleGroup
from lint.parse import cyclic_collector_paused, read_article
from lint.registry import Rule, load_rules
from lint.runner import build_groups


def groups_of(root: Path, config: Config) -> tuple[list[ArticleGroup], float]:
    """The article groups below `root`, and the CPU seconds parsing them took."""
    start = time.process_time()
    groups = []
    for plan in plan_groups(discover([str(root)])[0]):
        articles = [read_article(path, locale) for path, locale in plan.files]
        groups.extend(build_groups(plan.name, articles, config.reference_locale))
    return groups, time.process_time() - start


def rule_seconds(groups: list[ArticleGroup], rules: Sequence[Rule], config: Config) -> dict[str, float]:
    """CPU seconds each rule takes over all the groups (a group's shared views are paid by the first rule asking);
    the cyclic collector is paused, as the CLI pauses it while a group is checked."""
    spent: dict[str, float] = defaultdict(float)
    with cyclic_collector_paused():
        for group in groups:
            for rule in rules:
                start = time.process_time()
                for _ in rule.check(group, **config.options_for(rule)):
                    pass
                spent[f"{rule.code} {rule.name}"] += time.process_time() - start
    return spent


def fastest_rule_seconds(root: Path, rules: Sequence[Rule], config: Config, repeat: int = 3) -> dict[str, float]:
    """Each rule's fastest of `repeat` runs on freshly parsed groups (cached views start empty each time)."""
    runs = [rule_seconds(groups_of(root, config)[0], rules, config) for _ in range(repeat)]
    return {name: min(run[name] for run in runs) for name in runs[0]}


def write_scaled(root: Path, scale: int) -> None:
    """One article group whose files hold the corpus body `scale` times."""
    for locale, text in corpus_texts().items():
        body_start = text.index("\n---", 3) + 4
        path = root / f"x{scale}" / f"big.{locale}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text[:body_start] + text[body_start:] * scale, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--articles", type=int, default=100, help="article groups in the tree (default: 100)")
    parser.add_argument("--scale", type=int, default=8, help="how many times larger the big file is (default: 8)")
    args = parser.parse_args(argv)
    config, rules = Config(), list(load_rules().values())
    with tempfile.TemporaryDirectory(prefix="winact-rules-") as folder:
        root = Path(folder)
        build_tree(root / "tree", args.articles)
        groups, parsing = groups_of(root / "tree", config)
        spent = rule_seconds(groups, rules, config)
        for scale in (1, args.scale):
            write_scaled(root, scale)
        small, large = (fastest_rule_seconds(root / f"x{scale}", rules, config) for scale in (1, args.scale))
    per_group = 1000 / len(groups)
    print(f"{len(groups)} article groups: parsing {parsing * per_group:.1f} ms per group, rules {sum(spent.values()) * per_group:.1f} ms")
    print(f"  {'rule':<40}{'ms/group':>9}{'share':>7}   x{args.scale} file size: time x")
    total = sum(spent.values()) or 1.0
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        growth = large[name] / small[name] if small[name] > 1e-4 else float("nan")
        print(f"  {name:<40}{seconds * per_group:9.2f}{seconds / total:7.0%}   {growth:6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
