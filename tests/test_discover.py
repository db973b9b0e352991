"""Grouping the locale versions of one article in the three layouts, and reading siblings of named files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lint.discover import discover, locate, plan_groups
from tests.conftest import LOCALES, corpus_file, run, where


@pytest.mark.parametrize(
    ("path", "key", "locale"),
    [
        ("docs/fr-fr/get-started/x.md", "docs/{locale}/get-started/x.md", "fr-FR"),
        ("docs/FR-FR/get-started/x.md", "docs/{locale}/get-started/x.md", "fr-FR"),
        ("repo.ja-jp/server/x.md", "repo.{locale}/server/x.md", "ja-JP"),
        ("corpus/activation-error-codes.zh-CN.md", "corpus/activation-error-codes.{locale}.md", "zh-CN"),
        ("docs/api/get-started.md", "docs/api/get-started.md", None),
        ("/work/ci-main/corpus/x.fr-FR.md", "/work/ci-main/corpus/x.{locale}.md", "fr-FR"),  # folders shaped like a locale
        ("/home/me/my-docs/en-us/how-to/x.md", "/home/me/my-docs/{locale}/how-to/x.md", "en-US"),
        ("docs/how-to-set-up.md", "docs/how-to-set-up.md", None),
        ("docs/sr-latn-rs/x.md", "docs/{locale}/x.md", "sr-Latn-RS"),
        ("docs/es-419/x.md", "docs/{locale}/x.md", "es-419"),
    ],
)
def test_locate(path: str, key: str, locale: str | None) -> None:
    located = locate(path)
    assert (located.key, located.locale) == (key, locale)


def _tree(root: Path, pattern: str) -> list[Path]:
    made = []
    for locale in LOCALES:
        target = root / pattern.format(locale=locale.lower())
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(corpus_file(locale), target)
        made.append(target)
    return made


@pytest.mark.parametrize("pattern", ["docs/{locale}/get-started/activation.md", "windowsserverdocs.{locale}/get-started/activation.md"])
def test_docs_tree_layouts_group_by_path(tmp_path: Path, pattern: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path, pattern)
    (tmp_path / "docs" / "README.md").parent.mkdir(exist_ok=True)
    (tmp_path / "docs" / "README.md").write_text("# Readme\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    files, missing = discover(["."])
    plans = plan_groups(files)
    assert not missing
    assert sorted(len(plan.files) for plan in plans) == [1, 5]
    found = run(["."], select=["WL201"])
    assert [(f.locale, f.loc.line) for f in found] == [("es-ES", 48)]


def test_a_checkout_in_a_folder_shaped_like_a_locale_groups_as_anywhere(tmp_path: Path) -> None:
    for checkout in ("wt-lead", "ci-main"):
        corpus = tmp_path / checkout / "corpus"
        corpus.mkdir(parents=True)
        for locale in LOCALES:
            shutil.copyfile(corpus_file(locale), corpus / corpus_file(locale).name)
        (plan,) = plan_groups(discover([str(corpus.resolve())])[0])
        assert len(plan.files) == 5
        assert where(run([corpus.resolve()], select=["WL201"])) == [("WL201", "activation-error-codes.es-ES.md", 48)]


def test_names_shaped_like_locales_are_not_locale_versions_of_one_article(tmp_path: Path) -> None:
    for name in ("how-to-set-up.md", "how-to-log-in.md"):
        (tmp_path / name).write_text("# How to\n\nText.\n", encoding="utf-8")
    assert sorted(len(plan.files) for plan in plan_groups(discover([str(tmp_path)])[0])) == [1, 1]


def test_free_names_grouped_by_front_matter(tmp_path: Path) -> None:
    for index, locale in enumerate(LOCALES):
        shutil.copyfile(corpus_file(locale), tmp_path / f"{index:03d}_seed.md")
    (plan,) = plan_groups(discover([str(tmp_path)])[0])
    assert len(plan.files) == 5
    assert where(run([tmp_path], select=["WL201"])) == [("WL201", "000_seed.md", 48)]


def test_named_file_is_checked_against_siblings_on_disk(corpus_copy: Path) -> None:
    """What a pre-commit hook passes: only the staged file. The others are read as evidence."""
    found = run([corpus_copy / "activation-error-codes.fr-FR.md"], select=["WL301", "WL201"])
    assert where(found) == [("WL301", "activation-error-codes.fr-FR.md", 36)]
    assert "ru-RU, zh-CN from a newer one" in found[0].message


def test_alone_or_without_locale_no_cross_locale_findings(tmp_path: Path) -> None:
    shutil.copyfile(corpus_file("ja-JP"), tmp_path / "only.ja-JP.md")
    (tmp_path / "guide.md").write_text("# Guide\n\n|[0xC004F074](#x) |a |\n|-|-|\n|[0xC004F074](#x) |b |\n", encoding="utf-8")
    assert where(run([tmp_path], select=["WL301", "WL201"])) == []


def test_a_locale_folder_without_the_article_adds_nothing_to_its_group(tmp_path: Path) -> None:
    made = _tree(tmp_path, "docs/{locale}/get-started/activation.md")
    (tmp_path / "docs" / "de-de" / "get-started").mkdir(parents=True)
    (tmp_path / "docs" / "it-it" / "get-started" / "activation.md").mkdir(parents=True)  # a folder, not the article
    (plan,) = plan_groups([made[0].as_posix()])
    assert plan.files == tuple((path.as_posix(), locale) for path, locale in zip(made, LOCALES, strict=True))
    assert plan.targets == {made[0].as_posix()}
