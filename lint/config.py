"""Configuration: `[tool.winact-lint]` in pyproject.toml, or a winact-lint.toml, found upward from the working folder."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from lint.finding import Finding, Severity
from lint.registry import Rule
from lint.text import canonical_locale

FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # max-file-size


class ConfigError(Exception):
    """A configuration or usage error, said in one sentence (exit 2)."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # code prefixes or rule names; empty: every rule
    ignore: tuple[str, ...] = ()  # ignore always wins over select
    severity: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    glossary: tuple[str, ...] = ()  # do-not-translate terms, beyond those the group itself shows
    reference_locale: str = "en-US"
    fail_on: str = "error"
    exclude: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_BYTES
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # rule code -> keyword options
    source: str = ""  # the file it was read from

    def enabled(self, rule: Rule) -> bool:
        selected = not self.select or any(_matches(rule, item) for item in self.select)
        return selected and not any(_matches(rule, item) for item in self.ignore)

    def severity_of(self, rule: Rule, finding: Finding) -> Severity:
        return self.severity.get(rule.code) or finding.severity or rule.severity

    def ignores(self, finding: Finding) -> bool:
        return any(
            fnmatch(finding.loc.path, pattern) and any(finding.rule.startswith(code) or code == finding.name for code in codes)
            for pattern, codes in self.per_file_ignores.items()
        )

    def options_for(self, rule: Rule) -> dict[str, Any]:
        accepted = rule.options
        given = {"glossary": self.glossary, **self.options.get(rule.code, {})}
        return {name: value for name, value in given.items() if name in accepted}


def _matches(rule: Rule, item: str) -> bool:
    return rule.code.startswith(item) or rule.name == item


def find_config_file(start: Path) -> Path | None:
    """The nearest winact-lint.toml, or pyproject.toml with a [tool.winact-lint] table, at or above `start`."""
    for folder in [start, *start.parents]:
        if (folder / "winact-lint.toml").is_file():
            return folder / "winact-lint.toml"
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "winact-lint" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from None


def load_config(rules: Mapping[str, Rule], path: Path | None = None, start: Path | None = None) -> Config:
    """The configuration in `path`, or the nearest one above `start`; the defaults when there is none."""
    path = path or find_config_file((start or Path.cwd()).resolve())
    if path is None:
        return Config()
    data = _read_toml(path)
    table = data if path.name != "pyproject.toml" else data.get("tool", {}).get("winact-lint", {})
    config = parse_config(table, rules, str(path))
    per_file = {_rebased(pattern, path.parent): codes for pattern, codes in config.per_file_ignores.items()}
    return replace(config, exclude=tuple(_rebased(p, path.parent) for p in config.exclude), per_file_ignores=per_file)


def _rebased(pattern: str, folder: Path) -> str:
    """A path pattern written relative to the configuration file, made relative to the working folder
    (the paths of findings are); a pattern starting with `*` matches anywhere and stays as it is."""
    if pattern.startswith("*") or Path(pattern).is_absolute():
        return pattern
    return Path(os.path.relpath(folder.resolve() / pattern, Path.cwd())).as_posix()


_KEYS = {
    *("select", "ignore", "severity", "per-file-ignores", "glossary"),
    *("reference-locale", "fail-on", "exclude", "max-file-size", "options"),
}


def parse_config(table: Mapping[str, Any], rules: Mapping[str, Rule], source: str = "") -> Config:
    where = f"{source}: " if source else ""
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(f"{where}unknown key {unknown[0]!r} in [tool.winact-lint] (known: {', '.join(sorted(_KEYS))})")
    per_file = {}
    for pattern, codes in _table(table, "per-file-ignores", where).items():
        per_file[pattern] = tuple(_strings(codes, f"per-file-ignores[{pattern!r}]", where))
        _check_codes(codes, rules, where, "per-file-ignores")
    fail_on = table.get("fail-on", "error")
    if fail_on not in FAIL_ON:
        raise ConfigError(f"{where}fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    max_size = table.get("max-file-size", DEFAULT_MAX_BYTES)
    if not isinstance(max_size, int) or isinstance(max_size, bool) or max_size <= 0:
        raise ConfigError(f"{where}max-file-size must be a positive number of bytes")
    return Config(
        source=source,
        select=_code_list(table, "select", rules, where),
        ignore=_code_list(table, "ignore", rules, where),
        severity=_severities(table, rules, where),
        per_file_ignores=per_file,
        glossary=tuple(_strings(table.get("glossary", []), "glossary", where)),
        reference_locale=_locale(table.get("reference-locale", "en-US"), where),
        fail_on=fail_on,
        exclude=tuple(_strings(table.get("exclude", []), "exclude", where)),
        max_file_size=max_size,
        options=_options(table, rules, where),
    )


def _severities(table: Mapping[str, Any], rules: Mapping[str, Rule], where: str) -> dict[str, Severity]:
    """`severity = {WL4 = "warning"}`: a code prefix sets every rule it names."""
    severity: dict[str, Severity] = {}
    for item, level in _table(table, "severity", where).items():
        _check_codes([item], rules, where, "severity")
        if level not in ("error", "warning", "info"):
            raise ConfigError(f"{where}severity of {item} must be error, warning or info, not {level!r}")
        severity.update((rule.code, Severity(level)) for rule in rules.values() if _matches(rule, item))
    return severity


def _options(table: Mapping[str, Any], rules: Mapping[str, Rule], where: str) -> dict[str, dict[str, Any]]:
    """`[tool.winact-lint.options.WL401]`: keyword options of one rule, named by its code or name."""
    options: dict[str, dict[str, Any]] = {}
    for item, values in _table(table, "options", where).items():
        rule = next((r for r in rules.values() if item in (r.code, r.name)), None)
        if rule is None:
            raise ConfigError(f"{where}options: unknown rule {item!r} (options are set per rule code, see `winact-lint rules`)")
        given = {name.replace("-", "_"): value for name, value in values.items()} if isinstance(values, dict) else None
        if given is None or set(given) - set(rule.options):
            known = ", ".join(name.replace("_", "-") for name in rule.options) or "none"
            raise ConfigError(f"{where}options for {rule.code}: unknown option (known: {known})")
        options[rule.code] = given
    return options


def _locale(value: Any, where: str) -> str:
    locale = canonical_locale(value) if isinstance(value, str) else None
    if locale is None:
        raise ConfigError(f"{where}reference-locale must be a locale such as en-US, not {value!r}")
    return locale


def _table(table: Mapping[str, Any], key: str, where: str) -> dict[str, Any]:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{where}{key} must be a table")
    return value


def _strings(value: Any, key: str, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}{key} must be a list of strings")
    return value


def _code_list(table: Mapping[str, Any], key: str, rules: Mapping[str, Rule], where: str) -> tuple[str, ...]:
    codes = _strings(table.get(key, []), key, where)
    _check_codes(codes, rules, where, key)
    return tuple(codes)


def _check_codes(items: Any, rules: Mapping[str, Rule], where: str, key: str) -> None:
    for item in items:
        if not any(_matches(rule, item) for rule in rules.values()):
            raise ConfigError(f"{where}{key}: unknown rule {item!r} (see `winact-lint rules`)")
