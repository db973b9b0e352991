"""Rules register themselves with `@rule`; the docstring is the rule's documentation."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from lint.finding import Finding, Severity
from lint.group import ArticleGroup

Check = Callable[[ArticleGroup], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    fixable: bool
    check: Check

    @property
    def explanation(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.explanation.partition("\n")[0]

    @property
    def options(self) -> dict[str, object]:
        """The check's keyword-only parameters and their defaults: what configuration may set. Read from the
        function itself: `inspect.signature` cost a one-article check 1.3 ms."""
        return dict(getattr(self.check, "__kwdefaults__", None) or {})


RULES: dict[str, Rule] = {}
C = TypeVar("C", bound=Check)


def rule(code: str, severity: str = "error", fixable: bool = False) -> Callable[[C], C]:
    def register(check: C) -> C:
        if code in RULES:
            raise ValueError(f"rule code {code} is used twice")
        RULES[code] = Rule(code, check.__name__.replace("_", "-"), Severity(severity), fixable, check)
        return check

    return register


def load_rules() -> dict[str, Rule]:
    """Every rule in the `checks` package, by code."""
    _import_checks()
    return dict(sorted(RULES.items()))


@cache
def _import_checks() -> None:
    """Import every module of the `checks` package, once: importing a module registers its rule."""
    import checks

    for module in pkgutil.iter_modules(checks.__path__):
        importlib.import_module(f"checks.{module.name}")
