"""discover -> group -> parse once -> run the rules -> suppress -> sort, one article group at a time."""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import repeat
from typing import TYPE_CHECKING

from lint.config import Config, ConfigError
from lint.discover import Plan, discover, locate, plan_groups
from lint.finding import Finding, Severity
from lint.group import ArticleGroup
from lint.model import Article
from lint.parse import cyclic_collector_paused, read_article
from lint.registry import Rule, load_rules
from lint.suppress import covers, names

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

POOL_THRESHOLD = 8  # article groups; below this, starting worker processes costs more than it saves


def lint(paths: Sequence[str], config: Config, jobs: int = 1) -> Iterator[Finding]:
    """Check every article group the paths belong to: its findings in path and line order, group after group.

    Lazy: a group is parsed and checked when its findings are asked for, and released after, so memory stays
    flat however many articles there are. A path that does not exist raises ConfigError now, not on iteration.
    """
    files, missing = discover(paths, config.exclude)
    if missing:
        raise ConfigError(f"no such file or folder: {missing[0]}")
    plans = plan_groups(files, config.exclude)
    return (finding for found in _map_plans(plans, config, jobs) for finding in found)


def sort_key(finding: Finding) -> tuple[str, int, int, str, str]:
    return (finding.loc.path, finding.loc.line, finding.loc.col, finding.rule, finding.message)


def _map_plans(plans: list[Plan], config: Config, jobs: int) -> Iterable[list[Finding]]:
    """Each plan's findings, in plan order, one group at a time; with `jobs` > 1, groups go to worker processes."""
    if jobs <= 1 or len(plans) < POOL_THRESHOLD:
        return (check_plan(plan, config) for plan in plans)
    from concurrent.futures import ProcessPoolExecutor  # here: multiprocessing costs a one-article check 15 ms to import

    pool = ProcessPoolExecutor(max_workers=min(jobs, len(plans)))
    return _closing(pool, pool.map(check_plan, plans, repeat(config)))  # one group per task: groups are 0.1 s or more


def _closing(pool: ProcessPoolExecutor, results: Iterator[list[Finding]]) -> Iterator[list[Finding]]:
    with pool:
        yield from results


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def check_plan(plan: Plan, config: Config) -> list[Finding]:
    """Parse one article group's files and run every enabled rule; keep findings in the targets.

    A group's model and the rules' views of it hold no reference cycles (a test keeps it so), so the cyclic
    collector, which would scan them again and again while they live, is paused until they are freed."""
    with cyclic_collector_paused():
        return _check_plan(plan, config)


def _check_plan(plan: Plan, config: Config) -> list[Finding]:
    rules = [rule for rule in load_rules().values() if config.enabled(rule)]
    articles = [read_article(path, locale, config.max_file_size) for path, locale in plan.files]
    findings: list[Finding] = []
    for group in build_groups(plan.name, articles, config.reference_locale):
        findings.extend(check_group(group, rules, config, plan.targets))
    return sorted((f for f in findings if f.loc.path in plan.targets and not config.ignores(f)), key=sort_key)


def check_group(group: ArticleGroup, rules: list[Rule], config: Config, targets: frozenset[str]) -> list[Finding]:
    found: list[Finding] = []
    # a rule's crash is told on the primary article, or on a checked one when only other files of the group are
    crash_site = next((a for a in (group.primary, *group) if a.path in targets), group.primary)
    by_path = {article.path: article for article in group}
    skipped = [r for r in load_rules().values() if r not in rules]
    # whether a suppression of a rule that did not run is still needed is unknown: WL003 must not call it unused
    group.used_suppressions.update(s for a in group for s in a.suppressions if any(names(s, r.code, r.name) for r in skipped))
    for rule in sorted(rules, key=lambda r: r.code == "WL003"):  # unused suppressions are known last
        for finding in _run(rule, group, config, crash_site):
            stamped = replace(finding, rule=rule.code, name=rule.name, severity=config.severity_of(rule, finding))
            article = by_path.get(stamped.loc.path)
            used = [s for s in (article.suppressions if article else ()) if covers(s, stamped.loc.line, rule.code, rule.name)]
            group.used_suppressions.update(used)
            if not used:
                found.append(stamped)
    return found


def _run(rule: Rule, group: ArticleGroup, config: Config, article: Article) -> Iterator[Finding]:
    try:
        yield from rule.check(group, **config.options_for(rule))
    except Exception as error:  # a rule's bug must not cost the user the other rules' findings
        frame = traceback.extract_tb(error.__traceback__)[-1]
        where = f"{frame.filename}:{frame.lineno}"
        message = f"internal error in rule {rule.code} ({type(error).__name__}: {error} at {where}); please report it"
        yield Finding(article.loc, message, locale=article.locale or "", severity=Severity.ERROR)


def build_groups(name: str, articles: list[Article], source_locale: str) -> list[ArticleGroup]:
    """The group of an article's locale versions; a file whose locale is unknown or taken stands alone."""
    members: dict[str, Article] = {}
    alone: list[Article] = []
    for article in sorted(articles, key=lambda a: locate(a.path).locale != a.locale):  # a file whose path agrees keeps the locale
        if article.locale and article.locale not in members:
            members[article.locale] = article
        else:
            alone.append(article)
    if len(articles) == 1:
        return [ArticleGroup(name, tuple(articles), source_locale)]
    taken = tuple(a for a in alone if a.locale)
    main = ArticleGroup(name, tuple(sorted(members.values(), key=lambda a: a.locale or "")), source_locale, taken)
    return ([main] if members else []) + [ArticleGroup(article.path, (article,), source_locale) for article in alone]
