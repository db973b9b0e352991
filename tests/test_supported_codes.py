"""WL301 decides each code on its own, so one locale's slip does not flip the verdict for the others."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import corpus_file, replace_line, run


def summary(folder: Path) -> list[tuple[str, int, str]]:
    return [(f.locale, f.loc.line, f.message.split(";")[0]) for f in run([folder], select=["WL301"])]


STALE = [
    ("es-ES", 36, "supported-codes list: 0x8007007b, 0xC004C003, 0x8007232B missing"),
    ("fr-FR", 36, "supported-codes list: 0x8007007b, 0xC004C003, 0x8007232B missing"),
    ("ja-JP", 36, "supported-codes list: 0x8007007b, 0xC004C003, 0x8007232B missing"),
]


@pytest.mark.parametrize(
    ("locale", "line", "old", "new", "expected"),
    [
        ("zh-CN", 43, "0x8007232B", "0x8007232C", ("zh-CN", 43, "supported-codes list: 0x8007232C looks like a mistyped 0x8007232B")),
        ("ru-RU", 43, "0xC004F039", "0xC004F03A", ("ru-RU", 43, "supported-codes list: 0xC004F03A looks like a mistyped 0xC004F039")),
        ("fr-FR", 36, "0xC004F039, ", "", ("fr-FR", 36, "supported-codes list: 0xC004F039, 0x8007007b, 0xC004C003, 0x8007232B missing")),
    ],
)
def test_one_slip_is_reported_on_its_locale_only(
    corpus_copy: Path, locale: str, line: int, old: str, new: str, expected: tuple[str, int, str]
) -> None:
    replace_line(corpus_file(locale, corpus_copy), line, old, new)
    found = summary(corpus_copy)
    assert expected in found
    assert sorted(set(found) - {expected}) == [s for s in STALE if s[0] != expected[0]]


def test_the_slip_is_not_blamed_on_the_stale_revision(corpus_copy: Path) -> None:
    replace_line(corpus_file("fr-FR", corpus_copy), 36, "0xC004F039, ", "")
    (finding,) = [f for f in run([corpus_copy], select=["WL301"]) if f.locale == "fr-FR"]
    assert finding.cause == "" and "es-ES, ja-JP, ru-RU, zh-CN list them" in finding.message
    (edit,) = finding.fixes
    assert edit.new == "0xC004F038, 0xC004F039, 0xC004F041, 0xC004F074, 0xC004C008, 0x8007007b, 0xC004C003, 0x8007232B"


def test_corpus_fix_inserts_in_reference_order_with_own_separator() -> None:
    (ja,) = [f for f in run([corpus_file("ja-JP")], select=["WL301"])]
    (edit,) = ja.fixes
    assert edit.new == "0xC004F038、0xC004F039、0xC004F041、0xC004F074、0xC004C008、0x8007007b、0xC004C003、0x8007232B"
    assert ja.cause == "stale-revision"


def test_a_code_typed_with_a_letter_for_a_digit_stays_in_the_list(corpus_copy: Path) -> None:
    replace_line(corpus_file("ru-RU", corpus_copy), 43, "0xC004F041", "0xC004F04l")
    assert summary(corpus_copy) == STALE  # not "0xC004F038, 0xC004F039, 0xC004F041 missing": the list is read whole
    (misspelled,) = run([corpus_copy], select=["WL607"])
    assert (misspelled.locale, misspelled.loc.line, misspelled.excerpt) == ("ru-RU", 43, "0xC004F04l")
